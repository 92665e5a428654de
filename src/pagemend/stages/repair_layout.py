"""repair_layout: the PDF reader's lines put into printed lines and reading order.

The PDF reader extracts lines as pdfium gives them; this stage decides how they make the
printed page, from each line's geometry (pages without geometry are left alone):

- pieces of one printed line that pdfium gave as lines of their own (an italic title set as a
  text object of its own: `Art of Virtue,` | `14 because it...`) join, left to right: same
  type, overlapping heights, side by side, at most ``FRAGMENT_GAP`` type sizes apart;
- a note marker that pdfium set on a line of its own (a raised, smaller number) joins the
  line it stands on, before its text when it stands left of it, else after;
- lines go top to bottom; a page set in two columns reads the left column before the right;
- a vertical gap well above the page's usual line spacing becomes a blank line (as pdftotext
  marks a gap between text flows).

Every text move is an :class:`~pagemend.model.Edit` (the piece leaves its line, its host
gains it) and every change of place a decision: ``line_join`` (``before``: the piece's line
as the reader numbered it, ``after``: the host's new number) and ``order`` (``before``: the
line's number as read, or None for an inserted blank line; ``after``: its new number).
Lines are renumbered in reading order; :func:`pagemend.verify.rebuild` maps them back.

Leaves alone: pages without geometry (every text input), the lines' text otherwise.

    >>> from pagemend.model import Document, Geometry, Line, Page
    >>> right = Line("column.", 0, 0, Geometry(320, 400, 100, 110, 10.0))
    >>> left = Line("A left", 0, 1, Geometry(50, 100, 100, 110, 10.0))
    >>> piece = Line("piece", 0, 2, Geometry(102, 130, 100, 110, 10.0))
    >>> page = Page(0, None, (right, left, piece), width=450.0)
    >>> doc = repair_layout(Document(pages=(page,)), None)
    >>> [line.text for line in doc.pages[0].lines]
    ['A left piece', 'column.']
    >>> [(d.field, d.before, d.after) for d in doc.decisions]
    [('line_join', 2, 0), ('order', 1, 0), ('order', 0, 1)]
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from operator import attrgetter, sub
from typing import Protocol, cast

from pagemend.model import Decision, Document, Edit, Geometry, Line, Page, field_copier, replace
from pagemend.registry import stage
from pagemend.rules import rule

__all__ = ["RepairLayoutConfig", "repair_layout"]

STAGE = "repair_layout"

#: A character this much smaller than its line's type, and raised, is a superscript.
SUPERSCRIPT_SIZE_RATIO = 0.8
#: A gap between lines at least this many times the page's usual line spacing is a blank line.
GAP_RATIO = 1.6
#: With fewer line spacings than this on a page, the usual spacing is the type's leading.
MIN_SPACINGS = 3
LEADING = 1.2
#: A page is set in two columns when at least this share of its lines sit wholly in one half.
COLUMN_SHARE = 0.6
#: ...and each column holds at least this many lines (a short last page is no column).
MIN_COLUMN_LINES = 5
#: A line whose centre lies within this share of the page's width of the page's centre is
#: centred (a folio, a head), in neither column, even when it stands a hair to one side.
CENTRED_SHARE = 0.02
#: Two lines pdfium gave share one printed line when their heights overlap by this share...
SAME_LINE_OVERLAP = 0.6
#: ...and one stands beside the other, at most this many type sizes away (a word space is
#: about 0.25; a column gutter is wider than a couple of type sizes).
FRAGMENT_GAP = 1.0
#: Glyphs further apart than this share of the font size have a space between them.
SPACE_GAP = 0.15

PIECES_OF_ONE_LINE = rule(STAGE, "pieces_of_one_line", "Text pieces in the same type whose "
                          "heights overlap and that stand side by side, less than a type "
                          "size apart, are one printed line.")
MARKER_ON_ITS_LINE = rule(STAGE, "marker_on_its_line", "A raised number in smaller type "
                          "beside a line belongs to that line: it is the line's note marker.")
TOP_TO_BOTTOM = rule(STAGE, "top_to_bottom", "Lines are read top to bottom, and lines on one "
                     "baseline left to right.")
TWO_COLUMNS = rule(STAGE, "two_columns", "On a page where most lines stand wholly in one half "
                   "and each half holds several, the left column is read before the right.")
GAP_BETWEEN_FLOWS = rule(STAGE, "gap_between_flows", "A vertical gap well above the page's "
                         "usual line spacing separates two text flows (a blank line).")


@dataclass(frozen=True, slots=True)
class RepairLayoutConfig:
    enabled: bool = True


class _Placed(Protocol):
    """A line with geometry: each line of a page this stage repairs is one (the stage asks
    that first), a reader line or a copy of it that a join or a new number made."""

    @property
    def text(self) -> str: ...

    @property
    def number(self) -> int: ...

    @property
    def geometry(self) -> Geometry: ...


def _beside(a: Geometry, b: Geometry) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    if overlap <= 0:  # the commonest way out (one line below the other), taken first
        return False
    size = max(a.font_size or 0.0, b.font_size or 0.0)
    if min(a.font_size or 0.0, b.font_size or 0.0) < SUPERSCRIPT_SIZE_RATIO * size:
        return False  # a smaller piece is a marker or a note: ``_merge_markers`` places those
    height = min(a.bottom - a.top, b.bottom - b.top)
    if not size or height <= 0 or overlap < SAME_LINE_OVERLAP * height:
        return False
    gap = b.x0 - a.x1 if b.x0 >= a.x0 else a.x0 - b.x1
    return -0.1 * size <= gap <= FRAGMENT_GAP * size


class _Repair:
    """The edits and decisions of one page's repair (local scratch)."""

    def __init__(self, page: int) -> None:
        self.page = page
        self.edits: list[Edit] = []
        #: (host's reader number, piece's reader number, rule id) per join
        self.joins: list[tuple[int, int, str]] = []

    def absorb(self, host: _Placed, piece: _Placed, joined: tuple[str, Geometry], *, by: str,
               evidence: str) -> _Placed:
        """``piece`` leaves its line; the host, returned, reads the joined text (piece on
        one side), its reader number kept."""
        text, geometry = joined
        offset = 0 if text.endswith(host.text) else len(host.text)
        added = text[: len(text) - len(host.text)] if offset == 0 else text[len(host.text):]
        self.edits.append(Edit(STAGE, "join_piece", self.page, host.number, "", added,
                               evidence, offset))
        self.edits.append(Edit(STAGE, "move_piece", self.page, piece.number, piece.text,
                               "", evidence))
        self.joins.append((host.number, piece.number, by))
        return cast(_Placed, _placed(host, text, geometry, host.number))


def _joined(first: _Placed, second: _Placed) -> tuple[str, Geometry]:
    (left_text, left), (right_text, right) = sorted(
        ((first.text, first.geometry), (second.text, second.geometry)), key=lambda i: i[1].x0)
    size = max(left.font_size or 0.0, right.font_size or 0.0)
    space = " " if right.x0 - left.x1 > SPACE_GAP * size else ""
    shift = len(left_text) + len(space)
    base = left if len(left_text) >= len(right_text) else right
    geometry = replace(base, x0=left.x0, x1=max(left.x1, right.x1), top=min(left.top, right.top),
                       bottom=max(left.bottom, right.bottom), superscripts=(
                           *left.superscripts,
                           *((a + shift, b + shift) for a, b in right.superscripts)),
                       styles=(*left.styles, *_shifted_styles(right.styles, shift)))
    return left_text + space + right_text, geometry


def _shifted_styles(styles: tuple[tuple[int, int, str, str], ...], shift: int
                    ) -> tuple[tuple[int, int, str, str], ...]:
    """A line's style runs moved ``shift`` characters on (a piece set after other text)."""
    return tuple((a + shift, b + shift, mark, font) for a, b, mark, font in styles)


def _join_fragments(items: list[_Placed], repair: _Repair) -> list[_Placed]:
    out: list[_Placed] = []
    for item in items:
        if not out:
            out.append(item)
            continue
        host = out[-1]
        a, b = host.geometry, item.geometry
        # (``_beside``'s commonest way out, the line below the other, tested inline)
        if not b.top >= a.bottom and _beside(a, b):
            gap = item.geometry.x0 - host.geometry.x1
            out[-1] = repair.absorb(host, item, _joined(host, item), by=PIECES_OF_ONE_LINE.id,
                                    evidence=f"same type ({item.geometry.font_size or 0:.1f} pt), "
                                    f"same height, {gap:.1f} pt beside the line")
        else:
            out.append(item)
    return out


def _merge_markers(items: list[_Placed], repair: _Repair) -> list[_Placed]:
    numerals = [i for i, item in enumerate(items) if item.text.isdigit() and len(item.text) <= 3]
    if not numerals:
        return items  # (most pages: no line of a number alone, no marker)
    sizes = sorted([item.geometry.font_size or 0.0 for item in items])
    body_size = sizes[len(sizes) // 2]
    markers = [i for i in numerals if (size := items[i].geometry.font_size)
               and size < SUPERSCRIPT_SIZE_RATIO * body_size]
    gone: set[int] = set()
    for i in markers:
        marker = items[i]
        hosts = [j for j, other in enumerate(items) if j not in markers and other.text
                 and abs(other.geometry.top - marker.geometry.top)
                 < (other.geometry.font_size or body_size)]
        if not hosts:
            continue
        host_at = min(hosts, key=lambda k: abs(items[k].geometry.top - marker.geometry.top))
        host = items[host_at]
        geometry, text = host.geometry, marker.text
        if marker.geometry.x1 <= geometry.x0:
            shifted = tuple((a + len(text), b + len(text)) for a, b in geometry.superscripts)
            joined = text + host.text
            geometry = replace(geometry, x0=marker.geometry.x0,
                               superscripts=((0, len(text)), *shifted),
                               styles=_shifted_styles(geometry.styles, len(text)))
        else:
            span = (len(host.text), len(host.text) + len(text))
            joined = host.text + text
            geometry = replace(geometry, superscripts=(*geometry.superscripts, span))
        items[host_at] = repair.absorb(
            host, marker, (joined, geometry), by=MARKER_ON_ITS_LINE.id,
            evidence=f"raised {marker.geometry.font_size or 0:.1f} pt number beside "
            f"{body_size:.1f} pt type")
        gone.add(i)
    return [item for i, item in enumerate(items) if i not in gone] if gone else items


def _by_top(item: _Placed) -> tuple[float, float]:
    return (round(item.geometry.top / 2), item.geometry.x0)  # one baseline: left to right


def _reading_order(items: list[_Placed], width: float) -> tuple[list[_Placed], bool]:
    """Top to bottom; two columns left before right when most lines sit in one half."""
    middle, centred = width / 2, CENTRED_SHARE * width
    sides = [item for item in items
             if abs(((geometry := item.geometry).x0 + geometry.x1) / 2 - middle) > centred]
    left = [item for item in sides if item.geometry.x1 <= middle]
    right = [item for item in sides if item.geometry.x0 >= middle]
    columns = min(len(left), len(right)) >= MIN_COLUMN_LINES
    if columns and len(left) + len(right) >= COLUMN_SHARE * len(items):
        in_columns = {id(item) for item in left + right}
        spanning = [item for item in items if id(item) not in in_columns]
        top = min(item.geometry.top for item in left + right)
        head = [item for item in spanning if item.geometry.top < top]
        rest = [item for item in spanning if item.geometry.top >= top]
        return (sorted(head, key=_by_top) + sorted(left, key=_by_top)
                + sorted(right, key=_by_top) + sorted(rest, key=_by_top)), True
    return sorted(items, key=_by_top), False


def _usual_spacing(ordered: list[_Placed]) -> float:
    tops = [item.geometry.top for item in ordered]
    spacings: list[float] = sorted(spacing for spacing in map(sub, tops[1:], tops) if spacing > 0)
    if len(spacings) >= MIN_SPACINGS:
        # a low quantile, which gaps (heads, folios, flows) cannot inflate
        return spacings[len(spacings) // 4]
    sizes = [item.geometry.font_size for item in ordered if item.geometry.font_size]
    return LEADING * statistics.median(sizes) if sizes else 0.0


_GEOMETRY = attrgetter("geometry")  # a Geometry is always true, None false
#: ``replace(line, text=..., geometry=..., number=...)``, written out for those fields
_placed = field_copier(Line, "text", "geometry", "number")


def _page(page: Page, width: float) -> tuple[Page, list[Edit], list[Decision]]:
    """The page's lines joined, ordered and renumbered (every line has geometry: the
    stage asks that first), its edits and decisions."""
    index = page.index
    repair = _Repair(index)
    # the reader's lines themselves are the items: a join puts a copy in its host's place
    items = _merge_markers(_join_fragments(cast("list[_Placed]", list(page.lines)), repair),
                           repair)
    ordered, columns = _reading_order(items, width)
    usual = _usual_spacing(ordered)
    order_id = (TWO_COLUMNS if columns else TOP_TO_BOTTOM).id
    suffix = " pt (two columns)" if columns else " pt"
    spread = GAP_RATIO * usual
    lines: list[Line | _Placed] = []  # (a blank line, or one of the items in its place)
    decisions: list[Decision] = []
    previous: Geometry | None = None
    for item in ordered:
        geometry = item.geometry
        if previous is not None and usual and geometry.top - previous.top > spread:
            gap = geometry.top - previous.top
            decisions.append(Decision(STAGE, GAP_BETWEEN_FLOWS.id, index, len(lines),
                                      "order", None, len(lines),
                                      f"{gap:.1f} pt down; usual spacing {usual:.1f} pt"))
            lines.append(Line("", index, len(lines)))
        number = len(lines)
        if item.number != number:
            decisions.append(Decision(
                STAGE, order_id, index, number, "order", item.number, number,
                f"top {geometry.top:.1f} pt, x {geometry.x0:.1f}{suffix}"))
        # an item is copied where its number changes, else kept as it is (a joined line is a
        # copy already)
        lines.append(item if item.number == number else
                     _placed(item, item.text, geometry, number))
        previous = geometry
    joins: list[Decision] = []
    if repair.joins:
        numbers = {item.number: line.number for item, line in
                   zip(ordered, [line for line in lines if line.geometry is not None],
                       strict=True)}
        joins = [Decision(STAGE, by, index, numbers[host], "line_join", piece, numbers[host],
                          f"reader line {piece} joined to reader line {host}")
                 for host, piece, by in repair.joins]
    return replace(page, lines=tuple(lines)), repair.edits, joins + decisions


@stage(STAGE, RepairLayoutConfig, assigns=("line.order",))
def repair_layout(doc: Document, config: RepairLayoutConfig | None) -> Document:
    """Join pieces and markers, order and space the lines of pages with geometry."""
    pages = list(doc.pages)
    edits: list[Edit] = []
    decisions: list[Decision] = []
    for position, page in enumerate(doc.pages):
        if page.width is None or not all(map(_GEOMETRY, page.lines)):  # (a line without one)
            continue
        repaired, page_edits, page_decisions = _page(page, page.width)
        pages[position] = repaired
        edits.extend(page_edits)
        decisions.extend(page_decisions)
    return replace(doc, pages=tuple(pages)).with_edits(edits).with_decisions(decisions)
