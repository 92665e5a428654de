"""A batch among hostile books and folders (issue 16): a crashing PDF does not take it down,
killing it leaves no process behind, two batches do not share a folder, resume keeps its
settings, links and folders in the output folder are not written through or taken as done."""

from __future__ import annotations

import faulthandler
import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile import pdfs
from hostile.bounded import CORPUS, SEED, pagemend
from pagemend.executors import local
from pagemend.executors.local import CONFIG_FILE, LOCK_FILE, REPORT_FILE, run_local

HUME = CORPUS / "hume-groff" / "input.pdf"


def _report(out: Path) -> dict[str, dict[str, object]]:
    records = [json.loads(line) for line in (out / REPORT_FILE).read_text().splitlines()]
    return {Path(record["source"]).name: record for record in records}


def test_a_crashing_pdf_does_not_take_the_batch_down(tmp_path: Path):
    """pdfium aborts on nested forms drawn ten million times (under the worker's memory cap):
    the book is recorded with a code, the good books are mended, the batch exits 1."""
    pytest.importorskip("pypdfium2")
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(pdfs.bomb(7))
    good = tmp_path / "hume.pdf"
    good.write_bytes(HUME.read_bytes())
    out = tmp_path / "out"
    run = pagemend("batch", bomb, good, SEED, "-d", out, "--memory-mb", "480", "--timeout", "40",
                   "--jobs", "2")  # hume-groff, the largest corpus PDF, needs under 400 MiB
    assert run.returncode == 1
    report = _report(out)
    assert report["bomb.pdf"]["status"] == "failed"
    assert report["bomb.pdf"]["code"] in ("PM120", "PM121", "PM122")  # died, or stopped
    assert report["hume.pdf"]["status"] == report["input.pages.txt"]["status"] == "ok"
    assert (out / "hume.md").exists() and not (out / "bomb.md").exists()


def test_a_worker_that_dies_is_recorded_and_the_rest_go_on(tmp_path: Path, monkeypatch):
    def abort(doc, config):  # as pdfium does on a hostile PDF
        if "crash" in doc.meta.source:
            faulthandler.disable()  # pytest's would print the worker's stack
            os.abort()
        return local_mend(doc, config)

    local_mend = local.mend
    crash = tmp_path / "crash.txt"
    crash.write_bytes(SEED.read_bytes())
    monkeypatch.setattr(local, "mend", abort)
    results = {Path(r.source).name: r for r in run_local([str(crash), str(SEED)],
                                                          tmp_path / "out")}
    assert (results["crash.txt"].status, results["crash.txt"].code) == ("failed", "PM120")
    assert "SIGABRT" in (results["crash.txt"].message or "")
    assert results["input.pages.txt"].status == "ok"


def test_a_runaway_book_is_stopped_at_the_time_limit(tmp_path: Path, monkeypatch):
    def forever(doc, config):
        while True:
            time.sleep(1)

    monkeypatch.setattr(local, "mend", forever)
    (result,) = run_local([str(SEED)], tmp_path / "out", timeout=1)
    assert (result.status, result.code) == ("failed", "PM122")


def _busy_batch(tmp_path: Path, stderr: int) -> tuple[subprocess.Popen[bytes], list[int]]:
    """A batch of 30 long books on two workers, and the workers' pids once both run (each
    book ten times a corpus case: a minute of work, still running when the test is done)."""
    big = (CORPUS / "hume-groff" / "input.pages.txt").read_bytes() * 10
    books = []
    for i in range(30):
        book = tmp_path / f"book{i}.txt"
        book.write_bytes(big)
        books.append(str(book))
    batch = subprocess.Popen([sys.executable, "-m", "pagemend", "batch", *books, "-d",
                              str(tmp_path / "out"), "--jobs", "2"],
                             stdout=subprocess.DEVNULL, stderr=stderr)
    workers: list[int] = []
    deadline = time.monotonic() + 10
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
        workers = _children(batch.pid)
    return batch, workers


def test_killing_the_batch_leaves_no_worker(tmp_path: Path):
    batch, workers = _busy_batch(tmp_path, subprocess.DEVNULL)
    assert len(workers) == 2
    batch.kill()
    batch.wait()
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


def _children(pid: int) -> list[int]:
    children = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text()
        children += [int(child) for child in text.split()]
    return children


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_two_batches_do_not_write_into_one_folder(tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    with (out / LOCK_FILE).open("w") as held:  # another batch, running
        fcntl.flock(held, fcntl.LOCK_EX)
        run = pagemend("batch", SEED, "-d", out)
    assert (run.returncode, run.code) == (1, "PM505")
    assert not (out / "input.md").exists()
    assert pagemend("batch", SEED, "-d", out).returncode == 0  # once the other has ended
    assert not (out / LOCK_FILE).exists()  # and no lock file is left behind


def test_a_running_batch_refuses_a_second_and_leaves_no_lock_file(tmp_path: Path):
    """A second batch into the folder of one that runs is refused; once the first ends
    (here stopped by SIGTERM), its lock file is gone and the folder takes a new batch."""
    batch, workers = _busy_batch(tmp_path, subprocess.DEVNULL)
    out = tmp_path / "out"
    assert len(workers) == 2 and (out / LOCK_FILE).exists()
    run = pagemend("batch", SEED, "-d", out)
    assert (run.returncode, run.code) == (1, "PM505")
    batch.send_signal(signal.SIGTERM)
    assert batch.wait(timeout=10) == 130
    assert not (out / LOCK_FILE).exists()
    assert pagemend("batch", SEED, "-d", out).returncode == 0
    assert not (out / LOCK_FILE).exists()


def test_a_lock_file_removed_while_taking_it_is_not_kept(tmp_path: Path, monkeypatch):
    """A batch that locks the lock file just as its holder removes it (and a third batch
    makes a new one) does not keep the removed file's lock (two batches would then run): it
    locks the file now at the path."""
    out = tmp_path / "out"
    out.mkdir()
    flock = fcntl.flock
    raced: list[int] = []

    def racing(fd: int, operation: int) -> None:
        flock(fd, operation)
        if not raced:
            raced.append(fd)
            (out / LOCK_FILE).unlink()
            (out / LOCK_FILE).touch()

    monkeypatch.setattr(fcntl, "flock", racing)
    with local._locked(out):
        monkeypatch.setattr(fcntl, "flock", flock)
        with (out / LOCK_FILE).open("rb") as other, pytest.raises(BlockingIOError):
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
    assert len(raced) == 1 and not (out / LOCK_FILE).exists()


def test_resume_with_other_settings_is_refused(tmp_path: Path):
    out = tmp_path / "out"
    assert pagemend("batch", SEED, "-d", out).returncode == 0
    saved = (out / CONFIG_FILE).read_text()
    run = pagemend("batch", SEED, "-d", out, "--resume", "--set",
                   "join_hyphenated_words.policy=always_keep")
    assert (run.returncode, run.code) == (2, "PM205")
    assert (out / CONFIG_FILE).read_text() == saved  # not rewritten
    again = pagemend("batch", SEED, "-d", out, "--resume", "--config", out / CONFIG_FILE)
    assert again.returncode == 0 and "skipped" in again.stderr


def test_stale_temporaries_are_removed(tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".input.md.12345.tmp"
    stale.write_text("half a book", encoding="utf-8")
    assert pagemend("batch", SEED, "-d", out).returncode == 0
    assert not stale.exists()


def test_a_folder_at_an_output_path_is_not_done(tmp_path: Path):
    out = tmp_path / "out"
    (out / "input.md").mkdir(parents=True)
    run = pagemend("batch", SEED, "-d", out, "--resume")
    assert run.returncode == 1
    assert _report(out)["input.pages.txt"]["code"] == "PM503"


@pytest.mark.parametrize("name", [CONFIG_FILE, REPORT_FILE])
def test_links_in_the_output_folder_are_not_written_through(tmp_path: Path, name: str):
    out = tmp_path / "out"
    out.mkdir()
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    (out / name).symlink_to(target)
    run = pagemend("batch", SEED, "-d", out)
    assert (run.returncode, run.code) == (1, "PM506")
    assert target.read_text(encoding="utf-8") == "keep me"


def test_batch_output_folder_faults(tmp_path: Path):
    assert pagemend("batch", SEED, "-d", SEED).code == "PM501"  # a file
    assert pagemend("batch", SEED, "-d", SEED / "out").code == "PM501"  # under a file
    assert pagemend("batch", SEED, "-d", "/proc/pagemend-out").code == "PM502"


def test_a_name_that_is_not_utf8_does_not_abort_the_batch(tmp_path: Path):
    odd = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    Path(os.fsdecode(odd)).write_bytes(SEED.read_bytes())
    listed = tmp_path / "books.txt"
    listed.write_bytes(odd + b"\n" + os.fsencode(tmp_path) + b"/gone\xff.txt\n"
                       + os.fsencode(SEED) + b"\n")
    out = tmp_path / "out"
    run = pagemend("batch", "--inputs-from", listed, "-d", out)
    assert run.returncode == 1 and "3 books: 2 ok, 1 failed" in run.stderr
    assert Path(os.fsdecode(os.fsencode(out) + b"/caf\xe9.md")).exists()
    records = _report(out)
    assert {record["status"] for record in records.values()} == {"ok", "failed"}


def test_an_inputs_list_that_is_binary(tmp_path: Path):
    listed = tmp_path / "books.bin"
    listed.write_bytes(bytes(100))
    assert pagemend("batch", "--inputs-from", listed, "-d", tmp_path / "out").code == "PM206"


def test_sigterm_stops_the_batch_and_its_workers(tmp_path: Path):
    batch, workers = _busy_batch(tmp_path, subprocess.PIPE)
    batch.send_signal(signal.SIGTERM)
    _, err = batch.communicate(timeout=10)
    assert batch.returncode == 130 and b"[PM510]" in err
    assert not any(_alive(pid) for pid in workers)
