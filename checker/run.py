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
import statistics
import signal
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures import process as futures_process
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from checker.cli.errors import internal_error, raise_if_stopped
from checker.errors import LawcheckError
from checker.gate.fingerprint import assign_fingerprints
from checker.model import UNKNOWN_ACT, Document, FileReport, ParseResult, SourceLine

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
    data: bytes | None = field(default=None, repr=False, compare=False)  # the draft read from stdin


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


def read_data(data: bytes, name: str, folder: str | None = None) -> Document:
    """A draft given as bytes (stdin, an upload), read exactly as a file named `name` would be.

    The readers need a path (a .docx is a zip archive), so the bytes live in a temporary file
    inside `folder` (default: the system's) only while they are read.
    """
    import tempfile

    from checker.errors import InputError
    from checker.reading import SUPPORTED_SUFFIXES

    suffix = Path(name).suffix.lower()
    suffix = suffix if suffix and suffix in SUPPORTED_SUFFIXES else ".txt"
    with tempfile.TemporaryDirectory(prefix="lawcheck-stdin-", dir=folder) as where:
        temp = Path(where) / f"stdin{suffix}"
        temp.write_bytes(data)
        try:
            document = read(temp)
        except InputError as exc:  # name the draft as the user did, not the temporary file
            raise InputError(exc.message, name, exc.hint) from None
    return replace(document, path=name)


def read_stdin() -> bytes:
    """Standard input, at most one byte over the draft budget (reading it then says it is too large)."""
    from checker.budgets import DRAFT_MAX_BYTES

    return sys.stdin.buffer.read(DRAFT_MAX_BYTES + 1)


def read_input(raw: str, stdin_filename: str | None = None) -> Document:
    """`-` is standard input (named by --stdin-filename); anything else a file."""
    if raw == "-":
        return read_data(read_stdin(), stdin_filename or "-")
    return read(Path(raw))


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
    if job.data is not None:
        document = read_data(job.data, job.display)
    else:
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
        acts_not_given=acts_not_given(ruleset, result),
    )


def acts_not_given(ruleset: Any, result: Any) -> tuple[str, ...]:
    """The acts the draft amends whose text in force was not supplied (the legal-technical checks
    and the positions in context need it), in the order the draft names them."""
    given = ruleset.acts_given() if hasattr(ruleset, "acts_given") else frozenset()
    amended = dict.fromkeys(a.act.slug for a in result.amendments if a.act.slug != UNKNOWN_ACT.slug)
    return tuple(slug for slug in amended if slug not in given)


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


def available_cpus() -> int:
    """CPUs this process may really use: its affinity mask and a cgroup (container) quota."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        if quota != "max":
            cpus = min(cpus, max(1, -(-int(quota) // int(period))))
    except (OSError, ValueError):
        pass
    return max(1, cpus)


def idle_cpus() -> int:
    """Usable CPUs minus what other processes keep busy (the 1-minute load, this process excluded)."""
    cpus = available_cpus()
    try:
        busy = max(0.0, os.getloadavg()[0] - 1.0)
    except (AttributeError, OSError):
        busy = 0.0
    return max(1, min(cpus, int(cpus - busy + 0.5)))


def effective_workers(jobs: int | None, files: int) -> int | None:
    """How many processes: a number as asked (0 = every usable CPU), or None = decide while running.

    Never more than the usable CPUs: more processes only add memory (each holds the rule base)
    and never finish sooner.
    """
    if jobs is None:
        return None if files > 1 and available_cpus() > 1 else 1
    wanted = available_cpus() if jobs == 0 else min(jobs, available_cpus())
    return max(1, min(wanted, files))


# The automatic choice (`--jobs` not given) starts serially and forks workers only when the
# drafts still waiting would take long enough for them to pay (bench/bench_jobs.py measures it).
# Workers forked after a few drafts inherit the warm caches (word forms, matches, the parser);
# forked cold, each would warm them again, which is why two cold workers were slower than one.
AUTO_WARM_SECONDS = 1.0  # checked serially first: caches warm up, per-draft time is measured
AUTO_WARM_DRAFTS = 4
AUTO_MIN_GAIN_SECONDS = 1.0  # the saving a pool must promise (start, copy-on-write, merge)


def parallel_gain(per_file: float, remaining: int, workers: int) -> float:
    """Seconds saved by spreading `remaining` drafts of `per_file` seconds over `workers`."""
    if workers < 2 or remaining < 2:
        return 0.0
    return per_file * remaining * (1 - 1 / min(workers, remaining))


def run_checks(
    jobs: Sequence[FileJob],
    spec: RuleSpec,
    ruleset: Any,
    lang: str | None,
    *,
    workers: int | None = 1,
    advance: Callable[[], None] | None = None,
    on_start: Callable[[], None] | None = None,
    before_fork: Callable[[], None] | None = None,
) -> list[Outcome]:
    """Check every job; outcomes come back in the jobs' order whatever the number of workers.

    `workers=None` decides while running (see AUTO_WARM_SECONDS); `before_fork` is called before
    worker processes are started after `on_start` (a progress thread must not be forked).
    """
    if workers is None:
        return _run_auto(jobs, spec, ruleset, lang, advance, on_start, before_fork)
    if workers <= 1 or len(jobs) <= 1:
        if on_start:
            on_start()
        return _run_serial(jobs, ruleset, lang, advance)
    context = get_context("fork") if sys.platform.startswith("linux") else None
    if context is not None:
        _warm_up()
    return _run_pool(jobs, spec, ruleset, lang, workers, advance, on_start)


def _run_serial(jobs: Sequence[FileJob], ruleset: Any, lang: str | None,
                advance: Callable[[], None] | None) -> list[Outcome]:
    outcomes = []
    for job in jobs:
        outcomes.append(_outcome(job, ruleset, lang))
        if advance:
            advance()
    return outcomes


def _run_auto(jobs: Sequence[FileJob], spec: RuleSpec, ruleset: Any, lang: str | None,
              advance: Callable[[], None] | None, on_start: Callable[[], None] | None,
              before_fork: Callable[[], None] | None) -> list[Outcome]:
    if on_start:
        on_start()
    outcomes: list[Outcome] = []
    times: list[float] = []
    started = time.perf_counter()
    forkable = sys.platform.startswith("linux")  # elsewhere workers would start cold (spawn)
    for index, job in enumerate(jobs):
        remaining = len(jobs) - index
        if (forkable and len(times) >= AUTO_WARM_DRAFTS
                and time.perf_counter() - started >= AUTO_WARM_SECONDS):
            per_file = statistics.median(times[-5:])  # warm drafts, not the first cold ones
            workers = min(idle_cpus(), remaining)
            if parallel_gain(per_file, remaining, workers) >= AUTO_MIN_GAIN_SECONDS:
                if before_fork:
                    before_fork()
                rest = _run_pool(jobs[index:], spec, ruleset, lang, workers, advance, on_start)
                return outcomes + rest
            forkable = per_file * remaining >= AUTO_MIN_GAIN_SECONDS  # else it never will pay
        begun = time.perf_counter()
        outcomes.append(_outcome(job, ruleset, lang))
        times.append(time.perf_counter() - begun)
        if advance:
            advance()
    return outcomes


def _run_pool(jobs: Sequence[FileJob], spec: RuleSpec, ruleset: Any, lang: str | None, workers: int,
              advance: Callable[[], None] | None, on_start: Callable[[], None] | None) -> list[Outcome]:
    global _worker_state
    _worker_state = (spec, ruleset)  # inherited by forked workers: no second load
    context = get_context("fork") if sys.platform.startswith("linux") else None
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
