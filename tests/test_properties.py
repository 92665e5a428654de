"""Properties that hold for any input: no crash, nothing lost, idempotent rendering."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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
