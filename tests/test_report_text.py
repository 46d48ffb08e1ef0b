"""The text reporter: grouping, locations, highlighted evidence, plain vs colour, summary."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from checker.model import SourceLine
from checker.report import render
from checker.report.i18n import t
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

ANSI = re.compile(r"\x1b\[[0-9;]*m")
ROW = re.compile(r"^\s+(\d+) \| ")


def text(reports=None, *, lang: str = "en", color: bool = False) -> str:
    reports = [kk_report()] if reports is None else reports
    return render("text", reports, lang=lang, rules=rule_metas(), color=color, tool_version="0.1.0")


def finding_blocks(out: str) -> dict[str, list[str]]:
    """Lines of each finding block, keyed by the rule id in its `severity[rule]` header."""
    blocks: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in out.splitlines():
        header = re.match(r"^    \S+\[([a-z0-9:-]+)\]", line)
        if header:
            current = blocks.setdefault(header.group(1), [])
        elif current is not None and not line.startswith("    "):
            current = None
        if current is not None:
            current.append(line)
    return blocks


def test_plain_output_has_no_escape_codes_even_when_the_environment_forces_colour(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    out = text(color=False)
    assert "\x1b" not in out
    assert RULE_CASSATION in out


def test_colour_output_styles_the_evidence_and_drops_the_caret_line() -> None:
    out = text(color=True)
    assert ANSI.search(out)
    words = "тек ауыр және аса ауыр қылмыстар"
    # The words sit alone between two escape sequences: styled as one run.
    assert re.search(r"\x1b\[[0-9;]*m" + re.escape(words) + r"\x1b\[0m", out)
    assert "^" not in ANSI.sub("", out)


def test_square_brackets_in_the_draft_are_not_rich_markup() -> None:
    report = kk_report()
    lines = list(report.result.lines)
    lines[5] = SourceLine(6, "[bold]«2. Кассациялық шағым[/bold] тек ауыр және аса ауыр қылмыстар»;")
    findings = tuple(replace(f, message="[red]x[/red]") for f in report.findings)
    report = replace(report, result=replace(report.result, lines=tuple(lines)), findings=findings)
    for color in (False, True):
        plain = ANSI.sub("", text([report], color=color))
        assert "[bold]«2. Кассациялық шағым[/bold]" in plain
        assert "[red]x[/red]" in plain


def test_findings_grouped_by_file_then_amendment_in_reading_order() -> None:
    out = text([kk_report(), clean_report()])
    lines = out.splitlines()
    assert lines[0].startswith("drafts/kpk-2025.txt")
    headers = [ln for ln in lines if re.match(r"^  1\.1\.\d ", ln)]
    assert [h.split()[0] for h in headers] == ["1.1.1", "1.1.3"]  # 1.1.2 is only suppressed
    rules = re.findall(r"^    \S+\[([a-z0-9-]+)\]", out, flags=re.M)
    assert rules == [RULE_CASSATION, RULE_COUNSEL]
    clean_header = next(i for i, ln in enumerate(lines) if ln.startswith("drafts/clean.txt"))
    assert clean_header > max(i for i, ln in enumerate(lines) if RULE_COUNSEL in ln)
    assert t("no_findings", "en") in lines[clean_header + 1]


def test_location_is_path_line_and_one_based_column() -> None:
    report = kk_report()
    moved = tuple(replace(f, col=3) if f.rule == RULE_CASSATION else f for f in report.findings)
    block = finding_blocks(text([replace(report, findings=moved)]))[RULE_CASSATION]
    assert block[1].strip() == "--> drafts/kpk-2025.txt:5:4"


@pytest.mark.parametrize(("rule", "line", "words"), [
    (RULE_CASSATION, 6, "тек ауыр және аса ауыр қылмыстар"),
    (RULE_COUNSEL, 12, "тек адвокат арқылы"),  # line 12 has a tab before the words
])
def test_caret_line_sits_under_the_triggering_words(rule: str, line: int, words: str) -> None:
    block = finding_blocks(text())[rule]
    row = next(i for i, ln in enumerate(block) if (m := ROW.match(ln)) and int(m.group(1)) == line)
    source, carets = block[row], block[row + 1]
    body_start = source.index(" | ") + 3
    _, start, end = span(line, words)
    assert carets.index("^") == body_start + start
    assert carets.rstrip().endswith("^") and carets.count("^") == end - start
    assert source[body_start + start: body_start + end] == words


def test_long_amendment_is_cut_in_the_middle_but_keeps_the_evidence_line() -> None:
    block = finding_blocks(text())[RULE_COUNSEL]
    shown = [int(m.group(1)) for ln in block if (m := ROW.match(ln))]
    assert len(shown) <= 6
    assert shown[0] == 8 and shown[-1] == 15 and 12 in shown
    assert shown == sorted(shown)
    assert any(re.match(r"^\s+… \|", ln) for ln in block)


def test_short_amendment_shows_all_its_lines() -> None:
    block = finding_blocks(text())[RULE_CASSATION]
    assert [int(m.group(1)) for ln in block if (m := ROW.match(ln))] == [5, 6]


def test_citation_message_and_suggestion_follow_the_snippet() -> None:
    block = finding_blocks(text(lang="ru"))[RULE_CASSATION]
    notes = [ln.strip() for ln in block if ln.strip().startswith("= ")]
    assert len(notes) == 3
    assert notes[0].startswith(f"= {t('citation', 'ru')}: ") and "№ 21-НП" in notes[0]
    assert notes[2].startswith(f"= {t('suggestion', 'ru')}: ")


def test_without_source_lines_the_evidence_is_quoted() -> None:
    report = kk_report()
    report = replace(report, result=replace(report.result, lines=()))
    block = finding_blocks(text([report]))[RULE_CASSATION]
    assert not any(ROW.match(ln) for ln in block)
    assert any("«тек ауыр және аса ауыр қылмыстар»" in ln for ln in block)


def test_suppressed_and_baseline_findings_are_listed_apart_with_the_reason() -> None:
    out = text()
    reason = kk_report().findings[2].suppressed
    assert reason is not None
    set_aside = [ln for ln in out.splitlines() if ln.startswith("  ") and RULE_PROSECUTOR in ln]
    assert len(set_aside) == 1 and reason in set_aside[0] and "drafts/kpk-2025.txt:7:1" in set_aside[0]
    assert any(ln.startswith(f"  {t('baselined', 'en')}: {RULE_COUNSEL} ") for ln in out.splitlines())


def test_unparsed_lines_are_listed_with_line_and_reason() -> None:
    lines = text().splitlines()
    heading = next(i for i, ln in enumerate(lines) if ln.strip() == t("unparsed_heading", "en") + ":")
    assert lines[heading + 1].strip() == "drafts/kpk-2025.txt:16: no operation verb"
    assert lines[heading + 2].strip() == "| " + KK_DRAFT[15]


def test_summary_line_counts() -> None:
    last = text([kk_report(), clean_report()]).rstrip("\n").splitlines()[-1]
    # files, amendments, findings (error, warning, info), suppressed, baseline, unparsed, not understood
    assert [int(n) for n in re.findall(r"\d+", last)] == [2, 4, 2, 1, 1, 0, 1, 1, 1, 0]


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_chrome_follows_the_chosen_language(lang: str) -> None:
    out = text(lang=lang)
    for key in ("citation", "suggestion", "summary", "unparsed_heading"):
        assert t(key, lang) in out
    assert "drafts/kpk-2025.txt:5:1" in out and RULE_CASSATION in out


def _through_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the reporter write every line through rich, as it did before the plain path."""
    from checker.report import text as text_module

    def rich_print(lines, out, color, console):
        console = console or text_module._console(out, color)
        from rich.text import Text as RichText

        console.print(RichText("\n").join([line.rich() for line in lines]))
        return console

    monkeypatch.setattr(text_module, "_print", rich_print)


@pytest.mark.parametrize("color", [False, True])
def test_plain_writer_writes_what_rich_writes(monkeypatch: pytest.MonkeyPatch, color: bool) -> None:
    tricky = replace(kk_report(), path="a[b]\x07\r.txt")
    reports = [kk_report(), clean_report(), tricky]
    direct = text(reports, color=color)
    _through_rich(monkeypatch)
    assert direct == text(reports, color=color)
