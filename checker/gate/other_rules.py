"""The rules outside the rule base: the legal-technical checks (tech-*, with acts in force) and
the parity of the two language versions (parity-*). A config disables them, sets their severity,
enables only some or suppresses them exactly as it does a Court-position rule."""

from __future__ import annotations

from dataclasses import replace
from typing import Any


def other_rule_ids() -> frozenset[str]:
    """Their ids (imported only when a config names an id the rule base lacks)."""
    from checker.acts.pairing import PARITY_RULES
    from checker.acts.techcheck import TECH_RULES

    return frozenset(TECH_RULES) | frozenset(PARITY_RULES)


def with_policy(report: Any, spec: Any, base_ids: Any) -> Any:
    """The report with the config's enable / disable / severity applied to findings of the rules
    outside the rule base (the rule base's own were configured when it was loaded)."""
    severity = dict(spec.severity)
    kept = []
    changed = False
    for finding in report.findings:
        rule = finding.rule
        if rule in base_ids:
            kept.append(finding)
            continue
        if rule in spec.disable or (spec.enable is not None and rule not in spec.enable):
            changed = True
            continue
        if rule in severity and severity[rule] != finding.severity:
            finding = replace(finding, severity=severity[rule])
            changed = True
        kept.append(finding)
    return replace(report, findings=tuple(kept)) if changed else report
