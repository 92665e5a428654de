"""How lines end and begin, as patterns the stages share.

    >>> bool(SENTENCE_END.search("…an attack on any Socialist state.”68"))
    True
    >>> bool(OPENS_CAPITAL.match("“We cannot allow")), bool(QUOTE_OPEN.match("«Il n'est"))
    (True, True)
"""

from __future__ import annotations

import re

__all__ = ["CLOSING_MARKS", "MARKER_TAIL", "OPENS_CAPITAL", "QUOTE_OPEN", "QUOTE_OPENERS",
           "SENTENCE_END"]

#: Marks that may follow the end of a sentence: closing quotes and brackets.
CLOSING_MARKS = "'’\"”»)\\]"
#: A note marker that may stand after the end of a sentence (``state.68``, ``state.^68``).
MARKER_TAIL = r"(?:\d{1,3}|\^\d{1,3}|[*†‡])?"
#: A line that ends a sentence, with its closing marks and a note marker.
SENTENCE_END = re.compile(rf"[.!?…][{CLOSING_MARKS}]*{MARKER_TAIL}$")
#: A line that opens with a capital or a digit, after opening quotes or brackets.
OPENS_CAPITAL = re.compile(r"^[\W_]*[A-ZÀ-ÞΑ-Ω\d]")
#: The quotation marks a quotation opens with.
QUOTE_OPENERS = "‘“«„\"'"
#: A line that opens with a quotation mark.
QUOTE_OPEN = re.compile(f"^[{QUOTE_OPENERS}]")
