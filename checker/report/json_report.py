"""`--format json`: the DESIGN.md `check` contract, `{"files": [...], "summary": {...}}`.

Field names come from the model's `to_json()` methods so that `parse` and `check` cannot drift
apart. Extensions (never renames): per finding `col`, `title`, `fingerprint`, `suppressed`,
`baseline`; per file `not_understood`, `looks_like_bill`; in the summary `suppressed`, `baseline`,
`by_severity`, `not_understood`, `complete`; `tool` (name, version) and `warnings` (an incomplete
check, a text that is no bill). Columns are 1-based. The JSON Schema is checker/schemas/check.json
(`lawcheck schema check`). Summary `findings` counts
only the findings that count against the gate; the file lists keep every finding.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TextIO

from checker.report import ReportContext, notices, sorted_findings, summarize, to_string, write_json


def document(ctx: ReportContext) -> dict[str, Any]:
    """The report as plain data, in the contract's key order."""
    files = [replace(r, findings=tuple(sorted_findings(r.findings))).to_json() for r in ctx.reports]
    s = summarize(ctx.reports)
    summary = {
        "files": s.files,
        "amendments": s.amendments,
        "findings": s.findings,
        "unparsed": s.unparsed,
        "suppressed": s.suppressed,
        "baseline": s.baseline,
        "by_severity": s.by_severity,
        "not_understood": s.not_understood,
        "complete": s.not_understood == 0,
    }
    warnings = [{"code": n.code, **({"path": n.path} if n.path else {}), "message": n.message}
                for n in notices(ctx.reports, ctx.lang)]
    return {"tool": {"name": "lawcheck", "version": ctx.tool_version}, "warnings": warnings,
            "files": files, "summary": summary}


def render(ctx: ReportContext) -> str:
    return to_string(lambda out: write(ctx, out))


def write(ctx: ReportContext, out: TextIO) -> None:
    write_json(document(ctx), out)
