"""remove_running_heads: take running heads, folios and foot lines out of the text.

Evidence, page by page, from the edges inwards (at most ``ZONE_LINES`` non-blank lines at the
top and at the foot; the walk stops at the first line that is not furniture):

- a line holding only a page number (ornaments allowed: ``— 3 —``, ``[12]``) whose value
  keeps step with the physical page index, as the folios of other pages do (the same offset
  between printed number and page index on at least ``MIN_SEQUENCE_PAGES`` pages, counted
  separately for arabic and roman numbering, so front matter in roman and the body in arabic
  both work);
- a folio and a title on one line (``142 { China's Quest``, ``CHAPTER I · 3``,
  ``THE TITLE 23``): the folio keeps step, and the title recurs on other pages, or a
  separator glyph sets it off and it is short (the shape of a head, evidence enough on a
  single page);
- a line that recurs, digits and spacing aside, at the same edge of at least
  ``MIN_HEAD_PAGES`` pages (so different verso and recto heads, and heads on recto pages
  only, are found), and sits apart from the body (a blank line between, or not) and, with
  geometry, at the height the other occurrences do; where a line has fewer than two other
  occurrences (a chapter of one or two pages), it must sit as the book's heads sit, taken
  over every recurring line but its first occurrence (the first is where a heading and the
  head that repeats it can meet);
- a head printed on one page only: the top of the page prints a line, the folio, then the
  same line again (the head over the heading it repeats), or a short line set off as the
  book's heads are stands over a sentence that runs on from the previous page (no heading
  interrupts a sentence);
- a page whose edges print no folio: a line holding exactly the page's number in the book's
  folio sequence, wherever the reading order placed it (the foot of a column).

Leaves alone: a one-off heading at the top of a page (it does not recur: a chapter heading
``STAVE ONE.`` is not the running head ``STAVE ONE``), the heading under a head that repeats
its words (a page prints one head per edge), a body line that starts with a number (``1950
was a year`` has no separator and does not recur), a numbered item (``4.``: a head has
words), and everything past the first body line of each edge. Each removed line becomes an
edit holding it verbatim and a decision naming its rule; its role says what it was
(``running_head``, ``folio``, ``foot``).

    >>> from pagemend.readers import read_text
    >>> pages = ["12 | A Tale\\n\\nIt was the best of", "CHAPTER I · 13\\n\\ntimes.\\n1950 was"]
    >>> doc = remove_running_heads(read_text("\\f".join(pages)), RemoveRunningHeadsConfig())
    >>> [(line.text, line.role) for line in doc.lines() if line.text]
    [('12 | A Tale', 'running_head'), ('It was the best of', 'body'), \
('CHAPTER I · 13', 'running_head'), ('times.', 'body'), ('1950 was', 'body')]
"""

from __future__ import annotations

import difflib
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from pagemend.data.folios import SEPARATORS, Folio, parse_folio, split_head
from pagemend.data.headings import BARE_NUMERAL, DIVISION
from pagemend.data.punctuation import CLOSING_MARKS
from pagemend.model import Document, Edit, Line, LineRole, Page
from pagemend.registry import stage
from pagemend.rules import Changes, Rule, rule

__all__ = ["RemoveRunningHeadsConfig", "head_key", "remove_running_heads"]

STAGE = "remove_running_heads"

#: How many non-blank lines at each edge of a page may be furniture. Books print at most a
#: folio and a head (or two head lines) in each margin; three leaves room for a letter-spaced
#: head that extraction splits, and the walk stops at the first body line anyway.
ZONE_LINES = 3
#: A running head must recur on this many pages (a head printed on recto pages only, in a
#: two-page document, recurs once: the shape rule covers that).
MIN_HEAD_PAGES = 2
#: A folio offset (printed number minus page index) must hold on this many pages.
MIN_SEQUENCE_PAGES = 2
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
#: A head set off by a separator glyph is at most this share of the page's full line.
HEAD_MAX_SHARE = 0.7
#: With geometry, a recurring line is a head only where at least half of the other
#: occurrences sit: within this many font sizes of their top position.
POSITION_TOLERANCE = 1.0
#: A recurring line is a head only if shorter than this share of the page's full line: heads
#: are titles, set centred or at an edge, never a justified full line. The longest head of
#: the development corpus set within the measure runs to 0.7 of its full line.
RECURRING_MAX_SHARE = 0.9
#: ... unless it recurs verbatim at the same edge of this many pages: a long chapter title in
#: the head (vanityfair-groff's runs past the measure) repeats word for word, prose never does.
LONG_HEAD_MIN_PAGES = 3
#: The line under a one-page head that continues the previous page's sentence is body prose:
#: at least this share of the full line (a verse line or a title under a heading is shorter),
#: or the paragraph's last line, ending it. Development corpus (tomjones-groff): 0.9 to 1.0;
#: bacon-latex's OCR ends a chapter in one short line under its head.
RUN_ON_MIN_SHARE = 0.6

_ROMAN_OR_PUNCTUATION = re.compile(r"[ivxlcdm\W_]+")
#: a line that ends a sentence or a clause a display may follow (`as follows:`)
_CLAUSE_END = re.compile(rf"[.!?…:;][{re.escape(CLOSING_MARKS)}]*\S{{0,3}}$")

FOLIO_IN_SEQUENCE = rule(
    STAGE, "folio_in_sequence", "A line at a page's edge holding only a number (ornaments "
    "allowed) whose offset from the page index other pages' folios share is the folio.")
HEAD_WITH_RECURRING_TITLE = rule(
    STAGE, "head_with_folio_recurring", "A title printed on one line with a folio in sequence, "
    "recurring so at the same edge of other pages, is the running head.")
HEAD_WITH_FOLIO_SHAPE = rule(
    STAGE, "head_with_folio_shape", "A short title set off from a folio in sequence by a "
    "separator glyph is the running head, even on a single page.")
RECURRING_LINE = rule(
    STAGE, "recurring_line", "A line that recurs at the same edge of other pages, set off from "
    "the body and placed as they are, is a running head (top) or a foot line (bottom).")
HEAD_REPEATING_HEADING = rule(
    STAGE, "head_with_folio_repeating_heading", "A short title beside a folio in sequence that "
    "repeats the line opening the page before (the chapter's heading) is that chapter's "
    "running head, even on a single page.")
HEAD_OVER_ITS_HEADING = rule(
    STAGE, "head_over_its_heading", "Where the top of a page prints a line, the folio, then the "
    "same line again, the first is the running head and the second the heading it repeats.")
HEAD_OVER_RUNNING_SENTENCE = rule(
    STAGE, "head_over_running_sentence", "A short line at the top of a page, set off as the "
    "book's heads are, over a sentence running on from the previous page is the running head: "
    "no heading interrupts a sentence.")
FOLIO_OUT_OF_PLACE = rule(
    STAGE, "folio_out_of_place", "On a page whose edges print no folio, a line holding only the "
    "page's number in the book's folio sequence is the folio, wherever the reading order put it "
    "(the foot of a column).")

_Found = tuple[Rule, LineRole, str]
_Key = tuple[str, str, bool]


@dataclass(frozen=True, slots=True)
class RemoveRunningHeadsConfig:
    enabled: bool = True


def head_key(text: str) -> str:
    """A head's identity: digits, spacing and edge separators dropped; case and inner
    punctuation kept (the heading ``STAVE ONE.`` is not the head ``STAVE ONE``).

    >>> head_key("C HAP TER ONE"), head_key("2 · BIOGRAPHIA LITERARIA"), head_key("STAVE ONE.")
    ('CHAPTERONE', 'BIOGRAPHIALITERARIA', 'STAVEONE.')
    """
    key = re.sub(r"[\d\s]+", "", text)
    return key.strip(SEPARATORS)


def _has_words(key: str) -> bool:
    """A head is words: a key of digits and punctuation (``4.``, a numbered item) is none."""
    return any(ch.isalpha() for ch in key)


@dataclass(frozen=True, slots=True)
class _EdgeLine:
    line: Line
    zone: str  # "top" or "bottom"
    separated: bool  # a blank line stands between it and the body side


def _edge_lines(page: Page) -> list[_EdgeLine]:
    """The lines at the top (top down) and at the foot (bottom up), by position where the
    reader gave every line one, else in reading order; on a short page the two edges share
    lines, and whichever edge claims a line first keeps it."""
    lines = page.lines
    filled = [i for i, line in enumerate(lines) if line.text]
    placed = {i: geometry for i in filled if (geometry := lines[i].geometry) is not None}
    if filled and len(placed) == len(filled):  # by position: the reading order may set a
        # column's head or foot among the body lines
        top = sorted(filled, key=lambda i: (placed[i].top, i))[:ZONE_LINES]
        bottom = sorted(filled, key=lambda i: (-placed[i].bottom, -i))[:ZONE_LINES]
    else:
        top = filled[:ZONE_LINES]
        bottom = list(reversed(filled[-ZONE_LINES:]))

    def blank(i: int) -> bool:
        return 0 <= i < len(lines) and not lines[i].text

    return [_EdgeLine(lines[i], "top", blank(i + 1)) for i in top] + [
        _EdgeLine(lines[i], "bottom", blank(i - 1)) for i in bottom
    ]


@dataclass
class _Evidence:
    """What the whole document says about its furniture (scratch, local to this stage)."""

    pages: int
    offsets: Counter[tuple[str, int]]
    heads: dict[_Key, set[int]]
    separated: dict[_Key, dict[int, bool]]
    #: where each key's lines sit on their pages (top, in points), when the reader knew
    tops: dict[_Key, dict[int, float]] = field(default_factory=dict)
    #: per zone, the share of running lines (first occurrences aside) set off by a blank
    book_separated: dict[str, float] = field(default_factory=dict)
    #: per zone, the median top (points) of recurring lines (first occurrences aside)
    book_tops: dict[str, float] = field(default_factory=dict)
    #: (zone, title key) of the titles printed beside an arabic folio or glyph-set one
    titled: set[tuple[str, str]] = field(default_factory=set)

    def keeps_step(self, folio: Folio, page: int) -> bool:
        if self.pages == 1:
            return True
        return self.offsets[(folio.style, folio.value - page)] >= MIN_SEQUENCE_PAGES

    def sequence_value(self, style: str, page: int) -> int | None:
        """The number the book's best-supported folio sequence of a style gives a page."""
        supported = [(count, offset) for (s, offset), count in self.offsets.items()
                     if s == style and count >= MIN_SEQUENCE_PAGES]
        return max(supported)[1] + page if supported else None

    def recurs(self, edge: _EdgeLine, key: str, with_folio: bool) -> tuple[bool, str]:
        found = self._match(edge.zone, key, with_folio)
        if found is None:
            return False, ""
        others = [flag for page, flag in self.separated[found].items() if page != edge.line.page]
        if len(others) >= 2:
            disagree = sum(flag != edge.separated for flag in others) / len(others)
            if disagree >= SEPARATION_AGREEMENT:
                return False, ""
        elif not self.set_as_heads(edge):
            return False, ""
        if not self._same_place(edge, found):
            return False, ""
        return True, f"recurs at the {edge.zone} of {len(self.heads[found])} pages"

    def set_as_heads(self, edge: _EdgeLine) -> bool:
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

    def _same_place(self, edge: _EdgeLine, key: _Key) -> bool:
        """With geometry: a head sits where the other occurrences sit (a chapter heading that
        repeats the head's words stands lower, under the chapter's sink)."""
        geometry = edge.line.geometry
        others = [top for page, top in self.tops.get(key, {}).items() if page != edge.line.page]
        if geometry is None or len(others) < 2:
            return True
        tolerance = POSITION_TOLERANCE * (geometry.font_size or 10.0)
        near = sum(abs(geometry.top - top) <= tolerance for top in others)
        return near >= len(others) / 2

    def opened_by(self, key: str, page: int) -> int | None:
        """The page before, or the one before it, whose top printed this key alone (the
        heading that opened the chapter), or None."""
        pages = self.heads.get(("top", key, False), set())
        return next((p for p in (page - 1, page - 2) if p in pages), None)

    def verbatim_pages(self, zone: str, key: str) -> int:
        return len(self.heads.get((zone, key, False), ()))

    def _match(self, zone: str, key: str, with_folio: bool) -> _Key | None:
        exact = (zone, key, with_folio)
        if len(self.heads.get(exact, ())) >= MIN_HEAD_PAGES:
            return exact
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        for other in self.heads:
            if other[0] != zone or other[2] != with_folio or len(self.heads[other]) < 2:
                continue
            if _small_variation(key, other[1]):
                return other
        return None


def _habit(share: float) -> bool | None:
    """Set off by a blank line (True) or not (False), if the book holds to one habit."""
    if share >= BOOK_AGREEMENT:
        return True
    return False if share <= 1 - BOOK_AGREEMENT else None


def _small_variation(a: str, b: str) -> bool:
    """Keys that differ by a few letters (OCR noise), but not only in case, punctuation or a
    roman numeral: ``STAVE ONE.`` is a heading, ``CHAPTER XXVII`` another chapter's head.

    >>> _small_variation("CHAPTERXXVII.", "CHAPTERXXVI"), _small_variation("ANENQUIRYCONCERNING",
    ... "ANENQUIRYC0NCERNING")
    (False, True)
    """
    if _ROMAN_OR_PUNCTUATION.sub("", a.casefold()) == _ROMAN_OR_PUNCTUATION.sub("", b.casefold()):
        return False
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= FUZZY_RATIO and matcher.ratio() >= FUZZY_RATIO


def _gather(doc: Document) -> _Evidence:
    heads: dict[_Key, set[int]] = defaultdict(set)
    separated: dict[_Key, dict[int, bool]] = defaultdict(dict)
    tops: dict[_Key, dict[int, float]] = defaultdict(dict)
    # (page, folio, the key of the title printed with it, the title is set off by a glyph)
    folios: list[tuple[int, Folio, _Key | None, bool]] = []
    edges = [edge for page in doc.pages for edge in _edge_lines(page)]
    titled = _titled(edges)
    for edge in edges:
        text, page = edge.line.text, edge.line.page
        folio = parse_folio(text)
        split = split_head(text) if folio is None else None
        key = (edge.zone, head_key(text), False)
        if split is not None and _plausible_head(split, edge.zone, titled):
            # a head printed with its folio is known by its title and the folio: it is
            # no evidence for a line without one (`CHAPTER I` over `CHAPTER I · 3`)
            key = (edge.zone, head_key(split[2]), True)
            folios.append((page, split[0], key, bool(split[1].strip())))
        elif folio is not None:
            folios.append((page, folio, None, False))
        heads[key].add(page)
        # a page's first occurrence speaks for it (the head, not the heading under it)
        separated[key].setdefault(page, edge.separated)
        if edge.line.geometry is not None:
            tops[key].setdefault(page, edge.line.geometry.top)
    evidence = _Evidence(len(doc.pages), _offsets(folios, heads), heads, separated, tops,
                         titled=titled)
    _book_habits(evidence)
    return evidence


def _titled(edges: list[_EdgeLine]) -> set[tuple[str, str]]:
    """The titles printed beside an arabic folio or set off from one by a glyph, per edge."""
    titled = set()
    for edge in edges:
        split = split_head(edge.line.text)
        if split is not None and _plausible_head(split, edge.zone, set()):
            titled.add((edge.zone, head_key(split[2])))
    return titled


def _offsets(folios: list[tuple[int, Folio, _Key | None, bool]],
             heads: dict[_Key, set[int]]) -> Counter[tuple[str, int]]:
    seen: set[tuple[int, str, int]] = set()
    for page_index, folio, title, glyph in folios:
        # a number ending a body line is no folio unless its title recurs or a glyph sets it off
        if title is not None and len(heads[title]) < MIN_HEAD_PAGES and not glyph:
            continue
        seen.add((page_index, folio.style, folio.value - page_index))
    return Counter((style, offset) for _, style, offset in seen)


def _book_habits(evidence: _Evidence) -> None:
    """How the book sets its recurring lines, per edge, told by the occurrences that follow
    one on the page before or the page of the same side before (a head runs over a chapter's
    pages): a first occurrence may be the chapter heading the heads repeat, and a drop cap's
    letter recurs too, but pages apart."""
    flags: dict[str, list[bool]] = defaultdict(list)
    tops: dict[str, list[float]] = defaultdict(list)
    for key, pages in evidence.heads.items():
        if not _has_words(key[1]):
            continue
        for page in (p for p in pages if p - 1 in pages or p - 2 in pages):
            flags[key[0]].append(evidence.separated[key][page])
            if page in evidence.tops.get(key, {}):
                tops[key[0]].append(evidence.tops[key][page])
    evidence.book_separated = {zone: sum(f) / len(f) for zone, f in flags.items()}
    evidence.book_tops = {zone: statistics.median(t) for zone, t in tops.items()}


def _plausible_head(split: tuple[Folio, str, str], zone: str,
                    titled: set[tuple[str, str]]) -> bool:
    """Roman numbers set off by spaces alone end too many words and lines (``I``, ``mix``):
    they count beside a title the book prints with its arabic folios (front matter in roman
    under the book's title)."""
    folio, separator, title = split
    return (folio.style == "arabic" or bool(separator.strip())
            or (zone, head_key(title)) in titled)


def _shorter_than(text: str, share: float, full_line: int) -> bool:
    """True when the text is shorter than a share of the full line (or the line is unknown)."""
    return not full_line or len(text) <= share * full_line


def _head_with_folio(edge: _EdgeLine, evidence: _Evidence, full_line: int) -> _Found | None:
    split = split_head(edge.line.text)
    if split is None or not _plausible_head(split, edge.zone, evidence.titled):
        return None
    folio, _, title = split
    if not evidence.keeps_step(folio, edge.line.page):
        return None
    role: LineRole = "running_head" if edge.zone == "top" else "foot"
    recurs, why = evidence.recurs(edge, head_key(title), True)
    if recurs:
        return HEAD_WITH_RECURRING_TITLE, role, f"head with folio {folio.text}: title {why}"
    return _head_of_one_page(split, edge, evidence, full_line)


def _head_of_one_page(split: tuple[Folio, str, str], edge: _EdgeLine, evidence: _Evidence,
                      full_line: int) -> _Found | None:
    """A head with its folio that does not recur: its shape, or the heading it repeats."""
    folio, separator, title = split
    role: LineRole = "running_head" if edge.zone == "top" else "foot"
    if not _shorter_than(title, HEAD_MAX_SHARE, full_line):
        return None
    if separator.strip():
        return (HEAD_WITH_FOLIO_SHAPE, role,
                f"head with folio {folio.text}: a title of {len(title)} characters set off "
                f"by {separator.strip()!r}")
    opened = evidence.opened_by(head_key(title), edge.line.page)
    if opened is not None:  # the reading order may put it at either edge
        return (HEAD_REPEATING_HEADING, role,
                f"head with folio {folio.text}: the title opens page {opened}")
    return None


def _classify(edge: _EdgeLine, evidence: _Evidence, full_line: int) -> _Found | None:
    """The furniture role of an edge line, its rule and evidence, or None for a body line."""
    text = edge.line.text
    folio = parse_folio(text)
    if folio is not None:
        if evidence.keeps_step(folio, edge.line.page):
            return (FOLIO_IN_SEQUENCE, "folio",
                    f"page number {folio.text} keeps step with the other pages' folios")
        return None
    found = _head_with_folio(edge, evidence, full_line)
    key = head_key(text)
    if found is not None or not _has_words(key):
        return found
    if not (_shorter_than(text, RECURRING_MAX_SHARE, full_line)
            or evidence.verbatim_pages(edge.zone, key) >= LONG_HEAD_MIN_PAGES):
        return None
    recurs, why = evidence.recurs(edge, key, False)
    role: LineRole = "running_head" if edge.zone == "top" else "foot"
    return (RECURRING_LINE, role, f"line {why}") if recurs else None


def _head_over_its_heading(edge: _EdgeLine, top: list[_EdgeLine], evidence: _Evidence
                           ) -> _Found | None:
    """The top of the page holds the folio and a title twice: the head, then the heading (the
    folio above, beside or between them, or on the head's own line)."""
    page = edge.line.page
    numbers: list[Folio] = []
    titles: list[tuple[_EdgeLine, str]] = []
    for other in top:
        folio = parse_folio(other.line.text)
        split = split_head(other.line.text) if other is top[0] else None
        if folio is not None:
            numbers += [folio] if evidence.keeps_step(folio, page) else []
        elif split is not None and evidence.keeps_step(split[0], page):
            numbers.append(split[0])
            titles.append((other, head_key(split[2])))
        else:
            titles.append((other, head_key(other.line.text)))
    if (len(numbers) != 1 or len(titles) < 2 or titles[0][0] is not edge
            or titles[0][1].casefold() != titles[1][1].casefold()
            or not _has_words(titles[0][1])):
        return None
    return (HEAD_OVER_ITS_HEADING, "running_head",
            f"with folio {numbers[0].text}, over the heading that repeats it")


def _next_body(page: Page, after: int) -> Line | None:
    """The first filled line after a line that is not a bare number."""
    return next((line for line in page.lines[after + 1:]
                 if line.text and parse_folio(line.text) is None), None)


def _head_over_running_sentence(edge: _EdgeLine, page: Page, evidence: _Evidence,
                                full_line: int, previous_end: Line | None) -> _Found | None:
    """A short line over prose that runs on from the previous page's unfinished sentence; a
    chapter label (``CHAPTER I``, ``IV.``) has a heading's shape and needs more evidence (it
    recurs, when a head)."""
    text = edge.line.text
    if (edge.zone != "top" or previous_end is None or not full_line
            or "top" not in evidence.book_separated or not _has_words(head_key(text))
            or not _shorter_than(text, HEAD_MAX_SHARE, full_line)
            or _CLAUSE_END.search(previous_end.text.rstrip())
            or DIVISION.match(text) or BARE_NUMERAL.match(text)
            or not evidence.set_as_heads(edge)):
        return None
    body = _next_body(page, edge.line.number)
    if body is None or not body.text[:1].islower():
        return None
    if len(body.text) < RUN_ON_MIN_SHARE * full_line and not _CLAUSE_END.search(body.text):
        return None  # a short line runs on only to end its paragraph
    return (HEAD_OVER_RUNNING_SENTENCE, "running_head",
            f"{len(text)} characters, set off as the book's heads, over a sentence running on "
            f"from page {previous_end.page}")


def _folio_out_of_place(page: Page, found: dict[int, _Found], evidence: _Evidence
                        ) -> dict[int, _Found]:
    """The page's own number on a line of its own, where the edges gave no folio."""
    if any(role == "folio" or by in (HEAD_WITH_RECURRING_TITLE, HEAD_WITH_FOLIO_SHAPE)
           for by, role, _ in found.values()):
        return {}
    candidates = []
    for line in page.lines:
        folio = parse_folio(line.text) if line.text else None
        if folio is None or line.number in found:
            continue
        if folio.value == evidence.sequence_value(folio.style, page.index):
            candidates.append((line, folio))
    if len(candidates) != 1:
        return {}
    line, folio = candidates[0]
    return {line.number: (FOLIO_OUT_OF_PLACE, "folio",
                          f"page number {folio.text} is this page's place in the folio sequence, "
                          f"on line {line.number}")}


def _page_furniture(page: Page, evidence: _Evidence, full_line: int,
                    previous_end: Line | None) -> dict[int, _Found]:
    found: dict[int, _Found] = {}
    stopped: set[str] = set()
    heads: set[tuple[str, str]] = set()
    edges = _edge_lines(page)
    top = [edge for edge in edges if edge.zone == "top"]
    for edge in edges:
        if edge.zone in stopped or edge.line.number in found:
            continue
        key = (edge.zone, head_key(edge.line.text))
        decision = None
        if key not in heads:  # a page prints one head per edge: the repeat is its heading
            decision = (_classify(edge, evidence, full_line)
                        or _head_over_its_heading(edge, top, evidence)
                        or _head_over_running_sentence(edge, page, evidence, full_line,
                                                       previous_end))
        if decision is None:
            stopped.add(edge.zone)  # the first body line ends this edge's furniture
            continue
        found[edge.line.number] = decision
        if decision[1] != "folio":
            heads.add(key)
    return found | _folio_out_of_place(page, found, evidence)


def _last_body_line(page: Page, found: dict[int, _Found]) -> Line | None:
    return next((line for line in reversed(page.lines)
                 if line.text and line.number not in found), None)


_ACTIONS = {"folio": "remove_folio", "foot": "remove_foot", "running_head": "remove_running_head"}


@stage(STAGE, RemoveRunningHeadsConfig, requires=("stats",), assigns=("line.role",))
def remove_running_heads(doc: Document, config: RemoveRunningHeadsConfig) -> Document:
    """Mark and remove page furniture; see the module docstring."""
    evidence = _gather(doc)
    full_lines = doc.stats.full_line_length if doc.stats else ()
    changes = Changes()
    edits: list[Edit] = []
    previous_end: Line | None = None
    for page in doc.pages:
        full_line = full_lines[page.index] if page.index < len(full_lines) else 0
        found = _page_furniture(page, evidence, full_line, previous_end)
        for number, (by, role, reason) in sorted(found.items()):
            line = page.lines[number]
            changes.set(line, by, reason, role=role)
            edits.append(Edit(STAGE, _ACTIONS[role], page.index, number, line.text, "", reason))
        previous_end = _last_body_line(page, found) or previous_end
    return changes.apply(doc).with_edits(edits)
