from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterator
from importlib import resources

import jsonschema
import pytest

from pagemend.writers import stream
from pagemend.writers.jsonl import iter_records, jsonl_lines
from writers.conftest import INPUTS

SCHEMA = json.loads(resources.files("pagemend.data").joinpath("jsonl.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def _check_spans(record):
    size = len(record["text"])
    for spans in record["attributes"].values():
        for start, end, _ in spans:
            assert 0 <= start < end <= size
        assert [s[0] for s in spans] == sorted(s[0] for s in spans)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.parent.name)
@pytest.mark.parametrize("granularity", ["document", "page", "block"])
def test_jsonl_validates_against_its_schema(path, granularity, mended):
    doc = mended(path)
    out = io.BytesIO()
    stream(doc, "jsonl", out, granularity=granularity)
    lines = out.getvalue().decode("utf-8").splitlines()
    expected = {"document": 1, "page": len(doc.pages), "block": len(doc.blocks)}[granularity]
    assert len(lines) == expected
    ids = set()
    for line in lines:
        record = json.loads(line)
        VALIDATOR.validate(record)
        _check_spans(record)
        ids.add(record["id"])
    assert len(ids) == len(lines)
    if granularity == "document":
        labels = {s[2] for s in json.loads(lines[0])["attributes"]["pagemend__page_label"]}
        assert labels <= {p.label for p in doc.pages}
        kinds = json.loads(lines[0])["attributes"]["pagemend__block_kind"]
        assert [k[2] for k in kinds] == [b.kind for b in doc.blocks if b.text]


def test_records_stream_one_at_a_time(mended):
    doc = mended(INPUTS[0])
    records = iter_records(doc, "page")
    assert isinstance(records, Iterator)
    assert isinstance(jsonl_lines(doc, "block"), Iterator)
    first = next(records)
    assert first["metadata"]["page_index"] == doc.pages[0].index


def test_page_records_hold_every_letter_of_the_document(mended):
    doc = mended(INPUTS[0])  # a word broken across a page turn is in two page records
    whole = Counter(next(iter_records(doc))["text"].replace(" ", "").replace("\n", ""))
    pages = Counter("".join(r["text"] for r in iter_records(doc, "page")).replace(
        " ", "").replace("\n", ""))
    assert pages == whole


def test_timestamps_follow_source_date_epoch(monkeypatch, mended):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    record = next(iter_records(mended(INPUTS[-1])))
    assert record["added"] == record["created"] == "2023-11-14T22:13:20.000Z"


def test_an_unknown_granularity_is_refused(mended):
    with pytest.raises(ValueError, match="granularity"):
        next(iter_records(mended(INPUTS[-1]), "chapter"))


def test_the_command_streams_jsonl_by_suffix_and_granularity(tmp_path):
    from pagemend.cli import main

    out = tmp_path / "seed.jsonl"
    assert main([str(INPUTS[-1]), "-o", str(out), "--granularity", "block"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["metadata"]["granularity"] for r in records] == ["block"] * len(records) != []
