"""restore_word_spaces: put back the word spaces an extractor lost, where the lexicon shows them.

Some extractions run words together: pypdfium2's text of a groff PDF reads ``I knewtheir
price``, ``Manyt hink``. A word unknown to the language's word list that splits into two
common words (``knew`` + ``their``) lost its space; two neighbours of which one is unknown and
that rejoin into two common words split elsewhere (``Manyt hink`` -> ``Many think``) had it
in the wrong place. Books have unknown words of their own (names, old spellings, broken
halves of hyphenated words), so the stage acts only on a document where such splits are
common (``MIN_SPLIT_RATE`` of its words): there the spaces were lost, elsewhere the words
are the author's. Every change is an edit.

Leaves alone: lines with the reader's geometry (the PDF reader places spaces from the glyphs'
positions), the halves of line-end hyphen sites, capitalised words (names) except where the
case changes inside the word (``LivedFor``), languages that close up their compounds
(``SPLIT_LANGUAGES``), and languages without a word list.

    >>> from pagemend.readers import read_text
    >>> from pagemend.stages.measure_document import measure_document
    >>> from pagemend.stages.detect_language import detect_language, DetectLanguageConfig
    >>> text = "I knewtheir price and walked overeach farm, and took his word for it\\n" * 6
    >>> doc = detect_language(measure_document(read_text(text), None), DetectLanguageConfig())
    >>> restore_word_spaces(doc, RestoreWordSpacesConfig()).pages[0].lines[0].text
    'I knew their price and walked over each farm, and took his word for it'
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

from pagemend.hyphenation.lexicon import common_words, has_lexicon, zipf
from pagemend.model import Document, Edit, Line, replace
from pagemend.registry import stage
from pagemend.stages.measure_document import count_words, line_ends_with_hyphen

__all__ = ["RestoreWordSpacesConfig", "restore_word_spaces"]

STAGE = "restore_word_spaces"

#: Each part of a split must be a common word: at least this Zipf frequency (3 is one in a
#: million words)...
MIN_PART_ZIPF = 3.5
#: ...a part of two letters a very common one (``of``, ``it``: 6 to 7.4 in English; ``al``,
#: a name, 5.2)...
MIN_SHORT_PART_ZIPF = 5.5
#: ...and a part of one letter one of the language's few one-letter words (English ``a`` 7.4
#: and ``i`` 7.1, French ``à`` 7.3; the word list counts stray letters too: ``s`` 5.9 in
#: English, 6.5 in French).
MIN_LETTER_ZIPF = 6.8
#: Only words of at least this many letters are tried...
MIN_WORD_LETTERS = 4
#: ...and only splits whose parts have at most this many letters: the longest words that reach
#: ``MIN_PART_ZIPF`` in wordfreq's lists of the split languages run to 18 or 19 letters
#: (``telecommunications``, ``approssimativamente``); a longer run of letters is not two common
#: words, and trying every split of a 100,000-letter "word" would take quadratic time.
MAX_PART_LETTERS = 24
#: The stage acts when this share of a document's words (of ``MIN_WORD_LETTERS`` letters or
#: more) are unknown words that split into two common ones. Development corpus: 34 and 44
#: per thousand in pypdfium2's text of the two groff PDFs that lost their spaces; at most
#: 3.3 per thousand in every English and French text that kept them (names, old spellings).
MIN_SPLIT_RATE = 0.015
#: Languages that write few closed compounds. German, Dutch and the Scandinavian languages
#: close theirs up (``Fensterblech``), so a word that splits into two common words is most
#: often right as it stands (5.0 and 8.9 per thousand in the corpus's German and Dutch texts).
SPLIT_LANGUAGES = frozenset({"en", "fr", "es", "it", "pt"})

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class RestoreWordSpacesConfig:
    enabled: bool = True


def _floor(letters: int) -> float:
    """The Zipf frequency a part of so many letters needs to be a common word."""
    return (MIN_LETTER_ZIPF if letters == 1 else MIN_SHORT_PART_ZIPF if letters == 2
            else MIN_PART_ZIPF)


#: ``_floor`` of each length a part of a tried word can have (0 to ``2 * MAX_PART_LETTERS``)
_FLOORS = tuple(map(_floor, range(2 * MAX_PART_LETTERS + 1)))


def _common(part: str, lang: str) -> bool:
    return zipf(part.lower(), lang) >= _floor(len(part))


#: Common words and their prefixes (``lexicon.common_words``), where a document tries enough
#: words for them to pay (``COMMON_WORDS_FROM``); None: every piece is looked up.
Vocabulary = tuple[frozenset[str], frozenset[str]] | None

#: ``_lost_spaces`` takes the common words of the language (about 30 ms) when it may try this
#: many distinct words: with them an unknown word's pieces stop at the first that begins no
#: common word (a 250-page book of the benchmark tries 11,000 to 15,000, and the lookups of
#: their pieces took 60-100 ms; a page tries about 100).
COMMON_WORDS_FROM = 2000


def _split(word: str, lang: str, vocabulary: Vocabulary = None) -> int | None:
    """Where an unknown word splits into two common words (the split whose rarer part is the
    most common), or None. A capital may stand only where a word begins. With the
    ``vocabulary`` a word of ASCII letters is split the same way with fewer lookups.

    >>> _split("knewtheir", "en"), _split("knewtheir", "en", _vocabulary("en"))
    (4, 4)
    """
    # a word in lower case is its own lower case, and so is each part of it (no character
    # that lower() changes is in one): most words, as the counts are case-folded
    lowered = word.islower()
    if len(word) > 2 * MAX_PART_LETTERS or zipf(word if lowered else word.lower(), lang) > 0:
        return None
    if vocabulary is not None and word.isascii() and word.isalpha():
        return _split_ascii(word if lowered else word.lower(), lang, vocabulary,
                            _last_capital(word, lowered))
    best, best_score, floors = None, 0.0, _FLOORS
    last_capital = _last_capital(word, lowered)
    for i in range(max(1, len(word) - MAX_PART_LETTERS), min(len(word), MAX_PART_LETTERS + 1)):
        if last_capital > i:
            continue
        left, right = (word[:i], word[i:]) if lowered else (word[:i].lower(), word[i:].lower())
        left_zipf = zipf(left, lang)  # the right part is looked up only after a common left
        if left_zipf < floors[i] or (right_zipf := zipf(right, lang)) < floors[len(word) - i]:
            continue
        score = min(left_zipf, right_zipf)
        if score > best_score:
            best, best_score = i, score
    return best


def _last_capital(word: str, lowered: bool) -> int:
    """Where the word's last capital stands (-1: none): a split must not be left of it."""
    return -1 if lowered else max((j for j, c in enumerate(word) if c.isupper()), default=-1)


def _split_ascii(low: str, lang: str, vocabulary: tuple[frozenset[str], frozenset[str]],
                 last_capital: int) -> int | None:
    """``_split`` of a word of ASCII letters, in lower case (``low``; each part its own token
    to ``zipf``): a part is common only if it is one of the common words (every floor is at
    least ``MIN_PART_ZIPF``), and the left parts grow, so the first that begins no common
    word ends the search."""
    words, prefixes = vocabulary
    best, best_score, floors = None, 0.0, _FLOORS
    for i in range(max(1, len(low) - MAX_PART_LETTERS), min(len(low), MAX_PART_LETTERS + 1)):
        left = low[:i]
        if left not in prefixes:
            break  # nor does any longer left part begin a common word
        if last_capital > i or left not in words or low[i:] not in words:
            continue
        left_zipf, right_zipf = zipf(left, lang), zipf(low[i:], lang)
        if left_zipf < floors[i] or right_zipf < floors[len(low) - i]:
            continue
        score = min(left_zipf, right_zipf)
        if score > best_score:
            best, best_score = i, score
    return best


def _vocabulary(lang: str) -> Vocabulary:
    """The language's words of at least ``MIN_PART_ZIPF`` and their prefixes."""
    return common_words(lang, MIN_PART_ZIPF)


def _candidate(word: str) -> bool:
    """Long enough, and not a name: lower case, or a change of case inside (``LivedFor``),
    or a capital ``I`` run into the next word (``Iwalked``)."""
    if len(word) < MIN_WORD_LETTERS:
        return False
    return word[0].islower() or any(c.isupper() for c in word[1:]) or (
        word[0] == "I" and word[1:2].islower())


def _fixes(text: str, lang: str, skip_first: bool, skip_last: bool) -> list[tuple[int, str, str]]:
    """(offset, before, after) for each change to the line, left to right, offsets in the
    original text."""
    words = list(_WORD.finditer(text))
    fixes: list[tuple[int, str, str]] = []
    i = 0
    while i < len(words):
        match = words[i]
        edge = (i == 0 and skip_first) or (i == len(words) - 1 and skip_last)
        word = match.group()
        after = words[i + 1] if i + 1 < len(words) else None
        if not edge and after is not None and text[match.end():after.start()] == " " and not (
                i + 1 == len(words) - 1 and skip_last):
            pair = _moved_space(word, after.group(), lang)
            if pair is not None:
                fixes.append((match.start(), text[match.start():after.end()], pair))
                i += 2
                continue
        if not edge and _candidate(word):
            at = _split(word, lang)
            if at is not None:
                fixes.append((match.start(), word, f"{word[:at]} {word[at:]}"))
        i += 1
    return fixes


def _moved_space(first: str, second: str, lang: str) -> str | None:
    """Two neighbours, one of them unknown, that read as two common words with the space a
    letter or two away (``Manyt hink``): the mended pair, or None. The second must be lower
    case (a capital there begins a name or a sentence)."""
    if not second[:1].islower() or len(first) + len(second) < MIN_WORD_LETTERS + 2:
        return None
    if zipf(first.lower(), lang) > 0 and zipf(second.lower(), lang) > 0:
        return None
    joined = first + second
    for i in range(len(first) - 2, len(first) + 3):
        if i == len(first) or not 0 < i < len(joined):
            continue
        left, right = joined[:i], joined[i:]
        if _common(left, lang) and _common(right, lang):
            return f"{left} {right}"
    return None


def _lost_spaces(doc: Document, lang: str) -> bool:
    """The share of the document's words (``MIN_WORD_LETTERS`` letters or more, hyphen-site
    halves left out) that are unknown and split into two common words reaches
    ``MIN_SPLIT_RATE``: looked up once per distinct word, from the counts
    ``measure_document`` took, most frequent first, until the words left could no longer
    change the answer (the rarest words, most of them, are often never tried)."""
    counts = doc.stats.word_counts if doc.stats else count_words(doc.lines())
    tried = [(count, word) for word, count in counts.items()
             if len(word) >= MIN_WORD_LETTERS and word.isalpha()]
    total = sum(count for count, _ in tried)
    if not total:
        return False  # a rate of 0
    splits, left = 0, total
    tried.sort(key=operator.itemgetter(0), reverse=True)
    vocabulary = _vocabulary(lang) if len(tried) >= COMMON_WORDS_FROM else None
    for count, word in tried:
        if (splits + left) / total < MIN_SPLIT_RATE:
            return False  # below even if every word left split
        if splits / total >= MIN_SPLIT_RATE:
            return True
        left -= count
        if _split(word, lang, vocabulary) is not None:
            splits += count
    return splits / total >= MIN_SPLIT_RATE


@stage(STAGE, RestoreWordSpacesConfig, requires=("meta.lang",), assigns=("line.text",))
def restore_word_spaces(doc: Document, config: RestoreWordSpacesConfig) -> Document:
    """Put back lost word spaces; see the module docstring."""
    lang = doc.meta.lang
    if all(line.geometry is not None for line in doc.lines() if line.text):
        return doc  # a PDF: its reader placed the spaces from the glyphs' positions
    if lang not in SPLIT_LANGUAGES or not has_lexicon(lang) or not _lost_spaces(doc, lang):
        return doc
    changed: dict[tuple[int, int], Line] = {}
    edits: list[Edit] = []
    previous_hyphen = False
    for line in doc.lines():
        if not line.text or line.geometry is not None:
            continue
        ends = line_ends_with_hyphen(line.text)
        fixes = _fixes(line.text, lang, previous_hyphen, ends)
        previous_hyphen = ends
        if not fixes:
            continue
        text, shift = line.text, 0
        for offset, before, after in fixes:
            at = offset + shift
            text = text[:at] + after + text[at + len(before):]
            edits.append(Edit(STAGE, "restore_space", line.page, line.number, before, after,
                              "the lexicon reads two common words where the text ran them "
                              "together", offset=at))
            shift += len(after) - len(before)
        changed[(line.page, line.number)] = replace(line, text=text)
    if not changed:
        return doc
    mended = doc.with_lines(changed).with_edits(edits)
    stats = doc.stats
    if stats is not None:  # the word counts measured before the spaces came back
        stats = replace(stats, word_counts=count_words(mended.lines()))
        return replace(mended, stats=stats)
    return mended

