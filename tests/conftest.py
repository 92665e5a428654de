"""Fixtures and options; helpers that tests import live in helpers.py."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

#: Hypothesis profiles: ``ci`` runs in ``make test`` (at least 2,000 examples per property),
#: ``fuzz`` in ``make fuzz``; ``dev`` is a quick pass for editing (HYPOTHESIS_PROFILE=dev).
settings.register_profile("ci", max_examples=2000, deadline=None,
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
