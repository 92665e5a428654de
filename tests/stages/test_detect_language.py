from __future__ import annotations

from collections import Counter

import pytest

from helpers import CORPUS, make_doc
from pagemend.readers import read_path
from pagemend.stages.detect_language import DetectLanguageConfig, detect_language, guess
from pagemend.stages.measure_document import words


@pytest.mark.parametrize(
    ("case", "lang"),
    [("verwandlung-xelatex", "de"), ("terrelune-weasy", "fr"), ("zaan-odt", "nl"),
     ("walden-groff", "en")],
)
def test_detect_language_on_the_corpus(case, lang):
    doc = detect_language(read_path(str(CORPUS / case / "input.pages.txt")),
                          DetectLanguageConfig())
    assert doc.meta.lang == lang


def test_config_language_wins():
    doc = detect_language(make_doc("the cat sat on the mat and the dog"),
                          DetectLanguageConfig(lang="fr"))
    assert doc.meta.lang == "fr"


def test_unknown_language_stays_unknown():
    assert guess(Counter(words("xq zzv prrt kwl mnbv xq zzv prrt"))) is None
