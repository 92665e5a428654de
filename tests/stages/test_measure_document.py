from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from helpers import make_doc
from pagemend.stages.measure_document import (
    MIN_LINES_FOR_PAGE_MEASURE,
    MeasureDocumentConfig,
    count_words,
    measure_document,
)


def test_measure_document_full_line_length():
    page = "\n".join(["x" * 60] * MIN_LINES_FOR_PAGE_MEASURE + ["short"])
    stats = measure_document(make_doc(page, "tiny page"), MeasureDocumentConfig()).stats
    assert stats is not None
    assert stats.full_line_length == (60, 60)  # the short page takes the document's value
    assert stats.document_full_line_length == 60


def test_count_words_leaves_out_hyphen_halves_across_pages():
    doc = make_doc("we de-", "fend the well-known de fend")
    counts = count_words(doc.lines())
    assert counts["de"] == 1 and counts["fend"] == 1 and counts["well-known"] == 1
    assert counts["we"] == 1 and "defend" not in counts


#: letters (one of them folding to two, one numeric but no decimal digit), digits, the
#: characters that join a word's parts, ``_AROUND_WORDS``' and other punctuation, spaces
_WORD_ALPHABET = "aZßé²½19'’-_&.,;:!?\"()[]«»“”‘„*— \n\t"


@given(st.text(alphabet=_WORD_ALPHABET, max_size=60))
def test_tokens_split_at_punctuation_count_the_words_of_the_text(text):
    """The text split at ``_AROUND_WORDS`` as at white space gives the words ``words`` finds
    in the whole text: the same counts, in the order each word first occurs."""
    from pagemend.stages.measure_document import _token_words, _tokens, words

    assert list(_token_words(Counter(_tokens(text))).items()) == list(
        Counter(words(text)).items())
