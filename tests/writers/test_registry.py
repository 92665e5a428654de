from __future__ import annotations

import ast
from pathlib import Path

import pytest

import pagemend
from pagemend.errors import ConfigError
from pagemend.pipeline import mend
from pagemend.readers import read_text
from pagemend.writers import FORMATS, SUFFIXES, WRITERS, render, write, writer_for
from writers.conftest import INPUTS

WRITER_MODULES = sorted(Path(pagemend.__file__).parent.joinpath("writers").glob("*.py"))
PROJECTIONS = [p for p in [*WRITER_MODULES, Path(pagemend.__file__).parent / "cite.py"]
               if p.exists()]
FORBIDDEN = ("pagemend.stages", "pagemend.pipeline", "pagemend.readers")


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", PROJECTIONS, ids=lambda p: p.name)
def test_no_writer_imports_a_stage_or_the_public_face(path):
    for name in _imports(path):
        assert name != "pagemend", f"{path.name} imports the package's public face"
        assert not name.startswith(FORBIDDEN), f"{path.name} imports {name}"


def test_the_version_lives_in_its_own_module():
    from pagemend.version import __version__

    assert pagemend.__version__ == __version__


def test_every_writer_module_registers_a_format():
    registered = {writer.function.__module__ for writer in WRITERS.values()}
    modules = {f"pagemend.writers.{p.stem}" for p in WRITER_MODULES
               if p.stem not in ("__init__", "registry", "markup")}
    assert modules <= registered
    assert set(FORMATS) == set(WRITERS)
    assert all(SUFFIXES[s] == name for name, w in WRITERS.items() for s in w.suffixes)


@pytest.mark.parametrize(("path", "fmt"), [("out.md", "md"), ("OUT.TXT", "txt"),
                                           ("a/b.json", "json"), ("-", "md"), ("x.pdf", "md")])
def test_the_format_follows_the_output_suffix(path, fmt):
    assert writer_for(path=path).name == fmt


def test_an_unknown_format_is_a_coded_error():
    with pytest.raises(ConfigError, match="PM200"):
        writer_for("docx")


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_every_format_is_deterministic(fmt):
    doc = mend(read_text("A line that runs\non.\f\nAnother page."))
    assert render(doc, fmt) == render(doc, fmt)


def test_write_keeps_its_text_api():
    doc = mend(read_text("One line."))
    assert write(doc, "md", page_markers=True).startswith("<!-- page")
    assert write(doc, "txt") == "One line.\n"


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.parent.name)
def test_every_case_produces_every_format_the_same_twice(path, mended):
    doc = mended(path)
    for fmt, writer in WRITERS.items():
        output = render(doc, fmt)
        assert output, fmt
        assert isinstance(output, bytes) == writer.binary, fmt
        assert render(doc, fmt) == output, f"{fmt} is not deterministic"
