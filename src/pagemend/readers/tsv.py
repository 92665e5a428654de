"""Read Tesseract's TSV: one row per page, block, paragraph, line and word (``level`` 1-5),
with ``left``, ``top``, ``width``, ``height`` in pixels, ``conf`` (0-100; -1 for rows that
are no word) and ``text``. The words of one (page, block, paragraph, line) make a line.
The resolution is not in the file: the page's line heights set the scale.

    >>> data = (b"level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\t"
    ...         b"width\\theight\\tconf\\ttext\\n"
    ...         b"1\\t1\\t0\\t0\\t0\\t0\\t0\\t0\\t1200\\t1800\\t-1\\t\\n"
    ...         b"4\\t1\\t1\\t1\\t1\\t0\\t150\\t200\\t900\\t36\\t-1\\t\\n"
    ...         b"5\\t1\\t1\\t1\\t1\\t1\\t150\\t200\\t150\\t36\\t90\\tIt\\n"
    ...         b"5\\t1\\t1\\t1\\t1\\t2\\t320\\t200\\t180\\t36\\t70\\twas\\n")
    >>> page = parse_tsv(data, "p.tsv")[0]
    >>> page.lines[0].text, page.lines[0].box, page.lines[0].confidence, page.width
    ('It was', (150.0, 200.0, 500.0, 236.0), 0.8, 1200.0)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pagemend.errors import OcrFormatError
from pagemend.model import replace
from pagemend.readers.ocr import OcrLine, OcrPage, clean

__all__ = ["HEADER", "parse_tsv", "sniff_tsv"]

HEADER = ("level", "page_num", "block_num", "par_num", "line_num", "word_num", "left", "top",
          "width", "height", "conf", "text")
_PAGE, _LINE, _WORD = "1", "4", "5"


def sniff_tsv(head: bytes) -> bool:
    """Tesseract TSV: its header row."""
    return head.lstrip(b"\xef\xbb\xbf").startswith(b"level\tpage_num\t")


@dataclass
class _Page:
    size: tuple[float, float] | None = None
    lines: dict[tuple[str, ...], list[tuple[list[float], float, str]]] = field(
        default_factory=dict)


def _rows(data: bytes, source: str) -> list[list[str]]:
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    rows = [row.split("\t") for row in text.splitlines() if row]
    if not rows or tuple(rows[0][:11]) != HEADER[:11]:
        raise OcrFormatError(source, "does not start with Tesseract's TSV header")
    return rows[1:]


def _collect(rows: list[list[str]], source: str) -> dict[str, _Page]:
    pages: dict[str, _Page] = {}
    for number, row in enumerate(rows, 2):
        if len(row) < 11:
            raise OcrFormatError(source, f"has {len(row)} columns on line {number}, not 12")
        try:
            box = [float(value) for value in row[6:10]]
            confidence = float(row[10])
        except ValueError:
            raise OcrFormatError(source, f"has no numbers on line {number}") from None
        page = pages.setdefault(row[1], _Page())
        if row[0] == _PAGE:
            page.size = (box[2], box[3])
        elif row[0] == _WORD:
            text = row[11] if len(row) > 11 else ""
            page.lines.setdefault(tuple(row[1:5]), []).append((box, confidence, text))
    return pages


def _line(words: list[tuple[list[float], float, str]]) -> OcrLine | None:
    kept = [word for word in words if word[2].strip()]
    if not kept:
        return None
    x0 = min(w[0][0] for w in kept)
    top = min(w[0][1] for w in kept)
    x1 = max(w[0][0] + w[0][2] for w in kept)
    bottom = max(w[0][1] + w[0][3] for w in kept)
    confidences = [w[1] / 100 for w in kept if w[1] >= 0]
    mean = round(sum(confidences) / len(confidences), 3) if confidences else None
    return OcrLine(clean(w[2] for w in kept), (x0, top, x1, bottom), mean)


def parse_tsv(data: bytes, source: str) -> list[OcrPage]:
    """The pages of a Tesseract TSV file."""
    pages = []
    for page in _collect(_rows(data, source), source).values():
        lines, block = [], None
        for key, words in page.lines.items():
            line = _line(words)
            if line is not None:
                lines.append(replace(line, opens_block=key[:3] != block))
                block = key[:3]
        pages.append(OcrPage(lines=tuple(lines),
                             width=page.size[0] if page.size else None,
                             height=page.size[1] if page.size else None))
    if not pages:
        raise OcrFormatError(source, "holds no page")
    return pages
