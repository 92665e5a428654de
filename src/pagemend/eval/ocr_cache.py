"""OCR of the corpus made by ``scripts/make_ocr_data.py``, as ``pagemend eval`` inputs.

The script renders each case's PDF (``300``: 300 dpi; ``200d``: 200 dpi, rotated 1 degree,
blurred, with noise) and runs Tesseract to text, hOCR, ALTO and TSV, one file per page, in
``$PAGEMEND_OCR_CACHE`` (default ``/work/cache/ocr``): ``SET/CASE/p0001.hocr``. The input
variants ``tess`` (Tesseract's plain text), ``hocr``, ``alto`` and ``tsv`` read the ``300``
set; the same names with ``-200d`` read the degraded one. A case whose pages are not there
is skipped.

    >>> CACHE_INPUTS["hocr-200d"]
    ('200d', '.hocr')
"""

from __future__ import annotations

import os
from pathlib import Path

from pagemend.model import Document
from pagemend.readers.text import FORM_FEED, page_files, read_text

__all__ = ["CACHE_INPUTS", "cache_root", "cached_pages", "read_cached"]

_FORMATS = {"tess": ".txt", "hocr": ".hocr", "alto": ".xml", "tsv": ".tsv"}
#: --input variant -> (the cache's set, the suffix of its page files)
CACHE_INPUTS: dict[str, tuple[str, str]] = {
    f"{name}{tag}": (set_name, suffix)
    for set_name, tag in (("300", ""), ("200d", "-200d"))
    for name, suffix in _FORMATS.items()
}


def cache_root() -> Path:
    """Where the OCR of the corpus is cached."""
    return Path(os.environ.get("PAGEMEND_OCR_CACHE", "/work/cache/ocr"))


def cached_pages(case: str, variant: str) -> list[Path]:
    """The cached page files of a case for an input variant, in page order (none if absent)."""
    set_name, suffix = CACHE_INPUTS[variant]
    folder = cache_root() / set_name / case
    if not folder.is_dir():
        return []
    files = page_files(folder)
    done = {path.stem for path in files if path.suffix == ".tsv"}  # Tesseract's last output
    return [path for path in files if path.suffix == suffix and path.stem in done]


def complete(files: list[Path], pages: int, set_name: str) -> bool:
    """Whether the cached pages are the whole book (the ``200d`` set may be made for the
    first pages of each case only: its variants are then compared with each other)."""
    return len(files) == pages or (set_name != "300" and len(files) > 0)


def read_cached(files: list[Path], source: str) -> Document:
    """The cached pages read: plain text joined by form feeds (as ``input.ocr.txt`` is), the
    other formats by their readers."""
    if files[0].suffix == ".txt":
        texts = [path.read_text(encoding="utf-8").rstrip("\f\n") + "\n" for path in files]
        return read_text(FORM_FEED.join(texts), source)
    from pagemend.readers.registry import read_ocr_files

    return read_ocr_files(files, source)
