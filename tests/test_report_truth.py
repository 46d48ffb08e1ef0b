"""Reports tell the truth at a glance: a set-aside finding is badged as such and never hidden
under "No findings"; each draft's headings are in its own language; one date format per language."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import html5lib
import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.report import render
from checker.report.i18n import t
from tests.test_report_common import kk_report, rule_metas
from tests.test_cli_check import RULES, bill, write


def set_aside_only():
    """The Kazakh report with only its suppressed and baselined findings left."""
    report = kk_report()
    kept = tuple(f for f in report.findings if f.suppressed is not None or f.baseline)
    return replace(report, findings=kept, result=replace(report.result, unparsed=()))


def test_html_badges_set_aside_findings_by_status_not_severity() -> None:
    out = render("html", [kk_report()], lang="en", rules=rule_metas(), tool_version="0.1.0")
    document = html5lib.parse(out, namespaceHTMLElements=False)
    badges = {}
    for box in document.iter("div"):
        if "finding" in (box.get("class") or "").split():
            head = next(p for p in box.iter("p") if p.get("class") == "head")
            badge = next(span for span in head.iter("span"))
            badges[box.findtext(".//code")] = badges.get(box.findtext(".//code"), []) + ["".join(badge.itertext())]
    assert badges["court-not-prosecutor"] == ["suppressed"]
    assert sorted(badges["defence-counsel-not-mandatory"]) == ["baselined", "warning"]
    assert badges["cassation-any-offence-category"] == ["error"]


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_set_aside_findings_are_counted_apart_from_no_findings(fmt: str) -> None:
    out = render(fmt, [set_aside_only()], lang="en", rules=rule_metas(), tool_version="0.1.0")
    assert not re.search(r"No findings(?! that count)", out)
    assert "No findings that count (suppressed: 1, baselined: 1)" in out


def test_no_findings_is_said_only_when_nothing_is_there() -> None:
    report = replace(kk_report(), findings=(), result=replace(kk_report().result, unparsed=()))
    assert "No findings" in render("text", [report], lang="en", rules=rule_metas(), tool_version="0.1.0")


def ru_twin():
    report = kk_report("drafts/ru-2025.txt")
    findings = tuple(replace(f, lang="ru") for f in report.findings)
    return replace(report, language="ru", lang="ru", findings=findings,
                   result=replace(report.result, language="ru"))


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_each_draft_has_its_headings_in_its_own_language(fmt: str) -> None:
    out = render(fmt, [kk_report(), ru_twin()], lang="kk", rules=rule_metas(), tool_version="0.1.0",
                 per_draft=True)
    kk_part, ru_part = out.split("drafts/ru-2025.txt", 1) if fmt == "text" else out.split('id="file-2"', 1)
    assert f"{t('language', 'kk')}: kk" in kk_part and t("citation", "kk") in kk_part
    assert f"{t('language', 'ru')}: ru" in ru_part and t("citation", "ru") in ru_part
    assert t("citation", "kk") not in ru_part.split(t("summary", "kk"))[0]
    # one language asked for: every heading in it
    one = render(fmt, [kk_report(), ru_twin()], lang="en", rules=rule_metas(), tool_version="0.1.0")
    assert t("citation", "ru") not in one and t("citation", "kk") not in one


ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
DOTTED = re.compile(r"\b\d{2}\.\d{2}\.\d{4}\b")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize("fmt", ["text", "html"])
def test_one_date_format_per_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
                                      fmt: str) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "draft.txt", bill("error", "warning"))
    out = CliRunner().invoke(main, ["check", *RULES, "draft.txt", "--lang", lang, "--format", fmt],
                             env={"NO_COLOR": "1", "GITHUB_ACTIONS": ""}).stdout
    found_iso, found_dotted = ISO.findall(out), DOTTED.findall(out)
    if lang == "en":
        assert found_iso and not found_dotted
    else:
        assert found_dotted and not found_iso
