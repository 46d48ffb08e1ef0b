"""Time and peak memory of lawcheck on hostile inputs and on the largest inputs its budgets allow.

Usage: python bench/bench_hostile.py [--only NAME] [--skip-cases] [--skip-limits] [--skip-quotes]
                                     [--skip-docx]

Five tables (Markdown):
  1. every case of tests/hostile.py: exit status, wall and CPU time, peak RSS, the budget;
  2. inputs just under the draft budgets (README "Budgets"), each output format: the worst shapes
     found (an amendment on every line, each with a finding; thousands of tiny items; one huge
     line; quotes everywhere) must stay under 30 s and 10 x size + 200 MB;
  3. .docx against .txt of the same paragraphs (per paragraph, within 3 x);
  4. the quote scanner on 10k / 100k / 1M quote marks (linear: 10 x the marks, 10 x the time);
  5. the whole parse at 9k / 90k / 900k quote marks.
Each run is a fresh process; peak memory is its maximum resident set (wait4).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from tests.hostile import (  # noqa: E402
    CASES,
    EXAMPLE_RU,
    MB,
    budget_mb,
    dense_draft,
    docx,
    varied_words,
)


def run(args: list[str], cwd: Path) -> tuple[int, float, float, float]:
    """(exit status, wall s, CPU s, peak RSS MB) of `python -m checker ARGS`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "checker", *args], cwd=cwd, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def cases_table(only: str | None) -> None:
    print(row("case", "input", "exit", "wall s", "CPU s", "peak MB", "budget MB"))
    print(row(*["---"] * 7))
    for case in CASES:
        if only and only not in case.name:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            args = case.build(folder)
            budget = case.memory_mb or budget_mb(folder)
            code, wall, cpu, peak = run(args, folder)
        mark = "" if code in case.codes() else " (expected " + "/".join(map(str, case.codes())) + ")"
        print(row(case.name, case.what, f"{code}{mark}", f"{wall:.1f}", f"{cpu:.1f}", f"{peak:.0f}",
                  budget))


# --- inputs at the budgets ----------------------------------------------------------------------

def _tiny_items(chars: int, statements: int) -> str:
    """Items cut from long lines: the most statements per character."""
    items = ["Статья 1."]
    for n in range(statements - 400):
        items.append(f"; {n % 9 + 1}) а")
    line_items = 60
    lines = ["".join(items[i:i + line_items]) for i in range(0, len(items), line_items)]
    return "\n".join(lines)[:chars] + "\n"


def _one_line(chars: int, statements: int) -> str:
    word = "слово "
    return "Статья 1.\n" + word * ((chars - 20) // len(word)) + "\n"


def _quotes(chars: int, statements: int) -> str:
    unit = "«а» "
    return "Статья 1.\n" + unit * ((chars - 20) // len(unit)) + "\n"


def _open_quotes(chars: int, statements: int) -> str:
    return "Статья 1.\n" + "«" * (chars - 20) + "\n"


def _omnibus(chars: int, statements: int) -> str:
    sys.path.insert(0, str(HERE))
    from generate_omnibus import generate

    text = generate(chars * 2.2 / 1e6, "ru")
    lines, size, kept = text.split("\n"), 0, []
    for line in lines:
        if size + len(line) + 1 > chars or len(kept) >= statements - 1:
            break
        kept.append(line)
        size += len(line) + 1
    return "\n".join(kept) + "\n"


SHAPES = {
    "dense findings": dense_draft,
    "tiny items": _tiny_items,
    "one huge line": _one_line,
    "balanced quotes": _quotes,
    "unclosed quotes": _open_quotes,
    "omnibus bill": _omnibus,
}


def limits_table(only: str | None) -> None:
    from checker.budgets import DRAFT_MAX_CHARS, DRAFT_MAX_STATEMENTS

    chars = DRAFT_MAX_CHARS - 1000
    statements = DRAFT_MAX_STATEMENTS - 10
    print(row("shape", "format", "size", "exit", "wall s", "CPU s", "peak MB", "budget MB"))
    print(row(*["---"] * 8))
    for name, make in SHAPES.items():
        if only and only not in name:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "d.txt").write_text(make(chars, statements), encoding="utf-8")
            size = (folder / "d.txt").stat().st_size
            formats = ("text", "json", "sarif", "html", "github") if name == "dense findings" else ("text",)
            for fmt in formats:
                code, wall, cpu, peak = run(["check", "d.txt", "-q", "--format", fmt, "-o", "out"], folder)
                print(row(name, fmt, f"{size / MB:.2f} MB", code, f"{wall:.1f}", f"{cpu:.1f}",
                          f"{peak:.0f}", 200 + 10 * size // MB))


# --- quote scanner ------------------------------------------------------------------------------

def quotes_table() -> None:
    from checker.parsing.quotes import scan_quotes

    shapes = {
        "« never closed, one line": lambda n: "«" * n,
        "« never closed, one per line": lambda n: "а «\n" * n,
        "«а» balanced, one line": lambda n: "«а» " * (n // 2),
        '"а" straight, one line': lambda n: '"а" ' * (n // 2),
        "«…» nested n/2 deep": lambda n: "«" * (n // 2) + "»" * (n // 2),
    }
    sizes = (10_000, 100_000, 1_000_000)
    print(row("quote marks", *(f"{n:,}" for n in sizes), "1M / 10k"))
    print(row(*["---"] * (len(sizes) + 2)))
    for name, make in shapes.items():
        times = []
        for n in sizes:
            text = make(n)
            start = time.process_time()
            scan_quotes(text)
            times.append(time.process_time() - start)
        print(row(name, *(f"{t:.3f} s" for t in times), f"{times[-1] / max(times[0], 1e-3):.0f} x"))


def parser_table() -> None:
    """The whole parse of a draft (read, normalize, quotes, statements, grammar), in process."""
    from checker.parsing import parse_document
    from checker.reading import read_document

    shapes = {
        "«» balanced, one line": lambda n: "Статья 1.\n" + "«»" * (n // 2) + "\n",
        "« never closed, one line": lambda n: "Статья 1.\n" + "«" * n + "\n",
        "«» balanced, 100 per line": lambda n: "Статья 1.\n" + ("«»" * 50 + "\n") * (n // 100),
    }
    sizes = (9_000, 90_000, 900_000)
    print(row("parse, quote marks", *(f"{n:,}" for n in sizes), "last / first"))
    print(row(*["---"] * (len(sizes) + 2)))
    parse_document(read_document(EXAMPLE_RU))  # grammar and vocabulary: start-up, not parsing
    for name, make in shapes.items():
        times = []
        for n in sizes:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "d.txt"
                path.write_text(make(n), encoding="utf-8")
                start = time.process_time()
                try:
                    parse_document(read_document(path))
                except Exception as exc:  # noqa: BLE001 - a budget refusal is a result too
                    print(f"<!-- {name} {n}: {exc} -->")
                times.append(time.process_time() - start)
        print(row(name, *(f"{t:.2f} s" for t in times), f"{times[-1] / max(times[0], 1e-3):.0f} x"))


# --- .docx against .txt -------------------------------------------------------------------------

def docx_table() -> None:
    print(row("paragraphs", "txt CPU s", "docx CPU s", "docx / txt", "txt MB", "docx MB"))
    print(row(*["---"] * 6))
    lines = EXAMPLE_RU.read_text("utf-8").split("\n")
    for count in (2_000, 10_000):
        paragraphs = [line or words for line, words in
                      zip((lines * (count // len(lines) + 1))[:count], varied_words(count))]
        paragraphs = [f"{p} {w}" for p, w in zip(paragraphs, varied_words(count, seed=3))]
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "d.txt").write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
            docx(folder / "d.docx", paragraphs)
            _, _, txt_cpu, txt_mb = run(["check", "d.txt", "-q", "--format", "json", "-o", "o"], folder)
            _, _, docx_cpu, docx_mb = run(["check", "d.docx", "-q", "--format", "json", "-o", "o"],
                                          folder)
        print(row(f"{count:,}", f"{txt_cpu:.1f}", f"{docx_cpu:.1f}", f"{docx_cpu / txt_cpu:.2f}",
                  f"{txt_mb:.0f}", f"{docx_mb:.0f}"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only")
    for part in ("cases", "limits", "quotes", "docx"):
        ap.add_argument(f"--skip-{part}", action="store_true")
    args = ap.parse_args()
    # Child processes first: the peak memory of a child counts the parent as it was at fork.
    if not args.skip_cases:
        print("\n### Hostile inputs\n")
        cases_table(args.only)
    if not args.skip_limits:
        print("\n### Largest inputs the budgets allow\n")
        limits_table(args.only)
    if not args.skip_docx:
        print("\n### .docx against .txt\n")
        docx_table()
    if not args.skip_quotes:  # in this process
        print("\n### Quote scanner\n")
        quotes_table()
        print("\n### Parser (CPU beyond start-up)\n")
        parser_table()

if __name__ == "__main__":
    main()
