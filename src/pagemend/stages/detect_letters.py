"""detect_letters: the parts of a letter that are not prose, as their own blocks.

A salutation (``My Dear Friend:``, ``Sir,``, ``Mon cher ami,``) is a short line that
addresses the reader; a closing (``Yours truly,``, ``Till then, and ever, Yours truly,
WENDELL PHILLIPS``) opens the last lines of a letter and runs on to the signature. Each
becomes a ``letter`` block, never joined into the paragraphs around it. Datelines are found
by ``detect_headings`` (a letter's dateline under its title) or ``detect_block_quotes`` (a
quoted letter).

Leaves alone: the letter's paragraphs, and lines that only look like a salutation inside a
sentence (``Dear me, what a day`` does not end with the salutation's punctuation).

    >>> from pagemend.readers import read_text
    >>> from pagemend.stages.measure_document import measure_document
    >>> text = "My Dear Friend:\\nYou remember the old fable of the lion.\\nYours truly,\\nW. P."
    >>> doc = detect_letters(measure_document(read_text(text), None), None)
    >>> [(line.kind, line.starts_block) for line in doc.lines()]
    [('letter', True), ('paragraph', True), ('letter', True), ('letter', False)]
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pagemend.data.letters import CLOSING, SALUTATION
from pagemend.layout import successors
from pagemend.model import Document, Line
from pagemend.registry import stage
from pagemend.rules import Changes, rule

__all__ = ["DetectLettersConfig", "detect_letters"]

STAGE = "detect_letters"

#: A closing runs to at most this many lines, the signature included.
MAX_CLOSING_LINES = 4
#: A salutation or closing line is at most this share of the page's full line.
MAX_SHARE = 0.8

SALUTATION_LINE = rule(STAGE, "salutation", "A short line that addresses the reader and ends "
                       "with a comma or colon (`My Dear Friend:`) is a letter's salutation.")
CLOSING_LINES = rule(STAGE, "closing", "A short line that opens a letter's closing formula "
                     "(`Yours truly,`) and the short lines after it, up to the signature, are "
                     "the letter's closing.")
AFTER_LETTER_PART = rule(STAGE, "after_salutation_or_closing",
                         "The line after a salutation or closing opens a new block.")


@dataclass(frozen=True, slots=True)
class DetectLettersConfig:
    enabled: bool = True


def _limits(full: tuple[int, ...]) -> list[float]:
    """Per page, the most characters a short line has: ``MAX_SHARE`` of the page's full line
    (no limit without one)."""
    return [MAX_SHARE * measure if measure else math.inf for measure in full]


def _short(line: Line, limits: list[float]) -> bool:
    """The line is short on its page (``limits``: see ``_limits``)."""
    return len(line.text) <= (limits[line.page] if line.page < len(limits) else math.inf)


@stage(STAGE, DetectLettersConfig, requires=("stats", "line.role"), assigns=("line.kind",))
def detect_letters(doc: Document, config: DetectLettersConfig | None) -> Document:
    """Mark salutations and closings; see the module docstring."""
    limits = _limits(doc.stats.full_line_length if doc.stats else ())
    lines = [line for line, _ in successors(doc)]
    changes = Changes()
    i = 0
    for candidate in _candidates(lines, limits):
        if candidate < i:
            continue  # taken as a line of a closing
        i = candidate
        line = lines[i]
        if SALUTATION.match(line.text):
            changes.set(line, SALUTATION_LINE, f"salutation form, {len(line.text)} characters",
                        kind="letter", starts_block=True)
            i += 1
            if i < len(lines) and lines[i].kind == "paragraph":
                changes.set(lines[i], AFTER_LETTER_PART, "follows a salutation",
                            starts_block=True)
            continue
        if CLOSING.match(line.text):
            end = i + 1
            while (end < len(lines) and end - i < MAX_CLOSING_LINES
                   and lines[end].kind == "paragraph" and _short(lines[end], limits)):
                end += 1
            for j in range(i, end):
                changes.set(lines[j], CLOSING_LINES,
                            f"line {j - i + 1} of a {end - i}-line closing",
                            kind="letter", starts_block=j == i)
            if end < len(lines) and lines[end].kind == "paragraph":
                changes.set(lines[end], AFTER_LETTER_PART, "follows a closing",
                            starts_block=True)
            i = end
    return changes.apply(doc)


def _candidates(lines: list[Line], limits: list[float]) -> list[int]:
    """The indices of the short prose lines in the form of a salutation or of a closing's
    first line (the only lines that open a salutation or closing), in order (``_short``
    inline: asked of every line)."""
    pages = len(limits)
    return [i for i, line in enumerate(lines)
            if line.kind == "paragraph"
            and len(line.text) <= (limits[line.page] if line.page < pages else math.inf)
            and (SALUTATION.match(line.text) or CLOSING.match(line.text))]
