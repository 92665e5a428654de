"""The evidence sources, each a function ``(site, context) -> Vote | None``.

    >>> context = Context(word_counts={"defend": 2}, compound_prefixes={})
    >>> document_counts(HyphenSite("de", "fend"), context)
    Vote(source='document', decision='join', weight=2.0, detail="'defend' occurs 2x, \
'de-fend' never")
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from pagemend.data.hyphen_rules import NUMBER_TENS, NUMBER_UNITS, PRONOUNS_AFTER_EUPHONIC_T
from pagemend.hyphenation.site import HyphenSite, Vote

__all__ = ["SOURCES", "Context", "capitalised_continuation", "compound_prefix",
           "digits", "document_counts", "euphonic_t", "number_compound"]

#: Weights. A digit beside the hyphen decides alone (``1914-18``); the document's own usage
#: outweighs a capital, which outweighs a prefix seen once. Calibrated on the development
#: corpus as a set: change one, re-run ``pagemend eval``.
DIGIT_WEIGHT = 3.0
RULE_WEIGHT = 3.0
DOCUMENT_WEIGHT = 2.0
DOCUMENT_BOTH_WEIGHT = 1.0
CAPITAL_WEIGHT = 1.5
PREFIX_WEIGHT = 1.0

#: Inflections stripped before counting, so that ``door-nails`` counts for ``door-nail``.
SUFFIXES = ("'s", "’s", "s", "es", "ed", "d", "ing", "ly", "er", "ers")


@dataclass(frozen=True, slots=True)
class Context:
    """What the whole document says: its word counts and its compound first parts."""

    word_counts: Mapping[str, int]
    #: first parts of hyphenated words -> how often they begin one
    compound_prefixes: Mapping[str, int]
    #: beginnings of unhyphenated words -> how often (only for the first parts above)
    word_starts: Mapping[str, int] = field(default_factory=dict)


def _forms(word: str) -> set[str]:
    """The word, its stem without one inflection, and both with each inflection added."""
    stems = {word}
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stems.add(word[: -len(suffix)])
    return stems | {stem + suffix for stem in stems for suffix in SUFFIXES}


def _count(counts: Mapping[str, int], word: str) -> int:
    return sum(counts.get(form, 0) for form in _forms(word))


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
    hyphenated = _count(context.word_counts, hyphenated_word)
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
    left, right = site.left.casefold(), site.right.casefold()
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


#: The sources, in the order their votes are listed.
SOURCES: tuple[Callable[[HyphenSite, Context], Vote | None], ...] = (
    digits, number_compound, euphonic_t, document_counts, compound_prefix,
    capitalised_continuation,
)
