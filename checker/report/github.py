"""`--format github`: GitHub Actions workflow commands that become annotations on the PR.

`::error file=…,line=…::message` per finding (warning → `::warning`, info → `::notice`), one
`::group::` per file, escaped exactly as @actions/core does it. Suppressed and baseline findings
are not annotated: they do not count, and an annotation would say they do. GitHub cannot show
annotations inside a .docx, so for those the message also names the paragraph.
"""

from __future__ import annotations

from pathlib import Path

from checker.model import Finding
from checker.report import ReportContext, counts, notices, sorted_findings, source_lines, summarize
from checker.report.i18n import citation, severity_name, t

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """@actions/core `escapeData`: the message part of a command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """@actions/core `escapeProperty`: a `key=value` property; also escapes `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def render(ctx: ReportContext) -> str:
    out: list[str] = []
    for notice in notices(ctx.reports, ctx.lang):
        props: dict[str, object] = {"title": "lawcheck"}
        if notice.path:
            props = {"file": display_path(notice.path, ctx.root), **props}
        out.append(command("error" if notice.code == "incomplete" else "warning", props, notice.message))
    for report in ctx.reports:
        lines = source_lines(report)
        docx = report.path.lower().endswith(".docx")
        out.append(command("group", {}, display_path(report.path, ctx.root)))
        for finding in sorted_findings(report.findings):
            if counts(finding):
                out.append(annotation(finding, lines, docx, ctx, ctx.lang_for(report)))
        for item in sorted(report.result.unparsed, key=lambda u: u.line):
            props: dict[str, object] = {"file": display_path(report.path, ctx.root), "line": item.line}
            if item.end_line > item.line:
                props["endLine"] = item.end_line
            note = "instruction_not_understood" if item.instruction else "unparsed_note"
            props["title"] = f"lawcheck: {t(note, ctx.lang_for(report))}"
            where = f"{t('docx_paragraph', ctx.lang_for(report), n=item.line)}: " if docx else ""
            out.append(command("error" if item.instruction else "warning", props, where + item.reason))
        out.append("::endgroup::")
    s = summarize(ctx.reports)
    severities = ", ".join(f"{severity_name(k, ctx.lang)}: {v}" for k, v in s.by_severity.items())
    out.append(f"lawcheck {ctx.tool_version}: {t('files', ctx.lang)}: {s.files}, "
               f"{t('findings', ctx.lang)}: {s.findings} ({severities}), "
               f"{t('suppressed', ctx.lang)}: {s.suppressed}, {t('baseline', ctx.lang)}: {s.baseline}, "
               f"{t('unparsed', ctx.lang)}: {s.unparsed}, {t('not_understood', ctx.lang)}: {s.not_understood}")
    return "\n".join(out) + "\n"


def annotation(finding: Finding, lines: dict[int, str], docx: bool, ctx: ReportContext,
               lang: str | None = None) -> str:
    """One annotation. Columns only for a one-line finding: GitHub ignores them across lines."""
    lang = lang or ctx.lang
    props: dict[str, object] = {"file": display_path(finding.path, ctx.root), "line": finding.line}
    end_line = max(finding.end_line, finding.line)
    if end_line > finding.line:
        props["endLine"] = end_line
    else:
        props["col"] = finding.col + 1
        if finding.line in lines:
            props["endColumn"] = max(len(lines[finding.line]) + 1, finding.col + 1)
    title = f"{finding.rule}: {finding.title}" if finding.title else finding.rule
    props["title"] = title
    parts = []
    if docx:
        parts.append(t("docx_paragraph", lang, n=finding.line) + ":")
    parts.append(finding.message)
    cite = citation(finding, lang)
    body = " ".join(p for p in parts if p)
    if cite:
        body += f"\n{t('citation', lang)}: {cite}"
    if finding.suggestion:
        body += f"\n{t('suggestion', lang)}: {finding.suggestion}"
    return command(COMMANDS.get(finding.severity, "warning"), props, body)


def display_path(path: str, root: Path | None) -> str:
    """Repository-relative path with forward slashes, as GitHub matches it against the diff."""
    candidate = Path(path)
    if root is not None:
        base = root.resolve()
        absolute = (candidate if candidate.is_absolute() else Path.cwd() / candidate).resolve()
        try:
            return absolute.relative_to(base).as_posix()
        except ValueError:
            pass
    return candidate.as_posix()
