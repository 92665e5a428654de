"""Rewrite the measured tables in README.md and docs/rules.md from fresh runs (``make readme``).

The README's numbers come from commands anyone can rerun; this script is that command, and
tests/test_readme.py fails when the README falls behind the code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from pagemend.eval.rules import format_coverage, format_rules  # noqa: E402
from pagemend.eval.runner import EvalReport, evaluate  # noqa: E402
from pagemend.eval.table import format_table  # noqa: E402
from pagemend.pipeline import mend  # noqa: E402
from pagemend.readers import read_path  # noqa: E402
from pagemend.rules import RULES, acted  # noqa: E402

README = ROOT / "README.md"
#: the files whose marked tables this script writes
DOCUMENTS = (README, ROOT / "docs" / "rules.md")
CORPUS = ROOT / "tests" / "corpus"
PRINTINGS = ROOT / "tests" / "printings"


def hyphen_policies() -> str:
    """Pooled hyphen accuracy of pagemend's evidence against the blind policies."""
    rows = ["policy        all sites  compound sites"]
    for policy in ("evidence", "always_join", "always_keep"):
        config = {"join_hyphenated_words": {"policy": policy}}
        pooled = evaluate(CORPUS, "pages", lambda doc, c=config: mend(doc, c)).pooled
        rows.append(f"{policy:<12}  {pooled['hyphen_accuracy']:9.3f}  "
                    f"{pooled['hyphen_compound_accuracy']:14.3f}")
    return "\n".join(rows)


def inputs_summary(reports: dict[str, EvalReport]) -> str:
    """One row per way of extracting the corpus: the mean of each metric over its cases."""
    summary = EvalReport(input="all", cases={
        f"{name} ({len(report.cases)})": dict(report.means) for name, report in reports.items()})
    return format_table(summary).replace("case ", "input", 1)


def golden_rules() -> dict[str, list[str]]:
    """Rule id -> the golden cases (tests/cases, our own text) where the rule fires."""
    found: dict[str, list[str]] = {}
    for case in sorted((ROOT / "tests" / "cases").iterdir()):
        for source in (case / "input.pages.txt", case / "input.pdf", case / "input"):
            if source.exists():
                for rule in sorted({d.rule for d in mend(read_path(str(source))).decisions
                                    if acted(d)}):
                    found.setdefault(rule, []).append(case.name)
    return found


def tables() -> dict[str, str]:
    """Marker name -> the table text that belongs between its markers."""
    reports = {name: evaluate(CORPUS, name)
               for name in ("pages", "pdf", "pdfium", "pdftotext", "ocr")}
    return {"eval-pages": format_table(reports["pages"]),
            "hyphen-policies": hyphen_policies(),
            "eval-pdf": format_table(reports["pdf"]),
            "eval-inputs": inputs_summary(reports),
            "eval-printings": format_table(evaluate(PRINTINGS, "pages")),
            "rules-pages": format_rules(reports["pages"], RULES),
            "rules-pdf": format_rules(reports["pdf"], RULES),
            "rules-coverage": format_coverage(
                [reports["pages"], reports["pdf"]], golden_rules(),
                {rule: declared.default for rule, declared in RULES.items()})}


def render(text: str, fresh: dict[str, str]) -> str:
    for name, table in fresh.items():
        pattern = re.compile(rf"(<!-- {name} -->\n```\n).*?(\n```\n<!-- /{name} -->)", re.S)
        text = pattern.sub(lambda m, t=table: m.group(1) + t + m.group(2), text)
    return text


if __name__ == "__main__":
    FRESH = tables()
    for document in DOCUMENTS:
        document.write_text(render(document.read_text(encoding="utf-8"), FRESH),
                            encoding="utf-8")
