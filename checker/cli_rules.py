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

from checker.cli_errors import guard
import yaml

from checker.errors import LawcheckError

LANG = click.option("--lang", type=click.Choice(["kk", "ru", "en"]), default=None,
                    help="Language of titles and messages (default: en; explain: the draft's).")
EXTRA_RULES = click.option("--rules", "extra", multiple=True, type=click.Path(),
                           help="Extra rule file or folder (repeatable).")


def _load(extra: Sequence[str]) -> Any:
    from checker.engine import load_rules

    return load_rules(list(extra) or None)


def _resolution_json(rule: Any, lang: str) -> dict[str, Any]:
    from checker.model import ResolutionRef

    r = rule.spec.resolution
    ref = ResolutionRef(r.number, r.date, r.paragraph, r.verdict)
    return {"number": r.number, "date": r.date, "paragraph": r.paragraph, "verdict": r.verdict,
            "label": ref.label(lang)}


@click.group()
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
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@LANG
@EXTRA_RULES
@guard
def list_rules(fmt: str, lang: str | None, extra: tuple[str, ...]) -> None:
    """List every rule: id, severity, resolution, acts, title."""
    lang = lang or "en"
    ruleset = _load(extra)
    rows = []
    for rule in ruleset.rules:
        spec = rule.spec
        rows.append({
            "id": rule.id,
            "severity": rule.severity,
            "kind": spec.kind,
            "resolution": _resolution_json(rule, lang),
            "acts": list(spec.scope.acts or []),
            "articles": list(spec.scope.articles or []),
            "operations": list(spec.scope.operations or []),
            "title": getattr(spec.title, lang),
            "source": rule.source,
            "examples": {"conflict": len(spec.examples.conflict), "comply": len(spec.examples.comply)},
        })
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if console.width < 120:  # too narrow for five columns: one rule per two lines
        for row in rows:
            severity = "upheld" if row["kind"] == "upheld" else row["severity"]
            acts = ", ".join(row["acts"]) or "any act"
            click.echo(f"{row['id']}  {severity}  {row['resolution']['label']}  ({acts})")
            click.echo(f"    {row['title']}")
        return
    table = Table(title=f"{len(rows)} rules")
    table.add_column("id", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("resolution", no_wrap=True)
    table.add_column("acts", overflow="fold")
    table.add_column("title", overflow="fold", ratio=1)
    for row in rows:
        severity = "upheld" if row["kind"] == "upheld" else row["severity"]
        table.add_row(row["id"], severity, row["resolution"]["label"], ", ".join(row["acts"]) or "any",
                      row["title"])
    console.print(table)


@rules.command("show")
@click.argument("rule_id")
@LANG
@EXTRA_RULES
@guard
def show_rule(rule_id: str, lang: str | None, extra: tuple[str, ...]) -> None:
    """Everything about one rule: citation, scope, conditions, texts, examples."""
    lang = lang or "en"
    ruleset = _load(extra)
    rule = ruleset.get(rule_id)
    spec = rule.spec
    resolution = _resolution_json(rule, lang)
    out = [f"{rule.id}  ({rule.source})", ""]
    out += [f"  title [{code}]: {getattr(spec.title, code)}" for code in ("kk", "ru", "en")]
    cited = f"{resolution['label']} of {resolution['date']}"
    if resolution["paragraph"]:
        cited += f", paragraph {resolution['paragraph']}"
    out.append(f"  resolution: {cited} (verdict: {resolution['verdict']})")
    for ref in spec.constitution:
        para = f", paragraph {ref.paragraph}" if ref.paragraph else ""
        para += f", subparagraph {ref.subparagraph}" if ref.subparagraph else ""
        out.append(f"  constitution: article {ref.article}{para} ({ref.edition} edition)")
    out.append(f"  kind: {spec.kind}" + ("" if rule.upheld else f", severity: {rule.severity}"))
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
    click.echo("\n".join(out))


def _indent(text: str, width: int) -> str:
    return "\n".join(" " * width + line for line in text.rstrip().splitlines())


@rules.command("validate")
@click.argument("paths", nargs=-1, type=click.Path())
@guard
def validate(paths: tuple[str, ...]) -> None:
    """Check rule files (default: the shipped base); print every error as file:line:col."""
    from checker.engine import validate_rules
    from checker.engine.loader import rule_files
    from checker.resources import rules_dir

    errors = validate_rules(list(paths) or None)
    for error in errors:
        click.echo(str(error))
    if errors:
        click.echo(f"{len(errors)} error(s)", err=True)
        sys.exit(2)
    count = len(rule_files(list(paths) or [rules_dir()]))
    click.echo(f"{count} rule files OK")


@rules.command("test")
@click.argument("paths", nargs=-1, type=click.Path())
@guard
def test_rules(paths: tuple[str, ...]) -> None:
    """Run the examples of the rules in PATHS (default: every rule); exit 1 when one fails."""
    from checker.engine import example_gaps, run_examples, validate_rules
    from checker.engine.loader import rule_files

    errors = validate_rules(list(paths) or None)
    if errors:
        for error in errors:
            click.echo(str(error))
        sys.exit(2)
    ruleset = _load(paths)
    chosen = {str(p) for p in rule_files(paths)} if paths else None
    failed = 0
    tested = 0
    for rule in ruleset.rules:
        if chosen is not None and str(Path(rule.source).resolve()) not in chosen:
            continue
        tested += 1
        results = run_examples(rule, ruleset)
        problems = [r.describe() for r in results if not r.passed] + example_gaps(rule)
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
@click.option("--output", type=click.Path(dir_okay=False), default=None,
              help="Write the Markdown to this file instead of the terminal.")
@EXTRA_RULES
@guard
def docs(output: str | None, extra: tuple[str, ...]) -> None:
    """A Markdown catalogue of every position, grouped by resolution."""
    from checker.engine.catalogue import render_catalogue
    from checker.engine.loader import rule_files
    from checker.output import refuse_inputs, write_text
    from checker.resources import rules_dir

    text = render_catalogue(_load(extra))
    if output is None:
        click.echo(text, nl=False)
        return
    refuse_inputs(output, rule_files([rules_dir(), *extra]), location=output)
    write_text(output, text, location=output)
    click.echo(f"wrote {output}", err=True)


@click.command()
@click.argument("path", type=click.Path())
@click.option("--rule", "rule_id", required=True, help="The rule to explain.")
@click.option("--amendment", "amendment_id", default=None, help="Only this amendment (e.g. 1.1.3).")
@LANG
@EXTRA_RULES
@guard
def explain(path: str, rule_id: str, amendment_id: str | None, lang: str | None,
            extra: tuple[str, ...]) -> None:
    """Show why a rule fired or did not on each amendment of a draft.

    \b
    Example:
      lawcheck explain draft.txt --rule housing-eviction-only-by-court --amendment 1.2.1
    """
    from checker.parsing import parse_document
    from checker.reading import read_document

    ruleset = _load(extra)
    ruleset.get(rule_id)  # an unknown id fails before the draft is read
    result = parse_document(read_document(path))
    amendments = [a for a in result.amendments if amendment_id is None or a.id == amendment_id]
    if amendment_id is not None and not amendments:
        known = ", ".join(a.id for a in result.amendments[:20]) or "none"
        raise LawcheckError(f"no amendment {amendment_id!r} in the draft (amendments: {known})",
                            location=path)
    if not amendments:
        click.echo(f"{path}: no amendments found")
        return
    chosen = lang or result.language
    click.echo("\n\n".join(ruleset.explain(a, rule_id, chosen).render() for a in amendments))
