"""The JSON contract ships with the tool: `lawcheck schema check|parse|rule` prints JSON Schemas
that real output is validated against; `tool` and `version` are in the JSON; columns are 1-based."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner, Result

from checker import __version__
from checker.cli import main
from tests.test_cli_check import RULES, bill, write
from tests.test_gate_complete import KK_FORMULA, RU_FORMULA, incomplete_bill

ROOT = Path(__file__).resolve().parents[1]
DRAFTS = sorted([*ROOT.glob("examples/*_bill.txt"), *ROOT.glob("examples/*.docx"),
                 *ROOT.glob("tests/eval/*.txt"), *ROOT.glob("tests/round3/*.txt")])


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), env={"GITHUB_ACTIONS": "", "NO_COLOR": "1"},
                              catch_exceptions=False)


def validator(name: str) -> jsonschema.protocols.Validator:
    result = invoke("schema", name)
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def assert_valid(name: str, data: Any) -> None:
    errors = sorted(validator(name).iter_errors(data), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("draft", DRAFTS, ids=[d.name for d in DRAFTS])
def test_parse_json_of_real_drafts_follows_its_schema(draft: Path) -> None:
    data = json.loads(invoke("parse", str(draft), "--format", "json").stdout)
    assert data["tool"] == {"name": "lawcheck", "version": __version__}
    assert_valid("parse", data)


@pytest.mark.parametrize("text", [RU_FORMULA, KK_FORMULA, "Hello.\n"], ids=["ru-after", "kk-after", "no-bill"])
def test_parse_json_with_anchor_and_without_bill_follows_its_schema(repo: Path, text: str) -> None:
    write(repo / "d.txt", text)
    assert_valid("parse", json.loads(invoke("parse", "d.txt", "--format", "json").stdout))


def test_check_json_of_the_bundled_examples_follows_its_schema(repo: Path) -> None:
    for draft in ROOT.glob("examples/*_bill.*"):
        shutil.copy(draft, repo / draft.name)
    data = json.loads(invoke("check", ".", "--format", "json").stdout)
    assert data["tool"] == {"name": "lawcheck", "version": __version__}
    assert data["files"] and all(file["findings"] for file in data["files"])
    assert_valid("check", data)


def test_check_json_with_set_aside_findings_follows_its_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT / "examples" / "drafting-repo")
    data = json.loads(invoke("check", "drafts", "--format", "json").stdout)
    assert {("suppressed" in f, "baseline" in f) for file in data["files"] for f in file["findings"]} == {
        (True, False), (False, True)}
    assert_valid("check", data)


def test_check_json_of_an_incomplete_run_follows_its_schema(repo: Path) -> None:
    incomplete_bill(repo)
    write(repo / "hello.txt", "Hello world.\n")
    data = json.loads(invoke("check", *RULES, ".", "--format", "json").stdout)
    assert {w["code"] for w in data["warnings"]} == {"incomplete", "not-a-bill"}
    assert_valid("check", data)


def test_the_schemas_are_strict_so_an_undocumented_field_is_caught(repo: Path) -> None:
    write(repo / "d.txt", bill("error"))
    data = json.loads(invoke("check", *RULES, "d.txt", "--format", "json").stdout)
    data["files"][0]["findings"][0]["colour"] = 1
    assert list(validator("check").iter_errors(data))


def test_columns_are_one_based_in_json_as_in_text_and_sarif(repo: Path) -> None:
    write(repo / "d.txt", bill("warning"))
    data = json.loads(invoke("check", *RULES, "d.txt", "--format", "json").stdout)
    finding = data["files"][0]["findings"][0]
    sarif = json.loads(invoke("check", *RULES, "d.txt", "--format", "sarif").stdout)
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    text = invoke("check", *RULES, "d.txt").stdout
    assert finding["col"] == region["startColumn"] == 1  # the item starts the line
    assert f"d.txt:{finding['line']}:{finding['col']}" in text
    parsed = json.loads(invoke("parse", "d.txt", "--format", "json").stdout)
    assert {a["col"] for a in parsed["amendments"]} == {1}


def test_the_rule_schema_is_the_shipped_one_and_accepts_the_rule_fixtures() -> None:
    from checker.resources import rules_dir

    printed = invoke("schema", "rule").stdout
    assert json.loads(printed) == json.loads((rules_dir() / "schema.json").read_text(encoding="utf-8"))
    check = validator("rule")
    for rule in sorted((ROOT / "tests" / "fixtures" / "rules" / "valid").glob("*.yaml")):
        data = yaml.load(rule.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # dates stay text
        data["resolution"]["number"] = int(data["resolution"]["number"])
        assert list(check.iter_errors(data)) == [], rule.name


def test_schema_can_be_written_to_a_file(repo: Path) -> None:
    assert invoke("schema", "parse", "-o", "out/parse.schema.json").exit_code == 0
    assert json.loads((repo / "out" / "parse.schema.json").read_text(encoding="utf-8"))["title"]


def test_the_changelog_records_the_contract_changes() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    for words in ("1-based", "`tool`", "`warnings`", "`not_understood`", "`anchor`", "lawcheck schema"):
        assert words in changelog, words


ACTS = ROOT / "tests" / "fixtures" / "acts"
SLUG = "criminal-executive-code"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_apply_compare_and_parse_act_json_follow_their_schemas(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ACTS)
    act = f"{SLUG}={lang}_code.txt"
    data = json.loads(invoke("parse-act", f"{lang}_code.txt", "--format", "json").stdout)
    assert data["tool"] == {"name": "lawcheck", "version": __version__} and data["tree"]["children"]
    assert_valid("parse-act", data)
    for command in ("apply", "compare"):
        done = CliRunner().invoke(main, [command, f"{lang}_bill.txt", "--act", act, "--format", "json"],
                                  env={"NO_COLOR": "1"}, catch_exceptions=False)
        data = json.loads(done.stdout)
        assert data["tool"]["name"] == "lawcheck"
        assert_valid(command, data)
    assert json.loads(invoke("compare", f"{lang}_bill.txt", "--act", act, "--format", "json").stdout)["rows"]


def test_apply_json_with_failed_instructions_and_findings_follows_its_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ACTS)
    done = CliRunner().invoke(main, ["apply", "ru_bad_bill.txt", "--act", "ru_code.txt", "--format", "json"],
                              env={"NO_COLOR": "1"}, catch_exceptions=False)
    data = json.loads(done.stdout)
    assert {i["status"] for i in data["instructions"]} == {"applied", "failed"} and data["findings"]
    assert_valid("apply", data)
    data["instructions"][0]["colour"] = 1
    assert list(validator("apply").iter_errors(data))
