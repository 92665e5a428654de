"""rejoin_paragraphs: decide which body lines open a new block; the rest continue one.

A line ends its paragraph when it had room for the next line's first word (so the typesetter
did not break it for lack of space) and it ends like a paragraph: with terminal punctuation,
or short and followed by a capital (a heading, a title line). In dialogue each turn opens a
paragraph, so a line that closes a quotation before one that opens a quotation ends its
paragraph whatever its length. Room is measured against the
page's typical full line (``measure_document``), less a tolerance for proportional type,
where character counts only approximate width. A blank line within a page (a gap between
text flows) also ends a paragraph. Paragraphs run on over page breaks, furniture and blank
lines at page edges; a line glued to the next (a line-end hyphen) never ends one.

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

import re
from dataclasses import dataclass

from pagemend.breaks import ends_paragraph
from pagemend.data.punctuation import OPENS_CAPITAL
from pagemend.layout import body_measures, indented, left_margins, right_margins, successors
from pagemend.model import Document, Line, replace
from pagemend.registry import stage

__all__ = ["RejoinParagraphsConfig", "rejoin_paragraphs"]

STAGE = "rejoin_paragraphs"

#: Pieces of one widely spaced line that extraction split apart: at most two words and this
#: share of the full line each, at least ``MIN_FRAGMENTS`` of them between blank lines.
FRAGMENT_SHARE = 0.3
MIN_FRAGMENTS = 3

_TERMINAL = re.compile(r"[.!?:;…]['’\"”»)\]]*(?:\d{1,3}|\^\d{1,3}|[*†‡])?$")


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
    def small(line: Line) -> bool:
        full = full_lines[line.page] if line.page < len(full_lines) else 0
        return bool(full) and len(line.text) <= FRAGMENT_SHARE * full and (
            len(line.text.split()) <= 2)

    found: set[tuple[int, int]] = set()
    run: list[Line] = []
    for line, _ in [*pairs, (None, None)]:
        is_small = line is not None and small(line)
        if line is not None and is_small and (
            not run or (line.page == run[-1].page and line.number - run[-1].number == 2)
        ):
            run.append(line)
            continue
        if len(run) >= MIN_FRAGMENTS:
            found.update((piece.page, piece.number) for piece in run)
        run = [line] if line is not None and is_small else []
    return found


def _by_indent(line: Line, following: Line, full: int,
               margins: tuple[tuple[float | None, ...], tuple[float | None, ...]]) -> bool:
    """With geometry, the next line's indent decides, and the room left in points; without,
    the text's signals do. ``margins``: each page's left and right margins."""
    lefts, rights = margins
    opens = indented(following, lefts, line)
    if opens is None:
        return ends_paragraph(line, following, full)
    right = rights[line.page] if line.page < len(rights) else None
    return opens or (ends_paragraph(line, following, full, right)
                     and not line.text[-1:].isalpha())


@stage(STAGE, RejoinParagraphsConfig, requires=("line.glue_next",),
       assigns=("line.starts_block",))
def rejoin_paragraphs(doc: Document, config: RejoinParagraphsConfig | None) -> Document:
    """Mark block starts and an open end; see the module docstring."""
    full_lines = body_measures(doc)
    margins = (left_margins(doc), right_margins(doc))
    gaps = _gaps(doc)
    changed: dict[tuple[int, int], Line] = {}
    starts: dict[tuple[int, int], bool] = {}
    pairs = list(successors(doc))
    fragments = _fragments(pairs, full_lines)
    if pairs:
        first = pairs[0][0]
        starts[(first.page, first.number)] = bool(OPENS_CAPITAL.match(first.text))
    for line, following in pairs:
        if following is None:
            open_end = not _TERMINAL.search(line.text)
            if open_end != line.open_end:
                changed[(line.page, line.number)] = replace(line, open_end=open_end)
            continue
        full = full_lines[line.page] if line.page < len(full_lines) else 0
        key = (following.page, following.number)
        if following.kind == "list_item" == line.kind and not following.starts_block:
            starts[key] = ends_paragraph(line, following, full)  # an item's own lines
            continue
        if following.kind != "paragraph" or line.kind != "paragraph":
            # structure stages decided inside their runs; a change of kind opens a block
            starts[key] = following.starts_block or following.kind != line.kind
            continue
        if (line.page, line.number) in fragments:
            starts[key] = False
            continue
        starts[key] = not line.glue_next and (
            key in gaps or _by_indent(line, following, full, margins))
    for (page, number), start in starts.items():
        line = changed.get((page, number), doc.pages[page].lines[number])
        if line.starts_block != start:
            changed[(page, number)] = replace(line, starts_block=start)
    return doc.with_lines(changed)
