"""separate_notes: take footnotes out of the body flow.

A footnote block is a run of lines at the foot of a page's body whose first line opens with
a note label (``1``, ``2.``, ``*``, ``[3]``, a number glued to a capital: ``8Compare``), whose
labels run in increasing order down the page, and each of whose labels stands as a marker in
the body above (``Law.2``, ``state.^68``), or, where no marker can be found (OCR misreads
raised numerals), whose numbers are glued to the notes' first words and count up from 1 or
on from the notes before. Lines without a label continue the note above. Older printings close
their labels with a bracket (``1)``, ``(a)``, ``b)``, ``*)``, ``**)``, ``†)``): one style of
bracketed label holds for a page's foot, and such a label, printed so as its callout, may open
a note that fills the page. A number set apart at a line's start inside a note (``392 A; 4,
427 B``, a folio below the notes), with no marker above and not the number after the label
above it, goes on with the note; a section sign before a number (``§. 7.``) is no label.
Note lines get the role ``note`` and kind ``note``; each labelled line opens a note block.
Paragraphs then rejoin over them.

A note that runs over a page break (its last line ends no sentence) continues at the foot of
the next page, without a label. With the reader's geometry, the continuation is the page's
bottom run of lines in note type (``NOTE_SIZE_RATIO`` of the body's size or less). Without
it, where notes are set in smaller type (their lines hold
``NOTE_TYPE_RATIO`` more characters than the body's), the continuation is found by width:
the split of the page's lines that best fits body-width lines above and note-width lines
below; a page filled by a long note becomes note entirely. In books that print catchwords,
a page whose note runs on carries two at its foot: one opens the next page's text, the other
the note's continuation there, wherever the widths fail. An unfinished note must go on, so
when the widths show nothing, the line right above the page's first note is taken (the short
last line of the continued note); and when the body had closed its paragraph on the page
before, a page that opens in lower case opens with the note.

An endnote section opens under its heading (``NOTES``, ``Notes to Chapter III``) when the next
line opens with a note label, and runs to the next division heading: labelled lines open
notes, the others continue them. Endnotes set at a chapter's end without a heading (a short
rule, then ``1.`` ...) are the run of lines numbered 1, 2, ... up to the next division heading,
set in note type (smaller, or longer lines in page text), whose numbers all stand as markers
in the chapter above, and which closes the page or stands above a short line (a chapter title
alone): a run followed on its page by a full line is a page's footnotes.

A label the extractor set on a line of its own (``∗`` above the note's text, often with a blank
line between) opens the note whose text follows; where several labels stand together above as
many lines, each line is one note.

Every line decision is recorded with the rule that took it (:mod:`pagemend.rules`).

Leaves alone: numbered paragraphs and lists (their numbers are not referenced as markers, or
not in increasing order at the foot).

    >>> from pagemend.readers import read_text
    >>> page = "value of Law.2\\nThus the right reason.\\n1. A note\\n2. Law is order."
    >>> doc = separate_notes(read_text("It was?1\\n" + page), None)
    >>> [(line.text, line.role) for line in doc.lines()][-3:]
    [('Thus the right reason.', 'body'), ('A note', 'note'), ('Law is order.', 'note')]
    >>> page = "so said Horatius(a) and\\nthe rest.\\n(a) l. 2. Epist.\\n3. p. 126."
    >>> doc = separate_notes(read_text(page), None)
    >>> [(line.text, line.role, line.note_id) for line in doc.lines()][-2:]
    [('l. 2. Epist.', 'note', '(a)'), ('3. p. 126.', 'note', None)]
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from pagemend.data.headings import BARE_NUMERAL, DIVISION
from pagemend.data.notes import (
    ENDNOTES_HEADING,
    MAX_LABEL_DIGITS,
    MISREAD_NUMERAL,
    first_marker,
    has_marker,
    note_label,
)
from pagemend.data.punctuation import SENTENCE_END
from pagemend.layout import (
    FULL_BAND,
    FULL_LINE_PERCENTILE,
    OVERLONG_RATIO,
    full_line,
    percentile,
)
from pagemend.model import Document, Edit, Geometry, Line, Page
from pagemend.registry import stage
from pagemend.rules import Changes, Rule, rule

__all__ = ["SeparateNotesConfig", "footnote_lines", "separate_notes"]

STAGE = "separate_notes"

#: How far up from the foot a footnote block may reach, as a share of the page's body lines:
#: long notes fill half a page in the development corpus (biographia-weasy).
MAX_NOTE_SHARE = 0.7
#: Glued note numbers may go on from the last note found on the pages before by up to this
#: many more than one (OCR garbles a raised label now and then: ``®`` for 6 in franklin-latex).
MAX_MISSED_NOTES = 2
#: Notes set in smaller type run at least this much longer (in characters) than body lines;
#: only then can a note continued from the page before be told from the body by width.
#: Development corpus: 1.13-1.18 where notes are smaller (groff, WeasyPrint, LibreOffice).
NOTE_TYPE_RATIO = 1.08
#: With the reader's geometry, a note continued from the page before is the page's bottom run
#: of lines in type this share of the body's size or smaller (corpus PDFs: notes at 0.74 to
#: 0.80 of the body's size; quotations set smaller, at 0.92).
NOTE_SIZE_RATIO = 0.85
#: OCR: a symbol-labelled run of at least this many lines at the body's size and line
#: spacing is no footnote (see ``_quotes_misread``).
MIN_SPACED_LINES = 3
#: ... its line spacing this share of the body's or more: OCR's footnote lines are 0.75-0.85
#: of the body's spacing (mohicans-xelatex, montaigne-latex, 300 dpi), a misread quoted verse
#: 0.98-1.0 (expression-xelatex).
BODY_PITCH_SHARE = 0.93
#: OCR: a run of this many notes numbered from 1 in note type at a chapter's end is an
#: endnote list without its markers (expression-xelatex: 19; lists in small type seldom
#: count past a few)
MIN_SCANNED_ENDNOTES = 5
#: OCR's common misreadings of digits (``s.`` for ``5.``, ``l`` or ``I`` for 1, ``O`` for 0)
_OCR_DIGITS = str.maketrans("IlOoSsB", "1100558")
_OCR_LABEL = re.compile(r"^([0-9IlOoSsB]{1,3})\.\s")
#: OCR's reading of a ``*`` label glued to its note's first word (see ``_label_lost``)
_LOST_LABEL = re.compile(r"^[“\"‘'*∗][A-Z][a-z]")
#: OCR's reading of a dagger label glued to its note's first word (see ``_misread_dagger``)
_MISREAD_DAGGER = re.compile(r"^(?:[Tt](?:[A-Z][a-z]|[“\"‘])|['’][“\"])")
#: Lines shorter than this share of the body's width end paragraphs and say nothing of type.
FULL_ISH_SHARE = 0.8

#: A note may reach above ``MAX_NOTE_SHARE`` of the page when the foot holds at least this many
#: lines in note type up to its label (one long line may be a joined one; the synthetic long
#: note of tests/stages/test_separate_notes.py fills three quarters of its page).
MIN_NOTE_TYPE_LINES = 3
#: An endnote list (no heading) holds at least this many notes, numbered 1, 2, ... (one
#: numbered line at a chapter's end is as likely a last list item).
MIN_ENDNOTES = 2

#: A catchword is the first word or two of the next page (or of the note running on there),
#: set alone at the foot: at most this many characters (printings: `a parte`, `Opu-`).
MAX_CATCHWORD_CHARS = 16
#: The catchwords stand among this many last lines of a page (text catchword, note
#: catchword, a signature mark between them: dta-kant-1781, dta-glueck-1790).
CATCHWORD_LINES = 4

#: a number alone on its line: at the foot, above text, a note's label set apart
BARE_LABEL = re.compile(rf"^\d{{1,{MAX_LABEL_DIGITS}}}$")

#: a note line that stops mid-sentence (a word, a comma, a hyphen): the note goes on
_MID_SENTENCE = re.compile(r"[\w,;-]$")

FOOTNOTE_BLOCK = rule(STAGE, "footnote_block", "Lines at the foot of a page that open with note "
                      "labels in increasing order, each label standing as a marker in the body "
                      "above, are footnotes.")
GLUED_NUMBERS = rule(STAGE, "glued_numbers", "Numbers glued to the first words of lines at the "
                     "foot (`1Recalled`), counting up by one from 1 or from the notes before, "
                     "are footnotes even where their markers cannot be read.")
MISREAD_MARKERS = rule(STAGE, "misread_markers", "Lines at the foot of a page that open with "
                       "labels counting up by one, below exactly as many marks glued to words "
                       "that OCR makes of raised numerals (`situation,'time`), are footnotes.")
LABELS_IN_NOTE_TYPE = rule(STAGE, "labels_in_note_type", "With sizes: lines at the foot of a "
                           "page set smaller than the body that open with labels counting up "
                           "by one are footnotes, even where their markers were lost.")
LABEL_MISREAD = rule(STAGE, "label_misread", "With OCR's positions: the page's bottom run "
                     "of lines in note type, its first line opening with a quotation mark "
                     "(OCR's reading of a `*` label), is a footnote whose label was misread.")
NOTE_GOES_ON = rule(STAGE, "note_goes_on", "An unlabelled line below a note's first line goes "
                    "on with that note.")
LABEL_ALONE = rule(STAGE, "label_alone", "A note label set on a line of its own (extracted "
                   "apart from its note) opens the note whose text follows it.")
CONTINUED_IN_NOTE_TYPE = rule(STAGE, "continued_in_note_type", "With positions and sizes: the "
                              "bottom run of a page's lines in note type continues the note "
                              "left unfinished on the page before.")
CONTINUED_BY_WIDTH = rule(STAGE, "continued_by_width", "Where notes are set smaller, the "
                          "page's bottom lines that run as long as note lines continue the "
                          "note left unfinished on the page before.")
CONTINUED_LAST_LINE = rule(STAGE, "continued_last_line", "The sentence-ending line right above "
                           "a page's first note ends the note left unfinished on the page "
                           "before.")
CONTINUED_LOWER_CASE = rule(STAGE, "continued_lower_case", "A page that opens in lower case, "
                            "after a body that closed its paragraph, opens with the note left "
                            "unfinished on the page before.")
CONTINUED_AT_CATCHWORD = rule(STAGE, "continued_at_catchword", "Where a page's foot prints "
                              "two catchwords, one opening the next page's text, the other "
                              "opens the note that runs on there.")
ENDNOTE_SECTION = rule(STAGE, "endnote_section", "Under an endnotes heading (`NOTES`), lines "
                       "that open with note labels open notes, up to the next division "
                       "heading.")
ENDNOTE_LIST = rule(STAGE, "endnote_list", "At a chapter's end, a run of lines in note type "
                    "numbered 1, 2, ... up to the next division heading, each number standing "
                    "as a marker in the chapter above, is the chapter's endnotes.")


@dataclass(frozen=True, slots=True)
class SeparateNotesConfig:
    enabled: bool = True


def _style(label: str) -> str:
    """A label's style: ``digits``, ``letters`` (``(a)``, ``b)``) or ``symbols``."""
    core = label.strip("()")
    return "digits" if core.isdigit() else "letters" if core.isalpha() else "symbols"


def _same_style(label: str, other: str) -> bool:
    """Bracketed letters and symbols (``(a)``, ``*)``) are not mixed with other labels."""
    closed = [lb for lb in (label, other) if lb.endswith(")")]
    return not closed or _style(label) == _style(other)


def _increasing(labels: list[str]) -> bool:
    """Numbers, or letters (``(a)``, ``b)``), run in increasing order down the page."""
    letters = [label.strip("()") for label in labels if label.strip("()").isalpha()]
    if letters and len(letters) == len(labels):
        return letters == sorted(set(letters), key=lambda letter: (len(letter), letter))
    numbers = [int(label) for label in labels if label.isdigit()]
    return len(numbers) != len(labels) or numbers == sorted(set(numbers))


class _Order:
    """``_increasing`` of labels added one at a time above the others, kept as they come
    (each test is of the new label against the one below it).

    >>> order, labels = _Order(), []
    >>> for label in ("3", "2", "2", "1"):
    ...     order.add_above(label); labels.insert(0, label)
    ...     assert order.increasing == _increasing(labels)
    """

    def __init__(self) -> None:
        self.top: str | None = None
        self.letters = self.digits = True  # all labels so far are letters / numbers
        self.letters_rise = self.digits_rise = True  # ... and run strictly increasing

    def add_above(self, label: str) -> None:
        core = label.strip("()")
        top = self.top
        if top is not None and self.letters and core.isalpha():
            below = top.strip("()")
            self.letters_rise = self.letters_rise and (len(core), core) < (len(below), below)
        if top is not None and self.digits and label.isdigit():
            self.digits_rise = self.digits_rise and int(label) < int(top)
        self.letters = self.letters and core.isalpha()
        self.digits = self.digits and label.isdigit()
        self.top = label

    @property
    def increasing(self) -> bool:
        if self.letters:
            return self.letters_rise
        return not self.digits or self.digits_rise


class _MarksAbove:
    """The body text a page's line may find its markers in (``before``, the page before's,
    then the page's body lines as markers show in them), joined once; where each label's
    first marker begins in it, found once a label. A marker stands in the text above line
    ``i`` (``has_marker(label, "\\n".join([before, *marked[:i]]))``) if the label's first
    marker begins before ``ends[i]``: a marker takes in no newline, each look-ahead of its
    pattern sees the newline after a line as it sees the end of a text, and its look-behinds
    see the same text before it.

    >>> above = _MarksAbove("went.1 on", ["a line", "and.2 more"])
    >>> [above.has_before("2", i) for i in range(3)], above.has_before("1", 0)
    ([False, False, True], True)
    """

    def __init__(self, before: str, marked: list[str]) -> None:
        self.text = "\n".join([before, *marked])
        #: where the text above each line ends (the length of the join up to it)
        self.ends = list(itertools.accumulate(map((1).__add__, map(len, marked)),
                                              initial=len(before)))  # (each len + 1)
        self._first: dict[str, int] = {}

    def first(self, label: str) -> int:
        """Where the label's first marker begins in the text, or -1."""
        found = self._first.get(label)
        if found is None:
            found = self._first[label] = first_marker(label, self.text)
        return found

    def has_before(self, label: str, i: int) -> bool:
        """A marker for the label stands in the text above line ``i``."""
        return 0 <= self.first(label) < self.ends[i]


def footnote_lines(page: Page, before: str | list[Line] = "",
                   follows: int | None = None, note_type_from: int | None = None,
                   note_size: float = 0.0, *, body: list[Line] | None = None,
                   ) -> tuple[dict[int, tuple[str, int]], Rule | None]:
    """Line number -> (label, label length) for the labelled lines of the page's footnote
    block, and the rule that found it; continuation lines are those between and after them.
    ``before`` is the body text of the page before, or its body lines (their text, as
    markers show in it, joined only where the page has a label to look for): a long note may
    be set on the page after its marker's, filling it. ``follows``: the last note number of
    the pages before (see ``_glued_run``). ``note_type_from``: the index among the page's
    body lines from which all lines are in note type (see ``_note_type_tail``): a note may
    fill more of the page.
    ``note_size``: with geometry, the type size at or below which a line is in note type.
    ``body``: the page's body lines (``_body_lines``), where the caller has them."""
    if body is None:
        body = _body_lines(page)
    by: Rule | None = None
    labelled: list[tuple[Line, tuple[str, int]]] = []
    lowest = len(body) - max(1, int(MAX_NOTE_SHARE * len(body))) if body else 0
    if note_type_from is not None:
        lowest = min(lowest, note_type_from - 1)
    if body and before and note_label(body[0].text):
        lowest = -1  # the page may open with a note referenced on the page before
    candidates = _label_candidates(body, lowest)
    if not candidates:
        return {}, None  # (most pages: no line may open a note)
    if not isinstance(before, str):
        before = "\n".join(_marked_lines(before))
    marked = _marked_lines(body)  # the body lines as markers show in them
    above = _MarksAbove(before, marked)
    bare = False  # a number alone on its line among the labels: no glued numbers
    strays = _strays(candidates, above, body)
    order = _Order()
    latest = -1  # where the last of the labels' first markers begins (past the text: one missing)
    taken = 0  # how many of the labels (the lowest) the best block holds
    for i, found, bare_here in reversed(candidates):
        if i in strays or (labelled and not _same_style(found[0], labelled[0][1][0])):
            continue  # `a) ein jeder` above notes `26)`, `27)`: one style of label per foot
        bare = bare or bare_here
        labelled.insert(0, (body[i], found))
        order.add_above(found[0])
        first = above.first(found[0])
        latest = max(latest, first if first >= 0 else len(above.text))
        if not order.increasing:
            continue
        if latest < above.ends[i]:  # every label a marker in the text above the line
            taken, by = len(labelled), FOOTNOTE_BLOCK
            continue
        labels = [label for _, (label, _) in labelled]
        if not bare and _glued_run([label for _, label in labelled], follows):
            taken, by = len(labelled), GLUED_NUMBERS
        elif not bare and _misread_run(labels, follows, marked[:i]):
            taken, by = len(labelled), MISREAD_MARKERS
        elif not bare and _counted_in_note_type(labelled, note_size):
            taken, by = len(labelled), LABELS_IN_NOTE_TYPE
    # (labels only go on above the others: the block taken is the lowest ``taken`` of them)
    best = {line.number: label for line, label in labelled[len(labelled) - taken:]}
    return best, by


def _label_candidates(body: list[Line], lowest: int) -> list[tuple[int, tuple[str, int], bool]]:
    """(index, (label, length), set apart alone) of the body lines that may open a note, top
    down: below ``lowest``, or above it with a bracketed label (see ``_closed_label``)."""
    found_at: list[tuple[int, tuple[str, int], bool]] = []
    last = len(body) - 1
    for i, found in enumerate([note_label(line.text) for line in body]):
        if found is None:
            text = body[i].text
            if lowest < i < last and BARE_LABEL.match(text):
                found_at.append((i, (text, len(text)), True))  # a label set apart
        elif i > lowest or _closed_label(body[i].text, found):
            found_at.append((i, found, False))  # (only a bracketed label, `1)` or `(a)`,
            # opens a note this high)
    return found_at


def _strays(candidates: list[tuple[int, tuple[str, int], bool]], above: _MarksAbove,
            body: list[Line]) -> set[int]:
    """Indices of numbers that open lines inside a note: no marker for them above, not the
    number after the label above (a numbered list counts on: `10. Cleanliness.` /
    `11. Tranquillity.`), and either set apart before text below a note whose marker stands
    above (`392 A; 4, 427 B`, dta-rohde-1894) or alone on its line below a bracketed label
    (a folio under `(a)` or `2)`: dta-treviranus-1802, dta-rohde-1894). Any other number
    keeps its place, and one without a marker keeps the block above from being taken (code
    output, a list)."""
    strays: set[int] = set()
    for k, (i, (label, length), bare) in enumerate(candidates):
        if not k or not label.isdigit() or (length == len(label) and not bare):
            continue
        upper_i, upper_found, _ = candidates[k - 1]
        upper = upper_found[0]
        if upper.isdigit() and int(upper) + 1 == int(label):
            continue
        inside = _closed_label(body[upper_i].text, upper_found) if bare else (
            above.has_before(upper, upper_i))
        if inside and not above.has_before(label, i):
            strays.add(i)
    return strays


def _closed_label(text: str, found: tuple[str, int]) -> bool:
    """The label is closed by a bracket (``1)``, ``(a)``, ``*)``): set so, as its callout in
    the text, it is no list number, and a note may fill the page (dta-rohde-1894)."""
    return found[0].endswith(")") or text[len(found[0]):len(found[0]) + 1] == ")"


def _counted_in_note_type(labelled: list[tuple[Line, tuple[str, int]]], note_size: float
                          ) -> bool:
    """Labels counting up by one, each opening a line set in note type (smaller than the
    body: ``NOTE_SIZE_RATIO``): footnotes whose markers were lost (OCR drops raised
    numerals, or reads them as marks)."""
    numbers = [label for _, (label, _) in labelled]
    if not note_size or not all(label.isdigit() for label in numbers):
        return False
    if any(int(b) != int(a) + 1 for a, b in itertools.pairwise(numbers)):
        return False
    sizes = [line.geometry.font_size if line.geometry else None for line, _ in labelled]
    return all(size and size <= note_size for size in sizes)


def _misread_run(labels: list[str], follows: int | None, above: list[str]) -> bool:
    """Labels counting up by one from 1 (or from the last note of the pages before), with
    exactly as many OCR misreadings of a raised numeral in the page's text above
    (``situation,'time``): a footnote block whose markers OCR could not read."""
    if not all(label.isdigit() for label in labels):
        return False
    numbers = [int(label) for label in labels]
    start = 1 if follows is None else follows + 1
    if numbers != list(range(start, start + len(numbers))) and numbers[0] != 1:
        return False
    found = sum(len(MISREAD_NUMERAL.findall(text)) for text in above)
    return found == len(numbers)


def _glued_run(labels: list[tuple[str, int]], follows: int | None) -> bool:
    """Numbers glued to their notes' first words (``1Recalled``, ``2This``: a raised numeral
    set close), counting up by one from 1 or from the last note of the pages before (a note
    or two missed there, a label garbled beyond reading, must not hide the rest): a
    footnote block even where its markers cannot be found above, as when OCR misreads the
    raised numerals (``sunk.!`` for ``sunk.¹``). A list or numbered paragraphs set their
    numbers apart (``2. He``, ``2 He``)."""
    numbers = [int(label) for label, length in labels if label.isdigit() and length == len(label)]
    if not numbers or len(numbers) != len(labels):
        return False
    consecutive = all(b == a + 1 for a, b in itertools.pairwise(numbers))
    return consecutive and (numbers[0] == 1 or (
        follows is not None and 0 < numbers[0] - follows <= MAX_MISSED_NOTES + 1))


def _marked_lines(lines: list[Line]) -> list[str]:
    """``_marked`` of each line (most have no superscripts: their text as it is)."""
    return [line.text if (geometry := line.geometry) is None or not geometry.superscripts
            else _marked(line) for line in lines]


def _marked(line: Line) -> str:
    """The line's text with the superscripts the reader saw written with a caret."""
    text = line.text
    if line.geometry is None or not line.geometry.superscripts:
        return text
    for start, _ in reversed(line.geometry.superscripts):
        text = text[:start] + "^" + text[start:]
    return text


def _sentence_done(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


def _note_type_ratio(doc: Document, labelled: dict[int, dict[int, tuple[str, int]]]) -> float:
    """How much longer (in characters) note lines run than body lines: notes set in smaller
    type hold more characters in the same width."""
    notes: list[int] = []
    body: list[int] = []
    for page in doc.pages:
        if not labelled.get(page.index):  # (most pages: no note, every line the body's)
            body += [len(line.text) for line in page.lines if line.text and line.role == "body"]
            continue
        start = min(labelled[page.index])
        lengths = [(line.number, len(line.text)) for line in page.lines
                   if line.text and line.role == "body"]
        notes += [length for number, length in lengths if number >= start]
        body += [length for number, length in lengths if number < start]
    if len(notes) < 2 or len(body) < 2:
        return 1.0
    # a ratio of two like measures: lines joined by an extractor inflate both alike, so the
    # plain percentile serves (measuring printed lines only moved no note on the corpus's
    # page text and cost a continued note in its plain pdftotext variant)
    return percentile(notes, FULL_LINE_PERCENTILE) / max(percentile(body, FULL_LINE_PERCENTILE), 1)


def _continuation(lines: list[Line], body_width: float, note_width: float) -> int:
    """Index in ``lines`` where a note continued from the previous page begins: the split
    that best fits body-width lines above and note-width lines below (short lines, which end
    paragraphs, are left out of the fit). ``len(lines)`` when there is none."""
    best, best_score, gain = len(lines), 0.0, 0.0
    for k in range(len(lines) - 1, -1, -1):  # the gain of calling lines[k:] note, bottom up
        width = len(lines[k].text)
        if width >= FULL_ISH_SHARE * body_width:
            gain += (width - body_width) ** 2 - (width - note_width) ** 2
        if gain > best_score:
            best, best_score = k, gain
    return best


def _continued_notes(doc: Document, labelled: dict[int, dict[int, tuple[str, int]]],
                     body_size: float) -> dict[int, tuple[int, Rule]]:
    """Page -> first line number of a note continued from the page before (see above), and
    the rule that found it (``body_size``: the body's type size, 0 for none). The body's
    width is measured again once the continuations are out of it: long notes that fill
    pages would otherwise pass for body."""
    ratio = _note_type_ratio(doc, labelled)
    if ratio < NOTE_TYPE_RATIO and not _notes_in_small_type(doc, labelled, body_size):
        return {}
    found: dict[int, tuple[int, Rule]] = {}
    starts = {page: min(labels) for page, labels in labelled.items() if labels}
    for _ in range(2):
        body_lengths: list[int] = []
        for page in doc.pages:  # each page's body lines above its notes (continued or labelled)
            cut = min(found[page.index][0] if page.index in found else math.inf,
                      starts.get(page.index, math.inf))
            body_lengths += [len(line.text) for line in page.lines
                             if line.text and line.role == "body" and line.number < cut]
        body_width = float(full_line(body_lengths)) if body_lengths else 0.0
        found = _continuations(doc, labelled, (body_width, ratio), body_size)
    return found


def _catchwords(page: Page) -> list[str]:
    """The short lines at the page's foot that may be catchwords (hyphen dropped)."""
    lines = [line.text.strip() for line in page.lines if line.text.strip()][-CATCHWORD_LINES:]
    return [text.rstrip("-") for text in lines
            if len(text) <= MAX_CATCHWORD_CHARS and len(text.split()) <= 2
            and text.rstrip("-")[:1].isalpha()]


def _opens(text: str, catchword: str) -> bool:
    return text == catchword or text.startswith(catchword + " ") or (
        text.startswith(catchword) and text[len(catchword):len(catchword) + 1].isalpha())


def _catchword_continuations(doc: Document, labelled: dict[int, dict[int, tuple[str, int]]]
                             ) -> dict[int, tuple[int, Rule]]:
    """Page -> the line where the note run on from the page before begins, found by the
    note's catchword (see ``CONTINUED_AT_CATCHWORD``)."""
    found: dict[int, tuple[int, Rule]] = {}
    for before, page in itertools.pairwise(doc.pages):
        if not labelled.get(before.index):
            continue  # no note on the page before: none runs on
        start = min(labelled[page.index]) if labelled.get(page.index) else 10**9
        body = [line for line in page.lines if line.text and line.role == "body"
                and line.number < start]
        words = _catchwords(before) if body else []
        text_word = [word for word in words if _opens(body[0].text, word)]
        if not text_word:
            continue  # the page's first line shows no catchword printed above it
        for word in words:
            if word in text_word:
                continue
            opening = [line for line in body[1:] if _opens(line.text, word)]
            if opening:  # the lowest: the text above may open a line with the word too
                found[page.index] = (opening[-1].number, CONTINUED_AT_CATCHWORD)
                break
    return found


def _continuation_start(candidates: list[Line], labelled: bool, body_closed: bool,
                        measures: tuple[float, float, float]) -> tuple[int, Rule]:
    """Index in ``candidates`` (the page's body lines above its first note) where the note
    continued from the page before begins, and the rule; ``len(candidates)`` for none.
    ``measures``: the body's width in characters, the notes' ratio to it, the body's size."""
    body_width, ratio, body_size = measures
    k = _small_type_start(candidates, body_size)
    if k is not None:
        return k, CONTINUED_IN_NOTE_TYPE
    # no geometry: the widths in characters tell, and the text
    k = _continuation(candidates, body_width, body_width * ratio)
    if k == len(candidates) and labelled and _sentence_done(candidates[-1].text):
        return k - 1, CONTINUED_LAST_LINE  # an unfinished note goes on: the line ending it
    if body_closed and candidates[0].text[:1].islower():
        return 0, CONTINUED_LOWER_CASE  # the body closed its paragraph: a page opening in
        # lower case goes on with the note
    return k, CONTINUED_BY_WIDTH


def _continuations(doc: Document, labelled: dict[int, dict[int, tuple[str, int]]],
                   widths: tuple[float, float], body_size: float
                   ) -> dict[int, tuple[int, Rule]]:
    """Page -> first line of the note it carries over, and the rule; ``widths``: the body's
    full line in characters and the notes' ratio to it; ``body_size``: the body's type size
    (0: none)."""
    found: dict[int, tuple[int, Rule]] = {}
    open_note = body_closed = False
    for page in doc.pages:
        start = min(labelled[page.index]) if labelled.get(page.index) else None
        candidates = [line for line in page.lines if line.text and line.role == "body"
                      and (start is None or line.number < start)]
        if open_note and candidates:
            k, by = _continuation_start(candidates, start is not None, body_closed,
                                        (*widths, body_size))
            if k < len(candidates):
                found[page.index] = (candidates[k].number, by)
        first = found[page.index][0] if page.index in found else 10**9
        body = [line for line in candidates if line.number < first]
        if body:
            body_closed = _sentence_done(body[-1].text)
        note_lines = [line for line in page.lines if line.text and line.role == "body" and (
            (start is not None and line.number >= start) or line.number >= first)]
        if note_lines:
            open_note = bool(_MID_SENTENCE.search(note_lines[-1].text))
    return found


def _body_size(doc: Document) -> float:
    """The body's type size (the most common among its lines), or 0 without geometry."""
    raw = Counter([size for line in doc.lines() if (geometry := line.geometry) is not None
                   and line.text and line.role == "body" and (size := geometry.font_size)])
    sizes: Counter[float] = Counter()
    for size, count in raw.items():  # (each size rounded once, counted in its first line's
        # order: the commonest found as a Counter of the rounded sizes line by line finds it)
        if math.isnan(size):  # a NaN: rounded, it is no key another equals
            for _ in range(count):
                sizes[round(size, 1)] += 1
        else:
            sizes[round(size, 1)] += count
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _notes_in_small_type(doc: Document, labelled: dict[int, dict[int, tuple[str, int]]],
                         body_size: float) -> bool:
    """With the reader's geometry: the labelled notes are set in note type (see
    ``NOTE_SIZE_RATIO``), so a continued note can be told by its type size."""
    sizes = sorted(line.geometry.font_size for page in doc.pages if labelled.get(page.index)
                   for line in page.lines if line.number in labelled[page.index]
                   and line.geometry is not None and line.geometry.font_size)
    return bool(body_size and sizes) and sizes[len(sizes) // 2] <= NOTE_SIZE_RATIO * body_size


def _small_type_start(lines: list[Line], body_size: float) -> int | None:
    """With the reader's geometry: the index where the page's bottom run of lines in note
    type (``NOTE_SIZE_RATIO`` of the body's size or less) begins; ``len(lines)`` when the
    page ends in body type; None without geometry."""
    sizes = [line.geometry.font_size if line.geometry else None for line in lines]
    if not body_size or not all(sizes):
        return None
    k = len(lines)
    while k > 0 and (sizes[k - 1] or 0.0) <= NOTE_SIZE_RATIO * body_size:
        k -= 1
    return k


#: a note line to mark: (line, its label or None, the rule, the evidence in words)
_NoteLine = tuple[Line, tuple[str, int] | None, Rule, str]


#: a division heading, a numeral alone or an endnotes heading (the three patterns, each with
#: its own flags, as one: a line is asked once)
_DIVISION = re.compile(rf"(?i:{DIVISION.pattern})|(?:{BARE_NUMERAL.pattern})"
                       rf"|(?i:{ENDNOTES_HEADING.pattern})")


#: the characters a line ``_DIVISION`` matches may open with: a division word's or an endnotes
#: heading's first letter in either case (the long s and the Kelvin sign match ``s`` and ``k``
#: ignoring case), a roman numeral's capital, the section sign
_DIVISION_FIRST = frozenset("abcdehklnprstvABCDEHKLNPRSTV\u017f\u212aIVXLCDM§")


def _division(text: str) -> bool:
    """A division heading, a numeral alone or an endnotes heading.

    >>> [_division(text) for text in ("CHAPTER IV", "XII", "Notes to Chapter 3", "I said")]
    [True, True, True, False]
    """
    return text[:1] in _DIVISION_FIRST and _DIVISION.match(text) is not None


#: the characters an endnotes heading may open with (``ENDNOTES_HEADING``'s words, either case)
_ENDNOTES_FIRST = frozenset("aenrAENR")


def _endnote_sections(body: list[Line]) -> list[_NoteLine]:
    """Lines of endnote sections under their heading, with their labels (None for a line
    that goes on with a note).

    A section opens under an endnotes heading (``NOTES``, ``Notes to Chapter III``) whose next
    line opens with a note label, and runs to the next division heading or the end."""
    found: list[_NoteLine] = []
    headed = [i for i, line in enumerate(body)
              if line.text[:1] in _ENDNOTES_FIRST and ENDNOTES_HEADING.match(line.text)]
    if not headed:
        return found  # (most documents: no endnotes heading, no section to walk)
    inside, headings = False, set(headed)
    for i in range(headed[0], len(body)):  # (no section opens above the first heading)
        line = body[i]
        if i in headings:
            following = body[i + 1] if i + 1 < len(body) else None
            inside = following is not None and _section_label(following.text) is not None
            heading = line.text
            continue
        if inside and (DIVISION.match(line.text) or BARE_NUMERAL.match(line.text)):
            inside = False
        if inside:
            found.append((line, _section_label(line.text), ENDNOTE_SECTION,
                          f"under the endnotes heading {heading!r}"))
    return found


def _section_label(text: str) -> tuple[str, int] | None:
    """A note label opening a line of an endnote section, or a number alone on its line
    (the label set apart from its note's text, as pdfium extracts a raised first label).

    >>> _section_label("1"), _section_label("2Prise"), _section_label("Prise")
    (('1', 1), ('2', 1), None)
    """
    if BARE_LABEL.match(text):
        return text, len(text)
    return note_label(text)


class _BodyIndex:
    """Each body line's note label, the lines labelled 1, the division headings and, per
    number, the lines that may open a note with it (its label, or OCR's misreading of one:
    see ``_misread_label``), found once a stage (the endnote search looks at the lines after
    every line labelled 1)."""

    def __init__(self, body: list[Line]) -> None:
        self.labels = [note_label(line.text) for line in body]
        self.ones = [j for j, label in enumerate(self.labels)
                     if label is not None and label[0] == "1"]
        self.divisions: list[int] = []
        self.numbered: dict[str, list[int]] = {}  # a number -> its lines, top down
        #: (line numbered 2, end) -> ``_numbered_run``'s end and numbered lines from there
        self.runs: dict[tuple[int, int], tuple[int, list[int]]] = {}
        if not self.ones:
            return  # (most documents: no line labelled 1, no run to look for)
        division, first = _DIVISION.match, _DIVISION_FIRST  # (``_division``, for every line)
        self.divisions = [j for j, line in enumerate(body)
                          if line.text[:1] in first and division(line.text)]
        for j, line in enumerate(body):
            label = self.labels[j]
            geometry = line.geometry  # (``_ocr_label`` asks for estimated sizes first)
            misread = None if label is not None or geometry is None or (
                not geometry.size_estimated) else _ocr_label(line)
            if label is not None:
                self.numbered.setdefault(label[0], []).append(j)
            elif misread is not None:
                self.numbered.setdefault(misread.group(1).translate(_OCR_DIGITS), []).append(j)

    def next_numbered(self, number: str, start: int, end: int) -> int | None:
        """The first line from ``start`` (before ``end``) that may open the note ``number``."""
        lines = self.numbered.get(number, [])
        k = bisect_left(lines, start)
        return lines[k] if k < len(lines) and lines[k] < end else None


def _numbered_run(body: list[Line], i: int, measures: tuple[float, float],
                  index: _BodyIndex) -> tuple[int, list[int]]:
    """From ``body[i]`` (labelled 1) to the next division heading, or to where the lines
    after the last number leave note type (a chapter that opens with its title alone): the
    end index and the indices of the lines numbered 1, 2, ... in turn (other lines go on with
    a note). ``measures``: the body's full line in characters and its type size."""
    after = bisect_right(index.divisions, i)  # the next division heading below the line
    end = index.divisions[after] if after < len(index.divisions) else len(body)
    two = index.next_numbered("2", i + 1, end)  # (the line itself is the first: labelled 1)
    if two is None:
        return _run_end(body, i + 1, end, measures), [i]
    if (two, end) not in index.runs:  # lines labelled 1 above the same 2 share what follows
        numbered = [two]
        while (found := index.next_numbered(str(len(numbered) + 2), numbered[-1] + 1, end)
               ) is not None:  # (each number's line found from the last one's)
            numbered.append(found)
        index.runs[(two, end)] = (_run_end(body, numbered[-1] + 1, end, measures), numbered)
    stop, rest = index.runs[(two, end)]
    return stop, [i, *rest]


def _run_end(body: list[Line], j: int, end: int, measures: tuple[float, float]) -> int:
    """Where the lines from ``body[j]`` (after a run's last number) stop going on with its
    note, at ``end`` at the latest."""
    while j < end and _goes_on(body[j], body[j - 1], measures):
        j += 1
    return j


def _goes_on(line: Line, previous: Line, measures: tuple[float, float]) -> bool:
    """The line goes on with the note above it: in note type (smaller, or in page text
    running ``NOTE_TYPE_RATIO`` longer than the body), or the short last line of a note
    line that stopped mid-sentence."""
    width, body_size = measures
    if body_size and line.geometry is not None and line.geometry.font_size:
        return line.geometry.font_size <= NOTE_SIZE_RATIO * body_size
    return len(line.text) >= NOTE_TYPE_RATIO * width or (
        len(previous.text) >= NOTE_TYPE_RATIO * width and not _sentence_done(previous.text)
        and len(line.text) < FULL_ISH_SHARE * width)


def _body_lengths(doc: Document) -> Counter[int]:
    """How many of the body's lines have each length."""
    return Counter([len(line.text) for line in doc.lines() if line.text and line.role == "body"])


def _in_note_type(run: list[Line], body_size: float, body_lengths: Counter[int]) -> bool:
    """The run is set in note type: smaller than the body's (positions and sizes), or, in
    page text, running longer than the body's full line (see ``NOTE_TYPE_RATIO``) measured
    on the body's other lines (``body_lengths``: the whole body's, counted once a stage)."""
    sizes = sorted(line.geometry.font_size for line in run
                   if line.geometry is not None and line.geometry.font_size)
    if body_size and len(sizes) == len(run):
        return sizes[len(sizes) // 2] <= NOTE_SIZE_RATIO * body_size
    others = body_lengths - Counter(len(line.text) for line in run
                                    if line.text and line.role == "body")
    measure = _full_line_of(others) if others else 0
    return bool(measure) and percentile([len(line.text) for line in run],
                                        FULL_LINE_PERCENTILE) >= NOTE_TYPE_RATIO * measure


def _full_line_of(counts: Counter[int]) -> int:
    """``layout.full_line`` of the lengths counted, each as often as counted, found from the
    counts (the body's other lines are most of a book's: no list of them is built). As
    ``layout.printed``: the densest band of lengths [value, value * (1 + FULL_BAND)] (the
    later on a tie), lengths past ``OVERLONG_RATIO`` times its longest dropped; then the
    ``FULL_LINE_PERCENTILE`` of the rest.

    >>> lengths = [60, 62, 64, 63, 130, 125, 140, 30, 64, 61, 65, 64]
    >>> _full_line_of(Counter(lengths)) == full_line(lengths), _full_line_of(Counter())
    (True, 0)
    """
    values = sorted(value for value, count in counts.items() if count > 0)
    if not values:
        return 0
    up_to = list(itertools.accumulate(counts[value] for value in values))  # lengths <= value
    best_end, size = 0, 0
    for k, value in enumerate(values):
        end = bisect_right(values, value * (1 + FULL_BAND))
        band = up_to[end - 1] - (up_to[k - 1] if k else 0)
        if band >= size:
            best_end, size = end, band
    ceiling = OVERLONG_RATIO * values[best_end - 1]
    kept = bisect_right(values, ceiling)  # the values that can be printed lines
    total = up_to[kept - 1] if kept else 0
    if not total:
        return 0
    rank = min(total - 1, int(FULL_LINE_PERCENTILE * total))
    return values[bisect_right(up_to, rank)]


def _run_closes(body: list[Line], end: int, width: float) -> bool:
    """An endnote list ends with the document, at a division heading, with its page, or
    before a short line (a chapter opening with its title alone); a run followed on its page
    by a full line (the note going on in lines the width test missed, dta-rohde-1894) is a
    page's footnotes."""
    return (end >= len(body) or _division(body[end].text)
            or body[end].page != body[end - 1].page
            or len(body[end].text) < FULL_ISH_SHARE * width)


def _all_marked(text: _MarkedText, start: int, end: int, count: int) -> bool:
    """Every number from 1 to ``count`` stands as a note marker in ``body[start:end]``."""
    if not start:  # (from the body's start: each number's search goes on where it stopped)
        return all(text.marked_before(str(n), end) for n in range(1, count + 1))
    above = text.lines(start, end)
    return all(has_marker(str(n), above) for n in range(1, count + 1))


class _MarkedText:
    """The body's lines as markers show in them (``_marked``), joined once when first asked
    (a ``_MarksAbove`` with no page before: the text of a run of lines, searched for
    markers, is a slice of it; each number's first marker is found once)."""

    def __init__(self, body: list[Line]) -> None:
        self.body = body
        self._marks: _MarksAbove | None = None

    def _joined(self) -> _MarksAbove:
        if self._marks is None:
            self._marks = _MarksAbove("", _marked_lines(self.body))
        return self._marks

    def lines(self, start: int, end: int) -> str:
        """The text of ``body[start:end]``, joined by newlines."""
        if end <= start:
            return ""
        marks = self._joined()
        return marks.text[marks.ends[start] + 1:marks.ends[end]]

    def marked_before(self, number: str, end: int) -> bool:
        """``has_marker(number, self.lines(0, end))`` (see ``_MarksAbove``)."""
        return end > 0 and self._joined().has_before(number, end)


def _endnote_lists(doc: Document, body: list[Line]) -> list[_NoteLine]:
    """Endnotes without a heading: at a chapter's end, up to the next division heading (or
    the end), a run of lines in note type numbered 1, 2, ... whose numbers all stand as
    markers in the chapter's text above (after a short rule, which page text does not show:
    expression-xelatex)."""
    found: list[_NoteLine] = []
    index = _BodyIndex(body)
    if not index.ones:
        return found  # (most documents: no line labelled 1, nothing to measure)
    measures = (_typical_width(doc), _body_size(doc))
    body_lengths = _body_lengths(doc)
    text = _MarkedText(body)
    chapter = i = 0  # where the text searched for markers begins; the line looked at
    while (k := bisect_left(index.ones, i)) < len(index.ones):
        i = index.ones[k]  # the next line labelled 1
        end, numbered = _numbered_run(body, i, measures, index)
        if len(numbered) < MIN_ENDNOTES or not _run_closes(body, end, measures[0]) or not (
                _all_marked(text, chapter, i, len(numbered))
                or _scanned_note_type(body[i:end], len(numbered), measures[1])
        ) or not _in_note_type(body[i:end], measures[1], body_lengths):
            i += 1
            continue
        evidence = (f"{len(numbered)} notes numbered 1 to {len(numbered)} in note type at a "
                    "chapter's end, each number a marker above")
        place = {j: n for n, j in enumerate(numbered)}
        found.extend((body[j], (note_label(body[j].text) or _misread_label(body[j], str(
            place[j] + 1))) if j in place else None,
                      ENDNOTE_LIST, evidence) for j in range(i, end))
        chapter = i = end
    return found


def _misread_label(line: Line, expected: str) -> tuple[str, int] | None:
    """OCR (estimated sizes): the line opens with the number ``expected`` as OCR misreads its
    digits (``s.`` for 5, ``l.`` for 1, ``IO.`` for 10), then a full stop and a space: that
    label and its length, or None.

    >>> from pagemend.model import Geometry
    >>> scanned = Geometry(0, 100, 0, 10, font_size=8.0, size_estimated=True)
    >>> _misread_label(Line("s. The Senses", 0, 0, geometry=scanned), "5")
    ('5', 3)
    >>> _misread_label(Line("s. The Senses", 0, 0), "5") is None
    True
    """
    match = _ocr_label(line)
    if match is None or match.group(1).translate(_OCR_DIGITS) != expected:
        return None
    return expected, match.end()


def _ocr_label(line: Line) -> re.Match[str] | None:
    """OCR (estimated sizes): the line opens with a label of one to three characters that
    OCR may have made of digits (not digits alone), a full stop and a space (the sizes
    first: page text has none)."""
    if line.geometry is None or not line.geometry.size_estimated:
        return None
    match = _OCR_LABEL.match(line.text)
    return None if match is None or match.group(1).isdigit() else match


def _scanned_note_type(run: list[Line], count: int, body_size: float) -> bool:
    """OCR (estimated sizes), where the raised markers above are mostly lost (Tesseract
    drops or garbles them: 4 of 19 readable in expression-xelatex at 300 dpi): at least
    ``MIN_SCANNED_ENDNOTES`` numbered lines and every line of the run in note type."""
    if count < MIN_SCANNED_ENDNOTES or not body_size:
        return False  # (before the run's sizes: page text has none)
    sizes = [line.geometry.font_size for line in run if line.geometry is not None
             and line.geometry.size_estimated and line.geometry.font_size]
    return len(sizes) == len(run) and max(sizes) <= NOTE_SIZE_RATIO * body_size


def _as_note(changes: Changes, note: _NoteLine) -> Edit | None:
    """Mark a line of a note: a labelled line opens the note, its label cut from the text (a
    label of length 0 was set on the line before: ``LABEL_ALONE``)."""
    line, label, by, evidence = note
    edit = None
    if label is not None and label[1]:
        changes.replace(line, text=line.text[label[1]:])
        edit = Edit(STAGE, "strip_note_label", line.page, line.number, line.text[:label[1]], "",
                    f"note label {label[0]!r}")
    values: dict[str, str | int | bool | None] = {
        "role": "note", "kind": "note", "starts_block": label is not None,
        "note_id": label[0] if label is not None else None}
    if changes.current(line).level is not None:
        values["level"] = None
    changes.set(line, by, evidence, **values)
    return edit


def _alone(note: _NoteLine) -> bool:
    line, label, *_ = note
    return label is not None and not line.text[label[1]:].strip()


def _following(notes: list[_NoteLine], i: int) -> int:
    """How many unlabelled note lines of the same page follow ``notes[i]``."""
    j = i + 1
    while j < len(notes) and notes[j][1] is None and notes[j][0].page == notes[i][0].page:
        j += 1
    return j - i - 1


def _mark(changes: Changes, notes: list[_NoteLine]) -> list[Edit]:
    """Mark the note lines in reading order. Labels alone on their lines (the extractor set
    them apart, often with a blank line between) open the notes whose text follows them: as
    many lines as labels, one note each; otherwise the first takes the lines (montaigne-latex:
    `∗` / `†` / text / text)."""
    edits: list[Edit] = []
    pending: list[str] = []
    one_each = False
    for i, given in enumerate(notes):
        line, label, by, evidence = note = given
        if label is not None and _alone(note):
            _as_note(changes, (line, None, by, evidence))
            changes.replace(line, text="")
            edits.append(Edit(STAGE, "strip_note_label", line.page, line.number, line.text, "",
                              f"note label {label[0]!r} on a line of its own"))
            pending.append(label[0])
            one_each = _following(notes, i) == len(pending)
            continue
        if label is None and pending:
            note = (line, (pending[0], 0), LABEL_ALONE, "the label on a line of its own above")
            pending = pending[1:] if one_each else []
        elif label is not None:
            pending = []
        edit = _as_note(changes, note)
        if edit is not None:
            edits.append(edit)
    return edits


def _endnotes(doc: Document) -> Document:
    """The document with its endnote sections and lists marked."""
    body = [line for line in doc.lines() if line.text and line.role == "body"]
    notes = _endnote_sections(body)
    taken = {(line.page, line.number) for line, *_ in notes}
    notes += _endnote_lists(doc, [line for line in body if (line.page, line.number) not in taken]
                            if taken else body)
    changes = Changes()
    edits = _mark(changes, sorted(notes, key=lambda note: (note[0].page, note[0].number)))
    return changes.apply(doc).with_edits(edits)


def _body_lines(page: Page) -> list[Line]:
    """The page's body lines that hold text, in order."""
    return [line for line in page.lines if line.text and line.role == "body"]


def _note_type_tail(body: list[Line], body_width: float, body_size: float) -> int | None:
    """Index among a page's body lines of the bottom run in note type: smaller than the
    body's (positions and sizes) or, in page text, full lines running ``NOTE_TYPE_RATIO``
    longer than the body's (short lines say nothing); None where the foot is in body type."""
    k, long_lines = len(body), 0
    while k > 0:
        line = body[k - 1]
        size = line.geometry.font_size if line.geometry else 0.0
        if body_size and size:
            small = size <= NOTE_SIZE_RATIO * body_size
            long_lines += small
        else:
            width = len(line.text)
            long = width >= NOTE_TYPE_RATIO * body_width
            small = long or width < FULL_ISH_SHARE * body_width
            long_lines += long
        if not small:
            break
        k -= 1
    return k if long_lines >= MIN_NOTE_TYPE_LINES and k < len(body) else None


def _typical_width(doc: Document) -> float:
    """The body's full line in characters: the median of the pages' full lines (pages that
    notes fill do not move it), or the document's full line without measures."""
    per_page = sorted(value for value in (doc.stats.full_line_length if doc.stats else ())
                      if value)
    if per_page:
        return float(per_page[len(per_page) // 2])
    lengths = [len(line.text) for line in doc.lines() if line.text and line.role == "body"]
    return float(full_line(lengths)) if lengths else 0.0


def _footnotes(doc: Document, body_size: float
               ) -> tuple[dict[int, dict[int, tuple[str, int]]], dict[int, Rule]]:
    """Page -> the labelled lines of its footnote block, and the rule that found it
    (``body_size``: the body's type size, 0 for none)."""
    labelled: dict[int, dict[int, tuple[str, int]]] = {}
    routes: dict[int, Rule] = {}
    before: list[Line] = []
    follows: int | None = None  # the last note number so far
    measures = (_typical_width(doc), body_size)
    for page in doc.pages:
        body = _body_lines(page)  # (once a page: the foot's tests and the next page's text)
        tail = _note_type_tail(body, *measures)
        labelled[page.index], by = footnote_lines(page, before, follows, tail,
                                                  note_size=NOTE_SIZE_RATIO * measures[1],
                                                  body=body)
        if by is FOOTNOTE_BLOCK and _quotes_misread(page, labelled[page.index], measures[1]):
            labelled[page.index], by = {}, None
        lost = None if labelled[page.index] else _label_lost(body, measures[1], tail)
        if lost is not None:
            labelled[page.index], by = {lost: ("*", 0)}, LABEL_MISREAD
        if by is not None:
            routes[page.index] = by
        numbers = [int(label) for label, _ in labelled[page.index].values() if label.isdigit()]
        follows = max(numbers) if numbers else follows
        start = min(labelled[page.index]) if labelled[page.index] else None
        before = body if start is None else [line for line in body if line.number < start]
    return labelled, routes


def _quotes_misread(page: Page, labels: dict[int, tuple[str, int]], body_size: float) -> bool:
    """OCR (estimated sizes): lines opened by reference symbols, not numbers, from whose
    first down the page's lines are set in the body's type and line spacing: OCR read an
    opening quotation mark as ``*`` (a quoted verse: ``*Some strange``, expression-xelatex;
    ``*This more``, devils-xelatex). One line's estimated size says little, so at least
    ``MIN_SPACED_LINES`` lines must show it (see ``_body_spaced``)."""
    if not labels or not body_size or any(label[:1].isalnum() for label, _ in labels.values()):
        return False
    first = min(labels)
    lines = [line for line in page.lines if line.text and line.role == "body"]
    below = [line.geometry for line in lines if line.number >= first and line.geometry]
    above = [line.geometry for line in lines if line.number < first and line.geometry]
    sizes = sorted(g.font_size for g in below if g.size_estimated and g.font_size)
    if len(below) < MIN_SPACED_LINES or len(sizes) < len(below) or (
            sizes[len(sizes) // 2] <= NOTE_SIZE_RATIO * body_size):
        return False
    return _pitch(below) >= BODY_PITCH_SHARE * _pitch(above)


def _pitch(lines: list[Geometry]) -> float:
    """The median distance from one line's top to the next one's (0 for fewer than two)."""
    steps = sorted(b.top - a.top for a, b in itertools.pairwise(lines) if b.top > a.top)
    return steps[len(steps) // 2] if steps else 0.0


def _label_lost(body: list[Line], body_size: float, start: int | None) -> int | None:
    """OCR (estimated sizes): the line number where a page's bottom run in note type
    (``start``: ``_note_type_tail`` of the page) begins, where that line opens with an opening
    quotation mark or a symbol glued to a capitalised word (``“Washington, who``: the ``*``
    label read as a quote, mohicans-xelatex at 300 dpi); None elsewhere."""
    if not body_size:
        return None
    if start is None:
        return None
    first = body[start]
    if first.geometry is None or not first.geometry.size_estimated or not _LOST_LABEL.match(
            first.text):
        return None
    return first.number


def _misread_dagger(line: Line, labels: dict[int, tuple[str, int]]) -> tuple[str, int] | None:
    """OCR (estimated sizes), in a footnote block whose labels are symbols: a line opening
    with ``T`` or ``t`` glued to a capitalised word or an opening quotation mark (``TDiogenes``,
    ``T“We``; no word begins so), or with an apostrophe before an opening quotation mark
    (``'“The``), opens the next note, its dagger (``†``, ``‡``) so misread (montaigne-latex
    at 300 dpi).

    >>> from pagemend.model import Geometry
    >>> scanned = Geometry(0, 100, 0, 10, font_size=8.0, size_estimated=True)
    >>> _misread_dagger(Line("TDiogenes Laertius", 0, 5, geometry=scanned), {3: ("*", 1)})
    ('†', 1)
    >>> _misread_dagger(Line("The man", 0, 5, geometry=scanned), {3: ("*", 1)}) is None
    True
    """
    if line.geometry is None or not line.geometry.size_estimated or not _MISREAD_DAGGER.match(
            line.text) or any(label[:1].isalnum() for label, _ in labels.values()):
        return None
    return "†", 1


def _page_notes(page: Page, labels: dict[int, tuple[str, int]], by: Rule | None,
                continued: tuple[int, Rule] | None) -> list[_NoteLine]:
    """The note lines of a page: a note continued from the page before, then its footnotes."""
    first = min(labels) if labels else None
    notes: list[_NoteLine] = []
    for line in page.lines:
        if not line.text or line.role != "body":
            continue
        if first is not None and by is not None and line.number >= first:
            dagger = _misread_dagger(line, labels) if line.number > first else None
            label = labels.get(line.number) or dagger
            notes.append((line, label, by if label else NOTE_GOES_ON,
                          f"label {label[0]!r} at the foot, {len(labels)} labelled lines"
                          + (f" (OCR read it {line.text[0]!r})" if dagger else "")
                          if label else "below a note's first line"))
        elif continued is not None and line.number >= continued[0]:
            notes.append((line, None, continued[1], f"the note on page {page.index - 1} "
                          "ended mid-sentence"))
    return notes


@stage(STAGE, SeparateNotesConfig, requires=("line.role",), assigns=("line.role.note",))
def separate_notes(doc: Document, config: SeparateNotesConfig | None) -> Document:
    """Mark footnote and endnote lines; see the module docstring."""
    doc = _endnotes(doc)
    body_size = _body_size(doc)
    labelled, routes = _footnotes(doc, body_size)
    # only a note can be continued: without labelled notes there is nothing to look for
    continued = _continued_notes(doc, labelled, body_size) if any(labelled.values()) else {}
    continued.update(_catchword_continuations(doc, labelled))
    notes: list[_NoteLine] = []
    for page in doc.pages:
        notes += _page_notes(page, labelled[page.index], routes.get(page.index),
                             continued.get(page.index))
    changes = Changes()
    edits = _mark(changes, notes)
    return changes.apply(doc).with_edits(edits)
