"""Russian word forms through pymorphy3 (checker.morph.ru)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.morph import fold, lemmas, phrase_pattern, ru, tokenize, word_matches

FIXTURE = Path(__file__).parent / "fixtures" / "morph" / "ru_forms.yaml"
DATA: dict[str, Any] = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
FORMS = [(lemma, form) for lemma, forms in DATA["forms"].items() for form in forms]


def occurs(phrase: str, text: str) -> bool:
    pattern = phrase_pattern(phrase, "ru")
    words = [t.text for t in tokenize(text)]
    return any(all(word_matches(p, words[i + j], "ru") for j, p in enumerate(pattern))
               for i in range(len(words) - len(pattern) + 1))


def test_fixture_is_large_enough() -> None:
    assert len(FORMS) >= 100


@pytest.mark.parametrize(("lemma", "form"), FORMS, ids=[f for _, f in FORMS])
def test_form_matches_its_dictionary_form(lemma: str, form: str) -> None:
    assert word_matches(lemma, fold(form), "ru")


@pytest.mark.parametrize(("pattern", "word"), DATA["must_not_match"],
                         ids=[f"{a}-{b}" for a, b in DATA["must_not_match"]])
def test_other_term_does_not_match(pattern: str, word: str) -> None:
    assert not word_matches(pattern, word, "ru")


@pytest.mark.parametrize(("pattern", "word", "expected"), DATA["ambiguous"],
                         ids=[f"{a}-{b}" for a, b, _ in DATA["ambiguous"]])
def test_ambiguous_forms_behave_as_documented(pattern: str, word: str, expected: bool) -> None:
    assert word_matches(pattern, word, "ru") is expected


@pytest.mark.parametrize(("phrase", "text"), DATA["phrases"])
def test_phrase_occurs(phrase: str, text: str) -> None:
    assert occurs(phrase, text)


@pytest.mark.parametrize(("phrase", "text"), DATA["no_phrase"])
def test_phrase_does_not_occur(phrase: str, text: str) -> None:
    assert not occurs(phrase, text)


def test_lemmas_include_every_parse_and_the_word() -> None:
    assert {"суд", "судно", "судов"} <= lemmas("судов", "ru")


def test_yo_is_folded_in_lemmas() -> None:
    assert "ребенок" in lemmas("детей", "ru")
    assert not any("ё" in lemma for lemma in lemmas("осуждённых", "ru"))


def test_participle_gets_its_own_lemma_besides_the_verb() -> None:
    assert {"осудить", "осужденный"} <= lemmas("осужденных", "ru")


def test_pattern_in_dictionary_form_stands_for_that_lemma_only() -> None:
    assert ru.pattern_lemmas("право") == frozenset({"право"})
    assert ru.pattern_lemmas("свободы") == frozenset({"свобода"})
    assert ru.pattern_lemmas("суда") == frozenset({"суд", "судно"})


def test_lemmas_are_cached() -> None:
    ru.lemmas.cache_clear()
    lemmas("решением", "ru")
    lemmas("решением", "ru")
    assert ru.lemmas.cache_info().hits == 1


def test_unknown_language_is_rejected() -> None:
    with pytest.raises(ValueError):
        lemmas("суд", "en")
    with pytest.raises(ValueError):
        word_matches("суд", "суд", "de")


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(FORMS))
def test_matching_ignores_case_and_yo(pair: tuple[str, str]) -> None:
    lemma, form = pair
    assert word_matches(lemma.upper().replace("Е", "Ё"), fold(form.upper()), "ru")
