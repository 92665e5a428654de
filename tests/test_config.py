"""Settings are type-checked (config.py): booleans, numbers and names from TOML and from
--set; the language against the supported ones; a stage the output needs stays on."""

from __future__ import annotations

from pathlib import Path

import pytest

from pagemend.config import PipelineConfig, check_language, load_toml, raw
from pagemend.errors import (
    ConfigError,
    RequiredStageError,
    SettingTypeError,
    UnknownLanguageError,
)


@pytest.mark.parametrize(("text", "enabled"), [("no", False), ("off", False), ("0", False),
                                               ("False", False), ("yes", True), ("on", True)])
def test_set_reads_booleans_as_words(text: str, enabled: bool):
    config = PipelineConfig.resolve({"detect_headings": {"enabled": raw(text)}})
    assert config.detect_headings.enabled is enabled


@pytest.mark.parametrize("value", ["no", 1, 0.5, None])
def test_toml_values_of_the_wrong_type_are_refused(value: object):
    with pytest.raises(SettingTypeError, match=r"\[PM203\] detect_headings.enabled"):
        PipelineConfig.resolve({"detect_headings": {"enabled": value}})


def test_a_name_stays_a_name():
    config = PipelineConfig.resolve({"join_hyphenated_words": {"policy": raw("always_keep")}})
    assert config.join_hyphenated_words.policy == "always_keep"
    with pytest.raises(ConfigError):  # the stage's own check of the names it knows
        PipelineConfig.resolve({"join_hyphenated_words": {"policy": raw("sometimes")}})


def test_the_language_is_validated_on_the_command_line():
    assert PipelineConfig.resolve({"detect_language": {"lang": "de"}}).detect_language.lang == "de"
    check_language("de")
    with pytest.raises(UnknownLanguageError, match=r"\[PM202\] 'xx'"):
        check_language("xx")
    assert PipelineConfig.resolve({"detect_language": {"lang": "xx"}})  # the library takes it
    none = PipelineConfig.resolve({"detect_language": {"lang": raw("none")}})
    assert none.detect_language.lang is None


def test_a_stage_the_output_needs_stays_on():
    with pytest.raises(RequiredStageError, match=r"\[PM204\] assemble_blocks"):
        PipelineConfig.resolve({"assemble_blocks": {"enabled": False}})


def test_toml_is_read_and_checked(tmp_path: Path):
    path = tmp_path / "settings.toml"
    path.write_text("[detect_headings]\nenabled = false\n", encoding="utf-8")
    assert PipelineConfig.from_toml(path).detect_headings.enabled is False
    path.write_bytes(b"[detect_headings]\nenabled = \xff\n")
    with pytest.raises(ConfigError, match=r"\[PM200\].*not valid TOML"):
        load_toml(path)
