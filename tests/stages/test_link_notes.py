from __future__ import annotations

import pytest

from helpers import make_doc
from pagemend.pipeline import mend
from pagemend.readers import read_text
from pagemend.rules import RULES
from pagemend.stages.link_notes import link_notes
from pagemend.stages.separate_notes import separate_notes

BODY = "the harbour lay quiet under a low grey sky, and the boats were out"


def linked(text: str) -> list[tuple[str, tuple[tuple[int, str, bool], ...]]]:
    doc = link_notes(separate_notes(read_text(text), None), None)
    return [(line.text, line.references) for line in doc.lines() if line.role == "body"]


def test_every_note_link_is_recorded_with_its_rule():
    doc = link_notes(separate_notes(read_text(
        "\n".join([BODY, "as the old men said.^1 And the church,2 older", BODY,
                   "1 So says the register.", "2 Rebuilt in 1840."])), None), None)
    links = [(d.rule, d.after) for d in doc.decisions if d.field == "note_link"]
    assert links == [("link_notes.caret", "1"), ("link_notes.glued_digits", "2")]
    assert all(rule in RULES for rule, _ in links)


def test_symbol_notes_are_renumbered_in_order_and_recorded():
    pages = ["\n".join([BODY, "as the old men said,* and more.", BODY, "* So says the book."]),
             "\n".join([BODY, "so the vicar wrote.* Then", BODY, "* In his own hand."])]
    doc = mend(make_doc(*pages))
    assert [b.note_id for b in doc.blocks if b.kind == "note"] == ["1", "2"]
    renumbered = [(d.before, d.after) for d in doc.decisions
                  if d.rule == "link_notes.renumbered"]
    assert renumbered == [("*", "1"), ("*", "2")]


def test_a_symbol_after_a_dash_is_a_marker():
    assert linked("\n".join([BODY, "and then they spoke to them—†", BODY,
                             "† So says the book."]))[1] == (
        "and then they spoke to them—", ((28, "1", True),))


def test_digits_after_an_ellipsis_or_a_bracket_and_dash_are_markers():
    lines = linked("\n".join([BODY, "and if others are present ...7", "let thy efforts be—]8",
                              BODY, "7 Something is missing here.", "8 Or incomplete."]))
    assert [references for _, references in lines[1:3]] == [((29, "7", True),),
                                                            ((20, "8", True),)]


@pytest.mark.parametrize("line", ["In my present situation,1time to write to you is",
                                  "In my present situation, 1time to write to you is"])
def test_digits_between_punctuation_and_a_word_are_a_marker(line):
    """The marker goes, the two words keep the one space between them (before it or not)."""
    assert linked("\n".join([line, BODY, "1 He was then secretary of state."]))[0] == (
        "In my present situation, time to write to you is", ((24, "1", True),))


def test_an_ordinal_after_punctuation_is_no_marker():
    assert linked("\n".join(["It came out, 2nd edition and all, in the year", BODY,
                             "2 He was then secretary of state."]))[0][1] == ()


def test_numbers_in_prose_stay():
    text = "\n".join(["In 1846.5 men came, and in the year 1850 more,", BODY,
                      "5 A note."])
    assert linked(text)[0][1] == ()


def test_a_number_opening_a_line_before_a_lower_case_word_is_the_marker_before_it():
    """pdfium sets a raised numeral after the line break (`substance,` / `20 though`): its
    reference goes to the end of the line before; a count opening a line stays."""
    lines = linked("\n".join([BODY, "There is one common substance,", "20 though it is shared",
                              "40 years old and more,", BODY, "20. See iv. 40."]))
    assert lines[1:4] == [("There is one common substance,", ((30, "20", True),)),
                          ("though it is shared", ()), ("40 years old and more,", ())]


def test_bracketed_callouts_leave_no_bracket_behind():
    """Issue 17: callouts printed as their labels (`Horatius(a)`, `Leben*)`, `werden22)`)
    leave the text whole; a callout opening a line refers from the end of the line before."""
    assert linked("so says Horatius(a) and\n(b) Seneca too.\n(a) l. 2.\n(b) Ep. 96.") == [
        ("so says Horatius and", ((16, "1", True), (20, "2", True))), ("Seneca too.", ())]
    assert linked("the whole Leben*) and\nthe rest.\n*) So it is.")[0] == (
        "the whole Leben and", ((15, "1", True),))
    assert linked("die Priester werden22). Was\nnun.\n22) L. 1. §. 1.")[0] == (
        "die Priester werden. Was", ((19, "22", True),))


def test_a_closing_bracket_after_a_year_is_no_callout():
    assert linked("the treaty of 1739) and a) the\nrest.\na) So it is.")[0][0] == (
        "the treaty of 1739) and a) the")


def test_the_ascii_marker_test_is_the_marker_test_on_every_ascii_character():
    """``_MAYBE_MARKER_ASCII`` stands for ``_MAYBE_MARKER`` on a text of ASCII characters:
    both are one character class, so agreeing on each ASCII character they agree on every
    such text (fails when a character, a symbol added to the data, is left out)."""
    from pagemend.stages.link_notes import _MAYBE_MARKER, _MAYBE_MARKER_ASCII

    for char in map(chr, range(128)):
        assert bool(_MAYBE_MARKER_ASCII.match(char)) == bool(_MAYBE_MARKER.match(char)), char


def test_a_marker_pattern_finds_nothing_before_its_needed_character():
    """``_find`` searches each of ``_MARKERS`` from one place before the first of its needed
    characters (``_MARKER_NEEDS``): on random texts of the rules' own examples and the
    patterns' characters, it finds the same matches as from the start (fails when a pattern
    may begin further before: searched from the needed character itself, both spaced-digit
    patterns do)."""
    import random
    import re

    from pagemend.data.notes import NOTE_SYMBOLS
    from pagemend.stages.link_notes import _MARKER_NEEDS, _MARKERS

    examples = [example for rule in RULES.values() if rule.stage == "link_notes"
                for example in re.findall(r"`([^`]+)`", rule.statement)]
    pieces = ["a", "Ab", "1850", "1", "12", ".", ",", " ", "[", "]", "^", "¹", "“", "”", ")",
              "B", "\n", *NOTE_SYMBOLS]
    rng = random.Random(20)
    matched = [0] * len(_MARKERS)
    for _ in range(30_000):
        text = "".join(rng.choice(examples) if rng.random() < 0.4 else rng.choice(pieces)
                       for _ in range(rng.randint(1, 5)))
        for k, ((pattern, _, _), needed) in enumerate(zip(_MARKERS, _MARKER_NEEDS, strict=True)):
            first = needed.search(text)
            spans = [match.span() for match in pattern.finditer(text)]
            matched[k] += bool(spans)
            if first is None:
                assert not spans, (pattern.pattern, text)
                continue
            assert spans == [match.span() for match in pattern.finditer(
                text, max(0, first.start() - 1))], (pattern.pattern, text)
    assert min(matched) > 100  # every pattern found its markers in the texts
