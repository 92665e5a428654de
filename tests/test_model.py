"""The model's generated code (``replace``, ``copier``, ``field_copier`` and the lean
``__init__``) against what :mod:`dataclasses` itself does, for every model class."""

from __future__ import annotations

import dataclasses
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pagemend.model import (
    Block,
    Decision,
    Document,
    DocumentMeta,
    Edit,
    Geometry,
    Line,
    Mark,
    NoteRef,
    Page,
    Span,
    copier,
    field_copier,
    replace,
)

GEOMETRY = Geometry(10.0, 200.0, 50.0, 62.0, font_size=10.0, italic=True,
                    superscripts=((3, 4),), styles=((0, 2, "italic", "Font-It"),))
LINE = Line("de-", 2, 7, geometry=GEOMETRY, indent=2, soft_break=True, role="note",
            kind="heading", level=2, starts_block=True, glue_next=True, wraps=True,
            open_end=True, note_id="n1", references=((1, "n1", True),))
#: one object of every class whose copies the stages make, every field away from its default
SAMPLES: tuple[Any, ...] = (
    GEOMETRY,
    LINE,
    Page(3, "xii", (LINE,), label_inferred=True, pdf_label="12"),
    Span(1, 4, 0, "xii", 3, column=5),
    Mark(0, 3, "bold", "heading"),
    NoteRef(3, "n1", True),
    Decision("stage", "stage.rule", 1, 2, "kind", "paragraph", "heading", "why"),
    Edit("stage", "join", 1, 2, "de-", "de", "why", offset=3, flagged=True),
    Block("heading", "Of Miracles", (Span(0, 11, 4, "12", 0),), level=2,
          notes=(NoteRef(3, "n1", True),),
          note_id="n2", continues_from_previous_page=True, continues_on_next_page=True,
          marks=(Mark(0, 2, "italic", "reader"),)),
    DocumentMeta(source="book.pdf"),
)


def _samples() -> list[Any]:
    return list(SAMPLES)


@pytest.mark.parametrize("sample", _samples(), ids=lambda sample: type(sample).__name__)
def test_replace_is_dataclasses_replace_field_by_field(sample: Any) -> None:
    for item in dataclasses.fields(sample):
        value = "changed" if isinstance(getattr(sample, item.name), str) else None
        made = replace(sample, **{item.name: value})
        assert made == dataclasses.replace(sample, **{item.name: value})
        assert made is not sample and type(made) is type(sample)
        assert sample == dataclasses.replace(sample)  # the original is untouched
    assert replace(sample) == sample and replace(sample) is not sample


@pytest.mark.parametrize("sample", _samples(), ids=lambda sample: type(sample).__name__)
def test_replace_refuses_a_field_the_class_lacks(sample: Any) -> None:
    with pytest.raises(TypeError, match="no field 'nonesuch'"):
        replace(sample, nonesuch=1)


@pytest.mark.parametrize("sample", _samples(), ids=lambda sample: type(sample).__name__)
def test_copier_and_field_copier_agree_with_replace(sample: Any) -> None:
    names = tuple(item.name for item in dataclasses.fields(sample))
    values = tuple("x" if isinstance(getattr(sample, name), str) else 0 for name in names)
    for count in range(len(names) + 1):
        chosen, given_values = names[:count], values[:count]
        expected = dataclasses.replace(sample, **dict(zip(chosen, given_values, strict=True)))
        assert field_copier(type(sample), *chosen)(sample, *given_values) == expected
        assert copier(type(sample))(sample, dict(zip(chosen, given_values, strict=True))) \
            == expected
        reversed_names = chosen[::-1]  # the values follow the names' order, not the fields'
        assert field_copier(type(sample), *reversed_names)(sample, *given_values[::-1]) \
            == expected


def test_field_copier_refuses_unknown_or_repeated_fields() -> None:
    with pytest.raises(TypeError, match="not distinct fields"):
        field_copier(Line, "text", "text")
    with pytest.raises(TypeError, match="not distinct fields"):
        field_copier(Line, "colour")


@pytest.mark.parametrize("cls", [Geometry, Line, Page, Span, Mark, NoteRef, Block, Edit,
                                 Decision])
def test_lean_init_keeps_the_dataclass_signature_and_defaults(cls: type) -> None:
    """Every field without a default is required, every default is the declared one."""
    required = [item for item in dataclasses.fields(cls)
                if item.default is dataclasses.MISSING
                and item.default_factory is dataclasses.MISSING]
    with pytest.raises(TypeError):
        cls(*[None] * (len(required) - 1))
    made = cls(*[f"v{index}" for index in range(len(required))])
    for index, item in enumerate(required):
        assert getattr(made, item.name) == f"v{index}"
    for item in dataclasses.fields(cls):
        if item.default is not dataclasses.MISSING:
            assert getattr(made, item.name) == item.default
        elif item.default_factory is not dataclasses.MISSING:
            assert getattr(made, item.name) == item.default_factory()


@given(st.text(max_size=20), st.integers(0, 10**6), st.integers(0, 10**4),
       st.sampled_from(["body", "note", "folio"]), st.booleans())
def test_lines_built_by_keyword_or_position_are_equal_hashable_and_pickle(
        text: str, page: int, number: int, role: str, soft: bool) -> None:
    by_position = Line(text, page, number, None, 0, soft, role)  # type: ignore[arg-type]
    by_keyword = Line(text=text, page=page, number=number, soft_break=soft,
                      role=role)  # type: ignore[arg-type]
    assert by_position == by_keyword and hash(by_position) == hash(by_keyword)
    assert pickle.loads(pickle.dumps(by_position)) == by_position


def test_model_objects_stay_frozen_after_copies() -> None:
    made = replace(LINE, text="x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "y"  # type: ignore[misc]
    document = Document(pages=(Page(0, None, (made,)),), meta=DocumentMeta(source="s"))
    assert replace(document, edits=()).pages[0].lines[0].text == "x"


@pytest.mark.parametrize("cls", [Geometry, Line, Page, Span, Mark, NoteRef, Block, Edit,
                                 Decision, Document, DocumentMeta])
def test_every_model_class_is_made_through_a_scratch_twin(cls: type) -> None:
    """The fast path is taken (``model._scratch``: CPython lets an object of the twin become
    one of the class), and what it makes is of the class itself."""
    from pagemend import model

    assert model._scratch(cls) is not None
    sample = next((sample for sample in SAMPLES if type(sample) is cls), None)
    if sample is not None:
        assert type(replace(sample)) is cls and type(copier(cls)(sample, {})) is cls


def test_a_subclass_keeps_its_class() -> None:
    """A subclass's object has a layout of its own: the lean ``__init__`` sets its slots
    through their descriptors, and it stays of the subclass."""

    class Note(NoteRef):
        pass

    made = Note(3, "n1", False)
    assert type(made) is Note
    assert (made.offset, made.note_id, made.resolved) == (3, "n1", False)
