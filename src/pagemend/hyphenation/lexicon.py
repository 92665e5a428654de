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
import unicodedata
from types import ModuleType

import pyphen

__all__ = ["has_lexicon", "has_patterns", "legal_break", "zipf"]


@functools.lru_cache(maxsize=1)
def _wordfreq() -> ModuleType:
    """wordfreq, imported on first use (its import takes a third of a second: a command
    that mends nothing does without it)."""
    import wordfreq

    return wordfreq


@functools.lru_cache(maxsize=8)
def has_lexicon(lang: str) -> bool:
    """wordfreq knows the language."""
    return lang in _wordfreq().available_languages()


@functools.lru_cache(maxsize=16)
def _frequencies(lang: str) -> dict[str, float] | None:
    """wordfreq's own frequency table of a language it splits into words by script (the
    table its lookups read, cached by wordfreq: asking for it costs no second copy), or None
    for languages it segments otherwise (Chinese, Japanese)."""
    from wordfreq.language_info import get_language_info

    if get_language_info(lang)["tokenizer"] != "regex":
        return None
    table: dict[str, float] = _wordfreq().get_frequency_dict(lang, "best")
    return table


#: letters of the Latin script (Basic Latin to Latin Extended-B): a word of them alone is one
#: token to wordfreq's tokenizer in every language it splits by script
_LATIN_END = "\u0250"


def _own_token(word: str) -> bool:
    """wordfreq would look the word up as it stands: Latin letters only, already case-folded
    and in composed form (its tokenizer folds case and composes; ``ß`` folds to ``ss``)."""
    return (word.isalpha() and max(word) < _LATIN_END and word.casefold() == word
            and unicodedata.is_normalized("NFC", word))


@functools.lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """A word's frequency on the Zipf scale (0 unknown, 3 one in a million, 6 very common).

    A word of case-folded Latin letters is its own only token in every language wordfreq
    splits by script, so one missing from the table is unknown without tokenising it (most
    lookups are of word pieces no lexicon knows: the word-space and hyphen tests try them);
    tests/hyphenation/test_lexicon.py checks this against wordfreq's own answer.

    >>> zipf("qzxv", "en"), zipf("the", "en") == float(_wordfreq().zipf_frequency("the", "en"))
    (0.0, True)
    """
    if not has_lexicon(lang):
        return 0.0
    table = _frequencies(lang)
    if table is not None and _own_token(word):
        frequency = table.get(word)
        return 0.0 if frequency is None else _zipf_of(frequency, word, lang)
    return float(_wordfreq().zipf_frequency(word, lang))


#: (language, frequency in wordfreq's table) -> that frequency on the Zipf scale, as
#: wordfreq rounds it (it depends on the frequency alone for a word that is its own token)
_ZIPF_OF: dict[tuple[str, float], float] = {}


def _zipf_of(frequency: float, word: str, lang: str) -> float:
    """wordfreq's Zipf value of a word that is its own only token, looked up once per
    distinct frequency (wordfreq's table holds a few hundred: it quantises them)."""
    key = (lang, frequency)
    found = _ZIPF_OF.get(key)
    if found is None:
        found = _ZIPF_OF[key] = float(_wordfreq().zipf_frequency(word, lang))
    return found


class _Unkept(dict[str, object]):
    """A cache that keeps nothing: pyphen's own word cache grows with every word it is asked
    about, for the life of the process (a batch worker mends book after book); the bounded
    cache of :func:`legal_break` keeps the answers instead."""

    def __setitem__(self, key: str, value: object) -> None:
        return None


@functools.lru_cache(maxsize=16)
def _dictionary(lang: str) -> pyphen.Pyphen | None:
    """pyphen's patterns for the language, without pyphen's unbounded word cache.

    >>> _dictionary("en").positions("defend"), len(_dictionary("en").hd.cache)
    ([2], 0)
    """
    name = pyphen.language_fallback(lang)
    if not name:
        return None
    dictionary = pyphen.Pyphen(lang=name)
    if isinstance(getattr(dictionary.hd, "cache", None), dict):
        dictionary.hd.cache = _Unkept()
    return dictionary


def has_patterns(lang: str) -> bool:
    """pyphen has hyphenation patterns for the language."""
    return _dictionary(lang) is not None


#: Words whose break points are kept: a whole novel's vocabulary (10,000 to 30,000 words; the
#: corpus's excerpts have at most 2,400) with room to spare, bounded for a worker that mends
#: book after book.
POSITIONS_CACHE_WORDS = 65536


@functools.lru_cache(maxsize=POSITIONS_CACHE_WORDS)
def _positions(word: str, lang: str) -> frozenset[int]:
    dictionary = _dictionary(lang)
    return frozenset(dictionary.positions(word)) if dictionary is not None else frozenset()


def legal_break(word: str, position: int, lang: str) -> bool:
    """The language's patterns allow a hyphen after ``position`` letters of ``word``."""
    return position in _positions(word, lang)
