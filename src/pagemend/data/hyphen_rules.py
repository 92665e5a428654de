"""Orthographic rules that fix a line-end hyphen whatever the document says, per language.

Each table states a fact of the language's spelling, not a word of any book:

- number words: English writes compound numbers from 21 to 99 with a hyphen
  (``twenty-four``, ``forty-second``); French writes them with hyphens too (``soixante-
  quinze``, ``vingt-huit``; the 1990 reform hyphenates all compound numerals);
- the French euphonic ``t`` of an inverted verb and pronoun (``arriva-t-il``, ``a-t-on``).
"""

from __future__ import annotations

__all__ = ["NUMBER_TENS", "NUMBER_UNITS", "PRONOUNS_AFTER_EUPHONIC_T"]

#: language -> first parts of compound numbers
NUMBER_TENS: dict[str, frozenset[str]] = {
    "en": frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                     "ninety"}),
    "fr": frozenset({"vingt", "trente", "quarante", "cinquante", "soixante", "quatre-vingt",
                     "dix", "cent", "mille"}),
}

#: language -> second parts of compound numbers (cardinals and ordinals)
NUMBER_UNITS: dict[str, frozenset[str]] = {
    "en": frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                     "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                     "eighth", "ninth"}),
    "fr": frozenset({"un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit",
                     "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize",
                     "unième", "deuxième", "troisième", "quatrième", "cinquième", "sixième",
                     "septième", "huitième", "neuvième", "dixième", "onzième", "douzième",
                     "treizième", "quatorzième", "quinzième", "seizième", "vingt", "vingts"}),
}

#: French: the pronouns that follow the euphonic ``-t-`` of an inverted verb
PRONOUNS_AFTER_EUPHONIC_T: frozenset[str] = frozenset({"il", "elle", "on", "ils", "elles"})
