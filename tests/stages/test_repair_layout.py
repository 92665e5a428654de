"""repair_layout: the PDF reader's lines joined into printed lines and put in reading order,
every move an edit and every change of place a decision, all undone by verify.rebuild."""

from __future__ import annotations

import pytest

from helpers import CORPUS
from pagemend.model import Document, DocumentMeta, Geometry, Line, Page
from pagemend.pipeline import mend
from pagemend.stages.repair_layout import repair_layout
from pagemend.verify import extracted, rebuild

WIDTH = 450.0


def _line(text: str, x0: float, x1: float, top: float, *, size: float = 10.0,
          superscripts: tuple[tuple[int, int], ...] = ()) -> tuple[str, Geometry]:
    return text, Geometry(x0=x0, x1=x1, top=top, bottom=top + size, font_size=size,
                          superscripts=superscripts)


def _doc(*items: tuple[str, Geometry]) -> Document:
    lines = tuple(Line(text, 0, number, geometry) for number, (text, geometry) in enumerate(items))
    return Document(pages=(Page(0, None, lines, width=WIDTH),), meta=DocumentMeta())


def _texts(doc: Document) -> list[str]:
    return [line.text for line in doc.pages[0].lines]


def test_pieces_of_one_printed_line_join_left_to_right():
    """pdfium can give one printed line as two (franklin-latex: an italic title, then the
    rest with its note marker, in that order but on `lines` of their own)."""
    doc = _doc(_line("14 because it would have shown the means", 109, 310, 324.5,
                     superscripts=((0, 2),)),
               _line("Art of Virtue,", 40, 109, 325.5))
    repaired = repair_layout(doc, None)
    (line,) = repaired.pages[0].lines
    assert line.text == "Art of Virtue,14 because it would have shown the means"
    assert line.geometry is not None
    assert line.text[slice(*line.geometry.superscripts[0])] == "14"
    assert (line.geometry.x0, line.geometry.x1) == (40, 310)
    (join,) = [d for d in repaired.decisions if d.field == "line_join"]
    assert (join.rule, join.before, join.after) == ("repair_layout.pieces_of_one_line", 1, 0)
    assert [e.action for e in repaired.edits] == ["join_piece", "move_piece"]


def test_lines_apart_or_in_smaller_type_stay_apart():
    left_column = _line("the end of a line in the left column", 40, 250, 100)
    right_column = _line("a line of the right column", 300, 440, 100)  # over a gutter
    below = _line("the next line down", 40, 250, 112)
    repaired = repair_layout(_doc(left_column, right_column, below), None)
    assert _texts(repaired) == [left_column[0], right_column[0], below[0]]
    assert repaired.edits == ()


def test_a_marker_on_a_line_of_its_own_joins_the_line_it_stands_on():
    body = _line("the end of the sentence.", 40, 250, 100)
    marker = _line("4", 251, 255, 96, size=7.0)
    repaired = repair_layout(_doc(body, _line("next line", 40, 250, 112), marker), None)
    assert _texts(repaired) == ["the end of the sentence.4", "next line"]
    geometry = repaired.pages[0].lines[0].geometry
    assert geometry is not None and geometry.superscripts == ((24, 25),)
    assert {d.rule for d in repaired.decisions} == {"repair_layout.marker_on_its_line"}


def test_two_columns_read_left_before_right_and_gaps_become_blank_lines():
    right = [_line(f"right {i}", 240, 430, 100 + 12 * i) for i in range(6)]
    left = [_line(f"left {i}", 20, 210, 100 + 12 * i) for i in range(6)]
    interleaved = [item for pair in zip(left, right, strict=True) for item in pair]
    foot = _line("a foot line far below", 20, 430, 400)
    repaired = repair_layout(_doc(*interleaved, foot), None)
    assert _texts(repaired) == [t for t, _ in left] + [t for t, _ in right] + ["",
                                                                              foot[0]]
    rules = {d.rule for d in repaired.decisions}
    assert rules == {"repair_layout.two_columns", "repair_layout.gap_between_flows"}


def test_pages_without_geometry_are_left_alone():
    doc = Document(pages=(Page(0, None, (Line("plain text", 0, 0),)),))
    assert repair_layout(doc, None).pages == doc.pages


def test_rebuild_gives_back_what_the_reader_extracted():
    doc = _doc(_line("rest of the line", 109, 310, 324.5), _line("Start,", 40, 105, 325.5),
               _line("4", 311, 315, 320, size=7.0), _line("far below", 40, 300, 500))
    assert rebuild(mend(doc)) == extracted(doc)


@pytest.mark.parametrize("case", ["beagle-odt", "terrelune-weasy", "devils-xelatex"])
def test_corpus_pdf_rebuilds_after_repair(case):
    pytest.importorskip("pypdfium2")
    from pagemend.readers.pdf import read_pdf

    doc = read_pdf(CORPUS / case / "input.pdf")
    mended = mend(doc)
    assert any(d.stage == "repair_layout" for d in mended.decisions)
    assert rebuild(mended) == extracted(doc)
