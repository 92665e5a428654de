"""Folios (printed page numbers) and the glyphs that separate them from running heads.

    >>> parse_folio("— 12 —"), parse_folio("12 soldiers")
    (Folio(text='12', value=12, style='arabic'), None)
    >>> parse_folio("[xii]")
    Folio(text='xii', value=12, style='roman-lower')
    >>> format_folio(14, "roman-upper")
    'XIV'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = ["SEPARATORS", "Folio", "format_folio", "parse_folio", "roman_value", "split_head"]

#: Glyphs that books set between a folio and a running head, or around a folio
#: (`142 { China's Quest`, `12 | Title`, `TITLE · 13`, `— 3 —`, `[12]`).
SEPARATORS = "|¦‖·•∙⋅{}[]()<>‹›«»—–-:/\\~*◆◇♦❧✦§"
_SEP_CLASS = "[" + re.escape(SEPARATORS) + "]"
_ROMAN = r"(?:[ivxlcdm]{1,9}|[IVXLCDM]{1,9})"
_NUMBER = rf"(?:\d{{1,4}}|{_ROMAN})"
_BARE = re.compile(rf"^(?:{_SEP_CLASS}\s*)*(?P<folio>{_NUMBER})(?:\s*{_SEP_CLASS})*$")
#: a title opens with a letter, or with its section's number (`8 4. The Russian Farmers`)
_TITLE_FIRST = re.compile(r"(?:\d{1,3}\.\s+)?[^\W\d_]")
_FOLIO = re.compile(rf"{_NUMBER}")
_NUMBER_CHARS = frozenset("0123456789ivxlcdmIVXLCDM")
_SEPARATOR_CHARS = frozenset(SEPARATORS)
_STRICT_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


@dataclass(frozen=True, slots=True)
class Folio:
    """A printed page number: as printed, its value, and its numbering style."""

    text: str
    value: int
    style: str  # "arabic", "roman-lower" or "roman-upper"


def roman_value(text: str) -> int | None:
    """The value of a well-formed roman numeral in one case, else None.

    >>> roman_value("xiv"), roman_value("IIII"), roman_value("Xi")
    (14, None, None)
    """
    if not text or not (text.islower() or text.isupper()):
        return None
    upper = text.upper()
    if not _STRICT_ROMAN.match(upper):
        return None
    value, i = 0, 0
    for number, symbol in _ROMAN_VALUES:
        while upper.startswith(symbol, i):
            value += number
            i += len(symbol)
    return value or None


def _folio(text: str) -> Folio | None:
    if text.isdigit():
        return Folio(text, int(text), "arabic") if int(text) > 0 else None
    value = roman_value(text)
    if value is None:
        return None
    return Folio(text, value, "roman-lower" if text.islower() else "roman-upper")


@functools.lru_cache(maxsize=4096)  # asked again of the same edge lines by several passes
def parse_folio(line: str) -> Folio | None:
    """The folio of a line that holds nothing else (ornaments allowed), or None."""
    match = _BARE.match(line.strip())
    return _folio(match.group("folio")) if match else None


@functools.lru_cache(maxsize=4096)
def split_head(line: str) -> tuple[Folio, str, str] | None:
    """A running head with its folio on one line: (folio, separator, title), or None.

    >>> split_head("142 { China’s Quest")
    (Folio(text='142', value=142, style='arabic'), ' { ', 'China’s Quest')
    >>> split_head("CHAPTER I · 3")[0].text, split_head("THE TITLE 23")[2]
    ('3', 'THE TITLE')
    >>> split_head("8 4. The Farmers")[2], split_head("1950 12 soldiers")
    ('4. The Farmers', None)
    """
    text = line.strip()
    if len(text.split(maxsplit=1)) < 2:
        return None
    for found in (_folio_first(text), _folio_last(text)):
        if found is not None:
            folio = _folio(found[0])
            if folio is not None:
                return folio, found[1], found[2].strip()
    return None


def _separator_end(text: str, end: int) -> int:
    """Where a separator ending at ``end`` starts, scanning left: white space, a run of
    separator marks, white space (or white space alone); ``end`` itself when there is none.
    One pass over the characters: no regular expression backtracks over a run of spaces."""
    i = end
    while i > 0 and text[i - 1].isspace():
        i -= 1
    marks = i
    while marks > 0 and text[marks - 1] in _SEPARATOR_CHARS:
        marks -= 1
    if marks < i:
        while marks > 0 and text[marks - 1].isspace():
            marks -= 1
        return marks
    return i


def _separator_start(text: str, start: int) -> int:
    """Where a separator starting at ``start`` ends, scanning right (see above)."""
    i = start
    while i < len(text) and text[i].isspace():
        i += 1
    marks = i
    while marks < len(text) and text[marks] in _SEPARATOR_CHARS:
        marks += 1
    if marks > i:
        while marks < len(text) and text[marks].isspace():
            marks += 1
        return marks
    return i


def _folio_last(text: str) -> tuple[str, str, str] | None:
    """(folio, separator, title) of a head whose folio ends it (`THE TITLE · 23`)."""
    start = len(text)
    while start > 0 and len(text) - start < 10 and text[start - 1] in _NUMBER_CHARS:
        start -= 1
    if start == len(text) or not _FOLIO.fullmatch(text, start):
        return None
    title_end = _separator_end(text, start)
    title = text[:title_end]
    if title_end == start or not any(ch.isalpha() for ch in title):
        return None
    return text[start:], text[title_end:start], title


def _folio_first(text: str) -> tuple[str, str, str] | None:
    """(folio, separator, title) of a head that opens with its folio (`142 { China's Quest`)."""
    end = 0
    while end < len(text) and end < 10 and text[end] in _NUMBER_CHARS:
        end += 1
    if not end or not _FOLIO.fullmatch(text, 0, end):
        return None
    title_start = _separator_start(text, end)
    if title_start == end or not _TITLE_FIRST.match(text, title_start):
        return None
    return text[:end], text[end:title_start], text[title_start:]


def format_folio(value: int, style: str) -> str:
    """A page number written in a style (for labels implied by the sequence)."""
    if style == "arabic" or value <= 0:
        return str(value)
    out = []
    for number, symbol in _ROMAN_VALUES:
        while value >= number:
            out.append(symbol)
            value -= number
    roman = "".join(out)
    return roman.lower() if style == "roman-lower" else roman
