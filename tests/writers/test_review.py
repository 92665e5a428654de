"""The review page (issue 21) as a projection: every record on its page, the lines as read,
the marks, the images and boxes, self-contained. The browser test is test_review_browser."""

from __future__ import annotations

import json
import re

import pytest
from lxml import html

from helpers import CORPUS
from pagemend.cli import main
from pagemend.model import Block, Document, Edit, Geometry, Line, Page, Span
from pagemend.pipeline import mend
from pagemend.readers import read_text
from pagemend.readers.text import decode
from pagemend.writers import render, writer_for
from pagemend.writers.review import RECORD_FIELDS, PageImage, records, write_review
from writers.conftest import INPUTS


def _find(root, tag, *classes):
    """The ``tag`` elements (``*`` for any) holding every one of ``classes``."""
    tests = "".join(f"[contains(concat(' ', @class, ' '), ' {name} ')]" for name in classes)
    return root.xpath(f".//{tag}{tests}")


def _sections(root):
    return {section.get("id"): section for section in root.xpath("//section[@class='page']")}


def _rows(section):
    return [row for row in section.xpath(".//tr[contains(@class,'ln')]")
            if not row.get("id").endswith("-x")]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.parent.name)
def test_every_edit_and_decision_has_one_mark_on_its_page_and_line(path, mended):
    doc = mended(path)
    root = html.document_fromstring(write_review(doc))
    expected = records(doc)
    dots = root.xpath("//i[contains(@class,'dot')]")
    assert sorted(dot.get("data-r") for dot in dots) == sorted(expected)
    for dot in dots:
        record = expected[dot.get("data-r")]
        assert dot.xpath("ancestor::section")[0].get("id") == f"p-{record['page']}"
        row = dot.xpath("ancestor::tr")[0].get("id")
        assert row == f"l-{record['page']}-{'x' if record['row'] is None else record['row']}"
    assert _embedded(root) == json.loads(json.dumps(expected))


def _embedded(root):
    """The records the page's script reads, decoded as the script decodes them."""
    data = json.loads(root.get_element_by_id("records").text)
    out = {}
    for kind in ("e", "d"):
        for n, row in enumerate(data[kind]):
            record = dict(zip(RECORD_FIELDS, row, strict=True))
            for name in ("stage", "rule", "what", "why"):
                record[name] = data["strings"][record[name]]
            record["flagged"] = bool(record["flagged"])
            out[f"{kind}{n}"] = record
    return out


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.parent.name)
def test_the_lines_as_read_are_the_input_page_by_page(path, mended):
    doc = mended(path)
    root = html.document_fromstring(write_review(doc))
    pages = decode(path.read_bytes(), str(path))[0].rstrip("\f").split("\f")
    sections = list(_sections(root).values())
    assert len(sections) == len(pages)
    for section, page in zip(sections, pages, strict=True):
        lines = [row.xpath("string(td[@class='tx'])") for row in _rows(section)]
        assert "\n".join(lines) == page, section.get("id")


def test_furniture_is_struck_and_hyphens_joined_and_kept_are_marked_apart(mended):
    doc = mended(CORPUS / "terrelune-weasy" / "input.pages.txt")
    root = html.document_fromstring(write_review(doc))
    for action, css in (("remove_running_head", ("del", "furniture")), ("remove_folio",
                        ("del", "furniture")), ("join_hyphen", ("*", "joined")),
                        ("keep_hyphen", ("*", "kept"))):
        keys = {f"e{n}" for n, edit in enumerate(doc.edits) if edit.action == action}
        assert keys, action
        assert {mark.get("data-r") for mark in _find(root, *css)} >= keys, action
    for mark in [*_find(root, "*", "joined"), *_find(root, "*", "kept")]:
        assert mark.text in ("-", "\u2010", "\u00ad", "\ufffe")  # as read, before normalising


def test_note_markers_link_to_their_notes_and_margins_show_role_and_kind(mended):
    doc = mended(CORPUS / "terrelune-weasy" / "input.pages.txt")
    root = html.document_fromstring(write_review(doc))
    links = _find(root, "a", "noteref")
    assert len(links) >= sum(len(block.notes) for block in doc.blocks) > 0
    ids = set(root.xpath("//@id"))
    for link in links:
        target = link.get("href")[1:]
        assert target in ids
        assert "k-note" in root.get_element_by_id(target).get("class")
    margins = {row.xpath("string(td[@class='mg'])") for row in _find(root, "tr", "ln")}
    assert {"running head", "folio", "note", "paragraph"} <= margins
    assert any(margin.startswith("¶ heading") for margin in margins)
    assert set(root.xpath("//section/@data-label")) >= {p.label for p in doc.pages if p.label}


def test_flagged_edits_are_highlighted():
    doc = Document(pages=(Page(0, None, (Line("a hy", 0, 0), Line("phen", 0, 1))),),
                   blocks=(Block("paragraph", "a hyphen", (Span(0, 4, 0, None, 0),
                                                          Span(4, 8, 0, None, 1))),),
                   edits=(Edit("join_hyphenated_words", "join_hyphen", 0, 0, "-", "",
                               "weak evidence", offset=4, flagged=True),))
    root = html.document_fromstring(write_review(doc))
    [mark] = _find(root, "*", "joined", "flag")
    assert mark.text == "-" and mark.get("data-r") == "e0"
    assert _find(root, "i", "dot", "flag")[0].get("data-r") == "e0"


def _geometry_doc():
    line = Line("Text", 0, 0, geometry=Geometry(x0=72, x1=144, top=100, bottom=112))
    head = Line("HEAD", 0, 1, role="running_head",
                geometry=Geometry(x0=100, x1=140, top=20, bottom=30))
    return Document(pages=(Page(0, "1", (line, head), width=200.0),),
                    blocks=(Block("paragraph", "Text", (Span(0, 4, 0, "1", 0),)),))


def test_page_images_and_line_boxes_coloured_by_role():
    doc = _geometry_doc()
    image = PageImage(200.0, 400.0, "data:image/png;base64,AAAA")
    root = html.document_fromstring(write_review(doc, {0: image}))
    assert root.xpath("//figure//img")[0].get("src").startswith("data:image/png")
    boxes = _find(root, "figure//*", "box")
    assert [box.get("data-row") for box in boxes] == ["l-0-0", "l-0-1"]
    assert "k-paragraph" in boxes[0].get("class") and "r-furn" in boxes[1].get("class")
    assert "left:36.00%;top:25.00%;width:36.00%;height:3.00%" in boxes[0].get("style")
    blank = html.document_fromstring(write_review(doc, {0: PageImage(200.0, 400.0)}))
    assert not blank.xpath("//img") and len(_find(blank, "*", "box")) == 2
    assert not html.document_fromstring(write_review(doc)).xpath("//figure")


def test_the_page_is_self_contained():
    out = write_review(mend(read_text("12 | A Title\nThe trans-\nport ran on.\f</script>x")))
    root = html.document_fromstring(out)
    assert not root.xpath("//link|//script[@src]|//img[not(starts-with(@src,'data:'))]")
    assert not [h for h in root.xpath("//@href") if not h.startswith("#")]
    assert not re.search(r"https?://", out)
    assert out.count("</script>") == 2  # the book's text cannot close the records' script


def test_the_registry_writes_a_review_for_its_suffix():
    assert writer_for(path="book.review.html").name == "review"
    assert writer_for(path="book.html").name == "html"
    doc = mend(read_text("One line."))
    assert render(doc, "review") == write_review(doc)


def test_the_review_command_renders_pdf_page_images(tmp_path):
    pdf = CORPUS / "bacon-latex" / "input.pdf"
    out, bare = tmp_path / "r.html", tmp_path / "bare.html"
    assert main(["review", str(pdf), "-o", str(out), "-q"]) == 0
    assert main(["review", str(pdf), "-o", str(bare), "--no-images", "-q"]) == 0
    with_images, without = out.read_text(encoding="utf-8"), bare.read_text(encoding="utf-8")
    pages = with_images.count('<section class="page"')
    assert with_images.count('src="data:image/png;base64,') == pages > 0
    assert "<img" not in without and without.count('<figure class="img"') == pages
    assert without.count('class="box ') == with_images.count('class="box ') > 0


def test_the_review_command_takes_page_text(tmp_path, capsys):
    source = tmp_path / "book.pages.txt"
    source.write_text("12 | A Title\nThe trans-\nport ran on.", encoding="utf-8")
    assert main(["review", str(source), "-o", "-"]) == 0
    assert '<section class="page" id="p-0"' in capsys.readouterr().out


def test_pdfiums_line_end_hyphen_is_kept_and_shown_as_a_sign():
    doc = Document(pages=(Page(0, None, (Line("hy\ufffe", 0, 0, soft_break=True),)),),
                   blocks=(Block("paragraph", "hy\ufffe", (Span(0, 3, 0, None, 0),)),))
    root = html.document_fromstring(write_review(doc))
    [soft] = _find(root, "span", "soft")
    assert soft.text == "\ufffe"
    assert root.xpath("string(//td[@class='tx'])") == "hy\ufffe"
