"""Words and numerals that books use to number their divisions, per language.

    >>> bool(DIVISION.match("CHAPTER XXVI.")), bool(DIVISION.match("Stave One.")), \
bool(DIVISION.match("Chapter 12 of the book"))
    (True, True, False)
    >>> DIVISION.match("CHAPTER XI — STRAIT OF MAGELLAN.—").group("title")
    'STRAIT OF MAGELLAN.—'
    >>> ORDINAL_DIVISION.match("ERSTES KAPITEL").group("keyword"), bool(NUMBERED_PIECE.match("4."))
    ('KAPITEL', True)
    >>> [bool(ORDINAL_DIVISION.match(text)) for text in ("Zwei und dreißigster Brief.",
    ...     "Das ander Buch.", "Das II. Capitel.", "Zweyter Abschnitt.", "Das Buch der Lieder")]
    [True, True, True, True, False]
    >>> LATIN_LABEL.match("Lib. I. Tit. II.").group("keyword"), bool(LATIN_LABEL.match("Lib. I."))
    ('Lib', True)
    >>> bool(LATIN_LABEL.match("Lib. I. cap. 7. Io. Ge.")), bool(LETTER_LABEL.match("A."))
    (False, True)
    >>> [bool(BARE_NUMERAL.match(text)) for text in ("§. 15.", "§. 45. und 46.", "§ 12", "§. a.")]
    [True, True, True, False]
"""

from __future__ import annotations

import re

__all__ = ["BARE_NUMERAL", "DIVISION", "DIVISION_ARTICLES", "DIVISION_RANKS", "DIVISION_WORDS",
           "LATIN_LABEL", "LETTER_LABEL", "NUMBERED_PIECE",
           "NUMBER_WORDS", "ORDINAL_DIVISION", "ORDINAL_STEMS", "ORDINAL_TENS", "ORDINAL_UNITS"]

#: Words that open a numbered division heading (English, French, German, Dutch, Latin).
DIVISION_WORDS: tuple[str, ...] = (
    "chapter", "book", "part", "section", "stave", "canto", "letter", "volume", "act", "scene",
    "chapitre", "livre", "partie", "tome", "lettre",
    "kapitel", "buch", "teil", "abschnitt", "brief",
    # German spellings of the 17th to 19th centuries (the printings: Neitzschitz, Abel,
    # Gottsched, Kant, Glück)
    "capitel", "capitul", "theil", "hauptstück", "abtheilung", "stück",
    "hoofdstuk", "boek", "deel", "afdeeling", "afdeling",
    "liber", "caput",
)

#: German and Latin division words from the largest division to the smallest: a part (a
#: volume) holds books, a book sections, a section chapters, a chapter numbered paragraphs
#: (``§``); Neitzschitz: `Der Erste Theil` over `Das Erste Buch` over `Das II. Capitel.`,
#: Strauß: `Zweites Kapitel.` over `§. 16.`. Words of one rank are spellings of one division.
#: English is left out: its words keep no one order (a `Part` holds `Sections` in one book,
#: a `Section` holds `Parts` in another).
DIVISION_RANKS: tuple[tuple[str, ...], ...] = (
    ("theil", "teil"),
    ("buch", "liber", "lib"),
    ("abschnitt",),
    ("kapitel", "capitel", "capitul", "caput", "cap"),
    ("§",),
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
#: A numeral alone on its line (``VIII``, ``I.``, ``§ 12``, ``§. 15.``, ``§. 45. und 46.``: older
#: printings set a full stop after the section sign, and one head may number two sections).
BARE_NUMERAL = re.compile(
    r"^(?:[IVXLCDM]+|§\.?\s*\d{1,3}(?:\.?\s*(?:und|and|et|u\.|&|,|—|–|-)\s*\d{1,3})?)\.?$")
#: A label of abbreviated Latin division words, each with its numeral, alone on its line, as
#: law and school books of the 17th and 18th centuries number their titles (``Lib. I. Tit.
#: II.``, ``Cap. III.``, ``Lib. II. Cap. 4.``); the first word names the division.
LATIN_LABEL = re.compile(
    r"^(?P<keyword>Lib|Tit|Cap|Sect|Part)\.\s*(?:[IVXLCDM]+|\d{1,3})\."
    r"(?:\s*(?:Lib|Tit|Cap|Sect|Part)\.\s*(?:[IVXLCDM]+|\d{1,3})\.){0,2}$")
#: A capital letter with its full stop alone on its line: a lettered subdivision (``A.``,
#: ``B.``), a label when a title follows it.
LETTER_LABEL = re.compile(r"^[A-ZÄÖÜ]\.$")
#: An arabic number with its full stop alone on its line: a piece of a collection (``4.``).
NUMBERED_PIECE = re.compile(r"^\d{1,3}\.$")

#: Stems of the ordinals that come before the division word in German and Dutch (``Erstes
#: Kapitel``, ``Zweiter Teil``, ``Eerste Hoofdstuk``); an inflection ending follows. Older
#: German spells `zweyt` and counts `der ander` for the second (``Das ander Buch.``).
ORDINAL_STEMS: tuple[str, ...] = (
    "erst", "zweit", "zweyt", "ander", "dritt", "viert", "fünft", "sechst", "siebent", "siebt",
    "acht", "neunt", "zehnt", "elft", "zwölft", "dreizehnt", "dreyzehnt", "vierzehnt",
    "fünfzehnt", "sechzehnt", "siebzehnt", "achtzehnt", "neunzehnt", "letzt",
    "eerst", "tweed", "derd", "vierd", "vijfd", "zesd", "zevend", "laatst",
)
#: German units and tens that compose the ordinals from twenty on (``Zwei und dreißigster
#: Brief``, ``Ein und zwanzigstes Capitel``), in modern and older spellings.
ORDINAL_UNITS: tuple[str, ...] = (
    "ein", "zwei", "zwey", "drei", "drey", "vier", "fünf", "sechs", "sieben", "acht", "neun",
)
ORDINAL_TENS: tuple[str, ...] = (
    "zwanzig", "dreißig", "dreissig", "dreyßig", "dreyssig", "vierzig", "fünfzig", "sechzig",
    "siebzig", "achtzig", "neunzig",
)
#: Articles that may stand before an ordinal or a numeral and the division word (``Das Erste
#: Buch``, ``Der Erste Theil``, ``Das II. Capitel.``).
DIVISION_ARTICLES: tuple[str, ...] = ("das", "der", "die", "des", "den", "het", "de")
_COMPOUND_ORDINAL = (rf"(?:(?:{'|'.join(ORDINAL_UNITS)})\s*und\s*)?"
                     rf"(?:{'|'.join(ORDINAL_TENS)})st")
_ORDINAL = rf"(?:{'|'.join(ORDINAL_STEMS)}|{_COMPOUND_ORDINAL})(?:e|er|es|en|em)?"
#: A division named by an ordinal (or a numeral with its stop) before its word (``Erster
#: Teil``, ``ERSTES KAPITEL``, ``Das ander Buch.``, ``Das II. Capitel.``, ``1. Abschnitt.``).
ORDINAL_DIVISION = re.compile(
    rf"^(?:(?:{'|'.join(DIVISION_ARTICLES)})\s+)?"
    rf"(?P<numeral>{_ORDINAL}|(?:{_ROMAN}|\d{{1,3}})\.)\s+(?P<keyword>{_KEYWORD})\.?$",
    re.IGNORECASE,
)
