"""pagemend's hyphen decisions against the blind policies peers amount to, on the corpus:
always joining (pdftotext, PyMuPDF4LLM) and always keeping."""

from __future__ import annotations

import pytest

from helpers import CORPUS
from pagemend.eval.runner import evaluate
from pagemend.pipeline import mend


def pooled(policy: str) -> dict[str, float | None]:
    config = {"join_hyphenated_words": {"policy": policy}}
    return evaluate(CORPUS, "pages", lambda doc: mend(doc, config)).pooled


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, float | None]]:
    return {policy: pooled(policy) for policy in ("evidence", "always_join", "always_keep")}


def test_evidence_beats_always_join_on_all_sites_and_on_compounds(results):
    evidence, always_join = results["evidence"], results["always_join"]
    assert evidence["hyphen_accuracy"] > always_join["hyphen_accuracy"]
    assert always_join["hyphen_compound_accuracy"] == 0.0
    assert evidence["hyphen_compound_accuracy"] >= 0.5


def test_always_keep_loses_the_syllable_sites(results):
    assert results["always_keep"]["hyphen_accuracy"] < 0.1
    assert results["always_keep"]["hyphen_compound_accuracy"] == 1.0
