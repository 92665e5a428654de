"""The same batch on a Ray cluster: the one module that imports ray (the ``[ray]`` extra).

The frame is the local executor's (:func:`~pagemend.executors.local.run_batch`): output
names checked first, the folder locked, settings saved, ``resume``, a record per book in the
report. Only the mending moves: each book is a Ray task that mends it into a temporary file
on whichever node runs it and returns the record and the output's bytes; the driver writes
the output into the folder atomically, so the cluster needs no shared file system. A task
whose worker dies (the node's memory monitor, pdfium aborting) is a failure record with the
local codes; a book over the time limit is cancelled. At most as many books are in flight
as the cluster has CPUs, so a book's time runs from when it starts, not from when it was
queued.

    pagemend batch shelf/*.pdf -d out --executor ray                  # a local Ray
    RAY_ADDRESS=ray://head:10001 pagemend batch ... --executor ray    # an existing cluster
"""

from __future__ import annotations

import dataclasses
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pagemend.errors import ConfigError
from pagemend.executors.local import (
    TIMED_OUT,
    WORKER_DIED,
    BookResult,
    BookTask,
    _write_atomically,
    mend_book,
)

__all__ = ["mend_remotely", "run_on_ray"]


def mend_remotely(task: BookTask) -> tuple[BookResult, bytes | None]:
    """Mend one book where the task runs: the record, and the output's bytes if it was
    mended (written to a temporary file there first, as the local executor writes)."""
    with tempfile.TemporaryDirectory(prefix="pagemend-ray-") as folder:
        local = dataclasses.replace(task, output=str(Path(folder) / Path(task.output).name))
        result = mend_book(local)
        data = Path(local.output).read_bytes() if result.status == "ok" else None
    return dataclasses.replace(result, output=task.output if data is not None else None), data


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise ConfigError("--executor ray needs Ray, which is not installed",
                          "pip install 'pagemend[ray]'") from None
    return ray


def run_on_ray(tasks: list[BookTask], jobs: int, timeout: float,
               memory_mb: int) -> Iterator[BookResult]:
    """The Ray runner: a :data:`~pagemend.executors.local.Runner` for ``run_batch``.

    Joins the cluster Ray finds (``RAY_ADDRESS``), else starts a local one with ``jobs``
    CPUs. ``memory_mb`` is left to Ray's own memory monitor, which kills a task's worker
    when its node runs short (recorded as a worker death).
    """
    ray = _ray()
    if not ray.is_initialized():
        ray.init(num_cpus=None if _has_address() else jobs, include_dashboard=False,
                 log_to_driver=False, configure_logging=False)
    remote = ray.remote(max_retries=0, num_cpus=1)(mend_remotely)
    slots = max(1, int(ray.cluster_resources().get("CPU", jobs)))
    queue = list(reversed(tasks))
    running: dict[Any, tuple[BookTask, float]] = {}
    while queue or running:
        while queue and len(running) < slots:
            task = queue.pop()
            running[remote.remote(task)] = (task, time.monotonic())
        wait = _wait(running, timeout)
        ready, _ = ray.wait(list(running), num_returns=1, timeout=wait)
        for ref in ready:
            yield _outcome(ray, ref, *running.pop(ref))
        for ref, (task, started) in list(running.items()):
            seconds = time.monotonic() - started
            if timeout and seconds >= timeout:
                ray.cancel(ref, force=True)
                del running[ref]
                yield BookResult(task.source, "failed", code=TIMED_OUT,
                                 message=f"the book took longer than {timeout:g} s",
                                 remedy="raise the limit with --timeout if the book is that "
                                 "large; else the file makes pdfium run away: check it",
                                 seconds=round(seconds, 3))


def _has_address() -> bool:
    import os

    return bool(os.environ.get("RAY_ADDRESS"))


def _wait(running: dict[Any, tuple[BookTask, float]], timeout: float) -> float | None:
    if not timeout:
        return None
    now = time.monotonic()
    return max(0.0, min(started + timeout - now for _, started in running.values()))


def _outcome(ray: Any, ref: Any, task: BookTask, started: float) -> BookResult:
    seconds = round(time.monotonic() - started, 3)
    try:
        result, data = ray.get(ref)
    except ray.exceptions.RayError as error:
        return BookResult(task.source, "failed", code=WORKER_DIED,
                          message=f"the Ray worker mending it died ({type(error).__name__})",
                          remedy="the file crashes the PDF engine or exhausts the node's "
                          "memory: check it, or convert it another way", seconds=seconds)
    if data is not None:
        _write_atomically(Path(task.output), data)
    return result  # type: ignore[no-any-return]
