"""Start-up figures, each in a fresh process: `lawcheck --version`, loading the rule base without
and with the on-disk cache, and a whole check of a bundled small bill (wall and CPU time, peak
memory). The cache lives in a temporary XDG_CACHE_HOME, so the user's own cache is untouched.

Usage: python bench/bench_startup.py [--runs 5] [--bill examples/ru_service_bill.txt]

Medians of --runs; CPU time is user + system of the child (a shared machine inflates wall time).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOAD = "from checker.engine import load_rules; load_rules()"


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(wall s, CPU s, peak RSS KB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss


def report(label: str, command: list[str], env: dict[str, str], runs: int) -> None:
    results = [measure(command, env) for _ in range(runs)]
    wall = statistics.median(r[0] for r in results)
    cpu = statistics.median(r[1] for r in results)
    print(f"{label:<34} wall {wall:6.3f} s   cpu {cpu:6.3f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--bill", default="examples/ru_service_bill.txt")
    args = ap.parse_args()
    python = sys.executable
    lawcheck = str(Path(python).with_name("lawcheck"))
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "XDG_CACHE_HOME": home}
        env.pop("LAWCHECK_NO_CACHE", None)
        no_cache = {**env, "LAWCHECK_NO_CACHE": "1"}
        report("lawcheck --version", [lawcheck, "--version"], env, args.runs)
        report("load rules, no cache", [python, "-c", LOAD], no_cache, args.runs)
        measure([python, "-c", LOAD], env)  # writes the entry
        report("load rules, warm cache", [python, "-c", LOAD], env, args.runs)
        check = [lawcheck, args.bill, "--format", "json"]
        report(f"check {Path(args.bill).name}, no cache", check, no_cache, args.runs)
        report(f"check {Path(args.bill).name}, warm", check, env, args.runs)
        report(f"check {Path(args.bill).name}, text", [lawcheck, args.bill], env, args.runs)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"peak memory of any child: {peak / 1024:.0f} MB")


if __name__ == "__main__":
    main()
