"""Read hOCR (Tesseract's, or any that keeps its classes): ``ocr_page`` holds ``ocr_line``
(and Tesseract's ``ocr_header``, ``ocr_caption``, ``ocr_textfloat``) lines of ``ocrx_word``
words; ``bbox`` in pixels, ``x_wconf`` the word's confidence, ``x_size`` the line's size,
``scan_res`` the resolution. A file may hold several pages.

    >>> data = b'''<html xmlns="http://www.w3.org/1999/xhtml"><body>
    ... <div class="ocr_page" title="bbox 0 0 1200 1800; scan_res 300 300">
    ...  <span class="ocr_line" title="bbox 150 200 1050 236; x_size 36">
    ...   <span class="ocrx_word" title="bbox 150 200 300 236; x_wconf 90">It</span>
    ...   <span class="ocrx_word" title="bbox 320 200 500 236; x_wconf 70">was</span>
    ...  </span></div></body></html>'''
    >>> page = parse_hocr(data, "p1.hocr")[0]
    >>> page.lines[0].text, page.lines[0].confidence, page.points_per_unit
    ('It was', 0.8, 0.24)
"""

from __future__ import annotations

import re
from typing import Any

from pagemend.errors import OcrFormatError
from pagemend.model import replace
from pagemend.readers.ocr import (
    Box,
    OcrLine,
    OcrPage,
    clean,
    elements,
    local_name,
    numbers,
    parse_xml,
)

__all__ = ["LINE_CLASSES", "parse_hocr", "sniff_hocr"]

#: hOCR classes of a line of text (Tesseract writes the last three for lines it set apart)
LINE_CLASSES = frozenset({"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"})
_PROPERTY = re.compile(r"\s*([a-z_]+)\s+([^;]*)")


def sniff_hocr(head: bytes) -> bool:
    """An hOCR file: XHTML whose start names the ``ocr_page`` class."""
    return b"ocr_page" in head and (b"<html" in head or b"<div" in head)


def _properties(element: Any) -> dict[str, str]:
    """The hOCR properties of an element's title ('bbox 1 2 3 4; x_wconf 90')."""
    found = {}
    for part in (element.get("title") or "").split(";"):
        match = _PROPERTY.match(part)
        if match:
            found[match.group(1)] = match.group(2).strip()
    return found


def _classes(element: Any) -> set[str]:
    return set((element.get("class") or "").split())


def _box(props: dict[str, str]) -> Box | None:
    values = list(numbers(props.get("bbox", "")))
    return (values[0], values[1], values[2], values[3]) if len(values) == 4 else None


def _line(element: Any) -> OcrLine | None:
    props = _properties(element)
    box = _box(props)
    words = [word for word in elements(element) if "ocrx_word" in _classes(word)]
    texts = ["".join(word.itertext()) for word in words] if words else ["".join(
        element.itertext())]
    text = clean(texts)
    if box is None or not text:
        return None
    confidences = [value / 100 for word in words
                   for value in numbers(_properties(word).get("x_wconf", ""))]
    size = next(numbers(props.get("x_size", "")), None)
    return OcrLine(text, box, round(sum(confidences) / len(confidences), 3) if confidences
                   else None, size=size, styles=_styles(words, texts))


#: hOCR's inline elements of emphasis inside a word (Tesseract writes ``strong`` and ``em``)
STYLE_ELEMENTS = {"em": "italic", "i": "italic", "strong": "bold", "b": "bold"}


def _styles(words: list[Any], texts: list[str]) -> tuple[tuple[int, int, str, str], ...]:
    """The runs of the line's text (as :func:`clean` joins the words) that its words set in
    ``em``/``strong`` (or ``i``/``b``).

    >>> from lxml import etree
    >>> line = etree.fromstring('<span><span class="ocrx_word"><em>Vide</em></span>'
    ...                         '<span class="ocrx_word">supra</span></span>')
    >>> words = list(line)
    >>> _styles(words, ["".join(w.itertext()) for w in words])
    ((0, 4, 'italic', 'hocr em'),)
    """
    found: list[tuple[int, int, str, str]] = []
    at = 0
    if len(words) != len(texts):  # a line without word elements: no runs to tell
        return ()
    for word, text in zip(words, texts, strict=True):
        tokens = text.split()
        if not tokens:
            continue
        length = len(" ".join(tokens))
        tags = {local_name(e) for e in elements(word) if e is not word}
        found.extend((at, at + length, STYLE_ELEMENTS[tag], f"hocr {tag}")
                     for tag in sorted(tags) if tag in STYLE_ELEMENTS)
        at += length + 1
    return tuple(found)


def _page(element: Any) -> OcrPage:
    props = _properties(element)
    box = _box(props)
    resolution = next(numbers(props.get("scan_res", "")), None)
    lines = []
    for line in elements(element):
        if local_name(line) in ("span", "div", "p") and _classes(line) & LINE_CLASSES:
            found = _line(line)
            if found is not None:
                parent = line.getparent()
                first = parent is None or next(
                    (e for e in elements(parent) if _classes(e) & LINE_CLASSES), None) is line
                lines.append(replace(found, opens_block=first))
    return OcrPage(lines=tuple(lines),
                   width=box[2] - box[0] if box else None,
                   height=box[3] - box[1] if box else None,
                   points_per_unit=72 / resolution if resolution and resolution > 1 else None)


def parse_hocr(data: bytes, source: str) -> list[OcrPage]:
    """The pages of an hOCR file."""
    root = parse_xml(data, source)
    pages = [_page(element) for element in elements(root) if "ocr_page" in _classes(element)]
    if not pages:
        raise OcrFormatError(source, "holds no ocr_page element")
    return pages
