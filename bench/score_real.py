"""Coverage of amendment instructions on a folder of real (or realistic) amending-law texts.

Usage: python bench/score_real.py FOLDER [--json] [--verbose]

FOLDER holds the texts (.txt, .docx, .pdf, .html) and `expected.yaml`:

    files:
      ru_01.txt:
        lang: ru
        instructions:
          - {operation: replace_words, act: criminal-code, date: "2014-07-03",
             target: {article: "3", paragraph: "2"}, complete: false}
          - {operation: new_wording, act: {kind: law, date: "1998-07-09"}, target: {article: "1"}}

An expected instruction is *right* when one parsed record, not yet matched, has its operation,
every target field it lists, and the right act: the same slug (and date when given), or for
`act: {kind, date}` a derived slug of that kind (never `unknown` / `law:unlisted`) with that date.
*Act right* counts records whose operation and target match, by act. Records that match no
expected instruction are listed as *extra* (invented records lower precision). The real texts
are never committed; tests/fixtures/realshape/ holds our own texts in the same shapes.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_BAD_SLUGS = ("unknown", "law:unlisted")


@dataclass
class LangScore:
    expected: int = 0
    right: int = 0
    act_right: int = 0
    target_right: int = 0
    extra: int = 0
    unparsed: int = 0
    misses: list[str] = field(default_factory=list)


def _target_matches(want: dict, got: dict) -> bool:
    for key, value in want.items():
        if isinstance(value, bool):
            if bool(got.get(key)) != value:
                return False
        elif str(got.get(key)) != str(value):
            return False
    return True


def _act_matches(want, date: str | None, act: dict) -> bool:
    slug = act.get("slug") or ""
    if isinstance(want, dict):
        kind = want.get("kind", "")
        if slug in _BAD_SLUGS or not slug.startswith(f"{kind}:"):
            return False
        return want.get("date") is None or act.get("date") == want["date"]
    if slug != want:
        return False
    return date is None or act.get("date") == date


def score_folder(folder: Path) -> dict[str, LangScore]:
    from checker.errors import LawcheckError
    from checker.parsing import parse_document
    from checker.reading import read_document

    spec = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    scores: dict[str, LangScore] = {}
    for name, entry in sorted(spec["files"].items()):
        sc = scores.setdefault(entry["lang"], LangScore())
        wanted = entry.get("instructions") or []
        sc.expected += len(wanted)
        try:
            result = parse_document(read_document(folder / name))
        except LawcheckError as exc:
            sc.misses.extend(f"{name}: {exc}" for _ in wanted or [None])
            continue
        records = [a.to_json() for a in result.amendments]
        sc.unparsed += len(result.unparsed)
        used: set[int] = set()
        for want in wanted:
            shape = [i for i, r in enumerate(records) if i not in used and r["operation"] == want["operation"]
                     and _target_matches(want.get("target", {}), r["target"])]
            full = [i for i in shape if _act_matches(want["act"], want.get("date"), records[i]["act"])]
            if full:
                used.add(full[0])
                sc.right += 1
                sc.act_right += 1
                sc.target_right += 1
            elif shape:
                used.add(shape[0])
                sc.target_right += 1
                sc.misses.append(f"{name}: act {records[shape[0]]['act']} for {want}")
            else:
                sc.misses.append(f"{name}: missing {want}")
        sc.extra += len(records) - len(used)
        if len(records) > len(used):
            sc.misses.extend(f"{name}: extra {records[i]['operation']} {records[i]['target']}"
                             for i in range(len(records)) if i not in used)
    return scores


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    if not (args.folder / "expected.yaml").is_file():
        print(f"{args.folder}: no expected.yaml there", file=sys.stderr)
        return 2
    scores = score_folder(args.folder)
    if args.json:
        print(json.dumps({lang: sc.__dict__ for lang, sc in scores.items()}, ensure_ascii=False, indent=2))
        return 0
    for lang, sc in sorted(scores.items()):
        pct = (100 * sc.right / sc.expected) if sc.expected else 100.0
        act = (100 * sc.act_right / sc.target_right) if sc.target_right else 100.0
        print(f"{lang}: {sc.right}/{sc.expected} instructions right ({pct:.0f}%), act right on "
              f"{sc.act_right}/{sc.target_right} found ({act:.0f}%), extra records {sc.extra}, "
              f"unparsed {sc.unparsed}")
        if args.verbose:
            for miss in sc.misses:
                print(f"    {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
