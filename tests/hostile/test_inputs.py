"""Hostile inputs (issue 16): each ends in a coded error or a valid output, within 10 s (of
CPU time) and 1 GB, without a traceback (see bounded.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hostile import pdfs
from hostile.bounded import CORPUS, SEED, pagemend

HUME = CORPUS / "hume-groff" / "input.pdf"


def test_dev_zero_is_refused_at_once():
    run = pagemend("/dev/zero")
    assert (run.returncode, run.code) == (1, "PM105")


def test_binary_on_stdin_is_refused():
    assert pagemend("-", stdin=bytes(200_000)).code == "PM105"


def test_an_input_over_the_size_limit_is_refused(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"A line of a book.\n" * 70_000)  # 1.2 MiB
    run = pagemend(big, "--max-input-mb", "1")
    assert (run.returncode, run.code) == (1, "PM106")
    assert pagemend(big, "--max-input-mb", "2", "-o", tmp_path / "big.md").returncode == 0


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_decoded(tmp_path: Path, codec: str):
    """With a byte-order mark or without (every other byte NUL), mended as the UTF-8 is."""
    text = SEED.read_text(encoding="utf-8")
    source = tmp_path / "book.txt"
    source.write_bytes(text.encode(codec))
    run = pagemend(source)
    assert run.returncode == 0
    assert run.stdout == pagemend(SEED).stdout
    assert pagemend("verify", source).returncode == 0


def test_broken_utf16_says_utf16_not_latin1(tmp_path: Path):
    source = tmp_path / "book.txt"
    source.write_bytes("Hello, world\n".encode("utf-16") + b"\x00")  # an odd length
    run = pagemend(source)
    assert run.code == "PM104" and "iconv -f utf-16" in run.stderr


def test_latin1_still_gets_the_latin1_advice(tmp_path: Path):
    source = tmp_path / "book.txt"
    source.write_bytes("Straße\n".encode("latin-1"))
    run = pagemend(source)
    assert run.code == "PM103" and "iconv -f latin1" in run.stderr


def test_a_pdf_on_stdin_is_read_as_a_pdf():
    run = pagemend("-", stdin=HUME.read_bytes())
    assert run.returncode == 0
    assert run.stdout == pagemend(HUME).stdout


def test_a_pdf_in_a_folder_of_pages_is_named(tmp_path: Path):
    (tmp_path / "p1.txt").write_text("one\n", encoding="utf-8")
    (tmp_path / "p2.txt").write_bytes(HUME.read_bytes())
    run = pagemend(tmp_path)
    assert run.code == "PM108" and "p2.txt is a PDF" in run.stderr


def test_a_folder_input_reads_only_its_page_files(tmp_path: Path):
    (tmp_path / "p1.txt").write_text("First page of the book.\n", encoding="utf-8")
    (tmp_path / "p2.txt").write_text("Second page of the book.\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("How these pages were made.\n", encoding="utf-8")
    (tmp_path / ".hidden").write_text("Editor state.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    outside = tmp_path.parent / f"{tmp_path.name}-secret.txt"
    outside.write_text("Not a page of this book.\n", encoding="utf-8")
    (tmp_path / "p3.txt").symlink_to(outside)  # a link out of the folder is not followed
    run = pagemend(tmp_path, "--to", "txt")
    assert run.returncode == 0
    text = run.stdout.decode()
    assert "First page" in text and "Second page" in text
    assert "How these" not in text and "Editor" not in text and "Not a page" not in text
    assert pagemend("verify", tmp_path).returncode == 0


def test_an_unreadable_page_file_is_a_coded_error(tmp_path: Path, monkeypatch):
    from pagemend.errors import UnreadableInputError
    from pagemend.readers.text import read_folder

    (tmp_path / "p1.txt").write_text("one\n", encoding="utf-8")
    locked = tmp_path / "p2.txt"
    locked.write_text("two\n", encoding="utf-8")
    if os.geteuid() != 0:
        locked.chmod(0)
        assert pagemend(tmp_path).code == "PM107"
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object):  # as root, chmod does not stop
        if self.name == "p2.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(UnreadableInputError, match=r"\[PM107\].*p2.txt cannot be read"):
        read_folder(tmp_path)


def test_a_file_name_that_is_not_utf8(tmp_path: Path):
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    Path(os.fsdecode(name)).write_bytes(SEED.read_bytes())
    run = pagemend(name)
    assert run.returncode == 0 and run.stdout == pagemend(SEED).stdout
    missing = os.fsencode(tmp_path) + b"/gone\xff.txt"
    run = pagemend(missing)
    assert run.code == "PM101" and "gone\\udcff.txt" in run.stderr


def test_wrong_password_and_missing_password_differ(tmp_path: Path):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=str(HUME))
    writer.encrypt("secret")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    assert pagemend(locked).code == "PM111"
    wrong = pagemend(locked, "--password", "guess")
    assert wrong.code == "PM112" and "password given is not" in wrong.stderr
    assert pagemend(locked, "--password", "secret").returncode == 0


@pytest.mark.parametrize(("name", "data"), [
    ("cyclic", pdfs.cyclic()),
    ("deep", pdfs.deep(20_000)),
])
def test_broken_page_trees_are_coded(tmp_path: Path, name: str, data: bytes):
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(data)
    run = pagemend(source)
    assert (run.returncode, run.code) == (1, "PM114")


def test_pdf_generator_is_valid(tmp_path: Path):
    """The generator makes valid PDFs: a page tree five deep reads as one page."""
    source = tmp_path / "deep5.pdf"
    source.write_bytes(pdfs.deep(5))
    run = pagemend(source)
    assert run.returncode == 0 and run.stdout.strip() == b"Hello"


def test_verify_a_missing_file_and_a_folder(tmp_path: Path):
    assert pagemend("verify", tmp_path / "missing.txt").code == "PM101"
    (tmp_path / "p1.txt").write_text("A page.\n", encoding="utf-8")
    run = pagemend("verify", tmp_path)
    assert run.returncode == 0 and b"verified" in run.stdout
    assert pagemend("verify", tmp_path / "empty-folder-missing").code == "PM101"


def test_a_pdf_that_crashes_pdfium_is_a_coded_error(tmp_path: Path):
    """Nested forms drawn ten million times: pdfium exhausts the worker's memory cap and
    aborts; the command line says so with a code (the PDF is mended in a worker)."""
    pytest.importorskip("pypdfium2")
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(pdfs.bomb(7))
    run = pagemend(bomb, "--memory-mb", "480")
    assert run.returncode == 1 and run.code in ("PM120", "PM121")
