"""Review: one self-contained HTML page (inline CSS and script, images as data URIs, no
network) that sets every edit and decision beside the page it came from (issue 21).

For each page: the lines as they were read (each edit undone, as ``verify`` rebuilds them),
removed furniture struck through, joined and kept hyphens marked differently, flagged sites
highlighted, note markers linked to their notes, each line's role and block kind in the
margin and one dot per edit and decision of the line; beside them the mended blocks of the
page with their kinds and the printed page label; for a PDF the page image (when the
``review`` command rendered one) with each line's box coloured by its role or kind. Clicking
a mark shows its records (stage, rule, evidence); keys move between pages and flagged sites;
a filter picks one rule. A pure projection: the images come from the caller.

    >>> from pagemend.model import Block, Document, Edit, Line, Page, Span
    >>> doc = Document(pages=(Page(0, "7", (Line("7", 0, 0, role="folio"),
    ...                                     Line("A line.", 0, 1))),),
    ...     blocks=(Block("paragraph", "A line.", (Span(0, 7, 0, "7", 1),)),),
    ...     edits=(Edit("remove_running_heads", "remove_folio", 0, 0, "7", "", "in step"),))
    >>> out = write_review(doc)
    >>> '<del class="x furniture" data-r="e0">7</del>' in out
    True
    >>> 'id="p-0" data-label="7"' in out
    True
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pagemend.model import FURNITURE_ROLES, Document, Edit, Line, Page
from pagemend.verify import line_texts
from pagemend.writers.markup import attr, text
from pagemend.writers.registry import Writer, register

__all__ = ["RECORD_FIELDS", "PageImage", "line_marks", "records", "records_json", "write_review"]

#: the edit actions that remove furniture, and those that decide a line-end hyphen
_FURNITURE_ACTIONS = frozenset({"remove_running_head", "remove_folio", "remove_foot"})
#: pdfium's line-end hyphen (a noncharacter, no font draws it): kept in the text, shown as ¬
_SOFT_BREAK = "\ufffe"
_ACTION_CLASS = {"join_hyphen": "joined", "keep_hyphen": "kept",
                 "extract_note_marker": "noteref"}


@dataclass(frozen=True, slots=True)
class PageImage:
    """A page's size in PDF points and, when rendered, its image as a ``data:`` URI."""

    width: float
    height: float
    uri: str | None = None


@dataclass(frozen=True, slots=True)
class Mark:
    """An edit's place in the line as it was read: ``text[start:end]`` was ``edit.before``."""

    start: int
    end: int
    key: str
    edit: Edit


def records(doc: Document) -> dict[str, dict[str, Any]]:
    """Every edit (``e<N>``, N its index in ``doc.edits``) and decision (``d<N>``) as a plain
    record: where, stage, rule (an edit's is ``stage.action``), what changed and why; ``row``
    is the line it is shown on (the layout repair's edits name a line as the reader read it,
    shown where that line went; None for a piece joined to another line: the page's row)."""
    moved = _repaired_lines(doc)
    out: dict[str, dict[str, Any]] = {}
    for n, edit in enumerate(doc.edits):
        row = moved.get((edit.page, edit.line), edit.line) if (
            edit.stage == "repair_layout") else edit.line  # None: a piece, on the page's row
        out[f"e{n}"] = {"page": edit.page, "line": edit.line, "stage": edit.stage,
                        "rule": f"{edit.stage}.{edit.action}", "what": "text",
                        "before": edit.before, "after": edit.after, "why": edit.reason,
                        "flagged": edit.flagged, "row": row}
    for n, decision in enumerate(doc.decisions):
        out[f"d{n}"] = {"page": decision.page, "line": decision.line, "stage": decision.stage,
                        "rule": decision.rule, "what": decision.field,
                        "before": decision.before, "after": decision.after,
                        "why": decision.evidence, "flagged": False, "row": decision.line}
    return out


def _repaired_lines(doc: Document) -> dict[tuple[int, int], int | None]:
    """(page, line as read) -> its line after ``repair_layout`` renumbered the page, or None
    for a piece of a line that was joined to another line (it has no line of its own)."""
    moved: dict[tuple[int, int], int | None] = {}
    for decision in doc.decisions:
        if decision.stage != "repair_layout" or not isinstance(decision.before, int):
            continue
        if decision.field == "order" and isinstance(decision.after, int):
            moved[(decision.page, decision.before)] = decision.after
        elif decision.field == "line_join":
            moved[(decision.page, decision.before)] = None
    return moved


def _edit_lines(doc: Document, rows: dict[str, int | None]
                ) -> dict[tuple[int, int], list[tuple[str, Edit]]]:
    """Each line's edits in the order they were made, on the lines as shown (a piece that
    left its line has no line: its edits are shown on the page's own row)."""
    by_line: dict[tuple[int, int], list[tuple[str, Edit]]] = defaultdict(list)
    for n, edit in enumerate(doc.edits):
        row = rows[f"e{n}"]
        if row is not None:
            by_line[(edit.page, row)].append((f"e{n}", edit))
    return by_line


def line_marks(final: str, edits: list[tuple[str, Edit]]) -> tuple[str, list[Mark]]:
    """The line as it was read (its edits undone, last first) and where each edit sits in it.
    An edit that does not fit the text (the output was changed) leaves the text as it is.

    >>> e = Edit("join_hyphenated_words", "join_hyphen", 0, 0, "-", "", "", offset=3)
    >>> read, marks = line_marks("con", [("e0", e)])
    >>> read, [(m.start, m.end, m.key) for m in marks]
    ('con-', [(3, 4, 'e0')])
    """
    current = final
    marks: list[Mark] = []
    for key, edit in reversed(edits):
        end = edit.offset + len(edit.after)
        if current[edit.offset:end] != edit.after:
            continue
        current = current[:edit.offset] + edit.before + current[end:]
        shift = len(edit.before) - len(edit.after)
        marks = [_shifted(mark, edit.offset, end, shift) for mark in marks]
        marks.append(Mark(edit.offset, edit.offset + len(edit.before), key, edit))
    return current, sorted(marks, key=lambda mark: (mark.start, mark.end))


def _shifted(mark: Mark, start: int, end: int, shift: int) -> Mark:
    """A mark moved by an undone edit that replaced ``[start, end)`` (growing it by shift)."""
    if mark.start >= end:
        return Mark(mark.start + shift, mark.end + shift, mark.key, mark.edit)
    if mark.end > start:  # the undone edit overlaps the mark: it covers what came back
        return Mark(min(mark.start, start), max(mark.end, end + shift), mark.key, mark.edit)
    return mark


def _mark_class(edit: Edit) -> str:
    name = "furniture" if edit.action in _FURNITURE_ACTIONS else _ACTION_CLASS.get(
        edit.action, "edit")
    return f"x {name} flag" if edit.flagged else f"x {name}"


def _mark_html(mark: Mark, value: str, note_href: str | None) -> str:
    cls = _mark_class(mark.edit)
    if not value:
        return f'<span class="{cls} ins" data-r="{mark.key}"></span>'
    if note_href is not None:
        return f'<a class="{cls}" data-r="{mark.key}" href="{note_href}">{text(value)}</a>'
    tag = "del" if "furniture" in cls else "span"
    return f'<{tag} class="{cls}" data-r="{mark.key}">{text(value)}</{tag}>'


def _line_text_html(read: str, marks: list[Mark], note_hrefs: list[str]) -> str:
    """The line as read, its edits' places wrapped in marks (overlapping ones keep a dot)."""
    out: list[str] = []
    at = 0
    hrefs = iter(note_hrefs)
    for mark in marks:
        if mark.start < at:
            continue
        href = next(hrefs, None) if mark.edit.action == "extract_note_marker" else None
        out.append(text(read[at:mark.start]))
        out.append(_mark_html(mark, read[mark.start:mark.end], href))
        at = mark.end
    out.append(text(read[at:]))
    return "".join(out).replace(_SOFT_BREAK, f'<span class="soft">{_SOFT_BREAK}</span>')


def _margin(line: Line) -> str:
    if line.role != "body":
        return line.role.replace("_", " ")
    kind = line.kind.replace("_", " ") + (f" {line.level}" if line.level else "")
    return ("¶ " if line.starts_block else "") + kind


def _line_class(line: Line) -> str:
    role = "furn" if line.role in FURNITURE_ROLES else line.role
    return f"ln r-{role} k-{line.kind}"


class _Page:
    """What one page's section needs: the line rows, the records of each line, the blocks."""

    def __init__(self, review: _Review, page: Page) -> None:
        self.review = review
        self.page = page

    def html(self) -> list[str]:
        page = self.page
        label = text(page.label or "")
        parts = [f'<section class="page" id="p-{page.index}" data-label="{attr(page.label or "")}"'
                 ' tabindex="-1">', f"<h2>#{page.index} <span class=label>page {label or '–'}"
                 f"{' (inferred)' if page.label_inferred else ''}</span></h2>",
                 '<div class="cols">']
        parts += self.figure()
        parts += ['<table class="lines"><tbody>', *self.rows(), "</tbody></table>",
                  '<div class="blocks">', *self.blocks(), "</div>", "</div>", "</section>"]
        return parts

    def rows(self) -> list[str]:
        rows = []
        numbers = {line.number for line in self.page.lines}
        stray = [key for (page, number), keys in self.review.keys.items()
                 if page == self.page.index and number not in numbers for key in keys]
        if stray:  # records on lines the page no longer holds (a piece joined elsewhere)
            pieces = " | ".join(str(self.review.records[key]["before"]) for key in stray
                                if key[0] == "e")
            rows.append(f'<tr class="ln r-page" id="l-{self.page.index}-x"><td class=no></td>'
                        f"<td class=mg>pieces read apart</td><td class=tx>{text(pieces)}</td>"
                        f"<td class=dots>{self.review.dots(stray)}</td></tr>")
        rows += [self.row(line) for line in self.page.lines]
        return rows

    def row(self, line: Line) -> str:
        review = self.review
        where = (line.page, line.number)
        final = review.span_texts.get(where, "")
        read, marks = line_marks(final, review.edits.get(where, []))
        if not marks and not final:
            read = line.text
        hrefs = [review.note_href(line, note_id) for _, note_id, _ in line.references]
        body = _line_text_html(read, marks, [h for h in hrefs if h is not None])
        return (f'<tr class="{_line_class(line)}" id="l-{line.page}-{line.number}">'
                f"<td class=no>{line.number}</td><td class=mg>{text(_margin(line))}</td>"
                f"<td class=tx>{body}</td>"
                f"<td class=dots>{review.dots(review.keys.get(where, []))}</td></tr>")

    def blocks(self) -> list[str]:
        out = []
        for index in self.review.blocks_on.get(self.page.index, []):
            block = self.review.doc.blocks[index]
            spans = [span for span in block.spans if span.page == self.page.index]
            first = block.pages[0] == self.page.index
            kind = block.kind.replace("_", " ") + (f" {block.level}" if block.level else "")
            if block.note_id:
                kind += f" {block.note_id}"
            ident = f' id="b-{index}"' if first else ""
            value = block.text[spans[0].start:spans[-1].end]
            out.append(f'<div class="blk k-{block.kind}{"" if first else " cont"}"{ident}>'
                       f"<span class=kind>{text(kind)}{'' if first else ' …'}</span>"
                       f"{text(value)}</div>")
        return out

    def figure(self) -> list[str]:
        image = self.review.images.get(self.page.index)
        if image is None or image.width <= 0 or image.height <= 0:
            return []
        ratio = f"{image.width:.1f}/{image.height:.1f}"
        parts = [f'<figure class="img" style="aspect-ratio:{ratio}">']
        if image.uri:
            parts.append(f'<img src="{attr(image.uri)}" alt="page {self.page.index}"/>')
        for line in self.page.lines:
            box = line.geometry
            if box is None or not line.text:
                continue
            parts.append(
                f'<div class="box {_line_class(line)}" data-row="l-{line.page}-{line.number}"'
                f' style="left:{100 * box.x0 / image.width:.2f}%;'
                f"top:{100 * box.top / image.height:.2f}%;"
                f"width:{100 * (box.x1 - box.x0) / image.width:.2f}%;"
                f'height:{100 * (box.bottom - box.top) / image.height:.2f}%"></div>')
        parts.append("</figure>")
        return parts


class _Review:
    """The document's records indexed by line, its blocks by page, and the note targets."""

    def __init__(self, doc: Document, images: Mapping[int, PageImage]) -> None:
        self.doc = doc
        self.images = images
        self.records = records(doc)
        self.edits = _edit_lines(doc, {key: r["row"] for key, r in self.records.items()})
        self.span_texts = line_texts(doc)
        #: (page, line shown; -1 for the page's own row) -> its records' keys
        self.keys: dict[tuple[int, int], list[str]] = defaultdict(list)
        for key, record in self.records.items():
            row = record["row"]
            self.keys[(record["page"], -1 if row is None else row)].append(key)
        self.blocks_on: dict[int, list[int]] = defaultdict(list)
        self.notes: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for index, block in enumerate(doc.blocks):
            for page in block.pages:
                self.blocks_on[page].append(index)
            if block.kind == "note" and block.note_id and block.spans:
                self.notes[block.note_id].append((block.spans[0].page, index))

    def note_href(self, line: Line, note_id: str) -> str | None:
        """The note a marker on ``line`` points to: the first with its id on or after its
        page, else the first with its id."""
        candidates = self.notes.get(note_id, [])
        later = [index for page, index in candidates if page >= line.page]
        chosen = later or [index for _, index in candidates]
        return f"#b-{chosen[0]}" if chosen else None

    def dots(self, keys: list[str]) -> str:
        out = []
        for key in keys:
            record = self.records[key]
            flag = " flag" if record["flagged"] else ""
            kind = "e" if key[0] == "e" else "d"
            out.append(f'<i class="dot {kind} s-{record["stage"]}{flag}" data-r="{key}"></i>')
        return "".join(out)

    def rule_options(self) -> list[str]:
        counts: dict[str, int] = defaultdict(int)
        for record in self.records.values():
            counts[record["rule"]] += 1
        return [f'<option value="{attr(rule)}">{text(rule)} ({count})</option>'
                for rule, count in sorted(counts.items())]


#: the fields of a record in the page's JSON; those named in ``_SHARED`` are indices into
#: its table of strings (evidence repeats: the table keeps a 300-page book's JSON small)
RECORD_FIELDS = ("page", "line", "stage", "rule", "what", "before", "after", "why", "flagged",
                 "row")
_SHARED = frozenset({"stage", "rule", "what", "why"})


def records_json(records: dict[str, dict[str, Any]]) -> str:
    """The records as compact JSON, safe inside a script element: ``{"strings": [...],
    "e": [[field, ...], ...], "d": [...]}``, edits and decisions in their order.

    >>> print(records_json({"d0": {"page": 0, "line": 1, "stage": "s", "rule": "s.r",
    ...       "what": "kind", "before": "paragraph", "after": "heading", "why": "</b>",
    ...       "flagged": False, "row": 1}}))
    {"strings":["s","s.r","kind","<\\/b>"],"e":[],"d":[[0,1,0,1,2,"paragraph","heading",3,0,1]]}
    """
    strings: dict[str, int] = {}
    rows: dict[str, list[list[Any]]] = {"e": [], "d": []}
    for key, record in records.items():
        row: list[Any] = []
        for name in RECORD_FIELDS:
            value = record[name]
            if name in _SHARED:
                value = strings.setdefault(value, len(strings))
            row.append(int(value) if name == "flagged" else value)
        rows[key[0]].append(row)
    data = json.dumps({"strings": list(strings), **rows}, ensure_ascii=False,
                      separators=(",", ":"))
    return data.replace("</", "<\\/").replace("<!--", "<\\!--")


#: colours of roles and kinds (line margins, image boxes) and of stages (record dots)
STYLE = """*{box-sizing:border-box}body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#222}
header{position:sticky;top:0;z-index:3;background:#f4f4f4;border-bottom:1px solid #bbb;
padding:.4em 1em;display:flex;gap:1em;align-items:center;flex-wrap:wrap}
header h1{font-size:1em;margin:0}header .keys{color:#555;font-size:.85em}
main{margin-right:24em}section.page{border-bottom:3px double #999;padding:.5em 1em;
scroll-margin-top:5em;content-visibility:auto;contain-intrinsic-size:auto 1200px}
tr.ln,.dot{scroll-margin:6em 0}
section.page:focus{outline:none}section.page h2{font-size:1em;margin:.2em 0}
.label{font-weight:normal;color:#555}.cols{display:flex;gap:1em;align-items:flex-start}
figure.img{position:sticky;top:4em;flex:0 0 22em;margin:0;border:1px solid #999;
background:#fff;cursor:zoom-in}figure.img.big{flex-basis:44em;cursor:zoom-out}
figure.img img{width:100%;height:100%;display:block;opacity:.85}
.box{position:absolute;border:1px solid #39c;cursor:pointer;background:rgba(80,130,220,.12)}
.box.sel{background:rgba(255,120,0,.35)}
table.lines{border-collapse:collapse;flex:1 1 36em;font-family:ui-monospace,monospace;
font-size:12px}table.lines td{padding:0 .4em;vertical-align:top;border-bottom:1px solid #eee}
tr.ln{cursor:pointer}tr.ln:hover{background:#f0f6ff}tr.sel{background:#dde9ff}
td.no{color:#999;text-align:right}td.mg{color:#555;white-space:nowrap;font-family:system-ui;
font-size:11px;border-left:4px solid #bcd}td.tx{white-space:pre-wrap}td.dots{white-space:nowrap}
.dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin:0 1px;background:#999;
cursor:pointer}.dot.e{border-radius:1px}.dot.flag{outline:2px solid #e6a700}
.x{cursor:pointer}del.furniture{color:#b00;text-decoration:line-through}
.joined{background:#c8f0c8;text-decoration:line-through}.kept{background:#cfe0ff;
outline:1px solid #36c}.noteref{color:#707;font-weight:bold}.edit{background:#eee;
border-bottom:1px dotted #666}.ins::before{content:"\\2038";color:#c60}
.soft{font-size:0}.soft::before{content:"\\ac";font-size:12px;color:#c60}
.flag{background:#ffe066 !important}.focus{outline:3px solid #f60 !important}
.blocks{flex:1 1 24em;font-family:Georgia,serif}.blk{border-left:4px solid #bcd;
padding:.2em .5em;margin:.3em 0;white-space:pre-wrap}.blk.cont{border-left-style:dashed}
.kind{display:block;font:11px system-ui;color:#555}
.k-heading td.mg,.blk.k-heading,.box.k-heading{border-color:#1f5fbf}.blk.k-heading{font-weight:bold}
.k-blockquote td.mg,.blk.k-blockquote,.box.k-blockquote{border-color:#2a9d4a}
.k-verse td.mg,.blk.k-verse,.box.k-verse{border-color:#e07b00}
.k-list_item td.mg,.blk.k-list_item,.box.k-list_item{border-color:#8a5a00}
.k-letter td.mg,.blk.k-letter,.box.k-letter{border-color:#0a8a8a}
.k-toc td.mg,.blk.k-toc,.box.k-toc,.k-index td.mg,.blk.k-index,.box.k-index{border-color:#777}
.r-note td.mg,.blk.k-note,.box.r-note{border-color:#8e44ad}.blk.k-note{font-size:.9em}
.r-furn td.mg,.box.r-furn{border-color:#c00}.box.r-furn{background:rgba(220,0,0,.15)}
.r-marker td.mg,.box.r-marker{border-color:#aaa}
.s-repair_layout{background:#666}.s-normalize_characters{background:#aaa}
.s-remove_running_heads{background:#c00}.s-capture_page_labels{background:#f08}
.s-join_drop_caps{background:#a52}.s-separate_notes,.s-link_notes{background:#8e44ad}
.s-join_hyphenated_words{background:#2a9d4a}.s-detect_headings{background:#1f5fbf}
.s-detect_lists{background:#8a5a00}.s-detect_letters{background:#0a8a8a}
.s-detect_verse{background:#e07b00}.s-detect_block_quotes{background:#5c5}
.s-rejoin_paragraphs{background:#39c}.s-restore_word_spaces{background:#bb5}
.filtering tr.ln{opacity:.3}.filtering tr.ln.has-hit{opacity:1}.dot.hit{outline:2px solid #f60}
aside#inspector{position:fixed;right:0;top:0;bottom:0;width:24em;overflow:auto;z-index:4;
background:#fafafa;border-left:1px solid #bbb;padding:.6em;font-size:13px}
.rec{border:1px solid #ddd;background:#fff;margin:.4em 0;padding:.3em .5em}
.rec.sel{border-color:#f60;box-shadow:0 0 0 1px #f60}.rec b{display:block;overflow-wrap:anywhere}
.rec code{white-space:pre-wrap;word-break:break-all}.rec .why{margin:.2em 0 0}
.rec .flagged{color:#b60;font-weight:bold}"""

#: the page's behaviour: inspecting marks, keys, the rule filter (no network)
SCRIPT = r"""(function(){
const D=JSON.parse(document.getElementById('records').textContent),S=D.strings;
function rec(k){const a=D[k[0]][+k.slice(1)];return {page:a[0],line:a[1],stage:S[a[2]],
 rule:S[a[3]],what:S[a[4]],before:a[5],after:a[6],why:S[a[7]],flagged:!!a[8]};}
const pages=[...document.querySelectorAll('section.page')];
const panel=document.getElementById('inspector');
const pick=document.getElementById('rule');
const status=document.getElementById('status');
let sites=[],site=-1;
function el(tag,cls,txt){const e=document.createElement(tag);if(cls)e.className=cls;
 if(txt!==undefined)e.textContent=txt;return e;}
function show(v){return v===null?'none':JSON.stringify(v);}
function inspect(row,key){
 for(const s of document.querySelectorAll('.sel'))s.classList.remove('sel');
 row.classList.add('sel');
 for(const b of document.querySelectorAll('.box[data-row="'+row.id+'"]'))b.classList.add('sel');
 const page=row.closest('section.page');panel.replaceChildren();
 panel.append(el('h3','', '#'+page.id.slice(2)+' page '+(page.dataset.label||'–')+
  ', line '+row.querySelector('.no').textContent));
 panel.append(el('div','line',row.querySelector('.tx').textContent));
 panel.append(el('div','role',row.querySelector('.mg').textContent));
 for(const dot of row.querySelectorAll('.dot')){
  const k=dot.dataset.r,r=rec(k),box=el('div','rec'+(k===key?' sel':''));box.dataset.r=k;
  box.append(el('b','rule',r.rule),
   el('span','stage','stage '+r.stage+(k[0]==='e'?', edit':', decision')));
  box.append(el('code','change',' '+r.what+': '+show(r.before)+' \u2192 '+show(r.after)));
  box.append(el('p','why',r.why));
  if(r.flagged)box.append(el('div','flagged','flagged: review this site'));
  panel.append(box);if(k===key)box.scrollIntoView({block:'nearest'});}
}
document.addEventListener('click',function(ev){
 const t=ev.target;if(t.closest('#inspector')||t.closest('header'))return;
 const box=t.closest('.box'),fig=t.closest('figure.img');
 if(fig&&!box){fig.classList.toggle('big');return;}
 if(box){const row=document.getElementById(box.dataset.row);row.scrollIntoView({block:'center'});
  inspect(row,null);return;}
 const row=t.closest('tr.ln');if(!row)return;
 const mark=t.closest('[data-r]');inspect(row,mark?mark.dataset.r:null);});
function current(){const y=window.innerHeight/3;
 for(let i=0;i<pages.length;i++){if(pages[i].getBoundingClientRect().bottom>y)return i;}
 return pages.length-1;}
function go(i){i=Math.max(0,Math.min(pages.length-1,i));pages[i].scrollIntoView();
 pages[i].focus({preventScroll:true});status.textContent='page '+(i+1)+' of '+pages.length;}
function collect(){sites=[...document.querySelectorAll(pick.value?'.dot.hit':'.dot.flag')];site=-1;}
function step(d){if(!sites.length){
  status.textContent='no '+(pick.value?'site of this rule':'flagged site');return;}
 if(site>=0)sites[site].classList.remove('focus');site=(site+d+sites.length)%sites.length;
 const s=sites[site];s.classList.add('focus');s.scrollIntoView({block:'center'});
 inspect(s.closest('tr.ln'),s.dataset.r);
 status.textContent=(pick.value?'site ':'flagged site ')+(site+1)+' of '+sites.length;}
pick.addEventListener('change',function(){const v=pick.value;
 document.body.classList.toggle('filtering',!!v);
 for(const r of document.querySelectorAll('tr.has-hit'))r.classList.remove('has-hit');
 for(const d of document.querySelectorAll('.dot.hit'))d.classList.remove('hit');
 if(v)for(const d of document.querySelectorAll('.dot')){if(rec(d.dataset.r).rule===v){
  d.classList.add('hit');d.closest('tr').classList.add('has-hit');}}
 collect();status.textContent=v?sites.length+' sites of '+v:'';pick.blur();});
document.addEventListener('keydown',function(ev){
 if(ev.target.tagName==='SELECT'||ev.ctrlKey||ev.metaKey||ev.altKey)return;
 const k=ev.key;
 if(k==='ArrowRight'||k==='j'){go(current()+1);}else if(k==='ArrowLeft'||k==='k'){go(current()-1);}
 else if(k==='n'){step(1);}else if(k==='p'||k==='N'){step(-1);}
 else if(k==='Home'){go(0);}else if(k==='End'){go(pages.length-1);}
 else return;ev.preventDefault();});
collect();document.body.dataset.ready='1';
})();"""


def _header(doc: Document, review: _Review) -> list[str]:
    flagged = sum(1 for edit in doc.edits if edit.flagged)
    return [
        "<header>", f"<h1>Review of {text(doc.meta.source)}</h1>",
        f"<span>{len(doc.pages)} pages, {len(doc.edits)} edits, {len(doc.decisions)} "
        f"decisions, {flagged} flagged</span>",
        '<label>rule <select id="rule"><option value="">all rules</option>',
        *review.rule_options(), "</select></label>",
        '<span class="keys">keys: ←/→ or j/k pages, n/p flagged sites (or the chosen '
        "rule's); click a line, mark or box for its records, the page image to zoom</span>",
        '<span id="status" role="status"></span>', "</header>",
    ]


def write_review(doc: Document, images: Mapping[int, PageImage] | None = None) -> str:
    """The review page of a mended document; ``images`` maps a physical page index to its
    size and rendered image (see the module docstring)."""
    review = _Review(doc, images or {})
    lang = f' lang="{attr(doc.meta.lang)}"' if doc.meta.lang else ""
    parts = ["<!DOCTYPE html>", f"<html{lang}>", "<head>", '<meta charset="utf-8"/>',
             f"<title>Review: {text(doc.meta.source)}</title>",
             '<meta name="generator" content="pagemend"/>', f"<style>\n{STYLE}\n</style>",
             "</head>", "<body>", *_header(doc, review), "<main>"]
    for page in doc.pages:
        parts += _Page(review, page).html()
    parts += ["</main>", '<aside id="inspector" aria-live="polite"><p>Click a line, a mark '
              "or a box to see its edits and decisions: stage, rule, evidence.</p></aside>",
              f'<script type="application/json" id="records">{records_json(review.records)}'
              "</script>", f"<script>\n{SCRIPT}\n</script>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


register(Writer("review", (".review.html",), write_review, frozenset({"images"})))
