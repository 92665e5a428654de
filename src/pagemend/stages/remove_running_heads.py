"""remove_running_heads: take running heads, folios and foot lines out of the text.

Evidence, page by page, from the edges inwards (at most ``ZONE_LINES`` non-blank lines at the
top and at the foot; the walk stops at the first line that is not furniture):

- a line holding only a page number (ornaments allowed: ``— 3 —``, ``[12]``) whose value
  keeps step with the physical page index, as the folios of other pages do (the same offset
  between printed number and page index on at least ``MIN_SEQUENCE_PAGES`` pages, counted
  separately for arabic and roman numbering, so front matter in roman and the body in arabic
  both work);
- a folio and a title on one line (``142 { China's Quest``, ``CHAPTER I · 3``,
  ``THE TITLE 23``): the folio keeps step, and the title recurs on other pages, or a
  separator glyph sets it off and it is short (the shape of a head, evidence enough on a
  single page);
- a line that recurs, digits and spacing aside, at the same edge of at least
  ``MIN_HEAD_PAGES`` pages (so different verso and recto heads, and heads on recto pages
  only, are found), and sits apart from the body (a blank line between, or not) and, with
  geometry, at the height the other occurrences do; where a line has fewer than two other
  occurrences (a chapter of one or two pages), it must sit as the book's heads sit, taken
  over every recurring line but its first occurrence (the first is where a heading and the
  head that repeats it can meet);
- a head printed on one page only: the top of the page prints a line, the folio, then the
  same line again (the head over the heading it repeats), or a short line set off as the
  book's heads are stands over a sentence that runs on from the previous page (no heading
  interrupts a sentence);
- a page whose edges print no folio: a line holding exactly the page's number in the book's
  folio sequence, wherever the reading order placed it (the foot of a column);
- a head that changes on every page (the page's subject, as older books print it): a title
  beside a folio in sequence at the outer corner (first on an even page, last on an odd one),
  in a book that prints most of its folios in the head line;
- at the foot of older books' pages, below everything else: the catchword (the next page's
  first word or syllable, ``cti-`` over ``ctiren``; a second one for a note that runs over)
  and the signature mark (``A 3``, ``C c 2``, ``6*``, ``Rohde, Seelencult. 10``), trusted
  where another mark of its sheet stands a few pages away (``foot_marks``).

Leaves alone: a one-off heading at the top of a page (it does not recur: a chapter heading
``STAVE ONE.`` is not the running head ``STAVE ONE``), the heading under a head that repeats
its words (a page prints one head per edge), the heading of a chapter's opening page that
prints its folio at the foot where the later pages print theirs beside the head, or, where
no blank line or position tells them apart, that stands over a new sentence after a finished
page while the heads stand over running text, a body line that starts with a number (``1950
was a year`` has no separator and does not recur), a numbered item (``4.``: a head has
words), a one-line note at the foot (``1 Ibid.``, ``* Ibid.``: it opens with a note label,
and recurs only because digits do not count), and everything past the first body line of
each edge. Each removed line becomes an edit holding it verbatim and a decision naming its
rule; its role says what it was (``running_head``, ``folio``, ``foot``).

    >>> from pagemend.readers import read_text
    >>> pages = ["12 | A Tale\\n\\nIt was the best of", "CHAPTER I · 13\\n\\ntimes.\\n1950 was"]
    >>> doc = remove_running_heads(read_text("\\f".join(pages)), RemoveRunningHeadsConfig())
    >>> [(line.text, line.role) for line in doc.lines() if line.text]
    [('12 | A Tale', 'running_head'), ('It was the best of', 'body'), \
('CHAPTER I · 13', 'running_head'), ('times.', 'body'), ('1950 was', 'body')]
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

from pagemend.data.folios import Folio, parse_folio, split_head
from pagemend.data.headings import BARE_NUMERAL, DIVISION
from pagemend.data.notes import note_label
from pagemend.foot_marks import FootMarks, foot_marks
from pagemend.furniture import (
    CLAUSE_END,
    EdgeLine,
    Evidence,
    catchword,
    folio_title_key,
    gather,
    has_words,
    head_key,
    plausible_head,
)
from pagemend.layout import left_margins, right_margins
from pagemend.model import Document, Edit, Line, LineRole, Page
from pagemend.registry import stage
from pagemend.rules import Changes, Rule, rule

__all__ = ["RemoveRunningHeadsConfig", "head_key", "remove_running_heads"]

STAGE = "remove_running_heads"

#: A head set off by a separator glyph is at most this share of the page's full line.
HEAD_MAX_SHARE = 0.7
#: A recurring line is a head only if shorter than this share of the page's full line: heads
#: are titles, set centred or at an edge, never a justified full line. The longest head of
#: the development corpus set within the measure runs to 0.7 of its full line.
RECURRING_MAX_SHARE = 0.9
#: ... unless it recurs verbatim at the same edge of this many pages: a long chapter title in
#: the head (vanityfair-groff's runs past the measure) repeats word for word, prose never does.
LONG_HEAD_MIN_PAGES = 3
#: A book prints its folios in the head line where at least this share of its pages do
#: (schliemann, whose topic heads change on every page: all of them; kant, glueck: all).
FOLIO_HEAD_HABIT = 0.5
#: ... and such a head's title, beside its folio, is no longer than the page's full line (the
#: longest of schliemann's topic heads runs to 0.95 of it; its folio is further evidence).
OUTER_HEAD_MAX_SHARE = 1.0
#: The line under a one-page head that continues the previous page's sentence is body prose:
#: at least this share of the full line (a verse line or a title under a heading is shorter),
#: or the paragraph's last line, ending it. Development corpus (tomjones-groff): 0.9 to 1.0;
#: bacon-latex's OCR ends a chapter in one short line under its head.
RUN_ON_MIN_SHARE = 0.6


FOLIO_IN_SEQUENCE = rule(
    STAGE, "folio_in_sequence", "A line at a page's edge holding only a number (ornaments "
    "allowed) whose offset from the page index other pages' folios share is the folio.")
HEAD_WITH_RECURRING_TITLE = rule(
    STAGE, "head_with_folio_recurring", "A title printed on one line with a folio in sequence, "
    "recurring so at the same edge of other pages, is the running head.")
HEAD_WITH_FOLIO_SHAPE = rule(
    STAGE, "head_with_folio_shape", "A short title set off from a folio in sequence by a "
    "separator glyph is the running head, even on a single page.")
RECURRING_LINE = rule(
    STAGE, "recurring_line", "A line that recurs at the same edge of other pages, set off from "
    "the body and placed as they are, is a running head (top) or a foot line (bottom).")
HEAD_REPEATING_HEADING = rule(
    STAGE, "head_with_folio_repeating_heading", "A short title beside a folio in sequence that "
    "repeats the line opening the page before (the chapter's heading) is that chapter's "
    "running head, even on a single page.")
HEAD_OVER_ITS_HEADING = rule(
    STAGE, "head_over_its_heading", "Where the top of a page prints a line, the folio, then the "
    "same line again, the first is the running head and the second the heading it repeats.")
HEAD_OVER_RUNNING_SENTENCE = rule(
    STAGE, "head_over_running_sentence", "A short line at the top of a page, set off as the "
    "book's heads are, over a sentence running on from the previous page is the running head: "
    "no heading interrupts a sentence.")
HEAD_BESIDE_OUTER_FOLIO = rule(
    STAGE, "head_beside_outer_folio", "A title printed at the top of a page beside a folio in "
    "sequence that stands at the outer corner (first on an even page, last on an odd one) is "
    "the running head, even where it changes on every page, in a book that prints most of "
    "its folios in the head line.")
FOLIO_OUT_OF_PLACE = rule(
    STAGE, "folio_out_of_place", "On a page whose edges print no folio, a line holding only the "
    "page's number in the book's folio sequence is the folio, wherever the reading order put it "
    "(the foot of a column).")
HEAD_BESIDE_FOLIO = rule(
    STAGE, "head_beside_folio", "With geometry, a line at a page's edge on the baseline of a "
    "folio in sequence, set apart from it, is the running head (top) or foot line the folio "
    "stands beside.")
HEAD_APART_FROM_FOLIO = rule(
    STAGE, "head_apart_from_folio", "In page text, a short line and the folio in sequence that "
    "open a page as its first two lines, each set off by a blank line, are the running head "
    "and its folio that extraction set apart (one printed line, folio at the margin).")
CATCHWORD_AT_MARGIN = rule(
    STAGE, "catchword_at_margin", "With geometry, a single word set alone at the right margin "
    "under a page's last line, the next page's first word, is a catchword (hand-press books "
    "and their facsimiles).")
SIGNATURE_BESIDE_CATCHWORD = rule(
    STAGE, "signature_beside_catchword", "With geometry, short pieces set apart on the "
    "catchword's line are the sheet's signature mark.")

CATCHWORD = rule(
    STAGE, "catchword", "The last line of a page that repeats the next page's first word or "
    "syllable (`cti-` over `ctiren`), and a short line above it that opens a line of the next "
    "page (a note's catchword), are catchwords: the printer's marks, not text.")
SIGNATURE_MARK = rule(
    STAGE, "signature_mark", "A sheet letter and leaf number (`A 3`, `C c 2`, `B ij`), a sheet "
    "number with a star (`6*`) or a short title with a sheet number at the foot of a page, "
    "above its catchwords, is a signature mark where another mark of its sheet stands a few "
    "pages away.")

MARGIN_MARK = rule(
    STAGE, "margin_mark", "With geometry, a line of ornaments or marks alone (`♣`, `☞`: no "
    "letter or digit) set wholly outside the page's text block, in its margin, is a mark for "
    "the reader, not a word of the text.")

SECTION_IN_HEAD = rule(
    STAGE, "section_in_head", "A section's number (`3.2`) set apart at the top of a page, "
    "beside or above that page's running head, is part of the head (a head in three pieces: "
    "number, title, folio).")

_Found = tuple[Rule, LineRole, str]
#: A section's number as a head prints it beside the title and folio (`3.2`, `1.4.2`).
SECTION_LABEL = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?$")
#: A mark stands in the margin when it ends (or begins) at least this many type sizes
#: outside the page's margin (hand-set golden case margin-ornaments-pdf: 2.3 sizes).
MARGIN_SHARE = 0.5
#: Pieces whose tops lie within this share of the type size share a baseline.
BASELINE_SHARE = 0.5
#: a letter or a digit (what str.isalnum accepts: word characters but the underscore)
_ALPHANUMERIC = re.compile(r"[^\W_]")


def _foot_mark(edge: EdgeLine, marks: FootMarks) -> _Found | None:
    """A catchword or a signature mark at the foot of the page (see ``foot_marks``)."""
    if edge.zone != "bottom":
        return None
    page, number = edge.line.page, edge.line.number
    catchword = marks.catchword(page, number)
    if catchword is not None:
        return CATCHWORD, "foot", catchword
    signature = marks.signature(page, number)
    return (SIGNATURE_MARK, "foot", signature) if signature is not None else None


@dataclass(frozen=True, slots=True)
class RemoveRunningHeadsConfig:
    enabled: bool = True


def _shorter_than(text: str, share: float, full_line: int) -> bool:
    """True when the text is shorter than a share of the full line (or the line is unknown)."""
    return not full_line or len(text) <= share * full_line


def _head_with_folio(edge: EdgeLine, evidence: Evidence, full_line: int) -> _Found | None:
    split = edge.split
    if split is None or not plausible_head(split, edge.zone, evidence.titled):
        return None
    if edge.zone == "bottom" and split[1].startswith(")") and split[0].text == (
            edge.line.text[:len(split[0].text)]):
        return None  # `11) a. a. O.`: a number closed by a bracket labels a one-line note
    folio, _, title = split
    if not evidence.keeps_step(folio, edge.line.page):
        return None
    role: LineRole = "running_head" if edge.zone == "top" else "foot"
    recurs, why = evidence.recurs(edge, folio_title_key(title), True)
    if recurs:
        return HEAD_WITH_RECURRING_TITLE, role, f"head with folio {folio.text}: title {why}"
    return _head_of_one_page(split, edge, evidence, full_line)


def _head_of_one_page(split: tuple[Folio, str, str], edge: EdgeLine, evidence: Evidence,
                      full_line: int) -> _Found | None:
    """A head with its folio that does not recur: its shape, or the heading it repeats."""
    folio, separator, title = split
    role: LineRole = "running_head" if edge.zone == "top" else "foot"
    if not _shorter_than(title, HEAD_MAX_SHARE, full_line):
        return _head_beside_outer_folio(split, edge, evidence, full_line)
    if separator.strip():
        return (HEAD_WITH_FOLIO_SHAPE, role,
                f"head with folio {folio.text}: a title of {len(title)} characters set off "
                f"by {separator.strip()!r}")
    opened = evidence.opened_by(head_key(title), edge.line.page)
    if opened is not None:  # the reading order may put it at either edge
        return (HEAD_REPEATING_HEADING, role,
                f"head with folio {folio.text}: the title opens page {opened}")
    return _head_beside_outer_folio(split, edge, evidence, full_line)


def _head_beside_outer_folio(split: tuple[Folio, str, str], edge: EdgeLine,
                             evidence: Evidence, full_line: int) -> _Found | None:
    """A head that changes from page to page, known by its folio at the outer corner."""
    folio, _, title = split
    first = edge.line.text.lstrip().startswith(folio.text)
    pages = len(evidence.folio_zones) and sum(
        "top" in zones for zones in evidence.folio_zones.values())
    if (edge.zone != "top" or folio.style != "arabic" or first != (folio.value % 2 == 0)
            or evidence.folio_zones.get(edge.line.page) != {"top"}  # one folio a page
            or DIVISION.match(edge.line.text)  # `CHAPTER 1` on page 1
            or pages < FOLIO_HEAD_HABIT * evidence.pages
            or not _shorter_than(title, OUTER_HEAD_MAX_SHARE, full_line)):
        return None
    side = "first, on an even page" if first else "last, on an odd page"
    return (HEAD_BESIDE_OUTER_FOLIO, "running_head",
            f"title beside folio {folio.text} ({side}); {pages} of {evidence.pages} pages "
            "print their folio in the head line")


def _classify(edge: EdgeLine, evidence: Evidence, full_line: int) -> _Found | None:
    """The furniture role of an edge line, its rule and evidence, or None for a body line."""
    text = edge.line.text
    folio = edge.folio
    if folio is not None:
        if evidence.keeps_step(folio, edge.line.page):
            return (FOLIO_IN_SEQUENCE, "folio",
                    f"page number {folio.text} keeps step with the other pages' folios")
        return None
    found = _head_with_folio(edge, evidence, full_line)
    key = edge.key
    if found is not None or not has_words(key):
        return found
    if edge.zone == "bottom" and note_label(text):
        return None  # a one-line note (`1 Ibid.`, `* Ibid.`) recurs, digits aside: no foot line
    if not (_shorter_than(text, RECURRING_MAX_SHARE, full_line)
            or evidence.verbatim_pages(edge.zone, key) >= LONG_HEAD_MIN_PAGES):
        return None
    recurs, why = evidence.recurs(edge, key, False)
    role: LineRole = "running_head" if edge.zone == "top" else "foot"
    return (RECURRING_LINE, role, f"line {why}") if recurs else None


def _head_over_its_heading(edge: EdgeLine, top: list[EdgeLine], evidence: Evidence
                           ) -> _Found | None:
    """The top of the page holds the folio and a title twice: the head, then the heading (the
    folio above, beside or between them, or on the head's own line)."""
    page = edge.line.page
    numbers: list[Folio] = []
    titles: list[tuple[EdgeLine, str]] = []
    for other in top:
        folio = other.folio
        split = other.split if other is top[0] else None
        if folio is not None:
            numbers += [folio] if evidence.keeps_step(folio, page) else []
        elif split is not None and evidence.keeps_step(split[0], page):
            numbers.append(split[0])
            titles.append((other, head_key(split[2])))
        else:
            titles.append((other, other.key))
    if (len(numbers) != 1 or len(titles) < 2 or titles[0][0] is not edge
            or titles[0][1].casefold() != titles[1][1].casefold()
            or not has_words(titles[0][1])):
        return None
    return (HEAD_OVER_ITS_HEADING, "running_head",
            f"with folio {numbers[0].text}, over the heading that repeats it")


def _next_body(page: Page, after: int) -> Line | None:
    """The first filled line after a line that is not a bare number."""
    return next((line for line in page.lines[after + 1:]
                 if line.text and parse_folio(line.text) is None), None)


def _head_over_running_sentence(edge: EdgeLine, page: Page, evidence: Evidence,
                                full_line: int, previous_end: Line | None) -> _Found | None:
    """A short line over prose that runs on from the previous page's unfinished sentence; a
    chapter label (``CHAPTER I``, ``IV.``) has a heading's shape and needs more evidence (it
    recurs, when a head)."""
    text = edge.line.text
    if (edge.zone != "top" or previous_end is None or not full_line
            or "top" not in evidence.book_separated or not has_words(head_key(text))
            or not _shorter_than(text, HEAD_MAX_SHARE, full_line)
            or CLAUSE_END.search(previous_end.text.rstrip())
            or DIVISION.match(text) or BARE_NUMERAL.match(text)
            or not evidence.set_as_heads(edge)):
        return None
    body = _next_body(page, edge.line.number)
    if body is None or not body.text[:1].islower():
        return None
    if len(body.text) < RUN_ON_MIN_SHARE * full_line and not CLAUSE_END.search(body.text):
        return None  # a short line runs on only to end its paragraph
    return (HEAD_OVER_RUNNING_SENTENCE, "running_head",
            f"{len(text)} characters, set off as the book's heads, over a sentence running on "
            f"from page {previous_end.page}")


def _folio_out_of_place(page: Page, found: dict[int, _Found], evidence: Evidence
                        ) -> dict[int, _Found]:
    """The page's own number on a line of its own, set off by a blank line (a flow of its
    own), where the edges gave no folio."""
    if any(parse_folio(page.lines[n].text) or split_head(page.lines[n].text) for n in found):
        return {}
    candidates = []
    for line in page.lines:
        if not line.text or line.number in found:
            continue
        folio = parse_folio(line.text)  # (before the blank lines around: most lines hold none)
        if folio is None or not _set_off(page, line.number):
            continue
        if folio.value == evidence.sequence_value(folio.style, page.index):
            candidates.append((line, folio))
    if len(candidates) != 1:
        return {}
    line, folio = candidates[0]
    return {line.number: (FOLIO_OUT_OF_PLACE, "folio",
                          f"page number {folio.text} is this page's place in the folio sequence, "
                          f"on line {line.number}, a flow of its own")}


def _set_off(page: Page, number: int) -> bool:
    """A blank line (or the page's edge) before or after the line."""
    return any(not (0 <= i < len(page.lines)) or not page.lines[i].text
               for i in (number - 1, number + 1))


def _page_furniture(page: Page, evidence: Evidence, full_line: int,
                    previous_end: Line | None, marks: FootMarks) -> dict[int, _Found]:
    found: dict[int, _Found] = {}
    stopped: set[str] = set()
    heads: set[tuple[str, str]] = set()
    edges = evidence.edges(page)
    top = [edge for edge in edges if edge.zone == "top"]
    label: EdgeLine | None = None  # a section's number set apart at the top
    for edge in edges:
        if edge.zone in stopped or edge.line.number in found:
            continue
        if edge.zone == "top" and label is None and SECTION_LABEL.match(edge.line.text):
            label = edge  # the head's, if a head follows it
            continue
        if edge.zone == "bottom" and _ALPHANUMERIC.search(edge.line.text) is None:
            continue  # a marginal mark or ornament below the catchword (`♣`) ends nothing
        key = (edge.zone, edge.key)
        decision = None
        if key not in heads:  # a page prints one head per edge: the repeat is its heading
            decision = (_foot_mark(edge, marks) or _classify(edge, evidence, full_line)
                        or _head_over_its_heading(edge, top, evidence)
                        or _head_over_running_sentence(edge, page, evidence, full_line,
                                                       previous_end))
        if decision is None:
            stopped.add(edge.zone)  # the first body line ends this edge's furniture
            continue
        found[edge.line.number] = decision
        if decision[1] != "folio" and decision[0] not in (CATCHWORD, SIGNATURE_MARK):
            heads.add(key)
    found |= _beside_folio(edges, found, evidence)
    found |= _apart_from_folio(top, found, evidence, full_line)
    if label is not None and label.line.number not in found and any(
            why[1] == "running_head" for why in found.values()):
        found[label.line.number] = (SECTION_IN_HEAD, "running_head",
                                    f"section number {label.line.text} over the running head")
    return found | _folio_out_of_place(page, found, evidence)


def _beside_folio(edges: list[EdgeLine], found: dict[int, _Found], evidence: Evidence
                  ) -> dict[int, _Found]:
    """The folio in sequence at an edge and the pieces on its baseline (the reader sets
    pieces far apart on one baseline as lines of their own: `vi` | `Chapter 0. Preface`)."""
    more: dict[int, _Found] = {}
    for edge in edges:
        folio = edge.folio
        geometry = edge.line.geometry
        if folio is None or geometry is None or not evidence.keeps_step(folio, edge.line.page):
            continue
        beside = [other for other in edges if other.zone == edge.zone and other is not edge
                  and other.line.geometry is not None and other.line.number not in found
                  and (has_words(other.key)
                       or SECTION_LABEL.match(other.line.text) is not None)
                  and abs(other.line.geometry.top - geometry.top)
                  <= BASELINE_SHARE * (geometry.font_size or 10.0)]
        if not beside:
            continue
        role: LineRole = "running_head" if edge.zone == "top" else "foot"
        more.setdefault(edge.line.number, (
            FOLIO_IN_SEQUENCE, "folio",
            f"page number {folio.text} keeps step with the other pages' folios"))
        for other in beside:
            more[other.line.number] = (HEAD_BESIDE_FOLIO, role, f"on the baseline of the "
                                       f"folio {folio.text}, {edge.zone} of the page")
    return {number: why for number, why in more.items() if number not in found}


def _apart_from_folio(top: list[EdgeLine], found: dict[int, _Found], evidence: Evidence,
                      full_line: int) -> dict[int, _Found]:
    """Page text: the head and its folio as the page's first two lines, each followed by a
    blank line (`1.3. The first program` / `3`), where geometry cannot show their baseline."""
    if len(top) < 2 or not all(edge.separated for edge in top[:2]):
        return {}
    first, second = top[:2]
    for folio_edge, title in ((first, second), (second, first)):
        pair = _head_and_folio(folio_edge, title, found, evidence, full_line)
        if pair:
            return pair
    if len(top) < 3 or not top[2].separated:
        return {}
    for order in itertools.permutations(top[:3]):  # a section's number, its title, the folio
        folio_edge, title, label = order
        pair = _head_and_folio(folio_edge, title, found, evidence, full_line)
        if pair and label.line.geometry is None and SECTION_LABEL.match(label.line.text):
            return pair | ({} if label.line.number in found else {label.line.number: (
                SECTION_IN_HEAD, "running_head", f"section number {label.line.text} set apart "
                "beside the head and its folio")})
    return {}


def _head_and_folio(folio_edge: EdgeLine, title: EdgeLine, found: dict[int, _Found],
                    evidence: Evidence, full_line: int) -> dict[int, _Found]:
    """The folio in sequence and the short title set apart from it, or nothing."""
    folio = folio_edge.folio
    text = title.line.text
    if (folio is None or title.line.geometry is not None or title.line.number in found
            or not evidence.keeps_step(folio, folio_edge.line.page)
            or not has_words(head_key(text)) or not _shorter_than(text, HEAD_MAX_SHARE,
                                                                  full_line)
            or DIVISION.match(text) or BARE_NUMERAL.match(text) or CLAUSE_END.search(text)):
        return {}
    pair: dict[int, _Found] = {
        folio_edge.line.number: (FOLIO_IN_SEQUENCE, "folio", f"page number {folio.text} "
                                 "keeps step with the other pages' folios"),
        title.line.number: (HEAD_APART_FROM_FOLIO, "running_head", f"{len(text)} "
                            f"characters opening the page with the folio {folio.text}, "
                            "each set off by a blank line")}
    return {number: why for number, why in pair.items() if number not in found}


def _catchword_furniture(doc: Document, margins: tuple[float | None, ...]
                         ) -> dict[int, dict[int, _Found]]:
    """Per page, the catchword and signature mark at its foot (with geometry only);
    ``margins``: each page's right margin (``layout.right_margins``)."""
    if all(margin is None for margin in margins):
        return {}  # (page text: no page has a margin to find a catchword at)
    sizes = sorted([size for line in doc.lines() if line.text
                    and (geometry := line.geometry) is not None and (size := geometry.font_size)])
    if not sizes:
        return {}
    body_size = sizes[len(sizes) // 2]
    found: dict[int, dict[int, _Found]] = {}
    for page, following in zip(doc.pages, doc.pages[1:], strict=False):
        caught = catchword(page, following, margins[page.index], body_size)
        if caught is None:
            continue
        word, signature = caught
        found[page.index] = {word.number: (
            CATCHWORD_AT_MARGIN, "foot",
            f"{word.text!r} at the right margin under the text opens page {following.index}")}
        for piece in signature:
            found[page.index][piece.number] = (
                SIGNATURE_BESIDE_CATCHWORD, "foot",
                f"{len(piece.text)} characters on the line of the catchword {word.text!r}")
    return found


def _last_body_line(page: Page, found: dict[int, _Found]) -> Line | None:
    return next((line for line in reversed(page.lines)
                 if line.text and line.number not in found), None)


def _margin_marks(page: Page, left: float | None, right: float | None) -> dict[int, _Found]:
    """The lines of ``page`` that hold only ornaments set in its margin, left of ``left`` or
    right of ``right`` (the page's margins, in points)."""
    found: dict[int, _Found] = {}
    if left is None or right is None:
        return found
    # (most lines open with a letter or a digit: one comprehension's first test ends them)
    for line in [line for line in page.lines if not line.text[:1].isalnum()]:
        geometry, text = line.geometry, line.text
        if (geometry is None or line.role != "body"
                or _ALPHANUMERIC.search(text) is not None or not text.strip()
                or not any(unicodedata.category(char) == "So" for char in text)):
            continue
        room = MARGIN_SHARE * (geometry.font_size or 10.0)
        if geometry.x1 <= left - room or geometry.x0 >= right + room:
            side = "left" if geometry.x1 <= left - room else "right"
            found[line.number] = (MARGIN_MARK, "foot", f"{line.text!r} in the {side} margin, "
                                  f"{geometry.x0:.1f}-{geometry.x1:.1f} pt; text block "
                                  f"{left:.1f}-{right:.1f} pt")
    return found


_ACTIONS = {"folio": "remove_folio", "foot": "remove_foot", "running_head": "remove_running_head"}


@stage(STAGE, RemoveRunningHeadsConfig, requires=("stats",), assigns=("line.role",))
def remove_running_heads(doc: Document, config: RemoveRunningHeadsConfig) -> Document:
    """Mark and remove page furniture; see the module docstring."""
    evidence = gather(doc)
    marks = foot_marks(doc)
    full_lines = doc.stats.full_line_length if doc.stats else ()
    changes = Changes()
    edits: list[Edit] = []
    previous_end: Line | None = None
    lefts, rights = left_margins(doc), right_margins(doc)
    catchwords = _catchword_furniture(doc, rights)
    for page in doc.pages:
        full_line = full_lines[page.index] if page.index < len(full_lines) else 0
        found = _page_furniture(page, evidence, full_line, previous_end, marks) | catchwords.get(
            page.index, {}) | _margin_marks(page, lefts[page.index], rights[page.index])
        for number, (by, role, reason) in sorted(found.items()):
            line = page.lines[number]
            changes.decide(line, by, reason, "role", role)  # (one field: no dict of values)
            edits.append(Edit(STAGE, _ACTIONS[role], page.index, number, line.text, "", reason))
        previous_end = _last_body_line(page, found) or previous_end
    return changes.apply(doc).with_edits(edits)
