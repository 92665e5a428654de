"""Writers: pure projections of a mended :class:`~pagemend.model.Document`. They never
re-run heuristics. Each format is one module that registers itself in
:mod:`pagemend.writers.registry`; importing this package imports them all.
"""

from __future__ import annotations

from collections.abc import Callable

from pagemend.errors import ConfigError
from pagemend.model import Document
from pagemend.writers.registry import (
    WRITERS,
    Writer,
    register,
    render,
    stream,
    write_file,
    writer_for,
)

# the formats, each registering itself (the order is the order of --to's help)
from pagemend.writers.markdown import write_markdown  # isort: skip
from pagemend.writers.text import write_text  # isort: skip
from pagemend.writers.json import write_json  # isort: skip
from pagemend.writers.jsonl import write_jsonl  # isort: skip
from pagemend.writers.html import write_html  # isort: skip
from pagemend.writers.tei import write_tei  # isort: skip
from pagemend.writers.epub import write_epub  # isort: skip
from pagemend.writers.review import write_review  # isort: skip

__all__ = [
    "FORMATS", "SUFFIXES", "WRITERS", "Writer", "register", "render", "stream", "write",
    "write_epub", "write_file", "write_html", "write_json", "write_jsonl", "write_markdown",
    "write_review", "write_tei", "write_text", "writer_for",
]

#: format name -> writer function
FORMATS: dict[str, Callable[..., str | bytes]] = {
    name: writer.function for name, writer in WRITERS.items()
}
#: output file suffix -> format name
SUFFIXES: dict[str, str] = {
    suffix: name for name, writer in WRITERS.items() for suffix in writer.suffixes
}


def write(doc: Document, fmt: str = "md", page_markers: bool = False) -> str:
    """Render the document in one of the text formats of :data:`FORMATS`."""
    output = render(doc, fmt, page_markers=page_markers)
    if isinstance(output, bytes):
        raise ConfigError(f"{fmt} is a binary format", f"write it to a file: -o book.{fmt}")
    return output
