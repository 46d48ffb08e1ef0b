"""Rule-file loading: each kind of error is reported once, at its exact file:line:column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.engine import read_rule, validate_rules
from checker.engine.schema import RuleSpec, json_schema
from checker.errors import RuleFileError
from checker.resources import rules_dir

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
BROKEN = FIXTURES / "broken"
VALID = FIXTURES / "valid"

# file stem -> (line, column, key path the message names). Columns were read off the fixtures.
BROKEN_CASES = {
    "yaml-syntax": (4, 66, ""),
    "duplicate-key": (9, 1, ""),
    "unknown-key": (6, 3, "scope.artcles"),
    "wrong-type": (8, 15, "constitution"),
    "bad-date": (3, 32, "resolution.date"),
    "unknown-act": (4, 41, "scope.acts[1]"),
    "unknown-operation": (4, 68, "scope.operations[1]"),
    "bad-regex": (7, 9, "match.regex.ru"),
    "bad-phrase": (8, 36, "match.terms.ru[1]"),
    "id-mismatch": (1, 5, ""),
    "missing-en": (7, 10, "message"),
    "no-condition": (1, 1, ""),
    "yaml-boolean": (7, 47, "message.en"),
    "not-a-mapping": (1, 1, ""),
}


def _errors(stem: str) -> list[RuleFileError]:
    path = BROKEN / f"{stem}.yaml"
    spec, errors = read_rule(path.read_bytes(), f"broken/{stem}.yaml")
    assert spec is None
    return errors


@pytest.mark.parametrize("stem", sorted(BROKEN_CASES))
def test_each_broken_file_gives_one_error_at_its_place(stem: str) -> None:
    line, column, key_path = BROKEN_CASES[stem]
    errors = _errors(stem)
    assert [e.location for e in errors] == [f"broken/{stem}.yaml:{line}:{column}"]
    assert errors[0].message.startswith(f"{key_path}: " if key_path else "")


def test_broken_fixture_folder_is_fully_covered() -> None:
    stems = {p.stem for p in BROKEN.glob("*.yaml")}
    assert stems == set(BROKEN_CASES) | {"empty"}


def test_error_kinds_are_told_apart() -> None:
    assert "duplicate key 'severity'" in _errors("duplicate-key")[0].message
    assert "line 8" in _errors("duplicate-key")[0].message  # where the first one is
    assert "did you mean `articles`" in _errors("unknown-key")[0].message
    assert "law:housing-relations" in _errors("unknown-act")[0].message  # closest registry slug
    assert "grammar/acts.yaml" in _errors("unknown-act")[0].message
    assert "boolean" in _errors("yaml-boolean")[0].message
    assert "`en`" in _errors("missing-en")[0].message
    assert "other-name.yaml" in _errors("id-mismatch")[0].message


def test_empty_file_is_an_error_without_position() -> None:
    assert [e.location for e in _errors("empty")] == ["broken/empty.yaml"]


def test_valid_fixtures_load() -> None:
    for path in VALID.glob("*.yaml"):
        spec, errors = read_rule(path.read_bytes(), str(path))
        assert errors == []
        assert spec is not None and spec.id == path.stem


def test_all_errors_of_a_file_are_collected_in_order() -> None:
    text = (VALID / "eviction-court-only.yaml").read_text(encoding="utf-8")
    text = text.replace("severity: error", "severity: fatal")
    text = text.replace("number: 41", "number: forty-one")
    text = text.replace("acts: [law:housing-relations]", "acts: [law:housing-relation]")
    spec, errors = read_rule(text, "eviction-court-only.yaml")
    assert spec is None
    lines = [int(e.location.split(":")[1]) for e in errors]
    assert lines == [8, 14, 16]


def test_binary_and_non_utf8_files_are_errors(tmp_path: Path) -> None:
    spec, errors = read_rule(b"\x89PNG\r\n\x1a\n\x00\x00", "logo.yaml")
    assert spec is None and [e.location for e in errors] == ["logo.yaml"]
    spec, errors = read_rule("id: ережe\n".encode("cp1251"), "old.yaml")
    assert spec is None and [e.location for e in errors] == ["old.yaml"]


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("id: a\ntitle: &t {kk: a, ru: b, en: c}\nmessage: *t\n", 3, 10),  # alias
        ("id: a\n<<: {severity: error}\n", 2, 1),  # merge key
        ("id: a\n---\nid: b\n", 2, 1),  # a second document
    ],
)
def test_yaml_features_a_rule_file_must_not_use(text: str, line: int, column: int) -> None:
    spec, errors = read_rule(text, "a.yaml")
    assert spec is None
    assert [e.location for e in errors] == [f"a.yaml:{line}:{column}"]


def test_duplicate_rule_id_across_files_points_at_the_second() -> None:
    folders = [FIXTURES / "duplicate" / "one", FIXTURES / "duplicate" / "two"]
    errors = validate_rules(folders, builtin=False)
    assert len(errors) == 1
    # "two" is read second; its id is on line 2 (after a comment line).
    assert errors[0].location is not None
    assert errors[0].location.endswith("duplicate/two/same-id.yaml:2:5")
    assert "one/same-id.yaml" in errors[0].message


def test_validate_lists_every_file_error() -> None:
    errors = validate_rules([BROKEN], builtin=False)
    files = {Path(e.location.split(":")[0]).stem for e in errors if e.location}
    assert files == set(BROKEN_CASES) | {"empty"}


def test_missing_path_is_a_rule_file_error(tmp_path: Path) -> None:
    errors = validate_rules([tmp_path / "nope"], builtin=False)
    assert [e.location for e in errors] == [str(tmp_path / "nope")]


def test_dates_stay_text_and_numbers_become_text() -> None:
    text = (VALID / "eviction-court-only.yaml").read_text(encoding="utf-8")
    text = text.replace('paragraph: "3"', "paragraph: 3").replace('article: "25"', "article: 25")
    spec, errors = read_rule(text, "eviction-court-only.yaml")
    assert errors == [] and spec is not None
    assert spec.resolution.date == "2024-04-19"
    assert spec.resolution.paragraph == "3"
    assert spec.constitution[0].article == "25"


def test_upheld_rule_may_not_have_conflict_examples() -> None:
    text = (VALID / "local-residents-upheld.yaml").read_text(encoding="utf-8")
    text = text.replace("examples:\n", 'examples:\n  conflict:\n    - {lang: kk, text: "Балл."}\n')
    spec, errors = read_rule(text, "local-residents-upheld.yaml")
    assert spec is None
    assert [e.message.split(":")[0] for e in errors] == ["examples.conflict"]


def test_schema_json_is_the_models_export() -> None:
    shipped = json.loads((rules_dir() / "schema.json").read_text(encoding="utf-8"))
    assert shipped == json_schema()


def test_schema_json_accepts_the_valid_fixtures() -> None:
    import jsonschema
    import yaml

    validator = jsonschema.Draft202012Validator(json_schema())
    for path in VALID.glob("*.yaml"):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # all text
        data["resolution"]["number"] = int(data["resolution"]["number"])
        assert list(validator.iter_errors(data)) == []
    assert RuleSpec.model_fields["kind"].default == "conflict"
