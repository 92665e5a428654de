from __future__ import annotations

import pytest

from helpers import make_doc
from pagemend.pipeline import mend
from pagemend.stages.normalize_characters import NormalizeCharactersConfig, normalize_characters
from pagemend.verify import rebuild

CONFIG = NormalizeCharactersConfig()


def normalized(text: str) -> list[str]:
    return [line.text for line in normalize_characters(make_doc(text), CONFIG).lines()]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("ac\u2010\ncomplish", ["ac-", "complish"]),  # WeasyPrint's U+2010
        ("non\u2011stop", ["non-stop"]),
        ("under\u00ad\nstand", ["under-", "stand"]),  # soft hyphen at a line end is printed
        ("under\u00adstand", ["understand"]),  # elsewhere it is invisible
        ("Nan\ufffetucket", ["Nan-", "tucket"]),  # pdfium's line-end hyphen
        ("\ufb01nal e\ufb00ort", ["final effort"]),
        ("M.\u00a0Barbicane\u202f:", ["M. Barbicane :"]),
        ("zero\u200bwidth", ["zerowidth"]),
        ("Cafe\u0301", ["Café"]),  # NFC
        ("  indented  ", ["indented"]),
    ],
)
def test_normalize_characters(source, expected):
    assert normalized(source) == expected


def test_normalize_characters_keeps_indent_and_records_edits():
    doc = normalize_characters(make_doc("\t  x\u2010y "), CONFIG)
    line = next(doc.lines())
    assert (line.text, line.indent) == ("x-y", 3)
    assert [e.action for e in doc.edits] == ["strip_trailing_space", "strip_indent", "fold_hyphen"]
    assert all(e.stage == "normalize_characters" for e in doc.edits)


def test_normalize_characters_edits_rebuild_the_input():
    source = " \ufb01ne\u00a0\u2010 x\u00ad\nCafe\u0301\u200b \fp\u2011q"
    assert rebuild(mend(make_doc(source))) == source


def test_normalize_characters_leaves_quotes_and_dashes():
    assert normalized("“Yes”—he said – ‘no’") == ["“Yes”—he said – ‘no’"]


def test_an_ascii_text_is_asked_for_the_ascii_special_characters_alone():
    """``_is_clean`` and the stage ask an ASCII text only ``_holds_ascii_special``: it finds
    every ASCII character ``_SPECIAL`` finds (fails when one is dropped from
    ``_ASCII_SPECIALS``), and an ASCII text is NFC (every pair of ASCII characters is)."""
    import unicodedata

    from pagemend.stages.normalize_characters import _SPECIAL, _holds_ascii_special

    for code in range(128):
        assert _holds_ascii_special(chr(code)) == bool(_SPECIAL.search(chr(code))), code
    assert all(unicodedata.is_normalized("NFC", chr(a) + chr(b))
               for a in range(128) for b in range(128))
