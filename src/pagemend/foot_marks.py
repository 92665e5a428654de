"""Catchwords and signature marks: the printer's marks at the foot of older books' pages.

Scratch evidence for ``remove_running_heads`` (its rules live there), text only:

- a **catchword** is the last line of a page: one or two words that the next page opens with
  (``Na-`` over a page opening ``Natur``; ``tes/`` over ``tes/ da``). Where a footnote runs
  over, the page prints a second catchword above the first, for the note: it opens some line
  of the next page (``Opu-`` / ``ange-``). A book that prints catchwords on most pages prints
  one on its last page too, where no next page can confirm it;
- a **signature mark** stands above the catchwords (or last): a sheet letter and its leaf
  number (``A``, ``A 2``, ``C c 3``, ``B ij``), a sheet number with a star (``6*``), or a short
  title with the sheet number (``Rohde, Seelencult. 10``). Signatures count on through a
  sheet, so one is trusted only where another of its sheet stands a few pages away.

    >>> catchword_opens("cti-", ["2 Studenten-Kranckheiten", "ctiren und zur"])
    True
    >>> catchword_opens("und", ["und derer Curen. 3", "undenklich"]), catchword_opens("a", ["a b"])
    (True, False)
    >>> signature_parts("C c 3"), signature_parts("B ij"), signature_parts("6*")
    (('C', 3), ('B', 2), ('6', 0))
    >>> signature_parts("D2"), signature_parts("A"), signature_parts("Ab 3")
    (('D', 2), ('A', 1), None)
    >>> signature_parts("I. Bd. L") is None
    True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pagemend.data.folios import parse_folio, roman_value
from pagemend.model import Document, Page

__all__ = ["FootMarks", "catchword_opens", "foot_marks", "signature_parts", "title_sheet"]

#: A catchword is at most this many words and characters (the longest of the printings:
#: `VIII) Die`, `a parte`; a catchword repeats the next page's first word or syllable).
CATCHWORD_MAX_WORDS = 2
CATCHWORD_MAX_CHARS = 16
#: ... and at least this many letters (a single letter opens too many lines by chance).
CATCHWORD_MIN_LETTERS = 2
#: The next page's text opens within its first this many filled lines (heads above it).
NEXT_PAGE_TOP = 3
#: A page prints at most a text catchword and a note catchword.
MAX_CATCHWORDS = 2
#: A book prints catchwords on (nearly) every page: they are trusted where they stand on at
#: least this many pages and this share of the pages that have a next one (the printings and
#: shandy-lualatex: all or all but a few; a paragraph ending as the next page begins, a
#: coincidence of generated text, stands on one).
MIN_CATCHWORD_PAGES = 2
CATCHWORD_BOOK_SHARE = 0.5
#: Where at least this share of the other pages print a confirmed catchword, the last page's
#: one-word last line is one too (the printings: every page of six books prints one).
CATCHWORD_HABIT = 0.8
#: Signatures of one sheet stand at most this many pages apart (a sheet's signed leaves are
#: on every other page: `A`, `A 2`, `A 3` on pages 1, 3, 5; a title signature two pages
#: before its starred sheet number).
SIGNATURE_SPAN = 4
#: A title signature (`Das Leben Jesu I. Band. 7`) is a short line: at most this many
#: characters (the longest of the printings: 31).
TITLE_SIGNATURE_MAX_CHARS = 40

_STAR_SHEET = re.compile(r"^(\d{1,3})\*$")
#: a sheet letter and leaf number set without a space (`D2`), as some extractions give them
_GLUED_LEAF = re.compile(r"^([A-Z])(\d{1,2})$")
#: a letter or a digit (what str.isalnum accepts: word characters but the underscore)
_ALPHANUMERIC = re.compile(r"[^\W_]")
_LEAF = re.compile(r"^(?:\d{1,2}|[ivx]{1,4}j?)$")
#: a short title, then the sheet number or letter (`Rohde, Seelencult. 10`, `I. Bd. L`)
_TITLE_SHEET = re.compile(r"^(?P<title>.*[^\W\d_].*?)[.,]?\s+(?P<sheet>\d{1,3}|[A-Z])$")


def catchword_opens(text: str, lines: Sequence[str]) -> bool:
    """The short line repeats the opening of one of the lines: the word, or the syllable
    before a hyphen (`cti-` / `ctiren`)."""
    words = text.split()
    if (not words or len(words) > CATCHWORD_MAX_WORDS or len(text) > CATCHWORD_MAX_CHARS
            or sum(ch.isalpha() for ch in text) < CATCHWORD_MIN_LETTERS):
        return False
    stem = text.strip()
    if stem.endswith("-") and stem[-2:-1].isalpha():
        stem = stem[:-1]
        return any(line.startswith(stem) and line[len(stem):len(stem) + 1].isalpha()
                   for line in lines)
    return any(line.startswith(stem) and not line[len(stem):len(stem) + 1].isalnum()
               for line in lines)


def signature_parts(text: str) -> tuple[str, int] | None:
    """(sheet, leaf) of a signature mark: a capital letter, doubled in lower case in a second
    alphabet (`C c`), and the leaf's number (1 when none is printed); or a sheet number with a
    star (leaf 0). None for anything else."""
    text = text.strip()
    first, second = text[:1], text[1:2]
    if not (("A" <= first <= "Z" and (not second or second.isspace() or second.isdecimal()))
            or first.isdecimal()):
        return None  # (most lines: no sheet letter alone, nor a sheet number, opens them)
    star = _STAR_SHEET.match(text)
    if star:
        return star[1], 0
    tokens = _GLUED_LEAF.sub(r"\1 \2", text).split()
    if not tokens or len(tokens) > 3 or len(tokens[0]) != 1 or not "A" <= tokens[0] <= "Z":
        return None
    rest = tokens[1:]
    if rest and rest[0] == tokens[0].lower():
        rest = rest[1:]
    if not rest:
        return tokens[0], 1
    if len(rest) > 1 or not _LEAF.match(rest[0]):
        return None
    leaf = int(rest[0]) if rest[0].isdigit() else roman_value(rest[0].replace("j", "i"))
    return (tokens[0], leaf) if leaf and leaf > 1 else None


def title_sheet(text: str) -> str | None:
    """The sheet number or letter ending a short title signature, or None."""
    if len(text) > TITLE_SIGNATURE_MAX_CHARS or parse_folio(text) is not None:
        return None
    match = _TITLE_SHEET.match(text.strip())
    return match["sheet"] if match else None


class FootMarks:
    """Per page, the line numbers of its catchwords and of its signature (scratch)."""

    def __init__(self) -> None:
        self.catchwords: dict[int, dict[int, str]] = {}
        self.signatures: dict[int, dict[int, str]] = {}

    def catchword(self, page: int, number: int) -> str | None:
        return self.catchwords.get(page, {}).get(number)

    def signature(self, page: int, number: int) -> str | None:
        return self.signatures.get(page, {}).get(number)


def _filled(page: Page) -> list[tuple[int, str]]:
    """The page's lines that hold a letter or a digit (an ornament or a marginal mark below
    the catchword, `♣`, is no line of text)."""
    return [(line.number, line.text.strip()) for line in page.lines
            if _ALPHANUMERIC.search(line.text)]


class _Filled:
    """A page's ``_filled`` lines, read from the edge a test looks at: the tests ask for a
    page's last lines and the next page's first ones, and for the whole page only where a
    catchword was found."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self._all: list[tuple[int, str]] | None = None
        self._last: tuple[int, list[tuple[int, str]]] | None = None

    def texts(self) -> list[str]:
        """The text of every filled line."""
        if self._all is None:
            self._all = _filled(self.page)
        return [text for _, text in self._all]

    def first(self, count: int) -> list[str]:
        """The text of the first ``count`` filled lines."""
        texts: list[str] = []
        for line in self.page.lines:
            if len(texts) == count:
                break
            if _ALPHANUMERIC.search(line.text):
                texts.append(line.text.strip())
        return texts

    def last(self, count: int) -> list[tuple[int, str]]:
        """The last ``count`` filled lines, in the page's order (the last asked kept: the
        catchwords and the signature below them are looked for in the same lines)."""
        if self._last is not None and self._last[0] == count:
            return self._last[1]
        found: list[tuple[int, str]] = []
        for line in reversed(self.page.lines):
            if len(found) == count:
                break
            if _ALPHANUMERIC.search(line.text):
                found.append((line.number, line.text.strip()))
        self._last = (count, found[::-1])
        return self._last[1]


def _page_catchwords(lines: list[tuple[int, str]], following: _Filled) -> dict[int, str]:
    """The page's catchwords, bottom up: the last line opens the next page's text; a line
    above it may open any line of the next page (a note that runs over). ``lines``: the
    page's last ``MAX_CATCHWORDS`` filled lines."""
    found: dict[int, str] = {}
    top = following.first(NEXT_PAGE_TOP)
    for number, text in reversed(lines[-MAX_CATCHWORDS:]):
        if not found and (signed := _signed_catchword(text, top)) is not None:
            found[number] = signed
            continue
        if not catchword_opens(text, top if not found else following.texts()):
            break
        found[number] = (f"{text!r} opens the next page's text" if not found
                         else f"{text!r} opens a line of the next page (a note running over)")
    return found


def _signed_catchword(text: str, top: list[str]) -> str | None:
    """A signature and the catchword on one line, as an extractor joins marks set on one
    baseline (`D 2 had`, `Vol. IV. D of`): the evidence, or None."""
    tokens = text.split()
    # a catchword is at most CATCHWORD_MAX_WORDS words: no earlier split can give one
    for split in range(max(1, len(tokens) - CATCHWORD_MAX_WORDS), len(tokens)):
        mark, word = " ".join(tokens[:split]), " ".join(tokens[split:])
        if catchword_opens(word, top) and (signature_parts(mark) is not None
                                           or title_sheet(mark) is not None):
            return f"signature {mark!r} and catchword {word!r}, which opens the next page's text"
    return None


def _candidates(doc: Document, filled: list[_Filled], catchwords: dict[int, dict[int, str]]
                ) -> dict[int, tuple[int, str]]:
    """Each page's first filled line above its catchwords, bottom up, skipping a folio (a
    signature's letter may read as a roman number: `C`, `X`; its star as an ornament).
    ``filled``: each page's filled lines, in the order of the document's pages (its
    catchwords are among its last ``MAX_CATCHWORDS``: two more lines hold the candidates)."""
    found: dict[int, tuple[int, str]] = {}
    for page, page_filled in zip(doc.pages, filled, strict=True):
        lines = [(n, t) for n, t in page_filled.last(MAX_CATCHWORDS + 2)
                 if n not in catchwords.get(page.index, {})]
        for number, text in reversed(lines[-2:]):
            if signature_parts(text) is not None or parse_folio(text) is None:
                found[page.index] = (number, text)
                break
    return found


def _signatures(candidates: dict[int, tuple[int, str]]) -> dict[int, dict[int, str]]:
    marks = {page: parts for page, (_, text) in candidates.items()
             if (parts := signature_parts(text)) is not None}
    titles = {page: (sheet, 1) for page, (_, text) in candidates.items()
              if page not in marks and (sheet := title_sheet(text)) is not None}
    found: dict[int, dict[int, str]] = {}
    for page, (number, text) in candidates.items():
        if page in marks:
            sheet, leaf = marks[page]
            near = [(marks | titles)[other] for other in
                    range(page - SIGNATURE_SPAN, page + SIGNATURE_SPAN + 1)
                    if other != page and other in marks | titles]
            if any(other == (sheet, other[1]) and other[1] != leaf for other in near):
                found[page] = {number: f"signature {text!r}: sheet {sheet} signed nearby"}
        elif page in titles:
            sheet = titles[page][0]
            later = [marks[other] for other in range(page + 1, page + SIGNATURE_SPAN + 1)
                     if other in marks]
            if any(other == (sheet, other[1]) and other[1] != 1 for other in later):
                found[page] = {number: f"title signature {text!r}: sheet {sheet} signed "
                                       "again a few pages on"}
    return found


def foot_marks(doc: Document) -> FootMarks:
    """The catchwords and signature marks of every page (see the module docstring)."""
    marks = FootMarks()
    pages = [_Filled(page) for page in doc.pages]
    for index, filled in enumerate(pages[:-1]):
        found = _page_catchwords(filled.last(MAX_CATCHWORDS + 2)[-MAX_CATCHWORDS:],
                                 pages[index + 1])
        if found:
            marks.catchwords[index] = found
    if len(marks.catchwords) < max(MIN_CATCHWORD_PAGES, CATCHWORD_BOOK_SHARE * (len(pages) - 1)):
        marks.catchwords = {}  # a page that ends as the next begins, by chance: no habit
    last = pages[-1].last(1) if pages else []
    if len(pages) > 1 and last:
        share = len(marks.catchwords) / (len(pages) - 1)
        number, text = last[-1]
        if share >= CATCHWORD_HABIT and len(text.split()) == 1 and (
                len(text) <= CATCHWORD_MAX_CHARS and parse_folio(text) is None):
            marks.catchwords[len(pages) - 1] = {
                number: f"{text!r}: the last page, where {share:.0%} of the others print one"}
    marks.signatures = _signatures(_candidates(doc, pages, marks.catchwords))
    return marks
