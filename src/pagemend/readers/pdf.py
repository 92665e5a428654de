"""Read PDFs with a text layer through pypdfium2: pages of lines with their geometry.

Each line keeps where it sits (x0, x1, top, bottom in points, top measured from the top of
the page), its font size and weight, italics, and the character ranges set as superscripts
(smaller and raised: note markers). Lines come in the order pdfium gives them, numbered so;
pdfium's U+FFFE line-end hyphen marker ends a line, as in the text reader, and pieces that
pdfium gave as one line but that stand far apart on their baseline (``WIDE_GAP``: a folio and
its head at the two ends of the measure, a signature mark and a catchword) are lines of their
own, as poppler makes them. A line's type size is read from a glyph, never from a space, and
from the glyph's box where pdfium's nominal size is a dummy (the size in the text matrix);
characters outside the Basic Multilingual Plane keep the glyph boxes paired. Word spaces that
pdfium lost are placed from the glyphs' positions, and raised digits that pdfium read at the
end of the line below go back to their line: both need the glyphs' boxes, which only the
reader has.

No heuristics beyond that: the ``repair_layout`` stage puts the lines into printed lines and
reading order (pieces of one line, markers on lines of their own, columns, gaps between
flows), and the later stages decide what the lines are.

    >>> from pathlib import Path
    >>> doc = read_pdf(Path("tests/corpus/douglass-xelatex/input.pdf"))
    >>> doc.pages[0].lines[0].text, round(doc.pages[0].lines[0].geometry.font_size or 0)
    ('PREFACE', 14)
    >>> round(doc.pages[0].width or 0)
    396
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import ctypes
import functools
import itertools
import math
import operator
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pagemend.errors import MissingDependencyError
from pagemend.model import Document, DocumentMeta, Geometry, Line, Page, replace
from pagemend.readers.pdf_errors import (
    EncryptedPdfError,
    NoTextLayerError,
    PageTreeError,
    PdfError,
    WrongPasswordError,
)

__all__ = [
    "EncryptedPdfError",
    "NoTextLayerError",
    "PageTreeError",
    "PdfError",
    "WrongPasswordError",
    "read_pdf",
]

#: A character this much smaller than its line's type, and raised, is a superscript.
SUPERSCRIPT_SIZE_RATIO = 0.8
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
#: Glyphs of one pdfium line standing more than this many type sizes apart are pieces set
#: apart (a folio and a head at the two ends of the measure, a signature mark, a catchword at
#: the right margin): each piece becomes a line, as poppler makes them. Justified word spaces
#: stay under two type sizes on every page of the corpus and realpdf; the narrowest furniture
#: gap in realpdf is 3.6 (a signature `Vol. IV.` beside its letter, shandy-lualatex).
WIDE_GAP = 3.0
#: An opening quotation mark that opens a line in type at least this many times the line's
#: is set apart for display (hand-set golden case quotation-mark-alone-pdf: 14 pt beside
#: 10 pt): pdfium's space after it is no word space.
QUOTE_SET_LARGE = 1.2
_OPENING_QUOTES = "“„‘"
#: An ornament (a symbol glyph) standing more than this many type sizes from the text on
#: its baseline is set apart (a mark in the margin: hand-set golden case
#: margin-ornaments-pdf, 2.3 type sizes); word spaces stay under one.
ORNAMENT_GAP = 1.0
#: A nominal size below this many points is a dummy (a space carries size 1, or the PDF sets
#: every glyph at size 1 and scales it by the text matrix): the size is taken from the box.
MIN_NOMINAL_SIZE = 2.0
#: A glyph's loose box (the font's ascent to descent) is this many times its type size
#: (1.14 in shandy-lualatex's Computer Modern, 1.0-1.2 over the corpus's fonts).
LOOSE_BOX_RATIO = 1.15
#: pdfium's font flag for italic fonts (PDF 1.7, table 123: bit 7)
_ITALIC_FLAG = 1 << 6
#: Font names that say italic, bold or small capitals: pdfium's italic flag misses the
#: standard fonts groff sets (``Times-Italic``, ``NewCenturySchlbk-Italic``); seen in the
#: corpus PDFs' fonts (``C059Italic``, ``TeX-Gyre-Bonum-Small-Caps``, ``LMRomanCaps10``), plus
#: the usual abbreviations (``MinionPro-It``, ``-BdIt``) and Computer Modern's Type 1 names
#: (``CMTI10`` text italic, ``CMSL10`` slanted, ``CMBX10`` bold, ``CMCSC10`` small capitals).
_ITALIC_NAME = re.compile(r"Italic|Oblique|Ital|Slanted|Kursiv|-(?:Bd|Semibold|Bold)?It\b"
                          r"|^CM(?:TI|SL|BXTI|BXSL)\d", re.IGNORECASE)
_BOLD_NAME = re.compile(r"Bold|Black|Heavy|Semibold|Demi|-Bd(?:It)?\b|^CMBX?\d|^CMBX",
                        re.IGNORECASE)
_SMALLCAPS_NAME = re.compile(r"Small-?Caps|SmallCap|Caps\d|[-_]SC\b|\bSC\d|^CMCSC|-Sc\b",
                             re.IGNORECASE)
_PDFIUM_HYPHEN = "\ufffe"
_LAST_BMP = 0xFFFF
_LINE_END = re.compile("\r\n|[\r\n]|\ufffe")
_RAISABLE = set("0123456789*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰")
_RAISABLE_FOUND = re.compile("[0-9*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]")
#: a glyph, the white space after it, and (not taken) the glyph after that: the places where
#: a line may be cut into pieces (``\s`` is the white space of ``str.isspace``)
_WORD_GAP = re.compile(r"\S\s+(?=\S)")
#: a word: a run without white space (glyphs only)
_WORD = re.compile(r"\S+")
#: a character outside ASCII: a page's other characters are found by it (no ASCII character
#: is a symbol, see ``_symbol``, or outside the BMP)
_NON_ASCII = re.compile("[^\x00-\x7f]")
_NO_SYMBOLS: frozenset[str] = frozenset()


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
            raise (EncryptedPdfError if password is None else WrongPasswordError)(
                source) from None
        raise PdfError(f"{source} is damaged or not a PDF ({error})",
                       "check the file; a truncated download can often be fetched again") from None
    if len(pdf) == 0:
        raise PdfError(f"{source} has no pages", "check that the right file was given")
    return pdf


Box = tuple[float, float, float, float]  # left, bottom, right, top (PDF points, y up)
#: How pdfium's calls are declared: as functions of Python's C API, which keep the GIL for
#: the call instead of releasing and taking it back (a tenth of the cost of the calls made
#: once or more per glyph; none of them calls back into Python or waits on anything).
_PROTOTYPE = ctypes.PYFUNCTYPE


@functools.lru_cache(maxsize=1)
def _bare_calls() -> dict[str, Any]:
    """pdfium's per-character calls as plain C prototypes (ctypes, from the functions'
    addresses), declared with their result type only. pypdfium2's bindings check each
    pointer argument's type on every call; the reader makes about ten such calls per line,
    and one per character where word spaces are placed by position, so the checks cost more
    than the calls (about 30% of each). A call declared with its result type only converts
    no argument either, which saves a third to a half of its cost. Every argument must then
    be a ctypes value of the C type (``c_void_p`` for a handle or a pointer, ``c_ulong`` for
    a length; a Python int is passed as a C int, None as a null pointer), see ``_Boxes``."""
    raw = _pdfium().raw
    results: dict[str, Any] = {"FPDFText_GetLooseCharBox": ctypes.c_int,
                               "FPDFText_GetFontSize": ctypes.c_double,
                               "FPDFText_GetFontWeight": ctypes.c_int,
                               "FPDFText_GetFontInfo": ctypes.c_ulong,
                               "FPDFText_GetCharOrigin": ctypes.c_int,
                               "FPDFText_GetTextObject": ctypes.c_void_p}
    return {name: _PROTOTYPE(result)(_address(getattr(raw, name)))
            for name, result in results.items()}


def _address(pointer: Any) -> int:
    """The address a ctypes pointer or function holds (never null for pdfium's)."""
    address = ctypes.cast(pointer, ctypes.c_void_p).value
    if not address:
        raise PdfError("pdfium returned a null handle", "report this with the PDF")
    return address


class _Boxes:
    """Characters' loose boxes (the font's advance and height) and fonts, fetched as needed
    through pdfium's C calls with reused out-cells (see ``_bare_calls``). Nothing is cached: each
    is asked for about once (a cache per text object was tried; most lines are text objects
    of their own, so it never hit)."""

    def __init__(self, textpage: int) -> None:
        bare = _bare_calls()
        self._rect = _pdfium().raw.FS_RECTF()
        # the text page's handle, the out-cells' addresses and the lengths as ctypes values
        # (``_bare_calls``)
        self._pointer = ctypes.c_void_p(ctypes.addressof(self._rect))
        #: the box's four floats (FS_RECTF: left, top, right, bottom) as a memoryview: the
        #: same values as the structure's fields, read faster
        self._cells: Any = memoryview(self._rect).cast("B").cast("f")
        self._get = bare["FPDFText_GetLooseCharBox"]
        self._size = bare["FPDFText_GetFontSize"]
        self._weight = bare["FPDFText_GetFontWeight"]
        self._info = bare["FPDFText_GetFontInfo"]
        self._origin = bare["FPDFText_GetCharOrigin"]
        self._x, self._y = ctypes.c_double(), ctypes.c_double()  # a glyph's origin
        self._x_pointer = ctypes.c_void_p(ctypes.addressof(self._x))
        self._y_pointer = ctypes.c_void_p(ctypes.addressof(self._y))
        self._handle = ctypes.c_void_p(textpage)
        self._flags = ctypes.c_int()  # font flags, read through one reused cell
        self._flags_pointer = ctypes.c_void_p(ctypes.addressof(self._flags))
        self._name = ctypes.create_string_buffer(_NAME_SIZE)  # a font's name, reused
        self._name_pointer = ctypes.c_void_p(ctypes.addressof(self._name))
        self._name_size, self._no_size = ctypes.c_ulong(_NAME_SIZE), ctypes.c_ulong(0)
        self._object = bare["FPDFText_GetTextObject"]
        #: styled fonts by text object (None: ask each character, see ``styled``)
        self._styles: dict[int, tuple[tuple[str, ...], str]] | None = {}
        #: styled objects' bottoms in order, and the highest top of those up to each
        self._lows: list[float] = []
        self._reach: list[float] = []
        self._slots: list[int] | None = None  # pdfium's index of each character, if shifted

    def align(self, text: str, others: set[str]) -> None:
        """Pair the page's text with pdfium's characters: pdfium counts a character outside
        the Basic Multilingual Plane as two (its UTF-16 surrogates), Python as one, so every
        later character's box would belong to its neighbour. ``others``: the text's
        characters outside ASCII (a few on a page), which those would be among."""
        if max(others, default="") <= chr(_LAST_BMP):
            self._slots = None
            return
        slots, shift = [], 0
        for position, char in enumerate(text):
            slots.append(position + shift)
            shift += ord(char) > _LAST_BMP
        self._slots = slots

    def plain(self) -> bool:
        """Each character of the page's text is one of pdfium's (``align``)."""
        return self._slots is None

    def _at(self, index: int) -> int:
        slots = self._slots
        return index if slots is None or index >= len(slots) else slots[index]

    def __getitem__(self, index: int) -> Box:
        self._get(self._handle, self._at(index), self._pointer)
        cells = self._cells
        return (cells[0], cells[3], cells[2], cells[1])

    def apart_spaces(self, spaces: list[int], text: str, symbols: frozenset[str],
                     wide: float, near: float) -> list[tuple[int, int]]:
        """``apart`` for single spaces, given by their indices (``_single_spaces``)."""
        if self._slots is not None or symbols:
            return self.apart([(space - 1, space + 1) for space in spaces], text, symbols,
                              wide, near)
        get, handle, pointer, cells = self._get, self._handle, self._pointer, self._cells
        found = []
        for space in spaces:
            get(handle, space - 1, pointer)
            right = cells[2]
            get(handle, space + 1, pointer)
            if cells[0] - right > wide:
                found.append((space - 1, space + 1))
        return found

    def apart(self, spaces: list[tuple[int, int]], text: str, symbols: frozenset[str],
              wide: float, near: float) -> list[tuple[int, int]]:
        """The glyphs on the two sides of each space (``_WORD_GAP``'s matches' spans) that
        stand more than ``wide`` points apart, or ``near`` where one of them is in
        ``symbols``."""
        get, handle, pointer, cells = self._get, self._handle, self._pointer, self._cells
        slots = self._slots
        found = []
        if slots is None and not symbols:  # the commonest case, its loop written out
            for before, after in spaces:
                get(handle, before, pointer)
                right = cells[2]
                get(handle, after, pointer)
                if cells[0] - right > wide:
                    found.append((before, after))
            return found
        for before, after in spaces:
            if slots is None:
                get(handle, before, pointer)
                right = cells[2]
                get(handle, after, pointer)
            else:
                get(handle, self._at(before), pointer)
                right = cells[2]
                get(handle, self._at(after), pointer)
            if cells[0] - right > (near if symbols and (
                    text[after] in symbols or text[before] in symbols) else wide):
                found.append((before, after))
        return found

    def size(self, index: int) -> float:
        """The character's font size."""
        return float(self._size(self._handle, index if self._slots is None else self._at(index)))

    def type_size(self, index: int, size: float | None = None) -> float:
        """The character's type size: pdfium's nominal size (``size`` where already asked),
        or where that is a dummy (under ``MIN_NOMINAL_SIZE``: the size is in the text
        matrix) its loose box's height."""
        if size is None:
            size = self.size(index)
        if size >= MIN_NOMINAL_SIZE:
            return size
        _, bottom, _, top = self[index]
        return (top - bottom) / LOOSE_BOX_RATIO or size

    def font(self, index: int, size: float | None = None) -> tuple[float, bool, bool]:
        """(size, bold, italic) of the character's font (``size``: its size, where already
        asked)."""
        handle = self._handle
        if self._slots is not None:
            index = self._at(index)
        self._info(handle, index, None, self._no_size, self._flags_pointer)
        if size is None:
            size = float(self._size(handle, index))
        return (size, self._weight(handle, index) >= BOLD_WEIGHT,
                bool(self._flags.value & _ITALIC_FLAG))

    def extent(self, first: int, last: int) -> tuple[float, float, float, float]:
        """The left of the first glyph's box, the right of the last's, and of the boxes of
        those two and the one halfway between them, the highest top and the middle bottom
        (PDF points, y up)."""
        get, handle, pointer, cells = self._get, self._handle, self._pointer, self._cells
        middle = (first + last) // 2
        if self._slots is not None:
            first, middle, last = self._at(first), self._at(middle), self._at(last)
        get(handle, first, pointer)
        left, top, _, bottom = cells
        get(handle, middle, pointer)
        _, middle_top, _, middle_bottom = cells
        get(handle, last, pointer)
        _, last_top, right, last_bottom = cells
        bottoms = sorted((bottom, middle_bottom, last_bottom))
        return left, right, max(top, middle_top, last_top), bottoms[1]

    def plain_line(self, first: int, last: int, glyph: int, spaces: list[int]
                   ) -> tuple[float, float, float, float, float, bool, bool] | None:
        """A plain line's measures in one go, as ``_pieces`` and ``_line_geometry`` find
        them (left, right, top, bottom, type size, bold, italic): a line of single spaces
        (``spaces``, ``_single_spaces``) from glyph ``first`` to ``last`` on a page without
        shifted characters or ornaments; ``glyph``: the one near its middle
        (``_glyph_near_middle``). None where the line is to be taken the general way: the
        glyph's nominal size is a dummy, or glyphs beside a space stand ``WIDE_GAP`` apart
        (the line is cut into pieces)."""
        size: float = self._size(self._handle, glyph)
        if size < MIN_NOMINAL_SIZE:
            return None
        if spaces and self.apart_spaces(spaces, "", _NO_SYMBOLS, WIDE_GAP * size, 0.0):
            return None
        return self._measures(first, last, glyph, size)

    def plain_line_spaced(self, text: str, chars: range, glyph: int
                          ) -> tuple[tuple[float, float, float, float, float, bool, bool], str
                                     ] | None:
        """``plain_line`` where word spaces are placed by position (``_respaced``), with
        the line's text so placed: ``spaced`` looks at every glyph, those beside the spaces
        too, so the wide gaps are found on the way."""
        size: float = self._size(self._handle, glyph)
        if size < MIN_NOMINAL_SIZE:
            return None
        spaced = self.spaced(text, chars, SPACE_GAP * size, KEPT_SPACE_GAP * size,
                             WIDE_GAP * size)
        if spaced is None:
            return None
        return self._measures(chars.start, chars.stop - 1, glyph, size), spaced

    def _measures(self, first: int, last: int, glyph: int, size: float
                  ) -> tuple[float, float, float, float, float, bool, bool]:
        """``plain_line``'s measures of a line that stands in one piece."""
        handle = self._handle
        left, right, top, bottom = self.extent(first, last)
        self._info(handle, glyph, None, self._no_size, self._flags_pointer)
        return (left, right, top, bottom, size, self._weight(handle, glyph) >= BOLD_WEIGHT,
                bool(self._flags.value & _ITALIC_FLAG))

    def styled(self, page: int) -> None:
        """Find the page's text objects set in italic, bold or small-capital fonts (a page
        has tens of text objects and thousands of characters: the fonts are looked at once
        per object). With a form object on the page every character's font is asked."""
        self._styles, heights = _styled_objects(page)
        ordered = sorted((low, high) for low, high in heights
                         if not (math.isnan(low) or math.isnan(high)))  # beside no line
        self._lows = [low for low, _ in ordered]
        self._reach = list(itertools.accumulate((high for _, high in ordered), max))

    def style(self, index: int) -> tuple[tuple[str, ...], str] | None:
        """The marks (``italic``, ``bold``, ``smallcaps``) the character's font sets and the
        font's name, or None for a font that sets none."""
        if self._slots is not None:
            index = self._at(index)
        if self._styles is None:
            self._info(self._handle, index, self._name_pointer, self._name_size,
                       self._flags_pointer)
            found = _font_style(self._name.value, bool(self._flags.value & _ITALIC_FLAG))
            return found if found[0] else None
        return self._styles.get(self._object(self._handle, index))

    def any_styled(self, bottom: float, top: float) -> bool:
        """Some text between these heights (PDF points, y up) may be set in italic, bold or
        small capitals."""
        if self._styles is None:
            return True
        below = bisect.bisect_left(self._lows, top)  # the objects starting below the top
        return below > 0 and self._reach[below - 1] > bottom  # one of them reaches up

    def spaced(self, text: str, chars: range, gap: float, kept: float, wide: float = math.inf
               ) -> str | None:
        """The characters' text with its word spaces placed by the glyphs' positions: a
        space wherever two glyphs stand more than ``gap`` apart, and a space character of
        the text kept only where the next glyph starts more than ``kept`` after the glyph
        before (groff can set a space glyph that the next glyph overlaps: `runawa y`). The
        next glyph's origin, not its box, says where it starts: an italic's box overhangs
        to the left; and the boxes of the spaces pdfium adds carry no width. Taken word by
        word (runs without white space): a word's text goes whole where no glyph in it
        stands apart. None where the glyphs on the two sides of white space stand more
        than ``wide`` apart (a line to be cut into pieces, ``_pieces``)."""
        get, handle, pointer, cells = self._get, self._handle, self._pointer, self._cells
        origin, x, x_pointer, y_pointer = self._origin, self._x, self._x_pointer, self._y_pointer
        slots = self._slots
        out: list[str] = []
        previous_right: float | None = None
        for word in _WORD.finditer(text, chars.start, chars.stop):
            start, stop = word.span()
            slot = start if slots is None else slots[start]
            if previous_right is not None:  # a space character before the word
                origin(handle, slot, x_pointer, y_pointer)
                if x.value - previous_right > kept:
                    out.append(" ")
                get(handle, slot, pointer)
                if cells[0] - previous_right > wide:
                    return None
            else:
                get(handle, slot, pointer)
            previous_right = cells[2]
            run = start  # where the text not yet written starts
            for index in range(start + 1, stop):
                get(handle, index if slots is None else slots[index], pointer)
                if cells[0] - previous_right > gap:
                    out.append(text[run:index])
                    out.append(" ")
                    run = index
                previous_right = cells[2]
            out.append(text[run:stop])
        return "".join(out)

    def lost_spaces(self, text: str, chars: range, gap: float) -> int:
        """How many spaces ``spaced`` adds where the text has none: the glyphs of one word
        (a run without white space) that stand more than ``gap`` apart."""
        get, handle, pointer, cells = self._get, self._handle, self._pointer, self._cells
        slots = self._slots
        added = 0
        for word in _WORD.finditer(text, chars.start, chars.stop):
            start, stop = word.span()
            get(handle, start if slots is None else slots[start], pointer)
            previous_right = cells[2]
            for index in range(start + 1, stop):
                get(handle, index if slots is None else slots[index], pointer)
                if cells[0] - previous_right > gap:
                    added += 1
                previous_right = cells[2]
        return added


_NAME_SIZE = 128


_FORM_OBJECT = 5  # FPDF_PAGEOBJ_FORM


def _styled_objects(page: int) -> tuple[dict[int, tuple[tuple[str, ...], str]] | None,
                                        list[tuple[float, float]]]:
    """The page's text objects whose font sets a mark, by address: (marks, font name), and
    the heights (bottom, top, PDF points) they stand at; None when the page holds a form
    object (its text objects are not the page's own). A font's marks are read once per page
    (a page has hundreds of text objects in a few fonts). ``FPDFTextObj_GetFont`` answers
    null for every object but a text object, so an object's type is asked only where it has
    no font (a form object is one of those)."""
    calls, bare = _object_calls(), _bare_object_calls()
    get_object, get_type, get_font = (bare["FPDFPage_GetObject"], bare["FPDFPageObj_GetType"],
                                      bare["FPDFTextObj_GetFont"])
    handle = ctypes.c_void_p(page)
    fonts: dict[int, tuple[tuple[str, ...], str]] = {}
    styled: dict[int, tuple[tuple[str, ...], str]] = {}
    heights: list[tuple[float, float]] = []
    edges = [ctypes.c_float() for _ in range(4)]  # left, bottom, right, top
    pointers = [ctypes.addressof(edge) for edge in edges]
    for index in range(calls["FPDFPage_CountObjects"](page)):
        item = get_object(handle, index)
        # pdfium gives a font only for a text object: its type need not be asked
        font = get_font(item)
        if not font:
            if get_type(item) == _FORM_OBJECT:
                return None, []
            continue
        found = fonts.get(font)
        if found is None:
            found = fonts[font] = _font_of(calls, font)
        if found[0]:
            address = item.value or 0  # never null here: a null object has no type
            styled[address] = found
            calls["FPDFPageObj_GetBounds"](address, *pointers)
            heights.append((edges[1].value, edges[3].value))
    return styled, heights


class _Handle(ctypes.c_void_p):
    """A handle pdfium returned, kept as a ctypes value (a result of ``c_void_p`` itself
    is made a Python int), so that it passes to a bare call unconverted."""


@functools.lru_cache(maxsize=1)
def _bare_object_calls() -> dict[str, Any]:
    """The calls made once per page object, declared with their result type only (see
    ``_bare_calls``): handles in and out as ``_Handle`` values, an index as a Python int;
    a font's handle, only looked up and passed to converting calls, as a Python int (or
    None for null: no ctypes value made)."""
    raw = _pdfium().raw
    results: dict[str, Any] = {"FPDFPage_GetObject": _Handle, "FPDFPageObj_GetType": ctypes.c_int,
                               "FPDFTextObj_GetFont": ctypes.c_void_p}
    return {name: _PROTOTYPE(result)(_address(getattr(raw, name)))
            for name, result in results.items()}


@functools.lru_cache(maxsize=1)
def _object_calls() -> dict[str, Any]:
    """pdfium's page-object and font calls as plain C prototypes (see ``_bare_calls``): a page
    has hundreds of text objects, each asked for its type and font."""
    raw = _pdfium().raw
    handle, pointer = ctypes.c_void_p, ctypes.c_void_p
    signatures = {
        "FPDFPage_CountObjects": (ctypes.c_int, handle),
        "FPDFPage_GetObject": (handle, handle, ctypes.c_int),
        "FPDFPageObj_GetType": (ctypes.c_int, handle),
        "FPDFTextObj_GetFont": (handle, handle),
        "FPDFFont_GetBaseFontName": (ctypes.c_ulong, handle, pointer, ctypes.c_ulong),
        "FPDFFont_GetFlags": (ctypes.c_int, handle),
        "FPDFPageObj_GetBounds": (ctypes.c_int, handle, pointer, pointer, pointer, pointer),
    }
    return {name: _PROTOTYPE(*types)(_address(getattr(raw, name)))
            for name, types in signatures.items()}


def _font_of(calls: dict[str, Any], font: int) -> tuple[tuple[str, ...], str]:
    """The marks a font (a pdfium font handle) sets and its name (see ``_font_style``)."""
    name = ctypes.create_string_buffer(_NAME_SIZE)
    calls["FPDFFont_GetBaseFontName"](font, ctypes.addressof(name), _NAME_SIZE)
    return _font_style(name.value, bool(calls["FPDFFont_GetFlags"](font) & _ITALIC_FLAG))


@functools.lru_cache(maxsize=256)
def _font_style(raw_name: bytes, italic_flag: bool) -> tuple[tuple[str, ...], str]:
    """The marks a font sets and its name without a subset prefix (``XKDSQI+``), once per
    font: asked for every character."""
    name = raw_name.decode("latin-1").split("+", 1)[-1]
    return _font_marks(name, italic_flag), name


def _font_marks(name: str, italic_flag: bool) -> tuple[str, ...]:
    """The marks a font sets, from its name and pdfium's italic flag.

    >>> _font_marks("Times-Italic", False), _font_marks("TeX-Gyre-Bonum-Small-Caps", False)
    (('italic',), ('smallcaps',))
    >>> _font_marks("Palatino-BoldItalic", True), _font_marks("LMRomanCaps10-Regular", False)
    (('italic', 'bold'), ('smallcaps',))
    >>> _font_marks("Times-Roman", False)
    ()
    """
    marks = []
    if italic_flag or _ITALIC_NAME.search(name):
        marks.append("italic")
    if _BOLD_NAME.search(name):
        marks.append("bold")
    if _SMALLCAPS_NAME.search(name):
        marks.append("smallcaps")
    return tuple(marks)


_UNSEEN = object()  # no glyph's style yet (``_style_runs``)


def _style_runs(text: str, chars: range, line_text: str, boxes: _Boxes,
                heights: tuple[float, float]) -> tuple[tuple[int, int, str, str], ...]:
    """The line's runs of italic, bold and small-capital type, as (start, end, mark, font)
    in the line's text: the n-th non-space character of the line's text is the n-th of the
    page's text in ``chars`` (see ``_superscript_spans``). A run goes on over the spaces
    between two words of the same font. ``heights``: the line's (bottom, top) in PDF points;
    a line beside no styled text object is not looked at glyph by glyph."""
    if not boxes.any_styled(*heights):
        return ()
    positions = [i for i, char in enumerate(line_text) if not char.isspace()]
    glyphs = [i for i in chars if not text[i].isspace()]
    runs: list[list[Any]] = []
    open_runs: dict[str, list[Any]] = {}
    previous: object = _UNSEEN
    for position, index in zip(positions, glyphs, strict=False):
        found = boxes.style(index)
        if found is previous:  # the glyph before's marks and font: its runs go on (only
            for going in open_runs.values():  # white space stands between the glyphs)
                going[1] = position + 1
            continue
        previous = found
        marks, font = found or ((), "")
        for mark in marks:
            run = open_runs.get(mark)
            if run is not None and run[3] == font and not line_text[run[1]:position].strip():
                run[1] = position + 1
            else:
                run = open_runs[mark] = [position, position + 1, mark, font]
                runs.append(run)
        for mark in [m for m in open_runs if m not in marks]:
            del open_runs[mark]
    return tuple((start, end, mark, font) for start, end, mark, font in runs)


def _line_geometry(text: str, chars: range, boxes: _Boxes, page_height: float,
                   raisable: list[int], *, middle: tuple[int, float | None] | None = None
                   ) -> tuple[Geometry, list[int]]:
    """The line's geometry, and the indices (in the page's text) of its raised characters;
    the superscript spans are set once the line's text is known (``_superscript_spans``).
    ``middle``: the glyph near the line's middle and its nominal size, where already asked
    (see ``_pieces``)."""
    first, last = chars.start, chars.stop - 1
    if text[first].isspace() or text[last].isspace():  # (rare: no copies of the text else)
        segment = text[chars.start:chars.stop]
        first = chars.start + len(segment) - len(segment.lstrip())
        last = chars.start + len(segment.rstrip()) - 1
        if last < first:
            first = last = chars.start
    left, right, top, bottom = boxes.extent(first, last)
    glyph, known = middle if middle is not None else (_glyph_near_middle(text, chars), None)
    size, bold, italic = boxes.font(glyph, known)
    if size < MIN_NOMINAL_SIZE:
        size = (top - bottom) / LOOSE_BOX_RATIO or size
    return _placed(chars, boxes, page_height, raisable,
                   (left, right, top, bottom, size, bold, italic))


def _placed(chars: range, boxes: _Boxes, page_height: float, raisable: list[int],
            measured: tuple[float, float, float, float, float, bool, bool]
            ) -> tuple[Geometry, list[int]]:
    """``_line_geometry`` from the line's measures: (left, right, top, bottom in PDF
    points, type size, bold, italic)."""
    left, right, top, bottom, size, bold, italic = measured
    # (fields given in order, not by name: a third less time to construct)
    geometry = Geometry(left, right, page_height - top, page_height - bottom, size, bold, italic)
    low = bisect.bisect_left(raisable, chars.start)
    high = bisect.bisect_left(raisable, chars.stop, low)
    return geometry, _raised(raisable[low:high], boxes, size, bottom) if high > low else []


def _wholly_bold(styles: tuple[tuple[int, int, str, str], ...], text: str) -> bool:
    """The whole line is set in a font whose name says bold (a standard font such as
    Times-Bold tells pdfium no weight).

    >>> _wholly_bold(((0, 6, "bold", "Times-Bold"),), "Places"), _wholly_bold(
    ...     ((0, 3, "bold", "Times-Bold"),), "Places")
    (True, False)
    """
    return any(mark == "bold" and start == 0 and end >= len(text.rstrip())
               for start, end, mark, _ in styles)


def _glyph_near_middle(text: str, chars: range) -> int:
    """The index of the non-space character nearest the middle of the line (a space may
    carry a dummy font size), or the middle index where the line has none.

    >>> _glyph_near_middle("ab   cd", range(0, 7))
    5
    """
    middle = chars.start + len(chars) // 2
    if chars and not text[middle].isspace():
        return middle
    for step in range(len(chars)):
        for index in (middle + step, middle - step):
            if index in chars and not text[index].isspace():
                return index
    return middle


def _plain_middle(text: str, chars: range) -> int:
    """``_glyph_near_middle`` of a line whose words stand apart by single spaces and none
    at the ends (``_single_spaces``): a space there has a glyph after it.

    >>> _plain_middle("ab cd", range(0, 5)), _plain_middle("a bc", range(0, 4))
    (3, 2)
    """
    middle = chars.start + len(chars) // 2
    return middle + 1 if text[middle] == " " else middle


def _symbol(char: str) -> bool:
    """An ornament or mark (``♣``, ``❧``, ``☞``): a symbol that is no letter, digit or
    punctuation, nor a currency or mathematical sign. No ASCII character is one (a page's
    are not asked, see ``_NON_ASCII``).

    >>> _symbol("☞"), _symbol("+"), [code for code in range(128) if _symbol(chr(code))]
    (True, False, [])
    """
    return unicodedata.category(char) == "So"


def _pieces(text: str, chars: range, boxes: _Boxes, symbols: frozenset[str]
            ) -> tuple[list[range], tuple[int, float | None], str | None]:
    """The line's characters cut where white space stands wider than ``WIDE_GAP`` type
    sizes between two glyphs (pieces set apart on one baseline), or ``ORNAMENT_GAP`` beside
    an ornament (a mark in the margin; ``symbols``: the page's ornaments, see ``_symbol``).
    Only the glyphs on the two sides of a space are looked at. Also the glyph near the
    line's middle and its nominal size where it was asked (for ``_line_geometry``), and
    the line's text where single spaces stand between its words and none at the ends: as
    it stands, it is its ``_plain_text`` (else None)."""
    middle = _glyph_near_middle(text, chars)
    segment = text[chars.start:chars.stop]
    spaces = _single_spaces(segment, chars.start)
    plain = None if spaces is None else segment
    gaps = [] if spaces is not None else [
        gap.span() for gap in _WORD_GAP.finditer(text, chars.start, chars.stop)]
    if not spaces and not gaps:
        return [chars], (middle, None), plain
    nominal = boxes.size(middle)
    size = boxes.type_size(middle, nominal)
    wide, near = WIDE_GAP * size, ORNAMENT_GAP * size
    pieces: list[range] = []
    start = chars.start
    for previous, index in (boxes.apart(gaps, text, symbols, wide, near) if spaces is None
                            else boxes.apart_spaces(spaces, text, symbols, wide, near)):
        pieces.append(range(start, previous + 1))
        start = index
    pieces.append(range(start, chars.stop))
    return pieces, (middle, nominal), plain


def _single_spaces(segment: str, start: int) -> list[int] | None:
    """Where the line's words (``segment``: its text, from index ``start`` of the page's
    text) stand apart by single spaces and none at the ends (nearly every line), the
    indices of those spaces in the page's text, counted from the words' lengths (no match
    object per space); None where the line has other white space.

    >>> _single_spaces("ab cde f", 3), _single_spaces("ab  c", 0)
    ([5, 9], None)
    >>> _single_spaces("abc ", 0), _single_spaces("ab", 0)
    (None, [])
    """
    words = segment.split()
    if " ".join(words) != segment:
        return None
    # each word's end (but the last's) less the spaces before it, plus those spaces
    return list(map(operator.add, itertools.accumulate(map(len, words[:-1])),
                    itertools.count(start)))


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


def _raw_lines(textpage: int) -> tuple[str, list[range]]:
    """The page's text, and its characters cut into lines (index ranges) at pdfium's line
    ends and U+FFFE markers."""
    text = _page_text(textpage)
    ended = text + "\n"
    lines: list[range] = []
    start = 0
    for match in _LINE_END.finditer(ended):
        found, after = match.span()
        end = after if ended[found] == _PDFIUM_HYPHEN else found
        if end > start and not text[start:end].isspace():  # (as ``.strip()``, no copy)
            lines.append(range(start, end))
        start = after
    return text, lines


@functools.lru_cache(maxsize=1)
def _page_calls() -> dict[str, Any]:
    """pdfium's calls that load, measure, read and close a page and its text page, as plain
    C prototypes (see ``_bare_calls``; these release the GIL, as pypdfium2's do). Pages are read
    through them rather than pypdfium2's page objects, whose finalizers and bookkeeping cost
    a twentieth of the reading; the reader closes what it loads."""
    raw = _pdfium().raw
    handle = ctypes.c_void_p
    signatures: dict[str, tuple[Any, ...]] = {  # (result, arguments...); None: no result
        "FPDF_LoadPage": (handle, handle, ctypes.c_int),
        "FPDF_ClosePage": (None, handle),
        "FPDF_GetPageWidthF": (ctypes.c_float, handle),
        "FPDF_GetPageHeightF": (ctypes.c_float, handle),
        "FPDFText_LoadPage": (handle, handle),
        "FPDFText_ClosePage": (None, handle),
        "FPDFText_CountChars": (ctypes.c_int, handle),
        "FPDFText_GetTextIndexFromCharIndex": (ctypes.c_int, handle, ctypes.c_int),
        "FPDFText_GetText": (ctypes.c_int, handle, ctypes.c_int, ctypes.c_int, handle),
    }
    return {name: ctypes.CFUNCTYPE(*types)(_address(getattr(raw, name)))
            for name, types in signatures.items()}


def _page_text(textpage: int) -> str:
    """The text page's text, as pypdfium2's ``get_text_range(0, count)`` reads it: the
    characters pdfium leaves out of its text at either end are left out of the range asked
    (pypdfium2 issue 261, crbug.com/pdfium/2079), and what does not decode is dropped."""
    calls = _page_calls()
    count = calls["FPDFText_CountChars"](textpage)
    if count == -1:
        raise _pdfium().PdfiumError("Failed to get character count.")
    index_of = calls["FPDFText_GetTextIndexFromCharIndex"]
    first, last = 0, count - 1
    while first <= last and index_of(textpage, first) == -1:
        first += 1
    while first <= last and index_of(textpage, last) == -1:
        last -= 1
    if first > last:
        return ""
    size = index_of(textpage, last) + 2 - index_of(textpage, first)  # with the closing NUL
    buffer = (ctypes.c_ushort * size)()
    written = calls["FPDFText_GetText"](textpage, first, last - first + 1,
                                        ctypes.addressof(buffer))
    if written > size:  # pragma: no cover - pdfium wrote past the buffer
        raise _pdfium().PdfiumError(f"text buffer too small: {size} vs {written}")
    return codecs.decode(memoryview(buffer)[:written - 1], "utf-16-le", "ignore")


@contextlib.contextmanager
def _loaded(pdf: Any, index: int, path: Path) -> Iterator[int]:
    """Page ``index`` of the PDF (pdfium's handle), closed when done; a coded error if
    pdfium cannot load it."""
    calls = _page_calls()
    page = calls["FPDF_LoadPage"](_address(pdf.raw), index)
    if not page:
        raise PageTreeError(str(path), index, "Failed to load page.")
    try:
        yield page
    finally:
        calls["FPDF_ClosePage"](page)


def _respaced(text: str, chars: range, boxes: _Boxes, size: float) -> str:
    """The line's text with its word spaces placed by the glyphs' positions (groff's PDFs:
    pdfium reads `Ilet him`, `runawa y`)."""
    size = size or 10.0
    return boxes.spaced(text, chars, SPACE_GAP * size, KEPT_SPACE_GAP * size) or ""  # (no
    # wide gap given: never None)


def _lost_spaces(text: str, chars: range, boxes: _Boxes, size: float) -> int:
    """How many spaces ``_respaced`` would add to the line where its text has none."""
    return boxes.lost_spaces(text, chars, SPACE_GAP * (size or 10.0))


def _plain_text(text: str, chars: range) -> str:
    return " ".join(text[chars.start:chars.stop].split())


def _quote_closed_up(text: str, chars: range, boxes: _Boxes, line_text: str, size: float
                     ) -> str:
    """The line's text without the space pdfium put after an opening quotation mark that
    opens the line set larger than the line's type (`“ Nobody` -> `“Nobody`): the mark was
    set apart for display and opens its word. Running quotation marks in the line's own type
    keep their space."""
    if not line_text[1:2].isspace():  # the commonest way out, taken first
        return line_text
    first = next((i for i in chars if not text[i].isspace()), None)
    if (first is None or text[first] not in _OPENING_QUOTES or not line_text[1:2].isspace()
            or not size or boxes.type_size(first) < QUOTE_SET_LARGE * size):
        return line_text
    return line_text[0] + line_text[2:]


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


def _all_lines(text: str, ranges: list[range], boxes: _Boxes, symbols: frozenset[str], *,
               page_height: float, raisable: list[int], respace: bool
               ) -> Iterator[tuple[range, tuple[Geometry, list[int]], str | None]]:
    """The pieces of every line (``_pieces``), each with its geometry and raised characters
    (``_line_geometry``) and, where the piece is the whole line, its text where known: its
    plain text, or where ``respace`` its text with the spaces placed by position (else
    None). A line of single spaces on a page without shifted characters or ornaments
    (nearly every line) is measured in one go where it is one piece (``_Boxes.plain_line``,
    ``plain_line_spaced``)."""
    plain_page = boxes.plain() and not symbols
    for line in ranges:
        if plain_page:
            segment = text[line.start:line.stop]
            spaces = _single_spaces(segment, line.start)
            if spaces is not None:  # no white space at the ends, none but single spaces
                middle = _plain_middle(text, line)
                if respace:
                    found = boxes.plain_line_spaced(text, line, middle)
                    measured, known = found if found is not None else (None, None)
                else:
                    measured = boxes.plain_line(line.start, line.stop - 1, middle, spaces)
                    known = segment
                if measured is not None:
                    yield line, _placed(line, boxes, page_height, raisable, measured), known
                    continue
        pieces, middle_size, plain = _pieces(text, line, boxes, symbols)
        if len(pieces) == 1:
            yield pieces[0], _line_geometry(text, pieces[0], boxes, page_height, raisable,
                                            middle=middle_size), None if respace else plain
        else:
            yield from ((piece, _line_geometry(text, piece, boxes, page_height, raisable), None)
                        for piece in pieces)


def _page_lines(page: int, index: int, respace: bool, check: bool = False,
                before: tuple[int, int] = (0, 0)
                ) -> tuple[tuple[Line, ...], int, int, float, bool]:
    """The page's lines in pdfium's order; when ``respace`` is false, how many word spaces
    pdfium lacked and how many characters were checked, counting ``before`` (those of the
    pages before: to decide whether the document's own spaces can be trusted); the page's
    width; and whether the spaces are placed by position: where the counts show pdfium's
    spaces lost (``_spaces_lost``), the page is read again so from the same text page."""
    calls = _page_calls()
    width, height = calls["FPDF_GetPageWidthF"](page), calls["FPDF_GetPageHeightF"](page)
    textpage = calls["FPDFText_LoadPage"](page)
    if not textpage:
        raise _pdfium().PdfiumError("Failed to load text page.")
    try:
        lines, missing, checked = _text_lines(page, textpage, index, height,
                                                respace=respace, check=check)
        missing, checked = before[0] + missing, before[1] + checked
        if not respace and _spaces_lost(missing, checked):
            respace = True
            lines = _text_lines(page, textpage, index, height, respace=True, check=False)[0]
    finally:
        calls["FPDFText_ClosePage"](textpage)
    return lines, missing, checked, width, respace


def _spaces_lost(missing: int, checked: int) -> bool:
    """pdfium loses word spaces in this PDF (``missing`` of ``checked`` characters'): they
    are to be placed by position."""
    return missing > MISSING_SPACE_RATE * max(checked, 1)


def _text_lines(page: int, textpage: int, index: int, height: float, *, respace: bool,
                check: bool) -> tuple[tuple[Line, ...], int, int]:
    """``_page_lines`` of the loaded page and its text page."""
    boxes = _Boxes(textpage)
    boxes.styled(page)
    items = []
    missing = checked = 0
    page_text, ranges = _raw_lines(textpage)
    others = set(_NON_ASCII.findall(page_text))
    boxes.align(page_text, others)
    raisable = [match.start() for match in _RAISABLE_FOUND.finditer(page_text)]
    symbols = frozenset(char for char in others if _symbol(char))
    for chars, placed, known in _all_lines(page_text, ranges, boxes, symbols, page_height=height,
                                           raisable=raisable, respace=respace):
        geometry, raised = placed
        soft = page_text[chars[-1]] == _PDFIUM_HYPHEN
        size = geometry.font_size or 0.0
        if respace:
            text = known if known is not None else _respaced(page_text, chars, boxes, size)
        else:
            text = known if known is not None else _plain_text(page_text, chars)
            if check:
                missing += _lost_spaces(page_text, chars, boxes, size)
                checked += len(chars)
        text = _quote_closed_up(page_text, chars, boxes, text, size)
        if raised:
            geometry = replace(geometry, superscripts=_superscript_spans(
                page_text, chars, text, raised))
        styles = _style_runs(page_text, chars, text, boxes,
                             (height - geometry.bottom, height - geometry.top))
        if styles:
            geometry = replace(geometry, styles=styles, bold=geometry.bold or _wholly_bold(
                styles, text))
        items.append((text, geometry, soft))
        stray = _stray_superscript(page_text, chars, boxes, geometry, height) if (
            page_text[chars.stop - 1] in _RAISABLE) else ""
        if stray and len(items) > 1 and text.endswith(stray):
            items[-1] = (text[: -len(stray)].rstrip(), replace(geometry, superscripts=tuple(
                span for span in geometry.superscripts if span[1] <= len(text) - len(stray))),
                soft)
            items[-2] = _append_superscript(items[-2], stray)
    lines = tuple(Line(text, index, number, geometry, 0, soft)  # (indent 0, soft_break)
                  for number, (text, geometry, soft) in enumerate(items))
    return lines, missing, checked


def _reread(pdf: Any, index: int, path: Path) -> tuple[Line, ...]:
    """Page ``index``'s lines with the word spaces placed by position."""
    with _loaded(pdf, index, path) as page:
        return _page_lines(page, index, True)[0]


def read_pdf(path: Path, password: str | None = None) -> Document:
    """Read a PDF's text layer into pages of lines with geometry (see the module docstring),
    with Python's cyclic garbage collector paused as in ``mend`` (the lines are frozen and
    acyclic; the collector would walk the growing heap of them again and again: a quarter
    of the reading time on the corpus PDFs)."""
    from pagemend.pipeline import collector_paused  # not at the top: it imports every stage

    with collector_paused():
        return _read_pdf(path, password)


def _read_pdf(path: Path, password: str | None) -> Document:
    pdf = _open(path, password)
    pages: list[Page] = []
    respace = False
    missing = checked = 0
    for index in range(len(pdf)):
        check = not respace and checked < SPACE_SAMPLE
        with _loaded(pdf, index, path) as page:
            lines, missing, checked, width, respaced = _page_lines(page, index, respace, check,
                                                                   (missing, checked))
            if respaced and not respace:
                respace = True  # pdfium loses word spaces in this PDF: place them by position
                pages = [replace(done, lines=_reread(pdf, done.index, path))
                         for done in pages]
        pages.append(Page(index=index, label=None, lines=lines,
                          pdf_label=pdf.get_page_label(index) or None, width=width))
    if not any(line.text for page in pages for line in page.lines):
        raise NoTextLayerError(str(path))
    return Document(pages=tuple(pages), meta=DocumentMeta(source=str(path)))
