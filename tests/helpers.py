"""Shared test helpers: paths and document builders (imported by tests; see conftest.py for
fixtures and options)."""

from __future__ import annotations

from pathlib import Path

from pagemend.model import Document
from pagemend.readers import read_text

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
CORPUS = ROOT / "tests" / "corpus"
#: a copy of ../shared/printings: ten older printings (1666-1894), page text and truth
PRINTINGS = ROOT / "tests" / "printings"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def make_doc(*pages: str) -> Document:
    """A document from page texts, as a form-feed page dump would give it."""
    return read_text("\f".join(pages))
