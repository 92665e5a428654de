"""Writers: pure projections of a mended :class:`~pagemend.model.Document`. They never
re-run heuristics."""

from __future__ import annotations

from collections.abc import Callable

from pagemend.model import Document
from pagemend.writers.json import write_json
from pagemend.writers.markdown import write_markdown
from pagemend.writers.text import write_text

__all__ = ["FORMATS", "SUFFIXES", "write", "write_json", "write_markdown", "write_text"]

#: format name -> writer
FORMATS: dict[str, Callable[..., str]] = {
    "md": write_markdown, "txt": write_text, "json": write_json,
}
#: output file suffix -> format name
SUFFIXES: dict[str, str] = {".md": "md", ".markdown": "md", ".txt": "txt", ".json": "json"}


def write(doc: Document, fmt: str = "md", page_markers: bool = False) -> str:
    """Render the document in one of :data:`FORMATS`."""
    if fmt == "md":
        return write_markdown(doc, page_markers=page_markers)
    return FORMATS[fmt](doc)
