"""furniture.catchword: the next page's first word at the right margin under the text."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from pagemend.furniture import catchword
from pagemend.model import Geometry, Line, Page


def _line(text: str, where: tuple[int, int], x0: float, x1: float, top: float) -> Line:
    return Line(text, where[0], where[1], Geometry(x0, x1, top, top + 10.0, 10.0))


def _pages(word: str, following: str, signature: str = "") -> tuple[Page, Page]:
    lines = [_line("the last full line of the page ends", (0, 0), 50, 250, 300)]
    if signature:
        lines.append(_line(signature, (0, 1), 140, 150, 313))
    lines.append(_line(word, (0, len(lines)), 250 - 6 * len(word), 250, 313))
    first = Page(0, None, tuple(lines), width=300.0)
    second = Page(1, None, (_line("[ 9 ]", (1, 0), 140, 160, 40),
                            _line(following, (1, 1), 50, 250, 60)), width=300.0)
    return first, second


def test_a_catchword_is_the_next_pages_first_word_at_the_right_margin():
    first, second = _pages("length,", "length, warmed so that the glue", "B 2")
    found = catchword(first, second, 250.0, 10.0)
    assert found is not None
    assert found[0].text == "length," and [line.text for line in found[1]] == ["B 2"]


def test_a_hyphenated_catchword_opens_the_next_pages_first_word():
    first, second = _pages("Work-", "Workmanship of this kind")
    assert catchword(first, second, 250.0, 10.0) is not None


def test_a_word_that_does_not_open_the_next_page_is_no_catchword():
    first, second = _pages("nothing", "Workmanship of this kind")
    assert catchword(first, second, 250.0, 10.0) is None


def test_a_paragraphs_last_line_is_no_catchword():
    """A short last line starts at the left margin: it is text, whatever follows."""
    first, second = _pages("length,", "length, warmed so that the glue")
    moved = first.lines[-1]
    last = Line(moved.text, 0, moved.number, Geometry(50, 80, 313, 323, 10.0))
    first = Page(0, None, (*first.lines[:-1], last), width=300.0)
    assert catchword(first, second, 250.0, 10.0) is None


def test_the_chapter_label_pattern_is_division_or_bare_numeral():
    """``_LABEL_LINE`` looks ahead at a division word's first letter and length before it tries
    the words: every division word, opening with any character that matches its first letter
    ignoring case (every code point tried: the long s, the Kelvin sign), in either case, before
    any white space and numeral, and random lines of those pieces, match it exactly where
    ``DIVISION`` or ``BARE_NUMERAL`` does (fails when the look ahead drops a word, a first
    character or a length the patterns take)."""
    import random
    import re

    from pagemend.data.headings import BARE_NUMERAL, DIVISION, DIVISION_WORDS
    from pagemend.furniture import _LABEL_LINE

    def same(text: str) -> bool:
        return bool(_LABEL_LINE.match(text)) == bool(
            DIVISION.match(text) or BARE_NUMERAL.match(text))

    firsts = re.compile("[" + "".join({word[0] for word in DIVISION_WORDS}) + "]", re.IGNORECASE)
    openers = [char for char in map(chr, range(0x110000)) if firsts.fullmatch(char)]
    for word in DIVISION_WORDS:
        for char in openers:
            for rest in (word[1:], word[1:].upper()):
                for after in (" 3", "\tIV.", "\u2003XII — The End", "  one", "", "3"):
                    text = char + rest + after
                    assert same(text), text
    pieces = [*DIVISION_WORDS, "CHAPTER", "Book", "ſection", "\u212aapitel", " ", "\t", "XII",
              "iv", "3", ".", "§", "—", "Title", "the", "a", "\n"]
    rng = random.Random(5)
    for _ in range(30_000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 5)))
        assert same(text), repr(text)


@given(st.lists(st.sampled_from([0.0, -0.0, 1.5, 2.0, 2.0, 7.25, float("nan"), float("inf")]),
                min_size=1, max_size=9), st.booleans())
def test_edge_order_without_a_sort_is_the_sorted_order(tops, shuffled):
    """``_in_order`` answers a page whose edges fall along the reading order without sorting
    (the reading order, or its reverse bottom up): the same lines as the sort of (top,
    index) and (-bottom, -index) tuples it stands for, ties, NaN and -0.0 included (fails
    when the shortcut takes a page whose edges do not fall along the reading order)."""
    from pagemend.furniture import _BOTTOM, _TOP, ZONE_LINES, _in_order
    from pagemend.model import Geometry

    values = tops if shuffled else sorted(tops, key=lambda v: (math.isnan(v), v))  # NaN last
    placed = [Geometry(0.0, 9.0, value, value, 10.0) for value in values]
    filled = [3 * n + 1 for n in range(len(placed))]
    assert _in_order(placed, filled, _TOP) == [
        i for _, i in sorted(zip(values, filled, strict=True))[:ZONE_LINES]]
    assert _in_order(placed, filled, _BOTTOM, lowest=True) == [
        -i for _, i in sorted(zip([-v for v in values], [-i for i in filled], strict=True))[
            :ZONE_LINES]]


@given(st.text(alphabet=st.sampled_from("aZß²½Ⅻ19._-|· \t"), max_size=12) | st.text(max_size=6))
def test_has_words_is_a_letter_anywhere_in_the_key(key):
    """``has_words`` asks the key's first character before walking the key: the same answer
    as a walk over every character (fails when the first test answers for a key of no letter)."""
    from pagemend.furniture import has_words

    assert has_words(key) == any(ch.isalpha() for ch in key)
