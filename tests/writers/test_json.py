from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from helpers import CASES, CORPUS
from pagemend.pipeline import mend
from pagemend.readers import read_path
from pagemend.writers.json import write_json

SCHEMA = json.loads(resources.files("pagemend.data").joinpath("document.schema.json").read_text())
INPUTS = [*sorted(CORPUS.glob("*/input.pages.txt")), CASES / "seed" / "input.pages.txt"]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.parent.name)
def test_json_validates_against_the_schema(path):
    data = json.loads(write_json(mend(read_path(str(path)))))
    jsonschema.validate(data, SCHEMA)
    assert len(data["pages"]) == len(path.read_text(encoding="utf-8").rstrip("\f").split("\f"))


def test_seed_json_has_one_page():
    data = json.loads(write_json(mend(read_path(str(CASES / "seed" / "input.pages.txt")))))
    assert [page["index"] for page in data["pages"]] == [0]


def test_schema_rejects_a_block_without_spans():
    data = json.loads(write_json(mend(read_path(str(CASES / "seed" / "input.pages.txt")))))
    data["blocks"][0]["spans"] = []
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_json_note_references_carry_their_note_pages_and_labels():
    data = json.loads(write_json(mend(read_path(str(CASES / "endnotes-section" /
                                                    "input.pages.txt")))))
    refs = [ref for block in data["blocks"] for ref in block["notes"]]
    assert [(r["note_id"], r["resolved"], r["note_labels"]) for r in refs] == [
        ("1", True, ["88"]), ("2", True, ["88"])
    ]
    seed = json.loads(write_json(mend(read_path(str(CASES / "seed" / "input.pages.txt")))))
    unresolved = [ref for block in seed["blocks"] for ref in block["notes"]]
    assert [(r["note_id"], r["resolved"], r["note_pages"]) for r in unresolved] == [
        ("68", False, []), ("69", False, [])
    ]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.parent.name)
def test_json_reads_back_into_the_same_document(path):
    from pagemend.writers.json import read_json
    from pagemend.writers.markdown import write_markdown

    doc = mend(read_path(str(path)))
    again = read_json(write_json(doc))
    assert write_markdown(again) == write_markdown(doc)
    assert write_markdown(again, page_markers=True) == write_markdown(doc, page_markers=True)
    assert write_json(again) == write_json(doc)
    assert again.decisions == doc.decisions


def test_the_schema_names_every_decision_field():
    import json as json_module
    from pathlib import Path

    from pagemend.model import DECISION_FIELDS

    schema = json_module.loads((Path(__file__).resolve().parents[2] / "src" / "pagemend" / "data"
                                / "document.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["decision"]["properties"]["field"]["enum"] == list(DECISION_FIELDS)


@pytest.mark.parametrize("case", ["seed", "note-continued-over-page", "two-columns-pdf"])
def test_streamed_json_is_the_one_shot_json(case: str) -> None:
    """The writer streams a block at a time; the bytes are json.dumps' of the whole."""
    from pagemend.writers.json import document_to_dict, json_chunks

    path = next((CASES / case).glob("input.*"))
    doc = mend(read_path(str(path)))
    chunks = list(json_chunks(doc))
    assert len(chunks) > len(doc.blocks)
    assert "".join(chunks) == json.dumps(document_to_dict(doc), ensure_ascii=False,
                                         indent=1) + "\n"


@pytest.mark.parametrize("source", ["chesterfield-odt/input.pages.txt", "hume-groff/input.pdf"])
def test_the_item_templates_write_what_json_dumps_writes(source):
    """The fast templates for blocks, edits and decisions hold the fields of the dictionaries
    the writer builds (one list of fields kept in two places: this pins them together)."""
    from pagemend.writers import json as writer

    pytest.importorskip("pypdfium2")
    doc = mend(read_path(str(CORPUS / source)))
    places = writer._note_places(doc)

    def dumped(item):
        return json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n  ")

    assert doc.edits and doc.decisions
    assert any(block.notes for block in doc.blocks)
    assert source.endswith(".txt") or any(block.marks for block in doc.blocks)  # (PDF: italics)
    for block in doc.blocks:
        assert writer._block_text(block, places) == dumped(writer._block(block, places))
    for edit in doc.edits:
        assert writer._edit_text(edit) == dumped(writer._edit(edit))
    for decision in doc.decisions:
        assert writer._decision_text(decision) == dumped(writer._decision(decision))
