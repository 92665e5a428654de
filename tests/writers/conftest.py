"""Every corpus case and the seed mended once per session, shared by the writer tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import CASES, CORPUS
from pagemend.model import Document
from pagemend.pipeline import mend
from pagemend.readers import read_path

#: the page-text input of every corpus case, and the seed
INPUTS = [*sorted(CORPUS.glob("*/input.pages.txt")), CASES / "seed" / "input.pages.txt"]


@pytest.fixture(scope="session")
def mended() -> Callable[[Path], Document]:
    """path -> the mended document, mended once per session."""
    cache: dict[Path, Document] = {}

    def get(path: Path) -> Document:
        if path not in cache:
            cache[path] = mend(read_path(str(path)))
        return cache[path]

    return get
