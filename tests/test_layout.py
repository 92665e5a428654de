"""Reading order and line capacity helpers (pagemend/layout.py)."""

from __future__ import annotations

from helpers import make_doc
from pagemend.layout import (
    body_measures,
    full_line,
    has_room,
    indented,
    left_margins,
    printed,
    printed_length,
    successors,
)
from pagemend.model import Document, Geometry, Line, Page


def test_successors_skip_furniture_blanks_and_pages():
    doc = make_doc("one\n\ntwo", "three")
    pairs = [(a.text, b.text if b else None) for a, b in successors(doc)]
    assert pairs == [("one", "two"), ("two", "three"), ("three", None)]


def test_has_room_for_the_next_word():
    assert has_room(Line("short line.", 0, 0), Line("Next", 0, 1), 60)
    assert not has_room(Line("x" * 58, 0, 0), Line("Next", 0, 1), 60)


def test_body_measures_fall_back_to_the_document_on_short_pages():
    long_page = "\n".join(["x" * 70] * 10)
    assert body_measures(make_doc(long_page, "tiny")) == (70, 70)


def _line(x0: float, number: int) -> Line:
    return Line("text", 0, number, geometry=Geometry(x0, 300, 10 * number, 10 * number + 9,
                                                     font_size=10))


def test_indent_against_the_line_before_and_the_margin():
    lines = (_line(50, 0), _line(50, 1), _line(62, 2), _line(62, 3), _line(50, 4))
    doc = Document(pages=(Page(0, None, lines),))
    margins = left_margins(doc)
    assert margins == (50.0,)
    assert indented(lines[2], margins, lines[1]) is True  # a paragraph's first line
    assert indented(lines[3], margins, lines[2]) is False  # set in like the line before
    assert indented(lines[4], margins, lines[3]) is False
    assert indented(Line("no geometry", 0, 5), margins) is None


def test_printed_keeps_note_lines_and_drops_joined_ones():
    body = [64, 63, 65, 62, 64, 66, 30, 64]
    notes = [80, 82, 84]  # smaller type: up to about 1.3x the body's line
    joined = [130, 150, 170]  # two or three printed lines run together
    assert sorted(printed(body + notes + joined)) == sorted(body + notes)
    assert full_line(body + joined) == full_line(body)


def test_printed_length_is_the_last_printed_line():
    assert printed_length("x" * 70, 64) == 70  # a long full line is a line
    assert printed_length("x" * 90, 64) == 26  # a full line and 26 characters
    assert printed_length("x" * 130, 64) == 64  # two full lines: no short remainder
    assert printed_length("x" * 300, 0) == 300  # no measure, no judgement
