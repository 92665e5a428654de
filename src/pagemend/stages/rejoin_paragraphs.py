"""rejoin_paragraphs: decide which body lines open a new block; the rest continue one.

First version: a body line opens a block when it follows a blank line or opens its page.
Leaves alone: the lines' text, their roles and kinds.

    >>> from pagemend.readers import read_text
    >>> doc = rejoin_paragraphs(read_text("one\\ntwo\\n\\nthree\\ffour"), RejoinParagraphsConfig())
    >>> [(line.text, line.starts_block) for line in doc.lines() if line.text]
    [('one', True), ('two', False), ('three', True), ('four', True)]
"""

from __future__ import annotations

from dataclasses import dataclass

from pagemend.model import Document, Line, replace
from pagemend.registry import stage

__all__ = ["RejoinParagraphsConfig", "rejoin_paragraphs"]

STAGE = "rejoin_paragraphs"


@dataclass(frozen=True, slots=True)
class RejoinParagraphsConfig:
    enabled: bool = True


@stage(STAGE, RejoinParagraphsConfig, assigns=("line.starts_block",))
def rejoin_paragraphs(doc: Document, config: RejoinParagraphsConfig) -> Document:
    """Mark block starts; see the module docstring."""
    changed: dict[tuple[int, int], Line] = {}
    for page in doc.pages:
        after_break = True
        for line in page.lines:
            if not line.text:
                after_break = True
                continue
            if line.role != "body":
                continue
            if line.starts_block != after_break:
                changed[(line.page, line.number)] = replace(line, starts_block=after_break)
            after_break = False
    return doc.with_lines(changed)
