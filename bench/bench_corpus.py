"""Throughput on the corpus: pagemend against a naive joiner, in the same process.

Mends every ``input.pages.txt`` of the corpus (default: tests/corpus) to Markdown, five times,
and prints the median pages per second of pagemend and of the naive joiner (join every
line-end ``-`` and every line, drop nothing), with their ratio. Single process, one core.
Then the cost of recording decisions: the same mending with ``rules.Changes`` writing its
line changes but no decisions, in paired rounds with the shipped one.

    python bench/bench_corpus.py [CORPUS_DIR] [--runs 5]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import median_seconds, paired_runs

from pagemend import rules
from pagemend.model import replace
from pagemend.pipeline import mend
from pagemend.readers import read_text
from pagemend.writers import write_markdown

ROOT = Path(__file__).resolve().parent.parent


def naive(text: str) -> str:
    """The baseline: fuse every line-end hyphen, join every line, keep pages as paragraphs."""
    pages = [re.sub(r"-\n", "", page).replace("\n", " ") for page in text.split("\f")]
    return "\n\n".join(pages)


def pagemend_markdown(text: str) -> str:
    return write_markdown(mend(read_text(text)))


def pages_per_second(function: Callable[[str], str], texts: list[str], pages: int,
                     runs: int) -> float:
    return pages / median_seconds(function, texts, runs)


def _unrecorded_set(self: rules.Changes, line: Any, by: rules.Rule, evidence: str,
                    **values: Any) -> Any:
    changed = replace(self.current(line), **values)
    self.lines[(line.page, line.number)] = changed
    return changed


def _unrecorded_decide(self: rules.Changes, line: Any, by: rules.Rule, evidence: str,  # noqa: PLR0917
                       field: str, value: Any) -> Any:
    return _unrecorded_set(self, line, by, evidence, **{field: value})


def _unrecorded_record(self: rules.Changes, *args: Any, **kwargs: Any) -> None:
    return None


def recording_cost(texts: list[str], runs: int) -> tuple[float, float]:
    """Seconds (medians of paired rounds) with decisions recorded, and without."""
    shipped = (rules.Changes.set, rules.Changes.decide, rules.Changes.record)

    def restore() -> None:
        (rules.Changes.set, rules.Changes.decide,  # type: ignore[method-assign]
         rules.Changes.record) = shipped  # type: ignore[method-assign]

    def recorded(text: str) -> str:
        restore()
        return pagemend_markdown(text)

    def unrecorded(text: str) -> str:
        rules.Changes.set = _unrecorded_set  # type: ignore[method-assign]
        rules.Changes.decide = _unrecorded_decide  # type: ignore[method-assign]
        rules.Changes.record = _unrecorded_record  # type: ignore[method-assign]
        return pagemend_markdown(text)

    try:
        on, off = paired_runs(recorded, unrecorded, texts, runs)
    finally:
        restore()
    return statistics.median(on), statistics.median(off)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "tests" / "corpus")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    paths = sorted(args.corpus.glob("*/input.pages.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    pages = sum(len(t.rstrip("\f").split("\f")) for t in texts)
    ours = pages_per_second(pagemend_markdown, texts, pages, args.runs)
    baseline = pages_per_second(naive, texts, pages, args.runs)
    print(f"corpus: {len(paths)} books, {pages} pages, median of {args.runs} runs, one process")
    print(f"pagemend     {ours:10.0f} pages/s")
    print(f"naive joiner {baseline:10.0f} pages/s")
    print(f"ratio        {ours / baseline:10.4f} (pagemend / naive)")
    on, off = recording_cost(texts, args.runs)
    print(f"recording decisions: {pages / on:.0f} pages/s, without: {pages / off:.0f} pages/s,"
          f" cost {on / off - 1:+.1%} (paired rounds)")


if __name__ == "__main__":
    main()
