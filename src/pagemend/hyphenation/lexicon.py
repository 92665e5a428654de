"""The language evidence: word frequencies (wordfreq) and hyphenation patterns (pyphen).

Both are looked up lazily and cached per language, so a document pays for its own language
only.

    >>> zipf("defend", "en") > 4, zipf("musketshots", "en")
    (True, 0.0)
    >>> legal_break("defend", 2, "en"), legal_break("defend", 3, "en")
    (True, False)
"""

from __future__ import annotations

import functools

import pyphen
import wordfreq

__all__ = ["has_lexicon", "has_patterns", "legal_break", "zipf"]


@functools.lru_cache(maxsize=8)
def has_lexicon(lang: str) -> bool:
    """wordfreq knows the language."""
    return lang in wordfreq.available_languages()


@functools.lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """A word's frequency on the Zipf scale (0 unknown, 3 one in a million, 6 very common)."""
    return float(wordfreq.zipf_frequency(word, lang)) if has_lexicon(lang) else 0.0


@functools.lru_cache(maxsize=16)
def _dictionary(lang: str) -> pyphen.Pyphen | None:
    name = pyphen.language_fallback(lang)
    return pyphen.Pyphen(lang=name) if name else None


def has_patterns(lang: str) -> bool:
    """pyphen has hyphenation patterns for the language."""
    return _dictionary(lang) is not None


@functools.lru_cache(maxsize=200_000)
def legal_break(word: str, position: int, lang: str) -> bool:
    """The language's patterns allow a hyphen after ``position`` letters of ``word``."""
    dictionary = _dictionary(lang)
    return dictionary is not None and position in dictionary.positions(word)
