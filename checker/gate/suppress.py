"""Suppressions: a finding the drafting team has looked at and accepted, with a written reason.

A suppressed finding is never dropped: it stays in every report marked with its reason (so a
reviewer of the bill sees what was waived and why) and never counts for the exit code. A
suppression that matched nothing is stale and reported, so that waivers do not outlive the text
they were written for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from checker.gate.collect import glob_matches, relative_posix
from checker.model import FileReport

# Words that say nothing about why a finding is acceptable.
_PLACEHOLDERS = {"ok", "okay", "todo", "fixme", "tbd", "xxx", "wip", "n/a", "na", "none", "ignore",
                 "later", "temp", "test", "-", "ок", "потом", "кейін", "жоқ", "нет"}
_WORD = re.compile(r"[^\W\d_][\w'-]*")
MIN_REASON_WORDS = 3
MIN_REASON_CHARS = 15


def reason_problem(reason: str) -> str | None:
    """Why a written reason is not good enough, or None when it is.

    A reason is read later by someone who was not in the room: it needs at least three real words
    (not "ok", "todo", "-") and a few more characters than a shrug.
    """
    text = " ".join(reason.split())
    words = [w for w in _WORD.findall(text) if w.lower() not in _PLACEHOLDERS]
    if not text:
        return "the reason is empty"
    if len(words) < MIN_REASON_WORDS or len(text) < MIN_REASON_CHARS:
        return (f"the reason {text!r} is too short: write in a sentence why the finding is "
                f"acceptable (at least {MIN_REASON_WORDS} words)")
    return None


@dataclass(frozen=True)
class Suppression:
    """One waiver from the config: a rule, optionally narrowed to an amendment id and a file glob."""

    rule: str
    reason: str
    base: Path  # the config's folder: `file` globs are relative to it
    location: str  # "config:line", for stale warnings
    amendment: str | None = None
    file: str | None = None

    def applies(self, rule: str, amendment: str, path: Path) -> bool:
        """True when this waiver covers a finding of `rule` on `amendment` in `path`."""
        if rule != self.rule:
            return False
        if self.amendment is not None and amendment != self.amendment:
            return False
        return self.file is None or self.covers_file(path)

    def covers_file(self, path: Path) -> bool:
        if self.file is None:
            return True
        rel = relative_posix(path, self.base)
        return rel is not None and glob_matches(self.file, rel)


def apply_suppressions(
    reports: Sequence[FileReport],
    suppressions: Sequence[Suppression],
    *,
    cwd: Path | None = None,
) -> tuple[list[FileReport], list[Suppression]]:
    """Mark covered findings with the first covering waiver's reason; return the stale waivers.

    A waiver is stale when it matched no finding although it could have: its file glob (if any)
    covers one of the checked drafts. A run over a few files (pre-commit passes only the changed
    ones) therefore does not call waivers for other drafts stale.
    """
    cwd = cwd or Path.cwd()
    used: set[int] = set()
    relevant: set[int] = set()
    marked: list[FileReport] = []
    for report in reports:
        path = cwd / report.path
        for index, waiver in enumerate(suppressions):
            if waiver.covers_file(path):
                relevant.add(index)
        findings = []
        for finding in report.findings:
            covering = [i for i, w in enumerate(suppressions)
                        if w.applies(finding.rule, finding.amendment, path)]
            used.update(covering)
            if covering:
                finding = replace(finding, suppressed=suppressions[covering[0]].reason)
            findings.append(finding)
        marked.append(replace(report, findings=tuple(findings)))
    stale = [w for i, w in enumerate(suppressions) if i in relevant and i not in used]
    return marked, stale
