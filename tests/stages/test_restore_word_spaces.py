"""Lost word spaces (pagemend/stages/restore_word_spaces.py): put back where the lexicon
reads two common words, only in a document that lost many."""

from __future__ import annotations

import string
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pagemend.pipeline import DEFAULT_ORDER, mend
from pagemend.readers import read_text
from pagemend.stages import restore_word_spaces as restore
from pagemend.verify import rebuild

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

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


#: words the split tries: runs of two common words, with and without capitals, and
#: pieces and run-together words of every length
_COMMON = ["the", "their", "over", "each", "knew", "farm", "price", "a", "i", "of", "it",
           "therein", "in", "ever", "every", "thing", "nothing", "where", "wherever", "i"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_COMMON) | st.text(string.ascii_letters, min_size=1,
                                                   max_size=6), min_size=1, max_size=4),
       st.sampled_from(["en", "fr"]))
def test_a_split_with_the_common_words_is_the_split_without(parts: list[str],
                                                            lang: str) -> None:
    """The vocabulary's shortcut (a search that stops at the first left part beginning no
    common word) finds the split every lookup finds."""
    word = "".join(parts)
    assert restore._split(word, lang, restore._vocabulary(lang)) == restore._split(word, lang)


def test_the_common_words_split_the_corpus_words_as_lookups_do() -> None:
    words = sorted({word for path in sorted(CORPUS.glob("*/input.pages.txt"))
                    for word in restore._WORD.findall(path.read_text(encoding="utf-8"))
                    if len(word) >= restore.MIN_WORD_LETTERS})
    vocabulary = restore._vocabulary("en")
    found = [restore._split(word, "en", vocabulary) for word in words]
    assert found == [restore._split(word, "en") for word in words]
    assert sum(at is not None for at in found) > 50
