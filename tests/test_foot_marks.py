"""Catchwords and signature marks at the foot of older printings' pages (issue 17)."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from pagemend.foot_marks import catchword_opens, foot_marks, signature_parts, title_sheet
from pagemend.model import Document
from pagemend.readers import read_text

PROSE = "ein Satz, der so lang ist wie eine volle Zeile im Buche"


def _doc(*pages: list[str]) -> Document:
    return read_text("\f".join("\n".join(lines) for lines in pages))


def test_a_hyphenated_catchword_is_the_syllable_the_next_page_opens_with():
    assert catchword_opens("tra-", ["12 Head", "ctiren und"]) is False
    assert catchword_opens("cti-", ["12 Head", "ctiren und"]) is True
    assert catchword_opens("und", ["und so"]) is True
    assert catchword_opens("und", ["unding"]) is False  # a word, not a part of one
    assert catchword_opens("ein langer Satz hier", ["ein langer Satz hier"]) is False


def test_signature_shapes():
    assert signature_parts("A 2") == ("A", 2)
    assert signature_parts("D d 2") == ("D", 2)
    assert signature_parts("B ij") == ("B", 2)
    assert signature_parts("17*") == ("17", 0)
    assert signature_parts("A 1") is None  # the first leaf is signed by its letter alone
    assert signature_parts("Am Ende") is None
    assert title_sheet("Briefe eines Verstorbenen. I. 17") == "17"
    assert title_sheet("17") is None


def test_catchwords_need_the_next_page_and_signatures_a_sibling():
    pages = [[PROSE, PROSE, "Hause"], [PROSE.replace("ein", "Hause", 1), PROSE, "B", "Und"],
             ["Und " + PROSE, PROSE, "Zeile"], ["Zeile " + PROSE, PROSE, "B"],
             ["Ende " + PROSE, PROSE]]
    marks = foot_marks(_doc(*pages))
    assert marks.catchword(0, 2) is not None
    assert marks.catchword(3, 2) is None  # `B` opens no line of the next page
    assert marks.signature(3, 2) is None  # and no other mark of sheet B stands near it


def test_one_page_ending_as_the_next_begins_is_a_coincidence():
    pages = [[PROSE, "Hause."], ["Hause. " + PROSE, PROSE], [PROSE, PROSE], [PROSE, PROSE]]
    assert foot_marks(_doc(*pages)).catchwords == {}


def test_the_last_page_prints_a_catchword_where_the_others_do():
    pages = [[PROSE, "Wort"], ["Wort " + PROSE, "Satz"], ["Satz " + PROSE, "Ende"]]
    marks = foot_marks(_doc(*pages))
    assert marks.catchword(2, 1) is not None
    assert foot_marks(_doc([PROSE, "Wort"], [PROSE, "Ende"])).catchword(1, 1) is None


_SHEET = st.sampled_from(string.ascii_uppercase)
_ROMAN_LEAVES = {"ij": 2, "iij": 3, "iv": 4, "v": 5, "vj": 6, "vij": 7, "viij": 8}


@settings(max_examples=300)
@given(sheet=_SHEET, leaf=st.integers(2, 99), roman=st.sampled_from(sorted(_ROMAN_LEAVES)),
       number=st.integers(1, 999), pad=st.sampled_from(["", " ", "\t"]),
       shape=st.sampled_from(["{s}", "{s} {l}", "{s} {n}", "{s}{n}", "{s} {l} {n}", "{s} {r}",
                              "{s} {l} {r}", "{k}*"]))
def test_signature_parts_reads_every_shape_of_mark(*, sheet: str, leaf: int, shape: str,
                                                   roman: str, number: int, pad: str) -> None:
    """Every shape of signature mark is read, whatever the cheap test before the patterns
    (a sheet letter alone or before a space or digit, or a sheet number, opens each)."""
    text = pad + shape.format(s=sheet, l=sheet.lower(), n=leaf, r=roman, k=number) + pad
    expected = ((str(number), 0) if shape == "{k}*"
                else (sheet, _ROMAN_LEAVES[roman]) if "{r}" in shape
                else (sheet, leaf) if "{n}" in shape else (sheet, 1))
    assert signature_parts(text) == expected, text
