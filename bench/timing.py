"""Shared timing for the benchmarks: medians of several runs over the same inputs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def seconds(function: Callable[[T], object], inputs: Sequence[T]) -> float:
    """The time to apply ``function`` to every input, once."""
    started = time.perf_counter()
    for item in inputs:
        function(item)
    return time.perf_counter() - started


def median_seconds(function: Callable[[T], object], inputs: Sequence[T], runs: int) -> float:
    """The median, over ``runs`` runs, of the time to apply ``function`` to every input."""
    return statistics.median(seconds(function, inputs) for _ in range(runs))


def paired_runs(ours: Callable[[T], object], theirs: Callable[[T], object],
                inputs: Sequence[T], runs: int) -> tuple[list[float], list[float]]:
    """Seconds per run of each function, the two run back to back in every round (in
    turns, so that neither always goes first): a slow spell of a shared machine then slows
    both sides of a round, and the per-round ratios stay comparable."""
    mine: list[float] = []
    other: list[float] = []
    for round_ in range(runs):
        if round_ % 2:
            other.append(seconds(theirs, inputs))
            mine.append(seconds(ours, inputs))
        else:
            mine.append(seconds(ours, inputs))
            other.append(seconds(theirs, inputs))
    return mine, other
