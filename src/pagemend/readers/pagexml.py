"""Read PAGE-XML (2013 and 2019 schemas, any namespace): ``Page`` holds ``TextRegion``
elements (``type``: paragraph, heading, header, page-number, catch-word, signature-mark,
footnote, marginalia, ...; or Transkribus's ``custom="structure {type:header;}"``) of
``TextLine`` elements with ``Coords`` (``points="x,y x,y ..."``, or older ``Point``
children) and ``TextEquiv/Unicode``. Regions come in the ``ReadingOrder`` where there is
one, else in the file's order. Every line carries its region's type
(``Geometry.region``); the stages decide what it means. Units: pixels, the resolution from
``imageXResolution`` where given.

    >>> data = b'''<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">
    ... <Page imageWidth="1200" imageHeight="1800">
    ...  <TextRegion id="r1" type="header"><TextLine id="l1">
    ...   <Coords points="100,50 900,50 900,90 100,90"/>
    ...   <TextEquiv><Unicode>THE TITLE</Unicode></TextEquiv></TextLine></TextRegion>
    ... </Page></PcGts>'''
    >>> line = parse_page_xml(data, "p.xml")[0].lines[0]
    >>> line.text, line.box, line.region
    ('THE TITLE', (100.0, 50.0, 900.0, 90.0), 'header')
"""

from __future__ import annotations

import re
from typing import Any

from pagemend.errors import OcrFormatError
from pagemend.model import replace
from pagemend.readers.ocr import Box, OcrLine, OcrPage, elements, local_name, parse_xml

__all__ = ["parse_page_xml", "sniff_page_xml"]

_STRUCTURE_TYPE = re.compile(r"structure\s*\{[^}]*type\s*:\s*([\w-]+)")


def sniff_page_xml(head: bytes) -> bool:
    """A PAGE-XML file: XML whose root element is ``PcGts``."""
    return b"PcGts" in head


def _children(element: Any, name: str) -> list[Any]:
    return [child for child in element if local_name(child) == name]


def _box(line: Any) -> Box | None:
    for coords in _children(line, "Coords"):
        values = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", coords.get("points") or "")]
        points = list(zip(values[0::2], values[1::2], strict=False))
        if not points:
            points = [(float(p.get("x", 0)), float(p.get("y", 0)))
                      for p in _children(coords, "Point")]
        if points:
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            return (min(xs), min(ys), max(xs), max(ys))
    return None


def _text(element: Any) -> str | None:
    for equiv in _children(element, "TextEquiv"):
        for unicode in _children(equiv, "Unicode"):
            return " ".join((unicode.text or "").split())
    return None


def _line(element: Any, region: str | None) -> OcrLine | None:
    box = _box(element)
    text = _text(element)
    if text is None:  # no line text: its words'
        words = [_text(word) for word in _children(element, "Word")]
        text = " ".join(word for word in words if word)
    if box is None or not text:
        return None
    confidences = [float(e.get("conf")) for e in _children(element, "TextEquiv") if e.get("conf")]
    return OcrLine(text, box, confidences[0] if confidences else None, region=region)


def _region_type(region: Any) -> str | None:
    kind = region.get("type")
    if kind:
        return str(kind)
    match = _STRUCTURE_TYPE.search(region.get("custom") or "")
    return match.group(1) if match else None


def _ordered_regions(page: Any) -> list[Any]:
    regions = [e for e in elements(page) if local_name(e) == "TextRegion"]
    order = {e.get("regionRef"): float(e.get("index") or 0) for e in elements(page)
             if local_name(e) in ("RegionRefIndexed", "RegionRef") and e.get("index")}
    if order:
        position = {id(r): order.get(r.get("id"), float("inf")) for r in regions}
        regions.sort(key=lambda r: position[id(r)])  # stable: unlisted ones keep their order
    return regions


def _page(element: Any) -> OcrPage:
    lines: list[OcrLine] = []
    for region in _ordered_regions(element):
        kind = _region_type(region)
        found = [_line(line, kind) for line in _children(region, "TextLine")]
        kept = [line for line in found if line is not None]
        lines.extend(replace(line, opens_block=number == 0) for number, line in enumerate(kept))
    try:
        resolution = float(element.get("imageXResolution") or 0)
    except ValueError:
        resolution = 0
    width, height = element.get("imageWidth"), element.get("imageHeight")
    return OcrPage(lines=tuple(line for line in lines if line is not None),
                   width=float(width) if width else None, height=float(height) if height else None,
                   points_per_unit=72 / resolution if resolution > 1 else None)


def parse_page_xml(data: bytes, source: str) -> list[OcrPage]:
    """The pages of a PAGE-XML file."""
    root = parse_xml(data, source)
    if local_name(root) != "PcGts":
        raise OcrFormatError(source, f"has the root element {local_name(root)!r}, not 'PcGts'")
    pages = [_page(element) for element in elements(root) if local_name(element) == "Page"]
    if not pages:
        raise OcrFormatError(source, "holds no Page element")
    return pages
