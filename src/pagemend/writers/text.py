"""Plain text: blocks separated by blank lines, verse keeping its lines, notes at the end as
``[N] text``, note references as ``[N]``.

    >>> from pagemend.model import Block, Document, NoteRef
    >>> doc = Document(pages=(), blocks=(
    ...     Block("paragraph", "A claim.", (), notes=(NoteRef(8, "1", True),)),
    ...     Block("note", "A source.", (), note_id="1"),
    ... ))
    >>> print(write_text(doc), end="")
    A claim.[1]
    <BLANKLINE>
    [1] A source.
"""

from __future__ import annotations

from pagemend.model import Block, Document
from pagemend.writers.registry import Writer, register

__all__ = ["write_text"]


def _with_references(block: Block) -> str:
    text = block.text
    for ref in sorted(block.notes, key=lambda r: r.offset, reverse=True):
        text = text[: ref.offset] + f"[{ref.note_id}]" + text[ref.offset :]
    return text


def write_text(doc: Document) -> str:
    """Render the document as plain text; see the module docstring."""
    body = [_with_references(b) for b in doc.blocks if b.kind != "note"]
    notes = [f"[{b.note_id}] {_with_references(b)}" for b in doc.blocks if b.kind == "note"]
    parts = body + (["\n".join(notes)] if notes else [])
    return "\n\n".join(parts) + "\n" if parts else ""


register(Writer("txt", (".txt",), write_text))
