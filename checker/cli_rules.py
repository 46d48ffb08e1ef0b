"""`lawcheck rules ...` and `lawcheck explain` (placeholder until the rule engine lands)."""

from __future__ import annotations

import click


@click.group()
def rules() -> None:
    """List, show, validate, test and document the rule base."""


@click.command()
@click.argument("path")
@click.option("--rule", "rule_id", required=True)
def explain(path: str, rule_id: str) -> None:
    """Show why a rule fired or did not on each amendment of a draft."""
    raise click.UsageError("explain is not implemented yet")
