"""What the OCR readers share: the lines they find, the safe XML parser, and the one way their
pages become a :class:`~pagemend.model.Document` under the geometry contract (see
``docs/geometry.md``).

A format module (:mod:`~pagemend.readers.hocr`, :mod:`~pagemend.readers.alto`,
:mod:`~pagemend.readers.pagexml`, :mod:`~pagemend.readers.tsv`) parses its source into
:class:`OcrPage` objects in the source's own units; :func:`to_document` converts them to
points and builds the lines. No heuristics here: the lines in the source's order, their
boxes, word confidences and (PAGE-XML) region types.

    >>> page = OcrPage(lines=(OcrLine("Title", (100, 50, 300, 90)),
    ...                       OcrLine("A line", (50, 150, 500, 190), confidence=0.9)),
    ...                width=600, height=900, points_per_unit=72 / 300)
    >>> doc = to_document([page], "scan")
    >>> line = doc.pages[0].lines[1]
    >>> line.text, line.geometry.x0, line.geometry.top, line.geometry.confidence
    ('A line', 12.0, 36.0, 0.9)
    >>> line.geometry.font_size, line.geometry.size_estimated
    (10.32, True)
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pagemend.errors import (
    EmptyInputError,
    HostileXmlError,
    MissingDependencyError,
    OcrFormatError,
)
from pagemend.model import Document, DocumentMeta, Geometry, Line, Page

__all__ = ["ASSUMED_BODY_LINE_HEIGHT", "Box", "OcrLine", "OcrPage", "elements", "local_name",
           "parse_xml", "to_document"]

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in the source's units

#: Where the source does not say its resolution, its units are scaled so that the page's
#: median line height is this many points: the line box of 10 pt body type (the corpus PDFs'
#: body type is 9-11 pt; see LINE_HEIGHT_PER_SIZE)
ASSUMED_BODY_LINE_HEIGHT = 9.3
#: A line's box is this many times its type's size: the median Tesseract line height (and
#: ``x_size``) over the PDFs' modal font size, 0.89-0.96 on amnotes, bacon, beagle,
#: buddenbrooks and carol at 300 dpi.
LINE_HEIGHT_PER_SIZE = 0.93
#: A one-line block this close to a neighbouring block (in that block's line spacings,
#: top to top) is set in that block's type: lines of one block of type follow each other at
#: 1.0 times its spacing, a paragraph's first line 1.0-1.1, a heading or a note block after
#: the body stands 1.5-3 spacings off (franklin, montaigne, mohicans at 300 dpi).
LONE_LINE_PITCH = 1.25
#: The most XML one OCR file may hold (bytes); hOCR of a dense page is about 300 kB.
MAX_XML_BYTES = 64 << 20


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One line as an OCR file gives it, in the source's units."""

    text: str
    box: Box
    #: the mean confidence of its words, 0-1 (hOCR ``x_wconf`` / 100, ALTO ``WC``)
    confidence: float | None = None
    #: the type of its region (PAGE-XML ``TextRegion@type``), when the source says it
    region: str | None = None
    #: the source's own estimate of the type size (hOCR ``x_size``), in its units
    size: float | None = None
    #: the line opens a paragraph or block of the source (hOCR ``ocr_par``, ALTO
    #: ``TextBlock``, a TSV paragraph, a PAGE-XML region)
    opens_block: bool = False
    #: character runs (start, end, mark kind, what the source said) of the text set in
    #: italic, bold or small capitals (ALTO ``STYLE``/``TextStyle@FONTSTYLE``, hOCR
    #: ``<em>``/``<strong>``), as :attr:`pagemend.model.Geometry.styles`
    styles: tuple[tuple[int, int, str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class OcrPage:
    """One page of an OCR file."""

    lines: tuple[OcrLine, ...]
    width: float | None = None
    height: float | None = None
    #: points per unit of the source (72 / dpi for pixels), or None where it is unknown
    points_per_unit: float | None = None
    #: the printed page number the source declares (ALTO ``PRINTED_IMG_NR``)
    label: str | None = None


def local_name(element: Any) -> str:
    """An element's tag without its namespace ('{ns}TextLine' -> 'TextLine')."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def elements(root: Any) -> Iterator[Any]:
    """Every element under (and with) ``root``, in document order: no comments or
    processing instructions."""
    return root.iter(_lxml().Element)  # type: ignore[no-any-return]


def _lxml() -> Any:
    try:
        from lxml import etree
    except ImportError:
        raise MissingDependencyError("lxml", "ocr") from None
    return etree


def parse_xml(data: bytes, source: str) -> Any:
    """The root element of an OCR XML file, parsed without expanding entities, without the
    network, and within libxml2's default limits (nesting depth, text node size); a DTD that
    declares entities is refused (billion laughs, external entities).

    >>> parse_xml(b'<alto><Page/></alto>', "x").tag
    'alto'
    >>> parse_xml(b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', "bad.xml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pagemend.errors.HostileXmlError: [PM131] bad.xml declares entities, ...
    """
    etree = _lxml()
    if len(data) > MAX_XML_BYTES:
        raise HostileXmlError(source, f"is larger than {MAX_XML_BYTES >> 20} MiB")
    if b"<!ENTITY" in data:
        raise HostileXmlError(source, "declares entities")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False, dtd_validation=False, remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        if "depth" in str(error).lower():
            raise HostileXmlError(source, f"nests elements too deep ({error})") from None
        raise OcrFormatError(source, f"is not well-formed XML ({error})") from None
    if root is None:
        raise EmptyInputError(source)
    return root


def _median_height(lines: Iterable[OcrLine]) -> float | None:
    heights = [line.box[3] - line.box[1] for line in lines if line.box[3] > line.box[1]]
    return statistics.median(heights) if heights else None


def _scale(page: OcrPage, fallback: float) -> float:
    """Points per source unit: the source's resolution, else ``fallback`` (the document's
    median line height set to :data:`ASSUMED_BODY_LINE_HEIGHT`: one scale for every page, as
    one scanner's resolution is, so that a page of small note lines is not scaled up)."""
    return page.points_per_unit or fallback


def _sizes(lines: tuple[OcrLine, ...], scale: float) -> list[float | None]:
    """Each line's size estimate in points: the median height (hOCR ``x_size`` where given,
    else the box's) of the lines of its source block, over :data:`LINE_HEIGHT_PER_SIZE`. One
    line's height varies with its letters (caps, descenders); a block's median does not, and
    a block of one line set at the line spacing of a neighbouring block takes that block's
    size (see :func:`_lone_lines`)."""
    blocks: list[list[int]] = []
    for i, line in enumerate(lines):
        if line.opens_block or not blocks:
            blocks.append([])
        blocks[-1].append(i)
    heights = [line.size or max(line.box[3] - line.box[1], 0.0) for line in lines]
    medians = [statistics.median(heights[i] for i in block) for block in blocks]
    medians = _lone_lines(lines, blocks, medians)
    sizes: list[float | None] = []
    for block, median in zip(blocks, medians, strict=True):
        size = round(median * scale / LINE_HEIGHT_PER_SIZE, 2) if median else None
        sizes.extend([size] * len(block))
    return sizes


def _pitch(lines: tuple[OcrLine, ...], block: list[int]) -> float | None:
    """The median step from one line's top to the next within a block of two lines or more."""
    steps = [lines[b].box[1] - lines[a].box[1] for a, b in itertools.pairwise(block)]
    steps = [step for step in steps if step > 0]
    return statistics.median(steps) if steps else None


def _lone_lines(lines: tuple[OcrLine, ...], blocks: list[list[int]], medians: list[float]
                ) -> list[float]:
    """The block medians, where a block of one line (whose height is no size: 0.65-1.6 times
    the type's) stands from the block before's last line, or from the block after's first,
    no further than ``LONE_LINE_PITCH`` times that block's line spacing: that block's.
    ALTO makes a note's first line a block of its own (franklin-latex at 300 dpi: ``14Nothing``
    estimated at 9.25 pt below notes of 7.75 pt, set at their 9 pt line spacing)."""
    found = list(medians)
    for k, block in enumerate(blocks):
        if len(block) != 1:
            continue
        top = lines[block[0]].box[1]
        for other, step in ((k - 1, top - lines[blocks[k - 1][-1]].box[1] if k else 0.0),
                            (k + 1, lines[blocks[k + 1][0]].box[1] - top
                             if k + 1 < len(blocks) else 0.0)):
            pitch = _pitch(lines, blocks[other]) if 0 <= other < len(blocks) else None
            if pitch and 0 < step <= LONE_LINE_PITCH * pitch:
                found[k] = medians[other]
                break
    return found


def _geometry(line: OcrLine, scale: float, size: float | None) -> Geometry:
    x0, top, x1, bottom = (value * scale for value in line.box)
    return Geometry(x0=round(x0, 2), x1=round(x1, 2), top=round(top, 2),
                    bottom=round(bottom, 2), font_size=size or None, size_estimated=True,
                    confidence=line.confidence, region=line.region, styles=line.styles)


def _page(index: int, page: OcrPage, fallback: float) -> Page:
    scale = _scale(page, fallback)
    sizes = _sizes(page.lines, scale)
    lines = tuple(Line(line.text, index, number, geometry=_geometry(line, scale, size))
                  for number, (line, size) in enumerate(zip(page.lines, sizes, strict=True)))
    width = page.width * scale if page.width else None
    return Page(index=index, label=None, lines=lines, pdf_label=page.label, width=width)


def to_document(pages: Iterable[OcrPage], source: str) -> Document:
    """The pages as a document: lines in the source's order, geometry in points."""
    pages = list(pages)
    median = _median_height(line for page in pages for line in page.lines)
    fallback = ASSUMED_BODY_LINE_HEIGHT / median if median else 1.0
    built = tuple(_page(index, page, fallback) for index, page in enumerate(pages))
    if not any(line.text for page in built for line in page.lines):
        raise EmptyInputError(source)
    return Document(pages=built, meta=DocumentMeta(source=source))


def read_limited_file(path: Path) -> bytes:
    """An OCR file's bytes (at most :data:`MAX_XML_BYTES`)."""
    from pagemend.readers.text import _read_file

    return _read_file(path, MAX_XML_BYTES)


def clean(words: Iterable[str]) -> str:
    """Words joined by single spaces, white space inside a word made a space.

    >>> clean(["a ", " b", "", "c\\nd"])
    'a b c d'
    """
    return " ".join(" ".join(word.split()) for word in words if word.strip())


def numbers(text: str) -> Iterator[float]:
    """The numbers of a space-separated attribute ('1 2.5 3' -> 1.0, 2.5, 3.0)."""
    for part in text.split():
        try:
            yield float(part)
        except ValueError:
            continue
