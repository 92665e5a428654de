"""Where paragraphs end (pagemend/breaks.py): room, sentence ends and conventions."""

from __future__ import annotations

import pytest

from pagemend.breaks import ends_paragraph
from pagemend.model import Line

FULL = 60
#: a next line as long as a full one: no trace of a first-line indent
LONG = "Then the story went on and on through the night without an end"


def line(text: str) -> Line:
    return Line(text, 0, 0)


@pytest.mark.parametrize(
    ("text", "following", "ends"),
    [
        ("it ended here.", "Then the story went on", True),  # room and a full stop
        ("x" * 55 + " here.", LONG, False),  # a full line, and a full line after it
        ("x" * 50 + " here.", "Then", True),  # a sentence well short of the measure
        ("he said, “Humbug!”", "“Uncle!” pleaded the nephew.", True),  # a new speaker
        ("x" * 57 + " yes.", "—Vraiment? répliqua-t-il", True),  # a dialogue dash
        ("x" * 52 + " each other;", "2. He loves his subjects;", True),  # a list item
        ("x" * 55 + " on—", "“We shut him off and called", True),  # broken-off speech
        ("x" * 25 + " uncle!” said Scrooge’s nephew.",
         "“You don’t mean that, I am sure, " + "x" * 25, False),  # the speaker goes on
        ("THE CHAPTER TITLE", "It was a dark night", True),  # short, before a capital
        ("a line that runs on and on", "and on without any end", False),
    ],
)
def test_ends_paragraph(text, following, ends):
    assert ends_paragraph(line(text), line(following), FULL) is ends


def test_a_glued_line_never_ends_a_paragraph():
    glued = Line("we had to de", 0, 0, glue_next=True)
    assert not ends_paragraph(glued, line("Fend it."), FULL)


def test_the_room_left_is_measured_in_points_where_the_reader_had_geometry():
    """A line whose characters fill the measure but whose glyphs stop well short of the right
    margin (narrow letters) had room for the next word: the sentence ends its paragraph."""
    from pagemend.model import Geometry

    line = Line("i" * 58 + ".", 0, 0, geometry=Geometry(x0=50, x1=200, top=0, bottom=10,
                                                          font_size=10))
    following = Line("The next one runs on across the whole measure of the page and", 0, 1,
                     geometry=Geometry(x0=50, x1=346, top=12, bottom=22, font_size=10))
    assert not ends_paragraph(line, following, 60)  # by characters: full, so it runs on
    assert ends_paragraph(line, following, 60, right=346.0)  # by points: 146 left
