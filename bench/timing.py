"""Shared timing for the benchmarks: the median of several runs over the same inputs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def median_seconds(function: Callable[[T], object], inputs: Sequence[T], runs: int) -> float:
    """The median, over ``runs`` runs, of the time to apply ``function`` to every input."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        for item in inputs:
            function(item)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)
