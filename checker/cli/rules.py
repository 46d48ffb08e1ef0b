"""`lawcheck rules list|show|validate|test|docs` and `lawcheck explain FILE --rule ID`.

The commands a rule author (a lawyer editing YAML) lives in: what the base holds, whether a file
is valid (every error as file:line:col), whether its examples pass, and why a rule did or did
not fire on a real draft.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

import yaml

from checker.cli.configured import CONFIG_HELP, extra_rule_paths, load_configured, rule_spec, spec_inputs
from checker.cli.errors import LawcheckGroup, guard
from checker.gate.config import Config
from checker.errors import LawcheckError
from checker.report.i18n import format_date

LANG = click.option("--lang", type=click.Choice(["kk", "ru", "en"]), default=None,
                    help="Language of titles and messages (default: en; explain: the draft's).")
EXTRA_RULES = click.option("--rules", "extra", multiple=True, type=click.Path(),
                           help="Extra rule file or folder (repeatable), added to the config's.")
CONFIG = click.option("--config", "config_path", type=click.Path(dir_okay=False), help=CONFIG_HELP)


def _config(config_path: str | None, anchor: str | None = None) -> Config:
    """The config in force: --config, else the nearest one above `anchor` (a draft) or the current folder."""
    from checker.gate.config import ConfigFinder

    finder = ConfigFinder(config_path)
    if anchor is None or anchor == "-":
        return finder.for_cwd()
    return finder.for_path(Path(anchor))


def _load(extra: Sequence[str], config: Config) -> Any:
    """The rule base as `check` sees it: built-in rules, the config's rules: and units:, --rules.

    enable/disable/severity are not applied: a rule switched off is still shown and explained
    (with a note), so that a rule author can see what the config does to it.
    """
    spec = rule_spec(config, extra_rule_paths(extra, Path.cwd()))
    return load_configured(config, spec)[0]


def _get(ruleset: Any, rule_id: str) -> Any:
    """The rule with this id, or one line that suggests the closest ids."""
    import difflib

    if rule_id in ruleset.by_id:
        return ruleset.by_id[rule_id]
    close = difflib.get_close_matches(rule_id, sorted(ruleset.by_id), n=3, cutoff=0.6)
    hint = ("did you mean " + " or ".join(repr(c) for c in close) + "?") if close else \
        "`lawcheck rules list` shows the ids"
    raise LawcheckError(f"no rule {rule_id!r} in the rule base", hint=hint)


def _config_note(rule: Any, config: Config) -> str | None:
    """What the config does to a rule: off (enable/disable) or another severity."""
    where = config.path.name if config.path else "the config"
    if rule.id in config.disable or (config.enable is not None and rule.id not in config.enable):
        return f"switched off by {where}: `check` does not report it"
    if rule.id in config.severity:
        return f"severity {config.severity[rule.id]} set by {where}"
    return None


def _resolution_json(rule: Any, lang: str, r: Any = None) -> dict[str, Any]:
    """A resolution as `rules list --format json` shows it: the original fields, then the sources
    of each fact and the status as of the rule's last review (fields are only ever added)."""
    from checker.engine.ruleset import resolution_ref
    from checker.report.i18n import resolution_status

    r = r if r is not None else rule.spec.resolution
    ref = resolution_ref(r)
    return {"number": r.number, "date": r.date, "paragraph": r.paragraph, "verdict": r.verdict,
            "label": ref.label(lang), "source": r.source, "paragraph_source": r.paragraph_source,
            "verdict_source": r.verdict_source,
            "status": {**ref.status.to_json(), "text": resolution_status(ref, lang)}
            if ref.status else None}


def _constitution_json(rule: Any) -> list[dict[str, Any]]:
    from checker.engine.ruleset import constitution_ref

    return [constitution_ref(c).to_json() for c in rule.spec.constitution]


@click.group(cls=LawcheckGroup)
def rules() -> None:
    """List, show, validate, test and document the rule base.

    \b
    Examples:
      lawcheck rules list --lang ru
      lawcheck rules validate rules/my-rule.yaml
      lawcheck rules test rules/my-rule.yaml
      lawcheck rules docs --output docs/catalogue.md
    """


@rules.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: a table for people; json: one record per rule, for tools.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="Write the list to this file instead of standard output.")
@LANG
@EXTRA_RULES
@CONFIG
@guard
def list_rules(fmt: str, output: str | None, lang: str | None, extra: tuple[str, ...],
               config_path: str | None) -> None:
    """List every rule: id, severity, resolution, acts, title."""
    config = _config(config_path)
    lang = lang or config.lang or "en"
    ruleset = _load(extra, config)
    rows = []
    for rule in ruleset.rules:
        spec = rule.spec
        off = rule.id in config.disable or (config.enable is not None and rule.id not in config.enable)
        rows.append({
            "id": rule.id,
            "severity": config.severity.get(rule.id, rule.severity),
            "enabled": not off,
            "kind": spec.kind,
            "resolution": _resolution_json(rule, lang),
            "also_cites": [_resolution_json(rule, lang, r) for r in spec.also_cites],
            "constitution": _constitution_json(rule),
            "acts": list(spec.scope.acts or []),
            "articles": list(spec.scope.articles or []),
            "operations": list(spec.scope.operations or []),
            "title": getattr(spec.title, lang),
            "source": rule.source,
            "examples": {"conflict": len(spec.examples.conflict), "comply": len(spec.examples.comply)},
        })
    if fmt == "json":
        _emit(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", output, Path.cwd(), _inputs(extra, config))
        return
    from io import StringIO

    from rich.console import Console
    from rich.table import Table

    console = Console(file=StringIO(), width=160, no_color=True) if output else Console()
    if console.width < 120:  # too narrow for five columns: one rule per two lines
        lines = []
        for row in rows:
            severity = "upheld" if row["kind"] == "upheld" else row["severity"]
            severity = severity if row["enabled"] else "off"
            acts = ", ".join(row["acts"]) or "any act"
            lines.append(f"{row['id']}  {severity}  {row['resolution']['label']}  ({acts})")
            lines.append(f"    {row['title']}")
        _emit("\n".join(lines) + "\n", output, Path.cwd(), _inputs(extra, config))
        return
    table = Table(title=f"{len(rows)} rules")
    table.add_column("id", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("resolution", no_wrap=True)
    table.add_column("acts", overflow="fold")
    table.add_column("title", overflow="fold", ratio=1)
    for row in rows:
        severity = "upheld" if row["kind"] == "upheld" else row["severity"]
        severity = severity if row["enabled"] else "off"
        table.add_row(row["id"], severity, row["resolution"]["label"], ", ".join(row["acts"]) or "any",
                      row["title"])
    console.print(table)
    if output:
        _emit(console.file.getvalue(), output, Path.cwd(), _inputs(extra, config))  # type: ignore[attr-defined]


@rules.command("show")
@click.argument("rule_id")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="Write the description to this file instead of standard output.")
@LANG
@EXTRA_RULES
@CONFIG
@guard
def show_rule(rule_id: str, output: str | None, lang: str | None, extra: tuple[str, ...],
              config_path: str | None) -> None:
    """Everything about one rule: citation, scope, conditions, texts, examples."""
    config = _config(config_path)
    lang = lang or config.lang or "en"
    ruleset = _load(extra, config)
    rule = _get(ruleset, rule_id)
    spec = rule.spec
    resolution = _resolution_json(rule, lang)
    out = [f"{rule.id}  ({rule.source})", ""]
    out += [f"  title [{code}]: {getattr(spec.title, code)}" for code in ("kk", "ru", "en")]
    for key, res in [("resolution", resolution)] + [
            ("also cites", _resolution_json(rule, lang, r)) for r in spec.also_cites]:
        cited = f"{res['label']} of {format_date(str(res['date']), lang)}"
        if res["paragraph"]:
            cited += f", paragraph {res['paragraph']}"
        out.append(f"  {key}: {cited} (verdict: {res['verdict']})")
        out.append(f"    source: {res['source']}")
        if res["paragraph_source"]:
            out.append(f"    paragraph source: {res['paragraph_source']}")
        if res["verdict_source"]:
            out.append(f"    verdict source: {res['verdict_source']}")
        if res["status"]:
            out.append(f"    status: {res['status']['text']}")
            out.append(f"    status source: {res['status']['source']}")
        else:
            out.append("    status: not recorded")
    for ref in spec.constitution:
        out.append(f"  constitution: {_article_text(ref)} ({ref.edition} edition, "
                   f"{ref.status or 'status not recorded'})")
        if ref.source:
            out.append(f"    source: {ref.source}")
        eq = ref.equivalent_2026
        if eq is not None:
            out.append(f"    2026: {_article_text(eq)} ({eq.status})")
            out.append(f"      source: {eq.source}")
            if eq.note:
                out.append(f"      note: {eq.note}")
        elif ref.edition == "1995":
            out.append("    2026: not known")
    out.append(f"  kind: {spec.kind}" + ("" if rule.upheld else f", severity: {rule.severity}"))
    note = _config_note(rule, config)
    if note:
        out.append(f"  config: {note}")
    scope = spec.scope
    out.append(f"  acts: {', '.join(scope.acts) if scope.acts else 'any'}")
    out.append(f"  articles: {', '.join(scope.articles) if scope.articles else 'any'}")
    out.append(f"  operations: {', '.join(scope.operations) if scope.operations else 'any'}")
    conditions = spec.model_dump(by_alias=True, exclude_none=True,
                                 include={"match", "unless", "removed", "added"})
    if conditions:
        out += ["", "  conditions:", _indent(yaml.safe_dump(conditions, allow_unicode=True,
                                                                  sort_keys=False), 4)]
    for name in ("message", "suggestion"):
        texts = getattr(spec, name)
        if texts is not None:
            text = getattr(texts, lang) or getattr(texts, "ru")
            out.append(f"  {name}: {text}")
    for kind in ("conflict", "comply"):
        examples = getattr(spec.examples, kind)
        if examples:
            out.append(f"  {kind} examples: {len(examples)}")
            out += [f"    - [{e.lang}, {e.operation}] {e.text or e.old}" for e in examples]
    _emit("\n".join(out) + "\n", output, Path.cwd(), _inputs(extra, config))


def example_location(rule: Any, kind: str, index: int) -> str:
    """"rules/x.yaml:42:7" of `examples.<kind>[index]` in the rule's file (the file alone if it moved)."""
    source = str(rule.source)
    try:
        node = yaml.compose(Path(source).read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
        for key in ("examples", kind):
            node = next(value for name, value in node.value if name.value == key)
        mark = node.value[index].start_mark
    except (OSError, yaml.YAMLError, StopIteration, AttributeError, IndexError, TypeError):
        return source
    return f"{source}:{mark.line + 1}:{mark.column + 1}"


def _emit(text: str, output: str | None, cwd: Path, inputs: Sequence[Path | str] = ()) -> None:
    from checker.cli.check import _emit as emit

    emit(text, output, cwd, inputs)


def _inputs(extra: Sequence[str], config: Config, *drafts: str) -> list[Path | str]:
    """What a rules command reads (rule files, the config, a draft): --output may be none of them."""
    spec = rule_spec(config, extra_rule_paths(extra, Path.cwd()))
    found: list[Path | str] = [*spec_inputs(spec), *(d for d in drafts if d != "-")]
    return found + ([config.path] if config.path is not None else [])


def _article_text(ref: Any) -> str:
    text = f"article {ref.article}"
    text += f", paragraph {ref.paragraph}" if ref.paragraph else ""
    text += f", subparagraph {ref.subparagraph}" if ref.subparagraph else ""
    return text


def _indent(text: str, width: int) -> str:
    return "\n".join(" " * width + line for line in text.rstrip().splitlines())


@rules.command("validate")
@click.argument("paths", nargs=-1, type=click.Path())
@CONFIG
@guard
def validate(paths: tuple[str, ...], config_path: str | None) -> None:
    """Check rule files (default: the shipped base and the config's rules:); print every error as file:line:col."""
    from checker.engine import validate_rules
    from checker.engine.loader import rule_files
    from checker.resources import rules_dir

    config = _config(config_path)
    if paths:
        errors = validate_rules(list(paths), units=config.units)
    else:
        errors = validate_rules(None, units=config.units)
        if config.rules:
            errors += [e for e in validate_rules(list(config.rules), units=config.units) if e not in errors]
    for error in errors:
        click.echo(str(error))
    if errors:
        click.echo(f"{len(errors)} error(s)", err=True)
        sys.exit(2)
    count = len(rule_files(list(paths) or [rules_dir(), *config.rules]))
    click.echo(f"{count} rule files OK")


@rules.command("test")
@click.argument("paths", nargs=-1, type=click.Path())
@CONFIG
@guard
def test_rules(paths: tuple[str, ...], config_path: str | None) -> None:
    """Run the examples of the rules in PATHS (default: every rule, the config's too); exit 1 when one fails."""
    from checker.engine import example_gaps, run_examples, validate_rules
    from checker.engine.loader import rule_files

    config = _config(config_path)
    errors = validate_rules(list(paths) or list(config.rules) or None, units=config.units)
    if errors:
        for error in errors:
            click.echo(str(error))
        sys.exit(2)
    ruleset = _load(paths, config)
    chosen = {str(p) for p in rule_files(paths)} if paths else None
    failed = 0
    tested = 0
    for rule in ruleset.rules:
        if chosen is not None and str(Path(rule.source).resolve()) not in chosen:
            continue
        tested += 1
        results = run_examples(rule, ruleset)
        problems = [f"{example_location(rule, r.kind, r.index)}: {r.describe()}"
                    for r in results if not r.passed] + example_gaps(rule)
        if problems:
            failed += 1
            click.echo(f"✗ {rule.id}")
            for problem in problems:
                click.echo(f"    {problem}")
        else:
            click.echo(f"✓ {rule.id} ({len(results)} examples)")
    click.echo(f"{tested - failed} of {tested} rules pass their examples")
    if failed:
        sys.exit(1)


@rules.command("docs")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="Write the Markdown to this file instead of the terminal.")
@EXTRA_RULES
@CONFIG
@guard
def docs(output: str | None, extra: tuple[str, ...], config_path: str | None) -> None:
    """A Markdown catalogue of every position, grouped by resolution."""
    from checker.engine.catalogue import render_catalogue

    config = _config(config_path)
    text = render_catalogue(_load(extra, config))
    _emit(text, output, Path.cwd(), _inputs(extra, config))
    if output is not None:
        click.echo(f"wrote {output}", err=True)


@click.command()
@click.argument("path", type=click.Path())
@click.option("--rule", "rule_id", required=True, help="The rule to explain.")
@click.option("--amendment", "amendment_id", default=None, help="Only this amendment (e.g. 1.1.3).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="Write the explanation to this file instead of standard output.")
@click.option("--stdin-filename", metavar="PATH",
              help="The name of the draft read from standard input (PATH `-`): where its config is found.")
@LANG
@EXTRA_RULES
@CONFIG
@guard
def explain(path: str, rule_id: str, amendment_id: str | None, output: str | None,
            stdin_filename: str | None, lang: str | None, extra: tuple[str, ...],
            config_path: str | None) -> None:
    """Show why a rule fired or did not on each amendment of a draft.

    \b
    Example:
      lawcheck explain draft.txt --rule housing-eviction-only-by-court --amendment 1.2.1
    """
    from checker.parsing import parse_document
    from checker.run import read_input

    config = _config(config_path, stdin_filename if path == "-" else path)
    ruleset = _load(extra, config)
    rule = _get(ruleset, rule_id)  # an unknown id fails before the draft is read
    result = parse_document(read_input(path, stdin_filename))
    amendments = [a for a in result.amendments if amendment_id is None or a.id == amendment_id]
    if amendment_id is not None and not amendments:
        known = ", ".join(a.id for a in result.amendments[:20]) or "none"
        raise LawcheckError(f"no amendment {amendment_id!r} in the draft (amendments: {known})",
                            location=path)
    if not amendments:
        _emit(f"{result.path}: no amendments found\n", output, Path.cwd(), _inputs(extra, config, path))
        return
    chosen = lang or config.lang or result.language
    note = _config_note(rule, config)
    text = "\n\n".join(ruleset.explain(a, rule_id, chosen).render() for a in amendments)
    _emit((f"note: {rule_id} is {note}\n\n{text}" if note else text) + "\n", output, Path.cwd(),
          _inputs(extra, config, path))
