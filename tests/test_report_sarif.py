"""The SARIF reporter: valid against the OASIS SARIF 2.1.0 schema, with exact locations.

The schema is the official OASIS file, vendored in tests/fixtures/sarif (see its README for the
source and the licence note).
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.model import FileReport, Finding, ParseResult, ResolutionRef, SourceLine
from checker.report import RuleMeta, render
from tests.test_report_common import (
    KK_DRAFT,
    RULE_CASSATION,
    RULE_COUNSEL,
    RULE_PROSECUTOR,
    clean_report,
    kk_report,
    rule_metas,
    span,
)

ROOT = Path("/srv/repo")
SCHEMA = Path(__file__).resolve().parent / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"


@cache
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    return jsonschema.Draft4Validator(schema)


def sarif(reports=None, rules=None, lang: str = "kk", root: Path = ROOT) -> dict[str, Any]:
    reports = [kk_report("/srv/repo/drafts/kpk-2025.txt"), clean_report("/srv/repo/drafts/clean.txt")] \
        if reports is None else reports
    out = render("sarif", reports, lang=lang, rules=rule_metas() if rules is None else rules,
                 tool_version="0.1.0", root=root)
    data = json.loads(out)
    errors = sorted(validator().iter_errors(data), key=str)
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    return data


def results_by_print(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["partialFingerprints"]["lawcheck/v1"]: r for r in data["runs"][0]["results"]}


def test_the_vendored_schema_is_the_unmodified_oasis_file() -> None:
    import hashlib

    assert hashlib.sha256(SCHEMA.read_bytes()).hexdigest() == SCHEMA_SHA256
    schema = json.loads(SCHEMA.read_text("utf-8"))
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert "OASIS" in (SCHEMA.parent / "README.md").read_text("utf-8")


def test_the_validator_rejects_what_the_spec_rejects() -> None:
    data = sarif()
    data["runs"][0]["results"][0]["level"] = "fatal"
    assert any("fatal" in e.message for e in validator().iter_errors(data))


def test_log_header_and_driver() -> None:
    data = sarif()
    assert data["version"] == "2.1.0" and data["$schema"].endswith("sarif-schema-2.1.0.json")
    assert len(data["runs"]) == 1
    run = data["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///srv/repo/"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("lawcheck", "0.1.0")
    assert [r["id"] for r in driver["rules"]] == [RULE_CASSATION, RULE_PROSECUTOR, RULE_COUNSEL]
    first = driver["rules"][0]
    assert first["defaultConfiguration"] == {"level": "error"}
    assert first["properties"]["resolution"] == "№ 21-НҚ"
    assert first["help"]["text"] and "№ 21-НҚ" in first["help"]["markdown"]
    assert first["fullDescription"]["text"] == rule_metas()[0].full_description


def test_information_uri_comes_from_the_package_metadata(monkeypatch) -> None:
    from email.message import Message

    from checker.report import sarif as sarif_module

    meta = Message()
    meta["Project-URL"] = "Documentation, https://docs.example.org/lawcheck"
    meta["Project-URL"] = "Homepage, https://example.org/lawcheck"
    monkeypatch.setattr(sarif_module.metadata, "metadata", lambda name: meta)
    assert sarif()["runs"][0]["tool"]["driver"]["informationUri"] == "https://example.org/lawcheck"
    monkeypatch.setattr(sarif_module.metadata, "metadata", lambda name: Message())
    assert "informationUri" not in sarif()["runs"][0]["tool"]["driver"]


def test_rule_index_level_and_citation() -> None:
    data = sarif()
    rules = data["runs"][0]["tool"]["driver"]["rules"]
    for result in data["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert "№ 21-НҚ" in result["message"]["text"] and "14.07.2023" in result["message"]["text"]
    levels = {(r["ruleId"], r["level"]) for r in data["runs"][0]["results"]}
    assert levels == {(RULE_CASSATION, "error"), (RULE_PROSECUTOR, "warning"), (RULE_COUNSEL, "warning"),
                      (RULE_COUNSEL, "note")}


def test_region_is_the_amendment_and_related_locations_are_the_words() -> None:
    result = results_by_print(sarif())["cassation-any-offence-category:1.1.1"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "drafts/kpk-2025.txt", "uriBaseId": "%SRCROOT%"}
    region = location["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"]) == (5, 1, 6)
    assert region["endColumn"] == len(KK_DRAFT[5]) + 1
    assert region["snippet"]["text"] == KK_DRAFT[4] + "\n" + KK_DRAFT[5]
    words = "тек ауыр және аса ауыр қылмыстар"
    _, start, end = span(6, words)
    related = result["relatedLocations"][0]["physicalLocation"]["region"]
    assert (related["startLine"], related["startColumn"], related["endColumn"]) == (6, start + 1, end + 1)
    assert related["snippet"]["text"] == words


def test_region_starts_at_the_finding_column() -> None:
    report = kk_report("/srv/repo/drafts/kpk-2025.txt")
    moved = tuple(replace(f, col=3, line=7, end_line=7) if f.rule == RULE_CASSATION else f
                  for f in report.findings)
    region = results_by_print(sarif([replace(report, findings=moved)]))[
        "cassation-any-offence-category:1.1.1"]["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"]) == (4, len(KK_DRAFT[6]) + 1)
    assert region["snippet"]["text"] == KK_DRAFT[6][3:]


def test_suppressions_and_baseline_state() -> None:
    results = results_by_print(sarif())
    suppressed = results["court-not-prosecutor:1.1.2"]
    assert suppressed["suppressions"] == [{"kind": "external", "status": "accepted",
                                           "justification": kk_report().findings[2].suppressed}]
    assert results["defence-counsel-not-mandatory:1.1.3"]["baselineState"] == "unchanged"
    assert results["counsel-active"]["baselineState"] == "new"
    assert "suppressions" not in results["counsel-active"]


def test_unparsed_lines_are_tool_notifications() -> None:
    invocation = sarif()["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is True
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "warning"
    location = note["locations"][0]["physicalLocation"]
    assert location["region"]["startLine"] == 16
    assert location["artifactLocation"]["uri"] == "drafts/kpk-2025.txt"


def test_paths_relative_to_root_percent_encoded_and_outside_root_absolute() -> None:
    inside = kk_report("/srv/repo/drafts/заң жобасы.txt")
    outside = kk_report("/tmp/elsewhere/draft.txt")
    results = sarif([inside, outside])["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    encoded = next(u for u in uris if not u.startswith("file:"))
    assert unquote(encoded) == "drafts/заң жобасы.txt" and " " not in encoded
    assert "file:///tmp/elsewhere/draft.txt" in uris
    absolute = next(r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .startswith("file:"))
    assert "uriBaseId" not in absolute["locations"][0]["physicalLocation"]["artifactLocation"]


def test_relative_input_paths_resolve_against_the_working_directory(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    data = sarif([kk_report("drafts/kpk-2025.txt")], root=tmp_path)
    uri = data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "drafts/kpk-2025.txt"


def test_rule_without_metadata_gets_a_descriptor() -> None:
    data = sarif(rules=())
    driver_rules = data["runs"][0]["tool"]["driver"]["rules"]
    assert sorted(r["id"] for r in driver_rules) == sorted({RULE_CASSATION, RULE_PROSECUTOR, RULE_COUNSEL})
    for result in data["runs"][0]["results"]:
        assert driver_rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_no_findings_is_a_valid_empty_run() -> None:
    data = sarif([clean_report("/srv/repo/drafts/clean.txt")], rules=())
    run = data["runs"][0]
    assert run["results"] == [] and run["tool"]["driver"]["rules"] == []
    assert "toolExecutionNotifications" not in run["invocations"][0]


def test_help_uri_only_when_given() -> None:
    meta = RuleMeta(id="x-rule", title="X", severity="info", help_text="h", resolution_label="№ 3",
                    help_uri="https://example.org/rules/x-rule")
    driver_rules = sarif([], rules=(meta, *rule_metas()))["runs"][0]["tool"]["driver"]["rules"]
    assert driver_rules[0]["helpUri"] == "https://example.org/rules/x-rule"
    assert "helpUri" not in driver_rules[1]
    assert driver_rules[0]["defaultConfiguration"] == {"level": "note"}


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@st.composite
def random_reports(draw: st.DrawFn) -> FileReport:
    lines = draw(st.lists(_text, min_size=1, max_size=8))
    findings = []
    for k in range(draw(st.integers(0, 4))):
        line = draw(st.integers(1, len(lines)))
        end_line = draw(st.integers(line, len(lines)))
        col = draw(st.integers(0, 50))
        spans = tuple((draw(st.integers(1, len(lines))), s, s + draw(st.integers(0, 10)))
                      for s in draw(st.lists(st.integers(0, 50), max_size=3)))
        findings.append(Finding(
            rule=draw(st.sampled_from([RULE_CASSATION, "other-rule"])),
            severity=draw(st.sampled_from(["error", "warning", "info"])),
            path="/srv/repo/d.txt", line=line, end_line=end_line, col=col, amendment=f"1.1.{k}",
            message=draw(_text),
            resolutions=(ResolutionRef(number=draw(st.integers(1, 99)), date="2024-01-31"),),
            constitution=(), evidence=draw(_text), suggestion=draw(_text), title=draw(_text),
            fingerprint=draw(st.sampled_from(["", "abc"])),
            suppressed=draw(st.none() | _text), baseline=draw(st.booleans()), evidence_spans=spans))
    result = ParseResult(path="/srv/repo/d.txt", language="ru", title=None, amendments=(), unparsed=(),
                         lines=tuple(SourceLine(i, text) for i, text in enumerate(lines, 1)))
    return FileReport(path="/srv/repo/d.txt", language="ru", result=result, findings=tuple(findings))


@settings(max_examples=40, deadline=None)
@given(random_reports())
def test_any_report_is_schema_valid_with_sane_columns(report: FileReport) -> None:
    data = sarif([report], rules=())
    results = data["runs"][0]["results"]
    assert len(results) == len(report.findings)
    for result in results:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startColumn"] >= 1 and region["endLine"] >= region["startLine"]
        if region["endLine"] == region["startLine"] and "endColumn" in region:
            assert region["endColumn"] >= region["startColumn"]
