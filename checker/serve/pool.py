"""Checks run in worker processes, never on the event loop: one process per usable CPU.

The parent loads the configured rule base and warms the parser once before forking, so every
worker inherits both ready-made (copy-on-write) instead of loading them again. A worker gets the
upload's bytes and returns the three reports as strings; its temporary file lives in memory
(/dev/shm) where the system has it, and only while the draft is read.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from checker import run
from checker.errors import LawcheckError

MEMORY_FOLDER = "/dev/shm"
REPORT_FORMATS = ("html", "json", "sarif")


@dataclass(frozen=True)
class Checked:
    """One upload's outcome: the reports by format, or the reader's one-line reason."""

    reports: dict[str, str] = field(default_factory=dict)
    error: str | None = None  # the draft could not be read (a 4xx for the drafter)
    internal: bool = False  # a bug, not the drafter's fault (a 500)
    findings: int = 0
    tables: dict[str, bytes] = field(default_factory=dict)  # the comparative table: "docx", "html"


def _die_with_parent(parent: int) -> None:
    """Ask Linux to end this worker when the server ends, however it ends (even SIGKILL)."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return  # not Linux: the pool's own shutdown ends the workers
    if os.getppid() != parent:  # the server ended before the request was made
        os._exit(0)


def _init_worker(spec: run.RuleSpec, parent: int) -> None:
    _die_with_parent(parent)
    run._init_worker(spec)  # a no-op when the parent's rule set was inherited through fork
    if os.access(MEMORY_FOLDER, os.W_OK):
        tempfile.tempdir = MEMORY_FOLDER  # this worker only: drafts never reach a disk


def check_upload(data: bytes, name: str, lang: str) -> Checked:
    """Read, parse, check and render one upload (runs in a worker process)."""
    from checker import __version__
    from checker.cli.check import rule_metas
    from checker.report import render

    state = run._worker_state
    assert state is not None, "the worker was started without a rule set"
    ruleset = state[1]
    job = run.FileJob(path=Path(name), display=name, rel=name, data=data)
    try:
        report = run.check_file(job, ruleset, lang)
        metas = rule_metas(ruleset, lang)
        texts = {fmt: render(fmt, [report], lang=lang, rules=metas, tool_version=__version__)
                 for fmt in REPORT_FORMATS}
        tables = comparative_tables(ruleset, report.result, lang)
    except LawcheckError as exc:
        return Checked(error=str(exc))
    except Exception as exc:  # noqa: BLE001 - a bug must not take the server down
        if os.environ.get("LAWCHECK_DEBUG"):
            import traceback

            traceback.print_exc()
        return Checked(error=f"{type(exc).__name__}", internal=True)
    return Checked(reports=texts, findings=len(report.findings), tables=tables)


def comparative_tables(ruleset: Any, result: Any, lang: str) -> dict[str, bytes]:
    """The comparative table of this draft (.docx and html) when the server has acts in force.

    Nothing when it has none, or when none of the acts the draft amends was given.
    """
    if not hasattr(ruleset, "bill_run"):
        return {}
    from checker.acts import table_render
    from checker.acts.compare import table
    from checker.acts.docx_write import table_docx

    run = ruleset.bill_run(result)
    if not run.applied:
        return {}
    rows = table(run, lang)
    return {"docx": table_docx(rows, lang), "html": table_render.html(rows, lang).encode("utf-8")}


class CheckPool:
    """A process pool that holds the configured rule base; `check` awaits one upload."""

    def __init__(self, spec: run.RuleSpec, ruleset: Any, workers: int | None = None):
        self.spec = spec
        self.workers = workers or run.available_cpus()
        run._worker_state = (spec, ruleset)  # inherited by the forked workers
        run._warm_up()
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        context = get_context("fork") if sys.platform.startswith("linux") else None
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=context,
                                   initializer=_init_worker, initargs=(self.spec, os.getpid()))

    def start(self) -> None:
        """Fork every worker now, before the server starts threads of its own."""
        for future in [self._pool.submit(os.getpid) for _ in range(self.workers)]:
            future.result()

    async def check(self, data: bytes, name: str, lang: str, timeout: float) -> Checked:
        """The upload's reports; asyncio.TimeoutError when a check takes longer than `timeout`."""
        try:
            future = self._pool.submit(check_upload, data, name, lang)
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
        except BrokenProcessPool:  # a worker died (out of memory, killed): serve on with new ones
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
            return Checked(error="BrokenProcessPool", internal=True)

    def close(self) -> None:
        """Stop at once: a check still running is of no use to a drafter who is gone."""
        processes = list((getattr(self._pool, "_processes", None) or {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
