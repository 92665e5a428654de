"""Language evidence: lexicon, patterns and per-language rules (issue 8)."""

from __future__ import annotations

import pytest

from helpers import make_doc
from pagemend.cli import main
from pagemend.hyphenation import HyphenSite
from pagemend.hyphenation.sources import (
    Context,
    compound_continues,
    enclitic,
    hyphenation_point,
    lexicon,
    prefix_rule,
    suspended_hyphen,
)
from pagemend.pipeline import mend


def context(lang: str | None) -> Context:
    return Context(word_counts={}, compound_prefixes={}, lang=lang)


@pytest.mark.parametrize(
    ("site", "lang", "decision"),
    [
        (HyphenSite("de", "fend"), "en", "join"),  # a common word
        (HyphenSite("musket", "shots"), "en", "keep"),  # two words, no word joined
        (HyphenSite("Hafen", "laterne"), "de", None),  # German writes compounds closed
        (HyphenSite("über", "dies"), "de", "join"),
        (HyphenSite("de", "fend"), None, None),  # no language, no lexicon
    ],
)
def test_lexicon(site, lang, decision):
    vote = lexicon(site, context(lang))
    assert (vote.decision if vote else None) == decision


@pytest.mark.parametrize(
    ("source", "site", "lang", "decision"),
    [
        (suspended_hyphen, HyphenSite("Oliven", "und", right_token="und"), "de", "keep"),
        (suspended_hyphen, HyphenSite("vracht", "en", right_token="en"), "nl", "keep"),
        (suspended_hyphen, HyphenSite("pre", "and", right_token="and"), "en", "keep"),
        (enclitic, HyphenSite("dit", "il", right_token="il,"), "fr", "keep"),
        (enclitic, HyphenSite("celui", "ci", right_token="ci"), "fr", "keep"),
        (prefix_rule, HyphenSite("demi", "heure"), "fr", "keep"),
        (compound_continues, HyphenSite("vijf", "en", right_token="en-twintigjarige"), "nl",
         "keep"),
        (compound_continues, HyphenSite("ad", "mettra", right_token="mettra-t-on"), "fr", None),
        (hyphenation_point, HyphenSite("de", "fend"), "en", "join"),
        (hyphenation_point, HyphenSite("def", "end"), "en", None),
    ],
)
def test_language_rules(source, site, lang, decision):
    vote = source(site, context(lang))
    assert (vote.decision if vote else None) == decision


@pytest.mark.parametrize("sign", ["-", "\u00ad", "\u2010", "\ufffe", "¬", "⸗", "="])
def test_every_hyphen_form_is_decided(sign):
    doc = mend(make_doc(f"we had to de{sign}\nfend the city"))
    assert doc.blocks[0].text == "we had to defend the city"


def test_lang_changes_the_decision_where_languages_disagree():
    text = "The old house had a gold-\nrand on every plate and cup.\n"
    english = mend(make_doc(text), {"detect_language": {"lang": "en"}})
    german = mend(make_doc(text), {"detect_language": {"lang": "de"}})
    assert "gold-rand" in english.blocks[0].text
    assert "goldrand" in german.blocks[0].text


def test_unknown_language_says_so_in_the_edit():
    doc = mend(make_doc("xq zzv de-\nfend"), {"detect_language": {"lang": "xx"}})
    edit = next(e for e in doc.edits if e.stage == "join_hyphenated_words")
    assert "no lexicon for language xx: document evidence and rules only" in edit.reason


def test_explain_flagged_lists_only_flagged_sites(tmp_path, capsys):
    source = tmp_path / "in.txt"
    source.write_text("a vijf-\nen-twintigjarige man, to de-\nfend\n", encoding="utf-8")
    assert main(["explain", str(source), "--flagged", "--lang", "nl"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "FLAGGED" in out[0] and "vijf-|en-twintigjarige" in out[0]


def test_cli_lang_option(tmp_path, capsys):
    source = tmp_path / "in.txt"
    source.write_text("The old house had a gold-\nrand on every plate.\n", encoding="utf-8")
    assert main([str(source), "--lang", "de"]) == 0
    assert "goldrand" in capsys.readouterr().out


def test_an_older_inflected_form_is_found_by_its_stem():
    """Printings (Gottsched): the dative `Handbuche` is rare today; `Handbuch` is a word."""
    vote = lexicon(HyphenSite("Hand", "buche"), context("de"))
    assert vote is not None and vote.decision == "join" and "handbuch" in vote.detail
    assert lexicon(HyphenSite("En", "de"), context("de")).decision == "join"  # type: ignore[union-attr]


def test_a_compound_the_document_writes_whole_joins_before_its_inner_hyphen():
    """Printings (Abel): `To-` / `den-Träger`, where the book writes `Toden-Träger`."""
    site = HyphenSite("To", "den", right_token="den-Träger")
    assert compound_continues(site, context("de")).decision == "keep"  # type: ignore[union-attr]
    known = Context(word_counts={"toden-träger": 2}, compound_prefixes={}, lang="de")
    assert compound_continues(site, known).decision == "join"  # type: ignore[union-attr]
