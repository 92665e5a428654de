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
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from pagemend.errors import ConfigError
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

__all__ = ["PipelineConfig", "dump_toml", "load_toml"]


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
    """The tables of a TOML settings file."""
    try:
        import tomllib  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # Python 3.10
        raise ConfigError("reading TOML needs Python 3.11 or newer",
                          "pass the settings with --set instead") from None
    try:
        with path.open("rb") as handle:
            return dict(tomllib.load(handle))
    except OSError as error:
        raise ConfigError(f"{path} cannot be read: {error.strerror}", "check the path") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path} is not valid TOML: {error}", "fix the file") from None


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
        return config_class(**section)
    except TypeError as error:
        raise ConfigError(f"config section {name!r}: {error}", "check the values") from None
