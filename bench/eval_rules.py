"""Score the rule base against the held-out evaluation drafts in tests/eval/.

Usage: python bench/eval_rules.py [--dir tests/eval] [--lang ru|kk] [--json] [--verbose]

The drafts (`LANG_eval_NN.txt`) were written without looking at the rules, so this measures how
the rule base behaves on wording it has never seen. `LANG_expected.yaml` lists, for each draft,
the amendments that MUST be reported (`{file, line, resolution}`, line = the instruction's first
line); every other amendment must stay silent.

Scoring unit: (file, line, resolution number). An expected item is a TP when some finding on that
line cites the expected resolution; otherwise it is a FN. Every reported (file, line, resolution)
that is not expected is a FP (unless the same finding also cites the expected resolution: a rule's
`also_cites`); when its line IS an expected line it is also listed as a "wrong resolution" hit. Precision = TP / (TP + FP), recall = TP / (TP + FN).

The check runs through `lawcheck check --format json` (one subprocess for all drafts), so what is
scored is exactly what a user sees.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DRAFT_NAME = re.compile(r"^(?P<lang>[a-z]{2})_eval_\d+\.(txt|docx)$")
EXPECTED_NAME = re.compile(r"^(?P<lang>[a-z]{2})_expected\.ya?ml$")


class EvalError(Exception):
    """A malformed expected file or a failed check run: reported in one line, exit 2."""


@dataclass(frozen=True, order=True)
class Item:
    """One scoring unit: a resolution cited (or expected) on an amendment's first line."""

    file: str
    line: int
    resolution: int


@dataclass
class Reported:
    """What the checker said about one (file, line, resolution): the rules that said it."""

    rules: set[str] = field(default_factory=set)
    evidence: list[str] = field(default_factory=list)
    # resolutions cited together with this one by the same finding (a rule's `also_cites`)
    cited_with: set[int] = field(default_factory=set)


@dataclass
class Score:
    """Per-language tallies; the lists keep enough detail for a rule author to act on."""

    tp: list[Item] = field(default_factory=list)
    fn: list[Item] = field(default_factory=list)
    fp: list[tuple[Item, Reported]] = field(default_factory=list)
    wrong: list[tuple[Item, Reported, list[int]]] = field(default_factory=list)
    drafts: int = 0
    amendments: int = 0
    unparsed: list[tuple[str, int, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        total = len(self.tp) + len(self.fn)
        return len(self.tp) / total if total else 1.0

    @property
    def precision(self) -> float:
        total = len(self.tp) + len(self.fp)
        return len(self.tp) / total if total else 1.0


def _entries(data: object, source: Path) -> list[dict]:
    """Accept a flat list of {file, line, resolution}, or {file: [{line, resolution}]}, or
    {drafts: ...}: both evaluators write the file by hand, so the loader is lenient in shape
    and strict in content."""
    if isinstance(data, dict) and "drafts" in data:
        data = data["drafts"]
    if data is None:
        return []
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        out: list[dict] = []
        for name, items in data.items():
            for entry in items or []:
                if not isinstance(entry, dict):
                    raise EvalError(f"{source}: entry under {name!r} is not a mapping: {entry!r}")
                out.append({"file": name, **entry})
        return out
    raise EvalError(f"{source}: expected a list or a mapping at the top level")


def load_expected(path: Path) -> set[Item]:
    """Read one LANG_expected.yaml into scoring units (file names reduced to their base name)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise EvalError(f"{path}: cannot read: {exc}".splitlines()[0]) from exc
    items: set[Item] = set()
    for entry in _entries(data, path):
        try:
            item = Item(os.path.basename(str(entry["file"])), int(entry["line"]),
                        int(entry["resolution"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise EvalError(f"{path}: bad entry {entry!r} (needs file, line, resolution)") from exc
        if item in items:
            raise EvalError(f"{path}: duplicate entry {entry!r}")
        items.add(item)
    return items


def run_check(drafts: list[Path]) -> dict:
    """One `lawcheck check --format json` run over all drafts; never fails on findings."""
    cmd = [sys.executable, "-m", "checker", "check", "--format", "json", "--fail-on", "never",
           "--quiet", *map(str, drafts)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise EvalError(f"lawcheck check failed (exit {proc.returncode}): "
                        f"{(proc.stderr or proc.stdout).strip().splitlines()[-1:]}")
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise EvalError(f"lawcheck check did not print JSON: {exc}") from exc


def reported_items(report: dict) -> tuple[dict[Item, Reported], dict[str, dict]]:
    """Flatten the JSON report into scoring units; also return the per-file records."""
    out: dict[Item, Reported] = defaultdict(Reported)
    files: dict[str, dict] = {}
    for rec in report.get("files", []):
        name = os.path.basename(rec["path"])
        files[name] = rec
        for finding in rec.get("findings", []):
            numbers = {int(res["number"]) for res in finding.get("resolutions", [])}
            for number in numbers:
                got = out[Item(name, int(finding["line"]), number)]
                got.rules.add(finding["rule"])
                got.cited_with |= numbers - {number}
                if finding.get("evidence"):
                    got.evidence.append(str(finding["evidence"]))
    return dict(out), files


def score(expected: set[Item], reported: dict[Item, Reported], files: dict[str, dict],
          drafts: list[str]) -> Score:
    """Compare expected and reported units for one language's drafts."""
    result = Score(drafts=len(drafts))
    names = set(drafts)
    expected_lines: dict[tuple[str, int], list[int]] = defaultdict(list)
    for item in expected:
        expected_lines[(item.file, item.line)].append(item.resolution)
    for item in sorted(expected):
        (result.tp if item in reported else result.fn).append(item)
    for item, rep in sorted(reported.items()):
        if item.file not in names or item in expected:
            continue
        if any(Item(item.file, item.line, n) in expected for n in rep.cited_with):
            continue  # a co-citation of a finding that already cites the expected resolution
        result.fp.append((item, rep))
        if (item.file, item.line) in expected_lines:
            result.wrong.append((item, rep, sorted(expected_lines[(item.file, item.line)])))
    for name in drafts:
        rec = files.get(name, {})
        result.amendments += int(rec.get("amendments", 0))
        for un in rec.get("unparsed", []):
            result.unparsed.append((name, int(un.get("line", 0)), str(un.get("reason", ""))))
    return result


def draft_lines(path: Path) -> list[str]:
    """The draft's lines, for quoting the text of a miss or a false positive."""
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def quote(lines: list[str], line: int, width: int = 160) -> str:
    """The instruction's first line, plus the next one when it opens quoted new text."""
    if not 0 < line <= len(lines):
        return ""
    text = lines[line - 1].strip()
    if text.endswith(":") and line < len(lines):
        text += " " + lines[line].strip()
    return text if len(text) <= width else text[: width - 1] + "…"


def print_score(lang: str, sc: Score, texts: dict[str, list[str]], verbose: bool) -> None:
    """Human-readable block for one language."""
    print(f"== {lang}: {sc.drafts} drafts, {sc.amendments} amendments, "
          f"{len(sc.tp) + len(sc.fn)} expected findings, {len(sc.unparsed)} unparsed")
    print(f"   TP {len(sc.tp)}  FN {len(sc.fn)}  FP {len(sc.fp)} "
          f"(of which wrong resolution {len(sc.wrong)})  "
          f"recall {sc.recall:.1%}  precision {sc.precision:.1%}")
    for item in sc.fn:
        print(f"   FN {item.file}:{item.line} expected № {item.resolution}: "
              f"{quote(texts.get(item.file, []), item.line)}")
    for item, rep in sc.fp:
        print(f"   FP {item.file}:{item.line} № {item.resolution} by {', '.join(sorted(rep.rules))}: "
              f"{quote(texts.get(item.file, []), item.line)}")
    for item, rep, wanted in sc.wrong:
        print(f"   WRONG-RES {item.file}:{item.line} cited № {item.resolution} "
              f"({', '.join(sorted(rep.rules))}), expected № {', '.join(map(str, wanted))}")
    for name, line, reason in sc.unparsed:
        print(f"   UNPARSED {name}:{line}: {reason}")
    if verbose:
        for item in sc.tp:
            print(f"   TP {item.file}:{item.line} № {item.resolution}")


def as_json(scores: dict[str, Score]) -> dict:
    """Machine-readable summary (for CI or for tracking scores over time)."""
    def item(i: Item) -> dict:
        return {"file": i.file, "line": i.line, "resolution": i.resolution}
    return {lang: {"drafts": sc.drafts, "amendments": sc.amendments,
                   "tp": len(sc.tp), "fn": len(sc.fn), "fp": len(sc.fp),
                   "wrong_resolution": len(sc.wrong),
                   "recall": round(sc.recall, 4), "precision": round(sc.precision, 4),
                   "misses": [item(i) for i in sc.fn],
                   "false_positives": [{**item(i), "rules": sorted(r.rules)} for i, r in sc.fp],
                   "unparsed": [{"file": f, "line": n, "reason": r} for f, n, r in sc.unparsed]}
            for lang, sc in scores.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=ROOT / "tests" / "eval")
    ap.add_argument("--lang", help="score only this language (kk, ru)")
    ap.add_argument("--json", action="store_true", help="print a JSON summary instead of text")
    ap.add_argument("--verbose", action="store_true", help="also list the true positives")
    args = ap.parse_args(argv)

    try:
        by_lang: dict[str, list[Path]] = defaultdict(list)
        for path in sorted(args.dir.iterdir()) if args.dir.is_dir() else []:
            m = DRAFT_NAME.match(path.name)
            if m and (not args.lang or m["lang"] == args.lang):
                by_lang[m["lang"]].append(path)
        if not by_lang:
            raise EvalError(f"{args.dir}: no LANG_eval_NN.txt drafts found")
        expected_files = {m["lang"]: p for p in args.dir.iterdir()
                          if (m := EXPECTED_NAME.match(p.name))}
        all_drafts = [p for paths in by_lang.values() for p in paths]
        reported, files = reported_items(run_check(all_drafts))
        scores: dict[str, Score] = {}
        texts: dict[str, list[str]] = {}
        for lang, paths in sorted(by_lang.items()):
            if lang not in expected_files:
                print(f"warning: {args.dir}: {lang}_expected.yaml is missing; "
                      f"{lang} drafts not scored", file=sys.stderr)
                continue
            expected = load_expected(expected_files[lang])
            names = [p.name for p in paths]
            unknown = sorted({i.file for i in expected} - set(names))
            if unknown:
                raise EvalError(f"{expected_files[lang]}: names drafts that do not exist: {unknown}")
            scores[lang] = score(expected, reported, files, names)
            texts.update({p.name: draft_lines(p) for p in paths})
    except EvalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    if not scores:
        print("error: no language has both drafts and an expected file", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(as_json(scores), ensure_ascii=False, indent=2))
    else:
        for lang, sc in scores.items():
            print_score(lang, sc, texts, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
