"""Reporters: turn checked drafts into text, JSON, SARIF, GitHub annotations or HTML.

The check command calls `write()` (or `render()` for a string); each format lives in its own
module and is imported when asked for, so a plain `lawcheck draft.txt` never loads the HTML or
SARIF code. Every reporter returns the whole output as one string that ends with a newline; the
text, JSON and SARIF reporters can also write it piece by piece to a stream (`write(ctx, out)`),
so that a report of thousands of findings is never held in memory whole.
"""

from __future__ import annotations

import importlib
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import Any, TextIO

from checker.errors import ConfigError
from checker.model import LANGUAGES, SEVERITIES, FileReport, Finding

FORMATS = ("text", "json", "sarif", "github", "html")

_MODULES = {
    "text": "checker.report.text",
    "json": "checker.report.json_report",
    "sarif": "checker.report.sarif",
    "github": "checker.report.github",
    "html": "checker.report.html",
}


@dataclass(frozen=True)
class RuleMeta:
    """What a reporter needs to know of a rule (built by the check command, in the report lang)."""

    id: str
    title: str
    severity: str
    help_text: str  # markdown/plain, in the report language
    resolution_label: str
    full_description: str = ""
    help_uri: str | None = None


@dataclass(frozen=True)
class Summary:
    """Totals over all files; `findings` and `by_severity` count only findings that count.

    A suppressed finding counts as suppressed even when it is also in the baseline.
    """

    files: int
    amendments: int
    findings: int
    unparsed: int
    suppressed: int
    baseline: int
    by_severity: dict[str, int] = field(default_factory=dict)
    not_understood: int = 0  # unparsed lines that are amendment instructions: the check is incomplete


@dataclass(frozen=True)
class Notice:
    """What every format says first: the check is incomplete, or a draft does not look like a bill."""

    code: str  # "incomplete" | "not-a-bill"
    message: str  # in the report's language
    path: str | None = None  # the draft it is about (not-a-bill)


@dataclass(frozen=True)
class ReportContext:
    """Everything a reporter gets: the drafts, the rule catalogue and the presentation options."""

    reports: tuple[FileReport, ...]
    lang: str
    rules: tuple[RuleMeta, ...]
    color: bool
    tool_version: str
    root: Path | None
    per_draft: bool = False  # each draft's own blocks in its own language (no --lang given)

    def lang_for(self, report: FileReport) -> str:
        """The language of one draft's headings: its own unless one language was asked for."""
        return report.lang if self.per_draft and report.lang in LANGUAGES else self.lang

    def rule(self, finding: Finding) -> RuleMeta:
        """The rule behind a finding; a finding of a rule missing from the catalogue still renders."""
        for meta in self.rules:
            if meta.id == finding.rule:
                return meta
        return rule_from_finding(finding, self.lang)


def render(fmt: str, reports: Sequence[FileReport], **options: Any) -> str:
    """The report `write` makes (same keywords), as one string."""
    return to_string(lambda out: write(fmt, reports, out, **options))


def write(
    fmt: str,
    reports: Sequence[FileReport],
    out: TextIO,
    *,
    lang: str,
    rules: Sequence[RuleMeta],
    color: bool = False,
    tool_version: str,
    root: Path | None = None,
    per_draft: bool = False,
) -> None:
    """Render the checked drafts in one of FORMATS, chrome in `lang` (kk, ru or en), to `out`.

    Written as it is made where the format can (text, JSON, SARIF). With `per_draft`, each
    draft's own part (headings, labels, citations) is in that draft's language and only the
    run-wide parts (notices, summary) are in `lang`.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown output format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if lang not in LANGUAGES:
        raise ConfigError(f"unknown report language {lang!r}; choose one of: {', '.join(LANGUAGES)}")
    ctx = ReportContext(
        reports=tuple(reports),
        lang=lang,
        rules=catalogue(rules, reports, lang),
        color=color,
        tool_version=tool_version,
        root=root,
        per_draft=per_draft,
    )
    module = importlib.import_module(_MODULES[fmt])
    if hasattr(module, "write"):
        module.write(ctx, out)
    else:
        out.write(module.render(ctx))


def write_json(data: object, out: TextIO) -> None:
    """`json.dumps(data, ensure_ascii=False, indent=2)` and a newline, written piece by piece.

    json.dumps with an indent joins a list of every small piece at the end; for a report of
    thousands of findings that list costs many times the output itself.
    """
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data):
        out.write(chunk)
    out.write("\n")


def to_string(write_to: Callable[[TextIO], None]) -> str:
    """What a `write(out)` function writes, as one string."""
    buffer = StringIO()
    write_to(buffer)
    return buffer.getvalue()


def catalogue(rules: Sequence[RuleMeta], reports: Sequence[FileReport], lang: str) -> tuple[RuleMeta, ...]:
    """The given rules, plus one entry for every rule that has findings but no metadata.

    SARIF needs an index for every ruleId, and a rule that was renamed or loaded from an old
    baseline must not crash a report.
    """
    known = {meta.id for meta in rules}
    extra: list[RuleMeta] = []
    for report in reports:
        for finding in report.findings:
            if finding.rule not in known:
                known.add(finding.rule)
                extra.append(rule_from_finding(finding, lang))
    return (*rules, *extra)


def rule_from_finding(finding: Finding, lang: str) -> RuleMeta:
    """Rule metadata reconstructed from what a finding carries."""
    label = finding.resolutions[0].label(lang) if finding.resolutions else ""
    return RuleMeta(
        id=finding.rule,
        title=finding.title or finding.rule,
        severity=finding.severity,
        help_text="",
        resolution_label=label,
    )


def verdict(findings: Sequence[Finding], not_understood: int, lang: str) -> tuple[str, str] | None:
    """The line said when nothing counts, and its kind ("clean" | "set-aside" | "incomplete").

    "No findings" only when there is truly nothing: set-aside findings and instructions not
    understood are said, so that a waived or unread conflict never looks like a clean draft.
    None when some finding counts (the findings speak for themselves).
    """
    from checker.report.i18n import t

    if any(counts(f) for f in findings):
        return None
    if not_understood:
        return t("no_findings_incomplete", lang, n=not_understood), "incomplete"
    suppressed = sum(1 for f in findings if f.suppressed is not None)
    baselined = sum(1 for f in findings if f.suppressed is None and f.baseline)
    if suppressed or baselined:
        return t("no_counting_findings", lang, s=suppressed, b=baselined), "set-aside"
    return t("no_findings", lang), "clean"


def counts(finding: Finding) -> bool:
    """True when the finding counts against the gate (neither suppressed nor in the baseline)."""
    return finding.suppressed is None and not finding.baseline


_RANK = {"error": 0, "warning": 1, "info": 2}


def sorted_findings(findings: Sequence[Finding]) -> list[Finding]:
    """Findings in reading order, so that every format lists them the same way.

    The key runs through every shown field, so the output never depends on the order the
    engine produced the findings in.
    """
    return sorted(findings, key=lambda f: (
        f.line, f.col, f.end_line, f.amendment, f.rule, _RANK.get(f.severity, 3), f.severity,
        f.suppressed is not None, f.baseline, f.suppressed or "", f.fingerprint, f.message,
        f.evidence, f.evidence_spans, f.title, f.suggestion, f.path,
    ))


def summarize(reports: Sequence[FileReport]) -> Summary:
    """Totals for the closing summary of every format."""
    by_severity: Counter[str] = Counter({severity: 0 for severity in SEVERITIES})
    suppressed = baseline = 0
    for report in reports:
        for finding in report.findings:
            if finding.suppressed is not None:
                suppressed += 1
            elif finding.baseline:
                baseline += 1
            else:
                by_severity[finding.severity] += 1
    return Summary(
        files=len(reports),
        amendments=sum(len(r.result.amendments) for r in reports),
        findings=sum(by_severity.values()),
        unparsed=sum(len(r.result.unparsed) for r in reports),
        suppressed=suppressed,
        baseline=baseline,
        by_severity=dict(by_severity),
        not_understood=sum(r.result.not_understood for r in reports),
    )


def notices(reports: Sequence[FileReport], lang: str) -> list[Notice]:
    """The run-level warnings, most serious first: nothing a reader could mistake for a clean run."""
    from checker.report.i18n import t

    found: list[Notice] = []
    missed = sum(r.result.not_understood for r in reports)
    if missed:
        found.append(Notice("incomplete", t("incomplete_one" if missed == 1 else "incomplete", lang, n=missed)))
    found += [Notice("not-a-bill", t("not_a_bill", lang), r.path) for r in reports
              if not r.result.looks_like_bill]
    return found


def source_lines(report: FileReport) -> dict[int, str]:
    """The draft's own lines by number (empty when the parser did not keep them)."""
    return {line.number: line.text for line in report.result.lines}


def line_spans(finding: Finding, line: int, length: int) -> list[tuple[int, int]]:
    """Merged (start, end) columns of the triggering words on one line, clipped to the line.

    An empty span still marks one character, so the reader sees where the evidence sits.
    """
    spans = [clip_span(start, end, length) for span_line, start, end in finding.evidence_spans
             if span_line == line and length > 0]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def clip_span(start: int, end: int, length: int) -> tuple[int, int]:
    """A span inside a line of `length` (> 0) characters, at least one character wide."""
    start = min(max(start, 0), length - 1)
    return start, min(max(end, start + 1), length)


def visible_lines(first: int, last: int, focus: Sequence[int] = (), budget: int = 6) -> list[int | None]:
    """Which lines of first..last to show, at most `budget`, with None where lines are elided.

    The first and last lines and the lines with evidence (`focus`) are kept; the rest of the
    budget goes to the lines next to the ends, so long amendments are cut in the middle.
    """
    if last < first:
        first, last = last, first
    if last - first + 1 <= budget:
        return list(range(first, last + 1))
    wanted = [first, *sorted({n for n in focus if first < n < last}), last]
    if len(wanted) > budget:
        wanted = [*wanted[: budget - 1], last]
    keep = set(wanted)
    step = 1
    while len(keep) < budget:
        for candidate in (first + step, last - step):
            if len(keep) < budget:
                keep.add(candidate)
        step += 1
    shown: list[int | None] = []
    for number in sorted(keep):
        if shown and shown[-1] is not None and number != shown[-1] + 1:
            shown.append(None)
        shown.append(number)
    return shown


def clean_text(text: str) -> str:
    """Replace characters no output format can carry (controls, lone surrogates) with U+FFFD.

    One character becomes one character, so the columns of evidence spans stay valid.
    """
    if not _UNCLEAN.search(text):  # nearly always: no per-character work
        return text
    return "".join(map(_clean_char, text))


# What _clean_char replaces: C0 and C1 controls but tab and newline, lone surrogates and the
# noncharacters U+FDD0..FDEF and U+xFFFE/xFFFF of every plane.
_UNCLEAN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
                      + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}"
                                for plane in range(17)) + "]")


def _clean_char(ch: str) -> str:
    code = ord(ch)
    if ch in "\t\n":
        return ch
    if code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
        return "\ufffd"
    return ch
