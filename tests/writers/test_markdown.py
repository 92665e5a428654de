from __future__ import annotations

import pytest

from pagemend.model import Block, Document, NoteRef, Span
from pagemend.writers.markdown import write_markdown


def block(kind, text, pages=(0,), **kwargs):
    spans = tuple(Span(0, len(text), page, str(page + 1), 0) for page in pages)
    return Block(kind, text, spans, **kwargs)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("# not a heading", "\\# not a heading"),
        ("> not a quote", "\\> not a quote"),
        ("1. not a list", "1\\. not a list"),
        ("- not an item", "\\- not an item"),
        ("1950 was a year.", "1950 was a year."),
        ("—dash first", "—dash first"),
    ],
)
def test_markdown_escapes_block_syntax_at_paragraph_start(text, written):
    assert write_markdown(Document((), (block("paragraph", text),))) == written + "\n"


def test_markdown_quotes_headings_verse_and_notes():
    doc = Document((), (
        block("heading", "Stave One", level=1),
        block("blockquote", "First quoted."),
        block("blockquote", "...."),
        block("verse", "Line one\nLine two"),
        block("paragraph", "Text.", notes=(NoteRef(5, "1", True),)),
        block("note", "A note\nsecond line", note_id="1"),
    ))
    assert write_markdown(doc) == (
        "# Stave One\n\n> First quoted.\n>\n> ....\n\nLine one\\\nLine two\n\nText.[^1]\n\n"
        "[^1]: A note\n    second line\n"
    )


def test_markdown_page_markers_never_split_a_word():
    text = "to defend the camp"
    spans = (Span(0, 5, 0, "141", 9), Span(5, 18, 1, "142", 0))  # 'to de' | 'fend the camp'
    doc = Document((), (Block("paragraph", text, spans),))
    assert write_markdown(doc, page_markers=True) == (
        "<!-- page 141 -->\n\nto defend <!-- page 142 --> the camp\n"
    )


HOSTILE = [
    "a *starred* and _underlined_ word",
    "<script>alert(1)</script> and <b>bold</b>",
    "[a link](http://example.com) and ![an image](x.png)",
    "`code` and a back\\slash and &amp; &#169; AT&T",
    "# a hash first",
    "> an angle first",
    "1. a number first",
    "- a dash first",
    "***",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_text_reads_back_as_itself_and_never_as_markup(text):
    """Issue 16: HTML and Markdown syntax in the text is escaped, so a CommonMark renderer
    (markdown-it-py) gives back exactly the text as one paragraph, with no markup."""
    markdown_it = pytest.importorskip("markdown_it")
    import html

    written = write_markdown(Document((), (block("paragraph", text),)))
    tokens = markdown_it.MarkdownIt("commonmark").parse(written)
    assert [token.type for token in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    (inline,) = [token for token in tokens if token.type == "inline"]
    assert [child.type for child in inline.children or []] == ["text"]
    rendered = markdown_it.MarkdownIt("commonmark").render(written)
    assert html.unescape(rendered) == f"<p>{text}</p>\n"


def test_markdown_page_label_cannot_close_its_comment():
    spans = (Span(0, 4, 0, "1--><script>x</script>", 0),)
    doc = Document((), (Block("paragraph", "Text", spans),))
    written = write_markdown(doc, page_markers=True)
    assert written.count("-->") == 1 and "<script>" not in written


def test_markdown_streams_a_block_at_a_time_with_the_one_shot_edges():
    """Pieces are written as blocks come; the edges the whole output had hold in pieces too: a
    quote after a quote joins it across a page marker, trailing blank lines are cut, an empty
    document writes nothing."""
    from pagemend.writers.markdown import markdown_chunks
    from pagemend.writers.registry import pieces

    doc = Document((), (block("paragraph", "One."), block("blockquote", "Two."),
                        block("blockquote", "Three.", pages=(1,)), block("paragraph", "")))
    chunks = list(markdown_chunks(doc, page_markers=True))
    assert len(chunks) >= 4
    # the bytes the one-shot writer gave (main at 710fd20)
    assert "".join(chunks) == ("<!-- page 1 -->\n\nOne.\n\n> Two.\n\n<!-- page 2 -->\n>\n"
                               "> Three.\n\n<!-- page 1 -->\n")
    assert b"".join(pieces(doc, "md", page_markers=True)) == "".join(chunks).encode()
    assert list(markdown_chunks(Document((), ()))) == []


def test_escape_inline_guard_holds_every_character_a_match_starts_with():
    """``escape_inline`` asks ``_INLINE_SYNTAX`` only of a text holding a character of
    ``_INLINE_FIRST``: every code point the pattern matches at (an entity after it for ``&``)
    is one of them, so the guard never skips a text the pattern would escape; fails when a
    character the pattern needs is dropped from the guard."""
    from pagemend.writers.markdown import _INLINE_FIRST, _INLINE_SYNTAX, escape_inline

    starts = {chr(code) for code in range(0x110000)
              if _INLINE_SYNTAX.match(chr(code) + "amp;")}
    assert starts <= set(_INLINE_FIRST)
    assert all(escape_inline(f"a{char}amp; b") != f"a{char}amp; b" for char in starts)
