"""Faults of the environment and command-line habits (issue 16), made in ways that work as
root: /dev/full for a full disk, a path under a regular file for a missing folder, a path in
/proc for a folder that accepts no files. Each ends in a coded error or a valid output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hostile.bounded import CODED, SEED, pagemend


def test_output_into_a_missing_folder(tmp_path: Path):
    assert pagemend(SEED, "-o", tmp_path / "no" / "such" / "out.md").code == "PM501"
    assert pagemend(SEED, "-o", SEED / "out.md").code == "PM501"  # under a regular file


def test_output_where_no_file_may_be_made():
    assert pagemend(SEED, "-o", "/proc/pagemend-out.md").code == "PM502"


def test_output_onto_a_folder(tmp_path: Path):
    run = pagemend(SEED, "-o", tmp_path)
    assert (run.returncode, run.code) == (1, "PM503")


def test_a_full_disk(tmp_path: Path):
    assert pagemend(SEED, "-o", "/dev/full").code == "PM504"
    with Path("/dev/full").open("wb") as full:
        process = subprocess.run([sys.executable, "-m", "pagemend", str(SEED)], stdout=full,
                                 stderr=subprocess.PIPE, check=False, timeout=10)
    assert process.returncode == 1
    assert process.stderr.decode().startswith("pagemend: error: [PM504] <stdout>")
    assert "Traceback" not in process.stderr.decode()
    assert "a bug" not in process.stderr.decode()


def test_options_in_any_order(tmp_path: Path):
    first = pagemend("--to", "json", SEED)
    assert first.returncode == 0 and json.loads(first.stdout)["blocks"]
    assert pagemend("-q", "verify", SEED).returncode == 0
    assert pagemend("--to", "txt", SEED, "-q").stdout == pagemend(SEED, "--to", "txt").stdout


def test_the_format_comes_from_the_suffix_and_an_unknown_one_is_refused(tmp_path: Path):
    assert pagemend(SEED, "-o", tmp_path / "out.json").returncode == 0
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["blocks"]
    run = pagemend(SEED, "-o", tmp_path / "out.docx")
    assert (run.returncode, run.code) == (2, "PM201")
    assert not (tmp_path / "out.docx").exists()
    assert pagemend(SEED, "-o", tmp_path / "out.docx", "--to", "md").returncode == 0
    assert pagemend(SEED, "-o", tmp_path / "out.tei.xml").returncode == 0
    assert (tmp_path / "out.tei.xml").read_text(encoding="utf-8").count("<TEI") == 1


def test_lang_is_validated():
    assert pagemend(SEED, "--lang", "xx").code == "PM202"
    assert pagemend(SEED, "--lang", "EN").returncode == 0


def test_settings_are_type_checked(tmp_path: Path):
    off = pagemend(SEED, "--set", "detect_headings.enabled=no")
    assert off.returncode == 0  # parsed as false
    assert off.stdout == pagemend(SEED, "--set", "detect_headings.enabled=false").stdout
    assert pagemend(SEED, "--set", "detect_headings.enabled=maybe").code == "PM203"
    config = tmp_path / "settings.toml"
    config.write_text('[detect_headings]\nenabled = "no"\n', encoding="utf-8")
    assert pagemend(SEED, "--config", config).code == "PM203"


def test_a_stage_the_output_needs_cannot_be_switched_off():
    run = pagemend(SEED, "--set", "assemble_blocks.enabled=false")
    assert (run.returncode, run.code) == (2, "PM204")


def test_quiet_and_verbose(tmp_path: Path):
    quiet = pagemend("verify", SEED, "-q")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, b"", "")
    loud = pagemend(SEED, "-v", "-o", tmp_path / "out.md")
    assert "1 pages in" in loud.stderr


def test_verify_checks_a_written_json_output(tmp_path: Path):
    out = tmp_path / "out.json"
    assert pagemend(SEED, "-o", out).returncode == 0
    run = pagemend("verify", SEED, "--output", out)
    assert run.returncode == 0 and b"verified" in run.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    block = data["blocks"][0]
    block["text"] = block["text"].replace("neutral", "neutrel", 1)
    out.write_text(json.dumps(data), encoding="utf-8")
    assert pagemend("verify", SEED, "--output", out).code == "PM301"
    out.write_text("{}", encoding="utf-8")
    assert pagemend("verify", SEED, "--output", out).code == "PM301"
    out.write_text("not json", encoding="utf-8")
    assert pagemend("verify", SEED, "--output", out).code == "PM107"


def test_verify_checks_a_written_json_output_of_a_pdf(tmp_path: Path):
    pytest.importorskip("pypdfium2")
    from hostile.bounded import CORPUS

    pdf = CORPUS / "walden-groff" / "input.pdf"
    out = tmp_path / "out.json"
    assert pagemend(pdf, "-o", out).returncode == 0
    assert pagemend("verify", pdf, "--output", out).returncode == 0


#: ``python -m pagemend`` as a terminal starts it, with Ctrl-C's signal neither ignored nor
#: blocked: a test run started in the background (``make test &``) passes SIGINT ignored to
#: its children, as a shell does for background jobs, and pagemend rightly keeps it so
_AS_AT_A_TERMINAL = ("import runpy, signal; "
                     "signal.signal(signal.SIGINT, signal.default_int_handler); "
                     "signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT}); "
                     "runpy.run_module('pagemend', run_name='__main__', alter_sys=True)")


def test_ctrl_c_exits_130_with_a_coded_line(tmp_path: Path):
    from hostile.bounded import CORPUS

    big = tmp_path / "big.txt"
    big.write_bytes((CORPUS / "montecristo-weasy" / "input.pages.txt").read_bytes() * 10)
    books = []
    # a minute of work or more, still running when Ctrl-C comes even if this process is
    # kept waiting for seconds (40 such books took 5.4 s once the mending got fast, and a
    # loaded machine sent the signal after the batch had ended); hard links, not copies
    for i in range(400):
        book = tmp_path / f"book{i}.txt"
        os.link(big, book)
        books.append(str(book))
    process = subprocess.Popen([sys.executable, "-c", _AS_AT_A_TERMINAL, "batch", *books, "-d",
                                str(tmp_path / "out"), "--jobs", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stderr is not None
    first = process.stderr.readline()  # the first book's line: the batch is at work
    assert first.startswith(b"[1/400] ok"), first
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=10)
    assert process.returncode == 130, err
    last = err.decode().splitlines()[-1]
    assert CODED.match(last) and "[PM510]" in last
    assert "Traceback" not in err.decode()
