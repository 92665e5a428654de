"""Text of every shape is mended, never refused for its shape, within the hostile suite's
bounds (issue 16): long lines, long words, runs of spaces, many pages, folders of one-line
pages. Inputs of many thousands of pages are scaled down here; the full sizes are timed by
``make bench-scale``."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from book_text import sentence
from hostile.bounded import pagemend

#: pages of the scaled-down many-page inputs (the issue's 20,000 and 10,000, a tenth)
MANY_PAGES = 2_000
LINE_SHAPES = {
    "a 50,000-character line ending in a folio-like word": "so it was said " * 3_400 + "iv",
    "a 50,000-character line ending in a digit": "so it was said " * 3_400 + "12",
    "one word, a million spaces, one word": "one" + " " * 1_000_000 + "word",
    "a 100,000-letter word": "x" * 100_000,
}


@pytest.mark.parametrize("text", list(LINE_SHAPES.values()), ids=list(LINE_SHAPES))
def test_lines_of_any_shape_are_mended(tmp_path: Path, text: str):
    source = tmp_path / "shape.txt"
    source.write_text(text + "\nThe next line.\n", encoding="utf-8")
    run = pagemend(source, "--to", "txt")
    assert run.returncode == 0
    assert b"The next line." in run.stdout


def test_many_pages_of_random_text_are_mended(tmp_path: Path):
    rng = random.Random(16)
    words = ["alpha", "beta", "gamma", "delta", "omega", "river", "stone", "light"]
    pages = ["\n".join(" ".join(rng.choice(words) for _ in range(rng.randint(3, 12)))
                       for _ in range(rng.randint(1, 6))) for _ in range(MANY_PAGES)]
    source = tmp_path / "random.pages.txt"
    source.write_text("\f".join(pages), encoding="utf-8")
    assert pagemend(source, "-o", tmp_path / "out.md").returncode == 0


def test_a_folder_of_one_line_pages_keeps_its_text(tmp_path: Path):
    """A folder of one-line page files: each page's one line is its text, not a running
    head (the lines differ from page to page)."""
    rng = random.Random(10)
    folder = tmp_path / "pages"
    folder.mkdir()
    lines = [sentence(rng) for _ in range(MANY_PAGES)]
    for number, line in enumerate(lines, start=1):
        (folder / f"page{number}.txt").write_text(line + "\n", encoding="utf-8")
    run = pagemend(folder, "--to", "txt")
    assert run.returncode == 0
    text = " ".join(run.stdout.decode().split())
    kept = sum(line in text for line in lines)
    assert kept == len(lines), f"{len(lines) - kept} of {len(lines)} pages lost their line"
