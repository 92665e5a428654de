"""Scans through Tesseract: a page image, or each page of a PDF rendered at
:data:`OCR_DPI`, is read by the ``tesseract`` program (a subprocess; the system package
``tesseract-ocr`` and its language data) to hOCR, and that is read like any hOCR file.
Without the program, a coded error says what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from pagemend.errors import MissingProgramError, OcrEngineError
from pagemend.readers.hocr import parse_hocr
from pagemend.readers.ocr import OcrPage

__all__ = ["DEFAULT_LANG", "IMAGE_SIGNATURES", "OCR_DPI", "ocr_image", "ocr_pdf", "sniff_image"]

#: Tesseract's language when none is given (``--ocr-lang``)
DEFAULT_LANG = "eng"
#: PDF pages are rendered at this resolution for Tesseract, which reads 300 dpi best
OCR_DPI = 300
#: The longest Tesseract may take over one page image (seconds); a dense 300 dpi page takes
#: about 2 s on one core of the development machine.
PAGE_TIMEOUT = 600
#: The starts of the image files Tesseract (leptonica) reads
IMAGE_SIGNATURES = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM", b"GIF8",
                    b"P5", b"P6", b"P4", b"\x00\x00\x00\x0cjP  ")
_WEBP = (b"RIFF", b"WEBP")
#: Tesseract's warnings that the image does not say its resolution (its guess is then no
#: measure: the page's line heights set the scale instead)
_NO_RESOLUTION = ("Invalid resolution", "Estimating resolution")


def sniff_image(head: bytes) -> bool:
    """A page image: PNG, JPEG, TIFF, BMP, GIF, PNM, WebP or JPEG 2000, by its first bytes.

    >>> sniff_image(b"\\x89PNG\\r\\n"), sniff_image(b"%PDF-1.7")
    (True, False)
    """
    return head.startswith(IMAGE_SIGNATURES) or (head[:4] == _WEBP[0] and head[8:12] == _WEBP[1])


def _program() -> str:
    found = shutil.which("tesseract")
    if not found:
        raise MissingProgramError("tesseract", "tesseract-ocr tesseract-ocr-eng")
    return found


def _failure(source: str, lang: str, stderr: str) -> OcrEngineError:
    if "Failed loading language" in stderr or "Could not initialize tesseract" in stderr:
        first = lang.split("+", maxsplit=1)[0]
        return OcrEngineError(source, f"its language data {lang!r} is not installed",
                              f"install it, e.g. `apt-get install tesseract-ocr-{first}`, or "
                              "name another with --ocr-lang")
    last = stderr.strip().splitlines()[-1] if stderr.strip() else "no message"
    return OcrEngineError(source, last, "check that the image is whole and readable")


def ocr_image(path: Path, lang: str = DEFAULT_LANG, dpi: int | None = None,
              source: str | None = None) -> list[OcrPage]:
    """The pages Tesseract reads in one image file (a multi-page TIFF gives several)."""
    program, name = _program(), source or str(path)
    with tempfile.TemporaryDirectory(prefix="pagemend-ocr-") as folder:
        base = Path(folder) / "page"
        command = [program, str(path), str(base), "-l", lang]
        if dpi:
            command += ["--dpi", str(dpi)]
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        try:
            done = subprocess.run([*command, "hocr"], capture_output=True, timeout=PAGE_TIMEOUT,
                                  env=env, check=False)
        except subprocess.TimeoutExpired:
            raise OcrEngineError(name, f"it took longer than {PAGE_TIMEOUT} s",
                                 "check the image; split a very large one") from None
        stderr = done.stderr.decode("utf-8", "replace")
        hocr = base.with_suffix(".hocr")
        if done.returncode != 0 or not hocr.exists():
            raise _failure(name, lang, stderr)
        pages = parse_hocr(hocr.read_bytes(), name)
    if not dpi and any(warning in stderr for warning in _NO_RESOLUTION):
        pages = [OcrPage(p.lines, p.width, p.height, None, p.label) for p in pages]
    return pages


def _write_pgm(bitmap: object, path: Path) -> None:
    """A grayscale pdfium bitmap as a binary PGM file (no imaging library needed)."""
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride  # type: ignore[attr-defined]
    data = bytes(bitmap.buffer)  # type: ignore[attr-defined]
    rows = b"".join(data[row * stride: row * stride + width] for row in range(height))
    path.write_bytes(b"P5\n%d %d\n255\n" % (width, height) + rows)


def ocr_pdf(path: Path, lang: str = DEFAULT_LANG, password: str | None = None
            ) -> list[OcrPage]:
    """Each page of a PDF rendered at :data:`OCR_DPI` and read by Tesseract (``--ocr``: for
    scans, PDFs whose pages are images)."""
    _program()
    from pagemend.readers.pdf import _open  # raises PM401 without pypdfium2

    pdf = _open(path, password)
    pages: list[OcrPage] = []
    with tempfile.TemporaryDirectory(prefix="pagemend-render-") as folder:
        image = Path(folder) / "page.pgm"
        for index in range(len(pdf)):
            bitmap = pdf[index].render(scale=OCR_DPI / 72, grayscale=True)
            _write_pgm(bitmap, image)
            pages.extend(ocr_image(image, lang, OCR_DPI, f"{path} page {index + 1}"))
    return pages
