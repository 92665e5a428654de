"""Explain a mended document: its edits and structural decisions, in page order, filtered.

Pages and lines are counted as in the JSON output: ``page`` is the physical page index and
``line`` the line's index on its page, both 0-based. A page is chosen by its printed label
(``"142"``) or, with a leading ``#``, by that physical index (``"#12"``).

    >>> from pagemend.readers import read_text
    >>> from pagemend.pipeline import mend
    >>> doc = mend(read_text("12 | A Title\\nThe trans-\\nport ran on."))
    >>> [(r["page"], r["line"], r["stage"]) for r in explain(doc, stage="join_hyphenated_words")]
    [(0, 1, 'join_hyphenated_words'), (0, 1, 'join_hyphenated_words')]
    >>> [r["rule"] for r in explain(doc, rule="join_hyphenated_words.joined")]
    ['join_hyphenated_words.joined']
"""

from __future__ import annotations

from typing import Any

from pagemend.errors import ConfigError
from pagemend.model import Block, Decision, DecisionValue, Document, Edit
from pagemend.rules import RULES

__all__ = ["explain", "format_record", "page_filter", "unexplained"]


def page_filter(doc: Document, page: str) -> int:
    """The physical index that ``page`` names: a printed label, or ``#N`` for index N."""
    if page.startswith("#"):
        index = page[1:]
        if index.isdigit() and int(index) < len(doc.pages):
            return int(index)
        raise ConfigError(f"--page {page}: the document has physical pages #0 to "
                          f"#{len(doc.pages) - 1}", "give a physical index in that range")
    for candidate in doc.pages:
        if candidate.label == page:
            return candidate.index
    raise ConfigError(f"--page {page}: no page prints the label {page!r}",
                      "give a printed label, or '#N' for physical page N (0-based, as in JSON)")


def _edit_record(edit: Edit, label: str | None) -> dict[str, Any]:
    return {"type": "edit", "page": edit.page, "label": label, "line": edit.line,
            "stage": edit.stage, "rule": None, "action": edit.action, "offset": edit.offset,
            "before": edit.before, "after": edit.after, "reason": edit.reason,
            "flagged": edit.flagged}


def _decision_record(decision: Decision, label: str | None) -> dict[str, Any]:
    return {"type": "decision", "page": decision.page, "label": label, "line": decision.line,
            "stage": decision.stage, "rule": decision.rule, "field": decision.field,
            "before": decision.before, "after": decision.after,
            "evidence": decision.evidence, "fired": decision.fired}


def explain(doc: Document, *, rule: str | None = None, stage: str | None = None,
            page: str | None = None, flagged: bool = False) -> list[dict[str, Any]]:
    """Every edit and decision (as plain records), in page and line order; within a line in
    the order the stages made them. ``flagged`` keeps only the flagged edits."""
    labels = {p.index: p.label for p in doc.pages}
    wanted_page = page_filter(doc, page) if page is not None else None
    records: list[tuple[tuple[int, int, int], dict[str, Any]]] = []
    if rule is None:
        for order, edit in enumerate(doc.edits):
            if (stage in (None, edit.stage) and wanted_page in (None, edit.page)
                    and (edit.flagged or not flagged)):
                records.append(((edit.page, edit.line, order),
                                _edit_record(edit, labels.get(edit.page))))
    if not flagged:
        base = len(doc.edits)
        for order, decision in enumerate(doc.decisions):
            if (stage in (None, decision.stage) and rule in (None, decision.rule)
                    and wanted_page in (None, decision.page)):
                records.append(((decision.page, decision.line, base + order),
                                _decision_record(decision, labels.get(decision.page))))
    records.sort(key=lambda item: item[0])
    return [record for _, record in records]


def format_record(record: dict[str, Any]) -> str:
    """One record as a tab-separated line: where, who, what, why."""
    where = f"#{record['page']}" + (f" [{record['label']}]" if record["label"] else "")
    where += f" line {record['line']}"
    if record["type"] == "edit":
        flag = " FLAGGED" if record["flagged"] else ""
        return (f"{where}\t{record['stage']}\t{record['action']}\t{record['before']!r} -> "
                f"{record['after']!r}\t{record['reason']}{flag}")
    return (f"{where}\t{record['rule']}\t{record['field']}\t{record['before']!r} -> "
            f"{record['after']!r}\t{record['evidence']}")


def _last_decisions(doc: Document) -> dict[tuple[int, int, str], Decision]:
    last: dict[tuple[int, int, str], Decision] = {}
    links: dict[tuple[int, int, str], Decision] = {}
    for decision in doc.decisions:
        if decision.field == "note_link":  # a line can hold several links: keyed by note id
            links[(decision.page, decision.line, f"note_link:{decision.after}")] = decision
        else:
            last[(decision.page, decision.line, decision.field)] = decision
    return last | links


def _block_claims(block: Block) -> list[tuple[tuple[int, int, str], DecisionValue]]:
    """What the output shows of a block, as (page, line, field) -> value."""
    first = block.spans[0]
    claims: list[tuple[tuple[int, int, str], DecisionValue]] = [
        ((first.page, first.line, "kind"), block.kind),
        ((first.page, first.line, "starts_block"), True),
    ]
    if block.kind == "heading":
        claims.append(((first.page, first.line, "level"), block.level))
    if block.note_id is not None:
        claims.append(((first.page, first.line, "note_id"), block.note_id))
    for ref in block.notes:
        span = next((s for s in reversed(block.spans) if s.start <= ref.offset), first)
        claims.append(((span.page, span.line, f"note_link:{ref.note_id}"), ref.note_id))
    return claims


def unexplained(doc: Document) -> list[str]:
    """The parts of the output that no non-default decision explains: for every block its
    kind, its start, its heading level, its note id, and each note link, the last decision
    that set the value on that line must have set it to what the output shows, by a rule
    that is not a catch-all default. An empty list means everything is explained.

        >>> from pagemend.readers import read_text
        >>> from pagemend.pipeline import mend
        >>> unexplained(mend(read_text("CHAPTER I\\nIt was a dark and stormy night.")))
        []
    """
    last = _last_decisions(doc)
    problems = []
    for block in doc.blocks:
        for key, shown in _block_claims(block):
            decision = last.get(key)
            where = f"#{key[0]} line {key[1]} ({block.kind}: {block.text[:30]!r})"
            field = key[2].split(":", 1)[0]
            if decision is None:
                problems.append(f"{where}: no decision set its {field} ({shown!r})")
            elif decision.after != shown:
                problems.append(f"{where}: {field} is {shown!r} but the last decision "
                                f"({decision.rule}) set {decision.after!r}")
            elif decision.rule not in RULES or RULES[decision.rule].default:
                problems.append(f"{where}: {field} set by {decision.rule}, which is a "
                                "catch-all default or undeclared")
    return problems
