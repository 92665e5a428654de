"""Many books on one machine (pagemend/executors/local.py): a failing book is recorded with
its code and the batch goes on; outputs are whole or absent; a rerun resumes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from helpers import CASES, CORPUS
from pagemend.config import PipelineConfig
from pagemend.errors import ConfigError
from pagemend.executors import local
from pagemend.executors.local import CONFIG_FILE, REPORT_FILE, run_local

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: tomli, the same parser (a dependency below 3.11)
    import tomli as tomllib

SEED = str(CASES / "seed" / "input.pages.txt")
VERSE = str(CASES / "verse" / "input.pages.txt")


def _books(tmp_path: Path) -> list[str]:
    """Two good books, a file that is no PDF, and one that is not there."""
    good = tmp_path / "walden.pdf"
    good.write_bytes((CORPUS / "walden-groff" / "input.pdf").read_bytes())
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7 this is not a PDF")
    return [SEED, str(good), str(bad), str(tmp_path / "missing.txt")]


def _report(out: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (out / REPORT_FILE).read_text().splitlines()]


def test_a_failing_book_is_recorded_and_the_batch_goes_on(tmp_path: Path):
    out = tmp_path / "out"
    results = {Path(r.source).name: r for r in run_local(_books(tmp_path), out)}
    assert results["input.pages.txt"].status == "ok" and results["walden.pdf"].pages == 13
    assert (results["broken.pdf"].status, results["broken.pdf"].code) == ("failed", "PM110")
    assert (results["missing.txt"].status, results["missing.txt"].code) == ("failed", "PM101")
    assert results["missing.txt"].remedy  # every failure says how to fix it
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["input.md", "walden.md", REPORT_FILE, CONFIG_FILE])  # no half-written, no lock file
    assert [r["status"] for r in _report(out)] == ["ok", "ok", "failed", "failed"]


def test_an_unexpected_error_is_a_record_too(tmp_path: Path, monkeypatch):
    def broken_mend(doc, config):  # a bug in a stage
        raise RuntimeError("stage fell over")

    monkeypatch.setattr(local, "mend", broken_mend)
    (result,) = run_local([SEED], tmp_path)
    assert (result.status, result.code) == ("failed", "PM900")
    assert "RuntimeError: stage fell over" in (result.message or "")


def test_outputs_equal_a_single_convert_and_do_not_depend_on_jobs(tmp_path: Path):
    from pagemend.pipeline import mend
    from pagemend.readers import read_path
    from pagemend.writers import write

    books = _books(tmp_path)
    one, two = tmp_path / "one", tmp_path / "two"
    list(run_local(books[:2], one))
    list(run_local(books[:2], two, jobs=2))
    for name in ("input.md", "walden.md"):
        assert (one / name).read_text() == (two / name).read_text()
    assert (one / "input.md").read_text() == write(mend(read_path(SEED)), "md")


def test_resume_skips_whole_outputs_and_retries_failures(tmp_path: Path):
    books = _books(tmp_path)
    out = tmp_path / "out"
    list(run_local(books, out))
    again = {Path(r.source).name: r.status for r in run_local(books, out, resume=True)}
    assert again == {"input.pages.txt": "skipped", "walden.pdf": "skipped",
                     "broken.pdf": "failed", "missing.txt": "failed"}
    assert len(_report(out)) == 8  # the report keeps both runs


def test_the_settings_are_saved_where_config_reads_them(tmp_path: Path):
    config = PipelineConfig.resolve({"join_hyphenated_words": {"policy": "always_keep"}})
    list(run_local([SEED], tmp_path, "json", config))
    saved = tomllib.loads((tmp_path / CONFIG_FILE).read_text())
    assert PipelineConfig.resolve(saved) == config
    assert json.loads((tmp_path / "input.json").read_text())["blocks"]


def test_books_that_share_a_file_name_are_named_by_their_folders(tmp_path: Path):
    results = list(run_local([SEED, VERSE], tmp_path / "out"))
    assert [Path(r.output or "").name for r in results] == [
        Path(SEED).parent.name + ".md", Path(VERSE).parent.name + ".md"]


def test_books_that_would_overwrite_each_other_are_refused_before_any_work(tmp_path: Path):
    for shelf in ("a", "b"):
        (tmp_path / shelf / "book").mkdir(parents=True)
        (tmp_path / shelf / "book" / "input.txt").write_text("One line.")
    twins = [str(tmp_path / shelf / "book" / "input.txt") for shelf in ("a", "b")]
    with pytest.raises(ConfigError, match=r"\[PM200\].*both be written to book.md"):
        list(run_local(twins, tmp_path / "out"))
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and RLIMIT_AS: Linux")
def test_the_memory_cap_comes_on_top_of_what_a_forked_worker_holds(tmp_path: Path):
    """A worker forked from a process holding more address space than the cap (as one that
    started Ray does: over 8 GiB, reserved, never touched) still loads pdfium and mends a
    PDF: the cap counts from the worker's own start (it failed with PM900, "failed to map
    segment from shared object", when the cap counted the whole address space)."""
    import mmap

    reserved = mmap.mmap(-1, 3 * 2**30, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS
                         | getattr(mmap, "MAP_NORESERVE", 0))  # 3 GiB of address space, untouched
    try:
        task = local.BookTask(str(CASES / "two-columns-pdf" / "input.pdf"),
                              str(tmp_path / "out.md"), "md", PipelineConfig())
        result = local.mend_isolated(task, memory_mb=1024)
    finally:
        reserved.close()
    assert (result.status, result.code) == ("ok", None), result.message
    assert (tmp_path / "out.md").read_text(encoding="utf-8")
