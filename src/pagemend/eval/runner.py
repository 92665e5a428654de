"""Run pagemend over a folder of corpus cases and score every output.

``evaluate`` mends each case in process, scores it with :mod:`pagemend.eval.metrics`, and
returns per-case rows, the means over cases and the pooled figures (hyphen sites and page
labels counted over the whole corpus, not averaged per case).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pagemend.errors import ConfigError, InputNotFoundError
from pagemend.eval.metrics import label_matches, load_case, score
from pagemend.eval.ocr_cache import CACHE_INPUTS, cached_pages, complete, cut_case, read_cached
from pagemend.model import Document
from pagemend.pipeline import mend
from pagemend.readers import read_path
from pagemend.rules import acted
from pagemend.writers import write_markdown

__all__ = ["INPUT_FILES", "MEAN_METRICS", "EvalReport", "case_dirs", "evaluate"]

#: --input variant -> the case file it reads
INPUT_FILES: dict[str, str] = {
    "pages": "input.pages.txt",
    "pdftotext": "input.pdftotext.txt",
    "pdfium": "input.pdfium.txt",
    "ocr": "input.ocr.txt",
    "pdf": "input.pdf",
}

#: metrics averaged over the cases where they apply
MEAN_METRICS: tuple[str, ...] = (
    "overall", "word_accuracy", "word_recall", "furniture_leaks_per_page", "furniture_score",
    "hyphen_accuracy", "hyphen_compound_accuracy", "paragraph_f1", "heading_f1",
    "heading_level_accuracy",
    "blockquote_f1", "verse_f1", "note_ref_f1", "note_body_leak", "note_text_accuracy",
    "label_accuracy", "prose_line_breaks", "italic_recall", "italic_precision",
)


@dataclass
class EvalReport:
    """Per-case metrics, their means, and the pooled figures."""

    input: str
    cases: dict[str, dict[str, Any]] = field(default_factory=dict)
    means: dict[str, float | None] = field(default_factory=dict)
    pooled: dict[str, float | None] = field(default_factory=dict)
    pages: int = 0
    seconds: float = 0.0
    #: per case, how often each rule fired (changed a value; for a rule that keeps a value,
    #: decided) while mending it
    rules: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": self.input, "cases": self.cases, "means": self.means,
            "pooled": self.pooled, "pages": self.pages, "seconds": round(self.seconds, 3),
            "rules": self.rules,
        }


def case_dirs(root: Path) -> list[Path]:
    """The case folders under root (those holding a truth.json), sorted by name."""
    if not root.is_dir():
        raise InputNotFoundError(str(root))
    return sorted(p for p in root.iterdir() if (p / "truth.json").is_file())


def _reader(variant: str) -> Callable[[str], Document]:
    if variant not in INPUT_FILES and variant not in CACHE_INPUTS:
        raise ConfigError(
            f"unknown input variant {variant!r}",
            "use one of " + ", ".join([*INPUT_FILES, *CACHE_INPUTS]),
        )
    return read_path


def _read_case(folder: Path, variant: str, reader: Callable[[str], Document]
               ) -> Document | None:
    """The case read from its ``variant`` input, or None where it has none (not every case
    has every variant: OCR text, nine cases; the OCR cache, the cases made so far)."""
    if variant in CACHE_INPUTS:
        files = cached_pages(folder.name, variant)
        pages = len(json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["pages"])
        if not complete(files, pages, CACHE_INPUTS[variant][0]):
            return None
        return read_cached(files, str(folder))
    source = folder / INPUT_FILES[variant]
    return reader(str(source)) if source.exists() else None


def _pool(rows: list[dict[str, Any]], correct: str, total: str) -> float | None:
    n = sum(row.get(total) or 0 for row in rows)
    return sum(row.get(correct) or 0 for row in rows) / n if n else None


def _means(rows: list[dict[str, Any]]) -> dict[str, float | None]:
    means: dict[str, float | None] = {}
    for metric in MEAN_METRICS:
        values = [row[metric] for row in rows if row.get(metric) is not None]
        means[metric] = sum(values) / len(values) if values else None
    return means


def evaluate(root: Path, variant: str = "pages", mender: Callable[[Document], Document] = mend,
             ) -> EvalReport:
    """Mend and score every case under ``root`` read from its ``variant`` input."""
    reader = _reader(variant)
    report = EvalReport(input=variant)
    for folder in case_dirs(root):
        started = time.perf_counter()
        read = _read_case(folder, variant, reader)
        if read is None:
            continue
        case = load_case(folder)
        if variant in CACHE_INPUTS:  # a set made for the first pages only: their truth
            case = cut_case(case, len(read.pages))
        doc = mender(read)
        output = write_markdown(doc)
        report.seconds += time.perf_counter() - started
        report.pages += len(doc.pages)
        row = score(case, output)
        matched, printed = label_matches([p.label for p in doc.pages], case.manifest)
        row.update(label_matched=matched, label_printed=printed,
                   label_accuracy=matched / printed if printed else None)
        report.cases[case.name] = row
        report.rules[case.name] = dict(Counter(d.rule for d in doc.decisions if acted(d)))
    rows = list(report.cases.values())
    report.means = _means(rows)
    report.pooled = {
        "hyphen_accuracy": _pool(rows, "hyphen_correct", "hyphen_sites"),
        "hyphen_compound_accuracy": _pool(rows, "hyphen_compound_correct", "hyphen_compound_sites"),
        "label_accuracy": _pool(rows, "label_matched", "label_printed"),
        "prose_line_breaks": float(sum(row["prose_line_breaks"] for row in rows)),
        "italic_recall": _pool(rows, "italic_found", "italic_truth"),
        "italic_precision": _pool(rows, "italic_correct", "italic_output"),
    }
    return report
