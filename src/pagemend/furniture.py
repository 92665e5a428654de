"""What a document says about its furniture: the lines at each page's edges, the titles that
recur there, the folio sequence, and how the book sets its heads.

Scratch evidence for ``remove_running_heads`` (its rules live there): gathered once over the
whole document, because a head is known by its other pages.

    >>> head_key("12 | The Harbour Inn"), has_words(head_key("4."))
    ('TheHarbourInn', False)
"""

from __future__ import annotations

import difflib
import functools
import itertools
import operator
import re
import statistics
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import cast

from pagemend.data.folios import SEPARATORS, Folio, parse_folio, split_head
from pagemend.data.headings import BARE_NUMERAL, DIVISION, DIVISION_WORDS
from pagemend.data.punctuation import CLOSING_MARKS, OPENS_CAPITAL
from pagemend.model import Document, Geometry, Line, Page, _lean_init

__all__ = ["CLAUSE_END", "EdgeLine", "Evidence", "Key", "catchword", "edge_lines",
           "folio_title_key", "gather",
           "has_words", "head_key", "plausible_head"]

#: How many non-blank lines at each edge of a page may be furniture. Books print at most a
#: folio and a head (or two head lines) in each margin; three leaves room for a letter-spaced
#: head that extraction splits, and the walk stops at the first body line anyway.
ZONE_LINES = 3
#: A running head must recur on this many pages (a head printed on recto pages only, in a
#: two-page document, recurs once: the shape rule covers that).
MIN_HEAD_PAGES = 2
#: A folio offset (printed number minus page index) must hold on this many pages.
MIN_SEQUENCE_PAGES = 2
#: A title beside roman folios alone is a head where it recurs beside folios in step on this
#: many pages (realpdf thinkpython-xetex, pdfium text: `Chapter 0. Preface` on the four verso
#: pages of its preface; a body line opening with `I` or `mix` keeps no step).
ROMAN_HEAD_MIN_PAGES = 3
#: A recurring line whose separation from the body (a blank line or not) disagrees with this
#: share of its other occurrences is a heading set in the body flow, not the head. Calibrated
#: on the development corpus: heads agree with each other on every page of every book.
SEPARATION_AGREEMENT = 0.75
#: The book's heads are set off one way when at least this share of the recurring lines (first
#: occurrences aside) agree; then a line with too few occurrences of its own must agree too.
#: Development corpus: 1.0 in every book whose chapter headings share the head's words
#: (bacon-latex, grimm-weasy), never under 0.9 where a book sets its heads one way.
BOOK_AGREEMENT = 0.9
#: Keys at least this long and this similar to a recurring key match it (small variations:
#: OCR noise, a changed letter), unless they differ only in case or final punctuation.
FUZZY_MIN_LENGTH = 10
FUZZY_RATIO = 0.9
#: ...and such keys share their first or their last this many letters (at ratio 0.9 a key of
#: ten letters or more differs in about one letter in ten: one end of four stays whole)
FUZZY_END = 4
#: With geometry, a recurring line is a head only where at least half of the other
#: occurrences sit: within this many font sizes of their top position.
POSITION_TOLERANCE = 1.0

#: A title's first occurrence is told from its heads by the text under them (where no blank
#: line and no position tells them apart) only where it has at most this many occurrences: the
#: short chapters whose heads repeat the heading (bacon-latex: one to four pages), not a
#: book title printed over every page.
CONTRAST_MAX_PAGES = 4

_ROMAN_OR_PUNCTUATION = re.compile(r"[ivxlcdm\W_]+")
#: a line that ends a sentence or a clause a display may follow (`as follows:`)
CLAUSE_END = re.compile(rf"[.!?…:;][{re.escape(CLOSING_MARKS)}]*\S{{0,3}}$")

#: (edge, title key, printed beside a folio)
Key = tuple[str, str, bool]
#: a line that ends with a word broken by a hyphen (the next line finishes the word)
_BROKEN_WORD = re.compile(r"[^\W\d_]-$")
_DIGITS_AND_SPACES = re.compile(r"[\d\s]+")
#: a chapter label: ``DIVISION`` or ``BARE_NUMERAL`` (each with its flags) as one pattern;
#: before ``DIVISION`` tries its division words in turn, a look ahead at what every one of them
#: opens the line with (a word of their first letters and lengths, then white space)
_KEYWORD_LENGTHS = sorted(map(len, DIVISION_WORDS))
_KEYWORD_START = (rf"(?=[{''.join(sorted({word[0] for word in DIVISION_WORDS}))}]"
                  rf"\w{{{_KEYWORD_LENGTHS[0] - 1},{_KEYWORD_LENGTHS[-1] - 1}}}\s)")
_LABEL_LINE = re.compile(rf"(?i:{_KEYWORD_START}{DIVISION.pattern})|(?:{BARE_NUMERAL.pattern})")
_DIGIT = re.compile(r"\d")


#: head keys kept for this many distinct line texts (a page's edge lines are keyed by several
#: tests, and the lines of the page before by the next page's: a few pages' worth suffices)
HEAD_KEY_CACHE = 4096


@functools.lru_cache(maxsize=HEAD_KEY_CACHE)
def head_key(text: str) -> str:
    """A head's identity: digits, spacing and edge separators dropped; case and inner
    punctuation kept (the heading ``STAVE ONE.`` is not the head ``STAVE ONE``).

    >>> head_key("C HAP TER ONE"), head_key("2 · BIOGRAPHIA LITERARIA"), head_key("STAVE ONE.")
    ('CHAPTERONE', 'BIOGRAPHIALITERARIA', 'STAVEONE.')
    """
    if _DIGIT.search(text) is None:  # (most lines: white space alone to drop, split away)
        return "".join(text.split()).strip(SEPARATORS)
    return _DIGITS_AND_SPACES.sub("", text).strip(SEPARATORS)


def folio_title_key(title: str) -> str:
    """The key of a title printed beside its folio: its letters, case aside (older printings
    vary the stops and the case of one head from page to page: ``und derer Curen.`` / ``und
    derer Curen``, ``1. Buch. 1. Tit.`` / ``1. Buch 1. Tit.``; the folio in sequence already
    tells the head from a heading).

    >>> folio_title_key("Siebenjährige Welt-Beschauung.")
    'siebenjährigeweltbeschauung'
    """
    return "".join(ch for ch in head_key(title) if ch.isalpha()).casefold()


def has_words(key: str) -> bool:
    """A head is words: a key of digits and punctuation (``4.``, a numbered item) is none."""
    # (most keys open with a letter: asked of the first character alone, in C, first)
    return key[:1].isalpha() or any(ch.isalpha() for ch in key)


@dataclass(frozen=True, slots=True)
class EdgeLine:
    line: Line
    zone: str  # "top" or "bottom"
    separated: bool  # a blank line stands between it and the body side
    #: the line finishes a word the line above broke with a hyphen (`nev-` / `er.`): text
    completes_word: bool
    #: the line's ``head_key``, its folio if it holds nothing else (``parse_folio``) and
    #: otherwise its head with a folio (``split_head``): found once (``_edge``), as every
    #: test of the stage asks them of the edge lines
    key: str = field(repr=False, compare=False)
    folio: Folio | None = field(repr=False, compare=False)
    split: tuple[Folio, str, str] | None = field(repr=False, compare=False)


def _edge(line: Line, zone: str, separated: bool, completes_word: bool) -> EdgeLine:
    """The edge line, with its key, folio and head with a folio found from its text.

    >>> edge = _edge(Line("12 | A Tale", 0, 0), "top", True, False)
    >>> edge.key, edge.folio is None, edge.split[0].value, edge.split[2]
    ('ATale', True, 12, 'A Tale')
    """
    text = line.text
    folio = parse_folio(text)
    return EdgeLine(line, zone, separated, completes_word, head_key(text), folio,
                    split_head(text) if folio is None else None)


# An edge line is made for each line at a page's edges: constructed as the document model's
# classes are (``pagemend.model._lean_init``, which leaves a compiled one)
_lean_init(EdgeLine)


def edge_lines(page: Page) -> list[EdgeLine]:
    """The lines at the top (top down) and at the foot (bottom up), by position where the
    reader gave every line one, else in reading order; on a short page the two edges share
    lines, and whichever edge claims a line first keeps it."""
    lines = page.lines
    first = next((line for line in lines if line.text), None)
    if first is not None and first.geometry is not None:
        filled = [i for i, line in enumerate(lines) if line.text]
        geometries = [lines[i].geometry for i in filled]
    else:  # page text: none placed, and only the first and last filled lines are edge lines
        filled, geometries = _outer_filled(lines), []
    if filled and geometries and all(geometries):  # (a Geometry is true, None false)
        # by position: the reading order may set a column's head or foot among the body lines
        placed = cast("list[Geometry]", geometries)
        top = _in_order(placed, filled, _TOP)
        bottom = _in_order(placed, filled, _BOTTOM, lowest=True)
    else:
        top = filled[:ZONE_LINES]
        bottom = list(reversed(filled[-ZONE_LINES:]))

    def blank(i: int) -> bool:
        return 0 <= i < len(lines) and not lines[i].text

    def completes(i: int) -> bool:
        # (``_BROKEN_WORD`` asked of the line's last three characters: its two, and a final
        # line feed ``$`` may stand before; searched from each place of the whole line)
        return i > 0 and lines[i].text[:1].islower() and bool(
            _BROKEN_WORD.search(lines[i - 1].text[-3:]))

    return [_edge(lines[i], "top", blank(i + 1), completes(i)) for i in top] + [
        _edge(lines[i], "bottom", blank(i - 1), completes(i)) for i in bottom
    ]


_TOP, _BOTTOM = operator.attrgetter("top"), operator.attrgetter("bottom")


def _in_order(geometries: list[Geometry], filled: list[int],
              edge: operator.attrgetter[float], *, lowest: bool = False) -> list[int]:
    """The first ``ZONE_LINES`` of the filled lines (``filled``: their indices, ``geometries``
    their places) by their top edge, top down, or with ``lowest``, by their bottom edge,
    bottom up (of equal edges, the first in reading order first, or with ``lowest`` the
    last): the lines sorted as tuples, (top, index) or (-bottom, -index), compared in C. Where
    the edges do not fall along the reading order (most pages: lines are read top down),
    the order is the reading order, or its reverse, and nothing is sorted.

    >>> placed = [Geometry(0, 9, top, top + 8, 10) for top in (10.0, 30.0, 20.0, 40.0)]
    >>> _in_order(placed, [0, 1, 2, 3], _TOP), _in_order(placed, [0, 1, 2, 3], _BOTTOM,
    ...                                                  lowest=True)
    ([0, 2, 1], [3, 1, 2])
    >>> _in_order(placed[:2], [4, 7], _TOP), _in_order(placed[:2], [4, 7], _BOTTOM, lowest=True)
    ([4, 7], [7, 4])
    """
    edges = list(map(edge, geometries))
    if all(map(operator.le, edges, edges[1:])):  # (a NaN falls to the sort)
        return filled[::-1][:ZONE_LINES] if lowest else filled[:ZONE_LINES]
    if not lowest:
        return [i for _, i in sorted(zip(edges, filled, strict=True))[:ZONE_LINES]]
    return [-i for _, i in sorted(zip(map(operator.neg, edges), map(operator.neg, filled),
                                      strict=True))[:ZONE_LINES]]


def _outer_filled(lines: tuple[Line, ...]) -> list[int]:
    """The indices of the first and of the last ``ZONE_LINES`` filled lines, in order (all of
    them where there are fewer than twice as many)."""
    head: list[int] = []
    for i, line in enumerate(lines):
        if len(head) == ZONE_LINES:
            break
        if line.text:
            head.append(i)
    tail: list[int] = []
    for i in range(len(lines) - 1, (head[-1] if head else -1), -1):
        if len(tail) == ZONE_LINES:
            break
        if lines[i].text:
            tail.append(i)
    return head + tail[::-1]


@dataclass
class Evidence:
    """What the whole document says about its furniture (scratch, local to this stage)."""

    pages: int
    offsets: Counter[tuple[str, int]]
    heads: dict[Key, set[int]]
    separated: dict[Key, dict[int, bool]]
    #: where each key's lines sit on their pages (top, in points), when the reader knew
    tops: dict[Key, dict[int, float]] = field(default_factory=dict)
    #: per zone, the share of running lines (first occurrences aside) set off by a blank
    book_separated: dict[str, float] = field(default_factory=dict)
    #: per zone, the median top (points) of recurring lines (first occurrences aside)
    book_tops: dict[str, float] = field(default_factory=dict)
    #: (zone, title key) of the titles printed beside an arabic folio or glyph-set one
    titled: set[tuple[str, str]] = field(default_factory=set)
    #: per top key and page: the text under it opens a sentence after a finished page (True),
    #: runs on from the page before (False), or neither
    openings: dict[Key, dict[int, bool | None]] = field(default_factory=dict)
    #: the key of each page's first line at the top
    first_top: dict[int, Key] = field(default_factory=dict)
    #: the edges where each page prints its folio (in step with the sequence)
    folio_zones: defaultdict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: per (zone, with folio): the recurring keys a near spelling may match, by length
    _fuzzy: dict[tuple[str, bool], dict[tuple[str, str], list[tuple[int, Key]]]] = field(
        default_factory=dict)
    #: per key: its first page (see ``_opens_chapter``)
    _firsts: dict[Key, int] = field(default_factory=dict)
    #: per zone: how many keys recur there on at least ``MIN_HEAD_PAGES`` pages
    _recurring: Counter[str] | None = None
    #: per folio style: the offset of its best-supported sequence (None: no sequence)
    _sequences: dict[str, int | None] = field(default_factory=dict)
    #: per key: how many of its occurrences are set off by a blank line, and how many there are
    _separations: dict[Key, tuple[int, int]] = field(default_factory=dict)
    #: per key: how many of its occurrences sit at each top (see ``_same_place``)
    _top_counts: dict[Key, Counter[float]] = field(default_factory=dict)
    #: per page index: the page and its edge lines, as gathered
    _edges: dict[int, tuple[Page, list[EdgeLine]]] = field(default_factory=dict)

    def edges(self, page: Page) -> list[EdgeLine]:
        """The page's edge lines (``edge_lines``), as gathered where it is the same page."""
        gathered = self._edges.get(page.index)
        return gathered[1] if gathered is not None and gathered[0] is page else edge_lines(page)

    def keeps_step(self, folio: Folio, page: int) -> bool:
        if self.pages == 1:
            return True
        return self.offsets[(folio.style, folio.value - page)] >= MIN_SEQUENCE_PAGES

    def sequence_value(self, style: str, page: int) -> int | None:
        """The number the book's best-supported folio sequence of a style gives a page."""
        if style not in self._sequences:  # (found once a style: asked for page after page)
            supported = [(count, offset) for (s, offset), count in self.offsets.items()
                         if s == style and count >= MIN_SEQUENCE_PAGES]
            self._sequences[style] = max(supported)[1] if supported else None
        offset = self._sequences[style]
        return offset + page if offset is not None else None

    def recurs(self, edge: EdgeLine, key: str, with_folio: bool) -> tuple[bool, str]:
        found = self._match(edge.zone, key, with_folio)
        geometry = edge.line.geometry
        if found is None and not with_folio and geometry is not None and geometry.size_estimated:
            # OCR drops a folio now and then (equator: `Following the Equator` where the
            # other pages read `4 Following the Equator`): the head beside its folio elsewhere
            found = self._match(edge.zone, folio_title_key(key), True)
        if found is None or edge.completes_word:
            return False, ""
        separated, others = self._other_separations(found, edge.line.page)
        if others >= 2:
            disagree = (others - separated if edge.separated else separated) / others
            if disagree >= SEPARATION_AGREEMENT:
                return False, ""
        elif not self.set_as_heads(edge) or edge.line.text[:1].islower() or not (
                edge.separated or self._heads_elsewhere(edge.zone, found)):
            return False, ""  # (a line opening in lower case goes on a sentence: `understanding.`)
        if not self._same_place(edge, found) or self._opens_chapter(edge, found):
            return False, ""
        return True, f"recurs at the {edge.zone} of {len(self.heads[found])} pages"

    def _other_separations(self, key: Key, page: int) -> tuple[int, int]:
        """How many of the key's occurrences on other pages than ``page`` are set off by a
        blank line, and how many there are (the counts over all pages found once a key)."""
        counts = self._separations.get(key)
        if counts is None:
            flags = self.separated[key].values()
            counts = self._separations[key] = (sum(flags), len(flags))
        separated, total = counts
        own = self.separated[key].get(page)
        return (separated - own, total - 1) if own is not None else counts

    def _opens_chapter(self, edge: EdgeLine, key: Key) -> bool:
        """The first occurrence of a title at the top, on a page that prints its folio at the
        foot, or none at all, where the title's other pages print theirs at the top: the
        chapter's opening page, whose heading the heads then repeat (a head moves its folio to
        the foot, or drops it, only where the heading takes its place). OCR drops folios now
        and then: there a page without one shows nothing."""
        pages = self.heads[key]
        page = edge.line.page
        if edge.zone != "top" or page != self._first_page(key, pages):
            return False
        geometry = edge.line.geometry
        folio_here = self.folio_zones.get(page, set())
        dropped = not folio_here and (geometry is None or not geometry.size_estimated)
        if (folio_here == {"bottom"} or dropped) and all(
                self.folio_zones.get(other) == {"top"} for other in pages - {page}):
            return True
        return self._opens_sentence(edge, key)

    def _first_page(self, key: Key, pages: set[int]) -> int:
        """``min(pages)``, the key's first page, found once a key (asked at each of them)."""
        first = self._firsts.get(key)
        if first is None:
            first = self._firsts[key] = min(pages)
        return first

    def _opens_sentence(self, edge: EdgeLine, key: Key) -> bool:
        """Where no blank line or position sets a heading apart from its heads: the first
        occurrence, on a page after one headed otherwise (and opening no chapter lower
        down), stands over a new sentence after a finished page, and every other
        occurrence over text that runs on (the chapter's heading, then its heads)."""
        page = edge.line.page
        pages, flags = self.heads[key], self.openings.get(key, {})
        before = self.first_top.get(page - 1)
        if (edge.line.geometry is not None or len(pages) > CONTRAST_MAX_PAGES
                or len(set(self.separated[key].values())) > 1
                or "top" in self.folio_zones.get(page, set())  # beside a head, not a heading
                or before is None or before[1] == key[1]):
            return False
        return flags.get(page) is True and all(flags.get(other) is False
                                               for other in pages - {page})

    def set_as_heads(self, edge: EdgeLine) -> bool:
        """The line is set off from the body, and placed, as the book's recurring lines at
        its edge are (true where the book shows no clear habit)."""
        share = self.book_separated.get(edge.zone)
        habit = None if share is None else _habit(share)
        if habit is not None and habit != edge.separated:
            return False
        geometry, top = edge.line.geometry, self.book_tops.get(edge.zone)
        if geometry is None or top is None:
            return True
        return abs(geometry.top - top) <= POSITION_TOLERANCE * (geometry.font_size or 10.0)

    def _heads_elsewhere(self, zone: str, key: Key) -> bool:
        """The book prints other recurring lines at this edge: a line seen on only two pages
        and run on with the text (no blank line between) is a head where the book's other
        chapters show heads there too; in a book without any, two pages ending in the same
        short line (``be.``) are a coincidence of the text."""
        if self._recurring is None:  # (counted once: asked line after line)
            self._recurring = Counter(other[0] for other, pages in self.heads.items()
                                      if len(pages) >= MIN_HEAD_PAGES)
        own = key[0] == zone and len(self.heads.get(key, ())) >= MIN_HEAD_PAGES
        return self._recurring[zone] - own > 0

    def _same_place(self, edge: EdgeLine, key: Key) -> bool:
        """With geometry: a head sits where the other occurrences sit (a chapter heading that
        repeats the head's words stands lower, under the chapter's sink)."""
        geometry, page = edge.line.geometry, edge.line.page
        tops = self.tops.get(key, {})
        others = len(tops) - (page in tops)  # the occurrences on other pages
        if geometry is None or others < 2:
            return True
        tolerance = POSITION_TOLERANCE * (geometry.font_size or 10.0)
        counts = self._top_counts.get(key)
        if counts is None:  # (the key's tops counted once: a head sits at a few of them)
            counts = self._top_counts[key] = Counter(tops.values())
        near = sum(count for top, count in counts.items() if abs(geometry.top - top) <= tolerance)
        if page in tops and abs(geometry.top - tops[page]) <= tolerance:
            near -= 1  # (its own page's is no other occurrence)
        return near >= others / 2

    def opened_by(self, key: str, page: int) -> int | None:
        """The page before, or the one before it, whose top printed this key alone (the
        heading that opened the chapter), or None."""
        pages = self.heads.get(("top", key, False), set())
        return next((p for p in (page - 1, page - 2) if p in pages), None)

    def verbatim_pages(self, zone: str, key: str) -> int:
        return len(self.heads.get((zone, key, False), ()))

    def _match(self, zone: str, key: str, with_folio: bool) -> Key | None:
        exact = (zone, key, with_folio)
        if len(self.heads.get(exact, ())) >= MIN_HEAD_PAGES:
            return exact
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        # only keys that share the line's first or last letters and whose length allows the
        # ratio (difflib's real_quick_ratio bound): a few letters misread leave one end whole,
        # and an edge line is compared with a few recurring lines, not all of a long book's
        index = self._fuzzy_keys(zone, with_folio)
        low = len(key) * FUZZY_RATIO / (2 - FUZZY_RATIO)
        high = len(key) * (2 - FUZZY_RATIO) / FUZZY_RATIO
        candidates: set[tuple[int, Key]] = {*index.get(("<", key[:FUZZY_END]), ()),
                                            *index.get((">", key[-FUZZY_END:]), ())}
        for _, other in sorted(candidates):  # the first in the book's order, as before
            if low <= len(other[1]) <= high and _small_variation(key, other[1]):
                return other
        return None

    def _fuzzy_keys(self, zone: str, with_folio: bool
                    ) -> dict[tuple[str, str], list[tuple[int, Key]]]:
        """The recurring keys at an edge, by their first and by their last letters."""
        cached = self._fuzzy.get((zone, with_folio))
        if cached is None:
            cached = self._fuzzy[(zone, with_folio)] = {}
            for position, other in enumerate(self.heads):
                if other[0] == zone and other[2] == with_folio and len(self.heads[other]) >= 2:
                    cached.setdefault(("<", other[1][:FUZZY_END]), []).append((position, other))
                    cached.setdefault((">", other[1][-FUZZY_END:]), []).append((position, other))
        return cached


def _habit(share: float) -> bool | None:
    """Set off by a blank line (True) or not (False), if the book holds to one habit."""
    if share >= BOOK_AGREEMENT:
        return True
    return False if share <= 1 - BOOK_AGREEMENT else None


@functools.lru_cache(maxsize=HEAD_KEY_CACHE)
def _beyond_numeral(key: str) -> str:
    """The key's letters but a roman numeral's, case aside (``CHAPTERXXVII.`` -> ``hapter``).

    >>> _beyond_numeral("CHAPTERXXVII.")
    'hapter'
    """
    return _ROMAN_OR_PUNCTUATION.sub("", key.casefold())


#: letter counts kept for this many keys: the recurring keys, compared with many edge lines,
#: stay (a counter is about a kilobyte: the cache outlives the document)
LETTERS_CACHE = 256


@functools.lru_cache(maxsize=LETTERS_CACHE)
def _letters(key: str) -> Counter[str]:
    """How often each character occurs in the key (callers must not change the counter)."""
    return Counter(key)


def _shared(a: Counter[str], b: Counter[str]) -> int:
    """How many characters two keys share, order aside: ``(a & b).total()``, counted without
    building the intersection."""
    shared = 0
    for char, count in a.items():
        other = b.get(char)
        if other:
            shared += count if count < other else other
    return shared


def _small_variation(a: str, b: str) -> bool:
    """Keys that differ by a few letters (OCR noise), but not only in case, punctuation or a
    roman numeral: ``STAVE ONE.`` is a heading, ``CHAPTER XXVII`` another chapter's head.

    >>> _small_variation("CHAPTERXXVII.", "CHAPTERXXVI"), _small_variation("ANENQUIRYCONCERNING",
    ... "ANENQUIRYC0NCERNING")
    (False, True)
    """
    if _beyond_numeral(a) == _beyond_numeral(b):
        return False
    # the cheap upper bounds first: difflib's real_quick_ratio and quick_ratio (the letters the
    # keys share, order aside), the same figures computed without building a matcher
    length = len(a) + len(b)
    if 2.0 * min(len(a), len(b)) / length < FUZZY_RATIO or (
            2.0 * _shared(_letters(a), _letters(b)) / length < FUZZY_RATIO):
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= FUZZY_RATIO


def gather(doc: Document) -> Evidence:
    heads: dict[Key, set[int]] = defaultdict(set)
    separated: dict[Key, dict[int, bool]] = defaultdict(dict)
    tops: dict[Key, dict[int, float]] = defaultdict(dict)
    # (page, folio, the key of the title printed with it, the title is set off by a glyph)
    folios: list[tuple[int, Folio, Key | None, bool]] = []
    zones: list[tuple[int, str, Folio]] = []  # where each page prints a number
    page_edges = {page.index: (page, edge_lines(page)) for page in doc.pages}
    edges = [edge for _, on_page in page_edges.values() for edge in on_page]
    titled = _titled(edges)
    for edge in edges:
        text, page = edge.line.text, edge.line.page
        folio, split = edge.folio, edge.split
        key = (edge.zone, edge.key, False)
        if split is not None and plausible_head(split, edge.zone, titled):
            # a head printed with its folio is known by its title and the folio: it is
            # no evidence for a line without one (`CHAPTER I` over `CHAPTER I · 3`)
            key = (edge.zone, folio_title_key(split[2]), True)
            folios.append((page, split[0], key,
                           bool(split[1].strip()) or (edge.zone == "top"
                                                      and _at_outer_corner(text, split[0]))))
            zones.append((page, edge.zone, split[0]))
        elif folio is not None:
            folios.append((page, folio, None, False))
            zones.append((page, edge.zone, folio))
        heads[key].add(page)
        # a page's first occurrence speaks for it (the head, not the heading under it)
        separated[key].setdefault(page, edge.separated)
        if edge.line.geometry is not None:
            tops[key].setdefault(page, edge.line.geometry.top)
    evidence = Evidence(len(doc.pages), _offsets(folios, heads), heads, separated, tops,
                         titled=titled, _edges=page_edges)
    for page, zone, folio in zones:
        if evidence.keeps_step(folio, page):
            evidence.folio_zones[page].add(zone)
    top = [edge for edge in edges if edge.zone == "top"]
    evidence.openings = _openings(doc, top)
    for edge in top:
        evidence.first_top.setdefault(edge.line.page, (edge.zone, edge.key, False))
    _book_habits(evidence)
    return evidence


def _openings(doc: Document, top: list[EdgeLine]) -> dict[Key, dict[int, bool | None]]:
    """For each top line: does the text under it open a sentence after a finished page?"""
    ends = [_last_words(page) for page in doc.pages]
    finished_pages = [bool(CLAUSE_END.search(end)) for end in ends]
    divided: dict[int, bool] = {}  # per page: a chapter label below its first line
    below_first: dict[int, list[str]] = {}  # per page: its filled lines below the first
    openings: dict[Key, dict[int, bool | None]] = defaultdict(dict)
    for edge in top:
        page = doc.pages[edge.line.page]
        before = ends[page.index - 1] if page.index else ""
        finished = finished_pages[page.index - 1] if page.index else False
        opening: bool | None = None
        # (the text under the line looked for only where the page before leaves it open)
        under = "" if before and not finished else next(
            (line.text for line in itertools.islice(page.lines, edge.line.number + 1, None)
             if line.text and parse_folio(line.text) is None), "")
        if (before and not finished) or under[:1].islower():
            opening = False
        elif finished and OPENS_CAPITAL.match(under) and not _heading_under(under, edge):
            previous = doc.pages[page.index - 1]
            filled = below_first.get(previous.index)
            if filled is None:  # (the page before's lines, listed and tested once)
                filled = below_first[previous.index] = _below_first(previous)
                divided[previous.index] = _divided(filled)
            if not divided[previous.index] and not _opened_before(filled, edge):
                opening = True
        openings[(edge.zone, edge.key, False)].setdefault(page.index, opening)
    return openings


def _below_first(page: Page) -> list[str]:
    """The text of the page's filled lines below its first."""
    return [line.text for line in page.lines if line.text][1:]


def _divided(filled: list[str]) -> bool:
    """The page before opens a chapter lower down: a chapter label below its first line
    (``filled``: its lines there, ``_below_first``)."""
    # (one pattern asked of each line, not two; called by map: no generator step per line)
    return any(map(_LABEL_LINE.match, filled))


def _opened_before(filled: list[str], edge: EdgeLine) -> bool:
    """The page before opens a chapter lower down (a chapter label, ``_divided``, or the
    line's title, below its first line: ``filled``, its lines there): the line is that
    chapter's first head, not its heading. This tests the title."""
    key = edge.key
    if not key:
        return False
    # a key opens the text's key only where its first and last characters are in the text
    return any(key[0] in text and key[-1] in text and head_key(text).startswith(key)
               for text in filled)


def _heading_under(under: str, edge: EdgeLine) -> bool:
    """A chapter label, or the title again, under the line: a head over the heading of a
    chapter that opens lower down the page."""
    key = edge.key
    return bool(DIVISION.match(under) or BARE_NUMERAL.match(under)
                or (key and head_key(under).startswith(key)))


def _last_words(page: Page) -> str:
    """The page's last line that is not a bare number."""
    return next((line.text.rstrip() for line in reversed(page.lines)
                 if line.text and parse_folio(line.text) is None), "")


def _titled(edges: list[EdgeLine]) -> set[tuple[str, str]]:
    """The titles printed beside an arabic folio or set off from one by a glyph, per edge,
    and those printed beside roman folios in step with the book's bare roman folios (front
    matter headed `vi Chapter 0. Preface` on verso pages, `vii` alone on recto ones) on at
    least ``ROMAN_HEAD_MIN_PAGES`` pages. Numbered headings (`LETTER III`, `LETTER IV`) may
    keep step with the pages by chance, but no bare folio of their offset stands elsewhere."""
    titled = set()
    roman: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
    bare: Counter[int] = Counter()
    for edge in edges:
        folio = edge.folio
        if folio is not None:
            if folio.style.startswith("roman"):
                bare[folio.value - edge.line.page] += 1
            continue
        split = edge.split
        if split is None:
            continue
        key = (edge.zone, head_key(split[2]))
        if plausible_head(split, edge.zone, set()):
            titled.add(key)
        elif split[0].style.startswith("roman"):
            roman[key][split[0].value - edge.line.page] += 1
    titled.update(key for key, offsets in roman.items() if any(
        count >= ROMAN_HEAD_MIN_PAGES and bare[offset] >= MIN_SEQUENCE_PAGES
        for offset, count in offsets.items()))
    return titled


def _at_outer_corner(text: str, folio: Folio) -> bool:
    """An arabic folio first on an even page or last on an odd one: where books print it, at
    the outer corner of the spread (a head that changes on every page is known by it)."""
    first = text.lstrip().startswith(folio.text)
    return folio.style == "arabic" and first == (folio.value % 2 == 0)


def _offsets(folios: list[tuple[int, Folio, Key | None, bool]],
             heads: dict[Key, set[int]]) -> Counter[tuple[str, int]]:
    seen: set[tuple[int, str, int]] = set()
    for page_index, folio, title, glyph in folios:
        # a number ending a body line is no folio unless its title recurs, a glyph sets it off
        # or it stands at the outer corner (and other pages agree: MIN_SEQUENCE_PAGES)
        if title is not None and len(heads[title]) < MIN_HEAD_PAGES and not glyph:
            continue
        seen.add((page_index, folio.style, folio.value - page_index))
    return Counter((style, offset) for _, style, offset in seen)


def _book_habits(evidence: Evidence) -> None:
    """How the book sets its recurring lines, per edge, told by the occurrences that follow
    one on the page before or the page of the same side before (a head runs over a chapter's
    pages): a first occurrence may be the chapter heading the heads repeat, and a drop cap's
    letter recurs too, but pages apart."""
    flags: dict[str, list[bool]] = defaultdict(list)
    tops: dict[str, list[float]] = defaultdict(list)
    for key, pages in evidence.heads.items():
        if len(pages) < 2 or not has_words(key[1]):  # (on one page, none follows another)
            continue
        for page in (p for p in pages if p - 1 in pages or p - 2 in pages):
            flags[key[0]].append(evidence.separated[key][page])
            if page in evidence.tops.get(key, {}):
                tops[key[0]].append(evidence.tops[key][page])
    evidence.book_separated = {zone: sum(f) / len(f) for zone, f in flags.items()}
    evidence.book_tops = {zone: statistics.median(t) for zone, t in tops.items()}


def plausible_head(split: tuple[Folio, str, str], zone: str,
                    titled: set[tuple[str, str]]) -> bool:
    """Roman numbers set off by spaces alone end too many words and lines (``I``, ``mix``):
    they count beside a title the book prints with its arabic folios (front matter in roman
    under the book's title)."""
    folio, separator, title = split
    return (folio.style == "arabic" or bool(separator.strip())
            or (zone, head_key(title)) in titled)



#: A catchword ends at the right margin, within this many type sizes of it (right-aligned
#: under justified lines; shandy-lualatex's end within 0.1).
CATCHWORD_MARGIN = 1.0
#: A signature mark beside a catchword is short: a letter and a number, perhaps the volume
#: (`B 3`, `Vol. II. C`); a longer piece on the catchword's line makes it no catchword line.
SIGNATURE_MAX_CHARACTERS = 10
#: Lines in type at least this share of the body's size are in the body's type (notes are
#: set at 0.8 of it in shandy-lualatex and most of the corpus; pdfium's sizes vary by 4%).
BODY_TYPE_SHARE = 0.9
#: Pieces whose tops lie within this many type sizes share a baseline.
BASELINE_TOLERANCE = 0.5


def catchword(page: Page, following: Page | None, right: float | None, body_size: float
              ) -> tuple[Line, tuple[Line, ...]] | None:
    """The page's catchword and the signature mark beside it, with geometry, or None.

    Hand-press books print the next page's first word alone at the right margin under the
    page's last line (a word broken over the page keeps its hyphen there: `incon-`), and
    under some pages the sheet's signature (`B 2`) on the same line, set apart from it. The
    catchword is the last piece of the bottom line in the body's type (notes in smaller type
    may stand under it): one word, right of the page's middle, ending
    at the right margin, and the first word of one of the next page's first two lines that
    are not a bare number; every other piece on its baseline is short.
    """
    if following is None or right is None or page.width is None:
        return None
    smallest = BODY_TYPE_SHARE * body_size
    placed = [(line, geometry) for line in page.lines if line.text
              and (geometry := line.geometry) is not None
              and (geometry.font_size or 0.0) >= smallest]
    if not placed:
        return None
    # the first of the lowest line: max() keeps the first of equal bottoms (as a NaN first)
    bottoms = [geometry.bottom for _, geometry in placed]
    low = placed[bottoms.index(max(bottoms))][1]
    size = low.font_size or 10.0
    reach, top = BASELINE_TOLERANCE * size, low.top
    row = sorted((line for line, geometry in placed if abs(geometry.top - top) <= reach),
                 key=lambda line: _geometry(line).x0)
    word, others = row[-1], tuple(row[:-1])
    geometry = _geometry(word)
    if (len(word.text.split()) != 1 or geometry.x0 <= page.width / 2
            or abs(geometry.x1 - right) > CATCHWORD_MARGIN * size
            or any(len(other.text) > SIGNATURE_MAX_CHARACTERS for other in others)):
        return None
    return (word, others) if _opens(following, word.text) else None


def _geometry(line: Line) -> Geometry:
    if line.geometry is None:  # pragma: no cover - callers keep placed lines only
        raise ValueError("a line without geometry")
    return line.geometry


def _opens(page: Page, word: str) -> bool:
    """The word (or its first part, hyphenated) begins one of the page's first two lines
    that are not a bare number."""
    starts = [line for line in sorted(
        (line for line in page.lines if line.text and line.geometry is not None),
        key=lambda line: _geometry(line).top) if parse_folio(line.text) is None][:2]
    wanted = _bare(word)
    for line in starts:
        first = _bare(line.text.split()[0])
        if wanted and (first == wanted or (word.endswith("-") and first.startswith(wanted))):
            return True
    return False


def _bare(word: str) -> str:
    """The word's letters, compatibility forms folded (`ﬆ`), case and edge punctuation gone."""
    return unicodedata.normalize("NFKC", word).casefold().strip("-.,;:!?'\"’‘“”()[]")
