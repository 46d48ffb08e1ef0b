"""The config in force is the one above each checked path (as ruff does it), `--show-config`
says which, and every command (check, explain, parse, rules …) honours it and `--config`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from checker.cli import main
from tests.test_cli_check import ERROR_RULE, GATE_RULES, bill, write

ROOT = Path(__file__).resolve().parents[1]
DRAFTING_REPO = ROOT / "examples" / "drafting-repo"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), env={"GITHUB_ACTIONS": "", "NO_COLOR": "1"},
                              catch_exceptions=False)


@pytest.fixture
def outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A current folder outside every repository."""
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return tmp_path


def team_repo(root: Path, config: str) -> Path:
    """A drafting repository whose own rules live in team-rules/ (named by its config only)."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(GATE_RULES, root / "team-rules")
    write(root / ".lawcheck.yaml", config)
    write(root / "drafts" / "a.txt", bill("error"))
    return root


def test_a_repository_config_applies_when_run_from_outside(outside: Path) -> None:
    repo = outside / "repo"
    shutil.copytree(DRAFTING_REPO, repo)
    result = invoke("check", "--format", "json", str(repo / "drafts"))
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    # the archive is excluded, one finding is suppressed, two are in the baseline
    assert [Path(f["path"]).name for f in data["files"]] == ["2025-cassation-kk.txt", "2026-housing-ru.txt"]
    marks = sorted(("suppressed" in f, f.get("baseline", False)) for file in data["files"] for f in file["findings"])
    assert marks == [(False, True), (False, True), (True, False)]


def test_each_draft_follows_the_config_of_its_own_repository(outside: Path) -> None:
    strict = team_repo(outside / "strict", "rules: [team-rules]\n")
    lenient = team_repo(outside / "lenient", f"rules: [team-rules]\ndisable: [{ERROR_RULE}]\n")
    result = invoke("check", "--no-builtin-rules", "--format", "json", str(strict / "drafts"),
                    str(lenient / "drafts"))
    data = json.loads(result.stdout)
    by_repo = {Path(f["path"]).parts[-3]: [x["rule"] for x in f["findings"]] for f in data["files"]}
    assert by_repo == {"strict": [ERROR_RULE], "lenient": []}
    assert result.exit_code == 1


def test_configs_that_disagree_on_a_run_setting_need_the_flag(outside: Path) -> None:
    one = team_repo(outside / "one", "rules: [team-rules]\nfail_on: never\n")
    two = team_repo(outside / "two", "rules: [team-rules]\nfail_on: error\n")
    result = invoke("check", "--no-builtin-rules", str(one / "drafts"), str(two / "drafts"))
    assert result.exit_code == 2
    assert "disagree on 'fail_on'" in result.stderr and "--fail-on" in result.stderr
    assert invoke("check", "--no-builtin-rules", "--fail-on", "never", str(one / "drafts"),
                  str(two / "drafts")).exit_code == 0


def test_show_config_names_the_file_and_the_settings_in_force(outside: Path) -> None:
    import yaml

    repo = team_repo(outside / "repo", "rules: [team-rules]\nfail_on: warning\nexclude: [old]\n")
    result = invoke("check", "--no-builtin-rules", "--show-config", str(repo / "drafts"))
    assert result.exit_code == 0
    shown = yaml.safe_load(result.stdout)
    (config,) = shown["configs"]
    assert Path(config["config"]) == repo / ".lawcheck.yaml"
    assert [Path(d).name for d in config["drafts"]] == ["a.txt"]
    assert config["settings"]["exclude"] == ["old"] and config["settings"]["rules"]
    assert shown["run"]["fail_on"] == "warning"
    # a flag wins over the config, and --show-config says so
    again = yaml.safe_load(invoke("check", "--no-builtin-rules", "--show-config", "--fail-on", "info",
                                  str(repo / "drafts")).stdout)
    assert again["run"]["fail_on"] == "info"


def test_show_config_without_any_config_says_defaults(outside: Path) -> None:
    import yaml

    write(outside / "elsewhere" / "d.txt", bill("error"))
    shown = yaml.safe_load(invoke("check", "--show-config", "d.txt").stdout)
    assert shown["configs"][0]["config"] == "none (defaults)"


def test_explain_and_rules_commands_see_the_config_rules(outside: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = team_repo(outside / "repo", "rules: [team-rules]\n")
    draft = str(repo / "drafts" / "a.txt")
    explained = invoke("explain", draft, "--rule", ERROR_RULE)  # the config above the draft
    assert explained.exit_code == 0, explained.stderr
    assert ERROR_RULE in explained.stdout
    # from inside the repository, rules list / show / test find the config's rule folder
    monkeypatch.chdir(repo)
    listed = json.loads(invoke("rules", "list", "--format", "json").stdout)
    assert ERROR_RULE in {row["id"] for row in listed}
    assert invoke("rules", "show", ERROR_RULE).exit_code == 0
    tested = invoke("rules", "test", "team-rules/gate-cassation-narrowed.yaml")
    assert "gate-cassation-narrowed" in tested.stdout
    # and --config names it from anywhere
    monkeypatch.chdir(outside / "elsewhere")
    listed = json.loads(invoke("rules", "list", "--format", "json", "--config",
                               str(repo / ".lawcheck.yaml")).stdout)
    assert ERROR_RULE in {row["id"] for row in listed}


def test_rules_list_shows_what_the_config_switches_off(outside: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = team_repo(outside / "repo", f"rules: [team-rules]\ndisable: [{ERROR_RULE}]\n"
                                       "severity: {gate-notice-wording: warning}\n")
    monkeypatch.chdir(repo)
    rows = {row["id"]: row for row in json.loads(invoke("rules", "list", "--format", "json").stdout)}
    assert rows[ERROR_RULE]["enabled"] is False
    assert rows["gate-notice-wording"]["severity"] == "warning"
    assert "switched off by .lawcheck.yaml" in invoke("rules", "show", ERROR_RULE).stdout


def test_the_config_units_are_loaded_by_the_rules_commands(outside: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = team_repo(outside / "repo", "rules: [team-rules]\nunits: [our-units]\n")
    write(repo / "our-units" / "cpc.yaml",
          "act: criminal-procedure-code\nunits:\n"
          "  - {article: \"484\", part: \"2\", governs: x, concepts: [no-such-concept], source: ours}\n")
    monkeypatch.chdir(repo)
    for command in (["rules", "list"], ["rules", "validate"], ["explain", "drafts/a.txt", "--rule", ERROR_RULE]):
        result = invoke(*command)
        assert result.exit_code == 2, command
        assert "our-units/cpc.yaml" in result.stderr + result.stdout, command


def test_parse_reads_the_config_of_its_draft(outside: Path) -> None:
    repo = team_repo(outside / "repo", "fail-on: error\n")  # a broken config
    result = invoke("parse", str(repo / "drafts" / "a.txt"))
    assert result.exit_code == 2
    assert "unknown key 'fail-on'" in result.stderr
    good = write(outside / "good.yaml", "fail_on: error\n")
    assert invoke("parse", str(repo / "drafts" / "a.txt"), "--config", str(good)).exit_code == 0
