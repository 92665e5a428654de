"""The corpus metrics (``shared/corpus/README.md``), plus pagemend's own: label accuracy and
prose line breaks. ``score`` follows the reference scorer's logic metric for metric; the
agreement test (tests/eval/test_agreement.py) checks it against ``score.py`` itself.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pagemend.eval.align import NearestAligned, align, token_distance
from pagemend.eval.normalize import (
    TokenStream,
    bare,
    key,
    mark_italics,
    normalize,
    note_tokens,
    parse_output,
)

__all__ = ["Case", "label_matches", "load_case", "score"]

#: how far (in truth words) from its page's start or end a stray folio is looked for
FOLIO_WINDOW = 40


@dataclass(frozen=True)
class Case:
    """One corpus case: its truth, manifest and hyphen sites."""

    name: str
    path: Path
    truth: TokenStream
    notes: dict[str, str]
    manifest: dict[str, Any]
    sites: list[dict[str, Any]]
    meta: dict[str, Any]
    #: truth words whose emphasis the truth does not give (blocks without ``rich``: verse)
    unmarked: frozenset[int] = frozenset()


def load_case(path: Path) -> Case:
    """Read a case folder (truth.json, manifest.json, hyphens.json, meta.json)."""
    doc = json.loads((path / "truth.json").read_text(encoding="utf-8"))
    truth, notes = TokenStream(), {}
    unmarked: set[int] = set()
    for block in doc["blocks"]:
        kind = block["kind"]
        if kind == "note":
            notes[block["note_id"]] = block["text"]
        elif kind == "verse":
            first = len(truth.tokens)
            truth.add_block("verse", block["text"].split("\n"), False)
            unmarked.update(range(first, len(truth.tokens)))
        else:
            text = mark_italics(block["rich"], rich=True) if "rich" in block else block["text"]
            truth.add_block(kind, [text], False, level=block.get("level") or 0)
    hyphens = path / "hyphens.json"
    meta = path / "meta.json"
    return Case(
        name=path.name, path=path, truth=truth, notes=notes,
        manifest=json.loads((path / "manifest.json").read_text(encoding="utf-8")),
        sites=json.loads(hyphens.read_text(encoding="utf-8"))["sites"] if hyphens.exists() else [],
        meta=json.loads(meta.read_text(encoding="utf-8")) if meta.exists() else {},
        unmarked=frozenset(unmarked),
    )


def f1(tp: int, n_pred: int, n_true: int) -> float | None:
    if n_true == 0 and n_pred == 0:
        return None
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_true if n_true else 0.0
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


@dataclass
class _Aligned:
    """The output stream aligned to the truth stream."""

    out: TokenStream
    truth: TokenStream
    distance: int
    o2t: list[int]
    t2o: list[int]
    near: NearestAligned

    def equal_at_truth(self, k: int) -> bool:
        j = self.t2o[k]
        return j >= 0 and key(self.out.tokens[j]) == key(self.truth.tokens[k])


def _words(a: _Aligned) -> dict[str, Any]:
    n = len(a.truth.tokens)
    n_equal = sum(1 for k in range(n) if a.equal_at_truth(k))
    return {
        "word_accuracy": max(0.0, 1 - a.distance / n) if n else None,
        "word_recall": n_equal / n if n else None,
        "truth_words": n,
        "output_words": len(a.out.tokens),
    }


def _paragraphs(a: _Aligned) -> float | None:
    truth_starts = {i for i in range(1, len(a.truth.tokens)) if a.truth.block_start[i]}
    out_starts = set()
    for j in range(1, len(a.out.tokens)):
        if a.out.block_start[j]:
            k = a.near(j, True)
            if k is not None and k > 0:
                out_starts.add(k)
    return f1(len(truth_starts & out_starts), len(out_starts), len(truth_starts))


def _kind_f1(a: _Aligned, kind: str) -> float | None:
    truth_set = {i for i, k in enumerate(a.truth.kinds) if k == kind}
    n_pred = tp = 0
    for j, out_kind in enumerate(a.out.kinds):
        if out_kind != kind:
            continue
        k = a.o2t[j]
        if kind == "blockquote" and k >= 0 and a.truth.kinds[k] == "verse":
            continue
        n_pred += 1
        tp += k >= 0 and k in truth_set
    if truth_set:
        return f1(tp, n_pred, len(truth_set))
    return None if n_pred == 0 else 0.0


def _heading_levels(a: _Aligned) -> float | None:
    """Share of output heading words, matched to truth heading words, whose level is right."""
    matched = right = 0
    for j, kind in enumerate(a.out.kinds):
        k = a.o2t[j]
        if kind != "heading" or k < 0 or a.truth.kinds[k] != "heading":
            continue
        matched += 1
        right += a.out.levels[j] == a.truth.levels[k]
    return right / matched if matched else None


def _line_breaks(a: _Aligned) -> tuple[float | None, int]:
    """(verse_f1, line breaks left inside prose paragraphs)."""
    verse = {i for i, k in enumerate(a.truth.kinds) if k == "verse"}
    truth_lines = {i for i in verse if a.truth.line_start[i]}
    out_lines, prose_breaks = set(), 0
    for j in range(len(a.out.tokens)):
        k = a.o2t[j]
        if not a.out.line_start[j] or k < 0:
            continue
        if k in verse:
            out_lines.add(k)
        elif not a.out.block_start[j] and not a.truth.block_start[k]:
            prose_breaks += 1
    if not verse:
        return None, prose_breaks
    return f1(len(truth_lines & out_lines), len(out_lines) + prose_breaks, len(truth_lines)), (
        prose_breaks
    )


def _note_refs(a: _Aligned) -> float | None:
    if not a.truth.markers:
        return None
    truth_markers = list(a.truth.markers)
    used: set[int] = set()
    tp = 0
    for j, note_id in a.out.markers:
        k = a.near(j, False)
        if k is None:
            continue
        for idx, (tk, tid) in enumerate(truth_markers):
            if idx not in used and tid == note_id and abs(tk - k) <= 1:
                used.add(idx)
                tp += 1
                break
    return f1(tp, len(a.out.markers), len(truth_markers))


def _ngrams(tokens: list[str], n: int = 4) -> set[tuple[str, ...]]:
    keys = [t for t in (bare(x) for x in tokens) if t]
    return {tuple(keys[i:i + n]) for i in range(len(keys) - n + 1)}


def _notes(a: _Aligned, truth_notes: dict[str, str], out_notes: dict[str, str]) -> dict[str, Any]:
    if not truth_notes:
        return {"note_body_leak": None, "note_text_accuracy": None}
    note_grams: set[tuple[str, ...]] = set()
    for text in truth_notes.values():
        note_grams |= _ngrams(note_tokens(text))
    note_grams -= _ngrams(a.truth.tokens)
    leak = len(note_grams & _ngrams(a.out.tokens)) / len(note_grams) if note_grams else 0.0
    total, accurate = 0, 0.0
    for note_id, text in truth_notes.items():
        truth_tokens = note_tokens(text)
        if not truth_tokens:
            continue
        total += len(truth_tokens)
        if note_id in out_notes:
            found = note_tokens(out_notes[note_id])
            accurate += max(0.0, len(truth_tokens) - token_distance(found, truth_tokens))
    return {"note_body_leak": leak, "note_text_accuracy": accurate / total if total else None}


def _hyphens(a: _Aligned, sites: list[dict[str, Any]]) -> dict[str, Any]:
    body_sites = [s for s in sites if not s.get("in_note")]
    correct = {"compound": 0, "syllable": 0}
    count = {"compound": 0, "syllable": 0}
    n = len(a.truth.tokens)
    for site in body_sites:
        k = site["truth_index"]
        count[site["kind"]] += 1
        j = a.t2o[k] if 0 <= k < n else -1
        if j >= 0 and bare(a.out.tokens[j]) == bare(a.truth.tokens[k]):
            correct[site["kind"]] += 1
    return {
        "hyphen_accuracy": sum(correct.values()) / len(body_sites) if body_sites else None,
        "hyphen_compound_accuracy": (
            correct["compound"] / count["compound"] if count["compound"] else None
        ),
        "hyphen_sites": len(body_sites),
        "hyphen_correct": sum(correct.values()),
        "hyphen_compound_sites": count["compound"],
        "hyphen_compound_correct": correct["compound"],
    }


def alnum(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def _head_forms(pages: list[dict[str, Any]]) -> list[str]:
    forms = set()
    for page in pages:
        for head in page.get("heads", []):
            forms.add(alnum(head["text"]))
            forms.update(alnum(v) for v in head.get("variants", []))
    return sorted((f for f in forms if f), key=len, reverse=True)


def _head_leaks(a: _Aligned, forms: list[str], equal: list[bool]) -> int:
    pieces = [alnum(t) for t in a.out.tokens]
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    position = 0
    for j, piece in enumerate(pieces):
        if piece:
            starts.setdefault(position, j)
        position += len(piece)
        if piece:
            ends[position] = j
    joined = "".join(pieces)
    leaks, p = 0, 0
    while p < len(joined):
        j0 = starts.get(p)
        hit = None
        if j0 is not None:
            hit = next(
                (f for f in forms if joined.startswith(f, p) and (p + len(f)) in ends), None
            )
        if hit and j0 is not None:
            if not all(equal[j0:ends[p + len(hit)] + 1]):
                leaks += 1
            p += len(hit)
        else:
            p += 1
    return leaks


def _folio_windows(pages: list[dict[str, Any]], n_truth: int) -> dict[str, list[int]]:
    windows: dict[str, list[int]] = {}
    for i, page in enumerate(pages):
        if not page.get("folio"):
            continue
        start = page.get("truth_start")
        end = pages[i + 1].get("truth_start") if i + 1 < len(pages) else n_truth
        points = [x for x in (start, end) if x is not None] or [0, n_truth]
        windows.setdefault(page["folio"].casefold(), []).extend(points)
    return windows


def _folio_leaks(a: _Aligned, pages: list[dict[str, Any]], equal: list[bool]) -> int:
    windows = _folio_windows(pages, len(a.truth.tokens))
    head_words: set[str] = set()
    for page in pages:
        for head in page.get("heads", []):
            for text in [head["text"], *head.get("variants", [])]:
                head_words.update(alnum(w) for w in normalize(text).split())
    leaks = 0
    tokens = a.out.tokens
    for j, token in enumerate(tokens):
        if equal[j]:
            continue
        folio = re.sub(r"^[^\w]+|[^\w]+$", "", token).casefold()
        if folio not in windows:
            continue
        k = a.near(j, False)
        if k is None:
            k = a.near(j, True) or 0
        if not any(abs(k - x) <= FOLIO_WINDOW for x in windows[folio]):
            continue
        # a number followed by unmatched text is a footnote label, not a stray folio
        following: list[bool] = []
        jj = j + 1
        while jj < len(tokens) and len(following) < 3:
            word = alnum(tokens[jj])
            if word and word not in head_words and word not in windows:
                following.append(equal[jj])
            jj += 1
        if len(following) < 3 or sum(following) >= 2:
            leaks += 1
    return leaks


def _furniture(a: _Aligned, manifest: dict[str, Any]) -> dict[str, Any]:
    pages = manifest["pages"]
    items = sum(len(p.get("heads", [])) + bool(p.get("folio")) for p in pages)
    equal = [
        a.o2t[j] >= 0 and key(a.out.tokens[j]) == key(a.truth.tokens[a.o2t[j]])
        for j in range(len(a.out.tokens))
    ]
    heads = _head_leaks(a, _head_forms(pages), equal)
    folios = _folio_leaks(a, pages, equal)
    lost_numbers = sum(
        1 for k, t in enumerate(a.truth.tokens)
        if re.fullmatch(r"\W*\d+\W*", t) and not a.equal_at_truth(k)
    )
    leaks = heads + folios
    return {
        "pages": len(pages),
        "furniture_items": items,
        "furniture_leaks": leaks,
        "furniture_leaks_heads": heads,
        "furniture_leaks_folios": folios,
        "furniture_leaks_per_page": leaks / len(pages) if pages else 0.0,
        "furniture_lost_numbers": lost_numbers,
        "furniture_score": 1 - min(1.0, (leaks + lost_numbers) / items) if items else 1.0,
    }


def _italic_blocks(stream: TokenStream) -> list[bool]:
    """Per token: it stands in a block set wholly in italics (a synopsis, a dateline, an
    attribution: the truth's ``rich`` does not mark those)."""
    flags: list[bool] = []
    start = 0
    for end in [*(i for i, first in enumerate(stream.block_start) if first and i), len(
            stream.tokens)]:
        flags.extend([all(stream.italic[start:end])] * (end - start))
        start = end
    return flags


def _italics(a: _Aligned, unmarked: frozenset[int]) -> dict[str, Any]:
    """Italic words (issue 19): recall over the truth's ``{i}`` words (the aligned output word
    in italics too); precision over the output's italic words (the aligned truth word in
    italics, or the word in a block the output sets wholly in italics), leaving out words
    aligned to truth words whose emphasis the truth does not give (``unmarked``: verse)."""
    truth, out = a.truth.italic, a.out.italic
    wanted = [k for k, italic in enumerate(truth) if italic]
    found = sum(1 for k in wanted if a.t2o[k] >= 0 and out[a.t2o[k]])
    whole = _italic_blocks(a.out)
    given = [j for j, italic in enumerate(out) if italic and a.o2t[j] not in unmarked]
    right = sum(1 for j in given if whole[j] or (a.o2t[j] >= 0 and truth[a.o2t[j]]))
    return {
        "italic_truth": len(wanted), "italic_found": found, "italic_output": len(given),
        "italic_correct": right,
        "italic_recall": found / len(wanted) if wanted else None,
        "italic_precision": right / len(given) if given else None,
    }


def _overall(res: dict[str, Any]) -> float:
    recall = res["word_recall"] or 0.0
    leak = res["note_body_leak"]
    parts = [
        res["word_accuracy"], res["furniture_score"] * recall, res["hyphen_accuracy"],
        res["paragraph_f1"], res["heading_f1"], res["blockquote_f1"], res["verse_f1"],
        res["note_ref_f1"], None if leak is None else (1 - leak) * recall,
        res["note_text_accuracy"],
    ]
    present = [p for p in parts if p is not None]
    return sum(present) / len(present) if present else 0.0


def score(case: Case, output_text: str) -> dict[str, Any]:
    """Every metric of one output against its case (the reference scorer's keys, plus
    ``prose_line_breaks`` and ``heading_level_accuracy``)."""
    out, out_notes = parse_output(output_text, {note_id for _, note_id in case.truth.markers})
    distance, o2t, t2o = align(out.tokens, case.truth.tokens)
    a = _Aligned(out, case.truth, distance, o2t, t2o, NearestAligned(o2t))
    res: dict[str, Any] = _words(a)
    res["paragraph_f1"] = _paragraphs(a)
    res["heading_f1"] = _kind_f1(a, "heading")
    res["blockquote_f1"] = _kind_f1(a, "blockquote")
    res["heading_level_accuracy"] = _heading_levels(a)
    res["verse_f1"], res["prose_line_breaks"] = _line_breaks(a)
    res["note_ref_f1"] = _note_refs(a)
    res.update(_notes(a, case.notes, out_notes))
    res.update(_hyphens(a, case.sites))
    res.update(_furniture(a, case.manifest))
    res.update(_italics(a, case.unmarked))
    res["overall"] = _overall(res)
    return res


def label_matches(labels: Sequence[str | None], manifest: dict[str, Any]) -> tuple[int, int]:
    """(pages whose label equals the printed folio, pages with a printed folio).

    >>> label_matches(["i", "2", None], {"pages": [{"folio": "i"}, {"folio": "3"}, {}]})
    (1, 2)
    """
    pairs = [
        (labels[i] if i < len(labels) else None, page["folio"])
        for i, page in enumerate(manifest["pages"]) if page.get("folio")
    ]
    return sum(found == printed for found, printed in pairs), len(pairs)
