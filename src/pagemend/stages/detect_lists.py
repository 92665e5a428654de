"""detect_lists: numbered and lettered lists, tables of contents and indexes as their own
blocks, never joined into prose.

- A list is a run of at least ``MIN_ITEMS`` items whose labels count up (``1.`` ``2.``;
  ``(a)`` ``(b)``; ``I.`` ``II.``) and that are short (``MAX_ITEM_LINES`` lines on average):
  numbered sections of a treatise are long, and stay paragraphs. Each item opens a
  ``list_item`` block; the lines up to the next item are the item's (``rejoin_paragraphs``
  may still cut them where a paragraph ends), and after the last item, the lines that run
  on in lower case.
- A table of contents is a run of lines that end in a page number, after dot leaders or a
  gap (``Chapter I. The Harbour ........ 1``): each entry is a ``toc`` block.
- An index is a run of lines that end in page numbers after a comma (``Amsterdam, 12,
  45-47``): each entry is an ``index`` block.

Leaves alone: every other line, and the text.

    >>> from pagemend.readers import read_text
    >>> from pagemend.stages.measure_document import measure_document
    >>> text = "The virtues were:\\n1. Temperance\\n2. Silence.\\n3. Order.\\nAnd so on."
    >>> doc = detect_lists(measure_document(read_text(text), None), None)
    >>> [(line.kind, line.starts_block) for line in doc.lines()]
    [('paragraph', False), ('list_item', True), ('list_item', True), ('list_item', True), \
('paragraph', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pagemend.data.folios import roman_value
from pagemend.layout import successors
from pagemend.model import Document, Line
from pagemend.registry import stage
from pagemend.rules import Changes, rule

__all__ = ["DetectListsConfig", "detect_lists", "item_number"]

STAGE = "detect_lists"

#: A list has at least this many items...
MIN_ITEMS = 3
#: ...of at most this many lines on average (the thirteen virtues: one or two lines each;
#: Hume's numbered sections: twenty).
MAX_ITEM_LINES = 3.0
#: Tables of contents and indexes run to at least this many entries.
MIN_ENTRIES = 3

LIST_RUN = rule(STAGE, "counting_labels", "A run of short items whose labels count up by one "
                "(`1.` `2.` `3.`; `(a)` `(b)`) is a list, each label opening an item.")
LIST_ITEM_RUNS_ON = rule(STAGE, "item_runs_on", "The lines after a list label, up to the next "
                         "label (and after the last one, the lines that run on in lower case), "
                         "belong to its item.")
AFTER_LIST = rule(STAGE, "after_list", "The first line after a list opens a new block.")
BULLET_ITEM = rule(STAGE, "bullet_item", "A line opening with a bullet glyph (`•` `◦` `▪` "
                   "`‣` `●`) and a space opens a list item; the lines after it that hang "
                   "beside the bullet (set in past it, with positions; in lower case, without) "
                   "are the item's.")
CONTENTS_ENTRIES = rule(STAGE, "contents_entries", "A run of lines that end in a page number "
                        "after dot leaders or a gap is a table of contents, an entry a line.")
INDEX_ENTRIES = rule(STAGE, "index_entries", "A run of lines that end in page numbers after a "
                     "comma is an index, an entry a line.")

_ITEM = re.compile(r"^(?:\((?P<paren>[a-z]|\d{1,3}|[ivxlc]{1,6})\)|(?P<plain>\d{1,3}|[a-z]|"
                   r"[IVXLC]{1,6})[.)])\s+\S")
_BULLETS = frozenset("•◦▪‣●")
_BULLET = re.compile(r"^[•◦▪‣●]\s+\S")
_SENTENCE_END = re.compile(r"[.!?…][’”\"')\]]*$")
#: A bulleted item's later lines hang past its bullet by at least this share of the type
#: size (thinkpython-xetex: the text at 0.84 of the size past the bullet's left edge).
HANGING_MIN = 0.4
_TOC = re.compile(r"^\S.*?(?:\s?\.(?:\s?\.){2,}\s?|\s{2,}|\s)(?:\d{1,4}|[ivxlc]{1,6})$")
_LEADERS = re.compile(r"\.(?:\s?\.){2,}\s?(?:\d{1,4}|[ivxlc]{1,6})$")
_PAGES = r"\d{1,4}(?:\s*[-–]\s*\d{1,4})?"
_INDEX = re.compile(rf"^[^\d].*?,\s*{_PAGES}(?:,\s*{_PAGES})*\.?$")


@dataclass(frozen=True, slots=True)
class DetectListsConfig:
    enabled: bool = True


def item_number(text: str) -> int | None:
    """The count of a list label (``3.`` is 3, ``(c)`` is 3, ``IV.`` is 4), or None.

    >>> item_number("2. Silence."), item_number("(b) the other"), item_number("IV. Resolution")
    (2, 2, 4)
    """
    match = _ITEM.match(text)
    if not match:
        return None
    label = match.group("paren") or match.group("plain")
    if label.isdigit():
        return int(label)
    if len(label) == 1 and label.islower() and label not in "ivxlc":
        return ord(label) - ord("a") + 1
    return roman_value(label) or (ord(label) - ord("a") + 1 if len(label) == 1 else None)


def _list_runs(lines: list[Line]) -> list[list[int]]:
    """Index runs of list items whose numbers count up by one."""
    runs: list[list[int]] = []
    current: list[int] = []
    expected = None
    for i, number in _numbered(lines):
        if current and number == expected:
            current.append(i)
        else:
            if len(current) >= MIN_ITEMS:
                runs.append(current)
            current = [i] if number == 1 else []
        expected = number + 1 if current else None
    if len(current) >= MIN_ITEMS:
        runs.append(current)
    return runs


def _numbered(lines: list[Line]) -> list[tuple[int, int]]:
    """The prose lines that open with a list label, each as (index, ``item_number``). A label
    closes with ``.`` or ``)`` among the line's first eight characters (at most six of a
    numeral before it, or a bracket too): tested first, in one comprehension."""
    return [(i, number) for i, line in enumerate(lines)
            if (")" in line.text[:8] or "." in line.text[:7]) and line.kind == "paragraph"
            and (number := item_number(line.text)) is not None]


def _page_number_ends(lines: list[Line]) -> list[int]:
    """The indices of the prose lines whose last character may end a page number as an
    entry pattern needs it: a digit, a roman numeral's letter, or a full stop (an index's,
    after a digit). Asked of every line once, for both patterns."""
    return [i for i, line in enumerate(lines)
            if ((last := line.text[-1:]).isdigit() or last in "ivxlc.")
            and line.kind == "paragraph"]


def _matching(lines: list[Line], pattern: re.Pattern[str], ends: list[int]) -> list[int]:
    """The indices of the prose lines that ``pattern`` matches, of ``ends`` (see
    ``_page_number_ends``). What it needs at the line's end is tested before it runs: a page
    number (a digit or a roman numeral's last letter; for an index, a digit, perhaps a full
    stop after it, and a comma before)."""
    if pattern is _INDEX:
        return [i for i in ends
                if ((last := (text := lines[i].text)[-1:]).isdigit()
                    or (last == "." and text[-2:-1].isdigit()))
                and "," in text and pattern.match(text)]
    return [i for i in ends
            if ((last := (text := lines[i].text)[-1:]).isdigit() or last in "ivxlc")
            and _numeral_set_apart(text) and pattern.match(text)]


_ASCII_DIGITS = "0123456789"


def _numeral_set_apart(text: str) -> bool:
    """False where ``_TOC`` cannot match: its page number (``\\d{1,4}`` or ``[ivxlc]{1,6}``
    ending the line) follows a separator that ends with white space or a full stop, so the
    line's last run of ASCII digits or of those letters must be that short and stand after
    one (a word's last letters, `all`, `public`, do not). True where that may hold, and where
    a digit other than ASCII's stands before the run (``\\d`` takes it too).

    >>> [_numeral_set_apart(text) for text in ("Contents 12", "A..iv", "the well", "in 18500")]
    [True, True, False, False]
    """
    if text[-1:] in _ASCII_DIGITS:
        run, longest = len(text) - len(text.rstrip(_ASCII_DIGITS)), 4
    elif text[-1:] in "ivxlc":
        run, longest = len(text) - len(text.rstrip("ivxlc")), 6
    else:
        return True
    before = text[-run - 1:-run]
    if before.isdecimal():
        return True  # (a digit the ASCII run left out: the pattern decides)
    return run <= longest and (before.isspace() or before == ".")


def _entry_runs(lines: list[Line], pattern: re.Pattern[str], ends: list[int]
                ) -> list[list[int]]:
    """The runs of at least ``MIN_ENTRIES`` consecutive lines that ``pattern`` matches (of
    ``ends``: see ``_page_number_ends``)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i in _matching(lines, pattern, ends):
        if current and i != current[-1] + 1:
            if len(current) >= MIN_ENTRIES:
                runs.append(current)
            current = []
        current.append(i)
    if len(current) >= MIN_ENTRIES:
        runs.append(current)
    return runs


def _mark_lists(lines: list[Line], changes: Changes) -> None:
    for run in _list_runs(lines):
        span = run[-1] - run[0] + 1
        if span / len(run) > MAX_ITEM_LINES:
            continue  # long numbered sections are paragraphs, not a list
        end = run[-1] + 1
        while end < len(lines) and lines[end].kind == "paragraph" and lines[end].text[:1].islower():
            end += 1  # the last item's own lines run on in lower case
        items = set(run)
        evidence = f"{len(run)} items counting up over {end - run[0]} lines"
        for i in range(run[0], end):
            line = lines[i]
            if line.kind != "paragraph":
                continue
            if i in items:
                changes.set(line, LIST_RUN, f"label {item_number(line.text)}: {evidence}",
                            kind="list_item", starts_block=True)
            else:
                changes.set(line, LIST_ITEM_RUNS_ON, evidence, kind="list_item",
                            starts_block=False)
        if end < len(lines) and lines[end].kind == "paragraph":
            following = lines[end]
            if (following.page, following.number) not in changes.lines:
                changes.set(following, AFTER_LIST, "the line after the list's last item",
                            starts_block=True)


def _hangs(line: Line, item: Line, previous: Line) -> bool:
    """The line continues the bulleted item: set in past its bullet (with positions, on the
    item's page), or opening in lower case (without); a capital after a finished sentence
    opens the paragraph after the list (its first-line indent can reach past the bullet)."""
    if line.kind != "paragraph" or _BULLET.match(line.text) or (
            _SENTENCE_END.search(previous.text) and line.text[:1].isupper()):
        return False
    geometry, bullet = line.geometry, item.geometry
    if geometry is None or bullet is None or line.page != item.page:
        return line.text[:1].islower()
    return geometry.x0 - bullet.x0 >= HANGING_MIN * (bullet.font_size or 10.0)


def _mark_bullets(lines: list[Line], changes: Changes) -> None:
    for i in [i for i, line in enumerate(lines) if line.text[:1] in _BULLETS]:
        line = lines[i]
        if line.kind != "paragraph" or not _BULLET.match(line.text):
            continue
        changes.set(line, BULLET_ITEM, f"opens with {line.text[0]!r}", kind="list_item",
                    starts_block=True)
        end = i + 1
        while end < len(lines) and _hangs(lines[end], line, lines[end - 1]):
            changes.set(lines[end], LIST_ITEM_RUNS_ON, f"hangs beside the bullet of line "
                        f"{line.number}", kind="list_item", starts_block=False)
            end += 1


def _mark_entries(lines: list[Line], changes: Changes) -> None:
    ends = _page_number_ends(lines)
    for kind, pattern in (("toc", _TOC), ("index", _INDEX)):
        for run in _entry_runs(lines, pattern, ends):
            if kind == "toc" and not any(_LEADERS.search(lines[i].text) for i in run) and (
                    sum(bool(_INDEX.match(lines[i].text)) for i in run) > len(run) // 2):
                continue  # comma-separated page numbers make an index, not contents
            by = CONTENTS_ENTRIES if kind == "toc" else INDEX_ENTRIES
            for i in run:
                line = lines[i]
                if (line.page, line.number) not in changes.lines:
                    changes.set(line, by, f"one of {len(run)} lines ending in a page number",
                                kind=kind, starts_block=True)


def _current(lines: list[Line], changes: Changes) -> list[Line]:
    """The lines as changed so far (the same list where nothing changed)."""
    if not changes.lines:
        return lines
    changed = changes.lines.get  # (``changes.current`` inline)
    return [changed((line.page, line.number), line) for line in lines]


@stage(STAGE, DetectListsConfig, requires=("line.role",), assigns=("line.kind",))
def detect_lists(doc: Document, config: DetectListsConfig | None) -> Document:
    """Mark list items, contents and index entries; see the module docstring."""
    lines = [line for line, _ in successors(doc)]
    changes = Changes()
    _mark_entries(lines, changes)  # contents entries are often numbered too: they come first
    lines = _current(lines, changes)
    _mark_lists(lines, changes)
    lines = _current(lines, changes)
    _mark_bullets(lines, changes)
    return changes.apply(doc)
