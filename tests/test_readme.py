"""The measured tables of README.md and docs/rules.md are what the code measures now
(regenerate: make readme)."""

from __future__ import annotations

import importlib.util

from helpers import ROOT


def test_readme_tables_are_current():
    spec = importlib.util.spec_from_file_location("update_readme",
                                                  ROOT / "scripts" / "update_readme.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = module.tables()
    texts = {path: path.read_text(encoding="utf-8") for path in module.DOCUMENTS}
    for name in fresh:
        assert any(f"<!-- {name} -->" in text for text in texts.values()), name
    for path, text in texts.items():
        assert module.render(text, fresh) == text, f"{path.name} is stale: run `make readme`"
