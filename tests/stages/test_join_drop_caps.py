"""Drop caps (pagemend/stages/join_drop_caps.py): the initial goes back to its word, with a
text edit, and the decision names the rule that moved it."""

from __future__ import annotations

from pagemend.pipeline import DEFAULT_ORDER, mend
from pagemend.readers import read_text
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
