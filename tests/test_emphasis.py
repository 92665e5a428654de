"""Emphasis (issue 19): the PDF reader's italic, bold and small-capital runs become marks on
the blocks that survive the stages' text edits (hyphen joins, note markers taken out,
paragraph joins) and reach every writer; the eval measures italics against the truth."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from helpers import CORPUS
from pagemend.eval.metrics import load_case, score
from pagemend.model import Document, Geometry, Line, Page
from pagemend.pipeline import mend
from pagemend.readers import read_path
from pagemend.writers import write_markdown
from pagemend.writers.html import write_html
from pagemend.writers.json import read_json, write_json
from pagemend.writers.jsonl import write_jsonl
from pagemend.writers.tei import write_tei

ITALIC, CAPS = "Test-Italic", "Test-Small-Caps"


def _line(number: int, text: str, styles=(), superscripts=()) -> Line:
    top = 100.0 + 14 * number
    return Line(text, 0, number, Geometry(72, 72 + 6 * len(text), top, top + 10, 10.0,
                                          styles=styles, superscripts=superscripts))


@pytest.fixture(scope="module")
def doc() -> Document:
    """One paragraph of four printed lines: an italic word broken at a line-end hyphen with a
    note marker after it, an italic phrase running over a line end, small capitals."""
    lines = (
        _line(0, "It was the ship Pha-", ((16, 20, "italic", ITALIC),)),
        _line(1, "raon12 that came in from", ((0, 4, "italic", ITALIC),), ((4, 6),)),
        _line(2, "the harbour of Smyrna, and", ((15, 26, "italic", ITALIC),)),
        _line(3, "the port THE END of it all.", ((0, 8, "italic", ITALIC),
                                              (9, 16, "smallcaps", CAPS))),
    )
    return mend(Document(pages=(Page(0, None, lines, width=500.0),)))


def test_marks_survive_hyphen_joins_note_markers_and_paragraph_joins(doc):
    (block,) = doc.blocks
    assert block.text == ("It was the ship Pharaon that came in from the harbour of Smyrna, "
                          "and the port THE END of it all.")
    marked = [(mark.kind, block.text[mark.start:mark.end], mark.source) for mark in block.marks]
    assert marked == [("italic", "Pharaon", f"pdf font {ITALIC}"),
                      ("italic", "Smyrna, and the port", f"pdf font {ITALIC}"),
                      ("smallcaps", "THE END", f"pdf font {CAPS}")]
    assert [ref.note_id for ref in block.notes] == ["12"]


def test_every_writer_carries_the_marks(doc):
    markdown = write_markdown(doc)
    assert "ship *Pharaon*[^12] that" in markdown
    assert "of *Smyrna, and the port* THE END of" in markdown  # small capitals: letters kept
    html = write_html(doc)
    assert "<em>Pharaon</em>" in html and '<span class="smallcaps">THE END</span>' in html
    etree.fromstring(html.split("\n", 1)[1].encode())  # well-formed (polyglot XHTML)
    tei = write_tei(doc)
    assert '<hi rendition="simple:italic">Pharaon</hi>' in tei
    assert '<hi rendition="simple:smallcaps">THE END</hi>' in tei
    assert read_json(write_json(doc)).blocks[0].marks == doc.blocks[0].marks
    schemas = resources.files("pagemend.data")
    jsonschema.validate(json.loads(write_json(doc)), json.loads(
        schemas.joinpath("document.schema.json").read_text()))
    record = json.loads(write_jsonl(doc, granularity="document").splitlines()[0])
    jsonschema.Draft202012Validator(json.loads(
        schemas.joinpath("jsonl.schema.json").read_text())).validate(record)
    spans = record["attributes"]["pagemend__emphasis"]
    assert [(record["text"][a:b], kind) for a, b, kind in spans] == [
        ("Pharaon", "italic"), ("Smyrna, and the port", "italic"), ("THE END", "smallcaps")]


def test_overlapping_marks_nest():
    lines = (_line(0, "Sing, O goddess,", ((0, 16, "italic", ITALIC),)),
             _line(1, "the anger of Achilles", ((0, 9, "italic", ITALIC),
                                                 (4, 12, "bold", "Test-BoldItalic"))))
    doc = mend(Document(pages=(Page(0, None, lines, width=500.0),)))
    assert write_markdown(doc) == "*Sing, O goddess, the* ***anger*** **of** Achilles\n"
    assert ("<em>Sing, O goddess, the</em> <em><strong>anger</strong></em> <strong>of</strong>"
            in write_html(doc))
    etree.fromstring(write_tei(doc).encode())


def test_italics_from_a_corpus_pdf_reach_markdown_and_are_scored():
    case_dir = CORPUS / "montecristo-weasy"
    doc = mend(read_path(str(case_dir / "input.pdf")))
    markdown = write_markdown(doc)
    assert "*Pharaon*" in markdown
    row = score(load_case(case_dir), markdown)
    assert row["italic_recall"] == 1.0 and row["italic_precision"] == 1.0


def test_small_capitals_from_a_corpus_pdf_keep_their_letters():
    doc = mend(read_path(str(CORPUS / "montaigne-latex" / "input.pdf")))  # LMRomanCaps10
    caps = [block.text[mark.start:mark.end] for block in doc.blocks for mark in block.marks
            if mark.kind == "smallcaps"]
    assert "OF THE EDUCATION OF CHILDREN" in caps
    assert "OF THE EDUCATION OF CHILDREN" in write_markdown(doc)  # no Markdown for them


def test_the_italic_metric_reads_truth_rich_and_markdown_emphasis():
    case_dir = CORPUS / "amnotes-groff"
    case = load_case(case_dir)
    truth = json.loads((case_dir / "truth.json").read_text(encoding="utf-8"))
    plain = "\n\n".join(b["text"] for b in truth["blocks"] if b["kind"] != "note")
    rich = "\n\n".join(re.sub(r"\{/?sc\}", "", b.get("rich", b["text"]))
                       .replace("{i}", "*").replace("{/i}", "*")
                       for b in truth["blocks"] if b["kind"] != "note")
    assert case.truth.italic.count(True) > 100
    marked, bare = score(case, rich), score(case, plain)
    assert marked["italic_recall"] == marked["italic_precision"] == 1.0
    assert bare["italic_recall"] == 0.0 and bare["italic_precision"] is None
    assert marked["word_accuracy"] == bare["word_accuracy"]  # emphasis never costs words


def test_font_names_say_italic_bold_and_small_capitals():
    from pagemend.readers.pdf import _font_marks

    assert _font_marks("NewCenturySchlbk-Italic", False) == ("italic",)  # no italic flag
    assert _font_marks("Times-Roman", False) == ()
    assert _font_marks("TeX-Gyre-Bonum-Small-Caps", False) == ("smallcaps",)
    assert _font_marks("LMRomanCaps10-Regular", False) == ("smallcaps",)
    assert _font_marks("Palatino-Bold", False) == ("bold",)


def test_reader_records_style_runs_on_corpus_pdfs():
    from pagemend.readers.pdf import read_pdf

    doc = read_pdf(Path(CORPUS / "amnotes-groff" / "input.pdf"))
    runs = [(line.text[a:b], mark) for line in doc.lines() if line.geometry
            for a, b, mark, _ in line.geometry.styles]
    assert runs and {mark for _, mark in runs} == {"italic"}
    assert all(text == text.strip() and text for text, _ in runs)
