"""The reader registry: which reader reads an input, by its first bytes (and, for a folder,
by its page files). Page text and PDFs are read by :func:`pagemend.readers.text.read_path`
as before; every other format is one entry here, and a new format is one module with a
``parse(data, source) -> list[OcrPage]`` function and a ``sniff(head) -> bool`` test, added
to :data:`FORMATS`.

    >>> format_of(b'<?xml version="1.0"?><alto xmlns="x">')
    'alto'
    >>> format_of(b"level\\tpage_num\\tblock_num"), format_of(b"plain text") is None
    ('tsv', True)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pagemend.errors import EmptyInputError
from pagemend.model import Document
from pagemend.readers.alto import parse_alto, sniff_alto
from pagemend.readers.hocr import parse_hocr, sniff_hocr
from pagemend.readers.ocr import OcrPage, read_limited_file, to_document
from pagemend.readers.pagexml import parse_page_xml, sniff_page_xml
from pagemend.readers.tesseract import DEFAULT_LANG, ocr_image, sniff_image
from pagemend.readers.tsv import parse_tsv, sniff_tsv

__all__ = ["FORMATS", "HEAD_BYTES", "OcrSettings", "ReaderFormat", "format_of", "format_of_path",
           "ocr_folder_files", "read_ocr_files"]

#: How much of a file's start tells its format (an XML root comes after its prolog, and
#: hOCR names ``ocr_page`` after its head)
HEAD_BYTES = 8192


@dataclass(frozen=True, slots=True)
class ReaderFormat:
    """One input format: its name, how its start looks, and how to parse it."""

    name: str
    sniff: Callable[[bytes], bool]
    parse: Callable[[bytes, str], list[OcrPage]] | None
    #: the suffix a cache or export of this format uses, for picking it from a mixed folder
    suffix: str


@dataclass(frozen=True, slots=True)
class OcrSettings:
    """How page images and ``--ocr`` PDFs go through Tesseract."""

    #: Tesseract language(s), e.g. "eng", "deu+frk"
    lang: str = DEFAULT_LANG
    #: read a PDF's rendered pages with Tesseract even where it has a text layer
    force: bool = False


#: The formats in the order they are tried: the more specific sniff first
FORMATS: tuple[ReaderFormat, ...] = (
    ReaderFormat("image", sniff_image, None, ".png"),
    ReaderFormat("page", sniff_page_xml, parse_page_xml, ".xml"),
    ReaderFormat("alto", sniff_alto, parse_alto, ".xml"),
    ReaderFormat("hocr", sniff_hocr, parse_hocr, ".hocr"),
    ReaderFormat("tsv", sniff_tsv, parse_tsv, ".tsv"),
)
_BY_NAME = {entry.name: entry for entry in FORMATS}


def format_of(head: bytes) -> str | None:
    """The name of the format whose start ``head`` is, or None (page text, PDF)."""
    if head[:5] == b"%PDF-":
        return None
    for entry in FORMATS:
        if entry.sniff(head):
            return entry.name
    return None


def format_of_path(path: Path) -> str | None:
    """The format of a file, by its first bytes; None for page text, PDFs and the unreadable
    (the text reader then says what is wrong)."""
    try:
        with path.open("rb") as handle:
            return format_of(handle.read(HEAD_BYTES))
    except OSError:
        return None


#: Where a folder holds the same pages in several formats (Tesseract run with ``txt hocr alto
#: tsv``), the one read: the one that keeps the most (hOCR: sizes and confidences)
PREFERENCE = ("hocr", "alto", "page", "tsv", "image")


def ocr_folder_files(files: Sequence[Path]) -> list[Path] | None:
    """A folder's page files if every one is of a registered format; where the folder holds
    the same pages in several formats (and perhaps as plain text), the files of the
    preferred format (:data:`PREFERENCE`); else None (page text).

    >>> ocr_folder_files([])
    """
    formats = {path: format_of_path(path) for path in files}
    found = {name for name in formats.values() if name}
    if not found:
        return None
    if all(formats.values()) and len(found) == 1:
        return list(files)
    best = min(found, key=PREFERENCE.index)
    chosen = [path for path in files if formats[path] == best]
    stems = {path.stem for path in chosen}
    return chosen if all(path.stem in stems for path in files) else None


def _pages(path: Path, settings: OcrSettings) -> list[OcrPage]:
    name = format_of_path(path)
    entry = _BY_NAME.get(name or "")
    if entry is None:
        return []
    if entry.parse is None:
        return ocr_image(path, settings.lang)
    return entry.parse(read_limited_file(path), str(path))


def read_ocr_files(files: Sequence[Path], source: str, settings: OcrSettings | None = None
                   ) -> Document:
    """The pages of OCR files (or page images), one after another in the order given."""
    if not files:
        raise EmptyInputError(source)
    pages: list[OcrPage] = []
    for path in files:
        pages.extend(_pages(path, settings or OcrSettings()))
    return to_document(pages, source)
