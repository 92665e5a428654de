"""detect_verse: poems and songs keep their lines.

Verse, in page text, is a run of at least ``MIN_VERSE_LINES`` consecutive body lines that
are each clearly shorter than the page's full line (not justified prose) and had room for
the next line's first word (prose breaks early only where a paragraph ends), each open with a
capital (after quotes or brackets), each hold lower-case letters (an all-capitals run is a
heading), and where lines run on without terminal punctuation (``Of providence, fore-
knowledge, will, and fate,``): at least half of the lines before the last end otherwise than
with ``.``, ``!`` or ``?``. That last test keeps dialogue out: its short paragraphs each
close a sentence. A blank line inside a run separates stanzas.

Verse lines get the kind ``verse``; the first line of each stanza opens a block and the line
after the run opens the next. Leaves alone: the text, and lines that are not verse.

    >>> from pagemend.readers import read_text
    >>> from pagemend.stages.measure_document import measure_document
    >>> prose = "and so I found the means of directing it to my favourite subjects, at last"
    >>> text = "\\n".join([prose] * 8 + ["Of providence, fore-knowledge, will, and fate,",
    ...     "Fixed fate, free will, fore-knowledge absolute,",
    ...     "And found no end in wandering mazes lost.", prose])
    >>> doc = detect_verse(measure_document(read_text(text), None), None)
    >>> [line.kind for line in doc.lines()][7:]
    ['paragraph', 'verse', 'verse', 'verse', 'paragraph']
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from pagemend.data.punctuation import SENTENCE_END
from pagemend.layout import has_room, successors
from pagemend.model import Document, Line
from pagemend.registry import stage
from pagemend.rules import Changes, rule

__all__ = ["DetectVerseConfig", "detect_verse"]

STAGE = "detect_verse"

#: A verse line is at most this share of the page's full line. Quoted pentameters and
#: alexandrines run to 0.6-0.8 of a prose line in the development corpus; justified prose
#: lines sit at 0.95-1.05.
VERSE_MAX_SHARE = 0.85
#: A single short line is a heading or a paragraph's end; verse needs two lines at least.
MIN_VERSE_LINES = 2

SHORT_LINES = rule(STAGE, "short_lines_run", "A run of short lines, each opening with a capital "
                   "and leaving room for the next line's first word, where most lines run on "
                   "without terminal punctuation and the last closes, is verse.")
STANZA = rule(STAGE, "stanza_start", "The first line of a verse run, and a verse line after a "
              "blank line inside the run, opens a stanza.")

_OPENS_CAPITAL = re.compile(r"^[\W_]*[A-ZÀ-ÞΑ-Ω]")
_CLOSES = re.compile(r"[.,;:!?…—'’\")\]»]$")
_LOWER = re.compile(r"[a-zß-ÿα-ω]")


@dataclass(frozen=True, slots=True)
class DetectVerseConfig:
    enabled: bool = True


def _verse_like(line: Line, full_line: int) -> bool:
    text = line.text
    return (
        bool(full_line) and len(text) <= VERSE_MAX_SHARE * full_line
        and bool(_OPENS_CAPITAL.match(text)) and bool(_LOWER.search(text))
        and not line.glue_next
    )


def _is_verse(run: list[Line]) -> bool:
    if len(run) < MIN_VERSE_LINES or not _CLOSES.search(run[-1].text):
        return False  # a poem's last line closes; prose running on into the next does not
    running_on = sum(not SENTENCE_END.search(line.text) for line in run[:-1])
    return 2 * running_on >= len(run) - 1


def _runs(doc: Document) -> list[list[Line]]:
    full = doc.stats.full_line_length if doc.stats else ()
    document = doc.stats.document_full_line_length if doc.stats else 0
    runs: list[list[Line]] = []
    current: list[Line] = []
    for line, following in successors(doc):
        # a page of verse has no full prose line of its own: never measure below the book's
        full_line = max(full[line.page] if line.page < len(full) else 0, document)
        if line.kind == "paragraph" and _verse_like(line, full_line):
            current.append(line)
            if following is None or has_room(line, following, full_line):
                continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return [run for run in runs if _is_verse(run)]


def _stanza_starts(run: list[Line]) -> set[tuple[int, int]]:
    starts = {(run[0].page, run[0].number)}
    for previous, line in itertools.pairwise(run):
        if previous.page == line.page and line.number - previous.number > 1:
            starts.add((line.page, line.number))  # a blank line between: a new stanza
    return starts


@stage(STAGE, DetectVerseConfig, requires=("stats", "line.role"), assigns=("line.kind",))
def detect_verse(doc: Document, config: DetectVerseConfig | None) -> Document:
    """Mark verse lines; see the module docstring."""
    changes = Changes()
    for run in _runs(doc):
        starts = _stanza_starts(run)
        closing = sum(bool(SENTENCE_END.search(line.text)) for line in run[:-1])
        evidence = (f"{len(run)} short lines, {len(run) - 1 - closing} of the first "
                    f"{len(run) - 1} running on")
        for index, line in enumerate(run):
            changes.set(line, SHORT_LINES, f"line {index + 1} of {evidence}", kind="verse")
            if (line.page, line.number) in starts:
                where = "first line of the run" if index == 0 else "after a blank line"
                changes.set(line, STANZA, where, starts_block=True)
            elif line.starts_block:
                changes.set(line, STANZA, "inside a stanza", starts_block=False)
    return changes.apply(doc)
