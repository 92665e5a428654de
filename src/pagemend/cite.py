"""Cite a passage: find it in the mended text and give the printed page labels it spans.

The search folds away what a quotation of a book varies in: case, spaces and line breaks,
hyphens (a word broken at a line end or not), quotation marks, dashes and all other
punctuation; only letters and digits are compared. Every occurrence is found.

    >>> from pagemend.model import Block, Document, Span
    >>> doc = Document(pages=(), blocks=(Block("paragraph", "It was the best of times, it was "
    ...     "the worst of times.", (Span(0, 33, 4, "142", 9), Span(33, 52, 5, "143", 0))),))
    >>> [format_citation(c) for c in cite(doc, "it was the\\nworst of ti-\\nmes")]
    ['pp. 142–143 (#4–#5)']
    >>> cite(doc, "the best of times") == cite(doc, "THE BEST—of ‘times’")
    True

It also serves the writers' page anchors: :func:`page_turns` says where in a block's text a
new page begins, and :func:`label_text` how to name a page.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass

from pagemend.errors import ConfigError, PagemendError
from pagemend.model import Block, Document, Span

__all__ = [
    "Citation", "PageTurn", "PassageNotFoundError", "cite", "cite_or_raise", "fold",
    "format_citation",
    "label_text", "page_turns",
]


class PassageNotFoundError(PagemendError):
    """The passage is not in the mended text (exit code 1)."""

    code = "PM120"

    def __init__(self, passage: str, source: str) -> None:
        shown = passage if len(passage) <= 60 else passage[:57] + "..."
        super().__init__(f"{shown!r} is not in the mended text of {source}",
                         "check the words (case, spaces, hyphens, quotes and dashes do not "
                         "matter), or quote a shorter passage")


@dataclass(frozen=True, slots=True)
class Citation:
    """One occurrence of a passage: where it starts and ends, and the pages it spans."""

    #: (block index, offset in the block's text) of the first and just past the last character
    start: tuple[int, int]
    end: tuple[int, int]
    #: physical page indices, 0-based, in order
    pages: tuple[int, ...]
    #: printed labels of those pages (None where none was printed or inferred)
    labels: tuple[str | None, ...]


@dataclass(frozen=True, slots=True)
class PageTurn:
    """A new page beginning inside a block's text (offset 0: at the block's start)."""

    offset: int
    span: Span
    #: the page turns inside a word (a word broken across pages)
    in_word: bool


def fold(text: str) -> tuple[str, list[int]]:
    """The text's letters and digits case-folded, with each one's offset in ``text``.

    >>> fold("Well-known “Cañon”")
    ('wellknowncañon', [0, 1, 2, 3, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16])
    """
    chars: list[str] = []
    offsets: list[int] = []
    for offset, char in enumerate(text):
        if char.isalnum():
            folded = char.casefold()
            chars.append(folded)
            offsets.extend([offset] * len(folded))
    return "".join(chars), offsets


class _Index:
    """The folded text of every block, and where each folded character came from."""

    def __init__(self, doc: Document) -> None:
        pieces: list[str] = []
        self.block = array("l")
        self.offset = array("l")
        for number, block in enumerate(doc.blocks):
            text, offsets = fold(block.text)
            pieces.append(text)
            self.block.extend([number] * len(text))
            self.offset.extend(offsets)
        self.text = "".join(pieces)

    def find(self, needle: str) -> Iterator[tuple[int, int]]:
        at = self.text.find(needle)
        while at >= 0:
            yield at, at + len(needle) - 1
            at = self.text.find(needle, at + 1)


def _pages(doc: Document, start: tuple[int, int], end: tuple[int, int]
           ) -> tuple[tuple[int, ...], tuple[str | None, ...]]:
    seen: dict[int, str | None] = {}
    for number in range(start[0], end[0] + 1):
        block = doc.blocks[number]
        low = start[1] if number == start[0] else 0
        high = end[1] if number == end[0] else len(block.text)
        for span in block.spans:
            if span.start < high and span.end > low:
                seen.setdefault(span.page, span.label)
    return tuple(seen), tuple(seen.values())


def cite(doc: Document, passage: str) -> list[Citation]:
    """Every occurrence of ``passage`` in the mended text, in reading order (none: ``[]``)."""
    needle, _ = fold(passage)
    if not needle:
        raise ConfigError("the passage has no letters or digits", "quote some words")
    index = _Index(doc)
    found = []
    for first, last in index.find(needle):
        start = (index.block[first], index.offset[first])
        end = (index.block[last], index.offset[last] + 1)
        pages, labels = _pages(doc, start, end)
        found.append(Citation(start, end, pages, labels))
    return found


def cite_or_raise(doc: Document, passage: str) -> list[Citation]:
    """:func:`cite`, raising :class:`PassageNotFoundError` when there is no occurrence."""
    found = cite(doc, passage)
    if not found:
        raise PassageNotFoundError(passage, doc.meta.source)
    return found


def label_text(page: int, label: str | None) -> str:
    """A page's printed label, or its physical number (1-based) in brackets when unprinted.

    >>> label_text(4, "xii"), label_text(4, None)
    ('xii', '[5]')
    """
    return label if label is not None else f"[{page + 1}]"


def format_citation(citation: Citation) -> str:
    """``p. 142`` or ``pp. 142–143``, then the physical pages (0-based, as ``#N``)."""
    labels = [label_text(p, lab) for p, lab in zip(citation.pages, citation.labels, strict=True)]
    if not labels:
        return "p. ?"
    printed = f"p. {labels[0]}" if len(labels) == 1 else f"pp. {labels[0]}–{labels[-1]}"
    pages = citation.pages
    physical = f"#{pages[0]}" if len(pages) == 1 else f"#{pages[0]}–#{pages[-1]}"
    return f"{printed} ({physical})"


def page_turns(block: Block, page: int | None) -> list[PageTurn]:
    """Where pages begin in the block's text, given the page the text before it ended on.

    >>> block = Block("paragraph", "a broken word", (Span(0, 5, 0, "1", 0),
    ...     Span(5, 13, 1, "2", 0)))
    >>> [(t.offset, t.span.label, t.in_word) for t in page_turns(block, None)]
    [(0, '1', False), (5, '2', True)]
    """
    turns = []
    for span in block.spans:
        if span.page != page:
            in_word = 0 < span.start < len(block.text) and not (
                block.text[span.start - 1].isspace() or block.text[span.start].isspace())
            turns.append(PageTurn(span.start, span, in_word))
        page = span.page
    return turns
