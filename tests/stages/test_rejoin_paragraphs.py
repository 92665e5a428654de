from __future__ import annotations

from helpers import make_doc
from pagemend.stages.rejoin_paragraphs import RejoinParagraphsConfig, rejoin_paragraphs


def test_rejoin_paragraphs_blank_lines_and_pages_open_blocks():
    doc = rejoin_paragraphs(make_doc("a\nb\n\nc", "d"), RejoinParagraphsConfig())
    starts = [(line.text, line.starts_block) for line in doc.lines() if line.text]
    assert starts == [("a", True), ("b", False), ("c", True), ("d", True)]
