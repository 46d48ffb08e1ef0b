"""The conventions users know from ruff, git and yamllint: one-line usage errors with a hint,
-V, "did you mean", -o wherever a report or document is written, stdin as `-`, help on every
option, colour decided by rich."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from checker import __version__
from checker.cli import main
from tests.test_cli_check import ERROR_RULE, GATE_RULES, RULES, bill, write

ESC = "\x1b["


def invoke(*args: str, env: dict[str, str] | None = None, stdin: bytes | str | None = None) -> Result:
    base = {"GITHUB_ACTIONS": "", "NO_COLOR": None, "FORCE_COLOR": None, "TERM": "xterm"}
    return CliRunner().invoke(main, list(args), env={**base, **(env or {})}, input=stdin,
                              catch_exceptions=False)


@pytest.fixture(autouse=True)
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "draft.txt", bill("error"))
    return tmp_path


@pytest.mark.parametrize("args", [
    ["check", "--fromat", "json"],
    ["--format", "xml", "draft.txt"],
    ["parse"],
    ["rules", "show"],
    ["explain", "draft.txt"],
    ["schema", "nothing"],
    ["check", "--jobs", "-3", "draft.txt"],
])
def test_usage_errors_are_one_line_with_a_hint(args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("lawcheck: error: ") and "--help'" in lines[0]
    assert "Usage:" not in result.stderr and "Traceback" not in result.output


def test_an_unknown_option_suggests_the_close_one() -> None:
    assert "did you mean '--format'?" in invoke("check", "--fromat", "json").stderr.lower()


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(flag: str) -> None:
    result = invoke(flag)
    assert result.exit_code == 0 and __version__ in result.stdout


@pytest.mark.parametrize(("args", "suggestion"), [
    (["rulez", "list"], "'rules'"),
    (["chek", "draft.txt"], "'check'"),
    (["rules", "lst"], "'list'"),
    (["baseline", "craete"], "'create'"),
])
def test_a_mistyped_command_gets_did_you_mean(args: list[str], suggestion: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert f"did you mean {suggestion}?" in result.stderr
    assert "no such file" not in result.stderr


def test_a_draft_named_like_a_command_is_still_checked(repo: Path) -> None:
    write(repo / "chek", bill("error"))
    result = invoke("chek", *RULES, "--format", "json")
    assert result.exit_code == 1 and json.loads(result.stdout)["files"][0]["path"] == "chek"


@pytest.mark.parametrize("args", [
    ["rules", "show", "housing-court-decision-not-replced"],
    ["explain", "draft.txt", "--rule", "housing-court-decision-not-replced"],
])
def test_a_mistyped_rule_id_gets_did_you_mean(args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert "did you mean 'housing-court-decision-not-replaced'?" in result.stderr


@pytest.mark.parametrize("args", [
    ["check", *RULES, "draft.txt"],
    ["check", *RULES, "draft.txt", "--format", "html"],
    ["parse", "draft.txt"],
    ["parse", "draft.txt", "--format", "json"],
    ["rules", "list"],
    ["rules", "list", "--format", "json"],
    ["rules", "show", "housing-court-decision-not-replaced"],
    ["rules", "docs"],
    ["explain", "draft.txt", "--rule", "cassation-any-offence-category"],
    ["schema", "check"],
    ["baseline", "create", *RULES, "draft.txt"],
])
def test_every_command_that_writes_a_report_or_document_takes_dash_o(repo: Path, args: list[str]) -> None:
    result = invoke(*args, "-o", "out/written.txt")
    assert result.exit_code in (0, 1), result.stderr
    assert result.stdout == ""
    written = (repo / "out" / "written.txt").read_text(encoding="utf-8")
    assert written.strip() and ESC not in written


def test_stdin_is_a_draft_named_by_stdin_filename(repo: Path) -> None:
    text = bill("error")
    result = invoke("check", *RULES, "-", "--stdin-filename", "drafts/new.txt", "--format", "json",
                    stdin=text)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["files"][0]["path"] == "drafts/new.txt"
    assert [f["rule"] for f in data["files"][0]["findings"]] == [ERROR_RULE]
    parsed = json.loads(invoke("parse", "-", "--stdin-filename", "x.txt", "--format", "json", stdin=text).stdout)
    assert parsed["path"] == "x.txt" and parsed["amendments"]
    explained = invoke("explain", "-", "--rule", "cassation-any-offence-category", stdin=text)
    assert explained.exit_code == 0 and "1.1.1" in explained.stdout


def test_stdin_follows_the_config_of_the_file_it_stands_for(repo: Path) -> None:
    import shutil

    shutil.copytree(GATE_RULES, repo / "team" / "rules")
    write(repo / "team" / ".lawcheck.yaml", f"rules: [rules]\ndisable: [{ERROR_RULE}]\n")
    args = ["check", "--no-builtin-rules", "-", "--format", "json"]
    inside = invoke(*args, "--stdin-filename", "team/drafts/x.txt", stdin=bill("error"))
    assert inside.exit_code == 0 and json.loads(inside.stdout)["files"][0]["findings"] == []
    outside = invoke(*args, "--rules", str(GATE_RULES), "--stdin-filename", "x.txt", stdin=bill("error"))
    assert outside.exit_code == 1


def test_stdin_docx_is_read_as_word(repo: Path) -> None:
    docx = (Path(__file__).resolve().parents[1] / "examples" / "kk_justice_bill.docx").read_bytes()
    result = invoke("parse", "-", "--stdin-filename", "bill.docx", "--format", "json", stdin=docx)
    assert result.exit_code == 0 and len(json.loads(result.stdout)["amendments"]) == 14


def _commands(command: click.Command, path: str = "lawcheck"):
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from _commands(sub, f"{path} {name}")


def test_every_option_of_every_command_has_help() -> None:
    missing = [f"{path} {param.opts[0]}" for path, command in _commands(main)
               for param in command.params
               if isinstance(param, click.Option) and not param.hidden and not (param.help or "").strip()]
    assert missing == []


@pytest.mark.parametrize(("env", "flags", "coloured"), [
    ({}, [], False),  # not a terminal
    ({"FORCE_COLOR": "1"}, [], True),
    ({"FORCE_COLOR": "1", "TERM": "dumb"}, [], False),
    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, [], False),
    ({"FORCE_COLOR": "1"}, ["--color", "never"], False),
    ({"NO_COLOR": "1"}, ["--color", "always"], True),
    ({}, ["--color", "always", "--format", "json"], False),  # colour is for the text report only
])
def test_colour_is_decided_by_rich_unless_asked(env: dict[str, str], flags: list[str], coloured: bool) -> None:
    result = invoke("check", *RULES, "draft.txt", *flags, env=env)
    assert (ESC in result.stdout) is coloured
