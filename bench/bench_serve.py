"""Load on `lawcheck serve`: N concurrent uploads of a generated draft against 127.0.0.1.

Usage: python bench/bench_serve.py [--uploads 50] [--kb 200] [--lang kk|ru] [--workers N]

Starts `lawcheck serve --port 0` in a subprocess (the real server: uvicorn, the forked pool),
posts the same draft from N threads at once and prints errors, the median and the 95th
percentile latency and the wall time. Nothing is asserted; every request has a time limit.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

from bench.generate_omnibus import generate  # noqa: E402

BOUNDARY = "lawcheck-bench-boundary"
REQUEST_SECONDS = 600


def form(draft: bytes, lang: str) -> bytes:
    return b"".join([
        f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\n{lang}\r\n".encode(),
        f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"draft\"; filename=\"omnibus.txt\"\r\n"
        "Content-Type: text/plain\r\n\r\n".encode(), draft, f"\r\n--{BOUNDARY}--\r\n".encode()])


def upload(port: int, body: bytes) -> tuple[int, float, int]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_SECONDS)
    try:
        connection.request("POST", "/check", body=body,
                           headers={"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})
        response = connection.getresponse()
        size = len(response.read())
        return response.status, time.perf_counter() - started, size
    except OSError:
        return 0, time.perf_counter() - started, 0
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uploads", type=int, default=50)
    parser.add_argument("--kb", type=float, default=200)
    parser.add_argument("--lang", choices=["kk", "ru"], default="kk")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()

    draft = generate(args.kb / 1024, args.lang).encode("utf-8")
    body = form(draft, args.lang)
    command = [sys.executable, "-m", "checker", "serve", "--port", "0"]
    if args.workers:
        command += ["--workers", str(args.workers)]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        match = re.search(r":(\d+)/ \((\d+) worker", line)
        if not match:
            sys.exit(f"the server did not start: {line!r}")
        port, workers = int(match.group(1)), int(match.group(2))
        upload(port, form("1-бап.".encode(), args.lang))  # one warm-up request, not counted
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.uploads) as threads:
            results = list(threads.map(lambda _: upload(port, body), range(args.uploads)))
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies = sorted(seconds for status, seconds, _ in results if status == 200)
    errors = [status for status, _, _ in results if status != 200]
    p95 = latencies[max(0, int(round(0.95 * len(latencies))) - 1)] if latencies else float("nan")
    print(f"draft: {len(draft) / 1024:.0f} KB ({args.lang}), {args.uploads} concurrent uploads, "
          f"{workers} worker process{'es' if workers != 1 else ''}")
    print(f"errors: {len(errors)} {sorted(set(errors)) if errors else ''}")
    if latencies:
        print(f"latency: median {statistics.median(latencies):.2f} s, p95 {p95:.2f} s, "
              f"max {latencies[-1]:.2f} s; wall {wall:.1f} s; "
              f"{len(latencies) / wall:.2f} checks/s; report page {results[0][2] / 1024:.0f} KB")


if __name__ == "__main__":
    main()
