"""EPUB 3: a chapter file at each heading of the top level the book uses, a navigation
document with the contents and a ``page-list`` of the printed page labels, empty
``<span epub:type="pagebreak" role="doc-pagebreak" aria-label="142">`` markers where pages
begin, footnotes as ``<aside epub:type="footnote">`` (in ``notes.xhtml``) linked from
``noteref`` links and back, and the print source named in the package metadata
(``dc:source``). The zip is deterministic: fixed entry order, every date the build time
(``SOURCE_DATE_EPOCH``, else 1980-01-01, zip's earliest), an identifier derived from the text.

    >>> import io, zipfile
    >>> from pagemend.model import Block, Document, Page, Span
    >>> doc = Document(pages=(Page(0, "7", ()),), blocks=(
    ...     Block("heading", "I", (Span(0, 1, 0, "7", 0),), level=1),))
    >>> book = zipfile.ZipFile(io.BytesIO(write_epub(doc)))
    >>> book.namelist()[:3]
    ['mimetype', 'META-INF/container.xml', 'OEBPS/content.opf']
    >>> write_epub(doc) == write_epub(doc)
    True
"""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from datetime import datetime, timezone

from pagemend.model import Document
from pagemend.writers.markup import Markup, attr, text
from pagemend.writers.registry import Writer, build_time, register

__all__ = ["write_epub"]

_NOTES = "notes.xhtml"
_CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"""
_STYLE = """body{font-family:serif;line-height:1.4}
blockquote,.verse,.letter{margin-left:2em}
.noteref{vertical-align:super;font-size:.75em}
.smallcaps{font-variant:small-caps}
.note{font-size:.9em}
"""
#: the earliest time a zip entry can carry
_ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=timezone.utc)


def _chapters(doc: Document, notes: set[int]) -> list[list[int]]:
    """Body block indices split at each heading of the top level used."""
    levels = [b.level or 1 for b in doc.blocks if b.kind == "heading"]
    top = min(levels) if levels else None
    chapters: list[list[int]] = [[]]
    for index, block in enumerate(doc.blocks):
        if index in notes:
            continue
        if block.kind == "heading" and (block.level or 1) == top and chapters[-1]:
            chapters.append([])
        chapters[-1].append(index)
    return chapters


def _xhtml(title: str, lang: str, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
        f' xml:lang="{attr(lang)}" lang="{attr(lang)}">\n<head>\n<meta charset="utf-8"/>\n'
        f"<title>{text(title)}</title>\n"
        '<link rel="stylesheet" type="text/css" href="style.css"/>\n</head>\n'
        f"<body>\n{body}\n</body>\n</html>\n"
    )


class _Book:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.lang = doc.meta.lang or "und"
        notes = {i for i, b in enumerate(doc.blocks) if b.kind == "note" and b.note_id}
        self.chapters = _chapters(doc, notes)
        self.files = {i: f"chapter-{n}.xhtml" for n, chapter in enumerate(self.chapters, 1)
                      for i in chapter}
        self.files.update(dict.fromkeys(notes, _NOTES))
        self.markup = Markup(doc, lambda index: self.files[index], epub=True)
        self.title = next((b.text for b in doc.blocks if b.kind == "heading"),
                          doc.meta.source).replace("\n", " ")

    def chapter(self, number: int, indices: list[int]) -> str:
        body = "\n".join(self.markup.body(indices)) or "<p/>"
        return _xhtml(f"{self.title} ({number})", self.lang,
                      f'<section epub:type="chapter" role="doc-chapter">\n{body}\n</section>')

    def notes(self) -> str:
        asides = "\n".join(self.markup.note(i) for i in self.markup.note_ids)
        return _xhtml("Notes", self.lang, '<section epub:type="endnotes" role="doc-endnotes">'
                      f"\n<h1>Notes</h1>\n{asides}\n</section>")

    def nav(self) -> str:
        entries = [(self.files[i], self.markup.heading_id(i), b.text.replace("\n", " "))
                   for i, b in enumerate(self.doc.blocks)
                   if b.kind == "heading" and i in self.files and b.text.strip()]
        toc = [f'<li><a href="{attr(f)}#{h}">{text(t)}</a></li>' for f, h, t in entries]
        toc = toc or [f'<li><a href="chapter-{n}.xhtml">{text(self.title)} ({n})</a></li>'
                      for n in range(1, len(self.chapters) + 1)]
        pages = [f'<li><a href="{attr(self.files[block])}#{anchor}">{text(label)}</a></li>'
                 for anchor, label, block in self.markup.anchors]
        body = ['<nav epub:type="toc" id="toc" role="doc-toc">', "<h1>Contents</h1>", "<ol>",
                *toc, "</ol>", "</nav>"]
        if pages:
            body += ['<nav epub:type="page-list" id="page-list" hidden="hidden">',
                     "<h2>Pages</h2>", "<ol>", *pages, "</ol>", "</nav>"]
        return _xhtml("Contents", self.lang, "\n".join(body))

    def identifier(self) -> str:
        digest = hashlib.sha256()
        for block in self.doc.blocks:
            digest.update(block.text.encode("utf-8") + b"\0")
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, digest.hexdigest())}"

    def package(self, modified: datetime) -> str:
        items = ['<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
                 'properties="nav"/>', '<item id="style" href="style.css" media-type="text/css"/>']
        spine = []
        names = [f"chapter-{n}" for n in range(1, len(self.chapters) + 1)]
        names += ["notes"] if self.markup.note_ids else []
        for name in names:
            items.append(f'<item id="{name}" href="{name}.xhtml" '
                         'media-type="application/xhtml+xml"/>')
            spine.append(f'<itemref idref="{name}"/>')
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
            f'unique-identifier="uid" xml:lang="{attr(self.lang)}">\n'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
            f'<dc:identifier id="uid">{self.identifier()}</dc:identifier>\n'
            f"<dc:title>{text(self.title)}</dc:title>\n"
            f"<dc:language>{text(self.lang)}</dc:language>\n"
            f"<dc:source>{text(self.doc.meta.source)}</dc:source>\n"
            '<meta property="dcterms:modified">'
            f"{modified.strftime('%Y-%m-%dT%H:%M:%SZ')}</meta>\n"
            f"</metadata>\n<manifest>\n{chr(10).join(items)}\n</manifest>\n"
            f"<spine>\n{chr(10).join(spine)}\n</spine>\n</package>\n"
        )


def _entry(name: str, when: datetime, compress: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.create_system = 3
    info.external_attr = 0o644 << 16
    return info


def write_epub(doc: Document) -> bytes:
    """Render the document as an EPUB 3 file; see the module docstring."""
    book = _Book(doc)
    when = max(build_time(), _ZIP_EPOCH)
    files = [("mimetype", "application/epub+zip"), ("META-INF/container.xml", _CONTAINER),
             ("OEBPS/content.opf", book.package(when)), ("OEBPS/nav.xhtml", book.nav()),
             ("OEBPS/style.css", _STYLE)]
    files += [(f"OEBPS/chapter-{n}.xhtml", book.chapter(n, chapter))
              for n, chapter in enumerate(book.chapters, 1)]
    if book.markup.note_ids:
        files.append((f"OEBPS/{_NOTES}", book.notes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files:
            archive.writestr(_entry(name, when, name != "mimetype"), content.encode("utf-8"))
    return out.getvalue()


register(Writer("epub", (".epub",), write_epub, binary=True))
