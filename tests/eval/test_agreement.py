"""pagemend's metrics agree with the reference scorer (shared/corpus/score.py), run as a
separate program on the same outputs: pagemend's own, the truth itself and the do-nothing
input, so that every metric is exercised away from 0 and 1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import SHARED_CORPUS
from pagemend.eval.metrics import load_case, score
from pagemend.pipeline import mend
from pagemend.readers import read_path
from pagemend.writers import write_markdown

pytestmark = pytest.mark.skipif(not (SHARED_CORPUS / "score.py").exists(),
                                reason="../shared/corpus is not here")
TOLERANCE = 0.005
CASE_DIRS = sorted(p for p in SHARED_CORPUS.glob("*") if (p / "truth.json").exists())


def reference(case_dir: Path, output: Path) -> dict[str, object]:
    result = subprocess.run([sys.executable, str(SHARED_CORPUS / "score.py"), str(case_dir),
                             str(output)], capture_output=True, check=True, text=True)
    return json.loads(result.stdout)


def outputs(case_dir: Path, tmp_path: Path) -> dict[str, Path]:
    mended = tmp_path / "pagemend.md"
    mended.write_text(write_markdown(mend(read_path(str(case_dir / "input.pages.txt")))),
                      encoding="utf-8")
    return {"pagemend": mended, "truth": case_dir / "truth.md",
            "input": case_dir / "input.pages.txt"}


@pytest.mark.parametrize("case_dir", CASE_DIRS, ids=lambda p: p.name)
def test_metrics_agree_with_reference_scorer(case_dir: Path, tmp_path: Path):
    case = load_case(case_dir)
    for name, output in outputs(case_dir, tmp_path).items():
        theirs = reference(case_dir, output)
        ours = score(case, output.read_text(encoding="utf-8", errors="replace"))
        shared = [k for k, v in theirs.items() if isinstance(v, int | float)]
        assert len(shared) > 15
        for metric in shared:
            if theirs[metric] is None:
                assert ours[metric] is None, (name, metric)
            else:
                assert ours[metric] == pytest.approx(theirs[metric], abs=TOLERANCE), (name, metric)
