"""Stable identities for findings, so a baseline survives edits that do not touch the finding.

A fingerprint hashes what the finding is *about*: the rule, the draft (repository-relative path),
the act, the unit of the act, the operation and the amendment's own words, folded for whitespace,
quotes and case. It leaves out line numbers and bill item numbers ("1.2.3"), which change whenever
a drafter inserts an item above. Two findings that still coincide get an occurrence counter in
line order.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from checker.model import TARGET_LEVELS, Amendment, Finding

VERSION = "lawcheck/v1"
_QUOTES = re.compile("[\"'«»“”„‟‘’‚‹›`´]")
_DASHES = re.compile("[\u2010-\u2015\u2212]")
_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = " ;:.,"


def fold_text(text: str | None) -> str:
    """The amendment's words with layout, quote style, dash style and case folded away."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = _QUOTES.sub("", text)
    text = _DASHES.sub("-", text)
    text = _SPACE.sub(" ", text).casefold()
    return text.strip(_EDGE_PUNCT)


def _target_key(amendment: Amendment) -> str:
    target = amendment.target
    parts = [f"{level}={getattr(target, level) or ''}" for level in TARGET_LEVELS]
    flags = [flag for flag in ("heading", "toc", "throughout", "note", "preamble") if getattr(target, flag)]
    return ";".join(parts + flags + ([f"chapter={target.chapter}"] if target.chapter else []))


def base_fingerprint(finding: Finding, amendment: Amendment | None, rel_path: str) -> str:
    """sha256 (first 32 hex digits) of what the finding is about; no positions."""
    if amendment is not None:
        fields = [
            finding.rule,
            rel_path,
            amendment.act.slug,
            _target_key(amendment),
            amendment.operation,
            fold_text(amendment.old),
            fold_text(amendment.new),
        ]
    else:  # a finding not tied to a parsed amendment: fall back to its evidence
        fields = [finding.rule, rel_path, "", "", "", "", fold_text(finding.evidence)]
    digest = hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()
    return digest[:32]


def assign_fingerprints(
    findings: Sequence[Finding],
    amendments: Sequence[Amendment],
    rel_path: str,
) -> list[Finding]:
    """The findings of one draft with `fingerprint` set; collisions get ":2", ":3"… in line order."""
    by_id = {a.id: a for a in amendments}
    ordered = sorted(range(len(findings)),
                     key=lambda i: (findings[i].line, findings[i].col, findings[i].rule))
    seen: dict[str, int] = {}
    result: list[Finding] = list(findings)
    for index in ordered:
        finding = findings[index]
        base = base_fingerprint(finding, by_id.get(finding.amendment), rel_path)
        seen[base] = seen.get(base, 0) + 1
        value = base if seen[base] == 1 else f"{base}:{seen[base]}"
        result[index] = replace(finding, fingerprint=value)
    return result
