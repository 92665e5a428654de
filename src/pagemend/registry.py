"""The stage registry: every stage declares its name, config, and what it needs and provides.

The name is the module name, the function name, the config section and the ``stage`` field
of its edits: one word everywhere. ``requires`` and ``assigns`` name document facts
(``"stats"``, ``"line.role"``, ``"blocks"``...) so that a pipeline built in the wrong order
fails when it is built, not halfway through a book.
"""

from __future__ import annotations

import copyreg
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, Protocol, TypeVar

from pagemend.model import Document

__all__ = ["STAGES", "StageConfig", "StageInfo", "stage"]


class StageConfig(Protocol):
    """Every stage config is a frozen dataclass with an ``enabled`` flag."""

    @property
    def enabled(self) -> bool: ...


StageFunction = Callable[[Document, Any], Document]
F = TypeVar("F", bound=StageFunction)


@dataclass(frozen=True, slots=True)
class StageInfo:
    name: str
    function: StageFunction
    config_class: type[Any]
    requires: frozenset[str]
    assigns: frozenset[str]


#: Every registered stage by name, filled as the stage modules are imported.
STAGES: dict[str, StageInfo] = {}


def stage(
    name: str,
    config: type[Any],
    requires: tuple[str, ...] = (),
    assigns: tuple[str, ...] = (),
) -> Callable[[F], F]:
    """Register a ``Document -> Document`` stage under ``name``."""

    def register(function: F) -> F:
        if function.__name__ != name:  # one word everywhere: see the module docstring
            raise ValueError(f"stage {name!r} must be a function named {name!r}")
        STAGES[name] = StageInfo(name, function, config, frozenset(requires), frozenset(assigns))
        if "__mypyc_attrs__" in vars(config):  # compiled: see _reduce_compiled
            copyreg.pickle(config, _reduce_compiled)
        return function

    return register


def _reduce_compiled(config: Any) -> tuple[Callable[..., Any], tuple[Any, ...]]:
    """How a stage config compiled by mypyc (the optional build, docs/compiled.md) travels to
    a worker process: mypyc's own unpickling sets each field with setattr, which a frozen
    dataclass refuses, so it goes as its class and fields (the pure classes pickle as ever)."""
    return _rebuild, (type(config), {item.name: getattr(config, item.name)
                                     for item in fields(config)})


def _rebuild(cls: Any, state: dict[str, Any]) -> Any:
    """The config _reduce_compiled took apart, its fields set as the frozen class's own
    ``__init__`` sets them."""
    made = cls.__new__(cls)
    for name, value in state.items():
        object.__setattr__(made, name, value)
    return made
