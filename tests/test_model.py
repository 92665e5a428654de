"""model: the frozen classes are made through a scratch twin (``_scratch``) and stay what
``dataclasses`` would make: the same class, the same values, still frozen."""

from __future__ import annotations

import dataclasses

import pytest

from pagemend import model
from pagemend.model import (
    Block,
    Decision,
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

CLASSES = (Geometry, Line, Page, Span, Mark, NoteRef, Block, Edit, Decision)


@pytest.mark.parametrize("cls", CLASSES)
def test_every_model_class_has_a_scratch_twin(cls: type) -> None:
    """The fast path is taken: CPython lets a twin's object become one of the class."""
    assert model._scratch(cls) is not None


def test_made_objects_are_of_their_class_equal_and_frozen() -> None:
    geometry = Geometry(1.0, 2.0, 3.0, 4.0, 10.0, styles=((0, 1, "italic", "F"),))
    line = Line("de-", 0, 3, geometry, role="note")
    assert type(line) is Line and type(geometry) is Geometry
    assert dataclasses.astuple(line) == ("de-", 0, 3, dataclasses.astuple(geometry), 0, False,
                                         "note", "paragraph", None, False, False, False, False,
                                         None, ())
    for made in (replace(line, text="de"), copier(Line)(line, {"text": "de"}),
                 field_copier(Line, "text")(line, "de")):
        assert type(made) is Line
        assert made == dataclasses.replace(line, text="de")
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.text = "x"  # type: ignore[misc]
    decision = Decision("stage", "stage.rule", 0, 3, "kind", "paragraph", "heading", "why")
    assert type(decision) is Decision and decision.fired
    with pytest.raises(dataclasses.FrozenInstanceError):
        decision.after = "paragraph"  # type: ignore[misc]


def test_a_subclass_keeps_its_class() -> None:
    """A subclass's object has a layout of its own: it is made through the descriptors."""

    class Note(NoteRef):
        pass

    made = Note(3, "n1", False)
    assert type(made) is Note
    assert (made.offset, made.note_id, made.resolved) == (3, "n1", False)
