"""Where a note label counts as a marker in body text (data/notes.marker_pattern)."""

import pytest

from pagemend.data.notes import marker_pattern


@pytest.mark.parametrize(
    ("label", "text", "found"),
    [
        ("2", "the property of Law.2 Thus", True),  # after punctuation
        ("5", 'too."5 And', True),  # after a closing quote
        ("7", "glued to a word7 here", True),  # after a letter
        ("68", "a raised ^68 marker", True),  # the caret the reader writes
        ("3", "in brackets [3] here", True),
        ("4", "a line above\n4\na line below", True),  # a superscript split onto its own line
        ("2", "in 1812 and 2 more", False),  # a number standing free is no marker
        ("2", "Law.23 goes on", False),  # part of a longer number
        ("2", "2 opens the text", False),  # nothing before it
        ("1", "when it went.¹ The third", True),  # in superscript digits
        ("1", "in the year ²¹ more", False),  # part of a longer raised number
        ("20", "one common substance,\n20 though it", True),  # set after the line break
        ("20", "one common substance,\n20 Though it", False),  # a new sentence: a count
        ("*", "a star* here", True),
        ("*", "* opens a line", False),
    ],
)
def test_marker_pattern(label: str, text: str, found: bool) -> None:
    assert bool(marker_pattern(label).search(text)) is found


def test_note_label_first_character_guard_lets_every_label_through() -> None:
    """note_label answers None before its pattern where a line's first character can open
    no label; over every code point, and for the rests a label goes on with, the guard never
    refuses a line the pattern takes (a change to the pattern must keep the guard true)."""
    from pagemend.data.notes import _LABEL, note_label

    rests = ["", "1 Text", ") Text", "2. Text", "] Text", "Text", " Text"]
    refused = [(char, rest) for char in map(chr, range(0x110000))
               if not 0xD800 <= ord(char) <= 0xDFFF
               for rest in rests
               if _LABEL.match(char + rest) and note_label(char + rest) is None]
    assert refused == []
