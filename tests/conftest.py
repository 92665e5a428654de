"""Fixtures and options; helpers that tests import live in helpers.py."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from helpers import CORPUS
from pagemend.eval.runner import EvalReport, evaluate
from pagemend.explain import unexplained
from pagemend.model import Document
from pagemend.pipeline import mend

#: Hypothesis profiles: ``ci`` runs in ``make test`` (at least 2,000 examples per property,
#: the same ones every run: a red CI is a change's, not the dice's), ``fuzz`` in ``make fuzz``
#: (10,000, new ones every run: it searches); ``dev`` is a quick pass (HYPOTHESIS_PROFILE=dev).
settings.register_profile("ci", max_examples=2000, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=10000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite expected.md of passing golden cases; review the diff")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def corpus_runs() -> CorpusRuns:
    """The development corpus mended and scored once per input for the whole session (the
    gate, the rule counts and the decision checks all read the same run)."""
    return CorpusRuns()


class CorpusRuns:
    """Lazily evaluated corpus runs by input variant, with each case's unexplained output."""

    def __init__(self) -> None:
        self._runs: dict[str, tuple[EvalReport, dict[str, list[str]]]] = {}

    def __call__(self, variant: str) -> tuple[EvalReport, dict[str, list[str]]]:
        if variant not in self._runs:
            problems: dict[str, list[str]] = {}

            def mender(doc: Document) -> Document:
                mended = mend(doc)
                problems[doc.meta.source] = unexplained(mended)
                return mended

            self._runs[variant] = (evaluate(CORPUS, variant, mender), problems)
        return self._runs[variant]
