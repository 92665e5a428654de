"""Many books on one machine: a process pool, atomic writes, one record per book.

Each book is read, mended and written on its own; a book that fails (a coded
:class:`~pagemend.errors.PagemendError`, or any other exception) leaves a failure record with
its code and message, and the batch goes on. Outputs are written to a temporary file and moved
into place, so an output that exists is complete: ``resume`` skips those books on a rerun.
The run's resolved settings are saved beside the outputs (``pagemend-config.toml``, readable
by ``--config``), and every book's record is appended to ``pagemend-report.jsonl`` as it
ends.

    >>> import tempfile
    >>> from pathlib import Path
    >>> out = Path(tempfile.mkdtemp())
    >>> results = list(run_local(["tests/cases/seed/input.pages.txt", "missing.txt"], out))
    >>> [(r.status, r.code, Path(r.output).name if r.output else None) for r in results]
    [('ok', None, 'input.md'), ('failed', 'PM101', None)]
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from pagemend.config import PipelineConfig, dump_toml
from pagemend.errors import ConfigError, PagemendError
from pagemend.pipeline import mend
from pagemend.readers import read_path
from pagemend.writers import FORMATS, write

__all__ = ["CONFIG_FILE", "REPORT_FILE", "BookResult", "BookTask", "mend_book", "output_name",
           "run_local"]

#: beside the outputs: every book's record, one JSON object per line, appended as books end
REPORT_FILE = "pagemend-report.jsonl"
#: beside the outputs: the settings the run used, as TOML that ``--config`` reads back
CONFIG_FILE = "pagemend-config.toml"
#: the code of a failure that is no PagemendError: a bug, reported with the book and going on
INTERNAL_ERROR = "PM900"
#: input suffixes left out of the output's name (``book.pages.txt`` -> ``book.md``)
_INPUT_SUFFIXES = (".pages.txt", ".txt", ".pdf")
#: the output suffix of each format
_OUTPUT_SUFFIXES = {"md": ".md", "txt": ".txt", "json": ".json"}


@dataclass(frozen=True, slots=True)
class BookTask:
    """One book to mend: where it is, where its output goes, and how."""

    source: str
    output: str
    fmt: str
    config: PipelineConfig
    password: str | None = None
    page_markers: bool = False


@dataclass(frozen=True, slots=True)
class BookResult:
    """What became of one book: ``ok``, ``failed`` (with the error's code, problem and
    remedy) or ``skipped`` (its output was already there and ``resume`` was on)."""

    source: str
    status: Literal["ok", "failed", "skipped"]
    output: str | None = None
    code: str | None = None
    message: str | None = None
    remedy: str | None = None
    pages: int = 0
    seconds: float = 0.0


def output_name(source: str, fmt: str) -> str:
    """The output file name of a book: its name without the input suffix, with the format's.

    >>> output_name("shelf/book.pages.txt", "md"), output_name("scan.PDF", "json")
    ('book.md', 'scan.json')
    """
    name = Path(source.rstrip("/")).name
    for suffix in _INPUT_SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return name + _OUTPUT_SUFFIXES[fmt]


def mend_book(task: BookTask) -> BookResult:
    """Read, mend and write one book; never raises (a failure is a record)."""
    started = time.perf_counter()

    def elapsed() -> float:
        return round(time.perf_counter() - started, 3)

    try:
        doc = mend(read_path(task.source, task.password), task.config)
        text = write(doc, task.fmt, page_markers=task.page_markers)
        _write_atomically(Path(task.output), text)
    except PagemendError as error:
        return BookResult(task.source, "failed", code=error.code, message=error.problem,
                          remedy=error.remedy, seconds=elapsed())
    except Exception as error:  # one bad book never stops a batch
        return BookResult(task.source, "failed", code=INTERNAL_ERROR,
                          message=f"{type(error).__name__}: {error}",
                          remedy="a bug in pagemend: please report it with this book",
                          seconds=elapsed())
    return BookResult(task.source, "ok", output=task.output, pages=len(doc.pages),
                      seconds=elapsed())


def _write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside the target, then move it into place."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def _tasks(sources: Sequence[str], out_dir: Path, fmt: str, config: PipelineConfig, *,
           password: str | None, page_markers: bool) -> list[BookTask]:
    if fmt not in FORMATS:
        raise ConfigError(f"unknown output format {fmt!r}", "use one of " + ", ".join(FORMATS))
    names: dict[str, str] = {}
    tasks = []
    for source in sources:
        name = output_name(source, fmt)
        if name in names:
            raise ConfigError(
                f"{names[name]} and {source} would both be written to {name}",
                "give the books distinct names, or mend them in separate batches")
        names[name] = source
        tasks.append(BookTask(source, str(out_dir / name), fmt, config, password, page_markers))
    return tasks


def run_local(sources: Sequence[str], out_dir: Path, fmt: str = "md",
              config: PipelineConfig | None = None, *, jobs: int = 1, resume: bool = False,
              password: str | None = None, page_markers: bool = False
              ) -> Iterator[BookResult]:
    """Mend every book into ``out_dir``, ``jobs`` at a time, yielding each book's record as
    it ends (in input order with one job; in order of ending with more)."""
    if jobs < 1:
        raise ConfigError(f"--jobs must be at least 1, not {jobs}", "pass --jobs 1 or more")
    resolved = PipelineConfig.resolve(config)
    tasks = _tasks(sources, out_dir, fmt, resolved, password=password,
                   page_markers=page_markers)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / CONFIG_FILE).write_text(dump_toml(resolved), encoding="utf-8")
    with (out_dir / REPORT_FILE).open("a", encoding="utf-8") as report:
        for result in _results(tasks, jobs, resume):
            report.write(json.dumps(asdict(result), ensure_ascii=False) + "\n")
            report.flush()
            yield result


def _results(tasks: list[BookTask], jobs: int, resume: bool) -> Iterator[BookResult]:
    pending = []
    for task in tasks:
        if resume and Path(task.output).exists():
            yield BookResult(task.source, "skipped", output=task.output)
        else:
            pending.append(task)
    if jobs == 1 or len(pending) < 2:
        yield from map(mend_book, pending)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(pending))) as pool:
        futures = [pool.submit(mend_book, task) for task in pending]
        for future in as_completed(futures):
            yield future.result()
