"""Read PDFs with a text layer through pypdfium2: pages of lines with their geometry.

Each line keeps where it sits (x0, x1, top, bottom in points, top measured from the top of
the page), its font size and weight, italics, and the character ranges set as superscripts
(smaller and raised: note markers). Lines are put in reading order by position: top to
bottom, and for a page set in two columns, the left column before the right. A vertical gap
well above the page's line spacing becomes a blank line, as pdftotext marks a gap between
text flows. pdfium's U+FFFE line-end hyphen marker ends a line, as in the text reader.

No heuristics beyond that: the stages decide what the lines are.

    >>> from pathlib import Path
    >>> doc = read_pdf(Path("tests/corpus/douglass-xelatex/input.pdf"))
    >>> doc.pages[0].lines[0].text, round(doc.pages[0].lines[0].geometry.font_size or 0)
    ('PREFACE', 14)
"""

from __future__ import annotations

import bisect
import ctypes
import functools
import itertools
import re
import statistics
from pathlib import Path
from typing import Any

from pagemend.errors import InputError, MissingDependencyError
from pagemend.model import Document, DocumentMeta, Geometry, Line, Page, replace

__all__ = [
    "EncryptedPdfError",
    "NoTextLayerError",
    "PdfError",
    "read_pdf",
]

#: A character this much smaller than its line's type, and raised, is a superscript.
SUPERSCRIPT_SIZE_RATIO = 0.8
#: A gap between lines at least this many times the page's usual line spacing is a blank line.
GAP_RATIO = 1.6
#: With fewer line spacings than this on a page, the usual spacing is the type's leading.
MIN_SPACINGS = 3
LEADING = 1.2
#: A page is set in two columns when at least this share of its lines sit wholly in one half.
COLUMN_SHARE = 0.6
#: ...and each column holds at least this many lines (a short last page is no column).
MIN_COLUMN_LINES = 5
#: Two lines pdfium gave share one printed line when their heights overlap by this share...
SAME_LINE_OVERLAP = 0.6
#: ...and one stands beside the other, at most this many type sizes away (a word space is
#: about 0.25; a column gutter is wider than a couple of type sizes).
FRAGMENT_GAP = 1.0
#: Glyphs further apart than this share of the font size have a space between them.
SPACE_GAP = 0.15
#: Where spaces are placed by position, a space character of the text stands for a word space
#: only when the next glyph starts more than this share of the font size after the glyph
#: before it ends. Measured over every space of five corpus PDFs: groff's overlapped spaces
#: (`runawa y`) at -0.037 to -0.010; true word spaces from 0.034 (an italic f's overhang,
#: marcus-weasy) up; none between.
KEPT_SPACE_GAP = 0.0
#: When pdfium's text lacks more word spaces than this share of the characters checked, the
#: document's spaces are placed from the glyphs' positions instead (groff's PDFs).
MISSING_SPACE_RATE = 0.001
#: How many characters, from the start, are checked for lost word spaces.
SPACE_SAMPLE = 1500
#: Font weight from which a line counts as bold.
BOLD_WEIGHT = 600
#: pdfium's font flag for italic fonts (PDF 1.7, table 123: bit 7)
_ITALIC_FLAG = 1 << 6
_PDFIUM_HYPHEN = "\ufffe"
_LINE_END = re.compile("\r\n|[\r\n]|\ufffe")
_RAISABLE = set("0123456789*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰")
_RAISABLE_FOUND = re.compile("[0-9*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]")


class PdfError(InputError):
    """A PDF that cannot be read."""

    code = "PM110"


class EncryptedPdfError(PdfError):
    code = "PM111"

    def __init__(self, source: str) -> None:
        InputError.__init__(self, f"{source} is encrypted",
                            "pass its password with --password, or decrypt it first")


class NoTextLayerError(PdfError):
    code = "PM113"

    def __init__(self, source: str) -> None:
        InputError.__init__(self, f"{source} has no text layer (its pages are images)",
                            "run it through OCR first (e.g. `ocrmypdf in.pdf out.pdf`), "
                            "or read OCR output instead")


def _pdfium() -> Any:
    try:
        import pypdfium2
    except ImportError:  # pragma: no cover - exercised without the extra
        raise MissingDependencyError("pypdfium2", "pdf") from None
    return pypdfium2


def _open(path: Path, password: str | None) -> Any:
    pdfium = _pdfium()
    source = str(path)
    if not path.exists():
        from pagemend.errors import InputNotFoundError

        raise InputNotFoundError(source)
    try:
        pdf = pdfium.PdfDocument(source, password=password)
    except pdfium.PdfiumError as error:
        message = str(error).lower()
        if "password" in message:
            raise EncryptedPdfError(source) from None
        raise PdfError(f"{source} is damaged or not a PDF ({error})",
                       "check the file; a truncated download can often be fetched again") from None
    if len(pdf) == 0:
        raise PdfError(f"{source} has no pages", "check that the right file was given")
    return pdf


Box = tuple[float, float, float, float]  # left, bottom, right, top (PDF points, y up)


@functools.lru_cache(maxsize=1)
def _calls() -> dict[str, Any]:
    """pdfium's per-character calls as plain C prototypes (ctypes, from the functions'
    addresses). pypdfium2's bindings check each pointer argument's type on every call; the
    reader makes about ten such calls per line, and one per character where word spaces are
    placed by position, so the checks cost more than the calls (about 30% of each)."""
    raw = _pdfium().raw
    handle, index, pointer = ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p
    signatures = {
        "FPDFText_GetLooseCharBox": (ctypes.c_int, handle, index, pointer),
        "FPDFText_GetFontSize": (ctypes.c_double, handle, index),
        "FPDFText_GetFontWeight": (ctypes.c_int, handle, index),
        "FPDFText_GetFontInfo": (ctypes.c_ulong, handle, index, pointer, ctypes.c_ulong, pointer),
        "FPDFText_GetCharOrigin": (ctypes.c_int, handle, index, pointer, pointer),
    }
    return {name: ctypes.CFUNCTYPE(*types)(_address(getattr(raw, name)))
            for name, types in signatures.items()}


def _address(pointer: Any) -> int:
    """The address a ctypes pointer or function holds (never null for pdfium's)."""
    address = ctypes.cast(pointer, ctypes.c_void_p).value
    if not address:
        raise PdfError("pdfium returned a null handle", "report this with the PDF")
    return address


class _Boxes:
    """Characters' loose boxes (the font's advance and height) and fonts, fetched as needed
    through pdfium's C calls with reused out-cells (see ``_calls``). Nothing is cached: each
    is asked for about once (a cache per text object was tried; most lines are text objects
    of their own, so it never hit)."""

    def __init__(self, textpage: Any) -> None:
        calls = _calls()
        self._rect = _pdfium().raw.FS_RECTF()
        self._pointer = ctypes.addressof(self._rect)
        self._get = calls["FPDFText_GetLooseCharBox"]
        self._size = calls["FPDFText_GetFontSize"]
        self._weight = calls["FPDFText_GetFontWeight"]
        self._info = calls["FPDFText_GetFontInfo"]
        self._origin = calls["FPDFText_GetCharOrigin"]
        self._x, self._y = ctypes.c_double(), ctypes.c_double()  # a glyph's origin
        self._x_pointer, self._y_pointer = ctypes.addressof(self._x), ctypes.addressof(self._y)
        self._handle = _address(textpage.raw)
        self._flags = ctypes.c_int()  # font flags, read through one reused cell
        self._flags_pointer = ctypes.addressof(self._flags)

    def __getitem__(self, index: int) -> Box:
        self._get(self._handle, index, self._pointer)
        rect = self._rect
        return (rect.left, rect.bottom, rect.right, rect.top)

    def size(self, index: int) -> float:
        """The character's font size."""
        return float(self._size(self._handle, index))

    def font(self, index: int) -> tuple[float, bool, bool]:
        """(size, bold, italic) of the character's font."""
        handle = self._handle
        self._info(handle, index, None, 0, self._flags_pointer)
        return (float(self._size(handle, index)), self._weight(handle, index) >= BOLD_WEIGHT,
                bool(self._flags.value & _ITALIC_FLAG))

    def spaced(self, text: str, chars: range, gap: float, kept: float) -> tuple[str, int]:
        """The characters' text with its word spaces placed by the glyphs' positions: a
        space wherever two glyphs stand more than ``gap`` apart, and a space character of
        the text kept only where the next glyph starts more than ``kept`` after the glyph
        before (groff can set a space glyph that the next glyph overlaps: `runawa y`). The
        next glyph's origin, not its box, says where it starts: an italic's box overhangs
        to the left; and the boxes of the spaces pdfium adds carry no width. Also returns how
        many spaces the positions added where the text had none."""
        get, handle, pointer, rect = self._get, self._handle, self._pointer, self._rect
        out: list[str] = []
        previous_right: float | None = None
        pending = False  # a space character since the last glyph
        added = 0
        for index in chars:
            char = text[index]
            if char.isspace():
                pending = bool(out)
                continue
            if pending and previous_right is not None:
                self._origin(handle, index, self._x_pointer, self._y_pointer)
                if self._x.value - previous_right > kept:
                    out.append(" ")
            get(handle, index, pointer)
            if not pending and previous_right is not None and rect.left - previous_right > gap:
                out.append(" ")
                added += 1
            pending = False
            out.append(char)
            previous_right = rect.right
        return "".join(out), added


def _line_geometry(text: str, chars: range, boxes: _Boxes, page_height: float,
                   raisable: list[int]) -> tuple[Geometry, list[int]]:
    """The line's geometry, and the indices (in the page's text) of its raised characters;
    the superscript spans are set once the line's text is known (``_superscript_spans``)."""
    segment = text[chars.start:chars.stop]
    first = chars.start + len(segment) - len(segment.lstrip())
    last = chars.start + len(segment.rstrip()) - 1
    if last < first:
        first = last = chars.start
    left, middle, right = boxes[first], boxes[(first + last) // 2], boxes[last]
    bottom = sorted((left[1], middle[1], right[1]))[1]
    size, bold, italic = boxes.font(chars[len(chars) // 2])
    geometry = Geometry(
        x0=left[0], x1=right[2], top=page_height - max(left[3], middle[3], right[3]),
        bottom=page_height - bottom, font_size=size, bold=bold, italic=italic,
    )
    low = bisect.bisect_left(raisable, chars.start)
    high = bisect.bisect_left(raisable, chars.stop, low)
    return geometry, _raised(raisable[low:high], boxes, size, bottom) if high > low else []


def _raised(candidates: list[int], boxes: _Boxes, size: float, baseline: float) -> list[int]:
    """Which of a line's digits and reference symbols (``candidates``, indices in the page's
    text) are set smaller than the line's type (its size) and raised above its baseline."""
    return [index for index in candidates if boxes.size(index) < SUPERSCRIPT_SIZE_RATIO * size
            and boxes[index][1] > baseline + 0.1 * size]


def _superscript_spans(text: str, chars: range, line_text: str, raised: list[int]
                       ) -> tuple[tuple[int, int], ...]:
    """Where the raised characters stand in the line's text, as (start, end) runs. The line's
    text has the page text's non-space characters in the same order (only white space
    differs: collapsed, stripped, or placed by position), so the n-th non-space character of
    one is the n-th of the other."""
    wanted = set(raised)
    ranks = [rank for rank, index in enumerate(
        i for i in chars if not text[i].isspace()) if index in wanted]
    positions = [i for i, char in enumerate(line_text) if not char.isspace()]
    spans: list[tuple[int, int]] = []
    for rank in ranks:
        position = positions[rank]
        if spans and spans[-1][1] == position:
            spans[-1] = (spans[-1][0], position + 1)
        else:
            spans.append((position, position + 1))
    return tuple(spans)


def _raw_lines(textpage: Any) -> tuple[str, list[range]]:
    """The page's text, and its characters cut into lines (index ranges) at pdfium's line
    ends and U+FFFE markers."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    lines: list[range] = []
    start = 0
    for match in _LINE_END.finditer(text + "\n"):
        end = match.end() if match.group() == _PDFIUM_HYPHEN else match.start()
        if text[start:end].strip():
            lines.append(range(start, end))
        start = match.end()
    return text, lines


def _reading_order(items: list[tuple[str, Geometry, bool]], width: float
                   ) -> list[tuple[str, Geometry, bool]]:
    """Top to bottom; two columns left before right when most lines sit in one half."""
    middle = width / 2
    left = [item for item in items if item[1].x1 <= middle]
    right = [item for item in items if item[1].x0 >= middle]
    columns = min(len(left), len(right)) >= MIN_COLUMN_LINES
    if columns and len(left) + len(right) >= COLUMN_SHARE * len(items):
        spanning = [item for item in items if item not in left and item not in right]
        head = [item for item in spanning if item[1].top < min(i[1].top for i in left + right)]
        rest = [item for item in spanning if item not in head]
        key = _by_top
        return sorted(head, key=key) + sorted(left, key=key) + sorted(right, key=key) + sorted(
            rest, key=key)
    return sorted(items, key=_by_top)


def _by_top(item: tuple[str, Geometry, bool]) -> tuple[float, float]:
    return (round(item[1].top / 2), item[1].x0)  # lines on one baseline sort left to right


def _respaced(text: str, chars: range, boxes: _Boxes, size: float) -> tuple[str, int]:
    """The line's text with its word spaces placed by the glyphs' positions (groff's PDFs:
    pdfium reads `Ilet him`, `runawa y`), and how many spaces that added."""
    size = size or 10.0
    return boxes.spaced(text, chars, SPACE_GAP * size, KEPT_SPACE_GAP * size)


def _plain_text(text: str, chars: range) -> str:
    return " ".join(text[chars.start:chars.stop].split())


def _join_fragments(items: list[tuple[str, Geometry, bool]]) -> list[tuple[str, Geometry, bool]]:
    """Pieces of one printed line that pdfium gave as lines of their own, one after the other
    (an italic title set as a text object of its own: `Art of Virtue,` | `14 because it...`):
    a piece in the same type that shares the height of the piece before and stands beside
    it, at most ``FRAGMENT_GAP`` of the type size away, joins it, left to right; with a space
    where the glyphs stand a word space apart."""
    out: list[tuple[str, Geometry, bool]] = []
    for item in items:
        if out and _beside(out[-1][1], item[1]):
            out[-1] = _joined(out[-1], item)
        else:
            out.append(item)
    return out


def _beside(a: Geometry, b: Geometry) -> bool:
    size = max(a.font_size or 0.0, b.font_size or 0.0)
    if min(a.font_size or 0.0, b.font_size or 0.0) < SUPERSCRIPT_SIZE_RATIO * size:
        return False  # a smaller piece is a marker or a note: ``_merge_markers`` places those
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    height = min(a.bottom - a.top, b.bottom - b.top)
    if not size or height <= 0 or overlap < SAME_LINE_OVERLAP * height:
        return False
    gap = b.x0 - a.x1 if b.x0 >= a.x0 else a.x0 - b.x1
    return -0.1 * size <= gap <= FRAGMENT_GAP * size


def _joined(first: tuple[str, Geometry, bool], second: tuple[str, Geometry, bool]
            ) -> tuple[str, Geometry, bool]:
    (left_text, left, _), (right_text, right, soft) = sorted(
        (first, second), key=lambda item: item[1].x0)
    size = max(left.font_size or 0.0, right.font_size or 0.0)
    space = " " if right.x0 - left.x1 > SPACE_GAP * size else ""
    shift = len(left_text) + len(space)
    base = left if len(left_text) >= len(right_text) else right
    geometry = replace(base, x0=left.x0, x1=max(left.x1, right.x1), top=min(left.top, right.top),
                       bottom=max(left.bottom, right.bottom), superscripts=(
                           *left.superscripts,
                           *((a + shift, b + shift) for a, b in right.superscripts)))
    return left_text + space + right_text, geometry, soft


def _merge_markers(items: list[tuple[str, Geometry, bool]]) -> list[tuple[str, Geometry, bool]]:
    """A note marker that pdfium set on a line of its own (a raised, smaller number) joins the
    line it stands on: before its text when it stands left of it, else after."""
    sizes = sorted(item[1].font_size or 0.0 for item in items)
    body_size = sizes[len(sizes) // 2] if sizes else 0.0
    markers = [i for i, (text, geometry, _) in enumerate(items)
               if text.isdigit() and len(text) <= 3 and geometry.font_size
               and geometry.font_size < SUPERSCRIPT_SIZE_RATIO * body_size]
    merged = list(items)
    for i in markers:
        text, geometry, _ = items[i]
        hosts = [j for j, (other, g, _) in enumerate(items) if j not in markers and other
                 and abs(g.top - geometry.top) < (g.font_size or body_size)]
        if not hosts:
            continue
        j = min(hosts, key=lambda k: abs(items[k][1].top - geometry.top))
        host_text, host, soft = merged[j]
        if geometry.x1 <= host.x0:
            shifted = tuple((a + len(text), b + len(text)) for a, b in host.superscripts)
            merged[j] = (text + host_text, replace(host, x0=geometry.x0, superscripts=(
                (0, len(text)), *shifted)), soft)
        else:
            span = (len(host_text), len(host_text) + len(text))
            merged[j] = (host_text + text, replace(host, superscripts=(*host.superscripts,
                                                                       span)), soft)
        merged[i] = ("", geometry, False)
    return [item for item in merged if item[0]]


def _stray_superscript(text: str, chars: range, boxes: _Boxes, geometry: Geometry,
                       page_height: float) -> str:
    """Raised digits that pdfium put at the end of a line but that stand wholly above it:
    the marker of the line before (`cry out,` with its 4 raised, read after `dramatic`)."""
    line_top = page_height - geometry.top  # back in PDF coordinates, y up
    end = chars.stop
    while end > chars.start and text[end - 1] in _RAISABLE and (
            boxes[end - 1][1] >= line_top - 0.2 * (geometry.font_size or 10.0)):
        end -= 1
    return text[end:chars.stop]


def _append_superscript(item: tuple[str, Geometry, bool], marker: str
                        ) -> tuple[str, Geometry, bool]:
    text, geometry, soft = item
    span = (len(text), len(text) + len(marker))
    return text + marker, replace(geometry, superscripts=(*geometry.superscripts, span)), soft


def _page_lines(page: Any, index: int, respace: bool, check: bool = False
                ) -> tuple[tuple[Line, ...], int, int]:
    """The page's lines in reading order; and, when ``respace`` is false, how many word
    spaces pdfium lacked and how many characters were checked (to decide whether the
    document's own spaces can be trusted)."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    boxes = _Boxes(textpage)
    items = []
    missing = checked = 0
    page_text, ranges = _raw_lines(textpage)
    raisable = [match.start() for match in _RAISABLE_FOUND.finditer(page_text)]
    for chars in ranges:
        soft = page_text[chars[-1]] == _PDFIUM_HYPHEN
        geometry, raised = _line_geometry(page_text, chars, boxes, height, raisable)
        size = geometry.font_size or 0.0
        if respace:
            text = _respaced(page_text, chars, boxes, size)[0]
        else:
            text = _plain_text(page_text, chars)
            if check:
                missing += _respaced(page_text, chars, boxes, size)[1]
                checked += len(chars)
        if raised:
            geometry = replace(geometry, superscripts=_superscript_spans(
                page_text, chars, text, raised))
        items.append((text, geometry, soft))
        stray = _stray_superscript(page_text, chars, boxes, geometry, height)
        if stray and len(items) > 1 and text.endswith(stray):
            items[-1] = (text[: -len(stray)].rstrip(), replace(geometry, superscripts=tuple(
                span for span in geometry.superscripts if span[1] <= len(text) - len(stray))),
                soft)
            items[-2] = _append_superscript(items[-2], stray)
    ordered = _reading_order(_merge_markers(_join_fragments(items)), width)
    spacings = [b[1].top - a[1].top for a, b in itertools.pairwise(ordered)
                if b[1].top - a[1].top > 0]
    sizes = [item[1].font_size for item in ordered if item[1].font_size]
    leading = LEADING * statistics.median(sizes) if sizes else 0.0
    # the usual spacing: a low quantile, which gaps (heads, folios, flows) cannot inflate
    ordered_spacings = sorted(spacings)
    usual = (ordered_spacings[len(ordered_spacings) // 4] if len(spacings) >= MIN_SPACINGS
             else leading)
    lines: list[Line] = []
    previous: Geometry | None = None
    for text, geometry, soft in ordered:
        if previous is not None and usual and geometry.top - previous.top > GAP_RATIO * usual:
            lines.append(Line("", index, len(lines)))  # a gap between text flows
        lines.append(Line(text, index, len(lines), geometry=geometry, soft_break=soft))
        previous = geometry
    return tuple(lines), missing, checked


def read_pdf(path: Path, password: str | None = None) -> Document:
    """Read a PDF's text layer into pages of lines with geometry (see the module docstring)."""
    pdf = _open(path, password)
    pages: list[Page] = []
    respace = False
    missing = checked = 0
    for index in range(len(pdf)):
        check = not respace and checked < SPACE_SAMPLE
        lines, page_missing, page_checked = _page_lines(pdf[index], index, respace, check)
        missing, checked = missing + page_missing, checked + page_checked
        if not respace and missing > MISSING_SPACE_RATE * max(checked, 1):
            respace = True  # pdfium loses word spaces in this PDF: place them by position
            lines, _, _ = _page_lines(pdf[index], index, respace)
            pages = [replace(page, lines=_page_lines(pdf[page.index], page.index, True)[0])
                     for page in pages]
        pages.append(Page(index=index, label=None, lines=lines,
                          pdf_label=pdf.get_page_label(index) or None))
    if not any(line.text for page in pages for line in page.lines):
        raise NoTextLayerError(str(path))
    return Document(pages=tuple(pages), meta=DocumentMeta(source=str(path)))
