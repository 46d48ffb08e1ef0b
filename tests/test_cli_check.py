"""The check command as a CI gate, end to end: real reader, parser, engine and reporters, with
three small test rules (tests/fixtures/gate/rules) of severity error, warning and info."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from checker import run as run_module
from checker.cli import main
from checker.cli.check import show_progress

ROOT = Path(__file__).resolve().parents[1]
GATE_RULES = ROOT / "tests" / "fixtures" / "gate" / "rules"
RULES = ["--no-builtin-rules", "--rules", str(GATE_RULES)]

ERROR_RULE = "gate-cassation-narrowed"
WARNING_RULE = "gate-prosecutor-sanction"
INFO_RULE = "gate-notice-wording"

ITEMS = {
    "error": '484-баптың екінші бөлігі мынадай редакцияда жазылсын:\n'
             '"2. Кассациялық шағым тек ауыр қылмыстар бойынша беріледі.";',
    "warning": '485-баптың бірінші бөлігіндегі "бір ай" деген сөздер '
               '"прокурордың санкциясымен он күн" деген сөздермен ауыстырылсын;',
    "info": '486-баптың үшінші бөлігі мынадай редакцияда жазылсын:\n'
            '"3. Сотталған адамға хабарлама жіберіледі.";',
    "clean": '487-баптың төртінші бөлігі мынадай редакцияда жазылсын:\n'
             '"4. Істі қарау мерзімі бір айдан аспайды.";',
    "other-clean": '12-баптың бірінші бөлігіндегі "тиіс" деген сөз "міндетті" деген сөзбен ауыстырылсын;',
}


def bill(*kinds: str, preamble: int = 0) -> str:
    """A Kazakh amending bill with one numbered instruction per kind, in order."""
    lines = ["Жоба"] * preamble + [
        "Қазақстан Республикасының кейбір заңнамалық актілеріне қылмыстық процесс мәселелері "
        "бойынша өзгерістер мен толықтырулар енгізу туралы",
        "",
        "1-бап. Қазақстан Республикасының мына заңнамалық актілеріне өзгерістер енгізілсін:",
        "1. 2014 жылғы 4 шілдедегі Қазақстан Республикасының Қылмыстық-процестік кодексіне:",
    ]
    for number, kind in enumerate(kinds, start=1):
        item = ITEMS[kind]
        if number == len(kinds):
            item = item[:-1] + "."
        lines.append(f"{number}) {item}")
    lines += ["", "2-бап. Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң "
                  "қолданысқа енгізіледі."]
    return "\n".join(lines) + "\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    base_env = {"GITHUB_ACTIONS": "", "NO_COLOR": "1"}
    return CliRunner().invoke(main, list(args), env={**base_env, **(env or {})}, catch_exceptions=False)


def check_json(*args: str, env: dict[str, str] | None = None) -> tuple[int, dict[str, Any], str]:
    result = invoke("check", *RULES, "--format", "json", *args, env=env)
    data = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.exit_code, data, result.stderr


def findings(data: dict[str, Any]) -> list[tuple[str, str, str, int]]:
    return [(file["path"], f["rule"], f["amendment"], f["line"])
            for file in data["files"] for f in file["findings"]]


@pytest.fixture(autouse=True)
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def assert_one_line_error(result: Result, where: str) -> None:
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert "Traceback" not in result.output
    assert any(where in line and line.startswith("lawcheck: error:") for line in lines), result.stderr


# --- exit codes --------------------------------------------------------------------------------

# Expected exit code for a draft whose only finding has the given severity, for each --fail-on.
GATE = {
    ("error", "error"): 1, ("error", "warning"): 1, ("error", "info"): 1, ("error", "never"): 0,
    ("warning", "error"): 0, ("warning", "warning"): 1, ("warning", "info"): 1, ("warning", "never"): 0,
    ("info", "error"): 0, ("info", "warning"): 0, ("info", "info"): 1, ("info", "never"): 0,
    ("clean", "error"): 0, ("clean", "warning"): 0, ("clean", "info"): 0, ("clean", "never"): 0,
}


@pytest.mark.parametrize(("kind", "fail_on"), sorted(GATE))
def test_exit_code_for_each_fail_on_level(repo: Path, kind: str, fail_on: str) -> None:
    write(repo / "draft.txt", bill("other-clean", kind))
    code, data, _ = check_json("draft.txt", "--fail-on", fail_on)
    assert code == GATE[(kind, fail_on)]
    expected_rule = {"error": ERROR_RULE, "warning": WARNING_RULE, "info": INFO_RULE}.get(kind)
    assert [f[1] for f in findings(data)] == ([expected_rule] if expected_rule else [])


def test_default_fail_on_is_error(repo: Path) -> None:
    write(repo / "warn.txt", bill("warning"))
    write(repo / "err.txt", bill("error"))
    assert check_json("warn.txt")[0] == 0
    assert check_json("err.txt")[0] == 1


def test_findings_carry_line_amendment_and_fingerprint(repo: Path) -> None:
    write(repo / "draft.txt", bill("clean", "error", "warning", "info"))
    code, data, _ = check_json("draft.txt", "--fail-on", "never")
    assert code == 0
    assert findings(data) == [
        ("draft.txt", ERROR_RULE, "1.1.2", 7),
        ("draft.txt", WARNING_RULE, "1.1.3", 9),
        ("draft.txt", INFO_RULE, "1.1.4", 10),
    ]
    prints = [f["fingerprint"] for f in data["files"][0]["findings"]]
    assert all(len(p) == 32 for p in prints) and len(set(prints)) == 3


def test_bare_lawcheck_path_is_the_check_command(repo: Path) -> None:
    write(repo / "draft.txt", bill("error"))
    routed = CliRunner().invoke(main, [*RULES, "--format", "json", "draft.txt"], env={"GITHUB_ACTIONS": ""})
    explicit = invoke("check", *RULES, "--format", "json", "draft.txt")
    assert routed.exit_code == explicit.exit_code == 1
    assert routed.stdout == explicit.stdout


# --- exit 2: one line naming the file ----------------------------------------------------------

def test_missing_path_is_exit_2(repo: Path) -> None:
    result = invoke("check", *RULES, "no-such-draft.txt")
    assert_one_line_error(result, "no-such-draft.txt")


def test_unreadable_draft_among_many_reports_the_others_and_exits_2(repo: Path) -> None:
    write(repo / "drafts" / "a-good.txt", bill("error"))
    (repo / "drafts" / "b-broken.docx").write_bytes(b"PK\x03\x04 this is not a real docx")
    write(repo / "drafts" / "c-good.txt", bill("info"))
    result = invoke("check", *RULES, "--format", "json", "drafts")
    assert_one_line_error(result, "drafts/b-broken.docx")
    data = json.loads(result.stdout)
    assert [f["path"] for f in data["files"]] == ["drafts/a-good.txt", "drafts/c-good.txt"]
    in_actions = invoke("check", *RULES, "drafts", env={"GITHUB_ACTIONS": "true"})
    assert in_actions.exit_code == 2
    assert any(line.startswith("::error title=") and "drafts/b-broken.docx" in line
               for line in in_actions.stdout.splitlines())


def test_invalid_rule_file_is_exit_2_with_its_line(repo: Path) -> None:
    write(repo / "draft.txt", bill("error"))
    bad = (GATE_RULES / f"{INFO_RULE}.yaml").read_text(encoding="utf-8").replace("severity: info", "severity: fatal")
    write(repo / "my-rules" / f"{INFO_RULE}.yaml", bad)
    line = bad.splitlines().index("severity: fatal") + 1
    result = invoke("check", "--no-builtin-rules", "--rules", "my-rules", "draft.txt")
    assert_one_line_error(result, f"{INFO_RULE}.yaml:{line}")


def test_empty_folder_is_exit_2(repo: Path) -> None:
    (repo / "drafts").mkdir()
    write(repo / "drafts" / "notes.md", "# notes\n")
    assert_one_line_error(invoke("check", *RULES, "drafts"), "no .txt or .docx drafts")


def test_bug_in_one_file_is_an_internal_error_not_a_traceback(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(repo / "a.txt", bill("error"))
    write(repo / "b.txt", bill("error"))
    real_parse = run_module.parse

    def flaky(document: Any) -> Any:
        if document.path.endswith("b.txt"):
            raise RuntimeError("simulated bug")
        return real_parse(document)

    monkeypatch.setattr(run_module, "parse", flaky)
    result = invoke("check", *RULES, "--format", "json", "--jobs", "1", "a.txt", "b.txt")
    assert_one_line_error(result, "internal error while checking b.txt")
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["a.txt"]


# --- config ------------------------------------------------------------------------------------

def test_config_is_found_from_a_subfolder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(repo / ".lawcheck.yaml", f"rules: [{GATE_RULES}]\nfail_on: warning\n")
    write(repo / "drafts" / "warn.txt", bill("warning"))
    monkeypatch.chdir(repo / "drafts")
    result = invoke("check", "--no-builtin-rules", "--format", "json", "warn.txt")
    assert result.exit_code == 1  # fail_on: warning from the parent folder's config
    assert json.loads(result.stdout)["files"][0]["path"] == "warn.txt"


def test_flags_override_the_config(repo: Path) -> None:
    write(repo / ".lawcheck.yaml", "fail_on: warning\nformat: sarif\n")
    write(repo / "warn.txt", bill("warning"))
    code, data, _ = check_json("warn.txt", "--fail-on", "error")
    assert code == 0
    assert "files" in data  # --format json beat format: sarif


def test_config_format_beats_github_auto_detection(repo: Path) -> None:
    write(repo / ".lawcheck.yaml", "format: json\n")
    write(repo / "err.txt", bill("error"))
    result = invoke("check", *RULES, "err.txt", env={"GITHUB_ACTIONS": "true"})
    assert json.loads(result.stdout)["files"][0]["findings"][0]["rule"] == ERROR_RULE


def test_github_format_is_automatic_in_github_actions(repo: Path) -> None:
    write(repo / "err.txt", bill("error"))
    result = invoke("check", *RULES, "err.txt", env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    assert any(line.startswith("::error file=err.txt,line=5") for line in result.stdout.splitlines())
    plain = invoke("check", *RULES, "err.txt")
    assert "::error" not in plain.stdout


@pytest.mark.parametrize(("config", "line"), [
    ("fail_on: error\nfail-on: warning\n", 2),
    ("disable:\n  - gate-notice-wording\n  - gate-no-such-rule\n", 3),
    ("severity:\n  gate-notice-wording: critical\n", 2),
])
def test_config_errors_are_exit_2_with_their_line(repo: Path, config: str, line: int) -> None:
    write(repo / ".lawcheck.yaml", config)
    write(repo / "draft.txt", bill("error"))
    assert_one_line_error(invoke("check", *RULES, "draft.txt"), f".lawcheck.yaml:{line}")


def test_disable_and_severity_from_config(repo: Path) -> None:
    write(repo / ".lawcheck.yaml", textwrap.dedent(f"""\
        disable: [{INFO_RULE}]
        severity: {{{ERROR_RULE}: warning}}
    """))
    write(repo / "draft.txt", bill("error", "info"))
    code, data, _ = check_json("draft.txt")
    assert code == 0  # the error rule is now a warning, the info rule is off
    assert [(f["rule"], f["severity"]) for f in data["files"][0]["findings"]] == [(ERROR_RULE, "warning")]


# --- suppressions ------------------------------------------------------------------------------

REASON = "Жұмыс тобы келісті: бап 2026 жылғы жаңа Конституцияға сәйкес қайта қаралады"


def test_suppression_without_reason_is_exit_2(repo: Path) -> None:
    write(repo / ".lawcheck.yaml", f"suppressions:\n  - rule: {ERROR_RULE}\n    amendment: '1.1.1'\n")
    write(repo / "draft.txt", bill("error"))
    assert_one_line_error(invoke("check", *RULES, "draft.txt"), ".lawcheck.yaml:2")


def test_suppressed_finding_stays_in_json_with_reason_and_does_not_fail(repo: Path) -> None:
    write(repo / ".lawcheck.yaml", textwrap.dedent(f"""\
        suppressions:
          - rule: {ERROR_RULE}
            amendment: "1.1.1"
            file: "drafts/*.txt"
            reason: "{REASON}"
    """))
    write(repo / "drafts" / "draft.txt", bill("error", "info"))
    code, data, stderr = check_json("drafts")
    assert code == 0
    (error, info) = data["files"][0]["findings"]
    assert (error["rule"], error["suppressed"]["reason"]) == (ERROR_RULE, REASON)
    assert "suppressed" not in info
    assert "stale" not in stderr


def test_suppression_does_not_cover_other_findings(repo: Path) -> None:
    write(repo / ".lawcheck.yaml", textwrap.dedent(f"""\
        suppressions:
          - rule: {ERROR_RULE}
            amendment: "1.1.2"
            reason: "{REASON}"
    """))
    write(repo / "draft.txt", bill("error", "error"))  # two amendments, only 1.1.2 waived
    code, data, _ = check_json("draft.txt")
    assert code == 1
    assert ["suppressed" in f for f in data["files"][0]["findings"]] == [False, True]


def test_stale_suppression_is_a_warning_on_stderr(repo: Path) -> None:
    write(repo / ".lawcheck.yaml", textwrap.dedent(f"""\
        fail_on: never
        suppressions:
          - rule: {WARNING_RULE}
            reason: "{REASON}"
    """))
    write(repo / "draft.txt", bill("error"))
    result = invoke("check", *RULES, "draft.txt")
    assert result.exit_code == 0
    assert any("warning: .lawcheck.yaml:3" in line and WARNING_RULE in line for line in result.stderr.splitlines())
    assert "stale" not in invoke("check", *RULES, "--quiet", "draft.txt").stderr


# --- baseline ----------------------------------------------------------------------------------

def test_baseline_create_then_check_passes(repo: Path) -> None:
    write(repo / "drafts" / "kpk.txt", bill("error", "warning"))
    created = invoke("baseline", "create", *RULES, "drafts")
    assert created.exit_code == 0
    document = json.loads((repo / "lawcheck-baseline.json").read_text(encoding="utf-8"))
    assert [(e["path"], e["rule"]) for e in document["entries"]] == [
        ("drafts/kpk.txt", ERROR_RULE), ("drafts/kpk.txt", WARNING_RULE)]
    code, data, _ = check_json("drafts", "--baseline", "lawcheck-baseline.json", "--fail-on", "info")
    assert code == 0
    assert all(f["baseline"] is True for f in data["files"][0]["findings"])
    assert check_json("drafts")[0] == 1  # without the baseline the gate still fails


def test_renumbered_draft_stays_baselined_and_new_finding_fails(repo: Path) -> None:
    write(repo / "kpk.txt", bill("error", "warning"))
    assert invoke("baseline", "create", *RULES, "kpk.txt", "-o", "ci/baseline.json").exit_code == 0
    before = check_json("kpk.txt")[1]

    # Lines inserted at the top, a new clean item 1) pushes the others to 2) and 3).
    write(repo / "kpk.txt", bill("clean", "error", "warning", preamble=3))
    code, after, _ = check_json("kpk.txt", "--baseline", "ci/baseline.json", "--fail-on", "info")
    assert code == 0
    assert [(f["amendment"], f["line"]) for f in after["files"][0]["findings"]] == [("1.1.2", 10), ("1.1.3", 12)]
    assert ([f["fingerprint"] for f in after["files"][0]["findings"]]
            == [f["fingerprint"] for f in before["files"][0]["findings"]])

    # The offending words change: a new fingerprint, a new finding, the gate fails.
    changed = bill("clean", "error", "warning", preamble=3).replace("тек ауыр қылмыстар", "тек аса ауыр қылмыстар")
    write(repo / "kpk.txt", changed)
    code, data, _ = check_json("kpk.txt", "--baseline", "ci/baseline.json")
    assert code == 1
    assert [(f["rule"], f.get("baseline", False)) for f in data["files"][0]["findings"]] == [
        (ERROR_RULE, False), (WARNING_RULE, True)]


def test_baseline_path_from_config(repo: Path) -> None:
    write(repo / ".lawcheck.yaml", "baseline: ci/lawcheck-baseline.json\n")
    write(repo / "kpk.txt", bill("error"))
    assert invoke("baseline", "create", *RULES, "kpk.txt").exit_code == 0
    assert (repo / "ci" / "lawcheck-baseline.json").is_file()
    assert check_json("kpk.txt")[0] == 0


@pytest.mark.parametrize("content", ["{broken", '{"version": 1, "entries": "none"}'])
def test_invalid_baseline_is_exit_2(repo: Path, content: str) -> None:
    write(repo / "kpk.txt", bill("error"))
    write(repo / "baseline.json", content)
    assert_one_line_error(invoke("check", *RULES, "kpk.txt", "--baseline", "baseline.json"), "baseline.json")


def test_baseline_is_not_written_when_a_draft_cannot_be_read(repo: Path) -> None:
    write(repo / "a.txt", bill("error"))
    (repo / "b.docx").write_bytes(b"not a zip at all")
    result = invoke("baseline", "create", *RULES, "a.txt", "b.docx")
    assert_one_line_error(result, "b.docx")
    assert not (repo / "lawcheck-baseline.json").exists()


# --- many files --------------------------------------------------------------------------------

def test_folder_and_glob_collection_order(repo: Path) -> None:
    write(repo / "drafts" / "b" / "z.txt", bill("error"))
    write(repo / "drafts" / "a.txt", bill("error"))
    write(repo / "drafts" / ".cache" / "copy.txt", bill("error"))
    write(repo / "drafts" / "b" / "~$lock.docx", "x")
    write(repo / "other" / "m.txt", bill("info"))
    write(repo / "other" / "skip.txt", bill("info"))
    code, data, _ = check_json("other/m*.txt", "drafts", "--exclude", "drafts/b/z.txt", "--fail-on", "never")
    assert code == 0
    assert [f["path"] for f in data["files"]] == ["drafts/a.txt", "other/m.txt"]
    _, only, _ = check_json("drafts", "other", "--include", "drafts/b/**", "--fail-on", "never")
    assert [f["path"] for f in only["files"]] == ["drafts/b/z.txt"]


@pytest.mark.parametrize(("files", "terminal", "flags", "expected"), [
    (4, True, {}, True),
    (3, True, {}, False),
    (10, False, {}, False),
    (10, True, {"quiet": True}, False),
    (10, True, {"no_progress": True}, False),
])
def test_progress_bar_only_for_a_person_waiting(files: int, terminal: bool, flags: dict[str, bool],
                                                 expected: bool) -> None:
    opts = {"quiet": False, "no_progress": False, **flags}
    assert show_progress(opts, files, terminal) is expected


def test_parallel_output_equals_serial_output(repo: Path) -> None:
    kinds = [("error", "info"), ("warning",), ("clean",), ("info", "error"), ("error", "warning", "info")]
    for index, combo in enumerate(kinds):
        write(repo / "drafts" / f"{5 - index:02d}.txt", bill(*combo))
    serial = invoke("check", *RULES, "--format", "json", "--jobs", "1", "drafts")
    parallel = invoke("check", *RULES, "--format", "json", "--jobs", "2", "drafts")
    assert serial.exit_code == parallel.exit_code == 1
    assert serial.stdout == parallel.stdout
    assert [f["path"] for f in json.loads(serial.stdout)["files"]] == [f"drafts/{n:02d}.txt" for n in range(1, 6)]


def test_output_file_and_plain_text(repo: Path) -> None:
    write(repo / "err.txt", bill("error"))
    result = invoke("check", *RULES, "err.txt", "--output", "reports/lawcheck.txt")
    assert result.exit_code == 1
    assert result.stdout == ""
    text = (repo / "reports" / "lawcheck.txt").read_text(encoding="utf-8")
    assert ERROR_RULE in text and "\x1b[" not in text


def test_lang_option_sets_the_message_language(repo: Path) -> None:
    write(repo / "err.txt", bill("error"))
    _, kk, _ = check_json("err.txt")
    _, ru, _ = check_json("err.txt", "--lang", "ru")
    assert kk["files"][0]["findings"][0]["resolutions"][0]["label"] == "№ 21-НҚ"
    assert ru["files"][0]["findings"][0]["resolutions"][0]["label"] == "№ 21-НП"


# --- integrations ------------------------------------------------------------------------------

def test_pre_commit_hook_definition() -> None:
    import re

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "lawcheck"]
    assert hook["language"] == "python"
    assert hook["entry"].split()[0] == "lawcheck"
    files = re.compile(hook["files"])
    assert files.search("drafts/2025/kpk.txt") and files.search("drafts/Жоба.DOCX")
    assert not files.search("README.md") and not files.search("drafts/txt/notes.md")
    assert not files.search("drafts/~$kpk.docx")


def test_github_action_uses_its_inputs() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    inputs = set(action["inputs"])
    assert {"paths", "format", "fail-on", "args", "python-version"} <= inputs
    steps_text = yaml.safe_dump(action["runs"]["steps"], allow_unicode=True)
    for name in inputs:
        assert f"inputs.{name}" in steps_text, name
    assert "github.action_path" in steps_text  # installs lawcheck from the action's own checkout
    assert all("shell" in step for step in action["runs"]["steps"] if "run" in step)


def test_example_drafting_repo_passes_its_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    # Uses the shipped rule base: if a rule change breaks this, refresh the example's baseline.
    monkeypatch.chdir(ROOT / "examples" / "drafting-repo")
    result = invoke("check", "--format", "json", "drafts")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [f["path"] for f in data["files"]] == ["drafts/2025-cassation-kk.txt", "drafts/2026-housing-ru.txt"]
    marks = [("suppressed" in f, f.get("baseline", False)) for file in data["files"] for f in file["findings"]]
    assert sorted(marks) == [(False, True), (False, True), (True, False)]
    assert "stale" not in result.stderr


@pytest.mark.parametrize(("jobs", "files", "expected"), [
    (1, 100, 1), (5, 2, 2), (2, 9, 2), (0, 100, "cores"), (0, 1, 1), (None, 1, 1),
])
def test_number_of_worker_processes(jobs: int | None, files: int, expected: int | str) -> None:
    from checker.run import available_cpus, effective_workers

    cores = available_cpus()  # -j never asks for more processes than the CPUs we may use
    assert effective_workers(jobs, files) == (min(cores, files) if expected == "cores"
                                              else min(expected, cores))


def test_usable_cpus_respect_affinity_and_the_container_quota(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from checker import run as run_mod

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    real_read = Path.read_text
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: "150000 100000\n"
                        if str(self) == "/sys/fs/cgroup/cpu.max" else real_read(self, *a, **k))
    assert run_mod.available_cpus() == 2  # 1.5 CPUs of quota: two processes can use it
    monkeypatch.setattr(os, "getloadavg", lambda: (3.0, 3.0, 3.0), raising=False)
    assert run_mod.idle_cpus() == 1  # two other busy processes leave this run one CPU


def _timed_jobs(monkeypatch: pytest.MonkeyPatch, seconds: float, count: int, idle: int) -> list[int]:
    """Run the automatic scheduler over `count` fake drafts of `seconds` each; the pool sizes used."""
    from checker import run as run_mod

    clock = [0.0]
    monkeypatch.setattr(run_mod.time, "perf_counter", lambda: clock[0])
    monkeypatch.setattr(run_mod, "idle_cpus", lambda: idle)

    def fake_outcome(job, ruleset, lang):
        clock[0] += seconds
        return run_mod.Outcome(job)

    pools: list[int] = []
    monkeypatch.setattr(run_mod, "_outcome", fake_outcome)
    monkeypatch.setattr(run_mod, "_run_pool", lambda jobs, spec, ruleset, lang, workers, advance, on_start:
                        pools.append(workers) or [run_mod.Outcome(job) for job in jobs])
    jobs = [run_mod.FileJob(Path(f"{i}.txt"), f"{i}.txt", f"{i}.txt") for i in range(count)]
    outcomes = run_mod.run_checks(jobs, run_mod.RuleSpec(), None, None, workers=None)
    assert [o.job for o in outcomes] == jobs  # every draft once, in order
    return pools


def test_automatic_jobs_stay_serial_when_workers_cannot_pay(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("workers are forked warm only on Linux")
    assert _timed_jobs(monkeypatch, 0.05, 20, idle=2) == []  # 1 s of work: a pool saves too little
    assert _timed_jobs(monkeypatch, 0.2, 200, idle=1) == []  # a busy machine: no CPU to spare
    assert _timed_jobs(monkeypatch, 0.2, 200, idle=4) == [4]  # 40 s of work, 4 idle CPUs
