"""Speed work changes no output: the corpus's Markdown and JSON, byte for byte, from this
tree and from a baseline commit.

    python bench/same_output.py [--baseline REF] [--inputs pages pdf] [--corpus tests/corpus]
    python bench/same_output.py --write-digests   # re-pin tests/data/output-digests.json

Checks the baseline out into a temporary worktree, writes each case's Markdown and JSON
with both trees (each in its own process, the baseline's ``src`` first on the path), and
prints the cases whose outputs differ. Exit status 1 when any does. The baseline defaults
to the commit issue 20's speed work started from.

Between commits the same promise is kept by a test: tests/test_same_output.py mends every
case of tests/corpus and tests/printings (page text) and compares the digests of its
Markdown and JSON with tests/data/output-digests.json. A speed change must leave the file as
it is; a change meant to alter output re-pins it with ``--write-digests`` and says so.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: the last commit before issue 20's speed work
SPEED_BASELINE = "f8c39d1"
_SOURCES = {"pages": "input.pages.txt", "pdf": "input.pdf"}
#: the pinned digests of the page-text outputs (tests/test_same_output.py)
PINNED = ROOT / "tests" / "data" / "output-digests.json"
PINNED_FOLDERS = (ROOT / "tests" / "corpus", ROOT / "tests" / "printings")


def pinned_digests() -> dict[str, str]:
    """The digests tests/test_same_output.py compares: page text of both folders."""
    found: dict[str, str] = {}
    for folder in PINNED_FOLDERS:
        found.update({f"{folder.name}/{key}": value
                      for key, value in digests(folder, ["pages"], relative=True).items()})
    return found


def digests(corpus: Path, inputs: list[str], relative: bool = False) -> dict[str, str]:
    """Case/input/format -> SHA-256 of the output, from the pagemend on the path."""
    from pagemend.model import replace
    from pagemend.pipeline import mend
    from pagemend.readers import read_path
    from pagemend.writers import render

    found: dict[str, str] = {}
    for case in sorted(path for path in corpus.iterdir() if path.is_dir()):
        for kind in inputs:
            source = case / _SOURCES[kind]
            if not source.exists():
                continue
            doc = mend(read_path(str(source)))
            if relative:  # the same digest wherever the tree is checked out
                doc = replace(doc, meta=replace(doc.meta, source=str(source.relative_to(ROOT))))
            for fmt in ("md", "json"):
                output = render(doc, fmt)
                data = output if isinstance(output, bytes) else output.encode("utf-8")
                found[f"{case.name}/{kind}/{fmt}"] = hashlib.sha256(data).hexdigest()
    return found


def _run(src: Path, corpus: Path, inputs: list[str]) -> dict[str, str]:
    environment = dict(os.environ, PYTHONPATH=str(src))
    command = [sys.executable, __file__, "--digests", "--corpus", str(corpus),
               "--inputs", *inputs]
    result = subprocess.run(command, env=environment, capture_output=True, text=True,
                            check=True)
    found: dict[str, str] = json.loads(result.stdout)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default=SPEED_BASELINE)
    parser.add_argument("--inputs", nargs="+", default=["pages"], choices=sorted(_SOURCES))
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus")
    parser.add_argument("--digests", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--write-digests", action="store_true",
                        help=f"write {PINNED.relative_to(ROOT)} from this tree and stop")
    args = parser.parse_args()
    if args.write_digests:
        PINNED.write_text(json.dumps(pinned_digests(), indent=1, sort_keys=True) + "\n",
                          encoding="utf-8")
        return 0
    if args.digests:
        sys.stdout.write(json.dumps(digests(args.corpus, args.inputs)))
        return 0
    with tempfile.TemporaryDirectory(prefix="pagemend-baseline-") as folder:
        tree = Path(folder) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree),
                        args.baseline], check=True, capture_output=True)
        try:
            before = _run(tree / "src", args.corpus, args.inputs)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                            str(tree)], check=False, capture_output=True)
    after = _run(ROOT / "src", args.corpus, args.inputs)
    differ = sorted(key for key in before.keys() | after.keys()
                    if before.get(key) != after.get(key))
    for key in differ:
        sys.stdout.write(f"differs: {key}\n")
    sys.stdout.write(f"{len(before)} outputs of {args.baseline}, {len(after)} of this tree: "
                     f"{len(differ)} differ\n")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
