"""Stages: one module per stage, each a pure ``Document -> Document`` function.

Importing this package registers every stage in :data:`pagemend.registry.STAGES`.
"""

from pagemend.stages import (
    assemble_blocks,
    measure_document,
    normalize_characters,
    rejoin_paragraphs,
)

__all__ = ["assemble_blocks", "measure_document", "normalize_characters", "rejoin_paragraphs"]
