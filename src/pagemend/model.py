"""The document model: small, frozen, slotted dataclasses that every stage and writer shares.

Data flows one way: a reader builds a :class:`Document` of :class:`Page` objects holding
:class:`Line` objects; stages return new documents with annotated lines, blocks and edits;
writers project the final document. Nothing here is ever mutated: stages use
:func:`replace` (``dataclasses.replace``, made lean).

Indices: ``Page.index`` is the physical page, 0-based; ``Line.number`` is the line's index
among all lines of its page (blank lines included), 0-based. ``Page.label`` is the printed
folio ("142", "xii") or None.

    >>> line = Line(text="de-", page=0, number=3)
    >>> line.role, line.kind, line.starts_block
    ('body', 'paragraph', False)
    >>> replace(line, text="de").text
    'de'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import MISSING, dataclass, field, fields
from itertools import chain
from types import MemberDescriptorType
from typing import Any, Literal, TypeVar

__all__ = [
    "BLOCK_KINDS",
    "DECISION_FIELDS",
    "FURNITURE_ROLES",
    "LINE_ROLES",
    "MARK_KINDS",
    "Block",
    "BlockKind",
    "Decision",
    "DecisionValue",
    "Document",
    "DocumentMeta",
    "DocumentStats",
    "Edit",
    "Geometry",
    "Line",
    "LineRole",
    "Mark",
    "MarkKind",
    "NoteRef",
    "Page",
    "Span",
    "copier",
    "field_copier",
    "replace",
]

BlockKind = Literal[
    "heading", "paragraph", "blockquote", "verse", "list_item", "note", "toc", "index", "letter"
]
#: The closed set of block kinds; the corpus's names where it has them.
BLOCK_KINDS: tuple[str, ...] = (
    "heading", "paragraph", "blockquote", "verse", "list_item", "note", "toc", "index", "letter",
)

_Model = TypeVar("_Model")
#: per model class: its field names, and a function that copies an object with changes
_COPIERS: dict[type, tuple[frozenset[str], Callable[[Any, dict[str, Any]], Any]]] = {}


def _slot_setters(cls: type, names: tuple[str, ...]) -> dict[str, str]:
    """Per field, the name (in the generated code's scope) of a function that sets it on an
    object of the class: the slot's own descriptor (``__set__``, which a frozen class's
    ``__setattr__`` cannot refuse), or ``object.__setattr__`` where a field has none.
    Setting a slot through its descriptor skips ``object.__setattr__``'s look-up of the
    name: constructing a ``Decision`` takes half the time."""
    if not all(isinstance(cls.__dict__.get(name), MemberDescriptorType) for name in names):
        return {}
    return {name: f"set_{name}" for name in names}


def _setter_scope(cls: type, setters: dict[str, str]) -> dict[str, Any]:
    return {alias: cls.__dict__[name].__set__ for name, alias in setters.items()}


def _scratch(cls: type) -> type | None:
    """A plain class with the frozen class's slots (a scratch twin: no ``__setattr__`` of
    its own), or None where CPython would not let one of its objects become an object of
    ``cls`` (``__class__`` assignment asks for the same layout). An object made as the
    twin, its slots set by plain assignment (which the interpreter specialises; a frozen
    class's ``__setattr__`` refuses it), then given ``cls`` as its class, is made without a
    descriptor call per slot: a line copies 2.5 and a decision constructs 1.5 times as fast.

    >>> made = object.__new__(_scratch(NoteRef))
    >>> made.offset, made.note_id, made.resolved = 3, "n1", False
    >>> made.__class__ = NoteRef
    >>> made
    NoteRef(offset=3, note_id='n1', resolved=False)
    """
    slots = cls.__dict__.get("__slots__")
    if not isinstance(slots, tuple) or cls.__bases__ != (object,):
        return None
    scratch = type(f"_{cls.__name__}Scratch", (), {"__slots__": slots})
    try:
        object.__setattr__(object.__new__(scratch), "__class__", cls)
    except TypeError:
        return None
    return scratch


def _made(cls: type, values: dict[str, str]) -> tuple[list[str], dict[str, Any]]:
    """Source lines that make ``made``, a new object of the class with each field set to
    the expression given (through a scratch twin, else the slots' descriptors), and the
    names they ask of the generated code's scope (with ``new`` and ``put`` for
    ``object.__new__`` and ``object.__setattr__``)."""
    scratch = _scratch(cls)
    if scratch is not None:
        return ["    made = new(scratch)",
                *(f"    made.{name} = {value}" for name, value in values.items()),
                "    made.__class__ = cls"], {"cls": cls, "scratch": scratch}
    setters = _slot_setters(cls, tuple(values))
    return ["    made = new(cls)",
            *(f"    {setters[name]}(made, {value})" if setters else
              f"    put(made, {name!r}, {value})" for name, value in values.items())], {
        "cls": cls, **_setter_scope(cls, setters)}


def _copier(cls: type) -> tuple[frozenset[str], Callable[[Any, dict[str, Any]], Any]]:
    """The class's field names and a copying function written out for its fields (each slot
    read by name and set directly: no loop over names, no ``getattr`` per field)."""
    names = tuple(item.name for item in fields(cls))
    copy = _written_copier(cls, "changes", lambda name: f"obj.{name}",
                           ["    for name, value in changes.items():",
                            "        put(made, name, value)"])
    found = _COPIERS[cls] = (frozenset(names), copy)
    return found


def _written_copier(cls: type, parameters: str, value: Callable[[str], str],
                    after: list[str]) -> Callable[..., Any]:
    """A function ``copy(obj, <parameters>)`` that makes a new object of the class and sets
    each field to ``value(name)`` (a Python expression), then runs the lines ``after``: the
    code written out from the class's own field names (``_made``: through the class's
    scratch twin, else each slot's descriptor)."""
    names = tuple(item.name for item in fields(cls))
    made, scope = _made(cls, {name: value(name) for name in names})
    head = ", ".join(filter(None, ("obj", parameters, "new=object.__new__",
                                   "put=object.__setattr__")))
    source = [f"def copy({head}):", *made, *after, "    return made"]
    exec("\n".join(source), scope)  # generated from the class's own field names
    copy: Callable[..., Any] = scope["copy"]
    return copy


def replace(obj: _Model, /, **changes: Any) -> _Model:
    """A copy of a model object with some fields changed: :func:`dataclasses.replace` for
    these classes (frozen, slotted, no ``__post_init__``), about four times as fast by
    setting the slots directly from a copier written out per class; stages make
    thousands of copies of lines.

    >>> replace(NoteRef(3, "n1", False), resolved=True)
    NoteRef(offset=3, note_id='n1', resolved=True)
    """
    cls = type(obj)
    known = _COPIERS.get(cls)
    names, copy = known if known is not None else _copier(cls)
    if not changes.keys() <= names:
        raise TypeError(f"{cls.__name__} has no field {sorted(changes.keys() - names)[0]!r}")
    made: _Model = copy(obj, changes)
    return made


def copier(cls: type[_Model]) -> Callable[[_Model, dict[str, Any]], _Model]:
    """The class's copying function: ``copier(cls)(obj, changes)`` is ``replace(obj,
    **changes)`` without the check that each name is a field, for callers that checked
    (:class:`pagemend.rules.Changes` sets only line fields).

    >>> copier(NoteRef)(NoteRef(3, "n1", False), {"resolved": True})
    NoteRef(offset=3, note_id='n1', resolved=True)
    """
    known = _COPIERS.get(cls)
    return (known if known is not None else _copier(cls))[1]


def field_copier(cls: type[_Model], *names: str) -> Callable[..., _Model]:
    """A function ``copy(obj, *values)`` that copies an object of the class with the named
    fields set to the values given, in order: ``replace(obj, **dict(zip(names, values)))``
    written out for those fields (no dictionary of changes made, every slot set once), for
    a copy made of every line of a page.

    >>> field_copier(NoteRef, "resolved")(NoteRef(3, "n1", False), True)
    NoteRef(offset=3, note_id='n1', resolved=True)
    """
    known = tuple(item.name for item in fields(cls))  # type: ignore[arg-type]
    if not set(names) <= set(known) or len(set(names)) != len(names):
        raise TypeError(f"{cls.__name__}: not distinct fields: {names}")
    chosen = set(names)
    copy: Callable[..., _Model] = _written_copier(
        cls, ", ".join(f"value_{name}" for name in names),
        lambda name: f"value_{name}" if name in chosen else f"obj.{name}", [])
    return copy


LineRole = Literal["body", "running_head", "folio", "foot", "note", "marker"]
#: What a line is on its page. Only ``body`` and ``note`` lines end up in blocks; a blank
#: line (empty text) carries nothing whatever its role. A ``marker`` line held only a note
#: marker that extraction set on a line of its own; its reference moved to the line before;
#: or a drop cap (``join_drop_caps``), moved to its word.
LINE_ROLES: tuple[str, ...] = ("body", "running_head", "folio", "foot", "note", "marker")
#: Roles of page furniture: removed from the text, kept verbatim in ``Page.furniture``.
FURNITURE_ROLES: frozenset[str] = frozenset({"running_head", "folio", "foot"})


@dataclass(frozen=True, slots=True)
class Geometry:
    """Where a line sits on its page, in PDF points from the page's top left corner; present
    only when the reader had it. The contract every reader keeps is ``docs/geometry.md``:
    OCR readers convert pixels with the image's resolution (or, where it is unknown, scale
    the page so that its median line is that of 10 pt type), and say that the ``font_size``
    they give is estimated from line heights (``size_estimated``)."""

    x0: float
    x1: float
    top: float
    bottom: float
    #: the type size in points: measured (a PDF's font size) or, where ``size_estimated``,
    #: estimated from the line's height; None where the reader has neither
    font_size: float | None = None
    bold: bool = False
    italic: bool = False
    #: character ranges (start, end) of the line's text set as raised, smaller superscripts
    superscripts: tuple[tuple[int, int], ...] = ()
    #: character runs (start, end, mark kind, font name) of the line's text set in italic,
    #: bold or small capitals, as the reader saw them
    styles: tuple[tuple[int, int, str, str], ...] = ()
    #: ``font_size`` is an estimate from the height of the line's box (OCR readers), not a
    #: size the source measured: OCR line heights of one type size vary 0.65-1.6 times their
    #: median, so a stage compares it with a PDF-calibrated ratio only where it checked that
    #: the estimate holds (see ``docs/geometry.md``)
    size_estimated: bool = False
    #: the mean OCR confidence of the line's words, 0-1; None where the source has none
    confidence: float | None = None
    #: the type of the source region holding the line (PAGE-XML ``TextRegion@type``:
    #: header, page-number, catch-word, signature-mark, footnote, marginalia, ...)
    region: str | None = None


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line, as the reader found it, plus what the stages decided about it."""

    text: str
    page: int
    number: int
    geometry: Geometry | None = None
    #: columns of leading white space the reader saw (removed from ``text`` by an edit)
    indent: int = 0
    #: the source did not end this line with a newline (pdfium's U+FFFE line-end marker)
    soft_break: bool = False
    role: LineRole = "body"
    kind: BlockKind = "paragraph"
    level: int | None = None
    #: this line opens a new block
    starts_block: bool = False
    #: the next body line continues this one without a space (a joined line-end hyphen)
    glue_next: bool = False
    #: a verse line's continuation: this printed line carries on the verse line before it
    #: (wrapped in a narrow column), joined to it with a space, not a line break
    wraps: bool = False
    #: the last body line of the input, and its paragraph runs on past the input's end
    open_end: bool = False
    #: on the first line of a note: the note's id (its printed label)
    note_id: str | None = None
    #: note references taken out of the text: (column in ``text``, note id, resolved)
    references: tuple[tuple[int, str, bool], ...] = ()


@dataclass(frozen=True, slots=True)
class Page:
    """One physical page: its printed label and every line on it, furniture and blanks too."""

    index: int
    label: str | None
    lines: tuple[Line, ...]
    #: the label was not printed on the page but implied by its neighbours' sequence
    label_inferred: bool = False
    #: the page's label in the PDF's own /PageLabels, when the reader had one
    pdf_label: str | None = None
    #: the page's width in points, when the reader had geometry
    width: float | None = None

    @property
    def furniture(self) -> tuple[str, ...]:
        """The page's removed furniture lines, verbatim."""
        return tuple(line.text for line in self.lines if line.role in FURNITURE_ROLES)


@dataclass(frozen=True, slots=True)
class Span:
    """Maps ``block.text[start:end]`` back to the line it came from."""

    start: int
    end: int
    page: int
    label: str | None
    line: int
    #: where the span's text starts inside the (normalised) line text
    column: int = 0


MarkKind = Literal["italic", "bold", "smallcaps"]
#: The inline marks of emphasis: italics, bold type, small capitals (printed letters kept).
MARK_KINDS: tuple[str, ...] = ("italic", "bold", "smallcaps")


@dataclass(frozen=True, slots=True)
class Mark:
    """Emphasis on ``block.text[start:end]``: its kind, and where it came from (the font the
    reader saw, e.g. ``"pdf font Times-Italic"``)."""

    start: int
    end: int
    kind: MarkKind
    source: str


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A note reference inside a block's text."""

    offset: int
    note_id: str
    resolved: bool


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of the mended document: a heading, a paragraph, a quoted paragraph, a stanza..."""

    kind: BlockKind
    text: str
    spans: tuple[Span, ...]
    level: int | None = None
    notes: tuple[NoteRef, ...] = ()
    #: for ``note`` blocks: the id that references point to
    note_id: str | None = None
    continues_from_previous_page: bool = False
    continues_on_next_page: bool = False
    #: inline emphasis (italic, bold, small capitals) on the block's text, in order
    marks: tuple[Mark, ...] = ()

    @property
    def pages(self) -> tuple[int, ...]:
        """Physical indices of the pages this block spans, in order."""
        return tuple(dict.fromkeys(span.page for span in self.spans))


@dataclass(frozen=True, slots=True)
class Edit:
    """One decision a stage took, with enough detail to undo it.

    The text of line ``line`` on page ``page`` held ``before`` at ``offset`` and holds
    ``after`` there once the edit is applied. Replaying edits backwards rebuilds the input.
    """

    stage: str
    action: str
    page: int
    line: int
    before: str
    after: str
    reason: str
    offset: int = 0
    #: the evidence was weak: a person should review this site
    flagged: bool = False


DecisionValue = str | int | bool | None
#: what a decision can set: a line field, or one of the joins and links between lines
DECISION_FIELDS: tuple[str, ...] = (
    "role", "kind", "level", "starts_block", "glue_next", "wraps", "note_id", "note_link",
    "order", "line_join", "drop_cap", "label",
)


@dataclass(frozen=True, slots=True)
class Decision:
    """One structural decision a stage took about a line, and the rule that took it.

    On line ``line`` of page ``page``, rule ``rule`` (declared in stage ``stage``, see
    :mod:`pagemend.rules`) set ``field`` from ``before`` to ``after``, on the ``evidence``
    given in words. Fields (:data:`DECISION_FIELDS`): ``role``, ``kind``, ``level``,
    ``starts_block``, ``glue_next``, ``wraps`` (a wrapped verse line's turnover), ``note_id``
    (a note's first line), ``note_link`` (a reference linked to a note: ``after`` is the note
    id), ``order`` (the line's place in reading order), ``line_join`` (a piece of the line
    joined to it), ``drop_cap`` (a drop cap joined to its word), ``label`` (the page's printed
    label and where it came from, recorded on the page's line 0). A rule *fired* where
    ``before != after``; a record where they are equal says a rule looked and confirmed.

        >>> decision = Decision("detect_headings", "detect_headings.numbered_division", 0, 3,
        ...                     "kind", "paragraph", "heading", "a division word and a numeral")
        >>> decision.fired
        True
    """

    stage: str
    rule: str
    page: int
    line: int
    field: str
    before: DecisionValue
    after: DecisionValue
    evidence: str

    @property
    def fired(self) -> bool:
        """The rule changed the value (a confirmation does not count)."""
        return self.before != self.after


@dataclass(frozen=True, slots=True)
class DocumentStats:
    """What ``measure_document`` found: the yardsticks later stages compare against."""

    #: per page, the typical length (characters) of a full body line, or 0 for a page without
    full_line_length: tuple[int, ...] = ()
    #: the document-wide typical full line length
    document_full_line_length: int = 0
    #: 10th, 50th and 90th percentile of body line lengths
    line_length_percentiles: tuple[int, int, int] = (0, 0, 0)
    #: case-folded word counts of the document, line-end hyphen halves excluded
    word_counts: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """Facts about the source needed to rebuild it byte for byte, and the run's settings."""

    source: str = "<string>"
    #: the source started with a UTF-8 byte order mark
    bom: bool = False
    #: the source ended its lines with CR LF
    crlf: bool = False
    #: the source's last page ended with a form feed
    final_form_feed: bool = False
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A book or part of one: pages of lines, and once mended, blocks and the edits made."""

    pages: tuple[Page, ...]
    blocks: tuple[Block, ...] = ()
    edits: tuple[Edit, ...] = ()
    meta: DocumentMeta = DocumentMeta()
    stats: DocumentStats | None = None
    #: every structural decision the stages took, in order
    decisions: tuple[Decision, ...] = ()

    def lines(self) -> Iterator[Line]:
        """Every line of every page, in reading order (chained in C: stages walk them all
        many times)."""
        return chain.from_iterable(page.lines for page in self.pages)

    def with_lines(self, lines: Mapping[tuple[int, int], Line]) -> Document:
        """A copy with the lines at the given (page, number) keys replaced."""
        if not lines:
            return self
        lines_of = {page.index: page.lines for page in self.pages}
        if len(lines_of) < len(self.pages):  # pages that share an index: each takes the lines
            lines_of = {}
        by_page: dict[int, list[tuple[int, Line]]] = {}
        for key, line in lines.items():
            old_lines = lines_of.get(key[0])
            # a line that is the page's own (a rule confirmed it) leaves its page as it is
            if old_lines is None or old_lines[key[1]] is not line:
                by_page.setdefault(key[0], []).append((key[1], line))
        if not by_page:
            return self  # every line its page's own: the same pages
        pages = list(self.pages)
        for position, page in enumerate(self.pages):  # a page's index need not be its position
            changed = by_page.get(page.index)
            if changed:
                old_lines = page.lines
                if all(old_lines[number] is line for number, line in changed):
                    continue  # the same lines (a rule confirmed them): the page stays as it is
                new_lines = list(old_lines)
                for number, line in changed:
                    new_lines[number] = line
                pages[position] = replace(page, lines=tuple(new_lines))
        return replace(self, pages=tuple(pages))

    def with_edits(self, edits: tuple[Edit, ...] | list[Edit]) -> Document:
        """A copy with ``edits`` appended to the record."""
        return replace(self, edits=self.edits + tuple(edits)) if edits else self

    def with_decisions(self, decisions: tuple[Decision, ...] | list[Decision]) -> Document:
        """A copy with ``decisions`` appended to the record."""
        return replace(self, decisions=self.decisions + tuple(decisions)) if decisions else self


def _lean_init(cls: type) -> None:
    """Give a frozen, slotted model class an ``__init__`` that sets its slots by plain
    assignment while the object is of its scratch twin (``_scratch``), or through their
    descriptors (``_slot_setters``; a subclass's object, a class without a twin); the one
    ``dataclass`` writes looks ``object.__setattr__`` up again for every field: the same
    parameters, defaults and values, four times as fast to construct; the reader, the
    decisions and the blocks construct hundreds of thousands.

    A class mypyc compiled (the optional build, docs/compiled.md: a native class with a
    constructor of its own; modules outside this one that use this) is left as it is.

    >>> Line("a", 0, 1, role="note") == Line(text="a", page=0, number=1, role="note")
    True
    """
    if "__mypyc_attrs__" in vars(cls):
        return
    parameters, body = [], []
    setters = _slot_setters(cls, tuple(item.name for item in fields(cls)))
    scope: dict[str, Any] = {"put": object.__setattr__, **_setter_scope(cls, setters)}
    scratch = _scratch(cls)
    if scratch is not None:  # (the object switched to the twin and back: see ``_scratch``)
        scope.update(cls=cls, scratch=scratch)
        body += ["        if type(self) is cls:  # (a subclass's object has a layout of its own)",
                 "            put(self, '__class__', scratch)",
                 *(f"            self.{item.name} = {item.name}" for item in fields(cls)),
                 "            self.__class__ = cls", "            return"]
    for item in fields(cls):
        if item.default_factory is not MISSING or not item.init or item.kw_only:
            return  # keep dataclass's own where it would take more than this
        if item.default is MISSING:
            parameters.append(item.name)
        else:
            scope[f"default_{item.name}"] = item.default
            parameters.append(f"{item.name}=default_{item.name}")
        body.append(f"        {setters[item.name]}(self, {item.name})" if setters else
                    f"        put(self, {item.name!r}, {item.name})")
    source = "\n".join([f"def make({', '.join(scope)}):",
                        f"    def __init__(self, {', '.join(parameters)}):", *body,
                        "    return __init__"])
    arguments = dict(scope)
    exec(source, scope)  # generated from the class's own field names
    init = scope["make"](**arguments)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    setattr(cls, "__init__", init)  # noqa: B010  (mypy: assigning to a method)


for _model in (Geometry, Line, Page, Span, Mark, NoteRef, Block, Edit, Decision):
    _lean_init(_model)
