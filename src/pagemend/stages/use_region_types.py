"""use_region_types: the roles an OCR file typed its regions with (PAGE-XML
``TextRegion@type``, carried on ``Geometry.region``).

A region typed ``header``, ``page-number``, ``catch-word`` or ``signature-mark`` holds page
furniture: its lines are removed as running heads, folios and foot lines are (recorded as
edits, kept verbatim in ``Page.furniture``; a page number then gives the page its label). A
``footnote`` or ``marginalia`` region holds notes: its lines become note lines, each
region one note, numbered 1..n in the book's order (the corpus's convention for notes).

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

from pagemend.model import Document, Edit, Line, LineRole
from pagemend.registry import stage
from pagemend.rules import Changes, rule

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


@stage(STAGE, UseRegionTypesConfig, assigns=("line.role",))
def use_region_types(doc: Document, config: UseRegionTypesConfig | None) -> Document:
    """Give the lines of typed regions their roles; see the module docstring."""
    changes = Changes()
    edits: list[Edit] = []
    previous: str | None = None
    notes = 0
    for line in doc.lines():
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
