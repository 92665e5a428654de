"""OCR of the corpus made by ``scripts/make_ocr_data.py``, as ``pagemend eval`` inputs.

The script renders each case's PDF (``300``: 300 dpi; ``200d``: 200 dpi, rotated 1 degree,
blurred, with noise) and runs Tesseract to text, hOCR, ALTO and TSV, one file per page, in
``$PAGEMEND_OCR_CACHE`` (default ``/work/cache/ocr``): ``SET/CASE/p0001.hocr``. The input
variants ``tess`` (Tesseract's plain text), ``hocr``, ``alto`` and ``tsv`` read the ``300``
set; the same names with ``-200d`` read the degraded one. A case whose pages are not there
is skipped. Where a set holds only a book's first pages (the ``200d`` set may be made with
``--pages N``), the case is scored against the truth of those pages only (:func:`cut_case`).

    >>> CACHE_INPUTS["hocr-200d"]
    ('200d', '.hocr')
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from pagemend.eval.normalize import TokenStream
from pagemend.model import Document
from pagemend.readers.text import FORM_FEED, page_files, read_text

if TYPE_CHECKING:  # the command line reads CACHE_INPUTS: it need not import the metrics
    from pagemend.eval.metrics import Case

__all__ = ["CACHE_INPUTS", "cache_root", "cached_pages", "cut_case", "read_cached"]

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
    """Whether the cached pages can be scored: the whole book, or (a set other than ``300``,
    which may be made for the first pages of each case only) some first pages, scored against
    the truth of those pages (:func:`cut_case`)."""
    return len(files) == pages or (set_name != "300" and len(files) > 0)


def read_cached(files: list[Path], source: str) -> Document:
    """The cached pages read: plain text joined by form feeds (as ``input.ocr.txt`` is), the
    other formats by their readers."""
    if files[0].suffix == ".txt":
        texts = [path.read_text(encoding="utf-8").rstrip("\f\n") + "\n" for path in files]
        return read_text(FORM_FEED.join(texts), source)
    from pagemend.readers.registry import read_ocr_files

    return read_ocr_files(files, source)


def _cut_stream(stream: TokenStream, end: int) -> TokenStream:
    return TokenStream(
        tokens=stream.tokens[:end], kinds=stream.kinds[:end], levels=stream.levels[:end],
        block_start=stream.block_start[:end], line_start=stream.line_start[:end],
        markers=[(i, note) for i, note in stream.markers if i < end],
        italic=stream.italic[:end],
    )


def cut_end(case: Case, pages: int) -> int:
    """The index of the first truth word after the first ``pages`` pages."""
    return int(case.manifest["pages"][pages]["truth_start"])


def cut_case(case: Case, pages: int) -> Case:
    """The case as far as its first ``pages`` pages: the truth words before the next page's
    first word (the manifest's ``truth_start``), the notes referenced there, the hyphen sites
    and manifest pages of those pages. The whole case where ``pages`` covers it.

    >>> from pagemend.eval.metrics import load_case
    >>> case = load_case(Path(__file__).parents[3] / "tests" / "corpus" / "carol-odt")
    >>> cut = cut_case(case, 2)
    >>> len(cut.manifest["pages"]), len(cut.truth.tokens) == cut_end(case, 2)
    (2, True)
    >>> cut_case(case, 99) is case
    True
    """
    manifest_pages = case.manifest["pages"]
    if pages >= len(manifest_pages):
        return case
    end = cut_end(case, pages)
    truth = _cut_stream(case.truth, end)
    kept = {note for _, note in truth.markers}
    sites = [site for site in case.sites if site.get("page", 0) <= pages and (
        site.get("note_id") in kept if site.get("in_note") else site.get("truth_index", 0) < end)]
    return replace(
        case, truth=truth, notes={k: v for k, v in case.notes.items() if k in kept},
        manifest={**case.manifest, "pages": manifest_pages[:pages]}, sites=sites,
        unmarked=frozenset(i for i in case.unmarked if i < end),
    )
