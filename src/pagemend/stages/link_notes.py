"""link_notes: find note markers in the body and link each to its note.

Markers, as extraction leaves them: a caret before digits (``state.^68``), superscript digits
(``state.⁶⁸``), digits glued to a word, its punctuation (dashes and brackets too) or an
ellipsis (``Law.2``, ``too."5``, ``be—]15``, ``present ...7``), digits glued between a comma
and the next word (``situation,1time``), digits in brackets (``[3]``), reference symbols after
a word or a dash (``fact.*``, ``them—†``), a number opening a line before a lower-case word
(``substance,`` / ``20 though``: its reference goes to the line before), and a label alone on
a line (a superscript extraction set apart). Glued and bracketed digits and symbols count
only when a note with that label stands on the same page or the next (a note set after its
page) or in an endnote section (where notes numbered anew for every chapter are taken in
turn: the first with the label after the one linked last): years and quantities
(``the 1950 treaty``, ``page 12``, ``1914-18``) are never taken. A caret or superscript
marker whose note is not in the input stays as an unresolved reference; it is never dropped.

Older printings print a callout as its note's bracketed label, glued to the word
(``Horatius(a)``, ``Leben*)``) or opening a line (its reference then ends the line before);
where a note's number was printed ``22)``, its callout ``werden22)`` takes its bracket along.

Each marker leaves the text (an edit holds it) and becomes a reference at that place, its
link recorded as a decision of the rule that found it. Labels that restart on every page,
symbols, or labels that repeat are made unique: the notes are then numbered 1..n in order,
and each marker takes the number of the note it links to.

    >>> from pagemend.readers import read_text
    >>> from pagemend.stages.measure_document import measure_document
    >>> from pagemend.stages.separate_notes import separate_notes
    >>> doc = read_text("the 1950 treaty.^68 And Law.2 was\\nthere.\\n2 Law is order.")
    >>> doc = link_notes(separate_notes(doc, None), None)
    >>> [(line.text, line.references) for line in doc.lines()]
    [('the 1950 treaty. And Law. was', ((16, '68', False), (25, '2', True))), \
('there.', ()), ('Law is order.', ())]
    >>> def linked(text):
    ...     doc = link_notes(separate_notes(read_text(text), None), None)
    ...     return [(line.text, line.references) for line in doc.lines()][:2]
    >>> linked("so says Horatius(a) and\\n(b) Seneca too.\\n(a) l. 2.\\n(b) Ep. 96.")
    [('so says Horatius and', ((16, '1', True), (20, '2', True))), ('Seneca too.', ())]
    >>> linked("men call them werden22), and\\nso on.\\n22) L. 1. §. 1.")[0]
    ('men call them werden, and', ((20, '22', True),))
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pagemend.data.folios import roman_value
from pagemend.data.notes import APART_SYMBOLS, MISREAD_NUMERAL, NOTE_SYMBOLS, ORDINAL_ENDINGS
from pagemend.model import Document, Edit, Line
from pagemend.registry import stage
from pagemend.rules import Changes, Rule, rule

__all__ = ["LinkNotesConfig", "link_notes"]

STAGE = "link_notes"

CARET = rule(STAGE, "caret", "Digits after a caret (`state.^68`) are a raised note reference.")
SUPERSCRIPT_DIGITS = rule(STAGE, "superscript_digits", "Superscript digits after a word "
                          "(`state.⁶⁸`) are a note reference.")
BRACKETED = rule(STAGE, "bracketed_digits", "Digits in brackets (`[3]`) are a note reference "
                 "where a note with that label stands on the page, the next, or further on.")
GLUED_DIGITS = rule(STAGE, "glued_digits", "Digits glued to a word, its punctuation or an "
                    "ellipsis (`Law.2`, `be—]15`, `present ...7`, `father16(sic)`) are a raised "
                    "note reference where a note with that label stands on the page, the next, "
                    "or further on.")
GLUED_BOTH_SIDES = rule(STAGE, "glued_between_words", "Digits glued between a word's closing "
                        "punctuation and the next word (`situation,1time`, `situation, 1time`: "
                        "the space after a raised numeral lost in extraction, or set before it) "
                        "are a note reference where a note with that label stands nearby; an "
                        "ordinal (`2nd`, `1er`) is none.")
SYMBOL = rule(STAGE, "symbol", "A reference symbol after a word, its punctuation or a dash "
              "(`fact.*`, `them—†`) is a note reference where a note with that symbol stands "
              "nearby.")
AFTER_NUMBER = rule(STAGE, "after_closing_number", "Digits glued to a number that ends a "
                    "sentence (`the summer of 1850.1 By May`) are a note reference where a "
                    "note with that label stands nearby.")
RAISED = rule(STAGE, "raised_type", "Digits or symbols the reader saw set raised in smaller "
              "type are a note reference wherever they stand (at the start of a line, they "
              "belong to the end of the line before).")
LABEL_ALONE = rule(STAGE, "label_alone", "A line that is nothing but a note's label (a "
                   "superscript the extractor set apart) is that note's reference, at the end "
                   "of the line before.")
LINE_START_DIGITS = rule(STAGE, "digits_at_line_start", "A number that opens a line before a "
                        "lower-case word (`20 though`) is a raised marker the extractor set "
                        "after the line break, where a note with that label stands on the page "
                        "or the next: it belongs to the end of the line before.")
CLOSED_LABEL = rule(STAGE, "closed_label", "A callout printed as its note's bracketed label "
                    "(`Horatius(a)`, `Leben*)`, `Welt†)`) glued to a word, or opening a line "
                    "before its word (its reference then ends the line before), is a note "
                    "reference where a note with that label stands on the page or the next.")
CLOSED_NUMBER = rule(STAGE, "closed_number", "Where a note's label is printed `22)`, its callout "
                     "is printed so too (`werden22)`): the closing bracket is part of the "
                     "marker.")
MISREAD_MARKER = rule(STAGE, "misread_raised_numeral", "On a page whose notes found no "
                      "marker, as many marks glued to a word or its punctuation as there are such "
                      "notes (`sunk.!`, `helpmate,*`, `situation,'time`: OCR's misreadings of "
                      "raised numerals) are their markers, in order.")
SPACED_DIGITS = rule(STAGE, "spaced_digits", "Digits set one space after a closing quotation "
                     "mark before punctuation, or after a lower-case word's full stop before the "
                     "line's end or a new sentence (`„Gehirnerweichung“ 1,`, `werden muss. 2`, "
                     "`darbieten. 3 So`: the extractor spaced a raised numeral), are a note "
                     "reference where a note with that label stands nearby; the space goes with "
                     "it. Not after a roman numeral or an abbreviation (`viii. 14;`, `Chron. "
                     "7,`: a citation).")
RENUMBERED = rule(STAGE, "renumbered", "Note labels that repeat (restarting on every page) or "
                  "are symbols are renumbered 1..n in the notes' order, the printed books' "
                  "sequence of references.")

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_DIGITS = str.maketrans(_SUPERSCRIPTS, "0123456789")
#: closing punctuation and dashes a raised marker may follow (`Law.2`, `too."5`, `them—†`)
_PUNCT = ".,;:!?'\"’”“»›)]—–"  # `“` closes a German quotation (`„Blutsättigung“6)`)
#: at most this many marks between the word and its marker (`head;—∗`, `be—]15`)
MAX_MARKS_BEFORE = 3
#: right after a word, or after a word and one or two punctuation marks (not after `57.`)
_AFTER_WORD = (rf"(?:(?<=[^\W\d_])|(?<=[^\W\d_][{re.escape(_PUNCT)}])"
               rf"|(?<=[^\W\d_][{re.escape(_PUNCT)}]{{2}}))")
#: (pattern, the rule it stands for, needs a note to count)
_MARKERS: tuple[tuple[re.Pattern[str], Rule, bool], ...] = (
    (re.compile(r"\^\{?(\d{1,3})\}?"), CARET, False),
    (re.compile(rf"{_AFTER_WORD}([{_SUPERSCRIPTS}]{{1,3}})"), SUPERSCRIPT_DIGITS, False),
    (re.compile(r"\[(\d{1,3})\]"), BRACKETED, True),
    (re.compile(rf"(?<=[{re.escape(_PUNCT)}\w])(\d{{1,3}})(?=[\s.,;:!?()\]'\"’”]|$)"),
     GLUED_DIGITS, True),
    (re.compile(rf"(?:(?<=[^\W\d_][.,;:!?])|(?<=[^\W\d_][.,;:!?] ))(\d{{1,3}})"
                rf"(?!{ORDINAL_ENDINGS})(?=[^\W\d_]{{2}})"), GLUED_BOTH_SIDES,
     True),
    (re.compile(rf"(?:(?<=[{re.escape(_PUNCT)}\w])|(?<=[{re.escape(_PUNCT)}\w] )"
                rf"(?=[{re.escape(APART_SYMBOLS)}]{{1,3}}(?:[\s.,;:!?)]|$)))"
                rf"([{re.escape(NOTE_SYMBOLS)}]{{1,3}})"), SYMBOL, True),
    # after a number that ends a sentence (`the summer of 1850.1 By May`), not a decimal
    # (`57.8 degs.`) nor the end of a section number (`1.4.2 Reading`): a capital must open
    # the next sentence
    (re.compile(r"(?<=\d[.!?])(?<!\d\.\d\.)(?<!\d\.\d\d\.)(?<!^\d\.)(?<!^\d\d\.)"
                r"(\d{1,3})(?=\s+[A-ZÀ-Þ])"), AFTER_NUMBER, True),
    (re.compile(r"^(\d{1,3})(?= [a-zà-ÿ])"), LINE_START_DIGITS, True),
    # spaced after a closing quotation mark, or after a lower-case word's full stop
    (re.compile(r"(?<=[“”\"»«›]) (\d{1,3})(?=[.,;:!?)]|$| [A-ZÀ-Þ])"), SPACED_DIGITS, True),
    (re.compile(r"(?<=[a-zß-ÿ]{4}[.!?]) (\d{1,3})(?=$| [A-ZÀ-Þ])"), SPACED_DIGITS, True),
)
_DIGIT = re.compile(r"\d")
#: for each of ``_MARKERS``, a character every match of its pattern holds: a line without it
#: is not searched with the pattern (most lines hold a digit or two and nothing else)
_MARKER_NEEDS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\^"), re.compile(rf"[{_SUPERSCRIPTS}]"), re.compile(r"\["), _DIGIT, _DIGIT,
    re.compile(rf"[{re.escape(NOTE_SYMBOLS)}]"), _DIGIT, _DIGIT, _DIGIT, _DIGIT)
#: rules whose marker must follow a word, its punctuation or an ellipsis (see ``_after_word``)
_AFTER_WORD_RULES = (GLUED_DIGITS, SYMBOL)


_MAYBE_MARKER = re.compile(rf"[\d\[^{_SUPERSCRIPTS}{re.escape(NOTE_SYMBOLS)}]")
#: ``_MAYBE_MARKER`` for a text of ASCII characters (most lines): the same ASCII characters
#: (``\d`` is ``0-9`` there), searched twice as fast as the Unicode digit category
_MAYBE_MARKER_ASCII = re.compile(
    rf"[0-9\[^{re.escape(''.join(char for char in NOTE_SYMBOLS if char.isascii()))}]")


@dataclass(frozen=True, slots=True)
class LinkNotesConfig:
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class _Note:
    page: int
    line: int
    label: str


@dataclass(frozen=True, slots=True)
class _Marker:
    start: int
    end: int
    note_id: str
    resolved: bool
    by: Rule
    #: what stays in the marker's place: a space where the marker stood between two words
    #: with none after it (`situation,1time`, `situation, 1time` -> `situation,¹ time`)
    left: str = ""


def _notes(doc: Document) -> list[_Note]:
    return [_Note(line.page, line.number, line.note_id) for line in doc.lines()
            if line.role == "note" and line.note_id is not None]


def _ids(notes: list[_Note]) -> dict[tuple[int, int], str]:
    """Each note's id: its label, or its number in order when labels repeat or are symbols
    (the truth convention of the corpus: symbol notes are numbered 1..n)."""
    repeated = any(count > 1 for count in Counter(note.label for note in notes).values())
    symbols = any(not note.label.isdigit() for note in notes)
    return {(note.page, note.line): str(i + 1) if repeated or symbols else note.label
            for i, note in enumerate(notes)}


class _Index:
    """The notes by page and label, and, per label, the last note linked far ahead;
    ``closing``: the notes whose numbers were printed with a closing bracket (``22)``)."""

    __slots__ = ("by_label", "by_page", "closed", "closing", "far", "listed")

    def __init__(self, listed: list[_Note], closing: frozenset[tuple[int, int]] = frozenset()
                 ) -> None:
        self.listed = listed
        self.closing = closing
        labels = sorted({note.label for note in listed if note.label.endswith(")")},
                        key=len, reverse=True)
        self.closed = _closed_pattern(labels) if labels else None
        self.by_page: dict[tuple[int, str], _Note] = {}
        self.by_label: dict[str, list[_Note]] = {}  # each label's notes, in order
        for note in listed:
            self.by_page.setdefault((note.page, note.label), note)
            self.by_label.setdefault(note.label, []).append(note)
        self.far: dict[str, _Note] = {}

    def target(self, label: str, page: int) -> _Note | None:
        """The note a label on a page refers to: on the same page, set on the next, or else
        a note with that label further on (an endnote section): the first after the last
        one linked there, so that endnotes numbered anew for every chapter are taken in turn,
        or else the first."""
        found = self.by_page.get((page, label)) or self.by_page.get((page + 1, label))
        if found is not None:
            return found
        later = [note for note in self.by_label.get(label, ()) if note.page > page + 1]
        last = self.far.get(label)
        after = [note for note in later
                 if last is not None and (note.page, note.line) > (last.page, last.line)]
        choices = after or later
        return choices[0] if choices else None

    def linked(self, note: _Note | None, page: int) -> None:
        """A marker on ``page`` was linked to ``note``."""
        if note is not None and note.page > page + 1:
            self.far[note.label] = note


def _closed_pattern(labels: list[str]) -> re.Pattern[str]:
    """Callouts printed as bracketed labels: glued to a word or its punctuation, never after
    a number (``1739)``), or opening a line, with the space after them."""
    alternatives = "|".join(re.escape(label) for label in labels)
    return re.compile(rf"(?<=[^\s\d])({alternatives})|^({alternatives}) ")


def _closing_labels(doc: Document) -> frozenset[tuple[int, int]]:
    """(page, line) of the notes whose numeric label was printed with a closing bracket."""
    return frozenset((edit.page, edit.line) for edit in doc.edits
                     if edit.stage == "separate_notes" and edit.action == "strip_note_label"
                     and edit.before.rstrip()[-1:] == ")" and edit.before[:1].isdigit())


def _closed(line: Line, notes: _Index, ids: dict[tuple[int, int], str]) -> list[_Marker]:
    """Callouts printed as their notes' bracketed labels (see ``CLOSED_LABEL``)."""
    found: list[_Marker] = []
    if notes.closed is None or ")" not in line.text:  # every such label ends with its bracket
        return found
    for match in notes.closed.finditer(line.text):
        label = match.group(1) or match.group(2)
        note = notes.by_page.get((line.page, label)) or notes.by_page.get((line.page + 1, label))
        if note is not None:
            found.append(_Marker(match.start(), match.end(), ids[(note.page, note.line)], True,
                                 CLOSED_LABEL))
    return found


def _after_word(text: str, start: int) -> bool:
    """The marker at ``start`` follows a word, directly or over up to ``MAX_MARKS_BEFORE``
    closing marks (`be—]15`), or follows an ellipsis (`present ...7`); not a number
    (`57.8`)."""
    i = start
    if text[start] in APART_SYMBOLS and text[start - 1:start] == " ":
        i -= 1  # an ornamental mark set apart from its word (see ``APART_SYMBOLS``)
    while i > 0 and start - i < MAX_MARKS_BEFORE and text[i - 1] in _PUNCT:
        i -= 1
    if i > 0 and text[i - 1].isalpha():
        return True
    return text[i:start] == "..." and (i == 0 or text[i - 1].isspace())


def _raised(line: Line, notes: _Index, ids: dict[tuple[int, int], str]
            ) -> list[_Marker]:
    """Markers the reader saw set as superscripts (PDF input): digits or reference symbols
    in a smaller, raised type are markers wherever they stand."""
    found = []
    for start, end in line.geometry.superscripts if line.geometry else ():
        label = line.text[start:end].translate(_TO_DIGITS)
        if not label or not (label.isdigit() or set(label) <= set(NOTE_SYMBOLS)):
            continue
        note = notes.target(label, line.page)
        notes.linked(note, line.page)
        note_id = ids[(note.page, note.line)] if note is not None else label
        found.append(_Marker(start, end, note_id, note is not None, RAISED))
    return found


def _find(line: Line, notes: _Index, ids: dict[tuple[int, int], str]
          ) -> list[_Marker]:
    """Each marker in the line, left to right."""
    geometry = line.geometry
    if (geometry is None or not geometry.superscripts) and not _MAYBE_MARKER.search(
            line.text) and (notes.closed is None or ")" not in line.text):
        return []  # (most lines: what ``_raised`` and ``_closed`` would find, cheaply)
    found = _raised(line, notes, ids) + _closed(line, notes, ids)
    if not _MAYBE_MARKER.search(line.text):
        return sorted(found, key=lambda marker: marker.start)
    taken: set[int] = {i for marker in found for i in range(marker.start, marker.end)}
    #: where each needed character first stands (-1: nowhere); every match of a pattern begins
    #: at its needed character or (a spaced marker) one place before it: searched from there
    first_needed: dict[re.Pattern[str], int] = {}
    for (pattern, by, needs_note), needed in zip(_MARKERS, _MARKER_NEEDS, strict=True):
        if needed not in first_needed:
            found_needed = needed.search(line.text)
            first_needed[needed] = found_needed.start() if found_needed is not None else -1
        if first_needed[needed] < 0:
            continue
        for match in pattern.finditer(line.text, max(0, first_needed[needed] - 1)):
            if taken & set(range(match.start(), match.end())) or (
                    by in _AFTER_WORD_RULES and not _after_word(line.text, match.start())) or (
                    by is SPACED_DIGITS and _after_numeral(line.text, match.start())):
                continue
            label = match.group(1).translate(_TO_DIGITS)
            note = notes.target(label, line.page)
            if by is LINE_START_DIGITS and note is not None and note.page > line.page + 1:
                continue  # a count opening a line (`40 years old`) needs its note close by
            if note is None and needs_note:
                continue
            notes.linked(note, line.page)
            note_id = ids[(note.page, note.line)] if note is not None else label
            start, end, found_by = match.start(), match.end(), by
            if note is not None and (note.page, note.line) in notes.closing and (
                    line.text[end:end + 1] == ")"):
                end, found_by = end + 1, CLOSED_NUMBER
            left = ""
            if by is GLUED_BOTH_SIDES:  # the words it stood between get their space back
                if line.text[start - 1:start] == " ":
                    start -= 1
                left = " "
            found.append(_Marker(start, end, note_id, note is not None, found_by, left))
            taken.update(range(start, end))
    return sorted(found, key=lambda marker: marker.start)


def _after_numeral(text: str, start: int) -> bool:
    """The word before ``start`` (and its stop) is a roman numeral (`viii. 14`: a citation).

    >>> _after_numeral("they do (viii. 14", 13), _after_numeral("werden muss. 2", 12)
    (True, False)
    """
    words = text[:start].rstrip(".!?").split()
    return bool(words) and roman_value(words[-1].strip("([")) is not None


def _evidence(marker: _Marker, text: str) -> str:
    found = "" if marker.resolved else ": the note is not in the input"
    return f"{text[marker.start:marker.end]!r} at column {marker.start}{found}"


def _alone(changes: Changes, line: Line, previous: Line | None,
           notes: _Index, ids: dict[tuple[int, int], str]
           ) -> Edit | None:
    """A line that is nothing but a note's label (a superscript extraction set on a line of
    its own, before or after the line it belongs to): its reference goes to the end of the
    line before, which the scorer's one-word tolerance and a reader both accept."""
    note = notes.target(line.text, line.page) if line.text.isdigit() else None
    if note is None or previous is None:
        return None
    notes.linked(note, line.page)
    note_id = ids[(note.page, note.line)]
    previous = changes.current(previous)
    reference = (len(previous.text), note_id, True)
    edit = Edit(STAGE, "extract_note_marker", line.page, line.number, line.text, "",
                f"note reference {note_id} set on a line of its own", 0)
    evidence = f"the line is only the label {line.text!r} of a note on page {note.page}"
    changes.replace(line, text="")
    changes.set(line, LABEL_ALONE, evidence, role="marker")
    changes.replace(previous, references=(*previous.references, reference))
    changes.record(previous, LABEL_ALONE, "note_link", before=None, after=note_id,
                   evidence=evidence)
    return edit


def _extract(changes: Changes, line: Line, markers: list[_Marker]) -> list[Edit]:
    line = changes.current(line)
    text, edits, references = line.text, [], []
    for marker in reversed(markers):
        edits.append(Edit(STAGE, "extract_note_marker", line.page, line.number,
                          text[marker.start:marker.end], marker.left,
                          f"note reference {marker.note_id}"
                          + ("" if marker.resolved else ": the note is not in the input")
                          + (", a space left between the words" if marker.left else ""),
                          marker.start))
        text = text[:marker.start] + marker.left + text[marker.end:]
    offset = 0
    for marker in markers:
        references.append((marker.start - offset, marker.note_id, marker.resolved))
        changes.record(line, marker.by, "note_link", before=None, after=marker.note_id,
                       evidence=_evidence(marker, line.text))
        offset += marker.end - marker.start - len(marker.left)
    changes.replace(line, text=text, references=(*line.references, *references))
    return edits


def _move_leading(changes: Changes, line: Line, previous: Line, markers: list[_Marker]
                  ) -> tuple[Line, Edit, list[_Marker]]:
    """A raised marker that the reader set at the start of the next line belongs to the end
    of the line before: move its reference there and cut it (and its space) from the line."""
    first = markers[0]
    cut = len(line.text) - len(line.text[first.end:].lstrip())
    edit = Edit(STAGE, "extract_note_marker", line.page, line.number, line.text[:cut], "",
                f"note reference {first.note_id}, raised at the start of the next line", 0)
    previous = changes.current(previous)
    changes.replace(previous, references=(
        *previous.references, (len(previous.text), first.note_id, first.resolved)))
    changes.record(previous, first.by, "note_link", before=None, after=first.note_id,
                   evidence=f"{line.text[first.start:first.end]!r} raised at the start of "
                   f"line {line.number}")
    rest = [_Marker(m.start - cut, m.end - cut, m.note_id, m.resolved, m.by)
            for m in markers[1:]]
    return changes.replace(line, text=line.text[cut:]), edit, rest


def _renumber(changes: Changes, doc: Document, ids: dict[tuple[int, int], str]) -> None:
    for line in doc.lines():
        if line.role != "note" or line.note_id is None:
            continue
        key = (line.page, line.number)
        if ids[key] != line.note_id:
            changes.set(line, RENUMBERED, f"label {line.note_id!r} is note {ids[key]} of "
                        f"{len(ids)} in order", note_id=ids[key])


@stage(STAGE, LinkNotesConfig, requires=("line.role",), assigns=("line.references",))
def link_notes(doc: Document, config: LinkNotesConfig | None) -> Document:
    """Take markers out of the body and link them; see the module docstring."""
    listed = _notes(doc)
    ids = _ids(listed)
    notes = _Index(listed, _closing_labels(doc))
    changes = Changes()
    _renumber(changes, doc, ids)
    edits: list[Edit] = []
    previous: Line | None = None
    linked: set[str] = set()
    closed = notes.closed is not None
    maybe, maybe_ascii = _MAYBE_MARKER.search, _MAYBE_MARKER_ASCII.search
    for line in doc.lines():
        text = line.text
        if line.role != "body" or not text:
            continue
        geometry = line.geometry
        if (geometry is None or not geometry.superscripts) and not (
                maybe_ascii(text) if text.isascii() else maybe(text)) and not (
                closed and ")" in text) and not text.isdigit():
            previous = line  # no label alone, no marker (``_alone``, ``_find``; no raised
            continue  # type for ``_raised``): most lines
        edit = _alone(changes, line, previous, notes, ids)
        if edit is not None:
            edits.append(edit)
            continue
        current, markers = line, _find(line, notes, ids)
        if markers and markers[0].start == 0 and previous is not None and (
                line.geometry or markers[0].by in (LINE_START_DIGITS, CLOSED_LABEL)):
            current, edit, markers = _move_leading(changes, line, previous, markers)
            edits.append(edit)
        if markers:
            edits.extend(_extract(changes, current, markers))
            linked.update(marker.note_id for marker in markers)
        previous = line
    edits.extend(_misread_markers(changes, doc, listed, ids, linked))
    return changes.apply(doc).with_edits(edits)


def _misread_candidates(changes: Changes, page: list[Line]) -> list[tuple[Line, re.Match[str]]]:
    """The marks on a page's body lines (without a reference yet) that may be a misread
    raised numeral, in reading order."""
    found: list[tuple[Line, re.Match[str]]] = []
    for line in page:
        current = changes.current(line)
        if current.role == "body" and current.text and not current.references:
            found.extend((line, match) for match in MISREAD_NUMERAL.finditer(current.text))
    return found


def _misread_markers(changes: Changes, doc: Document, listed: list[_Note],
                     ids: dict[tuple[int, int], str], linked: set[str]) -> list[Edit]:
    """Markers for the notes no marker was found for, where OCR misread the raised numerals:
    on the note's page, exactly as many candidate marks as unlinked notes, taken in order."""
    edits: list[Edit] = []
    by_page: dict[int, list[_Note]] = {}  # (the notes of each page gathered once, in order)
    for note in listed:
        by_page.setdefault(note.page, []).append(note)
    for index in sorted(by_page):
        orphans = [note for note in by_page[index] if ids[(note.page, note.line)] not in linked]
        if not orphans:
            continue
        candidates = _misread_candidates(changes, list(doc.pages[index].lines))
        if len(candidates) != len(orphans):
            continue
        for (line, match), note in zip(candidates, orphans, strict=True):
            note_id = ids[(note.page, note.line)]
            group = match.lastindex or 0
            marker = _Marker(match.start(group), match.end(group), note_id, True, MISREAD_MARKER)
            edits.extend(_extract(changes, line, [marker]))
    return edits
