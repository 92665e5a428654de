"""Properties that hold for any input: no crash, nothing lost, idempotent rendering."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


@settings(max_examples=200, deadline=None)
@given(page_text)
def test_any_text_mends_and_rebuilds_exactly(source):
    doc = mend(read_text(source))
    assert rebuild(doc) == source
    for fmt in ("md", "txt", "json"):
        write(doc, fmt)


@settings(max_examples=100, deadline=None)
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


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=5999), min_size=40,
                max_size=400))
def test_a_text_that_lost_spaces_rebuilds_exactly(cuts):
    """Spaces deleted at random from a real book, enough to set restore_word_spaces to work:
    whatever it puts back, the input comes back from the output and its edits."""
    lost = set(cuts)
    source = "".join(c for i, c in enumerate(WALDEN[:6000]) if not (c == " " and i in lost))
    assert rebuild(mend(read_text(source))) == source
