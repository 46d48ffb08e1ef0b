"""Running a rule's own examples, the upheld check against the whole base, explain, catalogue."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from checker.engine import Rule, RuleSet, example_gaps, load_rules, read_rule, run_examples
from checker.engine.catalogue import render_catalogue
from checker.engine.examples import example_amendment
from checker.model import Act, Amendment, Target

VALID = Path(__file__).parent / "fixtures" / "rules" / "valid"
HEAD = """id: {id}
title: {{kk: Атау, ru: Название, en: Title}}
resolution: {{number: 41, date: 2024-04-19}}
message: {{kk: Хабар, ru: Сообщение, en: Message}}
"""


def make_rule(rule_id: str, body: str) -> Rule:
    spec, errors = read_rule(HEAD.format(id=rule_id) + body, "<test>")
    assert errors == [] and spec is not None
    return Rule.from_spec(spec, "<test>")


def test_valid_fixture_examples_all_pass() -> None:
    ruleset = load_rules([VALID], builtin=False)
    for rule in ruleset.rules:
        results = run_examples(rule, ruleset)
        assert [r for r in results if not r.passed] == []
        assert example_gaps(rule) == []
    eviction = ruleset.by_id["eviction-court-only"]
    assert [(r.kind, r.index) for r in run_examples(eviction)][:2] == [("conflict", 0), ("conflict", 1)]


def test_failing_examples_are_reported_with_their_place() -> None:
    rule = make_rule("court", """match: {terms: {kk: ["сот"]}}
examples:
  conflict:
    - {lang: kk, text: "соттың шешімі"}
    - {lang: kk, text: "прокурордың санкциясы"}
  comply:
    - {lang: kk, text: "сотқа жүгіну"}
    - {lang: kk, text: "әкімнің өкімі"}
""")
    outcome = [(r.kind, r.index, r.passed, r.fired) for r in run_examples(rule)]
    assert outcome == [("conflict", 0, True, ("court",)), ("conflict", 1, False, ()),
                       ("comply", 0, False, ("court",)), ("comply", 1, True, ())]


def test_example_defaults_come_from_the_scope() -> None:
    rule = make_rule("scoped", """scope: {acts: [land-code, civil-code], articles: ["43-1"]}
match: {terms: {kk: ["балл"]}}
examples:
  conflict:
    - {lang: kk, text: "қосымша балл"}
    - {lang: kk, act: civil-code, article: "7", operation: replace_words, old: "x", text: "балл"}
    - {lang: kk, operation: insert_words, old: "анкер", text: "балл"}
""")
    made = [example_amendment(rule, e, "x") for e in rule.spec.examples.conflict]
    assert [(a.act.slug, a.target.article, a.operation, a.old, a.position) for a in made] == [
        ("land-code", "43-1", "new_wording", None, None),
        ("civil-code", "7", "replace_words", "x", None),
        ("land-code", "43-1", "insert_words", "анкер", "after"),
    ]
    assert [r.passed for r in run_examples(rule)] == [True, False, True]  # article 7 is out of scope


def test_upheld_comply_examples_run_against_every_rule() -> None:
    upheld = make_rule("upheld", """kind: upheld
scope: {acts: [land-code]}
examples:
  comply:
    - {lang: kk, text: "жергілікті тұрғындарға қосымша балл беріледі"}
    - {lang: kk, text: "жер учаскесі конкурс арқылы беріледі"}
""")
    greedy = make_rule("greedy", """scope: {acts: [land-code]}
match: {terms: {kk: ["балл"]}}
""")
    ruleset = RuleSet([upheld, greedy])
    results = run_examples(upheld, ruleset)
    assert [(r.passed, r.fired) for r in results] == [(False, ("greedy",)), (True, ())]
    assert all(r.passed for r in run_examples(upheld))  # alone: nothing can fire


def test_gaps_count_examples_per_kind_and_language() -> None:
    rule = make_rule("thin", """match: {terms: {kk: ["сот"], ru: ["суд"]}}
examples:
  conflict:
    - {lang: kk, text: "сот"}
    - {lang: kk, text: "сотқа"}
    - {lang: kk, text: "соттың"}
    - {lang: ru, text: "суд"}
""")
    gaps = example_gaps(rule)
    assert len(gaps) == 3  # conflict ru, comply kk, comply ru
    assert [("conflict" in g, " ru;" in g) for g in gaps] == [(True, True), (False, False), (False, True)]


def test_explain_shows_scope_and_each_node() -> None:
    ruleset = load_rules([VALID], builtin=False)
    amendment = Amendment(id="1.1.1", line=4, end_line=4, col=0, act=Act("law:housing-relations", ""),
                          operation="new_wording", target=Target(article="3"), language="kk",
                          new="Жалға алушы тұрғын үйден әкімнің өкімімен шығарылады.")
    explanation = ruleset.explain(amendment, "eviction-court-only", "en")
    assert [(s.what, s.passed) for s in explanation.scope] == [
        ("act", True), ("article", True), ("operation", True)]
    match, unless = explanation.parts
    assert (match.part, match.trace.holds) == ("match", True)
    assert [c.holds for c in match.trace.children] == [True, True]
    assert match.trace.children[0].words == ("тұрғын үйден",)
    assert (unless.part, unless.trace.holds) == ("unless", False)
    assert explanation.fires and explanation.evidence == "тұрғын үйден … шығарылады"
    rendered = explanation.render().splitlines()
    assert sum(line.lstrip().startswith("✓") for line in rendered) == 6  # 3 scope + all + 2 terms
    assert sum(line.lstrip().startswith("✗") for line in rendered) == 1  # unless

    moved = ruleset.explain(replace(amendment, act=Act("civil-code", "")), "eviction-court-only", "en")
    assert [(s.what, s.passed) for s in moved.scope][0] == ("act", False)
    assert not moved.fires


def test_explain_of_an_upheld_rule_never_fires() -> None:
    ruleset = load_rules([VALID], builtin=False)
    amendment = Amendment(id="1", line=1, end_line=1, col=0, act=Act("land-code", ""),
                          operation="new_wording", target=Target(article="43-1"), new="балл")
    explanation = ruleset.explain(amendment, "local-residents-upheld", "kk")
    assert explanation.upheld and not explanation.fires


def test_catalogue_groups_rules_by_resolution() -> None:
    text = render_catalogue(load_rules([VALID], builtin=False))
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## № 41-НҚ / № 41-НП of 2024-04-19", "## № 69-НҚ / № 69-НП of 2025-04-16"]
    assert text.count("`eviction-court-only`") == 1 and text.count("`local-residents-upheld`") == 1
    eviction = text[text.index("`eviction-court-only`"):text.index("## № 69")]
    assert "| reported |" in eviction and "| not reported |" in eviction
    assert "(`law:housing-relations`)" in eviction
