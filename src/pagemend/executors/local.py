"""Many books on one machine: worker processes, atomic writes, one record per book.

Each book is read, mended and written on its own, in a worker process that the batch can
lose: a book that fails (a coded :class:`~pagemend.errors.PagemendError`, any other
exception, or a worker that dies, as when pdfium aborts, runs out of its memory cap or over
its time) leaves a failure record with its code and message, and the batch goes on with a
new worker. Workers die with the batch (Linux: the parent-death signal; elsewhere they
notice their parent is gone within a second). Only one batch writes into a folder at a time
(a lock, its file removed when the batch ends); temporary files a killed batch left behind
are removed. Outputs are written to a temporary file and moved into place, so an output that
exists is complete: ``resume`` skips those books on a rerun.
The run's resolved settings are saved beside the outputs (``pagemend-config.toml``, readable
by ``--config``), and every book's record is appended to ``pagemend-report.jsonl`` as it
ends. Neither is written through a symbolic link; ``resume`` refuses other settings than
the saved ones.

    >>> import tempfile
    >>> from pathlib import Path
    >>> out = Path(tempfile.mkdtemp())
    >>> results = list(run_local(["tests/cases/seed/input.pages.txt", "missing.txt"], out))
    >>> [(r.status, r.code, Path(r.output).name if r.output else None) for r in results]
    [('ok', None, 'input.md'), ('failed', 'PM101', None)]
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import re
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from pagemend.config import PipelineConfig, dump_toml
from pagemend.errors import (
    BatchLockedError,
    BookFailedError,
    BookTooLargeForMemoryError,
    ConfigError,
    OutputFolderMissingError,
    PagemendError,
    ResumeMismatchError,
    SymlinkRefusedError,
    output_error,
)
from pagemend.pipeline import mend
from pagemend.readers import read_path
from pagemend.readers.registry import OcrSettings
from pagemend.readers.text import MAX_INPUT_BYTES
from pagemend.writers import FORMATS, WRITERS
from pagemend.writers.registry import pieces

__all__ = [
    "BOOK_TIMEOUT",
    "CONFIG_FILE",
    "LOCK_FILE",
    "REPORT_FILE",
    "WORKER_MEMORY_MB",
    "BookResult",
    "BookTask",
    "CallTask",
    "Runner",
    "call_isolated",
    "mend_book",
    "mend_isolated",
    "output_name",
    "output_names",
    "run_batch",
    "run_local",
    "run_workers",
]

#: beside the outputs: every book's record, one JSON object per line, appended as books end
REPORT_FILE = "pagemend-report.jsonl"
#: beside the outputs: the settings the run used, as TOML that ``--config`` reads back
CONFIG_FILE = "pagemend-config.toml"
#: beside the outputs: held (flock) while a batch writes into the folder
LOCK_FILE = ".pagemend.lock"
#: the code of a failure that is no PagemendError: a bug, reported with the book and going on
INTERNAL_ERROR = "PM900"
#: the book's worker process died (a signal: pdfium aborting, the memory cap hit in C code)
WORKER_DIED = "PM120"
#: the book took longer than the time limit; its worker was stopped
TIMED_OUT = "PM122"
#: The memory cap of each worker (address space, MiB, beyond what the worker holds when it
#: starts, ``_address_space``; ``--memory-mb``): far above real books (measured with the
#: cap over the whole worker: the largest corpus PDF, hume-groff, is mended under a 400 MiB
#: cap and not under 320, imports and word lists included; the nested-forms PDF of issue 16
#: takes 17 GB).
WORKER_MEMORY_MB = 8192
#: The time limit of one book, in seconds (``--timeout``): far above real books (the corpus
#: is mended at 75 pages a second or more; 100,000 pages take under half an hour).
BOOK_TIMEOUT = 3600.0
#: input suffixes left out of the output's name (``book.pages.txt`` -> ``book.md``)
_INPUT_SUFFIXES = (".pages.txt", ".txt", ".pdf")
#: the output suffix of each format
#: a temporary output: ``.NAME.PID.tmp``
_TEMPORARY = re.compile(r"^\..+\.\d+\.tmp$")
#: how often a worker checks that its parent lives, where no parent-death signal exists
_ORPHAN_CHECK_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class BookTask:
    """One book to mend: where it is, where its output goes, and how."""

    source: str
    output: str
    fmt: str
    config: PipelineConfig
    password: str | None = None
    page_markers: bool = False
    max_bytes: int = MAX_INPUT_BYTES
    #: JSONL only: a record per ``document``, ``page`` or ``block``
    granularity: str = "document"
    #: page images and ``--ocr`` PDFs: Tesseract's language, and whether a PDF is OCRed
    ocr: OcrSettings | None = None


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


@dataclass(frozen=True, slots=True)
class CallTask:
    """A call on one book run in a worker (``explain``, ``verify``, ``review`` of a PDF): its
    value, pickled, is written to ``output``."""

    source: str
    output: str
    #: a module-level function (or a partial of one): what a worker is sent is pickled
    function: Callable[[], Any]


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
    return name + WRITERS[fmt].suffixes[0]


def mend_book(task: BookTask) -> BookResult:
    """Read, mend and write one book; never raises (a failure is a record)."""
    started = time.perf_counter()

    def elapsed() -> float:
        return round(time.perf_counter() - started, 3)

    try:
        doc = mend(read_path(task.source, task.password, task.max_bytes, task.ocr), task.config)
        _write_atomically(Path(task.output), pieces(doc, task.fmt, page_markers=task.page_markers,
                                                    granularity=task.granularity))
    except Exception as error:  # one bad book never stops a batch
        return _failure(task.source, error, elapsed())
    return BookResult(task.source, "ok", output=task.output, pages=len(doc.pages),
                      seconds=elapsed())


def run_task(task: BookTask | CallTask) -> BookResult:
    """A worker's work on one task; never raises (a failure is a record)."""
    if isinstance(task, BookTask):
        return mend_book(task)
    started = time.perf_counter()
    try:
        value = task.function()
        _write_atomically(Path(task.output), pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    except Exception as error:  # a coded error, or a bug: a record either way
        return _failure(task.source, error, round(time.perf_counter() - started, 3))
    return BookResult(task.source, "ok", output=task.output,
                      seconds=round(time.perf_counter() - started, 3))


def _failure(source: str, error: BaseException, seconds: float) -> BookResult:
    """The record of a failed book: a coded error's code, problem and remedy."""
    if isinstance(error, MemoryError):
        error = BookTooLargeForMemoryError()
    if isinstance(error, PagemendError):
        return BookResult(source, "failed", code=error.code, message=error.problem,
                          remedy=error.remedy, seconds=seconds)
    return BookResult(source, "failed", code=INTERNAL_ERROR,
                      message=f"{type(error).__name__}: {error}",
                      remedy="a bug in pagemend: please report it with this book",
                      seconds=seconds)


def _write_atomically(path: Path, data: str | bytes | Iterable[bytes]) -> None:
    """Write to a temporary file beside the target (the whole output, or its pieces one after
    another), then move it into place (a link at the target is replaced, never written
    through); a failure is a coded error."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if path.is_dir() and not path.is_symlink():
            raise IsADirectoryError(21, "Is a directory")
        with temporary.open("wb") as handle:
            if isinstance(data, (str, bytes)):
                handle.write(data if isinstance(data, bytes) else data.encode("utf-8"))
            else:
                for piece in data:
                    handle.write(piece)
        temporary.replace(path)
    except OSError as error:
        raise output_error(path, error) from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def output_names(sources: Sequence[str], fmt: str) -> list[str]:
    """Each book's output file name: :func:`output_name`, or where books share a file name
    (``shelf/*/input.pdf``), the name of the folder each one is in.

    >>> output_names(["shelf/a/input.pdf", "shelf/b/input.pdf", "c.txt"], "md")
    ['a.md', 'b.md', 'c.md']
    """
    names = [output_name(source, fmt) for source in sources]
    shared = Counter(names)
    for index, source in enumerate(sources):
        folder = Path(source.rstrip("/")).parent.name
        if shared[names[index]] > 1 and folder:
            names[index] = folder + WRITERS[fmt].suffixes[0]
    return names


def _tasks(sources: Sequence[str], out_dir: Path, fmt: str, config: PipelineConfig, *,
           password: str | None, page_markers: bool, max_bytes: int) -> list[BookTask]:
    if fmt not in FORMATS:
        raise ConfigError(f"unknown output format {fmt!r}", "use one of " + ", ".join(FORMATS))
    names: dict[str, str] = {}
    tasks = []
    for source, name in zip(sources, output_names(sources, fmt), strict=True):
        if name in names:
            raise ConfigError(
                f"{names[name]} and {source} would both be written to {name}",
                "give the books distinct names, or mend them in separate batches")
        names[name] = source
        tasks.append(BookTask(source, str(out_dir / name), fmt, config, password, page_markers,
                              max_bytes))
    return tasks


def _settings(config: PipelineConfig, fmt: str, page_markers: bool) -> str:
    """The saved settings: the stages' as TOML (``--config`` reads the tables), the output's
    in comments (``--resume`` compares all but the format: another format writes other
    files, which resume does not take for done)."""
    return (f"# pagemend batch: --to {fmt}\n"
            f"# page markers: {'yes' if page_markers else 'no'}\n" + dump_toml(config))


def _compared(settings: str) -> list[str]:
    return [line for line in settings.splitlines() if not line.startswith("# pagemend batch:")]


def _prepare(out_dir: Path, settings: str, resume: bool) -> None:
    """Check the folder's files before any book: no links, and ``resume`` only with the
    settings the outputs there were written with; then save the settings and remove the
    temporary files of a batch that was killed."""
    for name in (CONFIG_FILE, REPORT_FILE):
        if (out_dir / name).is_symlink():
            raise SymlinkRefusedError(str(out_dir / name))
    saved_path = out_dir / CONFIG_FILE
    if resume and saved_path.exists():
        try:
            saved = saved_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            saved = ""
        if _compared(saved) != _compared(settings):
            changed = next((new for old, new in zip(_compared(saved), _compared(settings),
                                                    strict=False) if old != new), "")
            raise ResumeMismatchError(
                f"--resume with other settings than the outputs in {out_dir} were written "
                f"with (first difference: {changed!r})",
                f"use the saved settings (--config {saved_path}, and --page-markers as "
                "before), or write into another folder")
    _write_atomically(saved_path, settings)
    for entry in out_dir.iterdir():
        if _TEMPORARY.match(entry.name) and not entry.is_dir():
            with contextlib.suppress(OSError):
                entry.unlink()


@contextlib.contextmanager
def _locked(out_dir: Path) -> Iterator[None]:
    """Hold the folder's lock while the batch runs, and remove the lock file when it ends (a
    killed batch's lock is released by the kernel; its file, left behind, is taken over).

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> with _locked(out):
    ...     (out / LOCK_FILE).exists()
    True
    >>> (out / LOCK_FILE).exists()
    False
    """
    path = out_dir / LOCK_FILE
    fd = _lock(path)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()  # still held: a batch that opened it now sees it was removed
        os.close(fd)


def _lock(path: Path) -> int:
    """Open and flock the lock file; if the batch that held it removed it meanwhile, lock the
    file now at the path instead (two batches never hold locks on different files)."""
    import fcntl

    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except OSError as error:
            raise output_error(path, error) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise BatchLockedError(str(path.parent)) from None
        if _same_file(fd, path):
            return fd
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        named = path.lstat()
    except OSError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _make_folder(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputFolderMissingError(f"{out_dir} is a file, not a folder",
                                       "name a folder with -d (it is created if missing)")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise output_error(out_dir, error) from None


#: runs the books not skipped: (tasks, jobs, timeout in s, memory cap in MiB) -> records
Runner = Callable[[list[BookTask], int, float, int], Iterator[BookResult]]


def run_local(sources: Sequence[str], out_dir: Path, fmt: str = "md",
              config: PipelineConfig | None = None, *, jobs: int = 1, resume: bool = False,
              password: str | None = None, page_markers: bool = False,
              timeout: float = BOOK_TIMEOUT, memory_mb: int = WORKER_MEMORY_MB,
              max_bytes: int = MAX_INPUT_BYTES) -> Iterator[BookResult]:
    """Mend every book into ``out_dir``, ``jobs`` at a time, each in a worker process with a
    memory cap (``memory_mb``; 0: none) and a time limit (``timeout`` seconds; 0: none),
    yielding each book's record as it ends (in input order with one job; in order of ending
    with more)."""
    return run_batch(sources, out_dir, fmt, config, run_workers, jobs=jobs, resume=resume,
                     password=password, page_markers=page_markers, timeout=timeout,
                     memory_mb=memory_mb, max_bytes=max_bytes)


def run_batch(sources: Sequence[str], out_dir: Path, fmt: str, config: PipelineConfig | None,
              runner: Runner, *, jobs: int = 1, resume: bool = False,
              password: str | None = None, page_markers: bool = False,
              timeout: float = BOOK_TIMEOUT, memory_mb: int = WORKER_MEMORY_MB,
              max_bytes: int = MAX_INPUT_BYTES) -> Iterator[BookResult]:
    """The frame every executor shares: output names checked before any work, the folder
    locked, the settings saved (``resume`` refuses others), books whose output exists
    skipped on ``resume``, and every record appended to the report as it ends; ``runner``
    mends the rest."""
    if jobs < 1:
        raise ConfigError(f"--jobs must be at least 1, not {jobs}", "pass --jobs 1 or more")
    resolved = PipelineConfig.resolve(config)
    tasks = _tasks(sources, out_dir, fmt, resolved, password=password,
                   page_markers=page_markers, max_bytes=max_bytes)
    _make_folder(out_dir)
    with _locked(out_dir):
        _prepare(out_dir, _settings(resolved, fmt, page_markers), resume)
        report_path = out_dir / REPORT_FILE
        try:
            fd = os.open(report_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT
                         | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except OSError as error:
            raise output_error(report_path, error) from None
        with os.fdopen(fd, "a", encoding="utf-8", errors="backslashreplace") as report:
            for result in _results(tasks, runner, jobs=jobs, resume=resume, timeout=timeout,
                                   memory_mb=memory_mb):
                try:
                    report.write(json.dumps(asdict(result), ensure_ascii=False) + "\n")
                    report.flush()
                except OSError as error:
                    raise output_error(report_path, error) from None
                yield result


def mend_isolated(task: BookTask, timeout: float = BOOK_TIMEOUT,
                  memory_mb: int = WORKER_MEMORY_MB) -> BookResult:
    """Mend one book in a worker process (as a batch does): a PDF that crashes pdfium or runs
    away costs the worker, not the caller; the failure is a record with its code."""
    return next(iter(_Workers(1, timeout, memory_mb).run([task])))


def call_isolated(source: str, function: Callable[[], Any], timeout: float = BOOK_TIMEOUT,
                  memory_mb: int = WORKER_MEMORY_MB) -> Any:
    """``function()`` run in a worker process with a memory cap and a time limit, as a batch
    mends a book: a PDF that crashes pdfium or runs away is a coded error
    (:class:`~pagemend.errors.BookFailedError`: PM120, PM121, PM122), never the caller's end.

    >>> import functools
    >>> call_isolated("sum", functools.partial(sum, [1, 2, 3]))
    6
    >>> call_isolated("missing.pdf", functools.partial(read_path, "missing.pdf"))
    Traceback (most recent call last):
    pagemend.errors.BookFailedError: [PM101] ...
    """
    with tempfile.TemporaryDirectory(prefix="pagemend-") as folder:
        output = Path(folder) / "value.pickle"
        result = next(iter(_Workers(1, timeout, memory_mb).run(
            [CallTask(source, str(output), function)])))
        if result.status != "ok":
            raise BookFailedError(result.code or INTERNAL_ERROR, result.message or "failed",
                                  result.remedy or "")
        with output.open("rb") as handle:
            return pickle.load(handle)  # written by our own worker: trusted


def _results(tasks: list[BookTask], runner: Runner, *, jobs: int, resume: bool,
             timeout: float, memory_mb: int) -> Iterator[BookResult]:
    pending = []
    for task in tasks:
        output = Path(task.output)
        if resume and output.is_file() and not output.is_symlink():
            yield BookResult(task.source, "skipped", output=task.output)
        else:
            pending.append(task)
    if pending:
        yield from runner(pending, jobs, timeout, memory_mb)


def run_workers(tasks: list[BookTask], jobs: int, timeout: float,
                 memory_mb: int) -> Iterator[BookResult]:
    """The local runner: ``jobs`` worker processes on this machine, the largest books first
    where several work at once (``largest_first``)."""
    return _Workers(min(jobs, len(tasks)), timeout, memory_mb).run(
        largest_first(tasks) if jobs > 1 else tasks)


def largest_first(tasks: list[BookTask]) -> list[BookTask]:
    """The tasks by their input's size in bytes, largest first (equal sizes, and inputs that
    cannot be measured, in the order given): a large book taken last would keep one worker
    busy while the others stand idle; taken first, the small ones fill in around it.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name, size in (("a", 10), ("b", 300), ("c", 10)):
    ...     _ = (folder / name).write_text("x" * size)
    >>> tasks = [BookTask(str(folder / name), "", "md", PipelineConfig()) for name in "abcd"]
    >>> [Path(task.source).name for task in largest_first(tasks)]
    ['b', 'a', 'c', 'd']
    """
    def size(task: BookTask) -> int:
        try:
            return Path(task.source).stat().st_size
        except (OSError, ValueError):
            return 0  # (missing or unreadable: its worker records the failure)

    return sorted(tasks, key=size, reverse=True)


class _Worker:
    """One worker process and the pipe to it; it mends the books it is sent, one at a time."""

    def __init__(self, memory_mb: int) -> None:
        import multiprocessing

        context: Any = multiprocessing.get_context(
            "fork" if sys.platform != "win32" else "spawn")
        self.connection, child = context.Pipe()
        self.process: Any = context.Process(
            target=_serve, args=(child, memory_mb, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.task: BookTask | CallTask | None = None
        self.started = 0.0

    def send(self, task: BookTask | CallTask) -> None:
        self.task, self.started = task, time.monotonic()
        self.connection.send(task)

    def stop(self) -> None:
        """End the worker now (it may be in the middle of a book)."""
        with contextlib.suppress(OSError, ValueError):
            self.process.kill()
        self.process.join(5)
        self.connection.close()


class _Workers:
    """The batch's workers: a book whose worker dies or overruns is recorded as failed, and
    a new worker takes the next book."""

    def __init__(self, count: int, timeout: float, memory_mb: int) -> None:
        self.count, self.timeout, self.memory_mb = count, timeout, memory_mb

    def run(self, tasks: Sequence[BookTask | CallTask]) -> Iterator[BookResult]:
        from multiprocessing.connection import wait

        queue = list(reversed(tasks))
        workers: list[_Worker] = []
        try:
            while queue or any(w.task for w in workers):
                workers = [w for w in workers if w.process.is_alive() or w.task]
                while queue and len(workers) < self.count:
                    workers.append(_Worker(self.memory_mb))
                for worker in workers:
                    if worker.task is None and queue:
                        worker.send(queue.pop())
                busy = [w for w in workers if w.task is not None]
                ready = wait([w.connection for w in busy] + [w.process.sentinel for w in busy],
                             timeout=self._wait(busy))
                for worker in busy:
                    result = self._outcome(worker, ready)
                    if result is not None:
                        yield result
        finally:
            for worker in workers:
                worker.stop()

    def _wait(self, busy: list[_Worker]) -> float | None:
        if not self.timeout:
            return None
        now = time.monotonic()
        return max(0.0, min(w.started + self.timeout - now for w in busy))

    def _outcome(self, worker: _Worker, ready: list[Any]) -> BookResult | None:
        task = worker.task
        assert task is not None
        seconds = round(time.monotonic() - worker.started, 3)
        if worker.connection in ready:
            try:
                result: BookResult = worker.connection.recv()
            except (EOFError, OSError):
                pass  # it died: below
            else:
                worker.task = None
                return result
        elif worker.process.sentinel not in ready:
            if not self.timeout or seconds < self.timeout:
                return None
            worker.stop()
            worker.task = None
            return BookResult(task.source, "failed", code=TIMED_OUT,
                              message=f"the book took longer than {self.timeout:g} s",
                              remedy="raise the limit with --timeout if the book is that "
                              "large; else the file makes pdfium run away: check it",
                              seconds=seconds)
        worker.stop()
        worker.task = None
        return BookResult(task.source, "failed", code=WORKER_DIED,
                          message=f"the worker mending it died ({_death(worker.process)})",
                          remedy="the file crashes the PDF engine or exhausts the memory cap "
                          "(--memory-mb): check it, or convert it another way",
                          seconds=seconds)


def _death(process: Any) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        with contextlib.suppress(ValueError):
            return f"signal {signal.Signals(-code).name}"
    return f"exit code {code}"


def _serve(connection: Any, memory_mb: int, parent: int) -> None:
    """A worker's life: die with the parent, cap the memory, mend what comes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent(parent)
    if memory_mb:
        import resource

        cap = memory_mb * 2**20 + _address_space()
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(run_task(task))


def _address_space() -> int:
    """The bytes of address space this process holds (Linux: ``/proc/self/statm``; 0
    elsewhere). A worker's memory cap comes on top of it: a worker forked from a process
    that holds much address space (a program that started Ray holds over 8 GiB of it,
    mostly reserved, never touched) would otherwise start above its cap, and fail to load
    pdfium (PM900, "failed to map segment")."""
    try:
        pages = int(Path("/proc/self/statm").read_text(encoding="ascii").split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


def _die_with_parent(parent: int) -> None:
    """The kernel kills this process when its parent dies (Linux); elsewhere a thread
    checks."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_ORPHAN_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
