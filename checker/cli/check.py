"""`lawcheck check PATH...` (the CI gate) and `lawcheck baseline create`.

Exit codes (docs/ci.md): 0 nothing at or above --fail-on, 1 findings at or above it or instructions
not understood (unless --allow-unparsed), 2 usage error, unreadable input, invalid
rule/config/baseline file, no rules, or internal error. Suppressed and baselined findings are
reported but never counted. A draft that cannot be read among many is reported on
stderr, the others are still checked, and the run exits 2 at the end.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

import click

from checker import __version__
from checker.gate import baseline as baseline_file
from checker.budgets import MAX_GLOBS
from checker.cli.configured import (
    CONFIG_HELP,
    describe,
    extra_rule_paths,
    load_configured,
    rule_spec,
    shown,
    spec_inputs,
)
from checker.gate.collect import Collected, GlobSet, collect, display_path, glob_problem, relative_posix
from checker.gate.config import FAIL_ON, FORMATS, Config, ConfigFinder
from checker.errors import ConfigError, InputError
from checker.model import SEVERITIES, FileReport, Finding, ResolutionRef
from checker.report.i18n import format_date
from checker.output import open_for_writing, refuse_inputs
from checker.cli.errors import Exit2, LawcheckGroup, guarded, warn
from checker.run import FileJob, Outcome, RuleSpec, effective_workers, read_stdin, run_checks
from checker.gate.other_rules import with_policy
from checker.gate.suppress import apply_suppressions

DEFAULT_BASELINE = "lawcheck-baseline.json"
PROGRESS_MIN_FILES = 4
_RANK = {severity: len(SEVERITIES) - i for i, severity in enumerate(SEVERITIES)}  # error=3 … info=1


def counts_for_gate(finding: Finding, fail_on: str) -> bool:
    """True when the finding should fail the run: at/above --fail-on, not waived, not baselined."""
    if fail_on == "never" or finding.suppressed is not None or finding.baseline:
        return False
    return _RANK.get(finding.severity, 0) >= _RANK[fail_on]


# --- shared options ----------------------------------------------------------------------------

def _no_cache(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:  # read by checker/engine/cache.py, here and in worker processes
        os.environ["LAWCHECK_NO_CACHE"] = "1"


def _common_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.argument("paths", nargs=-1, type=click.Path()),
        click.option("--config", "config_path", type=click.Path(dir_okay=False), help=CONFIG_HELP),
        click.option("--show-config", is_flag=True,
                     help="Print which config file governs which drafts and the settings in force, "
                          "then stop."),
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
                     help="Parallel processes; 0 = every usable CPU (default: decided while running: "
                          "workers start only when the drafts left would take long enough, so never "
                          "slower than one job)."),
        click.option("--quiet", "-q", is_flag=True,
                     help="No progress bar and no notes on stderr; errors are still shown."),
        click.option("--no-progress", is_flag=True, help="No progress bar."),
        click.option("--no-cache", is_flag=True, expose_value=False, callback=_no_cache,
                     help="Compile the rule base from its files, without the cache in "
                          "~/.cache/lawcheck (same as LAWCHECK_NO_CACHE=1)."),
        click.option("--stdin-filename", metavar="PATH",
                     help="The name of the draft read from standard input (PATH `-`): how reports "
                          "show it and where its config is found; .docx is read as Word."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@dataclass(frozen=True)
class Group:
    """The drafts one config governs, with the rule set that config asks for."""

    config: Config
    spec: RuleSpec
    ruleset: Any
    jobs: tuple[FileJob, ...]


@dataclass(frozen=True)
class Prepared:
    """What a run needs after configs, rules and paths have been resolved."""

    groups: tuple[Group, ...]
    failed: bool = False  # collection already reported a problem: the run must end with exit 2

    @property
    def jobs(self) -> tuple[FileJob, ...]:
        return tuple(job for group in self.groups for job in group.jobs)

    def setting(self, name: str, given: Any = None, default: Any = None, flag: str = "") -> Any:
        """A run-wide setting: the command line, else the configs (they must agree), else the default."""
        if given is not None:
            return given
        said = {(group.config.path, getattr(group.config, name)) for group in self.groups
                if getattr(group.config, name) is not None}
        values = {value for _, value in said}
        if len(values) > 1:
            where = ", ".join(f"{display_path(path)} says {value!r}" for path, value in sorted(said, key=str))
            raise ConfigError(f"the drafts fall under configs that disagree on {name!r}: {where}",
                              hint=f"give {flag or '--' + name.replace('_', '-')} on the command line")
        return values.pop() if values else default


def _prepare(opts: dict[str, Any], cwd: Path, *, allow_empty: bool = False) -> Prepared:
    finder = ConfigFinder(opts["config_path"], cwd=cwd)
    extra = extra_rule_paths(opts["extra_rules"], cwd)
    _check_globs(opts)
    include = [GlobSet(cwd, tuple(opts["include"]))]
    exclude = [GlobSet(cwd, tuple(opts["exclude"]))]

    def scoped(path: Path) -> tuple[list[GlobSet], list[GlobSet]]:
        config = finder.for_path(path)
        return ([config.include] if config.include else []), ([config.exclude] if config.exclude else [])

    inputs = list(opts["paths"]) or ["."]
    stdin = _stdin_job(opts, cwd) if "-" in inputs else None
    files_named = [raw for raw in inputs if raw != "-"]
    collected = (collect(files_named, include=include, exclude=exclude, cwd=cwd, scoped=scoped)
                 if files_named else Collected(files=()))
    for problem in collected.problems:
        warn(f"error: {problem}")
    if not collected.files and stdin is None and not allow_empty:
        if collected.problems:
            raise Exit2()
        raise InputError(f"no .txt or .docx drafts found in {', '.join(inputs)}",
                         hint="check the paths and the include/exclude globs")
    by_config: dict[Path | None, list[Path | FileJob]] = {}
    configs: dict[Path | None, Config] = {}
    for path in collected.files:
        config = finder.for_path(path)
        configs[config.path] = config
        by_config.setdefault(config.path, []).append(path)
    if stdin is not None:  # the config of the file it stands for (--stdin-filename), as ruff does
        config = finder.for_path(stdin.path)
        configs[config.path] = config
        by_config.setdefault(config.path, []).append(stdin)
    if not collected.files and stdin is None:  # --show-config with nothing to check: the inputs' configs
        for raw in inputs:
            config = finder.for_path(cwd / raw)
            configs[config.path] = config
            by_config.setdefault(config.path, [])
    groups = []
    loaded: dict[RuleSpec, Any] = {}
    for key, files in by_config.items():
        config = configs[key]
        spec = rule_spec(config, extra, builtin=not opts["no_builtin_rules"])
        if spec not in loaded:
            loaded[spec] = load_configured(config, spec)[1]
        else:
            load_configured(config, spec)  # its rule ids are checked all the same
        ruleset = loaded[spec]
        if not any(not getattr(rule, "upheld", False) for rule in ruleset.rules):
            # a gate that checks against nothing would pass every bill
            raise InputError("no rules to check against", shown(config.path, cwd),
                             hint="--no-builtin-rules needs --rules or the config's rules:, and "
                                  "enable/disable must leave at least one rule")
        jobs = tuple(replace(item, rel=relative_posix(item.path, config.root) or item.display)
                     if isinstance(item, FileJob) else
                     FileJob(path=item, display=display_path(item, cwd),
                             rel=relative_posix(item, config.root) or display_path(item, cwd))
                     for item in files)
        groups.append(Group(config=config, spec=spec, ruleset=ruleset, jobs=jobs))
    # A missing path among others: keep going so that every problem shows in one run.
    return Prepared(groups=tuple(groups), failed=bool(collected.problems))


def _stdin_job(opts: dict[str, Any], cwd: Path) -> FileJob:
    """The draft on standard input; --stdin-filename names it (reports, config, baseline)."""
    name = opts["stdin_filename"] or "-"
    path = Path(name) if Path(name).is_absolute() else cwd / name
    data = read_stdin()
    return FileJob(path=path, display=name, rel=relative_posix(path, cwd) or name, data=data)


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
    """Check every group's drafts with its own rule set; outcomes sorted by the drafts' paths."""
    total = len(prepared.jobs)
    progress = None
    if show_progress(opts, total, sys.stderr.isatty()):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        progress = Progress(TextColumn("lawcheck"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            console=Console(stderr=True), transient=True)
        task = progress.add_task("check", total=total)
    outcomes: list[Outcome] = []
    try:
        for group in prepared.groups:
            workers = effective_workers(opts["jobs"], len(group.jobs))
            if progress is None:
                outcomes += run_checks(group.jobs, group.spec, group.ruleset, lang, workers=workers)
                continue
            outcomes += run_checks(group.jobs, group.spec, group.ruleset, lang, workers=workers,
                                   on_start=progress.start, before_fork=progress.stop,
                                   advance=lambda: progress.advance(task))
    finally:
        if progress is not None:
            progress.stop()
    return sorted(outcomes, key=lambda o: o.job.display) if len(prepared.groups) > 1 else outcomes


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
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True,
              help="Colour in the text report; auto leaves it to rich (a terminal, NO_COLOR, "
                   "FORCE_COLOR, TERM=dumb), never when written to a file.")
@click.option("--allow-unparsed/--no-allow-unparsed", default=None,
              help="Do not fail the run when instructions were not understood (the check stays "
                   "incomplete and every report says so).")
@click.option("--act", "act_specs", multiple=True, metavar="SLUG=FILE",
              help="The text in force of an amended act (repeatable): adds the legal-technical checks "
                   "(tech-* rules). The config's `acts:` does the same.")
@click.option("--parity/--no-parity", default=True, show_default=True,
              help="When both language versions of one bill are checked (names that differ only by a "
                   "kk/ru marker: kk_bill.docx and ru_bill.docx, bill-kk.txt and bill-ru.txt), compare "
                   "them instruction by instruction (parity-* findings).")
def check(**opts: Any) -> None:
    """Check drafts against the rule base; exit 0 clean, 1 findings or incomplete, 2 errors.

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
    prepared = _prepare(opts, cwd, allow_empty=opts["show_config"])
    prepared = _with_acts(prepared, opts.get("act_specs") or ())
    auto = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    fmt = prepared.setting("format", opts["fmt"], auto, "--format")
    fail_on = prepared.setting("fail_on", opts["fail_on"], "error")
    lang = prepared.setting("lang", opts["lang"])
    allow_unparsed = prepared.setting("allow_unparsed", opts["allow_unparsed"], False) or fail_on == "never"
    if opts["show_config"]:
        _show_config(prepared, cwd, {"format": fmt, "fail_on": fail_on, "lang": lang or "each draft's own",
                                     "allow_unparsed": allow_unparsed,
                                     "baseline": opts["baseline_path"] or "from each config"})
        return 0
    given_baseline = _path_option(opts["baseline_path"], cwd)
    if opts["output"]:
        refuse_inputs(_path_option(opts["output"], cwd) or "", _inputs(prepared, given_baseline),
                      location=opts["output"])

    reports, errors = _split(_execute(prepared, opts, lang))
    if opts.get("parity", True):
        reports = _with_parity(reports, prepared, lang)
    if fmt == "github" and not opts["output"]:
        # stderr is easy to miss in a long log: put unreadable drafts on the pull request too.
        from checker.report.github import command

        for error in errors:
            click.echo(command("error", {"title": "lawcheck: draft not checked"}, error))
    stale: list[Any] = []
    gone = 0
    checked: list[FileReport] = []
    for group in prepared.groups:
        mine = {job.display for job in group.jobs}
        part = [with_policy(report, group.spec, group.ruleset.by_id)
                for report in reports if report.path in mine]
        part, stale_here = apply_suppressions(part, group.config.suppressions, cwd=cwd)
        stale += stale_here
        baseline_path = given_baseline or group.config.baseline
        if baseline_path is not None:
            part, gone_here = baseline_file.apply_baseline(
                part, baseline_file.load(baseline_path), {job.rel for job in group.jobs})
            gone += gone_here
        checked += part
    reports = sorted(checked, key=lambda report: report.path) if len(prepared.groups) > 1 else checked

    _emit_report(fmt, reports, lang=lang, rulesets=[g.ruleset for g in prepared.groups], cwd=cwd,
                 color=use_color(fmt, opts["output"], opts["color"]), output=opts["output"])

    if not opts["quiet"]:
        for waiver in stale:
            warn(f"warning: {waiver.location}: suppression of {waiver.rule!r} matched no finding "
                  "(stale); remove it or correct its amendment/file")
        if gone:
            warn(f"note: {gone} baseline entr{'y' if gone == 1 else 'ies'} no longer occur; "
                  "refresh with `lawcheck baseline create`")
    missed = sum(report.result.not_understood for report in reports)
    if missed and not opts["quiet"]:
        level = "warning" if allow_unparsed else "error"
        warn(f"{level}: check incomplete: {missed} instruction{'' if missed == 1 else 's'} not understood "
             f"(listed as unparsed in the report)"
             + ("" if allow_unparsed else "; the run fails (--allow-unparsed or allow_unparsed: true "
                                          "in the config accepts it)"))
    if not opts["quiet"]:
        for report in reports:
            if not report.result.looks_like_bill:
                warn(f"warning: {report.path}: no amendment instruction found: it does not look like a bill")
    if errors or prepared.failed:
        return 2
    failing = any(counts_for_gate(f, fail_on) for report in reports for f in report.findings)
    return 1 if failing or (missed and not allow_unparsed) else 0


def _with_parity(reports: list[FileReport], prepared: Prepared, lang: str | None) -> list[FileReport]:
    """Both language versions of one bill (kk_/ru_ names, checker/acts/pairing.py) get parity-* findings."""
    from checker.acts.pairing import with_parity

    jobs = {job.display: job for job in prepared.jobs}
    return with_parity(reports, lambda r: jobs[r.path].path if r.path in jobs else None,
                       lambda r: jobs[r.path].rel if r.path in jobs else r.path, lang)


def _with_acts(prepared: Prepared, act_specs: Sequence[str]) -> Prepared:
    """Each group's rule set, wrapped to apply the bill to the acts in force when some are given."""
    from checker.acts.gate import ActsRuleSet
    from checker.acts.options import split_spec

    given = tuple((slug, Path(file)) for slug, file in map(split_spec, act_specs))
    groups = tuple(replace(group, ruleset=ActsRuleSet(group.ruleset, given + group.config.acts))
                   if given or group.config.acts else group for group in prepared.groups)
    return replace(prepared, groups=groups)


def _show_config(prepared: Prepared, cwd: Path, run: dict[str, Any]) -> None:
    entries = [(group.config, [job.display for job in group.jobs]) for group in prepared.groups]
    click.echo(describe(entries, run, cwd), nl=False)


def _first(*values: Any) -> Any:
    """The first value that is set: command line, then config, then default."""
    return next((value for value in values if value is not None), None)


def _inputs(prepared: Prepared, baseline_path: Path | None) -> list[Path]:
    """Every file this run reads: drafts, configs, rule and unit files, baselines."""
    found = [job.path for job in prepared.jobs]
    for group in prepared.groups:
        found += [p for p in (group.config.path, baseline_path or group.config.baseline) if p is not None]
    for spec in {group.spec for group in prepared.groups}:
        found += spec_inputs(spec)
    return found


def _path_option(raw: str | None, cwd: Path) -> Path | None:
    if not raw:
        return None
    path = Path(raw)
    return path if path.is_absolute() else cwd / path


def _surely_not_terminal() -> bool:
    """What rich's `Console.is_terminal` answers False to, without importing rich: a standard
    output that is no tty, unless TTY_COMPATIBLE=1 or FORCE_COLOR says otherwise."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible == "0":
        return True
    if compatible == "1" or os.environ.get("FORCE_COLOR") is not None:
        return False
    try:
        return not sys.stdout.isatty()
    except (AttributeError, ValueError):
        return True


def use_color(fmt: str, output: str | None, choice: str = "auto") -> bool:
    """Colour only in the text format; `auto` asks rich, which knows NO_COLOR, FORCE_COLOR and TERM."""
    if fmt != "text" or choice == "never":
        return False
    if choice == "always":
        return True
    if output or _surely_not_terminal():
        return False
    from rich.console import Console

    console = Console(file=sys.stdout)
    return console.is_terminal and console.color_system is not None and not console.no_color


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
            label += f", {format_date(str(resolution.date), lang)}"
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


def _emit_report(fmt: str, reports: Sequence[FileReport], *, lang: str | None, rulesets: Sequence[Any],
                 cwd: Path, color: bool, output: str | None) -> None:
    """Write the report to stdout or (atomically) to the --output file, as it is rendered."""
    from checker.report import write

    chrome = lang or (reports[0].lang if reports else "en")
    metas: dict[str, Any] = {}
    if any(f.rule.startswith("parity-") for report in reports for f in report.findings):
        from checker.acts.pairing import ParityRules

        rulesets = [*rulesets, ParityRules()]
    for ruleset in rulesets:  # configs may add rules of their own: every one described once
        for meta in rule_metas(ruleset, chrome):
            metas.setdefault(meta.id, meta)

    def render_to(out: TextIO) -> None:
        write(fmt, reports, out, lang=chrome, rules=list(metas.values()), color=color,
              tool_version=__version__, root=cwd, per_draft=lang is None)

    _emit_with(render_to, output, cwd)


def _emit_with(write_to: Callable[[TextIO], None], output: str | None, cwd: Path,
               inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """`write_to` stdout as it goes, or to a temporary file renamed over --output when complete.

    The --output file must be none of `inputs` (also through links): it is refused before
    anything is written.
    """
    if not output:
        write_to(sys.stdout)  # escape codes and all (click.echo would strip them off a tty)
        sys.stdout.flush()
        return
    path = _path_option(output, cwd)
    assert path is not None
    refuse_inputs(path, inputs, location=output)
    with open_for_writing(path, location=output) as out:
        write_to(out)


def _emit(text: str, output: str | None, cwd: Path, inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Print `text`, or write it atomically to the --output file, which must be none of `inputs`."""
    if not output:
        # color=True: keep the escape codes the report chose to write (click strips them off a tty)
        click.echo(text, nl=not text.endswith("\n"), color=True)
        return
    _emit_with(lambda out: out.write(text), output, cwd, inputs)


# --- lawcheck baseline create ------------------------------------------------------------------

@click.group(cls=LawcheckGroup)
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
    prepared = _prepare(opts, cwd, allow_empty=opts["show_config"])
    lang = prepared.setting("lang", opts["lang"])
    if opts["show_config"]:
        _show_config(prepared, cwd, {"lang": lang or "each draft's own",
                                     "output": opts["output"] or "each config's baseline"})
        return 0
    if opts["output"] and len(prepared.groups) > 1:
        raise InputError("the drafts fall under several configs, each with its own baseline",
                         hint="drop --output to write each config's baseline, or run once per config")
    reports, errors = _split(_execute(prepared, opts, lang))
    reports = _with_parity(reports, prepared, lang)  # as `check` does by default
    if errors or prepared.failed:
        warn("error: baseline not written: fix the errors above so that it covers every draft")
        return 2
    for group in prepared.groups:
        mine = {job.display for job in group.jobs}
        part, _ = apply_suppressions([r for r in reports if r.path in mine], group.config.suppressions,
                                     cwd=cwd)
        target = (_path_option(opts["output"], cwd) or group.config.baseline
                  or (group.config.root if group.config.path else cwd) / DEFAULT_BASELINE)
        refuse_inputs(target, _inputs(prepared, None), location=display_path(target, cwd))
        rel_paths = {job.display: job.rel for job in group.jobs}
        entries = baseline_file.build_entries(part, rel_paths)
        baseline_file.write(target, entries)
        if not opts["quiet"]:
            warn(f"wrote {len(entries)} baseline entr{'y' if len(entries) == 1 else 'ies'} "
                  f"to {display_path(target, cwd)}")
    return 0
