"""TEI P5, valid against TEI Simple: a ``teiHeader`` from what is known of the source, the
book in ``body`` with a ``div`` opened at each heading (consecutive headings share one),
``head``, ``p``, ``quote``, ``lg``/``l``, ``list``/``item``, ``ab type="letter|toc|index"``;
``<pb n="142"/>`` where each page begins, with its printed label (``break="no"`` where a word
runs across the turn), also inside paragraphs; ``<ref target="#note-1">`` linked to
``<note xml:id="note-1" place="bottom|end">`` (a footnote, printed on a page the reference's
block is on, is ``bottom``: TEI Simple's closed list of places has no ``foot``), the notes kept
in ``back``. Marks of emphasis become ``<hi rendition="simple:italic">`` (``bold``,
``smallcaps``). With ``furniture=True`` the removed page furniture comes back as ``<fw>`` after
each ``pb`` (running heads ``header``, folios ``pageNum``, other page-foot lines ``footer``;
``place`` ``top`` or ``bottom`` by where on the page the line was). With ``hyphens=True`` a
hyphen kept at a line end (a compound's) is followed by ``<lb break="no"/>``.

    >>> from pagemend.model import Block, Document, Page, Span
    >>> doc = Document(pages=(Page(0, "7", ()), Page(1, "8", ())), blocks=(
    ...     Block("paragraph", "A broken word",
    ...           (Span(0, 5, 0, "7", 0), Span(5, 13, 1, "8", 0))),))
    >>> print(write_tei(doc).split("<body>")[1].split("</body>")[0].strip())
    <div>
    <pb n="7" xml:id="page-0"/>
    <p>A bro<pb n="8" xml:id="page-1" break="no"/>ken word</p>
    </div>
    >>> doc = Document(pages=(), blocks=(Block("paragraph", "a well-known word",
    ...     (Span(0, 7, 0, None, 0), Span(7, 17, 0, None, 1))),))
    >>> '<p>a well-<lb break="no"/>known word</p>' in write_tei(doc, hyphens=True)
    True
"""

from __future__ import annotations

from collections.abc import Iterator

from pagemend.cite import page_turns
from pagemend.emphasis import nested_inserts
from pagemend.model import Block, Document, Page
from pagemend.version import __version__
from pagemend.writers.markup import attr, text
from pagemend.writers.registry import Writer, register

__all__ = ["write_tei"]

_FW_TYPES = {"running_head": "header", "folio": "pageNum", "foot": "footer"}
#: emphasis as ``hi`` with TEI Simple's renditions (its schema has no ``rend``)
_HI = {kind: (f'<hi rendition="simple:{kind}">', "</hi>")
       for kind in ("italic", "bold", "smallcaps")}


class _Tei:
    def __init__(self, doc: Document, furniture: bool, hyphens: bool = False) -> None:
        self.doc = doc
        self.furniture = furniture
        self.hyphens = hyphens
        self.pages = {page.index: page for page in doc.pages}
        self.order = {page.index: position for position, page in enumerate(doc.pages)}
        self.done: set[int] = set()
        self.last: int | None = None
        self.note_ids = {i: f"note-{n}" for n, i in enumerate(
            (i for i, b in enumerate(doc.blocks) if b.kind == "note"), start=1)}
        by_id: dict[str, list[int]] = {}
        for index in self.note_ids:
            by_id.setdefault(str(doc.blocks[index].note_id), []).append(index)
        self.by_id = by_id
        self.place: dict[int, str] = {}

    def _pb(self, number: int, in_word: bool) -> str:
        page = self.pages.get(number)
        label = page.label if page is not None else None
        n = f' n="{attr(label)}"' if label is not None else ""
        broken = ' break="no"' if in_word else ""
        markup = f'<pb{n} xml:id="page-{number}"{broken}/>'
        if self.furniture and page is not None:
            markup += "".join(self._fw(page))
        return markup

    @staticmethod
    def _fw(page: Page) -> Iterator[str]:
        middle = len(page.lines) / 2
        for line in page.lines:
            kind = _FW_TYPES.get(line.role)
            if kind is not None and line.text.strip():
                place = "top" if line.number < middle else "bottom"
                yield f'<fw type="{kind}" place="{place}">{text(line.text.strip())}</fw>'

    def _turns(self, block: Block) -> list[tuple[int, str]]:
        """(offset, pb markup) of every page first reached in this block, skipped ones too."""
        found = []
        for turn in page_turns(block, self.last):
            page = turn.span.page
            skipped = [p.index for p in self.doc.pages if p.index not in self.done
                       and self.order[p.index] < self.order.get(page, -1)]
            for number in [*skipped, page]:
                if number not in self.done:
                    self.done.add(number)
                    found.append((turn.offset, self._pb(number, turn.in_word and number == page)))
        self.last = block.spans[-1].page if block.spans else self.last
        return found

    def _ref(self, block: Block, position: int) -> str:
        ref = block.notes[position]
        candidates = self.by_id.get(ref.note_id, [])
        first = block.spans[0].page if block.spans else 0
        later = [n for n in candidates if (self.doc.blocks[n].pages or (0,))[0] >= first]
        if not candidates:
            return f'<ref type="noteAnchor" n="{attr(ref.note_id)}">{text(ref.note_id)}</ref>'
        target = (later or candidates)[0]
        on_page = set(self.doc.blocks[target].pages) & set(block.pages)
        self.place.setdefault(target, "bottom" if on_page else "end")
        return (f'<ref type="noteAnchor" target="#{self.note_ids[target]}">'
                f"{text(ref.note_id)}</ref>")

    def inline(self, index: int) -> tuple[str, str]:
        """(pb markup due before the block, the block's text with pb and ref inside)."""
        block = self.doc.blocks[index]
        turns = self._turns(block)
        before = "".join(markup for offset, markup in turns if offset == 0)
        inserts = [(offset, 0, markup) for offset, markup in turns if offset > 0]
        inserts += [(ref.offset, 1, self._ref(block, n)) for n, ref in enumerate(block.notes)]
        if self.hyphens:
            inserts += [(offset, 0, '<lb break="no"/>') for offset in _kept_hyphens(block)]
        inserts += nested_inserts(block.text, block.marks, _HI)
        pieces, start = [], 0
        for offset, _, markup in sorted(inserts, key=lambda item: (item[0], item[1])):
            pieces += [text(block.text[start:offset]), markup]
            start = offset
        pieces.append(text(block.text[start:]))
        return before, "".join(pieces)

    def block(self, index: int, content: str) -> str:
        kind = self.doc.blocks[index].kind
        if kind == "heading":
            return f"<head>{content}</head>"
        if kind == "blockquote":
            return f"<quote><p>{_lb(content)}</p></quote>"
        if kind == "verse":
            return "<lg>" + "".join(f"<l>{line}</l>" for line in content.split("\n")) + "</lg>"
        if kind == "list_item":
            return f"<item>{_lb(content)}</item>"
        if kind == "paragraph":
            return f"<p>{_lb(content)}</p>"
        return f'<ab type="{kind}">{_lb(content)}</ab>'

    def body(self) -> Iterator[str]:
        yield "<div>"
        has_content = in_list = False
        for index, block in enumerate(self.doc.blocks):
            if index in self.note_ids:
                continue
            before, content = self.inline(index)
            is_item = block.kind == "list_item"
            if in_list and not is_item:
                yield "</list>"
                in_list = False
            if block.kind == "heading" and has_content:
                yield "</div>\n<div>"
                has_content = False
            if before:
                yield before
            if is_item and not in_list:
                yield "<list>"
                in_list = True
            yield self.block(index, content)
            has_content = has_content or block.kind != "heading"
        if in_list:
            yield "</list>"
        if not has_content:
            yield "<p/>"
        yield "</div>"

    def notes(self) -> Iterator[str]:
        for index, note_id in self.note_ids.items():
            block = self.doc.blocks[index]
            before, content = self.inline(index)
            n = f' n="{attr(block.note_id)}"' if block.note_id else ""
            place = self.place.get(index, "end")
            yield (f'<note xml:id="{note_id}"{n} place="{place}">{before}'
                   f"<p>{_lb(content)}</p></note>")


def _kept_hyphens(block: Block) -> list[int]:
    """Offsets of line starts (on the same page) right after a hyphen kept at a line end."""
    found = []
    for before, span in zip(block.spans, block.spans[1:], strict=False):
        at = span.start
        if span.page == before.page and 0 < at < len(block.text) and (
                block.text[at - 1] == "-" and not block.text[at].isspace()):
            found.append(at)
    return found


def _lb(content: str) -> str:
    return content.replace("\n", "<lb/>")


def _title(doc: Document) -> str:
    heading = next((b.text for b in doc.blocks if b.kind == "heading"), None)
    return (heading or doc.meta.source).replace("\n", " ")


def _header(doc: Document) -> str:
    labels = [p.label for p in doc.pages if p.label]
    extent = f"{len(doc.pages)} pages" + (f", printed {labels[0]}–{labels[-1]}" if labels
                                           else "")
    return (
        "<teiHeader>\n<fileDesc>\n"
        f"<titleStmt><title>{text(_title(doc))}</title></titleStmt>\n"
        f"<publicationStmt><p>Mended by pagemend {__version__}; an electronic text made "
        "from the page text of the source below.</p></publicationStmt>\n"
        f"<sourceDesc><bibl><idno>{text(doc.meta.source)}</idno>"
        f"<extent>{text(extent)}</extent></bibl></sourceDesc>\n"
        "</fileDesc>\n</teiHeader>"
    )


def write_tei(doc: Document, furniture: bool = False, hyphens: bool = False) -> str:
    """Render the document as TEI P5 (TEI Simple); see the module docstring."""
    tei = _Tei(doc, furniture, hyphens)
    body = "\n".join(tei.body())
    notes = list(tei.notes())
    lang = f' xml:lang="{attr(doc.meta.lang)}"' if doc.meta.lang else ""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<TEI xmlns="http://www.tei-c.org/ns/1.0"{lang}>', _header(doc), "<text>",
             "<body>", body, "</body>"]
    if notes:
        parts += ["<back>", '<div type="notes">', *notes, "</div>", "</back>"]
    parts += ["</text>", "</TEI>"]
    return "\n".join(parts) + "\n"


register(Writer("tei", (".tei.xml", ".tei", ".xml"), write_tei,
                frozenset({"furniture", "hyphens"})))
