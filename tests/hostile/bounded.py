"""Run pagemend as a user does, within the hostile suite's bounds: every run ends in a coded
error or a valid output, within ``SECONDS`` and ``MEGABYTES``, and never prints a traceback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

#: every hostile input ends within this many seconds of CPU time, the process's and its
#: workers' together (issue 16's bound; CPU time, not wall-clock, so that a machine shared
#: with other work does not fail the suite)
SECONDS = 10.0
#: and is killed (which fails) past this many seconds of wall-clock time: a hang
WALL_SECONDS = 60.0
#: and within this much memory (the peak resident size of the process and its workers)
MEGABYTES = 1024
CODED = re.compile(r"^pagemend: error: \[PM\d{3}\] .+; .+$")
ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "cases" / "seed" / "input.pages.txt"
CORPUS = ROOT / "tests" / "corpus"


@dataclass
class Run:
    returncode: int
    stdout: bytes
    stderr: str
    seconds: float
    cpu_seconds: float
    megabytes: float

    @property
    def code(self) -> str | None:
        found = re.search(r"\[(PM\d{3})\]", self.stderr)
        return found.group(1) if found else None


def pagemend(*args: object, stdin: bytes | None = None, cwd: Path | None = None) -> Run:
    """Run the command line in a process of its own; check the bounds and the manners."""
    run = measured([sys.executable, "-m", "pagemend", *map(_arg, args)], stdin, cwd)
    check(run)
    return run


def _arg(arg: object) -> str | bytes:
    return arg if isinstance(arg, bytes) else str(arg)


def measured(command: list[str | bytes], stdin: bytes | None = None, cwd: Path | None = None,
             seconds: float = WALL_SECONDS) -> Run:
    """Run a command; its time, CPU time and peak memory (its own and its reaped children's,
    from wait4); killed past ``seconds`` of wall-clock time (which fails)."""
    started = time.monotonic()
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, cwd=cwd)
    output: dict[str, bytes] = {}

    def feed() -> None:
        assert process.stdin is not None
        try:
            process.stdin.write(stdin or b"")
            process.stdin.close()
        except OSError:
            pass

    def drain(name: str) -> None:
        stream = getattr(process, name)
        output[name] = stream.read()

    threads = [threading.Thread(target=feed)] + [
        threading.Thread(target=drain, args=(name,)) for name in ("stdout", "stderr")]
    for thread in threads:
        thread.start()
    timer = threading.Timer(seconds, process.kill)
    timer.start()
    _, status, usage = os.wait4(process.pid, 0)
    timer.cancel()
    elapsed = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    for thread in threads:
        thread.join()
    assert elapsed <= seconds, f"{command} ran past {seconds} s"
    return Run(process.returncode, output["stdout"], output["stderr"].decode("utf-8", "replace"),
               elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def check(run: Run) -> None:
    """A valid output (exit 0) or a coded error on every error line; no traceback; in
    bounds."""
    assert "Traceback" not in run.stderr, run.stderr
    assert run.cpu_seconds <= SECONDS, run.cpu_seconds
    assert run.megabytes <= MEGABYTES, run.megabytes
    if run.returncode != 0:
        errors = [line for line in run.stderr.splitlines() if line.startswith("pagemend:")]
        failed = [line for line in run.stderr.splitlines() if "] failed " in line]
        assert errors or failed, run.stderr
        assert all(CODED.match(line) for line in errors), run.stderr
