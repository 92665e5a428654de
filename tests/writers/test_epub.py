from __future__ import annotations

import io
import posixpath
import subprocess
import zipfile
from concurrent.futures import ThreadPoolExecutor

import pytest
from lxml import etree

from pagemend.writers.epub import write_epub
from writers.conftest import INPUTS
from writers.test_tei import tool

#: sample cases mended from their PDF, so that emphasis (``em``, 203 italic words) is checked
EPUBCHECK_FROM_PDF = {"amnotes-groff"}
#: EPUBCheck's JVM with its quick compiler only and a serial collector: 3.4 s of CPU a book
#: instead of 7 (measured on walden-groff), so every case of the corpus is checked
JAVA_FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m"]
XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def test_every_case_passes_epubcheck(tmp_path, mended):
    """The seed and all 28 corpus cases (amnotes from its PDF, with its italics), two
    EPUBCheck processes at a time: no error, no warning."""
    epubcheck = tool("epubcheck")
    books = []
    for path in INPUTS:
        book = tmp_path / f"{path.parent.name}.epub"
        source = path.with_name("input.pdf") if path.parent.name in EPUBCHECK_FROM_PDF else path
        book.write_bytes(write_epub(mended(source)))
        books.append(book)
    assert len(books) >= 29

    def check(book):
        return subprocess.run(["java", *JAVA_FLAGS, "-jar", epubcheck, str(book)],
                              capture_output=True, text=True, check=False)

    with ThreadPoolExecutor(2) as pool:
        for book, result in zip(books, pool.map(check, books), strict=True):
            assert result.returncode == 0, (book.name, result.stdout + result.stderr)
            assert "0 errors / 0 warnings" in result.stdout, (book.name, result.stdout)


def _documents(archive):
    return {name.removeprefix("OEBPS/"): etree.fromstring(archive.read(name))
            for name in archive.namelist() if name.endswith(".xhtml")}


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.parent.name)
def test_epub_structure_links_and_page_list(path, mended):
    doc = mended(path)
    data = write_epub(doc)
    archive = zipfile.ZipFile(io.BytesIO(data))
    first = archive.infolist()[0]
    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
    assert archive.read("mimetype") == b"application/epub+zip"
    documents = _documents(archive)
    ids = {name: set(root.xpath("//@id")) for name, root in documents.items()}
    for name, root in documents.items():
        for href in root.xpath("//@href"):
            if href.endswith(".css"):
                continue
            target, _, fragment = href.partition("#")
            target = posixpath.normpath(target) if target else name
            assert target in documents, href
            assert not fragment or fragment in ids[target], (name, href)
    nav = documents["nav.xhtml"]
    page_list = nav.xpath("//*[@epub:type='page-list']//*[local-name()='a']",
                          namespaces={"epub": EPUB_TYPE[1:].split("}", maxsplit=1)[0]})
    breaks = [e for root in documents.values() for e in root.iter(f"{XHTML}span")
              if e.get(EPUB_TYPE) == "pagebreak"]
    assert len(page_list) == len(breaks) >= len({s.page for b in doc.blocks for s in b.spans})
    assert all(e.get("role") == "doc-pagebreak" and e.get("aria-label") for e in breaks)
    asides = [e for root in documents.values() for e in root.iter(f"{XHTML}aside")]
    assert all(e.get(EPUB_TYPE) == "footnote" for e in asides)
    assert len(asides) == sum(1 for b in doc.blocks if b.kind == "note" and b.note_id)
    opf = archive.read("OEBPS/content.opf").decode("utf-8")
    assert f"<dc:source>{doc.meta.source}</dc:source>" in opf


def test_epub_is_deterministic_and_dated_by_source_date_epoch(monkeypatch, mended):
    doc = mended(INPUTS[-1])
    assert write_epub(doc) == write_epub(doc)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    archive = zipfile.ZipFile(io.BytesIO(write_epub(doc)))
    assert {info.date_time for info in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    assert "2023-11-14T22:13:20Z" in archive.read("OEBPS/content.opf").decode("utf-8")
