from __future__ import annotations

from helpers import CASES, make_doc
from pagemend.pipeline import mend
from pagemend.readers import read_path

PROSE = "and the chances are always greatly in favour of his finding a better word"


def kinds(*lines: str) -> list[tuple[str, str]]:
    doc = mend(make_doc("\n".join(lines)))
    return [(b.kind, b.text) for b in doc.blocks]


def test_quoted_verse_keeps_its_lines():
    blocks = kinds(*[PROSE] * 6, "means of directing it to my favourite subjects",
                   "Of providence, fore-knowledge, will, and fate,",
                   "Fixed fate, free will, fore-knowledge absolute,",
                   "And found no end in wandering mazes lost.", f"This {PROSE}", PROSE)
    assert ("verse", "Of providence, fore-knowledge, will, and fate,\nFixed fate, free will, "
            "fore-knowledge absolute,\nAnd found no end in wandering mazes lost.") in blocks


def test_stanzas_are_separated_by_a_blank_line():
    blocks = kinds(*[PROSE] * 6, "Hier onder leyd de moer en vaar", "En d’ongebooren bij malkaar,",
                   "", "Zij was de wieg uws rijles,", "En nu uw rustplaats tot de dood,",
                   *[PROSE] * 2)
    assert [k for k, _ in blocks].count("verse") == 2


def test_dialogue_is_not_verse():
    blocks = kinds(*[PROSE] * 6, "“Bah!” said Scrooge.", "“Humbug!”",
                   "“Uncle!” pleaded the nephew.", *[PROSE] * 2)
    assert all(kind != "verse" for kind, _ in blocks)


def test_a_heading_in_capitals_is_not_verse():
    blocks = kinds(*[PROSE] * 6, "BUSINESS SUCCESS AND FIRST PUBLIC", "SERVICE", *[PROSE] * 2)
    assert all(kind != "verse" for kind, _ in blocks)


def test_verse_decisions_are_recorded_with_their_rules():
    doc = mend(make_doc("\n".join([*[PROSE] * 6, "Hier onder leyd de moer en vaar",
                                   "En d’ongebooren bij malkaar,", "",
                                   "Zij was de wieg uws rijles,",
                                   "En nu uw rustplaats tot de dood,", *[PROSE] * 2])))
    decisions = [(d.line, d.field, d.rule) for d in doc.decisions if d.stage == "detect_verse"]
    assert [line for line, field, _ in decisions if field == "kind"] == [6, 7, 9, 10]
    assert {(line, rule) for line, field, rule in decisions if field == "starts_block"} == {
        (6, "detect_verse.stanza_start"), (9, "detect_verse.stanza_start")}
    assert {rule for _, field, rule in decisions if field == "kind"} == {
        "detect_verse.short_lines_run"}


def test_wrapped_lines_and_attributions_are_recorded_with_their_rules():
    doc = mend(read_path(str(CASES / "verse-wrapped-in-narrow-column" / "input.pages.txt")))
    rules = {(d.rule, d.field) for d in doc.decisions if d.stage == "detect_verse" and d.fired}
    assert {("detect_verse.wrapped_line", "wraps"), ("detect_verse.attribution", "starts_block"),
            ("detect_verse.short_lines_run", "kind")} <= rules
    stanzas = [b.text for b in doc.blocks if b.kind == "verse"]
    assert stanzas[1].split("\n")[2] == "And rings the debtor's merriment,"


def test_a_page_set_line_by_line_is_verse_in_equal_stanzas():
    doc = mend(read_path(str(CASES / "verse-page-set-line-by-line" / "input.pages.txt")))
    rules = {d.rule for d in doc.decisions if d.stage == "detect_verse" and d.fired}
    assert {"detect_verse.line_set_page", "detect_verse.equal_stanzas"} <= rules
    assert [len(b.text.split("\n")) for b in doc.blocks if b.kind == "verse"][:2] == [4, 4]


def test_a_prose_line_short_of_its_callouts_is_not_wrapped_verse():
    # printings dta-treviranus-1802 p. 168: callouts set in the text take room in the line;
    # without them, three lines of a list of names looked like a wrapped verse line
    notes = [f"({label}) Observations, vol. {n}, p. {n * 7}." for n, label in enumerate("abcdefgh")]
    blocks = kinds(*[PROSE] * 20, "in the hedges. These were found by Lister(a) and Ray(b) in the",
                   "Malpighi(c), Grew(d), Hales(e), Dutrochet and Bon-",
                   "net(f) in the leaves, Knight(g), Senebier and Ingenhousz(h),",
                   "Saussure and Sachs in the roots of the trees.", *notes)
    assert all(kind != "verse" for kind, _ in blocks)


def test_a_near_full_verse_line_that_broke_its_sentence_is_followed_by_the_last_line():
    # printings dta-gottsched-1730, dta-pueckler-1830: the last line of alexandrines set near
    # the full width follows a line that had no room for its first word
    verse = ["Der Morgen steigt herauf und färbt die stillen Höhen mit Gold,",
             "Die Lerche singt im Feld, der Hirte treibt die Herde fort,",
             "Der Bach läuft durch das Thal und rauscht an manchem Ort,",
             "Und alles, was da lebt, erwacht in seiner Pracht und seiner Zierde hold,",
             "Bis Abends Ruh und Schlaf die müden Glieder bindet."]
    blocks = kinds(*[PROSE] * 12, "Davon singt ein Dichter in seinem Lied vom Landleben also:",
                   *verse, f"Hier {PROSE}", *[PROSE] * 3)
    assert ("verse", "\n".join(verse)) in blocks


def test_a_verse_line_before_a_long_first_word_does_not_end_the_poem():
    # printings dta-gottsched-1730: `In senium; | Iongoque togae tranquillior vsu,` had no
    # room for `Dedidicit`; the poem goes on with lines as short as verse
    verse = ["Der Morgen steigt herauf und färbt die stillen Höhen,",
             "Die Lerche singt im Feld, der Hirte treibt die Herde aus dem Stall,",
             "Unaufhaltsam läuft der Bach durch Wiesen,",
             "Und alles, was da lebt, erwacht in Pracht und Zierde schön."]
    blocks = kinds(*[PROSE] * 12, "Davon singt ein Dichter in seinem Lied vom Landleben also:",
                   *verse, f"Hier {PROSE}", *[PROSE] * 3)
    assert ("verse", "\n".join(verse)) in blocks
