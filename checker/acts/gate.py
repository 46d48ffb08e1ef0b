"""The check run with acts in force: the rule set's findings plus the legal-technical ones.

A thin wrapper with the rule set's face (`check`, `rules`, and everything else delegated), so the
gate, the report formats, suppressions, baselines and worker processes need no change of their own.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from checker.acts.techcheck import TECH_RULES, findings
from checker.model import Finding, ParseResult


class ActsRuleSet:
    def __init__(self, inner: Any, specs: tuple[tuple[str | None, Path], ...]) -> None:
        self.inner = inner
        self.specs = specs
        self._acts: dict[str, list[Any]] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    @property
    def rules(self) -> list[Any]:
        return list(self.inner.rules) + list(TECH_RULES.values())

    def load(self) -> dict[str, list[Any]]:
        """The acts in force, read once per process (a server reads them before it forks)."""
        from checker.acts.options import load_acts

        if self._acts is None:
            self._acts = load_acts(list(self.specs))
        return self._acts

    def acts_given(self) -> frozenset[str]:
        return frozenset(self.load())

    def bill_run(self, result: ParseResult) -> Any:
        """The bill applied to fresh copies of the acts in its language (applying changes a tree in place)."""
        from checker.acts.bill import apply_bill
        from checker.acts.options import for_language

        acts = for_language(self.load(), result.language)
        return apply_bill(result, {slug: _copy(act) for slug, act in acts.items()})

    def check(self, result: ParseResult, lang: str | None = None) -> list[Finding]:
        run = self.bill_run(result)
        after = _wording_after(run)
        found = [replace(f, wording_after=after[f.amendment]) if f.amendment in after else f
                 for f in self._positions_in_context(result, lang)]
        found += findings(run.all_issues(), result.path, lang or result.language)
        found.sort(key=lambda f: (f.line, f.col, f.rule))
        return found


    def _positions_in_context(self, result: ParseResult, lang: str | None) -> list[Finding]:
        """The Court-position rules, each amended unit read with its heading, lead-in and wording in force."""
        from checker.acts.context import read_in_context, units_added
        from checker.acts.options import for_language

        knowledge = next((rule.knowledge for rule in self.inner.rules if rule.knowledge is not None), None)
        if knowledge is None:
            return list(self.inner.check(result, lang))
        acts = for_language(self.load(), result.language)
        seen, extra = read_in_context(result, acts, knowledge, self.inner.matcher)
        with units_added(knowledge, extra):
            return list(self.inner.check(seen, lang))


def _wording_after(run: Any) -> dict[str, str | None]:
    """Amendment id -> the wording of the unit it changed once the whole bill is applied (None:
    the bill removes the unit): what a finding on that amendment quotes."""
    after: dict[str, str | None] = {}
    for ledger in run.ledgers.values():
        for row in ledger.ordered():
            for amendment in row.amendments:
                after.setdefault(amendment.id, row.after)
    return after


def _copy(act: Any) -> Any:
    import copy

    return copy.deepcopy(act)
