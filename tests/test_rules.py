"""Rules and decisions: every structural decision names a declared rule of its stage, and the
output's structure on the whole corpus is explained by the decisions (issue 13); every rule
fires on two or more corpus cases or is pinned by a golden case of our own text (issue 14)."""

from __future__ import annotations

from collections import Counter

import pytest

from helpers import CASES, CORPUS
from pagemend.pipeline import DEFAULT_ORDER, mend
from pagemend.readers import read_path
from pagemend.rules import RULES, acted
from pagemend.stages.repair_layout import repair_layout  # noqa: F401  (declares its rules)

SEED = CASES / "seed" / "input.pages.txt"
CASE_NAMES = sorted(p.name for p in CORPUS.iterdir() if (p / "truth.json").exists())
VARIANT_FILES = {"pages": "input.pages.txt", "pdf": "input.pdf"}


def test_rule_ids_are_their_stage_and_a_name_and_state_a_fact():
    for rule_id, rule in RULES.items():
        stage, name = rule_id.split(".", 1)
        assert stage == rule.stage and stage in DEFAULT_ORDER, rule_id
        assert name.isidentifier() and name.islower(), rule_id
        assert rule.statement.endswith(".") and len(rule.statement) > 30, rule_id


def test_decisions_name_declared_rules_of_their_stage():
    doc = mend(read_path(str(SEED)))
    assert doc.decisions
    for decision in doc.decisions:
        assert decision.rule in RULES, decision.rule
        assert RULES[decision.rule].stage == decision.stage


@pytest.mark.parametrize("variant", list(VARIANT_FILES))
@pytest.mark.parametrize("case", CASE_NAMES)
def test_the_output_structure_is_explained_by_decisions(corpus_runs, variant, case):
    """Every block's kind, start, heading level and note id, and every note link, was last set
    to what the output shows by a rule that is not a catch-all default."""
    if variant == "pdf":
        pytest.importorskip("pypdfium2")
    problems = corpus_runs(variant)[1][str(CORPUS / case / VARIANT_FILES[variant])]
    assert problems == [], f"{len(problems)} unexplained, first: {problems[:3]}"


def _fired_in_golden_cases() -> Counter[str]:
    fired: Counter[str] = Counter()
    for case in sorted(CASES.iterdir()):
        for source in (case / "input.pages.txt", case / "input.pdf", case / "input"):
            if source.exists():
                fired.update({d.rule for d in mend(read_path(str(source))).decisions
                              if acted(d)})
    return fired


def test_every_rule_fires_on_two_cases_or_has_a_golden_case(corpus_runs):
    """A rule states a typographic fact that holds across books: it fires on two or more
    cases of the corpus (page text or PDF), or a golden case of our own text pins it. A
    catch-all default states no fact (and `unexplained` keeps the output from resting on
    one); a rule that keeps a value counts where it decides."""
    cases: dict[str, set[str]] = {rule: set() for rule in RULES}
    for variant in VARIANT_FILES:
        for case, counts in corpus_runs(variant)[0].rules.items():
            for rule in counts:
                cases.setdefault(rule, set()).add(case)
    golden = _fired_in_golden_cases()
    lonely = sorted(rule for rule, where in cases.items()
                    if len(where) < 2 and not golden[rule] and not RULES[rule].default)
    assert lonely == []
