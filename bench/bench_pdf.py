"""Throughput on the corpus PDFs: pagemend (pypdfium2 reader and every stage) against
`pdftotext -raw`, in the same run.

    python bench/bench_pdf.py [CORPUS_DIR] [--runs 3]

pdftotext comes from poppler-utils (`make bench-pdf` installs it). The two run back to back
in each round (in turns); prints the median pages per second of each, and the median and
range of the per-round ratios (a round's two sides share the machine's mood of the moment).
Then where pagemend's time goes: reading the PDFs alone (pdfium and the reader), the
reader's share of that beyond loading each page and its text in pdfium, and the mending.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import median_seconds, paired_runs

import pagemend
from pagemend.pipeline import mend
from pagemend.readers.pdf import read_pdf
from pagemend.writers import write_markdown

ROOT = Path(__file__).resolve().parent.parent


def pagemend_pdf(path: Path) -> None:
    write_markdown(mend(read_pdf(path)))


def pdfium_pages(path: Path) -> None:
    """What pdfium does for the reader before any line is made: each page and its text."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    for index in range(len(pdf)):
        textpage = pdf[index].get_textpage()
        textpage.get_text_range(0, textpage.count_chars())


def pdftotext(path: Path) -> None:
    subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "tests" / "corpus")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if shutil.which("pdftotext") is None:
        print("pdftotext is not installed: `apt-get install poppler-utils` (make bench-pdf)",
              file=sys.stderr)
        return 2
    paths = sorted(args.corpus.glob("*/input.pdf"))
    pages = sum(len(read_pdf(path).pages) for path in paths)
    for path in paths:  # warm up: word lists and hyphenation patterns load on first use
        pagemend_pdf(path)
        pdftotext(path)
    mine, other = paired_runs(pagemend_pdf, pdftotext, paths, args.runs)
    ratios = sorted(b / a for a, b in zip(mine, other, strict=True))  # = our pages/s / theirs
    compiled = len(pagemend.compiled_modules())
    build = f"compiled: {compiled} modules" if compiled else "pure Python"
    print(f"corpus: {len(paths)} PDFs, {pages} pages, {args.runs} paired rounds, one process "
          f"({build})")
    print(f"pagemend        {pages / statistics.median(mine):8.0f} pages/s (median)")
    print(f"pdftotext -raw  {pages / statistics.median(other):8.0f} pages/s (median)")
    print(f"ratio           {statistics.median(ratios):8.2f} (pagemend / pdftotext, median of "
          f"rounds; range {ratios[0]:.2f}-{ratios[-1]:.2f})")
    reading = median_seconds(read_pdf, paths, args.runs)
    pdfium = median_seconds(pdfium_pages, paths, args.runs)
    print(f"of pagemend's {statistics.median(mine):.2f} s: reading {reading:.2f} s (pdfium's "
          f"pages and text {pdfium:.2f} s, the reader {reading - pdfium:.2f} s), mending and "
          f"writing {statistics.median(mine) - reading:.2f} s (medians of {args.runs} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
