"""Fingerprints and baseline files (the end-to-end renumbering test is in test_cli_check.py)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.gate import baseline as bl
from checker.gate.fingerprint import assign_fingerprints, base_fingerprint, fold_text
from checker.model import Act, Amendment, FileReport, Finding, ParseResult, Target

ACT = Act(slug="criminal-procedure-code", name="Қылмыстық-процестік кодекс")


def amendment(id_: str = "1.1.3", line: int = 12, new: str = "«кассациялық сатыға шағым жасауға құқығы жоқ»",
              article: str = "484", operation: str = "new_wording", old: str | None = None) -> Amendment:
    return Amendment(id=id_, line=line, end_line=line + 2, col=0, act=ACT, operation=operation,
                     target=Target(article=article, part="2"), old=old, new=new)


def finding(a: Amendment, rule: str = "cassation-any-offence-category", path: str = "drafts/kpk.txt",
            suppressed: str | None = None) -> Finding:
    return Finding(rule=rule, severity="error", path=path, line=a.line, end_line=a.end_line, col=a.col,
                   amendment=a.id, message="m", resolutions=(), constitution=(), evidence="шағым",
                   suggestion="", suppressed=suppressed)


def fp(a: Amendment, rule: str = "cassation-any-offence-category", path: str = "drafts/kpk.txt") -> str:
    return assign_fingerprints([finding(a, rule)], [a], path)[0].fingerprint


# --- fingerprints ------------------------------------------------------------------------------

def test_fingerprint_ignores_lines_and_item_numbers() -> None:
    before = amendment(id_="1.1.3", line=12)
    after = amendment(id_="1.1.4", line=40)
    assert fp(before) == fp(after)


def test_fingerprint_folds_whitespace_quotes_and_case() -> None:
    a = amendment(new="«Кассациялық сатыға   шағым\nжасауға құқығы жоқ»;")
    b = amendment(new='"кассациялық сатыға шағым жасауға құқығы жоқ"')
    assert fp(a) == fp(b)


@pytest.mark.parametrize("change", [
    {"new": "«апелляциялық сатыға шағым жасауға құқығы жоқ»"},  # the offending words
    {"article": "485"},
    {"operation": "supplement"},
    {"old": "құқығы бар"},
])
def test_fingerprint_changes_with_what_the_finding_is_about(change: dict[str, str]) -> None:
    assert fp(amendment(**change)) != fp(amendment())


def test_fingerprint_depends_on_rule_path_and_act() -> None:
    a = amendment()
    other_act = replace(a, act=Act(slug="criminal-code", name="Қылмыстық кодекс"))
    values = {fp(a), fp(a, rule="other-rule"), fp(a, path="drafts/other.txt"), fp(other_act)}
    assert len(values) == 4


def test_colliding_findings_get_occurrence_counters_in_line_order() -> None:
    first, second = amendment(id_="1.1", line=5), amendment(id_="1.7", line=30)
    findings = [finding(second), finding(first)]  # given out of order on purpose
    marked = assign_fingerprints(findings, [first, second], "drafts/kpk.txt")
    base = base_fingerprint(findings[1], first, "drafts/kpk.txt")
    assert [f.fingerprint for f in marked] == [f"{base}:2", base]


@settings(max_examples=80)
@given(st.lists(st.sampled_from(["сот", "шешімі", "Прокурор", "«", "»", '"', " ", "  ", "\n", "\t"]),
                min_size=1, max_size=12))
def test_folding_is_stable_under_layout_changes(tokens: list[str]) -> None:
    text = " ".join(tokens)
    relaid = "\n".join(t.upper() if t.isalpha() else t for t in tokens) + " ;"
    assert fold_text(text) == fold_text(relaid)


# --- baseline files ----------------------------------------------------------------------------

def reports_for(*pairs: tuple[str, Amendment, str | None]) -> list[FileReport]:
    by_path: dict[str, list[tuple[Amendment, str | None]]] = {}
    for path, a, suppressed in pairs:
        by_path.setdefault(path, []).append((a, suppressed))
    out = []
    for path, items in by_path.items():
        amendments = tuple(a for a, _ in items)
        findings = assign_fingerprints([finding(a, path=path, suppressed=s) for a, s in items], amendments, path)
        result = ParseResult(path=path, language="kk", title=None, amendments=amendments, unparsed=())
        out.append(FileReport(path=path, language="kk", result=result, findings=tuple(findings)))
    return out


def test_written_baseline_round_trips_and_marks_findings(tmp_path: Path) -> None:
    reports = reports_for(("drafts/b.txt", amendment(id_="2.1"), None), ("drafts/a.txt", amendment(), None))
    target = tmp_path / "ci" / "baseline.json"
    bl.write(target, bl.build_entries(reports, {}))
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["version"] == bl.FORMAT_VERSION
    assert document["tool"]["name"] == "lawcheck"
    assert [e["path"] for e in document["entries"]] == ["drafts/a.txt", "drafts/b.txt"]
    assert set(document["entries"][0]) == {"fingerprint", "rule", "path", "amendment", "act", "target", "evidence"}
    assert document["entries"][0]["act"] == "criminal-procedure-code"

    loaded = bl.load(target)
    marked, gone = bl.apply_baseline(reports, loaded)
    assert all(f.baseline for r in marked for f in r.findings)
    assert gone == 0


def test_suppressed_findings_are_not_written_to_the_baseline() -> None:
    reports = reports_for(("a.txt", amendment(id_="1"), "Agreed with the working group on 3 March"),
                          ("a.txt", amendment(id_="2", article="12"), None))
    entries = bl.build_entries(reports, {})
    assert [e["amendment"] for e in entries] == ["2"]


def test_stored_path_comes_from_the_mapping(tmp_path: Path) -> None:
    reports = reports_for(("../drafts/a.txt", amendment(), None))
    entries = bl.build_entries(reports, {"../drafts/a.txt": "drafts/a.txt"})
    assert entries[0]["path"] == "drafts/a.txt"


def test_new_finding_is_not_marked_and_gone_entries_count_only_for_checked_paths(tmp_path: Path) -> None:
    old = reports_for(("a.txt", amendment(id_="1"), None), ("b.txt", amendment(id_="1"), None))
    target = tmp_path / "baseline.json"
    bl.write(target, bl.build_entries(old, {}))
    loaded = bl.load(target)
    # a.txt: the old finding is fixed, a new one appears; b.txt was not checked this time.
    now = reports_for(("a.txt", amendment(id_="1", new="«басқа сөздер»"), None))
    marked, gone = bl.apply_baseline(now, loaded, checked={"a.txt"})
    assert [f.baseline for f in marked[0].findings] == [False]
    assert gone == 1


@pytest.mark.parametrize(("content", "line"), [
    ("{not json", True),
    ('{"version": 1}', False),
    ('{"version": 99, "entries": []}', False),
    ('{"version": 1, "entries": [{"rule": "x"}]}', False),
    ('["a", "b"]', False),
])
def test_invalid_baseline_files_are_one_line_errors(tmp_path: Path, content: str, line: bool) -> None:
    target = tmp_path / "baseline.json"
    target.write_text(content, encoding="utf-8")
    with pytest.raises(bl.BaselineError) as caught:
        bl.load(target)
    assert caught.value.location is not None
    assert caught.value.location.startswith(str(target))
    assert (caught.value.location != str(target)) is line  # JSON syntax errors carry a line
    assert "\n" not in str(caught.value)


def test_missing_baseline_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(bl.BaselineError) as caught:
        bl.load(tmp_path / "nope.json")
    assert caught.value.location == str(tmp_path / "nope.json")
