"""normalize_characters: one spelling for characters that extraction writes many ways.

Changes, each recorded as an edit with its offset so the input can be rebuilt: white space at
line edges removed (its width kept as ``Line.indent``); U+2010/U+2011 hyphens to ``-``; a soft
hyphen or pdfium's U+FFFE marker at a line end to ``-`` (they mark a line-end hyphen), a soft
hyphen elsewhere deleted; ``¬``, ``⸗`` and ``=`` after a letter at a line end (old and OCRed
prints) to ``-``; Latin ligatures decomposed; exotic spaces to a space; zero-width
characters deleted; the line put in Unicode NFC.

Leaves alone: quotes, dashes other than hyphens, and every other character. Deciding what a
line-end hyphen means is ``join_hyphenated_words``' job.

    >>> from pagemend.readers import read_text
    >>> config = NormalizeCharactersConfig()
    >>> doc = normalize_characters(read_text("  ﬁnal ac\\u2010\\ncomplish"), config)
    >>> [(line.text, line.indent) for line in doc.pages[0].lines]
    [('final ac-', 2), ('complish', 0)]
    >>> [edit.action for edit in doc.edits]
    ['strip_indent', 'decompose_ligature', 'fold_hyphen']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pagemend.data.characters import (
    HYPHEN_LIKE,
    INVISIBLE,
    LIGATURES,
    LINE_END_HYPHENS,
    PDFIUM_HYPHEN,
    SOFT_HYPHEN,
    SPACES,
)
from pagemend.model import Document, Edit, Line, field_copier
from pagemend.registry import stage

__all__ = ["NormalizeCharactersConfig", "normalize_characters"]

STAGE = "normalize_characters"


@dataclass(frozen=True, slots=True)
class NormalizeCharactersConfig:
    enabled: bool = True


#: character -> (replacement, action, reason), wherever the character stands
_TABLE: dict[str, tuple[str, str, str]] = {
    **{c: ("-", "fold_hyphen", reason) for c, reason in HYPHEN_LIKE.items()},
    **{c: (letters, "decompose_ligature", "ligature decomposed to its letters")
       for c, letters in LIGATURES.items()},
    **{c: (" ", "fold_space", reason) for c, reason in SPACES.items()},
    **{c: ("", "delete_invisible", reason) for c, reason in INVISIBLE.items()},
}
#: discretionary hyphens: printed (as a hyphen) only where the line broke
_LINE_END_MARKS = {SOFT_HYPHEN: "soft hyphen", PDFIUM_HYPHEN: "pdfium line-end hyphen U+FFFE"}


def _replacement(char: str, at_line_end: bool, after_letter: bool = False
                 ) -> tuple[str, str, str] | None:
    """(replacement, action, reason) for one character, or None to keep it."""
    if at_line_end and after_letter and char in LINE_END_HYPHENS:
        return "-", "fold_hyphen", LINE_END_HYPHENS[char]
    if char in _LINE_END_MARKS:
        name = _LINE_END_MARKS[char]
        if at_line_end:
            return "-", "fold_hyphen", f"{name} at a line end marks a hyphen"
        return "", "delete_invisible", f"{name} inside a line is not printed"
    return _TABLE.get(char)


def _strip_edges(line: Line) -> tuple[str, int, list[Edit]]:
    text, edits = line.text, []
    stripped_end = text.rstrip()
    if len(stripped_end) < len(text):
        tail = text[len(stripped_end):]
        edits.append(Edit(STAGE, "strip_trailing_space", line.page, line.number, tail, "",
                          "white space at a line end carries nothing", offset=len(stripped_end)))
    stripped = stripped_end.lstrip()
    indent = len(stripped_end) - len(stripped)
    if indent:
        edits.append(Edit(STAGE, "strip_indent", line.page, line.number, stripped_end[:indent],
                          "", "indentation kept as Line.indent", offset=0))
    return stripped, indent, edits


_SPECIALS = "".join([*_TABLE, *_LINE_END_MARKS, *LINE_END_HYPHENS])
_SPECIAL = re.compile("[" + re.escape(_SPECIALS) + "]")
#: the special characters that are ASCII (``=``, a line-end hyphen of old prints): an ASCII
#: text is NFC and holds no other, so it is asked for these alone (tests/stages/
#: test_normalize_characters.py pins both over every ASCII character)
_ASCII_SPECIALS = "".join(char for char in _SPECIALS if char.isascii())


def _holds_ascii_special(text: str) -> bool:
    """Whether an ASCII text holds a special character: ``in`` for each of the few ASCII
    ones (a substring search), faster than ``_SPECIAL``'s search over the text."""
    for char in _ASCII_SPECIALS:  # noqa: SIM110  (``any`` of a generator: slower than the pattern)
        if char in text:
            return True
    return False


def _is_clean(text: str) -> bool:
    """Nothing to do: no edge space, no special character, already NFC (most lines)."""
    if text != text.strip():
        return False
    if text.isascii():
        return not _holds_ascii_special(text)
    return not _SPECIAL.search(text) and unicodedata.is_normalized("NFC", text)


def _normalize_line(line: Line) -> tuple[Line, list[Edit]]:
    if _is_clean(line.text):
        return line, []
    return _mend_line(line)


def _mend_line(line: Line) -> tuple[Line, list[Edit]]:
    """``_normalize_line`` of a line that is not clean (``_is_clean`` asked before)."""
    text = line.text
    if text == text.strip() and not _SPECIAL.search(text, 0, len(text) - 1):
        return _mend_line_end(line)
    text, indent, edits = _strip_edges(line)
    out: list[str] = []
    position = 0  # offset in the text as each edit sees it: the output so far, then the rest
    kept = 0  # the text before this index is in ``out``
    last = len(text) - 1
    for match in _SPECIAL.finditer(text):  # only the special characters need a look
        i = match.start()
        char = text[i]
        found = _replacement(char, at_line_end=i == last,
                             after_letter=i > 0 and text[i - 1].isalpha())
        if found is None:
            continue
        out.append(text[kept:i])
        position += i - kept
        new, action, reason = found
        edits.append(Edit(STAGE, action, line.page, line.number, char, new, reason, position))
        out.append(new)
        position += len(new)
        kept = i + 1
    out.append(text[kept:])
    result = "".join(out)
    return _composed(line, result, edits, indent)


#: ``replace(line, text=..., indent=...)``, written out for those fields (a copy per mended
#: line: most line-end hyphens of a PDF)
_mended = field_copier(Line, "text", "indent")


def _composed(line: Line, result: str, edits: list[Edit], indent: int
              ) -> tuple[Line, list[Edit]]:
    """The line with its mended text ``result`` composed (NFC, recorded as an edit where that
    changes it) and ``indent`` more columns of indent, or the line itself where nothing
    changed; and the edits."""
    composed = unicodedata.normalize("NFC", result)
    if composed != result:
        edits.append(Edit(STAGE, "compose_nfc", line.page, line.number, result, composed,
                          "Unicode NFC: one code point per accented letter", offset=0))
    if not edits:
        return line, edits
    return _mended(line, composed, line.indent + indent), edits


def _mend_line_end(line: Line) -> tuple[Line, list[Edit]]:
    """``_mend_line`` of a line with no white space at its edges and no special character
    but perhaps its last (most lines that are not clean: a PDF's line-end hyphen marks)."""
    text, edits = line.text, []
    last = len(text) - 1
    found = _replacement(text[last], at_line_end=True,
                         after_letter=last > 0 and text[last - 1].isalpha()
                         ) if _SPECIAL.match(text, last) else None
    result = text
    if found is not None:
        new, action, reason = found
        edits.append(Edit(STAGE, action, line.page, line.number, text[last], new, reason, last))
        result = text[:last] + new
    return _composed(line, result, edits, 0)


@stage(STAGE, NormalizeCharactersConfig, assigns=("line.text",))
def normalize_characters(doc: Document, config: NormalizeCharactersConfig) -> Document:
    """Normalise the characters of every line; see the module docstring."""
    changed: dict[tuple[int, int], Line] = {}
    edits: list[Edit] = []
    special, normalized = _SPECIAL.search, unicodedata.is_normalized
    # ``_is_clean`` written out: most lines are, and ``_normalize_line`` leaves them as they are
    unclean = [line for line in doc.lines() if (text := line.text) != text.strip()
               or (_holds_ascii_special(text) if text.isascii()
                   else special(text) or not normalized("NFC", text))]
    for line in unclean:
        new_line, line_edits = _mend_line(line)
        if line_edits:
            changed[(line.page, line.number)] = new_line
            edits.extend(line_edits)
    return doc.with_lines(changed).with_edits(edits)
