"""The error catalogue (docs/errors.md): every code pagemend defines or uses is explained
there, with its meaning, cause and remedy; every coded error says what to do."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pagemend.errors
from pagemend.readers import pdf

ROOT = Path(__file__).resolve().parents[1]
CODE = re.compile(r"\bPM\d{3}\b")


def _catalogue() -> dict[str, list[str]]:
    rows = {}
    for line in (ROOT / "docs" / "errors.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells and CODE.fullmatch(cells[0]):
            rows[cells[0]] = cells[1:]
    return rows


def _codes_in_src() -> set[str]:
    codes: set[str] = set()
    for path in (ROOT / "src" / "pagemend").rglob("*.py"):
        codes |= set(CODE.findall(path.read_text(encoding="utf-8")))
    return codes


def test_every_code_in_src_is_in_the_catalogue():
    catalogue = _catalogue()
    assert sorted(_codes_in_src() - catalogue.keys()) == []


def test_every_error_class_code_is_in_the_catalogue():
    classes = [cls for module in (pagemend.errors, pdf)
               for _, cls in inspect.getmembers(module, inspect.isclass)
               if issubclass(cls, pagemend.errors.PagemendError)]
    assert len(classes) > 30
    assert sorted({cls.code for cls in classes} - _catalogue().keys()) == []


def test_every_catalogue_row_has_meaning_cause_and_remedy():
    for code, cells in _catalogue().items():
        assert len(cells) == 3 and all(cells), code


def test_no_code_is_listed_twice():
    lines = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8").splitlines()
    codes = [line.split("|")[1].strip() for line in lines if line.startswith("| PM")]
    assert len(codes) == len(set(codes))
