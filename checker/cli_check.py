"""`lawcheck check PATH...` (the CI gate) and `lawcheck baseline create`.

Exit codes (DESIGN.md): 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage error,
unreadable input, invalid rule/config/baseline file or internal error. Suppressed and baselined
findings are reported but never counted. A draft that cannot be read among many is reported on
stderr, the others are still checked, and the run exits 2 at the end.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import click

from checker import __version__
from checker import baseline as baseline_file
from checker.budgets import MAX_GLOBS, resolve_path
from checker.collect import GlobSet, collect, display_path, glob_problem, relative_posix
from checker.config import FAIL_ON, FORMATS, Config, load_config
from checker.errors import InputError, LawcheckError
from checker.model import SEVERITIES, FileReport, Finding, ResolutionRef
from checker.output import open_for_writing, refuse_inputs
from checker.cli_errors import Exit2, guarded, warn
from checker.run import FileJob, Outcome, RuleSpec, configure, effective_workers, load_base, run_checks
from checker.suppress import apply_suppressions

DEFAULT_BASELINE = "lawcheck-baseline.json"
PROGRESS_MIN_FILES = 4
_RANK = {severity: len(SEVERITIES) - i for i, severity in enumerate(SEVERITIES)}  # error=3 … info=1


def counts_for_gate(finding: Finding, fail_on: str) -> bool:
    """True when the finding should fail the run: at/above --fail-on, not waived, not baselined."""
    if fail_on == "never" or finding.suppressed is not None or finding.baseline:
        return False
    return _RANK.get(finding.severity, 0) >= _RANK[fail_on]


# --- shared options ----------------------------------------------------------------------------

def _common_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.argument("paths", nargs=-1, type=click.Path()),
        click.option("--config", "config_path", type=click.Path(dir_okay=False),
                     help="Config file (default: .lawcheck.yaml / .lawcheck.yml / pyproject.toml "
                          "[tool.lawcheck], searched from the current folder upwards)."),
        click.option("--rules", "extra_rules", multiple=True, type=click.Path(),
                     help="Extra rule file or folder (repeatable)."),
        click.option("--no-builtin-rules", is_flag=True,
                     help="Use only the rules given by --rules and the config."),
        click.option("--include", multiple=True, metavar="GLOB",
                     help="Only check drafts found in folders that match (repeatable)."),
        click.option("--exclude", multiple=True, metavar="GLOB",
                     help="Skip drafts that match (repeatable)."),
        click.option("--lang", type=click.Choice(["kk", "ru", "en"]),
                     help="Language of the messages (default: each draft's own)."),
        click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
                     help="Parallel processes; 0 = all cores (default: all cores from 8 files up)."),
        click.option("--quiet", "-q", is_flag=True,
                     help="No progress bar and no notes on stderr; errors are still shown."),
        click.option("--no-progress", is_flag=True, help="No progress bar."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@dataclass(frozen=True)
class Prepared:
    """What a run needs after config, rules and paths have been resolved."""

    config: Config
    spec: RuleSpec
    ruleset: Any
    jobs: tuple[FileJob, ...]
    failed: bool = False  # collection already reported a problem: the run must end with exit 2


def _prepare(opts: dict[str, Any], cwd: Path) -> Prepared:
    config = load_config(opts["config_path"], cwd=cwd)
    extra = []
    for raw in opts["extra_rules"]:
        path = Path(raw) if Path(raw).is_absolute() else cwd / raw
        if not os.path.lexists(path):  # a link loop or a FIFO is reported when it is read
            raise InputError("rule file or folder not found", raw, "check the --rules path")
        extra.append(resolve_path(path))
    spec = RuleSpec(
        paths=(*config.rules, *extra),
        builtin=not opts["no_builtin_rules"],
        enable=frozenset(config.enable) if config.enable is not None else None,
        disable=frozenset(config.disable),
        severity=tuple(sorted(config.severity.items())),
        units=config.units,
    )
    base = load_base(spec)
    config.check_rule_ids(rule.id for rule in base.rules)
    ruleset = configure(base, spec)

    _check_globs(opts)
    include = [GlobSet(cwd, tuple(opts["include"]))]
    exclude = [GlobSet(cwd, tuple(opts["exclude"]))]
    if config.include:
        include.append(config.include)
    if config.exclude:
        exclude.append(config.exclude)
    inputs = list(opts["paths"]) or ["."]
    collected = collect(inputs, include=include, exclude=exclude, cwd=cwd)
    for problem in collected.problems:
        warn(f"error: {problem}")
    if not collected.files:
        if collected.problems:
            raise Exit2()
        raise InputError(f"no .txt or .docx drafts found in {', '.join(inputs)}",
                         hint="check the paths and the include/exclude globs")
    jobs = tuple(
        FileJob(path=path, display=display_path(path, cwd),
                rel=relative_posix(path, config.root) or display_path(path, cwd))
        for path in collected.files
    )
    # A missing path among others: keep going so that every problem shows in one run.
    return Prepared(config=config, spec=spec, ruleset=ruleset, jobs=jobs,
                    failed=bool(collected.problems))


def _check_globs(opts: dict[str, Any]) -> None:
    """Refuse a bad --include/--exclude pattern (like `[z-a]`) before anything is walked."""
    if len(opts["include"]) + len(opts["exclude"]) > MAX_GLOBS:
        raise InputError(f"more than {MAX_GLOBS} --include/--exclude patterns",
                         hint="put them in fewer, wider globs")
    for option in ("include", "exclude"):
        for pattern in opts[option]:
            problem = glob_problem(pattern)
            if problem is not None:
                raise InputError(f"--{option} {pattern!r} is not a valid glob: {problem}",
                                 hint="fix the pattern; a range goes from low to high, like [a-z]")


def show_progress(opts: dict[str, Any], files: int, terminal: bool) -> bool:
    """A progress bar only helps a person watching a terminal wait for several drafts."""
    return terminal and files >= PROGRESS_MIN_FILES and not opts["quiet"] and not opts["no_progress"]


def _execute(prepared: Prepared, opts: dict[str, Any], lang: str | None) -> list[Outcome]:
    jobs = prepared.jobs
    workers = effective_workers(opts["jobs"], len(jobs))
    if not show_progress(opts, len(jobs), sys.stderr.isatty()):
        return run_checks(jobs, prepared.spec, prepared.ruleset, lang, workers=workers)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(TextColumn("lawcheck"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=Console(stderr=True), transient=True)
    task = progress.add_task("check", total=len(jobs))
    try:
        return run_checks(jobs, prepared.spec, prepared.ruleset, lang, workers=workers,
                          on_start=progress.start, advance=lambda: progress.advance(task))
    finally:
        progress.stop()


def _split(outcomes: Sequence[Outcome]) -> tuple[list[FileReport], list[str]]:
    reports = [o.report for o in outcomes if o.report is not None]
    errors = [o.error for o in outcomes if o.error is not None]
    for error in errors:
        warn(f"error: {error}")
    return reports, errors


# --- lawcheck check ----------------------------------------------------------------------------

@click.command()
@_common_options
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Report format (default: text; github inside GitHub Actions).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--fail-on", type=click.Choice(FAIL_ON),
              help="Lowest severity that fails the run (default: error).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
              help="Findings recorded in this baseline file do not fail the run.")
def check(**opts: Any) -> None:
    """Check drafts against the rule base; exit 0 clean, 1 findings, 2 errors.

    \b
    Examples:
      lawcheck check draft.docx
      lawcheck check drafts/ --format sarif --output lawcheck.sarif
      lawcheck check drafts/ --fail-on warning --baseline lawcheck-baseline.json
    """
    with guarded():
        code = _check(opts, Path.cwd())
    # sys.exit, not click's Exit: `lawcheck` runs click with standalone_mode=False, where an Exit
    # becomes a return value and the code would be lost.
    sys.exit(code)


def _check(opts: dict[str, Any], cwd: Path) -> int:
    prepared = _prepare(opts, cwd)
    config = prepared.config
    fmt = opts["fmt"] or config.format or (
        "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    fail_on = opts["fail_on"] or config.fail_on or "error"
    lang = opts["lang"] or config.lang
    baseline_path = _path_option(opts["baseline_path"], cwd) or config.baseline
    if opts["output"]:
        refuse_inputs(_path_option(opts["output"], cwd) or "", _inputs(prepared, baseline_path),
                      location=opts["output"])
    loaded_baseline = baseline_file.load(baseline_path) if baseline_path else None

    reports, errors = _split(_execute(prepared, opts, lang))
    if fmt == "github" and not opts["output"]:
        # stderr is easy to miss in a long log: put unreadable drafts on the pull request too.
        from checker.report.github import command

        for error in errors:
            click.echo(command("error", {"title": "lawcheck: draft not checked"}, error))
    reports, stale = apply_suppressions(reports, config.suppressions, cwd=cwd)
    gone = 0
    if loaded_baseline is not None:
        reports, gone = baseline_file.apply_baseline(
            reports, loaded_baseline, {job.rel for job in prepared.jobs})

    _emit(fmt, reports, lang=lang, ruleset=prepared.ruleset, cwd=cwd,
          color=_use_color(fmt, opts["output"]), output=opts["output"])

    if not opts["quiet"]:
        for waiver in stale:
            warn(f"warning: {waiver.location}: suppression of {waiver.rule!r} matched no finding "
                  "(stale); remove it or correct its amendment/file")
        if gone:
            warn(f"note: {gone} baseline entr{'y' if gone == 1 else 'ies'} no longer occur; "
                  "refresh with `lawcheck baseline create`")
    if errors or prepared.failed:
        return 2
    failing = any(counts_for_gate(f, fail_on) for report in reports for f in report.findings)
    return 1 if failing else 0


def _inputs(prepared: Prepared, baseline_path: Path | None) -> list[Path]:
    """Every file this run reads: drafts, config, rule and unit files, baseline."""
    from checker.engine.loader import rule_files
    from checker.resources import rules_dir

    found = [job.path for job in prepared.jobs]
    found += [p for p in (prepared.config.path, baseline_path) if p is not None]
    found += list(prepared.spec.units)
    rule_sources = [*prepared.spec.paths, *([rules_dir()] if prepared.spec.builtin else [])]
    try:
        found += rule_files(rule_sources)
    except LawcheckError:
        pass  # the rules were loaded already; a folder that went away is not an output target
    return found


def _path_option(raw: str | None, cwd: Path) -> Path | None:
    if not raw:
        return None
    path = Path(raw)
    return path if path.is_absolute() else cwd / path


def _use_color(fmt: str, output: str | None) -> bool:
    if fmt not in ("text",) or output or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def rule_metas(ruleset: Any, lang: str) -> list[Any]:
    """Rule descriptions for reporters (SARIF rules, HTML legend), in the report's language."""
    from checker.report import RuleMeta

    metas = []
    for rule in ruleset.rules:
        if getattr(rule, "upheld", False):
            continue  # recorded positions that never report anything
        spec = getattr(rule, "spec", rule)
        message = _pick(getattr(spec, "message", None), lang)
        suggestion = _pick(getattr(spec, "suggestion", None), lang)
        resolution = getattr(spec, "resolution", None)
        label = ""
        if resolution is not None:
            label = ResolutionRef(resolution.number, str(resolution.date)).label(lang)
            label += f", {resolution.date}"
        metas.append(RuleMeta(
            id=rule.id,
            title=_pick(getattr(spec, "title", None), lang) or rule.id,
            severity=rule.severity,
            help_text="\n\n".join(part for part in (message, suggestion) if part),
            resolution_label=label,
            full_description=message,
        ))
    return metas


def _pick(texts: Any, lang: str) -> str:
    """The text in `lang` from a {kk, ru, en} dict or model, falling back to another language."""
    if texts is None or isinstance(texts, str):
        return texts or ""
    for key in (lang, "en", "ru", "kk"):
        value = texts.get(key) if isinstance(texts, dict) else getattr(texts, key, None)
        if value:
            return str(value)
    return ""


def _emit(fmt: str, reports: Sequence[FileReport], *, lang: str | None, ruleset: Any, cwd: Path,
          color: bool, output: str | None) -> None:
    """Write the report to stdout or (atomically) to the --output file, as it is rendered."""
    from checker.report import write

    chrome = lang or (reports[0].lang if reports else "en")

    def render_to(out: TextIO) -> None:
        write(fmt, reports, out, lang=chrome, rules=rule_metas(ruleset, chrome), color=color,
              tool_version=__version__, root=cwd)

    if not output:
        render_to(sys.stdout)
        sys.stdout.flush()
        return
    path = _path_option(output, cwd)
    assert path is not None
    with open_for_writing(path, location=output) as out:
        render_to(out)


# --- lawcheck baseline create ------------------------------------------------------------------

@click.group()
def baseline() -> None:
    """Record the current findings so that only new ones fail the gate."""


@baseline.command("create")
@_common_options
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help=f"Baseline file to write (default: the config's `baseline`, else {DEFAULT_BASELINE}).")
def baseline_create(**opts: Any) -> None:
    """Write the fingerprints of today's findings to a baseline file.

    \b
    Examples:
      lawcheck baseline create drafts/
      lawcheck check drafts/ --baseline lawcheck-baseline.json
    """
    with guarded():
        code = _baseline_create(opts, Path.cwd())
    sys.exit(code)


def _baseline_create(opts: dict[str, Any], cwd: Path) -> int:
    prepared = _prepare(opts, cwd)
    reports, errors = _split(_execute(prepared, opts, opts["lang"] or prepared.config.lang))
    if errors or prepared.failed:
        warn("error: baseline not written: fix the errors above so that it covers every draft")
        return 2
    reports, _ = apply_suppressions(reports, prepared.config.suppressions, cwd=cwd)
    target = _path_option(opts["output"], cwd) or prepared.config.baseline or cwd / DEFAULT_BASELINE
    refuse_inputs(target, _inputs(prepared, None), location=display_path(target, cwd))
    rel_paths = {job.display: job.rel for job in prepared.jobs}
    entries = baseline_file.build_entries(reports, rel_paths)
    baseline_file.write(target, entries)
    if not opts["quiet"]:
        warn(f"wrote {len(entries)} baseline entr{'y' if len(entries) == 1 else 'ies'} "
              f"to {display_path(target, cwd)}")
    return 0
