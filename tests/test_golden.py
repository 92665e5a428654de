"""Golden cases: tests/cases/NAME/{input.pages.txt | input.pdf | input/, expected.md,
case.toml}; input/ is a folder of OCR pages (PAGE-XML, hOCR, ALTO) of our own text.
PDFs are hand-set from text of our own by tests/cases/make_pdfs.py.

An optional ``kinds`` list in case.toml pins the kind of every block, for structure that
Markdown does not show (contents and index entries, letters, list items); ``labels`` pins
every page's label.
``expect = "fail"`` marks a case a later issue must make pass; it runs as a strict xfail, so
the day it passes the suite says so. ``pytest --update-golden`` rewrites expected.md of
passing cases; review that diff like code.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from helpers import CASES
from pagemend.pipeline import mend
from pagemend.readers import read_path
from pagemend.writers import write_markdown

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: tomli, the same parser (a dependency below 3.11)
    import tomli as tomllib

GOLDEN = sorted(p for p in CASES.iterdir() if (p / "case.toml").exists())


def load(case: Path) -> dict[str, object]:
    return tomllib.loads((case / "case.toml").read_text(encoding="utf-8"))


def source(case: Path) -> Path:
    """The case's input: a hand-set PDF where the case has one, a folder ``input/`` of OCR
    pages (PAGE-XML, hOCR, ALTO) where it has one, else its page text."""
    pdf = case / "input.pdf"
    if pdf.exists():
        return pdf
    folder = case / "input"
    return folder if folder.is_dir() else case / "input.pages.txt"


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=c.name, marks=[pytest.mark.xfail(strict=True, reason=str(load(c)
                  .get("pending", "")))] if load(c).get("expect") == "fail" else [])
     for c in GOLDEN],
)
def test_golden(case: Path, update_golden: bool):
    doc = mend(read_path(str(source(case))))
    kinds = load(case).get("kinds")
    if kinds is not None:
        assert [block.kind for block in doc.blocks] == kinds
    labels = load(case).get("labels")
    if labels is not None:
        assert [page.label for page in doc.pages] == labels
    output = write_markdown(doc)
    expected = case / "expected.md"
    if update_golden and load(case).get("expect", "pass") == "pass":
        expected.write_text(output, encoding="utf-8")
    assert output == expected.read_text(encoding="utf-8")


def test_every_case_says_what_it_guards():
    for case in GOLDEN:
        meta = load(case)
        assert meta.get("guards") and meta.get("source"), case.name
