"""detect_lists: the cheap tests before its label pattern."""

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
