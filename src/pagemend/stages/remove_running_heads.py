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
  only, are found), and sits apart from the body (a blank line between, or not) the way the
  other occurrences do.

Leaves alone: a one-off heading at the top of a page (it does not recur: a chapter heading
``STAVE ONE.`` is not the running head ``STAVE ONE``), a body line that starts with a number
(``1950 was a year`` has no separator and does not recur), and everything past the first
body line of each edge. Each removed line becomes an edit holding it verbatim; its role says
what it was (``running_head``, ``folio``, ``foot``).

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
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from pagemend.data.folios import SEPARATORS, Folio, parse_folio, split_head
from pagemend.model import Document, Edit, Line, LineRole, Page, replace
from pagemend.registry import stage

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
#: the development corpus runs to 0.7 of its full line.
RECURRING_MAX_SHARE = 0.9

_ROMAN_OR_PUNCTUATION = re.compile(r"[ivxlcdm\W_]+")


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


@dataclass(frozen=True, slots=True)
class _EdgeLine:
    line: Line
    zone: str  # "top" or "bottom"
    separated: bool  # a blank line stands between it and the body side


def _edge_lines(page: Page) -> list[_EdgeLine]:
    """The lines at the top (top down) and at the foot (bottom up); on a short page the two
    edges share lines, and whichever edge claims a line first keeps it."""
    lines = page.lines
    filled = [i for i, line in enumerate(lines) if line.text]
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
    heads: dict[tuple[str, str, bool], set[int]]
    separated: dict[tuple[str, str, bool], dict[int, bool]]
    #: where each key's lines sit on their pages (top, in points), when the reader knew
    tops: dict[tuple[str, str, bool], dict[int, float]] = field(default_factory=dict)

    def keeps_step(self, folio: Folio, page: int) -> bool:
        if self.pages == 1:
            return True
        return self.offsets[(folio.style, folio.value - page)] >= MIN_SEQUENCE_PAGES

    def recurs(self, edge: _EdgeLine, key: str, with_folio: bool) -> tuple[bool, str]:
        found = self._match(edge.zone, key, with_folio)
        if found is None:
            return False, ""
        others = [flag for page, flag in self.separated[found].items() if page != edge.line.page]
        if len(others) >= 2:
            disagree = sum(flag != edge.separated for flag in others) / len(others)
            if disagree >= SEPARATION_AGREEMENT:
                return False, ""
        if not self._same_place(edge, found):
            return False, ""
        return True, f"recurs at the {edge.zone} of {len(self.heads[found])} pages"

    def _same_place(self, edge: _EdgeLine, key: tuple[str, str, bool]) -> bool:
        """With geometry: a head sits where the other occurrences sit (a chapter heading that
        repeats the head's words stands lower, under the chapter's sink)."""
        geometry = edge.line.geometry
        others = [top for page, top in self.tops.get(key, {}).items() if page != edge.line.page]
        if geometry is None or len(others) < 2:
            return True
        tolerance = POSITION_TOLERANCE * (geometry.font_size or 10.0)
        near = sum(abs(geometry.top - top) <= tolerance for top in others)
        return near >= len(others) / 2

    def _match(self, zone: str, key: str, with_folio: bool) -> tuple[str, str, bool] | None:
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
    heads: dict[tuple[str, str, bool], set[int]] = defaultdict(set)
    separated: dict[tuple[str, str, bool], dict[int, bool]] = defaultdict(dict)
    tops: dict[tuple[str, str, bool], dict[int, float]] = defaultdict(dict)
    # (page, folio, the key of the title printed with it, the title is set off by a glyph)
    folios: list[tuple[int, Folio, tuple[str, str, bool] | None, bool]] = []
    for page in doc.pages:
        for edge in _edge_lines(page):
            text = edge.line.text
            folio = parse_folio(text)
            split = split_head(text) if folio is None else None
            keys = [(edge.zone, head_key(text), False)]
            if split is not None and _plausible_head(split):
                # a head printed with its folio is known by its title and the folio: it is
                # no evidence for a line without one (`CHAPTER I` over `CHAPTER I · 3`)
                keys = [(edge.zone, head_key(split[2]), True)]
                folios.append((page.index, split[0], keys[-1], bool(split[1].strip())))
            elif folio is not None:
                folios.append((page.index, folio, None, False))
            for key in keys:
                heads[key].add(page.index)
                separated[key][page.index] = edge.separated
                if edge.line.geometry is not None:
                    tops[key][page.index] = edge.line.geometry.top
    offsets: Counter[tuple[str, int]] = Counter()
    seen: set[tuple[int, str, int]] = set()
    for page_index, folio, title, glyph in folios:
        # a number ending a body line is no folio unless its title recurs or a glyph sets it off
        if title is not None and len(heads[title]) < MIN_HEAD_PAGES and not glyph:
            continue
        seen.add((page_index, folio.style, folio.value - page_index))
    offsets.update((style, offset) for _, style, offset in seen)
    return _Evidence(len(doc.pages), offsets, heads, separated, tops)


def _plausible_head(split: tuple[Folio, str, str]) -> bool:
    """Roman numbers set off by spaces alone end too many words and lines (``I``, ``mix``)."""
    folio, separator, _ = split
    return folio.style == "arabic" or bool(separator.strip())



def _shorter_than(text: str, share: float, full_line: int) -> bool:
    """True when the text is shorter than a share of the full line (or the line is unknown)."""
    return not full_line or len(text) <= share * full_line


def _head_with_folio(edge: _EdgeLine, evidence: _Evidence, full_line: int) -> str | None:
    split = split_head(edge.line.text)
    if split is None or not _plausible_head(split):
        return None
    folio, separator, title = split
    if not evidence.keeps_step(folio, edge.line.page):
        return None
    recurs, why = evidence.recurs(edge, head_key(title), True)
    if recurs:
        return f"head with folio {folio.text}: title {why}"
    if separator.strip() and _shorter_than(title, HEAD_MAX_SHARE, full_line):
        return f"head with folio {folio.text}: a short title set off by {separator.strip()!r}"
    return None


def _classify(edge: _EdgeLine, evidence: _Evidence, full_line: int) -> tuple[LineRole, str] | None:
    """The furniture role of an edge line and the evidence for it, or None for a body line."""
    text = edge.line.text
    text_role: LineRole = "running_head" if edge.zone == "top" else "foot"
    folio = parse_folio(text)
    if folio is not None:
        if evidence.keeps_step(folio, edge.line.page):
            return "folio", f"page number {folio.text} keeps step with the other pages' folios"
        return None
    why = _head_with_folio(edge, evidence, full_line)
    if why is None and _shorter_than(text, RECURRING_MAX_SHARE, full_line) and head_key(text):
        recurs, found = evidence.recurs(edge, head_key(text), False)
        why = f"line {found}" if recurs else None
    return None if why is None else (text_role, why)


def _page_furniture(
    page: Page, evidence: _Evidence, full_line: int
) -> dict[int, tuple[LineRole, str]]:
    found: dict[int, tuple[LineRole, str]] = {}
    stopped: set[str] = set()
    for edge in _edge_lines(page):
        if edge.zone in stopped or edge.line.number in found:
            continue
        decision = _classify(edge, evidence, full_line)
        if decision is None:
            stopped.add(edge.zone)  # the first body line ends this edge's furniture
            continue
        found[edge.line.number] = decision
    return found


@stage(STAGE, RemoveRunningHeadsConfig, requires=("stats",), assigns=("line.role",))
def remove_running_heads(doc: Document, config: RemoveRunningHeadsConfig) -> Document:
    """Mark and remove page furniture; see the module docstring."""
    evidence = _gather(doc)
    full_lines = doc.stats.full_line_length if doc.stats else ()
    changed: dict[tuple[int, int], Line] = {}
    edits: list[Edit] = []
    for page in doc.pages:
        full_line = full_lines[page.index] if page.index < len(full_lines) else 0
        for number, (role, reason) in _page_furniture(page, evidence, full_line).items():
            line = page.lines[number]
            changed[(page.index, number)] = replace(line, role=role)
            action = {"folio": "remove_folio", "foot": "remove_foot"}.get(role,
                                                                           "remove_running_head")
            edits.append(Edit(STAGE, action, page.index, number, line.text, "", reason))
    return doc.with_lines(changed).with_edits(edits)
