"""Baselines: record today's findings so that only new ones fail the gate.

A drafting team adopting lawcheck on a bill already under way writes a baseline once; from then on
CI fails only on conflicts that the latest edits introduced. Entries are keyed by fingerprint (see
fingerprint.py), so they survive renumbered items and edits elsewhere in the draft. The file is
JSON sorted by path and rule, so that its diffs are readable in review.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from checker import __version__
from checker.budgets import BASELINE_MAX_BYTES, MAX_NUMBER_DIGITS, read_regular, value_problem
from checker.errors import LawcheckError
from checker.model import FileReport
from checker.output import write_text

FORMAT_VERSION = 1


class BaselineError(LawcheckError):
    """The baseline file cannot be read or is not a lawcheck baseline."""


@dataclass(frozen=True)
class Baseline:
    """The fingerprints of accepted findings, and the file they came from."""

    path: Path
    entries: dict[str, str]  # fingerprint → the draft's stored (root-relative) path

    @property
    def fingerprints(self) -> frozenset[str]:
        return frozenset(self.entries)


def build_entries(reports: Sequence[FileReport], rel_paths: dict[str, str]) -> list[dict[str, Any]]:
    """One entry per finding not already suppressed; `rel_paths` maps report path → stored path."""
    entries = []
    for report in reports:
        amendments = {a.id: a for a in report.result.amendments}
        for finding in report.findings:
            if finding.suppressed is not None:
                continue  # it has its own written reason; a baseline would hide it twice
            amendment = amendments.get(finding.amendment)
            entries.append({
                "fingerprint": finding.fingerprint,
                "rule": finding.rule,
                "path": rel_paths.get(report.path, report.path),
                "amendment": finding.amendment,
                "act": amendment.act.slug if amendment else None,
                "target": amendment.target.label() if amendment else None,
                "evidence": finding.evidence,
            })
    entries.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    return entries


def dump(entries: list[dict[str, Any]], *, now: datetime | None = None) -> str:
    """The baseline file's text."""
    created = (now or datetime.now(timezone.utc)).replace(microsecond=0).isoformat()
    document = {
        "version": FORMAT_VERSION,
        "created": created,
        "tool": {"name": "lawcheck", "version": __version__},
        "entries": entries,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write(path: Path, entries: list[dict[str, Any]]) -> None:
    """Write the baseline file (atomically), creating its folder."""
    try:
        write_text(path, dump(entries), what="baseline")
    except LawcheckError as exc:
        raise BaselineError(exc.message, exc.location, exc.hint) from None


def load(path: Path) -> Baseline:
    """Read a baseline file; anything unexpected is a one-line BaselineError naming the file."""
    hint = "recreate it with `lawcheck baseline create`"
    if not os.path.lexists(path):
        raise BaselineError("baseline file not found", str(path),
                            "create it with `lawcheck baseline create`")
    data = read_regular(path, BASELINE_MAX_BYTES, error=BaselineError, what="baseline",
                        hint="a baseline this large holds too many findings: fix some and "
                             "recreate it with `lawcheck baseline create`")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BaselineError(f"cannot read the baseline: {exc}", str(path), hint) from None
    try:
        document = json.loads(text, parse_int=_small_int, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"not valid JSON: {exc.msg}", f"{path}:{exc.lineno}", hint) from None
    except RecursionError:
        raise BaselineError("not a lawcheck baseline (nested too deeply)", str(path), hint) from None
    except ValueError as exc:
        raise BaselineError(f"not a lawcheck baseline ({value_problem(exc)})", str(path),
                            hint) from None
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        raise BaselineError("not a lawcheck baseline (no \"entries\" list)", str(path), hint)
    if document.get("version") != FORMAT_VERSION:
        raise BaselineError(f"unsupported baseline version {document.get('version')!r}", str(path), hint)
    entries: dict[str, str] = {}
    for index, entry in enumerate(document["entries"]):
        value = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(value, str) or not value:
            raise BaselineError(f"entry {index + 1} has no fingerprint", str(path), hint)
        entries[value] = str(entry.get("path") or "")
    return Baseline(path=path, entries=entries)


def _small_int(text: str) -> int:
    """A JSON integer; one of thousands of digits is refused before Python converts it."""
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise ValueError(f"a number of {len(text)} digits")
    return int(text)


def _no_constant(text: str) -> float:
    raise ValueError(f"{text} is not JSON")


def apply_baseline(
    reports: Sequence[FileReport],
    baseline: Baseline,
    checked: set[str] | None = None,
) -> tuple[list[FileReport], int]:
    """Mark findings already in the baseline; count the entries of `checked` paths that are gone.

    Gone entries (fixed findings) only count for drafts that were checked in this run, so a
    pre-commit run over two files does not call the rest of the baseline obsolete.
    """
    seen: set[str] = set()
    marked = []
    for report in reports:
        findings = []
        for finding in report.findings:
            if finding.fingerprint in baseline.fingerprints:
                seen.add(finding.fingerprint)
                finding = replace(finding, baseline=True)
            findings.append(finding)
        marked.append(replace(report, findings=tuple(findings)))
    gone = [fp for fp, path in baseline.entries.items()
            if fp not in seen and (checked is None or path in checked)]
    return marked, len(gone)
