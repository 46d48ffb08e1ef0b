"""`lawcheck check PATH...` and `lawcheck baseline` (placeholder until the check command lands)."""

from __future__ import annotations

import click


@click.command()
@click.argument("paths", nargs=-1)
def check(paths: tuple[str, ...]) -> None:
    """Check drafts against the rule base."""
    raise click.UsageError("check is not implemented yet")


@click.group()
def baseline() -> None:
    """Record the current findings so that only new ones fail the gate."""
