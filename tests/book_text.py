"""Book-like page text for property tests: prose of our own (random sentences from a small
vocabulary), wrapped greedily to a measure with line-end hyphens at legal breaks (pyphen),
paragraphs whose last line leaves room (as a paragraph's last line does in print), cut into
pages. Deterministic for a given random generator."""

from __future__ import annotations

import random

import pyphen

_VOCABULARY = (
    "the of and to in that was he it his with as for had you not be her on at by which have "
    "or from this him but all she they were my are me one their so an said them we who would "
    "been will no when there if more out up into do any your what has man could other than our "
    "some very time upon about may its only now like little then can should made did us such "
    "great before must two these see know over much down after first never good well where "
    "long come make went think say own old day came might being thought tell yet life eyes "
    "away both still while world nothing house right three under last place another without "
    "something heart among against once whole people father mother young years night water "
    "light round brought found since things morning every between garden window remember "
    "together afternoon wonderful government beautiful understanding conversation"
)
WORDS = tuple(_VOCABULARY.split())
_HYPHENATOR = pyphen.Pyphen(lang="en_US")
#: a paragraph's last line holds at most this share of the measure (room for the next word)
LAST_LINE_SHARE = 0.6
#: ...and a line inside it that ends a sentence at least this share: a line that ends a
#: sentence with much room left is a paragraph's end in print, whatever a text generator meant
FULL_LINE_SHARE = 0.9


def sentence(rng: random.Random, low: int = 5, high: int = 16) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + rng.choice(".....?!")


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))


def wrap(text: str, width: int) -> list[str]:
    """Greedy lines of at most ``width`` characters, a word that does not fit broken at its
    last legal point that does (as a typesetter hyphenates)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width:
            current = candidate
            continue
        room = width - len(current) - 2
        points = [i for i in _HYPHENATOR.positions(word) if 2 <= i <= room and len(word) - i >= 2]
        if current and points:
            lines.append(f"{current} {word[:max(points)]}-")
            current = word[max(points):]
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return [line for line in lines if line]


def settled(rng: random.Random, widths: tuple[int, ...]) -> str:
    """A paragraph that reads as one paragraph at every measure in ``widths``: its last line
    leaves room, and every line inside it that ends a sentence is full (drawn again, and
    lengthened by short sentences, until it does)."""
    while True:
        text = paragraph(rng)
        for _ in range(8):
            if all(_reads_as_one(wrap(text, w), w) for w in widths):
                return text
            text += " " + sentence(rng, 2, 3)


def _reads_as_one(lines: list[str], width: int) -> bool:
    """The lines read as one paragraph in print: its last line leaves room, and around every
    sentence end inside it the lines run full (a short line after a sentence's end bears the
    trace of a first-line indent, which opens a paragraph more often than not)."""
    inner_ends = [i for i, line in enumerate(lines[:-1]) if line[-1] in ".?!"]
    return len(lines[-1]) <= LAST_LINE_SHARE * width and all(
        len(lines[i]) >= FULL_LINE_SHARE * width
        and (i + 1 == len(lines) - 1 or len(lines[i + 1]) > FULL_LINE_SHARE * width)
        for i in inner_ends)


def book(paragraphs: list[str], width: int, lines_per_page: int,
         furnish: str | None = None, first_folio: int = 1) -> str:
    """The paragraphs set at ``width`` and cut into pages; with ``furnish``, every page gets it
    as a running head and a folio in the foot."""
    lines = [line for text in paragraphs for line in wrap(text, width)]
    pages = ["\n".join(lines[i:i + lines_per_page]) for i in range(0, len(lines), lines_per_page)]
    if furnish:
        pages = [f"{furnish}\n\n{page}\n\n{n}" for n, page in enumerate(pages, first_folio)]
    return "\f".join(pages)
