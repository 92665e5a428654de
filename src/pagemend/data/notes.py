"""Note labels and markers: how books print the number or symbol that ties a note to the text.

    >>> note_label("2. Law is the order"), note_label("8Compare Philippians")
    (('2', 3), ('8', 1))
    >>> note_label("* A note")
    ('*', 2)
    >>> note_label("1950 was a year"), note_label("12 boats went out")
    (None, None)

Older printings close their labels with a bracket: ``(a)``, ``a)``, ``*)``, ``**)``, ``†)``
(the label keeps its brackets, as its callout in the text prints them), and ``1)`` (a number):

    >>> note_label("(a) l. 2. Epist."), note_label("*) Das Ganze"), note_label("22) L. 1.")
    (('(a)', 4), ('*)', 3), ('22', 4))
    >>> note_label("b) Gerechtigkeit"), note_label("†) Ibid.")
    (('b)', 3), ('†)', 3))

A section sign before a number is a section, not a note's symbol:

    >>> note_label("§. 45. und 46."), note_label("§ 2. D. de contr."), note_label("§ Ibid.")
    (None, None, ('§', 2))
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

__all__ = [
    "APART_SYMBOLS", "ENDNOTES_HEADING", "NOTE_SYMBOLS", "ORDINAL_ENDINGS", "first_marker",
    "has_marker", "marker_pattern", "note_label",
]

#: the endings of ordinal numbers written in figures (`1st`, `2nd`, `3rd`, `4th`; French `1er`,
#: `1re`, `2e`, `2ème`; German `1te`): a number glued to one is no note marker
ORDINAL_ENDINGS = r"(?:st|nd|rd|th|er|re|e|ème|eme|te|ten)\b"

#: The heading of an endnote section (`NOTES`, `Notes to Chapter III`, `Anmerkungen`).
ENDNOTES_HEADING = re.compile(
    r"^(?:notes|endnotes|notes\s+to\s+.{1,60}|notes\s+(?:du|de\s+la|des)\s+.{1,60}|"
    r"anmerkungen(?:\s+zu\s+.{1,60})?|noten|aantekeningen|aanteekeningen|remarques)\.?$",
    re.IGNORECASE,
)

#: Reference symbols, in the order books use them when notes are not numbered.
NOTE_SYMBOLS = "*∗†‡§‖¶❋✱✳"
#: Ornamental reference marks, which some books set apart from their word by a space
#: (`authorities ❋,`, shandy-lualatex); prose has no other use for them. An asterisk or a
#: dagger apart is no marker (`* * *`, a dagger before a name).
APART_SYMBOLS = "❋✱✳"
#: The superscript digits 0 to 9, as a raised marker may be encoded in text.
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
#: OCR's misreadings of a raised note numeral glued to a word (issue 18; chesterfield and
#: franklin, Tesseract's plain text): after closing punctuation, `!`, `?`, `*`, `°`, `®`
#: (`sunk.!`), or a quote glued to the next word (`situation,'time`: a closing quote before a
#: space is a quote, as hume's `inferior.’` in pdfium's text); right after a letter, `*`,
#: `°`, `®`, or `!` and `?` before a lower-case word (`Pythagoras? in`); one or two
#: (`virtues.!°`); `*`, `°`, `®` also before the word's comma, semicolon or colon
#: (`spittle®,`: hume, marcus). Only ever counted against notes that found no marker.
MISREAD_NUMERAL = re.compile(
    r"(?<=[^\W\d_])(?:[.,;:](?=[!?*°®])|(?=[*°®])|(?=[!?]\s[a-zà-ÿ]))"
    r"([!?*°®]{1,2})(?=\s|$|[^\W\d_]|(?<=[*°®])[,;:])"
    r"|(?<=[^\W\d_][.,;:])(['’”])(?=[^\W\d_])"
)
#: Longest numeric label taken for a note (notes numbered through a book stay under 1000).
MAX_LABEL_DIGITS = 3

#: Longest run of letters in a bracketed letter label (`(a)` ... `(z)`, then `(aa)`).
MAX_LABEL_LETTERS = 2

_LABEL = re.compile(
    rf"^(?:(?P<closed>\([a-z]{{1,{MAX_LABEL_LETTERS}}}\)|[a-z]{{1,{MAX_LABEL_LETTERS}}}\)"
    rf"|[{re.escape(NOTE_SYMBOLS)}]{{1,3}}\))\s*"
    rf"|\[(?P<bracket>\d{{1,{MAX_LABEL_DIGITS}}})\]\s*"
    rf"|(?P<number>\d{{1,{MAX_LABEL_DIGITS}}})(?:[.)]\s+|\s+(?=[A-ZÀ-Þ\W])"
    rf"|(?=[\"“‘'«]?[A-ZÀ-Þ]))"
    # a section sign before a number is a section (`§. 45.`, `§ 2. D. de contr.`), no label
    rf"|(?P<symbol>(?!§\.?\s*\d)[{re.escape(NOTE_SYMBOLS)}]+)(?![.,;:])\s*)"
)


#: the characters a label may open with, but ``[a-z]`` and the digits (``_LABEL``'s first
#: characters: a bracket, a reference symbol)
_LABEL_OPENERS = frozenset("([" + NOTE_SYMBOLS)


def note_label(text: str) -> tuple[str, int] | None:
    """(label, length of the label with its separator) when a line opens with a note label.

    A number followed by a space must be followed by a capital or punctuation, so that
    prose opening with a number (``12 boats``) is not taken for a note.
    """
    first = text[:1]
    if not (first.isdecimal() or first in _LABEL_OPENERS
            or ("a" <= first <= "z" and ")" in text[1:3])):
        return None  # (most lines: no label can open so; ``\d`` is what isdecimal accepts)
    match = _LABEL.match(text)
    if not match:
        return None
    label = (match.group("closed") or match.group("bracket") or match.group("number")
             or match.group("symbol"))
    return label, match.end()


@functools.lru_cache(maxsize=1024)
def _not_in_section_number(escaped: str) -> str:
    """Look-backs (from after ``escaped``) that refuse it as the last part of a section
    number: after two numbers of one or two digits each followed by a dot (``1.4.2``), or
    after one such number opening a line (``1.1 Choosing``). A decimal in running text
    (``57.8 degs.``) is left to the other tests."""
    small = (r"\d", r"\d\d")
    two_dots = [rf"(?<!{a}\.{b}\.{escaped})" for a in small for b in small]
    opening = [rf"(?<!{start}{a}\.{escaped})" for start in ("^", "\n") for a in small]
    return "".join(two_dots + opening)


@functools.lru_cache(maxsize=1024)
def marker_pattern(label: str) -> re.Pattern[str]:
    """Where a label stands in body text as a note marker: glued to the end of a word or its
    punctuation (``Law.2``, ``too."5``), raised (``^68``, ``went.¹``), in brackets (``[3]``),
    alone on a line or at the start of the next (a superscript extraction split off:
    ``substance,`` / ``20 though``), or as a symbol (``*``).

    >>> bool(marker_pattern("2").search("property of Law.2 Thus")), bool(
    ...     marker_pattern("2").search("in 1812 and 2 more"))
    (True, False)

    Digits that end a section number are no marker (``1.4.2``, ``1.1 Choosing`` opening a
    line), nor those inside a dotted number (``version 3.4.0``); after a year they may be one:

    >>> [bool(marker_pattern("2").search(text)) for text in (
    ...     "see 1.4.2 below", "1.2 Glue", "version 3.2.0", "the summer of 1850.2 By")]
    [False, False, False, True]
    """
    escaped = re.escape(label)
    raised = label.translate(_TO_SUPERSCRIPT)
    if label.isdigit():
        # the label first, then a look back at the character before it (a letter, closing
        # punctuation, or the caret of a raised marker): a pattern that opens with a look
        # back runs several times slower over a page
        return re.compile(
            rf"{escaped}(?!\d|\.\d)(?<=(?:[^\W\d_]|[.,;:!?'\"’”“»›)\]]|\^){escaped})"
            rf"{_not_in_section_number(escaped)}"
            rf"|\[{escaped}\]"
            # after a word's punctuation and a space, glued to the next word (`situation, 1time`)
            rf"|{escaped}(?=[^\W\d_]{{2}})(?!{ORDINAL_ENDINGS})(?<=[^\W\d_][.,;:!?] {escaped})"
            rf"|(?m:^{escaped}$)"  # a superscript that extraction set on a line of its own
            # or at the start of the next line, before the lower-case word that goes on
            rf"|{escaped}(?= [a-zà-ÿ])(?<=[\w,;:.!?'\"’”)\]]\n{escaped})"
            # in superscript digits after a word or its punctuation (``went.¹``)
            rf"|{raised}(?![{SUPERSCRIPT_DIGITS}])(?<=[^\s{SUPERSCRIPT_DIGITS}]{raised})"
        )
    if set(label) <= set(APART_SYMBOLS):
        return re.compile(rf"(?<=\S){escaped}|(?<=\S ){escaped}(?=[\s.,;:!?)]|$)")
    if label.endswith(")"):
        # glued to a word or its punctuation (``Horatius(a)``, ``Leben*)``), or opening a
        # line before its word (``(p) sagende``), never after a number (``1739)``)
        return re.compile(rf"(?<=[^\s\d]){escaped}|(?m:^{escaped}(?= ))")
    return re.compile(rf"(?<=\S){escaped}")


def has_marker(label: str, text: str) -> bool:
    """``marker_pattern(label)`` finds a marker in the text (see ``first_marker``).

    >>> has_marker("2", "property of Law.2 Thus"), has_marker("2", "went.²"), has_marker(
    ...     "12", "in 1812 and more"), has_marker("*", "a fact.* And")
    (True, True, False, True)
    """
    return first_marker(label, text) >= 0


def first_marker(label: str, text: str, pos: int = 0, endpos: int | None = None) -> int:
    """Where ``marker_pattern(label).search(text, pos, endpos)`` finds a marker, or -1.

    Every marker the pattern finds holds the label itself or, for a number, its superscript
    digits; a number's marker begins at the label, at the bracket before it or at the
    superscript digits. So a number's pattern is tried (and compiled: a book's notes run into
    the hundreds) only where the label stands, not at every place of a long text.

    >>> first_marker("2", "in 1812 and [2] x"), first_marker("2", "a.² b"), first_marker("3", "")
    (12, 2, -1)
    """
    end = len(text) if endpos is None else endpos
    raised = label.translate(_TO_SUPERSCRIPT)
    if label not in text and not (label.isdigit() and raised in text):
        return -1
    if not label.isdigit():
        found = marker_pattern(label).search(text, pos, end)
        return found.start() if found is not None else -1
    pattern = marker_pattern(label)
    best = next((start for start in _places(text, label, pos, end, 1)
                 if pattern.match(text, start, end)), -1)
    # the superscript digits only before that (a search for them to the end of a long text
    # is slow where they are missing and the text holds wider characters: ``⁴`` is U+2074)
    stop = end if best < 0 else min(end, best + len(raised) - 1)
    return next((start for start in _places(text, raised, pos, stop, 0)
                 if pattern.match(text, start, end)), best)


def _places(text: str, needle: str, pos: int, end: int, before: int) -> Iterator[int]:
    """Where the needle stands in ``text[pos:end]`` (and ``before`` characters earlier, within
    it), in order."""
    found = text.find(needle, pos, end)
    while found >= 0:
        if before and found - before >= pos:
            yield found - before
        yield found
        found = text.find(needle, found + 1, end)
