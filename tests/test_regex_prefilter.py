"""The literal prefilter of regex conditions never skips a text the pattern matches."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import morph
from checker.engine.conditions import compile_regex, required_literals
from checker.resources import rules_dir

PATTERNS = [r"верховн\pL*\s+суд", r"(суд|прокурор)\pL*", r"(ab)+c", r"а?бв", r"x(?:ab|cd)y",
            r"(ші|шы)-(ана|әке)", r"\bсот\b", r"a{2,3}b", r"(?:ab|c)d|ef", r"[аб]вг(д|е)"]


def test_literals_of_simple_patterns() -> None:
    assert required_literals(r"(суд|прокурор)\pL*") == ("суд", "прокурор")
    assert required_literals(r"(?i)суд") is None
    assert required_literals(r"[[:alpha:]]abc") is None
    assert required_literals(r"a{0,3}") is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefxyабвгдеші-ынаәкесудпрокорт \n", max_size=40))
def test_a_skipped_text_never_matches(text: str) -> None:
    for pattern in PATTERNS:
        compiled = compile_regex(pattern)
        if compiled.search(text) is not None:
            assert compiled.may_match(text), (pattern, text)


def test_shipped_concept_regexes_keep_their_examples() -> None:
    for file in sorted((rules_dir() / "concepts").glob("*.yaml")):
        for concept in yaml.safe_load(file.read_text(encoding="utf-8")).values():
            for lang, pattern in (concept.get("regex") or {}).items():
                compiled = compile_regex(pattern)
                texts = [*(concept.get("examples") or {}).get(lang, ()),
                         *(concept.get("not_examples") or {}).get(lang, ())]
                for text in texts:
                    folded = morph.fold(text)
                    if compiled.search(folded) is not None:
                        assert compiled.may_match(folded), (pattern, text)
