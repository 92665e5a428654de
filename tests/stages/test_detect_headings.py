"""Headings (pagemend/stages/detect_headings.py): where the reader had geometry, type set
well above the body's size makes a heading the text alone would not find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pagemend.model import Document, Geometry, Line, Page
from pagemend.pipeline import DEFAULT_ORDER, mend
from pagemend.stages import detect_headings

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


PROSE = "the struggle was linked to domestic class struggle, and pushed the whole revolution on."


def _mend_text(text: str) -> Document:
    from pagemend.readers import read_text

    return mend(read_text(text), order=UNTIL_HEADINGS)


def test_decisions_name_the_rules_of_the_stage():
    """Every heading line's kind, block start and level is recorded with a declared rule."""
    from pagemend.rules import RULES

    doc = _mend_text("\n".join([
        "Chapter II.", "A short account of the mill, and of the miller, his sister.",
        *["The " + PROSE] * 6]))
    headings = [(line.text, line.level) for line in doc.lines() if line.kind == "heading"]
    assert headings == [("Chapter II.", 1),
                        ("A short account of the mill, and of the miller, his sister.", 1)]
    decided = {(d.line, d.field): d.rule for d in doc.decisions if d.stage == "detect_headings"}
    assert decided[(0, "kind")] == "detect_headings.division_label"
    assert decided[(1, "kind")] == "detect_headings.label_title"
    assert decided[(1, "level")] == "detect_headings.level_title_of_label"
    assert decided[(0, "level")] == "detect_headings.level_top_of_page"
    assert all(rule_id in RULES for rule_id in decided.values())


def test_a_new_numbering_in_mid_page_sits_under_the_one_before():
    """`BOOK I.`, its argument, then `Chapter I.` and its title: the chapter is level 2, and
    the argument (followed by a label, not by a paragraph) is no title (tomjones-groff)."""
    doc = _mend_text("\n".join([
        "BOOK I.", "Containing as much of the mill as is needful to begin with.",
        "Chapter I.", "The introduction to the work.", *["The " + PROSE] * 6]))
    headings = [(line.text, line.level) for line in doc.lines() if line.kind == "heading"]
    assert headings == [("BOOK I.", 1), ("Chapter I.", 2), ("The introduction to the work.", 2)]


def test_a_dateline_is_no_title():
    doc = _mend_text("\n".join([*["The " + PROSE] * 6, "LONDON, December 9, O. S. 1746.",
                                "Dear Boy, " + PROSE]))
    assert [line.text for line in doc.lines() if line.kind == "heading"] == []


def test_a_title_may_end_in_a_year():
    """Only a number after a comma makes a dateline or a citation."""
    doc = _mend_text("\n".join(["The Election of 1860", *["The " + PROSE] * 6]))
    assert [line.text for line in doc.lines() if line.kind == "heading"] == [
        "The Election of 1860"]


def test_a_short_last_line_at_a_page_top_after_a_full_line_is_no_heading():
    """Property test find: a paragraph's last line (`About say.`) carried over to the next
    page, under a page that ended with a full line, is no title-case heading; a real title
    there has more to it (`Notes to Chapter I.`, golden endnotes-numbered-per-chapter)."""
    import random

    from book_text import sentence, wrap
    from pagemend.pipeline import mend
    from pagemend.readers import read_text

    rng = random.Random(3)
    lines = wrap(" ".join(sentence(rng) for _ in range(9)), 64)
    lines[-1] = "and the people who lived there knew it better than strangers did."
    page_two = wrap(" ".join(sentence(rng) for _ in range(9)), 64)
    text = "\n".join(lines) + "\f" + "\n".join(["About say.", *page_two])
    doc = mend(read_text(text))
    assert "heading" not in {block.kind for block in doc.blocks}


def test_a_line_of_several_sentences_is_no_title():
    """Property test find: `Things his. Found world. Have yet.` (a paragraph's carried-over
    last line at a page top) reads as title case but holds sentences: prose, no heading."""
    from pagemend.model import Line
    from pagemend.stages.detect_headings import _form

    assert _form(Line("Things his. Found world. Have yet.", 0, 0)) is None
    assert _form(Line("Time it an. Remember day.", 0, 0)) is None
    assert _form(Line("Chapter I. The Harbour", 0, 0)) is not None
    assert _form(Line("Mrs. Dalloway Buys the Flowers", 0, 0)) is not None


@settings(max_examples=300)  # long generated lines: a sample suffices
@given(st.from_regex(detect_headings._MISREAD_NUMERAL_LINE))
def test_misread_numeral_end_tests_pass_every_line_the_pattern_matches(text: str) -> None:
    """``_read_back_numerals`` asks its pattern only of lines whose end passes
    ``_NUMERAL_ENDS`` and ``_may_end_numeral``: every line the pattern matches passes both."""
    assert text[-1:] in detect_headings._NUMERAL_ENDS
    assert detect_headings._may_end_numeral(text)


@settings(max_examples=300)  # long generated lines: a sample suffices
@given(st.from_regex(detect_headings._SECTION))
def test_counted_sections_first_character_test_passes_every_numbered_line(text: str) -> None:
    """``_counted_sections`` asks ``_SECTION`` only of lines opening with a digit."""
    assert text[:1].isdigit()
