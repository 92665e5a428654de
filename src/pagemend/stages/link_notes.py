"""link_notes: find note markers in the body and link each to its note.

Markers, as extraction leaves them: a caret before digits (``state.^68``), superscript digits
(``state.⁶⁸``), digits glued to a word or its punctuation (``Law.2``, ``too."5``), digits in
brackets (``[3]``), reference symbols glued to a word (``fact.*``), and a label alone on a line
(a superscript extraction set apart, glued to the line before by ``separate_notes``). Glued
and bracketed digits and symbols count only when a note with that label stands on the same
page or the next (a note set after its page) or in an endnote section: years and quantities
(``the 1950 treaty``, ``page 12``, ``1914-18``) are never taken. A caret or superscript
marker whose note is not in the input stays as an unresolved reference; it is never dropped.

Each marker leaves the text (an edit holds it) and becomes a reference at that place. Labels
that restart on every page, or symbols that repeat, are made unique: the notes are then
numbered in order, and each marker takes the number of the note it links to.

    >>> from pagemend.readers import read_text
    >>> from pagemend.stages.measure_document import measure_document
    >>> from pagemend.stages.separate_notes import separate_notes
    >>> doc = read_text("the 1950 treaty.^68 And Law.2 was\\nthere.\\n2 Law is order.")
    >>> doc = link_notes(separate_notes(doc, None), None)
    >>> [(line.text, line.references) for line in doc.lines()]
    [('the 1950 treaty. And Law. was', ((16, '68', False), (25, '2', True))), \
('there.', ()), ('Law is order.', ())]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pagemend.data.notes import NOTE_SYMBOLS
from pagemend.model import Document, Edit, Line, replace
from pagemend.registry import stage

__all__ = ["LinkNotesConfig", "link_notes"]

STAGE = "link_notes"

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_DIGITS = str.maketrans(_SUPERSCRIPTS, "0123456789")
_PUNCT = r"[.,;:!?'\"’”»›)\]]"
#: right after a word, or after a word and one or two punctuation marks (not after `57.`)
_AFTER_WORD = rf"(?:(?<=[^\W\d_])|(?<=[^\W\d_]{_PUNCT})|(?<=[^\W\d_]{_PUNCT}{_PUNCT}))"
#: (pattern, needs a note to count, how the label is read)
_MARKERS = (
    (re.compile(r"\^\{?(\d{1,3})\}?"), False),
    (re.compile(rf"{_AFTER_WORD}([{_SUPERSCRIPTS}]{{1,3}})"), False),
    (re.compile(r"\[(\d{1,3})\]"), True),
    (re.compile(rf"{_AFTER_WORD}(\d{{1,3}})(?=[\s.,;:!?)\]'\"’”]|$)"), True),
    (re.compile(rf"{_AFTER_WORD}([{re.escape(NOTE_SYMBOLS)}]{{1,3}})"), True),
    # after a number that ends a sentence (`the summer of 1850.1 By May`), not a decimal
    # (`57.8 degs.`): a capital must open the next sentence
    (re.compile(r"(?<=\d[.!?])(\d{1,3})(?=\s+[A-ZÀ-Þ])"), True),
)


_MAYBE_MARKER = re.compile(rf"[\d\[^{_SUPERSCRIPTS}{re.escape(NOTE_SYMBOLS)}]")


@dataclass(frozen=True, slots=True)
class LinkNotesConfig:
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class _Note:
    page: int
    line: int
    label: str


def _notes(doc: Document) -> list[_Note]:
    return [_Note(line.page, line.number, line.note_id) for line in doc.lines()
            if line.role == "note" and line.note_id is not None]


def _ids(notes: list[_Note]) -> dict[tuple[int, int], str]:
    """Each note's id: its label, or its number in order when labels repeat."""
    repeated = any(count > 1 for count in Counter(note.label for note in notes).values())
    return {(note.page, note.line): str(i + 1) if repeated else note.label
            for i, note in enumerate(notes)}


def _target(label: str, page: int, notes: dict[tuple[int, str], _Note]) -> _Note | None:
    """The note a label on a page refers to: on the same page, set on the next, or else the
    first note with that label further on (an endnote section)."""
    found = notes.get((page, label)) or notes.get((page + 1, label))
    if found is None:
        later = [note for (note_page, note_label), note in notes.items()
                 if note_label == label and note_page > page + 1]
        found = min(later, key=lambda note: (note.page, note.line)) if later else None
    return found


def _raised(line: Line, notes: dict[tuple[int, str], _Note], ids: dict[tuple[int, int], str]
            ) -> list[tuple[int, int, str, bool]]:
    """Markers the reader saw set as superscripts (PDF input): digits or reference symbols
    in a smaller, raised type are markers wherever they stand."""
    found = []
    for start, end in line.geometry.superscripts if line.geometry else ():
        label = line.text[start:end].translate(_TO_DIGITS)
        if not label or not (label.isdigit() or set(label) <= set(NOTE_SYMBOLS)):
            continue
        note = _target(label, line.page, notes)
        note_id = ids[(note.page, note.line)] if note is not None else label
        found.append((start, end, note_id, note is not None))
    return found


def _find(line: Line, notes: dict[tuple[int, str], _Note], ids: dict[tuple[int, int], str]
          ) -> list[tuple[int, int, str, bool]]:
    """(start, end, id, resolved) of each marker in the line, left to right."""
    found = _raised(line, notes, ids)
    if not _MAYBE_MARKER.search(line.text):
        return found
    taken: set[int] = {i for start, end, _, _ in found for i in range(start, end)}
    for pattern, needs_note in _MARKERS:
        for match in pattern.finditer(line.text):
            if taken & set(range(match.start(), match.end())):
                continue
            label = match.group(1).translate(_TO_DIGITS)
            note = _target(label, line.page, notes)
            if note is None and needs_note:
                continue
            note_id = ids[(note.page, note.line)] if note is not None else label
            found.append((match.start(), match.end(), note_id, note is not None))
            taken.update(range(match.start(), match.end()))
    return sorted(found)


def _alone(line: Line, previous: Line | None, notes: dict[tuple[int, str], _Note],
           ids: dict[tuple[int, int], str]) -> tuple[Line, Line, Edit] | None:
    """A line that is nothing but a note's label (a superscript extraction set on a line of
    its own, before or after the line it belongs to): its reference goes to the end of the
    line before, which the scorer's one-word tolerance and a reader both accept."""
    note = _target(line.text, line.page, notes) if line.text.isdigit() else None
    if note is None or previous is None:
        return None
    reference = (len(previous.text), ids[(note.page, note.line)], True)
    edit = Edit(STAGE, "extract_note_marker", line.page, line.number, line.text, "",
                f"note reference {reference[1]} set on a line of its own", 0)
    return (replace(line, text="", role="marker"),
            replace(previous, references=(*previous.references, reference)), edit)


def _extract(line: Line, markers: list[tuple[int, int, str, bool]]) -> tuple[Line, list[Edit]]:
    text, edits, references = line.text, [], []
    for start, end, note_id, resolved in reversed(markers):
        edits.append(Edit(STAGE, "extract_note_marker", line.page, line.number,
                          text[start:end], "", f"note reference {note_id}" +
                          ("" if resolved else ": the note is not in the input"), start))
        text = text[:start] + text[end:]
    offset = 0
    for start, end, note_id, resolved in markers:
        references.append((start - offset, note_id, resolved))
        offset += end - start
    return replace(line, text=text, references=(*line.references, *references)), edits


def _move_leading(line: Line, previous: Line, markers: list[tuple[int, int, str, bool]]
                  ) -> tuple[Line, Line, Edit, list[tuple[int, int, str, bool]]]:
    """A raised marker that the reader set at the start of the next line belongs to the end
    of the line before: move its reference there and cut it (and its space) from the line."""
    _, end, note_id, resolved = markers[0]
    cut = len(line.text) - len(line.text[end:].lstrip())
    edit = Edit(STAGE, "extract_note_marker", line.page, line.number, line.text[:cut], "",
                f"note reference {note_id}, raised at the start of the next line", 0)
    previous = replace(previous, references=(
        *previous.references, (len(previous.text), note_id, resolved)))
    rest = [(s - cut, e - cut, i, r) for s, e, i, r in markers[1:]]
    return replace(line, text=line.text[cut:]), previous, edit, rest


@stage(STAGE, LinkNotesConfig, requires=("line.role",), assigns=("line.references",))
def link_notes(doc: Document, config: LinkNotesConfig | None) -> Document:
    """Take markers out of the body and link them; see the module docstring."""
    listed = _notes(doc)
    ids = _ids(listed)
    notes: dict[tuple[int, str], _Note] = {}
    for note in listed:
        notes.setdefault((note.page, note.label), note)
    changed: dict[tuple[int, int], Line] = {}
    edits: list[Edit] = []
    previous: Line | None = None
    for line in doc.lines():
        key = (line.page, line.number)
        if line.role == "note" and line.note_id is not None and ids[key] != line.note_id:
            changed[key] = replace(line, note_id=ids[key])
        if line.role != "body" or not line.text:
            continue
        alone = _alone(line, previous, notes, ids)
        if alone is not None and previous is not None:
            changed[key], changed[(previous.page, previous.number)], edit = alone
            edits.append(edit)
            previous = changed[(previous.page, previous.number)]
            continue
        current, markers = line, _find(line, notes, ids)
        if markers and markers[0][0] == 0 and previous is not None and line.geometry:
            current, previous, edit, markers = _move_leading(line, previous, markers)
            changed[(previous.page, previous.number)] = previous
            changed[key] = current
            edits.append(edit)
        if markers:
            changed[key], line_edits = _extract(current, markers)
            edits.extend(line_edits)
        previous = changed.get(key, current)
    return doc.with_lines(changed).with_edits(edits)
