"""The command line, run as a user runs it: exit codes and exact messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import CASES
from pagemend.cli import main

SEED = CASES / "seed" / "input.pages.txt"


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "pagemend", *args], input=stdin,
                          capture_output=True, check=False)


def test_cli_converts_to_stdout():
    result = run(str(SEED))
    assert result.returncode == 0
    assert result.stdout.decode().startswith("would stay neutral while American armies")


def test_cli_reads_stdin_and_writes_json_by_suffix(tmp_path: Path):
    out = tmp_path / "out.json"
    result = run("-", "-o", str(out), stdin=SEED.read_bytes())
    assert result.returncode == 0, result.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["pages"]) == 1


@pytest.mark.parametrize(("fmt", "start"), [("txt", "would"), ("md", "would"), ("json", "{")])
def test_cli_to_format(tmp_path: Path, fmt, start):
    out = tmp_path / "out"
    assert main([str(SEED), "-o", str(out), "--to", fmt]) == 0
    assert out.read_text(encoding="utf-8").startswith(start)


def test_cli_non_utf8_input_is_a_coded_error(tmp_path: Path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Straße\n".encode("latin-1"))
    result = run(str(bad))
    assert result.returncode == 1
    assert result.stdout == b""
    assert result.stderr.decode() == (
        f"pagemend: error: [PM103] {bad} is not UTF-8: byte 0xdf at offset 4 cannot be decoded;"
        " convert it first, e.g. `iconv -f latin1 -t utf-8 FILE > FILE.utf8`\n"
    )


def test_cli_empty_file_is_a_coded_error(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run(str(empty))
    assert result.returncode == 1
    assert result.stderr.decode() == (
        f"pagemend: error: [PM102] {empty} is empty: there are no pages to mend;"
        " check that the right file was given\n"
    )


def test_cli_missing_file(tmp_path: Path):
    result = run(str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert b"[PM101]" in result.stderr


def test_cli_usage_error_exits_2():
    assert run("convert").returncode == 2


def test_cli_explain_lists_edits(tmp_path: Path):
    source = tmp_path / "in.txt"
    source.write_text("ﬁne\n", encoding="utf-8")
    result = run("explain", str(source))
    assert result.returncode == 0
    assert result.stdout.decode() == (
        "#0 line 0\tnormalize_characters\tdecompose_ligature\t'ﬁ' -> 'fi'\t"
        "ligature decomposed to its letters\n"
        "#0 line 0\trejoin_paragraphs.first_line\tkind\t'paragraph' -> 'paragraph'\t"
        "opens 'fin'\n"
        "#0 line 0\tassemble_blocks.first_line\tstarts_block\tFalse -> True\t"
        "the first body line\n"
    )


def _seed_explained(*options: str) -> list[dict[str, object]]:
    result = run("explain", str(SEED), "--json", *options)
    assert result.returncode == 0, result.stderr
    records: list[dict[str, object]] = json.loads(result.stdout)
    return records


def test_cli_explain_filters_by_rule_stage_and_page():
    everything = _seed_explained()
    by_rule = _seed_explained("--rule", "join_hyphenated_words.joined")
    assert by_rule and {r["rule"] for r in by_rule} == {"join_hyphenated_words.joined"}
    by_stage = _seed_explained("--stage", "remove_running_heads")
    assert by_stage and {r["stage"] for r in by_stage} == {"remove_running_heads"}
    assert _seed_explained("--page", "142") == everything  # the seed's one page prints 142
    assert _seed_explained("--page", "#0") == everything
    positions = [(r["page"], r["line"]) for r in everything]
    assert positions == sorted(positions)  # page order, as in the JSON output


def test_cli_explain_unknown_page_is_a_usage_error():
    result = run("explain", str(SEED), "--page", "999")
    assert result.returncode == 2
    assert b"no page prints the label" in result.stderr


def test_cli_verify(tmp_path: Path):
    result = run("verify", str(SEED))
    assert result.returncode == 0
    assert result.stdout.decode() == f"{SEED}: verified, 1 pages rebuild exactly\n"


def test_cli_eval_without_cases_is_a_config_error(tmp_path: Path):
    result = run("eval", str(tmp_path))
    assert result.returncode == 2
    assert b"[PM200] no case in" in result.stderr


def test_cli_set_overrides_a_stage_setting(tmp_path: Path):
    source = tmp_path / "in.txt"
    source.write_text("We must de-\nfend it.\n", encoding="utf-8")
    assert run(str(source)).stdout.decode() == "We must defend it.\n"
    kept = run(str(source), "--set", "join_hyphenated_words.policy=always_keep")
    assert kept.stdout.decode() == "We must de-fend it.\n"


def test_cli_set_rejects_a_bad_value(tmp_path: Path):
    result = run(str(SEED), "--set", "join_hyphenated_words.policy=sometimes")
    assert result.returncode == 2
    assert b"[PM200] join_hyphenated_words.policy must be one of" in result.stderr


def test_cli_verify_pdf():
    pytest.importorskip("pypdfium2")
    pdf = CASES.parent / "corpus" / "hume-groff" / "input.pdf"
    result = run("verify", str(pdf))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == f"{pdf}: verified, 19 pages rebuild exactly\n"


def test_cli_batch_goes_on_past_a_bad_book_and_exits_1(tmp_path: Path, capsys):
    seed = str(CASES / "seed" / "input.pages.txt")
    listed = tmp_path / "books.txt"
    listed.write_text(f"{tmp_path / 'missing.txt'}\n\n")
    out = tmp_path / "out"
    assert main(["batch", seed, "--inputs-from", str(listed), "-d", str(out), "--to", "txt"]) == 1
    err = capsys.readouterr().err
    assert "[1/2] ok" in err and "[PM101]" in err and "2 books: 1 ok, 1 failed" in err
    assert (out / "input.txt").read_text().startswith("would stay neutral")  # the seed
    assert main(["batch", seed, "-d", str(out), "--resume"]) == 0  # all done or skipped


def test_cli_batch_without_books_is_a_usage_error(tmp_path: Path, capsys):
    assert main(["batch", "-d", str(tmp_path)]) == 2
    assert "[PM200] no books given" in capsys.readouterr().err


def test_cli_a_bug_is_one_coded_line_and_no_traceback(monkeypatch, capsys):
    import pagemend.cli

    def broken(doc, config):
        raise RuntimeError("stage fell over")

    monkeypatch.setattr(pagemend.cli, "mend", broken)
    assert main([str(SEED)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("pagemend: error: [PM900] RuntimeError: stage fell over; a bug")
    assert "Traceback" not in err
    assert main([str(SEED), "-v"]) == 1
    assert "Traceback" in capsys.readouterr().err  # -v shows it


def test_cli_commands_after_options():
    assert run("-q", "verify", str(SEED)).returncode == 0
    assert run("--json", "explain", str(SEED)).returncode == 0
