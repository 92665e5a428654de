"""The lexicon's shortcut for unknown words gives wordfreq's own answer."""

from __future__ import annotations

import random
import string

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
