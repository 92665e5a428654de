"""separate_notes: take footnotes out of the body flow.

A footnote block is a run of lines at the foot of a page's body whose first line opens with
a note label (``1``, ``2.``, ``*``, ``[3]``, a number glued to a capital: ``8Compare``), whose
labels run in increasing order down the page, and each of whose labels stands as a marker in
the body above (``Law.2``, ``state.^68``), or, where no marker can be found (OCR misreads
raised numerals), whose numbers are glued to the notes' first words and count up from 1 or
on from the notes before. Lines without a label continue the note above.
Note lines get the role ``note`` and kind ``note``; each labelled line opens a note block.
Paragraphs then rejoin over them.

A note that runs over a page break (its last line ends no sentence) continues at the foot of
the next page, without a label. With the reader's geometry, the continuation is the page's
bottom run of lines in note type (``NOTE_SIZE_RATIO`` of the body's size or less). Without
it, where notes are set in smaller type (their lines hold
``NOTE_TYPE_RATIO`` more characters than the body's), the continuation is found by width:
the split of the page's lines that best fits body-width lines above and note-width lines
below; a page filled by a long note becomes note entirely. An unfinished note must go on, so
when the widths show nothing, the line right above the page's first note is taken (the short
last line of the continued note); and when the body had closed its paragraph on the page
before, a page that opens in lower case opens with the note.

An endnote section opens under its heading (``NOTES``, ``Notes to Chapter III``) when the next
line opens with a note label, and runs to the next division heading: labelled lines open
notes, the others continue them.

Leaves alone: numbered paragraphs and lists (their numbers are not referenced as markers, or
not in increasing order at the foot).

    >>> from pagemend.readers import read_text
    >>> page = "value of Law.2\\nThus the right reason.\\n1. A note\\n2. Law is order."
    >>> doc = separate_notes(read_text("It was?1\\n" + page), None)
    >>> [(line.text, line.role) for line in doc.lines()][-3:]
    [('Thus the right reason.', 'body'), ('A note', 'note'), ('Law is order.', 'note')]
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from pagemend.data.headings import BARE_NUMERAL, DIVISION
from pagemend.data.notes import ENDNOTES_HEADING, marker_pattern, note_label
from pagemend.data.punctuation import SENTENCE_END
from pagemend.layout import FULL_LINE_PERCENTILE, full_line, percentile
from pagemend.model import Document, Edit, Line, Page, replace
from pagemend.registry import stage

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
#: Lines shorter than this share of the body's width end paragraphs and say nothing of type.
FULL_ISH_SHARE = 0.8

#: a note line that stops mid-sentence (a word, a comma, a hyphen): the note goes on
_MID_SENTENCE = re.compile(r"[\w,;-]$")


@dataclass(frozen=True, slots=True)
class SeparateNotesConfig:
    enabled: bool = True


def _increasing(labels: list[str]) -> bool:
    numbers = [int(label) for label in labels if label.isdigit()]
    return len(numbers) != len(labels) or numbers == sorted(set(numbers))


def footnote_lines(page: Page, before: str = "", follows: int | None = None
                   ) -> dict[int, tuple[str, int]]:
    """Line number -> (label, label length) for the labelled lines of the page's footnote
    block; continuation lines are those between and after them. ``before`` is the body text
    of the page before: a long note may be set on the page after its marker's, filling it.
    ``follows``: the last note number of the pages before (see ``_glued_run``)."""
    body = [line for line in page.lines if line.text and line.role == "body"]
    best: dict[int, tuple[str, int]] = {}
    labelled: list[tuple[Line, tuple[str, int]]] = []
    lowest = len(body) - max(1, int(MAX_NOTE_SHARE * len(body))) if body else 0
    if body and before and note_label(body[0].text):
        lowest = -1  # the page may open with a note referenced on the page before
    marked: list[str] | None = None  # the body lines as markers show in them, when needed
    for i in range(len(body) - 1, max(lowest, -1), -1):
        found = note_label(body[i].text)
        if found is None:
            continue
        labelled.insert(0, (body[i], found))
        labels = [label for _, (label, _) in labelled]
        if not _increasing(labels):
            continue
        if marked is None:
            marked = [_marked(line) for line in body]
        above = "\n".join([before, *marked[:i]])
        if all(marker_pattern(lb).search(above) for lb in labels) or _glued_run(
                [label for _, label in labelled], follows):
            best = {line.number: label for line, label in labelled}
    return best


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


def _marked(line: Line) -> str:
    """The line's text with the superscripts the reader saw written with a caret."""
    text = line.text
    for start, _ in reversed(line.geometry.superscripts if line.geometry else ()):
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
        start = min(labelled[page.index]) if labelled.get(page.index) else None
        for line in page.lines:
            if line.text and line.role == "body":
                (notes if start is not None and line.number >= start else body).append(
                    len(line.text))
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
                     changed: dict[tuple[int, int], Line]) -> dict[int, int]:
    """Page -> first line number of a note continued from the page before (see above). The
    body's width is measured again once the continuations are out of it: long notes that
    fill pages would otherwise pass for body."""
    ratio = _note_type_ratio(doc, labelled)
    body_size = _body_size(doc)
    if ratio < NOTE_TYPE_RATIO and not _notes_in_small_type(doc, labelled, body_size):
        return {}
    found: dict[int, int] = {}
    for _ in range(2):
        body_lengths = [
            len(line.text) for line in doc.lines()
            if line.text and line.role == "body" and (line.page, line.number) not in changed
            and not (line.page in found and line.number >= found[line.page])
            and not (labelled.get(line.page) and line.number >= min(labelled[line.page]))
        ]
        body_width = float(full_line(body_lengths)) if body_lengths else 0.0
        found = _continuations(doc, labelled, (body_width, ratio), body_size)
    return found


def _continuations(doc: Document, labelled: dict[int, dict[int, tuple[str, int]]],
                   widths: tuple[float, float], body_size: float) -> dict[int, int]:
    """Page -> first line of the note it carries over; ``widths``: the body's full line in
    characters and the notes' ratio to it; ``body_size``: the body's type size (0: none)."""
    body_width, ratio = widths
    found: dict[int, int] = {}
    open_note = body_closed = False
    for page in doc.pages:
        start = min(labelled[page.index]) if labelled.get(page.index) else None
        candidates = [line for line in page.lines if line.text and line.role == "body"
                      and (start is None or line.number < start)]
        if open_note and candidates:
            k = _small_type_start(candidates, body_size)
            if k is None:  # no geometry: the widths in characters tell, and the text
                k = _continuation(candidates, body_width, body_width * ratio)
                if k == len(candidates) and start is not None and _sentence_done(
                        candidates[-1].text):
                    k -= 1  # an unfinished note goes on: the line ending it, above the next
                elif body_closed and candidates[0].text[:1].islower():
                    k = 0  # the body closed its paragraph: a page opening in lower case goes
                    # on with the note
            if k < len(candidates):
                found[page.index] = candidates[k].number
        body = [line for line in candidates if line.number < found.get(page.index, 10**9)]
        if body:
            body_closed = _sentence_done(body[-1].text)
        note_lines = [line for line in page.lines if line.text and line.role == "body" and (
            (start is not None and line.number >= start)
            or (page.index in found and line.number >= found[page.index]))]
        if note_lines:
            open_note = bool(_MID_SENTENCE.search(note_lines[-1].text))
    return found


def _body_size(doc: Document) -> float:
    """The body's type size (the most common among its lines), or 0 without geometry."""
    sizes = Counter(round(line.geometry.font_size, 1) for line in doc.lines()
                    if line.text and line.role == "body" and line.geometry is not None
                    and line.geometry.font_size)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _notes_in_small_type(doc: Document, labelled: dict[int, dict[int, tuple[str, int]]],
                         body_size: float) -> bool:
    """With the reader's geometry: the labelled notes are set in note type (see
    ``NOTE_SIZE_RATIO``), so a continued note can be told by its type size."""
    sizes = sorted(line.geometry.font_size for page in doc.pages
                   for line in page.lines if line.number in labelled.get(page.index, {})
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


def _endnotes(doc: Document) -> dict[tuple[int, int], tuple[str, int] | None]:
    """Lines of endnote sections: (page, line) -> label (or None for a continuation line).

    A section opens under an endnotes heading (``NOTES``, ``Notes to Chapter III``) whose next
    line opens with a note label, and runs to the next division heading or the end."""
    body = [line for line in doc.lines() if line.text and line.role == "body"]
    found: dict[tuple[int, int], tuple[str, int] | None] = {}
    inside = False
    for i, line in enumerate(body):
        if ENDNOTES_HEADING.match(line.text):
            following = body[i + 1] if i + 1 < len(body) else None
            inside = following is not None and note_label(following.text) is not None
            continue
        if inside and (DIVISION.match(line.text) or BARE_NUMERAL.match(line.text)):
            inside = False
        if inside:
            found[(line.page, line.number)] = note_label(line.text)
    return found


def _as_note(line: Line, label: tuple[str, int] | None) -> tuple[Line, Edit | None]:
    edit = None
    text = line.text
    if label is not None:
        text = line.text[label[1]:]
        edit = Edit(STAGE, "strip_note_label", line.page, line.number, line.text[:label[1]], "",
                    f"note label {label[0]!r}")
    return replace(line, text=text, role="note", kind="note", starts_block=label is not None,
                   level=None, note_id=label[0] if label is not None else None), edit


@stage(STAGE, SeparateNotesConfig, requires=("line.role",), assigns=("line.role.note",))
def separate_notes(doc: Document, config: SeparateNotesConfig | None) -> Document:
    """Mark footnote and endnote lines; see the module docstring."""
    changed: dict[tuple[int, int], Line] = {}
    edits: list[Edit] = []
    for (page_index, number), label in _endnotes(doc).items():
        changed[(page_index, number)], edit = _as_note(doc.pages[page_index].lines[number],
                                                       label)
        if edit is not None:
            edits.append(edit)
    labelled: dict[int, dict[int, tuple[str, int]]] = {}
    before = ""
    follows: int | None = None  # the last note number so far
    for page in doc.pages:
        labelled[page.index] = footnote_lines(page, before, follows)
        numbers = [int(label) for label, _ in labelled[page.index].values() if label.isdigit()]
        follows = max(numbers) if numbers else follows
        start = min(labelled[page.index]) if labelled[page.index] else None
        before = "\n".join(_marked(line) for line in page.lines if line.text
                           and line.role == "body" and (start is None or line.number < start))
    # only a note can be continued: without labelled notes there is nothing to look for
    continued = _continued_notes(doc, labelled, changed) if any(labelled.values()) else {}
    for page in doc.pages:
        labels = labelled[page.index]
        starts = [number for number in (min(labels) if labels else None,
                                        continued.get(page.index)) if number is not None]
        if not starts:
            continue
        for line in page.lines:
            key = (page.index, line.number)
            if line.number < min(starts) or not line.text or line.role != "body" or (
                    key in changed):
                continue
            changed[key], edit = _as_note(line, labels.get(line.number))
            if edit is not None:
                edits.append(edit)
    return doc.with_lines(changed).with_edits(edits)
