from __future__ import annotations

from helpers import make_doc
from pagemend.model import replace
from pagemend.stages.assemble_blocks import assemble_blocks


def test_assemble_blocks_spans_cover_each_line():
    doc = make_doc("first line\nsecond", "third")
    first = (0, 0)
    lines = {(line.page, line.number): replace(line, starts_block=(line.page, line.number) == first)
             for line in doc.lines()}
    block, = assemble_blocks(doc.with_lines(lines), None).blocks
    assert block.text == "first line second third"
    assert [(s.start, s.end, s.page, s.line) for s in block.spans] == [
        (0, 10, 0, 0), (11, 17, 0, 1), (18, 23, 1, 0)
    ]
    assert block.continues_on_next_page and block.pages == (0, 1)


def test_assemble_blocks_glue_and_verse():
    doc = make_doc("de-\nfend", "line one\nline two")
    lines = {
        (0, 0): replace(doc.pages[0].lines[0], text="de", glue_next=True, starts_block=True),
        (1, 0): replace(doc.pages[1].lines[0], kind="verse", starts_block=True),
        (1, 1): replace(doc.pages[1].lines[1], kind="verse"),
    }
    blocks = assemble_blocks(doc.with_lines(lines), None).blocks
    assert [(b.kind, b.text) for b in blocks] == [("paragraph", "defend"),
                                                  ("verse", "line one\nline two")]


def test_assemble_blocks_skips_furniture():
    doc = make_doc("12 | Head\nbody")
    lines = {(0, 0): replace(doc.pages[0].lines[0], role="running_head")}
    assert [b.text for b in assemble_blocks(doc.with_lines(lines), None).blocks] == ["body"]
