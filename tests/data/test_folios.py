"""Folios: heads with their page number found in one pass over the line (issue 16: a line of
one word, many spaces, one word took quadratic time in the old regular expressions)."""

from __future__ import annotations

import time

from pagemend.data.folios import split_head


def test_heads_with_a_folio_at_either_end():
    assert split_head("142 { China’s Quest")[1:] == (" { ", "China’s Quest")  # type: ignore[index]
    assert split_head("TITLE ·13")[0].text == "13"  # type: ignore[index]
    assert split_head("xii Chapter")[0].value == 12  # type: ignore[index]
    assert split_head("The Civil") is None
    assert split_head("1950 12 soldiers") is None


def test_a_long_edge_line_costs_one_pass():
    started = time.process_time()
    for tail in ("word", "said", "iv", "12"):
        split_head("one" + " " * 1_000_000 + tail)
        split_head("so it was said " * 3_000 + tail)
    assert time.process_time() - started < 5.0  # quadratic work took minutes here
