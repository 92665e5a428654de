"""The language evidence: word frequencies (wordfreq) and hyphenation patterns (pyphen).

Both are looked up lazily and cached per language, so a document pays for its own language
only.

    >>> zipf("defend", "en") > 4, zipf("musketshots", "en")
    (True, 0.0)
    >>> legal_break("defend", 2, "en"), legal_break("defend", 3, "en")
    (True, False)
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import math
import re
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import pyphen

from pagemend.hyphenation import frequencies

__all__ = ["common_words", "has_lexicon", "has_patterns", "legal_break", "zipf"]


@functools.lru_cache(maxsize=1)
def _wordfreq() -> ModuleType:
    """wordfreq, imported on first use (its import takes a third of a second: a command
    that mends nothing does without it)."""
    import wordfreq

    return wordfreq


@functools.lru_cache(maxsize=8)
def has_lexicon(lang: str) -> bool:
    """wordfreq knows the language."""
    return lang in frequencies.available_languages()


#: The languages wordfreq segments otherwise than by script (``get_language_info``'s
#: tokenizer is not ``regex``: jieba for Chinese, MeCab for Japanese and Korean);
#: tests/hyphenation/test_lexicon.py checks this against wordfreq.
SEGMENTED = frozenset({"ja", "ko", "zh"})


@functools.lru_cache(maxsize=16)
def _frequencies(lang: str) -> frequencies.Table | None:
    """wordfreq's frequency table of a language it splits into words by script (read by
    ``frequencies``, without wordfreq), or None for languages it segments otherwise."""
    return None if lang in SEGMENTED else frequencies.table_of(lang)


#: The languages wordfreq prepares otherwise than by composing (NFC) and folding case before it
#: splits their text by script: NFKC, marks removed (abjads), Turkish ``ı``, commas or cedillas
#: under s and t, transliteration, and the segmented ones. tests/hyphenation/test_lexicon.py
#: checks this against wordfreq's ``get_language_info``.
PREPARED = frozenset({"ar", "bn", "fa", "he", "hi", "ja", "ko", "ro", "sh", "ta", "tr", "ur",
                      "zh"})

#: Letters of the Latin (Basic Latin to Latin Extended-B, Latin Extended Additional), Greek
#: (with Greek Extended) and Cyrillic alphabets: a word of them alone is one token to
#: wordfreq's tokenizer (Unicode's word boundaries: no break between letters)
_ONE_TOKEN = re.compile(r"[A-Za-z\u00aa-\u024f\u0370-\u04ff\u1e00-\u1fff]+")


def _token(word: str, lang: str) -> str | None:
    """The one token wordfreq would look the word up by, where that is plain without it: the
    word case-folded, if it is composed letters of ``_ONE_TOKEN`` (``Straße`` -> ``strasse``,
    ``Λόγος`` -> ``λόγοσ``; only lower-case ASCII letters in the ``PREPARED`` languages);
    else None (wordfreq's tokenizer decides). tests/hyphenation/test_lexicon.py checks the
    answers against wordfreq's in many languages and scripts.

    >>> _token("Der", "en"), _token("Straße", "de"), _token("Λόγος", "en"), _token("x1", "en")
    ('der', 'strasse', 'λόγοσ', None)
    >>> _token("Istanbul", "tr"), _token("istanbul", "tr")
    (None, 'istanbul')
    """
    if word.isascii():  # most words: ASCII letters are composed, and fold as they lower
        if not word.isalpha():
            return None
        return word if word.islower() else None if lang in PREPARED else word.lower()
    if lang in PREPARED or not word.isalpha() or not unicodedata.is_normalized("NFC", word):
        return None
    folded = word.casefold()
    return folded if folded.isalpha() and _ONE_TOKEN.fullmatch(folded) else None


@functools.lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """A word's frequency on the Zipf scale (0 unknown, 3 one in a million, 6 very common).

    A word of letters of the Latin, Greek or Cyrillic alphabet is one token, case-folded
    (``_token``), in every language wordfreq splits by script, so its frequency is its
    token's bin's in the table, and one missing from the table is unknown, without wordfreq
    (most lookups are of word pieces no lexicon knows: the word-space and hyphen tests try
    them; and importing wordfreq takes 0.1-0.2 s a process); tests/hyphenation/
    test_lexicon.py checks this against wordfreq's own answer.

    >>> zipf("qzxv", "en"), zipf("the", "en") == float(_wordfreq().zipf_frequency("the", "en"))
    (0.0, True)
    """
    if not has_lexicon(lang):
        return 0.0
    table = _frequencies(lang)
    if table is None:
        return float(_wordfreq().zipf_frequency(word, lang))
    token = _token(word, lang)
    if token is not None:
        found = table.bin(token)
        return 0.0 if found is None else frequencies.zipf_of_bin(found)
    return _zipf_of_tokens(word, lang, table)


#: The largest bin of wordfreq's lists (tables give bins up to about 900: 10^-9)
_LAST_BIN = 1000


@functools.lru_cache(maxsize=16)
def common_words(lang: str, min_zipf: float) -> tuple[frozenset[str], frozenset[str]] | None:
    """The words ``zipf`` gives at least ``min_zipf`` (> 0) among those of lower-case ASCII
    letters, and every prefix of them: for those words ``zipf(word, lang) >= min_zipf`` if
    and only if ``word`` is among the first, and a piece that is no prefix begins none of
    them (a search over ever longer pieces of a word stops there). None where the language
    has no table. About 30 ms a language (15,000 words of Zipf 3.5 or more in English).

    >>> words, prefixes = common_words("en", 3.5)
    >>> "their" in words, "thei" in words, "thei" in prefixes, "knewt" in prefixes
    (True, False, True, False)
    """
    table = _frequencies(lang) if has_lexicon(lang) and min_zipf > 0 else None
    if table is None:
        return None
    # zipf_of_bin falls as the bin grows: the bins of min_zipf or more are 0 to the last
    last = max((found for found in range(_LAST_BIN) if frequencies.zipf_of_bin(found)
                >= min_zipf), default=-1)
    words = [word for word in table.words_up_to(last) if word.isascii()]
    return frozenset(words), frozenset(
        word[:end] for word in words for end in range(1, len(word) + 1))


def _zipf_of_tokens(word: str, lang: str, table: frequencies.Table) -> float:
    """wordfreq's ``zipf_frequency(word, lang)`` for a language it splits by script, worked
    out as wordfreq's ``_word_frequency`` does (its tokenizer, numbers and rounding) but with
    the tokens looked up in the table: wordfreq's own dictionary of every word of the
    language (37 MB for English, more for German; built in half a second) is never made
    for a word in Greek letters or with an ``ß``. tests/hyphenation/test_lexicon.py checks
    this against wordfreq's own answer.

    >>> _zipf_of_tokens("The", "en", _frequencies("en")) == zipf("the", "en")
    True
    """
    wordfreq = _wordfreq()
    minimum = wordfreq.zipf_to_freq(0.0)
    return round(float(wordfreq.freq_to_zipf(_frequency(word, lang, table, minimum))), 2)


def _frequency(word: str, lang: str, table: frequencies.Table, minimum: float) -> float:
    """wordfreq's ``word_frequency(word, lang, minimum=minimum)`` from the table (for a
    language whose tokenizer is not jieba)."""
    wordfreq = _wordfreq()
    tokens = wordfreq.lossy_tokenize(word, lang)
    if not tokens:
        return minimum
    one_over_result = 0.0
    for token in tokens:
        smashed = wordfreq.smash_numbers(token)
        found = table.bin(smashed)
        if found is None:
            return minimum
        freq = float(wordfreq.cB_to_freq(-found))
        if smashed != token:
            freq *= wordfreq.digit_freq(token)
        one_over_result += 1.0 / freq
    unrounded = max(1.0 / one_over_result, minimum)
    if unrounded == 0.0:
        return 0.0
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(unrounded, leading_zeroes + 3)


class _Unkept(dict[str, object]):
    """A cache that keeps nothing: pyphen's own word cache grows with every word it is asked
    about, for the life of the process (a batch worker mends book after book); the bounded
    cache of :func:`legal_break` keeps the answers instead."""

    def __setitem__(self, key: str, value: object) -> None:
        return None


#: The format of the patterns' cache file (2: the patterns and the prefixes of them)
_PATTERNS_VERSION = 2


@functools.lru_cache(maxsize=16)
def _patterns(lang: str) -> tuple[pyphen.Pyphen, frozenset[str]] | None:
    """pyphen's patterns for the language, without pyphen's unbounded word cache, and every
    prefix of them (a piece of a word that is none begins no pattern either: the search for
    patterns at a letter stops there); None where pyphen has none.

    >>> dictionary, prefixes = _patterns("en")
    >>> dictionary.positions("defend"), len(dictionary.hd.cache), "hy" in prefixes
    ([2], 0, True)
    """
    name = pyphen.language_fallback(lang)
    if not name:
        return None
    kept = _cached_patterns(pyphen.LANGUAGES[name])
    if kept is None:
        dictionary = pyphen.Pyphen(lang=name)
        prefixes = _prefixes(dictionary.hd.patterns)
    else:
        dictionary, prefixes = _from_patterns(kept[0]), kept[1]
    if isinstance(getattr(dictionary.hd, "cache", None), dict):
        dictionary.hd.cache = _Unkept()
    return dictionary, prefixes


def _dictionary(lang: str) -> pyphen.Pyphen | None:
    """pyphen's patterns for the language (``_patterns``)."""
    found = _patterns(lang)
    return None if found is None else found[0]


def _prefixes(patterns: dict[str, Any]) -> frozenset[str]:
    """Every prefix of the patterns, the patterns among them.

    >>> sorted(_prefixes({"ab": (0, (1,)), "b": (0, (1,))}))
    ['a', 'ab', 'b']
    """
    return frozenset(key[:end] for key in patterns for end in range(1, len(key) + 1))


def _from_patterns(patterns: dict[str, Any]) -> pyphen.Pyphen:
    """A pyphen dictionary of patterns parsed before (pyphen's own fields, as its
    constructor sets them)."""
    table = pyphen.HyphDict.__new__(pyphen.HyphDict)
    table.patterns, table.cache, table.maxlen = patterns, {}, max(map(len, patterns))
    dictionary = pyphen.Pyphen.__new__(pyphen.Pyphen)
    dictionary.left, dictionary.right, dictionary.hd = 2, 2, table
    return dictionary


def _cached_patterns(source: Path) -> tuple[dict[str, Any], frozenset[str]] | None:
    """pyphen's parsed patterns of a ``hyph_*.dic`` file (pattern -> start, values) and their
    prefixes (``_prefixes``), kept in a marshal file in ``frequencies.cache_folder()``
    (reading German's takes 0.1 s, parsing its patterns and finding their 277,153 prefixes
    0.3 s: a batch worker that meets German pays it once); None where they cannot be kept
    (nonstandard hyphenation carries values marshal cannot write) or pyphen's fields are not
    as expected. tests/hyphenation/test_lexicon.py checks the positions against pyphen's own."""
    target = frequencies.cache_folder() / frequencies.cache_name(
        "pyphen", source, _PATTERNS_VERSION, ".marshal")
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        found = marshal.loads(target.read_bytes())
        if isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], dict) \
                and found[0] and isinstance(found[1], frozenset):
            return found
    patterns = getattr(pyphen.HyphDict(source), "patterns", None)
    if not isinstance(patterns, dict) or not patterns:
        return None
    kept = patterns, _prefixes(patterns)
    try:
        data = marshal.dumps(kept)
    except ValueError:
        return None
    with contextlib.suppress(OSError):
        frequencies.write_atomically(target, [data])
    return kept


def has_patterns(lang: str) -> bool:
    """pyphen has hyphenation patterns for the language."""
    return _dictionary(lang) is not None


#: Break points kept (one a word, mostly: the word and the place of its line-end hyphen): a
#: whole novel's vocabulary (10,000 to 30,000 words; the corpus's excerpts have at most
#: 2,400) with room to spare, bounded for a worker that mends book after book.
POSITIONS_CACHE_WORDS = 65536


@functools.lru_cache(maxsize=POSITIONS_CACHE_WORDS)
def legal_break(word: str, position: int, lang: str) -> bool:
    """The language's patterns allow a hyphen after ``position`` letters of ``word``:
    ``position in pyphen.Pyphen(lang=...).positions(word)``, worked out as pyphen does but
    stopping each search for patterns where no pattern begins so (tests/hyphenation/
    test_lexicon.py checks it against pyphen).

    >>> legal_break("hyphenation", 2, "en"), legal_break("hyphenation", 3, "en")
    (True, False)
    """
    found = _patterns(lang)
    if found is None or not found[0].left <= position <= len(word) - found[0].right:
        return False
    level = _level(found[0].hd, found[1], f".{word.lower()}.", position + 1)
    return level % 2 == 1


def _level(patterns: Any, prefixes: frozenset[str], pointed: str, at: int) -> int:
    """Liang's level at one place of ``.word.`` (as pyphen's ``HyphDict.positions`` finds
    it: an odd level is a legal break), from the patterns that reach that place: those that
    begin at most a pattern's length before it and not after it, and end at it or after (a
    pattern's values stand at the places from its first letter to after its last; and a
    piece that begins no pattern has no longer piece that does, as a shorter one)."""
    table, longest = patterns.patterns, patterns.maxlen
    level = 0
    for i in range(max(0, at - longest), min(at, len(pointed) - 2) + 1):
        for j in range(max(i + 1, at), min(i + longest, len(pointed)) + 1):
            piece = pointed[i:j]
            if piece not in prefixes:
                break
            pattern = table.get(piece)
            if pattern:
                offset, values = pattern
                k = at - i - offset
                if 0 <= k < len(values) and values[k] > level:
                    level = values[k]
    return int(level)
