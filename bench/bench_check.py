"""Throughput of `RuleSet.check` (MB/s of draft text, one core, by CPU time), with the rule base and 10× it.

Usage: python bench/bench_check.py [--mb 5] [--lang kk|ru] [--copies 10] [--draft omnibus|realistic]

The draft is a generated omnibus bill (bench/generate_omnibus.py), parsed once; only the check is
timed, on a freshly loaded rule set each time (so word-match caches start empty, as in one CLI
run). The copies are the same rules under new ids, compiled separately: the index and the shared
caches should keep their cost well under `copies` times the cost of one base.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from checker.engine import Rule, RuleSet, load_rules  # noqa: E402
from checker.model import Document, SourceLine  # noqa: E402


def copies_of(base: RuleSet, copies: int) -> RuleSet:
    """`copies` times every rule, each copy compiled on its own under an id with a suffix."""
    rules = []
    for k in range(copies):
        for rule in base.rules:
            spec = rule.spec if k == 0 else rule.spec.model_copy(update={"id": f"{rule.id}-{k}"})
            rules.append(Rule.from_spec(spec, rule.source))
    return RuleSet(rules)


def timed_check(ruleset: RuleSet, result: object) -> tuple[float, int]:
    from checker.engine.conditions import clear_word_caches

    clear_word_caches()  # the draft words seen by an earlier run are matched again
    started, cpu = time.perf_counter(), time.process_time()
    findings = ruleset.check(result)  # type: ignore[arg-type]
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    # On a shared machine wall time counts other people's work; CPU time is this process's.
    print(f"  (wall {wall:.2f} s, CPU {cpu:.2f} s)")
    return cpu, len(findings)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--lang", choices=["kk", "ru"], default="kk")
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--draft", choices=["omnibus", "realistic"], default="omnibus",
                    help="realistic: real instruction shapes and words (bench/generate_realistic.py)")
    args = ap.parse_args()

    if args.draft == "realistic":
        from bench.generate_realistic import generate
    else:
        from bench.generate_omnibus import generate
    from checker.parsing import parse_document

    text = generate(args.mb, args.lang)
    size_mb = len(text.encode("utf-8")) / 1e6
    lines = tuple(SourceLine(i + 1, line) for i, line in enumerate(text.split("\n")))
    result = parse_document(Document(path="omnibus.txt", lines=lines))
    base = load_rules()
    print(f"draft: {size_mb:.2f} MB {args.lang}, {len(result.amendments)} amendments; "
          f"rules: {len(base)}")
    if result.language != args.lang:
        print(f"note: the draft was detected as {result.language}; its amendments are checked as "
              f"{args.lang}")
        amendments = tuple(replace(a, language=args.lang) for a in result.amendments)
        result = replace(result, language=args.lang, amendments=amendments)

    seconds, found = timed_check(load_rules(), result)
    print(f"full rule base, first run in the process: {seconds:.2f} s, {size_mb / seconds:.1f} MB/s, "
          f"{found} findings")
    # Later runs share the morphology's process-wide lemma caches (the engine's own word caches
    # are cleared before each run); compare like with like.
    seconds, found = timed_check(load_rules(), result)
    print(f"full rule base, fresh rule set: {seconds:.2f} s, {size_mb / seconds:.1f} MB/s")
    many = copies_of(load_rules(), args.copies)
    many_seconds, many_found = timed_check(many, result)
    print(f"{args.copies}x copies ({len(many)} rules), fresh rule set: {many_seconds:.2f} s, "
          f"{size_mb / many_seconds:.1f} MB/s, {many_found} findings, "
          f"{many_seconds / seconds:.2f}x the time of one base")

if __name__ == "__main__":
    main()
