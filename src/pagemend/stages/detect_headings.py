"""detect_headings: chapter, part and section headings, with levels, from text (and size).

A heading is a short body line at a block boundary (the top of a page, after a line that ends
a paragraph, or after another heading) that is one of:

- a numbered division: a division word and a numeral (``CHAPTER XXVI.``, ``Stave One``,
  ``SECTION X``), optionally with a title after a separator, or a numeral alone (``VIII``,
  ``I.``, ``§ 12``);
- a line in capitals (``PREFACE``, ``OF MIRACLES.``, ``LE GUN-CLUB``) followed by the start
  of a block;
- a title-case line without sentence punctuation (``War Crisis and the Collectivization of
  Agriculture``) followed by the start of a paragraph; a full stop is allowed at the top of a
  page (``De Zaan en Waterland.``). A short line that continues it (``and Militarization of
  Labor``) belongs to the same heading.

A heading line that runs on (no final punctuation, or a dash) continues onto the next heading
line: ``BUSINESS SUCCESS AND FIRST PUBLIC`` / ``SERVICE`` is one heading; a numeral alone
never runs on (``VIII`` and the title under it are two headings).

Levels form one hierarchy. Consecutive headings form a cluster. At the top of a page, the
cluster's division (its first heading, and the title right under a numeral) is level 1 and
what follows in the cluster is level 2. Elsewhere a cluster takes the level its numbering
had before (``PART II.`` after ``PART I.``); an unnumbered heading in the middle of a page is
a section inside a chapter, level 2; a numbered one never seen before opens a division,
level 1.

Where the reader had geometry, a short body line in type well above the body's is a heading
too (``HEADING_SIZE_RATIO``), at the level of the headings found in its size.

Leaves alone: lines inside verse, and every line that is not a heading.

    >>> from pagemend.readers import read_text
    >>> from pagemend.stages.measure_document import measure_document
    >>> prose = "the struggle was linked to domestic class struggle, to push the revolution on."
    >>> text = "\\n".join(["SECTION X", "OF MIRACLES.", "PART I.", *[prose] * 8,
    ...     "War Crisis and the Collectivization of Agriculture", "and Militarization of Labor",
    ...     "For Mao, " + prose])
    >>> doc = detect_headings(measure_document(read_text(text), None), None)
    >>> [(line.text, line.level) for line in doc.lines() if line.kind == "heading"]
    [('SECTION X', 1), ('OF MIRACLES.', 1), ('PART I.', 2), \
('War Crisis and the Collectivization of Agriculture', 2), ('and Militarization of Labor', 2)]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pagemend.data.headings import BARE_NUMERAL, DIVISION
from pagemend.data.punctuation import OPENS_CAPITAL, QUOTE_OPEN
from pagemend.layout import has_room, successors
from pagemend.model import Document, Line, replace
from pagemend.registry import stage

__all__ = ["DetectHeadingsConfig", "detect_headings"]

STAGE = "detect_headings"

#: A heading line is at most this share of the page's full line. The longest heading line
#: of the development corpus (a chapter title in capitals) runs to 0.75 of its full line.
HEADING_MAX_SHARE = 0.8
#: With the reader's geometry, a short body line in type this many times the body's or larger
#: is a heading (the corpus PDFs set their headings at 1.2 to 1.45 times the body's size, and
#: no other line above 1.0).
HEADING_SIZE_RATIO = 1.2
#: In a title-case heading at least this share of the words of four letters or more start
#: with a capital (`War Crisis and the Collectivization of Agriculture`: all four do).
TITLE_CASE_SHARE = 0.75

_TERMINAL = re.compile(r"[.!?:;,]['’\"”»)]*$")
_SENTENCE_END = re.compile(r"[.!?:;…]['’\"”»)\]]*(?:\d{1,3}|\^\d{1,3}|[*†‡])?$")
_RUNS_ON = re.compile(r"[—–-]$")
_QUOTE_CLOSE = re.compile(r"[’”»\"']\W*$")
_INTRODUCES = re.compile(r"[:,]$")


@dataclass(frozen=True, slots=True)
class DetectHeadingsConfig:
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class _Found:
    line: Line
    form: str  # "numeral", "division", "caps" or "title"
    numbering: str | None  # the division word, "roman", or None


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def _caps(text: str) -> bool:
    letters = _letters(text)
    return len(letters) >= 3 and letters.isupper()


def _title_case(text: str, allow_lower_start: bool = False) -> bool:
    words: list[str] = re.findall(r"[^\W\d_]+", text)
    long_words = [w for w in words if len(w) >= 4]
    if len(words) < 2 or not long_words:
        return False
    if not allow_lower_start and not words[0][0].isupper():
        return False
    capitalised = sum(w[0].isupper() for w in long_words)
    return bool(capitalised >= TITLE_CASE_SHARE * len(long_words))


def _form(line: Line) -> tuple[str, str | None] | None:
    """The heading form of a line taken alone, and its numbering type."""
    text = line.text
    if BARE_NUMERAL.match(text):
        return "numeral", "roman" if text[0] != "§" else "§"
    match = DIVISION.match(text)
    if match:
        return "division", match.group("keyword").casefold()
    if QUOTE_OPEN.match(text) or _QUOTE_CLOSE.search(text) or _INTRODUCES.search(text):
        return None  # a quoted line belongs to its quotation; `FROM DIARY:` introduces one
    if _caps(text):
        return "caps", None
    if _title_case(text) and not _SENTENCE_END.search(text.rstrip(".")):
        return "title", None
    return None


def _short(line: Line, full_line: int) -> bool:
    return not full_line or len(line.text) <= HEADING_MAX_SHARE * full_line


class _Scan:
    """Walks the prose lines once, deciding each against its neighbours (local scratch)."""

    def __init__(self, doc: Document) -> None:
        self.full = doc.stats.full_line_length if doc.stats else ()
        self.pairs = [(line, following) for line, following in successors(doc)
                      if line.kind == "paragraph"]
        self.found: list[_Found] = []

    def full_line(self, line: Line) -> int:
        return self.full[line.page] if line.page < len(self.full) else 0

    def run(self) -> list[_Found]:
        previous: Line | None = None
        for line, following in self.pairs:
            found = self._decide(line, previous, following)
            if found is not None:
                self.found.append(found)
            previous = line
        return self.found

    def _boundary_before(self, line: Line, previous: Line | None) -> bool:
        if previous is None or previous.page != line.page:
            return previous is None or not previous.glue_next
        if self.found and self.found[-1].line is previous:
            return True
        return bool(_SENTENCE_END.search(previous.text)) and not previous.glue_next

    def _decide(self, line: Line, previous: Line | None, following: Line | None) -> _Found | None:
        if line.glue_next or not _short(line, self.full_line(line)):
            return None
        continuing = self.found and self.found[-1].line is previous
        if continuing and self._continues_title(line, previous, following):
            return _Found(line, "title", None)
        form = _form(line) if self._boundary_before(line, previous) else None
        if form is None or not self._fits_context(form[0], line, previous, following):
            return None
        return _Found(line, *form)

    def _fits_context(self, form: str, line: Line, previous: Line | None,
                      following: Line | None) -> bool:
        if form == "title":
            return self._title_ok(line, previous, following)
        if form == "caps":
            return following is None or bool(OPENS_CAPITAL.match(following.text))
        return True

    def _title_ok(self, line: Line, previous: Line | None, following: Line | None) -> bool:
        top = previous is None or previous.page != line.page
        if line.text.endswith(".") and not top:
            return False
        if following is None:
            return True
        opens = bool(OPENS_CAPITAL.match(following.text)) or _form(following) is not None
        lower_continuation = _title_case(following.text, allow_lower_start=True)
        full = self.full_line(line)
        return (opens or lower_continuation) and (not full or has_room(line, following, full)
                                                  or _short(following, full))

    def _continues_title(self, line: Line, previous: Line | None,
                         following: Line | None) -> bool:
        """A lower-case line that finishes the title above it (`and Militarization of Labor`)."""
        before = self.found[-1]
        return (
            before.form in ("title", "caps") and previous is not None
            and not _TERMINAL.search(previous.text) and line.text[:1].islower()
            and _title_case(line.text, allow_lower_start=True)
            and (following is None or bool(OPENS_CAPITAL.match(following.text)))
        )


def _runs_on(found: _Found) -> bool:
    """A heading line continues onto the next: no final punctuation, or a dash. A numeral,
    or a division word with its numeral alone, is complete in itself."""
    if found.form == "numeral":
        return False
    match = DIVISION.match(found.line.text) if found.form == "division" else None
    if match is not None and not match.group("title"):
        return False
    text = found.line.text
    return bool(_RUNS_ON.search(text)) or not _TERMINAL.search(text)


def _clusters(found: list[_Found], doc: Document) -> list[list[_Found]]:
    order = {(line.page, line.number): i for i, (line, _) in enumerate(successors(doc))}
    clusters: list[list[_Found]] = []
    for item in found:
        index = order[(item.line.page, item.line.number)]
        if clusters:
            last = clusters[-1][-1].line
            if order[(last.page, last.number)] == index - 1:
                clusters[-1].append(item)
                continue
        clusters.append([item])
    return clusters


def _top_of_page(line: Line, doc: Document) -> bool:
    for other in doc.pages[line.page].lines:
        if other.text and other.role == "body":
            return other.number == line.number
    return False


def _base_level(first: _Found, doc: Document, known: dict[str, int]) -> int:
    if _top_of_page(first.line, doc):
        return 1
    if first.numbering is not None:
        return known.get(first.numbering, 1)
    return 2  # an unnumbered heading in mid-page: a section inside a chapter


def _levels(cluster: list[_Found], doc: Document, known: dict[str, int]) -> list[int]:
    """One level per heading line of the cluster (see the module docstring)."""
    base = _base_level(cluster[0], doc, known)
    levels: list[int] = []
    # the cluster's division is its first heading, and the title right under a numeral
    division_open = cluster[0].form in ("numeral", "division")
    for i, item in enumerate(cluster):
        previous = cluster[i - 1] if i else None
        if previous is not None and _runs_on(previous):
            level = levels[-1]  # the same heading, set on two lines
        elif previous is None:
            level = base
        elif division_open and item.form in ("caps", "title"):
            level, division_open = levels[-1], False
        else:
            division_open = False
            level = known.get(item.numbering, base + 1) if item.numbering else base + 1
        if item.numbering is not None:
            known.setdefault(item.numbering, level)
        levels.append(min(level, 6))
    return levels


@stage(STAGE, DetectHeadingsConfig, requires=("stats", "line.role"),
       assigns=("line.kind", "line.level"))
def detect_headings(doc: Document, config: DetectHeadingsConfig | None) -> Document:
    """Mark heading lines with their levels; see the module docstring."""
    changed: dict[tuple[int, int], Line] = {}
    known: dict[str, int] = {}
    for cluster in _clusters(_Scan(doc).run(), doc):
        levels = _levels(cluster, doc, known)
        for i, (item, level) in enumerate(zip(cluster, levels, strict=True)):
            same = i > 0 and _runs_on(cluster[i - 1])
            changed[(item.line.page, item.line.number)] = replace(
                item.line, kind="heading", level=level, starts_block=not same,
            )
    changed.update(_set_large(doc, changed))
    return doc.with_lines(changed)


def _size(line: Line) -> float:
    return round(line.geometry.font_size or 0.0, 1) if line.geometry else 0.0


def _set_large(doc: Document, found: dict[tuple[int, int], Line]) -> dict[tuple[int, int], Line]:
    """With the reader's geometry: short body lines set in type ``HEADING_SIZE_RATIO`` times
    the body's or larger are headings too, where the text alone did not say so. Lines of one
    size that follow each other on a page are one heading. Its level is that of the headings
    already found in its size; else one below each larger heading size of the document."""
    prose = [line for line in doc.lines() if line.text and line.role == "body"
             and line.kind == "paragraph" and line.geometry is not None]
    sizes = Counter(_size(line) for line in prose)
    if not sizes:
        return {}
    body = sizes.most_common(1)[0][0]
    full = doc.stats.document_full_line_length if doc.stats else 0
    large = [line for line in prose if (line.page, line.number) not in found
             and _size(line) >= HEADING_SIZE_RATIO * body
             and (not full or len(line.text) <= HEADING_MAX_SHARE * full)]
    if not large:
        return {}
    level_of = {_size(line): line.level for line in found.values() if line.level}
    ranks = sorted({*level_of, *(_size(line) for line in large)}, reverse=True)
    changed: dict[tuple[int, int], Line] = {}
    previous: Line | None = None
    for line in large:
        size = _size(line)
        level = level_of.get(size) or min(ranks.index(size) + 1, 6)
        same = previous is not None and previous.page == line.page and (
            previous.number + 1 == line.number and _size(previous) == size)
        changed[(line.page, line.number)] = replace(line, kind="heading", level=level,
                                                    starts_block=not same)
        previous = line
    return changed
