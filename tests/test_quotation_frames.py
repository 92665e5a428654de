"""The body's frame for quotations (pagemend/quotation_frames.py): edges, columns, set-in."""

from __future__ import annotations

from pagemend.model import Geometry, Line
from pagemend.quotation_frames import Frame, body_frames, centred, frame_of, page_columns, set_in


def _line(page: int, number: int, x0: float, x1: float) -> Line:
    return Line("words on a line", page, number, Geometry(x0, x1, 12.0 * number,
                                                           12.0 * number + 10, 10.0))


def test_the_frame_is_where_the_prose_lines_start_and_end():
    lines = [_line(page, n, 50.0, 346.0) for page in (0, 1) for n in range(30)]
    assert body_frames(lines)[0] == Frame(left=50.0, right=346.0, indent=0.0)


def test_a_page_where_many_lines_start_far_in_has_two_columns():
    """devils-xelatex: two columns, each line measured against its own column."""
    frame = Frame(left=50.0, right=390.0, indent=12.0)
    lines = ([_line(3, n, 50.0, 212.0) for n in range(10)]
             + [_line(3, 10 + n, 227.0, 390.0) for n in range(10)])
    columns = page_columns(lines, {0: frame, 1: frame})
    assert [(c.left, c.right) for c in columns[3]] == [(50.0, 212.0), (227.0, 390.0)]
    assert frame_of(lines[-1], columns) == columns[3][1]


def test_set_in_on_both_sides_and_centred_lines():
    frame = Frame(left=50.0, right=346.0, indent=12.0)
    assert set_in(_line(0, 0, 72.0, 326.0), frame)
    assert not set_in(_line(0, 0, 72.0, 346.0), frame)  # reaches the right edge
    assert not set_in(_line(0, 0, 62.0, 326.0), frame)  # a paragraph indent
    assert centred(_line(0, 0, 150.0, 246.0), frame)
