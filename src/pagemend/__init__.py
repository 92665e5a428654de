"""pagemend: mend the raw text of book pages into clean, faithful, structured documents.

    >>> from pagemend import mend_text
    >>> print(mend_text("It was the best\\nof times."), end="")
    It was the best of times.
"""

from __future__ import annotations

from pagemend.config import PipelineConfig
from pagemend.errors import PagemendError
from pagemend.model import Block, Document, Edit, Line, Page, Span
from pagemend.pipeline import mend, mend_and_explain
from pagemend.readers import read_bytes, read_path, read_text
from pagemend.version import __version__
from pagemend.writers import write

__all__ = [
    "Block",
    "Document",
    "Edit",
    "Line",
    "Page",
    "PagemendError",
    "PipelineConfig",
    "Span",
    "__version__",
    "mend",
    "mend_and_explain",
    "mend_text",
    "read_bytes",
    "read_path",
    "read_text",
    "write",
]


def mend_text(text: str, fmt: str = "md", config: PipelineConfig | None = None) -> str:
    """Mend a page dump held in a string and render it (``md``, ``txt`` or ``json``)."""
    return write(mend(read_text(text), config), fmt)
