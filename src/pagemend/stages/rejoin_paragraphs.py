"""rejoin_paragraphs: decide which body lines open a new block; the rest continue one.

A line ends its paragraph when it had room for the next line's first word (so the typesetter
did not break it for lack of space) and it ends like a paragraph: with terminal punctuation,
or short and followed by a capital (a heading, a title line). In dialogue each turn opens a
paragraph, so a line that closes a quotation before one that opens a quotation ends its
paragraph whatever its length. Room is measured against the
page's typical full line (``measure_document``), less a tolerance for proportional type,
where character counts only approximate width. A blank line within a page (a gap between
text flows) also ends a paragraph. Paragraphs run on over page breaks, furniture and blank
lines at page edges; a line glued to the next (a line-end hyphen) never ends one, and a prose
line that opens in lower case never opens one (it carries on a sentence that a note, a
figure or a drop cap interrupted), unless the print shows its indent. A block start an
earlier stage set between prose lines (after a poem's attribution) stays. A quotation mark
repeated at the start of every line of a quotation (``„``, in older printings) opens no new
quotation: such a line is judged by the text it carries.

The first body line of the input continues a paragraph from before the input when it starts
in lower case; the last body line leaves its paragraph open when it does not end like one.

Leaves alone: the lines' text, roles and kinds.

    >>> from pagemend.readers import read_text
    >>> from pagemend.stages.measure_document import measure_document
    >>> text = "\\n".join(["would stay neutral while the armies pushed deep into the land",
    ...     "and used weapons against the forces of the other side in that war",
    ...     "in the year of the treaty.",
    ...     "Mao replied to the Soviet communication with a personal letter to",
    ...     "Khrushchev, saying that he was deeply moved by this loyalty. For",
    ...     "Mao, the struggle against imperialism was linked to the"])
    >>> doc = rejoin_paragraphs(measure_document(read_text(text), None), None)
    >>> [line.starts_block for line in doc.lines()], doc.pages[0].lines[-1].open_end
    ([False, False, False, True, False, False], True)
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from pagemend.breaks import NAMED_CONVENTIONS, SIGNALS, paragraph_end
from pagemend.data.punctuation import OPENS_CAPITAL, QUOTE_OPEN
from pagemend.layout import body_measures, indented, left_margins, right_margins, successors
from pagemend.model import Document, Line, replace
from pagemend.registry import stage
from pagemend.rules import Changes, Rule, rule

__all__ = ["RejoinParagraphsConfig", "rejoin_paragraphs"]

STAGE = "rejoin_paragraphs"

#: Pieces of one widely spaced line that extraction split apart: at most two words and this
#: share of the full line each, at least ``MIN_FRAGMENTS`` of them between blank lines.
FRAGMENT_SHARE = 0.3
MIN_FRAGMENTS = 3
#: A running quotation mark opens at least this many lines in a row (printings: 16 in
#: dta-treviranus-1802, 21 in dta-pueckler-1830); one or two lines opening with a mark are
#: as often a speaker's one-line turns.
MIN_RUNNING_QUOTE_LINES = 3
#: Lines set beside a chapter's large initial, the opening line included (printings: the
#: initials of dta-abel-1699 leave two or three short lines, `WAs für eine edle Creatur` /
#: `ein Student sey/ ist zur` / `Gnüge erwiesen. So`, those of neitschitz and gottsched one).
INITIAL_SPAN = 3

#: After a colon, a lower-case line at most this share of the measure may open a display (a
#: verse quotation that begins mid-line: biographia-weasy `qui laudibus amplis`, 0.3); prose
#: running on after the colon fills its line.
DISPLAY_SHARE = 0.7

_OPENS_LOWER = re.compile(r"^[a-zß-ÿ]")
#: the characters ``_OPENS_LOWER`` matches, as a set: a line's first character looked up in it
#: (a hash, not a pattern's call, asked of nearly every body line)
_LOWER_OPENINGS = frozenset(map(chr, (*range(ord("a"), ord("z") + 1),
                                      *range(ord("ß"), ord("ÿ") + 1))))
#: a quotation closes at the line's end (`habe.“`, `ferat.”`), a note marker after it or not
_CLOSED_QUOTE = re.compile(r"[“”»«\"'’][.,;:!?]?(?:\d{1,3}|[*†‡]|\(\w\))?$")
#: an opening word whose first letter was a large initial: the transcription capitalises its
#: second letter too (`DEr`, `WAs`, `NAchdem`, `AM Marckte`)
_INITIAL_WORD = re.compile(r"^[A-ZÄÖÜ]{2}(?:[a-zß-ÿ]|\s)")
_HAS_LOWER = re.compile(r"[a-zß-ÿ]")  # a line of prose, not one in capitals (a heading)
_TERMINAL = re.compile(r"[.!?:;…]['’\"”»)\]]*(?:\d{1,3}|\^\d{1,3}|[*†‡])?$")


FIRST_LINE = rule(STAGE, "first_line", "The first body line of the input opens a paragraph "
                  "when it starts with a capital; in lower case it continues one from before.")
GAP = rule(STAGE, "blank_line", "A blank line between body lines of one page (a gap between "
           "text flows) ends a paragraph, after a line that ends like one, or where a line "
           "on either side is no prose (a heading in capitals, a stray mark).")
INDENT = rule(STAGE, "first_line_indent", "A line set in from the margin by one to four type "
              "sizes (a first-line indent, in the reader's geometry) opens a paragraph.")
KIND_CHANGE = rule(STAGE, "kind_change", "Where the kind of block changes (prose to verse, "
                   "quote or heading, and back), a new block opens.")
ITEM_LINE = rule(STAGE, "list_item_line", "A numbered item's own lines run on unless the line "
                 "ends like a paragraph.", confirms=True)
FRAGMENT = rule(STAGE, "line_fragment", "Pieces of one widely spaced printed line that "
                "extraction split apart, one or two words each between blank lines, run on.",
                confirms=True)
GLUED = rule(STAGE, "glued_line", "A line glued to the next by a line-end hyphen never ends "
             "a paragraph.", confirms=True)
RUNNING_QUOTE = rule(STAGE, "running_quote", "A quotation mark repeated at the start of every "
                     "line of a quotation (`„`) opens no paragraph: where the line before ends "
                     "no paragraph without it, the line goes on the quotation.", confirms=True)
LOWER_CASE = rule(STAGE, "lower_case_continues", "A prose line that opens with a lower-case "
                  "letter, after a line of prose, carries on a sentence: no paragraph opens "
                  "there, across a blank line or after a short line (a note, a figure or a "
                  "drop cap came between).", confirms=True)
START_KEPT = rule(STAGE, "start_kept", "Prose that an earlier stage opened a block for (after "
                  "a salutation, a list, an attribution, a displayed line) opens a paragraph.",
                  confirms=True)
BESIDE_INITIAL = rule(STAGE, "beside_initial", "The first lines of a chapter opened with a large "
                      "initial (`DEr`, `WAs` under the heading) run short beside it: they end "
                      "no paragraph by their length.", confirms=True)
CONTINUES = rule(STAGE, "continues", "A body line that nothing ends continues its paragraph.",
                 default=True)
_STATEMENTS = {
    "speech_turn": "A line that closes a quotation before one that opens a quotation ends its "
                   "paragraph: a new speaker's turn.",
    "turn_after_sentence": "After a finished sentence, a line that opens a quotation, a "
                           "dialogue dash or a section number opens a paragraph.",
    "numbered_item": "After a line that ends an item, the next numbered item opens a block.",
    "broken_off_speech": "Speech broken off with a dash, then a new quotation, opens a "
                         "paragraph.",
    "headword": "After a finished sentence, a line that opens with a word in capitals and a "
                "comma (a dictionary's headword, a letter's dateline) opens a paragraph.",
    "speech_after_colon": "After a line that ends with a colon, speech that opens the next line "
                          "with a quotation mark or a dialogue dash and runs on opens a "
                          "paragraph.",
    "terminal_unmeasured": "Where no measure is known, a line with terminal punctuation ends "
                           "its paragraph.",
    "short_sentence": "A sentence that ends well short of the measure ends its paragraph, "
                      "even where a long next word would not have fitted.",
    "indent_trace": "A full sentence-ending line before a line that runs on with fewer "
                    "characters than a full one (a first-line indent's trace) ends its "
                    "paragraph.",
    "room_terminal": "A line that had room for the next word and ends with terminal "
                     "punctuation ends its paragraph.",
    "short_before_capital": "A short line before a capital ends its paragraph: a heading or a "
                            "title line, not a line cut short.",
}
#: one rule per signal of ``breaks.paragraph_end``
ENDS: dict[str, Rule] = {
    # where no measure is known (the stage run without measure_document) punctuation alone
    # decides: a fallback, not a fact about a book
    name: rule(STAGE, name, _STATEMENTS[name], default=name == "terminal_unmeasured")
    for name in (*(name for name, _, _ in NAMED_CONVENTIONS), *SIGNALS)
}

@dataclass(frozen=True, slots=True)
class RejoinParagraphsConfig:
    enabled: bool = True


def _gaps(doc: Document) -> set[tuple[int, int]]:
    """Body lines that follow a blank line on their own page, after other body text."""
    gaps = set()
    for page in doc.pages:
        seen_body, blank = False, False
        for line in page.lines:
            if not line.text and line.role == "body":
                blank = seen_body
            elif line.role == "body":
                if blank:
                    gaps.add((line.page, line.number))
                seen_body, blank = True, False
    return gaps


def _fragments(pairs: list[tuple[Line, Line | None]], full_lines: tuple[int, ...]
               ) -> set[tuple[int, int]]:
    """Lines after which no paragraph ends because they are pieces of one printed line: a
    widely spaced justified line that extraction broke into single words between blank
    lines (``Sitting-room,`` / ``bedroom,`` / ``lumber-room.`` / ``All`` / ``as`` / ...)."""
    # a small line: at most two words, within a share of its page's full line (the bound
    # of each page worked out once; a page without a measure has none)
    bounds = [FRAGMENT_SHARE * full if full else -1.0 for full in full_lines]
    pages = len(bounds)
    small = [(index, line) for index, (line, _) in enumerate(pairs)
             if len(line.text) <= (bounds[line.page] if line.page < pages else -1.0)
             and len(line.text.split()) <= 2]
    # a run: small lines one after the other, each two lines below the last on its page
    found: set[tuple[int, int]] = set()
    run: list[Line] = []
    last = -2
    for index, line in small:
        if (run and index == last + 1 and line.page == run[-1].page
                and line.number - run[-1].number == 2):
            run.append(line)
        else:
            if len(run) >= MIN_FRAGMENTS:
                found.update((piece.page, piece.number) for piece in run)
            run = [line]
        last = index
    if len(run) >= MIN_FRAGMENTS:
        found.update((piece.page, piece.number) for piece in run)
    return found


#: a block start decided: the rule, its evidence, and whether the line opens a block
Verdict = tuple[Rule, str, bool]


def _running_quotes(pairs: list[tuple[Line, Line | None]]) -> set[tuple[int, int]]:
    """The lines that carry a running quotation mark: in a run of at least
    ``MIN_RUNNING_QUOTE_LINES`` lines that each open with the same quotation mark, and where
    none but the last closes a quotation at its end, every line after the first.

    >>> from pagemend.model import Line
    >>> texts = ["„Und er", "„sprach: so", "„geht es.“", "„Nein", "so", "„Ja", "„gut", "„gut"]
    >>> lines = [Line(text, 0, number) for number, text in enumerate(texts)]
    >>> sorted(_running_quotes([(line, None) for line in lines]))
    [(0, 1), (0, 2), (0, 6), (0, 7)]
    """
    found: set[tuple[int, int]] = set()
    # only the lines that open with a quotation mark open or carry a run (QUOTE_OPEN asked
    # once per distinct first character); any other line ends the run before it
    firsts = [line.text[:1] for line, _ in pairs]
    marks = {mark for mark in set(firsts) if QUOTE_OPEN.match(mark)}
    if not marks:
        return found
    run: list[Line] = []
    last = -2  # the index of the run's last line
    for index in itertools.compress(range(len(firsts)), map(marks.__contains__, firsts)):
        line = pairs[index][0]
        if (run and index == last + 1 and run[-1].text[:1] == firsts[index]
                and not _CLOSED_QUOTE.search(run[-1].text)):
            run.append(line)
        else:
            if len(run) >= MIN_RUNNING_QUOTE_LINES:
                found.update((x.page, x.number) for x in run[1:])
            run = [line]
        last = index
    if len(run) >= MIN_RUNNING_QUOTE_LINES:
        found.update((x.page, x.number) for x in run[1:])
    return found


@dataclass(frozen=True, slots=True)
class _Context:
    fragments: set[tuple[int, int]]
    gaps: set[tuple[int, int]]
    running: set[tuple[int, int]]
    margins: tuple[tuple[float | None, ...], tuple[float | None, ...]]
    initial: set[tuple[int, int]]
    #: the lower-case verdicts given so far, by the next line's first three characters
    lower: dict[str, Verdict]


_GLUED_VERDICT: Verdict = (GLUED, "a line-end hyphen joins it to the next", False)


def _beside_initial(pairs: list[tuple[Line, Line | None]]) -> set[tuple[int, int]]:
    """The lines set beside a large initial: the first ``INITIAL_SPAN`` lines of prose
    under a heading whose first word carries the initial (`DEr andere Toden-Träger`)."""
    keys: set[tuple[int, int]] = set()
    # (the lines after a heading found by one comprehension: few, then asked the rest)
    for i in [after for after, (line, _) in enumerate(pairs[:-1], 1) if line.kind == "heading"]:
        line = pairs[i][0]
        if not (line.kind == "paragraph" and _INITIAL_WORD.match(line.text)):
            continue
        for other, _ in pairs[i:i + INITIAL_SPAN]:
            if other.page == line.page and other.kind == "paragraph":
                keys.add((other.page, other.number))
    return keys


def _describe(line: Line, following: Line, full: int) -> str:
    return (f"line of {len(line.text)} characters of a {full}-character measure ends "
            f"{line.text[-3:]!r}; next opens {following.text[:3]!r}")


def _ended(line: Line, following: Line, full: int, right: float | None = None
           ) -> Verdict | None:
    signal = paragraph_end(line, following, full, right)
    if signal is None:
        return None
    return ENDS[signal], _describe(line, following, full), True


def _by_indent(line: Line, following: Line, full: int,
               margins: tuple[tuple[float | None, ...], tuple[float | None, ...]]
               ) -> Verdict | None:
    """With geometry, the next line's indent decides, and the room left in points; without,
    the text's signals do. ``margins``: each page's left and right margins. None where the
    line runs on."""
    lefts, rights = margins
    opens = indented(following, lefts, line)
    if opens is None:
        return _ended(line, following, full)
    if opens:
        x0 = following.geometry.x0 if following.geometry else 0.0
        return INDENT, f"next line starts at {x0:.1f} pt, set in from the margin", True
    if line.text[-1:].isalpha():
        return None
    return _ended(line, following, full, rights[line.page] if line.page < len(rights) else None)


def _between(line: Line, following: Line, full: int, context: _Context) -> Verdict | None:
    """Whether ``following`` opens a block after ``line``, and by which rule; None where a
    structure stage decided inside its own run."""
    if following.kind != "paragraph" or line.kind != "paragraph" or following.starts_block:
        # a block start an earlier stage set (after an attribution, a list, a letter) stays
        return _structure(line, following, full)
    if context.fragments and (line.page, line.number) in context.fragments:
        return FRAGMENT, f"{len(line.text.split())} words between blank lines", False
    if line.glue_next:
        return _GLUED_VERDICT
    if (following.text[:1] in _LOWER_OPENINGS and _HAS_LOWER.search(line.text)
            and not (line.text.endswith(":") and len(following.text) <= DISPLAY_SHARE * full)
            and not indented(following, context.margins[0])):  # the print shows an indent
        opening = following.text[:3]  # (one verdict per opening: a shared evidence text)
        verdict = context.lower.get(opening)
        if verdict is None:
            verdict = context.lower[opening] = (LOWER_CASE, f"opens {opening!r}", False)
        return verdict
    if context.gaps and (following.page, following.number) in context.gaps and (
            _TERMINAL.search(line.text) or not _HAS_LOWER.search(line.text)
            or not _HAS_LOWER.search(following.text)):
        # a gap after prose cut off mid-sentence is a drop cap's or a folio's, not a flow's
        return GAP, "a blank line before it on its page", True
    return _by_text(line, following, full, context)


def _by_text(line: Line, following: Line, full: int, context: _Context) -> Verdict:
    """The verdict of the line's end and the next line's start (or indent); a quotation mark
    repeated at the start of every line opens no quotation: the line is judged by the text
    it carries; lines beside a chapter's initial run short and end no paragraph."""
    if (context.initial and (line.page, line.number) in context.initial
            and not QUOTE_OPEN.match(following.text)):
        return BESIDE_INITIAL, f"line {line.text[:3]!r}… beside the chapter's initial", False
    if context.running and (following.page, following.number) in context.running:
        verdict = _by_indent(line, replace(following, text=following.text[1:]), full,
                             context.margins)
        return verdict or (RUNNING_QUOTE, f"a running {following.text[:1]} opens the line",
                           False)
    verdict = _by_indent(line, following, full, context.margins)
    return verdict or (CONTINUES, _describe(line, following, full), False)


def _structure(line: Line, following: Line, full: int) -> Verdict | None:
    """Structure stages decided inside their runs; a change of kind opens a block."""
    if following.kind == "list_item" == line.kind and not following.starts_block:
        ended = _ended(line, following, full)  # an item's own lines
        return ended or (ITEM_LINE, "a numbered item's continuation line", False)
    if following.kind == line.kind:
        return None
    return KIND_CHANGE, f"{line.kind} before {following.kind}", True


def _open_end(line: Line, changes: Changes) -> None:
    open_end = not _TERMINAL.search(line.text)
    if open_end != line.open_end:
        changes.replace(line, open_end=open_end)


@stage(STAGE, RejoinParagraphsConfig, requires=("line.glue_next",),
       assigns=("line.starts_block",))
def rejoin_paragraphs(doc: Document, config: RejoinParagraphsConfig | None) -> Document:
    """Mark block starts and an open end; see the module docstring."""
    full_lines = body_measures(doc)
    pairs = list(successors(doc))
    context = _Context(_fragments(pairs, full_lines), _gaps(doc), _running_quotes(pairs),
                       (left_margins(doc), right_margins(doc)), _beside_initial(pairs), {})
    changes = Changes()
    verdicts: dict[tuple[int, int], Verdict] = {}
    if pairs:
        first = pairs[0][0]
        opens = bool(OPENS_CAPITAL.match(first.text))
        verdicts[(first.page, first.number)] = (FIRST_LINE, f"opens {first.text[:3]!r}", True)
        _decide(changes, first, (FIRST_LINE, f"opens {first.text[:3]!r}", opens))
    changed, decide, pages = changes.lines, changes.decide, len(full_lines)
    for line, following in pairs:
        if following is None:
            _open_end(line, changes)
            continue
        verdict = _between(line, following, full_lines[line.page] if line.page < pages else 0,
                           context)
        if verdict is None:
            continue
        by, evidence, start = verdict
        key = (following.page, following.number)
        if start:  # (``_paragraphs`` asks the verdicts of block starts alone)
            verdicts[key] = verdict
        # (``_decide``, written out: asked of nearly every line)
        if by.confirms or changed.get(key, following).starts_block != start:
            decide(following, by, evidence, "starts_block", start)
    _paragraphs(changes, [line for line, _ in pairs], verdicts)
    return changes.apply(doc)


def _decide(changes: Changes, line: Line, verdict: Verdict) -> None:
    """Record the verdict where it changes the line (a start another stage set stays
    explained by that stage's rule)."""
    by, evidence, start = verdict
    # (``changes.current(line)``, looked up inline: asked of nearly every line)
    if by.confirms or changes.lines.get((line.page, line.number), line).starts_block != start:
        changes.decide(line, by, evidence, "starts_block", start)


def _paragraphs(changes: Changes, lines: list[Line],
                verdicts: dict[tuple[int, int], Verdict]) -> None:
    """Each paragraph's first line records that the block is a paragraph, by the rule that
    opened it (its verdict here, or the start an earlier stage set, which is kept)."""
    changed = changes.lines
    first = lines[0] if lines else None
    starts = [line for line in lines
              if (current := changed.get((line.page, line.number), line)).kind == "paragraph"
              and (current.starts_block or line is first)]
    for line in starts:
        by, evidence, start = verdicts.get((line.page, line.number),
                                           (START_KEPT, "a block start set before", True))
        if not start:
            by, evidence = START_KEPT, "a block start set before"
        changes.decide(line, by, evidence, "kind", "paragraph")
