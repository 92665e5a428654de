"""use_region_types: the roles an OCR file typed its regions with (PAGE-XML
``TextRegion@type``, carried on ``Geometry.region``).

A region typed ``header``, ``page-number``, ``catch-word`` or ``signature-mark`` holds page
furniture: its lines are removed as running heads, folios and foot lines are (recorded as
edits, kept verbatim in ``Page.furniture``; a page number then gives the page its label). A
``footnote`` or ``marginalia`` region holds notes: its lines become note lines, each
region one note, numbered 1..n in the book's order (the corpus's convention for notes).

OCR noise by confidence and position: a line read with low confidence whose box is much lower
than the book's lines and holds a few characters (a speck, a rule, an ornament read as
letters), or that stands wholly outside the page's text column (a fragment of the facing page
in the gutter, the edge of the scan), is moved out of the text as a ``foot`` line (recorded as
an edit, kept verbatim in ``Page.furniture``: never silently deleted).

Runs after ``remove_running_heads``: a line it took as furniture already is.

Leaves alone: lines without a region type (every input but PAGE-XML), and regions of any
other type (paragraph, heading, caption, ...), which the later stages judge as usual.

    >>> from pagemend.model import Geometry, Line, Page, Document
    >>> box = Geometry(0, 100, 0, 10, region="page-number")
    >>> doc = Document(pages=(Page(0, None, (Line("17", 0, 0, geometry=box),
    ...                                      Line("Text.", 0, 1))),))
    >>> [(line.role, line.text) for line in use_region_types(doc, None).lines()]
    [('folio', '17'), ('body', 'Text.')]
"""

from __future__ import annotations

from dataclasses import dataclass

from pagemend.model import Document, Edit, Line, LineRole, Page
from pagemend.registry import stage
from pagemend.rules import Changes, Rule, rule

__all__ = ["FURNITURE_REGIONS", "NOTE_REGIONS", "UseRegionTypesConfig", "use_region_types"]

STAGE = "use_region_types"

#: PAGE-XML region type -> the role of its lines
FURNITURE_REGIONS: dict[str, LineRole] = {
    "header": "running_head", "page-number": "folio", "catch-word": "foot",
    "signature-mark": "foot", "footer": "foot",
}
#: PAGE-XML region types of notes
NOTE_REGIONS = frozenset({"footnote", "footnote-continued", "endnote", "marginalia"})
_ACTIONS = {"folio": "remove_folio", "foot": "remove_foot", "running_head": "remove_running_head"}

TYPED_FURNITURE = rule(STAGE, "typed_furniture_region",
                       "A line of a region the OCR typed as header, page number, catch-word "
                       "or signature mark is page furniture.")
SPECK = rule(STAGE, "ocr_speck", "A line OCR read with low confidence whose box is much lower "
             "than the book's lines and that holds a few characters is no type: a speck, a rule "
             "or an ornament read as letters; it is moved out of the text.")
EDGE_FRAGMENT = rule(STAGE, "ocr_edge_fragment", "A line OCR read with low confidence that "
                     "stands wholly outside the page's column of confidently read lines is the "
                     "facing page's edge or a scan's border read as text; it is moved out of "
                     "the text.")
#: A speck's confidence is below this: Tesseract gives specks 0.0-0.29 (hOCR x_wconf, ALTO WC;
#: the 300 dpi and degraded 200 dpi renders of the corpus), real lines set small or unusual
#: (running heads in small capitals, a roman numeral alone) 0.29-0.5.
SPECK_CONFIDENCE = 0.3
#: ... its box lower than this share of the book's median line height (specks: 0.2-0.57;
#: a real line read below SPECK_CONFIDENCE: 0.72 and more)
SPECK_HEIGHT = 0.6
#: ... and it holds at most this many characters besides spaces (specks: 1-4)
SPECK_CHARS = 4
#: A fragment outside the column is read with confidence below this (cut-off letters);
#: the column is that of the page's lines read at this confidence or more.
EDGE_CONFIDENCE = 0.5
TYPED_NOTE = rule(STAGE, "typed_note_region", "A line of a region the OCR typed as footnote or "
                  "marginal note is a note line.")


@dataclass(frozen=True, slots=True)
class UseRegionTypesConfig:
    enabled: bool = True


def _region(line: Line) -> str | None:
    """The region type of a body line that has one (a line ``remove_running_heads`` already
    took as furniture keeps its role)."""
    if line.geometry is None or not line.text or line.role != "body":
        return None
    return line.geometry.region


def _median_height(doc: Document) -> float:
    heights = sorted(line.geometry.bottom - line.geometry.top for line in doc.lines()
                     if line.text and line.geometry is not None)
    return heights[len(heights) // 2] if heights else 0.0


def _column(page: Page) -> tuple[float, float] | None:
    """The left and right edges of the page's confidently read lines (None without)."""
    edges = [(line.geometry.x0, line.geometry.x1) for line in page.lines
             if line.text and line.geometry is not None and line.geometry.confidence is not None
             and line.geometry.confidence >= EDGE_CONFIDENCE]
    return (min(x0 for x0, _ in edges), max(x1 for _, x1 in edges)) if edges else None


def _noise(line: Line, height: float, column: tuple[float, float] | None
           ) -> tuple[Rule, str] | None:
    """The rule and evidence that an OCR line is noise (see ``SPECK``, ``EDGE_FRAGMENT``).

    >>> from pagemend.model import Geometry
    >>> speck = Line("ey", 0, 3, geometry=Geometry(200, 204, 380, 384, confidence=0.23))
    >>> _noise(speck, 14.0, (60.0, 360.0))[1]
    'confidence 0.23, 4.0 pt high (book: 14.0), 2 characters'
    >>> edge = Line("the", 0, 4, geometry=Geometry(380, 398, 100, 112, confidence=0.41))
    >>> _noise(edge, 14.0, (60.0, 360.0))[1]
    'confidence 0.41, at 380.0-398.0 pt, the column at 60.0-360.0 pt'
    """
    g = line.geometry
    if g is None or g.confidence is None or not line.text or line.role != "body":
        return None
    chars = len(line.text.replace(" ", ""))
    if g.confidence < SPECK_CONFIDENCE and chars <= SPECK_CHARS and (
            g.bottom - g.top < SPECK_HEIGHT * height):
        return SPECK, (f"confidence {g.confidence:.2f}, {g.bottom - g.top:.1f} pt high (book: "
                       f"{height:.1f}), {chars} characters")
    if g.confidence < EDGE_CONFIDENCE and column is not None and (
            g.x1 < column[0] or g.x0 > column[1]):
        return EDGE_FRAGMENT, (f"confidence {g.confidence:.2f}, at {g.x0:.1f}-{g.x1:.1f} pt, "
                               f"the column at {column[0]:.1f}-{column[1]:.1f} pt")
    return None


def _move_noise(doc: Document, changes: Changes) -> list[Edit]:
    """Mark the OCR noise lines as ``foot`` lines; their edits."""
    edits: list[Edit] = []
    if not any(line.geometry is not None and line.geometry.confidence is not None
               for line in doc.lines()):
        return edits  # no OCR confidence (page text, PDF): no line is noise (``_noise``)
    height = _median_height(doc)
    for page in doc.pages:
        column = _column(page)
        for line in page.lines:
            found = _noise(line, height, column)
            if found is not None:
                changes.set(line, found[0], found[1], role="foot")
                edits.append(Edit(STAGE, "remove_ocr_noise", line.page, line.number,
                                  line.text, "", found[1]))
    return edits


@stage(STAGE, UseRegionTypesConfig, assigns=("line.role",))
def use_region_types(doc: Document, config: UseRegionTypesConfig | None) -> Document:
    """Give the lines of typed regions their roles; see the module docstring."""
    noise = Changes()
    doc = doc.with_edits(_move_noise(doc, noise))
    doc = noise.apply(doc)
    changes = Changes()
    edits: list[Edit] = []
    previous: str | None = None
    notes = 0
    typed = any(line.geometry is not None and line.geometry.region is not None
                for line in doc.lines())
    for line in doc.lines() if typed else ():  # (no typed region: no line to change)
        region = _region(line)
        if region in FURNITURE_REGIONS:
            role = FURNITURE_REGIONS[region]
            reason = f"in a region typed {region!r}"
            changes.set(line, TYPED_FURNITURE, reason, role=role)
            edits.append(Edit(STAGE, _ACTIONS[role], line.page, line.number, line.text, "",
                              reason))
        elif region in NOTE_REGIONS:
            opens = region != previous or line.number == 0
            notes += opens
            changes.set(line, TYPED_NOTE, f"in a region typed {region!r}", role="note",
                        kind="note", starts_block=opens, note_id=str(notes) if opens else None)
        previous = region
    return changes.apply(doc).with_edits(edits)
