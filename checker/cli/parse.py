"""`lawcheck parse FILE`: the structured amendments of one draft, as JSON or a readable tree."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path
from typing import TextIO

import click

from checker.cli.configured import CONFIG_HELP
from checker.cli.errors import guard, warn
from checker.output import refuse_inputs
from checker.report import write_json

from checker.model import ParseResult


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: the contract (`lawcheck schema parse` prints its JSON Schema); text: a tree for people.")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of standard output.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help=CONFIG_HELP)
@click.option("--stdin-filename", metavar="PATH",
              help="The name of the draft read from standard input (PATH `-`).")
@guard
def parse(path: str, fmt: str, output: str | None, config_path: str | None,
          stdin_filename: str | None) -> None:
    """Parse a draft (.txt or .docx) into one record per amendment instruction.

    \b
    Examples:
      lawcheck parse draft.docx
      lawcheck parse draft.txt --format json -o draft.json
      lawcheck parse - --stdin-filename draft.txt < draft.txt
    """
    from checker.cli.check import _emit_with
    from checker.gate.config import ConfigFinder
    from checker.parsing import parse_document
    from checker.run import read_input

    # Parsing needs no setting of its own, but the draft's config is read all the same: a broken
    # config fails every command alike, and `exclude` says the draft is not one lawcheck checks.
    named = Path(stdin_filename if path == "-" and stdin_filename else path)
    config = ConfigFinder(config_path).for_path(named if path != "-" or stdin_filename else Path.cwd())
    if config.exclude is not None and config.exclude.matches(named):
        warn(f"note: {named} is excluded by {config.path}: `lawcheck check` skips it")
    inputs = [p for p in (None if path == "-" else path, config.path) if p is not None]
    if output:
        refuse_inputs(output, inputs, location=output)  # before reading: fail fast
    result = parse_document(read_input(path, stdin_filename))

    def write_to(out: TextIO) -> None:
        if fmt == "json":
            from checker import __version__

            # piece by piece: a large draft's parse is large
            write_json({"tool": {"name": "lawcheck", "version": __version__}, **result.to_json()}, out)
        else:
            out.write(render_tree(result) + "\n")

    _emit_with(write_to, output, Path.cwd(), inputs)


def render_tree(result: ParseResult) -> str:
    """A plain-text tree: acts, then their amendments with target, operation and text."""
    lines = [f"{result.path}  [{result.language}]  {len(result.amendments)} amendments, "
             f"{len(result.unparsed)} unparsed, {result.not_understood} instructions not understood"]
    if not result.looks_like_bill:
        lines.append("  no amendment instruction found: this does not look like a bill")
    if result.title:
        lines.append(f"  {result.title}")
    for (slug, name, date), group in groupby(result.amendments, key=lambda a: (a.act.slug, a.act.name, a.act.date)):
        lines.append(f"  ▸ {slug}  {name}" + (f"  ({date})" if date else ""))
        for a in group:
            span = f"{a.line}" if a.line == a.end_line else f"{a.line}-{a.end_line}"
            where = a.target.label() + (f" (after {a.anchor.label()})" if a.anchor is not None else "")
            lines.append(f"      {a.id:<12} line {span:<8} {a.operation:<26} {where}")
            for label, value in (("old", a.old), ("new", a.new)):
                if value:
                    lines.append(f"          {label}: {_short(value)}")
    if result.warnings:
        lines.append("  ▸ warnings")
        for w in result.warnings:
            lines.append(f"      line {w.line}: [{w.code}] {w.message}")
    if result.unparsed:
        lines.append("  ▸ unparsed")
        for u in result.unparsed:
            what = "instruction not understood: " if u.instruction else ""
            lines.append(f"      line {u.line}: {what}{u.reason}")
            lines.append(f"          {_short(u.text)}")
    return "\n".join(lines)


def _short(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
