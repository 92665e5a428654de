"""Furniture patterns real books use; each test builds pages the way extraction gives them."""

from __future__ import annotations

import json
import sys

import pytest

from helpers import CORPUS, make_doc
from pagemend.model import Geometry, replace
from pagemend.pipeline import mend
from pagemend.readers import read_path
from pagemend.rules import RULES
from pagemend.stages import remove_running_heads

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


# Issue 14: books the corpus had not seen. Each test states one typographic situation.

def _sentence(seed: int) -> list[str]:
    """Four prose lines that end in the middle of a sentence."""
    return [*_prose(seed)[:3], _prose(seed)[3].rstrip(".,;") + " and the"]


def _finished(seed: int) -> list[str]:
    """Four prose lines that open and close a sentence."""
    lines = _prose(seed)
    return [lines[0][0].upper() + lines[0][1:], *lines[1:3], lines[3].rstrip(".,;") + "."]


def test_heading_of_a_short_chapter_stays_though_the_heads_repeat_it():
    # heads stand over a blank line; the chapter heading runs straight into its text
    pages = [page("Of Lamps", *BODY, "1"), page("Of Lamps", "", *BODY, "2"),
             page("Of Ferries", *BODY, "3"), page("Of Ferries", "", *BODY, "4"),
             page("Of Ferries", "", *BODY, "5")]
    assert [[text for text, _ in p] for p in removed(*pages)] == [
        ["1"], ["Of Lamps", "2"], ["3"], ["Of Ferries", "4"], ["Of Ferries", "5"]]


def test_head_on_one_page_over_a_sentence_running_on():
    pages = [page("THE BOOK", "", *BODY, "1"), page("THE BOOK", "", *_sentence(2), "2"),
             page("Of the ferry", "", "miller and his wife, " + _prose(3)[0], *BODY, "3")]
    assert removed(*pages)[2] == [("Of the ferry", "running_head"), ("3", "folio")]


def test_heading_over_a_new_sentence_stays():
    pages = [page("THE BOOK", "", *BODY, "1"), page("THE BOOK", "", *_finished(1), "2"),
             page("Of the ferry", "", *_finished(2), "3")]
    assert removed(*pages)[2] == [("3", "folio")]


def test_chapter_label_is_no_head_on_one_page():
    pages = [page("THE BOOK", "", *BODY, "1"), page("THE BOOK", "", *_sentence(2), "2"),
             page("CHAPTER II", "", "miller and his wife, " + _prose(3)[0], *BODY, "3")]
    assert removed(*pages)[2] == [("3", "folio")]


def test_head_over_its_heading_with_the_folio_between():
    pages = [page("SECTION ONE", "", "1", "", "SECTION ONE", *BODY),
             page("2", "", "SECTION ONE", "", *BODY),
             page("SECTION TWO", "", "3", "", "SECTION TWO", *BODY),
             page("4", "", "SECTION THREE", "", "SECTION THREE", *BODY)]
    assert removed(*pages) == [
        [("SECTION ONE", "running_head"), ("1", "folio")],
        [("2", "folio"), ("SECTION ONE", "running_head")],
        [("SECTION TWO", "running_head"), ("3", "folio")],
        [("4", "folio"), ("SECTION THREE", "running_head")],
    ]


def test_folio_read_after_the_left_column():
    left, right = BODY, BODY
    pages = [page("LAMPS", "", *left, "", *right, "", "1"),
             page("THE BOOK", "", *left, "2", "", *right),
             page("LAMPS", "", *left, "", *right, "", "3"),
             page("THE BOOK", "", *left, "4", "", *right)]
    assert [sorted(p) for p in removed(*pages)] == [
        [("1", "folio"), ("LAMPS", "running_head")],
        [("2", "folio"), ("THE BOOK", "running_head")],
        [("3", "folio"), ("LAMPS", "running_head")],
        [("4", "folio"), ("THE BOOK", "running_head")],
    ]


def test_numbered_items_at_the_top_are_not_heads():
    pages = [page(f"{n}.", *BODY, str(n)) for n in (1, 2, 3)]
    assert removed(*pages) == [[("1", "folio")], [("2", "folio")], [("3", "folio")]]


def test_a_long_head_recurring_word_for_word_goes():
    title = "In Which the Lamplighter Keeps a Book of the Nights a Lamp Failed Him Again"
    pages = [page(title, str(n), *BODY) for n in (1, 2, 3)]
    assert removed(*pages) == [[(title, "running_head"), (str(n), "folio")] for n in (1, 2, 3)]


def test_roman_folio_beside_the_title_the_arabic_pages_print():
    heads = ["ii The Lower Town", "The Lower Town iii", "4 The Lower Town", "The Lower Town 5"]
    doc = mend(make_doc(*[page(head, "", *BODY) for head in heads]))
    assert [p.furniture for p in doc.pages] == [(head,) for head in heads]
    assert [p.label for p in doc.pages] == ["ii", "iii", "4", "5"]


def test_with_geometry_the_edges_are_found_by_position():
    def placed(doc):
        pages = []
        for p in doc.pages:
            lines, top = [], 60.0
            for line in p.lines:
                geometry = None
                if line.text:  # the head was read after the body: it still sits on top
                    at = 30.0 if line.text.isupper() else (top := top + 12.0)
                    geometry = Geometry(50.0, 300.0, at, at + 10.0, 10.0)
                lines.append(replace(line, geometry=geometry))
            pages.append(replace(p, lines=tuple(lines)))
        return replace(doc, pages=tuple(pages))

    doc = placed(make_doc(*[page(*BODY, "THE BOOK", str(n)) for n in (1, 2, 3)]))
    roles = [[(line.text, line.role) for line in p.lines if line.role != "body"]
             for p in mend(doc).pages]
    assert [sorted(r) for r in roles] == [
        [(str(n), "folio"), ("THE BOOK", "running_head")] for n in (1, 2, 3)]


def test_every_removal_is_a_decision_of_a_declared_rule():
    pages = [page("SECTION ONE", "", "1", "", "SECTION ONE", *BODY),
             page("THE BOOK", "", *_sentence(5), "2"),
             page("Of the ferry", "", "miller and his wife, " + _prose(3)[0], *BODY, "3"),
             page("THE BOOK", "", *BODY, "", *BODY, "", "4")]
    doc = mend(make_doc(*pages))
    decisions = {(d.page, d.line): d for d in doc.decisions if d.stage == "remove_running_heads"}
    furniture = {(line.page, line.number): line.role for line in doc.lines()
                 if line.role != "body"}
    assert {key: d.after for key, d in decisions.items()} == furniture
    assert {d.rule for d in decisions.values()} <= set(RULES)
    assert {d.rule for d in decisions.values()} >= {
        "remove_running_heads.head_over_its_heading",
        "remove_running_heads.head_over_running_sentence",
        "remove_running_heads.folio_in_sequence", "remove_running_heads.recurring_line"}
    assert all(d.evidence and d.before == "body" for d in decisions.values())


def test_head_with_folio_repeating_the_heading_of_the_page_before():
    # the reading order put this head and its folio at the foot of the page
    pages = [page("THE BOOK", "", *BODY, "1"), page("THE BOOK", "", *_finished(1), "2"),
             page("The Ferry", "", *_finished(2), "3"), page(*BODY, "The Ferry 4")]
    assert removed(*pages)[2:] == [[("3", "folio")], [("The Ferry 4", "foot")]]


@pytest.mark.parametrize("label", ["1", "*"])
def test_one_line_note_at_the_foot_is_not_a_foot_line(label):
    # the same short note on every page, its page aside (notes restart on every page)
    pages = [page(f"{n} | THE BOOK", "", *BODY, f"{label} Ibid., p. {n * 7}.") for n in (2, 3, 4)]
    assert removed(*pages) == [[(f"{n} | THE BOOK", "running_head")] for n in (2, 3, 4)]


def test_the_last_line_of_a_note_is_not_a_foot_line():
    pages = [page("THE BOOK", "", *BODY, "* Compare the letters, vol. ii. p.", f"{n}.", str(n))
             for n in (12, 13, 14)]
    assert removed(*pages) == [[("THE BOOK", "running_head"), (str(n), "folio")]
                               for n in (12, 13, 14)]


def test_chapter_opening_page_moves_the_folio_to_the_foot():
    # heading and heads both stand over a blank line; the opening page prints its folio at
    # the foot, the head pages beside the head
    pages = [page("Of Lamps", "", *_finished(1), "1"), page("2", "", "Of Lamps", "", *_finished(2)),
             page("Of Ferries", "", *_finished(3), "3"), page("4", "", "Of Ferries", "", *BODY),
             page("Of Ferries", "", "5", "", *_finished(4))]
    assert [[text for text, _ in p] for p in removed(*pages)] == [
        ["1"], ["2", "Of Lamps"], ["3"], ["4", "Of Ferries"], ["Of Ferries", "5"]]


def test_heading_told_from_its_heads_by_the_text_under_them():
    # no blank lines and no positions (pdfium's text): the heading stands over a new sentence
    # after a finished page, the heads over text running on
    def running(seed: int) -> str:
        return "miller and his wife, " + _prose(seed)[0]

    pages = [page("Of Bells", *_finished(0), "1"), page("Of Bells", running(3), *_finished(7), "2"),
             page("Of Lamps", *_finished(1), "3"), page("Of Lamps", *_sentence(2), "4"),
             page("Of Lamps", running(4), *_finished(4), "5"),
             page("Of Ferries", *_finished(5), "6"), page("Of Ferries", running(5), *BODY, "7")]
    assert [[text for text, _ in p] for p in removed(*pages)][1:] == [
        ["Of Bells", "2"], ["3"], ["Of Lamps", "4"], ["Of Lamps", "5"], ["6"],
        ["Of Ferries", "7"]]


def test_head_over_a_chapter_opening_lower_down_stays_a_head():
    pages = [page("Of Lamps", *_finished(1), "1"), page("Of Lamps", *_finished(2), "2"),
             page("Of Ferries", "CHAPTER II.", *_finished(3), "3"),
             page("Of Ferries", "miller and his wife, " + _prose(6)[0], *BODY, "4")]
    assert [[text for text, _ in p] for p in removed(*pages)][2:] == [
        ["Of Ferries", "3"], ["Of Ferries", "4"]]


def test_first_head_after_a_chapter_opened_lower_down_is_a_head():
    def running(seed: int) -> str:
        return "miller and his wife, " + _prose(seed)[0]

    pages = [page("Of Lamps", *_finished(1), "1"),
             page("Of Lamps", running(2), *_finished(6), "CHAPTER II.", *_finished(3), "2"),
             page("Of Ferries", *_finished(4), "3"), page("Of Ferries", running(5), *BODY, "4")]
    assert [[text for text, _ in p] for p in removed(*pages)][2:] == [
        ["Of Ferries", "3"], ["Of Ferries", "4"]]


def test_a_short_line_ending_two_pages_of_a_book_without_furniture_stays():
    """Property test find: in a book that prints no heads or feet, two pages that happen to
    end in the same short line (`be.`, a paragraph's last word) keep it: a line seen on two
    pages only, run on with the text, is a head only where the book shows heads elsewhere."""
    import random

    from book_text import sentence, wrap

    rng = random.Random(7)
    pages = []
    for number in range(3):
        lines = wrap(" ".join(sentence(rng) for _ in range(8)), 64)
        pages.append("\n".join([*lines, "be."] if number != 1 else lines))
    doc = mend(make_doc(*pages))
    assert all(page.furniture == () for page in doc.pages)


def test_a_line_that_finishes_a_broken_word_is_never_furniture():
    """Property test find: `nev-` / `er.` at the foot of two pages of a book with folios:
    the line finishes the word the line above broke, so it is text, however it recurs."""
    import random

    from book_text import sentence, wrap

    rng = random.Random(11)
    pages = []
    for number in range(4):
        lines = wrap(" ".join(sentence(rng) for _ in range(8)), 64)
        if number in (1, 3):
            lines += ["so it was, and the people in the town said they would see nev-", "er."]
        pages.append("\n".join([*lines, "", str(number + 1)]))
    doc = mend(make_doc(*pages))
    assert all(page.furniture == (str(page.index + 1),) for page in doc.pages)


def test_a_lower_case_line_on_two_pages_goes_on_its_sentence():
    """Property test find: two pages whose last body line is the same lower-case word
    (`understanding.`) above a folio: the line goes on a sentence, no foot line."""
    import random

    from book_text import sentence, wrap

    rng = random.Random(5)
    pages = []
    for number in range(4):
        lines = wrap(" ".join(sentence(rng) for _ in range(8)), 64)
        if number in (1, 3):
            lines += ["and so the people in the town came at last to an", "understanding."]
        pages.append("\n".join([*lines, "", str(number + 1)]))
    doc = mend(make_doc(*pages))
    assert all(page.furniture == (str(page.index + 1),) for page in doc.pages)


def test_margin_marks_first_character_test_is_the_alphanumeric_pattern() -> None:
    """``_margin_marks`` ends a line opening with a letter or digit (``str.isalnum``) before
    asking ``_ALPHANUMERIC``: the two agree on every code point."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert char.isalnum() == (remove_running_heads._ALPHANUMERIC.search(char) is not None)
