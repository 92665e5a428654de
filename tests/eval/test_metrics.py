from __future__ import annotations

import json

import pytest

from helpers import CORPUS
from pagemend.eval.metrics import label_matches, load_case, score

CASE = CORPUS / "biographia-weasy"  # verse, notes and headings: every metric applies


@pytest.fixture(scope="module")
def case():
    return load_case(CASE)


def truth_markdown(path) -> str:
    """The truth's blocks written as Markdown the way the corpus README describes."""
    out, notes = [], []
    for block in json.loads((path / "truth.json").read_text(encoding="utf-8"))["blocks"]:
        kind, text = block["kind"], block["text"]
        if kind == "heading":
            out.append("#" * block["level"] + " " + text)
        elif kind == "blockquote":
            out.append("> " + text)
        elif kind == "verse":
            out.append("\\\n".join(text.split("\n")))
        elif kind == "note":
            notes.append(f"[^{block['note_id']}]: {text}")
        else:
            out.append(text)
    return "\n\n".join(out + notes) + "\n"


def test_truth_scores_one_on_every_metric(case):
    result = score(case, truth_markdown(CASE))
    for metric in ("overall", "word_accuracy", "paragraph_f1", "heading_f1", "verse_f1",
                   "note_ref_f1", "note_text_accuracy", "hyphen_accuracy", "furniture_score"):
        assert result[metric] == pytest.approx(1.0), metric
    assert result["note_body_leak"] == 0.0 and result["prose_line_breaks"] == 0


def test_line_breaks_inside_prose_are_counted(case):
    rewrapped = truth_markdown(CASE).replace(" the ", " the\n", 5)
    result = score(case, rewrapped)
    assert result["prose_line_breaks"] == 5
    assert result["verse_f1"] < 1.0


def test_empty_output_scores_zero(case):
    result = score(case, "")
    assert result["word_accuracy"] == 0.0 and result["overall"] < 0.1


def test_label_matches_counts_printed_folios():
    assert label_matches(["1", "2", "4"], {"pages": [{"folio": "1"}, {"folio": "2"},
                                                      {"folio": "3"}]}) == (2, 3)
