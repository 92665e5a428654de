"""The evaluation table as text: one row per case, then the means and the pooled figures.

    >>> from pagemend.eval.runner import EvalReport
    >>> report = EvalReport("pages", cases={"a": {"overall": 0.5, "prose_line_breaks": 3}})
    >>> print(format_table(report, columns=("overall", "prose_line_breaks")))
    case  overall  prose_line_breaks
    a       0.500                  3
"""

from __future__ import annotations

from collections.abc import Sequence

from pagemend.eval.runner import EvalReport

__all__ = ["COLUMNS", "format_emphasis", "format_table"]

#: the table's columns: (metric key, short header)
COLUMNS: dict[str, str] = {
    "overall": "overall",
    "word_accuracy": "words",
    "word_recall": "recall",
    "furniture_leaks_per_page": "leaks/pg",
    "furniture_score": "furn",
    "hyphen_accuracy": "hyph",
    "hyphen_compound_accuracy": "compnd",
    "paragraph_f1": "para",
    "heading_f1": "head",
    "heading_level_accuracy": "levels",
    "blockquote_f1": "quote",
    "verse_f1": "verse",
    "note_ref_f1": "noteref",
    "note_body_leak": "noteleak",
    "note_text_accuracy": "notetext",
    "label_accuracy": "labels",
    "prose_line_breaks": "breaks",
}


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.3f}"
    if isinstance(value, int | float):
        return f"{value:.3f}" if isinstance(value, float) and value <= 1 else str(int(value))
    return str(value)


def format_table(report: EvalReport, columns: Sequence[str] = tuple(COLUMNS)) -> str:
    """Render the report; headers are the short names of :data:`COLUMNS`."""
    headers = ["case", *(COLUMNS.get(c, c) if len(columns) > 2 else c for c in columns)]
    rows = [[name, *(_cell(row.get(c)) for c in columns)] for name, row in report.cases.items()]
    if report.means:
        rows.append(["mean", *(_cell(report.means.get(c)) for c in columns)])
    if report.pooled:
        rows.append(["pooled", *(_cell(report.pooled.get(c)) for c in columns)])
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    lines = [
        "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in
                  enumerate(zip(r, widths, strict=False)))
        for r in [headers, *rows]
    ]
    return "\n".join(line.rstrip() for line in lines)


def format_emphasis(report: EvalReport) -> str:
    """The italic words pooled over the cases (issue 19), one line; per case in ``--json``.

    >>> rows = {"a": {"italic_truth": 4, "italic_found": 3, "italic_output": 3,
    ...               "italic_correct": 3}}
    >>> print(format_emphasis(EvalReport("pdf", cases=rows)))
    italics: recall 0.750 (3 of 4 truth words), precision 1.000 (3 of 3 output words)
    """
    def total(key: str) -> int:
        return sum(row.get(key) or 0 for row in report.cases.values())

    truth, found = total("italic_truth"), total("italic_found")
    output, correct = total("italic_output"), total("italic_correct")
    recall = f"{found / truth:.3f}" if truth else "-"
    precision = f"{correct / output:.3f}" if output else "-"
    return (f"italics: recall {recall} ({found} of {truth} truth words), precision "
            f"{precision} ({correct} of {output} output words)")
