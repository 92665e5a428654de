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

import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from pagemend.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputNotFoundError,
    InputTooLargeError,
    PdfWhereTextExpectedError,
    UnreadableInputError,
    Utf16InputError,
)
from pagemend.model import Document, DocumentMeta, Line, Page, replace

if TYPE_CHECKING:
    from pagemend.readers.registry import OcrSettings

__all__ = ["MAX_INPUT_BYTES", "decode", "folder_text", "page_files", "read_bytes", "read_folder",
           "read_limited", "read_path", "read_text"]

#: The size limit of one input (a file, stdin, or a folder's page files together), a named
#: setting (``--max-input-mb``): far above real books. The largest corpus book is 1.4 MB of
#: page text; 100,000 pages of 3,000 characters are about 300 MB.
MAX_INPUT_BYTES = 1 << 30
#: How much of the start of an input tells text from binary and UTF-16 (read before the rest,
#: so that an endless device such as /dev/zero is refused at once).
SNIFF_BYTES = 1 << 16
#: Page text never holds NUL bytes; an input whose start has this share of them or more is
#: binary (an image, an archive, /dev/zero), unless they fall in the UTF-16 pattern.
BINARY_NUL_SHARE = 0.1
#: In UTF-16 text of Latin script, at least this share of the bytes at odd (little-endian)
#: or even (big-endian) offsets is NUL.
UTF16_NUL_SHARE = 0.4

FORM_FEED = "\f"
#: pdfium's marker for a hyphen at a line end, written where the line broke
PDFIUM_LINE_END_HYPHEN = "\ufffe"
UTF8_BOM = "\ufeff"
PDF_SIGNATURE = b"%PDF-"


def _utf16(data: bytes) -> str | None:
    """The codec of UTF-16 data (by its byte-order mark, or by the NUL bytes of every other
    byte), or None.

    >>> _utf16("ab".encode("utf-16")), _utf16("abc".encode("utf-16-be")), _utf16(b"abc")
    ('utf-16', 'utf-16-be', None)
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    sample = data[:SNIFF_BYTES]
    half = len(sample) // 2
    if half < 2:
        return None
    odd, even = sample[1::2].count(0) / half, sample[0::2].count(0) / half
    if odd >= UTF16_NUL_SHARE and even < odd / 4:
        return "utf-16-le"
    if even >= UTF16_NUL_SHARE and odd < even / 4:
        return "utf-16-be"
    return None


def _sniff(data: bytes, source: str) -> str | None:
    """The UTF-16 codec of the data, or None for UTF-8; raise if the start is binary."""
    codec = _utf16(data)
    sample = data[:SNIFF_BYTES]
    if codec is None and sample and sample.count(0) >= BINARY_NUL_SHARE * len(sample):
        raise BinaryInputError(source)
    return codec


def decode(data: bytes, source: str) -> tuple[str, DocumentMeta]:
    """Decode UTF-8 (a BOM tolerated, CR LF normalised), or raise a coded error naming the
    first byte that is not UTF-8. UTF-16 (a byte-order mark, or NUL bytes in every other
    byte) is decoded as UTF-16; binary data (NUL bytes) is refused.

    >>> decode("a\\r\\nb".encode("utf-16"), "x")[0]
    'a\\nb'
    >>> decode(bytes(100), "/dev/zero")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pagemend.errors.BinaryInputError: [PM105] /dev/zero is not text: it holds NUL bytes, ...
    >>> decode(b"\\xef\\xbb\\xbfa\\r\\nb", "x")[0]
    'a\\nb'
    >>> decode(b"caf\\xe9", "book.txt")
    Traceback (most recent call last):
    ...
    pagemend.errors.EncodingError: [PM103] book.txt is not UTF-8: byte 0xe9 at offset 3 \
cannot be decoded; convert it first, e.g. `iconv -f latin1 -t utf-8 FILE > FILE.utf8`
    """
    codec = _sniff(data, source)
    if codec is not None:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise Utf16InputError(source) from None
        return _normalised(text.removeprefix(UTF8_BOM), source, bom=False)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EncodingError(source, error.start, data[error.start]) from None
    return _normalised(text, source, bom=None)


def _normalised(text: str, source: str, bom: bool | None) -> tuple[str, DocumentMeta]:
    """Drop a UTF-8 BOM (when ``bom`` is None: if there) and CR LF line ends, noting both."""
    if bom is None:
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
        if PDFIUM_LINE_END_HYPHEN not in raw:  # the common case: one line, hard broken
            lines.append(Line(raw, page, len(lines)))
            continue
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


def _is_page_file(path: Path, root: Path) -> bool:
    """A page file: a file that is not hidden, not a README, and not a link out of the
    folder."""
    if path.name.startswith(".") or path.stem.lower() == "readme" or path.name.lower() == "readme":
        return False
    if path.is_symlink():
        try:
            if root not in path.resolve().parents:
                return False
        except (OSError, RuntimeError):  # a loop of links
            return False
    return path.is_file()


def page_files(folder: Path) -> list[Path]:
    """A folder's page files in natural order (page2 before page10): hidden files, READMEs,
    folders and links out of the folder are no pages.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> for name in ("p10.txt", "p2.txt", "README.md", ".notes"):
    ...     _ = (folder / name).write_text("x", encoding="utf-8")
    >>> [path.name for path in page_files(folder)]
    ['p2.txt', 'p10.txt']
    """
    try:
        root = folder.resolve()
        entries = list(folder.iterdir())
    except OSError as error:
        raise UnreadableInputError(str(folder), error.strerror or str(error)) from None
    return sorted((p for p in entries if _is_page_file(p, root)), key=_natural_key)


def folder_text(folder: Path, max_bytes: int = MAX_INPUT_BYTES) -> str:
    """The decoded text of a folder's page files, joined by form feeds (what ``verify``
    rebuilds for a folder input)."""
    files = page_files(folder)
    if not files:
        raise EmptyInputError(str(folder))
    texts, total = [], 0
    for path in files:
        data = _read_file(path, max_bytes - total)
        total += len(data)
        if data[:5] == PDF_SIGNATURE:
            raise PdfWhereTextExpectedError(str(path))
        texts.append(decode(data, str(path))[0])
    return FORM_FEED.join(texts)


def read_folder(folder: Path, max_bytes: int = MAX_INPUT_BYTES) -> Document:
    """One page per page file (see :func:`page_files`), in natural order."""
    text = folder_text(folder, max_bytes)
    if not text.replace(FORM_FEED, "").strip():
        raise EmptyInputError(str(folder))
    return read_text(text, str(folder))


def read_limited(handle: BinaryIO, source: str, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """Read a stream whole, but no more than ``max_bytes``; the start is checked first, so
    that a binary stream without end (/dev/zero) is refused at once.

    >>> import io
    >>> read_limited(io.BytesIO(b"abc"), "x")
    b'abc'
    >>> read_limited(io.BytesIO(b"abc"), "x", 2)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pagemend.errors.InputTooLargeError: [PM106] x is larger than the input size limit ...
    """
    first = handle.read(min(SNIFF_BYTES, max_bytes + 1))
    if first[:5] != PDF_SIGNATURE:
        _sniff(first, source)
    chunks, size = [first], len(first)
    while size <= max_bytes:
        chunk = handle.read(min(1 << 20, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        raise InputTooLargeError(source, max_bytes)
    return b"".join(chunks)


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        with path.open("rb") as handle:
            return read_limited(handle, str(path), max_bytes)
    except IsADirectoryError:
        raise UnreadableInputError(str(path), "it is a folder") from None
    except OSError as error:
        raise UnreadableInputError(str(path), error.strerror or str(error)) from None


def _read_pdf_bytes(data: bytes, source: str, password: str | None) -> Document:
    """A PDF given as bytes (on stdin): read from a temporary file."""
    import tempfile

    from pagemend.readers.pdf import read_pdf

    with tempfile.TemporaryDirectory(prefix="pagemend-") as folder:
        path = Path(folder) / "stdin.pdf"
        path.write_bytes(data)
        doc = read_pdf(path, password)
    return replace(doc, meta=replace(doc.meta, source=source))


def _read_registered(target: Path, ocr: OcrSettings | None) -> Document | None:
    """A file or folder of a format in the reader registry (OCR files, page images), or
    None where it is page text or a PDF."""
    from pagemend.readers.registry import format_of_path, ocr_folder_files, read_ocr_files

    if target.is_dir():
        files = ocr_folder_files(page_files(target))
        return read_ocr_files(files, str(target), ocr) if files else None
    if target.is_file() and format_of_path(target):
        return read_ocr_files([target], str(target), ocr)
    return None


def _read_pdf_path(target: Path, password: str | None, ocr: OcrSettings | None) -> Document:
    if ocr is not None and ocr.force:
        from pagemend.readers.ocr import to_document
        from pagemend.readers.tesseract import ocr_pdf

        return to_document(ocr_pdf(target, ocr.lang, password), str(target))
    from pagemend.readers.pdf import read_pdf

    return read_pdf(target, password)


def _read_stdin(password: str | None, max_bytes: int) -> Document:
    data = read_limited(sys.stdin.buffer, "<stdin>", max_bytes)
    if data[:5] == PDF_SIGNATURE:
        return _read_pdf_bytes(data, "<stdin>", password)
    return read_bytes(data, "<stdin>")


def read_path(path: str, password: str | None = None,
              max_bytes: int = MAX_INPUT_BYTES, ocr: OcrSettings | None = None) -> Document:
    """Read a page dump from a file, a folder of page files, or ``-`` (stdin); a PDF (by its
    ``%PDF`` signature) goes to the PDF reader (or, with ``ocr.force``, through Tesseract);
    OCR files and page images (see :mod:`pagemend.readers.registry`) to their reader. No input
    may be larger than ``max_bytes``."""
    if path == "-":
        return _read_stdin(password, max_bytes)
    target = Path(path)
    if not os.path.lexists(target):
        raise InputNotFoundError(path)
    registered = _read_registered(target, ocr)
    if registered is not None:
        return registered
    if target.is_dir():
        return read_folder(target, max_bytes)
    if target.suffix.lower() == ".pdf" and target.is_file():
        return _read_pdf_path(target, password, ocr)
    data = _read_file(target, max_bytes)
    if data[:5] == PDF_SIGNATURE:
        return _read_pdf_path(target, password, ocr)
    return read_bytes(data, path)
