"""Speed work changes no output: every case's Markdown and JSON (page text of tests/corpus
and tests/printings) hash as pinned in tests/data/output-digests.json.

A change meant to alter output re-pins the file (``python bench/same_output.py
--write-digests``) and says so in its commit; a speed change leaves it as it is.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from same_output import PINNED, pinned_digests  # noqa: E402


def test_outputs_hash_as_pinned() -> None:
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    found = pinned_digests()
    assert len(found) == len(pinned) >= 2 * 38
    differ = sorted(key for key in pinned.keys() | found.keys()
                    if pinned.get(key) != found.get(key))
    assert not differ, f"outputs differ from the pinned digests: {differ}"
