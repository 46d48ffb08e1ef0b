"""RuleSet: scope filters, findings (language, citation, evidence), order, copies, configuration."""

from __future__ import annotations

from dataclasses import replace

import pytest

from checker.engine import Rule, RuleSet, read_rule
from checker.errors import LawcheckError
from checker.model import Act, Amendment, ParseResult, Target

HEAD = """id: {id}
title: {{kk: Атау {id}, ru: Название {id}, en: Title {id}}}
resolution: {{number: 41, date: 2024-04-19, paragraph: "2", paragraph_source: "a test source",
             verdict: interpretation, verdict_source: "a test source"}}
constitution: [{{article: "25", paragraph: "1"}}]
message: {{kk: Хабар {id}, ru: Сообщение {id}, en: Message {id}}}
"""


def make_rule(rule_id: str, body: str) -> Rule:
    spec, errors = read_rule(HEAD.format(id=rule_id) + body, "<test>")
    assert errors == [] and spec is not None
    return Rule.from_spec(spec, "<test>")


def amendment(new: str, line: int = 3, col: int = 0, **changes: object) -> Amendment:
    base = Amendment(id=f"1.1.{line}", line=line, end_line=line + 1, col=col,
                     act=Act("law:housing-relations", ""), operation="new_wording",
                     target=Target(article="107"), new=new, language="kk", new_pos=(line, col + 5))
    return replace(base, **changes)  # type: ignore[arg-type]


def result(*amendments: Amendment, language: str = "kk") -> ParseResult:
    return ParseResult(path="draft.txt", language=language, title=None, amendments=amendments, unparsed=())


EVICTION = make_rule("eviction", """severity: warning
scope:
  acts: [law:housing-relations]
  articles: ["107", "108"]
  operations: [new_wording, replace_words]
match:
  all:
    - terms: {kk: ["тұрғын үй"], ru: ["жилище"]}
    - terms: {kk: ["шығар*"], ru: ["выселение", "выселить"]}
unless: {terms: {kk: ["сот шешімі"], ru: ["решение суда"]}}
suggestion: {kk: Сот шешімімен, ru: По решению суда}
""")
PROSECUTOR = make_rule("prosecutor", 'match: {terms: {kk: ["прокурор"], ru: ["прокурор"]}}\n')
UPHELD = make_rule("upheld", """kind: upheld
match: {terms: {kk: ["прокурор"]}}
""")
TEXT = "Жалға алушы тұрғын үйден прокурордың санкциясымен шығарылады."


def rule_ids(ruleset: RuleSet, *amendments: Amendment) -> list[str]:
    return [f.rule for f in ruleset.check(result(*amendments))]


def test_scope_filters_act_article_and_operation() -> None:
    ruleset = RuleSet([EVICTION])
    assert rule_ids(ruleset, amendment(TEXT)) == ["eviction"]
    assert rule_ids(ruleset, amendment(TEXT, act=Act("civil-code", ""))) == []
    assert rule_ids(ruleset, amendment(TEXT, target=Target(article="12"))) == []
    assert rule_ids(ruleset, amendment(TEXT, target=Target())) == []  # no article: not in scope
    assert rule_ids(ruleset, amendment(TEXT, operation="supplement")) == []


def test_rules_without_scope_apply_everywhere() -> None:
    ruleset = RuleSet([PROSECUTOR])
    assert rule_ids(ruleset, amendment(TEXT, act=Act("land-code", ""), target=Target())) == ["prosecutor"]


def test_index_gives_only_the_rules_whose_scope_admits_the_pair() -> None:
    ruleset = RuleSet([EVICTION, PROSECUTOR, UPHELD])
    housing = ruleset.candidates("law:housing-relations", "new_wording")
    assert [r.id for r in housing] == ["eviction", "prosecutor"]
    assert [r.id for r in ruleset.candidates("law:housing-relations", "delete")] == ["prosecutor"]
    assert [r.id for r in ruleset.candidates("land-code", "new_wording")] == ["prosecutor"]


def test_unless_suppresses_the_finding() -> None:
    ruleset = RuleSet([EVICTION])
    assert rule_ids(ruleset, amendment("Жалға алушы тұрғын үйден сот шешімі бойынша шығарылады.")) == []


def test_upheld_rules_never_report() -> None:
    assert rule_ids(RuleSet([UPHELD]), amendment(TEXT)) == []


def test_amendments_that_are_not_parsed_are_skipped() -> None:
    assert rule_ids(RuleSet([PROSECUTOR]), amendment(TEXT, status="unresolved")) == []


def test_finding_carries_citation_texts_and_position() -> None:
    (finding,) = RuleSet([EVICTION]).check(result(amendment(TEXT, line=9, col=4)))
    spec = EVICTION.spec
    assert (finding.rule, finding.severity, finding.path) == ("eviction", "warning", "draft.txt")
    assert (finding.line, finding.end_line, finding.col, finding.amendment) == (9, 10, 4, "1.1.9")
    assert finding.lang == "kk"
    assert finding.message == spec.message.kk and finding.title == spec.title.kk
    assert finding.suggestion == spec.suggestion.kk
    assert [(r.number, r.date, r.paragraph, r.verdict) for r in finding.resolutions] == [
        (41, "2024-04-19", "2", "interpretation")]
    assert [(c.article, c.paragraph, c.edition) for c in finding.constitution] == [("25", "1", "1995")]


def test_evidence_is_the_draft_words_and_spans_point_at_them() -> None:
    (finding,) = RuleSet([EVICTION]).check(result(amendment(TEXT, line=9, col=4)))
    assert finding.evidence == "тұрғын үйден … шығарылады"
    start = TEXT.index("тұрғын")
    verb = TEXT.index("шығарылады")
    # new_pos is (9, 9): the new text starts at column 9 of line 9
    assert finding.evidence_spans == ((9, 9 + start, 9 + start + len("тұрғын үйден")),
                                      (9, 9 + verb, 9 + verb + len("шығарылады")))


def test_message_language_follows_lang_and_english_suggestion_falls_back() -> None:
    ruleset = RuleSet([EVICTION])
    draft = result(amendment(TEXT))
    (ru,) = ruleset.check(draft, "ru")
    (en,) = ruleset.check(draft, "en")
    spec = EVICTION.spec
    assert (ru.message, ru.suggestion, ru.lang) == (spec.message.ru, spec.suggestion.ru, "ru")
    assert (en.message, en.title, en.lang) == (spec.message.en, spec.title.en, "en")
    assert en.suggestion == spec.suggestion.kk  # no en suggestion: the draft's language


def test_default_message_language_is_the_drafts() -> None:
    text = "Наниматель подлежит выселению из жилища по постановлению прокурора."
    draft = result(amendment(text, language="ru"), language="ru")
    (finding,) = RuleSet([EVICTION]).check(draft)
    assert finding.lang == "ru" and finding.message == EVICTION.spec.message.ru


def test_unknown_message_language_is_a_user_error() -> None:
    with pytest.raises(LawcheckError):
        RuleSet([EVICTION]).check(result(amendment(TEXT)), "de")


def test_findings_are_sorted_by_line_column_rule() -> None:
    ruleset = RuleSet([PROSECUTOR, EVICTION])
    draft = result(amendment(TEXT, line=20), amendment("прокурор", line=5, col=7),
                   amendment("прокурор", line=5, col=2))
    found = [(f.line, f.col, f.rule) for f in ruleset.check(draft)]
    assert found == [(5, 2, "prosecutor"), (5, 7, "prosecutor"), (20, 0, "eviction"), (20, 0, "prosecutor")]


def _copies(rules: list[Rule], count: int) -> RuleSet:
    copies = []
    for k in range(count):
        for rule in rules:
            spec = rule.spec.model_copy(update={"id": f"{rule.id}-{k}"})
            copies.append(Rule.from_spec(spec, rule.source))
    return RuleSet(copies)


def test_ten_copies_give_the_same_findings_per_copy() -> None:
    draft = result(amendment(TEXT, line=3), amendment("прокурорға", line=8),
                   amendment("Жалға алушы тұрғын үйден сот шешімі бойынша шығарылады.", line=12))
    single = [(f.line, f.rule, f.evidence, f.evidence_spans)
              for f in RuleSet([EVICTION, PROSECUTOR]).check(draft)]
    many = _copies([EVICTION, PROSECUTOR], 10).check(draft)
    for k in range(10):
        mine = [(f.line, f.rule.rsplit("-", 1)[0], f.evidence, f.evidence_spans)
                for f in many if f.rule.endswith(f"-{k}")]
        assert mine == single


def test_configured_enables_disables_and_changes_severity() -> None:
    ruleset = RuleSet([EVICTION, PROSECUTOR, UPHELD])
    only = ruleset.configured({"eviction"}, set(), {})
    assert [r.id for r in only.rules] == ["eviction"]
    without = ruleset.configured(None, {"prosecutor"}, {"eviction": "info"})
    assert [r.id for r in without.rules] == ["eviction", "upheld"]
    assert [f.severity for f in without.check(result(amendment(TEXT)))] == ["info"]
    assert [r.severity for r in ruleset.rules] == ["warning", "error", "error"]  # the base is unchanged


@pytest.mark.parametrize(("enable", "disable", "severity"), [
    ({"nope"}, set(), {}), (None, {"nope"}, {}), (None, set(), {"nope": "info"}),
    (None, set(), {"eviction": "fatal"}),
])
def test_configured_rejects_unknown_ids_and_severities(enable: set[str] | None, disable: set[str],
                                                       severity: dict[str, str]) -> None:
    with pytest.raises(LawcheckError) as error:
        RuleSet([EVICTION]).configured(enable, disable, severity)
    assert ("nope" in error.value.message) or ("fatal" in error.value.message)
