"""The same batch on Ray (pagemend/executors/ray_executor.py): a local Ray with 2 CPUs gives
byte-identical outputs to the local executor, the same failure records, and resumes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import CASES
from pagemend.executors.local import REPORT_FILE, run_batch, run_local

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'pagemend[ray]')")

from pagemend.executors.ray_executor import run_on_ray  # noqa: E402

BOOKS = ["seed", "verse", "note-continued-over-page", "two-columns-pdf"]


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             configure_logging=False)
    yield
    ray.shutdown()


def _sources(tmp_path: Path) -> list[str]:
    books = [str(next((CASES / name).glob("input.*"))) for name in BOOKS]
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 this is not a PDF")
    return [*books, str(broken), str(tmp_path / "missing.txt")]


def _outputs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir()
            if path.suffix == ".json"}


def _records(folder: Path) -> list[tuple[str, str, str | None]]:
    lines = (folder / REPORT_FILE).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    return sorted((Path(r["source"]).name, r["status"], r["code"]) for r in records)


def test_ray_gives_the_local_executors_outputs_and_records(tmp_path: Path, local_ray: None):
    sources = _sources(tmp_path)
    list(run_local(sources, tmp_path / "local", "json", jobs=2))
    results = list(run_batch(sources, tmp_path / "ray", "json", None, run_on_ray, jobs=2))
    assert len(results) == len(sources)
    assert _outputs(tmp_path / "ray") == _outputs(tmp_path / "local")
    assert len(_outputs(tmp_path / "ray")) == len(BOOKS)
    assert _records(tmp_path / "ray") == _records(tmp_path / "local")
    assert sum(status == "failed" for _, status, _ in _records(tmp_path / "ray")) == 2


def test_ray_resumes_where_a_batch_stopped(tmp_path: Path, local_ray: None):
    sources = _sources(tmp_path)[:2]
    first = list(run_batch(sources, tmp_path / "out", "md", None, run_on_ray))
    assert [r.status for r in first] == ["ok", "ok"]
    Path(first[1].output or "").unlink()
    again = list(run_batch(sources, tmp_path / "out", "md", None, run_on_ray, resume=True))
    assert sorted(r.status for r in again) == ["ok", "skipped"]
