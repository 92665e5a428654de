"""Throughput on the corpus PDFs: pagemend (pypdfium2 reader and every stage) against
`pdftotext -raw`, in the same run.

    python bench/bench_pdf.py [CORPUS_DIR] [--runs 3]

pdftotext comes from poppler-utils (`make bench-pdf` installs it). Prints the median pages
per second of each over the runs, and their ratio.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import median_seconds

from pagemend.pipeline import mend
from pagemend.readers.pdf import read_pdf
from pagemend.writers import write_markdown

ROOT = Path(__file__).resolve().parent.parent


def pagemend_pdf(path: Path) -> None:
    write_markdown(mend(read_pdf(path)))


def pdftotext(path: Path) -> None:
    subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "tests" / "corpus")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if shutil.which("pdftotext") is None:
        print("pdftotext is not installed: `apt-get install poppler-utils` (make bench-pdf)",
              file=sys.stderr)
        return 2
    paths = sorted(args.corpus.glob("*/input.pdf"))
    pages = sum(len(read_pdf(path).pages) for path in paths)  # also warms caches
    ours = pages / median_seconds(pagemend_pdf, paths, args.runs)
    theirs = pages / median_seconds(pdftotext, paths, args.runs)
    print(f"corpus: {len(paths)} PDFs, {pages} pages, median of {args.runs} runs, one process")
    print(f"pagemend        {ours:8.0f} pages/s")
    print(f"pdftotext -raw  {theirs:8.0f} pages/s")
    print(f"ratio           {ours / theirs:8.2f} (pagemend / pdftotext)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
