from __future__ import annotations

import json

import pytest

from helpers import CASES, CORPUS, make_doc
from pagemend.model import replace
from pagemend.pipeline import mend
from pagemend.readers import read_path, read_text
from pagemend.writers.json import write_json

LINES = ["A line of body text that runs to the full width of the page here,"] * 6


def test_missing_folio_is_inferred_from_the_sequence():
    pages = ["\n".join([*LINES, folio]) for folio in ("9", "10", "")] + ["\n".join([*LINES, "12"])]
    doc = mend(make_doc(*pages))
    assert [(p.label, p.label_inferred) for p in doc.pages] == [
        ("9", False), ("10", False), ("11", True), ("12", False)
    ]


def test_inferred_roman_label_keeps_its_style():
    pages = ["\n".join([*LINES, folio]) for folio in ("", "viii", "ix")]
    doc = mend(make_doc(*pages))
    assert [p.label for p in doc.pages] == ["vii", "viii", "ix"]


@pytest.mark.parametrize("case", ["douglass-xelatex", "equator-xelatex", "franklin-latex"])
@pytest.mark.parametrize("k", [1, 3])
def test_dropping_the_first_pages_keeps_every_label(case, k):
    text = (CORPUS / case / "input.pages.txt").read_text(encoding="utf-8")
    full = mend(read_text(text))
    pages = text.rstrip("\f").split("\f")
    shorter = mend(read_text("\f".join(pages[k:])))
    assert [p.label for p in shorter.pages] == [p.label for p in full.pages[k:]]
    manifest = json.loads((CORPUS / case / "manifest.json").read_text(encoding="utf-8"))
    assert [p.label for p in full.pages] == [p["folio"] for p in manifest["pages"]]


def test_seed_page_and_every_block_are_labelled_142():
    data = json.loads(write_json(mend(read_path(str(CASES / "seed" / "input.pages.txt")))))
    assert [(p["label"], p["label_inferred"]) for p in data["pages"]] == [("142", False)]
    assert data["pages"][0]["furniture"] == ["142 { China’s Quest"]
    assert {span["label"] for block in data["blocks"] for span in block["spans"]} == {"142"}


def _declared(doc, labels):
    pages = tuple(replace(p, pdf_label=label) for p, label in zip(doc.pages, labels, strict=True))
    return replace(doc, pages=pages)


def _labelled(folios, declared):
    pages = ["\n".join([*LINES, folio]) for folio in folios]
    return mend(_declared(make_doc(*pages), declared))


def test_declared_labels_that_agree_with_print_outvote_one_misread_folio():
    # where the PDF and the print agree on every other page, their one disagreement is
    # a number the furniture was wrong about
    doc = _labelled(["9", "10", "11", "12", "13"], ["9", "10", "11", "xii", "13"])
    assert [p.label for p in doc.pages] == ["9", "10", "11", "xii", "13"]


def test_print_wins_over_labels_that_only_count_the_sheets():
    doc = _labelled(["9", "10", "11", "12"], ["1", "2", "3", "4"])
    assert [p.label for p in doc.pages] == ["9", "10", "11", "12"]



@pytest.mark.parametrize(("case", "by", "says"), [
    ("two-columns-pdf", "declared_over_print", "/PageLabels '1' agrees with the printed '1'"),
    ("type-and-markers-pdf", "declared_label", "/PageLabels '12'; no folio printed"),
    ("labels-disagree-pdf", "printed_folio", "printed folio '5' over /PageLabels '1'"),
    ("catchwords-pdf", "printed_folio", "printed folio '8'"),
])
def test_a_pdf_label_says_whether_it_came_from_the_print_or_page_labels(case, by, says):
    """Issue 15: /PageLabels are cross-checked with the printed folios (hand-set PDFs of our
    own): agreeing, declared alone, disagreeing, absent; the decision names the source."""
    pytest.importorskip("pypdfium2")
    doc = mend(read_path(str(CASES / case / "input.pdf")))
    first = next(d for d in doc.decisions if d.stage == "capture_page_labels" and d.page == 0)
    assert first.rule == f"capture_page_labels.{by}" and first.evidence.startswith(says)
