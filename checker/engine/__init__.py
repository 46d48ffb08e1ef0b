"""The rule engine: YAML rules validated, compiled once, and matched against amendments.

`load_rules()` reads `rules/*.yaml` (plus extra files or folders) into a `RuleSet`;
`RuleSet.check(parse_result)` gives the findings; `validate_rules()` lists every error of every
rule file with its `file:line:col`; `run_examples(rule)` runs a rule's own examples.
Names are imported on first use, so `python -m checker.engine.schema` and commands that never
touch rules stay light.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "ExampleResult": "checker.engine.examples",
    "example_gaps": "checker.engine.examples",
    "run_examples": "checker.engine.examples",
    "load_rules": "checker.engine.loader",
    "read_rule": "checker.engine.loader",
    "validate_rules": "checker.engine.loader",
    "Explanation": "checker.engine.ruleset",
    "Rule": "checker.engine.ruleset",
    "RuleSet": "checker.engine.ruleset",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'checker.engine' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
