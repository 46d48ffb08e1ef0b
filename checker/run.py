"""Check many drafts: read → parse → check each file, in parallel when it pays, in a stable order.

Workers get a picklable RuleSpec and load the configured rule set once each (on Linux the parent's
already-loaded set is inherited through fork). One draft that cannot be read, or that trips a bug,
becomes an error outcome for that file only: the others are still checked and reported, and the
caller exits 2 at the end so that CI notices.

There are never more workers than CPUs this process may use. An interrupt (Ctrl-C, SIGTERM from
CI) stops the whole run: queued drafts are dropped and every worker is ended at once, so that no
process outlives the run; workers ignore Ctrl-C themselves and leave it to the parent.
"""

from __future__ import annotations

import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures import process as futures_process
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from checker.cli_errors import internal_error, raise_if_stopped
from checker.errors import LawcheckError
from checker.fingerprint import assign_fingerprints
from checker.model import Document, FileReport, ParseResult, SourceLine

AUTO_PARALLEL_MIN_FILES = 8  # below this, starting worker processes costs more than it saves
_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@dataclass(frozen=True)
class RuleSpec:
    """Everything needed to rebuild the same configured rule set in another process."""

    paths: tuple[Path, ...] = ()
    builtin: bool = True
    enable: frozenset[str] | None = None
    disable: frozenset[str] = frozenset()
    severity: tuple[tuple[str, str], ...] = ()
    units: tuple[Path, ...] = ()  # the config's own units in force (rules/units format)


@dataclass(frozen=True)
class FileJob:
    """One draft to check: where it is, how reports name it, how fingerprints name it."""

    path: Path
    display: str  # relative to the current folder when possible (what reports show)
    rel: str  # relative to the config's folder (what fingerprints and baselines store)


@dataclass(frozen=True)
class Outcome:
    """The result of one job: a report, or a one-line error."""

    job: FileJob
    report: FileReport | None = None
    error: str | None = None


# --- the pipeline stages (module-level so that tests can replace them) -------------------------

def read(path: Path) -> Document:
    from checker.reading import read_document

    return read_document(path)


def parse(document: Document) -> ParseResult:
    from checker.parsing import parse_document

    return parse_document(document)


def load_base(spec: RuleSpec) -> Any:
    """The rule base before config: built-in rules plus extra rule files."""
    from checker.engine import load_rules

    return load_rules(list(spec.paths) or None, builtin=spec.builtin, units=spec.units)


def configure(base: Any, spec: RuleSpec) -> Any:
    """The rule base with the config's enable/disable/severity applied."""
    return base.configured(
        set(spec.enable) if spec.enable is not None else None,
        set(spec.disable),
        dict(spec.severity),
    )


# --- one file ----------------------------------------------------------------------------------

def check_file(job: FileJob, ruleset: Any, lang: str | None) -> FileReport:
    """Read, parse and check one draft; findings get fingerprints and are sorted by position."""
    # The display path (relative to the current folder) so that read errors name the file the
    # way the user wrote it; workers share the parent's current folder.
    document = read(Path(job.display))
    document = replace(document, path=job.display)
    result = parse(document)
    findings = assign_fingerprints(ruleset.check(result, lang), result.amendments, job.rel)
    findings.sort(key=lambda f: (f.line, f.col, f.rule, f.amendment))
    return FileReport(
        path=job.display,
        language=result.language,
        result=result,
        findings=tuple(findings),
        lang=lang or result.language,
    )


def _outcome(job: FileJob, ruleset: Any, lang: str | None) -> Outcome:
    try:
        return Outcome(job, report=check_file(job, ruleset, lang))
    except LawcheckError as exc:
        message = str(exc)
        if not exc.location:
            message = f"{job.display}: {message}"
        return Outcome(job, error=message)
    except Exception as exc:  # a bug: report it for this file, keep checking the others
        if os.environ.get("LAWCHECK_DEBUG"):
            traceback.print_exc()
        return Outcome(job, error=internal_error(exc, job.display))


# --- many files --------------------------------------------------------------------------------

_worker_state: tuple[RuleSpec, Any] | None = None


def _init_worker(spec: RuleSpec) -> None:
    global _worker_state
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us (Ctrl-C reaches the group)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by fork
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)  # held back while we were forked
    _die_with_parent()
    if _worker_state is None or _worker_state[0] != spec:
        _worker_state = (spec, configure(load_base(spec), spec))


def _work(job: FileJob, lang: str | None) -> Outcome:
    assert _worker_state is not None
    return _outcome(job, _worker_state[1], lang)


def _warm_up() -> None:
    """Build the parser's grammar once in the parent, so forked workers inherit it ready-made."""
    try:
        parse(Document(path="<warm-up>", lines=(SourceLine(1, "1-бап."),)))
    except Exception:  # noqa: BLE001 - only an optimisation; the real run reports real errors
        pass


def _die_with_parent() -> None:
    """Linux: the kernel ends this worker if the parent dies without stopping it (SIGKILL)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity mask, e.g. a CI container's share)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def effective_workers(jobs: int | None, files: int) -> int:
    """How many processes: `None` = auto (all cores from a few files up), 0 = all cores.

    Never more than the usable CPUs: more processes only add memory (each holds the rule base)
    and never finish sooner.
    """
    cores = usable_cpus()
    if jobs is None:
        wanted = cores if files >= AUTO_PARALLEL_MIN_FILES else 1
    else:
        wanted = cores if jobs == 0 else min(jobs, cores)
    return max(1, min(wanted, files))


def run_checks(
    jobs: Sequence[FileJob],
    spec: RuleSpec,
    ruleset: Any,
    lang: str | None,
    *,
    workers: int = 1,
    advance: Callable[[], None] | None = None,
    on_start: Callable[[], None] | None = None,
) -> list[Outcome]:
    """Check every job; outcomes come back in the jobs' order whatever the number of workers."""
    global _worker_state
    if workers <= 1 or len(jobs) <= 1:
        if on_start:
            on_start()
        outcomes = []
        for job in jobs:
            outcomes.append(_outcome(job, ruleset, lang))
            if advance:
                advance()
        return outcomes
    _worker_state = (spec, ruleset)  # inherited by forked workers: no second load
    context = get_context("fork") if sys.platform.startswith("linux") else None
    if context is not None:
        _warm_up()
    results: dict[int, Outcome] = {}
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_init_worker, initargs=(spec,))
    try:
        # Workers are forked while the submits run: with Ctrl-C and SIGTERM held back meanwhile,
        # neither can hit a worker before it ignores Ctrl-C, nor the parent inside a fork hook.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
        try:
            futures: dict[Future[Outcome], int] = {
                pool.submit(_work, job, lang): index for index, job in enumerate(jobs)
            }
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        if on_start:  # after the workers exist: a progress thread must not be forked
            on_start()
        pending = set(futures)
        while pending:
            done, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            raise_if_stopped()
            for future in done:
                index = futures[future]
                try:
                    results[index] = future.result()
                except BrokenProcessPool as exc:
                    results[index] = Outcome(jobs[index],
                                             error=internal_error(exc, jobs[index].display))
                if advance:
                    advance()
    except BaseException:  # Ctrl-C, SIGTERM (see checker.cli), or a bug: end every worker now
        _stop(pool)
        raise
    pool.shutdown(wait=True)
    return [results[i] for i in range(len(jobs))]


def _stop(pool: ProcessPoolExecutor) -> None:
    """Drop the queued drafts and end the workers at once, whatever they are doing."""
    processes = list(getattr(pool, "_processes", {}).values())  # CPython keeps them here
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(timeout=1)
    # Let the pool's manager thread see the workers gone, and keep the interpreter's exit from
    # waking it again: on 3.11 that wake-up can race the closing of its pipe and print a traceback.
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is not None:
        manager.join(timeout=2)
        getattr(futures_process, "_threads_wakeups", {}).pop(manager, None)
