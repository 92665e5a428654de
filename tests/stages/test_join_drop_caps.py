"""Drop caps (pagemend/stages/join_drop_caps.py): the initial goes back to its word, with a
text edit, and the decision names the rule that moved it."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from pagemend.model import Line
from pagemend.pipeline import DEFAULT_ORDER, mend
from pagemend.readers import read_text
from pagemend.stages import join_drop_caps
from pagemend.verify import rebuild

UNTIL_DROP_CAPS = DEFAULT_ORDER[: DEFAULT_ORDER.index("join_drop_caps") + 1]


def test_an_initial_after_its_first_line_joins_its_word():
    source = "HAT is truth? said the clerk, and would not stay for an an-\nW\nswer from us.\n"
    doc = mend(read_text(source), order=UNTIL_DROP_CAPS)
    assert [line.text for line in doc.lines()][:2] == [
        "WHAT is truth? said the clerk, and would not stay for an an-", ""]
    assert [(d.rule, d.after) for d in doc.decisions if d.stage == "join_drop_caps"] == [
        ("join_drop_caps.moved_away", "marker"), ("join_drop_caps.initial_alone", "W")]


def test_a_glued_initial_joins_its_word_and_the_input_is_rebuilt():
    source = "HE miller said nothing at all, and went back to his mill.\nT wheel turned.\n"
    doc = mend(read_text(source))
    assert doc.blocks[0].text.startswith("THE miller")
    assert "wheel turned." in doc.blocks[0].text
    assert rebuild(doc) == source
    assert any(d.rule == "join_drop_caps.initial_glued" for d in doc.decisions)


def test_a_dictionary_letter_is_no_drop_cap():
    source = "A\nABASEMENT, n. A decent and customary attitude of mind.\n"
    doc = mend(read_text(source), order=UNTIL_DROP_CAPS)
    assert next(line.text for line in doc.lines()) == "A"


def test_candidates_capital_test_passes_every_capital_the_word_pattern_takes() -> None:
    """``_candidates`` asks ``_CAPITALS_WORD`` only of lines opening with a capital
    (``str.isupper``): every code point the pattern opens with is one."""
    for code in range(sys.maxunicode + 1):
        if join_drop_caps._CAPITALS_WORD.match(chr(code)):
            assert join_drop_caps._candidates([Line(chr(code), 0, 0)]) == [0], hex(code)


@settings(max_examples=300)  # long generated lines: a sample suffices
@given(st.from_regex(join_drop_caps._INITIAL) | st.from_regex(join_drop_caps._QUOTE_ALONE))
def test_candidates_length_test_passes_every_initial_or_mark_alone(text: str) -> None:
    """``_candidates`` keeps a line after one of at most three characters: every line that
    ``_INITIAL`` or ``_QUOTE_ALONE`` matches (an initial, a mark, a line break) is one."""
    assert 1 in join_drop_caps._candidates([Line(text, 0, 0), Line("ord", 0, 1)])
