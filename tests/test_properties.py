"""Properties that hold for any input: no crash, nothing lost, the same output every time,
idempotent, and metamorphic (furniture added or lines broken anew leave the text as it was).

The number of examples comes from the Hypothesis profile (tests/conftest.py): ``ci`` (the
default, at least 2,000 per property) or ``fuzz`` (10,000; ``make fuzz``)."""

from __future__ import annotations

import json
import random
import time

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from book_text import book, settled
from helpers import CORPUS
from pagemend.pipeline import mend
from pagemend.readers import read_text
from pagemend.verify import rebuild
from pagemend.writers import write

# text with the characters book dumps carry: form feeds, newlines, hyphens of every kind
page_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r")
    | st.sampled_from(["\f", "\n", "-", "\u00ad", "\u2010", "\ufffe", "ﬁ", " ", "\u00a0"]),
    max_size=300,
)


@given(page_text)
def test_any_text_mends_and_rebuilds_exactly(source):
    doc = mend(read_text(source))
    assert rebuild(doc) == source
    for fmt in ("md", "txt", "json"):
        write(doc, fmt)


@given(page_text)
def test_mending_is_deterministic(source):
    assert write(mend(read_text(source))) == write(mend(read_text(source)))


def _without_furniture(case: str) -> list[str]:
    """The case's pages with their printed heads and folios taken out (per the manifest)."""
    source = (CORPUS / case / "input.pages.txt").read_text(encoding="utf-8")
    manifest = json.loads((CORPUS / case / "manifest.json").read_text(encoding="utf-8"))
    pages = []
    for text, page in zip(source.rstrip("\f").split("\f"), manifest["pages"], strict=True):
        lines = [line for line in text.split("\n") if line not in page["lines"]]
        pages.append("\n".join(lines).strip("\n"))
    return pages


@pytest.mark.parametrize("case", ["walden-groff", "carol-odt", "hume-groff"])
def test_adding_a_running_head_and_folio_leaves_the_text_unchanged(case):
    pages = _without_furniture(case)
    plain = mend(read_text("\f".join(pages)))
    furnished = mend(read_text("\f".join(
        f"THE FURNISHED BOOK\n\n{page}\n\n{n}" for n, page in enumerate(pages, start=11))))
    assert [b.text for b in furnished.blocks] == [b.text for b in plain.blocks]
    assert [p.label for p in furnished.pages] == [str(n) for n in range(11, 11 + len(pages))]


def test_mend_of_the_output_changes_nothing():
    """Idempotence: mending the mended text (one block a page) gives the same text back."""
    source = "It was the best of times, it was the worst of times, it was the age of\nwisdom."
    once = write(mend(read_text(source)))
    assert write(mend(read_text(once))) == once


WALDEN = (CORPUS / "walden-groff" / "input.pages.txt").read_text(encoding="utf-8")


@settings(max_examples=25)  # six thousand characters of a real book each: a sample suffices
@given(st.lists(st.integers(min_value=0, max_value=5999), min_size=40,
                max_size=400))
def test_a_text_that_lost_spaces_rebuilds_exactly(cuts):
    """Spaces deleted at random from a real book, enough to set restore_word_spaces to work:
    whatever it puts back, the input comes back from the output and its edits."""
    lost = set(cuts)
    source = "".join(c for i, c in enumerate(WALDEN[:6000]) if not (c == " " and i in lost))
    assert rebuild(mend(read_text(source))) == source


#: a degenerate page: nothing, white space, one endless line or word, a lone number...
degenerate_page = st.one_of(
    st.just(""),
    st.text(alphabet=" \t\u00a0\n", max_size=50),
    st.builds(lambda n: "word " * n, st.integers(0, 3000)),
    st.builds(lambda n: "x" * n, st.integers(0, 20000)),
    st.builds(lambda n, tail: "one" + " " * n + tail, st.integers(0, 20000),
              st.sampled_from(["word", "said", "1", "iv", "xii"])),
    st.builds(str, st.integers(-5, 10**12)),
    st.text(max_size=80),
)
#: seconds a degenerate document of a few pages may take (a real page takes milliseconds)
DEGENERATE_SECONDS = 5.0


@given(st.lists(degenerate_page, min_size=1, max_size=30))
def test_degenerate_pages_never_crash_and_stay_fast(pages):
    source = "\f".join(pages)
    started = time.perf_counter()
    doc = mend(read_text(source))
    assert rebuild(doc) == source
    write(doc, "md")
    assert time.perf_counter() - started < DEGENERATE_SECONDS


#: the measures (characters) a generated book is set at: a book's usual range
MEASURES = (62, 72)
books = st.builds(
    lambda seed, count: [settled(random.Random(seed * 1000 + i), MEASURES) for i in range(count)],
    st.integers(0, 2**32), st.integers(8, 14))


@given(books)
def test_mending_the_text_output_changes_nothing(paragraphs):
    """Idempotence: the mended text (a paragraph a line), mended again, is the same text."""
    once = write(mend(read_text(book(paragraphs, MEASURES[0], 12))), "txt")
    assert write(mend(read_text(once)), "txt") == once


def _texts(source: str) -> list[str]:
    return [block.text for block in mend(read_text(source)).blocks]


@given(books)
def test_a_running_head_and_folio_on_every_page_change_nothing(paragraphs):
    plain = book(paragraphs, MEASURES[0], 12)
    assume(plain.count("\f") >= 3)  # a head is found by its repetition over pages
    furnished = book(paragraphs, MEASURES[0], 12, furnish="THE TITLE OF THE BOOK",
                     first_folio=7)
    assert _texts(furnished) == _texts(plain)


@given(books)
def test_lines_broken_anew_with_other_hyphens_change_nothing(paragraphs):
    """The same paragraphs set at another measure (other line breaks, other words broken
    with hyphens, other page breaks) mend to the same text."""
    assert _texts(book(paragraphs, MEASURES[1], 10)) == _texts(book(paragraphs, MEASURES[0], 12))
