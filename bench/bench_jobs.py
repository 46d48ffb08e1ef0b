"""Wall time of `lawcheck check` over many drafts: one job against the default and N jobs.

Usage: python bench/bench_jobs.py [--drafts 50] [--repeat 5] [--jobs 1 2 default]

The drafts are copies of the bundled examples and evaluation drafts (real bills of typical size)
in a temporary folder. Each configuration runs as its own process, as a user would start it, so
start-up (imports, rule loading, worker processes) counts. Prints the median and the minimum of
`--repeat` runs; the default `--jobs` must never be slower than one job.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*ROOT.glob("examples/*.txt"), *ROOT.glob("tests/eval/*.txt"),
                  *ROOT.glob("tests/holdout/*.txt"), *ROOT.glob("tests/round3/*.txt")])


def make_drafts(folder: Path, count: int) -> None:
    for i in range(count):
        source = SOURCES[i % len(SOURCES)]
        shutil.copyfile(source, folder / f"{i:03d}-{source.name}")


def run(folder: Path, jobs: str) -> float:
    command = [sys.executable, "-m", "checker", "check", str(folder), "--format", "json",
               "--fail-on", "never", "--quiet"]
    if jobs != "default":
        command += ["--jobs", jobs]
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--drafts", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--jobs", nargs="+", default=["1", "default", str(os.cpu_count() or 1)])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_drafts(folder, args.drafts)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(f"{args.drafts} drafts, {size:.2f} MB; os.cpu_count() = {os.cpu_count()}")
        times: dict[str, list[float]] = {jobs: [] for jobs in args.jobs}
        for _ in range(args.repeat):  # interleaved, so that a busy moment hits every setting
            for jobs in args.jobs:
                times[jobs].append(run(folder, jobs))
        for jobs, values in times.items():
            print(f"--jobs {jobs:>7}: median {statistics.median(values):.2f} s, "
                  f"min {min(values):.2f} s  ({', '.join(f'{v:.2f}' for v in values)})")


if __name__ == "__main__":
    main()
