"""Build the golden cases that are PDFs (``input.pdf``) from text of our own, set by hand:
each line a text object at its place, in Times-Roman, through pypdf (a dev dependency). The
PDFs are committed; rerun this script only to change them.

    python tests/cases/make_pdfs.py
"""

from __future__ import annotations

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


def _write(pages: list[list[str]], path: Path, width: float = 420, height: float = 600) -> None:
    writer = pypdf.PdfWriter()
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                             NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Times-Roman")})
    font_ref = writer._add_object(font)
    for content in pages:
        page = writer.add_blank_page(width=width, height=height)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font_ref})})
        stream = DecodedStreamObject()
        stream.set_data("\n".join(content).encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    writer.add_metadata({"/Producer": "pagemend tests"})
    with path.open("wb") as handle:
        writer.write(handle)


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
    _write(pages, HERE / "two-columns-pdf" / "input.pdf")


if __name__ == "__main__":
    two_columns()
