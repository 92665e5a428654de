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
_FOLIO_FIRST = re.compile(
    rf"^(?P<folio>{_NUMBER})(?P<sep>\s*{_SEP_CLASS}+\s*|\s+)(?P<title>(?:\d{{1,3}}\.\s+)?[^\W\d_].*)$"
)
_FOLIO_LAST = re.compile(
    rf"^(?P<title>.*[^\W\d_].*?)(?P<sep>\s*{_SEP_CLASS}+\s*|\s+)(?P<folio>{_NUMBER})$"
)
_NUMBER_START = re.compile(r"[\divxlcdmIVXLCDM]")
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
    words = text.split()
    if len(words) < 2:
        return None
    patterns = [p for p, word in ((_FOLIO_FIRST, words[0]), (_FOLIO_LAST, words[-1]))
                if _NUMBER_START.match(word[-1:] if p is _FOLIO_LAST else word[:1])]
    for pattern in patterns:  # the cheap test above spares the regex most body lines
        match = pattern.match(text)
        if match:
            folio = _folio(match.group("folio"))
            if folio is not None:
                return folio, match.group("sep"), match.group("title").strip()
    return None


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
