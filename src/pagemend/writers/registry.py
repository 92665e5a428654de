"""The writer registry: a format is one module that registers a :class:`Writer` (its name, its
file suffixes, its function) when imported. Writers only project a mended document: none
imports a stage, the pipeline or the package's public face (a test checks the imports).

    >>> from pagemend.writers import writer_for
    >>> writer_for(path="book.tei.xml").name, writer_for("md").suffixes[0]
    ('tei', '.md')
    >>> writer_for(path="book.unknown").name
    'md'
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

from pagemend.errors import ConfigError
from pagemend.model import Document

__all__ = [
    "WRITERS", "Writer", "build_time", "pieces", "register", "render", "stream", "writer_for",
]


@dataclass(frozen=True, slots=True)
class Writer:
    """One output format."""

    name: str
    #: file suffixes that select this format, the preferred one first
    suffixes: tuple[str, ...]
    #: (doc, **options) -> the whole output: text, or bytes for a binary format
    function: Callable[..., str | bytes]
    #: options the function takes (others given to :func:`render` are ignored)
    options: frozenset[str] = frozenset()
    binary: bool = False
    #: (doc, **options) -> the output in pieces, for formats that stream (JSONL)
    chunks: Callable[..., Iterator[str]] | None = None


#: format name -> writer, in registration order
WRITERS: dict[str, Writer] = {}


def register(writer: Writer) -> Writer:
    """Add a format to the registry (a module calls this once, at import)."""
    WRITERS[writer.name] = writer
    return writer


def writer_for(fmt: str | None = None, path: str | None = None) -> Writer:
    """The writer named ``fmt``, else the one whose suffix ends ``path``, else Markdown."""
    if fmt is not None:
        if fmt not in WRITERS:
            raise ConfigError(f"unknown output format {fmt!r}", "use one of " +
                              ", ".join(WRITERS))
        return WRITERS[fmt]
    name = Path(path or "").name.lower()
    matches = [(len(suffix), writer) for writer in WRITERS.values() for suffix in writer.suffixes
               if name.endswith(suffix)]
    return max(matches, key=lambda match: match[0])[1] if matches else WRITERS["md"]


def _options(writer: Writer, options: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in options.items() if key in writer.options}


def render(doc: Document, fmt: str = "md", **options: Any) -> str | bytes:
    """The whole output of one format."""
    writer = writer_for(fmt)
    return writer.function(doc, **_options(writer, options))


def pieces(doc: Document, fmt: str = "md", **options: Any) -> Iterator[bytes]:
    """The output of one format as encoded pieces: a piece at a time where the format
    streams (JSON, JSONL), else the whole output as one piece.

    >>> from pagemend.readers import read_text
    >>> doc = read_text("One line.")
    >>> b"".join(pieces(doc, "json")) == render(doc, "json").encode()
    True
    """
    writer = writer_for(fmt)
    if writer.chunks is not None:
        for chunk in writer.chunks(doc, **_options(writer, options)):
            yield chunk.encode("utf-8")
        return
    output = writer.function(doc, **_options(writer, options))
    yield output if isinstance(output, bytes) else output.encode("utf-8")


def stream(doc: Document, fmt: str, out: BinaryIO, **options: Any) -> None:
    """Write one format to a binary file, piece by piece where the format streams."""
    for piece in pieces(doc, fmt, **options):
        out.write(piece)


def write_file(doc: Document, fmt: str, output: str, **options: Any) -> None:
    """Write one format to a path, or to stdout for ``-``."""
    if output == "-":
        stream(doc, fmt, sys.stdout.buffer, **options)
        sys.stdout.buffer.flush()
        return
    with Path(output).open("wb") as out:
        stream(doc, fmt, out, **options)


def build_time() -> datetime:
    """The time a build records: ``SOURCE_DATE_EPOCH`` when set, else a fixed date (the Unix
    epoch), so that the same input always gives the same bytes.

    >>> build_time().isoformat()
    '1970-01-01T00:00:00+00:00'
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds = int(epoch) if epoch.isdigit() else 0
    return datetime.fromtimestamp(seconds, tz=timezone.utc)
