"""pagemend: mend the raw text of book pages into clean, faithful, structured documents.

    >>> from pagemend import mend_text
    >>> print(mend_text("It was the best\\nof times."), end="")
    It was the best of times.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pagemend.version import __version__, compiled_modules

if TYPE_CHECKING:
    from pagemend.config import PipelineConfig
    from pagemend.errors import PagemendError
    from pagemend.model import Block, Document, Edit, Line, Page, Span
    from pagemend.pipeline import mend, mend_and_explain
    from pagemend.readers import read_bytes, read_path, read_text
    from pagemend.writers import write

#: the public names and the modules they live in: imported on first use (PEP 562), so that
#: ``pagemend --version`` and ``import pagemend.errors`` do not load every stage
_LAZY = {
    "PipelineConfig": "pagemend.config", "PagemendError": "pagemend.errors",
    "Block": "pagemend.model", "Document": "pagemend.model", "Edit": "pagemend.model",
    "Line": "pagemend.model", "Page": "pagemend.model", "Span": "pagemend.model",
    "mend": "pagemend.pipeline", "mend_and_explain": "pagemend.pipeline",
    "read_bytes": "pagemend.readers", "read_path": "pagemend.readers",
    "read_text": "pagemend.readers", "write": "pagemend.writers",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pagemend' has no attribute {name!r}")


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
    "compiled_modules",
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
    from pagemend.pipeline import mend
    from pagemend.readers import read_text
    from pagemend.writers import write

    return write(mend(read_text(text), config), fmt)
