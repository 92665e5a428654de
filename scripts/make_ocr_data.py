"""Make OCR data of the corpus: render each case's PDF to page images and run Tesseract on
them to plain text, hOCR, ALTO and TSV, cached outside the repository (issue 18).

    .venv/bin/python scripts/make_ocr_data.py [--cases a b] [--pages N] [--set 300 200d]
                                              [--jobs 2] [--cache DIR]

Sets: ``300`` renders at 300 dpi as is; ``200d`` renders at 200 dpi and degrades the image
(1 degree rotation, a Gaussian blur of radius 0.8 px, Gaussian noise of sigma 24 grey
levels), the look of a cheap scan. The cache is ``$PAGEMEND_OCR_CACHE`` or
``/work/cache/ocr``: ``CACHE/SET/CASE/p0001.{txt,hocr,xml,tsv}``, one file per page.
Pages already done are skipped, so the script resumes. ``pagemend eval tests/corpus --input
hocr`` (or ``alto``, ``tsv``, ``tess``; ``hocr-200d`` and so on for the degraded set) scores
them. Needs pypdfium2, Pillow (the degraded set) and the ``tesseract`` program with the
cases' languages (eng, deu, fra, nld).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
DEFAULT_CACHE = Path(os.environ.get("PAGEMEND_OCR_CACHE", "/work/cache/ocr"))
#: corpus language -> Tesseract language data
TESSERACT_LANGS = {"en": "eng", "de": "deu", "fr": "fra", "nl": "nld"}
#: set -> (dpi, degraded)
SETS = {"300": (300, False), "200d": (200, True)}
ROTATION_DEGREES = 1.0
BLUR_RADIUS = 0.8
NOISE_SIGMA = 24.0
OUTPUTS = ("txt", "hocr", "alto", "tsv")


def _lang(case: Path) -> str:
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    return TESSERACT_LANGS.get(meta.get("lang", "en"), "eng")


def _degrade(image: Any) -> Any:
    from PIL import Image, ImageChops, ImageFilter

    rotated = image.convert("L").rotate(ROTATION_DEGREES, resample=Image.Resampling.BICUBIC,
                                        expand=True, fillcolor=255)
    blurred = rotated.filter(ImageFilter.GaussianBlur(BLUR_RADIUS))
    noise = Image.effect_noise(blurred.size, NOISE_SIGMA)  # centred on grey level 128
    return ImageChops.add(blurred, noise, scale=1.0, offset=-128)


def _render(pdf_path: Path, index: int, dpi: int, degraded: bool, out: Path) -> None:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        image = pdf[index].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        pdf.close()
    if degraded:
        image = _degrade(image)
    image.save(out, dpi=(dpi, dpi))


def _ocr_page(job: tuple[str, int, str, str, str]) -> str:
    pdf_path, index, set_name, lang, target = job
    dpi, degraded = SETS[set_name]
    base = Path(target)
    if all(base.with_suffix("." + ext).exists() for ext in ("txt", "hocr", "xml", "tsv")):
        return "skip"
    base.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pm-ocr-") as tmp:
        image = Path(tmp) / "page.png"
        _render(Path(pdf_path), index, dpi, degraded, image)
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        out = Path(tmp) / base.name
        subprocess.run(["tesseract", str(image), str(out), "-l", lang, "--dpi", str(dpi),
                        *OUTPUTS], check=True, capture_output=True, env=env, timeout=600)
        # moved in whole, the TSV last: a page is done when its TSV is there (an evaluation
        # may read the cache while the script runs)
        for ext in ("txt", "hocr", "xml", "tsv"):
            shutil.move(out.with_suffix("." + ext), base.with_suffix("." + ext))
    return "done"


def _jobs(cases: list[Path], sets: list[str], pages: int | None, cache: Path
          ) -> list[tuple[str, int, str, str, str]]:
    import pypdfium2

    jobs = []
    for set_name in sets:
        for case in cases:
            pdf = pypdfium2.PdfDocument(str(case / "input.pdf"))
            count = len(pdf)
            pdf.close()
            for index in range(min(count, pages or count)):
                target = cache / set_name / case.name / f"p{index + 1:04d}"
                jobs.append((str(case / "input.pdf"), index, set_name, _lang(case), str(target)))
    return jobs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", nargs="*", help="case names (default: all)")
    parser.add_argument("--pages", type=int, help="only the first N pages of each case")
    parser.add_argument("--set", nargs="*", default=list(SETS), choices=list(SETS), dest="sets")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args(argv)
    cases = sorted(p for p in CORPUS.iterdir() if (p / "input.pdf").is_file())
    if args.cases:
        cases = [c for c in cases if c.name in set(args.cases)]
    jobs = _jobs(cases, args.sets, args.pages, args.cache)
    done = 0
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for done, _status in enumerate(pool.map(_ocr_page, jobs), 1):
            if done % 20 == 0:
                sys.stderr.write(f"{done}/{len(jobs)} pages\n")
                sys.stderr.flush()
    sys.stderr.write(f"{done} pages in {args.cache}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
