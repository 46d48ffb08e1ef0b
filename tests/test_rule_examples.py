"""Every example of every rule in rules/*.yaml, as one parametrised test (sqlfluff style).

A conflict example must be reported by its rule, a comply example must not be; the comply
examples of an upheld position must not be reported by any rule of the base. Each rule also
needs at least three conflict and three comply examples per language (docs/rules.md).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from checker.cli.rules import example_location
from checker.engine import example_gaps, load_rules, run_examples, validate_rules
from checker.errors import RuleFileError


@dataclass(frozen=True)
class Case:
    name: str
    problems: tuple[str, ...]  # empty when the case passes


def _cases() -> list[Case]:
    try:
        ruleset = load_rules()
    except RuleFileError:
        return [Case("rule-base-is-valid", tuple(str(e) for e in validate_rules()))]
    cases: list[Case] = []
    for rule in ruleset.rules:
        for result in run_examples(rule, ruleset):
            where = example_location(rule, result.kind, result.index)
            problems = () if result.passed else (f"{where}: {result.describe()}",)
            cases.append(Case(f"{rule.id}:{result.kind}[{result.index}]", problems))
        cases.append(Case(f"{rule.id}:enough-examples", tuple(example_gaps(rule))))
    return cases or [Case("rule-base-has-rules", ("rules/ holds no rule file",))]


CASES = _cases()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_rule_example(case: Case) -> None:
    assert case.problems == (), "\n".join(case.problems)
