"""join_drop_caps: a drop cap (a large initial letter) joined back to its word.

A chapter's first word often opens with a large initial set two or three lines deep, and the
rest of the word in capitals (``W`` + ``HAT is truth``). Text extractors return the initial
apart from its word: on a line of its own before the first line (``I`` / ``T is believed``),
after it (``HAT is truth? …`` / ``W``), glued to the start of the second line (``H cherlich``,
``SDie``) or to the end of the first (``an anW``, where the line-end hyphen was dropped), and
an opening quotation mark before the initial on a line of its own too (``»`` / ``AS ist
das`` / ``W``). The initial goes back to the front of the first word when the two make a
word of the document's language (``WHAT``, ``IT``, ``WAS``); the quotation mark goes with it.
Both moves are text edits, so ``verify`` rebuilds the input. Where the
reader had geometry, the lines set beside the initial start at its left edge: they are not
set in (the indent is the initial's, not a quotation's).

Leaves alone: a letter alone on a line that makes no word with the next line's first word
(``A`` over ``ABASEMENT, n.`` in a dictionary), and every other line.

    >>> from pagemend.readers import read_text
    >>> from pagemend.model import replace
    >>> text = "I\\n\\nT is believed that the scene of this tale is plain.\\nThe end."
    >>> doc = read_text(text)
    >>> doc = join_drop_caps(replace(doc, meta=replace(doc.meta, lang="en")), None)
    >>> [(line.text, line.role) for line in doc.lines()][:3]
    [('', 'marker'), ('', 'body'), ('IT is believed that the scene of this tale is plain.', 'body')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pagemend.hyphenation.lexicon import zipf
from pagemend.model import Document, Edit, Geometry, Line, replace
from pagemend.registry import stage
from pagemend.rules import Changes, rule

__all__ = ["JoinDropCapsConfig", "join_drop_caps"]

STAGE = "join_drop_caps"

_QUOTES = "«»„“‘\"'"
#: An initial alone on its line, perhaps after its opening quotation mark (``W``, ``»W``).
_INITIAL = re.compile(rf"^(?P<quote>[{_QUOTES}]?)(?P<letter>[A-ZÀ-ÖØ-Þ])$")
#: An opening quotation mark alone on its line.
_QUOTE_ALONE = re.compile(rf"^[{_QUOTES}]$")
#: An initial glued to the start of the second line: before a space and a lower-case word
#: (``H cherlich``), or before a capitalised word (``SDie``).
_GLUED = re.compile(r"^(?P<letter>[A-ZÀ-ÖØ-Þ])(?: (?=[a-zß-öø-ÿ])|(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]))")
#: An initial glued to the end of the first line, where an extractor dropped its line-end
#: hyphen (`… stay for an anW` / `swer.`).
_GLUED_AT_END = re.compile(r"[a-zß-öø-ÿ](?P<letter>[A-ZÀ-ÖØ-Þ])$")
#: The first line's first word, in capitals (the rest of the drop-capped word).
_CAPITALS_WORD = re.compile(r"^(?P<word>[A-ZÀ-ÖØ-Þ]+)(?![\w'’])")
_LOWER = re.compile(r"[a-zß-öø-ÿ]")

INITIAL_ALONE = rule(STAGE, "initial_alone", "A capital alone on its line next to a line "
                     "that opens with a word in capitals is that word's drop cap when the two "
                     "make a word (`I` / `T is believed`).")
INITIAL_GLUED = rule(STAGE, "initial_glued", "A capital at the start of the line after a "
                     "line that opens with a word in capitals is that word's drop cap when the "
                     "two make a more common word (`ER jüngere` / `D begann`).")

INITIAL_AT_LINE_END = rule(STAGE, "initial_at_line_end", "A capital glued to the last word "
                           "of a line that opens with a word in capitals, where the extractor "
                           "dropped the line-end hyphen (`an anW`), is that word's drop cap "
                           "when the two make a more common word.")
INITIAL_SET_LARGE = rule(STAGE, "initial_set_large", "With geometry, a capital alone on its "
                         "line in type at least twice the size of the next line, whose top "
                         "lies within the initial's height, is the drop cap of that line's "
                         "first word when the two make a word, whatever the case of the rest "
                         "(`T` / `he house`: the initial's top may sit lower than the line's).")
#: A drop cap is set at least this many times the size of the text beside it (two lines
#: deep; a raised initial or a heading in capitals is smaller than that beside its text).
DROP_CAP_SIZE_RATIO = 2.0
_LOWER_WORD = re.compile(r"^(?P<word>[a-zß-öø-ÿ]+)(?![\w'’])")
QUOTE_SET_APART = rule(STAGE, "quote_set_apart", "With geometry, an opening quotation mark "
                       "alone on its line, ending where the next line begins and standing "
                       "no lower than that line nor more than a line above it, opens that "
                       "line's first word: it was set apart for display, without a drop cap.")
#: How far (in type sizes of the next line) a quotation mark set apart may end right of
#: where that line begins, and stand above its top (hand-set golden case
#: quotation-mark-alone-pdf: a 14 pt mark 9 pt left of a 10 pt line, raised 12 pt).
QUOTE_APART_REACH = 2.0
_OPENS_WORD = re.compile(r"^\w")
MOVED = rule(STAGE, "moved_away", "A line that held only a drop cap (or its quotation mark) "
             "is left empty once they join their word, and opens no gap between paragraphs.")


@dataclass(frozen=True, slots=True)
class JoinDropCapsConfig:
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class _Found:
    first: Line  # the line the word opens
    letter: str
    taken_from: Line  # the line the initial is taken from
    taken: str  # the text taken from it (the whole line, or the initial and a space)
    quote: str = ""
    quote_line: Line | None = None
    large: bool = False  # found by its size beside a word in lower case


def _makes_word(letter: str, word: str, lang: str, glued: bool) -> bool:
    joined = zipf((letter + word).lower(), lang)
    return joined > 0 and (not glued or joined > zipf(word.lower(), lang))


def _find(body: list[Line], i: int, lang: str) -> _Found | None:
    """The drop cap of the first word of ``body[i]``, if one stands next to it."""
    first = body[i]
    match = _CAPITALS_WORD.match(first.text)
    if match is None:
        return _large_initial(body, i, lang)
    if not _LOWER.search(first.text):
        return None
    word = match.group("word")
    before = body[i - 1] if i and body[i - 1].page == first.page else None
    after = body[i + 1] if i + 1 < len(body) and body[i + 1].page == first.page else None
    quote_line = before if before is not None and _QUOTE_ALONE.match(before.text) else None
    for near in (before, after):
        alone = _INITIAL.match(near.text) if near is not None else None
        if near is not None and alone and _makes_word(alone["letter"], word, lang, glued=False):
            return _Found(first, alone["letter"], near, near.text, alone["quote"] or (
                quote_line.text if quote_line else ""), quote_line)
    glued = _GLUED.match(after.text) if after is not None else None
    if after is not None and glued and _makes_word(glued["letter"], word, lang, glued=True):
        return _Found(first, glued["letter"], after, glued.group(0),
                      quote_line.text if quote_line else "", quote_line)
    at_end = _GLUED_AT_END.search(first.text)
    if at_end and _makes_word(at_end["letter"], word, lang, glued=True):
        return _Found(first, at_end["letter"], first, at_end["letter"],
                      quote_line.text if quote_line else "", quote_line)
    return None


def _large_initial(body: list[Line], i: int, lang: str) -> _Found | None:
    """An initial set large on its line just before a line that opens in lower case."""
    first = body[i]
    if first.geometry is None:
        return None  # (page text: no sizes to tell an initial set large)
    before = body[i - 1] if i else None
    match = _LOWER_WORD.match(first.text)
    if before is None or match is None or before.page != first.page:
        return None
    alone = _INITIAL.match(before.text)
    initial, line = before.geometry, first.geometry
    if (alone is None or alone["quote"] or initial is None or line is None
            or not initial.font_size or not line.font_size
            or initial.font_size < DROP_CAP_SIZE_RATIO * line.font_size
            or not initial.top - line.font_size <= line.top <= initial.bottom
            or not _makes_word(alone["letter"], match["word"], lang, glued=False)):
        return None
    return _Found(first, alone["letter"], before, before.text, large=True)


def _quote_apart(body: list[Line], i: int) -> Line | None:
    """The opening quotation mark set alone on the line before ``body[i]``, beside its word.

    >>> mark = Line("“", 1, 2, Geometry(52, 58, 480, 494, 14.0))
    >>> first = Line("Nobody keeps", 1, 3, Geometry(60, 250, 492, 502, 10.0))
    >>> _quote_apart([mark, first], 1) is mark
    True
    >>> _quote_apart([mark, replace(first, geometry=Geometry(60, 250, 530, 540, 10.0))], 1)
    """
    first, before = body[i], body[i - 1] if i else None
    if before is None or first.geometry is None or before.page != first.page or (
            not _QUOTE_ALONE.match(before.text)):
        return None
    mark, line = before.geometry, first.geometry
    if mark is None or line is None or not line.font_size or not _OPENS_WORD.match(first.text):
        return None
    reach = QUOTE_APART_REACH * line.font_size
    if mark.x1 > line.x0 + reach or not line.top - reach <= mark.top <= line.bottom:
        return None
    return before


def _join_quote(mark: Line, first: Line, changes: Changes, edits: list[Edit]) -> None:
    quote = mark.text
    edits.append(Edit(STAGE, "join_drop_cap", mark.page, mark.number, quote, "",
                      "opening quotation mark set apart"))
    changes.replace(mark, text="")
    changes.set(mark, MOVED, "opening quotation mark moved to its word", role="marker")
    edits.append(Edit(STAGE, "join_drop_cap", first.page, first.number, "", quote,
                      f"{quote!r} set apart beside {first.text.split()[0]!r}"))
    changes.replace(first, text=quote + changes.current(first).text)
    changes.record(first, QUOTE_SET_APART, "drop_cap", before=None, after=quote,
                   evidence=f"{quote!r} alone on its line, ending where the line begins")


def _beside(found: _Found, body: list[Line]) -> list[Line]:
    """The lines set beside an initial that stood alone: from the first line down to the
    initial's foot, on its page."""
    initial = found.taken_from.geometry
    if initial is None or found.taken != found.taken_from.text:
        return []
    return [line for line in body if line.page == found.first.page and line.geometry
            and line.geometry.top >= found.first.geometry.top - 1  # type: ignore[union-attr]
            and line.geometry.top < initial.bottom and line is not found.taken_from]


def _flush(geometry: Geometry, x0: float) -> Geometry:
    return replace(geometry, x0=min(geometry.x0, x0))


def _apply(found: _Found, body: list[Line], changes: Changes, edits: list[Edit]) -> None:
    rule_used = INITIAL_ALONE if found.taken == found.taken_from.text else INITIAL_GLUED
    if found.taken_from is found.first:
        rule_used = INITIAL_AT_LINE_END
    if found.large:
        rule_used = INITIAL_SET_LARGE
    prefix = found.quote + found.letter
    evidence = f"{found.letter!r} + {found.first.text.split()[0]!r} make a word"
    beside = _beside(found, body)
    initial = found.taken_from.geometry
    if found.quote_line is not None:
        edits.append(Edit(STAGE, "join_drop_cap", found.quote_line.page, found.quote_line.number,
                          found.quote_line.text, "", "opening quotation mark of a drop cap"))
        changes.replace(found.quote_line, text="")
        changes.set(found.quote_line, MOVED, "opening quotation mark of a drop cap",
                    role="marker")
    taken = found.taken_from
    if taken is found.first:  # at the end of the first line
        text = changes.current(taken).text
        edits.append(Edit(STAGE, "join_drop_cap", taken.page, taken.number, found.taken, "",
                          f"drop cap {found.letter!r}: {evidence}", len(text) - 1))
        changes.replace(taken, text=text[:-1])
        changes.set(taken, INITIAL_AT_LINE_END, "the extractor dropped the line-end hyphen "
                    "before the initial: the word runs on", glue_next=True)
    else:
        edits.append(Edit(STAGE, "join_drop_cap", taken.page, taken.number, found.taken, "",
                          f"drop cap {found.letter!r}: {evidence}"))
        changes.replace(taken, text=changes.current(taken).text[len(found.taken):])
    if found.taken == taken.text:
        changes.set(taken, MOVED, f"drop cap {found.letter!r} moved to its word", role="marker")
    edits.append(Edit(STAGE, "join_drop_cap", found.first.page, found.first.number, "", prefix,
                      f"drop cap {found.letter!r} joined: {evidence}"))
    changes.replace(found.first, text=prefix + changes.current(found.first).text)
    changes.record(found.first, rule_used, "drop_cap", before=None, after=found.letter,
                   evidence=evidence)
    for line in beside:
        geometry = changes.current(line).geometry
        if initial is not None and geometry is not None:
            changes.replace(line, geometry=_flush(geometry, initial.x0))


def _try_quote(body: list[Line], i: int, used: set[tuple[int, int]], changes: Changes,
               edits: list[Edit]) -> None:
    mark = _quote_apart(body, i)
    if mark is None:
        return
    keys = {(mark.page, mark.number), (body[i].page, body[i].number)}
    if not keys & used:
        used |= keys
        _join_quote(mark, body[i], changes, edits)


def _candidates(body: list[Line]) -> list[int]:
    """The indices of the lines a drop cap or a quotation mark set apart may open: a line
    that opens with a word in capitals (``_CAPITALS_WORD``), or one after a line of at most three
    characters (an initial or a mark alone, ``_INITIAL`` and ``_QUOTE_ALONE``, a line break
    after it at most); ``_find`` and ``_quote_apart`` find nothing at the others (a cheap
    test first)."""
    return [i for i, line in enumerate(body)
            if (i and len(body[i - 1].text) <= 3)
            or (line.text[:1].isupper() and _CAPITALS_WORD.match(line.text))]


@stage(STAGE, JoinDropCapsConfig, requires=("line.role", "meta.lang"), assigns=("line.text",))
def join_drop_caps(doc: Document, config: JoinDropCapsConfig | None) -> Document:
    """Join drop caps to their words; see the module docstring."""
    lang = doc.meta.lang or "en"
    body = [line for line in doc.lines() if line.role == "body" and line.text]
    changes = Changes()
    edits: list[Edit] = []
    used: set[tuple[int, int]] = set()
    for i in _candidates(body):
        found = _find(body, i, lang)
        if found is None:
            _try_quote(body, i, used, changes, edits)
            continue
        keys = {(line.page, line.number) for line in (found.first, found.taken_from,
                                                         found.quote_line) if line is not None}
        if keys & used:
            continue
        used |= keys
        _apply(found, body, changes, edits)
    if not edits:
        return doc
    return changes.apply(doc).with_edits(edits)
