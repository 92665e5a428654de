from __future__ import annotations

import pytest

from helpers import make_doc
from pagemend.pipeline import mend


def text(*pages: str) -> str:
    return " ".join(block.text for block in mend(make_doc(*pages)).blocks)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("we are firm and united, to de-\nfend the camp", "to defend the camp"),
        ("the principles of Marxism-\nLeninism and more", "Marxism-Leninism and"),
        ("the war of 1914-\n18 was long", "1914-18 was"),
        ("about forty-\ntwo of them", "forty-two of"),
        ("a door-nail, dead as a door-\nnail", "dead as a door-nail"),
        ("“Nan-\ntucket,” he said", "“Nantucket,” he"),
        ("the end of the line -\nand more", "line - and"),  # a spaced dash is no site
    ],
)
def test_line_end_hyphens(source, expected):
    assert expected in text(source)


def test_every_site_is_an_edit_with_its_evidence():
    doc = mend(make_doc("a door-nail and another door-\nnail, and to de-\nfend"))
    edits = [e for e in doc.edits if e.stage == "join_hyphenated_words"]
    assert [(e.action, e.before, e.after) for e in edits] == [
        ("keep_hyphen", "-", "-"), ("join_hyphen", "-", "")
    ]
    assert "'door-nail' occurs 1x" in edits[0].reason


def test_hyphen_at_the_foot_joins_with_the_next_page_over_its_head():
    pages = ["and so we set out to de-\n\n141", "142 | A Book Title\n\nfend the city."]
    assert "to defend the city." in text(*pages)


def test_flagged_sites_are_under_two_percent_of_the_corpus_sites():
    from helpers import CORPUS
    from pagemend.readers import read_path

    sites = flagged = 0
    for path in sorted(CORPUS.glob("*/input.pages.txt")):
        edits = [e for e in mend(read_path(str(path))).edits
                 if e.stage == "join_hyphenated_words"]
        sites += len(edits)
        flagged += sum(e.flagged for e in edits)
    assert sites > 1400
    assert flagged / sites < 0.02


@pytest.mark.parametrize("line", [
    "to de-", "the 1914-", "a --", "-", "x-", "_-", "Jone's-Fall-", "(«de-", "über\u00a0Fuß-",
    "a\u2003b-", "\u0661\u0662-", "x²-", "word\t-", " " * 70 + "ab-", "a" * 80 + "-",
    "see p. 12 and the over-", "—-", "é-", "a b\u2028c-",
])
def test_site_token_finds_what_the_site_pattern_finds(line: str) -> None:
    from pagemend.stages.join_hyphenated_words import _SITE, _site_token

    match = _SITE.search(line[-60:])
    assert _site_token(line) == (match.group("token") if match else None)
