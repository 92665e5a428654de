"""Semantic (X)HTML for the blocks of a mended document, shared by the HTML and EPUB writers
(not a format of its own). Markup is polyglot: valid as HTML and as XHTML.

Blocks become ``h1``-``h6``, ``p``, ``blockquote``, verse and letters with ``br`` line
breaks, ``ul``/``li`` for runs of list items; note references become
``<a role="doc-noteref">`` links to ``<aside role="doc-footnote">`` notes that link back;
page turns become empty ``<span role="doc-pagebreak">`` anchors named by the printed label
(after the word where a page turns inside one); marks of emphasis become ``em`` (italics),
``strong`` (bold) and ``<span class="smallcaps">``. Every id is unique and every link resolves.

    >>> from pagemend.model import Block, Document, NoteRef, Page, Span
    >>> doc = Document(pages=(Page(0, "7", ()),), blocks=(
    ...     Block("paragraph", "A claim.", (Span(0, 8, 0, "7", 0),),
    ...           notes=(NoteRef(8, "1", True),)),
    ...     Block("note", "A source.", (Span(0, 9, 0, "7", 5),), note_id="1")))
    >>> markup = Markup(doc)
    >>> print(markup.block(0).replace("><", ">\\n<"))
    <p>
    <span class="pagebreak" id="page-0" role="doc-pagebreak" aria-label="7" title="7">
    </span>A claim.<a class="noteref" id="ref-1" href="#note-1" role="doc-noteref">1</a>
    </p>
    >>> print(markup.note(1).replace("><", ">\\n<"))
    <aside class="note" id="note-1" role="doc-footnote">
    <p>
    <a href="#ref-1" role="doc-backlink">1</a> A source.</p>
    </aside>
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from html import escape

from pagemend.cite import label_text, page_turns
from pagemend.emphasis import nested_inserts
from pagemend.model import Document

__all__ = ["EMPHASIS_TAGS", "Markup", "attr", "text"]

_TAGS = {"paragraph": "p", "toc": "p", "index": "p", "letter": "p", "verse": "p"}
#: the elements of emphasis: italics and bold as stress, small capitals as printed (a class)
EMPHASIS_TAGS = {"italic": ("<em>", "</em>"), "bold": ("<strong>", "</strong>"),
                 "smallcaps": ('<span class="smallcaps">', "</span>")}


def text(value: str) -> str:
    """Character data escaped."""
    return escape(value, quote=False)


def attr(value: str) -> str:
    """An attribute value escaped (for double quotes)."""
    return escape(value, quote=True)


class Markup:
    """Ids and links of one document, and the markup of each block.

    ``file_of`` names the file a block is written to (EPUB chapters); links across files
    carry the file name, links within one file only the fragment.
    """

    def __init__(self, doc: Document, file_of: Callable[[int], str] = lambda index: "",
                 epub: bool = False) -> None:
        self.doc = doc
        self.file_of = file_of
        self.epub = epub
        self.note_ids = {i: f"note-{n}" for n, i in enumerate(
            (i for i, b in enumerate(doc.blocks) if b.kind == "note" and b.note_id), start=1)}
        #: (block index, position among its references) -> (ref id, target note block)
        self.refs: dict[tuple[int, int], tuple[str, int | None]] = {}
        #: note block -> (block of its first reference, ref id)
        self.backlinks: dict[int, tuple[int, str]] = {}
        self._link_notes()
        #: block index -> [(offset, page anchor markup)] and the page anchors (id, label, block)
        self.anchors: list[tuple[str, str, int]] = []
        self._turns = self._page_anchors()

    def _link_notes(self) -> None:
        by_id: dict[str, list[int]] = {}
        for index in self.note_ids:
            by_id.setdefault(str(self.doc.blocks[index].note_id), []).append(index)
        count = 0
        for index, block in enumerate(self.doc.blocks):
            page = block.spans[0].page if block.spans else 0
            for position, ref in enumerate(block.notes):
                count += 1
                ref_id = f"ref-{count}"
                candidates = by_id.get(ref.note_id, [])
                later = [n for n in candidates if (self.doc.blocks[n].pages or (0,))[0] >= page]
                target: int | None = (later or candidates)[0] if candidates else None
                self.refs[index, position] = (ref_id, target)
                if target is not None:
                    self.backlinks.setdefault(target, (index, ref_id))

    def _page_anchors(self) -> dict[int, list[tuple[int, str]]]:
        order = {page.index: position for position, page in enumerate(self.doc.pages)}
        labels = {page.index: page.label for page in self.doc.pages}
        done: set[int] = set()
        turns: dict[int, list[tuple[int, str]]] = {}
        last: int | None = None
        # in reading order: the body, then the notes that follow it as asides (a page that
        # holds only notes gets its marker in the body where its page turns, before a later
        # page's, so that the page list follows the reading order)
        body = [i for i in range(len(self.doc.blocks)) if i not in self.note_ids]
        for index in [*body, *self.note_ids]:
            block = self.doc.blocks[index]
            for turn in page_turns(block, last):
                page = turn.span.page
                skipped = [p.index for p in self.doc.pages if p.index not in done
                           and order[p.index] < order.get(page, -1)]
                for number in [*skipped, page]:
                    if number in done:
                        continue
                    done.add(number)
                    offset = self._after_word(block.text, turn.offset) if turn.in_word else (
                        turn.offset)
                    label = label_text(number, labels.get(number, turn.span.label))
                    turns.setdefault(index, []).append((offset, self._pagebreak(number, label)))
                    self.anchors.append((f"page-{number}", label, index))
            last = block.spans[-1].page if block.spans else last
        return turns

    @staticmethod
    def _after_word(value: str, offset: int) -> int:
        while offset < len(value) and not value[offset].isspace():
            offset += 1
        return offset

    def _pagebreak(self, page: int, label: str) -> str:
        epub = ' epub:type="pagebreak"' if self.epub else ""
        return (f'<span class="pagebreak" id="page-{page}"{epub} role="doc-pagebreak" '
                f'aria-label="{attr(label)}" title="{attr(label)}"></span>')

    def href(self, block: int, fragment: str, here: int) -> str:
        """A link from block ``here`` to ``fragment`` in block ``block``."""
        target, source = self.file_of(block), self.file_of(here)
        return f"#{fragment}" if target == source else f"{target}#{fragment}"

    def _noteref(self, index: int, position: int) -> str:
        ref = self.doc.blocks[index].notes[position]
        ref_id, target = self.refs[index, position]
        if target is None:
            return f'<sup class="noteref" id="{ref_id}">{text(ref.note_id)}</sup>'
        epub = ' epub:type="noteref"' if self.epub else ""
        return (f'<a class="noteref" id="{ref_id}" href="'
                f'{attr(self.href(target, self.note_ids[target], index))}"{epub} '
                f'role="doc-noteref">{text(ref.note_id)}</a>')

    def inline(self, index: int) -> str:
        """The block's text with note references and page anchors, lines joined by ``br``."""
        block = self.doc.blocks[index]
        inserts = [(ref.offset, 1, self._noteref(index, n)) for n, ref in enumerate(block.notes)]
        inserts += [(offset, 0, markup) for offset, markup in self._turns.get(index, [])]
        inserts += nested_inserts(block.text, block.marks, EMPHASIS_TAGS)
        pieces, start = [], 0
        for offset, _, markup in sorted(inserts, key=lambda item: (item[0], item[1])):
            pieces += [text(block.text[start:offset]), markup]
            start = offset
        pieces.append(text(block.text[start:]))
        return "".join(pieces).replace("\n", "<br/>\n")

    def heading_id(self, index: int) -> str:
        return f"h-{index}"

    def block(self, index: int) -> str:
        """One body block's markup (list items: the ``li`` only)."""
        block = self.doc.blocks[index]
        inline = self.inline(index)
        if block.kind == "heading":
            level = min(6, max(1, block.level or 1))
            return f'<h{level} id="{self.heading_id(index)}">{inline}</h{level}>'
        if block.kind == "blockquote":
            return f"<blockquote><p>{inline}</p></blockquote>"
        if block.kind == "list_item":
            return f"<li>{inline}</li>"
        tag = _TAGS.get(block.kind, "p")
        css = "" if block.kind == "paragraph" else f' class="{block.kind}"'
        return f"<{tag}{css}>{inline}</{tag}>"

    def note(self, index: int) -> str:
        """A note as an ``aside``, its label linking back to its first reference."""
        block = self.doc.blocks[index]
        label = text(str(block.note_id))
        back = self.backlinks.get(index)
        if back is not None:
            label = (f'<a href="{attr(self.href(back[0], back[1], index))}" '
                     f'role="doc-backlink">{label}</a>')
        epub = ' epub:type="footnote"' if self.epub else ""
        return (f'<aside class="note" id="{self.note_ids[index]}"{epub} role="doc-footnote">'
                f"<p>{label} {self.inline(index)}</p></aside>")

    def body(self, indices: list[int]) -> Iterator[str]:
        """The markup of body blocks in order, runs of list items inside one ``ul``."""
        in_list = False
        for index in indices:
            is_item = self.doc.blocks[index].kind == "list_item"
            if is_item and not in_list:
                yield "<ul>"
            elif in_list and not is_item:
                yield "</ul>"
            in_list = is_item
            yield self.block(index)
        if in_list:
            yield "</ul>"
