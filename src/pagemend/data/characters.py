"""Characters that text extraction leaves in book text and what they stand for.

Each entry maps a character to its replacement and the reason recorded in the edit.
"""

from __future__ import annotations

#: Hyphen characters that extraction emits for the ASCII hyphen of a word break or compound.
#: U+00AD (soft hyphen) is a discretionary hyphen: shown only where the line broke.
HYPHEN_LIKE: dict[str, str] = {
    "\u2010": "hyphen U+2010 (WeasyPrint, Unicode-aware engines)",
    "\u2011": "non-breaking hyphen U+2011",
}

#: Signs that old or OCRed prints set for a hyphen at a line end, after a letter: the not
#: sign, the Fraktur double oblique hyphen, and the double hyphen of old German prints.
LINE_END_HYPHENS: dict[str, str] = {
    "\u00ac": "not sign used as a line-end hyphen",
    "\u2e17": "double oblique hyphen (Fraktur) at a line end",
    "=": "double hyphen of old German prints at a line end",
}

#: A soft hyphen is printed only at a line end; elsewhere it is invisible.
SOFT_HYPHEN = "\u00ad"
#: pdfium writes U+FFFE where a line ended in a hyphen (and glues the halves).
PDFIUM_HYPHEN = "\ufffe"

#: Latin typographic ligatures, decomposed to their letters (NFC keeps them).
LIGATURES: dict[str, str] = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}

#: Space characters folded to an ASCII space.
SPACES: dict[str, str] = {
    "\u00a0": "no-break space",
    "\u2007": "figure space",
    "\u2009": "thin space",
    "\u200a": "hair space",
    "\u202f": "narrow no-break space",
}

#: Invisible characters deleted wherever they stand.
INVISIBLE: dict[str, str] = {
    "\u200b": "zero-width space",
    "\ufeff": "zero-width no-break space (stray byte order mark)",
    "\u2060": "word joiner",
}
