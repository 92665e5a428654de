"""The optional compiled build (scripts/build_compiled.py, docs/compiled.md).

``make test`` runs the pure-Python modules and checks that no compiled file hides them;
``make test-compiled`` builds, sets PAGEMEND_EXPECT_COMPILED=1 and runs this file with
tests/test_same_output.py and tests/test_golden.py, so that the outputs are checked against
the compiled modules, which this file checks are the ones in use.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pickle
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from types import ModuleType

import pytest

import pagemend
from pagemend.config import PipelineConfig
from pagemend.version import compiled_modules

ROOT = Path(__file__).resolve().parent.parent
EXPECT_COMPILED = os.environ.get("PAGEMEND_EXPECT_COMPILED") == "1"


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_compiled",
                                                  ROOT / "scripts" / "build_compiled.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _listed() -> list[str]:
    """The dotted names of the modules the build compiles."""
    return sorted("pagemend." + path.removesuffix(".py").replace("/", ".")
                  for path in _build_script().MODULES)


def test_the_build_lists_existing_modules_once() -> None:
    paths = _build_script().MODULES
    assert len(set(paths)) == len(paths)
    package = ROOT / "src" / "pagemend"
    assert all((package / path).is_file() and path.endswith(".py") for path in paths)
    assert "model.py" not in paths  # its classes are copied by generated code and pickled


def test_compiled_modules_is_public() -> None:
    assert pagemend.compiled_modules is compiled_modules
    assert compiled_modules() == sorted(set(compiled_modules()))


@pytest.mark.skipif(EXPECT_COMPILED, reason="make test-compiled: the compiled build")
def test_the_pure_path_is_what_make_test_tests() -> None:
    assert compiled_modules() == [], "compiled modules in the tree: make clean-compiled"


@pytest.mark.skipif(not EXPECT_COMPILED, reason="make test-compiled only")
def test_the_compiled_modules_are_in_use() -> None:
    assert compiled_modules() == _listed()
    for name in _listed():
        path = importlib.import_module(name).__file__
        assert path is not None and path.endswith(tuple(EXTENSION_SUFFIXES)), name


def test_the_stage_configs_travel_to_worker_processes() -> None:
    """Batch and PDF workers get the configuration pickled; compiled, a frozen config
    dataclass needs the registry's reducer (mypyc's own unpickling sets fields with setattr)."""
    config = PipelineConfig.resolve(None)
    assert pickle.loads(pickle.dumps(config)) == config
