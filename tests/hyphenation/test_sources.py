from __future__ import annotations

import pytest

from pagemend.hyphenation import HyphenSite, Vote, decide
from pagemend.hyphenation.sources import (
    Context,
    capitalised_continuation,
    compound_prefix,
    digits,
    document_counts,
    euphonic_t,
    number_compound,
)

EMPTY = Context(word_counts={}, compound_prefixes={})


@pytest.mark.parametrize(
    ("counts", "left", "right", "decision"),
    [
        ({"defend": 1}, "de", "fend", "join"),
        ({"door-nail": 2}, "door", "nail", "keep"),
        ({"door-nails": 1}, "door", "nail", "keep"),  # inflections count for the stem
        ({"well-known": 1, "wellknown": 3}, "well", "known", "join"),
        ({}, "de", "fend", None),
    ],
)
def test_document_counts(counts, left, right, decision):
    vote = document_counts(HyphenSite(left, right), Context(counts, {}))
    assert (vote.decision if vote else None) == decision


def test_compound_prefix_needs_more_compounds_than_plain_words():
    context = Context({}, compound_prefixes={"self": 3, "un": 1}, word_starts={"un": 9})
    assert compound_prefix(HyphenSite("self", "made"), context).decision == "keep"
    assert compound_prefix(HyphenSite("un", "favourable"), context) is None


@pytest.mark.parametrize(
    ("source", "site", "decision"),
    [
        (digits, HyphenSite("1914", "18"), "keep"),
        (number_compound, HyphenSite("forty", "two"), "keep"),
        (number_compound, HyphenSite("soixante", "quinze"), "keep"),
        (number_compound, HyphenSite("for", "ty"), None),
        (euphonic_t, HyphenSite("t", "il", before="arriva-t"), "keep"),
        (capitalised_continuation, HyphenSite("Anglo", "Saxon"), "keep"),
        (capitalised_continuation, HyphenSite("PHILADEL", "PHIA"), None),
        (capitalised_continuation, HyphenSite("un", "der"), None),
    ],
)
def test_rules(source, site, decision):
    vote = source(site, EMPTY)
    assert (vote.decision if vote else None) == decision


def test_decide_without_votes_joins_and_conflict_keeps_flagged():
    site = HyphenSite("de", "fend")
    assert decide(site, []).join
    tie = decide(site, [Vote("a", "join", 1.0, ""), Vote("b", "keep", 1.0, "")])
    assert not tie.join and tie.flagged
