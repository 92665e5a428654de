"""Build the golden cases that are PDFs (``input.pdf``) from text of our own, set by hand:
each line a text object at its place, in Times-Roman, through pypdf (a dev dependency). The
PDFs are committed; rerun this script only to change them.

    python tests/cases/make_pdfs.py
"""

from __future__ import annotations

import itertools
import re
import tempfile
import textwrap
from pathlib import Path

import pypdf
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

HERE = Path(__file__).resolve().parent

TWO_COLUMNS = [
    "The smallest tools in a workshop are the ones most often lost, and the ones whose loss "
    "is felt at once: a bradawl, a pair of dividers, the little square that lives in the "
    "apron pocket and nowhere else.",
    "A careful worker keeps a place for each of them, and a habit of returning them there "
    "before the light fails. The habit costs a minute at the end of the day and saves an "
    "hour at the beginning of the next.",
    "Shelves are better than drawers for this purpose, since a shelf shows at a glance what "
    "is missing, while a drawer hides its gaps until the moment a thing is wanted.",
    "Some workers paint the outline of each tool on the board where it hangs. The practice "
    "looks fussy to a visitor, but the visitor does not have to find the dividers in a "
    "hurry.",
]


def _escape(text: str) -> str:
    return text.replace("\\\\", "\\\\\\\\").replace("(", "\\\\(").replace(")", "\\\\)")


def _text(x: float, y: float, size: float, text: str) -> str:
    return f"BT /F1 {size} Tf {x:.1f} {y:.1f} Td ({_escape(text)}) Tj ET"


def _write(pages: list[list[str]], path: Path, width: float = 420, height: float = 600,
           labels_from: int | None = None) -> None:
    writer = pypdf.PdfWriter()
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                             NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Times-Roman")})
    font_ref = writer._add_object(font)
    fonts = _fonts(writer) if any(f"/F{n} " in line for content in pages
                                  for line in content for n in (2, 3, 4)) else None
    for content in pages:
        page = writer.add_blank_page(width=width, height=height)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): fonts or DictionaryObject({NameObject("/F1"): font_ref})})
        stream = DecodedStreamObject()
        stream.set_data("\n".join(content).encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    if labels_from is not None:  # /PageLabels: decimal numbers from this one
        writer.set_page_label(0, len(pages) - 1, style="/D", start=labels_from)
    writer.add_metadata({"/Producer": "pagemend tests"})
    with path.open("wb") as handle:
        writer.write(handle)


def _fonts(writer: pypdf.PdfWriter) -> DictionaryObject:
    """Times-Roman as /F1, Times-Bold as /F2, Zapf Dingbats as /F3, Courier as /F4."""
    fonts = DictionaryObject()
    for key, name in (("/F1", "/Times-Roman"), ("/F2", "/Times-Bold"),
                      ("/F3", "/ZapfDingbats"), ("/F4", "/Courier")):
        fonts[NameObject(key)] = writer._add_object(DictionaryObject({
            NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject(name)}))
    return fonts


def _in(font: str, x: float, y: float, size: float, text: str) -> str:
    """``text`` set in font ``font`` (F1 roman, F2 bold, F3 dingbats, F4 courier)."""
    return f"BT /{font} {size} Tf {x:.1f} {y:.1f} Td ({_escape(text)}) Tj ET"


def _wrapped(paragraphs: list[str], width: int) -> list[tuple[str, bool]]:
    """Every line of ``paragraphs`` wrapped at ``width`` characters, with whether it opens one."""
    return [(line, row == 0) for paragraph in paragraphs
            for row, line in enumerate(textwrap.wrap(paragraph, width))]


def two_columns() -> None:
    """Two pages set in two columns under a head that spans both, a folio in the foot; the
    text runs from the left column to the right, and from one page to the next."""
    lines: list[tuple[str, bool]] = []  # (text, opens a paragraph)
    for paragraph in TWO_COLUMNS * 2:
        wrapped = textwrap.wrap(paragraph, 36)
        lines.extend((line, i == 0) for i, line in enumerate(wrapped))
    per_column = 14
    pages: list[list[str]] = []
    for number, start in enumerate(range(0, len(lines), 2 * per_column)):
        content = [_text(150, 560, 9, "A MANUAL OF SMALL THINGS")]
        for column, x in enumerate((40, 225)):
            chunk = lines[start + column * per_column:start + (column + 1) * per_column]
            for row, (text, opens) in enumerate(chunk):
                content.append(_text(x + (8 if opens else 0), 530 - 12 * row, 9, text))
        content.append(_text(205, 40, 9, str(number + 1)))
        pages.append(content)
    _write(pages, HERE / "two-columns-pdf" / "input.pdf", labels_from=1)  # print agrees


WORKSHOP = [
    "Every tool that is used more than once a week should hang within reach of the bench, each "
    "in its own place, with its outline painted on the board so that a missing tool is seen "
    "at a glance.",
    "The board itself is best made of soft wood, which takes a nail or a hook anywhere, and it "
    "should stand a little off the wall, so that no damp from the plaster reaches the steel.",
]
RHYME = ["Saw and chisel, plane and square,", "Every one has got its hook;",
         "Hang it back and find it there,", "Nobody need stop to look."]


def type_and_markers() -> None:
    """One page: a heading set large but in sentence case (found by its size alone), a note
    marker set as a raised number in small type of its own (pdfium gives it a line of its
    own), a rhyme set in on both sides, the note at the foot in small type, and no folio
    printed: the PDF declares the page's label."""
    content = [_text(60, 540, 16, "Where the tools are kept")]
    y = 510.0
    marker_line = ("", 0.0)
    for number, paragraph in enumerate(WORKSHOP):
        for row, line in enumerate(textwrap.wrap(paragraph, 62)):
            content.append(_text(60 + (12 if row == 0 else 0), y, 10, line))
            last = line
            y -= 13
        if number == 0:  # the marker after the paragraph's last word, raised and small
            marker_line = (last, y + 13)
        if number == 0:
            y -= 8
            for verse in RHYME:
                content.append(_text(110, y, 10, verse))
                y -= 13
            y -= 8
    content.append(_text(60, 80, 8, "1 A board painted white shows the outlines best."))
    path = HERE / "type-and-markers-pdf" / "input.pdf"  # no folio printed: /PageLabels says 12
    _write([content], path, labels_from=12)
    end = _line_end(path, *marker_line)  # where the line's last glyph ends, as set
    content.append(f"BT /F1 6 Tf {end + 0.3:.2f} {marker_line[1] + 4:.2f} Td (1) Tj ET")
    _write([content], path, labels_from=12)


def _line_end(path: Path, text: str, baseline: float) -> float:
    """The right edge (points) of the set line ``text`` on the first page of ``path``."""
    import pypdfium2

    page = pypdfium2.PdfDocument(str(path))[0]
    textpage = page.get_textpage()
    whole = textpage.get_text_range()
    start = whole.index(text)
    return float(textpage.get_charbox(start + len(text) - 1)[2])


CATCHWORDS = [
    "The old joiners kept their glue in a pot that stood all day in a pan of hot water at the "
    "back of the stove, and they judged its strength by the way it ran from the brush: thin "
    "as oil for a veneer, thick as honey for a joint that had to hold a chair together "
    "through a hundred winters.",
    "A good joint needs little glue. The surfaces are planed until they meet along their "
    "whole length, warmed so that the glue does not chill before it takes, and pressed "
    "together by hand, rubbed to and fro until the air is driven out and the pieces seize. "
    "Such joints were often stronger than the wood around them, and a careful apprentice "
    "could tell by the sound of a tap whether the glue had taken along the whole seam.",
    "Workmanship of this kind leaves no mark that a visitor would notice, which is perhaps why "
    "it was prized in the trade and seldom mentioned outside it.",
]


def _natural_widths(lines: list[str], path: Path) -> list[float]:
    """How wide each line sets in 10 pt Times-Roman, measured by pdfium on a draft."""
    import pypdfium2

    _write([[_text(0, 100, 10, line)] for line in lines], path)
    pdf = pypdfium2.PdfDocument(str(path))
    widths = []
    for index in range(len(lines)):
        textpage = pdf[index].get_textpage()
        count = textpage.count_chars()
        widths.append(float(textpage.get_charbox(count - 1)[2] - textpage.get_charbox(0)[0]))
    pdf.close()
    return widths


def _justified(x: float, y: float, text: str, spacing: float) -> str:
    return f"BT /F1 10 Tf {spacing:.3f} Tw {x:.1f} {y:.1f} Td ({_escape(text)}) Tj ET"


def catchwords() -> None:
    """Three pages of a facsimile-style book: a bracketed folio centred at the top, justified
    text, and under each page's last line the next page's first word at the right margin
    (hyphenated where the word breaks over the page), with the sheet's signature mark on
    the same line, set apart, under the first page."""
    lines: list[tuple[str, bool]] = []
    for paragraph in CATCHWORDS:
        wrapped = textwrap.wrap(paragraph, 44)
        lines.extend((line, i == 0) for i, line in enumerate(wrapped))
    left, right = 50.0, 250.0
    path = HERE / "catchwords-pdf" / "input.pdf"
    breaks = [0, 9, 17, len(lines)]  # the second page ends its paragraph: `Work-` follows
    catch = {0: lines[9][0].split()[0], 1: "Work-"}
    words = [line for line, _ in lines] + [*catch.values()]
    widths = dict(zip(words, _natural_widths(words, path), strict=True))
    pages: list[list[str]] = []
    for number, (start, stop) in enumerate(itertools.pairwise(breaks)):
        content = [_text(136, 390, 10, f"[ {number + 8} ]")]
        for row, (text, opens) in enumerate(lines[start:stop]):
            indent = 12.0 if opens else 0.0
            ends = start + row + 1 == len(lines) or lines[start + row + 1][1]
            spacing = 0.0 if ends else (right - left - indent - widths[text]) / text.count(" ")
            content.append(_justified(left + indent, 365 - 13 * row, text, spacing))
        foot = 365 - 13 * (stop - start)
        if number in catch:
            content.append(_text(right - widths[catch[number]], foot, 10, catch[number]))
        if number == 0:
            content.append(_text(140, foot, 10, "B"))
        pages.append(content)
    _write(pages, path)


HOUSE = ["he house stood at the end of the lane, where the hedges gave",
         "way to a low stone wall and the wall to open fields. Nobody",
         "remembered who had built it, and nobody in the village cared.",
         "It had been empty for as long as the oldest of them could say,",
         "and the children made up stories about it on winter evenings."]


def drop_cap_set_low() -> None:
    """A chapter opening with a drop cap two lines deep whose top sits a little lower than
    the first line's, the rest of its word in lower case beside it (`T` / `he house`)."""
    content = [_text(60, 540, 14, "CHAPTER ONE"), _text(60, 478, 34, "T")]
    for row, line in enumerate(HOUSE):
        content.append(_text(86 if row < 2 else 60, 500 - 12 * row, 10, line))
    content.append(_text(205, 40, 10, "7"))
    _write([content], HERE / "drop-cap-set-low-pdf" / "input.pdf")


BULLETS = [
    "Sharpen the plane iron before you start, not when the cut has already begun to tear "
    "the grain.",
    "Plane with the grain wherever you can see it, and across it only to take off a "
    "high spot.",
    "Keep the sole waxed, so that the plane glides instead of chattering over the board.",
]


def bullet_list() -> None:
    """A paragraph, a bulleted list whose items run to a second line hanging past the
    bullet, and a paragraph after it with a first-line indent, in a body whose sizes are
    in the text matrix (pdfium reports size 1)."""
    content = []
    y = 520.0
    for row, line in enumerate(textwrap.wrap(
            "A few habits make the difference between a board that is flat and one that only "
            "looks flat from across the room:", 60)):
        content.append(_text(60 + (14 if row == 0 else 0), y, 10, line))
        y -= 13
    for item in BULLETS:
        for row, line in enumerate(textwrap.wrap(item, 56)):
            if row == 0:
                content.append(_text(66, y, 10, "\xb7"))  # the bullet in StandardEncoding
            content.append(_text(76, y, 10, line))
            y -= 13
    for row, line in enumerate(textwrap.wrap(
            "None of these habits takes long to learn, and all of them save time at the "
            "bench, where the hours go faster than anyone expects.", 60)):
        content.append(_text(60 + (14 if row == 0 else 0), y, 10, line))
        y -= 13
    _write([[_in_matrix(line) for line in content]], HERE / "bullet-list-pdf" / "input.pdf")


_SET = re.compile(r"BT /F1 (\S+) Tf (\S+) (\S+) Td")


def _in_matrix(line: str) -> str:
    """The same text set at size 1 and scaled by the text matrix (pdfium then reports the
    nominal size 1 for every glyph)."""
    return _SET.sub(lambda m: f"BT /F1 1 Tf {m[1]} 0 0 {m[1]} {m[2]} {m[3]} Tm", line)


def type_in_matrix() -> None:
    """The page of ``type_and_markers`` with every size in the text matrix instead of the
    font size: the same structure must come out."""
    reader = pypdf.PdfReader(HERE / "type-and-markers-pdf" / "input.pdf")
    data = reader.pages[0].get_contents().get_data().decode("latin-1")
    _write([[_in_matrix(line) for line in data.splitlines()]],
           HERE / "type-in-matrix-pdf" / "input.pdf", labels_from=12)


SECTIONS = [
    "Contents", [("1 Timber", "2"), ("1.1 Choosing the board", "2"),
                 ("1.4.2 Reading the end grain", "5"), ("2 Glue", "9")],
]
CHOOSING = [
    "A board bought in 1887 and kept dry since then is worth more to a joiner than any "
    "board cut this year, for the old one has finished moving and the new one has not "
    "begun. The reasons are given in 1.4.2 below, with the signs that show them.",
    "Before buying, look at three things, in this order:",
]
CHECKS = ["1. the end grain, for rings that run across the board;",
          "2. the faces, for knots that have dried loose;",
          "3. the edges, for a twist seen along their length."]


def numbers_not_markers() -> None:
    """A contents page whose entries open with section numbers (`1.1`, `1.4.2`) and end with
    page numbers, then a page that opens a numbered section, names a year and a section in
    its text, and ends with a numbered list at the foot: none of these numbers is a note
    marker, and the list is no block of footnotes."""
    contents = [_in("F2", 60, 540, 14, "Contents")]
    for row, (entry, page) in enumerate(SECTIONS[1]):  # type: ignore[misc]
        contents.append(_text(60, 510 - 16 * row, 10, f"{entry} . . . . . . . . . . {page}"))
    contents.append(_text(205, 40, 10, "1"))
    body = [_in("F2", 60, 540, 12, "1.1 Choosing the board")]
    y = 515.0
    for text, opens in _wrapped(CHOOSING, 62):
        body.append(_text(60 + (12 if opens else 0), y, 10, text))
        y -= 13
    for item in CHECKS:
        body.append(_text(72, 106 + 13 * (len(CHECKS) - CHECKS.index(item)), 10, item))
    body += [_text(72, 93, 10, "The oldest board in the shop was bought the same year, in"),
             _text(60, 80, 10, "1887, and it is still waiting for the right job.")]
    body.append(_text(205, 40, 10, "2"))
    _write([contents, body], HERE / "numbers-not-markers-pdf" / "input.pdf")


OPENING = ["Nobody keeps a chisel sharp by accident,\u201d said the old joiner, and he",
           "turned the blade to the window so that the light ran along its edge.",
           "\u201cYou keep it sharp by never letting it get blunt.\u201d"]
LATER = ["Which stone do you use?\u201d the boy asked, since there were three on the",
         "shelf and none of them looked as though it had been touched that year."]


def _quoted(text: str) -> str:
    """``text`` with its curly quotation marks in StandardEncoding."""
    return text.replace("\u201c", "\xaa").replace("\u201d", "\xba")


def quotation_mark_alone() -> None:
    """Two chapters whose first paragraphs open with a quotation mark set larger than the
    line, with no drop cap: on the first page a little higher than the line (pdfium reads it
    with its line, then a space), on the second raised further (a line of its own). Each
    joins the word it opens; it is no heading and no paragraph."""
    pages = []
    for number, (title, raised, lines) in enumerate((("CHAPTER TWO", 3, OPENING),
                                                     ("CHAPTER THREE", 12, LATER))):
        content = [_text(60, 540, 14, title), _text(51, 500 + raised, 14, "\xaa")]
        for row, line in enumerate(lines):
            content.append(_text(60, 500 - 12 * row, 10, _quoted(line)))
        content.append(_text(205, 40, 10, str(number + 19)))
        pages.append(content)
    _write(pages, HERE / "quotation-mark-alone-pdf" / "input.pdf")


KEEPING = [
    "A tool that is put back where it belongs is found again without thought, and the "
    "thought saved goes into the work. That is the whole argument for a tool board, and it "
    "is a good one, though few apprentices believe it until they have spent a morning "
    "looking for a marking gauge that was in their apron all along.",
    "The board should be near the bench but not behind it, so that reaching for a tool "
    "never means turning away from the work in the vice. A board on the wall to the left "
    "of a right-handed worker suits most shops, and it leaves the wall behind the bench "
    "free for the window, which matters more than any board.",
    "Last of all, the board should be painted a pale colour.",
]


def _set_justified(lines: list[tuple[str, bool]], start: int, stop: int,
                   measure: tuple[float, float], top: float) -> list[str]:
    """Lines ``start`` to ``stop`` of ``lines`` set justified in 10 pt from baseline ``top``
    down, first lines indented by 12 pt, the last line of each paragraph left short."""
    left, right = measure
    widths = _natural_widths([text for text, _ in lines], Path(_DRAFT.name))
    content = []
    for row in range(start, stop):
        text, opens = lines[row]
        indent = 12.0 if opens else 0.0
        ends = row + 1 == len(lines) or lines[row + 1][1]
        spacing = 0.0 if ends else (right - left - indent - widths[row]) / text.count(" ")
        line = _justified(left + indent, top - 13 * (row - start), text, spacing)
        content.append(line.replace(" ET", " 0 Tw ET"))  # the word spacing ends with the line
    return content


def nearly_empty_pages() -> None:
    """Four pages under running heads: the book's title with the folio on versos, the
    section's number and title with the folio on rectos. The third page holds the chapter's
    last line only and the fourth a plate's caption: the heads are still heads there."""
    lines = _wrapped(KEEPING, 60)
    breaks = [0, 8, len(lines) - 1, len(lines)]  # the last page holds the last line only
    pages: list[list[str]] = []
    for number, (start, stop) in enumerate(itertools.pairwise(breaks)):
        folio = str(number + 10)
        head = ([_text(60, 560, 9, folio), _text(160, 560, 9, "A MANUAL OF SMALL THINGS")]
                if number % 2 == 0 else
                [_text(150, 560, 9, "2.1 KEEPING TOOLS"), _text(350, 560, 9, folio)])
        content = head + _set_justified(lines, start, stop, (60.0, 360.0), 530.0)
        pages.append(content)
    pages.append([_text(150, 560, 9, "2.1 KEEPING TOOLS"), _text(350, 560, 9, "13"),
                  _text(130, 300, 9, "Plate 3. A tool board, painted.")])
    _write(pages, HERE / "nearly-empty-pages-pdf" / "input.pdf")


MARGIN = [
    "The first rule of the shop was that nothing left it on a Friday without the master "
    "seeing it, and the rule was kept even when the master was away, for then the work "
    "waited until Monday.",
    "Apprentices thought the rule a nuisance until the week a chest went out with a drawer "
    "that stuck, and came back with a letter.",
]


def margin_ornaments() -> None:
    """A page with an ornament in the outer margin beside a line (a mark for the reader,
    not a word of the text) and a note marked by an ornamental symbol, its note at the
    foot in small type under the same symbol."""
    content: list[str] = []
    y = 520.0
    for index, (text, opens) in enumerate(_wrapped(MARGIN, 62)):
        content.append(_text(60 + (12 if opens else 0), y, 10, text))
        if index == 1:
            content.append(_in("F3", 30, y, 9, "\xa8"))  # a club in the margin
        y -= 13
    marked = _wrapped(MARGIN, 62)[-1][0]
    content.append(_in("F3", 60 + _line_width(marked) + 1, y + 17, 6, "k"))  # ❋ raised
    content.append(_in("F3", 60, 90, 7, "k"))
    content.append(_text(70, 90, 8, "The letter asked for the drawer to be eased."))
    content.append(_text(205, 40, 10, "[ 21 ]"))
    _write([content], HERE / "margin-ornaments-pdf" / "input.pdf")


def _line_width(text: str) -> float:
    """How wide ``text`` sets in 10 pt Times-Roman."""
    return _natural_widths([text], Path(_DRAFT.name))[0]


_DRAFT = tempfile.NamedTemporaryFile(suffix=".pdf")  # noqa: SIM115 (drafts measured by pdfium)


def wide_title_columns() -> None:
    """Two pages set in two columns under a head across both: on the first the chapter's
    title, wider than a column, set across both columns; each column opens a section under
    a head in bold at 1.1 times the body size."""
    heads = [("Places", "Habits"), ("Shelves", "Boards")]
    pages = []
    for number, (left_head, right_head) in enumerate(heads):
        content = [_text(150, 560, 9, "A MANUAL OF SMALL THINGS")]
        top = 530.0
        if number == 0:
            content.append(_text(60, 525, 16, "On the Keeping of Small Tools"))
            top = 490.0
        halves = (TWO_COLUMNS[:2], TWO_COLUMNS[2:])
        for x, head, paragraphs in zip((40, 225), (left_head, right_head), halves, strict=True):
            content.append(_in("F2", x, top, 11, head))
            for row, (text, opens) in enumerate(_wrapped(paragraphs, 36)):
                content.append(_text(x + (8 if opens else 0), top - 16 - 12 * row, 10, text))
        content.append(_text(205, 40, 9, str(number + 4)))
        pages.append(content)
    _write(pages, HERE / "wide-title-columns-pdf" / "input.pdf")


SUMS = [
    "The interpreter reads what is typed after its prompt, works it out, and prints the "
    "value on the next line, so that a short calculation needs no program at all. The "
    "caret is no power here but an operator on the bits of its two numbers, which surprises "
    "anyone who tries it for the first time:",
]


def code_output_in_small_type() -> None:
    """A page whose foot holds a short program and what it prints, set in small monospaced
    type, and a line of body type after it: the printed `4` alone on its line near the foot
    is no note label, for the line after it is in body type."""
    lines = _wrapped(SUMS, 60)
    content = _set_justified(lines, 0, len(lines), (60.0, 360.0), 530.0)
    content += [_in("F4", 72, 110, 8, ">>> 7 ^ 3"), _in("F4", 72, 100, 8, "4"),
                _text(60, 80, 10, "The answer stands on a line of its own, with no prompt."),
                _text(205, 40, 10, "12")]
    _write([content], HERE / "code-output-in-small-type-pdf" / "input.pdf")


def labels_disagree() -> None:
    """Three pages whose printed folios (5, 6, 7) disagree with the labels the PDF declares
    (/PageLabels counting from the file's first page: 1, 2, 3)."""
    lines = _wrapped(KEEPING, 60)
    pages = []
    for number, start in enumerate(range(0, len(lines), 6)):
        content = _set_justified(lines, start, min(start + 6, len(lines)), (60.0, 360.0), 530.0)
        content.append(_text(205, 40, 10, str(number + 5)))
        pages.append(content)
    _write(pages, HERE / "labels-disagree-pdf" / "input.pdf", labels_from=1)


GAUGES = [
    "A marking gauge is the simplest of tools, a stem with a fence that slides along it and "
    "a pin near one end, and it is used more often than any other tool in the shop except "
    "the rule. Every joint begins with a line scored by it, parallel to an edge that has "
    "been planed true.",
    "The pin should be filed to a knife edge, not left as a point, so that it cuts the "
    "fibres across the grain instead of tearing them. A gauge with a dull pin wanders with "
    "the grain and leaves a line that cannot be trusted.",
    "Some workers keep two gauges set to the same distance, one for each face of the board, "
    "so that a setting is never lost halfway through a job. Others keep a single gauge and "
    "a good memory, and the second habit is the rarer of the two.",
]


def heads_in_three_pieces() -> None:
    """Three pages under heads set in three pieces across the top: the section's number at
    the left, its title centred, the folio at the right; a raised note marker whose note
    sets its label apart from its text at the foot. The PDF, and its page text as
    ``pdftotext`` reads it (each piece a line of its own, blank lines between), are two
    golden cases."""
    lines = _wrapped(GAUGES, 60)
    pages = []
    for number, start in enumerate(range(0, len(lines), 6)):
        content = [_text(60, 560, 9, "3.2"), _text(170, 560, 9, "MARKING GAUGES"),
                   _text(350, 560, 9, str(number + 30))]
        content += _set_justified(lines, start, min(start + 6, len(lines)), (60.0, 360.0), 530.0)
        pages.append(content)
    last = lines[4][0]  # the first paragraph's last line, set at its natural width
    pages[0].append(f"BT /F1 6 Tf {60 + _line_width(last) + 0.3:.2f} {478 + 4:.2f} Td (1) Tj ET")
    pages[0] += [_text(60, 90, 8, "1"), _text(90, 90, 8, "A gauge with a brass strip on its fence "
                                         "wears longer.")]
    path = HERE / "heads-in-three-pieces-pdf" / "input.pdf"
    _write(pages, path)
    _page_text(path, HERE / "heads-in-three-pieces" / "input.pages.txt")


def _page_text(pdf: Path, out: Path) -> None:
    """The PDF's page text as poppler's ``pdftotext`` reads it (pages ended by form feeds)."""
    import subprocess

    subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), str(out)], check=True)


SETTING = [
    "The cap iron sits on the cutting iron a hair behind its edge, and it is there to break "
    "the shaving as it rises, before it can lever the fibres ahead of the cut out of the "
    "board. Set close, it lets a plane work difficult grain; set far back, it is no help.",
    "A plane is set by eye and by ear. The iron is pushed down a little at a time until it "
    "takes a shaving as thin as paper from the edge of a board held up to the light, and "
    "then it is locked. The sound tells the rest of the story.",
]
RUNS_ON = ("A shaving that tears makes a ragged hiss, and one that comes away whole makes a "
           "clean whisper, which any apprentice learns to hear within a week.")


def paragraph_over_page() -> None:
    """Two pages: the first ends with a sentence that ends its line, the line set justified
    to the full measure though it holds fewer characters than most; the second page goes on
    unindented. Geometry shows the paragraph running on over the page."""
    lines = [*_wrapped(SETTING, 60), *((text, False) for text in textwrap.wrap(RUNS_ON, 60))]
    widths = _natural_widths([text for text, _ in lines], Path(_DRAFT.name))
    broken = len(_wrapped(SETTING, 60))  # the first page ends with the sentence's line
    pages = []
    for number, (start, stop) in enumerate(((0, broken), (broken, len(lines)))):
        content = []
        for row in range(start, stop):
            text, opens = lines[row]
            indent = 12.0 if opens else 0.0
            last = row + 1 == len(lines) or lines[row + 1][1]
            spacing = 0.0 if last else (300.0 - indent - widths[row]) / text.count(" ")
            content.append(_justified(60 + indent, 530 - 13 * (row - start), text, spacing)
                           .replace(" ET", " 0 Tw ET"))
        content.append(_text(205, 40, 10, str(number + 40)))
        pages.append(content)
    _write(pages, HERE / "paragraph-over-page-pdf" / "input.pdf")


def build_issue_15() -> None:
    numbers_not_markers()
    quotation_mark_alone()
    nearly_empty_pages()
    margin_ornaments()
    wide_title_columns()
    code_output_in_small_type()
    labels_disagree()
    heads_in_three_pieces()
    paragraph_over_page()


if __name__ == "__main__":
    two_columns()
    type_and_markers()
    catchwords()
    type_in_matrix()
    drop_cap_set_low()
    bullet_list()
    build_issue_15()
