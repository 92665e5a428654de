"""Shapes that once took time quadratic in their lines (issue 20): lines that look like note
labels or list numbers by the thousand, pages by the thousand each printing the same folio
and a note. Each is mended within the hostile suite's bounds (10 s of CPU time: see
bounded.py), its text kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile.bounded import pagemend


def _counted(template: str, count: int) -> str:
    return "".join(template.format(n=n % 9 + 1, count=n + 1) for n in range(count))


NOTE_SHAPES = {
    # footnote_lines searched the text above every labelled line for its marker (22 s)
    "8,000 lines labelled 1. on one page": "1. An item of a list\n" * 8_000,
    # footnote_lines rebuilt the block at every label it grew by
    "16,000 lines labelled *) on one page": "*) An item of a list\n" * 16_000,
    # _numbered_run walked from every line labelled 1 to the numbers below
    "8,000 lines labelled 1. then 8,000 counted": "1. An item of a list\n" * 8_000
    + _counted("{count}. An item of a list\n", 8_000),
    # the folio sequence and the notes of each page were found among all pages' for each
    "5,000 short pages, each with folio 1 and a note": _counted(
        "1\nAn item of a list.\n1. A note1 here\n\f", 5_000),
}


@pytest.mark.parametrize("text", list(NOTE_SHAPES.values()), ids=list(NOTE_SHAPES))
def test_note_like_lines_by_the_thousand_are_mended(tmp_path: Path, text: str):
    source = tmp_path / "shape.txt"
    source.write_text(text, encoding="utf-8")
    run = pagemend(source, "--to", "txt")
    assert run.returncode == 0
    assert b"An item of a list" in run.stdout
