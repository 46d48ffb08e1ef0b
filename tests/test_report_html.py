"""The HTML reporter: one valid, self-contained, escaped page with the findings in the draft.

Validity is checked with html5lib's strict parser (it raises on any parse error). The DOM test
runs on every machine through html5lib, and also through a real headless browser when one is
on PATH: the browser parameter only exists where the browser does.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import html5lib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.model import SourceLine
from checker.report import clean_text, render
from tests.test_report_common import (
    KK_DRAFT,
    RULE_CASSATION,
    RULE_COUNSEL,
    RULE_PROSECUTOR,
    clean_report,
    kk_report,
    rule_metas,
)

BROWSERS = [name for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)]
EVIDENCE = "тек ауыр және аса ауыр қылмыстар"


def page(reports=None, lang: str = "kk") -> str:
    reports = [kk_report(), clean_report()] if reports is None else reports
    return render("html", reports, lang=lang, rules=rule_metas(), tool_version="0.1.0")


def strict_parse(markup: str) -> ET.Element:
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False,
                               tree=html5lib.getTreeBuilder("etree")).parse(markup)


def loose_parse(markup: str) -> ET.Element:
    return html5lib.parse(markup, namespaceHTMLElements=False)


def text_of(element: ET.Element) -> str:
    return "".join(element.itertext())


def shown_text(element: ET.Element) -> str:
    """Text as a reader sees it: <br> is a line break."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "br" else shown_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def has_class(element: ET.Element, name: str) -> bool:
    return name in (element.get("class") or "").split()


def draft_children(root: ET.Element, file_number: int = 1) -> list[ET.Element]:
    section = next(s for s in root.iter("section") if s.get("id") == f"file-{file_number}")
    draft = next(d for d in section.iter("div") if has_class(d, "draft"))
    return list(draft)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_valid_html_with_language_and_charset(lang: str) -> None:
    markup = page(lang=lang)
    root = strict_parse(markup)
    assert markup.startswith("<!DOCTYPE html>")
    assert root.get("lang") == lang
    assert any(meta.get("charset", "").lower() == "utf-8" for meta in root.iter("meta"))


def test_self_contained_no_external_resources_or_scripts() -> None:
    markup = page()
    assert "http://" not in markup and "https://" not in markup
    root = strict_parse(markup)
    assert not list(root.iter("script")) and not list(root.iter("link")) and not list(root.iter("img"))
    for element in root.iter():
        for attr in ("href", "src"):
            value = element.get(attr)
            assert value is None or value.startswith("#"), (element.tag, value)
    assert list(root.iter("style"))


def test_hostile_text_is_escaped_everywhere() -> None:
    report = kk_report("drafts/<b>.txt")
    hostile = "<script>alert('x')</script> & \"quoted\""
    findings = tuple(replace(f, message=hostile, title=hostile, suggestion=hostile,
                             suppressed=f.suppressed and hostile) for f in report.findings)
    lines = list(report.result.lines)
    lines[5] = SourceLine(6, "<img src=x onerror=alert(1)> " + KK_DRAFT[5])
    shifted = tuple(replace(f, evidence_spans=tuple((ln, s + 29, e + 29) if ln == 6 else (ln, s, e)
                                                    for ln, s, e in f.evidence_spans)) for f in findings)
    report = replace(report, findings=shifted, result=replace(report.result, lines=tuple(lines)))
    markup = page([report])
    assert "<script>" not in markup and "<img" not in markup and "<b>" not in markup
    assert "&lt;script&gt;" in markup
    root = strict_parse(markup)
    assert not list(root.iter("script")) and not list(root.iter("img"))
    messages = [text_of(p) for p in root.iter("p") if has_class(p, "msg")]
    assert messages and all(m == hostile for m in messages)
    row = next(d for d in draft_children(root) if d.get("id") == "f1-L6")
    assert text_of(row).endswith(lines[5].text)
    assert [text_of(m) for m in row.iter("mark")] == [EVIDENCE]


def test_evidence_marked_and_finding_box_after_the_amendment_last_line() -> None:
    children = draft_children(strict_parse(page()))
    ids = [c.get("id") for c in children]
    row6 = children[ids.index("f1-L6")]
    assert has_class(row6, "hit")
    marks = list(row6.iter("mark"))
    assert [text_of(m) for m in marks] == [EVIDENCE] and has_class(marks[0], "error")
    box = children[ids.index("f1-L6") + 1]
    assert has_class(box, "finding") and has_class(box, "error")
    assert [text_of(c) for c in box.iter("code")] == [RULE_CASSATION]
    assert any(has_class(p, "cite") and "№ 21-НҚ" in text_of(p) for p in box.iter("p"))
    assert any(has_class(p, "sugg") for p in box.iter("p"))
    # Amendment 1.1.3 spans lines 8-15: its boxes (active and baseline) come after line 15.
    after15 = children[ids.index("f1-L15") + 1: ids.index("f1-L16")]
    assert [next(c.iter("code")).text for c in after15] == [RULE_COUNSEL, RULE_COUNSEL]
    assert [has_class(c, "set-aside") for c in after15] == [False, True]
    assert [text_of(m) for m in children[ids.index("f1-L12")].iter("mark")] == ["тек адвокат арқылы"]


def test_suppressed_finding_shown_set_aside_without_marks() -> None:
    children = draft_children(strict_parse(page()))
    ids = [c.get("id") for c in children]
    box = children[ids.index("f1-L7") + 1]
    assert has_class(box, "set-aside") and next(box.iter("code")).text == RULE_PROSECUTOR
    assert kk_report().findings[2].suppressed in text_of(box)
    assert not list(children[ids.index("f1-L7")].iter("mark"))


def test_unparsed_line_is_marked_and_followed_by_its_reason() -> None:
    children = draft_children(strict_parse(page()))
    ids = [c.get("id") for c in children]
    row = children[ids.index("f1-L16")]
    assert has_class(row, "unparsed") and not has_class(children[ids.index("f1-L15")], "unparsed")
    note = children[ids.index("f1-L16") + 1]
    assert has_class(note, "note") and text_of(note).endswith("no operation verb")


def test_summary_table_rows() -> None:
    root = strict_parse(page())
    rows = [r for r in root.iter("tr") if has_class(r, "rule-row")]
    table = [(next(r.iter("code")).text, next(s for s in r.iter("span") if has_class(s, "sev")).get("class"),
              text_of(list(r)[2]), text_of(list(r)[3])) for r in rows]
    assert table == [(RULE_CASSATION, "sev error", "№ 21-НҚ", "1"),
                     (RULE_COUNSEL, "sev warning", "№ 21-НҚ", "1")]


def test_clean_file_and_empty_report_are_valid() -> None:
    root = strict_parse(page([clean_report()]))
    assert not [r for r in root.iter("tr") if has_class(r, "rule-row")]
    assert any(has_class(p, "empty") for p in root.iter("p"))
    strict_parse(page([]))


def test_findings_without_source_lines_still_appear() -> None:
    report = kk_report()
    report = replace(report, result=replace(report.result, lines=()))
    root = strict_parse(page([report]))
    boxes = [d for d in root.iter("div") if has_class(d, "finding")]
    assert sorted(next(b.iter("code")).text for b in boxes) == sorted(f.rule for f in report.findings)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(message=st.text(), line=st.text(), title=st.text(max_size=20))
def test_any_text_gives_valid_html_and_survives(message: str, line: str, title: str) -> None:
    report = kk_report()
    lines = list(report.result.lines)
    lines[5] = SourceLine(6, line)
    findings = tuple(replace(f, message=message, title=title) for f in report.findings)
    report = replace(report, findings=findings, result=replace(report.result, lines=tuple(lines)))
    root = strict_parse(page([report]))
    shown = [shown_text(p) for p in root.iter("p") if has_class(p, "msg")]
    # html5lib normalizes CR / CRLF to LF, as every HTML parser must.
    expected = clean_text(message).replace("\r\n", "\n").replace("\r", "\n")
    assert shown == [expected] * len(findings)
    row = next(d for d in draft_children(root) if d.get("id") == "f1-L6")
    assert text_of(row) == "6" + clean_text(line).replace("\r\n", "\n").replace("\r", "\n")


def dom_html5lib(path: Path, tmp_path: Path) -> ET.Element:
    return loose_parse(path.read_text("utf-8"))


def dom_browser(browser: str):
    def load(path: Path, tmp_path: Path) -> ET.Element:
        done = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", path.as_uri()],
            capture_output=True, text=True, timeout=90, check=True,
        )
        return loose_parse(done.stdout)
    return load


LOADERS = [pytest.param(dom_html5lib, id="html5lib")]
LOADERS += [pytest.param(dom_browser(name), id=name) for name in BROWSERS[:1]]


@pytest.mark.parametrize("load", LOADERS)
def test_dom_as_loaded_shows_the_finding_and_the_marked_words(load, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(page(), encoding="utf-8")
    root = load(path, tmp_path)
    rules = {c.text for c in root.iter("code") if has_class(c, "rule")}
    assert {RULE_CASSATION, RULE_COUNSEL, RULE_PROSECUTOR} <= rules
    marks = [(text_of(m), m.get("class")) for m in root.iter("mark")]
    assert (EVIDENCE, "error") in marks and ("тек адвокат арқылы", "warning") in marks
    assert root.get("lang") == "kk"
    assert re.search(r"Кассациялық", text_of(root))
