"""assemble_blocks: build the document's blocks from its annotated lines.

A pure projection of what earlier stages decided: body and note lines are gathered in
reading order, each role in its own stream (a body paragraph runs on over the footnotes that
interrupt it); a new block opens where a line says ``starts_block`` or its kind or level
changes. Blocks are ordered by where they start. Prose lines are joined with a space (none
after a line marked ``glue_next``), verse lines with a newline (a space before a wrapped verse
line's continuation, marked ``wraps``). Each line's part of the text
becomes a :class:`~pagemend.model.Span` carrying its page and printed label.

    >>> from pagemend.readers import read_text
    >>> doc = read_text("one\\ntwo\\fthree")
    >>> doc = doc.with_lines({(1, 0): replace(doc.pages[1].lines[0], starts_block=True)})
    >>> [(b.text, [s.page for s in b.spans]) for b in assemble_blocks(doc, None).blocks]
    [('one two', [0, 0]), ('three', [1])]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pagemend.emphasis import line_marks, merge_marks, shift_marks
from pagemend.model import Block, Decision, Document, Edit, Line, Mark, NoteRef, Span, replace
from pagemend.registry import stage
from pagemend.rules import rule

__all__ = ["AssembleBlocksConfig", "assemble_blocks"]

STAGE = "assemble_blocks"
_IN_BLOCKS = ("body", "note")

FIRST_LINE = rule(STAGE, "first_line", "The first line of the body (and of the notes) opens "
                  "the first block of its stream.")
KIND_CHANGES = rule(STAGE, "kind_changes", "A block holds lines of one kind and level: a line "
                    "whose kind, level or role differs from its block's opens a new block "
                    "(a safety net: the stages mark every block start themselves).",
                    default=True)


@dataclass(frozen=True, slots=True)
class AssembleBlocksConfig:
    enabled: bool = True


@dataclass(slots=True)
class _Builder:
    """The block being assembled (local, mutable scratch; never leaves this module)."""

    first: Line
    parts: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    notes: list[NoteRef] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    glue: bool = False
    length: int = 0
    #: a line of another page than the first line's was added
    crosses: bool = False

    def add(self, line: Line, label: str | None, marks: list[Mark]) -> None:
        text, length, parts = line.text, self.length, self.parts
        page = line.page
        if parts and not self.glue:
            separator = "\n" if self.first.kind == "verse" and not line.wraps else " "
            parts.append(separator)
            length += 1
        if page != self.first.page:
            self.crosses = True
        self.spans.append(Span(length, length + len(text), page, label, line.number))
        if marks:
            self.marks.extend(shift_marks(marks, length))
        if line.references:
            self.notes.extend(NoteRef(length + column, note_id, resolved)
                              for column, note_id, resolved in line.references)
        parts.append(text)
        self.length = length + len(text)
        self.glue = line.glue_next

    def build(self, open_end: bool) -> Block:
        spans = self.spans
        crosses = self.crosses  # (a span's page is its line's; the first span is the first line's)
        text = "".join(self.parts)
        return Block(
            kind=self.first.kind, text=text, spans=tuple(spans),
            level=self.first.level, note_id=self.first.note_id, notes=tuple(self.notes),
            continues_from_previous_page=crosses or not self.first.starts_block,
            continues_on_next_page=crosses or open_end,
            marks=tuple(merge_marks(self.marks, text)) if self.marks else (),
        )


def _edits_by_line(doc: Document) -> dict[tuple[int, int], list[Edit]]:
    """Each line's edits made after ``repair_layout`` (whose style runs are in the text it
    left), in order: the marks of emphasis are mapped through them (:mod:`pagemend.emphasis`)."""
    by_line: dict[tuple[int, int], list[Edit]] = {}
    for edit in doc.edits:
        if edit.stage != "repair_layout":
            by_line.setdefault((edit.page, edit.line), []).append(edit)
    return by_line


def _opening(line: Line, current: _Builder | None) -> Decision:
    """The decision that opens a block at a line no earlier stage marked as a block start."""
    if current is None:
        by, evidence = FIRST_LINE, f"the first {line.role} line"
    else:
        first = current.first
        by, evidence = KIND_CHANGES, (f"{line.kind} (level {line.level}) after "
                                      f"{first.kind} (level {first.level})")
    return Decision(STAGE, by.id, line.page, line.number, "starts_block", False, True, evidence)


@stage(STAGE, AssembleBlocksConfig, requires=("line.starts_block",), assigns=("blocks",))
def assemble_blocks(doc: Document, config: AssembleBlocksConfig | None) -> Document:
    """Gather lines into blocks; see the module docstring."""
    labels = {page.index: page.label for page in doc.pages}
    built: list[Block] = []
    current: dict[str, _Builder] = {}  # one stream per role: notes interrupt, body runs on
    last: dict[str, Line] = {}
    decisions: list[Decision] = []
    edits = _edits_by_line(doc) if any(
        line.geometry and line.geometry.styles for line in doc.lines()) else {}
    for line in doc.lines():
        if not line.text or (role := line.role) not in _IN_BLOCKS:
            continue
        builder = current.get(role)
        # a line opens a block where it says so or its kind, level or role differs
        if builder is None or line.starts_block or line.kind != (first := builder.first).kind \
                or line.level != first.level or role != first.role:
            if not line.starts_block:
                decisions.append(_opening(line, builder))
            if builder is not None:
                built.append(builder.build(open_end=False))
            builder = current[role] = _Builder(first=line)
        # (a line without style runs has no marks, whatever its edits)
        builder.add(line, labels[line.page], line_marks(line, edits.get(
            (line.page, line.number), ())) if (geometry := line.geometry) is not None
            and geometry.styles else [])
        last[role] = line
    for stream, builder in current.items():
        built.append(builder.build(open_end=last[stream].open_end))
    built.sort(key=lambda block: (block.spans[0].page, block.spans[0].line))
    return replace(doc, blocks=tuple(built)).with_decisions(decisions)
