"""detect_language: the document's language, which picks the word frequencies, hyphenation
patterns and rules that later stages weigh.

The language whose most common words (wordfreq's top list) cover the largest share of the
document's words wins, among ``CANDIDATES``; a language given in the config is taken as is.
When no candidate covers ``MIN_COVERAGE`` of the words, the language stays unknown and the
stages fall back to the document's own evidence (their edits say so).

    >>> from pagemend.readers import read_text
    >>> text = "Als Gregor Samsa eines Morgens aus unruhigen Träumen erwachte, fand er sich"
    >>> detect_language(read_text(text), DetectLanguageConfig()).meta.lang
    'de'
    >>> detect_language(read_text(text), DetectLanguageConfig(lang="nl")).meta.lang
    'nl'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from pagemend.data.common_words import COMMON_WORDS
from pagemend.data.languages import CANDIDATES
from pagemend.errors import ConfigError
from pagemend.model import Document, replace
from pagemend.registry import stage
from pagemend.stages.measure_document import count_words

__all__ = ["CANDIDATES", "DetectLanguageConfig", "detect_language"]

STAGE = "detect_language"

#: The share of the document's words that the winner's common words must cover.
MIN_COVERAGE = 0.2


@dataclass(frozen=True, slots=True)
class DetectLanguageConfig:
    enabled: bool = True
    #: the document's language (ISO 639-1), or None to detect it
    lang: str | None = None

    def __post_init__(self) -> None:
        if self.lang is not None and not self.lang.isalpha():
            raise ConfigError(f"detect_language.lang must be a language code like 'en', not "
                              f"{self.lang!r}", "pass an ISO 639-1 code, e.g. --lang de")


def _common() -> dict[str, tuple[str, ...]]:
    """Common word -> the candidate languages it is common in: wordfreq's top lists, shipped
    as a generated module (scripts/make_common_words.py) so that telling languages apart
    does not load ten full frequency lists."""
    return COMMON_WORDS


def guess(counts: Mapping[str, int]) -> str | None:
    """The candidate language whose common words cover most of the counted words, if enough.

    >>> guess(Counter("der Hund und die Katze".split())), guess(Counter(["xq", "zzv"]))
    ('de', None)
    """
    total = sum(counts.values())
    if not total:
        return None
    scores: Counter[str] = Counter(dict.fromkeys(CANDIDATES, 0))
    for word, langs in _common().items():  # the few common words, not the many counted
        n = counts.get(word, 0)
        if n:
            for lang in langs:
                scores[lang] += n
    best = max(CANDIDATES, key=lambda lang: scores[lang])
    return best if scores[best] >= MIN_COVERAGE * total else None


@stage(STAGE, DetectLanguageConfig, assigns=("meta.lang",))
def detect_language(doc: Document, config: DetectLanguageConfig) -> Document:
    """Set ``meta.lang``; see the module docstring."""
    lang = config.lang
    if lang is None:  # the counts measure_document took, when it ran
        lang = guess(doc.stats.word_counts if doc.stats else count_words(doc.lines()))
    return replace(doc, meta=replace(doc.meta, lang=lang))
