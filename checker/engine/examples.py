"""Running the examples written inside a rule, so a lawyer can test a rule without Python.

Each example becomes a synthetic amendment and goes through the same path as a real draft
(`RuleSet.check_amendment`). A conflict example must be reported by its rule; a comply example
must not be. The comply examples of an upheld position (`kind: upheld`) must not be reported by
any rule of the whole base: that is how the base proves it does not flag what the Court upheld.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.engine.ruleset import Rule, RuleSet
from checker.engine.schema import Example
from checker.model import Act, Amendment, Target

MIN_EXAMPLES = 3  # per kind (conflict, comply) and per language (kk, ru)
PLACEHOLDER_ACT = "unknown"


@dataclass(frozen=True)
class ExampleResult:
    """One example of one rule: did the rule base answer as the example says?"""

    rule: str
    kind: str  # conflict | comply
    index: int
    example: Example
    passed: bool
    fired: tuple[str, ...]  # the rules that reported the example

    def describe(self) -> str:
        example = self.example
        words = " ".join((example.text or example.old or "").split())
        if len(words) > 90:
            words = words[:89] + "…"
        where = f"examples.{self.kind}[{self.index}] ({example.lang}, {example.operation})"
        if self.kind == "conflict":
            why = "not reported"
        else:
            why = "reported by " + ", ".join(self.fired)
        return f"{where}: {why}: \"{words}\""


def example_amendment(rule: Rule, example: Example, label: str) -> Amendment:
    """The synthetic amendment an example stands for (defaults from the rule's scope)."""
    scope = rule.spec.scope
    slug = example.act or (scope.acts[0] if scope.acts else PLACEHOLDER_ACT)
    article = example.article or (scope.articles[0] if scope.articles else None)
    position = example.position or ("after" if example.operation == "insert_words" else None)
    return Amendment(
        id=label, line=1, end_line=1, col=0,
        act=Act(slug=slug, name=""), operation=example.operation,
        target=Target(article=article, part=example.part, paragraph=example.paragraph,
                      subparagraph=example.subparagraph),
        old=example.old, new=example.text, language=example.lang, position=position,
    )


def run_examples(rule: Rule, ruleset: RuleSet | None = None) -> list[ExampleResult]:
    """Check every example of `rule`; upheld comply examples against `ruleset` (the whole base)."""
    alone = RuleSet([rule])
    everyone = ruleset if ruleset is not None else alone
    results = []
    for kind in ("conflict", "comply"):
        for index, example in enumerate(getattr(rule.spec.examples, kind)):
            label = f"{rule.id}:{kind}[{index}]"
            amendment = example_amendment(rule, example, label)
            judge = everyone if rule.upheld else alone
            fired = tuple(f.rule for f in judge.check_amendment(amendment, label, "en", example.lang))
            passed = bool(fired) if kind == "conflict" else not fired
            results.append(ExampleResult(rule.id, kind, index, example, passed, fired))
    return results


def example_gaps(rule: Rule) -> list[str]:
    """What the rule lacks of the minimum: three conflict and three comply examples per language."""
    kinds = ("comply",) if rule.upheld else ("conflict", "comply")
    gaps = []
    for kind in kinds:
        examples = getattr(rule.spec.examples, kind)
        for lang in ("kk", "ru"):
            count = sum(1 for example in examples if example.lang == lang)
            if count < MIN_EXAMPLES:
                gaps.append(f"only {count} {kind} example(s) in {lang}; write at least {MIN_EXAMPLES}")
    return gaps
