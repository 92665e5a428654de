"""The quality gate: floors pinned in ``floors.json`` that the corpus means, pooled figures and
every case's overall score must not fall below.

A floor only moves up: :func:`raise_floors` keeps the higher of the pinned and the measured
value. Metrics where lower is better (leaks, line breaks) are ceilings and only move down.
The floors record the SHA-256 of the corpus files they were measured on, so a gate run on a
different corpus says so instead of comparing apples with pears.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pagemend.eval.runner import INPUT_FILES, EvalReport, case_dirs

__all__ = [
    "EPSILON",
    "FLOORS_PATH",
    "LOWER_IS_BETTER",
    "check",
    "corpus_digest",
    "floors_key",
    "load_floors",
    "raise_floors",
]

FLOORS_PATH = Path(__file__).with_name("floors.json")
#: slack for float noise between platforms; a real regression moves a mean far more
EPSILON = 0.0005
#: metrics where lower is better: their pinned value is a ceiling
LOWER_IS_BETTER = frozenset({"furniture_leaks_per_page", "note_body_leak", "prose_line_breaks"})
_CASE_FILES = ("truth.json", "manifest.json", "hyphens.json")


def corpus_digest(root: Path, variant: str) -> str:
    """SHA-256 over the case files an evaluation of ``variant`` reads."""
    digest = hashlib.sha256()
    for folder in case_dirs(root):
        inputs = (INPUT_FILES[variant],) if variant in INPUT_FILES else ()  # OCR cache: none
        for name in (*_CASE_FILES, *inputs):
            path = folder / name
            if path.exists():
                digest.update(f"{folder.name}/{name}\n".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def load_floors(path: Path = FLOORS_PATH) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _pinned(report: EvalReport) -> dict[str, float]:
    values = {f"mean.{k}": v for k, v in report.means.items() if v is not None}
    values.update({f"pooled.{k}": v for k, v in report.pooled.items() if v is not None})
    values.update({f"case.{name}.overall": row["overall"] for name, row in report.cases.items()
                   if row.get("overall") is not None})
    return values


def floors_key(cases: Path | None, variant: str) -> str:
    """The floors' key of a data set and input: the input alone for the typeset corpus (a
    folder named ``corpus``), else ``FOLDER/INPUT`` (``printings/pages``).

    >>> floors_key(Path("tests/corpus"), "pdf"), floors_key(Path("../shared/printings"), "pages")
    ('pdf', 'printings/pages')
    """
    name = cases.resolve().name if cases is not None else "corpus"
    return variant if name == "corpus" else f"{name}/{variant}"


def check(report: EvalReport, floors: dict[str, Any], digest: str,
          key: str | None = None) -> list[str]:
    """The failures of a report against the pinned floors of its data set and input
    (``key``: :func:`floors_key`; the input alone by default)."""
    key = key or report.input
    pinned = floors.get(key)
    if not pinned:
        return [f"no floors pinned for {key!r}"]
    failures = []
    if pinned["corpus_sha256"] != digest:
        failures.append("the corpus differs from the one the floors were measured on")
    measured = _pinned(report)
    for name, floor in pinned["floors"].items():
        value = measured.get(name)
        metric = name.rsplit(".", 1)[1]
        if value is None:
            failures.append(f"{name}: not measured (pinned {floor:.4f})")
        elif metric in LOWER_IS_BETTER and value > floor + EPSILON:
            failures.append(f"{name}: {value:.4f} above its ceiling {floor:.4f}")
        elif metric not in LOWER_IS_BETTER and value < floor - EPSILON:
            failures.append(f"{name}: {value:.4f} below its floor {floor:.4f}")
    return failures


def raise_floors(report: EvalReport, floors: dict[str, Any], digest: str,
                 key: str | None = None) -> dict[str, Any]:
    """Floors moved to the measured values where those are better; never lowered on the same
    corpus. Floors measured on another corpus (the data set grew) are pinned anew."""
    key = key or report.input
    pinned = floors.get(key, {})
    old = pinned.get("floors", {}) if pinned.get("corpus_sha256") == digest else {}
    new = dict(old)
    for name, value in _pinned(report).items():
        better = min if name.rsplit(".", 1)[1] in LOWER_IS_BETTER else max
        new[name] = round(better(value, old[name]) if name in old else value, 4)
    return {**floors, key: {"corpus_sha256": digest, "floors": dict(sorted(new.items()))}}
