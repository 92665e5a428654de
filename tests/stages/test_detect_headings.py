"""Headings (pagemend/stages/detect_headings.py): where the reader had geometry, type set
well above the body's size makes a heading the text alone would not find."""

from __future__ import annotations

from pagemend.model import Document, Geometry, Line, Page
from pagemend.pipeline import DEFAULT_ORDER, mend

UNTIL_HEADINGS = DEFAULT_ORDER[: DEFAULT_ORDER.index("detect_headings") + 1]
BODY = [f"the {word} lay quiet under the hill, and the body of the page runs on as"
        for word in ["mill", "brook", "field", "road", "wood", "stone", "bridge", "farm"]]
TITLE = "The mill, and what became of it."  # mid-page, with a full stop: no text rule takes it


def _headings(title_size: float) -> list[tuple[str, int | None]]:
    rows = [*BODY[:4], TITLE, *BODY[4:]]
    lines = tuple(
        Line(text, 0, number, geometry=Geometry(
            x0=50.0, x1=346.0, top=60.0 + 14 * number, bottom=70.0 + 14 * number,
            font_size=title_size if text == TITLE else 10.0))
        for number, text in enumerate(rows))
    doc = mend(Document(pages=(Page(index=0, label=None, lines=lines),)), order=UNTIL_HEADINGS)
    return [(line.text, line.level) for line in doc.lines() if line.kind == "heading"]


def test_a_line_in_large_type_is_a_heading():
    assert _headings(14.0) == [(TITLE, 1)]


def test_the_same_line_in_body_type_is_not():
    assert _headings(10.0) == []
