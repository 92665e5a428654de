"""Reading-order and line-capacity helpers that several stages share.

    >>> from pagemend.model import Line
    >>> has_room(Line("said:", 0, 0), Line("We cannot allow", 0, 1), full_line=60)
    True
    >>> has_room(Line("x" * 55, 0, 0), Line("Scrooge.", 0, 1), full_line=60)
    False
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from operator import attrgetter, itemgetter

from pagemend.model import Document, Line, Page

__all__ = [
    "FIT_SHARE",
    "FULL_LINE_PERCENTILE",
    "OVERLONG_RATIO",
    "body_measures",
    "first_word",
    "forget_successors",
    "full_line",
    "has_room",
    "indented",
    "left_margins",
    "percentile",
    "printed",
    "printed_length",
    "right_margins",
    "room_in_points",
    "successors",
]

#: A paragraph indent is set in from the margin by this many to this many type sizes
#: (an em or two; more is a centred or displayed line).
INDENT_MIN = 0.6
INDENT_MAX = 4.0

#: The percentile of a page's line lengths taken as its full line: in justified prose most
#: lines are full and the short ones (paragraph ends, headings, furniture) sit below it.
#: Calibrated on the development corpus: the 75th percentile lands within two characters of
#: the modal full line on every page of 10+ lines.
FULL_LINE_PERCENTILE = 0.75
#: pages with fewer prose lines take the document's measure
MIN_MEASURED_LINES = 8
#: a page with fewer body lines than this has no margins of its own to tell (a chapter's
#: last line, a plate's caption: golden case nearly-empty-pages-pdf): it takes its side's
MIN_MARGIN_LINES = 3

#: The next word fits when the line plus a space plus the word is at most this share of the
#: full line. Justified lines in proportional type vary by about ±8% in characters around the
#: typical full line (measured on the development corpus), so a line must leave clear room.
#: Calibrated with `pagemend eval`: 0.90 and 1.03 both cost 0.02-0.03 paragraph F1.
FIT_SHARE = 0.95


def percentile(values: list[int], fraction: float) -> int:
    """The value at a fraction of the way through the sorted values (0 for none).

    >>> percentile([70, 72, 40, 75], 0.75), percentile([], 0.5)
    (75, 0)
    """
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0


#: Full lines of a text block sit within this share of each other (justified lines vary by
#: about ±8% in characters; ragged lines fall short of the measure).
FULL_BAND = 0.10
#: No printed line runs past the band of full lines by more than this factor: notes in
#: smaller type reach about 1.3x the body's line, so a longer line is several printed lines
#: that an extractor joined (poppler's plain `pdftotext` joins every line that ends with a
#: hyphen to the next). Calibrated on the corpus: pages and PDF input have no line over
#: 1.4x its page's band; plain pdftotext output has a quarter to a third of its lines so.
OVERLONG_RATIO = 1.5


def printed(lengths: list[int]) -> list[int]:
    """The lengths that can be printed lines: all but those running well past the densest
    band of lengths (the full lines), which are several printed lines joined.

    >>> printed([60, 62, 64, 63, 130, 125, 140, 30])
    [60, 62, 64, 63, 30]
    """
    ordered = sorted(lengths)
    if not ordered:
        return []
    ceiling = _ceiling(ordered)
    return [value for value in lengths if value <= ceiling]


def _ceiling(ordered: list[int]) -> float:
    """The longest length that can be a printed line, of lengths sorted (at least one)."""
    best, size, start = 0, 0, 0
    count = len(ordered)
    while start < count:  # the band [value, value * (1 + FULL_BAND)]
        value = ordered[start]
        end = bisect_right(ordered, value * (1 + FULL_BAND), start)
        if end - start >= size:  # on a tie, the longer band: short lines are no measure
            best, size = start, end - start
        start = bisect_right(ordered, value, start)  # an equal value's band is no longer
    return OVERLONG_RATIO * ordered[best + size - 1]


#: A line longer than this many full lines is several printed lines that an extractor joined
#: (body lines of the corpus's page text and PDFs reach 1.09x their page's full line)...
JOINED_RATIO = 1.2
#: ...and all but its last printed line were full (each broke inside a word). A remainder
#: under this share of a full line lies within the full lines' own spread (±8% each), so
#: the last printed line counts as full too.
MIN_TAIL_SHARE = 0.15


def printed_length(text: str, full: int) -> int:
    """The length of a line's last printed line: the line's own, or for several printed
    lines joined into one (see ``JOINED_RATIO``), what is left after the full ones. The
    paragraph tests look at how a line ends, so they ask this.

    >>> printed_length("x" * 60, 74), printed_length("x" * 100, 74), printed_length("x" * 152, 74)
    (60, 26, 74)
    """
    length = len(text)
    if not full or length <= JOINED_RATIO * full:
        return length
    tail = length % full
    return tail if tail >= MIN_TAIL_SHARE * full else full


def full_line(lengths: list[int]) -> int:
    """The full line of a set of line lengths: the ``FULL_LINE_PERCENTILE`` of those that
    can be printed lines (joined lines would pull the measure up until full lines looked
    short).

    >>> full_line([60, 62, 64, 63, 30, 61, 65, 64]), full_line([60, 62, 64, 63, 130, 125, 140])
    (64, 64)
    """
    ordered = sorted(lengths)
    if not ordered:
        return 0
    # the printed lengths, sorted: the sorted lengths up to the ceiling (one sort, not two)
    count = bisect_right(ordered, _ceiling(ordered))
    return ordered[min(count - 1, int(FULL_LINE_PERCENTILE * count))]


#: A page's own measure this far short of the book's (its densest band of equal lengths)...
SHORT_PAGE_MEASURE = 0.7
#: ...while at least this share of that band's count of its lines run at the book's measure
#: (within ``FULL_BAND``), measured its paragraph ends: a page of short paragraphs whose last
#: lines happen to be alike (dialogue). Joined lines of plain pdftotext run past the measure,
#: never at it, so their pages keep their own. Found by the property tests (tests/
#: test_properties.py: four two-line paragraphs ending at 28 characters on a 61-character
#: measure).
AT_MEASURE_SHARE = 0.5


def book_measure_if_ends(lengths: list[int], measure: int, book: int) -> int:
    """A page's measure, or the book's where the page's was taken from a band of paragraph
    ends (see ``SHORT_PAGE_MEASURE``).

    >>> lengths = [28, 60, 28, 62, 22, 28, 56, 28]
    >>> book_measure_if_ends(lengths, 28, 61), book_measure_if_ends(lengths, 28, 120)
    (61, 28)
    """
    if not measure or measure >= SHORT_PAGE_MEASURE * book:
        return measure
    band = sum(1 for n in lengths if measure <= n <= measure * (1 + FULL_BAND))
    at_book = sum(1 for n in lengths if abs(n - book) <= FULL_BAND * book)
    return book if at_book >= max(2, AT_MEASURE_SHARE * band) else measure


def body_measures(doc: Document) -> tuple[int, ...]:
    """Each page's full line measured on its prose alone (furniture, notes in smaller type,
    headings and verse left out), falling back to the document's measure on pages with too
    few prose lines to tell.

    ``measure_document`` measures before the structure is known; stages that run after it
    compare against this sharper yardstick.
    """
    per_page: list[int] = []
    prose: list[list[int]] = []
    for page in doc.pages:
        lengths = [len(line.text) for line in page.lines
                   if line.text and line.role == "body" and line.kind == "paragraph"]
        enough = len(lengths) >= MIN_MEASURED_LINES
        per_page.append(full_line(lengths) if enough else 0)
        prose.append(lengths)
    measured = sorted(value for value in per_page if value)
    fallback = measured[len(measured) // 2] if measured else (
        doc.stats.document_full_line_length if doc.stats else 0)
    return tuple(book_measure_if_ends(lengths, value, fallback) or fallback
                 for lengths, value in zip(prose, per_page, strict=True))


def left_margins(doc: Document) -> tuple[float | None, ...]:
    """Each page's left margin (the most common left edge of its prose lines, in points),
    or None where the reader gave no geometry."""
    return _common_edges(doc)[0]


def right_margins(doc: Document) -> tuple[float | None, ...]:
    """Each page's right margin (the most common right edge of its prose lines, where
    justified lines end, in points), or None where the reader gave no geometry."""
    return _common_edges(doc)[1]


#: the pages of the last document asked for its margins, and its left and right margins
#: (a stage asks for both sides of the same frozen document: one walk over its lines);
#: forgotten with the successors when a mend ends
_MARGINS: list[tuple[tuple[Page, ...], tuple[tuple[float | None, ...],
                                             tuple[float | None, ...]]]] = []


def _common_edges(doc: Document) -> tuple[tuple[float | None, ...], tuple[float | None, ...]]:
    """Each page's most common left and right edges of its body lines; a nearly empty page
    (fewer than ``MIN_MARGIN_LINES`` body lines: a chapter's last line, a plate's caption)
    takes the median margin of the pages of its side (rectos or versos) that have enough
    lines."""
    if _MARGINS and _MARGINS[0][0] is doc.pages:
        return _MARGINS[0][1]
    lefts: list[float | None] = []
    rights: list[float | None] = []
    counted: list[int] = []
    for page in doc.pages:
        placed = [geometry for line in page.lines
                  if (geometry := line.geometry) is not None and line.text and line.role == "body"]
        if not placed:  # (page text: no line has geometry, no counting to do)
            lefts.append(None)
            rights.append(None)
            counted.append(0)
            continue
        # the first of the commonest rounded edges (``Counter.most_common(1)``'s choice,
        # which is ``max`` of the items by count: asked directly, without ``heapq``)
        lefts.append(float(max(Counter(map(round, map(_X0, placed))).items(), key=_COUNT)[0]))
        rights.append(float(max(Counter(map(round, map(_X1, placed))).items(), key=_COUNT)[0]))
        counted.append(len(placed))
    found = (tuple(_measured_margin(lefts, counted, index) for index in range(len(lefts))),
             tuple(_measured_margin(rights, counted, index) for index in range(len(rights))))
    _MARGINS[:] = [(doc.pages, found)]
    return found


_X0, _X1 = attrgetter("x0"), attrgetter("x1")
_COUNT = itemgetter(1)


def _measured_margin(margins: list[float | None], counted: list[int], index: int
                     ) -> float | None:
    """Page ``index``'s margin, or where it has too few lines to tell, that of its side.

    >>> _measured_margin([60.0, 70.0, 60.0, 130.0], [9, 9, 9, 1], 3)
    70.0
    >>> _measured_margin([60.0, 130.0], [9, 1], 1)
    60.0
    """
    if margins[index] is None or counted[index] >= MIN_MARGIN_LINES:
        return margins[index]
    for pages in (range(index % 2, len(margins), 2), range(len(margins))):
        known = sorted(m for i in pages if (m := margins[i]) is not None
                       and counted[i] >= MIN_MARGIN_LINES)
        if known:
            return known[len(known) // 2]
    return margins[index]


def room_in_points(line: Line, following: Line, right: float | None) -> bool | None:
    """The capacity test in points, with the reader's geometry: the line stops short of the
    page's right margin by more than a space and the next line's first word would take (its
    width estimated from the next line's own characters); None without geometry."""
    geometry, next_geometry = line.geometry, following.geometry
    if right is None or geometry is None or next_geometry is None or not following.text:
        return None
    per_character = (next_geometry.x1 - next_geometry.x0) / len(following.text)
    return right - geometry.x1 >= per_character * (1 + len(first_word(following.text)))


def indented(line: Line, margins: tuple[float | None, ...], previous: Line | None = None
             ) -> bool | None:
    """Whether the line starts with a paragraph indent, or None without geometry: set in by
    ``INDENT_MIN`` to ``INDENT_MAX`` of its type size from the line before on its page (a
    quotation indented as a whole is no paragraph start), else from its page's margin."""
    geometry = line.geometry
    margin = margins[line.page] if line.page < len(margins) else None
    if geometry is None or margin is None or not geometry.font_size:
        return None
    before = previous.geometry if previous is not None and previous.page == line.page else None
    reference = before.x0 if before is not None else margin
    step = (geometry.x0 - reference) / geometry.font_size
    return INDENT_MIN <= step <= INDENT_MAX and (
        geometry.x0 - margin) / geometry.font_size <= INDENT_MAX


#: per role, the pages of the last document asked for its successors and them (a stage
#: asks again of the same frozen document: detect_verse four times, detect_headings twice;
#: a copy with other edits or decisions has the same pages, so the same lines); the
#: pipeline forgets them when a mend ends (``forget_successors``)
_SUCCESSORS: dict[str, tuple[tuple[Page, ...], tuple[tuple[Line, Line | None], ...]]] = {}


def successors(doc: Document, role: str = "body") -> Iterator[tuple[Line, Line | None]]:
    """Each line of a role (the body, or the notes) with the next line of that role in
    reading order (over blank lines, furniture, notes and page breaks), or None for the
    last."""
    cached = _SUCCESSORS.get(role)
    if cached is None or cached[0] is not doc.pages:
        cached = _SUCCESSORS[role] = (doc.pages, tuple(_successors(doc, role)))
    return iter(cached[1])


def forget_successors() -> None:
    """Let go of the last document asked for its successors (and for its margins)."""
    _SUCCESSORS.clear()
    _MARGINS.clear()


def _successors(doc: Document, role: str) -> list[tuple[Line, Line | None]]:
    """The pairs of :func:`successors`, made by comprehension and ``zip`` (each stage asks
    of a new document: one pass over its lines, no generator step per line)."""
    lines = [line for page in doc.pages for line in page.lines
             if line.text and line.role == role]
    return list(zip(lines, [*lines[1:], None], strict=True)) if lines else []


def first_word(text: str) -> str:
    """The first white-space separated word of a text, or ''."""
    words = text.split(maxsplit=1)
    return words[0] if words else ""


def has_room(line: Line, following: Line, full_line: int) -> bool:
    """The line had room for the next line's first word, so the typesetter did not break it
    for lack of space: a paragraph ended there, or the line is verse, a heading, a list item."""
    text, words = line.text, following.text.split(maxsplit=1)
    length = len(text)  # ``printed_length`` and ``first_word``, written out (asked of most lines)
    if full_line and length > JOINED_RATIO * full_line:
        length = printed_length(text, full_line)
    return length + 1 + (len(words[0]) if words else 0) <= FIT_SHARE * full_line
