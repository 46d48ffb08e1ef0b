"""`lawcheck parse FILE`: the structured amendments of one draft (placeholder)."""

from __future__ import annotations

import click


@click.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text")
def parse(path: str, fmt: str) -> None:
    """Parse a draft into amendment records."""
    raise click.UsageError("parse is not implemented yet")
