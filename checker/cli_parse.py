"""`lawcheck parse FILE`: the structured amendments of one draft, as JSON or a readable tree."""

from __future__ import annotations

import sys
from itertools import groupby
from typing import TextIO

import click

from checker.cli_errors import guard
from checker.output import open_for_writing, refuse_inputs
from checker.report import write_json

from checker.model import ParseResult


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json follows the contract in DESIGN.md; text is a tree for people.")
@click.option("--output", "output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of standard output.")
@guard
def parse(path: str, fmt: str, output: str | None) -> None:
    """Parse a draft (.txt or .docx) into one record per amendment instruction.

    \b
    Examples:
      lawcheck parse draft.docx
      lawcheck parse draft.txt --format json > draft.json
    """
    from checker.parsing import parse_document
    from checker.reading import read_document

    if output:
        refuse_inputs(output, [path], location=output)
    result = parse_document(read_document(path))

    def write_to(out: TextIO) -> None:
        if fmt == "json":
            write_json(result.to_json(), out)  # piece by piece: a large draft's parse is large
        else:
            out.write(render_tree(result) + "\n")

    if output:
        with open_for_writing(output, location=output) as out:
            write_to(out)
    else:
        write_to(sys.stdout)
        sys.stdout.flush()


def render_tree(result: ParseResult) -> str:
    """A plain-text tree: acts, then their amendments with target, operation and text."""
    lines = [f"{result.path}  [{result.language}]  {len(result.amendments)} amendments, "
             f"{len(result.unparsed)} unparsed"]
    if result.title:
        lines.append(f"  {result.title}")
    for (slug, name, date), group in groupby(result.amendments, key=lambda a: (a.act.slug, a.act.name, a.act.date)):
        lines.append(f"  ▸ {slug}  {name}" + (f"  ({date})" if date else ""))
        for a in group:
            span = f"{a.line}" if a.line == a.end_line else f"{a.line}-{a.end_line}"
            lines.append(f"      {a.id:<12} line {span:<8} {a.operation:<26} {a.target.label()}")
            for label, value in (("old", a.old), ("new", a.new)):
                if value:
                    lines.append(f"          {label}: {_short(value)}")
    if result.unparsed:
        lines.append("  ▸ unparsed")
        for u in result.unparsed:
            lines.append(f"      line {u.line}: {u.reason}")
            lines.append(f"          {_short(u.text)}")
    return "\n".join(lines)


def _short(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
