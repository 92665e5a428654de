"""detect_lists: the cheap tests before its label pattern and its table-of-contents pattern."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pagemend.model import Line
from pagemend.stages import detect_lists


@settings(max_examples=300)  # long generated lines: a sample suffices
@given(st.from_regex(detect_lists._ITEM))
@example("XXXVII. The longest plain label")
@example("(xxviii) the longest label in brackets")
@example("123) three digits")
def test_label_window_test_passes_every_line_the_label_pattern_matches(text: str) -> None:
    """``_numbered`` asks ``item_number`` only of lines with ``)`` among their first eight
    characters or ``.`` among their first seven: every labelled line is found."""
    number = detect_lists.item_number(text)
    if number is not None:  # (a well-formed label: ``(cccc)`` matches but counts nothing)
        assert detect_lists._numbered([Line(text, 0, 0)]) == [(0, number)]


def test_a_line_the_numeral_test_turns_down_is_no_toc_entry() -> None:
    """``_numeral_set_apart`` is asked before ``_TOC``: on random lines of the pattern's own
    characters (ASCII and other digits, the roman letters, spaces, full stops) every line it
    turns down is one ``_TOC`` does not match, and it turns most down (fails when the test
    drops a line the pattern needs)."""
    import random

    alphabet = ["a", "B", " ", "  ", ".", ". .", "1", "23", "4567", "i", "v", "xl", "c",
                "\t", "\u0663", "\u2003", "\n", ",", "-"]
    rng = random.Random(7)
    turned_down = 0
    for _ in range(100_000):
        text = "".join(rng.choices(alphabet, k=rng.randint(1, 8)))
        if not detect_lists._numeral_set_apart(text):
            turned_down += 1
            assert detect_lists._TOC.match(text) is None, repr(text)
    assert turned_down > 15_000
