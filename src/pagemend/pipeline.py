"""The pipeline: the one ordered list of stages, and the functions that run it.

    >>> from pagemend.readers import read_text
    >>> doc = mend(read_text("142 | Title\\nA line that\\nruns on."))
    >>> [block.text for block in doc.blocks], doc.pages[0].label
    (['A line that runs on.'], '142')
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import pagemend.stages  # noqa: F401  (registers every stage)
from pagemend.config import PipelineConfig
from pagemend.errors import ConfigError
from pagemend.layout import forget_successors
from pagemend.model import Document, Edit
from pagemend.registry import STAGES, StageInfo

__all__ = ["DEFAULT_ORDER", "build", "collector_paused", "mend", "mend_and_explain"]

#: The default order of the stages. Each one sees the whole document.
DEFAULT_ORDER: tuple[str, ...] = (
    "repair_layout",
    "normalize_characters",
    "measure_document",
    "detect_language",
    "restore_word_spaces",
    "remove_running_heads",
    "use_region_types",
    "capture_page_labels",
    "join_drop_caps",
    "separate_notes",
    "link_notes",
    "join_hyphenated_words",
    "detect_headings",
    "detect_lists",
    "detect_letters",
    "detect_verse",
    "detect_block_quotes",
    "rejoin_paragraphs",
    "assemble_blocks",
)


def build(order: Sequence[str] = DEFAULT_ORDER) -> tuple[StageInfo, ...]:
    """Look the stages up and check that each one's requirements are assigned before it."""
    assigned: dict[str, str] = {}
    stages = []
    for name in order:
        if name not in STAGES:
            raise ConfigError(f"unknown stage {name!r}", "known: " + ", ".join(sorted(STAGES)))
        info = STAGES[name]
        missing = sorted(info.requires - assigned.keys())
        if missing:
            raise ConfigError(
                f"stage {name!r} requires {', '.join(missing)}, which no earlier stage assigns",
                "put the stage that assigns it first",
            )
        assigned.update(dict.fromkeys(info.assigns, name))
        stages.append(info)
    return tuple(stages)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused, and restored as it was.

    The document model is frozen and acyclic, so reference counting frees every copy the
    stages make; the collector would only walk the growing heap of live lines again and
    again (on the 2,000-page benchmark book, 35 to 45 % of mend's time; `make bench` shows
    the paired rounds). Whatever cyclic garbage a stage leaves is collected after, by the
    collector's next full pass: the objects made meanwhile (the mended document) are moved
    to its oldest generation as they are (``gc.freeze`` then ``gc.unfreeze``: two list
    splices), so the first young collection does not walk them all once more (3 % of mend
    on the benchmark book). Where the program froze objects itself, they stay frozen and
    the young collection runs as it would.

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():
            gc.freeze()
            gc.unfreeze()
        gc.enable()


def mend(
    doc: Document,
    config: PipelineConfig | Mapping[str, Any] | None = None,
    order: Sequence[str] = DEFAULT_ORDER,
) -> Document:
    """Run every enabled stage over the document, in order (the cyclic garbage collector
    paused meanwhile: see :func:`collector_paused`)."""
    resolved = PipelineConfig.resolve(config)
    with collector_paused():
        try:
            for info in build(order):
                stage_config = getattr(resolved, info.name)
                if stage_config.enabled:
                    doc = info.function(doc, stage_config)
        finally:
            forget_successors()
    return doc


def mend_and_explain(
    doc: Document, config: PipelineConfig | Mapping[str, Any] | None = None
) -> tuple[Document, tuple[Edit, ...]]:
    """Mend the document and return it with every edit the stages made, in order."""
    mended = mend(doc, config)
    return mended, mended.edits
