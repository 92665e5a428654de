from __future__ import annotations

import pytest

from helpers import make_doc
from pagemend.errors import ConfigError
from pagemend.pipeline import DEFAULT_ORDER, build, mend, mend_and_explain
from pagemend.registry import STAGES


def test_every_stage_is_registered_under_its_own_name():
    for name in DEFAULT_ORDER:
        assert STAGES[name].function.__name__ == name
        assert STAGES[name].function.__module__.endswith("." + name)


def test_build_rejects_a_stage_before_its_requirement():
    with pytest.raises(ConfigError, match=r"assemble_blocks.*requires line\.starts_block"):
        build(["normalize_characters", "assemble_blocks", "rejoin_paragraphs"])


def test_build_rejects_unknown_stage():
    with pytest.raises(ConfigError, match=r"\[PM200\] unknown stage 'nope'"):
        build(["nope"])


def test_disabled_stage_is_skipped():
    doc = mend(make_doc("a\u2010b"), {"normalize_characters": {"enabled": False}})
    assert doc.blocks[0].text == "a\u2010b" and not doc.edits


def test_mend_and_explain_returns_the_edits():
    doc, edits = mend_and_explain(make_doc(" a"))
    assert edits == doc.edits and edits[0].action == "strip_indent"


def test_config_rejects_unknown_setting():
    with pytest.raises(ConfigError, match=r"unknown setting normalize_characters\.nope"):
        mend(make_doc("a"), {"normalize_characters": {"nope": 1}})
