from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import CASES, make_doc
from pagemend.pipeline import mend
from pagemend.readers import read_path
from pagemend.writers.json import write_json

FULL = "the line of prose runs on to the right margin of the page and then"


def starts(*pages: str) -> list[tuple[str, bool]]:
    doc = mend(make_doc(*pages))
    return [(line.text, line.starts_block) for line in doc.lines() if line.text]


def test_short_line_with_terminal_punctuation_ends_the_paragraph():
    page = "\n".join([f"It was {FULL}", FULL, "it ended here.", f"Then {FULL}", FULL, FULL])
    assert [s for _, s in starts(page)] == [True, False, False, True, False, False]


def test_full_line_with_a_full_stop_does_not_end_the_paragraph():
    page = "\n".join([f"It was {FULL}", "the line of prose runs on to the right margin. And then",
                      FULL, FULL])
    assert [s for _, s in starts(page)] == [True, False, False, False]


def test_paragraph_continues_over_a_page_break_and_the_furniture():
    pages = [f"It was {FULL}\n{FULL}\n{FULL}\n\n7", f"8 | A Book Title\n\n{FULL}\nended here.",
             f"9 | A Book Title\n\nA new one {FULL}"]
    doc = mend(make_doc(*pages))
    assert len(doc.blocks) == 2
    first = doc.blocks[0]
    assert [s.label for s in first.spans] == ["7", "7", "7", "8", "8"]
    assert first.continues_on_next_page and not doc.blocks[1].continues_from_previous_page


def test_hyphen_over_a_page_break_joins_over_the_furniture():
    pages = [f"It was {FULL}\n{FULL}\nwe would de-\n\n7", "8 | A Book Title\n\nfend it.\n"]
    assert "we would defend it." in mend(make_doc(*pages)).blocks[0].text


def test_blank_line_between_body_lines_ends_the_paragraph():
    # the line before the gap ends a sentence: a gap inside one is a drop cap's (see below)
    assert [s for _, s in starts(f"It was {FULL}\n{FULL} too.\n\nAnd {FULL}")] == [
        True, False, True]


@pytest.mark.parametrize(("first", "continues"), [("would stay neutral", True),
                                                   ("Would stay neutral", False)])
def test_first_paragraph_continues_from_before_the_input(first, continues):
    doc = mend(make_doc(f"{first} {FULL}\n{FULL}"))
    assert doc.blocks[0].continues_from_previous_page is continues


def test_dialogue_turns_open_paragraphs_even_after_a_full_line():
    page = "\n".join([f"It was {FULL}", "line of prose runs on. “Bah!” said Scrooge, “Humbug!”",
                      "“Uncle!” pleaded the nephew, and then he said it once again to",
                      "his uncle: “Merry Christmas!”", f"So {FULL}"])
    assert [s for _, s in starts(page)] == [True, False, True, False, True]


def test_seed_first_paragraph_continues_and_last_runs_on():
    data = json.loads(write_json(mend(read_path(str(CASES / "seed" / "input.pages.txt")))))
    blocks = data["blocks"]
    assert blocks[0]["continues_from_previous_page"] and blocks[0]["text"].startswith("would")
    assert blocks[-1]["continues_on_next_page"] and blocks[-1]["text"].endswith("in the")
    assert not blocks[0]["continues_on_next_page"]


def test_block_starts_are_recorded_with_the_rule_that_opened_them():
    page = "\n".join([f"It was {FULL}", FULL, "it ended here.", f"Then {FULL}",
                      "so it ended.", "", f"After a gap {FULL}", FULL])
    doc = mend(make_doc(page))
    fired = {(d.line, d.rule) for d in doc.decisions
             if d.stage == "rejoin_paragraphs" and d.fired}
    assert fired == {(0, "rejoin_paragraphs.first_line"),
                     (3, "rejoin_paragraphs.room_terminal"),
                     (6, "rejoin_paragraphs.blank_line")}


def test_every_block_start_of_prose_is_explained_by_a_rule():
    doc = mend(make_doc("\n".join(["“Bah!” said Scrooge, and then he went away again.”",
                                   "“Uncle!” pleaded the nephew.", f"It was {FULL}", FULL])))
    explained = {d.line for d in doc.decisions if d.field == "starts_block" and d.after}
    assert explained >= {line.number for line in doc.lines() if line.starts_block}


def test_a_line_in_lower_case_after_prose_opens_no_paragraph():
    page = "\n".join([f"It was {FULL}", "it ended here.", "", f"{FULL}", FULL])
    assert [s for _, s in starts(page)] == [True, False, False, False]


def test_a_blank_line_inside_a_sentence_ends_no_paragraph():
    beside = "beside the drop cap the line of prose ran on towards the right and"
    page = "\n".join([f"It was {FULL}", beside, "", f"Then {FULL}", FULL])
    assert [s for _, s in starts(page)] == [True, False, False, False]


def test_lower_openings_are_the_characters_the_lower_case_pattern_opens_with():
    """``_between`` looks a line's first character up in ``_LOWER_OPENINGS`` instead of
    asking ``_OPENS_LOWER``: the set holds exactly the code points the pattern matches (fails
    when a range of the set loses or gains a character), and an empty line opens with none."""
    import sys

    from pagemend.stages.rejoin_paragraphs import _LOWER_OPENINGS, _OPENS_LOWER

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert (char in _LOWER_OPENINGS) == bool(_OPENS_LOWER.match(char)), hex(code)
    assert "" not in _LOWER_OPENINGS and _OPENS_LOWER.match("") is None


def _running_quotes_line_by_line(pairs):
    """``_running_quotes`` as it walked every line (the reference for the test below)."""
    from pagemend.data.punctuation import QUOTE_OPEN
    from pagemend.stages.rejoin_paragraphs import _CLOSED_QUOTE, MIN_RUNNING_QUOTE_LINES

    found, run = set(), []
    for line, _ in [*pairs, (None, None)]:
        mark = line.text[:1] if line is not None else ""
        opens = bool(QUOTE_OPEN.match(mark))
        if not run and not opens:
            continue
        if (line is not None and opens and run and run[-1].text[:1] == mark
                and not _CLOSED_QUOTE.search(run[-1].text)):
            run.append(line)
            continue
        if len(run) >= MIN_RUNNING_QUOTE_LINES:
            found.update((x.page, x.number) for x in run[1:])
        run = [line] if line is not None and opens else []
    return found


@given(st.lists(st.lists(st.sampled_from(["„", '"', "«", "“", "'", "a", "B", "x.“", "geht.«",
                                          "1", " ", "so\""]), min_size=1, max_size=3),
                max_size=14))
def test_running_quotes_walk_only_the_lines_that_open_with_a_mark(texts):
    """``_running_quotes`` walks the lines that open with a quotation mark alone (any other
    line ends a run): the same lines as the walk over every line."""
    from pagemend.model import Line
    from pagemend.stages.rejoin_paragraphs import _running_quotes

    lines = [(Line("".join(parts), number // 5, number), None)
             for number, parts in enumerate(texts)]
    assert _running_quotes(lines) == _running_quotes_line_by_line(lines)
