"""Read page-text dumps: pages split by form feeds (as pdftotext writes them), or a folder
of one text file per page. No heuristics here: pages of lines, exactly as given.

    >>> doc = read_text("142 | Title\\nfirst line\\fsecond page\\f")
    >>> [[line.text for line in page.lines] for page in doc.pages]
    [['142 | Title', 'first line'], ['second page']]
    >>> doc.meta.final_form_feed
    True

pdfium marks a line-end hyphen with U+FFFE and glues the halves; that marker is a line end,
so the line is split there and marked ``soft_break`` (it had no newline in the source):

    >>> [(line.text, line.soft_break) for line in read_text("under\\ufffestand").pages[0].lines]
    [('under\\ufffe', True), ('stand', False)]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from pagemend.errors import EmptyInputError, EncodingError, InputError, InputNotFoundError
from pagemend.model import Document, DocumentMeta, Line, Page

__all__ = ["decode", "read_bytes", "read_folder", "read_text"]

FORM_FEED = "\f"
#: pdfium's marker for a hyphen at a line end, written where the line broke
PDFIUM_LINE_END_HYPHEN = "\ufffe"
UTF8_BOM = "\ufeff"


def decode(data: bytes, source: str) -> tuple[str, DocumentMeta]:
    """Decode UTF-8 (a BOM tolerated, CR LF normalised), or raise a coded error naming the
    first byte that is not UTF-8.

    >>> decode(b"\\xef\\xbb\\xbfa\\r\\nb", "x")[0]
    'a\\nb'
    >>> decode(b"caf\\xe9", "book.txt")
    Traceback (most recent call last):
    ...
    pagemend.errors.EncodingError: [PM103] book.txt is not UTF-8: byte 0xe9 at offset 3 \
cannot be decoded; convert it first, e.g. `iconv -f latin1 -t utf-8 FILE > FILE.utf8`
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EncodingError(source, error.start, data[error.start]) from None
    bom = text.startswith(UTF8_BOM)
    if bom:
        text = text[1:]
    crlf = "\r\n" in text
    if crlf:
        text = text.replace("\r\n", "\n")
    return text, DocumentMeta(source=source, bom=bom, crlf=crlf)


def _split_lines(page_text: str, page: int) -> tuple[Line, ...]:
    lines: list[Line] = []
    for raw in page_text.split("\n"):
        pieces = raw.split(PDFIUM_LINE_END_HYPHEN)
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1
            text = piece if last else piece + PDFIUM_LINE_END_HYPHEN
            lines.append(Line(text=text, page=page, number=len(lines), soft_break=not last))
    return tuple(lines)


def read_text(text: str, source: str = "<string>", meta: DocumentMeta | None = None) -> Document:
    """Split decoded text into pages (form feeds) and lines; a final form feed ends the last
    page rather than starting an empty one."""
    base = meta if meta is not None else DocumentMeta(source=source)
    final_form_feed = text.endswith(FORM_FEED)
    if final_form_feed:
        text = text[:-1]
    pages = tuple(
        Page(index=i, label=None, lines=_split_lines(page_text, i))
        for i, page_text in enumerate(text.split(FORM_FEED))
    )
    meta_out = DocumentMeta(
        source=base.source, bom=base.bom, crlf=base.crlf, final_form_feed=final_form_feed,
        lang=base.lang,
    )
    return Document(pages=pages, meta=meta_out)


def read_bytes(data: bytes, source: str = "<bytes>") -> Document:
    """Decode and split a page dump held in memory."""
    text, meta = decode(data, source)
    if not text.strip():
        raise EmptyInputError(source)
    return read_text(text, source, meta)


def _natural_key(path: Path) -> list[object]:
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", path.name)]


def read_folder(folder: Path) -> Document:
    """One page per text file, in natural order (page2 before page10)."""
    files = sorted((p for p in folder.iterdir() if p.is_file()), key=_natural_key)
    if not files:
        raise EmptyInputError(str(folder))
    text = FORM_FEED.join(decode(p.read_bytes(), str(p))[0] for p in files)
    if not text.replace(FORM_FEED, "").strip():
        raise EmptyInputError(str(folder))
    return read_text(text, str(folder))


def read_path(path: str, password: str | None = None) -> Document:
    """Read a page dump from a file, a folder of page files, or ``-`` (stdin); a PDF (by its
    ``%PDF`` signature) goes to the PDF reader."""
    if path == "-":
        return read_bytes(sys.stdin.buffer.read(), "<stdin>")
    target = Path(path)
    if target.is_dir():
        return read_folder(target)
    if not target.exists():
        raise InputNotFoundError(path)
    try:
        data = target.read_bytes()
    except OSError as error:
        raise InputError(
            f"{path} cannot be read: {error.strerror}", "check its permissions"
        ) from None
    if data[:5] == b"%PDF-" or target.suffix.lower() == ".pdf":
        from pagemend.readers.pdf import read_pdf

        return read_pdf(target, password)
    return read_bytes(data, path)
