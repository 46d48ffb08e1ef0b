"""The JSON reporter keeps the DESIGN.md `check` contract and adds only the documented fields."""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.report import render
from tests.test_report_common import (
    RULE_CASSATION,
    RULE_COUNSEL,
    RULE_PROSECUTOR,
    clean_report,
    kk_report,
    rule_metas,
)

# Field names and order as DESIGN.md writes them; extensions follow.
FILE_KEYS = ["path", "language", "amendments", "unparsed", "findings"]
FILE_EXTENSIONS = ["not_understood", "looks_like_bill"]
FINDING_KEYS = ["rule", "severity", "line", "end_line", "amendment", "message", "resolutions",
                "constitution", "evidence", "suggestion"]
FINDING_EXTENSIONS = ["col", "title", "fingerprint"]
SUMMARY_KEYS = ["files", "amendments", "findings", "unparsed", "suppressed", "baseline", "by_severity",
                "not_understood", "complete"]


def as_json(reports=None, lang: str = "kk") -> tuple[str, dict]:
    reports = [kk_report(), clean_report()] if reports is None else reports
    out = render("json", reports, lang=lang, rules=rule_metas(), tool_version="0.1.0")
    return out, json.loads(out)


def test_top_level_is_tool_warnings_files_and_summary_only() -> None:
    _, data = as_json()
    assert list(data) == ["tool", "warnings", "files", "summary"]
    assert data["tool"] == {"name": "lawcheck", "version": "0.1.0"}
    assert data["warnings"] == []
    assert [f["path"] for f in data["files"]] == ["drafts/kpk-2025.txt", "drafts/clean.txt"]


def test_file_and_finding_fields_follow_the_contract_order() -> None:
    _, data = as_json()
    first = data["files"][0]
    assert list(first) == FILE_KEYS + FILE_EXTENSIONS
    assert first["amendments"] == 3
    assert first["unparsed"] == [{"line": 16, "end_line": 16, "text": "4) 490-бапта бірдеңе өзгертілсін;",
                                  "reason": "no operation verb", "instruction": False}]
    assert (first["not_understood"], first["looks_like_bill"]) == (0, True)
    for finding in first["findings"]:
        keys = list(finding)
        assert keys[: len(FINDING_KEYS)] == FINDING_KEYS
        assert keys[len(FINDING_KEYS): len(FINDING_KEYS) + 3] == FINDING_EXTENSIONS
        assert set(keys[len(FINDING_KEYS) + 3:]) <= {"suppressed", "baseline"}


def test_findings_sorted_by_position_with_marks_for_set_aside_ones() -> None:
    _, data = as_json()
    findings = data["files"][0]["findings"]
    assert [(f["rule"], f["line"], f["end_line"]) for f in findings] == [
        (RULE_CASSATION, 5, 6), (RULE_PROSECUTOR, 7, 7), (RULE_COUNSEL, 8, 15), (RULE_COUNSEL, 8, 15)]
    by_print = {f["fingerprint"]: f for f in findings}
    reason = kk_report().findings[2].suppressed
    assert by_print["court-not-prosecutor:1.1.2"]["suppressed"] == {"reason": reason}
    assert "baseline" not in by_print["court-not-prosecutor:1.1.2"]
    assert by_print["defence-counsel-not-mandatory:1.1.3"]["baseline"] is True
    assert "suppressed" not in by_print["counsel-active"] and "baseline" not in by_print["counsel-active"]
    assert by_print["cassation-any-offence-category:1.1.1"]["col"] == 1  # 1-based, as text and SARIF


def test_citation_data_and_label() -> None:
    _, data = as_json()
    finding = data["files"][0]["findings"][0]
    assert finding["resolutions"] == [{"number": 21, "date": "2023-07-14", "label": "№ 21-НҚ",
                                       "paragraph": "4", "verdict": "conforms-with-position"}]
    assert finding["constitution"] == [{"article": "13", "paragraph": "2", "edition": "1995"}]
    ru = replace(kk_report(), findings=tuple(replace(f, lang="ru") for f in kk_report().findings))
    _, data = as_json([ru])
    assert data["files"][0]["findings"][0]["resolutions"][0]["label"] == "№ 21-НП"


def test_summary_counts_and_extensions() -> None:
    _, data = as_json()
    assert list(data["summary"]) == SUMMARY_KEYS
    assert data["summary"] == {"files": 2, "amendments": 4, "findings": 2, "unparsed": 1, "suppressed": 1,
                               "baseline": 1, "by_severity": {"error": 1, "warning": 1, "info": 0},
                               "not_understood": 0, "complete": True}


def test_cyrillic_is_written_as_is_with_two_space_indent() -> None:
    out, _ = as_json()
    assert "Кассациялық" in out and "\\u04" not in out
    assert '  "files": [' in out.splitlines()
    assert out.endswith("}\n")


@settings(max_examples=30, deadline=None)
@given(st.permutations(range(4)))
def test_output_does_not_depend_on_the_order_findings_arrive_in(order: list[int]) -> None:
    report = kk_report()
    shuffled = replace(report, findings=tuple(report.findings[i] for i in order))
    assert as_json([shuffled])[0] == as_json([report])[0]
