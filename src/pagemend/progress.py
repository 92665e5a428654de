"""A batch's progress on stderr: books and pages done, pages per second, time left.

On a terminal (and with rich installed) a live bar; otherwise a plain line per book, so that
logs and pipes read well. The estimate of time left is the books left times the mean time of
the books done so far.

    >>> import io
    >>> out = io.StringIO()
    >>> tracker = Progress(total=4, stream=out, clock=iter([0.0, 10.0]).__next__)
    >>> tracker.advance(pages=300, line="ok a.pdf: 300 pages -> a.md")
    >>> print(out.getvalue(), end="")
    [1/4] ok a.pdf: 300 pages -> a.md (300 pages, 30 pages/s, 30 s left)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["Progress", "open_progress"]


class Progress:
    """Plain progress: one line per book."""

    def __init__(self, total: int, stream: TextIO,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.total, self.stream, self.clock = total, stream, clock
        self.done = self.pages = 0
        self.started = clock()

    def rates(self) -> tuple[float, float | None]:
        """Pages per second so far, and the seconds left (None before the first book)."""
        seconds = max(self.clock() - self.started, 1e-9)
        left = seconds / self.done * (self.total - self.done) if self.done else None
        return self.pages / seconds, left

    def advance(self, pages: int, line: str, shown: bool = True) -> None:
        """One more book done; ``line`` says what became of it."""
        self.done += 1
        self.pages += pages
        rate, left = self.rates()
        if shown:
            self.stream.write(f"[{self.done}/{self.total}] {line} ({self.pages} pages, "
                              f"{rate:.0f} pages/s, {left:.0f} s left)\n")
            self.stream.flush()

    def close(self) -> None:
        """The batch is over."""


class _RichProgress(Progress):
    """A live bar (rich) on a terminal; failures still get a line of their own."""

    def __init__(self, total: int, stream: TextIO) -> None:
        super().__init__(total, stream)
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        self.bar = Bar(TextColumn("books"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.fields[pages]} pages, {task.fields[rate]} pages/s"),
                       TimeRemainingColumn(), console=Console(file=stream))
        self.task = self.bar.add_task("books", total=total, pages=0, rate=0)
        self.bar.start()

    def advance(self, pages: int, line: str, shown: bool = True) -> None:
        self.done += 1
        self.pages += pages
        rate, _ = self.rates()
        if shown and line.startswith("failed"):
            self.bar.console.print(line, markup=False, highlight=False)
        self.bar.update(self.task, advance=1, pages=self.pages, rate=f"{rate:.0f}")

    def close(self) -> None:
        self.bar.stop()


def open_progress(total: int, stream: TextIO, live: bool | None = None) -> Progress:
    """A live bar when ``stream`` is a terminal and rich is installed, else plain lines."""
    if live is None:
        live = bool(getattr(stream, "isatty", lambda: False)())
    if live:
        try:
            return _RichProgress(total, stream)
        except ImportError:
            pass
    return Progress(total, stream)
