"""The shipped common-word lists are what wordfreq gives today."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from pagemend.data.common_words import COMMON_WORDS

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_common_words.py"


def test_common_words_regenerate_from_wordfreq() -> None:
    spec = importlib.util.spec_from_file_location("make_common_words", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.common_words() == COMMON_WORDS
    assert len(COMMON_WORDS) > 500 and COMMON_WORDS["and"] == ("en",)
