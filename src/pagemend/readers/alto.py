"""Read ALTO v2-v4 (any namespace): ``Page`` (``WIDTH``, ``HEIGHT``, ``PRINTED_IMG_NR``)
holds ``TextLine`` elements of ``String`` words (``CONTENT``, ``WC``), ``SP`` spaces and a
line-end ``HYP``. The word a ``HypPart1`` string begins is kept as printed (its
``SUBS_CONTENT`` is only the OCR's reading of the whole word); the stages decide the hyphen.
Units: ``MeasurementUnit`` pixel (resolution unknown), mm10 or inch1200.

    >>> data = b'''<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Description>
    ... <MeasurementUnit>inch1200</MeasurementUnit></Description><Layout>
    ... <Page WIDTH="6000" HEIGHT="9000" PRINTED_IMG_NR="142"><PrintSpace><TextBlock>
    ... <TextLine HPOS="600" VPOS="900" WIDTH="4800" HEIGHT="160">
    ...  <String CONTENT="under" WC="0.9"/><SP/><String CONTENT="stand" WC="0.7"
    ...  SUBS_TYPE="HypPart1" SUBS_CONTENT="standing"/><HYP CONTENT="-"/></TextLine>
    ... </TextBlock></PrintSpace></Page></Layout></alto>'''
    >>> page = parse_alto(data, "p.xml")[0]
    >>> page.label, page.lines[0].text, page.lines[0].confidence, page.points_per_unit
    ('142', 'under stand-', 0.8, 0.06)
"""

from __future__ import annotations

from typing import Any

from pagemend.errors import OcrFormatError
from pagemend.model import replace
from pagemend.readers.ocr import OcrLine, OcrPage, elements, local_name, parse_xml

__all__ = ["UNIT_POINTS", "parse_alto", "sniff_alto"]

#: ALTO MeasurementUnit -> points per unit (pixel: unknown, the page's lines set the scale)
UNIT_POINTS: dict[str, float | None] = {"pixel": None, "mm10": 72 / 254, "inch1200": 72 / 1200}


def sniff_alto(head: bytes) -> bool:
    """An ALTO file: XML whose root element is ``alto``."""
    return b"<alto" in head or b":alto" in head


def _number(element: Any, name: str) -> float | None:
    try:
        return float(element.get(name))
    except (TypeError, ValueError):
        return None


#: ALTO's font style words (``STYLE``, ``TextStyle@FONTSTYLE``) -> the model's mark kinds
STYLE_MARKS = {"italics": "italic", "italic": "italic", "bold": "bold", "smallcaps": "smallcaps"}


def _styles(element: Any, fonts: dict[str, str]) -> list[str]:
    """The mark kinds of a ``String``: its own ``STYLE`` and its ``STYLEREFS``'s font style."""
    words = (element.get("STYLE") or "").split()
    for ref in (element.get("STYLEREFS") or "").split():
        words.extend(fonts.get(ref, "").split())
    kinds = {STYLE_MARKS[word.lower()] for word in words if word.lower() in STYLE_MARKS}
    return sorted(kinds)


def _line(element: Any, fonts: dict[str, str] | None = None) -> OcrLine | None:
    x, y = _number(element, "HPOS"), _number(element, "VPOS")
    width, height = _number(element, "WIDTH"), _number(element, "HEIGHT")
    if x is None or y is None or width is None or height is None:
        return None
    words: list[str] = []
    styles: list[tuple[int, int, str, str]] = []
    confidences = []
    at = 0  # where the next word starts in the line's text
    for child in elements(element):
        name = local_name(child)
        if name == "String":
            for word in (child.get("CONTENT") or "").split():
                at += 1 if words else 0
                words.append(word)
                styles.extend((at, at + len(word), kind, f"alto {kind}")
                              for kind in _styles(child, fonts or {}))
                at += len(word)
            confidence = _number(child, "WC")
            if confidence is not None:
                confidences.append(confidence)
        elif name == "HYP":
            hyphen = (child.get("CONTENT") or "-").strip() or "-"
            if words:
                words[-1] += hyphen
            else:
                words.append(hyphen)
            at = len(" ".join(words))
    text = " ".join(words)
    if not text:
        return None
    mean = round(sum(confidences) / len(confidences), 3) if confidences else None
    return OcrLine(text, (x, y, x + width, y + height), mean, styles=tuple(styles))


def _fonts(root: Any) -> dict[str, str]:
    """``TextStyle`` ids -> their ``FONTSTYLE`` (``bold italics``)."""
    return {element.get("ID"): element.get("FONTSTYLE") or "" for element in elements(root)
            if local_name(element) == "TextStyle" and element.get("ID")}


def _unit(root: Any) -> float | None:
    for element in elements(root):
        if local_name(element) == "MeasurementUnit":
            return UNIT_POINTS.get((element.text or "").strip().lower())
    return None


def _block_lines(element: Any, fonts: dict[str, str]) -> list[OcrLine]:
    """The lines of the page, the first of each ``TextBlock`` marked as opening it."""
    lines: list[OcrLine] = []
    for block in elements(element):
        if local_name(block) != "TextBlock":
            continue
        found = [_line(line, fonts) for line in elements(block)
                 if local_name(line) == "TextLine"]
        kept = [line for line in found if line is not None]
        lines.extend(replace(line, opens_block=number == 0) for number, line in enumerate(kept))
    return lines


def _page(element: Any, scale: float | None, fonts: dict[str, str]) -> OcrPage:
    lines = _block_lines(element, fonts)
    label = (element.get("PRINTED_IMG_NR") or "").strip() or None
    return OcrPage(lines=tuple(lines),
                   width=_number(element, "WIDTH"), height=_number(element, "HEIGHT"),
                   points_per_unit=scale, label=label)


def parse_alto(data: bytes, source: str) -> list[OcrPage]:
    """The pages of an ALTO file."""
    root = parse_xml(data, source)
    if local_name(root) != "alto":
        raise OcrFormatError(source, f"has the root element {local_name(root)!r}, not 'alto'")
    scale = _unit(root)
    fonts = _fonts(root)
    pages = [_page(element, scale, fonts) for element in elements(root)
             if local_name(element) == "Page"]
    if not pages:
        raise OcrFormatError(source, "holds no Page element")
    return pages
