"""Words and numerals that books use to number their divisions, per language.

    >>> bool(DIVISION.match("CHAPTER XXVI.")), bool(DIVISION.match("Stave One.")), \
bool(DIVISION.match("Chapter 12 of the book"))
    (True, True, False)
    >>> DIVISION.match("CHAPTER XI — STRAIT OF MAGELLAN.—").group("title")
    'STRAIT OF MAGELLAN.—'
    >>> ORDINAL_DIVISION.match("ERSTES KAPITEL").group("keyword"), bool(NUMBERED_PIECE.match("4."))
    ('KAPITEL', True)
"""

from __future__ import annotations

import re

__all__ = ["BARE_NUMERAL", "DIVISION", "DIVISION_WORDS", "NUMBERED_PIECE", "NUMBER_WORDS",
           "ORDINAL_DIVISION", "ORDINAL_STEMS"]

#: Words that open a numbered division heading (English, French, German, Dutch, Latin).
DIVISION_WORDS: tuple[str, ...] = (
    "chapter", "book", "part", "section", "stave", "canto", "letter", "volume", "act", "scene",
    "chapitre", "livre", "partie", "tome", "lettre",
    "kapitel", "buch", "teil", "abschnitt", "brief",
    "hoofdstuk", "boek", "deel", "afdeeling", "afdeling",
    "liber", "caput",
)

#: Spelled-out numbers used as division numbers (``STAVE ONE``, ``BOOK THE FIRST``).
NUMBER_WORDS: tuple[str, ...] = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
    "eighth", "ninth", "tenth", "last", "premier", "première", "deuxième", "troisième",
    "erstes", "zweites", "drittes", "eerste", "tweede", "derde",
)

_ROMAN = r"[IVXLCDM]+|[ivxlcdm]+"
_NUMERAL = rf"(?:{_ROMAN}|\d{{1,3}}|(?:the\s+)?(?:{'|'.join(NUMBER_WORDS)}))"
_KEYWORD = "|".join(DIVISION_WORDS)

#: A division heading: keyword, numeral, and optionally a title after a separator.
DIVISION = re.compile(
    rf"^(?P<keyword>{_KEYWORD})\s+(?P<numeral>{_NUMERAL})\.?"
    rf"(?:\s*[—–:.-]+\s*(?P<title>\S.*))?$",
    re.IGNORECASE,
)
#: A numeral alone on its line (``VIII``, ``I.``, ``§ 12``).
BARE_NUMERAL = re.compile(r"^(?:[IVXLCDM]+|§\s*\d{1,3})\.?$")
#: An arabic number with its full stop alone on its line: a piece of a collection (``4.``).
NUMBERED_PIECE = re.compile(r"^\d{1,3}\.$")

#: Stems of the ordinals that come before the division word in German and Dutch (``Erstes
#: Kapitel``, ``Zweiter Teil``, ``Eerste Hoofdstuk``); an inflection ending follows.
ORDINAL_STEMS: tuple[str, ...] = (
    "erst", "zweit", "dritt", "viert", "fünft", "sechst", "siebent", "siebt", "acht", "neunt",
    "zehnt", "letzt", "eerst", "tweed", "derd", "vierd", "vijfd", "zesd", "zevend", "laatst",
)
#: A division named by an ordinal before its word (``Erster Teil``, ``ERSTES KAPITEL``).
ORDINAL_DIVISION = re.compile(
    rf"^(?P<numeral>(?:{'|'.join(ORDINAL_STEMS)})(?:e|er|es|en|em)?)\s+(?P<keyword>{_KEYWORD})"
    r"\.?$",
    re.IGNORECASE,
)
