"""Each condition type of docs/rules.md, through the real check path (rule → amendment → finding)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.engine import Rule, RuleSet, read_rule
from checker.engine.conditions import WordMatcher, compile_regex
from checker.engine.effective import build_view
from checker.model import Act, Amendment, Target

HEAD = """id: t
title: {kk: Сынақ, ru: Тест, en: Test}
resolution: {number: 21, date: 2023-07-14}
message: {kk: Хабар, ru: Сообщение, en: Message}
"""


def make_rule(body: str) -> Rule:
    spec, errors = read_rule(HEAD + body, "<test>")
    assert errors == []
    assert spec is not None
    return Rule.from_spec(spec, "<test>")


def amendment(new: str | None, lang: str = "kk", **changes: object) -> Amendment:
    base = Amendment(id="1.1.1", line=3, end_line=3, col=0, act=Act("civil-code", ""),
                     operation="new_wording", target=Target(article="10"), new=new, language=lang,
                     new_pos=(3, 10))
    return replace(base, **changes)  # type: ignore[arg-type]


def fires(rule: Rule, text: str | None, lang: str = "kk", **changes: object) -> bool:
    found = RuleSet([rule]).check_amendment(amendment(text, lang, **changes), "d.txt", "en")
    return [f.rule for f in found] == ["t"] if found else False


def evidence(rule: Rule, text: str, lang: str = "kk") -> str:
    found = RuleSet([rule]).check_amendment(amendment(text, lang), "d.txt", "en")
    assert len(found) == 1
    return found[0].evidence


TERMS = make_rule('match: {terms: {kk: ["кассациялық саты"], ru: ["кассационная инстанция"]}}\n')


@pytest.mark.parametrize("text", [
    "Шағым кассациялық сатыға беріледі.",
    "Іс кассациялық сатыда қаралады.",
    "кассациялық сатының қаулысы",
    "КАССАЦИЯЛЫҚ САТЫДАҒЫ іс",
])
def test_terms_match_inflected_kazakh_forms(text: str) -> None:
    assert fires(TERMS, text)


@pytest.mark.parametrize("text", [
    "Кассациялық шағым сатыға беріледі.",  # the words are not consecutive
    "Апелляциялық сатыда қаралады.",
    "сатыдағы кассациялық",  # wrong order
])
def test_terms_need_the_phrase_words_consecutive_and_in_order(text: str) -> None:
    assert not fires(TERMS, text)


def test_terms_ignore_punctuation_between_words() -> None:
    assert fires(TERMS, "кассациялық, сатыға")
    assert fires(TERMS, "кассациялық\nсатыға")


def test_terms_use_the_amendments_language() -> None:
    assert fires(TERMS, "Жалоба подается в кассационную инстанцию.", lang="ru")
    assert not fires(TERMS, "Жалоба подается в кассационную инстанцию.", lang="kk")
    assert not fires(TERMS, "Шағым кассациялық сатыға беріледі.", lang="ru")


def test_terms_for_one_language_only_never_hold_in_the_other() -> None:
    only_kk = make_rule('match: {terms: {kk: ["сот"]}}\n')
    assert fires(only_kk, "сотқа")
    assert not fires(only_kk, "суд сот", lang="ru")


def test_derived_words_are_different_words() -> None:
    rule = make_rule('match: {terms: {kk: ["тармақ"]}}\n')
    assert fires(rule, "осы тармағының талабы")
    assert not fires(rule, "осы тармақшасының талабы")


def test_exact_and_prefix_words() -> None:
    exact = make_rule('match: {terms: {kk: ["=жол"]}}\n')
    assert fires(exact, "жол берілмейді")
    assert not fires(exact, "жолы ашық")
    prefix = make_rule('match: {terms: {kk: ["берілме*"]}}\n')
    assert fires(prefix, "рұқсат берілмейді")
    assert fires(prefix, "берілмеуге тиіс")
    assert not fires(prefix, "рұқсат беріледі")


def test_russian_lemmas_match_every_parse() -> None:
    rule = make_rule('match: {terms: {ru: ["решение суд"]}}\n')
    assert fires(rule, "по решениям судов", lang="ru")
    assert fires(rule, "решением суда", lang="ru")
    assert not fires(rule, "решением прокурора", lang="ru")


ALL = make_rule("""match:
  all:
    - terms: {kk: ["тұрғын үй"]}
    - terms: {kk: ["шығар*"]}
""")
ANY = make_rule("""match:
  any:
    - terms: {kk: ["прокурор"]}
    - terms: {kk: ["әкім"]}
""")
NOT = make_rule("""match:
  all:
    - terms: {kk: ["тұрғын үй"]}
    - not: {terms: {kk: ["сот"]}}
""")


def test_all_any_not() -> None:
    assert fires(ALL, "тұрғын үйден шығарылады")
    assert not fires(ALL, "тұрғын үй беріледі")
    assert fires(ANY, "әкімнің шешімі")
    assert fires(ANY, "прокурордың санкциясы")
    assert not fires(ANY, "соттың шешімі")
    assert fires(NOT, "тұрғын үйден шығару")
    assert not fires(NOT, "тұрғын үйден сот шешімімен шығару")


def test_all_evidence_lists_each_child_in_text_order() -> None:
    assert evidence(ALL, "Жалға алушы тұрғын үйден шығарылады.") == "тұрғын үйден … шығарылады"


def test_any_prefers_a_child_with_words_over_a_bare_not() -> None:
    rule = make_rule("""match:
  any:
    - not: {terms: {kk: ["сот"]}}
    - terms: {kk: ["прокурор"]}
""")
    assert evidence(rule, "прокурордың санкциясымен") == "прокурордың"


NEAR = make_rule("""match:
  near:
    within: 3
    of:
      - terms: {kk: ["сот"]}
      - terms: {kk: ["шешім"]}
""")


def test_near_counts_words_between_first_words() -> None:
    assert fires(NEAR, "сот шешімі")
    assert fires(NEAR, "шешімі туралы бұрын сот")  # positions 0 and 3: three apart
    assert not fires(NEAR, "сот бір екі үш шешімі")  # positions 0 and 4
    assert not fires(NEAR, "сот")


def test_near_finds_a_close_pair_after_a_far_one() -> None:
    assert fires(NEAR, "сот а б в г д е ж шешім з сот")
    assert evidence(NEAR, "сот а б в г д е ж шешім з сот") == "шешім … сот"


SENTENCE = make_rule("""match:
  sentence:
    - terms: {ru: ["прокурор"]}
    - regex: {ru: "санкци[яюи]"}
""")


def test_sentence_needs_both_in_one_sentence() -> None:
    assert fires(SENTENCE, "С санкции прокурора. Иное.", lang="ru")
    assert not fires(SENTENCE, "Прокурор уведомляется. Санкция не нужна.", lang="ru")
    assert fires(SENTENCE, "Прокурор уведомляется. Санкция дается прокурором.", lang="ru")


REGEX = make_rule('match: {regex: {ru: "\\\\bсрок[а-я]*\\\\s+\\\\d+\\\\s+(дней|дня)\\\\b"}}\n')


def test_regex_on_lower_cased_text_with_unicode_boundaries() -> None:
    assert fires(REGEX, "В СРОК 10 ДНЕЙ", lang="ru")
    assert evidence(REGEX, "в срок 10 дней.", "ru") == "срок 10 дней"
    assert not fires(REGEX, "сверхсрок 10 дней", lang="ru")  # \b: no match inside a word
    assert not fires(REGEX, "в срок 10 дней", lang="kk")  # no kk pattern given


def test_backslash_b_becomes_a_unicode_boundary() -> None:
    pattern = compile_regex(r"\bсот\b")
    assert pattern.search("іс сотқа") is None
    assert pattern.search("іс сот.") is not None
    assert pattern.search("сот") is not None
    after_class = compile_regex(r"[сот]+\b")  # the class ends at "]", so this \b is translated
    assert after_class.search("сот.") is not None
    assert after_class.search("сотқа") is None


def test_regex_rejects_non_boundary_and_lookaround() -> None:
    for bad in (r"\Bсот", r"(?<=а)б", r"(а"):
        with pytest.raises(ValueError):
            compile_regex(bad)


WORDS = ["сот", "соттың", "сотқа", "шешім", "шешімі", "шешімімен", "тармақ", "тармақша",
         "тармағы", "үй", "үйден", "үйлер", "прокурор", "прокурордың", "берілмейді", "жол", "жолы"]
PATTERNS = ["сот", "шешім", "шешімі", "тармақ", "үй", "прокурор", "=жол", "берілме*", "сот*", "жол"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
def test_indexed_word_lookup_equals_asking_every_word(words: list[str]) -> None:
    from checker import morph

    view = build_view([(" ".join(words), None)], "kk")
    matcher = WordMatcher()
    for pattern in PATTERNS:
        expected = {i for i, token in enumerate(view.words)
                    if morph.word_matches(pattern, token.text, "kk")}
        assert matcher.positions(view, pattern) == expected
