"""The README's measured tables are what the code measures now (regenerate: make readme)."""

from __future__ import annotations

import importlib.util

from helpers import ROOT


def test_readme_tables_are_current():
    spec = importlib.util.spec_from_file_location("update_readme",
                                                  ROOT / "scripts" / "update_readme.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    fresh = module.tables()
    for name in fresh:
        assert f"<!-- {name} -->" in text, name
    assert module.render(text, fresh) == text, "README tables are stale: run `make readme`"
