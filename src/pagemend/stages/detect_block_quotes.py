"""detect_block_quotes: quotations set off from the body.

A block quote is set narrower than the body (indented on both sides, often in smaller type).
Page text loses the indent but keeps its trace: the quote's full lines hold fewer characters
than the body's. So the prose is cut into units at likely paragraph ends (a line with room
for the next word that ends a sentence, one ending in a colon, a line wholly in quote marks,
an attribution, a drop cap), and a unit is quoted when its full lines are narrower than the
body's by a margin that is both real (``QUOTE_MIN_GAP``) and significant for its number of
lines (``QUOTE_Z`` standard errors of the body's own spread). A quotation is prose, set
justified: a unit whose lines run ragged (``JUSTIFIED_SHARE``: wrapped verse, dash dialogue)
or open with capitals line after line (``VERSE_CAPITAL_SHARE``: verse) is none, nor is the
unit that opens a chapter (after its heading, its epigraph or its drop cap, whose neighbours
are set short). A narrow unit needs a cue: a colon before it, a quoted neighbour, or an
opening quote mark that does not close on the first line before the narration resumes
(``"Sir Humphry Davy?" said Mr. Brooke`` is speech run into the text). A unit too short to
measure takes the side of its neighbours when both are quoted. Three displayed forms are
found by shape: a one-line quotation set inside a sentence, a letter quoted after a colon,
from its dateline to its signature, and verse quoted after a colon in a column too narrow
for its lines, each verse line turned over onto a short line in lower case (joined: the
quotation is one block).

Where the reader had geometry (PDF input), position decides instead of the width: a
quotation is set in on both sides of the body's frame (per side of the spread, and per
column where a page has two): from the left edge by at least ``SET_IN`` type sizes, by more
than a paragraph indent and less than ``MAX_SET_IN_SHARE`` of the measure, and it stops
short of the right edge (lines beside a drop cap, a note's first line and a dateline set
right all reach it). A run of such lines is no quotation when it stands under a heading (a
synopsis), beside a drop cap, after a note's mark, or is a lone centred line or the turnover
of the line before, or reads as verse (detect_verse, which runs first, claims verse).

Either way, under a heading an epigraph is quoted: a few lines (prose or verse) closed by an
attribution line, after a dash (``—Pudd'nhead Wilson's New Calendar.``) or a name in
capitals (``HOBBES``), even where a heading or verse rule took that line; and an attribution
line right after any quotation closes it. Verse lines of an epigraph keep their kind.

Inside a quotation, paragraphs are cut by the quotation's own measure: a line with room for
the next word that ends a sentence, a line before an elision or an attribution, or a closing
quote before an opening one (a run of quoted advertisements).

Leaves alone: headings (but an attribution), verse (but an epigraph's attribution) and
notes, and quotations run into the text.

    >>> from pagemend.readers import read_text
    >>> from pagemend.stages.measure_document import measure_document
    >>> body = "the alliance was to be upheld as the treaty said, and the Soviet leaders"
    >>> quote = ["We cannot allow the illusion to be created among our enemies",
    ...     "that the alliance between our countries could be broken, or",
    ...     "that either of us would stand aside if war were to come to",
    ...     "the other; such an illusion would only invite an attack"]
    >>> text = "\\n".join([body] * 6 + ["The CPSU response to the Chinese offer said:"]
    ...     + quote + ["on any Socialist state.", "Mao replied, " + body] + [body] * 3)
    >>> doc = detect_block_quotes(measure_document(read_text(text), None), None)
    >>> [line.kind for line in doc.lines()][6:13]
    ['paragraph', 'blockquote', 'blockquote', 'blockquote', 'blockquote', 'blockquote', \
'paragraph']
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass

from pagemend.breaks import ends_paragraph
from pagemend.data.headings import DIVISION
from pagemend.data.notes import ENDNOTES_HEADING
from pagemend.data.punctuation import CLOSING_MARKS, QUOTE_OPEN, QUOTE_OPENERS, SENTENCE_END
from pagemend.layout import (
    FULL_BAND,
    OVERLONG_RATIO,
    first_word,
    has_room,
    percentile,
    printed,
    successors,
)
from pagemend.model import Document, Line
from pagemend.quotation_frames import (
    PLACE_TOLERANCE,
    SET_IN,
    Frame,
    body_frames,
    centred,
    frame_of,
    page_columns,
    reaches_right,
    set_in,
)
from pagemend.registry import stage
from pagemend.rules import Changes, Rule, rule

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
#: A quotation's lines but the last are justified: at least this share of them lie within
#: ``layout.FULL_BAND`` of their median length.
JUSTIFIED_SHARE = 0.6
#: Without a cue, the strong gap must hold over this many full lines (three lines of one
#: numbered paragraph can run 8% narrow by chance: marcus-weasy).
STRONG_MIN_LINES = 4
#: An epigraph under a heading runs to at most this many lines, its attribution included...
EPIGRAPH_MAX_LINES = 8
#: ...(at most this many lines before an attribution without a dash, a name in capitals:
#: rouge-groff's longest epigraph has three)...
NAME_EPIGRAPH_MAX_LINES = 4
#: ...and its attribution line is at most this share of the measure (the corpus's longest,
#: ``—The Maid's Tragedy: BEAUMONT AND FLETCHER.``, is 0.61 of middlemarch-weasy's measure).
ATTRIBUTION_MAX_SHARE = 0.75
#: Lines of verse open with capitals: a run (or unit) is verse when at least this share of
#: its lines after the first, and at least ``VERSE_MIN_LINES`` of them, do. Prose quotations
#: in the corpus: at most 0.33 (amnotes-groff, equator-xelatex); raetsel-groff's riddles,
#: devils-xelatex's wrapped verse: 0.75 to 1.0 (at the run's left edge).
VERSE_CAPITAL_SHARE = 0.7
VERSE_MIN_LINES = 3
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
#: A verse line too long for a narrow column runs to the page's measure (at least this share
#: of it, or breaks a word with a hyphen) before it is turned over...
TURNED_HEAD_SHARE = 0.85
#: ...onto a line of at most this share of the measure: the rest of the verse line, set to
#: the right (printings dta-abel-1699: 3 to 11 characters of a 36-character measure, 0.08 to
#: 0.31; the last line of a prose paragraph there closes a sentence, and a translation's
#: second line runs to 0.72)
TURNOVER_MAX_SHARE = 0.4

_COLON_END = re.compile(r":['’\"”]?$")
_ELISION = re.compile(r"^(?:\.\s?){3,}$|^(?:\*\s*){3,}$")
_ATTRIBUTION = re.compile(r"^[—–-]\s?[A-ZÀ-Þ]")
#: a name in capitals on a line of its own (``HOBBES``, ``ENNIUS.``)
#: the asterisk operator that LaTeX's footnote symbol extracts as (montaigne-latex,
#: mohicans-xelatex): a note mark after a sentence's end
_STAR = "∗"
#: what ``SENTENCE_END`` allows after a sentence's stop: its closing marks (``CLOSING_MARKS``
#: unescaped) and the characters of ``MARKER_TAIL``'s note markers (ASCII digits;
#: ``_may_end_sentence`` lets other digits through)
_AFTER_SENTENCE = CLOSING_MARKS.replace("\\", "") + "0123456789^*†‡"
_STOPS = frozenset(".!?…")
#: a note's mark on a line of its own, before the note's text
_NOTE_MARK = re.compile(r"^(?:[*∗†‡§¶]{1,3}|\d{1,3})$")
#: a drop cap: the chapter's first letter on a line of its own
_DROP_CAP = re.compile(r"^[A-ZÀ-Þ]$")
#: a number among the words (``LETTER IV``, ``BOOK 2``): a label, not a name
_NUMERAL = re.compile(r"\b(?:[IVXLC]+|\d+)\b")
_NAME_LINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ'’. -]*[A-ZÀ-Þ.]$")
#: the first letter of the line is a capital (after quote marks, brackets, dashes)
_OPENS_UPPER = re.compile(r"^[^\w]*[A-ZÀ-ÞΑ-Ω]")
#: a closing quote mark and the narration resuming in lower case (``…?" said Mr. Brooke``)
_SPEECH_CLOSE = re.compile(r"[’”»\"'][.,;:!?]?\s+[a-zà-þ]")
_QUOTE_CLOSE = re.compile(r"[’”»\"'][.,;!?]?$")
#: a line opens with a lower-case letter (a turned-over verse line's rest)
_OPENS_LOWER = re.compile(r"^[a-zß-ÿ]")
_QUOTE_CLOSE_MARKED = re.compile(r"[’”»\"'][.,;:!?]?(?:\d{1,3}|[*∗†‡])?$")
#: an item's number opens the line (``1. Der Körper``, ``IV) Die Bruchstücke``): numbered
#: items after a colon are an enumeration of the text, not a quotation (printings
#: dta-treviranus-1802, dta-neitschitz-1666, dta-glueck-1790); no quotation of the
#: development corpus or printings opens with one
_ITEM_NUMBER = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,6})[.)]\s+\S")
#: a signature: two or more words in capitals (``IMPEY BARBICANE``, ``WENDELL PHILLIPS``)
_SIGNATURE = re.compile(r"\b[A-ZÀ-Þ]{2,}[.,]?\s+[A-ZÀ-Þ]{2,}\b")

EPIGRAPH = rule(STAGE, "epigraph", "A short run under a heading that ends with an attribution "
                "line (`—Author`) is an epigraph: quoted, the attribution a paragraph of its own.")
DISPLAYED_LINE = rule(STAGE, "displayed_line", "A line that opens and closes with quote marks, "
                      "set inside a sentence that resumes in lower case after it, is a "
                      "displayed quotation.")
QUOTED_LETTER = rule(STAGE, "quoted_letter", "After a colon, a dateline and the lines up to a "
                     "signature in capitals are a quoted letter.")
NARROW_UNIT = rule(STAGE, "narrow_unit", "Prose whose full lines run clearly narrower than the "
                   "body's over several lines is set in on both sides: a quotation.")
NARROW_CUED_UNIT = rule(STAGE, "narrow_cued_unit", "Prose narrower than the body (by width or "
                        "by the room its lines left) after a cue (a colon, a quote mark, a "
                        "quoted neighbour) is a quotation.")
SANDWICHED_UNIT = rule(STAGE, "sandwiched_unit", "A unit too short to measure between two "
                       "quoted units (or before an elision) belongs to the quotation.")
TURNED_VERSE = rule(STAGE, "turned_verse", "After a line that ends with a colon, verse lines "
                    "too long for a narrow column, each opening with a capital and turned "
                    "over onto a short line in lower case (the first of them closing no "
                    "sentence), are a quotation set off from the text, its lines joined; a "
                    "last verse line that fits the column and closes the sentence belongs to "
                    "it.")
SET_IN_LINE = rule(STAGE, "set_in", "With geometry, a prose line set in from the body's left "
                   "edge by more than a paragraph indent is a quotation line.")
QUOTE_ATTRIBUTION = rule(STAGE, "attribution", "A short attribution line (`—Shakespeare`, a "
                         "name in capitals) right after a quotation closes it, as a quoted "
                         "paragraph of its own.")
QUOTE_OPENS = rule(STAGE, "quote_opens", "A quotation opens a block of its own, whatever "
                   "the line before it.")
QUOTE_PARAGRAPH = rule(STAGE, "quote_paragraph", "Inside a quotation a paragraph opens where "
                       "the quotation's own measure ends one, at an elision, before an "
                       "attribution, or between a closing and an opening quote mark.")
QUOTE_LINE_GOES_ON = rule(STAGE, "quote_line_goes_on", "Inside a quotation, a line that opens "
                          "no paragraph goes on the one before.", confirms=True)

#: why a line is quoted: the rule and its evidence in words
Found = dict[tuple[int, int], tuple[Rule, str]]


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
        text = line.text
        # each pattern runs only where its first or last characters allow a match
        ends = (
            following.kind != "paragraph" or line.kind != "paragraph"
            or (":" in text[-3:] and _COLON_END.search(text))
            or (text[:1] in ".*" and _ELISION.match(text))
            or (following.text[:1] in ".*" and _ELISION.match(following.text))
            or (len(text) <= 2 and _DROP_CAP.match(text))
            or (text[:1] in QUOTE_OPENERS and _QUOTE_CLOSE_MARKED.search(text))
            or (text[:1] in "—–-" and _ATTRIBUTION.match(text) and page_full
                and len(text) <= ATTRIBUTION_MAX_SHARE * page_full)
            or (not line.glue_next and _may_end_sentence(stripped := text.rstrip(_STAR))
                and SENTENCE_END.search(stripped) is not None
                and (not page_full or has_room(line, following, page_full)))
        )
        if ends:
            units.append([])
    return [unit for unit in units if unit]


def _may_end_sentence(text: str) -> bool:
    """Whether ``SENTENCE_END`` may find the text's end (a cheap test first): with the marks
    that may follow a sentence's end taken off the end (closing marks, a note marker's
    characters; a line break after them), a sentence's stop is left last, or a digit of
    another script that a marker's ``\\d`` may be.

    >>> [_may_end_sentence(t) for t in ("so it was.", "end.\\u201d12", "1.23", "and so", "")]
    [True, True, True, False, False]
    """
    if text.endswith("\n"):
        text = text[:-1]
    last = text.rstrip(_AFTER_SENTENCE)[-1:]
    return last in _STOPS or last.isdigit()


def _widths(unit: list[Line], measure: int) -> list[int]:
    """The widths of the unit's full lines but the last (a paragraph's last line is short),
    leaving out joined lines (see ``layout.printed``), which tell nothing of the width."""
    return [len(line.text) for line in unit[:-1]
            if FULL_ISH_SHARE * measure <= len(line.text) <= OVERLONG_RATIO * measure]


def _justified(unit: list[Line]) -> bool:
    """Most of the unit's lines but the last hold nearly the same number of characters (the
    justified lines of a paragraph; verse and dialogue run ragged). Robust to a few short
    lines (a paragraph's end inside the unit, a line an OCR engine split) and to lines an
    extractor joined (``layout.printed``)."""
    if len(unit) < 3:
        return True  # fewer than two lines before the last: nothing to compare
    lengths = printed([len(line.text) for line in unit[:-1]])
    if len(lengths) < 2:
        return True
    middle = statistics.median(lengths)
    close = sum(abs(length - middle) <= FULL_BAND * middle for length in lengths)
    return close >= JUSTIFIED_SHARE * len(lengths)


def _body_width(units: list[list[Line]], measure: int, unit_widths: list[list[int]]
                ) -> tuple[float, float]:
    """Mean and spread of the body's full lines, leaving out the surely quoted units
    (``unit_widths``: each unit's ``_widths``)."""
    widths = []
    for unit, found in zip(units, unit_widths, strict=True):
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
    """Something says a quotation is here: a colon before it, an opening quote mark (not
    speech closed on its first line), or a quoted neighbour."""
    before = units[i - 1][-1].text if i else ""
    return (
        bool(_COLON_END.search(before)) or _marked(units[i])
        or (i > 0 and quoted[i - 1]) or (i + 1 < len(units) and quoted[i + 1])
    )


def _marked(unit: list[Line]) -> bool:
    """The unit opens with a quote mark that does not close on its first line before the
    narration resumes (``"Sir Humphry Davy?" said Mr. Brooke``: speech run into the text)."""
    first = unit[0].text
    return bool(QUOTE_OPEN.match(first)) and not _SPEECH_CLOSE.search(first, 1)


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
    set-off quotation needs no marks, its indent stands for them; but after a quoted unit a
    quote mark opens the quotation's next paragraph (equator-xelatex's quoted story)."""
    if gap >= QUOTE_MIN_GAP:
        return True
    return ((i > 0 and quoted[i - 1]) or (
                _introduced(units, i) and not QUOTE_OPEN.match(units[i][0].text))
            ) and _room_share(units[i], capacity) >= ROOM_SHARE


def _quoted_units(units: list[list[Line]], measure: int, opening: list[bool]
                  ) -> list[tuple[Rule, str] | None]:
    """For each unit, the rule that found it quoted and its evidence, or None: never a
    chapter's opening unit (``opening``) nor one that reads as verse."""
    widths = [_widths(unit, measure) for unit in units]  # asked again and again below
    mean, spread = _body_width(units, measure, widths)
    capacity = _measure([line for unit in units for line in unit if line.kind == "paragraph"],
                        CAPACITY_PERCENTILE)
    prose = [unit[0].kind == "paragraph" and not opening[i] and _justified(unit)
             and not _verse_like(unit) and not _enumerated(unit, measure)
             for i, unit in enumerate(units)]
    gaps = [_gap(widths[i], mean, spread) if prose[i] else 0.0 for i in range(len(units))]
    quoted: list[tuple[Rule, str] | None] = [
        (NARROW_UNIT, f"{len(found)} full lines {gap:.0%} narrower than the "
                      f"body's {mean:.0f} characters")
        if gap >= STRONG_GAP and len(found) >= STRONG_MIN_LINES else None
        for gap, found in zip(gaps, widths, strict=True)]
    is_quoted = [q is not None for q in quoted]  # kept in step: one list, not one per unit
    changed = True
    while changed:  # a cue spreads from quoted units to narrow neighbours
        changed = False
        for i, gap in enumerate(gaps):
            if quoted[i] or not prose[i]:
                continue
            found = _spread(units, i, gap, (len(widths[i]), capacity), is_quoted)
            if found:
                quoted[i], is_quoted[i], changed = found, True, True
    return quoted


def _enumerated(unit: list[Line], measure: int) -> bool:
    """The unit's first line, or its first full line, opens with an item's number (short
    lines before it, a folio or a catchword the furniture stage missed, say nothing)."""
    if _ITEM_NUMBER.match(unit[0].text):
        return True
    full_ish = FULL_ISH_SHARE * measure
    for line in unit:  # (a loop, not a generator: asked of every unit)
        if len(line.text) >= full_ish:
            return bool(_ITEM_NUMBER.match(line.text))
    return False


def _spread(units: list[list[Line]], i: int, gap: float, measures: tuple[int, int],
            quoted: list[bool]) -> tuple[Rule, str] | None:
    """Unit ``i`` quoted for its quoted neighbours, or for its narrowness after a cue
    (``measures``: the count of the unit's full lines, ``_widths``, and the capacity)."""
    full_lines, capacity = measures
    short = full_lines < 2
    if short and 0 < i < len(units) - 1 and quoted[i - 1] and (
            quoted[i + 1] or bool(_ELISION.match(units[i][0].text))):
        return SANDWICHED_UNIT, f"{len(units[i])} lines between quoted units"
    if _weak(units, i, gap, capacity, quoted) and _cued(units, i, quoted):
        return NARROW_CUED_UNIT, f"{gap:.0%} narrower than the body, after a cue"
    return None


def _set_in_lines(lines: list[Line], frames: dict[int, Frame]) -> Found:
    """The prose lines the reader's geometry shows set in on both sides, in runs that are
    neither a synopsis, nor lines beside a drop cap, nor a note, nor a lone centred line, nor
    the turnover of a line that ran full, nor verse (detect_verse claims that first)."""
    found: Found = {}
    columns = page_columns(lines, frames)
    runs: list[list[int]] = []
    for i in _set_in_candidates(lines, columns):
        line = lines[i]
        frame = frame_of(line, columns)
        if frame is not None and set_in(line, frame):
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    for run in runs:
        members = [lines[i] for i in run]
        frame = frame_of(members[0], columns)
        assert frame is not None
        why = _rejected_run(run, lines, frame)
        if why:
            continue  # set-in verse is detect_verse's: it runs first
        by = SET_IN_LINE
        for line in members:
            geometry = line.geometry
            assert geometry is not None
            found[(line.page, line.number)] = (
                by, f"set in {geometry.x0 - frame.left:.1f} pt from the body's left edge and "
                    f"{frame.right - geometry.x1:.1f} pt from its right, in a run of {len(run)} "
                    "lines")
    return found


def _set_in_candidates(lines: list[Line], columns: dict[int, tuple[Frame, ...]]) -> list[int]:
    """The indices of the prose lines that may be set in (a cheap test first): set in by
    ``SET_IN`` type sizes from the leftmost column's edge of their page, as a line set in from
    its own column's edge is (the columns' edges lie at or right of it)."""
    lefts = {page: min(frame.left for frame in frames) for page, frames in columns.items()}
    return [i for i, line in enumerate(lines)
            if line.kind == "paragraph" and line.geometry is not None
            and line.geometry.font_size and line.page in lefts
            and line.geometry.x0 - lefts[line.page] >= SET_IN * line.geometry.font_size]


def _rejected_run(run: list[int], lines: list[Line], frame: Frame) -> str:
    """Why a run of set-in lines is no quotation, or '' when it is one."""
    members = [lines[i] for i in run]
    before = lines[run[0] - 1] if run[0] else None
    after = lines[run[-1] + 1] if run[-1] + 1 < len(lines) else None
    near = [x.text for x in (before, after) if x is not None]
    lone = len(run) == 1
    reasons = (
        (_verse_like(members), "verse"),
        # an epigraph under its heading is found by its attribution
        (before is not None and before.kind == "heading" and not _DROP_CAP.match(before.text),
         "a synopsis under its heading"),
        (any(_DROP_CAP.match(text) for text in near), "the lines beside a drop cap"),
        (any(_NOTE_MARK.match(x.text) for x in (before, members[0]) if x is not None),
         "a note after its mark"),
        (lone and centred(members[0], frame), "a centred line"),
        (lone and before is not None and (
            reaches_right(before, frame) or not _OPENS_UPPER.match(members[0].text)),
         "the turnover of the line before"),
    )
    return next((reason for rejected, reason in reasons if rejected), "")


def _epigraphs(lines: list[Line], measure: int) -> Found:
    """Under a heading, one or more epigraphs: a few lines (prose or verse) and the
    attribution line that closes each. Verse lines keep their kind; the prose and the
    attribution are quoted (an attribution a heading or verse rule claimed included)."""
    found: Found = {}
    for i, line in enumerate(lines):
        if line.kind != "heading" or (i + 1 < len(lines) and lines[i + 1].kind == "heading"):
            continue
        start = i + 1
        while start < len(lines):
            end = _attribution_after(lines, start, measure)
            if end is None:
                break
            evidence = f"{end - start + 1} lines under a heading, the last an attribution"
            found.update({(x.page, x.number): (EPIGRAPH, evidence)
                          for x in lines[start:end + 1] if x.kind != "verse" or x is lines[end]})
            start = end + 1
    return found


def _attribution_after(lines: list[Line], start: int, measure: int) -> int | None:
    """The index of the attribution line that closes an epigraph opening at ``start``, or
    None: the lines before it are prose or verse, and none opens with a speaker's dash."""
    for j in range(start, min(len(lines), start + EPIGRAPH_MAX_LINES)):
        candidate = lines[j]
        if j > start and _is_attribution(candidate, measure) and (
                _ATTRIBUTION.match(candidate.text) or j - start <= NAME_EPIGRAPH_MAX_LINES):
            return j
        if candidate.kind not in ("paragraph", "verse") or _ATTRIBUTION.match(candidate.text):
            return None
    return None


def _is_attribution(line: Line, measure: int) -> bool:
    """A short line that names a quotation's source (see ``_names_source``)."""
    return len(line.text) <= ATTRIBUTION_MAX_SHARE * measure and _names_source(line.text)


def _names_source(text: str) -> bool:
    """The text names a source: after a dash (``—Shakespeare``) or as a name in capitals
    (``HOBBES``; not a label with a number, ``LETTER IV``, ``CHAPTER THREE``)."""
    first = text[:1]
    if not ("A" <= first <= "Z" or "À" <= first <= "Þ" or first in "—–-"):
        return False  # (cheap first) both patterns open with a dash or a capital
    return bool(_ATTRIBUTION.match(text) or (
        _NAME_LINE.match(text) and not _NUMERAL.search(text) and not DIVISION.match(text)
        and not ENDNOTES_HEADING.match(text)
        and sum(map(str.isalpha, text)) >= 3))


def _attributions(lines: list[Line], quoted: Found, measure: int) -> Found:
    """The attribution lines that close a quotation (set right or at its edge), also where
    a heading rule took the short line for a heading."""
    found: Found = {}
    for before, line in itertools.pairwise(lines):
        if (line.kind in ("paragraph", "heading") and (before.page, before.number) in quoted
                and (line.page, line.number) not in quoted and _is_attribution(line, measure)):
            found[(line.page, line.number)] = (
                QUOTE_ATTRIBUTION, f"a {len(line.text)}-character attribution after a quotation")
    return found


def _verse_like(lines: list[Line]) -> bool:
    """The lines read as verse, not prose: those that start at the run's left edge (turnover
    lines of wrapped verse stand further in) open with a capital, line after line, where a
    quotation's prose runs on from line to line."""
    if len(lines) <= VERSE_MIN_LINES:
        return False  # (the cheap test first) too few lines after the first, whatever they are
    geometries = [line.geometry for line in lines]
    if all(geometries):
        left = min(g.x0 for g in geometries if g)
        starts = [line for line in lines[1:] if line.geometry and (
            line.geometry.x0 - left <= PLACE_TOLERANCE * (line.geometry.font_size or 10.0))]
    else:
        starts = lines[1:]
    if len(starts) < VERSE_MIN_LINES:
        return False
    capitals = sum(bool(_OPENS_UPPER.match(line.text)) for line in starts)
    return capitals >= VERSE_CAPITAL_SHARE * len(starts)


def _displayed_lines(lines: list[Line], measure: int) -> Found:
    """A one-line quotation set on its own line inside a sentence: it opens and closes with
    quote marks, the line before runs on into it, and the sentence resumes in lower case
    after it (``Empedocles' sphere,`` / ``"All round ... reposing;"`` / ``and if thou...``)."""
    found: Found = {}
    longest = DISPLAY_MAX_SHARE * measure
    # (the cheap tests first, in one comprehension)
    for i in [i for i, line in enumerate(lines) if line.kind == "paragraph"
              and len(line.text) <= longest and 0 < i < len(lines) - 1]:
        before, line, after = lines[i - 1], lines[i], lines[i + 1]
        if (
            QUOTE_OPEN.match(line.text) and _QUOTE_CLOSE_MARKED.search(line.text)
            and not SENTENCE_END.search(before.text) and after.text[:1].islower()
        ):
            found[(line.page, line.number)] = (
                DISPLAYED_LINE, f"{len(line.text)} of {measure} characters in quote marks, "
                                "inside a sentence")
    return found


def _quoted_letters(lines: list[Line], after_colon: list[int], measure: int) -> Found:
    """A letter quoted in the text: after a colon, a dateline (``Baltimore, 3 octobre.``),
    then the letter, up to its signature (a name in capitals). ``after_colon``: the indices of
    the lines after a colon (``_after_colon``)."""
    found: Found = {}
    for i in after_colon:
        if not _is_dateline(lines[i], measure):
            continue
        for j in range(i + 1, min(len(lines), i + 1 + LETTER_MAX_LINES)):
            if lines[j].kind not in ("paragraph", "letter"):
                break
            if _SIGNATURE.search(lines[j].text) and SENTENCE_END.search(lines[j].text):
                evidence = f"a letter of {j - i + 1} lines from dateline to signature"
                found.update({(x.page, x.number): (QUOTED_LETTER, evidence)
                              for x in lines[i:j + 1]})
                break
    return found


def _after_colon(lines: list[Line]) -> list[int]:
    """The indices of the lines after a line that ends with a colon (``_COLON_END``, asked
    only where a colon is among the last three characters)."""
    return [i + 1 for i, line in enumerate(lines[:-1])
            if ":" in line.text[-3:] and _COLON_END.search(line.text)]


def _turned_verse(lines: list[Line], after_colon: list[int], full: tuple[int, ...]) -> Found:
    """Verse quoted in a column too narrow for its lines (printings dta-abel-1699: Latin
    hexameters after ``Horatius:``): after a line that ends with a colon, verse lines that
    each open with a capital, the first lines short or turned over, see :func:`_turnover`.
    The quotation ends after its last turned-over line, or after a verse line that fits the
    column and closes the sentence (a distich's second line) where the next line opens with a
    capital (the text or a translation resumes). ``after_colon``: as for
    ``_quoted_letters``."""
    found: Found = {}
    for i in after_colon:
        end, turns, j = i, 0, i
        while j + 1 < len(lines) and _OPENS_UPPER.match(lines[j].text):
            if _turnover(lines[j], lines[j + 1], full, closes=turns > 0):
                end, turns, j = j + 2, turns + 1, j + 2
            elif turns and _closing_verse_line(lines[j], lines[j + 1], full):
                end, j = j + 1, len(lines)
            elif not turns and lines[j].kind == "paragraph" and not lines[j].glue_next:
                j += 1  # a short first line (a half line after an elision: `‒ ‒ ‒ Corpus`)
            else:
                break
        if turns:
            evidence = f"{end - i} lines after a colon, {turns} verse lines turned over"
            found.update({(x.page, x.number): (TURNED_VERSE, evidence) for x in lines[i:end]})
    return found


def _turnover(line: Line, following: Line, full: tuple[int, ...], *, closes: bool) -> bool:
    """``following`` is the rest of verse line ``line``, turned over: ``line`` ran to the
    measure (or broke a word), and the turnover is short, in lower case, on the same page,
    and closes no sentence unless it ``closes`` a quotation already shown (the last line of
    a prose paragraph is as short, and closes one)."""
    measure = full[line.page] if line.page < len(full) else 0
    return (
        bool(measure) and line.kind == following.kind == "paragraph"
        and following.page == line.page
        and (line.glue_next or len(line.text) >= TURNED_HEAD_SHARE * measure)
        and bool(_OPENS_LOWER.match(following.text))
        and len(following.text) <= TURNOVER_MAX_SHARE * measure
        and (closes or not SENTENCE_END.search(following.text))
    )


def _closing_verse_line(line: Line, following: Line, full: tuple[int, ...]) -> bool:
    """A verse line that fits the column and closes the sentence, before a line that opens
    with a capital."""
    measure = full[line.page] if line.page < len(full) else 0
    return (
        bool(measure) and line.kind == "paragraph" and not line.glue_next
        and len(line.text) >= TURNED_HEAD_SHARE * measure
        and bool(SENTENCE_END.search(line.text)) and bool(_OPENS_UPPER.match(following.text))
    )


def _is_dateline(line: Line, measure: int) -> bool:
    text = line.text
    return (len(text) <= DATELINE_MAX_SHARE * measure and "," in text
            and any(ch.isdigit() for ch in text) and text.endswith(".")
            and text[:1].isupper())


def _paragraph_starts(region: list[Line], quoted: Found) -> dict[tuple[int, int], str]:
    """Where quoted paragraphs open (and why): by the quotation's own measure, at an
    elision, before an attribution, and where any paragraph would end (a new speaker, a list
    item...)."""
    measure = _measure(region)
    starts = {(region[0].page, region[0].number): "the quotation's first line"}
    for line, following in itertools.pairwise(region):
        why = _opens(line, following, measure)
        if why:
            starts[(following.page, following.number)] = why
    return starts


def _opens(line: Line, following: Line, measure: int) -> str:
    """Why ``following`` opens a quoted paragraph, or the empty string."""
    if _ELISION.match(line.text) or _ELISION.match(following.text):
        return "an elision line"
    if _names_source(following.text):
        return "an attribution line"
    if ends_paragraph(line, following, measure):
        return f"the line before ends a paragraph at the quotation's measure of {measure}"
    if _QUOTE_CLOSE.search(line.text) and QUOTE_OPEN.match(following.text):
        return "a closing quote mark, then an opening one"
    return ""


def _regions(lines: list[Line], quoted: Found) -> list[list[Line]]:
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
                    *, by_width: bool) -> Found:
    """The quotation lines the text alone shows (see the module docstring); the narrow units
    only ``by_width`` (not needed where every prose line has geometry)."""
    found: Found = {}
    if by_width:
        units = _units(pairs, doc.stats.full_line_length if doc.stats else ())
        opening = _chapter_openings(units, measure)
        for unit, why in zip(units, _quoted_units(units, measure, opening), strict=True):
            if why:
                found.update({(line.page, line.number): why for line in unit})
    lines = [line for line, _ in pairs]
    after_colon = _after_colon(lines)  # asked by two of the three
    found.update(_quoted_letters(lines, after_colon, measure))
    found.update(_displayed_lines(lines, measure))
    found.update(_turned_verse(lines, after_colon,
                               doc.stats.full_line_length if doc.stats else ()))
    return found


def _drop_cap(text: str) -> bool:
    """A capital alone (``_DROP_CAP``; a line break after it at most: the length first)."""
    return len(text) <= 2 and bool(_DROP_CAP.match(text))


def _chapter_openings(units: list[list[Line]], measure: int) -> list[bool]:
    """The units that open a chapter's text: after its heading or epigraph, or opening with
    a drop cap (a capital on a line of its own), whose neighbours are set short."""
    opening = [False] * len(units)
    for i, unit in enumerate(units):
        before = units[i - 1] if i else None
        opening[i] = _drop_cap(unit[0].text) or (before is not None and (
            before[-1].kind == "heading" or _is_attribution(before[-1], measure)
            or (len(before) == 1 and _drop_cap(before[0].text))))
    return opening


def _record(changes: Changes, lines: list[Line], quoted: Found) -> None:
    """Mark each quoted region's lines and where its paragraphs open."""
    for region in _regions(lines, quoted):
        starts = _paragraph_starts(region, quoted)
        for line in region:
            key = (line.page, line.number)
            by, evidence = quoted[key]
            if line.kind == "heading":
                changes.set(line, by, evidence, kind="blockquote", level=None)
            else:
                changes.set(line, by, evidence, kind="blockquote")
            if key == (region[0].page, region[0].number):
                changes.set(line, QUOTE_OPENS, starts[key], starts_block=True)
            elif key in starts and by is not TURNED_VERSE:  # verse lines joined
                changes.set(line, QUOTE_PARAGRAPH, starts[key], starts_block=True)
            else:
                changes.set(line, QUOTE_LINE_GOES_ON, "no paragraph end before it",
                            starts_block=False)


@stage(STAGE, DetectBlockQuotesConfig, requires=("stats", "line.kind"),
       assigns=("line.kind",))
def detect_block_quotes(doc: Document, config: DetectBlockQuotesConfig | None) -> Document:
    """Mark block-quote lines and their paragraph starts; see the module docstring."""
    pairs = list(successors(doc))
    lines = [line for line, _ in pairs]
    prose = [line for line in lines if line.kind == "paragraph"]
    measure = _measure(prose)
    if not measure:
        return doc
    frames = body_frames(prose)
    # with the reader's geometry, a quotation's prose is what is set in, whatever the text
    # says: the text keeps only the lines that are no prose line placed by it (those without
    # geometry, and the other kinds; found by two cheap walks, not a set of every prose line)
    unplaced = {(line.page, line.number) for line in prose if not line.geometry}
    kept = (unplaced | {(line.page, line.number) for line in lines if line.kind != "paragraph"}
            if frames else None)
    by_text = _quoted_by_text(pairs, measure, doc, by_width=bool(unplaced) or not frames)
    quoted = {key: why for key, why in by_text.items() if kept is None or key in kept}
    if frames:
        quoted.update(_set_in_lines(lines, frames))
    quoted.update(_epigraphs(lines, measure))
    quoted.update(_attributions(lines, quoted, measure))
    changes = Changes()
    _record(changes, lines, quoted)
    return changes.apply(doc)
