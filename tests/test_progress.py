"""Batch progress: plain lines off a terminal, a live bar on one."""

from __future__ import annotations

import io

from pagemend.progress import Progress, open_progress


def test_plain_lines_carry_rate_and_time_left():
    out = io.StringIO()
    ticks = iter([0.0, 2.0, 4.0, 4.0])
    tracker = Progress(3, out, clock=lambda: next(ticks))
    tracker.advance(100, "ok a.txt: 100 pages -> a.md")
    tracker.advance(50, "failed b.txt: [PM101] gone", shown=True)
    lines = out.getvalue().splitlines()
    assert lines[0] == "[1/3] ok a.txt: 100 pages -> a.md (100 pages, 50 pages/s, 4 s left)"
    assert lines[1].startswith("[2/3] failed b.txt") and "2 s left" in lines[1]


def test_quiet_books_are_counted_but_not_shown():
    out = io.StringIO()
    tracker = open_progress(2, out)
    tracker.advance(10, "ok a.txt", shown=False)
    assert out.getvalue() == "" and (tracker.done, tracker.pages) == (1, 10)


def test_a_terminal_gets_a_live_bar_and_failures_still_get_a_line():
    out = io.StringIO()
    tracker = open_progress(2, out, live=True)
    assert type(tracker) is not Progress
    tracker.advance(10, "ok a.txt: 10 pages -> a.md")
    tracker.advance(0, "failed b.txt: [PM101] no such file")
    tracker.close()
    text = out.getvalue()
    assert "failed b.txt: [PM101] no such file" in text
    assert "ok a.txt" not in text  # the bar, not a line, shows books that went well
    assert "2/2" in text
