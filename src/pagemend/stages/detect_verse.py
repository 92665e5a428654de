"""detect_verse: poems and songs keep their lines.

Verse, in page text, is a run of at least ``MIN_VERSE_LINES`` consecutive body lines that
are each clearly shorter than the page's full line (not justified prose) and had room for
the next line's first word (prose breaks early only where a paragraph ends), each open with a
capital (after quotes or brackets), each hold lower-case letters (an all-capitals run is a
heading), and where lines run on without terminal punctuation (``Of providence, fore-
knowledge, will, and fate,``): at least half of the lines before the last end otherwise than
with ``.``, ``!`` or ``?``. That last test keeps dialogue out: its short paragraphs each
close a sentence. A run of four lines or more that does not close ends at its last closing
line. A blank line inside a run separates stanzas; a poem of eight lines or more printed
without one is cut into equal stanzas where every k-th line ends a sentence.

Four situations bend the length test. Verse may be set near the full width (a long line
of German alexandrines on a narrow page): after a colon, or in a run of ``MIN_ROOMY_LINES``
lines or more, lines that each left room for the next word are verse whatever their length,
since justified prose leaves room only where a paragraph ends; after a line that closes a
sentence such a run takes no line near the full width (the prose resuming). A page whose
lines nearly all open with a capital is set line by line (a book of poems): it has no prose
measure, so its lines are verse whatever their length. Verse set in a narrow column wraps:
a short lower-case line after a verse line that breaks within its sentence carries that
verse line on (``wraps``, joined with a space).
A line of a name alone after a poem's closing line (``—Shakespeare``, ``G.J.``) is its
attribution: a block of its own, never a verse line.

Verse lines get the kind ``verse``; the first line of each stanza opens a block and the line
after the run opens the next. Leaves alone: the text, and lines that are not verse.

    >>> from pagemend.readers import read_text
    >>> from pagemend.stages.measure_document import measure_document
    >>> prose = "and so I found the means of directing it to my favourite subjects, at last"
    >>> text = "\\n".join([prose] * 8 + ["Of providence, fore-knowledge, will, and fate,",
    ...     "Fixed fate, free will, fore-knowledge absolute,",
    ...     "And found no end in wandering mazes lost.", prose])
    >>> doc = detect_verse(measure_document(read_text(text), None), None)
    >>> [line.kind for line in doc.lines()][7:]
    ['paragraph', 'verse', 'verse', 'verse', 'paragraph']
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from pagemend.layout import FIT_SHARE, first_word, has_room, successors
from pagemend.model import Document, Line
from pagemend.registry import stage
from pagemend.rules import Changes, rule

__all__ = ["DetectVerseConfig", "callout_widths", "detect_verse", "equal_stanza", "is_attribution",
           "line_set_pages"]

STAGE = "detect_verse"

#: A verse line is at most this share of the page's full line. Quoted pentameters and
#: alexandrines run to 0.6-0.8 of a prose line in the development corpus; justified prose
#: lines sit at 0.95-1.05.
VERSE_MAX_SHARE = 0.85
#: A single short line is a heading or a paragraph's end; verse needs two lines at least.
MIN_VERSE_LINES = 2
#: Verse runs on: at least this share of a run's lines before the last end otherwise than a
#: sentence does. Dialogue's short paragraphs each close a sentence.
RUNNING_SHARE = 0.5
#: On a page set line by line, where no dialogue wraps into lower-case lines, short rhymed
#: lines that each close a sentence are common (raetsel-groff: 45% of a riddle's lines run
#: on); a quarter is enough.
LINE_SET_RUNNING_SHARE = 0.25
#: The continuation of a verse line wrapped in a narrow column is at most this share of the
#: column's measure (devils-xelatex: the rest of a line set in from both sides, 5-70%).
WRAP_TAIL_SHARE = 0.75
#: A run of short lines that does not close ends at its last closing line when that leaves
#: at least this many lines (a long poem cut short by a line it could not hold: devils-xelatex);
#: two short lines and a third running on are dialogue as often (middlemarch-weasy).
MIN_TRIMMED_LINES = 4
#: A prose line that breaks for a verse quotation mid-sentence stops well short of the
#: measure (biographia-weasy: 0.1-0.5 of it); a longer one is a set-in quotation's line (OCR
#: text of amnotes-groff: 0.8).
DISPLAY_BREAK_SHARE = 0.6
#: Lines near the full width are verse in a run of at least this many lines that each left
#: room for the next word (two such lines and a third are a quotation's couplet as often as
#: three one-line paragraphs, so a pair needs the cue of a colon before it).
MIN_ROOMY_LINES = 3
#: A wrapped verse line runs to at most this many printed lines.
MAX_WRAPPED_LINES = 3
#: A stanza has at least this many lines when none is marked by a blank line: couplets
#: ending sentences are as often one stanza as several (raetsel-groff: quatrains)...
MIN_EQUAL_STANZA = 3
#: ...in a poem of at least this many lines: in a shorter one a sentence that ends halfway
#: is no pattern (grimm-weasy: a song of six lines, one stanza, a sentence ends at line 3).
MIN_EQUAL_POEM = 8
#: Where stanzas of three lines and of four or more would both fit, the longer is taken
#: (raetsel-groff: sentences end every third line of tail-rhymed six-line stanzas).
PREFERRED_MIN_STANZA = 4
#: In running prose most lines continue a sentence and open in lower case (30-80% of a
#: page's body lines in every prose case of the development corpus); a page where at most
#: this share does is set line by line (raetsel-groff: 0-4% on every page), so its line
#: lengths tell no prose measure...
LINE_SET_MAX_LOWER = 0.1
#: ...on a page of at least this many body lines
LINE_SET_MIN_LINES = 6

SHORT_LINES = rule(STAGE, "short_lines_run", "A run of short lines, each opening with a capital "
                   "and leaving room for the next line's first word, where most lines run on "
                   "without terminal punctuation and the last closes, is verse.")
NEAR_FULL = rule(STAGE, "near_full_run", "Lines near the full width that each open with a "
                 "capital and left room for the next line's first word, after a colon or three "
                 "lines or more in a row, are verse: justified prose leaves room only where a "
                 "paragraph ends.")
EQUAL_STANZAS = rule(STAGE, "equal_stanzas", "A poem printed without blank lines whose "
                     "every k-th line ends a sentence (k of three lines or more, dividing the "
                     "poem) is cut into stanzas of k lines.")
LINE_SET = rule(STAGE, "line_set_page", "On a page whose lines nearly all open with a capital "
                "(set line by line, not running prose), a run of lines that run on without "
                "terminal punctuation and close at the last is verse, whatever their length.")
MID_LINE = rule(STAGE, "mid_line_start", "A verse quotation may begin mid-line: a short line in "
                "lower case after a prose line that stopped well short of the measure within a "
                "sentence opens the poem.")
WRAPPED = rule(STAGE, "wrapped_line", "In verse set in a narrow column, a short line in lower "
               "case after a verse line that opens with a capital carries on that verse line.")
ATTRIBUTION = rule(STAGE, "attribution", "A line that holds only a name (capitalised words or "
                   "initials, a dash before them or not) after a poem's closing line is its "
                   "attribution: a block of its own, after the poem and before what follows.")
TITLE_REST = rule(STAGE, "title_rest", "Short lines that run on from a heading line (one not "
                  "closed by a full stop) with no punctuation at any line's end before the "
                  "last are the rest of a stacked title, not a poem: verse closes a clause "
                  "somewhere.")
STANZA = rule(STAGE, "stanza_start", "The first line of a verse run, and a verse line after a "
              "blank line inside the run, opens a stanza.")

Keys = frozenset[tuple[int, int]]
#: characters of note callouts taken out of a line, by (page, line number)
Widths = Mapping[tuple[int, int], int]
_NONE: Widths = {}

_OPENS_CAPITAL = re.compile(r"^[\W_]*[A-ZÀ-ÞΑ-Ω]")
_CLOSES = re.compile(r"[.,;:!?…—'’\")\]»”](?:\d{1,3}|[*∗†‡])?$")
#: a sentence ends the line, a closing quotation mark after it (pdfium may space it off:
#: `the left jaw. ’`), a note marker last
SENTENCE_END = re.compile(r"[.!?…]\s?[’”»«\"')\]]*(?:\d{1,3}|\^\d{1,3}|[*∗†‡])?$")
_INTRODUCES = re.compile(r":$")
#: a line ends with punctuation, the virgule of older German prints (`/`) among it
_PUNCTUATED = re.compile(r"[.,;:!?…—/'’\")\]»”]$")
#: a line closed by a full stop (a sentence, a citation) wraps onto nothing; a question or an
#: exclamation may end mid-verse (`’Tis the answer to What?` / `and How? and Why?`)
_FULL_STOP = re.compile(r"\.[’”»«\"')\]]*$")
_NAME_WORD = r"(?:[A-ZÀ-Þ]\.)+|[A-ZÀ-Þ][\w’'-]+"
_NAME = re.compile(rf"^[—–]?\s?(?:{_NAME_WORD})(?:\s(?:{_NAME_WORD})){{0,3}}$")
_LOWER = re.compile(r"[a-zß-ÿα-ω]")
_OPENS_LOWER = re.compile(r"^[\W\d_]*[a-zß-ÿα-ω]")
_OPENS_LETTER = re.compile(r"^[^\w\s]*[a-zß-ÿα-ω]")  # a wrapped verse line goes on with a word


@dataclass(frozen=True, slots=True)
class DetectVerseConfig:
    enabled: bool = True


def callout_widths(doc: Document) -> dict[tuple[int, int], int]:
    """The characters of note callouts taken out of each line (``link_notes``): the page's
    measure was taken with them in the text, so a line's length against it counts them.

        >>> from pagemend.model import Edit
        >>> doc = Document(pages=(), edits=(Edit("link_notes", "extract_note_marker", 0, 3,
        ...                                      "(t)", "", "note reference 1", 8),))
        >>> callout_widths(doc)
        {(0, 3): 3}
    """
    widths: dict[tuple[int, int], int] = {}
    for edit in doc.edits:
        if edit.action == "extract_note_marker" and edit.stage == "link_notes":
            key = (edit.page, edit.line)
            widths[key] = widths.get(key, 0) + len(edit.before.strip())
    return widths


def _length(line: Line, callouts: Widths) -> int:
    """The line's length as printed: its text and the note callouts taken out of it."""
    if not callouts:
        return len(line.text)
    return len(line.text) + callouts.get((line.page, line.number), 0)


def _verse_like(line: Line, full_line: int | None, *, wrapped: bool = False,
                cued: bool = False, callouts: Widths = _NONE) -> bool:
    """``full_line`` None: the page has no prose measure (set line by line). ``wrapped``: the
    verse line wraps onto the next printed line (a line-end hyphen may join them). ``cued``:
    the run opened after a colon, where verse may be set near the full width, never past it
    (the room each line left for the next word, which the caller tests, tells it from
    prose; a longer line is several printed lines an extractor joined)."""
    text = line.text
    if full_line is None:  # on a page set line by line, the few lower-case openings too
        return bool(_LOWER.search(text)) and not line.glue_next
    return (
        bool(full_line)
        and _length(line, callouts) <= (1.0 if cued else VERSE_MAX_SHARE) * full_line
        and bool(_OPENS_CAPITAL.match(text)) and bool(_LOWER.search(text))
        and (wrapped or not line.glue_next)
    )


def _opens_run(line: Line, measure: int | None, *, wrapped: bool, continues: bool,
               broke_early: bool, cued: bool = False, callouts: Widths = _NONE) -> bool:
    """Whether a poem can open at this line. ``continues``: the line carries on a prose line
    that had no room left; ending with a colon, it is that sentence's tail introducing a
    quotation (`the passages of Caesar and` / `Charlemagne:`), not a poem's first line.
    ``broke_early``: the prose line before stopped well short of the measure, within a
    sentence; a verse quotation may then begin mid-line, in lower case (`public schools, and
    universities,` / `in whose halls are hung`)."""
    if _verse_like(line, measure, wrapped=wrapped, cued=cued, callouts=callouts):
        return not continues or measure is None or not _INTRODUCES.search(line.text)
    return (broke_early and measure is not None and bool(_OPENS_LOWER.match(line.text))
            and _length(line, callouts) <= VERSE_MAX_SHARE * measure and not line.glue_next)


def _is_verse(run: list[Line], running_share: float, wraps: Keys = frozenset()) -> bool:
    """``wraps``: continuation lines of wrapped verse lines (a verse line ends before the next
    line that is not one)."""
    if len(run) < MIN_VERSE_LINES or not _CLOSES.search(run[-1].text):
        return False  # a poem's last line closes; prose running on into the next does not
    ends = [line for line, after in itertools.pairwise(run)
            if (after.page, after.number) not in wraps]
    if not ends:
        return False  # one verse line wrapped is no poem
    running_on = sum(not SENTENCE_END.search(line.text) for line in ends)
    return running_on >= running_share * len(ends)


def _key(line: Line) -> tuple[int, int]:
    return (line.page, line.number)


def _wrapped(doc: Document, measures: dict[int, int | None], callouts: Widths) -> Keys:
    """The continuation lines of verse lines wrapped in a narrow column: a line in lower case,
    no longer than a verse line, after a verse-like line that opens with a capital and does not
    end with a full stop (the set-in verse had no room left where the prose measure would have
    had; a line that ends a sentence, like a citation, wraps onto nothing)."""
    found: dict[tuple[int, int], int] = {}  # a continuation: its place in the verse line
    for line, following in successors(doc):
        measure = measures.get(line.page)
        if (following is None or measure is None or following.page != line.page
                or line.kind != "paragraph" or following.kind != "paragraph"
                # (cheap first: either way the line is no longer than a verse line, and the
                # test of the continuation's length below comes first; no callouts: the
                # lengths of the texts, ``_length`` inline)
                or (len(line.text) > VERSE_MAX_SHARE * measure if not callouts
                    else _length(line, callouts) > VERSE_MAX_SHARE * measure)
                or (len(following.text) > WRAP_TAIL_SHARE * measure if not callouts
                    else _length(following, callouts) > WRAP_TAIL_SHARE * measure)):
            continue
        place = found.get((line.page, line.number), 0)
        head = (_verse_like(line, measure, wrapped=True, callouts=callouts) if not place
                else place < MAX_WRAPPED_LINES - 1
                and _length(line, callouts) <= VERSE_MAX_SHARE * measure)
        if head and not _FULL_STOP.search(line.text) and _OPENS_LETTER.match(following.text):
            found[(following.page, following.number)] = place + 1
    return frozenset(found)


def _roomy_starts(doc: Document, measures: dict[int, int | None]) -> Keys:
    """The first lines of runs of at least ``MIN_ROOMY_LINES`` lines that each open with a
    capital and left room for the next line's first word: justified prose leaves room only
    where a paragraph ends, so such a run is set line by line, whatever its width (verse near
    the full width of a narrow page: printings dta-gottsched-1730, dta-abel-1699)."""
    found: set[tuple[int, int]] = set()
    run: list[Line] = []
    for line, following in successors(doc):
        measure = measures.get(line.page)
        if (following is not None and measure and line.kind == "paragraph"
                and len(line.text) <= measure  # a printed line, not several joined
                and len(line.text) + 1 <= FIT_SHARE * measure  # room for a word at all
                and not line.glue_next and _OPENS_CAPITAL.match(line.text)
                and _OPENS_CAPITAL.match(following.text)
                and has_room(line, following, measure)):
            run.append(line)
            continue
        if run:  # (no new list after every line of prose)
            if len(run) >= MIN_ROOMY_LINES - 1:  # the last line of the run need not have room
                found.add(_key(run[0]))
            run = []
    return frozenset(found)


def line_set_pages(doc: Document) -> frozenset[int]:
    """The pages set line by line: at most ``LINE_SET_MAX_LOWER`` of their body lines open in
    lower case.

        >>> from pagemend.readers import read_text
        >>> verse = "\\n".join(["Rain on the roof,", "Wind in the lane,"] * 4)
        >>> sorted(line_set_pages(read_text(verse + "\\f" + "It was\\nthen\\n" * 4)))
        [0]
    """
    pages = set()
    match = _OPENS_LOWER.match
    for page in doc.pages:
        body = [line.text for line in page.lines if line.text and line.role == "body"]
        if len(body) < LINE_SET_MIN_LINES:
            continue
        most, lower = LINE_SET_MAX_LOWER * len(body), 0
        for text in body:
            if match(text):
                lower += 1
                if lower > most:
                    break  # (running prose: decided at its first lower-case lines)
        else:
            pages.add(page.index)
    return frozenset(pages)


Runs = list[tuple[list[Line], bool, bool]]
#: the rest of a stacked title: its lines and the heading line above them
Titles = list[tuple[list[Line], Line]]


def _runs(doc: Document) -> tuple[Runs, Keys, Titles, dict[tuple[int, int], int]]:
    """The verse runs, each with whether it lies on pages set line by line and whether a
    line of it is near the full width, the continuation lines of wrapped verse lines, the
    runs that are the rest of a stacked title instead, and where each line of a run stands
    among the body lines (its index in ``successors``)."""
    full = doc.stats.full_line_length if doc.stats else ()
    document = doc.stats.document_full_line_length if doc.stats else 0
    line_set = line_set_pages(doc)
    # a page of verse has no full prose line of its own: never measure below the book's
    measures: dict[int, int | None] = {
        page.index: None if page.index in line_set else max(
            full[page.index] if page.index < len(full) else 0, document)
        for page in doc.pages}
    callouts = callout_widths(doc)
    wraps = _wrapped(doc, measures, callouts)
    roomy = _roomy_starts(doc, measures)
    wide_lines: set[tuple[int, int]] = set()  # verse lines near the full width
    runs: list[list[Line]] = []
    current: list[Line] = []
    # the line carries on a prose line that had no room left: ending with a colon, it is
    # that sentence's tail introducing a quotation (`the passages of Caesar and` /
    # `Charlemagne:`), not a poem's first line
    continues = broke_early = introduced = cued = tail_due = False
    places: dict[tuple[int, int], int] = {}
    for place, (line, following) in enumerate(successors(doc)):
        measure = measures.get(line.page)
        key = (line.page, line.number)
        length = len(line.text) + callouts.get(key, 0) if callouts else len(line.text)
        wrapping = (bool(wraps) and following is not None
                    and (following.page, following.number) in wraps)
        # room for the next line's first word, the line's callouts counted (``has_room``'s
        # test, on the last printed line, never longer than the line, holds wherever this
        # one does); room for a character more first, the next line's first word only then
        room = (following is None or measure is None or wrapping
                or (length + 1 <= FIT_SHARE * measure
                    and length + 1 + len(first_word(following.text)) <= FIT_SHARE * measure))
        tail = tail_due and _poem_goes_on(line, measure, callouts, room=room)
        tail_due = False
        if not current and not tail:
            cued = ((introduced and room and following is not None)
                    or (bool(roomy) and key in roomy))
        # after a line that closes a sentence, a line near the full width is prose resuming
        wide = cued and not (current and SENTENCE_END.search(current[-1].text))
        # a line longer than a verse line (or the measure, after a cue) neither opens nor
        # carries on a run, but as a wrapped line's continuation: cheap first
        joins = line.kind == "paragraph" and (
            measure is None or length <= (1.0 if (wide if current else cued)
                                          else VERSE_MAX_SHARE) * measure
            or (bool(current) and key in wraps)) and (
            (key in wraps
             or _verse_like(line, measure, wrapped=wrapping, cued=wide, callouts=callouts))
            if current else _opens_run(line, measure, wrapped=wrapping, continues=continues,
                                       broke_early=broke_early, cued=cued, callouts=callouts))
        if tail or joins:
            if tail:  # (a run ended on the line before: nothing is current)
                current = runs.pop()
            current.append(line)
            places[key] = place
            if measure and length > VERSE_MAX_SHARE * measure:
                wide_lines.add(key)
            if room:
                continue
            # a line near the full width that broke its sentence for lack of room
            tail_due = cued and not SENTENCE_END.search(line.text)
        if current:  # (no new list after every line of prose)
            runs.append(current)
            current = []
        paragraph = line.kind == "paragraph"
        introduced = paragraph and ":" in line.text[-2:] and bool(_INTRODUCES.search(line.text))
        continues = paragraph and not room
        broke_early = (paragraph and measure is not None
                       and length <= DISPLAY_BREAK_SHARE * measure
                       and not SENTENCE_END.search(line.text))
    if current:
        runs.append(current)
    found, titles = _poems(doc, runs, line_set, wraps)
    return [(verse, lined, any((line.page, line.number) in wide_lines for line in verse))
            for verse, lined in found], wraps, titles, places


def _poems(doc: Document, runs: list[list[Line]], line_set: frozenset[int],
           wraps: Keys) -> tuple[list[tuple[list[Line], bool]], Titles]:
    """The candidate runs that are verse (each with whether it lies on a page set line by
    line), and those that would be but are the rest of a stacked title."""
    found, titles = [], []
    # the heading line right before a run (a stacked title goes on from one, and only
    # from one: ``_stacked_title``)
    before = {(after.page, after.number): line for line, after in successors(doc)
              if line.kind == "heading" and after is not None}
    for run in (piece for raw in runs for piece in _split_at_attributions(raw)):
        lined = run[0].page in line_set
        verse = _to_last_close(run)
        if not lined and len(verse) < len(run) and len(verse) < MIN_TRIMMED_LINES:
            continue  # a short run that does not close is prose running on
        if verse and _key(verse[0]) in wraps:
            continue  # a poem opens with a verse line, not a wrapped line's continuation
        if not _is_verse(verse, LINE_SET_RUNNING_SHARE if lined else RUNNING_SHARE, wraps):
            continue
        heading = before.get(_key(verse[0]))
        if heading is not None and _stacked_title(verse, heading, wraps):
            titles.append((verse, heading))
        else:
            found.append((verse, lined))
    return found, titles


def _poem_goes_on(line: Line, measure: int | None, callouts: Widths, *, room: bool) -> bool:
    """A verse line set near the full width broke its sentence for lack of room (a long
    first word next): the next line goes on with the poem if it opens with a capital and
    either closes the sentence within the measure (printings dta-gottsched-1730: `Dann seine
    Helden er, durchs Himmels Gunst und Macht,` / `Bey alle Creutz-Panier zusammen wieder
    bracht.`) or is as short as a verse line and left room in its turn; justified prose does
    neither."""
    if not measure or line.kind != "paragraph" or line.glue_next:
        return False
    length = _length(line, callouts)
    return bool(_OPENS_CAPITAL.match(line.text)) and (
        (bool(SENTENCE_END.search(line.text)) and length <= measure)
        or (room and length <= VERSE_MAX_SHARE * measure))


def _stacked_title(run: list[Line], previous: Line, wraps: Keys) -> bool:
    """The run goes on from a heading line on its page that continues a title of several
    lines and does not close with a full stop, and no line of the run before the last ends
    with punctuation (a comma, a virgule, a full stop): it is the rest of a stacked title
    (`Welt-Beschauung` / `Des weilant Hoch-Edelgebornen` / `Herrn Georgen ...`: printings
    dta-neitschitz-1666), not a poem, whose lines close a clause somewhere."""
    if (previous.kind != "heading" or previous.starts_block or previous.page != run[0].page
            or _FULL_STOP.search(previous.text)):
        return False
    ends = [line for line, after in itertools.pairwise(run) if _key(after) not in wraps]
    return not any(_PUNCTUATED.search(line.text) for line in ends)


def _split_at_attributions(run: list[Line]) -> list[list[Line]]:
    """The run cut before each attribution line (a name after a closing line): the poem
    ends there."""
    pieces: list[list[Line]] = [run[:1]]
    for previous, line in itertools.pairwise(run):
        if is_attribution(line, previous):
            pieces.append([])
        pieces[-1].append(line)
    # an attribution opens the piece after the poem: it is no verse line itself
    return [piece[1:] if index and len(piece) > 1 else piece
            for index, piece in enumerate(pieces) if piece]


def is_attribution(line: Line, previous: Line) -> bool:
    """An attribution line: after a line that closes, only a name (one to four capitalised
    words or initials, a dash before it or not: `—Shakespeare`, `G.J.`, `M.P. Nopput`).

        >>> closes = Line("And found no end in wandering mazes lost.", 0, 0)
        >>> [is_attribution(Line(text, 0, 1), closes) for text in
        ...  ["—Shakespeare", "M.P. Nopput", "HOBBES", "Sweet Auburn! loveliest"]]
        [True, True, True, False]
    """
    return bool(_NAME.match(line.text)) and bool(_CLOSES.search(previous.text))  # cheap first


def _to_last_close(run: list[Line]) -> list[Line]:
    """A poem ends at its last closing line: a stray line after it (a title, a running head
    the furniture stage missed, a verse line too long to be measured as one) is not verse."""
    end = len(run)
    while end > 0 and not _CLOSES.search(run[end - 1].text):
        end -= 1
    return run[:end]


def _stanza_starts(run: list[Line]) -> set[tuple[int, int]]:
    starts = {(run[0].page, run[0].number)}
    for previous, line in itertools.pairwise(run):
        if previous.page == line.page and line.number - previous.number > 1:
            starts.add((line.page, line.number))  # a blank line between: a new stanza
    return starts


def equal_stanza(run: list[Line]) -> int:
    """The length of the stanzas of a poem printed without blank lines: the least k of at
    least ``PREFERRED_MIN_STANZA`` (else ``MIN_EQUAL_STANZA``) lines that divides the poem into
    two or more stanzas each ending a sentence; the poem's length where there is none.

        >>> lines = [Line(text, 0, n) for n, text in enumerate(
        ...     ["Rain on the roof,", "Wind in the lane,", "Night at the door,", "Morning again.",
        ...      "Rain on the sea,", "Wind in the hill;", "Night at the gate,", "Morning still."])]
        >>> equal_stanza(lines), equal_stanza(lines[:4] * 2), equal_stanza(lines[:6])
        (4, 4, 6)
    """
    size = len(run)
    if size < MIN_EQUAL_POEM:
        return size
    fitting = [k for k in range(MIN_EQUAL_STANZA, size // 2 + 1)
               if size % k == 0 and all(SENTENCE_END.search(run[end - 1].text)
                                        for end in range(k, size + 1, k))]
    # a tercet is half a tail-rhymed sexain as often as a stanza of its own: prefer longer
    longer = [k for k in fitting if k >= PREFERRED_MIN_STANZA]
    return (longer or fitting or [size])[0]


def _blank_lines_inside(run: list[Line]) -> bool:
    return any(previous.page == line.page and line.number - previous.number > 1
               for previous, line in itertools.pairwise(run))


def _mark_run(changes: Changes, run: list[Line], lined: bool, wraps: Keys,
              near_full: bool = False) -> None:
    by = LINE_SET if lined else NEAR_FULL if near_full else SHORT_LINES
    starts = _stanza_starts(run)
    wrapped = any((line.page, line.number) in wraps for line in run)
    stanza = len(run) if wrapped or _blank_lines_inside(run) else equal_stanza(run)
    closing = sum(bool(SENTENCE_END.search(line.text)) for line in run[:-1])
    evidence = (f"{len(run)} short lines, {len(run) - 1 - closing} of the first "
                f"{len(run) - 1} running on")
    for index, line in enumerate(run):
        opening = index == 0 and not lined and _OPENS_LOWER.match(line.text)
        changes.set(line, MID_LINE if opening else by, f"line {index + 1} of {evidence}",
                    kind="verse")
        if (line.page, line.number) in wraps:
            changes.replace(line, wraps=True)
            changes.record(line, WRAPPED, "wraps", before=False, after=True,
                           evidence=f"{len(line.text)} characters in lower case after "
                                    f"{run[index - 1].text[:20]!r}")
        if (line.page, line.number) in starts:
            where = "first line of the run" if index == 0 else "after a blank line"
            changes.set(line, STANZA, where, starts_block=True)
        elif index % stanza == 0:
            changes.set(line, EQUAL_STANZAS, f"line {index + 1} of {len(run)}, stanzas of "
                        f"{stanza} lines each ending a sentence", starts_block=True)
        elif line.starts_block:
            changes.set(line, STANZA, "inside a stanza", starts_block=False)


@stage(STAGE, DetectVerseConfig, requires=("stats", "line.role"), assigns=("line.kind",))
def detect_verse(doc: Document, config: DetectVerseConfig | None) -> Document:
    """Mark verse lines; see the module docstring."""
    changes = Changes()
    runs, wraps, titles, places = _runs(doc)
    pairs = list(successors(doc)) if runs else []
    for title, heading in titles:
        for line in title:
            changes.set(line, TITLE_REST, f"runs on from the heading line {heading.text[:30]!r} "
                        f"without punctuation at a line's end", kind="heading",
                        level=heading.level, starts_block=False)
    for run, lined, near_full in runs:
        place = places[_key(run[-1])]
        after = pairs[place][1]  # the next body line, and the one after it
        if after is not None and after.kind == "paragraph" and is_attribution(after, run[-1]):
            changes.set(after, ATTRIBUTION, f"{after.text!r} after the poem's closing line",
                        starts_block=True)
            resumed = pairs[place + 1][1]
            if (resumed is not None and resumed.kind == "paragraph"
                    and _OPENS_CAPITAL.match(resumed.text)):
                changes.set(resumed, ATTRIBUTION, f"follows the attribution {after.text!r}",
                            starts_block=True)
        _mark_run(changes, run, lined, wraps, near_full)
    return changes.apply(doc)
