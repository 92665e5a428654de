"""JSON: every block with its page provenance, every page with its label and removed
furniture, every edit, and every structural decision with the rule that took it. The
contract is documented in the README and checked by ``pagemend/data/document.schema.json``.

    >>> from pagemend.readers import read_text
    >>> from pagemend.pipeline import mend
    >>> import json
    >>> data = json.loads(write_json(mend(read_text("One line."))))
    >>> data["blocks"][0]["spans"]
    [{'start': 0, 'end': 9, 'page': 0, 'label': None, 'line': 0}]

The JSON reads back into a :class:`Document` with the same blocks, pages (furniture as
furniture lines), edits and decisions, so it writes the same Markdown and the same JSON:

    >>> doc = mend(read_text("A line\\nruns on.\\f\\nNext page."))
    >>> write_json(read_json(write_json(doc))) == write_json(doc)
    True
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from json.encoder import encode_basestring
from typing import Any

from pagemend.model import (
    Block,
    Decision,
    Document,
    DocumentMeta,
    Edit,
    Line,
    Mark,
    NoteRef,
    Page,
    Span,
)
from pagemend.version import __version__
from pagemend.writers.registry import Writer, register

__all__ = [
    "SCHEMA_VERSION", "document_from_dict", "document_to_dict", "json_chunks", "read_json",
    "write_json",
]

#: bumped whenever the JSON contract changes (2: ``decisions`` added)
SCHEMA_VERSION = 2


def _note_places(doc: Document) -> dict[str, tuple[list[int], list[str | None]]]:
    """Note id -> (physical pages, printed labels) of the note's text."""
    places: dict[str, tuple[list[int], list[str | None]]] = {}
    for block in doc.blocks:
        if block.kind == "note" and block.note_id is not None:
            pages = list(block.pages)
            labels = list(dict.fromkeys(span.label for span in block.spans))
            places[block.note_id] = (pages, labels)
    return places


def _reference(ref: NoteRef, places: dict[str, tuple[list[int], list[str | None]]]
               ) -> dict[str, Any]:
    pages, labels = places.get(ref.note_id, ([], []))
    return {"offset": ref.offset, "note_id": ref.note_id, "resolved": ref.resolved,
            "note_pages": pages, "note_labels": labels}


def _block(block: Block, places: dict[str, tuple[list[int], list[str | None]]]
           ) -> dict[str, Any]:
    return {
        "kind": block.kind,
        "level": block.level,
        "text": block.text,
        "note_id": block.note_id,
        "spans": [
            {"start": s.start, "end": s.end, "page": s.page, "label": s.label, "line": s.line}
            for s in block.spans
        ],
        "continues_from_previous_page": block.continues_from_previous_page,
        "continues_on_next_page": block.continues_on_next_page,
        "notes": [_reference(ref, places) for ref in block.notes],
        "marks": [{"start": m.start, "end": m.end, "kind": m.kind, "source": m.source}
                  for m in block.marks],
    }


def _page(page: Page) -> dict[str, Any]:
    return {
        "index": page.index,
        "label": page.label,
        "label_inferred": page.label_inferred,
        "furniture": list(page.furniture),
    }


def _edit(edit: Edit) -> dict[str, Any]:
    return {
        "stage": edit.stage,
        "action": edit.action,
        "page": edit.page,
        "line": edit.line,
        "offset": edit.offset,
        "before": edit.before,
        "after": edit.after,
        "reason": edit.reason,
        "flagged": edit.flagged,
    }


def _decision(decision: Decision) -> dict[str, Any]:
    return {
        "stage": decision.stage,
        "rule": decision.rule,
        "page": decision.page,
        "line": decision.line,
        "field": decision.field,
        "before": decision.before,
        "after": decision.after,
        "evidence": decision.evidence,
    }


def document_to_dict(doc: Document) -> dict[str, Any]:
    """The JSON contract as plain Python data."""
    places = _note_places(doc)
    return {
        "pagemend": __version__,
        "schema_version": SCHEMA_VERSION,
        "source": doc.meta.source,
        "lang": doc.meta.lang,
        "blocks": [_block(b, places) for b in doc.blocks],
        "pages": [_page(p) for p in doc.pages],
        "edits": [_edit(e) for e in doc.edits],
        "decisions": [_decision(d) for d in doc.decisions],
    }


class _LeftToJsonError(Exception):
    """A value the fast encoders leave to :mod:`json` (a float, a subclass, a key not a
    string): the item is written by ``json.dumps`` instead."""


def _scalar(value: Any) -> str:
    """A string, boolean, integer or None as ``json.dumps`` writes it."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)  # what json.dumps uses where ensure_ascii=False
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    raise _LeftToJsonError


def _encode(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=1)`` writes it, ``depth``
    levels down: written directly (the json module's own encoder for indented output is
    pure Python and walks each value through generators, several times slower)."""
    kind = type(value)
    if kind is dict:
        if not value:
            return "{}"
        pad = "\n" + " " * (depth + 1)
        items = []
        for key, item in value.items():
            if type(key) is not str:
                raise _LeftToJsonError
            items.append(f"{encode_basestring(key)}: {_encode(item, depth + 1)}")
        return "{" + pad + ("," + pad).join(items) + "\n" + " " * depth + "}"
    if kind is list:
        if not value:
            return "[]"
        pad = "\n" + " " * (depth + 1)
        return ("[" + pad + ("," + pad).join([_encode(item, depth + 1) for item in value])
                + "\n" + " " * depth + "]")
    return _scalar(value)


def _indented(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps(..., indent=1)`` writes it ``depth`` levels down (no JSON
    string holds a raw line break, so indenting line by line is exact)."""
    try:
        return _encode(value, depth)
    except _LeftToJsonError:
        text = json.dumps(value, ensure_ascii=False, indent=1)
        return text.replace("\n", "\n" + " " * depth)


#: a field of an item of a top-level list, and the item's end
_FIELD = "\n   "
_END = "\n  }"


def _decision_text(decision: Decision) -> str:
    """``_indented(_decision(decision), 2)``, from a template."""
    try:
        return (f'{{{_FIELD}"stage": {_scalar(decision.stage)},{_FIELD}"rule": '
                f'{_scalar(decision.rule)},{_FIELD}"page": {_scalar(decision.page)},{_FIELD}'
                f'"line": {_scalar(decision.line)},{_FIELD}"field": {_scalar(decision.field)},'
                f'{_FIELD}"before": {_scalar(decision.before)},{_FIELD}"after": '
                f'{_scalar(decision.after)},{_FIELD}"evidence": {_scalar(decision.evidence)}'
                f'{_END}')
    except _LeftToJsonError:
        return _indented(_decision(decision), 2)


def _spans_text(spans: tuple[Span, ...]) -> str:
    """A block's spans as ``_block`` lists them, three levels down."""
    if not spans:
        return "[]"
    return "[\n    " + ",\n    ".join([
        f'{{\n     "start": {_scalar(span.start)},\n     "end": {_scalar(span.end)},\n     '
        f'"page": {_scalar(span.page)},\n     "label": {_scalar(span.label)},\n     "line": '
        f'{_scalar(span.line)}\n    }}' for span in spans]) + "\n   ]"


def _block_text(block: Block, places: dict[str, tuple[list[int], list[str | None]]]) -> str:
    """``_indented(_block(block, places), 2)``, from a template (notes and marks, seldom
    there, through ``_encode``)."""
    try:
        notes = _encode([_reference(ref, places) for ref in block.notes], 3)
        marks = _encode([{"start": m.start, "end": m.end, "kind": m.kind, "source": m.source}
                         for m in block.marks], 3)
        return (f'{{{_FIELD}"kind": {_scalar(block.kind)},{_FIELD}"level": '
                f'{_scalar(block.level)},{_FIELD}"text": {_scalar(block.text)},{_FIELD}'
                f'"note_id": {_scalar(block.note_id)},{_FIELD}"spans": '
                f'{_spans_text(block.spans)},{_FIELD}"continues_from_previous_page": '
                f'{_scalar(block.continues_from_previous_page)},{_FIELD}'
                f'"continues_on_next_page": {_scalar(block.continues_on_next_page)},{_FIELD}'
                f'"notes": {notes},{_FIELD}"marks": {marks}{_END}')
    except _LeftToJsonError:
        return _indented(_block(block, places), 2)


def _edit_text(edit: Edit) -> str:
    """``_indented(_edit(edit), 2)``, from a template."""
    try:
        return (f'{{{_FIELD}"stage": {_scalar(edit.stage)},{_FIELD}"action": '
                f'{_scalar(edit.action)},{_FIELD}"page": {_scalar(edit.page)},{_FIELD}"line": '
                f'{_scalar(edit.line)},{_FIELD}"offset": {_scalar(edit.offset)},{_FIELD}'
                f'"before": {_scalar(edit.before)},{_FIELD}"after": {_scalar(edit.after)},'
                f'{_FIELD}"reason": {_scalar(edit.reason)},{_FIELD}"flagged": '
                f'{_scalar(edit.flagged)}{_END}')
    except _LeftToJsonError:
        return _indented(_edit(edit), 2)


def _items(key: str, items: Iterator[str], last: bool) -> Iterator[str]:
    """One top-level list, an item (already written, two levels down) at a time."""
    yield f' {json.dumps(key)}: ['
    first = True
    for item in items:
        yield ("\n  " if first else ",\n  ") + item
        first = False
    yield ("]" if first else "\n ]") + ("\n" if last else ",\n")


def _each(make: Callable[[Any], dict[str, Any]], values: Any) -> Iterator[str]:
    return (_indented(make(value), 2) for value in values)


def json_chunks(doc: Document) -> Iterator[str]:
    """The JSON of :func:`write_json` in pieces, a block, page, edit or decision at a time,
    so that writing a long book never holds the whole text (or its dictionaries) at once.

    >>> from pagemend.readers import read_text
    >>> doc = read_text("One line.")
    >>> "".join(json_chunks(doc)) == json.dumps(document_to_dict(doc), ensure_ascii=False,
    ...                                         indent=1) + "\\n"
    True
    """
    places = _note_places(doc)
    head = {"pagemend": __version__, "schema_version": SCHEMA_VERSION,
            "source": doc.meta.source, "lang": doc.meta.lang}
    yield "{\n"
    for key, value in head.items():
        yield f" {json.dumps(key)}: {_indented(value, 1)},\n"
    yield from _items("blocks", (_block_text(b, places) for b in doc.blocks), False)
    yield from _items("pages", _each(_page, doc.pages), False)
    yield from _items("edits", map(_edit_text, doc.edits), False)
    yield from _items("decisions", map(_decision_text, doc.decisions), True)
    yield "}\n"


def write_json(doc: Document) -> str:
    """Render the document as indented JSON (UTF-8, not ASCII-escaped)."""
    return "".join(json_chunks(doc))


def _block_from(data: dict[str, Any]) -> Block:
    return Block(
        kind=data["kind"], text=data["text"], level=data["level"], note_id=data["note_id"],
        spans=tuple(Span(s["start"], s["end"], s["page"], s["label"], s["line"])
                    for s in data["spans"]),
        notes=tuple(NoteRef(r["offset"], r["note_id"], r["resolved"]) for r in data["notes"]),
        continues_from_previous_page=data["continues_from_previous_page"],
        continues_on_next_page=data["continues_on_next_page"],
        marks=tuple(Mark(m["start"], m["end"], m["kind"], m["source"])
                    for m in data.get("marks", ())),
    )


def _page_from(data: dict[str, Any]) -> Page:
    """The page with its furniture as furniture lines (the body lines are in the blocks)."""
    lines = tuple(Line(text, data["index"], number, role="running_head")
                  for number, text in enumerate(data["furniture"]))
    return Page(data["index"], data["label"], lines, label_inferred=data["label_inferred"])


def document_from_dict(data: dict[str, Any]) -> Document:
    """The :class:`Document` that :func:`document_to_dict` made ``data`` of."""
    return Document(
        pages=tuple(_page_from(page) for page in data["pages"]),
        blocks=tuple(_block_from(block) for block in data["blocks"]),
        edits=tuple(Edit(**edit) for edit in data["edits"]),
        decisions=tuple(Decision(**decision) for decision in data.get("decisions", [])),
        meta=DocumentMeta(source=data["source"], lang=data["lang"]),
    )


def read_json(text: str) -> Document:
    """Read pagemend's JSON output back into a :class:`Document`."""
    return document_from_dict(json.loads(text))


register(Writer("json", (".json",), write_json, chunks=json_chunks))
