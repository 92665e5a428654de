"""Furniture patterns real books use; each test builds pages the way extraction gives them."""

from __future__ import annotations

import json

import pytest

from helpers import CORPUS, make_doc
from pagemend.pipeline import mend
from pagemend.readers import read_path

_PROSE = (  # noqa: SIM905 (prose reads better as prose)
    "It was a dark and stormy night; the rain fell in torrents, except at occasional "
    "intervals, when it was checked by a violent gust of wind which swept up the streets, "
    "rattling along the housetops, and fiercely agitating the scanty flame of the lamps that "
    "struggled against the darkness. Through one of the obscurest quarters of London, and "
    "among haunts little loved by the gentlemen of the police, a man, evidently of the lowest "
    "orders, was wending "
).split()
BODY = ["<body>"]  # stands for four lines of prose, different on every page


def _prose(seed: int) -> list[str]:
    words = _PROSE[seed % 7 :] + _PROSE[: seed % 7]
    return [" ".join(words[i : i + 12]) for i in range(0, 48, 12)]


_pages_made = [0]


def page(*lines: str) -> str:
    out = []
    for line in lines:
        if line == "<body>":
            _pages_made[0] += 1
            out.extend(_prose(_pages_made[0]))
        else:
            out.append(line)
    return "\n".join(out)


def removed(*pages: str) -> list[list[tuple[str, str]]]:
    doc = mend(make_doc(*pages))
    return [[(line.text, line.role) for line in p.lines if line.role != "body"] for p in doc.pages]


def kept_text(*pages: str) -> str:
    return " ".join(block.text for block in mend(make_doc(*pages)).blocks)


def test_folio_alone_at_the_foot():
    pages = [page(*BODY, "", str(n)) for n in (7, 8, 9)]
    assert removed(*pages) == [[("7", "folio")], [("8", "folio")], [("9", "folio")]]


def test_folio_alone_at_the_top_then_the_head():
    verso = [page(str(n), "", "Following the Equator", "", *BODY) for n in (2, 4)]
    recto = [page("CHAPTER XXVI", *BODY, str(n)) for n in (3, 5)]
    assert removed(verso[0], recto[0], verso[1], recto[1]) == [
        [("2", "folio"), ("Following the Equator", "running_head")],
        [("CHAPTER XXVI", "running_head"), ("3", "folio")],
        [("4", "folio"), ("Following the Equator", "running_head")],
        [("CHAPTER XXVI", "running_head"), ("5", "folio")],
    ]


@pytest.mark.parametrize(
    "heads",
    [
        ["12 | Title of the Book", "Chapter Title | 13", "14 | Title of the Book"],
        ["TITLE OF THE BOOK · 12", "CHAPTER ONE · 13", "TITLE OF THE BOOK · 14"],
        ["THE TITLE 12", "THE CHAPTER 13", "THE TITLE 14", "THE CHAPTER 15"],  # spaces only
        ["12 The Title", "The Chapter 13", "14 The Title", "The Chapter 15"],
    ],
)
def test_folio_and_head_on_one_line(heads):
    pages = [page(head, "", *BODY) for head in heads]
    assert removed(*pages) == [[(head, "running_head")] for head in heads]


@pytest.mark.parametrize("folios", [["— 3 —", "— 4 —", "— 5 —"], ["[12]", "[13]", "[14]"]])
def test_ornamented_folios(folios):
    pages = [page(*BODY, folio) for folio in folios]
    doc = mend(make_doc(*pages))
    assert [p.furniture for p in doc.pages] == [(f,) for f in folios]
    assert [p.label for p in doc.pages] == [f.strip("—[] ") for f in folios]


def test_heads_on_recto_pages_only():
    pages = [
        page(*BODY, "1"),
        page("A CHAPTER TITLE", "", *BODY, "2"),
        page(*BODY, "3"),
        page("A CHAPTER TITLE", "", *BODY, "4"),
    ]
    assert [len(p) for p in removed(*pages)] == [1, 2, 1, 2]


def test_letter_spaced_head_extraction_breaks_up():
    pages = [page("C HAP TER ONE", "", *BODY, "1"), page("CHAP TER ONE", "", *BODY, "2")]
    assert [p[0][1] for p in removed(*pages)] == ["running_head", "running_head"]


def test_roman_front_matter_then_arabic():
    pages = [page(*BODY, roman) for roman in ("xi", "xii")] + [page(*BODY, str(n)) for n in (1, 2)]
    doc = mend(make_doc(*pages))
    assert [p.label for p in doc.pages] == ["xi", "xii", "1", "2"]


def test_chapter_opening_page_keeps_its_heading_and_loses_its_folio():
    pages = [
        page("STAVE ONE.", "", "MARLEY’S GHOST.", "", *BODY, "1"),
        page("A CHRISTMAS CAROL", "", *BODY, "2"),
        page("STAVE ONE", "", *BODY, "3"),
        page("A CHRISTMAS CAROL", "", *BODY, "4"),
        page("STAVE ONE", "", *BODY, "5"),
    ]
    first = removed(*pages)[0]
    assert first == [("1", "folio")]
    assert kept_text(*pages).startswith("STAVE ONE. MARLEY’S GHOST.")


def test_heading_set_in_the_body_flow_is_not_the_head():
    # the heads are set apart from the body by a gap (a blank line); the heading is not
    pages = [page("PREFACE", *BODY, "i")] + [
        page(head, "", *BODY, roman)
        for head, roman in [
            ("Narrative", "ii"),
            ("PREFACE", "iii"),
            ("Narrative", "iv"),
            ("PREFACE", "v"),
        ]
    ]
    assert removed(*pages)[0] == [("i", "folio")]


def test_pages_without_furniture():
    assert removed(page(*BODY), page(*BODY)) == [[], []]


def test_body_line_starting_with_a_number_stays():
    pages = [
        page("1950 was the year the treaty was signed, and the", *BODY, "7"),
        page("12 soldiers crossed the river before the bridge gave way", *BODY, "8"),
    ]
    assert removed(*pages) == [[("7", "folio")], [("8", "folio")]]


def test_single_page_head_by_its_shape():
    assert removed(page("142 { China’s Quest", *BODY)) == [
        [("142 { China’s Quest", "running_head")]
    ]


def test_removals_are_edits_holding_the_line():
    doc = mend(make_doc(page("12 | Title", "", *BODY)))
    (edit,) = [e for e in doc.edits if e.stage == "remove_running_heads"]
    assert (edit.action, edit.before, edit.after, edit.line) == (
        "remove_running_head",
        "12 | Title",
        "",
        0,
    )


@pytest.mark.parametrize("case", sorted(p.name for p in CORPUS.iterdir() if p.is_dir()))
def test_corpus_furniture_is_exactly_what_was_printed(case):
    doc = mend(read_path(str(CORPUS / case / "input.pages.txt")))
    manifest = json.loads((CORPUS / case / "manifest.json").read_text(encoding="utf-8"))
    for found, printed in zip(doc.pages, manifest["pages"], strict=True):
        assert sorted(found.furniture) == sorted(printed["lines"]), found.index
