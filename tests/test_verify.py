from __future__ import annotations

import pytest

from helpers import CASES, CORPUS, make_doc
from pagemend.errors import VerificationError
from pagemend.model import replace
from pagemend.pipeline import mend
from pagemend.readers import read_path
from pagemend.readers.text import decode
from pagemend.verify import rebuild, verify

SOURCES = [*sorted(CORPUS.glob("*/input.*.txt")), CASES / "seed" / "input.pages.txt"]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_verify_rebuilds_every_input(path):
    verify(mend(read_path(str(path))), decode(path.read_bytes(), str(path))[0])


def test_verify_fails_when_a_character_is_deleted_from_the_output():
    doc = mend(make_doc("The quick brown fox\njumps over", "the lazy dog."))
    block = doc.blocks[0]
    damaged = replace(block, text=block.text[:4] + block.text[5:])  # 'quick' -> 'uick'
    with pytest.raises(VerificationError, match=r"\[PM301\].*differ from the input at character 4"):
        verify(replace(doc, blocks=(damaged, *doc.blocks[1:])), "The quick brown fox\njumps over"
               "\fthe lazy dog.")


def test_verify_fails_when_an_edit_is_dropped():
    source = "ﬁne print"
    doc = mend(make_doc(source))
    assert rebuild(doc) == source
    with pytest.raises(VerificationError):
        verify(replace(doc, edits=()), source)
