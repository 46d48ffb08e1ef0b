"""`lawcheck schema check|parse|rule|apply|compare|parse-act`: the JSON Schemas of the contracts."""

from __future__ import annotations

from pathlib import Path

import click

from checker.cli.errors import guard

SCHEMAS = ("check", "parse", "rule", "apply", "compare", "parse-act")


def schema_path(name: str) -> Path:
    """check, parse, apply, compare, parse-act: checker/schemas/<name>.json; rule: the rule base's schema.json (editors use it)."""
    if name == "rule":
        from checker.resources import rules_dir

        return rules_dir() / "schema.json"
    return Path(__file__).resolve().parent.parent / "schemas" / f"{name}.json"


@click.command()
@click.argument("name", type=click.Choice(SCHEMAS))
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="Write the schema to this file instead of standard output.")
@guard
def schema(name: str, output: str | None) -> None:
    """Print the JSON Schema of `check`, `parse`, `apply`, `compare` or `parse-act --format json`, or of a rule file.

    \b
    Examples:
      lawcheck schema check > lawcheck-check.schema.json
      lawcheck schema rule -o rules/schema.json     # for editors completing rule files
    """
    from checker.cli.check import _emit

    _emit(schema_path(name).read_text(encoding="utf-8"), output, Path.cwd())
