from __future__ import annotations

from collections import Counter

import pytest
from lxml import etree, html

from pagemend.model import Block, Document, NoteRef, Page, Span
from pagemend.writers.html import write_html
from writers.conftest import INPUTS


def check_links(root, ids_in=None):
    """Ids are unique; every internal link names one. Returns the ids."""
    ids = Counter(root.xpath("//@id"))
    assert not [i for i, n in ids.items() if n > 1], "duplicate ids"
    for href in root.xpath("//@href"):
        assert not href.startswith(("http:", "https:", "//")), href
        if href.startswith("#"):
            assert href[1:] in ids, href
    return set(ids)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.parent.name)
def test_html_parses_and_every_internal_link_resolves(path, mended):
    doc = mended(path)
    out = write_html(doc)
    html.document_fromstring(out)
    root = etree.fromstring(out.encode("utf-8"))  # polyglot: well-formed XML as well
    ids = check_links(root)
    pages = {span.page for block in doc.blocks for span in block.spans}
    assert {f"page-{p}" for p in pages} <= ids
    breaks = root.xpath("//span[@role='doc-pagebreak']")
    labels = {p.index: p.label for p in doc.pages}
    for anchor in breaks:
        number = int(anchor.get("id").removeprefix("page-"))
        assert anchor.get("aria-label") == (labels[number] or f"[{number + 1}]")
    refs = sum(len(b.notes) for b in doc.blocks)
    assert len(root.xpath("//*[@class='noteref']")) == refs
    assert not root.xpath("//script|//link|//img")


def test_a_page_turning_inside_a_word_is_marked_after_it():
    doc = Document(pages=(Page(0, "1", ()), Page(1, "2", ())), blocks=(
        Block("paragraph", "a broken word", (Span(0, 5, 0, "1", 0), Span(5, 13, 1, "2", 0)),
              notes=(NoteRef(13, "1", True),)),
        Block("note", "The note.", (Span(0, 9, 1, "2", 9),), note_id="1")))
    out = write_html(doc)
    assert 'title="1"></span>a broken<span class="pagebreak" id="page-1"' in out
    assert 'href="#note-1"' in out and 'href="#ref-1" role="doc-backlink"' in out
