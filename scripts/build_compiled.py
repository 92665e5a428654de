"""The optional compiled build (issue 20): the hot modules compiled in place with mypyc.

pagemend is pure Python and stays so by default (``pip install pagemend`` needs no compiler).
This script compiles the modules listed in MODULES with mypyc (shipped with mypy; the extra
``[compiled]`` names what the build needs: mypy and setuptools, plus a C compiler and the
Python headers). Each ``src/pagemend/.../NAME.py`` gets a ``NAME.cpython-*.so`` beside it,
and Python imports an extension module before a source file of the same name, so the
compiled code is used from then on, with the source kept; the shared library of the group
is ``src/pagemend/_compiled__mypyc.cpython-*.so``. ``--clean`` removes every compiled file
under src/pagemend, and the pure-Python path is back.

    python scripts/build_compiled.py            # make compiled
    python scripts/build_compiled.py --clean    # make clean-compiled
    python scripts/build_compiled.py --list     # the modules it compiles
    python scripts/build_compiled.py --bench 3  # pure against compiled on the benchmark book
    python -c "import pagemend; print(pagemend.compiled_modules())"

A module is listed when mypyc compiles it with no source change and the same outputs, and
when compiling it pays: measured stage by stage on the 2,000-page benchmark book (docs/
compiled.md). model.py stays pure: its replace() writes the slots of frozen dataclasses
through generated code, and compiled they would become native classes; readers/text.py
gained nothing measurable. readers/pdf.py is listed for the PDF path: its loops around
pdfium's calls take a sixth less compiled (docs/compiled.md).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
PACKAGE = SRC / "pagemend"
#: C sources and object files go here (outside the source tree; removed by --clean)
BUILD = ROOT / "build" / "mypyc"
#: the name of the group's shared library (``pagemend/_compiled__mypyc.*.so``)
GROUP = "pagemend._compiled"

#: the compiled modules, as paths under src/pagemend (see the module docstring for the choice)
MODULES: tuple[str, ...] = (
    "stages/measure_document.py",
    "stages/restore_word_spaces.py",
    "stages/remove_running_heads.py",
    "stages/separate_notes.py",
    "stages/link_notes.py",
    "stages/join_hyphenated_words.py",
    "stages/detect_headings.py",
    "stages/detect_lists.py",
    "stages/detect_verse.py",
    "stages/detect_block_quotes.py",
    "stages/rejoin_paragraphs.py",
    "stages/assemble_blocks.py",
    "stages/join_drop_caps.py",
    "stages/capture_page_labels.py",
    "stages/normalize_characters.py",
    "stages/use_region_types.py",
    "stages/detect_letters.py",
    "layout.py",
    "rules.py",
    "breaks.py",
    "emphasis.py",
    "furniture.py",
    "foot_marks.py",
    "quotation_frames.py",
    "hyphenation/frequencies.py",
    "hyphenation/lexicon.py",
    "hyphenation/sources.py",
    "hyphenation/site.py",
    "writers/markdown.py",
    "readers/pdf.py",
)


def compiled_files(package: Path = PACKAGE) -> list[Path]:
    """Every compiled extension file under the package (the modules' and the shared one)."""
    return sorted(path for path in package.rglob("*")
                  if path.is_file() and any(path.name.endswith(suffix)
                                            for suffix in EXTENSION_SUFFIXES))


def clean(root: Path = ROOT) -> None:
    """Remove the compiled files and the C build folder: the pure-Python path is back."""
    for path in compiled_files(root / "src" / "pagemend"):
        path.unlink()
    build_folder = root / BUILD.relative_to(ROOT)
    shutil.rmtree(build_folder, ignore_errors=True)
    if build_folder.parent.is_dir() and not any(build_folder.parent.iterdir()):
        build_folder.parent.rmdir()


def build(modules: tuple[str, ...], opt_level: str, root: Path = ROOT) -> float:
    """Compile the modules in place in root/src (one shared library and a small shim per
    module); returns the seconds it took."""
    from mypyc.build import mypycify
    from setuptools import Distribution

    started = time.perf_counter()
    clean(root)
    build_folder = root / BUILD.relative_to(ROOT)
    paths = [str(Path("src") / "pagemend" / module) for module in modules]
    here = Path.cwd()
    os.chdir(root)  # mypy reads [tool.mypy] of pyproject.toml (strict) and names modules from src
    try:
        extensions = mypycify(paths, opt_level=opt_level, target_dir=str(build_folder),
                              group_name=GROUP)
        distribution = Distribution({"name": "pagemend-compiled", "ext_modules": extensions,
                                     "package_dir": {"": "src"}})
        command = distribution.get_command_obj("build_ext")
        command.inplace = True
        command.build_temp = str(build_folder / "temp")
        command.build_lib = str(build_folder / "lib")
        command.parallel = os.cpu_count() or 1
        distribution.run_command("build_ext")
    finally:
        os.chdir(here)
    return time.perf_counter() - started


def steady(book: Path) -> dict[str, float]:
    """(In a fresh process) bench/bench_book.py's steady(): the word lists loaded on 40 pages
    first, then the book mended to Markdown; wall and CPU seconds of that mend (the machine
    may be shared: the CPU seconds of the process are the steadier measure)."""
    from pagemend.pipeline import mend
    from pagemend.readers import read_text
    from pagemend.version import compiled_modules
    from pagemend.writers import render

    text = book.read_text(encoding="utf-8")
    render(mend(read_text("\f".join(text.split("\f")[:40]))), "md")  # loads the word lists
    wall, cpu = time.perf_counter(), time.process_time()
    render(mend(read_text(text)), "md")
    return {"seconds": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
            "compiled": len(compiled_modules())}


def _child(src: Path, book: Path) -> dict[str, float]:
    environment = dict(os.environ, PYTHONPATH=str(src))
    result = subprocess.run([sys.executable, __file__, "--steady", str(book)], env=environment,
                            capture_output=True, text=True, check=True)
    found: dict[str, float] = json.loads(result.stdout.splitlines()[-1])
    return found


def bench(modules: tuple[str, ...], opt_level: str, rounds: int) -> None:
    """Pure against compiled on bench/bench_book.py's 2,000-page book, each run in a fresh
    process, in paired rounds whose order alternates. The compiled side is built in a
    temporary copy of the tree, so this tree stays pure."""
    if compiled_files():
        raise SystemExit("this tree holds compiled files: make clean-compiled first")
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_book import BOOK_PAGES, _book_file

    with tempfile.TemporaryDirectory(prefix="pagemend-compiled-") as name:
        copy = Path(name)
        shutil.copytree(SRC, copy / "src", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy2(ROOT / "pyproject.toml", copy / "pyproject.toml")
        seconds = build(modules, opt_level, copy)
        sys.stdout.write(f"built {len(modules)} modules in {seconds:.0f} s\n")
        book = _book_file(copy, BOOK_PAGES)
        found: dict[str, list[dict[str, float]]] = {"pure": [], "compiled": []}
        for round_ in range(rounds):
            sides = [("pure", SRC), ("compiled", copy / "src")]
            for side, src in sides if round_ % 2 == 0 else reversed(sides):
                found[side].append(_child(src, book))
    assert not found["pure"][0]["compiled"] and found["compiled"][0]["compiled"] == len(modules)
    sys.stdout.write(f"{BOOK_PAGES} pages to Markdown, steady state, {rounds} paired rounds "
                     f"(fresh processes):\n")
    for key, what in (("seconds", "wall"), ("cpu", "CPU")):
        for side, runs in found.items():
            values = [run[key] for run in runs]
            sys.stdout.write(f"  {side:<9} {what:<4} {BOOK_PAGES / min(values):6.0f} pages/s at "
                             f"best (seconds: {', '.join(f'{v:.2f}' for v in values)})\n")
        ratios = sorted(p[key] / c[key] for p, c in zip(*found.values(), strict=True))
        sys.stdout.write(f"  speed-up  {what:<4} {statistics.median(ratios):6.2f} (median of "
                         f"rounds; range {ratios[0]:.2f}-{ratios[-1]:.2f})\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--clean", action="store_true", help="remove the compiled files")
    parser.add_argument("--list", action="store_true", help="print the modules compiled")
    parser.add_argument("--bench", type=int, metavar="ROUNDS",
                        help="build in a temporary copy and time pure against compiled")
    parser.add_argument("--modules", nargs="+", metavar="PATH",
                        help="compile these (paths under src/pagemend) instead of MODULES")
    parser.add_argument("--opt-level", default="3", help="the C compiler's -O level (3)")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="build in this copy of the tree (its src/ and pyproject.toml)")
    parser.add_argument("--steady", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    modules = tuple(args.modules or MODULES)
    if args.steady:
        sys.stdout.write(json.dumps(steady(args.steady)) + "\n")
    elif args.list:
        sys.stdout.write("\n".join(modules) + "\n")
    elif args.clean:
        clean(args.root)
        sys.stdout.write("compiled files removed: the pure-Python modules are in use\n")
    elif args.bench:
        bench(modules, args.opt_level, args.bench)
    else:
        seconds = build(modules, args.opt_level, args.root)
        built = [path for path in compiled_files(args.root / "src" / "pagemend")
                 if "__mypyc" not in path.name]
        sys.stdout.write(f"compiled {len(built)} modules in {seconds:.0f} s "
                         f"(make clean-compiled removes them)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
