"""The quality gate: the corpus means stay at or above the floors pinned in the repo."""

from __future__ import annotations

import pytest

from helpers import CORPUS, PRINTINGS
from pagemend.eval.gate import check, corpus_digest, floors_key, load_floors, raise_floors
from pagemend.eval.runner import EvalReport, evaluate


@pytest.fixture(scope="module")
def report(corpus_runs) -> EvalReport:
    return corpus_runs("pages")[0]


def test_gate_pages_input_holds_its_floors(report):
    assert check(report, load_floors(), corpus_digest(CORPUS, "pages")) == []


def test_gate_pdf_input_holds_its_floors(corpus_runs):
    pytest.importorskip("pypdfium2")
    pdf = corpus_runs("pdf")[0]
    assert check(pdf, load_floors(), corpus_digest(CORPUS, "pdf")) == []


@pytest.mark.parametrize("variant", ["pdfium", "pdftotext", "ocr"])
def test_gate_other_text_inputs_hold_their_floors(variant):
    """The other extractions of the corpus (pdfium's text, poppler's, Tesseract's) are not
    yet worked on, but what they score is pinned so that no change makes them worse."""
    report = evaluate(CORPUS, variant)
    assert check(report, load_floors(), corpus_digest(CORPUS, variant)) == []


def test_gate_printings_hold_their_floors():
    """The older printings (issue 17) have floors of their own, under ``printings/pages``."""
    report = evaluate(PRINTINGS, "pages")
    key = floors_key(PRINTINGS, "pages")
    assert key == "printings/pages"
    assert check(report, load_floors(), corpus_digest(PRINTINGS, "pages"), key) == []


def test_gate_fails_below_a_floor(report):
    floors = raise_floors(report, {}, "digest")
    floors["pages"]["floors"]["mean.word_accuracy"] = 1.01
    failures = check(report, floors, "digest")
    assert len(failures) == 1 and failures[0].startswith("mean.word_accuracy:")


def test_floors_only_move_up(report):
    floors = raise_floors(report, {}, "d")
    floors["pages"]["floors"]["mean.overall"] = 0.99
    floors["pages"]["floors"]["mean.furniture_leaks_per_page"] = 0.0
    raised = raise_floors(report, floors, "d")["pages"]["floors"]
    assert raised["mean.overall"] == 0.99
    assert raised["mean.furniture_leaks_per_page"] == 0.0  # a ceiling never rises


def test_gate_notices_another_corpus(report):
    floors = raise_floors(report, {}, "one")
    assert check(report, floors, "another") == [
        "the corpus differs from the one the floors were measured on"
    ]


def test_a_new_corpus_is_pinned_anew(report):
    floors = raise_floors(report, {}, "small")
    floors["pages"]["floors"]["mean.overall"] = 1.0
    repinned = raise_floors(report, floors, "grown")["pages"]
    assert repinned["corpus_sha256"] == "grown"
    assert repinned["floors"]["mean.overall"] == round(report.means["overall"], 4)


def test_every_case_overall_is_pinned(report):
    floors = raise_floors(report, {}, "d")["pages"]["floors"]
    assert {name for name in floors if name.startswith("case.")} == {
        f"case.{case}.overall" for case in report.cases
    }
