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
from collections.abc import Mapping
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
from pagemend.layout import first_word, successors
from pagemend.model import Document, Edit, Line, replace
from pagemend.registry import stage
from pagemend.rules import Changes, rule

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
    right = _RIGHT_WORD.match(following.text)
    if token is None or right is None:
        return None
    left = _LEADING.sub("", token) if not token[0].isalnum() else token
    # the letters after the last inner hyphen: in `Jone's-Fall-` the break follows `Fall`
    return HyphenSite(left=left.rsplit("-", 1)[-1], right=right.group("word"),
                      right_token=following.text.split(None, 1)[0], before=left)


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


def _context(word_counts: Mapping[str, int], lang: str | None) -> Context:
    """Compound first parts of the document, and how often each also begins a plain word
    (one that leaves at least three letters after it)."""
    prefixes: Counter[str] = Counter()
    for word, count in word_counts.items():
        if "-" in word:
            prefixes[word.split("-", 1)[0]] += count
    plain = sorted(word for word in word_counts if "-" not in word)
    starts: Counter[str] = Counter()
    for prefix in prefixes:
        low = bisect.bisect_left(plain, prefix)
        high = bisect.bisect_left(plain, prefix + "\U0010ffff")
        starts[prefix] = sum(word_counts[word] for word in plain[low:high]
                             if len(word) >= len(prefix) + 3)
    return Context(word_counts=word_counts, compound_prefixes=prefixes, word_starts=starts,
                   lang=lang, all_compound_prefixes=True)


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
    pairs = [*successors(doc, "body"), *successors(doc, "note")]
    for line, following in pairs:
        misread = (_misread_hyphen(line, following, context)  # (its cheap test first)
                   if following is not None and "»" in line.text[-2:]
                   and config.policy == "evidence" else None)
        if misread is not None and following is not None:
            explained = f"{line.text.split()[-1]}|{first_word(following.text)}: {misread}"
            changes.set(line, MISREAD_HYPHEN, explained, glue_next=True)
            changes.replace(line, text=line.text[:-1])
            edits.append(Edit(STAGE, "join_hyphen", line.page, line.number, "»", "",
                              explained, len(line.text) - 1))
            continue
        if following is None or line.text[-1:] != "-":  # (the cheap test of ``_site`` first)
            continue
        site = _site(line, following)
        if site is None:
            continue
        decision = _decide(site, context, config.policy)
        explained = f"{site.left}-|{site.right_token}: {decision.explain()}{fallback}"
        end = len(line.text) - 1
        if decision.join:
            changes.set(line, JOINED, explained, glue_next=True)
            changes.replace(line, text=line.text[:-1])
            edits.append(Edit(STAGE, "join_hyphen", line.page, line.number, "-", "",
                              explained, end))
        elif config.policy == "evidence" and suspended_hyphen(site, context):
            changes.set(line, SUSPENDED, explained, glue_next=False)
            edits.append(Edit(STAGE, "keep_hyphen", line.page, line.number, "-", "-",
                              explained, end, flagged=decision.flagged))
        else:
            changes.set(line, KEPT, explained, glue_next=True)
            edits.append(Edit(STAGE, "keep_hyphen", line.page, line.number, "-", "-",
                              explained, end, flagged=decision.flagged))
    return changes.apply(doc).with_edits(edits)
