"""The evidence sources, each a function ``(site, context) -> Vote | None``.

    >>> context = Context(word_counts={"defend": 2}, compound_prefixes={})
    >>> document_counts(HyphenSite("de", "fend"), context)
    Vote(source='document', decision='join', weight=3.0, detail="'defend' occurs 2x, \
'de-fend' never")
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from pagemend.data.hyphen_rules import (
    CLOSED_COMPOUNDS,
    COMPOUND_PREFIXES,
    FRENCH_ENCLITICS,
    INFLECTIONS,
    NUMBER_TENS,
    NUMBER_UNITS,
    PRONOUNS_AFTER_EUPHONIC_T,
    SUSPENDED_BEFORE,
)
from pagemend.hyphenation.lexicon import has_lexicon, has_patterns, legal_break, zipf
from pagemend.hyphenation.site import HyphenSite, Vote

__all__ = [
    "SOURCES",
    "Context",
    "capitalised_continuation",
    "compound_continues",
    "compound_prefix",
    "digits",
    "document_counts",
    "enclitic",
    "euphonic_t",
    "hyphenation_point",
    "lexicon",
    "number_compound",
    "prefix_rule",
    "suspended_hyphen",
]

#: Weights. A digit beside the hyphen decides alone (``1914-18``); the document's own usage
#: outweighs the lexicon (a book's spelling is its own: ``south-west``), which outweighs a
#: capital, which outweighs a prefix seen once. Calibrated on the development
#: corpus as a set: change one, re-run ``pagemend eval``.
DIGIT_WEIGHT = 3.0
RULE_WEIGHT = 3.0
#: The lexicon: a joined word at least this frequent (zipf) is surely a word, at least
#: ``RARE_WORD`` a rare one; halves at least ``PART_WORD`` frequent are words on their own.
KNOWN_WORD = 3.0
RARE_WORD = 1.0
PART_WORD = 2.5
LEXICON_WEIGHT = 2.0
#: A stem found by stripping an inflection is at least this long (shorter ones are too
#: often other words: ``ende`` less ``e``).
MIN_STEM = 5
#: Patterns: a legal break is a weak sign of a broken word.
PATTERN_JOIN_WEIGHT = 0.5
#: Prefixes the language hyphenates also begin closed words: weaker than even a rare word
#: plus a legal break (``ex-``/``torted``).
PREFIX_RULE_WEIGHT = 1.0
#: A word that goes on with another hyphen is a hyphenated compound: it outweighs a rare
#: joined form (``vijf-``/``en-twintigjarige``), not a common one (``splin-``/``ter-bar``).
CONTINUES_WEIGHT = 1.5
DOCUMENT_WEIGHT = 3.0
DOCUMENT_BOTH_WEIGHT = 1.0
CAPITAL_WEIGHT = 1.5
PREFIX_WEIGHT = 1.0

#: Inflections stripped before counting, so that ``door-nails`` counts for ``door-nail``.
SUFFIXES = ("'s", "’s", "s", "es", "ed", "d", "ing", "ly", "er", "ers")
#: a word's forms when it has no inflection to strip: itself and each inflection added
_ENDINGS = ("", *SUFFIXES)
_NO_COUNTS = (0,) * len(_ENDINGS)
#: the last letters of the inflections (a word ending otherwise has none to strip)
_LAST_LETTERS = tuple(sorted({suffix[-1] for suffix in SUFFIXES}))


@dataclass(frozen=True, slots=True)
class Context:
    """What the whole document says: its word counts and its compound first parts."""

    word_counts: Mapping[str, int]
    #: first parts of hyphenated words -> how often they begin one
    compound_prefixes: Mapping[str, int]
    #: beginnings of unhyphenated words -> how often (only for the first parts above)
    word_starts: Mapping[str, int] = field(default_factory=dict)
    #: the document's language (ISO 639-1), or None when unknown
    lang: str | None = None
    #: ``compound_prefixes`` holds the first part of every hyphenated word in ``word_counts``
    #: (as ``join_hyphenated_words`` builds it): a first half that begins none is never
    #: counted hyphenated, and its hyphenated forms need no looking up
    all_compound_prefixes: bool = False


#: the first parts of compound numbers of every language, and the conjunctions after a
#: suspended hyphen (a word that is none needs no language's look)
_ALL_TENS: frozenset[str] = frozenset().union(*NUMBER_TENS.values())
_CONJUNCTIONS: frozenset[str] = frozenset().union(*SUSPENDED_BEFORE.values())

#: French and Italian elisions before a word (l', d', n', qu', s'...)
_ELIDED = re.compile(r"^(?:[a-z]|qu|jusqu|lorsqu|puisqu)['’]")


def _count(counts: Mapping[str, int], word: str) -> int:
    """How often the document writes the word, its stem without one inflection, or either
    with an inflection added (each form once). Worked out for each site, not kept: a word
    without an inflection (most) has eleven forms, all different.

    >>> _count({"walk": 1, "walked": 2, "walking": 4, "talked": 8}, "walked")
    7
    """
    get = counts.get
    if not word.endswith(_LAST_LETTERS):  # (the cheap test first) no inflection to strip
        return sum(map(get, map(word.__add__, _ENDINGS), _NO_COUNTS))
    stems = [word[: -len(suffix)] for suffix in SUFFIXES
             if word.endswith(suffix) and len(word) - len(suffix) >= 3]
    if not stems:
        return sum(map(get, map(word.__add__, _ENDINGS), _NO_COUNTS))
    stems.append(word)
    forms = {stem + suffix for stem in stems for suffix in SUFFIXES}
    forms.update(stems)
    return sum(map(get, forms, itertools.repeat(0, len(forms))))



def digits(site: HyphenSite, context: Context) -> Vote | None:
    """A digit on either side: a range or a number compound (``1914-``/``18``)."""
    if site.left[-1:].isdigit() or site.right[:1].isdigit():
        return Vote("digits", "keep", DIGIT_WEIGHT, "a digit beside the hyphen")
    return None


def document_counts(site: HyphenSite, context: Context) -> Vote | None:
    """How the document itself writes the word elsewhere: joined or hyphenated."""
    left, right = site.left.casefold(), site.right.casefold()
    if not left or not right:
        return None
    joined_word, hyphenated_word = left + right, f"{left}-{right}"
    joined = _count(context.word_counts, joined_word)
    # every form of `left-right` begins `left-` (no inflection holds a hyphen)
    hyphenated = 0 if context.all_compound_prefixes and "-" not in left and (
        left not in context.compound_prefixes) else _count(context.word_counts, hyphenated_word)
    if joined == hyphenated:
        return None
    decision: Literal["join", "keep"] = "join" if joined > hyphenated else "keep"
    weight = DOCUMENT_WEIGHT if min(joined, hyphenated) == 0 else DOCUMENT_BOTH_WEIGHT
    detail = f"{joined_word!r} occurs {joined}x, {hyphenated_word!r} " + (
        f"{hyphenated}x" if hyphenated else "never"
    )
    if joined < hyphenated:
        detail = f"{hyphenated_word!r} occurs {hyphenated}x, {joined_word!r} " + (
            f"{joined}x" if joined else "never"
        )
    return Vote("document", decision, weight, detail)


def compound_prefix(site: HyphenSite, context: Context) -> Vote | None:
    """The first half starts hyphenated compounds elsewhere in the document (``well-``) more
    often than it starts unhyphenated words (``un-cooked`` once, but ``unable``, ``until``...
    many times: ``un`` is then a syllable, not a compound part)."""
    left = site.left.casefold()
    hyphenated = context.compound_prefixes.get(left, 0)
    plain = context.word_starts.get(left, 0)
    if hyphenated > plain:
        return Vote("prefix", "keep", PREFIX_WEIGHT, f"'{left}-' begins {hyphenated} "
                    f"compound(s) elsewhere, '{left}' only {plain} other word(s)")
    return None


def capitalised_continuation(site: HyphenSite, context: Context) -> Vote | None:
    """A capital after the break starts a new word (``Anglo-``/``Saxon``); an all-capitals
    word (``PHILADEL-``/``PHIA``) says nothing."""
    right = site.right
    if right[:1].isupper() and not right.isupper():
        return Vote("capitalised", "keep", CAPITAL_WEIGHT, f"{right!r} starts with a capital")
    return None


def number_compound(site: HyphenSite, context: Context) -> Vote | None:
    """A compound number (``forty-``/``two``, ``soixante-``/``quinze``): hyphenated by rule."""
    left = site.left.casefold()
    if left not in _ALL_TENS:  # (the cheap test first: most first halves are none)
        return None
    right = site.right.casefold()
    for lang, tens in NUMBER_TENS.items():
        if left in tens and right in NUMBER_UNITS[lang]:
            return Vote("rules", "keep", RULE_WEIGHT, f"{left}-{right} is a compound number "
                        f"({lang})")
    return None


def euphonic_t(site: HyphenSite, context: Context) -> Vote | None:
    """French inversion with a euphonic t (``arriva-t-``/``il``)."""
    if site.left == "t" and site.before.endswith("-t") and (
        site.right.casefold() in PRONOUNS_AFTER_EUPHONIC_T
    ):
        return Vote("rules", "keep", RULE_WEIGHT, f"-t-{site.right}: French euphonic t")
    return None


def lexicon(site: HyphenSite, context: Context) -> Vote | None:
    """Word frequencies of the document's language: a known joined word joins; two known
    words that make no known word are a compound (except where compounds are written closed,
    as in German and Dutch)."""
    lang = context.lang
    if lang is None or not has_lexicon(lang):
        return None
    left = site.left.casefold()
    if "'" in left or "’" in left:  # (the cheap test of ``_ELIDED`` first)
        left = _ELIDED.sub("", left)  # n'ap-/partiendrait: look up appartiendrait
    right = site.right.casefold()
    if not left.isalpha() or not right.isalpha():
        return None
    joined = zipf(left + right, lang)
    stem = _known_stem(left + right, lang) if joined < RARE_WORD else None
    if stem:
        return Vote("lexicon", "join", LEXICON_WEIGHT / 2, f"'{left + right}' inflects "
                    f"'{stem}', a word ({lang}, zipf {zipf(stem, lang):.1f})")
    if joined >= RARE_WORD:
        strength = "a word" if joined >= KNOWN_WORD else "a rare word"
        weight = LEXICON_WEIGHT if joined >= KNOWN_WORD else LEXICON_WEIGHT / 2
        return Vote("lexicon", "join", weight, f"'{left + right}' is {strength} ({lang}, "
                    f"zipf {joined:.1f})")
    if lang not in CLOSED_COMPOUNDS and min(zipf(left, lang), zipf(right, lang)) >= PART_WORD:
        return Vote("lexicon", "keep", LEXICON_WEIGHT, f"'{left}' and '{right}' are words, "
                    f"'{left + right}' is not ({lang})")
    return None


def _known_stem(word: str, lang: str) -> str | None:
    """The word less one of the language's inflection endings, where that stem is a known
    word (``handbuche``: ``handbuch``); None when none is."""
    for ending in INFLECTIONS.get(lang, ()):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= MIN_STEM and zipf(stem, lang) >= KNOWN_WORD:
            return stem
    return None


def hyphenation_point(site: HyphenSite, context: Context) -> Vote | None:
    """The language's patterns: an engine breaks a word only at a legal point, so a legal
    break is a (weak) sign of a broken word."""
    lang = context.lang
    joined = (site.left + site.right).casefold()
    if lang is None or not joined.isalpha() or not has_patterns(lang):
        return None
    if legal_break(joined, len(site.left), lang):
        return Vote("patterns", "join", PATTERN_JOIN_WEIGHT, f"{site.left}-{site.right} is a "
                    f"legal break ({lang})")
    return None  # engines' patterns differ from pyphen's (hard-ening): no evidence either way


def prefix_rule(site: HyphenSite, context: Context) -> Vote | None:
    """Prefixes the language hyphenates (``self-``, French ``demi-``)."""
    prefixes = COMPOUND_PREFIXES.get(context.lang or "", frozenset())
    if site.left.casefold() in prefixes:
        return Vote("rules", "keep", PREFIX_RULE_WEIGHT, f"'{site.left}-' is a hyphenated "
                    f"prefix ({context.lang})")
    return None


def suspended_hyphen(site: HyphenSite, context: Context) -> Vote | None:
    """A suspended hyphen before a conjunction (``Oliven- und``, ``pre- and post-war``)."""
    if site.right.casefold() not in _CONJUNCTIONS:  # (the cheap test first)
        return None
    for lang, words in SUSPENDED_BEFORE.items():
        if context.lang in (None, lang) and site.right.casefold() in words and (
                site.right_token.casefold() == site.right.casefold()):
            return Vote("rules", "keep", RULE_WEIGHT, f"suspended hyphen before "
                        f"'{site.right}' ({lang})")
    return None


def enclitic(site: HyphenSite, context: Context) -> Vote | None:
    """French: a pronoun or particle joined by a hyphen (``dit-``/``il``, ``celui-``/``ci``)."""
    if context.lang not in (None, "fr") or len(site.left) < 2:
        return None
    if site.right.casefold() in FRENCH_ENCLITICS and site.right_token.rstrip(
            ".,;:!?»\"'’").casefold() == site.right.casefold():
        return Vote("rules", "keep", CAPITAL_WEIGHT, f"-{site.right}: French enclitic")
    return None


def compound_continues(site: HyphenSite, context: Context) -> Vote | None:
    """The word goes on with another hyphen after the break (``vijf-``/``en-twintigjarige``):
    a hyphenated compound, broken at one of its hyphens; unless the document writes the
    compound with its first part whole elsewhere (``To-``/``den-Träger``, ``Toden-Träger``):
    then a syllable break."""
    rest = site.right_token[len(site.right):]
    if rest[:1] != "-" or not rest[1:2].isalpha():  # (most: the word ends after the break)
        return None
    after = rest[1:].rstrip(".,;:!?»\"'’").casefold()
    if after.startswith("t-"):
        after = after[2:]
    if after in FRENCH_ENCLITICS or after in PRONOUNS_AFTER_EUPHONIC_T:
        return None  # a French inversion (admettra-t-on, appartiendrait-elle), no compound
    whole = (site.left + site.right_token).rstrip(".,;:!?»\"'’/").casefold()
    if context.word_counts.get(whole):
        return Vote("document", "join", DOCUMENT_WEIGHT, f"'{whole}' occurs "
                    f"{context.word_counts[whole]}x")
    return Vote("rules", "keep", CONTINUES_WEIGHT, f"'{site.right_token}' goes on with a "
                "hyphen")


#: The sources, in the order their votes are listed.
SOURCES: tuple[Callable[[HyphenSite, Context], Vote | None], ...] = (
    digits, number_compound, euphonic_t, suspended_hyphen, enclitic, document_counts,
    lexicon, hyphenation_point, prefix_rule, compound_prefix, compound_continues,
    capitalised_continuation,
)
