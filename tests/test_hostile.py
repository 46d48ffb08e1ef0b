"""Hostile input costs little and never touches the user's files (tests/hostile.py builds them).

Each case runs lawcheck in a subprocess whose address space is limited to its budget (10 × the
size of the files built + 200 MB, or 200 MB where nothing should be read): a case that reads
what it should refuse, or holds a whole document it should stream, fails with MemoryError
instead of passing. The time limit is only a hang guard; speed is measured in bench/.
"""

from __future__ import annotations

import json
import os
import re
import resource
import signal
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.hostile import CASES, EXAMPLE_RU, Case, budget_mb, draft

HANG_GUARD = 300  # seconds; a run that takes this long is broken, not slow
STOP_GUARD = 60  # seconds for a signalled run to end, where finishing its queue takes minutes


def run_lawcheck(args: list[str], cwd: Path, memory_mb: int | None = None,
                 **kwargs: object) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        if memory_mb is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 1024 * 1024,) * 2)

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    env.pop("LAWCHECK_DEBUG", None)
    # as a user runs it: with the rule-base cache on (in a folder of the test's own), so a
    # hostile rule file is also never read whole to compute the cache key
    env.pop("LAWCHECK_NO_CACHE", None)
    env["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="lawcheck-cache-")
    try:
        return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, capture_output=True,
                              text=True, timeout=HANG_GUARD, preexec_fn=limit, env=env, **kwargs)
    finally:
        shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("lawcheck: error:")]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_hostile_input_gets_one_line_or_a_result_within_budget(case: Case, tmp_path: Path) -> None:
    args = case.build(tmp_path)
    result = run_lawcheck(args, tmp_path, case.memory_mb or budget_mb(tmp_path))
    assert "Traceback" not in result.stderr
    assert result.returncode in case.codes(), result.stderr
    errors = error_lines(result.stderr)
    if case.error is None:
        assert errors == [], result.stderr
        return
    assert len(errors) == 1 and len(result.stderr.splitlines()) == 1, result.stderr
    assert re.search(case.error, errors[0]), errors[0]
    assert "internal error" not in errors[0]
    if case.names is not None:
        assert case.names in errors[0]


@pytest.mark.parametrize("name", ["output-is-the-draft", "output-links-to-the-draft",
                                  "output-is-a-hard-link", "parse-output-is-the-draft",
                                  "baseline-over-the-draft", "output-is-the-config"])
def test_an_input_named_as_output_is_left_untouched(name: str, tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == name)
    args = case.build(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    run_lawcheck(args, tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_invisible_marks_keep_every_finding(tmp_path: Path) -> None:
    clean = run_lawcheck(["check", str(EXAMPLE_RU), "-q", "--format", "json"], tmp_path)
    args = next(c for c in CASES if c.name == "bidi-marks").build(tmp_path)
    marked = run_lawcheck(args, tmp_path)

    def shape(stdout: str) -> list[tuple[str, int, str]]:
        files = json.loads(stdout)["files"]
        return [(f["rule"], f["line"], f["amendment"]) for file in files for f in file["findings"]]

    assert shape(marked.stdout) == shape(clean.stdout) != []


def test_a_folder_reports_each_bad_entry_and_checks_the_rest(tmp_path: Path) -> None:
    draft(tmp_path / "drafts", "good.txt")
    os.mkfifo(tmp_path / "drafts" / "pipe.txt")
    os.symlink("/dev/null", tmp_path / "drafts" / "device.txt")
    os.symlink("loop.txt", tmp_path / "drafts" / "loop.txt")
    (tmp_path / "drafts" / "locked").mkdir()
    draft(tmp_path / "drafts" / "locked", "hidden-from-us.txt")
    os.chmod(tmp_path / "drafts" / "locked", 0)
    try:
        if os.geteuid() == 0:  # root reads any folder: make this one fail to open instead
            result = _run_with_unreadable(tmp_path, tmp_path / "drafts" / "locked")
        else:
            result = run_lawcheck(["check", "drafts", "-q", "--format", "json"], tmp_path)
    finally:
        os.chmod(tmp_path / "drafts" / "locked", 0o755)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    errors = error_lines(result.stderr)
    assert len(errors) == len(result.stderr.splitlines()) == 4, result.stderr
    for name, why in (("pipe.txt", "FIFO"), ("device.txt", "character device"),
                      ("loop.txt", "symbolic link loop"), ("locked", "cannot read the folder")):
        assert any(f"drafts/{name}" in line and why in line for line in errors), (name, errors)
    checked = [file["path"] for file in json.loads(result.stdout)["files"]]
    assert checked == ["drafts/good.txt"]


def _run_with_unreadable(cwd: Path, folder: Path) -> subprocess.CompletedProcess[str]:
    """Run lawcheck with os.scandir refusing `folder`, as it would for another user."""
    code = (
        "import os, sys\n"
        "real = os.scandir\n"
        "def scandir(path='.'):\n"
        f"    if os.path.abspath(path) == {str(folder)!r}:\n"
        "        raise PermissionError(13, 'Permission denied', str(path))\n"
        "    return real(path)\n"
        "os.scandir = scandir\n"
        "sys.argv = ['lawcheck', 'check', 'drafts', '-q', '--format', 'json']\n"
        "from checker.cli import run\n"
        "run()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True,
                          timeout=HANG_GUARD, env=env)


def test_closed_stdout_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head -1` having exited already
    try:
        done = subprocess.run([sys.executable, "-m", "checker", "rules", "list"], cwd=tmp_path,
                              stdout=write_end, stderr=subprocess.PIPE, text=True,
                              timeout=HANG_GUARD, env=env)
    finally:
        os.close(write_end)
    assert done.returncode == 2
    assert error_lines(done.stderr) == done.stderr.splitlines()
    assert len(error_lines(done.stderr)) == 1 and "broken pipe" in done.stderr


def _children(pid: int) -> list[int]:
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(child) for child in handle.read().split()]
        except OSError:
            pass
    return found


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize(("sig", "code", "group"), [(signal.SIGTERM, 143, False),
                                                    (signal.SIGINT, 130, True)])
def test_a_signal_stops_the_run_and_every_worker(sig: int, code: int, group: bool,
                                                 tmp_path: Path) -> None:
    big = EXAMPLE_RU.read_text("utf-8") * 60
    for n in range(80):  # minutes of work queued: stopping must not mean finishing it
        draft(tmp_path, f"d{n:02}.txt", big)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    process = subprocess.Popen([sys.executable, "-m", "checker", "check", ".", "-q", "-j", "2"],
                               cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + HANG_GUARD
        while len(_children(process.pid)) < 2 and process.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        workers = _children(process.pid)
        if group:
            os.killpg(process.pid, sig)  # Ctrl-C on a terminal reaches the whole group
        else:
            os.kill(process.pid, sig)  # CI cancelling a job signals the main process
        _, stderr = process.communicate(timeout=STOP_GUARD)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == code
    assert "Traceback" not in stderr.decode()
    deadline = time.monotonic() + 5
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if _running(pid)]


def test_workers_are_capped_at_the_available_cpus() -> None:
    from checker.run import effective_workers, available_cpus

    assert effective_workers(1000, 500) == min(available_cpus(), 500)
    assert effective_workers(0, 500) == available_cpus()
    assert effective_workers(1000, 1) == 1
