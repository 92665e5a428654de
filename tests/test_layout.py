"""Reading order and line capacity helpers (pagemend/layout.py)."""

from __future__ import annotations

from helpers import make_doc
from pagemend.layout import body_measures, has_room, indented, left_margins, successors
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
