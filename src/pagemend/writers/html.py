"""HTML: one semantic, self-contained page (no script, no network): the book in ``main``,
a table of contents from the headings in ``nav``, page anchors named by their printed labels
(``#page-N``, N the physical page), note references linked to the notes and back.

    >>> from pagemend.model import Block, Document, Page, Span
    >>> doc = Document(pages=(Page(0, "7", ()),), blocks=(
    ...     Block("heading", "I", (Span(0, 1, 0, "7", 0),), level=1),))
    >>> print(write_html(doc).split("<main>")[1].split("</main>")[0].strip().replace("><", ">\\n<"))
    <h1 id="h-0">
    <span class="pagebreak" id="page-0" role="doc-pagebreak" aria-label="7" title="7">
    </span>I</h1>
"""

from __future__ import annotations

from pagemend.model import Document
from pagemend.writers.markup import Markup, attr, text
from pagemend.writers.registry import Writer, register

__all__ = ["STYLE", "write_html"]

#: the page's only styling, inline (no network)
STYLE = """body{max-width:40em;margin:2em auto;padding:0 1em;font-family:Georgia,serif;
line-height:1.5}
.pagebreak::before{content:"[" attr(title) "]";font-size:.7em;color:#666;margin:0 .2em}
.verse,.letter{white-space:normal;margin-left:2em}
blockquote{margin-left:2em}
.noteref{vertical-align:super;font-size:.75em}
.smallcaps{font-variant:small-caps}
.note{font-size:.9em;border-top:1px solid #ccc}
nav ol{list-style:none}"""


def _title(doc: Document) -> str:
    for block in doc.blocks:
        if block.kind == "heading":
            return block.text.replace("\n", " ")
    return doc.meta.source


def _toc(doc: Document, markup: Markup) -> list[str]:
    items = [f'<li><a href="#{markup.heading_id(i)}">{text(b.text)}</a></li>'
             for i, b in enumerate(doc.blocks) if b.kind == "heading"]
    if not items:
        return []
    return ['<nav aria-label="Contents" role="doc-toc">', "<ol>", *items, "</ol>", "</nav>"]


def write_html(doc: Document) -> str:
    """Render the document as one HTML page; see the module docstring."""
    markup = Markup(doc)
    body = [i for i, b in enumerate(doc.blocks) if i not in markup.note_ids]
    notes = [markup.note(i) for i in markup.note_ids]
    lang = f' lang="{attr(doc.meta.lang)}"' if doc.meta.lang else ""
    parts = [
        "<!DOCTYPE html>", f"<html{lang}>", "<head>", '<meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
        f"<title>{text(_title(doc))}</title>",
        '<meta name="generator" content="pagemend"/>',
        f"<style>\n{STYLE}\n</style>", "</head>", "<body>", *_toc(doc, markup), "<main>",
        *markup.body(body), "</main>",
    ]
    if notes:
        parts += ['<section class="notes" role="doc-endnotes" aria-label="Notes">', *notes,
                  "</section>"]
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


register(Writer("html", (".html", ".htm", ".xhtml"), write_html))
