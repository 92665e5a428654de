"""join_hyphenated_words: decide every line-end hyphen on evidence.

A site is a body line ending in a letter or digit and a hyphen; its continuation is the first
word of the next body line, on the next page if need be (over the furniture). The evidence
sources of :mod:`pagemend.hyphenation.sources` vote (the document's own spelling of the
word, compound first parts it uses, a digit, a capital after the break); the votes decide:

- join: the hyphen is deleted (an edit holding it) and the line glued to the next;
- keep: the hyphen stays and the line is glued to the next (``Marxism-Leninism``);
- suspended: before a conjunction the hyphen stays and the line is not glued (``Jagd- und``);
- weak, conflicting evidence keeps the hyphen and flags the site for review.

Every site gets an edit naming the evidence. Leaves alone: hyphens inside a line, dashes
(``—``, ``--``), and a hyphen with no continuation (the end of the input).

    >>> from pagemend.readers import read_text
    >>> from pagemend.stages.measure_document import measure_document
    >>> doc = measure_document(read_text("to de-\\nfend Marxism-\\nLeninism; pre-\\nand"), None)
    >>> doc = join_hyphenated_words(doc, JoinHyphenatedWordsConfig())
    >>> [(line.text, line.glue_next) for line in doc.lines()]
    [('to de', True), ('fend Marxism-', True), ('Leninism; pre-', False), ('and', False)]
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from pagemend.errors import ConfigError
from pagemend.hyphenation import Decision, HyphenSite, decide
from pagemend.hyphenation.lexicon import has_lexicon
from pagemend.hyphenation.sources import (
    SOURCES,
    Context,
    document_counts,
    lexicon,
    suspended_hyphen,
)
from pagemend.layout import first_word
from pagemend.model import Document, Edit, Line, replace
from pagemend.registry import stage
from pagemend.rules import Changes, Rule, rule

__all__ = ["JoinHyphenatedWordsConfig", "join_hyphenated_words"]

STAGE = "join_hyphenated_words"

JOINED = rule(STAGE, "joined", "A line-end hyphen that the weighed evidence (the document's "
              "own spellings, word frequencies, hyphenation patterns, language rules) calls a "
              "typesetter's break is removed, and the word's halves join without a space.")
KEPT = rule(STAGE, "kept", "A line-end hyphen that the weighed evidence calls a compound's "
            "(or weak evidence leaves undecided) stays, and the halves join without a space.")

SUSPENDED = rule(STAGE, "suspended", "A line-end hyphen kept before a conjunction on the next "
                 "line (`Jagd-` / `und Rennpferde`) is suspended: the first word's second part "
                 "is left out, so the hyphen stays and a space parts it from the conjunction.",
                 confirms=True)

MISREAD_HYPHEN = rule(STAGE, "joined_misread_hyphen", "OCR reads a line-end hyphen as `»`: "
                      "after a letter at a line end, before a line going on in lower case, "
                      "where the document or the language's word list knows the halves as one "
                      "word (and nothing calls them a compound), the `»` was a hyphen: it is "
                      "removed and the halves join; otherwise it stays (a closing quote).")

#: a letter, then `»` ending the line: a hyphen as OCR may read it (``»``/``=``/``⸗``; the two
#: others are folded to ``-`` by normalize_characters, as no quotation mark looks like them)
_MISREAD_SITE = re.compile(r"[^\W\d_]»$")
_SITE = re.compile(r"(?:^|\s)(?P<token>\S*?[^\W_])-$")
_LEADING = re.compile(r"^[^\w]+")
_RIGHT_WORD = re.compile(r"^[\W_]*(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*|\d+)")


#: how sites are decided: on the evidence, or blindly (the baselines peers amount to)
POLICIES = ("evidence", "always_join", "always_keep")


@dataclass(frozen=True, slots=True)
class JoinHyphenatedWordsConfig:
    enabled: bool = True
    #: ``evidence`` (default); ``always_join`` and ``always_keep`` are baselines for evaluation
    policy: str = "evidence"

    def __post_init__(self) -> None:
        if self.policy not in POLICIES:
            raise ConfigError(
                f"join_hyphenated_words.policy must be one of {', '.join(POLICIES)}, "
                f"not {self.policy!r}", "fix the setting"
            )


def _site(line: Line, following: Line) -> HyphenSite | None:
    if not line.text.endswith("-"):
        return None
    token = _site_token(line.text)
    if token is None:  # (the pattern asked only of a site's next line)
        return None
    right = _RIGHT_WORD.match(following.text)
    if right is None:
        return None
    left = _LEADING.sub("", token) if not token[0].isalnum() else token
    # the letters after the last inner hyphen: in `Jone's-Fall-` the break follows `Fall`
    return HyphenSite(left.rsplit("-", 1)[-1], right.group("word"),
                      following.text.split(None, 1)[0], left)


def _site_token(text: str) -> str | None:
    """``_SITE``'s token in the line's last 60 characters, found without the regular
    expression (which tries every place in them): the last run of them without white space,
    its hyphen left off, where a letter or digit stands before the hyphen.

    >>> _site_token("to de-"), _site_token("the 1914-"), _site_token("a --"), _site_token("-")
    ('de', '1914', None, None)
    """
    tail = text[-60:].rsplit(None, 1)
    last = tail[-1] if tail else ""
    if len(last) < 2 or last[-1] != "-" or not last[-2].isalnum():
        return None
    return last[:-1]


def _candidates(doc: Document) -> list[tuple[Line, Line]]:
    """The body lines, then the note lines, that the cheap tests of ``_misread_hyphen`` and
    ``_site`` leave (most lines end otherwise), each with the next line of its role:
    ``successors``' pairs, made here for these lines alone (no pair made for every line; the
    stage changes the document, so no later stage asks for them).

    >>> from pagemend.readers import read_text
    >>> [(line.text, following.text) for line, following in _candidates(read_text(
    ...     "to de-\\nfend the\\nharbour»\\n\\nlay-"))]
    [('to de-', 'fend the'), ('harbour»', 'lay-')]
    """
    found: list[tuple[Line, Line]] = []
    for role in ("body", "note"):
        lines = [line for page in doc.pages for line in page.lines
                 if line.text and line.role == role]
        found += [(line, lines[after]) for after, line in enumerate(lines[:-1], 1)
                  if line.text[-1] == "-" or "»" in line.text[-2:]]
    return found


def _context(word_counts: Mapping[str, int], lang: str | None) -> Context:
    """Compound first parts of the document, and how often each also begins a plain word
    (one that leaves at least three letters after it: worked out for a first part when a
    site asks, see :class:`_WordStarts`)."""
    prefixes: Counter[str] = Counter()
    for word in [word for word in word_counts if "-" in word]:
        prefixes[word.split("-", 1)[0]] += word_counts[word]
    return Context(word_counts=word_counts, compound_prefixes=prefixes,
                   word_starts=_WordStarts(word_counts, prefixes), lang=lang,
                   all_compound_prefixes=True)


class _WordStarts(Mapping[str, int]):
    """First part of a hyphenated word -> how often the document's plain words (no hyphen)
    begin with it and leave at least three letters after it; worked out for a first part
    the first time it is asked (``compound_prefix`` asks for a site's first half only: most
    documents ask for none, and never need their words sorted).

    >>> starts = _WordStarts({"un-cooked": 1, "unable": 2, "until": 3, "unto": 4},
    ...                      {"un": 1})
    >>> starts.get("un", 0), starts.get("well", 0), dict(starts)
    (5, 0, {'un': 5})
    """

    __slots__ = ("_counts", "_known", "_prefixes", "_sorted")

    def __init__(self, word_counts: Mapping[str, int], prefixes: Mapping[str, int]) -> None:
        self._counts = word_counts
        self._prefixes = prefixes
        self._sorted: list[str] | None = None  # every word, hyphenated or not
        self._known: dict[str, int] = {}

    def __getitem__(self, prefix: str) -> int:
        found = self._known.get(prefix)
        if found is not None:
            return found
        if prefix not in self._prefixes:
            raise KeyError(prefix)
        ordered = self._sorted
        if ordered is None:
            ordered = self._sorted = sorted(self._counts)
        low = bisect.bisect_left(ordered, prefix)
        high = bisect.bisect_left(ordered, prefix + "\U0010ffff")
        counts = self._counts
        found = self._known[prefix] = sum(counts[word] for word in ordered[low:high]
                                          if len(word) >= len(prefix) + 3 and "-" not in word)
        return found

    def get(self, prefix: str, default: int = 0) -> int:  # type: ignore[override]
        """The count of a first part, or ``default`` for a word that begins no compound."""
        return self[prefix] if prefix in self._prefixes else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._prefixes)

    def __len__(self) -> int:
        return len(self._prefixes)


def _misread_hyphen(line: Line, following: Line, context: Context) -> str | None:
    """The evidence that a line-end ``»`` is OCR's reading of a hyphen (see
    ``MISREAD_HYPHEN``), or None.

    >>> context = Context(word_counts={"harbour": 2}, compound_prefixes={}, word_starts={},
    ...                   lang="en")
    >>> _misread_hyphen(Line("the har»", 0, 0), Line("bour lay", 0, 1), context)
    "'harbour' occurs 2x, 'har-bour' never; 'harbour' is a word (en, zipf 4.0)"
    >>> _misread_hyphen(Line("« the end»", 0, 0), Line("bour lay", 0, 1), context) is None
    True
    """
    if not _MISREAD_SITE.search(line.text) or "«" in line.text or not following.text[:1].islower():
        return None
    site = _site(replace(line, text=line.text[:-1] + "-"), following)
    if site is None:
        return None
    votes = [vote for source in (document_counts, lexicon) if (vote := source(site, context))]
    if not votes or any(vote.decision == "keep" for vote in votes):
        return None
    return "; ".join(vote.detail for vote in votes)


def _decide(site: HyphenSite, context: Context, policy: str) -> Decision:
    if policy != "evidence":
        return Decision(policy == "always_join", False, 0.0, ())
    return decide(site, [vote for source in SOURCES if (vote := source(site, context))])


def _verdict(site: HyphenSite, context: Context, policy: str, fallback: str
             ) -> tuple[Rule, str, bool]:
    """The rule a site falls under, the evidence in words, and whether it is flagged: a
    function of the site's halves and the document alone, so worked out once for every
    site of the same halves."""
    decision = _decide(site, context, policy)
    explained = f"{site.left}-|{site.right_token}: {decision.explain()}{fallback}"
    if decision.join:
        return JOINED, explained, False
    if policy == "evidence" and suspended_hyphen(site, context):
        return SUSPENDED, explained, decision.flagged
    return KEPT, explained, decision.flagged


@stage(STAGE, JoinHyphenatedWordsConfig, requires=("stats", "line.role"),
       assigns=("line.glue_next",))
def join_hyphenated_words(doc: Document, config: JoinHyphenatedWordsConfig) -> Document:
    """Decide every line-end hyphen; see the module docstring."""
    context = _context(doc.stats.word_counts if doc.stats else {}, doc.meta.lang)
    fallback = "" if context.lang and has_lexicon(context.lang) else (
        f" [no lexicon for language {context.lang or 'unknown'}: document evidence and rules "
        "only]")
    changes = Changes()
    edits: list[Edit] = []
    #: by the site's fields (a tuple hashes faster than the frozen dataclass)
    verdicts: dict[tuple[str, str, str, str], tuple[Rule, str, bool]] = {}
    evidence = config.policy == "evidence"
    candidates = _candidates(doc)
    for line, following in candidates:
        misread = (_misread_hyphen(line, following, context)
                   if evidence and "»" in line.text[-2:] else None)
        if misread is not None:
            explained = f"{line.text.split()[-1]}|{first_word(following.text)}: {misread}"
            changes.decide_text(line, MISREAD_HYPHEN, explained, "glue_next", True,
                                text=line.text[:-1])
            edits.append(Edit(STAGE, "join_hyphen", line.page, line.number, "»", "",
                              explained, len(line.text) - 1))
            continue
        if line.text[-1:] != "-":
            continue
        site = _site(line, following)
        if site is None:
            continue
        key = (site.left, site.right, site.right_token, site.before)
        verdict = verdicts.get(key)
        if verdict is None:
            verdict = verdicts[key] = _verdict(site, context, config.policy, fallback)
        by, explained, flagged = verdict
        end = len(line.text) - 1
        if by is JOINED:
            changes.decide_text(line, JOINED, explained, "glue_next", True,
                                text=line.text[:-1])
            edits.append(Edit(STAGE, "join_hyphen", line.page, line.number, "-", "",
                              explained, end))
        else:
            changes.decide(line, by, explained, "glue_next", by is KEPT)
            edits.append(Edit(STAGE, "keep_hyphen", line.page, line.number, "-", "-",
                              explained, end, flagged=flagged))
    return changes.apply(doc).with_edits(edits)
