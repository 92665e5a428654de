from __future__ import annotations

from pathlib import Path

import pytest

from pagemend.errors import EmptyInputError, EncodingError, InputNotFoundError
from pagemend.readers.text import read_bytes, read_folder, read_path, read_text


def page_texts(doc):
    return [[line.text for line in page.lines] for page in doc.pages]


@pytest.mark.parametrize(
    ("source", "pages"),
    [
        ("one\ftwo", [["one"], ["two"]]),  # the last page ends without a form feed
        ("one\ftwo\f", [["one"], ["two"]]),  # a final form feed does not start a page
        ("one\f\fthree\f", [["one"], [""], ["three"]]),  # an empty page stays a page
        ("one\n\ftwo\n\f", [["one", ""], ["two", ""]]),
    ],
)
def test_read_text_pages(source, pages):
    assert page_texts(read_text(source)) == pages


def test_read_text_page_and_line_numbers():
    doc = read_text("a\nb\fc")
    assert [(line.page, line.number) for line in doc.lines()] == [(0, 0), (0, 1), (1, 0)]
    assert [page.index for page in doc.pages] == [0, 1]


def test_read_bytes_tolerates_bom_and_crlf():
    doc = read_bytes(b"\xef\xbb\xbfone\r\ntwo\r\n\x0cthree", "x")
    assert page_texts(doc) == [["one", "two", ""], ["three"]]
    assert doc.meta.bom and doc.meta.crlf


def test_read_bytes_rejects_latin1_with_offset():
    with pytest.raises(EncodingError) as raised:
        read_bytes(b"Stra\xdfe", "book.txt")
    assert raised.value.offset == 4
    assert "[PM103] book.txt is not UTF-8: byte 0xdf at offset 4" in str(raised.value)


@pytest.mark.parametrize("data", [b"", b"  \n\x0c\n"])
def test_read_bytes_rejects_empty_input(data):
    with pytest.raises(EmptyInputError, match=r"\[PM102\]"):
        read_bytes(data, "empty.txt")


def test_read_folder_natural_order(tmp_path: Path):
    for name, text in [("page10.txt", "ten"), ("page2.txt", "two"), ("page1.txt", "one")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert page_texts(read_folder(tmp_path)) == [["one"], ["two"], ["ten"]]


def test_read_folder_keeps_an_empty_page(tmp_path: Path):
    (tmp_path / "1.txt").write_text("one", encoding="utf-8")
    (tmp_path / "2.txt").write_text("", encoding="utf-8")
    (tmp_path / "3.txt").write_text("three", encoding="utf-8")
    assert page_texts(read_folder(tmp_path)) == [["one"], [""], ["three"]]


def test_read_path_missing_file(tmp_path: Path):
    with pytest.raises(InputNotFoundError, match=r"\[PM101\]"):
        read_path(str(tmp_path / "nope.txt"))


def test_pdfium_marker_splits_the_line():
    doc = read_text("Nan\ufffetucket, at which\nnext")
    assert [(line.text, line.soft_break) for line in doc.lines()] == [
        ("Nan\ufffe", True), ("tucket, at which", False), ("next", False)
    ]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_decoded_like_utf8(codec):
    text = "Erste Seite\r\nzweite Zeile\fnext page\n"
    assert page_texts(read_bytes(text.encode(codec), "x")) == page_texts(
        read_bytes(text.encode("utf-8"), "x"))


def test_binary_and_utf16_that_does_not_decode_are_coded():
    from pagemend.errors import BinaryInputError, Utf16InputError

    with pytest.raises(BinaryInputError, match=r"\[PM105\]"):
        read_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64), "image.png")
    with pytest.raises(Utf16InputError, match=r"\[PM104\]"):
        read_bytes("abc".encode("utf-16") + b"\x00", "odd.txt")


def test_a_stray_nul_in_text_is_still_text():
    assert page_texts(read_bytes(b"one\x00 two\n" + b"word " * 100, "x"))[0][0] == "one\x00 two"


def test_read_limited_stops_at_the_limit_and_at_binary():
    import io

    from pagemend.errors import BinaryInputError, InputTooLargeError
    from pagemend.readers.text import read_limited

    assert read_limited(io.BytesIO(b"x" * 10), "x", 10) == b"x" * 10
    with pytest.raises(InputTooLargeError, match=r"\[PM106\]"):
        read_limited(io.BytesIO(b"x" * 11), "x", 10)

    class Endless(io.RawIOBase):  # /dev/zero: refused after the first read
        reads = 0

        def read(self, size=-1):
            Endless.reads += 1
            return bytes(size)

    with pytest.raises(BinaryInputError):
        read_limited(Endless(), "/dev/zero")  # type: ignore[arg-type]
    assert Endless.reads == 1


def test_read_folder_skips_what_is_no_page(tmp_path: Path):
    (tmp_path / "p1.txt").write_text("one", encoding="utf-8")
    (tmp_path / "README").write_text("about", encoding="utf-8")
    (tmp_path / "readme.txt").write_text("about", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(bytes(10))
    (tmp_path / "p2.txt").symlink_to(tmp_path / "p1.txt")  # a link inside the folder is read
    assert page_texts(read_folder(tmp_path)) == [["one"], ["one"]]


def test_read_path_pdf_in_a_folder_is_named(tmp_path: Path):
    from pagemend.errors import PdfWhereTextExpectedError

    (tmp_path / "p1.txt").write_bytes(b"%PDF-1.7 ...")
    with pytest.raises(PdfWhereTextExpectedError, match=r"\[PM108\]"):
        read_path(str(tmp_path))
