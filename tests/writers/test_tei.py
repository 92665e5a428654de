from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from pagemend.writers.tei import write_tei
from writers.conftest import INPUTS

SCHEMA = Path(__file__).parent / "schemas" / "teisimple.rng"
TEI = "{http://www.tei-c.org/ns/1.0}"


def tool(name):
    """The path of a validator; in CI (.ci/run installs it) its absence fails the test."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed: .ci/run installs it")
        pytest.skip(f"{name} is not installed (apt-get install -y {name})")
    return found


#: cases also mended from their PDF: italics (amnotes) and small capitals (montaigne) as hi
TEI_FROM_PDF = ["amnotes-groff", "montaigne-latex"]


def test_tei_of_every_case_validates_against_tei_simple(tmp_path, mended):
    jing = tool("jing")
    files = []
    pdfs = [path.with_name("input.pdf") for path in INPUTS if path.parent.name in TEI_FROM_PDF]
    for path in [*INPUTS, *pdfs]:
        doc = mended(path)
        for furniture in (False, True):  # with fw and lb, and without
            out = tmp_path / f"{path.parent.name}-{path.suffix[1:]}-{int(furniture)}.tei.xml"
            out.write_text(write_tei(doc, furniture=furniture, hyphens=furniture),
                           encoding="utf-8")
            files.append(str(out))
    result = subprocess.run([jing, str(SCHEMA), *files], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout[:3000]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.parent.name)
def test_tei_has_a_labelled_pb_for_every_page_and_refs_resolve(path, mended):
    doc = mended(path)
    root = etree.fromstring(write_tei(doc, furniture=True).encode("utf-8"))
    pbs = root.iter(f"{TEI}pb")
    labels = {p.index: p.label for p in doc.pages}
    seen = set()
    for pb in pbs:
        number = int(pb.get("{http://www.w3.org/XML/1998/namespace}id").removeprefix("page-"))
        assert pb.get("n") == labels[number]
        seen.add(number)
    assert {span.page for block in doc.blocks for span in block.spans} <= seen
    ids = set(root.xpath("//@xml:id"))
    targets = [t[1:] for t in root.xpath("//tei:ref/@target", namespaces={"tei": TEI[1:-1]})]
    assert set(targets) <= ids
    for note in root.iter(f"{TEI}note"):
        assert note.get("place") in ("bottom", "end")
    furniture = sum(len(p.furniture) for p in doc.pages)
    assert len(list(root.iter(f"{TEI}fw"))) <= furniture
