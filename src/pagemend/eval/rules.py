"""Where each rule fires: per case counts from an evaluation, and the rules that fire in only
one case (or none), which are the ones likely fitted to a single book. A rule that keeps a
value as it is (``confirms``) never changes one: it is counted where it decides.

    >>> from pagemend.eval.runner import EvalReport
    >>> report = EvalReport("pages", rules={"a": {"s.x": 3, "s.y": 1}, "b": {"s.x": 2}})
    >>> print(format_rules(report, declared=("s.x", "s.y", "s.z")))
    rule  cases  fired  where
    s.x       2      5  a 3, b 2
    s.y       1      1  a 1
    s.z       0      0  -
    <BLANKLINE>
    Rules that fired in only one case (1): s.y (a)
    Rules that fired in no case (1): s.z
"""

from __future__ import annotations

from collections.abc import Iterable

from pagemend.eval.runner import EvalReport

__all__ = ["format_coverage", "format_rules", "rule_cases"]


def rule_cases(report: EvalReport, declared: Iterable[str] = ()) -> dict[str, dict[str, int]]:
    """Rule id -> {case: times fired}, every declared rule included (empty if it never fired)."""
    table: dict[str, dict[str, int]] = {rule: {} for rule in declared}
    for case, counts in sorted(report.rules.items()):
        for rule, count in counts.items():
            table.setdefault(rule, {})[case] = count
    return dict(sorted(table.items()))


def format_rules(report: EvalReport, declared: Iterable[str] = ()) -> str:
    """A row per rule (cases it fired in, times fired, where), then the warning lists."""
    table = rule_cases(report, declared)
    rows = [("rule", "cases", "fired", "where")]
    for rule, cases in table.items():
        where = ", ".join(f"{case} {count}" for case, count in cases.items()) or "-"
        rows.append((rule, str(len(cases)), str(sum(cases.values())), where))
    width = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [f"{r[0]:<{width[0]}}  {r[1]:>{width[1]}}  {r[2]:>{width[2]}}  {r[3]}" for r in rows]
    single = [(rule, next(iter(cases))) for rule, cases in table.items() if len(cases) == 1]
    never = [rule for rule, cases in table.items() if not cases]
    lines.append("")
    lines.append(f"Rules that fired in only one case ({len(single)}): "
                 + (", ".join(f"{rule} ({case})" for rule, case in single) or "none"))
    lines.append(f"Rules that fired in no case ({len(never)}): " + (", ".join(never) or "none"))
    return "\n".join(lines)


def format_coverage(reports: Iterable[EvalReport], golden: dict[str, list[str]],
                    declared: dict[str, bool]) -> str:
    """Every rule that fires in fewer than two cases of the corpus over all the reports'
    inputs, with the golden cases (of our own text) where it fires; ``declared`` maps each
    rule id to whether it is a catch-all default (those state no fact and are listed apart).

        >>> from pagemend.eval.runner import EvalReport
        >>> pages = EvalReport("pages", rules={"a": {"s.x": 1, "s.y": 2}, "b": {"s.x": 1}})
        >>> print(format_coverage([pages], {"s.y": ["own-case"]},
        ...                       {"s.x": False, "s.y": False, "s.z": True}))
        rule  corpus cases  golden cases
        s.y   a             own-case
        <BLANKLINE>
        Catch-all defaults (no fact of their own): s.z
    """
    where: dict[str, set[str]] = {rule: set() for rule in declared}
    for report in reports:
        for case, counts in report.rules.items():
            for rule in counts:
                where.setdefault(rule, set()).add(case)
    rows = [("rule", "corpus cases", "golden cases")]
    for rule, cases in sorted(where.items()):
        if len(cases) < 2 and not declared.get(rule, False):
            rows.append((rule, ", ".join(sorted(cases)) or "-",
                         ", ".join(golden.get(rule, [])) or "NONE"))
    width = [max(len(row[i]) for row in rows) for i in range(2)]
    lines = [f"{r[0]:<{width[0]}}  {r[1]:<{width[1]}}  {r[2]}" for r in rows]
    defaults = sorted(rule for rule, is_default in declared.items() if is_default)
    lines += ["", "Catch-all defaults (no fact of their own): " + (", ".join(defaults) or "none")]
    return "\n".join(lines)
