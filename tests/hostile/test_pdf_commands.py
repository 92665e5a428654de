"""``explain``, ``verify`` and ``review`` of a hostile PDF (issue 16): the PDF is read, mended
(and for ``review`` rendered) in a worker process with the memory cap and time limit of
``--memory-mb`` and ``--timeout``, as in a batch, so that a PDF that crashes pdfium or runs
away is a coded error and never takes the command down."""

from __future__ import annotations

import functools
import os
import time
from pathlib import Path

import pytest

from hostile import pdfs
from hostile.bounded import CORPUS, pagemend
from pagemend.errors import BookFailedError
from pagemend.executors.local import call_isolated

pytest.importorskip("pypdfium2")

HUME = CORPUS / "hume-groff" / "input.pdf"
#: the commands and the options each needs besides the input (review writes a file)
COMMANDS = ["explain", "verify", "review"]


def _options(command: str, tmp_path: Path) -> list[object]:
    return ["-o", tmp_path / "review.html"] if command == "review" else []


@pytest.mark.parametrize("command", COMMANDS)
def test_a_pdf_that_crashes_pdfium_is_a_coded_error(tmp_path: Path, command: str):
    """Nested forms drawn ten million times: pdfium exhausts the worker's memory cap and
    aborts; the command says so with a code instead of dying with it."""
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(pdfs.bomb(7))
    run = pagemend(command, bomb, "--memory-mb", "480", "--timeout", "40",
                   *_options(command, tmp_path))
    assert run.returncode == 1 and run.code in ("PM120", "PM121")
    assert not (tmp_path / "review.html").exists()


@pytest.mark.parametrize("command", [["explain"], ["verify"], ["convert"], ["cite", "words"]])
def test_a_crashing_pdf_on_stdin_is_a_coded_error(command: list[str]):
    """Conversion and citation too: a PDF on stdin goes to the capped worker."""
    run = pagemend(*command[:1], "-", *command[1:], "--memory-mb", "480", stdin=pdfs.bomb(7))
    assert run.returncode == 1 and run.code in ("PM120", "PM121")


def test_a_crashing_pdf_file_given_to_cite_is_a_coded_error(tmp_path: Path):
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(pdfs.bomb(7))
    run = pagemend("cite", bomb, "words", "--memory-mb", "480", "--timeout", "40")
    assert run.returncode == 1 and run.code in ("PM120", "PM121")


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("name", "data"), [
    ("cyclic", pdfs.cyclic()),
    ("deep", pdfs.deep(20_000)),
])
def test_broken_page_trees_are_coded(tmp_path: Path, command: str, name: str, data: bytes):
    """The reader's coded error comes back from the worker with its code."""
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(data)
    run = pagemend(command, source, *_options(command, tmp_path))
    assert (run.returncode, run.code) == (1, "PM114")


@pytest.mark.parametrize("command", COMMANDS)
def test_the_time_limit_holds(tmp_path: Path, command: str):
    run = pagemend(command, HUME, "--timeout", "0.001", *_options(command, tmp_path))
    assert (run.returncode, run.code) == (1, "PM122")


def test_a_good_pdf_is_explained_verified_and_reviewed(tmp_path: Path):
    """Through the worker, as before: the edits, the rebuild, the page images."""
    source = tmp_path / "deep5.pdf"
    source.write_bytes(pdfs.deep(5))
    explained = pagemend("explain", source, "--json")
    assert explained.returncode == 0 and explained.stdout.startswith(b"[")
    verified = pagemend("verify", source)
    assert verified.returncode == 0 and b"verified, 1 pages" in verified.stdout
    assert pagemend("verify", "-", stdin=source.read_bytes()).returncode == 0
    page = tmp_path / "review.html"
    assert pagemend("review", source, "-o", page).returncode == 0
    assert "data:image/png" in page.read_text(encoding="utf-8")


def test_a_written_json_output_of_a_pdf_is_verified(tmp_path: Path):
    output = tmp_path / "hume.json"
    assert pagemend(HUME, "-o", output).returncode == 0
    run = pagemend("verify", HUME, "--output", output)
    assert run.returncode == 0 and b"verified, 19 pages" in run.stdout


def test_call_isolated_returns_the_value_or_a_coded_failure():
    assert call_isolated("sum", functools.partial(sum, [1, 2, 3])) == 6
    with pytest.raises(BookFailedError) as died:
        call_isolated("exits", functools.partial(os._exit, 3))
    assert died.value.code == "PM120" and "exit code 3" in died.value.problem
    with pytest.raises(BookFailedError) as stopped:
        call_isolated("sleeps", functools.partial(time.sleep, 30), timeout=0.5)
    assert stopped.value.code == "PM122"
