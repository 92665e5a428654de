"""detect_headings: chapter, part and section headings, with levels, from text (and size).

A heading is a short body line at a block boundary (the top of a page, after a line that ends
a paragraph, or after another heading) that is one of:

- a numbered division: a division word and a numeral (``CHAPTER XXVI.``, ``Stave One``,
  ``SECTION X``, ``Erstes Kapitel``), optionally with a title after a separator, or a numeral
  alone (``VIII``, ``I.``, ``§ 12``);
- an arabic number with its full stop alone (``4.``): a numbered piece of a collection;
- a capital letter alone over an entry whose word in capitals begins with it (``A`` over
  ``ABASEMENT, n.``): a dictionary's letter section;
- a line in capitals (``PREFACE``, ``OF MIRACLES.``, ``LE GUN-CLUB``) followed by the start
  of a block;
- a title-case line without sentence punctuation (``War Crisis and the Collectivization of
  Agriculture``) followed by the start of a paragraph; a full stop is allowed at the top of a
  page (``De Zaan en Waterland.``). A short line that continues it (``and Militarization of
  Labor``, or a capital after a line cut at a short word) belongs to the same heading.

Older printings add: a section sign with its stop (``§. 15.``, ``§. 45. und 46.``) labels a
title like a numeral; ordinals and division words in old spellings (``Das ander Buch.``,
``Zweyter Abschnitt.``, ``Das II. Capitel.``, ``Zwei und dreißigster Brief.``, data/headings);
short lines without a stop above a label are its stacked title (``Der`` / ``Transscendentalen
Dialectik`` / ``Zweites Buch.``); a page of a few short lines with a blank page after it is a
part's title page, one heading; a short line with its stop over verse is the verse's subhead
(``Strophe, oder Satz.``). A numeral label never ends a page (it is kept with its section).

Under a division label with no title on its line (``Chapter I.``, ``II``), the lines up to the
first that ends a sentence (at most three; also a title-case line without one) are its title,
in sentence case too (``Le père et le fils.``, ``A short description of squire Allworthy, and
a fuller account of Miss`` / ``Bridget Allworthy, his sister.``), when a paragraph (not another
label) opens after them and they are no synopsis (topics between dashes) or dateline.

Not headings: a quoted line; a line that ends in a number (a dateline ``LONDON, March 6, O. S.
1747``, a citation); a line in mid-page that signs the verse or epigraph above it (``HOBBES``,
``Phela Orm``); numbered lines a few lines apart
(``1. TEMPERANCE`` / ``2. SILENCE.``), a list.

A heading line that runs on (no final punctuation, or a dash) continues onto the next heading
line: ``BUSINESS SUCCESS AND FIRST PUBLIC`` / ``SERVICE`` is one heading; a numeral alone
never runs on (``VIII`` and the title under it are two headings), nor does a line onto one in
another type size, or from capitals onto a title-case line (a subtitle).

Levels form one hierarchy. Consecutive headings form a cluster. A cluster takes the level its
numbering had before (``PART II.`` after ``PART I.``, ``CHAPTER II.`` after ``CHAPTER I.``);
else at the top of a page its first heading is level 1; a numbering first seen in mid-page
opens a division one level under the deepest numbered one seen (``Chapter I.`` after ``BOOK
I.``: level 2); an unnumbered heading in mid-page is a section inside a chapter, level 2; a
numbered piece is level 2, under the collection's title. In the cluster, the title under a
label has the label's level, and a heading stacked under another is one level below it.

Where the reader had geometry, a short body line in type well above the body's is a heading
too (``HEADING_SIZE_RATIO``), at the level of the headings found in its size.

Every heading line's kind, block start and level is recorded as a decision with its rule.

Leaves alone: lines inside verse, and every line that is not a heading.

    >>> from pagemend.readers import read_text
    >>> from pagemend.stages.measure_document import measure_document
    >>> prose = "the struggle was linked to domestic class struggle, to push the revolution on."
    >>> text = "\\n".join(["SECTION X", "OF MIRACLES.", "PART I.", *[prose] * 8,
    ...     "War Crisis and the Collectivization of Agriculture", "and Militarization of Labor",
    ...     "For Mao, " + prose])
    >>> doc = detect_headings(measure_document(read_text(text), None), None)
    >>> [(line.text, line.level) for line in doc.lines() if line.kind == "heading"]
    [('SECTION X', 1), ('OF MIRACLES.', 1), ('PART I.', 2), \
('War Crisis and the Collectivization of Agriculture', 2), ('and Militarization of Labor', 2)]
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass

from pagemend.data.folios import roman_value
from pagemend.data.headings import (
    _KEYWORD,
    BARE_NUMERAL,
    DIVISION,
    DIVISION_RANKS,
    LATIN_LABEL,
    LETTER_LABEL,
    NUMBERED_PIECE,
    ORDINAL_DIVISION,
)
from pagemend.data.punctuation import OPENS_CAPITAL, QUOTE_OPEN
from pagemend.layout import has_room, successors
from pagemend.model import Document, Edit, Line
from pagemend.registry import stage
from pagemend.rules import Changes, Rule, rule

__all__ = ["DetectHeadingsConfig", "detect_headings"]

STAGE = "detect_headings"

#: A heading line is at most this share of the page's full line. The longest heading line
#: of the development corpus (a chapter title in capitals) runs to 0.75 of its full line.
HEADING_MAX_SHARE = 0.8
#: With the reader's geometry, a short body line in type this many times the body's or larger
#: is a heading (the corpus PDFs set their headings at 1.2 to 1.45 times the body's size, and
#: no other line above 1.0).
HEADING_SIZE_RATIO = 1.2
#: ...and a short line in bold type this many times the body's or larger (section heads set
#: in bold at 1.1 times the body: hand-set golden case wide-title-columns-pdf; the bold lines
#: of the corpus PDFs, run-in heads and emphasis, are in the body's own size)
BOLD_HEADING_RATIO = 1.08
#: Under a page that ended with a full line (its paragraph may run on), a title-case line
#: ending in a full stop is a heading only with at least this many capitalised words of four
#: letters or more (`Notes to Chapter I.`), or with every word capitalised (`Die Heroen.`);
#: not a paragraph's last line carried over (`About say.`)
MIN_TITLE_WORDS = 2
#: In a title-case heading at least this share of the words of four letters or more start
#: with a capital (`War Crisis and the Collectivization of Agriculture`: all four do).
TITLE_CASE_SHARE = 0.75
#: A title set under a division label runs to at most this many lines (the longest of the
#: development corpus, in tomjones-groff, to three).
MAX_LABEL_TITLE_LINES = 3
#: ... and to at most this many words (tomjones-groff's longest: 31); a longer run under a
#: label is the chapter's first paragraph.
MAX_LABEL_TITLE_WORDS = 35
#: A short line with its stop under a title line left open finishes the title: at most this
#: share of the full line (glueck's `Röm. Rechts.`: 0.2; a first paragraph's line fills it).
TITLE_END_MAX_SHARE = 0.5
#: A chapter synopsis lists its topics between dashes (five and more in biographia-weasy and
#: beagle-odt); a title under a label has at most this many (`Marseille.—L'arrivée.`).
MAX_TITLE_DASHES = 1
#: An attribution line (`HOBBES`, `Phela Orm`) follows at least this many short lines: the
#: lines of the verse or epigraph it signs (rouge-groff, devils-xelatex).
ATTRIBUTION_AFTER_SHORT = 2
#: Numbered lines at most this many lines apart (`1. TEMPERANCE` … `2. SILENCE.`, with a
#: precept of one to three lines between, franklin-latex OCR) are list items, not headings.
LIST_WINDOW = 6
#: A division label may carry the lines of a stacked title above it (``Der`` /
#: ``Transscendentalen Dialectik`` / ``Zweites Buch.``): at most this many (abel's book title
#: over its first chapter: four) ...
MAX_STACK_LINES = 6
#: ... at the top of a page, a stacked title may fill the measure (abel's narrow page: 0.83)
STACK_TOP_MAX_SHARE = 1.0
#: ... each at most this share of the page's full line (the printings' stacked lines: up to
#: 0.6; set centred, they never fill the measure).
STACK_MAX_SHARE = 0.7
#: A subhead over verse has at most this many words and this share of the full line
#: (gottsched's `Strophe, oder Satz.`: three words, 0.3) and stands over at least this many
#: verse lines, each at most this share of the full line (its odes: 0.4 to 0.6).
SUBHEAD_MAX_WORDS = 4
SUBHEAD_MAX_SHARE = 0.4
SUBHEAD_VERSE_LINES = 3
SUBHEAD_VERSE_MAX_SHARE = 0.7
#: A part's title page holds at most this many lines, each at most this share of the
#: document's full line (gottsched's: five lines, the longest 0.4), and a blank page follows.
TITLE_PAGE_MAX_LINES = 8
TITLE_PAGE_MAX_SHARE = 0.5
#: A heading in sentence case found by its place at the top of a page has at most this many
#: words (realpdf's French and German chapter titles: one to seven) ...
TOP_LINE_MAX_WORDS = 8
#: ... and at most this share of the page's full line; the line under it fills at least
#: this share (a paragraph's first line; the short last line of a paragraph carried over ends
#: in its stop and is not taken).
TOP_LINE_MAX_SHARE = 0.6
TOP_LINE_NEXT_SHARE = 0.8
#: An epigraph right under a chapter heading runs to at most this many lines before the line
#: that signs it (rouge-groff's prose epigraphs: one to three).
EPIGRAPH_MAX_LINES = 4

#: a section number and a title that opens with a capital (`3. Klein-Rusland`, `1.2 Scope`)
_SECTION = re.compile(r"^(?P<number>\d{1,3}(?:\.\d{1,3})*)\.?\s+[\"“‘«»„]?[A-ZÀ-ÞΑ-Ω]")
#: a sentence ends inside the line on a lower-case word and another begins (`Time it an.
#: Remember day.`): prose, no title (`Chapter I. The Harbour`, `Mrs. Smith` end no sentence)
#: an exclamation or question inside the line, the text running on (`Edler Pindar! deine
#: Lieder`): a verse line or speech, no title
_EXCLAIMS = re.compile(r"[!?]\s+[a-zß-ÿ]")
_SENTENCES = re.compile(r"\b[a-zß-ÿ][^\W\d_]*[.!?]\s+[\"“‘«»„]?[A-ZÀ-Þ]")
_CAPITALISED_WORD = re.compile(r"\b[A-ZÀ-Þ][^\W\d_]{3,}")
_TERMINAL = re.compile(r"[.!?:;,]['’\"”»«)]*$")
_SENTENCE_END = re.compile(r"[.!?:;…]['’\"”»«)\]]*(?:\d{1,3}|\^\d{1,3}|[*†‡])?$")
_SENTENCE_STOP = re.compile(r"[.!?]['’\"”»«)]*$")
_RUNS_ON = re.compile(r"[—–-]$")
_QUOTE_CLOSE = re.compile(r"[’”»\"']\W*$")
_INTRODUCES = re.compile(r"[:,]$")
#: a line that ends in a number after a comma is a dateline (`LONDON, March 6, O. S. 1747`)
#: or a citation (`Humaine,' 1862, p. 17.`), not a title (`The Election of 1860` is one)
_ENDS_WITH_NUMBER = re.compile(r",.*\d[.)]?$")
_DASH = re.compile(r"[—–]")
#: a line that opens with a quotation mark, also the closing forms that some books and
#: extractions set at an opening (`”Priest of Unreason`, German `»Wie`)
_QUOTED = re.compile(r"^[‘“«„\"'”»’]")
_LETTER = re.compile(r"^[A-ZÀ-ÖØ-Þ]$")
#: roman and arabic numbers alone, a citation's tail (`XXII. 383.`), not a line in capitals
_REFERENCE = re.compile(r"^[IVXLCDM\d\s.,;:()–—-]+$")
_CAPITALS_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ]{2,}\b")
#: a heading line that ends in a short word (`GENERAL PRINCIPLES OF`) is cut mid-phrase
_ENDS_SHORT_WORD = re.compile(r"(?:^|\s)[^\W\d_]{1,3}$")
#: a title of one capitalised word (`Introduction`, or words an extractor ran together)
_LONE_PARTICLE = re.compile(r"^[a-zß-ÿ]{1,5}$")  # `von`, `de`, `of`, `über`
_ONE_WORD_TITLE = re.compile(r"^[A-ZÀ-ÖØ-Þ][^\W\d_]+$")
#: a line that opens with an item number (`1. TEMPERANCE`)
_ITEM_NUMBER = re.compile(r"^(\d{1,3})\.\s")
#: a first paragraph opens with its first word in capitals (after a drop cap), a title not
_SMALL_CAPS_OPENING = re.compile(r"^[A-ZÀ-ÖØ-Þ]{2,}\s+[a-zß-öø-ÿ]")

MISREAD_NUMERAL = rule(STAGE, "misread_roman_numeral", "OCR reads the I of a roman numeral "
                       "as `l`, `1` or `T` and a last I as `L` (`Il`, `IT`, `XXVIL.`): a line "
                       "that is such a word alone or after a division word, a well-formed roman "
                       "numeral only when so read back, is that numeral.", confirms=True)
#: a line that may hold a misread roman numeral: alone, or after a division word (`CHAPTER`)
_MISREAD_NUMERAL_LINE = re.compile(
    rf"^(?P<keyword>(?i:{_KEYWORD})\s+)?(?P<numeral>[IVXLCDMlT1]{{2,8}})(?P<stop>\.?)$")
_AS_I = str.maketrans("lT1", "III")
#: the last characters a line that ``_MISREAD_NUMERAL_LINE`` matches can have (``$`` matches
#: before a final line break too)
_NUMERAL_ENDS = frozenset("IVXLCDMlT1.\n")
#: the letters of such a numeral
_NUMERAL_LETTERS = frozenset("IVXLCDMlT1")


def _may_end_numeral(text: str) -> bool:
    """The text ends as ``_MISREAD_NUMERAL_LINE`` needs: with a numeral's letter, perhaps a
    full stop after it and a line break after that (a cheap test first).

    >>> [_may_end_numeral(t) for t in ("XXVIL.", "Il\\n", "IT.\\n", "the end.", "")]
    [True, True, True, False, False]
    """
    if text.endswith("\n"):
        text = text[:-1]
    if text.endswith("."):
        text = text[:-1]
    return text[-1:] in _NUMERAL_LETTERS


def read_back_numeral(text: str) -> str | None:
    """The roman numeral an OCR misreading stands for, or None where the line is none.

    >>> [read_back_numeral(t) for t in ("Il", "IT", "CHAPTER XXVIL.", "XXVII", "It", "Ill")]
    ['II', 'II', 'CHAPTER XXVII.', None, None, 'III']
    """
    match = _MISREAD_NUMERAL_LINE.match(text)
    if not match or (match["keyword"] and not match["keyword"][0].isupper()):
        return None
    numeral = match["numeral"]
    if not numeral[0].isupper() or roman_value(numeral):
        return None
    for read in (numeral.translate(_AS_I), numeral.translate(_AS_I)[:-1] + "I"):
        if roman_value(read):
            return text[:match.start("numeral")] + read + match["stop"]
    return None


def _read_back_numerals(doc: Document) -> Document:
    """The lines that are misread roman numerals, read back (an edit and a decision each)."""
    changes, edits = Changes(), []
    # the pattern ends with a numeral's letter or its full stop: the other lines are skipped
    for line in [line for page in doc.pages for line in page.lines
                 if line.text[-1:] in _NUMERAL_ENDS and line.role == "body"
                 and _may_end_numeral(line.text)]:
        read = read_back_numeral(line.text)
        if read is None:
            continue
        edits.append(Edit(STAGE, "read_back_numeral", line.page, line.number, line.text, read,
                          "OCR misreading of a roman numeral's I", 0))
        changes.replace(line, text=read)
        changes.record(line, MISREAD_NUMERAL, "kind", before=line.kind, after=line.kind,
                       evidence=f"{line.text!r} read back as {read!r}")
    return changes.apply(doc).with_edits(edits) if edits else doc


DIVISION_LABEL = rule(STAGE, "division_label", "A short line of a division word and its "
                      "numeral (`CHAPTER XXVI.`, `Erstes Kapitel`), with or without a title "
                      "after it, at a block boundary is a heading.")
BARE_NUMERAL_LINE = rule(STAGE, "bare_numeral", "A roman numeral or section number alone on "
                         "its line (`VIII`, `§ 12`) at a block boundary is a heading.")
LATIN_LABEL_LINE = rule(STAGE, "latin_label", "A line of abbreviated Latin division words, "
                        "each with its numeral (`Lib. I. Tit. II.`), is a division label.")
LETTER_LABEL_LINE = rule(STAGE, "letter_label", "A capital letter with its full stop alone on "
                         "its line, over a title that ends with its stop, labels a subdivision.")
LONE_PARTICLE_LINE = rule(STAGE, "lone_particle", "A title under a label may open with a short "
                          "lower-case word set alone on its line (`von` / `den … Gesetzen.`).")
NUMBERED_PIECE_LINE = rule(STAGE, "numbered_piece", "An arabic number with a full stop alone "
                           "on its line (`4.`) heads a piece of a collection (a riddle, a "
                           "poem, a short section).")
NUMBERED_SECTION = rule(STAGE, "numbered_section", "A short line of a section number and a "
                        "title opening with a capital (`3. Klein-Rusland en West-Rusland.`, "
                        "`1.2 Scope`), at a block boundary and over a new paragraph, is a "
                        "section heading where the numbers of such lines count on through the "
                        "book, sections apart.")
LETTER_SECTION = rule(STAGE, "letter_section", "A capital letter alone on its line, over an "
                      "entry whose word in capitals begins with it, opens a letter section of "
                      "a dictionary or index.")
CAPITALS_LINE = rule(STAGE, "capitals_line", "A short line in capitals at a block boundary, "
                     "followed by the start of a block, is a heading.")
TITLE_LINE = rule(STAGE, "title_case_line", "A short title-case line without sentence "
                  "punctuation at a block boundary, followed by the start of a paragraph, is a "
                  "heading (with a full stop at the top of a page).")
TITLE_CONTINUED = rule(STAGE, "title_continued", "A short line that finishes a heading left "
                       "running on (`and Militarization of Labor`, `EXPRESSION—continued.`) "
                       "belongs to it.")
LABEL_TITLE = rule(STAGE, "label_title", "The lines under a division label, up to the first "
                   "that ends a sentence (at most three, no dash-separated synopsis), are the "
                   "division's title when a paragraph opens after them.")
STACKED_TITLE = rule(STAGE, "stacked_title", "Short lines without a final stop between a "
                      "block boundary and a division label (`Der` / `Transscendentalen "
                      "Dialectik` / `Zweites Buch.`) are the upper lines of its stacked title.")
SUBHEAD_OVER_VERSE = rule(STAGE, "subhead_over_verse", "A short line of a few words ending in "
                          "a full stop, after a finished paragraph and over lines of verse "
                          "(`Strophe, oder Satz.`), is the verse's subhead.")
TITLE_PAGE = rule(STAGE, "title_page", "A page of a few short lines followed by a blank page is "
                  "a part's title page (`Versuch` / `einer` / `Critischen Dichtkunst.` / "
                  "`Anderer` / `Besonderer Theil.`): its lines are one heading.")
TOP_OF_PAGE_LINE = rule(STAGE, "top_of_page_line", "A short line without final punctuation "
                        "that opens a page after a page that ended its sentence, over a full "
                        "line that opens with a capital (or alone on its page), is a heading, "
                        "in sentence case too (`Le livre avec un grand L`, `Two`).")
LARGE_TYPE = rule(STAGE, "large_type", "With geometry: a short body line in type well above "
                  "the body's size is a heading.")
BOLD_TYPE = rule(STAGE, "bold_type", "With geometry: a short body line in bold type a little "
                 "above the body's size (a section head at 1.1 times) is a heading.")
RUNS_ON = rule(STAGE, "runs_on", "A heading line without final punctuation, or ending in a "
               "dash, continues onto the next heading line: one heading set on two lines.",
               confirms=True)
LEVEL_RANK = rule(STAGE, "level_division_rank", "Where a book numbers divisions of two ranks "
                  "or more (Theil > Buch > Abschnitt > Kapitel > §), each takes its place in "
                  "that order.")
LEVEL_TOP = rule(STAGE, "level_top_of_page", "An unnumbered heading, or a new numbering, that "
                 "opens a page opens a division: level 1.")
LEVEL_KNOWN = rule(STAGE, "level_known_numbering", "A heading takes the level its numbering "
                   "had before (`PART II.` after `PART I.`).")
LEVEL_NEW_NUMBERING = rule(STAGE, "level_new_numbering", "A numbering first seen in mid-page "
                           "opens a division one level under the deepest numbered division "
                           "seen before (level 1 if none).")
LEVEL_SECTION = rule(STAGE, "level_mid_page_section", "An unnumbered heading in mid-page is a "
                     "section inside a chapter: level 2.")
LEVEL_SAME = rule(STAGE, "level_same_heading", "A heading line that continues the heading "
                  "above has its level.")
LEVEL_TITLE_OF_LABEL = rule(STAGE, "level_title_of_label", "The title right under a division "
                            "label has the label's level.")
LEVEL_UNDER = rule(STAGE, "level_under_cluster_head", "A heading stacked under another one, "
                   "not its title, is one level below it unless its numbering has a level.")
LEVEL_PIECE = rule(STAGE, "level_piece", "A numbered piece of a collection sits one level "
                   "under the collection's title: level 2.")
LEVEL_BY_SIZE = rule(STAGE, "level_by_type_size", "A heading found by its type size takes the "
                     "level of the headings found in its size, else one below each larger "
                     "heading size of the document.")


@dataclass(frozen=True, slots=True)
class DetectHeadingsConfig:
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class _Found:
    line: Line
    form: str  # "numeral", "piece", "letter", "division", "caps" or "title"
    numbering: str | None  # the division word, "roman", "§", "piece", "letter", or None
    by: Rule
    evidence: str = ""


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def _caps(text: str) -> bool:
    letters = _letters(text)
    return len(letters) >= 3 and letters.isupper()


def _title_case(text: str, allow_lower_start: bool = False) -> bool:
    words: list[str] = re.findall(r"[^\W\d_]+", text)
    long_words = [w for w in words if len(w) >= 4]
    if len(words) < 2 or not long_words:
        return False
    if not allow_lower_start and not words[0][0].isupper():
        return False
    capitalised = sum(w[0].isupper() for w in long_words)
    return bool(capitalised >= TITLE_CASE_SHARE * len(long_words))


def _numbered(text: str) -> tuple[str, str | None, Rule] | None:
    if BARE_NUMERAL.match(text):
        return "numeral", "roman" if text[0] != "§" else "§", BARE_NUMERAL_LINE
    if NUMBERED_PIECE.match(text):
        return "piece", "piece", NUMBERED_PIECE_LINE
    if LETTER_LABEL.match(text):
        return "numeral", "letter", LETTER_LABEL_LINE
    latin = LATIN_LABEL.match(text)
    if latin:
        return "division", latin.group("keyword").casefold(), LATIN_LABEL_LINE
    match = DIVISION.match(text) or ORDINAL_DIVISION.match(text)
    if match:
        return "division", match.group("keyword").casefold(), DIVISION_LABEL
    return None


def _form(line: Line) -> tuple[str, str | None, Rule] | None:
    """The heading form of a line taken alone, its numbering type and rule."""
    text = line.text
    numbered = _numbered(text)
    if numbered is not None:
        return numbered
    if _QUOTED.match(text) or _QUOTE_CLOSE.search(text) or _INTRODUCES.search(text):
        return None  # a quoted line belongs to its quotation; `FROM DIARY:` introduces one
    section = _SECTION.match(text)
    if section and not text.endswith((",", ";", "-")):  # a numbering per depth: `2.1` is under `2.`
        return "section", f"section {section['number'].count('.') + 1}", NUMBERED_SECTION
    if _caps(text) and not _REFERENCE.match(text):
        return "caps", None, CAPITALS_LINE
    if (_title_case(text) and not _SENTENCE_END.search(text.rstrip("."))
            and not _ENDS_WITH_NUMBER.search(text) and not _SENTENCES.search(text)
            and not _EXCLAIMS.search(text)):
        return "title", None, TITLE_LINE
    return None


def _counts_on(first: tuple[int, ...], second: tuple[int, ...]) -> bool:
    """The second section number follows the first: the next at the same depth (`1.2` after
    `1.1`), the first of a deeper level (`2.1` after `2`), or the next of a shallower one
    (`3` after `2.4`).

    >>> _counts_on((1,), (2,)), _counts_on((1, 1), (1, 2)), _counts_on((2,), (2, 1))
    (True, True, True)
    >>> _counts_on((2, 4), (3,)), _counts_on((1,), (3,)), _counts_on((1, 2), (1, 2))
    (True, False, False)
    """
    if len(second) == len(first):
        return second[:-1] == first[:-1] and second[-1] == first[-1] + 1
    if len(second) == len(first) + 1:
        return second[:-1] == first and second[-1] == 1
    return len(second) < len(first) and second[:-1] == first[:len(second) - 1] and (
        second[-1] == first[len(second) - 1] + 1)


def _letter_section(line: Line, following: Line | None) -> bool:
    """`A` over `ABASEMENT, n. …`: a letter alone, the next entry's word in capitals."""
    if following is None or not _LETTER.match(line.text):
        return False
    return bool(_CAPITALS_WORD.match(following.text)) and following.text[0] == line.text


def _lone_particle(line: Line) -> bool:
    """A short lower-case word alone on its line (`von`, `de`), not a word's broken end.

    >>> from pagemend.model import Line
    >>> _lone_particle(Line(page=0, number=1, text="von")), _lone_particle(Line(page=0, \
number=1, text="von den"))
    (True, False)
    """
    return bool(_LONE_PARTICLE.match(line.text)) and not line.glue_next


def _is_label(found: _Found) -> bool:
    """A division label with no title on its line (`Chapter I.`, `II`, `ERSTES KAPITEL`)."""
    if found.form == "numeral":  # `§. 15.` over its title, as `VIII` over its own
        return found.numbering in ("roman", "§", "letter")
    match = DIVISION.match(found.line.text) if found.form == "division" else None
    return found.form == "division" and (match is None or not match.group("title"))


def _short(line: Line, full_line: int) -> bool:
    return not full_line or len(line.text) <= HEADING_MAX_SHARE * full_line


def _run_text(lines: list[Line]) -> str:
    return "".join(line.text if line.glue_next else line.text + " " for line in lines).strip()


class _Scan:
    """Walks the prose lines once, deciding each against its neighbours (local scratch)."""

    def __init__(self, doc: Document) -> None:
        self.full = doc.stats.full_line_length if doc.stats else ()
        self.document_full = doc.stats.document_full_line_length if doc.stats else 0
        self.pairs = [(line, following) for line, following in successors(doc)
                      if line.kind == "paragraph"]
        self.found: list[_Found] = []
        #: the prose lines with geometry and their sizes (``_large_lines`` asks them again)
        self.placed = [line for line, _ in self.pairs if line.geometry is not None]
        self.placed_sizes = _sizes(self.placed)
        sizes = Counter(self.placed_sizes)
        self.body_size = sizes.most_common(1)[0][0] if sizes else 0.0
        self.counted_sections = self._counted_sections()
        self.title_pages = self._title_pages(doc)

    def _title_pages(self, doc: Document) -> set[int]:
        """The pages of a few short lines that a blank page follows (see ``TITLE_PAGE``)."""
        if not self.document_full:
            return set()
        pages = doc.pages
        # the pages a blank page follows (a cheap test first: most pages have none)
        before_blank = {index for index in range(len(pages) - 1)
                        if not any(line.text.strip() for line in pages[index + 1].lines)}
        if not before_blank:
            return set()
        lines: dict[int, list[Line]] = {}
        for line, _ in self.pairs:
            if line.page in before_blank:
                lines.setdefault(line.page, []).append(line)
        found = set()
        for page, own in lines.items():
            after = doc.pages[page + 1] if page + 1 < len(doc.pages) else None
            if (after is None or any(line.text.strip() for line in after.lines)
                    or not 2 <= len(own) <= TITLE_PAGE_MAX_LINES or not self.document_full):
                continue
            if all(len(line.text) <= TITLE_PAGE_MAX_SHARE * self.document_full for line in own):
                found.add(page)
        return found

    def _counted_sections(self) -> set[int]:
        """Indices of short numbered lines whose numbers count on from one to the next
        (`1.`, `2.`, `3.`; `1.1`, `1.2`, `2.1`): the evidence that they number sections."""
        numbered: list[tuple[int, tuple[int, ...]]] = []
        # ``_SECTION`` opens with a digit (``isdigit`` holds for every ``\d`` and more)
        for i, line in [(i, line) for i, (line, _) in enumerate(self.pairs)
                        if line.text[:1].isdigit()]:
            match = _SECTION.match(line.text)
            if match and _short(line, self.full_line(line)):
                numbered.append((i, tuple(int(part) for part in match["number"].split("."))))
        counted: set[int] = set()
        for (i, first), (j, second) in itertools.pairwise(numbered):
            if _counts_on(first, second):
                counted.update((i, j))
        return counted

    def full_line(self, line: Line) -> int:
        return self.full[line.page] if line.page < len(self.full) else 0

    def _undecided(self) -> list[int]:
        """The indices of the lines ``_decide`` does not turn down at once (long lines and
        lines glued to the next, off a title page), in order: the rest are no headings."""
        # each page's longest short line, worked out once (none where it has no full line)
        longest = [HEADING_MAX_SHARE * full if full else math.inf for full in self.full]
        pages, title_pages = len(longest), self.title_pages
        return [i for i, (line, _) in enumerate(self.pairs)
                if (not line.glue_next and len(line.text) <= (
                    longest[line.page] if line.page < pages else math.inf))
                or (title_pages and line.page in title_pages)]

    def run(self) -> list[_Found]:
        i = 0
        for candidate in self._undecided():
            if candidate < i:
                continue  # taken as a title line under a label
            i = candidate
            found = self._decide(i)
            title = self._label_title(i) if found is not None and _is_label(found) else []
            if found is not None and found.by is LETTER_LABEL_LINE and not title:
                found = None  # a letter alone is a label only over its title
            if found is not None:
                self.found.extend(self._stacked(i, found))
                self.found.append(found)
            for j in title:
                by = LONE_PARTICLE_LINE if j == title[0] and _lone_particle(self.pairs[j][0]) \
                    else LABEL_TITLE
                self.found.append(_Found(self.pairs[j][0], "title", None, by,
                                         f"line {j - i} of the title under {found.line.text!r}"
                                         if found else ""))
            i += 1 + len(title)
        return self.found

    def _stacked(self, i: int, label: _Found) -> list[_Found]:
        """The stacked title lines above a division label found at ``i``."""
        if label.form != "division" or not _is_label(label):
            return []
        return [_Found(self.pairs[j][0], "title", None, STACKED_TITLE,
                       f"line {j - i} above the label {label.line.text!r}")
                for j in self._stack_above(i)]

    def _stack_above(self, i: int) -> list[int]:
        """The indices of the short lines without a final stop between a block boundary and
        the line at ``i`` (see ``STACKED_TITLE``), or none."""
        label = self.pairs[i][0]
        form = _numbered(label.text)
        if form is None or form[0] != "division" or i == 0:
            return []
        run: list[int] = []
        for j in range(i - 1, max(-1, i - 1 - MAX_STACK_LINES), -1):
            line = self.pairs[j][0]
            if (line.page != label.page or line.glue_next or _SENTENCE_END.search(line.text)
                    or _QUOTED.match(line.text) or self._is_found(line)):
                return []
            run.insert(0, j)
            previous = self._previous(j)
            if self._boundary_before(line, previous):
                top = previous is None or previous.page != line.page
                share = STACK_TOP_MAX_SHARE if top else STACK_MAX_SHARE
                full = self.full_line(line)
                fits = all(len(self.pairs[k][0].text) <= share * full for k in run) or not full
                return run if fits and OPENS_CAPITAL.match(line.text) else []
        return []

    def _previous(self, i: int) -> Line | None:
        return self.pairs[i - 1][0] if i else None

    def _boundary_before(self, line: Line, previous: Line | None) -> bool:
        if previous is None or previous.page != line.page:
            return previous is None or not previous.glue_next
        if self.found and self.found[-1].line is previous:
            return True
        return bool(_SENTENCE_END.search(previous.text)) and not previous.glue_next

    def _decide(self, i: int) -> _Found | None:
        line, following = self.pairs[i]
        if line.page in self.title_pages:
            return _Found(line, "title", None, TITLE_PAGE, "a page of short lines, a blank page "
                          "after it")
        full = self.full[line.page] if line.page < len(self.full) else 0
        if line.glue_next or (full and len(line.text) > HEADING_MAX_SHARE * full):
            return None  # not ``_short``: the common case, tested inline
        previous = self.pairs[i - 1][0] if i else None
        continuing = self.found and self.found[-1].line is previous
        if continuing and self._continues_title(line, previous, following):
            return _Found(line, "title", None, TITLE_CONTINUED, "finishes the heading above")
        if not self._boundary_before(line, previous) and not self._stack_above(i):
            return None
        if _letter_section(line, following):
            return _Found(line, "letter", "letter", LETTER_SECTION,
                          f"{line.text!r} over an entry in {line.text}")
        return self._by_form(i)

    def _by_form(self, i: int) -> _Found | None:
        """The line at a block boundary, by its form and context (or as a subhead over verse)."""
        line = self.pairs[i][0]
        form = _form(line)
        if form is not None and self._fits_context(form[0], i):
            return _Found(line, *form, evidence=f"{form[0]} form, {len(line.text)} characters")
        if (form is None or form[0] == "title") and self._subhead_over_verse(i):
            return _Found(line, "title", None, SUBHEAD_OVER_VERSE,
                          f"{len(line.text.split())} words over verse lines")
        if form is None and self._top_of_page_line(i):
            return _Found(line, "title", None, TOP_OF_PAGE_LINE,
                          f"{len(line.text.split())} words opening page {line.page + 1}")
        return None

    def _in_heading_type(self, line: Line) -> bool:
        """The reader saw the line in heading type (large, or bold and a little larger): the
        type rules below (``LARGE_TYPE``, ``BOLD_TYPE``) find it, with the level its size
        gives."""
        return bool(self.body_size) and (_size(line) >= HEADING_SIZE_RATIO * self.body_size
                                         or _bold_head(line, self.body_size))

    def _top_of_page_line(self, i: int) -> bool:
        """A short unpunctuated line that opens a page over a paragraph (see
        ``TOP_OF_PAGE_LINE``)."""
        line, following = self.pairs[i]
        previous = self._previous(i)
        full = self.full_line(line) or self.document_full
        text = line.text
        if (previous is not None and (previous.page == line.page
                                      or not _SENTENCE_END.search(previous.text))):
            return False
        if (not full or not OPENS_CAPITAL.match(text) or not text[0].isalpha()
                or _TERMINAL.search(text) or len(text.split()) > TOP_LINE_MAX_WORDS
                or len(text) > TOP_LINE_MAX_SHARE * full or self._attribution(i)
                or self._in_heading_type(line)):
            return False
        if following is None or following.page != line.page:
            return True
        return (len(following.text) >= TOP_LINE_NEXT_SHARE * full
                and bool(OPENS_CAPITAL.match(following.text)) and _form(following) is None)

    def _subhead_over_verse(self, i: int) -> bool:
        """A short line with its full stop over lines of verse (see ``SUBHEAD_OVER_VERSE``)."""
        line = self.pairs[i][0]
        full = self.full_line(line)
        text = line.text
        if (not full or not text.endswith(".") or len(text.split()) > SUBHEAD_MAX_WORDS
                or len(text) > SUBHEAD_MAX_SHARE * full or not text[:1].isupper()
                or _SENTENCES.search(text)):
            return False
        verse = [other for other, _ in self.pairs[i + 1:i + 1 + SUBHEAD_VERSE_LINES]]
        return len(verse) == SUBHEAD_VERSE_LINES and all(
            other.page == line.page and not other.glue_next and other.text[:1].isupper()
            and len(other.text) <= SUBHEAD_VERSE_MAX_SHARE * full for other in verse)

    def _fits_context(self, form: str, i: int) -> bool:
        line, following = self.pairs[i]
        if form == "section":
            return (i in self.counted_sections and not self._in_numbered_run(i)
                    and (following is None or bool(OPENS_CAPITAL.match(following.text))))
        if form == "numeral" and (following is None or following.page != line.page):
            return False  # a label is kept with its section: never the last line of a page
        if form in ("caps", "title") and (self._in_numbered_run(i) or self._attribution(i)):
            return False
        if form == "title":
            return self._title_ok(line, self._previous(i), following)
        if form == "caps":
            return following is None or bool(OPENS_CAPITAL.match(following.text))
        return True

    def _in_numbered_run(self, i: int) -> bool:
        """`1. TEMPERANCE` a few lines before `2. SILENCE.`: numbered items of a list, not
        numbered section headings (those stand pages apart)."""
        number = _ITEM_NUMBER.match(self.pairs[i][0].text)
        if number is None:
            return False
        wanted = {f"{int(number[1]) - 1}.", f"{int(number[1]) + 1}."}
        window = range(max(0, i - LIST_WINDOW), min(len(self.pairs), i + LIST_WINDOW + 1))
        return any(self.pairs[j][0].text.split(maxsplit=1)[0] in wanted
                   for j in window if j != i)

    def _attribution(self, i: int) -> bool:
        """An unnumbered line in mid-page that signs a verse or an epigraph (`HOBBES`,
        `Phela Orm`) is not a heading: it follows short lines (measured against the
        document's full line, as a page of verse has no full lines of its own), or an
        epigraph of a few lines right under a heading."""
        line = self.pairs[i][0]
        start = max(0, i - EPIGRAPH_MAX_LINES - 1)
        before = [self.pairs[j][0] for j in range(start, i)]
        before = [other for other in before if other.page == line.page]
        if not before or (self.found and self.found[-1].line is before[-1]):
            return False
        headed = [k for k, other in enumerate(before) if self._is_found(other)]
        if headed and headed[-1] < len(before) - 1:
            return True  # an epigraph of a few lines under the heading
        last = before[-ATTRIBUTION_AFTER_SHORT:]
        return len(last) == ATTRIBUTION_AFTER_SHORT and all(
            len(other.text) <= HEADING_MAX_SHARE * self.document_full for other in last)

    def _is_found(self, line: Line) -> bool:
        return any(item.line is line for item in self.found[-EPIGRAPH_MAX_LINES - 2:])

    def _title_ok(self, line: Line, previous: Line | None, following: Line | None) -> bool:
        top = previous is None or previous.page != line.page
        if line.text.endswith(".") and not top:
            return False
        if (top and previous is not None and line.text.endswith(".")
                and not has_room(previous, line, self.full_line(previous))
                and len(_CAPITALISED_WORD.findall(line.text)) < MIN_TITLE_WORDS
                and not all(word[:1].isupper() for word in line.text.split())):
            return False  # the page before ended full: its paragraph runs on (`About say.`)
        if following is None:
            return True
        opens = bool(OPENS_CAPITAL.match(following.text)) or _form(following) is not None
        lower_continuation = _title_case(following.text, allow_lower_start=True)
        full = self.full_line(line)
        return (opens or lower_continuation) and (not full or has_room(line, following, full)
                                                  or _short(following, full))

    def _continues_title(self, line: Line, previous: Line | None,
                         following: Line | None) -> bool:
        """A line that finishes the title above it: in lower case (`and Militarization of
        Labor`), opening with a capital after a line cut mid-phrase, at a short word (`GENERAL
        PRINCIPLES OF` / `EXPRESSION—continued.`, `… Comtesse de` / `Gurson`), or in the
        title's own type, above the body's."""
        before = self.found[-1]
        if before.form not in ("title", "caps") or previous is None:
            return False
        if _TERMINAL.search(previous.text):
            return False
        lower = line.text[:1].islower() and _title_case(line.text, allow_lower_start=True)
        capitals = line.text[:1].isupper() and bool(_ENDS_SHORT_WORD.search(previous.text))
        size = _size(line)
        in_size = size > self.body_size > 0 and size == _size(previous)
        return (lower or capitals or in_size) and (
            following is None or bool(OPENS_CAPITAL.match(following.text)))

    def _label_title(self, i: int) -> list[int]:
        """The indices of the title lines under the label at ``i`` (see ``LABEL_TITLE``)."""
        label = self.pairs[i][0]
        run: list[int] = []
        particle = i + 1 < len(self.pairs) and _lone_particle(self.pairs[i + 1][0])
        for j in range(i + 1, min(i + 1 + MAX_LABEL_TITLE_LINES + particle, len(self.pairs))):
            line, following = self.pairs[j]
            form = _form(line) if not run else None
            if line.page != label.page or (form is not None and form[0] != "title"):
                return []
            run.append(j)
            if line.glue_next:
                continue
            text = _run_text([self.pairs[k][0] for k in run])
            titled = _title_case(text) or (len(run) == 1 and _ONE_WORD_TITLE.match(text))
            if _SENTENCE_STOP.search(line.text) or (
                    titled and not _TERMINAL.search(line.text)
                    and self._had_room(line, following) and not self._ends_title(following)):
                numbering = _numbered(label.text)
                if particle:  # the title goes on from the particle in lower case
                    text = text[:1].upper() + text[1:]
                return run if self._title_shape(text, following, numbering) else []
        return []

    def _ends_title(self, following: Line | None) -> bool:
        """A short last line with its stop finishes a title left open above it
        (`Ueberbleibsel des Antejustinianeischen` / `Röm. Rechts.`): a paragraph's first line
        fills the measure."""
        if following is None or not _SENTENCE_STOP.search(following.text):
            return False
        full = self.full_line(following)
        return bool(full) and len(following.text) <= TITLE_END_MAX_SHARE * full

    def _had_room(self, line: Line, following: Line | None) -> bool:
        full = self.full_line(line)
        return following is None or not full or has_room(line, following, full)

    def _title_shape(self, text: str, following: Line | None,
                     numbering: tuple[str, str | None, Rule] | None = None) -> bool:
        """A title opens with a capital, is no synopsis or dateline, and a paragraph (not
        another label, not an attribution) opens after it."""
        if QUOTE_OPEN.match(text) or not OPENS_CAPITAL.match(text) or not text[0].isalpha():
            return False
        if len(text.split()) > MAX_LABEL_TITLE_WORDS or _SMALL_CAPS_OPENING.match(text):
            return False
        if len(_DASH.findall(text)) > MAX_TITLE_DASHES or _ENDS_WITH_NUMBER.search(text):
            return False
        if following is None:
            return True
        numbered = _numbered(following.text)
        opens = bool(OPENS_CAPITAL.match(following.text)) and following.text[0].isalpha()
        if (numbered is not None and numbering is not None and numbered[0] == "numeral"
                and numbered[1] != numbering[1]):
            return True  # the division's first section (`Zweites Kapitel.` / title / `§. 16.`);
            # a label of the same numbering under it is a list of contents, a chapter label
            # under a book's is the book's argument (tomjones-groff)
        return (opens or bool(QUOTE_OPEN.match(following.text))) and numbered is None


def _runs_on(found: _Found) -> bool:
    """A heading line continues onto the next: no final punctuation, or a dash. A numeral,
    or a division word with its numeral alone, is complete in itself."""
    if found.form in ("numeral", "piece", "letter"):
        return False
    if found.form == "division" and _is_label(found):
        return False
    text = found.line.text
    return bool(_RUNS_ON.search(text)) or not _TERMINAL.search(text)


def _same_heading(previous: _Found, item: _Found) -> bool:
    if previous.by is LABEL_TITLE and item.by is LABEL_TITLE:
        return True  # one title, wrapped
    if previous.by is TITLE_PAGE and item.by is TITLE_PAGE:
        return True  # one title page, one heading
    if _size(previous.line) and _size(item.line) and _size(previous.line) != _size(item.line):
        return False  # one heading is set in one size: the next is a heading of its own
    if previous.form == "caps" and item.by is TITLE_LINE:
        return False  # and in one case: a title-case line under capitals is a subtitle
    return _runs_on(previous)


def _clusters(found: list[_Found], doc: Document) -> list[list[_Found]]:
    """The found lines in runs of lines that follow each other in the body (``successors``)."""
    clusters: list[list[_Found]] = []
    for item in found:
        if clusters:
            after = _next_body_line(doc, clusters[-1][-1].line)
            if after is not None and (after.page, after.number) == (
                    item.line.page, item.line.number):
                clusters[-1].append(item)
                continue
        clusters.append([item])
    return clusters


def _next_body_line(doc: Document, line: Line) -> Line | None:
    """The body line after ``line`` in reading order (its pair in ``successors``), found by
    walking on from it (no index of the document's lines: few lines are headings).

    >>> from pagemend.readers import read_text
    >>> doc = read_text("a\\n\\nb\\f\\fc")
    >>> [_next_body_line(doc, line) for line in doc.lines() if line.text] == [
    ...     following for _, following in successors(doc)]
    True
    """
    for page in doc.pages[line.page:]:
        for other in page.lines[line.number + 1:] if page.index == line.page else page.lines:
            if other.text and other.role == "body":
                return other
    return None


def _top_of_page(line: Line, doc: Document) -> bool:
    for other in doc.pages[line.page].lines:
        if other.text and other.role == "body":
            return other.number == line.number
    return False


_Level = tuple[int, Rule, str]


def _rank(numbering: str | None) -> int | None:
    """The place of a division word in ``DIVISION_RANKS`` (0 is the largest division).

    >>> _rank("capitel"), _rank("§"), _rank("theil"), _rank("chapter")
    (3, 4, 0, None)
    """
    for i, words in enumerate(DIVISION_RANKS):
        if numbering in words:
            return i
    return None


def division_levels(found: list[_Found]) -> dict[str, int]:
    """Levels by rank for the ranked division words a document numbers its headings with,
    where it uses two ranks or more: the largest present is level 1, the next level 2.

    >>> class F:
    ...     def __init__(self, numbering): self.numbering = numbering
    >>> division_levels([F("§"), F("kapitel"), F("§"), F(None)])
    {'kapitel': 1, '§': 2}
    >>> division_levels([F("§"), F("roman")])
    {}
    """
    ranks = {item.numbering: r for item in found
             if item.numbering is not None and (r := _rank(item.numbering)) is not None}
    order = sorted(set(ranks.values()))
    if len(order) < 2:
        return {}
    return {word: order.index(r) + 1 for word, r in sorted(ranks.items(), key=lambda kv: kv[1])}


def _ranked(item: _Found, ranked: dict[str, int]) -> _Level | None:
    if item.numbering is None or item.numbering not in ranked:
        return None
    level = ranked[item.numbering]
    return level, LEVEL_RANK, f"{item.numbering!r}: rank {level} of the book's division words"


def _group_ranks(cluster: list[_Found], ranked: dict[str, int]) -> list[_Level | None]:
    """Per line of the cluster, the level by rank of the heading it belongs to: a stacked
    title (`Der Natürlichen Geschichte` / `Zweytes Buch.`) takes its label's rank."""
    out: list[_Level | None] = []
    start = 0
    for i in range(len(cluster) + 1):
        if i == len(cluster) or (i and not _same_heading(cluster[i - 1], cluster[i])):
            group = [_ranked(item, ranked) for item in cluster[start:i]]
            level = next((lv for lv in group if lv is not None), None)
            out.extend([level] * (i - start))
            start = i
    return out


def _base_level(first: _Found, doc: Document, known: dict[str, int]) -> _Level:
    numbering = first.numbering
    if numbering is not None and numbering in known:
        return known[numbering], LEVEL_KNOWN, f"{numbering!r} headings: level {known[numbering]}"
    if first.form == "piece":
        return 2, LEVEL_PIECE, "a numbered piece"
    if _top_of_page(first.line, doc):
        return 1, LEVEL_TOP, "opens its page"
    if numbering is not None:
        level = max(known.values()) + 1 if known else 1
        return level, LEVEL_NEW_NUMBERING, f"first {numbering!r} heading, in mid-page"
    return 2, LEVEL_SECTION, "unnumbered, in mid-page"


def _levels(cluster: list[_Found], doc: Document, known: dict[str, int],
            ranked: dict[str, int]) -> list[_Level]:
    """One level per heading line of the cluster (see the module docstring)."""
    levels: list[_Level] = []
    # the cluster's division is its first heading, and the title right under a label
    division_open = cluster[0].form in ("numeral", "division")
    group_ranks = _group_ranks(cluster, ranked)
    for i, item in enumerate(cluster):
        previous = cluster[i - 1] if i else None
        by_rank = group_ranks[i]
        if by_rank is not None and (previous is None or not _same_heading(previous, item)):
            division_open = division_open or item.form in ("numeral", "division")
            level = by_rank
        elif previous is None:
            level = _base_level(item, doc, known)
        elif _same_heading(previous, item):
            level = (levels[-1][0], LEVEL_SAME, "continues the heading line above")
        elif division_open and item.form in ("caps", "title"):
            division_open = False
            level = (levels[-1][0], LEVEL_TITLE_OF_LABEL, f"title of {previous.line.text!r}")
        else:
            division_open = False
            under = levels[0][0] + 1
            if item.numbering and item.numbering in known:
                level = (known[item.numbering], LEVEL_KNOWN,
                         f"{item.numbering!r} headings are level {known[item.numbering]}")
            else:
                level = (under, LEVEL_UNDER, f"stacked under {cluster[0].line.text!r}")
        if item.numbering is not None:
            known.setdefault(item.numbering, level[0])
        levels.append((min(level[0], 6), level[1], level[2]))
    return levels


@stage(STAGE, DetectHeadingsConfig, requires=("stats", "line.role"),
       assigns=("line.kind", "line.level"))
def detect_headings(doc: Document, config: DetectHeadingsConfig | None) -> Document:
    """Mark heading lines with their levels; see the module docstring."""
    doc = _read_back_numerals(doc)
    changes = Changes()
    known: dict[str, int] = {}
    scan = _Scan(doc)
    found = scan.run()
    ranked = division_levels(found)
    for cluster in _clusters(found, doc):
        levels = _levels(cluster, doc, known, ranked)
        for i, (item, (level, by, evidence)) in enumerate(zip(cluster, levels, strict=True)):
            same = i > 0 and _same_heading(cluster[i - 1], item)
            changes.set(item.line, item.by, item.evidence, kind="heading")
            if same:
                end = cluster[i - 1].line.text[-1:]
                changes.set(item.line, RUNS_ON, f"the line above ends {end!r}",
                            starts_block=False)
            else:
                changes.set(item.line, item.by, item.evidence, starts_block=True)
            changes.set(item.line, by, evidence, level=level)
    _set_large(doc, changes, scan)
    return changes.apply(doc)


def _size(line: Line) -> float:
    return round(line.geometry.font_size or 0.0, 1) if line.geometry else 0.0


def _sizes(lines: list[Line]) -> list[float]:
    """``_size`` of each line (each with geometry), each distinct type size rounded once.

    >>> from pagemend.model import Geometry
    >>> lines = [Line("a", 0, n, Geometry(0, 0, 1, 1, size)) for n, size in
    ...          enumerate([10.04, 10.04, 14.26, None])]
    >>> _sizes(lines) == [_size(line) for line in lines]
    True
    """
    raw = [line.geometry.font_size for line in lines if line.geometry is not None]
    rounded = {size: round(size or 0.0, 1) for size in set(raw)}
    return [rounded[size] for size in raw]


def _large_lines(doc: Document, found: dict[tuple[int, int], Line], scan: _Scan
                 ) -> tuple[list[Line], float]:
    """The short body lines in heading type (large, or bold and a little larger), and the
    body's type size. ``scan``: the document's scan, which measured the prose lines with
    geometry (the body's lines of kind paragraph, in order) and their commonest size."""
    prose, line_sizes = scan.placed, scan.placed_sizes
    if not prose:
        return [], 0.0
    body = scan.body_size
    full = doc.stats.document_full_line_length if doc.stats else 0
    blocks: list[float] = []  # made at the first line that needs it
    large = []
    for line, size in zip(prose, line_sizes, strict=True):
        # (``_bold_head`` inline, its size known)
        if not (size >= HEADING_SIZE_RATIO * body or (
                line.geometry is not None and line.geometry.bold
                and size >= BOLD_HEADING_RATIO * body)) or (line.page, line.number) in found:
            continue
        if full and len(line.text) > HEADING_MAX_SHARE * full:
            blocks = blocks or _block_widths(doc)
            if _width(line) > HEADING_MAX_SHARE * blocks[line.page]:
                continue
        large.append(line)
    return large, body


def _bold_head(line: Line, body: float) -> bool:
    """Set in bold type a little larger than the body's (``BOLD_HEADING_RATIO``)."""
    return bool(line.geometry and line.geometry.bold) and _size(line) >= BOLD_HEADING_RATIO * body


def _width(line: Line) -> float:
    return line.geometry.x1 - line.geometry.x0 if line.geometry else 0.0


def _block_widths(doc: Document) -> list[float]:
    """Each page's text block width in points (its body lines' leftmost to rightmost edge):
    on a page of two columns a title may be wider than a column, and than a column's full
    line in characters."""
    widths = []
    for page in doc.pages:
        boxes = [line.geometry for line in page.lines
                 if line.text and line.role == "body" and line.geometry is not None]
        widths.append(max(b.x1 for b in boxes) - min(b.x0 for b in boxes) if boxes else 0.0)
    return widths


def _set_large(doc: Document, changes: Changes, scan: _Scan) -> None:
    """With the reader's geometry: short body lines set in type ``HEADING_SIZE_RATIO`` times
    the body's or larger are headings too, where the text alone did not say so. Lines of one
    size that follow each other on a page are one heading. Its level is that of the headings
    already found in its size; else one below each larger heading size of the document."""
    large, body = _large_lines(doc, changes.lines, scan)
    if not large:
        return
    level_of = {_size(line): line.level for line in changes.lines.values() if line.level}
    ranks = sorted({*level_of, *(_size(line) for line in large)}, reverse=True)
    previous: Line | None = None
    for line in large:
        size = _size(line)
        level = level_of.get(size) or min(ranks.index(size) + 1, 6)
        same = previous is not None and previous.page == line.page and (
            previous.number + 1 == line.number and _size(previous) == size)
        by = LARGE_TYPE if size >= HEADING_SIZE_RATIO * body else BOLD_TYPE
        changes.set(line, by, f"type {size} pt{' bold' if by is BOLD_TYPE else ''}, body "
                    f"{body} pt", kind="heading", starts_block=not same)
        changes.set(line, LEVEL_BY_SIZE, f"type {size} pt, size rank {ranks.index(size) + 1}",
                    level=level)
        previous = line
