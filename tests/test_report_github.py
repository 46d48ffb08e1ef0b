"""The GitHub reporter: workflow commands, @actions/core escaping, groups, docx paragraphs."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.report import render
from checker.report.github import escape_data, escape_property
from checker.report.i18n import t
from tests.test_report_common import (
    KK_DRAFT,
    RULE_CASSATION,
    RULE_COUNSEL,
    RULE_PROSECUTOR,
    clean_report,
    kk_report,
    rule_metas,
)

COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def unescape(text: str) -> str:
    """The runner's side: what GitHub shows after undoing the escapes."""
    for code, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        text = text.replace(code, char)
    return text


def annotations(out: str) -> list[tuple[str, dict[str, str], str]]:
    found = []
    for line in out.splitlines():
        match = COMMAND.match(line)
        if match:
            props = dict(pair.split("=", 1) for pair in match.group(2).split(","))
            props = {k: unescape(v) for k, v in props.items()}
            found.append((match.group(1), props, unescape(match.group(3))))
    return found


def github(reports=None, lang: str = "en", root: Path | None = None) -> str:
    reports = [kk_report(), clean_report()] if reports is None else reports
    return render("github", reports, lang=lang, rules=rule_metas(), tool_version="0.1.0", root=root)


def test_escaping_matches_actions_core() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("rule-id: a, b\n%") == "rule-id%3A a%2C b%0A%25"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_escaped_values_round_trip_and_cannot_end_a_command(text: str) -> None:
    prop, data = escape_property(text), escape_data(text)
    assert unescape(prop) == text and unescape(data) == text
    assert not set(prop) & {":", ",", "\n", "\r"}
    assert not set(data) & {"\n", "\r"}
    assert re.fullmatch(r"(?:[^%]|%25|%0D|%0A|%3A|%2C)*", prop, flags=re.S)


def test_one_group_per_file_and_only_counting_findings_annotated() -> None:
    out = github()
    lines = out.splitlines()
    assert lines[0] == "::group::drafts/kpk-2025.txt"
    assert lines.count("::endgroup::") == 2 and "::group::drafts/clean.txt" in lines
    assert all(ln.startswith("::") for ln in lines[:-1])  # the last line is the plain summary
    found = annotations(out)
    findings = [(kind, props["title"].split(":")[0]) for kind, props, _ in found
                if "lawcheck" not in props["title"]]
    assert findings == [("error", RULE_CASSATION), ("warning", RULE_COUNSEL)]
    assert RULE_PROSECUTOR not in out


def test_multi_line_finding_has_lines_only_and_message_carries_the_citation() -> None:
    kind, props, message = annotations(github())[0]
    assert kind == "error"
    assert props == {"file": "drafts/kpk-2025.txt", "line": "5", "endLine": "6",
                     "title": f"{RULE_CASSATION}: {kk_report().findings[1].title}"}
    assert "№ 21-НҚ" in message and "2023-07-14" in message  # English: ISO dates
    assert message.startswith(kk_report().findings[1].message)


def test_single_line_finding_has_columns() -> None:
    report = kk_report()
    one_line = tuple(replace(f, line=7, end_line=7, col=2) if f.rule == RULE_CASSATION else f
                     for f in report.findings)
    _, props, _ = annotations(github([replace(report, findings=one_line)]))[0]
    assert (props["line"], props["col"], props["endColumn"]) == ("7", "3", str(len(KK_DRAFT[6]) + 1))
    assert "endLine" not in props


def test_info_becomes_notice() -> None:
    report = kk_report()
    info = tuple(replace(f, severity="info", baseline=False)
                 for f in report.findings if f.rule == RULE_COUNSEL)
    kinds = [kind for kind, props, _ in annotations(github([replace(report, findings=info)]))
             if not props["title"].startswith("lawcheck")]
    assert kinds == ["notice", "notice"]


def test_unparsed_line_is_a_warning_on_its_line() -> None:
    [unparsed] = [(props, msg) for _, props, msg in annotations(github())
                  if props["title"].startswith("lawcheck")]
    assert unparsed[0]["line"] == "16" and unparsed[0]["file"] == "drafts/kpk-2025.txt"
    assert unparsed[1].endswith("no operation verb")


def test_docx_messages_name_the_paragraph() -> None:
    out = github([kk_report("drafts/kpk-2025.docx")], lang="ru")
    found = annotations(out)
    assert found and all(props["file"] == "drafts/kpk-2025.docx" for _, props, _ in found)
    first = found[0]
    assert first[2].startswith(t("docx_paragraph", "ru", n=5))
    assert any(msg.startswith(t("docx_paragraph", "ru", n=16)) for _, _, msg in found)


def test_paths_are_relative_to_the_root(tmp_path: Path) -> None:
    out = github([kk_report(str(tmp_path / "drafts" / "kpk-2025.txt"))], root=tmp_path)
    assert out.splitlines()[0] == "::group::drafts/kpk-2025.txt"
    assert {props["file"] for _, props, _ in annotations(out)} == {"drafts/kpk-2025.txt"}


def test_newlines_in_messages_never_break_a_command() -> None:
    report = kk_report()
    noisy = tuple(replace(f, message="бірінші\nекінші\r\n100%", title="a, b: c") for f in report.findings)
    out = github([replace(report, findings=noisy)])
    assert all(ln.startswith("::") for ln in out.splitlines()[:-1])
    _, props, message = annotations(out)[0]
    assert message.startswith("бірінші\nекінші\r\n100%")
    assert props["title"] == f"{RULE_CASSATION}: a, b: c"


def test_summary_line_counts() -> None:
    last = github().splitlines()[-1]
    assert [int(n) for n in re.findall(r"(?<![\d.])\d+(?![\d.])", last)] == [2, 2, 1, 1, 0, 1, 1, 1, 0]
