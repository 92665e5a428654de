"""detect_block_quotes: quotations set off from the body, from text alone.

A block quote is set narrower than the body (indented on both sides, often in smaller type).
Page text loses the indent but keeps its trace: the quote's full lines hold fewer characters
than the body's. So the prose is cut into units at likely paragraph ends (a line with room
for the next word that ends a sentence, or one ending in a colon, or a blank line), and a
unit is quoted when its full lines are narrower than the body's by a margin that is both
real (``QUOTE_MIN_GAP``) and significant for its number of lines (``QUOTE_Z`` standard
errors of the body's own spread). A unit too short to measure (one or two lines, an elision
line ``....``) takes the side of its neighbours when both are quoted. Under a heading, only
an epigraph is a quote: the short run that ends with an attribution line
(``—Pudd'nhead Wilson's New Calendar.``); a chapter synopsis there is not. Two displayed
forms are found by shape: a one-line quotation set inside a sentence, and a letter quoted
after a colon, from its dateline to its signature.

Where the reader had geometry (PDF input), position decides instead of the text: a quotation
is set in from the body's left edge (the leftmost place where a good share of the prose lines
start, on each side of the spread), by at least ``SET_IN`` type sizes and by more than a
paragraph indent (the body's most common first-line set-in); every such prose line is a
quotation line, and no other is.

Inside a quotation, paragraphs are cut by the quotation's own measure: a line with room for
the next word that ends a sentence, a line before an elision, or a closing quote before an
opening one (a run of quoted advertisements).

Leaves alone: headings, verse and notes, and quotations run into the text.

    >>> from pagemend.readers import read_text
    >>> from pagemend.stages.measure_document import measure_document
    >>> body = "the alliance was to be upheld as the treaty said, and the Soviet leaders"
    >>> quote = "We cannot allow the illusion to be created among our enemies"
    >>> text = "\\n".join([body] * 6 + ["The CPSU response to the Chinese offer said:"]
    ...     + [quote] * 4 + ["on any Socialist state.", "Mao replied, " + body] + [body] * 3)
    >>> doc = detect_block_quotes(measure_document(read_text(text), None), None)
    >>> [line.kind for line in doc.lines()][6:13]
    ['paragraph', 'blockquote', 'blockquote', 'blockquote', 'blockquote', 'blockquote', \
'paragraph']
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from pagemend.breaks import ends_paragraph
from pagemend.data.punctuation import QUOTE_OPEN, SENTENCE_END
from pagemend.layout import OVERLONG_RATIO, first_word, has_room, percentile, printed, successors
from pagemend.model import Document, Line, replace
from pagemend.registry import stage

__all__ = ["DetectBlockQuotesConfig", "detect_block_quotes"]

STAGE = "detect_block_quotes"

#: The body's measure is this percentile of the lengths of all prose lines: high enough to
#: be the body's full line when half the words are quoted (amnotes-groff).
MEASURE_PERCENTILE = 0.8
#: Lines shorter than this share of the measure end paragraphs; they say nothing of width.
FULL_ISH_SHARE = 0.7
#: First pass: a unit whose full lines average at most this share of the measure is surely
#: quoted; the rest give the body's own mean width and spread.
SURE_QUOTE_RATIO = 0.9
#: Second pass: a unit is quoted when its mean width lies this many standard errors below
#: the body's mean (so long units need a small gap, short ones a large one)...
QUOTE_Z = 3.0
#: ...and at least this share below it, with a cue that a quotation begins (an introducing
#: colon, an opening quote mark, a quoted neighbour); without a cue, ``STRONG_GAP``. Lines of
#: one paragraph share its word lengths, so a body paragraph can run 5% narrower by chance
#: (douglass-xelatex); quotations sit 5-18% below their body in the development corpus.
QUOTE_MIN_GAP = 0.04
STRONG_GAP = 0.07
#: Without a cue, the strong gap must hold over this many full lines (three lines of one
#: numbered paragraph can run 8% narrow by chance: marcus-weasy).
STRONG_MIN_LINES = 4
#: An epigraph under a heading runs to at most this many lines, its attribution included.
EPIGRAPH_MAX_LINES = 8
#: Room test: the body's capacity is this percentile of prose line lengths; a unit of at
#: least ``MIN_ROOM_PAIRS`` lines where this share would have held the next word is narrow.
#: The seed page's quote: 5 of 8 lines would have; body paragraphs there: at most 1 of 4.
CAPACITY_PERCENTILE = 0.9
MIN_ROOM_PAIRS = 4
ROOM_SHARE = 0.6
#: A quotation displayed on one line is at most this share of the measure.
DISPLAY_MAX_SHARE = 0.85
#: A dateline (``Baltimore, 3 octobre.``) is at most this share of the measure, and a quoted
#: letter runs to at most this many lines before its signature.
DATELINE_MAX_SHARE = 0.5
LETTER_MAX_LINES = 60

#: With the reader's geometry: a quotation's lines are set in from the body's left edge by at
#: least this many type sizes (block quotes in the corpus PDFs: 1.3 to 2.2; lines that go on a
#: body paragraph sit at the edge, its first line one paragraph indent in)...
SET_IN = 1.0
#: Two left edges within this many type sizes of each other are the same place.
PLACE_TOLERANCE = 0.3
#: A page side (recto, verso) needs this many prose lines with geometry to have its own edge...
MIN_EDGE_LINES = 20
#: ...which is the leftmost place where at least this share of them start.
EDGE_SHARE = 0.1

_COLON_END = re.compile(r":['’\"”]?$")
_ELISION = re.compile(r"^(?:\.\s?){3,}$|^(?:\*\s*){3,}$")
_ATTRIBUTION = re.compile(r"^[—–-]\s?[A-ZÀ-Þ]")
_QUOTE_CLOSE = re.compile(r"[’”»\"'][.,;!?]?$")
_QUOTE_CLOSE_MARKED = re.compile(r"[’”»\"'][.,;:!?]?(?:\d{1,3}|[*†‡])?$")
#: a signature: two or more words in capitals (``IMPEY BARBICANE``, ``WENDELL PHILLIPS``)
_SIGNATURE = re.compile(r"\b[A-ZÀ-Þ]{2,}[.,]?\s+[A-ZÀ-Þ]{2,}\b")


@dataclass(frozen=True, slots=True)
class DetectBlockQuotesConfig:
    enabled: bool = True


def _measure(lines: list[Line], fraction: float = MEASURE_PERCENTILE) -> int:
    return percentile(printed([len(line.text) for line in lines]), fraction)


def _units(pairs: list[tuple[Line, Line | None]], full: tuple[int, ...]) -> list[list[Line]]:
    """Prose cut at likely paragraph ends, measured against each page's full line."""
    units: list[list[Line]] = [[]]
    for line, following in pairs:
        units[-1].append(line)
        if following is None:
            break
        page_full = full[line.page] if line.page < len(full) else 0
        ends = (
            following.kind != "paragraph" or line.kind != "paragraph"
            or _COLON_END.search(line.text) or _ELISION.match(line.text)
            or _ELISION.match(following.text)
            or (not line.glue_next and SENTENCE_END.search(line.text) is not None
                and (not page_full or has_room(line, following, page_full)))
        )
        if ends:
            units.append([])
    return [unit for unit in units if unit]


def _widths(unit: list[Line], measure: int) -> list[int]:
    """The widths of the unit's full lines but the last (a paragraph's last line is short),
    leaving out joined lines (see ``layout.printed``), which tell nothing of the width."""
    return [len(line.text) for line in unit[:-1]
            if FULL_ISH_SHARE * measure <= len(line.text) <= OVERLONG_RATIO * measure]


def _body_width(units: list[list[Line]], measure: int) -> tuple[float, float]:
    """Mean and spread of the body's full lines, leaving out the surely quoted units."""
    widths = []
    for unit in units:
        found = _widths(unit, measure)
        if unit[0].kind == "paragraph" and not (
            len(found) >= 2 and statistics.fmean(found) <= SURE_QUOTE_RATIO * measure
        ):
            widths.extend(found)
    if len(widths) < 2:
        return float(measure), 0.0
    return statistics.fmean(widths), statistics.pstdev(widths)


def _gap(widths: list[int], mean: float, spread: float) -> float:
    """How much narrower than the body the unit is (a share of the body's mean), or 0 when
    the difference is within chance for its number of lines."""
    if len(widths) < 2:
        return 0.0
    gap = mean - statistics.fmean(widths)
    return gap / mean if gap >= QUOTE_Z * spread / len(widths) ** 0.5 else 0.0


def _cued(units: list[list[Line]], i: int, quoted: list[bool]) -> bool:
    """Something says a quotation is here: a colon before it, an opening quote mark, or a
    quoted neighbour."""
    before = units[i - 1][-1].text if i else ""
    return (
        bool(_COLON_END.search(before)) or bool(QUOTE_OPEN.match(units[i][0].text))
        or (i > 0 and quoted[i - 1]) or (i + 1 < len(units) and quoted[i + 1])
    )


def _room_share(unit: list[Line], capacity: int) -> float:
    """Share of the unit's lines that would have held the next line's first word at the
    body's capacity: the body breaks a line for lack of room, a narrower quote earlier."""
    pairs = list(itertools.pairwise(unit))
    if len(pairs) < MIN_ROOM_PAIRS:
        return 0.0
    fits = sum(len(a.text) + 1 + len(first_word(b.text)) <= capacity for a, b in pairs)
    return fits / len(pairs)


def _introduced(units: list[list[Line]], i: int) -> bool:
    """The unit follows a line that ends with a colon (``said:``)."""
    return i > 0 and bool(_COLON_END.search(units[i - 1][-1].text))


def _weak(units: list[list[Line]], i: int, gap: float, capacity: int, quoted: list[bool]) -> bool:
    """Narrow by its mean width, or, right after a colon or a quoted unit, by the room its
    lines left. A speech that opens with a quote mark after a colon is run into the text: a
    set-off quotation needs no marks, its indent stands for them."""
    if gap >= QUOTE_MIN_GAP:
        return True
    return ((_introduced(units, i) or (i > 0 and quoted[i - 1]))
            and not QUOTE_OPEN.match(units[i][0].text)
            and _room_share(units[i], capacity) >= ROOM_SHARE)


def _quoted_units(units: list[list[Line]], measure: int, after_heading: list[bool]) -> list[bool]:
    mean, spread = _body_width(units, measure)
    capacity = _measure([line for unit in units for line in unit if line.kind == "paragraph"],
                        CAPACITY_PERCENTILE)
    prose = [unit[0].kind == "paragraph" and not after_heading[i] for i, unit in enumerate(units)]
    gaps = [_gap(_widths(unit, measure), mean, spread) if prose[i] else 0.0
            for i, unit in enumerate(units)]
    quoted = [gap >= STRONG_GAP and len(_widths(unit, measure)) >= STRONG_MIN_LINES
              for gap, unit in zip(gaps, units, strict=True)]
    changed = True
    while changed:  # a cue spreads from quoted units to narrow neighbours
        changed = False
        for i, gap in enumerate(gaps):
            if quoted[i] or not prose[i]:
                continue
            short = len(_widths(units[i], measure)) < 2
            sandwiched = short and 0 < i < len(units) - 1 and quoted[i - 1] and (
                quoted[i + 1] or bool(_ELISION.match(units[i][0].text)))
            if sandwiched or (_weak(units, i, gap, capacity, quoted) and _cued(units, i, quoted)):
                quoted[i] = changed = True
    return quoted


def _left_edges(prose: list[Line]) -> dict[int, float]:
    """The body's left edge on each side of the spread (page index parity: twoside layouts
    shift it): the leftmost place where a good share of the side's prose lines start, since
    a quotation only ever stands to the right of it. A side with too few lines takes the
    other's edge; without geometry, none."""
    sides: dict[int, Counter[int]] = {0: Counter(), 1: Counter()}
    for line in prose:
        if line.geometry is not None:
            sides[line.page % 2][round(line.geometry.x0)] += 1
    edges = {}
    for side, counts in sides.items():
        total = sum(counts.values())
        if total >= MIN_EDGE_LINES:
            edges[side] = float(min(x for x, n in counts.items() if n >= EDGE_SHARE * total))
    if len(edges) == 1:
        edges[1 - next(iter(edges))] = next(iter(edges.values()))
    return edges


def _paragraph_indent(prose: list[Line], edges: dict[int, float]) -> float:
    """The body's first-line indent in points: the most common set-in of lines followed on
    their page by a line at the body's edge: every paragraph's first line is so followed,
    but of a quotation's lines only the last."""
    indents: Counter[int] = Counter()
    for line, following in itertools.pairwise(prose):
        if line.geometry is None or following.geometry is None or line.page != following.page:
            continue
        edge = edges[line.page % 2]
        set_in = line.geometry.x0 - edge
        tolerance = PLACE_TOLERANCE * (line.geometry.font_size or 10.0)
        if set_in > tolerance and abs(following.geometry.x0 - edge) <= tolerance:
            indents[round(set_in)] += 1
    return float(indents.most_common(1)[0][0]) if indents else 0.0


def _set_in_lines(prose: list[Line], edges: dict[int, float], indent: float
                  ) -> set[tuple[int, int]]:
    """The prose lines the reader's geometry shows set in from the body's left edge by
    ``SET_IN`` type sizes or more, and not by just a paragraph ``indent``: quotation lines."""
    found = set()
    for line in prose:
        geometry = line.geometry
        if geometry is None or not geometry.font_size:
            continue
        left = geometry.x0 - edges[line.page % 2]
        if left >= SET_IN * geometry.font_size and (
                abs(left - indent) > PLACE_TOLERANCE * geometry.font_size):
            found.add((line.page, line.number))
    return found


def _epigraphs(pairs: list[tuple[Line, Line | None]]) -> set[tuple[int, int]]:
    """Lines under a heading up to an attribution line a few lines below."""
    found: set[tuple[int, int]] = set()
    lines = [line for line, _ in pairs]
    for i, line in enumerate(lines):
        if line.kind != "heading" or (i + 1 < len(lines) and lines[i + 1].kind == "heading"):
            continue
        run = lines[i + 1:i + 1 + EPIGRAPH_MAX_LINES]
        for j, candidate in enumerate(run):
            if candidate.kind != "paragraph":
                break
            if _ATTRIBUTION.match(candidate.text) and j > 0:
                found.update((x.page, x.number) for x in run[: j + 1])
                break
    return found


def _displayed_lines(pairs: list[tuple[Line, Line | None]], measure: int) -> set[tuple[int, int]]:
    """A one-line quotation set on its own line inside a sentence: it opens and closes with
    quote marks, the line before runs on into it, and the sentence resumes in lower case
    after it (``Empedocles' sphere,`` / ``"All round ... reposing;"`` / ``and if thou...``)."""
    found = set()
    lines = [line for line, _ in pairs]
    for i in range(1, len(lines) - 1):
        before, line, after = lines[i - 1], lines[i], lines[i + 1]
        if (
            line.kind == "paragraph" and len(line.text) <= DISPLAY_MAX_SHARE * measure
            and QUOTE_OPEN.match(line.text) and _QUOTE_CLOSE_MARKED.search(line.text)
            and not SENTENCE_END.search(before.text) and after.text[:1].islower()
        ):
            found.add((line.page, line.number))
    return found


def _quoted_letters(pairs: list[tuple[Line, Line | None]], measure: int) -> set[tuple[int, int]]:
    """A letter quoted in the text: after a colon, a dateline (``Baltimore, 3 octobre.``),
    then the letter, up to its signature (a name in capitals)."""
    found: set[tuple[int, int]] = set()
    lines = [line for line, _ in pairs]
    for i in range(1, len(lines)):
        if not (_COLON_END.search(lines[i - 1].text) and _is_dateline(lines[i], measure)):
            continue
        for j in range(i + 1, min(len(lines), i + 1 + LETTER_MAX_LINES)):
            if lines[j].kind not in ("paragraph", "letter"):
                break
            if _SIGNATURE.search(lines[j].text) and SENTENCE_END.search(lines[j].text):
                found.update((x.page, x.number) for x in lines[i:j + 1])
                break
    return found


def _is_dateline(line: Line, measure: int) -> bool:
    text = line.text
    return (len(text) <= DATELINE_MAX_SHARE * measure and "," in text
            and any(ch.isdigit() for ch in text) and text.endswith(".")
            and text[:1].isupper())


def _paragraph_starts(region: list[Line]) -> set[tuple[int, int]]:
    """Where quoted paragraphs open: by the quotation's own measure, at an elision, before
    an attribution, and where any paragraph would end (a new speaker, a list item...)."""
    measure = _measure(region)
    starts = {(region[0].page, region[0].number)}
    for line, following in itertools.pairwise(region):
        opens = (
            _ELISION.match(line.text) or _ELISION.match(following.text)
            or _ATTRIBUTION.match(following.text) or ends_paragraph(line, following, measure)
            or (_QUOTE_CLOSE.search(line.text) and QUOTE_OPEN.match(following.text))
        )
        if opens:
            starts.add((following.page, following.number))
    return starts


def _regions(lines: list[Line], quoted: set[tuple[int, int]]) -> list[list[Line]]:
    regions: list[list[Line]] = []
    previous_quoted = False
    for line in lines:
        is_quoted = (line.page, line.number) in quoted
        if is_quoted and previous_quoted:
            regions[-1].append(line)
        elif is_quoted:
            regions.append([line])
        previous_quoted = is_quoted
    return regions


def _quoted_by_text(pairs: list[tuple[Line, Line | None]], measure: int, doc: Document,
                    *, by_width: bool) -> set[tuple[int, int]]:
    """The quotation lines the text alone shows (see the module docstring); the narrow units
    only ``by_width`` (not needed where every prose line has geometry)."""
    found = _epigraphs(pairs) | _displayed_lines(pairs, measure) | _quoted_letters(pairs, measure)
    if by_width:
        units = _units(pairs, doc.stats.full_line_length if doc.stats else ())
        after_heading = [False] + [unit[-1].kind == "heading" for unit in units[:-1]]
        found |= {
            (line.page, line.number)
            for unit, is_quoted in zip(units, _quoted_units(units, measure, after_heading),
                                       strict=True)
            if is_quoted for line in unit
        }
    return found


@stage(STAGE, DetectBlockQuotesConfig, requires=("stats", "line.kind"),
       assigns=("line.kind",))
def detect_block_quotes(doc: Document, config: DetectBlockQuotesConfig | None) -> Document:
    """Mark block-quote lines and their paragraph starts; see the module docstring."""
    pairs = list(successors(doc))
    prose = [line for line, _ in pairs if line.kind == "paragraph"]
    measure = _measure(prose)
    if not measure:
        return doc
    edges = _left_edges(prose)
    # with the reader's geometry, a quotation's prose is what is set in, whatever the text says
    placed = {(line.page, line.number) for line in prose if line.geometry} if edges else set()
    quoted = _quoted_by_text(pairs, measure, doc, by_width=len(placed) < len(prose)) - placed
    if edges:
        quoted |= _set_in_lines(prose, edges, _paragraph_indent(prose, edges))
    changed: dict[tuple[int, int], Line] = {}
    for region in _regions([line for line, _ in pairs], quoted):
        starts = _paragraph_starts(region)
        for line in region:
            key = (line.page, line.number)
            changed[key] = replace(line, kind="blockquote", starts_block=key in starts)
    return doc.with_lines(changed)
