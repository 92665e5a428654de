"""OCR input (issue 18): hOCR, ALTO, PAGE-XML and Tesseract TSV readers, hostile XML, and
scans through Tesseract (a page image, an image-only PDF)."""

from __future__ import annotations

import os
import shutil
import struct
import time
import zlib
from pathlib import Path

import pytest

from helpers import CASES, ROOT
from pagemend.cli import main
from pagemend.errors import (
    HostileXmlError,
    InputTooLargeError,
    MissingProgramError,
    OcrEngineError,
    OcrFormatError,
)
from pagemend.pipeline import mend
from pagemend.readers import read_path
from pagemend.readers.registry import OcrSettings, format_of_path
from pagemend.verify import extracted, rebuild

DATA = ROOT / "tests" / "readers" / "data" / "ocr"
FORMATS = ("hocr", "alto", "tsv")
#: hostile XML must end in a coded error within this many seconds (issue 18)
HOSTILE_SECONDS = 10
#: in CI Tesseract is installed (.ci/run): the scan tests must run there, not skip
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None and not os.environ.get("CI"),
                                     reason="tesseract is not installed")


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_reads_the_lines_tesseract_wrote_as_text(fmt):
    doc = read_path(str(DATA / fmt))
    plain = [[line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
             for path in sorted((DATA / "txt").iterdir())]
    assert [[line.text for line in page.lines] for page in doc.pages] == [
        [" ".join(line.split()) for line in page] for page in plain]


@pytest.mark.parametrize("fmt", FORMATS)
def test_geometry_is_in_points_with_an_estimated_size(fmt):
    doc = read_path(str(DATA / fmt))
    geometry = [line.geometry for line in doc.lines() if line.geometry is not None]
    assert len(geometry) == sum(len(page.lines) for page in doc.pages)
    assert all(g.size_estimated and g.font_size and 6 < g.font_size < 16 for g in geometry)
    assert all(0 <= g.x0 < g.x1 <= 400 and 0 <= g.top < g.bottom <= 600 for g in geometry)


@pytest.mark.parametrize("fmt", FORMATS)
def test_ocr_input_is_mended_and_verified(fmt):
    read = read_path(str(DATA / fmt))
    doc = mend(read)
    assert [block.kind for block in doc.blocks].count("heading") == 1
    assert rebuild(doc) == extracted(read)


def test_the_registry_knows_each_format_by_its_first_bytes():
    names = {path.parent.name: format_of_path(path) for path in DATA.glob("*/*-p0002.*")}
    assert names == {"hocr": "hocr", "alto": "alto", "tsv": "tsv", "txt": None}
    pages = sorted((CASES / "ocr-page-regions" / "input").iterdir())
    assert {format_of_path(path) for path in pages} == {"page"}


def test_alto_printed_page_number_is_the_page_label(tmp_path):
    source = (DATA / "alto" / "amnotes-p0002.xml").read_text(encoding="utf-8")
    page = tmp_path / "p.xml"
    page.write_text(source.replace('PHYSICAL_IMG_NR="0"', 'PRINTED_IMG_NR="vii"'), "utf-8")
    assert read_path(str(page)).pages[0].pdf_label == "vii"
    assert [p.label for p in mend(read_path(str(page))).pages] == ["vii"]


def test_page_xml_region_types_are_used():
    doc = mend(read_path(str(CASES / "ocr-page-regions" / "input")))
    assert [page.label for page in doc.pages] == ["17", "18"]
    assert doc.pages[0].furniture == ("ON THE KEEPING OF BEES", "B 2", "Some", "17")
    assert [block.kind for block in doc.blocks] == ["paragraph"] * 2 + ["note"] * 2 + ["paragraph"]
    assert {d.rule for d in doc.decisions} >= {"use_region_types.typed_furniture_region",
                                               "use_region_types.typed_note_region"}


def _hostile(path: Path, error: type[Exception]) -> None:
    started = time.perf_counter()
    with pytest.raises(error):
        read_path(str(path))
    assert time.perf_counter() - started < HOSTILE_SECONDS


def test_billion_laughs_is_refused(tmp_path):
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    path = tmp_path / "laughs.xml"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY l0 "ha">{entities}]>'
                    "<alto><Layout><Page><TextLine>&l9;</TextLine></Page></Layout></alto>",
                    encoding="utf-8")
    _hostile(path, HostileXmlError)


def test_external_entity_is_refused(tmp_path):
    path = tmp_path / "external.hocr"
    path.write_text('<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM '
                    '"file:///etc/passwd">]><html><body><div class="ocr_page">&x;</div>'
                    "</body></html>", encoding="utf-8")
    _hostile(path, HostileXmlError)


def test_deep_nesting_is_refused(tmp_path):
    path = tmp_path / "deep.xml"
    depth = 1_000_000
    path.write_bytes(b"<alto>" + b"<a>" * depth + b"</a>" * depth + b"</alto>")
    _hostile(path, HostileXmlError)


def test_a_hundred_megabytes_of_nesting_is_refused(tmp_path):
    path = tmp_path / "huge.xml"
    with path.open("wb") as handle:
        handle.write(b"<alto>")
        for _ in range(100):
            handle.write(b"<a>" * 350_000)
    _hostile(path, InputTooLargeError)


def test_broken_xml_is_a_coded_error(tmp_path):
    path = tmp_path / "cut.hocr"
    path.write_bytes((DATA / "hocr" / "amnotes-p0002.hocr").read_bytes()[:3000])
    _hostile(path, OcrFormatError)


# Scans: a page of our own text set in a hand-made PDF, rendered, and read by Tesseract.

_TEXT = ("The hive stands best where the morning", "sun reaches it early and the shade of",
         "the afternoon keeps it cool and dry.")


def _pdf(objects: list[bytes]) -> bytes:
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _text_pdf() -> bytes:
    lines = b"".join(b"(%s) Tj 0 -16 Td " % line.encode() for line in _TEXT)
    content = b"BT /F1 12 Tf 40 120 Td " + lines + b"ET"
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                 b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 160] /Contents 4 0 R "
                 b"/Resources << /Font << /F1 5 0 R >> >> >>",
                 _stream(content),
                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


def _pixels(tmp_path: Path) -> tuple[int, int, bytes]:
    pdfium = pytest.importorskip("pypdfium2")
    source = tmp_path / "text.pdf"
    source.write_bytes(_text_pdf())
    bitmap = pdfium.PdfDocument(str(source))[0].render(scale=300 / 72, grayscale=True)
    data = bytes(bitmap.buffer)
    rows = b"".join(data[row * bitmap.stride: row * bitmap.stride + bitmap.width]
                    for row in range(bitmap.height))
    return bitmap.width, bitmap.height, rows


def _png(width: int, height: int, rows: bytes) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    raw = b"".join(b"\0" + rows[y * width:(y + 1) * width] for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0,
                                                              0, 0, 0))
            + chunk(b"pHYs", struct.pack(">IIB", 11811, 11811, 1))  # 300 dpi
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _image_pdf(width: int, height: int, rows: bytes) -> bytes:
    size = b"%d %d" % (width * 72 // 300, height * 72 // 300)
    content = b"q " + size.split()[0] + b" 0 0 " + size.split()[1] + b" 0 0 cm /Im0 Do Q"
    image = _stream(zlib.compress(rows), b"/Type /XObject /Subtype /Image /Width %d /Height %d "
                    b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode"
                    % (width, height))
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                 b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + size + b"] /Contents 4 0 R "
                 b"/Resources << /XObject << /Im0 5 0 R >> >> >>",
                 _stream(content), image])


def _words(text: str) -> list[str]:
    return text.replace("\n", " ").split()


@needs_tesseract
def test_a_page_image_goes_through_tesseract(tmp_path, capsys):
    image = tmp_path / "page.png"
    image.write_bytes(_png(*_pixels(tmp_path)))
    assert main([str(image)]) == 0
    assert _words(capsys.readouterr().out) == _words(" ".join(_TEXT))
    assert main(["verify", str(image)]) == 0


@needs_tesseract
def test_an_image_only_pdf_goes_through_tesseract_with_ocr(tmp_path, capsys):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_image_pdf(*_pixels(tmp_path)))
    assert main([str(scan)]) == 1
    error = capsys.readouterr().err
    assert "PM113" in error and "--ocr" in error
    assert main([str(scan), "--ocr", "--ocr-lang", "eng"]) == 0
    assert _words(capsys.readouterr().out) == _words(" ".join(_TEXT))


@needs_tesseract
def test_missing_language_data_names_the_package(tmp_path):
    image = tmp_path / "page.png"
    image.write_bytes(_png(*_pixels(tmp_path)))
    with pytest.raises(OcrEngineError, match="tesseract-ocr-xyz"):
        read_path(str(image), ocr=OcrSettings(lang="xyz"))


def test_without_tesseract_a_coded_error_says_what_to_install(tmp_path, monkeypatch):
    image = tmp_path / "page.png"
    image.write_bytes(_png(2, 2, b"\xff" * 4))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(MissingProgramError, match="apt-get install tesseract-ocr"):
        read_path(str(image))


@pytest.mark.parametrize("namespace", ["http://www.loc.gov/standards/alto/ns-v2#",
                                       "http://www.loc.gov/standards/alto/ns-v3#",
                                       "http://www.loc.gov/standards/alto/ns-v4#"])
def test_alto_versions_two_to_four(tmp_path, namespace):
    path = tmp_path / "p.xml"
    path.write_text(f'<alto xmlns="{namespace}"><Layout><Page WIDTH="1000" HEIGHT="1500" '
                    'PRINTED_IMG_NR="12"><PrintSpace><TextBlock><TextLine HPOS="100" '
                    'VPOS="100" WIDTH="800" HEIGHT="40"><String CONTENT="Tall" WC="0.9"/><SP/>'
                    '<String CONTENT="grass" WC="0.7"/></TextLine></TextBlock></PrintSpace>'
                    "</Page></Layout></alto>", encoding="utf-8")
    doc = read_path(str(path))
    assert [line.text for line in doc.lines()] == ["Tall grass"]
    assert doc.pages[0].pdf_label == "12" and doc.pages[0].lines[0].geometry.confidence == 0.8


@pytest.mark.parametrize(("namespace", "coords"), [
    ("http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15",
     '<Coords points="100,100 900,100 900,140 100,140"/>'),
    ("http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15",
     '<Coords points="100,100 900,100 900,140 100,140"/>'),
    ("http://schema.primaresearch.org/PAGE/gts/pagecontent/2010-03-19",
     '<Coords><Point x="100" y="100"/><Point x="900" y="140"/></Coords>'),
])
def test_page_xml_versions(tmp_path, namespace, coords):
    path = tmp_path / "p.xml"
    path.write_text(f'<PcGts xmlns="{namespace}"><Page imageWidth="1000" imageHeight="1500">'
                    '<ReadingOrder><OrderedGroup><RegionRefIndexed index="1" regionRef="b"/>'
                    '<RegionRefIndexed index="0" regionRef="a"/></OrderedGroup></ReadingOrder>'
                    f'<TextRegion id="b" type="paragraph"><TextLine>{coords}<TextEquiv><Unicode>'
                    'second</Unicode></TextEquiv></TextLine></TextRegion>'
                    f'<TextRegion id="a" custom="structure {{type:heading;}}"><TextLine>{coords}'
                    '<TextEquiv><Unicode>first</Unicode></TextEquiv></TextLine></TextRegion>'
                    "</Page></PcGts>", encoding="utf-8")
    lines = list(read_path(str(path)).lines())
    assert [(line.text, line.geometry.region) for line in lines] == [
        ("first", "heading"), ("second", "paragraph")]
    geometry = lines[0].geometry  # no resolution given: the line is 9.3 pt high
    assert round(geometry.bottom - geometry.top, 2) == 9.3 and geometry.x1 > geometry.x0


ALTO_STYLED = b"""<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Description>
<MeasurementUnit>pixel</MeasurementUnit></Description><Styles>
<TextStyle ID="T1" FONTSIZE="10" FONTSTYLE="bold"/></Styles><Layout>
<Page WIDTH="2400" HEIGHT="3600"><PrintSpace><TextBlock>
<TextLine HPOS="300" VPOS="300" WIDTH="1800" HEIGHT="40">
 <String CONTENT="The" /><SP/><String CONTENT="Leviathan" STYLE="italics"/><SP/>
 <String CONTENT="rose" STYLEREFS="T1"/><SP/><String CONTENT="high." /></TextLine>
</TextBlock></PrintSpace></Page></Layout></alto>"""

HOCR_STYLED = b"""<html xmlns="http://www.w3.org/1999/xhtml"><body>
<div class="ocr_page" title="bbox 0 0 2400 3600; scan_res 300 300">
<p class="ocr_par"><span class="ocr_line" title="bbox 300 300 2100 340; x_size 40">
<span class="ocrx_word" title="bbox 300 300 400 340">The</span>
<span class="ocrx_word" title="bbox 420 300 700 340"><em>Leviathan</em></span>
<span class="ocrx_word" title="bbox 720 300 850 340"><strong>rose</strong></span>
<span class="ocrx_word" title="bbox 870 300 990 340">high.</span>
</span></p></div></body></html>"""


@pytest.mark.parametrize(("name", "data"), [("page.xml", ALTO_STYLED),
                                            ("page.hocr", HOCR_STYLED)])
def test_ocr_font_styles_become_emphasis(tmp_path, name, data):
    """ALTO's STYLE and TextStyle FONTSTYLE, hOCR's em and strong: italic and bold marks."""
    path = tmp_path / name
    path.write_bytes(data)
    doc = mend(read_path(str(path)))
    from pagemend.writers import write

    assert write(doc, "md").strip() == "The *Leviathan* **rose** high."
