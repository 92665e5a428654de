"""Lost word spaces (pagemend/stages/restore_word_spaces.py): put back where the lexicon
reads two common words, only in a document that lost many."""

from __future__ import annotations

from pagemend.pipeline import DEFAULT_ORDER, mend
from pagemend.readers import read_text
from pagemend.verify import rebuild

UNTIL = DEFAULT_ORDER[: DEFAULT_ORDER.index("restore_word_spaces") + 1]
LOST = ("At a certain season I have thus surveyed the country, and I knewtheir price.\n"
        "Iwalked overeach farmer's premises, and took his farm at anyprice, and\n"
        "Manyt hink that seeds improve with age, but I have nodoubt of it at all.\n")
SPACED = ("At a certain season I have thus surveyed the country, and I knew their price.\n"
          "I walked over each farmer's premises, and took his farm at any price, and\n"
          "Many think that seeds improve with age, but I have no doubt of it at all.\n")


def test_spaces_come_back_where_a_document_lost_many():
    doc = mend(read_text(LOST * 3), order=UNTIL)
    assert "\n".join(line.text for line in doc.pages[0].lines[:3]) + "\n" == SPACED
    assert rebuild(mend(read_text(LOST * 3))) == LOST * 3  # each change is an edit
    assert {edit.action for edit in doc.edits if edit.stage == "restore_word_spaces"} == {
        "restore_space"}


def test_a_document_with_its_own_unknown_words_is_left_alone():
    """Names and old spellings the word list lacks, and a run-together word or two: too few
    splits to say the spaces were lost."""
    text = ("Mr. Whitemash of Hollowell walk'd to the mill, and I knewtheir price.\n"
            + "The miller and his wife kept the mill by the brook for many years.\n" * 20)
    doc = mend(read_text(text), order=UNTIL)
    assert doc.pages[0].lines[0].text.startswith("Mr. Whitemash of Hollowell")
    assert not [edit for edit in doc.edits if edit.stage == "restore_word_spaces"]


def test_a_very_long_word_is_not_tried_split_by_split():
    """Issue 16: a 100,000-letter word took quadratic time and gigabytes; no part of a split
    can be longer than a common word, so the tries are bounded per word."""
    from pagemend.stages.restore_word_spaces import MAX_PART_LETTERS, _split

    assert _split("a" * 100_000, "en") is None
    assert _split("knewtheir", "en") == 4
    assert _split("x" * (2 * MAX_PART_LETTERS + 1), "en") is None
