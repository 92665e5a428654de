"""Orthographic rules that fix a line-end hyphen whatever the document says, per language.

Each table states a fact of the language's spelling, not a word of any book:

- number words: English writes compound numbers from 21 to 99 with a hyphen
  (``twenty-four``, ``forty-second``); French writes them with hyphens too (``soixante-
  quinze``, ``vingt-huit``; the 1990 reform hyphenates all compound numerals);
- the French euphonic ``t`` of an inverted verb and pronoun (``arriva-t-il``, ``a-t-on``);
- which languages write compounds closed, which prefixes are always hyphenated, which
  conjunctions follow a suspended hyphen, and French enclitics;
- the inflection endings a language adds to a noun or adjective, so that a form the word
  lists lack (older German's dative ``Handbuche``) is found by its stem.
"""

from __future__ import annotations

__all__ = [
    "CLOSED_COMPOUNDS",
    "COMPOUND_PREFIXES",
    "FRENCH_ENCLITICS",
    "INFLECTIONS",
    "NUMBER_TENS",
    "NUMBER_UNITS",
    "PRONOUNS_AFTER_EUPHONIC_T",
    "SUSPENDED_BEFORE",
]

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

#: Languages that write compounds closed (``Krankenkasse``, ``Noordzeekanaal``): that both
#: halves are words says nothing there, the compound is joined all the same.
#: language -> inflection endings of nouns and adjectives, longest first (German: ``-es``,
#: ``-en``, ``-em``, ``-er``, ``-e``, ``-n``, ``-s``; the dative ``-e`` is rare today but
#: common in older printings)
INFLECTIONS: dict[str, tuple[str, ...]] = {
    "de": ("es", "en", "em", "er", "e", "n", "s"),
}

CLOSED_COMPOUNDS: frozenset[str] = frozenset({"de", "nl", "sv", "da", "nb", "fi", "is"})

#: language -> first parts hyphenated before a word (``self-``, ``ex-``; French ``demi-``,
#: ``vice-``). They also begin closed words (``selfish``, ``expression``, ``ministre``), so
#: their vote is weaker than the lexicon's knowledge of a closed word.
COMPOUND_PREFIXES: dict[str, frozenset[str]] = {
    "en": frozenset({"self", "ex", "quasi", "vice", "half", "ill", "all", "great"}),
    "fr": frozenset({"demi", "semi", "vice", "ex", "mi", "grand", "arrière", "avant", "après",
                     "non", "peut", "sous"}),
    "de": frozenset(),
    "nl": frozenset({"ex", "oud", "vice"}),
}

#: language -> conjunctions after a suspended hyphen (``Oliven- und Borretschöl``,
#: ``vracht- en personenvervoer``, ``pre- and post-war``): the hyphen stays.
SUSPENDED_BEFORE: dict[str, frozenset[str]] = {
    "en": frozenset({"and"}),
    "de": frozenset({"und", "oder", "bis", "sowie"}),
    "fr": frozenset({"et", "ou"}),
    "nl": frozenset({"en", "of", "tot"}),
}

#: French: pronouns and particles joined to a verb or word by a hyphen (``dit-il``,
#: ``celui-ci``, ``donne-moi``).
FRENCH_ENCLITICS: frozenset[str] = frozenset({
    "je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "moi", "toi", "lui",
    "leur", "le", "la", "les", "y", "en", "ci", "là", "même", "mêmes",
})
