"""Where a paragraph ends: the typographic signals that several stages share.

A line ends its paragraph when the typesetter did not break it for lack of room (it had room
for the next line's first word) and it ends like a paragraph; or, whatever its length, where
a convention opens a new paragraph: a new speaker's turn, a dialogue dash after a finished
sentence, the next item of a numbered list, a headword or dateline in capitals after a
finished sentence, speech that opens a line after a colon.

    >>> from pagemend.model import Line
    >>> ends_paragraph(Line("said Scrooge.", 0, 0), Line("“Uncle!” pleaded the nephew.", 0, 1), 60)
    True
    >>> ends_paragraph(Line("x" * 57 + " at", 0, 0), Line("Christmas. And", 0, 1), 60)
    False
"""

from __future__ import annotations

import re

from pagemend.data.punctuation import OPENS_CAPITAL
from pagemend.layout import has_room, printed_length, room_in_points
from pagemend.model import Line

__all__ = ["CONVENTIONS", "NAMED_CONVENTIONS", "SHORT_SHARE", "SIGNALS", "ends_paragraph",
           "paragraph_end"]

#: How many characters at a line's end the end patterns need to see.
TAIL = 12
#: A line without terminal punctuation ends a paragraph only when at most this share of the
#: full line and followed by a capital: a heading or a title, not a line cut short.
SHORT_SHARE = 0.7
#: A line that ends a sentence at most this share of the measure, before a capital, ends its
#: paragraph even without room for the next word. Development corpus: 73% of such lines at
#: 0.88-0.90 of the measure end paragraphs, 56% at 0.90-0.92, 26% at 0.94-1.0; the cut sits
#: where the evidence is clearly better than even (0.90 and 0.91 differ by 0.005 F1).
SHORT_SENTENCE_SHARE = 0.9
#: A next line that runs on with at most this share of the measure bears a first-line
#: indent's trace. Development corpus: 67% of lines after a full sentence-ending line with
#: 0.88-0.90 of the measure open paragraphs, 56% at 0.90-0.92, 17% at 0.96.
INDENT_SHARE = 0.9

#: a line that closes a quotation after terminal punctuation, and one that opens one
_CLOSES_SPEECH = re.compile(r"[.!?,…—–-][’”»«\"']$|[.!?…][’”»«\"'][.!?]?$")
_OPENS_SPEECH = re.compile(r"^[“«„»‚‘\"]")
#: after a finished sentence: a dialogue dash (French, German, Dutch: `— Vraiment? répliqua`)
#: or a section number (`2. Thou wilt set little value`) opens a paragraph
_OPENS_TURN = re.compile(r"^(?:[“«„»\"]\s?[A-ZÀ-Þ]|[—–]\s?[A-ZÀ-Þ«\"“]|\d{1,3}\.\s+[A-ZÀ-Þ])")
_SENTENCE_END = re.compile(r"[.!?…][’”»«\"')\]]*$")
_ITEM_END = re.compile(r"[.;:!?][’”»«\"')\]]*$")
_NUMBERED = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,6}|[a-z])[.)]\s+\S")
#: a word in capitals and a comma open the line: a dictionary's headword (`BARLEY, n.`), a
#: letter's dateline (`LONDON, June 30`)
_HEADWORD = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ'’-]{2,},\s")
#: after a colon, speech that opens the line with a quotation mark or a dialogue dash and runs
#: on past it (no quotation closes inside the line, only perhaps at its end): a quotation
#: run into the sentence closes and the narration goes on (`»Frisch, Gregor,« hätten sie`)
_COLON = re.compile(r":$")
_OPENS_SPEECH_LINE = re.compile(r"^(?:[“«„»\"]\s?|[—–]\s?)[A-ZÀ-Þ][^“”«»„\"]*(?:[.!?…,][”«»\"])?$")
_BROKEN_OFF = re.compile(r"[—–]+[.’”»«\"']?$")
#: speech broken off with a dash and closed (`daß mich Gott –«`): where the line had room, the
#: paragraph ends there as after terminal punctuation
_BROKEN_SPEECH = re.compile(r"[—–]\s?[’”»«\"']$")
_OPENS_QUOTE = re.compile(r"^[“«„»\"]\s?[A-ZÀ-Þ]")
#: a sentence that ends in a speech tag after a quotation (`...uncle!” said Scrooge's nephew.`):
#: a quotation on the next line is the same speaker going on, not a new turn
_SPEECH_TAG = re.compile(r"[”\"’»«][^“”\"«»‘’]{1,60}[.!?]$")
#: terminal punctuation ends the line, perhaps a dash after it (a sentence broken off into
#: silence: `hätte durchgehen wollen. —`, printings dta-pueckler-1830, buddenbrooks-xelatex)
_TERMINAL = re.compile(r"[.!?:…]['’\"”»«)\]]*(?:\s?[—–])?(?:\d{1,3}|\^\d{1,3}|[*†‡])?$")


#: Conventions that open a paragraph whatever the line's length, by name: (how the line ends,
#: how the next one starts). A speaker's turn after a closed quotation (`...!”` / `“Uncle!”
#: pleaded`); after a finished sentence, a new quotation, a dialogue dash (`— Vraiment?
#: répliqua`) or a section number (`2. Thou wilt`); the next item of a numbered list (`...each
#: other;` / `2. He loves`); speech broken off with a dash, then a new quoted paragraph; after
#: a finished sentence, a word in capitals and a comma (a headword, a dateline); after a colon,
#: speech that opens the line and runs on.
NAMED_CONVENTIONS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    ("speech_turn", _CLOSES_SPEECH, _OPENS_SPEECH),
    ("turn_after_sentence", _SENTENCE_END, _OPENS_TURN),
    ("numbered_item", _ITEM_END, _NUMBERED),
    ("broken_off_speech", _BROKEN_OFF, _OPENS_QUOTE),
    ("headword", _SENTENCE_END, _HEADWORD),
    ("speech_after_colon", _COLON, _OPENS_SPEECH_LINE),
)
CONVENTIONS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (ending, start) for _, ending, start in NAMED_CONVENTIONS)

#: the signals :func:`paragraph_end` names, besides the conventions: a terminal mark where no
#: measure is known; a sentence that ends well short of the measure, or before a line that
#: bears an indent's trace, though a long next word would not have fitted; a line with room
#: for the next word that ends with terminal punctuation, or short before a capital
SIGNALS = ("terminal_unmeasured", "short_sentence", "indent_trace", "room_terminal",
           "short_before_capital")


#: a number and an abbreviated word open a citation (`1. Mos. 15, 8.`, `I. Auftr.`: a book
#: or an act and its number), not an item or a section (printings dta-strauss-1835,
#: dta-gottsched-1730)
_CITATION = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,6})\.\s+[A-ZÀ-Þ][a-zß-ÿ]{1,5}\.(?:\s|$)")


#: A line whose right edge lies within this many type sizes of the page's right margin is
#: set out to it (justified lines end within a hair of it: 0.1 pt in the hand-set golden case
#: paragraph-over-page-pdf; a paragraph's last line that happens to end near the margin
#: seldom ends exactly at it).
MARGIN_REACH = 0.2


def _convention(line: Line, following: Line, end: str) -> str | None:
    if _CITATION.match(following.text):
        return None
    for name, ending, start in NAMED_CONVENTIONS:
        if start.match(following.text) and ending.search(end):
            if _OPENS_QUOTE.match(following.text) and _SPEECH_TAG.search(line.text[-80:]):
                return None
            return name
    return None


def paragraph_end(line: Line, following: Line, full_line: int, right: float | None = None
                  ) -> str | None:
    """The signal by which ``line`` ends a paragraph before ``following`` (a name of
    ``NAMED_CONVENTIONS`` or ``SIGNALS``), or None where it runs on. ``right``: the page's
    right margin in points, where the reader had geometry; the room left for the next word is
    then measured in points (``layout.room_in_points``).

    >>> paragraph_end(Line("said Scrooge.", 0, 0), Line("Uncle Fred pleaded.", 0, 1), 60)
    'room_terminal'
    >>> paragraph_end(Line("he said.”", 0, 0), Line("“Uncle!” pleaded the nephew.", 0, 1), 60)
    'speech_turn'
    >>> [paragraph_end(Line("x" * 56 + " 1.", 0, 0), Line(text, 0, 1), 60)
    ...  for text in ("2. Thou wilt set little value", "2. Sam. 7, 12. " + "x" * 50)]
    ['turn_after_sentence', None]

    With geometry, a sentence-ending line justified out to the right margin runs on, though
    it holds fewer characters than most (wide word spaces):

    >>> from pagemend.model import Geometry
    >>> full = Line("is locked. The sound tells the story.", 0, 5, Geometry(60, 359.5, 0, 10, 10))
    >>> after = Line("A shaving that tears makes a hiss", 1, 0, Geometry(60, 250, 0, 10, 10))
    >>> paragraph_end(full, after, 58, right=360.0), paragraph_end(full, after, 58)
    (None, 'room_terminal')
    """
    if line.glue_next:
        return None
    end = line.text[-TAIL:]  # the patterns look at how a line ends: spare the regexes the rest
    convention = _convention(line, following, end)
    if convention is not None:
        return convention
    if not full_line:
        return "terminal_unmeasured" if _TERMINAL.search(end) else None
    room = room_in_points(line, following, right)
    if room is False and _out_to_margin(line, following, right):
        return None  # geometry outranks the characters' count
    if not (has_room(line, following, full_line) if room is None else room):
        return _without_room(line, following, full_line, end)
    return _with_room(line, following, full_line, end)


def _out_to_margin(line: Line, following: Line, right: float | None) -> bool:
    """Over a page break, the line ends at the right margin (within ``MARGIN_REACH`` of its
    type size): set justified to the full measure, its paragraph runs on."""
    geometry = line.geometry
    if right is None or geometry is None or following.page == line.page:
        return False
    return abs(right - geometry.x1) <= MARGIN_REACH * (geometry.font_size or 10.0)


def _with_room(line: Line, following: Line, full_line: int, end: str) -> str | None:
    """A line that had room ends its paragraph with terminal punctuation, or short before a
    capital."""
    if _TERMINAL.search(end) or _BROKEN_SPEECH.search(end):
        return "room_terminal"
    if (printed_length(line.text, full_line) <= SHORT_SHARE * full_line
            and OPENS_CAPITAL.match(following.text)):
        return "short_before_capital"
    return None


def _without_room(line: Line, following: Line, full_line: int, end: str) -> str | None:
    """A sentence that ends well short of the measure, or before a line that runs on but
    holds fewer characters than a full one (the trace of a first-line indent), ends its
    paragraph more often than not, even where a long next word would not have fitted."""
    if not (_SENTENCE_END.search(end) and OPENS_CAPITAL.match(following.text)):
        return None
    if printed_length(line.text, full_line) <= SHORT_SENTENCE_SHARE * full_line:
        return "short_sentence"
    if (len(following.text) <= INDENT_SHARE * full_line
            and not _TERMINAL.search(following.text[-TAIL:])):
        return "indent_trace"
    return None


def ends_paragraph(line: Line, following: Line, full_line: int, right: float | None = None
                   ) -> bool:
    """True when ``line`` ends a paragraph before ``following`` (see the module docstring
    and :func:`paragraph_end`)."""
    return paragraph_end(line, following, full_line, right) is not None
