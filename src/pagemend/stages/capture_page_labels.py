"""capture_page_labels: each page's printed folio becomes its label.

Reads the folio out of the furniture ``remove_running_heads`` found (a bare folio line, or a
head with its folio). A page that prints none takes the label its PDF declares (/PageLabels)
when the reader had one; otherwise (a blank page, a plate, a folio the evidence did not
hold) the label its neighbours' sequence implies, in their numbering style,
marked ``label_inferred``. Where a PDF declares labels that agree with the printed folios on
most pages (``DECLARED_AGREEMENT``), a page whose found folio disagrees takes the declared
label: one misread number does not outvote a sequence the PDF and the print share; where they
mostly disagree (a PDF numbering its physical pages), print wins. Labels come from print,
never from the page index: drop the first pages of a book and the rest keep their labels.
Labels are page fields, not line decisions: the folio's line carries the decision that made
it furniture.

Leaves alone: the text and the roles of lines.

    >>> from pagemend.readers import read_text
    >>> from pagemend.stages.measure_document import measure_document
    >>> from pagemend.stages.remove_running_heads import remove_running_heads
    >>> doc = read_text("text\\nxi\\fmore\\n\\fend\\n1\\fafter\\n2")
    >>> doc = remove_running_heads(measure_document(doc, None), None)
    >>> [(p.label, p.label_inferred) for p in capture_page_labels(doc, None).pages]
    [(None, False), (None, False), ('1', False), ('2', False)]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from pagemend.data.folios import Folio, format_folio, parse_folio, split_head
from pagemend.foot_marks import signature_parts
from pagemend.model import FURNITURE_ROLES, Decision, Document, Line, Page, replace
from pagemend.registry import stage
from pagemend.rules import Rule, rule

__all__ = ["CapturePageLabelsConfig", "capture_page_labels", "furniture_folios", "printed_folios"]

STAGE = "capture_page_labels"

#: A PDF's declared labels are trusted over a found folio when they equal the found folios on
#: more than this share of the pages that have both (a PDF whose labels only count its sheets
#: agrees with print on none, or on a few by chance).
DECLARED_AGREEMENT = 0.5

@dataclass(frozen=True, slots=True)
class CapturePageLabelsConfig:
    enabled: bool = True


def _line_folio(line: Line) -> Folio | None:
    folio = parse_folio(line.text)
    if folio is None:
        split = split_head(line.text)
        folio = split[0] if split else None
    return folio


def furniture_folios(page: Page) -> list[Folio]:
    """The numbers printed in the page's furniture: bare folios, and folios beside a head
    (``CHAPTER I`` yields ``I`` too: the sequence decides which is the page number)."""
    found = []
    for line in page.lines:
        if line.role not in FURNITURE_ROLES or signature_parts(line.text) is not None:
            continue  # a signature mark's leaf number (`A 4`) is no folio
        folio = _line_folio(line)
        if folio is not None:
            found.append(folio)
    return found


def printed_folios(doc: Document) -> dict[int, Folio]:
    """Each page's folio: of its furniture numbers, the one whose offset from the page index
    the most pages share."""
    candidates = {page.index: furniture_folios(page) for page in doc.pages}
    support = Counter(
        (folio.style, folio.value - index) for index, folios in candidates.items()
        for folio in folios
    )
    return {
        index: max(folios, key=lambda f: support[(f.style, f.value - index)])
        for index, folios in candidates.items() if folios
    }


def _infer(index: int, folios: dict[int, Folio], indices: list[int] | None = None
           ) -> str | None:
    """The label the nearest printed folio before the page (or else after it) implies;
    ``indices``: the pages with folios, in order (``sorted(folios)``), as found once.

    >>> arabic = Folio("7", 7, "arabic")
    >>> _infer(4, {2: arabic}), _infer(0, {2: arabic}), _infer(1, {9: arabic})
    ('9', '5', None)
    """
    indices = sorted(folios) if indices is None else indices
    k = bisect_left(indices, index)  # (the nearest pages by bisection, not a scan of all)
    if k:
        before = indices[k - 1]
        anchor = folios[before]
        return format_folio(anchor.value + index - before, anchor.style)
    k = bisect_right(indices, index)
    if k < len(indices):
        after = indices[k]
        anchor = folios[after]
        value = anchor.value - (after - index)
        return format_folio(value, anchor.style) if value > 0 else None
    return None


def declared_trusted(doc: Document, folios: dict[int, Folio]) -> bool:
    """The PDF's declared labels equal the printed folios on most pages that have both."""
    both = [(folios[page.index].text, page.pdf_label) for page in doc.pages
            if page.index in folios and page.pdf_label]
    return bool(both) and sum(a == b for a, b in both) / len(both) > DECLARED_AGREEMENT


PRINTED = rule(STAGE, "printed_folio", "A page's printed folio is its label.")
DECLARED_OVER_PRINT = rule(STAGE, "declared_over_print", "Where a PDF's /PageLabels agree with "
                           "the printed folios on most pages, a page's declared label wins over "
                           "its printed number (a misread or a sheet number).")
DECLARED = rule(STAGE, "declared_label", "A page that prints no folio takes the label its PDF "
                "declares in /PageLabels.")
IMPLIED = rule(STAGE, "implied_by_sequence", "A page that prints no folio takes the number its "
               "neighbours' folio sequence implies.")


def _label(page: Page, folios: dict[int, Folio], trusted: bool, indices: list[int]
           ) -> tuple[str | None, bool, Rule, str]:
    """The page's label, whether the sequence implied it, and the rule and evidence
    (``indices``: the pages with folios, in order)."""
    folio = folios.get(page.index)
    if folio is not None and page.pdf_label and trusted:  # a misread number, most likely
        agree = "agrees with" if page.pdf_label == folio.text else "over"
        return (page.pdf_label, False, DECLARED_OVER_PRINT,
                f"/PageLabels {page.pdf_label!r} {agree} the printed {folio.text!r}; the two "
                "agree on most pages")
    if folio is not None:
        over = (f" over /PageLabels {page.pdf_label!r}: the two disagree on most pages"
                if page.pdf_label and page.pdf_label != folio.text else "")
        return folio.text, False, PRINTED, f"printed folio {folio.text!r}{over}"
    if page.pdf_label:  # not printed, but declared by the PDF itself
        return page.pdf_label, False, DECLARED, f"/PageLabels {page.pdf_label!r}; no folio printed"
    label = _infer(page.index, folios, indices)
    return label, label is not None, IMPLIED, "no folio printed; the sequence of the others"


@stage(STAGE, CapturePageLabelsConfig, requires=("line.role",), assigns=("page.label",))
def capture_page_labels(doc: Document, config: CapturePageLabelsConfig | None) -> Document:
    """Label every page; see the module docstring."""
    folios = printed_folios(doc)
    trusted = declared_trusted(doc, folios)
    indices = sorted(folios)
    pages = []
    decisions = []
    for page in doc.pages:
        label, inferred, by, evidence = _label(page, folios, trusted, indices)
        pages.append(replace(page, label=label, label_inferred=inferred))
        if label is not None:  # a page-level decision, recorded on the page's first line
            decisions.append(Decision(STAGE, by.id, page.index, 0, "label", page.label, label,
                                      evidence))
    return replace(doc, pages=tuple(pages)).with_decisions(decisions)
