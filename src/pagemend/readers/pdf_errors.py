"""The PDF reader's errors (codes PM110-PM114), raised and exported by ``readers.pdf``.

They live in a module of their own, which stays pure Python in the optional compiled build
(docs/compiled.md): mypyc, compiling readers/pdf.py, would drop these subclasses' own
``code`` (every one would say PM100, its base's).
"""

from __future__ import annotations

from pagemend.errors import InputError

__all__ = ["EncryptedPdfError", "NoTextLayerError", "PageTreeError", "PdfError",
           "WrongPasswordError"]


class PdfError(InputError):
    """A PDF that cannot be read."""

    code = "PM110"


class EncryptedPdfError(PdfError):
    code = "PM111"

    def __init__(self, source: str) -> None:
        InputError.__init__(self, f"{source} is encrypted",
                            "pass its password with --password, or decrypt it first")


class WrongPasswordError(PdfError):
    code = "PM112"

    def __init__(self, source: str) -> None:
        InputError.__init__(self, f"{source} is encrypted and the password given is not its "
                            "password", "check the password (--password)")


class PageTreeError(PdfError):
    """A page pdfium cannot load: a page tree that loops, nests too deep, or is damaged."""

    code = "PM114"

    def __init__(self, source: str, index: int, error: object) -> None:
        InputError.__init__(self, f"{source}: page {index + 1} cannot be loaded ({error}): the "
                            "PDF's page tree is cyclic, too deep or damaged",
                            "repair the PDF first (e.g. `qpdf in.pdf out.pdf`), or fetch it "
                            "again")


class NoTextLayerError(PdfError):
    code = "PM113"

    def __init__(self, source: str) -> None:
        InputError.__init__(self, f"{source} has no text layer (its pages are images)",
                            "pass --ocr to read its pages with Tesseract, or run it through "
                            "OCR first (e.g. `ocrmypdf in.pdf out.pdf`)")
