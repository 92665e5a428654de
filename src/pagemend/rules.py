"""Rules: every structural decision names the rule that took it, declared once in its stage.

A rule states one typographic fact (``a line set in on both sides of the body's measure is
quoted``). Each stage module declares its rules at import time with :func:`rule`; the
registry :data:`RULES` then knows every rule of every stage, so ``pagemend eval --rules`` can
count where each one fires and ``pagemend explain --rule`` can filter by it.

A stage records its line changes through a :class:`Changes` recorder: each ``set`` writes the
new values onto the line and one :class:`~pagemend.model.Decision` per field, with the rule
and the evidence in words.

    >>> from pagemend.model import Document, Line, Page
    >>> EXAMPLE = Rule("example.caps_line", "example", "A short line in capitals is a heading.")
    >>> doc = Document(pages=(Page(0, None, (Line("OF MIRACLES.", 0, 0),)),))
    >>> changes = Changes()
    >>> _ = changes.set(doc.pages[0].lines[0], EXAMPLE, "12 letters, all capitals",
    ...                 kind="heading", level=1)
    >>> mended = changes.apply(doc)
    >>> mended.pages[0].lines[0].kind, [(d.field, d.before, d.after) for d in mended.decisions]
    ('heading', [('kind', 'paragraph', 'heading'), ('level', None, 1)])
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from pagemend.model import (
    DECISION_FIELDS,
    Decision,
    DecisionValue,
    Document,
    Line,
    copier,
    replace,
)

__all__ = ["RULES", "Changes", "Rule", "acted", "rule"]

#: the line fields a decision can set directly (``note_link`` and ``order`` are recorded
#: through :meth:`Changes.record`)
LINE_FIELDS = frozenset({"role", "kind", "level", "starts_block", "glue_next", "note_id"})
#: copies a line with some of its fields changed (the names checked against ``LINE_FIELDS``)
_copy_line = copier(Line)
_intern = sys.intern


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule of a stage: a stable id (``stage.name``) and the fact it encodes."""

    id: str
    stage: str
    statement: str
    #: a catch-all: what a line stays when no other rule of the stage claimed it
    default: bool = False
    #: the rule keeps a value as it is (a line that goes on its paragraph or heading): it
    #: never *fires*, so where it applies is counted by the decisions it records
    confirms: bool = False


#: every declared rule by id, filled as the stage modules are imported
RULES: dict[str, Rule] = {}


def rule(stage: str, name: str, statement: str, *, default: bool = False,
         confirms: bool = False) -> Rule:
    """Declare the rule ``stage.name`` once, with a one-line statement of its fact."""
    declared = Rule(f"{stage}.{name}", stage, statement, default, confirms)
    if RULES.get(declared.id, declared) != declared:
        raise ValueError(f"rule {declared.id!r} is declared twice")
    RULES[declared.id] = declared
    return declared


def acted(decision: Decision) -> bool:
    """The decision counts where its rule is used: it changed a value, or its rule is one that
    keeps a value as it is (``confirms``) and decided here."""
    if decision.fired:
        return True
    declared = RULES.get(decision.rule)
    return declared is not None and declared.confirms


class Changes:
    """The line changes of one stage run, each recorded with its decision (local scratch)."""

    __slots__ = ("decisions", "lines")

    def __init__(self) -> None:
        self.lines: dict[tuple[int, int], Line] = {}
        self.decisions: list[Decision] = []

    def current(self, line: Line) -> Line:
        """The line as changed so far in this run."""
        return self.lines.get((line.page, line.number), line)

    def set(self, line: Line, by: Rule, evidence: str, **values: DecisionValue) -> Line:
        """Set ``values`` on the line (as changed so far), one decision per field. A line
        whose fields already hold the values is not copied (it counts as changed all the
        same: stages ask ``lines`` which lines a rule claimed)."""
        if not values.keys() <= LINE_FIELDS:
            wrong = next(name for name in values if name not in LINE_FIELDS)
            raise ValueError(f"a decision cannot set {wrong!r}")
        page, number = key = (line.page, line.number)
        lines = self.lines
        current = lines.get(key, line)
        evidence = _intern(evidence)  # a few thousand distinct texts over a whole book
        append = self.decisions.append
        stage, rule_id = by.stage, by.id
        same = True
        for name, value in values.items():
            before = getattr(current, name)
            append(Decision(stage, rule_id, page, number, name, before, value, evidence))
            if same and before is not value and (
                    type(before) is not type(value) or before != value):
                same = False
        changed = lines[key] = current if same else _copy_line(current, values)
        return changed

    def decide(self, line: Line, by: Rule, evidence: str, field: str, value: DecisionValue
               ) -> Line:
        """``set(line, by, evidence, **{field: value})`` for one field, without a dictionary
        of values (a stage that decides one field of every line).

        >>> caps = Rule("example.caps_line", "example", "A short line in capitals is a heading.")
        >>> changes, line = Changes(), Line("OF MIRACLES.", 0, 0)
        >>> changes.decide(line, caps, "capitals", "kind", "heading").kind
        'heading'
        >>> changes.decide(line, caps, "capitals", "kind", "heading") is changes.current(line)
        True
        """
        key, current, same = self._decided(line, by, evidence, field, value)
        changed = self.lines[key] = current if same else _copy_line(current, {field: value})
        return changed

    def decide_text(self, line: Line, by: Rule, evidence: str, field: str,
                    value: DecisionValue, *, text: str) -> Line:
        """``decide(line, by, evidence, field, value)`` then ``replace(line, text=...)``,
        the line copied once (a stage that joins a word over a line end: both at each site).

        >>> joined = Rule("example.joined", "example", "A broken word is joined.")
        >>> changes, line = Changes(), Line("to de-", 0, 0)
        >>> changed = changes.decide_text(line, joined, "joined", "glue_next", True, text="to de")
        >>> changed.text, changed.glue_next, changed is changes.current(line)
        ('to de', True, True)
        """
        key, current, same = self._decided(line, by, evidence, field, value)
        changed = self.lines[key] = _copy_line(current, {"text": text} if same else
                                               {field: value, "text": text})
        return changed

    def _decided(self, line: Line, by: Rule, evidence: str, field: str, value: DecisionValue
                 ) -> tuple[tuple[int, int], Line, bool]:
        """Record the decision to set the line's ``field`` to ``value``: the line's key, the
        line as changed so far, and whether its field already holds the value."""
        if field not in LINE_FIELDS:
            raise ValueError(f"a decision cannot set {field!r}")
        page, number = key = (line.page, line.number)
        current = self.lines.get(key, line)
        before = getattr(current, field)
        self.decisions.append(Decision(by.stage, by.id, page, number, field, before, value,
                                       _intern(evidence)))
        return key, current, before is value or (type(before) is type(value) and
                                                 before == value)

    def replace(self, line: Line, **values: object) -> Line:
        """Change fields that are not decisions (text, references) on the line as changed."""
        key = (line.page, line.number)
        changed = self.lines[key] = replace(self.lines.get(key, line), **values)
        return changed

    def record(self, line: Line, by: Rule, field: str, *, before: DecisionValue,
               after: DecisionValue, evidence: str) -> None:
        """Record a decision that is not a plain line field (``note_link``, ``order``)."""
        if field not in DECISION_FIELDS:
            raise ValueError(f"a decision cannot set {field!r}")
        self.decisions.append(Decision(by.stage, by.id, line.page, line.number, field, before,
                                       after, sys.intern(evidence)))

    def apply(self, doc: Document) -> Document:
        """The document with the changed lines and the decisions appended."""
        return doc.with_lines(self.lines).with_decisions(self.decisions)
