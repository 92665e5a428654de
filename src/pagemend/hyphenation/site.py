"""A line-end hyphen site, the votes cast on it, and the decision they add up to.

    >>> site = HyphenSite(left="Marxism", right="Leninism", right_token="Leninism,")
    >>> decide(site, [Vote("capitalised", "keep", 2.0, "continues with a capital")])
    Decision(join=False, flagged=False, score=-2.0, votes=(Vote(source='capitalised', \
decision='keep', weight=2.0, detail='continues with a capital'),))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pagemend.model import _lean_init

__all__ = ["FLAG_BELOW", "Decision", "HyphenSite", "Vote", "decide"]

#: Net evidence whose size is below this, with votes on both sides, is too weak to act on:
#: the hyphen is kept and the site flagged for review.
FLAG_BELOW = 0.5


@dataclass(frozen=True, slots=True)
class HyphenSite:
    """The two halves of a word broken at a line end, as printed (``de-`` / ``fend,``)."""

    left: str  # the letters before the hyphen, leading punctuation removed
    right: str  # the letters after the break, trailing punctuation and note digits removed
    right_token: str = ""  # the continuation as printed
    before: str = ""  # the whole token before the hyphen (``arriva-t`` for ``arriva-t-``)


@dataclass(frozen=True, slots=True)
class Vote:
    source: str
    decision: Literal["join", "keep"]
    weight: float
    detail: str


@dataclass(frozen=True, slots=True)
class Decision:
    join: bool
    flagged: bool
    score: float
    votes: tuple[Vote, ...]

    def explain(self) -> str:
        """The evidence in words, strongest first."""
        if not self.votes and self.score == 0.0 and not self.join:
            return "no evidence weighed: kept by policy"
        if not self.votes:
            return "no evidence either way: joined, as most line-end hyphens break a word"
        votes = self.votes if len(self.votes) < 2 else sorted(self.votes, key=lambda v: -v.weight)
        parts = [f"{v.source}: {v.detail} ({v.decision} {v.weight:g})" for v in votes]
        return "; ".join(parts)


def decide(site: HyphenSite, votes: list[Vote]) -> Decision:
    """Sum the votes (join positive). No votes: join, the prior of a line-end hyphen. Votes
    on both sides that nearly cancel: keep the hyphen and flag the site."""
    score = sum(v.weight if v.decision == "join" else -v.weight for v in votes)
    if abs(score) < FLAG_BELOW and len({v.decision for v in votes}) == 2:
        return Decision(False, True, score, tuple(votes))
    return Decision(score >= 0, False, score, tuple(votes))


# A site, its votes and their decision are made for every line-end hyphen: constructed as the
# document model's classes are (``pagemend.model._lean_init``, which leaves compiled ones)
for _site_class in (HyphenSite, Vote, Decision):
    _lean_init(_site_class)
