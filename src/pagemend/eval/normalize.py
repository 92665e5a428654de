"""Text normalisation and Markdown parsing for scoring, as the corpus README defines them
(and as ``shared/corpus/score.py`` implements them: the agreement test holds us to it).

    >>> normalize("“Well‐known”—he said…")
    '"Well-known" — he said...'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

__all__ = [
    "ITALIC_OFF", "ITALIC_ON", "TokenStream", "bare", "key", "mark_italics", "normalize",
    "note_tokens", "parse_output",
]

_QUOTES = {ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4`"}
_QUOTES.update({ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"})
_DASHES: dict[int, str | None] = {ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2212"}
_DASHES.update({0x00AD: None, 0xFEFF: None, 0x200B: None})


def normalize(text: str) -> str:
    """NFKC, quote and dash folding, ellipsis and em dashes as separate tokens."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).translate(_DASHES)
    text = text.replace("\u2026", "...")
    text = re.sub(r"(?<!-)--(?!-)", "\u2014", text)
    return re.sub(r"\s*[\u2014\u2015]+\s*", " \u2014 ", text)


def strip_emphasis(text: str) -> str:
    """Drop Markdown emphasis markers at word edges."""
    return re.sub(r"(?<![\w*_])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*_])", "", text)


#: private-use characters that stand for the start and end of italics while a line is split
#: into tokens (``{i}``/``{/i}`` in the truth's ``rich``; ``*...*`` or ``***...***`` in
#: Markdown): they survive NFKC and the foldings, and are taken out of every token
ITALIC_ON, ITALIC_OFF = "\ue000", "\ue001"
_MD_ITALIC = re.compile(r"(?<![\w*\\])(\*\*\*|\*|_)(?=[^\s*_])(.+?)(?<=[^\s*_\\])\1(?![\w*])")


def mark_italics(text: str, rich: bool = False) -> str:
    """Italics in a truth ``rich`` text or a Markdown line marked with :data:`ITALIC_ON` and
    :data:`ITALIC_OFF` (bold and small capitals dropped from ``rich``).

    >>> mark_italics("a *b c* **d** ***e***") == "a \ue000b c\ue001 **d** **\ue000e\ue001**"
    True
    >>> mark_italics("{sc}The{/sc} {i}is{/i}", rich=True) == "The \ue000is\ue001"
    True
    """
    if rich:
        text = text.replace("{i}", ITALIC_ON).replace("{/i}", ITALIC_OFF)
        return re.sub(r"\{/?(?:sc|b)\}", "", text)

    def mark(match: re.Match[str]) -> str:
        bold = "**" if len(match.group(1)) == 3 else ""
        return f"{bold}{ITALIC_ON}{match.group(2)}{ITALIC_OFF}{bold}"

    return _MD_ITALIC.sub(mark, text)


def _italic_token(raw: str, italic: bool) -> tuple[str, bool, bool]:
    """(the token without italic marks, whether a letter of it is in italics, whether
    italics are on after it), given whether they were on before it."""
    if ITALIC_ON not in raw and ITALIC_OFF not in raw:
        return raw, italic, italic
    inside = False
    for char in raw:
        if char == ITALIC_ON:
            italic = True
        elif char == ITALIC_OFF:
            italic = False
        elif italic and char.isalnum():
            inside = True
    return raw.replace(ITALIC_ON, "").replace(ITALIC_OFF, ""), inside, italic


def key(token: str) -> str:
    return token.casefold()


def bare(token: str) -> str:
    """A token case-folded, without leading and trailing punctuation."""
    return re.sub(r"^[^\w]+|[^\w]+$", "", token.casefold())


_MARK_PATTERNS = [
    re.compile(r"\[\^([\w*\u2020\u2021]+)\]"),
    re.compile(r"<sup>\s*([\w*\u2020\u2021]+)\s*</sup>", re.IGNORECASE),
    re.compile(r"\^\{?(\d{1,3})\}?"),
    re.compile(r"\[(\d{1,3})\]"),
]
_GLUED = re.compile(r"^([^\d]*[^\W\d_][^\d]*?)(\d{1,3})([.,;:!?\'\")\]]*)$")


def split_markers(
    token: str, allow_glued: bool, valid_ids: set[str] | None = None
) -> tuple[str, list[str]]:
    """(token without note markers, the marker ids); glued digits count only if a known id."""
    ids: list[str] = []

    def grab(match: re.Match[str]) -> str:
        ids.append(match.group(1))
        return ""

    for pattern in _MARK_PATTERNS:
        token = pattern.sub(grab, token)
    if allow_glued and not ids:
        match = _GLUED.match(token)
        if match and (valid_ids is None or match.group(2) in valid_ids):
            ids.append(match.group(2))
            token = match.group(1) + match.group(3)
    return token, ids


@dataclass
class TokenStream:
    """Tokens with their block kind, block and line starts, and note markers."""

    tokens: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    #: heading level per token (0 outside headings)
    levels: list[int] = field(default_factory=list)
    block_start: list[bool] = field(default_factory=list)
    line_start: list[bool] = field(default_factory=list)
    #: (index of the token a marker follows, note id)
    markers: list[tuple[int, str]] = field(default_factory=list)
    #: per token: set in italics (lines given with :func:`mark_italics`' marks)
    italic: list[bool] = field(default_factory=list)

    def add_block(
        self, kind: str, lines: list[str], allow_glued: bool, valid_ids: set[str] | None = None,
        level: int = 0,
    ) -> None:
        first_in_block = True
        italic = False
        for line in lines:
            first_in_line = True
            for marked in normalize(strip_emphasis(line)).split():
                raw, in_italics, italic = _italic_token(marked, italic)
                token, ids = split_markers(raw, allow_glued, valid_ids)
                if token:
                    self.italic.append(in_italics)
                    self.tokens.append(token)
                    self.kinds.append(kind)
                    self.levels.append(level)
                    self.block_start.append(first_in_block)
                    self.line_start.append(first_in_line)
                    first_in_block = first_in_line = False
                self.markers.extend((len(self.tokens) - 1, i) for i in ids if self.tokens)


def note_tokens(text: str) -> list[str]:
    found = (split_markers(x, False)[0] for x in normalize(strip_emphasis(text)).split())
    return [t for t in found if t]


_NOTE_DEF = re.compile(r"^\s{0,3}\[\^([\w*\u2020\u2021]+)\]:\s?(.*)$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
_QUOTE_PREFIX = re.compile(r"^\s*>\s?")


def md_clean(line: str) -> str:
    """Drop a trailing hard-break marker and backslash escapes."""
    line = re.sub(r"(\\|  +)$", "", line)
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", line)


def _split_notes(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    notes: dict[str, str] = {}
    body: list[str] = []
    current: str | None = None
    for line in lines:
        match = _NOTE_DEF.match(line)
        if match:
            current = match.group(1)
            notes[current] = (notes.get(current, "") + " " + md_clean(match.group(2))).strip()
            continue
        if current is not None and not line.strip():
            body.append(line)
            continue
        if current is not None and line.startswith(("    ", "\t")) and line.strip():
            notes[current] += " " + md_clean(line.strip())
            continue
        current = None
        body.append(line)
    return body, notes


def _is_quote(line: str) -> bool:
    return line.lstrip().startswith(">")


def _group_blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append(list(current))
            current.clear()

    for line in lines:
        if not line.strip():
            flush()
            continue
        if _HEADING.match(line):
            flush()
            blocks.append([line])
            continue
        if current and re.match(r"^\s{0,3}(=+|-{2,})\s*$", line) and not _is_quote(current[-1]):
            current[:] = ["# " + " ".join(x.strip() for x in current)]  # setext heading
            flush()
            continue
        if re.match(r"^\s{0,3}([*_-]\s*){3,}$", line):
            flush()
            continue
        entry = line
        if current and _is_quote(current[-1]) and not _is_quote(line):
            if _QUOTE_PREFIX.sub("", current[-1]).strip():
                entry = "> " + line  # lazy continuation line (CommonMark)
            else:
                flush()
        elif current and not _is_quote(current[-1]) and _is_quote(line):
            flush()
        current.append(entry)
    flush()
    return blocks


def _add_quote(stream: TokenStream, block: list[str], valid_ids: set[str] | None) -> None:
    paragraph: list[str] = []
    for line in block:
        content = md_clean(_QUOTE_PREFIX.sub("", _QUOTE_PREFIX.sub("", line)))
        if not content.strip():
            if paragraph:
                stream.add_block("blockquote", paragraph, True, valid_ids)
                paragraph = []
            continue
        paragraph.append(content)
    if paragraph:
        stream.add_block("blockquote", paragraph, True, valid_ids)


def parse_output(
    text: str, valid_ids: set[str] | None = None
) -> tuple[TokenStream, dict[str, str]]:
    """Parse Markdown or plain text into a body token stream and the note texts by id."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = re.sub(r"(?m)^[ \t]*(?:>[ \t]?)*<!--.*?-->[ \t]*(?:\n|\Z)", "", text, flags=re.S)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    body, notes = _split_notes(text.split("\n"))
    body = [mark_italics(line) for line in body]
    stream = TokenStream()
    for block in _group_blocks(body):
        first = block[0].lstrip()
        if first.startswith("#"):
            heading = md_clean(re.sub(r"^#+\s*|\s*#+\s*$", "", first))
            level = len(first) - len(first.lstrip("#"))
            stream.add_block("heading", [heading], True, valid_ids, level=level)
        elif first.startswith(">"):
            _add_quote(stream, block, valid_ids)
        else:
            stream.add_block("paragraph", [md_clean(line) for line in block], True, valid_ids)
    return stream, notes
