"""Parse throughput (MB/s, one core) and peak memory on a generated omnibus draft.

Usage: python bench/bench_parse.py [--mb 1.5] [--lang kk|ru] [--draft omnibus|realistic]
Each measurement runs in a fresh process so that peak RSS belongs to that parse alone. The size
stays under the draft budget (checker/budgets.py: a million characters, about 1.8 MB of
Cyrillic): a larger draft is refused before it is parsed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))


def _child(path: str) -> None:
    from checker.parsing import parse_document
    from checker.parsing.grammar import parser
    from checker.reading import read_document

    parser()  # grammar construction is start-up, not throughput
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    doc = read_document(path)
    t1 = time.perf_counter()
    result = parse_document(doc)
    t2 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"read_s": t1 - t0, "parse_s": t2 - t1, "amendments": len(result.amendments),
                      "unparsed": len(result.unparsed), "base_rss_kb": base_rss, "peak_rss_kb": peak}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=1.5)
    ap.add_argument("--lang", choices=["kk", "ru"], default="kk")
    ap.add_argument("--draft", choices=["omnibus", "realistic"], default="omnibus",
                    help="realistic: real instruction shapes and words (bench/generate_realistic.py)")
    ap.add_argument("--child")
    args = ap.parse_args()
    if args.child:
        _child(args.child)
        return
    if args.draft == "realistic":
        from generate_realistic import generate
    else:
        from generate_omnibus import generate

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, f"omnibus-{args.lang}.txt")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(generate(args.mb, args.lang))
        size = os.path.getsize(path)
        out = subprocess.run([sys.executable, __file__, "--child", path], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout)
    mb = size / 1e6
    extra_mb = (r["peak_rss_kb"] - r["base_rss_kb"]) / 1024
    print(f"input {mb:.1f} MB ({args.lang}), {r['amendments']} amendments, {r['unparsed']} unparsed")
    print(f"read   {r['read_s']:.2f} s")
    print(f"parse  {r['parse_s']:.2f} s  = {mb / r['parse_s']:.2f} MB/s (read+parse {mb / (r['read_s'] + r['parse_s']):.2f} MB/s)")
    print(f"memory peak {r['peak_rss_kb'] / 1024:.0f} MB RSS, {extra_mb:.0f} MB above start-up = {extra_mb / mb:.1f}x the input")


if __name__ == "__main__":
    main()
