"""Emphasis carried from the reader's style runs to the blocks' inline marks.

The PDF reader records, per line, the runs of italic, bold and small-capital type
(:attr:`pagemend.model.Geometry.styles`) in the line's text as ``repair_layout`` leaves it.
The later stages edit that text (folded dashes, joined hyphens, note markers taken out), each
edit recorded; :func:`line_marks` maps the runs through the line's edits, in order, onto the
line's final text, and :func:`merge_marks` joins the runs that continue across a line end
(``Pha-`` / ``raon`` in italics is one mark once the hyphen is joined).

    >>> from pagemend.model import Edit, Geometry, Line
    >>> line = Line("a Pha-", 0, 4, Geometry(0, 1, 0, 1, styles=((2, 6, "italic", "X-Italic"),)))
    >>> join = Edit("join_hyphenated_words", "join_hyphen", 0, 4, "-", "", "", 5)
    >>> line_marks(replace(line, text="a Pha"), [join])
    [Mark(start=2, end=5, kind='italic', source='pdf font X-Italic')]
    >>> merge_marks([Mark(2, 5, "italic", "f"), Mark(5, 9, "italic", "f")], "a Pharaon")
    [Mark(start=2, end=9, kind='italic', source='f')]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import cast

from pagemend.model import MARK_KINDS, Edit, Line, Mark, MarkKind, replace

__all__ = ["line_marks", "map_range", "merge_marks", "nested_inserts", "segments",
           "shift_marks"]


def _map_start(position: int, edit: Edit) -> int:
    before, after = len(edit.before), len(edit.after)
    if position < edit.offset:
        return position
    if position >= edit.offset + before:
        return position + after - before
    return position if before == after else edit.offset  # inside replaced text


def _map_end(position: int, edit: Edit) -> int:
    before, after = len(edit.before), len(edit.after)
    if position <= edit.offset:
        return position
    if position >= edit.offset + before:
        return position + after - before
    return position if before == after else edit.offset + after


def map_range(start: int, end: int, edits: Iterable[Edit]) -> tuple[int, int]:
    """A character range of a line's text mapped through edits of that line, in order.

    >>> fold = Edit("s", "fold", 0, 0, "\\u2010", "-", "", 3)
    >>> marker = Edit("s", "remove_marker", 0, 0, "12", "", "", 0)
    >>> map_range(2, 6, [fold, marker])
    (0, 4)
    """
    for edit in edits:
        start, end = _map_start(start, edit), _map_end(end, edit)
    return start, max(start, end)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def line_marks(line: Line, edits: Sequence[Edit]) -> list[Mark]:
    """The reader's style runs of a line as marks on its final text (``edits``: the line's
    edits made after the runs were recorded, in order); runs the edits emptied are dropped."""
    marks = []
    for first, last, kind, font in line.geometry.styles if line.geometry else ():
        start, end = _trimmed(line.text, *map_range(first, last, edits))
        if end > start:
            marks.append(Mark(start, end, cast(MarkKind, kind), f"pdf font {font}"))
    return marks


def shift_marks(marks: Iterable[Mark], shift: int) -> list[Mark]:
    """Marks moved ``shift`` characters on (a line's text placed inside its block)."""
    return [replace(mark, start=mark.start + shift, end=mark.end + shift) for mark in marks]


def merge_marks(marks: Sequence[Mark], text: str) -> list[Mark]:
    """Marks in order, those of one kind and source that only white space (or nothing)
    separates in ``text`` joined into one."""
    out: list[Mark] = []
    open_by: dict[tuple[str, str], int] = {}
    for mark in sorted(marks, key=lambda m: (m.start, m.end)):
        at = open_by.get((mark.kind, mark.source))
        if at is not None and not text[out[at].end:mark.start].strip():
            out[at] = replace(out[at], end=max(out[at].end, mark.end))
            continue
        open_by[(mark.kind, mark.source)] = len(out)
        out.append(mark)
    return out


def segments(text: str, marks: Sequence[Mark]) -> list[tuple[int, int, tuple[str, ...]]]:
    """The text's stretches under one unchanging set of marks, as (start, end, kinds in the
    order of :data:`~pagemend.model.MARK_KINDS`), split at line breaks (a verse line is an
    element of its own in the markup formats) and never starting or ending in white space:
    marks of different kinds that overlap become stretches that nest.

    >>> segments("ab cd\\nef", [Mark(0, 8, "italic", ""), Mark(3, 5, "bold", "")])
    [(0, 2, ('italic',)), (3, 5, ('italic', 'bold')), (6, 8, ('italic',))]
    """
    if not marks:  # most blocks: nothing to cut
        return []
    breaks = _line_breaks(text)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks),
                   *breaks, *(i + 1 for i in breaks)})
    out: list[tuple[int, int, tuple[str, ...]]] = []
    for low, high in itertools.pairwise(cuts):
        kinds = tuple(k for k in MARK_KINDS if any(
            m.kind == k and m.start <= low and high <= m.end for m in marks))
        start, end = _trimmed(text, low, high)
        if not kinds or end <= start or "\n" in text[start:end]:
            continue
        if out and out[-1][2] == kinds and not text[out[-1][1]:start].strip() and (
                "\n" not in text[out[-1][1]:start]):
            out[-1] = (out[-1][0], end, kinds)
        else:
            out.append((start, end, kinds))
    return out


def _line_breaks(text: str) -> list[int]:
    """The offsets of the text's line breaks (found by ``str.find``, not character by
    character: a block of prose has none).

    >>> _line_breaks("ab\\ncd\\n"), _line_breaks("abc")
    ([2, 5], [])
    """
    breaks: list[int] = []
    at = text.find("\n")
    while at != -1:
        breaks.append(at)
        at = text.find("\n", at + 1)
    return breaks


def nested_inserts(text: str, marks: Sequence[Mark], tags: Mapping[str, tuple[str, str]]
                   ) -> list[tuple[int, int, str]]:
    """(offset, order, markup) that open and close each kind's element (``tags``: kind ->
    (opening, closing)) around the stretches of :func:`segments`; a closing tag orders before
    any other insert at its offset (order -1), an opening one after (order 2).

    >>> nested_inserts("a b", [Mark(2, 3, "italic", "")], {"italic": ("<em>", "</em>")})
    [(2, 2, '<em>'), (3, -1, '</em>')]
    """
    inserts = []
    for start, end, kinds in segments(text, marks):
        wanted = [kind for kind in kinds if kind in tags]
        if wanted:
            inserts.append((start, 2, "".join(tags[kind][0] for kind in wanted)))
            inserts.append((end, -1, "".join(tags[kind][1] for kind in reversed(wanted))))
    return inserts
