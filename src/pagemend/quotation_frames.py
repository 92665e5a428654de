"""Where a quotation stands on the page, from the reader's geometry (PDF input).

The body's frame on each side of the spread (its left and right edges, where a good share of
the prose lines start and end, and its paragraph indent), split into two columns on a page
where many lines start far in (devils-xelatex); and the tests ``detect_block_quotes`` asks of
a line against its frame: set in on both sides, centred, reaching the right edge.

    >>> from pagemend.model import Geometry, Line
    >>> frame = Frame(left=50.0, right=346.0, indent=12.0)
    >>> quoted = Line("we cannot allow", 0, 0, Geometry(72.0, 326.0, 0.0, 10.0, 10.0))
    >>> beside_a_drop_cap = Line("HILE one of", 0, 1, Geometry(72.0, 346.0, 12.0, 22.0, 10.0))
    >>> set_in(quoted, frame), set_in(beside_a_drop_cap, frame)
    (True, False)
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter

from pagemend.model import Geometry, Line

__all__ = [
    "PLACE_TOLERANCE",
    "Frame",
    "body_frames",
    "centred",
    "frame_of",
    "left_edges",
    "page_columns",
    "paragraph_indent",
    "reaches_right",
    "right_edges",
    "set_in",
]

#: With the reader's geometry: a quotation's lines are set in from the body's left edge by at
#: least this many type sizes (block quotes in the corpus PDFs: 1.3 to 2.2; lines that go on a
#: body paragraph sit at the edge, its first line one paragraph indent in)...
SET_IN = 1.0
#: Two left edges within this many type sizes of each other are the same place.
PLACE_TOLERANCE = 0.3
#: A quotation is set in by an em or two (corpus: 20-25 pt on measures of 290-350 pt);
#: a line set in by more than this share of the measure is in a second column (devils-xelatex)
#: or set right or centred, not a quotation's line.
MAX_SET_IN_SHARE = 0.25
#: A page has a second column where at least this many prose lines start at one place
#: further in than ``MAX_SET_IN_SHARE`` of the measure.
COLUMN_MIN_LINES = 5
#: A lone line whose left and right set-ins differ by at most this many type sizes is
#: centred: a title or a leftover head (tomjones-groff's chapter titles, raetsel-groff).
CENTRE_TOLERANCE = 1.0
#: A page side (recto, verso) needs this many prose lines with geometry to have its own edge...
MIN_EDGE_LINES = 20
#: ...which is the leftmost place where at least this share of them start.
EDGE_SHARE = 0.1


def left_edges(prose: list[Line]) -> dict[int, float]:
    """The body's left edge on each side of the spread (page index parity: twoside layouts
    shift it): the leftmost place where a good share of the side's prose lines start, since
    a quotation only ever stands to the right of it. A side with too few lines takes the
    other's edge; without geometry, none."""
    return _edges(_by_side(prose), "x0", min)


def right_edges(prose: list[Line]) -> dict[int, float]:
    """The body's right edge on each side: the rightmost place where a good share of the
    side's prose lines end (justified lines end there)."""
    return _edges(_by_side(prose), "x1", max)


def _by_side(prose: list[Line]) -> dict[int, list[Geometry]]:
    """The prose lines' boxes on each side of the spread (page index parity)."""
    return {parity: [line.geometry for line in prose
                     if line.geometry is not None and line.page % 2 == parity]
            for parity in (0, 1)}


def _edges(boxes: dict[int, list[Geometry]], side: str, pick: Callable[[list[int]], int]
           ) -> dict[int, float]:
    place = attrgetter(side)
    # each side's places rounded and counted in C
    sides: dict[int, Counter[int]] = {
        parity: Counter(map(round, map(place, boxes[parity]))) for parity in (0, 1)}
    edges = {}
    for parity, counts in sides.items():
        total = sum(counts.values())
        places = [x for x, n in counts.items() if n >= EDGE_SHARE * total]
        if total >= MIN_EDGE_LINES and places:
            edges[parity] = float(pick(places))
    if len(edges) == 1:
        edges[1 - next(iter(edges))] = next(iter(edges.values()))
    return edges


def paragraph_indent(prose: list[Line], edges: dict[int, float]) -> float:
    """The body's first-line indent in points: the most common set-in of lines followed on
    their page by a line at the body's edge: every paragraph's first line is so followed,
    but of a quotation's lines only the last."""
    indents: Counter[int] = Counter()
    for line, following in itertools.pairwise(prose):
        if line.geometry is None or following.geometry is None or line.page != following.page:
            continue
        edge = edges[line.page % 2]
        set_in = line.geometry.x0 - edge
        tolerance = PLACE_TOLERANCE * (line.geometry.font_size or 10.0)
        if set_in > tolerance and abs(following.geometry.x0 - edge) <= tolerance:
            indents[round(set_in)] += 1
    return float(indents.most_common(1)[0][0]) if indents else 0.0


@dataclass(frozen=True, slots=True)
class Frame:
    """The body's text block on one side of the spread, in points: its left and right
    edges and its paragraph indent."""

    left: float
    right: float
    indent: float


def body_frames(prose: list[Line]) -> dict[int, Frame]:
    """The body's frame on each side of the spread (none without geometry)."""
    boxes = _by_side(prose)  # (gathered once for both edges)
    lefts, rights = _edges(boxes, "x0", min), _edges(boxes, "x1", max)
    if not lefts or not rights:
        return {}
    indent = paragraph_indent(prose, lefts)
    return {side: Frame(lefts[side], rights[side], indent) for side in lefts if side in rights}


def set_in(line: Line, frame: Frame) -> bool:
    """The line is set in on both sides of the body's frame: from the left edge by
    ``SET_IN`` type sizes or more, but not by just a paragraph indent nor by more than
    ``MAX_SET_IN_SHARE`` of the measure (a second column, a line set right), and it stops
    short of the right edge (lines beside a drop cap, a note's hanging first line and a line
    set right all reach it)."""
    geometry = line.geometry
    if geometry is None or not geometry.font_size:
        return False
    left, size = geometry.x0 - frame.left, geometry.font_size
    return (SET_IN * size <= left <= MAX_SET_IN_SHARE * (frame.right - frame.left)
            and abs(left - frame.indent) > PLACE_TOLERANCE * size
            and frame.right - geometry.x1 > PLACE_TOLERANCE * size)


def centred(line: Line, frame: Frame) -> bool:
    """The line stands in the middle of the frame (a title, a leftover head)."""
    geometry = line.geometry
    if geometry is None or not geometry.font_size:
        return False
    left, right = geometry.x0 - frame.left, frame.right - geometry.x1
    return abs(left - right) <= CENTRE_TOLERANCE * geometry.font_size


def reaches_right(line: Line, frame: Frame) -> bool:
    geometry = line.geometry
    return geometry is not None and (
        frame.right - geometry.x1 <= PLACE_TOLERANCE * (geometry.font_size or 10.0))


def page_columns(lines: list[Line], frames: dict[int, Frame]) -> dict[int, tuple[Frame, ...]]:
    """Each page's columns: the side's frame, or, where at least ``COLUMN_MIN_LINES`` prose
    lines start at one place far right of the body's edge (devils-xelatex), two frames: the
    right column from the leftmost such place, the left one up to the rightmost place where
    a good share of the side's left-column lines end (on every two-column page of the side,
    since a page of wrapped verse may have few full prose lines)."""
    by_page: dict[int, list[Geometry]] = {}
    for line in lines:
        if line.kind == "paragraph" and line.geometry is not None:
            by_page.setdefault(line.page, []).append(line.geometry)
    splits: dict[int, float] = {}
    ends: dict[int, Counter[int]] = {0: Counter(), 1: Counter()}
    for page, geometries in by_page.items():
        frame = frames.get(page % 2)
        if frame is None:
            continue
        left, far_in = frame.left, MAX_SET_IN_SHARE * (frame.right - frame.left)
        far_places = [g.x0 for g in geometries if g.x0 - left > far_in]
        if len(far_places) < COLUMN_MIN_LINES:
            continue  # no place holds enough lines (most pages have none far in)
        far = Counter([round(x) for x in far_places])
        edge = min((x for x, n in far.items() if n >= COLUMN_MIN_LINES), default=0)
        if edge:
            splits[page] = float(edge)
            ends[page % 2].update(round(g.x1) for g in geometries if g.x0 < edge - 1)
    columns: dict[int, tuple[Frame, ...]] = {}
    for page in by_page:
        frame, counts = frames.get(page % 2), ends[page % 2]
        if frame is None:
            continue
        if page not in splits:  # (the common case: no places to find)
            columns[page] = (frame,)
            continue
        places = [x for x, n in counts.items() if n >= EDGE_SHARE * sum(counts.values())]
        if not places:
            columns[page] = (frame,)
            continue
        columns[page] = (Frame(frame.left, float(max(places)), frame.indent),
                         Frame(splits[page], frame.right, frame.indent))
    return columns


def frame_of(line: Line, columns: dict[int, tuple[Frame, ...]]) -> Frame | None:
    """The frame (column) a line stands in."""
    geometry = line.geometry
    if geometry is None:
        return None
    x0 = geometry.x0
    for frame in reversed(columns.get(line.page, ())):  # the last the line stands in
        if x0 >= frame.left - PLACE_TOLERANCE * 10.0:
            return frame
    return None
