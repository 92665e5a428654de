"""Block quotes (pagemend/stages/detect_block_quotes.py): from text alone, and, where the
reader had geometry, from where each line starts."""

from __future__ import annotations

from pagemend.model import Document, Geometry, Line, Page
from pagemend.pipeline import DEFAULT_ORDER, mend

UNTIL_QUOTES = DEFAULT_ORDER[: DEFAULT_ORDER.index("detect_block_quotes") + 1]
BODY = "the body of the page runs on in lines of about the same length as"


def _page(index: int, rows: list[tuple[str, float]]) -> Page:
    """A page of lines (text, left edge in points) in 10-point type, 12 points apart."""
    lines = tuple(
        Line(text, index, number, geometry=Geometry(
            x0=x0, x1=346.0 if len(text) > 50 else x0 + 5 * len(text), top=60.0 + 12 * number,
            bottom=70.0 + 12 * number, font_size=10.0))
        for number, (text, x0) in enumerate(rows))
    return Page(index=index, label=None, lines=lines)


WORDS = ["north", "south", "east", "west", "river", "hill", "field", "wood", "stone",
         "bridge", "mill", "road"]


def _filler(index: int) -> list[tuple[str, float]]:
    """A page of plain body text, its lines all different (no line recurs as a head)."""
    return [(f"the {a} and the {b} lay {index} miles off, where the body runs on as", 50.0)
            for a, b in zip(WORDS, reversed(WORDS), strict=True)]


def _kinds(rows: list[tuple[str, float]]) -> list[str]:
    """The kinds of the lines of a page set between two plain pages (which give the body's
    left edge)."""
    pages = (_page(0, _filler(7)), _page(1, rows), _page(2, _filler(9)))
    doc = mend(Document(pages=pages), order=UNTIL_QUOTES)
    return [line.kind for line in doc.pages[1].lines]


def test_lines_set_in_from_the_body_edge_are_a_quotation():
    rows = ([("They wrote it down thus, in the book of the parish and", 63.0)]
            + [(BODY, 50.0)] * 4
            + [("We cannot allow the illusion to be created among our enemies", 70.0)] * 3
            + [("that the alliance will fail them.", 70.0), (BODY, 50.0), (BODY, 50.0)])
    assert _kinds(rows) == ["paragraph"] * 5 + ["blockquote"] * 4 + ["paragraph"] * 2


def test_paragraph_indents_and_one_line_paragraphs_are_no_quotation():
    """Dialogue: one-line paragraphs, each at the paragraph indent, one after the other."""
    rows = ([("He came in from the cold and stood there by the door a while.", 63.0)]
            + [(BODY, 50.0)] * 3 + [("and said nothing.", 50.0)]
            + [("“Bah!” said Scrooge.", 63.0), ("“Humbug!”", 63.0), ("“Nay, uncle!”", 63.0)]
            + [("The nephew laughed, and it was a merry laugh that filled the room.", 63.0)]
            + [(BODY, 50.0)] * 3)
    assert set(_kinds(rows)) == {"paragraph"}
