"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers, as plain dicts.

One run; every rule of the catalogue in `tool.driver.rules`; one result per finding, anchored on
the amendment's lines, with the triggering words as related locations. Suppressed findings stay
in the log with an external suppression (so viewers show them as dismissed, with the reason);
baseline findings are marked `baselineState: "unchanged"`, the others `"new"`. Unparsed lines
are tool execution notifications: the check could not look at them.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from checker.model import Finding, Unparsed
from checker.report import (
    ReportContext,
    RuleMeta,
    notices,
    sorted_findings,
    source_lines,
    to_string,
    write_json,
)
from checker.report.i18n import citation, t

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "lawcheck/v1"


def render(ctx: ReportContext) -> str:
    return to_string(lambda out: write(ctx, out))


def write(ctx: ReportContext, out: TextIO) -> None:
    write_json(document(ctx), out)


def document(ctx: ReportContext) -> dict[str, Any]:
    root = (ctx.root or Path.cwd()).resolve()
    index = {meta.id: i for i, meta in enumerate(ctx.rules)}
    driver: dict[str, Any] = {"name": "lawcheck", "version": ctx.tool_version}
    home = information_uri()
    if home:
        driver["informationUri"] = home
    driver["rules"] = [rule_descriptor(meta) for meta in ctx.rules]
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = [run_notice(n, root) for n in notices(ctx.reports, ctx.lang)]
    for report in ctx.reports:
        lines = source_lines(report)
        uri = artifact_uri(report.path, root)
        for finding in sorted_findings(report.findings):
            results.append(result(finding, index[finding.rule], lines, artifact_uri(finding.path, root), ctx,
                                  ctx.lang_for(report)))
        notifications.extend(notification(item, uri, ctx.lang_for(report)) for item in report.result.unparsed)
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "originalUriBaseIds": {SRCROOT: {"uri": root.as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def information_uri() -> str | None:
    """The project's home page from the installed package metadata, when it declares one."""
    try:
        urls: list[str] = list(metadata.metadata("lawcheck").get_all("Project-URL") or [])
    except metadata.PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository") and url.strip():
            return str(url.strip())
    return None


def rule_descriptor(meta: RuleMeta) -> dict[str, Any]:
    help_text = meta.help_text or meta.title
    markdown = help_text
    if meta.resolution_label:
        markdown += f"\n\n{meta.resolution_label}"
    descriptor: dict[str, Any] = {
        "id": meta.id,
        "name": "".join(part.capitalize() for part in meta.id.replace(":", "-").split("-")),
        "shortDescription": {"text": meta.title or meta.id},
        "fullDescription": {"text": meta.full_description or meta.title or meta.id},
        "help": {"text": help_text, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS.get(meta.severity, "warning")},
        "properties": {
            "resolution": meta.resolution_label,
            "tags": ["lawcheck", "constitutional-court"],
        },
    }
    if meta.help_uri:
        descriptor["helpUri"] = meta.help_uri
    return descriptor


def result(finding: Finding, rule_index: int, lines: dict[int, str], uri: dict[str, Any],
           ctx: ReportContext, lang: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": message_text(finding, lang or ctx.lang)},
        "locations": [{"physicalLocation": {"artifactLocation": uri, "region": region(finding, lines)}}],
    }
    related = [
        {"id": i, "physicalLocation": {"artifactLocation": uri, "region": evidence_region(span, lines)},
         "message": {"text": lines.get(span[0], "")[span[1]:span[2]] or finding.evidence}}
        for i, span in enumerate(finding.evidence_spans)
    ]
    if related:
        item["relatedLocations"] = related
    if finding.fingerprint:
        item["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    item["baselineState"] = "unchanged" if finding.baseline else "new"
    if finding.suppressed is not None:
        item["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": finding.suppressed}
        ]
    item["properties"] = {"amendment": finding.amendment, "evidence": finding.evidence,
                          "suggestion": finding.suggestion}
    if finding.effect:
        item["properties"]["effect"] = finding.effect
    return item


def message_text(finding: Finding, lang: str) -> str:
    """Message, citation and suggestion: what code scanning shows on the alert."""
    parts = [finding.message]
    cite = citation(finding, lang)
    if cite:
        parts.append(f"{t('citation', lang)}: {cite}")
    if finding.suggestion:
        parts.append(f"{t('suggestion', lang)}: {finding.suggestion}")
    return "\n".join(p for p in parts if p) or finding.rule


def region(finding: Finding, lines: dict[int, str]) -> dict[str, Any]:
    """The amendment's lines; SARIF columns are 1-based, endColumn points past the last character."""
    end_line = max(finding.end_line, finding.line)
    data: dict[str, Any] = {"startLine": finding.line, "startColumn": finding.col + 1, "endLine": end_line}
    if end_line in lines:
        end_column = len(lines[end_line]) + 1
        if end_line == finding.line:
            end_column = max(end_column, data["startColumn"])  # SARIF: a region never ends before it starts
        data["endColumn"] = end_column
    text = [lines[n] for n in range(finding.line, end_line + 1) if n in lines]
    if len(text) == end_line - finding.line + 1:
        text[0] = text[0][finding.col:]
        data["snippet"] = {"text": "\n".join(text)}
    return data


def evidence_region(span: tuple[int, int, int], lines: dict[int, str]) -> dict[str, Any]:
    line, start, end = span
    data: dict[str, Any] = {"startLine": line, "startColumn": start + 1, "endColumn": max(end, start) + 1}
    words = lines.get(line, "")[start:end]
    if words:
        data["snippet"] = {"text": words}
    return data


def run_notice(notice: Any, root: Path) -> dict[str, Any]:
    """An incomplete check (error) or a draft that is no bill (warning), first in the list."""
    item: dict[str, Any] = {
        "level": "error" if notice.code == "incomplete" else "warning",
        "descriptor": {"id": notice.code},
        "message": {"text": notice.message},
    }
    if notice.path:
        item["locations"] = [{"physicalLocation": {"artifactLocation": artifact_uri(notice.path, root)}}]
    return item


def notification(item: Unparsed, uri: dict[str, Any], lang: str) -> dict[str, Any]:
    area: dict[str, Any] = {"startLine": item.line, "endLine": max(item.end_line, item.line)}
    if item.text:
        area["snippet"] = {"text": item.text}
    note = t("instruction_not_understood" if item.instruction else "unparsed_note", lang)
    return {
        "level": "error" if item.instruction else "warning",
        "descriptor": {"id": "not-understood" if item.instruction else "unparsed"},
        "message": {"text": f"{note}: {item.reason}"},
        "locations": [{"physicalLocation": {"artifactLocation": uri, "region": area}}],
    }


def artifact_uri(path: str, root: Path) -> dict[str, Any]:
    """A URI relative to %SRCROOT% when the file is under the root, else an absolute file URI."""
    absolute = Path(path) if Path(path).is_absolute() else Path.cwd() / path
    absolute = absolute.resolve()
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix(), safe="/"), "uriBaseId": SRCROOT}

