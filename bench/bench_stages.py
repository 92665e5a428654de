"""Where the mending time goes: CPU seconds of each stage (and the Markdown writer), on the
2,000-page benchmark book of distinct text or on the corpus PDFs.

    python bench/bench_stages.py [--input pages|pdf] [--runs 3]

Each stage runs on the document the stage before it made, with the cyclic garbage collector
paused as in ``mend``; the word lists are loaded before the clock starts. Prints the minimum
over the runs of each stage's process time (the minimum: what the stage costs when the
machine lets it run), and their sum. To compare builds or commits, run it under each
(``PYTHONPATH=<tree>/src``), alternating. The compiled build's module list
(scripts/build_compiled.py) was chosen with these numbers (docs/compiled.md).
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_book import BOOK_PAGES, FOLDERS
from bench_scale import distinct_book

import pagemend
from pagemend.config import PipelineConfig
from pagemend.model import Document
from pagemend.pipeline import DEFAULT_ORDER, build, collector_paused, mend
from pagemend.readers import read_text
from pagemend.readers.pdf import read_pdf
from pagemend.writers import render

ROOT = Path(__file__).resolve().parent.parent


def documents(kind: str) -> list[Document]:
    """The documents to mend: the benchmark book (read once), or every corpus PDF."""
    if kind == "pages":
        return [read_text(distinct_book(FOLDERS, BOOK_PAGES))]
    return [read_pdf(path) for path in sorted((ROOT / "tests" / "corpus").glob("*/input.pdf"))]


def stage_seconds(docs: list[Document]) -> dict[str, float]:
    """One run: each stage's process seconds summed over the documents, and the writer's."""
    config = PipelineConfig.resolve(None)
    spent: dict[str, float] = collections.defaultdict(float)
    for source in docs:
        doc = source
        with collector_paused():
            for info in build(DEFAULT_ORDER):
                started = time.process_time()
                doc = info.function(doc, getattr(config, info.name))
                spent[info.name] += time.process_time() - started
        started = time.process_time()
        render(doc, "md")
        spent["render (Markdown)"] += time.process_time() - started
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", choices=("pages", "pdf"), default="pages")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    docs = documents(args.input)
    for doc in docs[:3]:  # loads the word lists and hyphenation patterns
        render(mend(doc), "md")
    best: dict[str, float] = {}
    for _ in range(args.runs):
        for name, seconds in stage_seconds(docs).items():
            best[name] = min(best.get(name, seconds), seconds)
    compiled = len(pagemend.compiled_modules())
    build_name = f"compiled: {compiled} modules" if compiled else "pure Python"
    what = f"{BOOK_PAGES}-page book" if args.input == "pages" else f"{len(docs)} corpus PDFs"
    print(f"{what}, {build_name}, CPU seconds per stage (minimum of {args.runs} runs):")
    for name, seconds in sorted(best.items(), key=lambda item: -item[1]):
        print(f"  {name:<28} {seconds:7.3f}")
    print(f"  {'total':<28} {sum(best.values()):7.3f}")


if __name__ == "__main__":
    main()
