from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from helpers import make_doc
from pagemend.layout import full_line
from pagemend.pipeline import mend
from pagemend.readers import read_text
from pagemend.stages.separate_notes import _full_line_of, separate_notes

BODY = "the right reason differs not at all from the reason of justice, and"


def notes(*pages: str) -> list[tuple[str | None, str]]:
    doc = mend(make_doc(*pages))
    return [(b.note_id, b.text) for b in doc.blocks if b.kind == "note"]


def test_footnotes_at_the_foot_leave_the_body():
    page = "\n".join([BODY, "value nothing more than Law.2 Thus the right", BODY,
                      "1. A note.", "2. Law is the order", "by which all things are governed.",
                      "", "4"])
    doc = mend(make_doc("It is?1 " + BODY + "\n" + page))
    assert [(b.note_id, b.text) for b in doc.blocks if b.kind == "note"] == [
        ("1", "A note."), ("2", "Law is the order by which all things are governed.")
    ]
    body = " ".join(b.text for b in doc.blocks if b.kind != "note")
    assert "governed" not in body


def test_numbered_paragraphs_are_not_notes():
    page = "\n".join(["2. Thou wilt set little value on pleasing song and dancing", BODY,
                      "3. Consider that everything is opinion, and opinion is in", BODY])
    assert notes(page) == []


def test_note_label_needs_a_marker_in_the_body():
    assert notes("\n".join([BODY, BODY, "1 Plutarch, in vita Catonis."])) == []


def test_body_runs_on_over_the_notes_to_the_next_page():
    pages = ["\n".join([BODY, "philosophical patriot.1 The incredibility of a fact was",
                        "1 Plutarch, in vita Catonis.", "", "4"]),
             "\n".join(["allowed to invalidate so great an authority.", BODY, "", "5"])]
    doc = mend(make_doc(*pages))
    body = [b for b in doc.blocks if b.kind == "paragraph"]
    assert "fact was allowed to invalidate" in body[0].text


def test_glued_numbers_at_the_foot_are_notes_without_markers():
    """OCR misreads raised numerals (`fell.!`): numbers glued to the note's first word that
    count up from 1 still make a footnote block; spaced ones (a list) do not."""
    body = "\n".join(["the mill stood on the brook since the old abbot built it, and"] * 5
                     + ["the abbey paid its rent in flour until the abbey fell.!"])
    glued = separate_notes(read_text(body + "\n1The abbey was dissolved.\n2So says the book."),
                           None)
    assert [line.role for line in glued.lines()][-2:] == ["note", "note"]
    spaced = separate_notes(read_text(body + "\n1. The abbey was dissolved.\n2. So it says."),
                            None)
    assert [line.role for line in spaced.lines()][-2:] == ["body", "body"]


def test_glued_numbers_must_follow_on_from_the_notes_before():
    """Glued numbers that neither start at 1 nor go on from the last note found (give or take
    a note or two missed) are no footnote block."""
    page = "\n".join(["a line of the body that runs on to the end of the line and"] * 5
                     + ["a line of the body that ends here.", "{n}The first word glued."])
    doc = separate_notes(read_text("\f".join([page.format(n=1), page.format(n=3),
                                              page.format(n=9)])), None)
    assert [page.lines[-1].role for page in doc.pages] == ["note", "note", "body"]


def test_a_note_continued_over_a_page_is_found_by_its_smaller_type():
    """With geometry, the note's lines carried to the next page are the page's bottom run of
    lines in smaller type, even where their lengths in characters tell nothing."""
    from pagemend.model import Document, Geometry, Line, Page

    body = [f"the {word} lay quiet under the hill and the body of the page ran on as"
            for word in ["mill", "brook", "field", "road", "wood", "stone", "bridge"]]

    def page(index: int, rows: list[tuple[str, float]]) -> Page:
        return Page(index=index, label=None, lines=tuple(
            Line(text, index, number, geometry=Geometry(
                x0=50.0, x1=346.0, top=60.0 + 12 * number, bottom=70.0 + 12 * number,
                font_size=size)) for number, (text, size) in enumerate(rows)))

    first = [(text, 10.0) for text in body[:5]] + [
        ("and so the miller said, as the parish book has it.1", 10.0),
        ("1The parish book was kept by the vicar, who wrote in it what he heard and", 8.0),
        ("what he saw, and what the miller told him of the water and the wheel and", 8.0)]
    second = [(text, 10.0) for text in body] + [
        ("of the brook in flood, and of the year the wheel stopped for good and all.", 8.0),
        ("So the book tells it, in the vicar's own hand.", 8.0)]
    doc = separate_notes(Document(pages=(page(0, first), page(1, second))), None)
    assert [line.role for line in doc.pages[1].lines] == ["body"] * 7 + ["note"] * 2


def rules_by_line(doc) -> dict[tuple[int, int], set[str]]:
    found: dict[tuple[int, int], set[str]] = {}
    for decision in doc.decisions:
        if decision.stage == "separate_notes":
            found.setdefault((decision.page, decision.line), set()).add(decision.rule)
    return found


def test_footnote_decisions_are_recorded_with_their_rules():
    from pagemend.rules import RULES

    page = "\n".join([BODY, "value nothing more than Law.2 Thus the right", BODY,
                      "1. A note.", "2. Law is the order", "by which all things are governed."])
    doc = separate_notes(make_doc("It is?1 " + BODY + "\n" + page), None)
    assert rules_by_line(doc) == {(0, 4): {"separate_notes.footnote_block"},
                                  (0, 5): {"separate_notes.footnote_block"},
                                  (0, 6): {"separate_notes.note_goes_on"}}
    fields = {(d.line, d.field, d.after) for d in doc.decisions if d.line == 5}
    assert fields == {(5, "role", "note"), (5, "kind", "note"), (5, "starts_block", True),
                      (5, "note_id", "2")}
    assert all(d.rule in RULES for d in doc.decisions)


def test_endnotes_at_a_chapters_end_without_a_heading():
    """Numbered 1, 2, ... in note type (longer lines) up to the next chapter heading, each
    number a marker in the chapter: the chapter's endnotes (expression-xelatex)."""
    body = [f"the {word} lay quiet under the hill, and the page ran on" for word in
            ["mill", "brook", "field", "road", "wood", "stone"]]
    long = "and the note runs on in its smaller type, longer than the body's lines are"
    chapter = [body[0], "as the book says,1 and so on", *body[1:4],
               "and so it ended.2", "1. The book is lost now, and the vicar's copy went with it.",
               long, "2. The vicar said so too, in his own words, in the year of the frost.",
               "CHAPTER II.", *body[3:], *body]
    doc = separate_notes(make_doc("\n".join(chapter[:6]), "\n".join(chapter[6:])), None)
    roles = [(line.role, line.note_id) for line in doc.pages[1].lines]
    assert roles[:4] == [("note", "1"), ("note", None), ("note", "2"), ("body", None)]
    assert rules_by_line(doc)[(1, 0)] == {"separate_notes.endnote_list"}


def test_a_numbered_list_at_a_chapters_end_is_no_endnotes():
    body = [f"the {word} lay quiet under the hill, and the page ran on" for word in
            ["mill", "brook", "field", "road", "wood", "stone"]]
    chapter = [*body, "as the book says,1 and so on.", "1. The first rule.",
               "2. The second rule.", "CHAPTER II.", *body]
    doc = separate_notes(make_doc("\n".join(chapter)), None)
    assert {line.role for line in doc.lines()} <= {"body"}


def test_labels_alone_on_their_lines_open_the_notes_below():
    """The extractor set the labels apart from their notes (montaigne-latex): two labels,
    then two lines, one note each."""
    page = "\n".join([BODY, "the proverb of the empty vessel—∗—that makes", BODY,
                      "to see their pace before he set his own to it—†", BODY,
                      "∗", "†", "", "An old saying of the valley.", "A saying of the carters."])
    doc = separate_notes(make_doc(page), None)
    notes = [(line.text, line.note_id, line.starts_block) for line in doc.lines()
             if line.role == "note" and line.text]
    assert notes == [("An old saying of the valley.", "∗", True),
                     ("A saying of the carters.", "†", True)]
    assert rules_by_line(doc)[(0, 8)] == {"separate_notes.label_alone"}


def test_a_long_note_may_fill_most_of_its_page_in_note_type():
    """A note set smaller (its lines longer) may reach above ``MAX_NOTE_SHARE`` of the page:
    its label is looked for as high as the foot's lines run in note type."""
    words = ["mill", "brook", "field", "road", "wood", "stone", "bridge", "barn", "yard"]
    body = [f"the {word} lay quiet under the hill and the page ran on as" for word in words]
    note = "and the note runs on in its smaller type, longer than the body's lines, as notes do"
    last = body[:3] + ["and so the miller said, as the parish book has it.1"] + [
        "1 The parish book was kept by the vicar, who wrote in it what he heard and saw,"
    ] + [note] * 12 + ["and there it ends."]
    from pagemend.stages.measure_document import measure_document

    doc = separate_notes(measure_document(make_doc(*["\n".join(body)] * 3, "\n".join(last)),
                                          None), None)
    roles = [line.role for line in doc.pages[3].lines]
    assert roles == ["body"] * 4 + ["note"] * 14


def test_endnotes_end_where_note_type_ends_before_a_title_alone():
    """The next chapter opens with its title alone (no division word): the endnotes end where
    their lines leave note type, and the new chapter stays body."""
    from pagemend.stages.measure_document import measure_document

    body = [f"the {word} lay quiet under the hill and the page ran on as" for word in
            ["mill", "brook", "field", "road", "wood", "stone", "bridge", "barn", "yard"]]
    long = "and the note runs on in its smaller type, longer than the body's lines, as notes do"
    ending = [*body[:4], "as the book says,1 and so it ended.2",
              "1. The book is lost now, and the vicar's copy of it went with the rest of his",
              "papers.", "2. The vicar said so too, in his own words, in the year of the frost,",
              long, "and there it ends.", "THE MILLER'S DAUGHTER", *body]
    doc = separate_notes(measure_document(make_doc(*["\n".join(body)] * 3, "\n".join(ending)),
                                          None), None)
    roles = [line.role for line in doc.pages[3].lines]
    assert roles == ["body"] * 5 + ["note"] * 5 + ["body"] * 10
    assert rules_by_line(doc)[(3, 5)] == {"separate_notes.endnote_list"}


def test_a_number_opening_a_note_line_with_no_marker_goes_on_with_the_note():
    """Issue 17: `392 A; 4, 427 B` opens a line inside note 2; it breaks the count and stands
    as no marker above, so the note goes on (dta-rohde-1894)."""
    page = "\n".join([BODY, "as the old men held1), and the church2) too, older", BODY,
                      "1) So says the register.", "2) Rebuilt, as Plato says in Rep. 3,",
                      "392 A; 4, 427 B, and again later."])
    assert notes(page) == [("1", "So says the register."),
                           ("2", "Rebuilt, as Plato says in Rep. 3, 392 A; 4, 427 B, and again "
                                 "later.")]


def test_one_style_of_bracketed_label_per_foot():
    """A `b)` list item above notes `(a)`, and a line `3. p. 126.` inside note (a), are no
    labels: the foot's notes share one style."""
    page = "\n".join([BODY, "b) the second point, as Horatius(a) says,", BODY,
                      "(a) l. 2. Epist.", "3. p. 126. and elsewhere."])
    assert notes(page) == [("1", "l. 2. Epist. 3. p. 126. and elsewhere.")]


def test_a_section_sign_before_a_number_opens_no_note():
    page = "\n".join([BODY, "as the old men held*), older than the church", BODY,
                      "*) So says the register,", "§. 7. and the town book."])
    assert notes(page) == [("1", "So says the register, §. 7. and the town book.")]


def test_an_endnote_list_followed_by_a_full_line_on_its_page_is_footnotes():
    """Notes 1) and 2) at a page's foot whose lines the width test ends early: a full line
    below them is no chapter title, the run is no endnote list (dta-rohde-1894)."""
    from pagemend.stages.separate_notes import _run_closes

    body = list(read_text("\n".join(
        ["1) A note.", "2) Another one that goes on,", BODY, "TITLE"])).lines())
    assert not _run_closes(body, 2, float(len(BODY)))
    assert _run_closes(body, 3, float(len(BODY)))


@given(st.lists(st.integers(min_value=0, max_value=400), max_size=80))
def test_full_line_from_counts_is_layouts_full_line(lengths: list[int]) -> None:
    """The endnote test measures the body's other lines from their counts (speed, issue 20):
    the same figure as ``layout.full_line`` of the lengths themselves."""
    assert _full_line_of(Counter(lengths)) == (full_line(lengths) if lengths else 0)


def test_division_first_character_guards_cover_their_patterns() -> None:
    """_division and the endnote search test a line's first character before their patterns:
    every character that opens a division word, an endnotes heading (either case, as
    re.IGNORECASE matches: the long s, the Kelvin sign) or a bare numeral is let through,
    so a word added to the data must keep the guards true."""
    import re

    from pagemend.data.headings import DIVISION_WORDS
    from pagemend.data.notes import ENDNOTES_HEADING
    from pagemend.stages.separate_notes import (
        _DIVISION,
        _DIVISION_FIRST,
        _ENDNOTES_FIRST,
        _division,
    )

    endnote_words = re.findall(r"(?:\^\(\?:|\|)([a-z]+)", ENDNOTES_HEADING.pattern)
    assert "notes" in endnote_words and "remarques" in endnote_words
    for words, allowed, probe in ((DIVISION_WORDS, _DIVISION_FIRST, " 3"),
                                  (endnote_words, _DIVISION_FIRST, ""),
                                  (endnote_words, _ENDNOTES_FIRST, "")):
        firsts = re.compile("[" + "".join({word[0] for word in words}) + "]", re.IGNORECASE)
        openers = [char for char in map(chr, range(0x110000)) if firsts.fullmatch(char)]
        for word in words:
            for char in openers:
                text = char + word[1:] + probe
                if (_DIVISION if allowed is _DIVISION_FIRST else ENDNOTES_HEADING).match(text):
                    assert char in allowed, (word, char)
    assert all(_division(numeral) for numeral in ("XII", "I.", "§ 12", "MDC"))
