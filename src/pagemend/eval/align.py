"""Word alignment by edit distance (rapidfuzz when installed: exact; else difflib: approximate).

    >>> distance, a2b, b2a = align(["a", "b", "c"], ["a", "c"])
    >>> distance, a2b
    (1, [0, -1, 1])
"""

from __future__ import annotations

import difflib
from typing import Any

from pagemend.eval.normalize import key

__all__ = ["NearestAligned", "align", "token_distance"]

_levenshtein: Any
try:
    from rapidfuzz.distance import Levenshtein
except ImportError:  # pragma: no cover - exercised where rapidfuzz is absent
    _levenshtein = None
else:
    _levenshtein = Levenshtein


def _encode(a: list[str], b: list[str]) -> tuple[list[int], list[int]]:
    vocabulary: dict[str, int] = {}
    return (
        [vocabulary.setdefault(key(t), len(vocabulary)) for t in a],
        [vocabulary.setdefault(key(t), len(vocabulary)) for t in b],
    )


def align(a: list[str], b: list[str]) -> tuple[int, list[int], list[int]]:
    """(distance, a2b, b2a): a2b[i] is the index in b aligned to a[i] (match or
    substitution), or -1."""
    ai, bi = _encode(a, b)
    a2b, b2a = [-1] * len(a), [-1] * len(b)
    if _levenshtein is not None:
        for tag, i1, i2, j1, j2 in _levenshtein.opcodes(ai, bi):
            if tag in ("equal", "replace"):
                for x, y in zip(range(i1, i2), range(j1, j2), strict=False):
                    a2b[x], b2a[y] = y, x
        return int(_levenshtein.distance(ai, bi)), a2b, b2a
    distance = 0
    matcher = difflib.SequenceMatcher(None, ai, bi, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "replace"):
            for x, y in zip(range(i1, i2), range(j1, j2), strict=False):
                a2b[x], b2a[y] = y, x
        if tag != "equal":
            distance += max(i2 - i1, j2 - j1)
    return distance, a2b, b2a


def token_distance(a: list[str], b: list[str]) -> int:
    """Edit distance between two token lists."""
    if _levenshtein is not None:
        ai, bi = _encode(a, b)
        return int(_levenshtein.distance(ai, bi))
    return align(a, b)[0]


class NearestAligned:
    """For each output index, the truth index of the nearest aligned token forward or back."""

    def __init__(self, a2b: list[int]) -> None:
        n = len(a2b)
        self.forward: list[int | None] = [None] * n
        self.backward: list[int | None] = [None] * n
        last: int | None = None
        for j in range(n - 1, -1, -1):
            last = a2b[j] if a2b[j] >= 0 else last
            self.forward[j] = last
        last = None
        for j in range(n):
            last = a2b[j] if a2b[j] >= 0 else last
            self.backward[j] = last

    def __call__(self, i: int, forward: bool = True) -> int | None:
        if not 0 <= i < len(self.forward):
            return None
        return (self.forward if forward else self.backward)[i]
