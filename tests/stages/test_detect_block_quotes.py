"""Block quotes (pagemend/stages/detect_block_quotes.py): from text alone, and, where the
reader had geometry, from where each line starts."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from pagemend.model import Document, Geometry, Line, Page
from pagemend.pipeline import DEFAULT_ORDER, mend
from pagemend.readers import read_text
from pagemend.rules import RULES
from pagemend.stages import detect_block_quotes

UNTIL_QUOTES = DEFAULT_ORDER[: DEFAULT_ORDER.index("detect_block_quotes") + 1]
BODY = "the body of the page runs on in lines of about the same length as"


Row = tuple[str, float] | tuple[str, float, float]


def _page(index: int, rows: list[Row]) -> Page:
    """A page of lines (text, left edge and optionally right edge in points) in 10-point
    type, 12 points apart; a long line without a right edge runs to the body's (346)."""
    lines = tuple(
        Line(row[0], index, number, geometry=Geometry(
            x0=row[1], x1=row[2] if len(row) == 3 else (  # type: ignore[misc]
                346.0 if len(row[0]) > 50 else row[1] + 5 * len(row[0])),
            top=60.0 + 12 * number, bottom=70.0 + 12 * number, font_size=10.0))
        for number, row in enumerate(rows))
    return Page(index=index, label=None, lines=lines)


WORDS = ["north", "south", "east", "west", "river", "hill", "field", "wood", "stone",
         "bridge", "mill", "road"]


def _filler(index: int) -> list[tuple[str, float]]:
    """A page of plain body text, its lines all different (no line recurs as a head)."""
    return [(f"the {a} and the {b} lay {index} miles off, where the body runs on as", 50.0)
            for a, b in zip(WORDS, reversed(WORDS), strict=True)]


def _mended(rows: list[Row]) -> Document:
    """A page set between two plain pages (which give the body's edges), mended up to and
    including the block quotes."""
    pages = (_page(0, _filler(7)), _page(1, rows), _page(2, _filler(9)))
    return mend(Document(pages=pages), order=UNTIL_QUOTES)


def _kinds(rows: list[Row]) -> list[str]:
    """The kinds of the lines of a page set between two plain pages."""
    return [line.kind for line in _mended(rows).pages[1].lines]


def test_lines_set_in_from_the_body_edge_are_a_quotation():
    rows = ([("They wrote it down thus, in the book of the parish and", 63.0)]
            + [(BODY, 50.0)] * 4
            + [("we cannot allow the illusion to be created among our enemies", 70.0, 326.0)] * 3
            + [("that the alliance will fail them.", 70.0), (BODY, 50.0), (BODY, 50.0)])
    assert _kinds(rows) == ["paragraph"] * 5 + ["blockquote"] * 4 + ["paragraph"] * 2


def test_the_quotation_rules_are_recorded_with_their_ids():
    rows = ([("They wrote it down thus, in the book of the parish and", 63.0)]
            + [(BODY, 50.0)] * 4
            + [("we cannot allow the illusion to be created among our enemies", 70.0, 326.0)] * 3
            + [("that the alliance will fail them.", 70.0), (BODY, 50.0), (BODY, 50.0)])
    decisions = [(d.rule, d.field, d.after) for d in _mended(rows).decisions
                 if d.stage == "detect_block_quotes"]
    assert decisions[:3] == [("detect_block_quotes.set_in", "kind", "blockquote"),
                             ("detect_block_quotes.quote_opens", "starts_block", True),
                             ("detect_block_quotes.set_in", "kind", "blockquote")]
    assert {rule for rule, _, _ in decisions} <= set(RULES)


def test_lines_beside_a_drop_cap_reach_the_right_edge_and_are_no_quotation():
    """bacon-latex, buddenbrooks-xelatex: the first lines of a chapter stand in from the
    edge by the width of its large initial, but run to the body's right edge."""
    rows = ([("W", 0.0), ("hile the tide was out the men of the village went", 72.0),
             ("down to the boats and waited there until it turned", 72.0)]
            + [(BODY, 50.0)] * 6)
    assert set(_kinds(rows)[1:]) == {"paragraph"}


def test_set_in_lines_under_a_heading_are_a_synopsis():
    """expression-xelatex, tomjones-groff: the argument of a chapter set in under its
    heading is a paragraph, not a quotation."""
    rows = ([("CHAPTER ONE", 150.0, 250.0),
             ("in which the harbour is described, and the inn, and the", 70.0, 326.0),
             ("people who kept it in the years before the storm.", 70.0, 300.0)]
            + [(BODY, 50.0)] * 6)
    kinds = _kinds(rows)
    assert kinds[0] == "heading" and kinds[1:3] == ["paragraph", "paragraph"]


def test_set_in_verse_is_left_to_verse():
    """devils-xelatex: verse set in on both sides, each line opening with a capital and the
    turnover of a long line standing further in, is verse (detect_verse claims it first),
    never a run of quoted paragraphs."""
    rows = ([("They wrote it down thus, in the book of the parish and", 63.0), (BODY, 50.0),
             ("and so the poet wrote.", 50.0, 160.0)]
            + [("Of an ancient man the tale is told", 80.0, 260.0),
               ("That he lived to be ten centuries", 80.0, 326.0), ("old,", 95.0, 115.0),
               ("In a cave on a mountain side.", 80.0, 240.0),
               ("And his eyes uncommonly bright.", 80.0, 250.0)]
            + [("Then the body of the page went on again in lines of about the", 63.0)]
            + [(BODY, 50.0)] * 2)
    doc = _mended(rows)
    kinds = [line.kind for line in doc.pages[1].lines]
    assert kinds[3:8] == ["verse"] * 5
    assert "blockquote" not in kinds


def test_an_epigraph_ends_with_its_attribution_even_a_name_in_capitals():
    """rouge-groff: under a heading, a saying and the author's name in capitals."""
    text = "\n".join(["CHAPTER TWO", "", "THE MILL",
                      "Idle water turns no wheel, though it runs all day.", "OSTERBERG",
                      "The mill stood at the end of the lane where the stream ran under",
                      "the road, and the miller's children played on the sluice gates all",
                      "summer long, as their father had done before them."])
    doc = mend(read_text(text), order=UNTIL_QUOTES)
    kinds = [line.kind for line in doc.lines() if line.text]
    assert kinds[2:5] == ["blockquote", "blockquote", "paragraph"]
    assert "detect_block_quotes.epigraph" in {d.rule for d in doc.decisions}


def test_dash_dialogue_under_a_heading_is_no_epigraph():
    """montecristo-weasy, rouge-groff: a speaker's dash opens a line of dialogue, not an
    attribution."""
    text = "\n".join(["CHAPTER THREE", "—Where have you been all this while?",
                      "asked the old woman at the door of the mill.",
                      "—Down at the harbour, said the boy, with the boats.",
                      "The mill stood at the end of the lane where the stream ran under",
                      "the road, and the miller's children played on the sluice gates."])
    doc = mend(read_text(text), order=UNTIL_QUOTES)
    assert "blockquote" not in {line.kind for line in doc.lines()}


def test_paragraph_indents_and_one_line_paragraphs_are_no_quotation():
    """Dialogue: one-line paragraphs, each at the paragraph indent, one after the other."""
    rows = ([("He came in from the cold and stood there by the door a while.", 63.0)]
            + [(BODY, 50.0)] * 3 + [("and said nothing.", 50.0)]
            + [("“Bah!” said Scrooge.", 63.0), ("“Humbug!”", 63.0), ("“Nay, uncle!”", 63.0)]
            + [("The nephew laughed, and it was a merry laugh that filled the room.", 63.0)]
            + [(BODY, 50.0)] * 3)
    assert set(_kinds(rows)) == {"paragraph"}


def test_numbered_items_after_a_colon_are_no_quotation():
    """Printings (Treviranus, Neitschitz, Glück): a numbered item after a colon may run
    narrower than the body by chance of its words; it is the text's own enumeration."""
    body = "the alliance was to be upheld as the treaty said, and the Soviet leaders"
    quote = ["We cannot allow the illusion to be created among our enemies",
             "that the alliance between our countries could be broken, or",
             "that either of us would stand aside if war were to come to",
             "the other; such an illusion would only invite an attack"]
    for first, kind in (("", "blockquote"), ("1. ", "paragraph"), ("IV) ", "paragraph")):
        lines = [body] * 6 + ["The response named three points:", first + quote[0],
                              *quote[1:], "on any Socialist state.", "Mao replied, " + body]
        doc = mend(read_text("\n".join(lines + [body] * 3)), order=UNTIL_QUOTES)
        assert [line.kind for line in doc.lines()][7] == kind, first


@settings(max_examples=3000)
@given(st.text(alphabet="ab .!?…'’\"”»)]\\0123456789^*†‡∗\n٣", max_size=12))
def test_may_end_sentence_holds_wherever_sentence_end_matches(text: str) -> None:
    """_may_end_sentence is the cheap test before SENTENCE_END: never false where the pattern
    finds a sentence's end (a mark added to CLOSING_MARKS or MARKER_TAIL must keep it so)."""
    from pagemend.data.punctuation import SENTENCE_END
    from pagemend.stages.detect_block_quotes import _may_end_sentence

    if SENTENCE_END.search(text):
        assert _may_end_sentence(text)


def _names_source_unguarded(text: str) -> bool:
    """``_names_source`` as its patterns alone decide (without its first-character test)."""
    dbq = detect_block_quotes
    return bool(dbq._ATTRIBUTION.match(text) or (
        dbq._NAME_LINE.match(text) and not dbq._NUMERAL.search(text)
        and not dbq.DIVISION.match(text) and not dbq.ENDNOTES_HEADING.match(text)
        and sum(map(str.isalpha, text)) >= 3))


def test_names_source_first_character_test_keeps_every_line_its_patterns_take() -> None:
    """``_names_source`` tests the first character before its patterns: after every code
    point, a dash attribution's rest or a name's in capitals gets the patterns' answer."""
    for code in range(sys.maxunicode + 1):
        for text in (chr(code) + " Hobbes", chr(code) + "OBBES."):
            assert detect_block_quotes._names_source(text) == _names_source_unguarded(text), text
