"""The languages ``detect_language`` tells apart, and how many common words stand for each
(scripts/make_common_words.py reads these to generate ``common_words``)."""

from __future__ import annotations

#: Languages told apart, each with wordfreq frequencies and pyphen patterns.
CANDIDATES: tuple[str, ...] = ("en", "de", "fr", "nl", "es", "it", "pt", "sv", "da", "pl")
#: How many of a language's most common words stand for it.
TOP_WORDS = 100
