"""The lexicon's shortcut for unknown words gives wordfreq's own answer."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pyphen
import pytest
import wordfreq

from pagemend.hyphenation import frequencies, lexicon
from pagemend.stages.detect_language import CANDIDATES


def _pieces(lang: str) -> list[str]:
    """Known words, their halves (the pieces the word-space and hyphen tests look up) and
    random letter strings."""
    known = wordfreq.top_n_list(lang, 3000)
    pieces = [word[: len(word) // 2] for word in known] + [word[1:] for word in known]
    rng = random.Random(lang)
    letters = string.ascii_lowercase + "äöüßéèêàçñøåæœłźżśąęóı" + "ÄÉ"
    noise = ["".join(rng.choices(letters, k=rng.randint(1, 9))) for _ in range(3000)]
    decomposed = ["cafe\u0301", "u\u0308ber", "stra\u00dfe", "ǆungla", "ﬁne"]
    tokens = ["περιοδικὴν", "ΣΟΦΊΑ", "λόγος", "ς", "привет", "abcπ", "Straße", "groß", "1914",
              "3rd", "x12y", "co-operate", "don't", "Ǆ", "ﬂ", "ΣΑΣ", "ἐπικουρείων", "l’eau"]
    return known + pieces + noise + decomposed + tokens + [
        "Der", "ÄRGER", "naïve", "x1", "l'eau", ""]


@pytest.mark.parametrize("lang", CANDIDATES)
def test_zipf_equals_wordfreq(lang: str) -> None:
    lexicon.zipf.cache_clear()
    words = _pieces(lang)
    ours = [lexicon.zipf(word, lang) for word in words]
    theirs = [float(wordfreq.zipf_frequency(word, lang)) for word in words]
    assert ours == theirs
    assert sum(1 for value in ours if value == 0.0) > 100  # the shortcut was taken


def test_words_of_several_tokens_need_no_dictionary_of_wordfreq(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Words wordfreq tokenises (Greek, ``ß``, capitals, digits) are looked up in the table,
    token by token: wordfreq's dictionary of every word of the language is never built."""

    def refused(*arguments: object) -> None:
        raise AssertionError("wordfreq's dictionary was built")

    expected = {word: float(wordfreq.zipf_frequency(word, "de")) for word in
                ["λόγος", "Straße", "groß", "1914", "x12y", "l'eau", "Der"]}
    monkeypatch.setattr(wordfreq, "get_frequency_dict", refused)
    lexicon.zipf.cache_clear()
    assert {word: lexicon.zipf(word, "de") for word in expected} == expected
    assert expected["Straße"] > 4


def test_each_language_is_its_own_closest_match() -> None:
    """wordfreq finds a language's list by the closest match of its code: for the codes of
    the tables that is the code itself."""
    import langcodes

    codes = list(frequencies.available_languages())
    assert all(langcodes.closest_match(code, codes, max_distance=60)[0] == code
               for code in codes)


def test_unknown_language_has_no_frequencies() -> None:
    assert lexicon.zipf("the", "xx") == 0.0


def test_languages_found_as_wordfreq_finds_them() -> None:
    from wordfreq.language_info import get_language_info

    found = frequencies.available_languages()
    assert {lang: str(path) for lang, path in found.items()} == wordfreq.available_languages()
    segmented = {lang for lang in found if get_language_info(lang)["tokenizer"] != "regex"}
    assert segmented == lexicon.SEGMENTED
    plain = {"tokenizer": "regex", "normal_form": "NFC", "remove_marks": False,
             "dotless_i": False, "diacritics_under": None, "transliteration": None,
             "lookup_transliteration": None}
    prepared = {lang for lang in found if any(
        get_language_info(lang)[key] != value for key, value in plain.items())}
    assert prepared == lexicon.PREPARED


#: languages of each kind: detected ones, others of the Latin, Greek and Cyrillic alphabets,
#: ones wordfreq prepares otherwise (lexicon.PREPARED)
TOKEN_LANGUAGES = [*CANDIDATES, "el", "ru", "cs", "vi", "hu", "ro", "tr", "ar", "he", "sh"]


def _alphabet_words() -> list[str]:
    """Words, capitalised and upper-case words and word pieces of Latin, Greek and Cyrillic
    languages, every letter of the three alphabets' blocks alone, and random strings of
    them with a few letters of other scripts."""
    words: list[str] = []
    for lang in ["el", "ru", "uk", "en", "de", "pl", "cs", "vi", "tr", "ro"]:
        top = wordfreq.top_n_list(lang, 300)
        words += top + [word.capitalize() for word in top] + [word.upper() for word in top[:100]]
        words += [word[: len(word) // 2] for word in top] + [word[1:] for word in top]
    letters = [chr(code) for code in [*range(0xAA, 0x250), *range(0x370, 0x500),
                                      *range(0x1E00, 0x2000)] if chr(code).isalpha()]
    # and letters of other scripts among them (Hebrew, Armenian, Arabic, Han, Thai,
    # Devanagari), which the shortcut must leave to wordfreq's tokenizer
    letters += list("אבגաբգابت中文กขअक")
    rng = random.Random(7)
    return words + letters + ["".join(rng.choices(letters, k=rng.randint(2, 6)))
                              for _ in range(1500)]


@pytest.mark.parametrize("lang", TOKEN_LANGUAGES)
def test_one_token_words_look_up_as_wordfreq(lang: str) -> None:
    """Words the lexicon looks up without wordfreq's tokenizer (``_token``: Latin, Greek and
    Cyrillic letters, case-folded) have wordfreq's frequency, in every kind of language."""
    lexicon.zipf.cache_clear()
    words = _alphabet_words()
    assert sum(lexicon._token(word, lang) is not None for word in words) > len(words) // 2 or (
        lang in lexicon.PREPARED)
    assert [lexicon.zipf(word, lang) for word in words] == [
        float(wordfreq.zipf_frequency(word, lang)) for word in words]
    lexicon.zipf.cache_clear()


@pytest.mark.parametrize("lang", ["en", "de", "pl"])
def test_bins_give_wordfreqs_zipf(lang: str) -> None:
    """Every bin's Zipf value is wordfreq's for a word of that bin."""
    for index, bucket in enumerate(wordfreq.get_frequency_list(lang)):
        word = next((word for word in bucket if lexicon._token(word, lang) == word), None)
        if word is not None:
            assert frequencies.zipf_of_bin(index) == wordfreq.zipf_frequency(word, lang), word


def _sample(lang: str) -> list[str]:
    table = wordfreq.get_frequency_dict(lang)
    rng = random.Random(lang)
    return rng.sample(sorted(table), 3000) + _pieces(lang)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_cache_file_answers_as_the_dictionary(lang: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The table read from its cache file by bisection knows each word's bin as wordfreq's
    own table does."""
    monkeypatch.setenv("PAGEMEND_CACHE", str(tmp_path))
    frequencies.table_of.cache_clear()
    built = frequencies.table_of(lang)  # writes the cache file
    frequencies.table_of.cache_clear()
    mapped = frequencies.table_of(lang)
    frequencies.table_of.cache_clear()
    assert built is not None and mapped is not None and list(tmp_path.iterdir())
    truth = wordfreq.get_frequency_dict(lang)
    words = _sample(lang)
    for word in words:
        found = mapped.bin(word)
        assert found == built.bin(word)
        assert (found is None) == (word not in truth), word
        if found is not None:
            assert 10 ** (-found / 100) == truth[word]


def test_a_damaged_cache_file_is_written_again(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGEMEND_CACHE", str(tmp_path))
    frequencies.table_of.cache_clear()
    frequencies.table_of("da")
    (cached,) = tmp_path.iterdir()
    cached.write_bytes(cached.read_bytes()[:1000])
    frequencies.table_of.cache_clear()
    table = frequencies.table_of("da")
    frequencies.table_of.cache_clear()
    assert table is not None and table.bin("og") is not None
    assert frequencies.Table(path=cached).bin("og") == table.bin("og")


@pytest.mark.parametrize("lang", [*CANDIDATES, "hu"])
def test_kept_patterns_hyphenate_as_pyphen(lang: str, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The patterns read back from their cache file (and those parsed on the way to it)
    allow the hyphens pyphen's own dictionary allows."""
    import pyphen

    monkeypatch.setenv("PAGEMEND_CACHE", str(tmp_path))
    own = pyphen.Pyphen(lang=lang)
    words = [word for word in _pieces(lang) if word.isalpha()]
    prefixes = frozenset(key[:end] for key in own.hd.patterns for end in range(1, len(key) + 1))
    for _ in range(2):  # written, then read
        lexicon._patterns.cache_clear()
        found = lexicon._patterns(lang)
        assert found is not None
        ours, kept_prefixes = found
        assert [list(ours.positions(word)) for word in words] == [
            list(own.positions(word)) for word in words]
        assert kept_prefixes == prefixes
    lexicon._patterns.cache_clear()


def test_a_new_cache_file_replaces_those_of_other_installs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reinstall of wordfreq or pyphen gives their data files a new time, so a new cache
    file name: the files of the old install are removed when the new one is written (they
    piled up, 15 MB a German word list), those of other languages are kept."""
    monkeypatch.setenv("PAGEMEND_CACHE", str(tmp_path))
    frequencies.table_of.cache_clear()
    lexicon._patterns.cache_clear()
    frequencies.table_of("da")
    lexicon._patterns("da")
    written = sorted(path.name for path in tmp_path.iterdir())
    assert [name.split("-")[0] for name in written] == ["pyphen", "wordfreq"]
    stale = [name.replace("-v", "1-v") for name in written] + [
        "pyphen-hyph_da_DK-1-2.marshal", "wordfreq-small_xx-1-2-v3.bin"]
    for name in stale:
        (tmp_path / name).write_bytes(b"old")
    for name in written:
        (tmp_path / name).unlink()
    frequencies.table_of.cache_clear()
    lexicon._patterns.cache_clear()
    assert frequencies.table_of("da") is not None and lexicon.has_patterns("da")
    kept = "wordfreq-small_xx-1-2-v3.bin"
    assert sorted(path.name for path in tmp_path.iterdir()) == [*written, kept]
    frequencies.table_of.cache_clear()
    lexicon._patterns.cache_clear()


@pytest.mark.parametrize("lang", CANDIDATES)
def test_legal_break_equals_pyphen(lang: str) -> None:
    """The pattern search that stops where no pattern begins finds pyphen's own breaks."""
    if not lexicon.has_patterns(lang):
        pytest.skip(f"pyphen has no patterns for {lang}")
    dictionary = pyphen.Pyphen(lang=pyphen.language_fallback(lang))
    lexicon.legal_break.cache_clear()
    for word in [*_pieces(lang)[:4000], "Straße", "İstanbul", "ÆGIS", "naïve", "x", ""]:
        breaks = set(dictionary.positions(word))
        assert [lexicon.legal_break(word, at, lang) for at in range(-1, len(word) + 2)] == [
            at in breaks for at in range(-1, len(word) + 2)], word
