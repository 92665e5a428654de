"""Markdown: ``#`` headings by level, ``>`` block quotes, verse with hard line breaks,
``[^N]`` note references and ``[^N]: text`` notes, each prose paragraph on one line, and
optional ``<!-- page 142 -->`` provenance markers that never split a word.

Text is escaped so that it reads back as the same text and never as syntax: a backslash
before every character Markdown or HTML would take as markup inside a line (``\\``, `` ` ``,
``*``, ``_``, ``[``, ``]``, ``<``, and ``&`` where it starts an entity), and before a line
start that opens a block (``#``, ``>``, ``-``, ``1.``). A page label that cannot stand in an
HTML comment as printed (``-->``) is percent-encoded in its marker.

    >>> from pagemend.model import Block, Document, NoteRef, Span
    >>> blocks = (
    ...     Block("heading", "War Crisis", (Span(0, 10, 0, "142", 0),), level=2),
    ...     Block("paragraph", "# not a heading.", (Span(0, 16, 0, "142", 1),),
    ...           notes=(NoteRef(16, "68", False),)),
    ... )
    >>> print(write_markdown(Document(pages=(), blocks=blocks)))
    ## War Crisis
    <BLANKLINE>
    \\# not a heading.[^68]
    <BLANKLINE>
    >>> print(escape_inline("a *starred* <b>word</b> [1] and snake_case & &amp;"))
    a \\*starred\\* \\<b>word\\</b> \\[1\\] and snake\\_case & \\&amp;
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pagemend.emphasis import segments
from pagemend.model import Block, Document, Span
from pagemend.writers.registry import Writer, register

__all__ = ["escape_inline", "markdown_chunks", "page_marker", "write_markdown"]

# a paragraph whose text starts like Markdown syntax would be read as that syntax
_BLOCK_SYNTAX = re.compile(r"^(#|>|[-+*](?=\s)|\d+(?=[.)]\s)|[-*_=](?:\s*[-*_=]){2,}\s*$)")
_VERSE_BREAK = "\\"
_LIST_LABEL = re.compile(r"^(?:\d{1,9}[.)]|[-+*])\s")
# what Markdown or HTML would read as markup inside a line; `&` only where it opens an entity
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]<]|&(?=#?\w+;)")
#: the characters every match of ``_INLINE_SYNTAX`` starts with: a text without any has
#: nothing to escape (asked with ``in``, a fast substring search, one character at a time:
#: four times as fast as a character class over a paragraph; tests/writers/test_markdown.py
#: pins it to the pattern over every code point)
_INLINE_FIRST = "\\`*_[]<&"
# what cannot stand inside an HTML comment as printed
_COMMENT_UNSAFE = re.compile(r"--|[<>]")


def escape_inline(text: str) -> str:
    """The text with a backslash before every character Markdown would take as markup."""
    for char in _INLINE_FIRST:
        if char in text:
            return _INLINE_SYNTAX.sub(lambda match: "\\" + match.group(0), text)
    return text  # (most paragraphs)


def _escape_start(text: str) -> str:
    match = _BLOCK_SYNTAX.match(text)
    if not match:
        return text
    if match.group(0)[0].isdigit():
        end = match.end()
        return text[:end] + "\\" + text[end:]
    return "\\" + text


def page_marker(span: Span) -> str:
    """The provenance comment for the page a span comes from; an unprinted label is given as
    the physical page number in brackets.

    >>> page_marker(Span(0, 1, 4, "xii", 0)), page_marker(Span(0, 1, 4, None, 0))
    ('<!-- page xii -->', '<!-- page [5] -->')
    >>> page_marker(Span(0, 1, 4, "x--><script>", 0))
    '<!-- page x%2D%2D%3E%3Cscript%3E -->'

    """
    label = span.label if span.label is not None else f"[{span.page + 1}]"
    label = _COMMENT_UNSAFE.sub(lambda m: "".join(f"%{ord(c):02X}" for c in m.group(0)), label)
    return f"<!-- page {label} -->"


#: Markdown's delimiters for each kind of mark (small capitals have none: letters as printed)
_DELIMITERS = {"italic": "*", "bold": "**"}


def _word_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """A mark's range widened to whole words: Markdown reads no ``*`` inside a word as
    emphasis (``half*way*``), and the scorer strips markers at word edges only."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


def _emphasis_inserts(block: Block) -> list[tuple[int, int, str]]:
    """(offset, order, delimiters) around the stretches of italic and bold type (nested,
    split at verse line breaks: :func:`~pagemend.emphasis.segments`), widened to whole
    words; closing delimiters sort before anything else at their offset, opening ones after.

    >>> from pagemend.model import Mark
    >>> block = Block("paragraph", "the anger of", (), marks=(Mark(0, 9, "italic", ""),
    ...               Mark(4, 12, "bold", "")))
    >>> _emphasis_inserts(block)
    [(0, 2, '*'), (3, -1, '*'), (4, 2, '***'), (9, -1, '***'), (10, 2, '**'), (12, -1, '**')]
    """
    inserts = []
    for low, high, kinds in segments(block.text, block.marks):
        delimiters = "".join(_DELIMITERS.get(kind, "") for kind in kinds)
        if delimiters:
            start, end = _word_edges(block.text, low, high)
            inserts += [(start, 2, delimiters), (end, -1, delimiters[::-1])]
    return inserts


def _inline_inserts(block: Block, page_markers: bool, page: int | None) -> list[tuple[int, str]]:
    inserts = [(ref.offset, 1, f"[^{ref.note_id}]") for ref in block.notes]
    inserts += _emphasis_inserts(block)
    if page_markers:
        for span in block.spans:
            if span.page != page and span.start > 0:
                # a page turning inside a word (a joined hyphen) is marked after the word
                at = block.text.find(" ", span.start) if block.text[span.start - 1] != " " else (
                    span.start - 1
                )
                at = len(block.text) if at < 0 else at
                inserts.append((at, 1, " " + page_marker(span)))
            page = span.page
    return [(offset, text) for offset, _, text in sorted(inserts, key=lambda i: i[:2])]


def _render_text(block: Block, page_markers: bool, page: int | None) -> str:
    """The block's text escaped, with note references and page markers inserted."""
    if not (page_markers or block.notes or block.marks):
        return escape_inline(block.text)  # nothing to insert
    pieces = []
    start = 0
    for offset, insert in _inline_inserts(block, page_markers, page):
        pieces.append(escape_inline(block.text[start:offset]))
        pieces.append(insert)
        start = offset
    pieces.append(escape_inline(block.text[start:]))
    return "".join(pieces)


def _render(block: Block, text: str) -> str:
    if block.kind == "heading":
        return "#" * max(1, block.level or 1) + " " + text
    if block.kind == "verse":
        return (_VERSE_BREAK + "\n").join(_escape_start(line) for line in text.split("\n"))
    if block.kind == "list_item" and _LIST_LABEL.match(text):
        return text  # a Markdown list item as printed: `1. Temperance`, `(a) the first`
    return _escape_start(text)


def _render_note(block: Block, text: str) -> str:
    first, *rest = text.split("\n")
    return "\n".join([f"[^{block.note_id}]: {first}", *("    " + line for line in rest)])


def _blocks_markdown(doc: Document, page_markers: bool) -> Iterator[str]:
    """The Markdown of each block in turn (page markers before the block they mark), a piece
    once no later block can change it: a block quote after a block quote rewrites the end of
    the piece before it, so the last piece is held back until the next one is known."""
    last: str | None = None
    page: int | None = None
    previous: Block | None = None
    for block in doc.blocks:
        if block.kind == "note":
            continue
        if page_markers and block.spans and block.spans[0].page != page:
            if last is not None:
                yield last
            last = page_marker(block.spans[0]) + "\n\n"
        text = _render(block, _render_text(block, page_markers, block.spans[0].page
                                           if block.spans else page))
        if block.kind == "blockquote":
            quoted = "\n".join("> " + line if line else ">" for line in text.split("\n"))
            if previous is not None and previous.kind == "blockquote" and last is not None:
                last = last.rstrip("\n") + "\n>\n"
            piece = quoted + "\n\n"
        else:
            piece = text + "\n\n"
        if last is not None:
            yield last
        last = piece
        page = block.spans[-1].page if block.spans else page
        previous = block
    if last is not None:
        yield last
    notes = [_render_note(b, _render_text(b, False, None)) for b in doc.blocks
             if b.kind == "note"]
    if notes:
        yield "\n".join(notes) + "\n"


def markdown_chunks(doc: Document, page_markers: bool = False) -> Iterator[str]:
    """The Markdown of :func:`write_markdown` in pieces, a block at a time, so that a long book
    is written without holding its whole output (the trailing blank lines of the last piece
    are cut as the whole output cuts them).

    >>> from pagemend.model import Block, Span
    >>> blocks = tuple(Block(kind, text, (Span(0, len(text), 0, "1", number),))
    ...                for number, (kind, text) in enumerate([("paragraph", "One."),
    ...                    ("blockquote", "Two."), ("blockquote", "Three.")]))
    >>> doc = Document(pages=(), blocks=blocks)
    >>> list(markdown_chunks(doc))
    ['One.', '\\n\\n> Two.\\n>', '\\n> Three.', '\\n']
    >>> "".join(markdown_chunks(doc)) == write_markdown(doc)
    True
    """
    held = ""  # line ends not yet written: the output ends in exactly one
    written = False
    for piece in _blocks_markdown(doc, page_markers):
        written = True
        body = piece.rstrip("\n")
        if body:
            yield held + body
            held = piece[len(body):]
        else:
            held += piece
    if written:
        yield "\n"


def write_markdown(doc: Document, page_markers: bool = False) -> str:
    """Render the document as Markdown; see the module docstring."""
    return "".join(markdown_chunks(doc, page_markers))


register(Writer("md", (".md", ".markdown"), write_markdown, frozenset({"page_markers"}),
                chunks=markdown_chunks))
