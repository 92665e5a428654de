"""separate_notes: take footnotes out of the body flow.

A footnote block is a run of lines at the foot of a page's body whose first line opens with
a note label (``1``, ``2.``, ``*``, ``[3]``, a number glued to a capital: ``8Compare``), whose
labels run in increasing order down the page, and each of whose labels stands as a marker in
the body above (``Law.2``, ``state.^68``). Lines without a label continue the note above.
Note lines get the role ``note`` and kind ``note``; each labelled line opens a note block.
Paragraphs then rejoin over them. A body line that holds nothing but one of the page's note
labels is a raised marker that extraction set on a line of its own: it is glued to the line
before (``cry out,`` / ``4`` reads ``cry out,4``).

Leaves alone: numbered paragraphs and lists (their numbers are not referenced as markers, or
not in increasing order at the foot), and notes continued from the previous page that carry
no label (a later version tells them by their smaller type).

    >>> from pagemend.readers import read_text
    >>> page = "value of Law.2\\nThus the right reason.\\n1. A note\\n2. Law is order."
    >>> doc = separate_notes(read_text("It was?1\\n" + page), None)
    >>> [(line.text, line.role) for line in doc.lines()][-3:]
    [('Thus the right reason.', 'body'), ('A note', 'note'), ('Law is order.', 'note')]
"""

from __future__ import annotations

from dataclasses import dataclass

from pagemend.data.notes import marker_pattern, note_label
from pagemend.model import Document, Edit, Line, Page, replace
from pagemend.registry import stage

__all__ = ["SeparateNotesConfig", "footnote_lines", "separate_notes"]

STAGE = "separate_notes"

#: How far up from the foot a footnote block may reach, as a share of the page's body lines:
#: long notes fill half a page in the development corpus (biographia-weasy).
MAX_NOTE_SHARE = 0.7


@dataclass(frozen=True, slots=True)
class SeparateNotesConfig:
    enabled: bool = True


def _increasing(labels: list[str]) -> bool:
    numbers = [int(label) for label in labels if label.isdigit()]
    return len(numbers) != len(labels) or numbers == sorted(set(numbers))


def footnote_lines(page: Page) -> dict[int, tuple[str, int]]:
    """Line number -> (label, label length) for the labelled lines of the page's footnote
    block; continuation lines are those between and after them."""
    body = [line for line in page.lines if line.text and line.role == "body"]
    best: dict[int, tuple[str, int]] = {}
    labelled: list[tuple[Line, tuple[str, int]]] = []
    lowest = len(body) - max(1, int(MAX_NOTE_SHARE * len(body)))
    for i in range(len(body) - 1, max(lowest, 0), -1):
        found = note_label(body[i].text)
        if found is None:
            continue
        labelled.insert(0, (body[i], found))
        labels = [label for _, (label, _) in labelled]
        above = "\n".join(line.text for line in body[:i])
        if _increasing(labels) and all(marker_pattern(lb).search(above) for lb in labels):
            best = {line.number: label for line, label in labelled}
    return best


def _marker_lines(page: Page, labels: set[str]) -> dict[tuple[int, int], Line]:
    """Glue a body line that holds only a note's label (a superscript marker extraction set
    on a line of its own) to the body line before it."""
    glued: dict[tuple[int, int], Line] = {}
    previous: Line | None = None
    for line in page.lines:
        if not line.text or line.role != "body":
            continue
        if previous is not None and line.text in labels:
            glued[(page.index, previous.number)] = replace(previous, glue_next=True)
        previous = line
    return glued


@stage(STAGE, SeparateNotesConfig, requires=("line.role",), assigns=("line.role.note",))
def separate_notes(doc: Document, config: SeparateNotesConfig | None) -> Document:
    """Mark footnote lines; see the module docstring."""
    changed: dict[tuple[int, int], Line] = {}
    edits: list[Edit] = []
    for page in doc.pages:
        labels = footnote_lines(page)
        if not labels:
            continue
        changed.update(_marker_lines(page, {label for label, _ in labels.values()}))
        start = min(labels)
        for line in page.lines:
            if line.number < start or not line.text or line.role != "body":
                continue
            label = labels.get(line.number)
            text = line.text
            if label is not None:
                text = line.text[label[1]:]
                edits.append(Edit(STAGE, "strip_note_label", page.index, line.number,
                                  line.text[:label[1]], "", f"note label {label[0]!r}"))
            changed[(page.index, line.number)] = replace(
                line, text=text, role="note", kind="note", starts_block=label is not None,
                level=None, note_id=label[0] if label is not None else None,
            )
    return doc.with_lines(changed).with_edits(edits)
