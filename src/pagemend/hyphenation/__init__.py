"""Evidence for line-end hyphens: each source is a small function that looks at one site and
may cast a weighted vote to join the halves or keep the hyphen.

``join_hyphenated_words`` sums the votes. A new source (a lexicon, a language's rules) is a
new function added to :data:`pagemend.hyphenation.sources.SOURCES`.
"""

from pagemend.hyphenation.site import Decision, HyphenSite, Vote, decide

__all__ = ["Decision", "HyphenSite", "Vote", "decide"]
