"""Conservation: rebuild the input from the mended document and its edits, and compare.

Each line's text is read back from the blocks' spans (a line in no block, such as a removed
running head, starts empty); then the edits are undone from last to first. Every character
that a stage removed must come back from an edit, so any loss shows as a difference.

    >>> from pagemend.readers import read_text
    >>> from pagemend.pipeline import mend
    >>> source = "  Title\\u00a0one\\nbody\\n\\fnext page\\f"
    >>> rebuild(mend(read_text(source))) == source
    True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from pagemend.errors import VerificationError
from pagemend.model import Block, Decision, Document, Edit, Span

__all__ = [
    "document_from_json", "extracted", "first_difference", "line_texts", "rebuild", "verify",
]

#: pdfium's line-end hyphen: a line that ends with it had no newline after it
SOFT_BREAK = "\ufffe"


def line_texts(doc: Document) -> dict[tuple[int, int], str]:
    """Each line's text as the blocks hold it, by (page, line); a line in no block has none."""
    pieces: dict[tuple[int, int], list[tuple[int, str]]] = defaultdict(list)
    for block in doc.blocks:
        for span in block.spans:
            pieces[(span.page, span.line)].append((span.column, block.text[span.start:span.end]))
    texts = {}
    for key, parts in pieces.items():
        text = ""
        for column, part in sorted(parts):
            text += " " * (column - len(text)) + part  # pieces of one line split at a space
        texts[key] = text
    return texts


def _undo(text: str, edit: Edit) -> str:
    end = edit.offset + len(edit.after)
    if text[edit.offset:end] != edit.after:
        raise VerificationError(
            f"edit {edit.stage}/{edit.action} on page {edit.page + 1} line {edit.line + 1} "
            f"expects {edit.after!r} at column {edit.offset}, found {text[edit.offset:end]!r}",
            "the output or its edits were changed after mending",
        )
    return text[: edit.offset] + edit.before + text[end:]


def _join(doc: Document, texts: dict[tuple[int, int], str],
          read: dict[int, list[tuple[int, bool | None]]] | None = None) -> str:
    pages = []
    for page in doc.pages:
        lines = (read or {}).get(page.index)
        if lines is None:
            lines = [(line.number, line.soft_break) for line in page.lines]
        out = []
        soft = False
        for number, flag in lines:
            text = texts.get((page.index, number), "")
            soft = text.endswith(SOFT_BREAK) if flag is None else flag
            out.append(text)
            out.append("" if soft else "\n")
        pages.append("".join(out)[:-1] if out and not soft else "".join(out))
    return "\f".join(pages) + ("\f" if doc.meta.final_form_feed else "")


def extracted(doc: Document) -> str:
    """The text a document stood for when read, before any stage: for a PDF, what the reader
    extracted; the reference that :func:`rebuild` must give back."""
    return _join(doc, {(line.page, line.number): line.text for line in doc.lines()})


def _as_read(doc: Document, texts: dict[tuple[int, int], str]
             ) -> dict[int, list[tuple[int, bool | None]]]:
    """Move line texts from the numbers ``repair_layout`` gave back to the reader's numbers
    (``order`` and ``line_join`` decisions); per repaired page, the reader's lines as
    (number, soft break; None for a piece joined to another line, whose text comes back from
    its edits and says it: pdfium's line-end hyphen ends a line without a newline)."""
    moved: dict[int, dict[int, int | None]] = defaultdict(dict)  # page -> new -> as read
    pieces: dict[int, list[int]] = defaultdict(list)
    for decision in doc.decisions:
        if decision.field == "order" and isinstance(decision.after, int):
            before = decision.before
            moved[decision.page][decision.after] = before if isinstance(before, int) else None
        elif decision.field == "line_join" and isinstance(decision.before, int):
            pieces[decision.page].append(decision.before)
    read: dict[int, list[tuple[int, bool | None]]] = {}
    for page in doc.pages:
        if page.index not in moved and page.index not in pieces:
            continue
        renumber = moved[page.index]
        numbers: list[tuple[int, bool | None]] = []
        for line in page.lines:
            old = renumber.get(line.number, line.number)
            text = texts.pop((page.index, line.number), "")
            if old is not None:
                numbers.append((old, line.soft_break))
                texts[(page.index, -1 - old)] = text  # parked apart from the new numbers
        numbers.extend((number, None) for number in pieces[page.index])
        for number, _ in numbers:
            texts[(page.index, number)] = texts.pop((page.index, -1 - number), "")
        read[page.index] = sorted(numbers)
    return read


def rebuild(doc: Document) -> str:
    """The source text (decoded, LF line ends) as the document and its edits imply it."""
    texts = line_texts(doc)
    edits = doc.edits
    repaired = 0  # repair_layout runs first: its edits use the reader's line numbers
    while repaired < len(edits) and edits[repaired].stage == "repair_layout":
        repaired += 1
    for edit in reversed(edits[repaired:]):
        key = (edit.page, edit.line)
        texts[key] = _undo(texts.get(key, ""), edit)
    read = _as_read(doc, texts) if repaired or any(
        d.stage == "repair_layout" for d in doc.decisions) else {}
    for edit in reversed(edits[:repaired]):
        key = (edit.page, edit.line)
        texts[key] = _undo(texts.get(key, ""), edit)
    return _join(doc, texts, read)


def first_difference(expected: str, actual: str) -> int | None:
    """Offset of the first character where two texts differ, or None when equal."""
    if expected == actual:
        return None
    for i, (a, b) in enumerate(zip(expected, actual, strict=False)):
        if a != b:
            return i
    return min(len(expected), len(actual))


def verify(doc: Document, source_text: str) -> None:
    """Raise :class:`VerificationError` unless the document rebuilds ``source_text`` exactly."""
    rebuilt = rebuild(doc)
    at = first_difference(source_text, rebuilt)
    if at is not None:
        raise VerificationError(
            f"{doc.meta.source}: the output and its edits differ from the input at character "
            f"{at}: input {source_text[at:at + 30]!r}, rebuilt {rebuilt[at:at + 30]!r}",
            "this is a bug in pagemend: please report it with the input",
        )


def document_from_json(data: Mapping[str, Any], read: Document) -> Document:
    """A written JSON output as a document to rebuild: its blocks, spans, edits and decisions
    over the pages of lines of the input ``read`` (as the reader gave them, or as
    ``repair_layout`` put them into printed lines: the lines the JSON's spans number).

        >>> import json
        >>> from pagemend.pipeline import mend
        >>> from pagemend.readers import read_text
        >>> from pagemend.writers import write_json
        >>> source = "12\\nA line that\\nruns on.\\f"
        >>> data = json.loads(write_json(mend(read_text(source))))
        >>> rebuild(document_from_json(data, read_text(source))) == source
        True
    """
    try:
        blocks = tuple(
            Block(kind=block["kind"], text=block["text"], level=block["level"],
                  note_id=block["note_id"],
                  spans=tuple(Span(span["start"], span["end"], span["page"], span["label"],
                                   span["line"], span.get("column", 0))
                              for span in block["spans"]))
            for block in data["blocks"])
        edits = tuple(Edit(edit["stage"], edit["action"], edit["page"], edit["line"],
                           edit["before"], edit["after"], edit["reason"], edit["offset"])
                      for edit in data["edits"])
        decisions = tuple(Decision(d["stage"], d["rule"], d["page"], d["line"], d["field"],
                                   d["before"], d["after"], d["evidence"])
                          for d in data.get("decisions", ()))
    except (KeyError, TypeError) as error:
        raise VerificationError(f"the JSON output is not pagemend's: {error!r} is missing or "
                                "of the wrong type", "pass a JSON file written by pagemend "
                                "--to json") from None
    return Document(pages=read.pages, blocks=blocks, edits=edits, meta=read.meta,
                    decisions=decisions)
