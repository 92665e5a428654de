"""measure_document: the statistics that later stages compare against.

Changes nothing in the text; fills ``Document.stats``: the typical length of a full line per
page and for the document, line-length percentiles, and the document's own word counts (the
evidence ``join_hyphenated_words`` weighs). Words split by a line-end hyphen are left out of
the counts, so that the halves do not count as evidence for themselves.

    >>> from pagemend.readers import read_text
    >>> doc = read_text("a well-known fact is well\\nknown to all who de-\\nfend it")
    >>> stats = measure_document(doc, MeasureDocumentConfig()).stats
    >>> stats.word_counts["well-known"], stats.word_counts["well"], "de" in stats.word_counts
    (1, 1, False)
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pagemend.layout import (
    FULL_LINE_PERCENTILE,
    book_measure_if_ends,
    full_line,
    percentile,
)
from pagemend.model import Document, DocumentStats, Line, replace
from pagemend.registry import stage

__all__ = [
    "FULL_LINE_PERCENTILE",
    "MIN_LINES_FOR_PAGE_MEASURE",
    "MeasureDocumentConfig",
    "line_ends_with_hyphen",
    "measure_document",
    "words",
]

STAGE = "measure_document"

#: Pages with fewer non-blank lines take the document's full line length instead.
MIN_LINES_FOR_PAGE_MEASURE = 8

#: Lines counted per batch: the word list of a whole book at once took 300 MB for a moment
#: on 10,000 pages of the scale benchmark; a batch of lines, a few hundred kilobytes.
COUNT_BATCH_LINES = 4096

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_LINE_END_HYPHEN = re.compile(r"[^\W\d_]-$")


@dataclass(frozen=True, slots=True)
class MeasureDocumentConfig:
    enabled: bool = True


def words(text: str) -> list[str]:
    """The case-folded words of a text (letters, inner hyphens and apostrophes).

    >>> words("Marxism-Leninism, 1950: it's De-")
    ['marxism-leninism', "it's", 'de']
    """
    return _WORD.findall(text.casefold())


def line_ends_with_hyphen(text: str) -> bool:
    """True when a line ends with a letter and a hyphen (a word broken at the line end).

    >>> line_ends_with_hyphen("to de-"), line_ends_with_hyphen("1914-"), line_ends_with_hyphen("—")
    (True, False, False)
    """
    return text.endswith("-") and bool(_LINE_END_HYPHEN.search(text[-3:]))


def _last_word(text: str) -> list[str]:
    """The text's last word, as ``words(text)[-1:]`` finds it, from its last tokens only."""
    for token in reversed(text.split()):
        found = words(token)
        if found:
            return found[-1:]
    return []


def _page_full_line(lengths: list[int]) -> int:
    """A page's full line from its non-blank lines' lengths (0 for too few)."""
    if len(lengths) < MIN_LINES_FOR_PAGE_MEASURE:
        return 0
    return full_line(lengths)


#: Characters that neither belong to a word nor join its parts: the text is split at them
#: as at white space (the same words, in the same order: no word holds one), so that a word
#: before a comma or within quotation marks is a token of letters, one word, like the rest.
_AROUND_WORDS = ".,;:!?\"()[]«»“”‘„*"


def _token_words(tokens: Counter[str]) -> Counter[str]:
    """The words of counted space-separated tokens, counted, in the order they first occur
    (each token's words as ``words`` finds them: no word runs over a space, and a token of
    letters is one word; the others are searched).

    >>> _token_words(Counter({"de-fend": 1, "(the": 2, "the": 1, "1950:": 3, "it's": 1}))
    Counter({'the': 3, 'de-fend': 1, "it's": 1})
    """
    counts: Counter[str] = Counter()
    get, search = counts.get, _WORD.findall
    for token, count in tokens.items():
        if token.isalpha():  # (most tokens are: one test of them)
            counts[token] = get(token, 0) + count
        else:
            for found in search(token):
                counts[found] = get(found, 0) + count
    return counts


def _tokens(text: str) -> list[str]:
    """The text's case-folded tokens, split at white space and at ``_AROUND_WORDS``.

    >>> _tokens("“The end,” he said (twice).")
    ['the', 'end', 'he', 'said', 'twice']
    """
    text = text.casefold()
    for char in _AROUND_WORDS:  # (a substring search and a copy each: no pattern per token)
        text = text.replace(char, " ")
    return text.split()


def count_words(lines: Iterable[Line]) -> Counter[str]:
    """Word counts over lines, leaving out both halves of every line-end hyphen site.

    >>> from pagemend.readers import read_text
    >>> sorted(count_words(read_text("a de-\\nfend a\\n").pages[0].lines).items())
    [('a', 2)]
    """
    texts = [line.text for line in lines if line.text]
    tokens: Counter[str] = Counter()
    for start in range(0, len(texts), COUNT_BATCH_LINES):
        tokens.update(_tokens("\n".join(texts[start:start + COUNT_BATCH_LINES])))
    counts = _token_words(tokens)
    # then take the halves of the hyphen sites back out, line by line: a site's line and the
    # line after it (the others have none)
    sites = [i for i, text in enumerate(texts) if text[-1] == "-" and line_ends_with_hyphen(text)]
    at_site = set(sites)
    for i in sorted(at_site.union([i + 1 for i in sites if i + 1 < len(texts)])):
        text, ends, skip_first = texts[i], i in at_site, i - 1 in at_site
        if skip_first and ends:  # a line between two hyphen sites: both its ends
            found = words(text)
            halves = found[:1] + found[1:][-1:]
        elif skip_first:
            first = _WORD.search(text.casefold())
            halves = [first.group()] if first else []
        else:  # (the last token holds the word before the hyphen: no split of the line)
            found = words(text.rsplit(None, 1)[-1])
            halves = found[-1:] if found else _last_word(text)
        for word in halves:
            counts[word] -= 1
            if not counts[word]:
                counts.pop(word)  # (dict's own: Counter's ``del`` is written in Python)
    return counts


@stage(STAGE, MeasureDocumentConfig, assigns=("stats",))
def measure_document(doc: Document, config: MeasureDocumentConfig) -> Document:
    """Measure the document; see the module docstring."""
    page_lengths = [[len(line.text) for line in page.lines if line.text] for page in doc.pages]
    per_page = tuple(map(_page_full_line, page_lengths))
    measured = [value for value in per_page if value]
    # (sorted once: ``percentile`` sorts again, in one pass over a sorted list)
    lengths = sorted(itertools.chain.from_iterable(page_lengths))
    document_full = int(statistics.median(measured)) if measured else full_line(lengths)
    per_page = tuple(book_measure_if_ends(page, value, document_full)
                     for page, value in zip(page_lengths, per_page, strict=True))
    stats = DocumentStats(
        full_line_length=tuple(value or document_full for value in per_page),
        document_full_line_length=document_full,
        line_length_percentiles=(
            percentile(lengths, 0.1), percentile(lengths, 0.5), percentile(lengths, 0.9)
        ),
        word_counts=count_words(doc.lines()),
    )
    return replace(doc, stats=stats)
