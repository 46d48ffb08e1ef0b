"""Kazakh word forms: lemma analysis, the suffix table, phrase matching (checker.morph.kk)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.errors import LawcheckError
from checker.morph import fold, kk, lemmas, phrase_pattern, tokenize, word_matches

FIXTURE = Path(__file__).parent / "fixtures" / "morph" / "kk_forms.yaml"
DATA: dict[str, Any] = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
FORMS = [(lemma, form) for lemma, forms in DATA["forms"].items() for form in forms]
PATHS = kk.chain_paths()


def occurs(phrase: str, text: str, lang: str) -> bool:
    """Whether the rule phrase matches consecutive words of `text` (as the engine does)."""
    pattern = phrase_pattern(phrase, lang)
    words = [t.text for t in tokenize(text)]
    return any(all(word_matches(p, words[i + j], lang) for j, p in enumerate(pattern))
               for i in range(len(words) - len(pattern) + 1))


def test_fixture_is_large_enough() -> None:
    assert len(FORMS) >= 200
    assert len(DATA["must_not_match"]) >= 20


@pytest.mark.parametrize(("lemma", "form"), FORMS, ids=[f for _, f in FORMS])
def test_form_yields_its_lemma(lemma: str, form: str) -> None:
    assert lemma in lemmas(fold(form), "kk")
    assert word_matches(lemma, fold(form), "kk")


@pytest.mark.parametrize(("lemma", "word"), DATA["must_not_match"],
                         ids=[f"{a}-{b}" for a, b in DATA["must_not_match"]])
def test_derived_word_is_another_term(lemma: str, word: str) -> None:
    assert lemma not in lemmas(word, "kk")
    assert not word_matches(lemma, word, "kk")


@pytest.mark.parametrize(("lemma", "word"), DATA["homographs"],
                         ids=[f"{a}-{b}" for a, b in DATA["homographs"]])
def test_documented_homographs_match(lemma: str, word: str) -> None:
    assert word_matches(lemma, word, "kk")


@pytest.mark.parametrize(("phrase", "text"), DATA["phrases"])
def test_phrase_occurs(phrase: str, text: str) -> None:
    assert occurs(phrase, text, "kk")


@pytest.mark.parametrize(("phrase", "text"), DATA["no_phrase"])
def test_phrase_does_not_occur(phrase: str, text: str) -> None:
    assert not occurs(phrase, text, "kk")


def test_word_itself_is_always_a_lemma() -> None:
    assert lemmas("заңсыз", "kk") == frozenset({"заңсыз"})
    assert "сотының" in lemmas("сотының", "kk")


def test_izafet_form_is_offered_as_a_lemma() -> None:
    # "сот шешімі" is written with the possessive; its inflected forms must still match it
    assert {"шешім", "шешімі"} <= lemmas("шешіміне", "kk")
    assert "тармағы" in lemmas("тармағының", "kk")


def test_number_glued_to_a_word_is_analysed_without_it() -> None:
    assert {"484-бап", "бап"} <= lemmas("484-бабының", "kk")


def test_exact_and_prefix_patterns() -> None:
    assert word_matches("=жол", "жол", "kk")
    assert not word_matches("=жол", "жолы", "kk")
    assert word_matches("берілме*", "берілмейді", "kk")
    assert not word_matches("берілме*", "беріледі", "kk")
    assert word_matches("=Жол", fold("ЖОЛ"), "kk")


def test_empty_pattern_word_is_an_error() -> None:
    with pytest.raises(ValueError):
        word_matches("=", "жол", "kk")


# --- the suffix table -----------------------------------------------------------------------

@pytest.mark.parametrize(("lemma", "path", "form"), [
    # one hand-written form per allomorph class of each suffix
    ("бала", ("PL",), "балалар"), ("жер", ("PL",), "жерлер"), ("заң", ("PL",), "заңдар"),
    ("жыл", ("PL",), "жылдар"), ("қыз", ("PL",), "қыздар"), ("сот", ("PL",), "соттар"),
    ("саты", ("P3",), "сатысы"), ("шешім", ("P3",), "шешімі"), ("тармақ", ("P3",), "тармағы"),
    ("бала", ("P1SG", "DAT"), "балама"), ("бала", ("P2SG", "ACC"), "балаңды"),
    ("бала", ("P2POL", "DAT"), "балаңызға"), ("құқық", ("P1PL",), "құқығымыз"),
    ("саты", ("GEN",), "сатының"), ("жер", ("GEN",), "жердің"), ("сот", ("GEN",), "соттың"),
    ("заң", ("GEN",), "заңның"), ("сот", ("P3", "GEN"), "сотының"),
    ("саты", ("ACC",), "сатыны"), ("заң", ("ACC",), "заңды"), ("сот", ("ACC",), "сотты"),
    ("үй", ("P3", "ACC"), "үйін"),
    ("саты", ("DAT",), "сатыға"), ("шешім", ("DAT",), "шешімге"), ("сот", ("DAT",), "сотқа"),
    ("бөлік", ("DAT",), "бөлікке"), ("сот", ("P3", "DAT"), "сотына"),
    ("саты", ("LOC",), "сатыда"), ("сот", ("LOC",), "сотта"), ("бап", ("P3", "LOC"), "бабында"),
    ("саты", ("ABL",), "сатыдан"), ("заң", ("ABL",), "заңнан"), ("сот", ("ABL",), "соттан"),
    ("сот", ("P3", "ABL"), "сотынан"),
    ("бала", ("INS",), "баламен"), ("баж", ("INS",), "бажбен"), ("сот", ("INS",), "сотпен"),
    ("саты", ("LOC", "ATTR"), "сатыдағы"), ("бап", ("P3", "LOC", "ATTR"), "бабындағы"),
    ("үй", ("LOC", "ATTR", "P3.attr"), "үйдегісі"),
    ("шығару", ("DAT",), "шығаруға"), ("беру", ("DAT",), "беруге"), ("жою", ("ACC",), "жоюды"),
    ("ата-ана", ("PL", "P3", "GEN"), "ата-аналарының"),
])
def test_inflect_builds_hand_written_forms(lemma: str, path: tuple[str, ...], form: str) -> None:
    assert kk.inflect(lemma, path) == form


def test_inflect_rejects_a_path_the_graph_does_not_allow() -> None:
    with pytest.raises(ValueError):
        kk.inflect("сот", ("GEN", "PL"))


def test_chain_graph_has_no_derivational_suffix() -> None:
    chains = kk.table().chains
    for derivational in ("ша", "ше", "лық", "лік", "тық", "сыз", "сіз", "шы", "ші", "нама", "кер"):
        assert derivational not in chains


def test_broken_table_is_a_one_line_error(tmp_path: Path) -> None:
    data = yaml.safe_load(kk.TABLE_PATH.read_text(encoding="utf-8"))
    data["chain"]["PL"].append("XYZ")
    broken = tmp_path / "kk.yaml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(LawcheckError, match="XYZ"):
        kk._load(broken)
    broken.write_text("morphemes: [", encoding="utf-8")
    with pytest.raises(LawcheckError):
        kk._load(broken)


def test_cycle_in_the_chain_graph_is_rejected(tmp_path: Path) -> None:
    data = yaml.safe_load(kk.TABLE_PATH.read_text(encoding="utf-8"))
    data["chain"]["GEN"] = ["PL"]  # PL → GEN → PL → …
    broken = tmp_path / "kk.yaml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(LawcheckError, match="cycle"):
        kk._load(broken)


# --- properties -----------------------------------------------------------------------------

@settings(max_examples=400, deadline=None)
@given(lemma=st.sampled_from(sorted(DATA["forms"])), path=st.sampled_from(PATHS),
       voice=st.booleans())
def test_lemma_with_any_valid_chain_matches(lemma: str, path: tuple[str, ...], voice: bool) -> None:
    form = kk.inflect(lemma, path, voice=voice)
    assert lemma in lemmas(form, "kk")


@settings(max_examples=400, deadline=None)
@given(pair=st.sampled_from(DATA["must_not_match"]), path=st.sampled_from(PATHS),
       voice=st.booleans())
def test_inflected_derived_word_never_matches(pair: list[str], path: tuple[str, ...],
                                              voice: bool) -> None:
    lemma, derived = pair
    assert not word_matches(lemma, kk.inflect(derived, path, voice=voice), "kk")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(FORMS))
def test_matching_ignores_case(pair: tuple[str, str]) -> None:
    lemma, form = pair
    assert word_matches(lemma.upper(), fold(form.upper()), "kk")
