"""Suppressions: a written reason, narrowing by amendment and file, stale detection."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.model import FileReport, Finding, ParseResult
from checker.gate.suppress import Suppression, apply_suppressions, reason_problem

REASON = "Жұмыс тобы келісті: норма 2026 жылы қайта қаралады"


def finding(rule: str, amendment: str, line: int, path: str = "drafts/a.txt") -> Finding:
    return Finding(rule=rule, severity="error", path=path, line=line, end_line=line, col=0,
                   amendment=amendment, message="m", resolutions=(), constitution=(),
                   evidence="e", suggestion="")


def report(path: str, *findings: Finding) -> FileReport:
    result = ParseResult(path=path, language="kk", title=None, amendments=(), unparsed=())
    return FileReport(path=path, language="kk", result=result, findings=findings)


def waiver(tmp_path: Path, rule: str, amendment: str | None = None, file: str | None = None,
           reason: str = REASON, line: int = 1) -> Suppression:
    return Suppression(rule=rule, reason=reason, base=tmp_path, location=f".lawcheck.yaml:{line}",
                       amendment=amendment, file=file)


# --- reasons -----------------------------------------------------------------------------------

@pytest.mark.parametrize("reason", ["", "   ", "ok", "OK", "todo", "-", "n/a", "fix later",
                                    "ok ok ok", "todo todo todo", "123 456 789", "жоқ", "потом"])
def test_placeholder_reasons_are_rejected(reason: str) -> None:
    assert reason_problem(reason) is not None


@pytest.mark.parametrize("reason", [
    REASON,
    "Позиция учтена в заключении рабочей группы от 12 мая",
    "Accepted by the working group: the wording follows the 2024 resolution",
])
def test_written_reasons_are_accepted(reason: str) -> None:
    assert reason_problem(reason) is None


@settings(max_examples=60)
@given(st.lists(st.sampled_from(["ok", "todo", "-", "42", "?", "tbd"]), max_size=8)
       .map(" ".join) | st.text(alphabet="абвгд ", max_size=6))
def test_reasons_without_three_real_words_are_rejected(reason: str) -> None:
    assert reason_problem(reason) is not None


# --- applying ----------------------------------------------------------------------------------

def test_rule_wide_suppression_marks_every_finding_of_the_rule(tmp_path: Path) -> None:
    reports = [report("drafts/a.txt", finding("rule-a", "1.1.1", 5), finding("rule-b", "1.1.2", 9))]
    marked, stale = apply_suppressions(reports, [waiver(tmp_path, "rule-a")], cwd=tmp_path)
    assert [f.suppressed for f in marked[0].findings] == [REASON, None]
    assert stale == []


def test_suppressed_findings_are_kept_not_dropped(tmp_path: Path) -> None:
    reports = [report("drafts/a.txt", finding("rule-a", "1.1.1", 5), finding("rule-a", "1.1.2", 9))]
    marked, _ = apply_suppressions(reports, [waiver(tmp_path, "rule-a")], cwd=tmp_path)
    assert [(f.rule, f.amendment) for f in marked[0].findings] == [("rule-a", "1.1.1"), ("rule-a", "1.1.2")]


def test_amendment_narrows_the_suppression(tmp_path: Path) -> None:
    reports = [report("drafts/a.txt", finding("rule-a", "1.1.1", 5), finding("rule-a", "1.2.3", 9))]
    marked, _ = apply_suppressions(reports, [waiver(tmp_path, "rule-a", amendment="1.2.3")], cwd=tmp_path)
    assert [f.suppressed is not None for f in marked[0].findings] == [False, True]


def test_file_glob_narrows_the_suppression(tmp_path: Path) -> None:
    reports = [
        report("drafts/2025/kpk.txt", finding("rule-a", "1.1", 3, "drafts/2025/kpk.txt")),
        report("drafts/2026/kpk.txt", finding("rule-a", "1.1", 3, "drafts/2026/kpk.txt")),
    ]
    marked, stale = apply_suppressions(reports, [waiver(tmp_path, "rule-a", file="drafts/2025/*")],
                                       cwd=tmp_path)
    assert [r.findings[0].suppressed is not None for r in marked] == [True, False]
    assert stale == []


def test_file_glob_is_relative_to_the_config_folder(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    reports = [report("kpk.txt", finding("rule-a", "1.1", 3, "kpk.txt"))]
    # Run from tmp_path/sub: the report path is relative to it, the glob to the config folder.
    marked, _ = apply_suppressions(reports, [waiver(tmp_path, "rule-a", file="sub/kpk.txt")],
                                   cwd=tmp_path / "sub")
    assert marked[0].findings[0].suppressed == REASON


def test_first_covering_suppression_gives_the_reason_and_none_is_stale(tmp_path: Path) -> None:
    other = "Second reason: the court position was reconsidered later"
    reports = [report("drafts/a.txt", finding("rule-a", "1.1", 3))]
    waivers = [waiver(tmp_path, "rule-a", amendment="1.1"), waiver(tmp_path, "rule-a", reason=other, line=9)]
    marked, stale = apply_suppressions(reports, waivers, cwd=tmp_path)
    assert marked[0].findings[0].suppressed == REASON
    assert stale == []


def test_suppression_that_matches_nothing_is_stale(tmp_path: Path) -> None:
    reports = [report("drafts/a.txt", finding("rule-a", "1.1", 3))]
    waivers = [waiver(tmp_path, "rule-a", amendment="9.9", line=4), waiver(tmp_path, "rule-b", line=7)]
    _, stale = apply_suppressions(reports, waivers, cwd=tmp_path)
    assert [w.location for w in stale] == [".lawcheck.yaml:4", ".lawcheck.yaml:7"]


def test_suppression_for_a_file_not_checked_is_not_stale(tmp_path: Path) -> None:
    # pre-commit passes only the changed drafts: waivers for the others must stay quiet.
    reports = [report("drafts/a.txt", finding("rule-a", "1.1", 3))]
    _, stale = apply_suppressions(reports, [waiver(tmp_path, "rule-b", file="drafts/b.txt")], cwd=tmp_path)
    assert stale == []
