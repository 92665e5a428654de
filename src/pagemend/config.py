"""PipelineConfig: one frozen config per stage, composed; resolvable from None, a dict or TOML.

    >>> PipelineConfig.resolve({"normalize_characters": {"enabled": False}}).normalize_characters
    NormalizeCharactersConfig(enabled=False)
    >>> PipelineConfig.resolve({"normalise": {}})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pagemend.errors.ConfigError: [PM200] unknown config section 'normalise'; known sections: \
assemble_blocks, capture_page_labels, ...
"""

from __future__ import annotations

import dataclasses
import functools
import json
import sys
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from pagemend.errors import (
    ConfigError,
    RequiredStageError,
    SettingTypeError,
    UnknownLanguageError,
)
from pagemend.stages.assemble_blocks import AssembleBlocksConfig
from pagemend.stages.capture_page_labels import CapturePageLabelsConfig
from pagemend.stages.detect_block_quotes import DetectBlockQuotesConfig
from pagemend.stages.detect_headings import DetectHeadingsConfig
from pagemend.stages.detect_language import DetectLanguageConfig
from pagemend.stages.detect_letters import DetectLettersConfig
from pagemend.stages.detect_lists import DetectListsConfig
from pagemend.stages.detect_verse import DetectVerseConfig
from pagemend.stages.join_drop_caps import JoinDropCapsConfig
from pagemend.stages.join_hyphenated_words import JoinHyphenatedWordsConfig
from pagemend.stages.link_notes import LinkNotesConfig
from pagemend.stages.measure_document import MeasureDocumentConfig
from pagemend.stages.normalize_characters import NormalizeCharactersConfig
from pagemend.stages.rejoin_paragraphs import RejoinParagraphsConfig
from pagemend.stages.remove_running_heads import RemoveRunningHeadsConfig
from pagemend.stages.repair_layout import RepairLayoutConfig
from pagemend.stages.restore_word_spaces import RestoreWordSpacesConfig
from pagemend.stages.separate_notes import SeparateNotesConfig
from pagemend.stages.use_region_types import UseRegionTypesConfig

__all__ = ["REQUIRED_STAGES", "PipelineConfig", "check_language", "dump_toml", "load_toml",
           "parse_setting", "raw", "supported_languages"]

#: Stages the output needs: ``assemble_blocks`` builds the blocks every writer projects and
#: ``verify`` rebuilds from (switched off, the output is empty and conservation fails; tried
#: on every stage of the pipeline, page text and PDF: only this one breaks the output).
REQUIRED_STAGES: tuple[str, ...] = ("assemble_blocks",)
#: Words read as booleans in ``--set`` values (TOML has its own true and false).
_TRUE = frozenset({"true", "yes", "on", "1"})
_FALSE = frozenset({"false", "no", "off", "0"})


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """Every stage's settings; each field is named after its stage."""

    repair_layout: RepairLayoutConfig = field(default_factory=RepairLayoutConfig)
    normalize_characters: NormalizeCharactersConfig = field(
        default_factory=NormalizeCharactersConfig
    )
    measure_document: MeasureDocumentConfig = field(default_factory=MeasureDocumentConfig)
    detect_language: DetectLanguageConfig = field(default_factory=DetectLanguageConfig)
    restore_word_spaces: RestoreWordSpacesConfig = field(
        default_factory=RestoreWordSpacesConfig
    )
    remove_running_heads: RemoveRunningHeadsConfig = field(
        default_factory=RemoveRunningHeadsConfig
    )
    use_region_types: UseRegionTypesConfig = field(default_factory=UseRegionTypesConfig)
    capture_page_labels: CapturePageLabelsConfig = field(default_factory=CapturePageLabelsConfig)
    join_drop_caps: JoinDropCapsConfig = field(default_factory=JoinDropCapsConfig)
    separate_notes: SeparateNotesConfig = field(default_factory=SeparateNotesConfig)
    join_hyphenated_words: JoinHyphenatedWordsConfig = field(
        default_factory=JoinHyphenatedWordsConfig
    )
    detect_headings: DetectHeadingsConfig = field(default_factory=DetectHeadingsConfig)
    detect_lists: DetectListsConfig = field(default_factory=DetectListsConfig)
    detect_letters: DetectLettersConfig = field(default_factory=DetectLettersConfig)
    detect_verse: DetectVerseConfig = field(default_factory=DetectVerseConfig)
    detect_block_quotes: DetectBlockQuotesConfig = field(default_factory=DetectBlockQuotesConfig)
    link_notes: LinkNotesConfig = field(default_factory=LinkNotesConfig)
    rejoin_paragraphs: RejoinParagraphsConfig = field(default_factory=RejoinParagraphsConfig)
    assemble_blocks: AssembleBlocksConfig = field(default_factory=AssembleBlocksConfig)

    @classmethod
    def resolve(cls, value: PipelineConfig | Mapping[str, Any] | None) -> PipelineConfig:
        """A config from None (defaults), a mapping of sections, or a config (as is)."""
        if value is None:
            return cls()
        if isinstance(value, PipelineConfig):
            return value
        known = {f.name: f for f in fields(cls)}
        kwargs: dict[str, Any] = {}
        for name, section in value.items():
            if name not in known:
                raise ConfigError(
                    f"unknown config section {name!r}",
                    "known sections: " + ", ".join(sorted(known)),
                )
            kwargs[name] = _section(name, known[name], section)
        return cls(**kwargs)

    @classmethod
    def from_toml(cls, path: Path) -> PipelineConfig:
        """Read a config from a TOML file whose tables are named after stages."""
        return cls.resolve(load_toml(path))


def dump_toml(config: PipelineConfig) -> str:
    """The config as TOML that ``--config`` reads back: one table per stage, every setting
    (a setting left None is left out, which reads back as None).

    >>> print(dump_toml(PipelineConfig()).split("\\n\\n")[0])
    [repair_layout]
    enabled = true
    """
    tables = []
    for section in fields(config):
        rows = [f"[{section.name}]"]
        stage_config = getattr(config, section.name)
        for setting in fields(stage_config):
            value = getattr(stage_config, setting.name)
            if value is not None:
                rows.append(f"{setting.name} = {_toml_value(value)}")
        tables.append("\n".join(rows))
    return "\n\n".join(tables) + "\n"


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a TOML basic string
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    raise TypeError(f"no TOML form for {value!r}")


def load_toml(path: Path) -> dict[str, Any]:
    """The tables of a TOML settings file (``tomllib``; ``tomli`` on Python 3.10)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 has tomli (a conditional dependency)
        import tomli as tomllib
    try:
        with path.open("rb") as handle:
            return dict(tomllib.load(handle))
    except OSError as error:
        raise ConfigError(f"{path} cannot be read: {error.strerror}", "check the path") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path} is not valid TOML: {error}", "fix the file") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path} is not valid TOML: not UTF-8", "fix the file") from None


@functools.lru_cache(maxsize=1)
def supported_languages() -> frozenset[str]:
    """The languages pagemend has evidence for: wordfreq's word frequencies or pyphen's
    hyphenation patterns (ISO 639-1 codes).

    >>> {"en", "de", "nl"} <= supported_languages(), "xx" in supported_languages()
    (True, False)
    """
    import pyphen

    from pagemend.hyphenation.frequencies import available_languages

    codes = {lang.split("_")[0].lower() for lang in pyphen.LANGUAGES}
    return frozenset(codes | set(available_languages()))


def check_language(value: object) -> None:
    """Refuse a language pagemend has no evidence for (the command line's check; the library
    takes any code and falls back to the document's own evidence).

    >>> check_language("xx")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pagemend.errors.UnknownLanguageError: [PM202] 'xx' is not a language pagemend supports; ...
    """
    if value is not None and value not in supported_languages():
        raise UnknownLanguageError(
            f"{value!r} is not a language pagemend supports",
            "pass one of " + ", ".join(sorted(supported_languages())))


def _kinds(hint: Any) -> tuple[Any, ...]:
    """The alternatives of a type hint (``str | None`` -> (str, NoneType))."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return typing.get_args(hint)
    return (hint,)


#: the plain setting types, and the values that fit each (bool is no number here)
_PLAIN: dict[Any, Any] = {
    type(None): lambda value: value is None,
    bool: lambda value: isinstance(value, bool),
    int: lambda value: isinstance(value, int) and not isinstance(value, bool),
    float: lambda value: isinstance(value, (int, float)) and not isinstance(value, bool),
    str: lambda value: isinstance(value, str),
}


def _fits(value: object, kind: Any) -> bool:
    """Whether a value (from TOML or already parsed) is of a setting's type."""
    if kind in _PLAIN:
        return bool(_PLAIN[kind](value))
    origin = typing.get_origin(kind)
    if origin is typing.Literal:
        return value in typing.get_args(kind)
    if origin in (tuple, list):
        return isinstance(value, (tuple, list))
    return True  # a type this check does not know: the stage's own checks apply


def parse_setting(text: str, hint: Any) -> object:
    """A ``--set`` value read as its setting's type: booleans from true/false, yes/no, on/off,
    1/0; numbers; names as they are; ``none`` for a setting that may be unset.

    >>> parse_setting("no", bool), parse_setting("3", int), parse_setting("0.5", float)
    (False, 3, 0.5)
    >>> parse_setting("none", str | None), parse_setting("always_join", str)
    (None, 'always_join')
    >>> parse_setting("maybe", bool)
    Traceback (most recent call last):
    ...
    pagemend.errors.SettingTypeError: [PM203] 'maybe' is not a boolean; write true or false
    """
    kinds = _kinds(hint)
    lowered = text.strip().lower()
    if type(None) in kinds and lowered in ("none", "null", ""):
        return None
    for kind in kinds:
        if kind is bool and lowered in _TRUE | _FALSE:
            return lowered in _TRUE
        if kind in (int, float):
            try:
                return kind(text)
            except ValueError:
                continue
        if kind is str or typing.get_origin(kind) is typing.Literal:
            return text
    names = {bool: "a boolean", int: "a whole number", float: "a number"}
    wanted = " or ".join(names.get(kind, getattr(kind, "__name__", str(kind)))
                         for kind in kinds if kind is not type(None))
    remedy = "write true or false" if bool in kinds else f"write {wanted}"
    raise SettingTypeError(f"{text!r} is not {wanted}", remedy)


def _checked(name: str, config_class: type, section: Mapping[str, Any]) -> dict[str, Any]:
    """The section's values, each checked against its setting's type (strings from
    ``--set`` parsed as it)."""
    hints = typing.get_type_hints(config_class)
    values: dict[str, Any] = {}
    for key, given in section.items():
        hint = hints.get(key, Any)
        kinds = _kinds(hint)
        value = parse_setting(given.text, hint) if isinstance(given, _Raw) else given
        if hint is not Any and not any(_fits(value, kind) for kind in kinds):
            raise SettingTypeError(
                f"{name}.{key} = {value!r} is not of its type ({_hint_name(hint)})",
                "write true or false" if bool in kinds else "check the value")
        if key == "enabled" and value is False and name in REQUIRED_STAGES:
            raise RequiredStageError(
                f"{name} cannot be switched off: the output is built by it",
                f"leave {name}.enabled true")
        values[key] = value
    return values


def _hint_name(hint: Any) -> str:
    return " | ".join(getattr(kind, "__name__", str(kind)) for kind in _kinds(hint))


class _Raw:
    """A value given as text on the command line, parsed by its setting's type."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return repr(self.text)


def raw(text: str) -> object:
    """Mark a ``--set`` value as text to be read by its setting's type.

    >>> PipelineConfig.resolve({"repair_layout": {"enabled": raw("off")}}).repair_layout
    RepairLayoutConfig(enabled=False)
    """
    return _Raw(text)


def _section(name: str, spec: dataclasses.Field[Any], section: Any) -> Any:
    factory = spec.default_factory
    if not isinstance(section, Mapping) or factory is dataclasses.MISSING:
        raise ConfigError(f"config section {name!r} must be a table", "write it as [" + name + "]")
    config_class = type(factory())
    allowed = {f.name for f in fields(config_class)}
    for key in section:
        if key not in allowed:
            raise ConfigError(
                f"unknown setting {name}.{key}", "allowed: " + ", ".join(sorted(allowed))
            )
    try:
        return config_class(**_checked(name, config_class, section))
    except TypeError as error:
        raise ConfigError(f"config section {name!r}: {error}", "check the values") from None
