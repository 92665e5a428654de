"""JSONL for datasets, in the Dolma shape: one record per document, page or block
(``granularity``), each ``{"id", "text", "source", "added", "created", "metadata",
"attributes"}``. ``attributes`` hold character spans of the record's text, Dolma style
(``[start, end, value]``): ``pagemend__page_index`` (the physical page, 0-based),
``pagemend__page_label`` (the printed label, or null) and ``pagemend__block_kind`` (one span
per block, or per part of a block on a page). Blocks
are separated by a blank line in ``text``. ``added`` and ``created`` are the build time
(``SOURCE_DATE_EPOCH``, else the Unix epoch), so the same input gives the same bytes.
Records are made one at a time (:func:`iter_records`); a book's records are never all in
memory at once. The contract is ``pagemend/data/jsonl.schema.json``.

    >>> from pagemend.model import Block, Document, Span
    >>> doc = Document(pages=(), blocks=(
    ...     Block("heading", "I", (Span(0, 1, 0, "7", 0),), level=1),
    ...     Block("paragraph", "It ends here.", (Span(0, 7, 0, "7", 2), Span(8, 13, 1, "8", 0))),
    ... ))
    >>> record = next(iter_records(doc))
    >>> record["text"]
    'I\\n\\nIt ends here.'
    >>> record["attributes"]["pagemend__page_label"]
    [[0, 10, '7'], [11, 16, '8']]
    >>> [r["text"] for r in iter_records(doc, "block")]
    ['I', 'It ends here.']
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Literal

from pagemend.model import Block, Document, Page
from pagemend.version import __version__
from pagemend.writers.registry import Writer, build_time, register

__all__ = ["GRANULARITIES", "Granularity", "iter_records", "jsonl_lines", "write_jsonl"]

Granularity = Literal["document", "page", "block"]
GRANULARITIES: tuple[str, ...] = ("document", "page", "block")
#: the Dolma ``source`` of every record
SOURCE = "pagemend"
_SEPARATOR = "\n\n"

# one piece of a record's text: (block index, start, end) in the block's text
_Piece = tuple[int, int, int]


def _page_runs(block: Block, start: int, end: int) -> Iterator[tuple[int, int, int, str | None]]:
    """(start, end, page, label) runs of ``block.text[start:end]`` by the page it was on."""
    for span in block.spans:
        low, high = max(span.start, start), min(span.end, end)
        if low < high:
            yield low, high, span.page, span.label


class _Attributes:
    """Dolma attribute spans of one record's text, neighbours with the same value merged."""

    def __init__(self) -> None:
        self.spans: dict[str, list[list[Any]]] = {
            "pagemend__page_index": [], "pagemend__page_label": [], "pagemend__block_kind": [],
        }

    def add(self, name: str, start: int, end: int, value: Any, merge: bool = True) -> None:
        spans = self.spans.setdefault(name, [])  # pagemend__emphasis: only where there is some
        if merge and spans and spans[-1][2] == value and (
                spans[-1][1] >= start - len(_SEPARATOR)):
            spans[-1][1] = end
        else:
            spans.append([start, end, value])


def _record(doc: Document, blocks: tuple[Block, ...], pieces: list[_Piece], record_id: str,
            metadata: dict[str, Any]) -> dict[str, Any]:
    texts: list[str] = []
    attributes = _Attributes()
    offset = 0
    for number, (index, start, end) in enumerate(pieces):
        if number:
            texts.append(_SEPARATOR)
            offset += len(_SEPARATOR)
        block = blocks[index]
        texts.append(block.text[start:end])
        if end > start:  # one span per block: block boundaries stay visible
            attributes.add("pagemend__block_kind", offset, offset + end - start, block.kind,
                           merge=False)
        for mark in block.marks:
            low, high = max(mark.start, start), min(mark.end, end)
            if low < high:
                attributes.add("pagemend__emphasis", offset + low - start,
                               offset + high - start, mark.kind, merge=False)
        for low, high, page, label in _page_runs(block, start, end):
            attributes.add("pagemend__page_index", offset + low - start, offset + high - start,
                           page)
            attributes.add("pagemend__page_label", offset + low - start, offset + high - start,
                           label)
        offset += end - start
    when = build_time().strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return {
        "id": record_id, "text": "".join(texts), "source": SOURCE, "added": when,
        "created": when,
        "metadata": {"path": doc.meta.source, "lang": doc.meta.lang, "pagemend": __version__,
                     **metadata},
        "attributes": attributes.spans,
    }


def _page_metadata(page: Page) -> dict[str, Any]:
    return {"granularity": "page", "page_index": page.index, "page_label": page.label,
            "label_inferred": page.label_inferred, "furniture": list(page.furniture)}


def _block_metadata(block: Block) -> dict[str, Any]:
    return {"granularity": "block", "kind": block.kind, "level": block.level,
            "note_id": block.note_id, "pages": list(block.pages),
            "notes": [{"offset": r.offset, "note_id": r.note_id, "resolved": r.resolved}
                      for r in block.notes]}


def _pieces_by_page(doc: Document) -> dict[int, list[_Piece]]:
    """Page index -> the pieces of block text printed on it (indices only, not text)."""
    by_page: dict[int, list[_Piece]] = {}
    for index, block in enumerate(doc.blocks):
        for span in block.spans:
            pieces = by_page.setdefault(span.page, [])
            if pieces and pieces[-1][0] == index and pieces[-1][2] >= span.start - 1:
                pieces[-1] = (index, pieces[-1][1], span.end)
            else:
                pieces.append((index, span.start, span.end))
    return by_page


def iter_records(doc: Document, granularity: str = "document") -> Iterator[dict[str, Any]]:
    """The records of the document, one at a time."""
    name = doc.meta.source
    if granularity == "document":
        pieces = [(i, 0, len(b.text)) for i, b in enumerate(doc.blocks)]
        yield _record(doc, doc.blocks, pieces, name, {"granularity": "document",
                                                       "pages": len(doc.pages)})
    elif granularity == "page":
        by_page = _pieces_by_page(doc)
        for page in doc.pages:
            yield _record(doc, doc.blocks, by_page.get(page.index, []),
                          f"{name}#page={page.index}", _page_metadata(page))
    elif granularity == "block":
        for index, block in enumerate(doc.blocks):
            yield _record(doc, doc.blocks, [(index, 0, len(block.text))],
                          f"{name}#block={index}", _block_metadata(block))
    else:
        raise ValueError(f"granularity must be one of {GRANULARITIES}, not {granularity!r}")


def jsonl_lines(doc: Document, granularity: str = "document") -> Iterator[str]:
    """The records as JSON lines, one at a time."""
    for record in iter_records(doc, granularity):
        yield json.dumps(record, ensure_ascii=False) + "\n"


def write_jsonl(doc: Document, granularity: str = "document") -> str:
    """All records as one string (for small documents; the CLI streams)."""
    return "".join(jsonl_lines(doc, granularity))


register(Writer("jsonl", (".jsonl",), write_jsonl, frozenset({"granularity"}),
                chunks=jsonl_lines))
