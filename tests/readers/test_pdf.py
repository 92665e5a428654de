"""The PDF reader on the corpus PDFs, and every kind of bad PDF with its coded error."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import CORPUS
from pagemend.cli import main
from pagemend.pipeline import mend
from pagemend.readers import read_path
from pagemend.readers.pdf import EncryptedPdfError, NoTextLayerError, PdfError, read_pdf

pypdf = pytest.importorskip("pypdf")
SOURCE = CORPUS / "marcus-weasy" / "input.pdf"


def test_pdf_lines_carry_geometry_and_superscripts():
    doc = read_pdf(SOURCE)
    lines = [line for line in doc.pages[0].lines if line.text]
    assert all(line.geometry is not None for line in lines)
    tops = [line.geometry.top for line in lines if line.geometry]
    assert tops == sorted(tops)  # reading order, top to bottom
    marked = [line for line in lines if line.geometry and line.geometry.superscripts]
    assert any(line.text[slice(*line.geometry.superscripts[0])] == "2" for line in marked)


def test_pdf_is_read_by_signature_and_mended():
    doc = mend(read_path(str(SOURCE)))
    assert doc.pages[0].label == "1" and doc.blocks[0].kind == "heading"


def _write(writer: pypdf.PdfWriter, path: Path) -> Path:
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_encrypted_pdf(tmp_path: Path):
    writer = pypdf.PdfWriter(clone_from=str(SOURCE))
    writer.encrypt("secret")
    path = _write(writer, tmp_path / "locked.pdf")
    with pytest.raises(EncryptedPdfError, match=r"\[PM111\].*encrypted; pass its password"):
        read_pdf(path)
    assert read_pdf(path, password="secret").pages[0].lines


def test_truncated_pdf(tmp_path: Path):
    path = tmp_path / "cut.pdf"
    path.write_bytes(SOURCE.read_bytes()[:2000])
    with pytest.raises(PdfError, match=r"\[PM110\].*damaged or not a PDF"):
        read_pdf(path)


def test_pdf_without_pages(tmp_path: Path):
    path = _write(pypdf.PdfWriter(), tmp_path / "empty.pdf")
    with pytest.raises(PdfError, match=r"\[PM110\].*has no pages|\[PM110\].*damaged"):
        read_pdf(path)


def test_image_only_pdf(tmp_path: Path):
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=300, height=400)
    path = _write(writer, tmp_path / "scan.pdf")
    with pytest.raises(NoTextLayerError, match=r"\[PM113\].*no text layer.*OCR"):
        read_pdf(path)


def test_cli_bad_pdf_exit_code_and_message(tmp_path: Path, capsys):
    writer = pypdf.PdfWriter(clone_from=str(SOURCE))
    writer.encrypt("secret")
    path = _write(writer, tmp_path / "locked.pdf")
    assert main([str(path)]) == 1
    assert "[PM111]" in capsys.readouterr().err
    assert main([str(path), "--password", "secret", "-o", str(tmp_path / "out.md")]) == 0



@pytest.mark.parametrize("case", ["marcus-weasy", "walden-groff", "franklin-latex"])
def test_pdf_mending_loses_nothing(case):
    """What the reader extracted comes back from the output and the edits, character for
    character (the notes' raised markers included)."""
    from pagemend.verify import extracted, rebuild

    doc = read_pdf(CORPUS / case / "input.pdf")
    assert rebuild(mend(doc)) == extracted(doc)


def _typeset(tmp_path: Path, content: bytes) -> Path:
    """A one-page PDF of one content stream in Times-Roman (/F1): a hand-set page."""
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(width=400, height=300)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                             NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Times-Roman")})
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    stream = DecodedStreamObject()
    stream.set_data(content)
    page[NameObject("/Contents")] = writer._add_object(stream)
    return _write(writer, tmp_path / "set.pdf")


def test_spaces_placed_by_position_keep_superscripts_on_their_characters(tmp_path: Path):
    """groff sets word spaces as character spacing inside short runs, which pdfium reads as
    no space; placed from the glyphs' positions, the spaces come back, and the raised note
    marker after them still points at the `2`, not at a character before it."""
    path = _typeset(tmp_path, b"BT /F1 10 Tf 40 250 Td (Many) Tj 3.5 Tc (ab) Tj 0 Tc "
                              b"(c was here, said the note) Tj 3 Ts /F1 6 Tf (2) Tj ET")
    line = next(line for line in read_pdf(path).pages[0].lines if line.text)
    assert line.text == "Manya b c was here, said the note2"  # two spaces placed
    assert line.geometry is not None and len(line.geometry.superscripts) == 1
    assert line.text[slice(*line.geometry.superscripts[0])] == "2"


def test_a_space_the_next_glyph_overlaps_is_no_word_space(tmp_path: Path):
    """groff can set a space glyph and then move back over it (`runawa y` in pdfium's text):
    where spaces are placed by position, that space goes; a true one stays."""
    path = _typeset(tmp_path, b"BT /F1 10 Tf 40 250 Td (Many) Tj 3.5 Tc (ab) Tj 0 Tc "
                              b"[(c was a runawa ) 250 (y slave) ] TJ ET")
    line = next(line for line in read_pdf(path).pages[0].lines if line.text)
    assert line.text == "Manya b c was a runaway slave"



def test_pieces_set_far_apart_on_one_baseline_are_lines_of_their_own(tmp_path: Path):
    """Issue 15: a folio and a head at the two ends of the measure, or a signature mark and
    a catchword on the foot line, are one line in pdfium's text; glyphs more than
    ``WIDE_GAP`` type sizes apart cut it into pieces, each with its own box. Word spaces of
    a justified line stay."""
    path = _typeset(tmp_path, b"BT /F1 10 Tf 40 250 Td (xii) Tj 150 0 Td (The Title) Tj ET "
                              b"BT /F1 10 Tf 40 230 Td 6 Tw (wide word spaces) Tj ET")
    lines = [line for line in read_pdf(path).pages[0].lines if line.text]
    assert [line.text for line in lines] == ["xii", "The Title", "wide word spaces"]
    folio, title = (line.geometry for line in lines[:2])
    assert folio is not None and title is not None and folio.x1 < 60 and title.x0 >= 190


def test_type_size_in_the_text_matrix_is_read_from_the_glyphs(tmp_path: Path):
    """Issue 15: a PDF that sets every glyph at size 1 and scales it by the text matrix
    (pdfium's nominal size 1) gets its type size from the glyphs' boxes."""
    path = _typeset(tmp_path, b"BT /F1 1 Tf 10 0 0 10 40 250 Tm (Body type) Tj ET "
                              b"BT /F1 1 Tf 18 0 0 18 40 200 Tm (Big) Tj ET")
    sizes = [line.geometry.font_size for line in read_pdf(path).pages[0].lines
             if line.text and line.geometry is not None]
    assert sizes[0] is not None and 8 < sizes[0] < 12
    assert sizes[1] is not None and 15 < sizes[1] < 21


def test_characters_outside_the_bmp_keep_their_boxes_paired(tmp_path: Path):
    """Issue 15: pdfium counts a character outside the Basic Multilingual Plane as two (its
    surrogates), Python as one; the boxes of the characters after it stay theirs (the line
    ends where its last glyph ends, not one glyph early)."""
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def "
            b"/CMapType 2 def 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar "
            b"<58> <D835DC00> endbfchar endcmap CMapName currentdict /CMap defineresource pop "
            b"end end")
    writer = pypdf.PdfWriter()
    to_unicode = DecodedStreamObject()
    to_unicode.set_data(cmap)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                             NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Times-Roman"),
                             NameObject("/ToUnicode"): writer._add_object(to_unicode)})
    page = writer.add_blank_page(width=300, height=300)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 10 Tf 40 250 Td (aXb YY cd) Tj ET")
    page[NameObject("/Contents")] = writer._add_object(stream)
    path = tmp_path / "astral.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    line = next(line for line in read_pdf(path).pages[0].lines if line.text)
    assert line.text == "a\U0001d400b YY cd"
    assert line.geometry is not None and line.geometry.x1 > 84  # `d` ends at 85.4 pt


def test_a_space_with_a_dummy_size_does_not_size_its_line(tmp_path: Path):
    """Issue 15: a PDF may set its word spaces at a dummy size (1 pt) between words in body
    type; the line's size is read from a glyph, so the line stays at 10 pt even where the
    space stands in its middle."""
    path = _typeset(tmp_path, b"BT /F1 10 Tf 40 250 Td (Body) Tj /F1 1 Tf [( ) -2000] TJ "
                              b"/F1 10 Tf (text) Tj ET")
    line = next(line for line in read_pdf(path).pages[0].lines if line.text)
    assert line.text == "Body text"
    assert line.geometry is not None and line.geometry.font_size == 10.0


def test_a_bold_font_without_a_weight_makes_a_bold_line(tmp_path: Path):
    """Issue 15: a standard font (Times-Bold) tells pdfium no weight; its name says bold,
    and a line set wholly in it is bold (a section head at 1.1 times the body)."""
    from pypdf.generic import DictionaryObject, NameObject

    path = _typeset(tmp_path, b"BT /F2 11 Tf 40 250 Td (Places) Tj ET "
                              b"BT /F1 10 Tf 40 230 Td (Body text) Tj ET")
    reader = pypdf.PdfReader(path)
    writer = pypdf.PdfWriter(clone_from=reader)
    fonts = writer.pages[0]["/Resources"]["/Font"]
    fonts[NameObject("/F2")] = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Times-Bold")}))
    path = _write(writer, tmp_path / "bold.pdf")
    head, body = (line for line in read_pdf(path).pages[0].lines if line.text)
    assert head.geometry is not None and head.geometry.bold
    assert body.geometry is not None and not body.geometry.bold


def _lines_with_white_space() -> list[str]:
    """Lines of two to four words with every white space character of Unicode between,
    before or after them, singly and doubled."""
    spaces = [chr(code) for code in range(0x110000) if chr(code).isspace()]
    lines = []
    for space in spaces:
        for gap in (space, space * 2, " " + space):
            lines += [f"ab{gap}c", f"ab{gap}c d", f"a b{gap}cd ef", f"{gap}ab c", f"ab c{gap}",
                      f"a{gap}b{gap}c"]
    return [*lines, "a", "ab", "a b", "ab cd", "a bc d", "abc de f gh"]


def test_single_spaced_lines_are_their_plain_text_and_keep_their_middle_glyph():
    """The reader's fast way for a line of single spaces (``_single_spaces`` not None) keeps
    the line's text as it stands and finds its middle glyph without asking each character
    (``_plain_middle``): both must agree with the general way on every white space."""
    from pagemend.readers.pdf import (
        _glyph_near_middle,
        _plain_middle,
        _plain_text,
        _single_spaces,
    )

    taken = 0
    for line in _lines_with_white_space():
        text = "xy " + line + " z"
        chars = range(3, 3 + len(line))
        spaces = _single_spaces(line, chars.start)
        if spaces is None:
            assert " ".join(line.split()) != line
            continue
        taken += 1
        assert _plain_text(text, chars) == line
        assert _plain_middle(text, chars) == _glyph_near_middle(text, chars)
        assert spaces == [i for i in chars if text[i].isspace()]
    assert taken >= 6 + 2  # the single-spaced lines (two for the ASCII space itself)


def test_a_pages_other_characters_hold_every_symbol_and_every_astral_character():
    """The reader looks for ornaments (``_symbol``) and characters outside the BMP only
    among a page's characters outside ASCII (``_NON_ASCII``): over every code point, the
    pattern takes exactly those, and no ASCII character is either."""
    from pagemend.readers.pdf import _NON_ASCII, _symbol

    every = "".join(map(chr, range(0x110000)))
    assert _NON_ASCII.findall(every) == list(every[128:])
    assert not [code for code in range(128) if _symbol(chr(code)) or code > 0xFFFF]
