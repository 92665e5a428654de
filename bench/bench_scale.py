"""Linearity: pagemend's time and memory on books of growing length, of distinct text.

A benchmark book must be distinct text: repeated pages make body lines look like running
heads. The book is every page of the corpus's page text once, then copies of them in which
every line starts with a word unique to that copy (so no line recurs across copies). Each
size is mended to Markdown in a fresh process (``--one N``), which reports its seconds
(reading and mending, start-up excluded) and its peak resident memory.

    python bench/bench_scale.py [--sizes 2000 20000] [--corpus tests/corpus]

Prints a row per size and the ratio of each size's time to the first's, beside the ratio of
their page counts (linear time keeps the two close).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_LETTERS = "bcdfghjklmnpqrstvwxz"


def _unique_word(copy: int) -> str:
    """A made-up word for copy ``copy`` (no lexicon knows it; no two copies share one)."""
    letters = []
    while True:
        copy, rest = divmod(copy, len(_LETTERS))
        letters.append(_LETTERS[rest])
        if not copy:
            break
    return "Qu" + "".join(letters) + "o"


def distinct_book(corpus: Path | list[Path], pages: int) -> str:
    """``pages`` pages of distinct text built from the page text of one or more folders of
    cases (see above)."""
    folders = corpus if isinstance(corpus, list) else [corpus]
    originals: list[str] = []
    for path in sorted(path for folder in folders for path in folder.glob("*/input.pages.txt")):
        originals.extend(path.read_text(encoding="utf-8").rstrip("\f").split("\f"))
    book: list[str] = []
    copy = 0
    while len(book) < pages:
        for page in originals[: pages - len(book)]:
            if copy == 0:
                book.append(page)
            else:
                word = _unique_word(copy)
                book.append("\n".join(f"{word} {line}" if line else line
                                      for line in page.split("\n")))
        copy += 1
    return "\f".join(book) + "\f"


def one(size: int, corpus: Path) -> dict[str, float]:
    """Mend a ``size``-page book in this process; seconds and peak memory (MB)."""
    from pagemend.pipeline import mend
    from pagemend.readers import read_text
    from pagemend.writers.registry import stream

    text = distinct_book(corpus, size)
    started = time.perf_counter()
    held = [read_text(text)]
    del text  # as `pagemend FILE` does: the decoded file is gone once its pages are split,
    with Path(os.devnull).open("wb") as out:  # and the pages as read once the first stage has run;
        stream(mend(held.pop()), "md", out)  # the output is written a block at a time
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"pages": size, "seconds": seconds, "peak_mb": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.corpus)))
        return
    rows = []
    for size in args.sizes:
        result = subprocess.run([sys.executable, __file__, "--one", str(size), "--corpus",
                                 str(args.corpus)], capture_output=True, text=True, check=True)
        rows.append(json.loads(result.stdout))
    first = rows[0]
    print("pages    seconds  pages/s  peak MB  time ratio  page ratio")
    for row in rows:
        print(f"{row['pages']:>5}  {row['seconds']:9.1f}  {row['pages'] / row['seconds']:7.0f}  "
              f"{row['peak_mb']:7.0f}  {row['seconds'] / first['seconds']:10.2f}  "
              f"{row['pages'] / first['pages']:10.2f}")


if __name__ == "__main__":
    main()
