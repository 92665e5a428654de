"""Stages: one module per stage, each a pure ``Document -> Document`` function.

Importing this package registers every stage in :data:`pagemend.registry.STAGES`.
"""

from pagemend.stages import (
    assemble_blocks,
    capture_page_labels,
    detect_block_quotes,
    detect_headings,
    detect_language,
    detect_letters,
    detect_lists,
    detect_verse,
    join_drop_caps,
    join_hyphenated_words,
    link_notes,
    measure_document,
    normalize_characters,
    rejoin_paragraphs,
    remove_running_heads,
    repair_layout,
    restore_word_spaces,
    separate_notes,
    use_region_types,
)

__all__ = [
    "assemble_blocks",
    "capture_page_labels",
    "detect_block_quotes",
    "detect_headings",
    "detect_language",
    "detect_letters",
    "detect_lists",
    "detect_verse",
    "join_drop_caps",
    "join_hyphenated_words",
    "link_notes",
    "measure_document",
    "normalize_characters",
    "rejoin_paragraphs",
    "remove_running_heads",
    "repair_layout",
    "restore_word_spaces",
    "separate_notes",
    "use_region_types",
]
