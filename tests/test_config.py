"""Config discovery and validation: every mistake is a ConfigError that names file:line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from checker.gate.config import find_config, load_config
from checker.errors import ConfigError

GOOD_REASON = "Жұмыс тобы 2025 жылғы 3 наурыздағы отырыста келісті"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Locations are shown relative to the current folder, as the CLI shows them."""
    monkeypatch.chdir(tmp_path)


# --- discovery ---------------------------------------------------------------------------------

def test_config_found_in_a_parent_folder(tmp_path: Path) -> None:
    config = write(tmp_path / ".lawcheck.yaml", "fail_on: warning\n")
    deep = tmp_path / "drafts" / "2025"
    deep.mkdir(parents=True)
    assert find_config(deep) == config.resolve()
    loaded = load_config(cwd=deep)
    assert loaded.fail_on == "warning"
    assert loaded.root == tmp_path.resolve()


def test_nearest_config_wins(tmp_path: Path) -> None:
    write(tmp_path / ".lawcheck.yaml", "fail_on: warning\n")
    near = write(tmp_path / "sub" / ".lawcheck.yml", "fail_on: info\n")
    assert find_config(tmp_path / "sub") == near.resolve()
    assert load_config(cwd=tmp_path / "sub").fail_on == "info"


def test_yaml_config_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.lawcheck]\nfail_on = "info"\n')
    yaml_config = write(tmp_path / ".lawcheck.yaml", "fail_on: warning\n")
    assert find_config(tmp_path) == yaml_config.resolve()


def test_pyproject_without_lawcheck_table_is_skipped(tmp_path: Path) -> None:
    outer = write(tmp_path / "pyproject.toml", '[tool.lawcheck]\nformat = "json"\n')
    write(tmp_path / "inner" / "pyproject.toml", '[project]\nname = "drafts"\n')
    assert find_config(tmp_path / "inner") == outer.resolve()
    assert load_config(cwd=tmp_path / "inner").format == "json"


def test_no_config_gives_defaults_rooted_at_cwd(tmp_path: Path) -> None:
    config = load_config(cwd=tmp_path)
    assert config.path is None
    assert config.root == tmp_path
    assert (config.fail_on, config.format, config.enable, config.suppressions) == (None, None, None, ())


def test_explicit_config_overrides_discovery(tmp_path: Path) -> None:
    write(tmp_path / ".lawcheck.yaml", "fail_on: warning\n")
    write(tmp_path / "ci" / "strict.yaml", "fail_on: info\n")
    assert load_config("ci/strict.yaml", cwd=tmp_path).fail_on == "info"


def test_explicit_config_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config("missing.yaml", cwd=tmp_path)
    assert caught.value.location == "missing.yaml"


def test_paths_are_relative_to_the_config_folder(tmp_path: Path) -> None:
    (tmp_path / "local-rules").mkdir()
    write(tmp_path / ".lawcheck.yaml", """
        rules: [local-rules]
        baseline: ci/lawcheck-baseline.json
        exclude: ["drafts/archive"]
    """)
    config = load_config(cwd=tmp_path / ".")
    assert config.rules == ((tmp_path / "local-rules").resolve(),)
    assert config.baseline == tmp_path.resolve() / "ci" / "lawcheck-baseline.json"
    assert config.exclude is not None
    assert config.exclude.matches(tmp_path / "drafts" / "archive" / "old.txt")
    assert not config.exclude.matches(tmp_path / "drafts" / "new.txt")


def test_full_yaml_config_is_read(tmp_path: Path) -> None:
    write(tmp_path / ".lawcheck.yaml", f"""
        enable: [rule-a, rule-b]
        disable: [rule-b]
        severity: {{rule-a: warning}}
        lang: ru
        format: sarif
        fail_on: never
        include: ["drafts/**"]
        suppressions:
          - rule: rule-a
            amendment: "1.2.3"
            file: "drafts/*.txt"
            reason: "{GOOD_REASON}"
    """)
    config = load_config(cwd=tmp_path)
    assert config.enable == ("rule-a", "rule-b")
    assert config.disable == ("rule-b",)
    assert config.severity == {"rule-a": "warning"}
    assert (config.lang, config.format, config.fail_on) == ("ru", "sarif", "never")
    (waiver,) = config.suppressions
    assert (waiver.rule, waiver.amendment, waiver.file) == ("rule-a", "1.2.3", "drafts/*.txt")
    assert waiver.location.endswith(".lawcheck.yaml:9")


def test_empty_yaml_config_is_valid(tmp_path: Path) -> None:
    write(tmp_path / ".lawcheck.yaml", "# nothing yet\n")
    assert load_config(cwd=tmp_path).suppressions == ()


# --- YAML errors, each with its line ------------------------------------------------------------

YAML_ERRORS = {
    "unknown key": ("fail_on: error\ncolour: true\n", 2),
    "wrong type": ("fail_on: error\ndisable: rule-a\n", 2),
    "bad severity value": ("severity:\n  rule-a: warning\n  rule-b: fatal\n", 3),
    "bad fail_on": ("lang: kk\n\nfail_on: sometimes\n", 3),
    "bad format": ("format: pdf\n", 1),
    "bad lang": ("lang: de\n", 1),
    "yes read as boolean": ("lang: no\n", 1),
    "unquoted amendment id": (f"suppressions:\n  - rule: a\n    amendment: 1.2\n    reason: {GOOD_REASON}\n", 3),
    "suppression without reason": ("suppressions:\n  - rule: rule-a\n    file: drafts/x.txt\n", 2),
    "suppression with reason ok": ("suppressions:\n  - rule: rule-a\n    reason: ok\n", 3),
    "suppression with reason todo": (f"suppressions:\n  - rule: a\n    reason: {GOOD_REASON}\n"
                                     "  - rule: b\n    reason: TODO\n", 5),
    "suppression with reason dash": ("suppressions:\n  - {rule: rule-a, reason: '-'}\n", 2),
    "suppression with empty reason": ("suppressions:\n  - rule: rule-a\n    reason: '   '\n", 3),
    "suppression without rule": (f"suppressions:\n  - amendment: '1.1'\n    reason: {GOOD_REASON}\n", 2),
    "unknown key in suppression": (f"suppressions:\n  - rule: a\n    reson: x\n    reason: {GOOD_REASON}\n", 3),
    "duplicate key": ("fail_on: error\nlang: kk\nfail_on: warning\n", 3),
    "syntax error": ("lang: kk\ndisable: rule-a: rule-b\n", 2),
    "not a mapping": ("- rule-a\n- rule-b\n", 1),
    "missing rule folder": ("lang: kk\nrules:\n  - ./no-such-folder\n", 3),
}


@pytest.mark.parametrize("name", sorted(YAML_ERRORS))
def test_yaml_config_error_names_file_and_line(tmp_path: Path, name: str) -> None:
    text, line = YAML_ERRORS[name]
    (tmp_path / ".lawcheck.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(cwd=tmp_path)
    assert caught.value.location == f".lawcheck.yaml:{line}"


@pytest.mark.parametrize(("key", "line"), [("enable", 3), ("disable", 5), ("severity", 7), ("suppressions", 9)])
def test_unknown_rule_ids_name_their_line(tmp_path: Path, key: str, line: int) -> None:
    bad = {key: "no-such-rule"}
    write(tmp_path / ".lawcheck.yaml", f"""
        enable:
          - rule-a
          - {bad.get("enable", "rule-b")}
        disable:
          - {bad.get("disable", "rule-b")}
        severity:
          {bad.get("severity", "rule-a")}: warning
        suppressions:
          - rule: {bad.get("suppressions", "rule-a")}
            reason: "{GOOD_REASON}"
    """)
    config = load_config(cwd=tmp_path)
    with pytest.raises(ConfigError) as caught:
        config.check_rule_ids({"rule-a", "rule-b"})
    assert caught.value.location == f".lawcheck.yaml:{line}"


def test_known_rule_ids_pass(tmp_path: Path) -> None:
    write(tmp_path / ".lawcheck.yaml", "enable: [rule-a]\nseverity: {rule-b: info}\n")
    config = load_config(cwd=tmp_path)
    config.check_rule_ids({"rule-a", "rule-b"})
    with pytest.raises(ConfigError):
        config.check_rule_ids({"rule-a"})


# --- TOML --------------------------------------------------------------------------------------

PYPROJECT = """\
[project]
name = "drafting-repo"

[tool.lawcheck]
fail_on = "warning"
disable = ["rule-b"]
{extra_top}
[tool.lawcheck.severity]
rule-a = "{severity}"

[[tool.lawcheck.suppressions]]
rule = "rule-a"
reason = "{GOOD_REASON}"

[[tool.lawcheck.suppressions]]
rule = "rule-b"
amendment = "2.1.4"
reason = "{second_reason}"
"""


def pyproject(tmp_path: Path, extra_top: str = "", severity: str = "warning",
              second_reason: str = GOOD_REASON) -> None:
    text = PYPROJECT.format(extra_top=extra_top, severity=severity, second_reason=second_reason,
                            GOOD_REASON=GOOD_REASON)
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")


def test_pyproject_config_is_read(tmp_path: Path) -> None:
    pyproject(tmp_path)
    config = load_config(cwd=tmp_path)
    assert config.fail_on == "warning"
    assert config.severity == {"rule-a": "warning"}
    assert [s.amendment for s in config.suppressions] == [None, "2.1.4"]
    assert config.suppressions[1].location == "pyproject.toml:15"


@pytest.mark.parametrize(("kwargs", "line"), [
    ({"extra_top": "colour = true"}, 7),
    ({"severity": "fatal"}, 9),
    ({"second_reason": "todo"}, 18),
])
def test_pyproject_errors_name_the_line(tmp_path: Path, kwargs: dict[str, str], line: int) -> None:
    pyproject(tmp_path, **kwargs)
    with pytest.raises(ConfigError) as caught:
        load_config(cwd=tmp_path)
    assert caught.value.location == f"pyproject.toml:{line}"


def test_pyproject_syntax_error_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.lawcheck]\nfail_on = "error"\nlang = \n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(cwd=tmp_path)
    assert caught.value.location == "pyproject.toml:3"


def test_explicit_pyproject_without_table_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config("pyproject.toml", cwd=tmp_path)


def test_config_formats_are_the_reporters_formats() -> None:
    from checker.gate.config import FORMATS
    from checker.report import FORMATS as REPORT_FORMATS

    assert FORMATS == REPORT_FORMATS
