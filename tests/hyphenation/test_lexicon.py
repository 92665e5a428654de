"""The lexicon's shortcut for unknown words gives wordfreq's own answer."""

from __future__ import annotations

import random
import string

import pyphen
import pytest
import wordfreq

from pagemend.hyphenation import lexicon
from pagemend.stages.detect_language import CANDIDATES


def _pieces(lang: str) -> list[str]:
    """Known words, their halves (the pieces the word-space and hyphen tests look up) and
    random letter strings."""
    known = wordfreq.top_n_list(lang, 3000)
    pieces = [word[: len(word) // 2] for word in known] + [word[1:] for word in known]
    rng = random.Random(lang)
    letters = string.ascii_lowercase + "äöüßéèêàçñøåæœłźżśąęóı" + "ÄÉ"
    noise = ["".join(rng.choices(letters, k=rng.randint(1, 9))) for _ in range(3000)]
    decomposed = ["cafe\u0301", "u\u0308ber", "stra\u00dfe", "ǆungla", "ﬁne"]
    return known + pieces + noise + decomposed + ["Der", "ÄRGER", "naïve", "x1", "l'eau", ""]


@pytest.mark.parametrize("lang", CANDIDATES)
def test_zipf_equals_wordfreq(lang: str) -> None:
    lexicon.zipf.cache_clear()
    words = _pieces(lang)
    ours = [lexicon.zipf(word, lang) for word in words]
    theirs = [float(wordfreq.zipf_frequency(word, lang)) for word in words]
    assert ours == theirs
    assert sum(1 for value in ours if value == 0.0) > 100  # the shortcut was taken


def test_unknown_language_has_no_frequencies() -> None:
    assert lexicon.zipf("the", "xx") == 0.0


@pytest.mark.parametrize("lang", CANDIDATES)
def test_legal_break_equals_pyphen(lang: str) -> None:
    """The pattern search that stops where no pattern begins finds pyphen's own breaks."""
    if not lexicon.has_patterns(lang):
        pytest.skip(f"pyphen has no patterns for {lang}")
    dictionary = pyphen.Pyphen(lang=pyphen.language_fallback(lang))
    lexicon.legal_break.cache_clear()
    for word in [*_pieces(lang)[:4000], "Straße", "İstanbul", "ÆGIS", "naïve", "x", ""]:
        breaks = set(dictionary.positions(word))
        assert [lexicon.legal_break(word, at, lang) for at in range(-1, len(word) + 2)] == [
            at in breaks for at in range(-1, len(word) + 2)], word
