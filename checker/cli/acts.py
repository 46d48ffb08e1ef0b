"""`lawcheck parse-act`, `apply` and `compare`: a bill against the act in force (issue 8)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable

import click

from checker.cli.configured import CONFIG_HELP
from checker.cli.errors import guard, warn
from checker.errors import InputError

ACT_HELP = ("The text in force of an amended act: SLUG=FILE (criminal-code=uk.docx) or FILE (slug from "
            "its header or file name); a folder of act files; repeatable, once per language.")


def act_options(func: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed([
        click.argument("draft", type=click.Path(dir_okay=False, path_type=str)),
        click.option("--act", "act_specs", multiple=True, metavar="SLUG=FILE", help=ACT_HELP),
        click.option("--config", "config_path", type=click.Path(dir_okay=False), help=CONFIG_HELP),
        click.option("--lang", type=click.Choice(["kk", "ru", "en"]),
                     help="Language of headings and messages (default: the draft's own)."),
        click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file."),
    ]):
        func = option(func)
    return func


def applied_bill(draft: str, act_specs: tuple[str, ...], config_path: str | None) -> tuple[Any, Any]:
    """Parse the draft, load its acts (command line, then config) and apply it: (parse result, run)."""
    from checker.acts.bill import apply_bill
    from checker.acts.options import for_language, load_acts, split_spec
    from checker.gate.config import ConfigFinder
    from checker.parsing import parse_document
    from checker.run import read_input

    config = ConfigFinder(config_path).for_path(Path(draft))
    specs = [(slug, Path(file)) for slug, file in map(split_spec, act_specs)] + list(config.acts)
    if not specs:
        raise InputError("no act in force given", draft, hint="--act SLUG=FILE, or `acts:` in the config")
    result = parse_document(read_input(draft))
    acts = for_language(load_acts(specs), result.language)
    run = apply_bill(result, acts)
    for slug in run.missing_acts:
        warn(f"note: {draft}: no text in force of {slug!r} given: its instructions were not applied "
             f"(--act {slug}=FILE)")
    if not run.applied:
        raise InputError(f"none of the draft's acts was given (it amends: {', '.join(run.missing_acts) or 'nothing'};"
                         f" given: {', '.join(acts) or 'nothing'})", draft,
                         hint="name the act's slug as `lawcheck parse` shows it: --act SLUG=FILE")
    return result, run


def _tech_findings(result: Any, run: Any, lang: str) -> list[Any]:
    from checker.acts.techcheck import findings

    return findings(run.all_issues(), result.path, lang)


def _write(data: str | bytes, output: str | None) -> None:
    if output is None:
        if isinstance(data, bytes):
            raise InputError("a .docx cannot be written to the terminal", hint="give --output FILE.docx")
        click.echo(data, nl=not data.endswith("\n"))
        return
    try:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            Path(output).write_bytes(data)
        else:
            Path(output).write_text(data, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", output, "check the --output path") from None


def _tool() -> dict[str, str]:
    """Which lawcheck wrote the JSON, as `check` and `parse` say it."""
    from checker import __version__

    return {"name": "lawcheck", "version": __version__}


def _report(findings: list[Any]) -> int:
    for f in findings:
        warn(f"{f.path}:{f.line}: {f.severity}[{f.rule}] {f.amendment}: {f.message}")
    return 1 if any(f.severity == "error" for f in findings) else 0


@click.command("parse-act")
@click.argument("path", type=click.Path(dir_okay=False, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: an outline for people; json: the whole tree.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option("--notes", is_flag=True, help="text: show the database's editorial notes too.")
@guard
def parse_act(path: str, fmt: str, output: str | None, notes: bool) -> None:
    """Show the structure of an act in force (.txt, .docx, .html, .pdf), kk or ru.

    \b
    Examples:
      lawcheck parse-act uik.docx
      lawcheck parse-act uik.txt --format json -o uik.json
    """
    from checker.acts import load_act

    act = load_act(path)
    if fmt == "json":
        _write(json.dumps({"tool": _tool(), **act.to_json()}, ensure_ascii=False, indent=2) + "\n", output)
        return
    _write(_tree(act, notes) + "\n", output)


def _tree(act: Any, notes: bool) -> str:
    counts: dict[str, int] = {}
    for unit in act.root.walk():
        counts[unit.kind] = counts.get(unit.kind, 0) + 1
    lines = [f"{act.path}  [{act.language}]  date {act.date or '?'}  "
             + ", ".join(f"{kind}: {n}" for kind, n in counts.items() if kind != "act")]

    def show(unit: Any, depth: int) -> None:
        head = unit.first_line()
        lines.append("  " * depth + (head[:100] + "…" if len(head) > 100 else head))
        for note in unit.notes if notes else ():
            lines.append("  " * depth + "  [note] " + note[:100])
        for child in unit.children:
            show(child, depth + 1)

    for child in act.root.children:
        show(child, 1)
    return "\n".join(lines)


@click.command("apply")
@act_options
@click.option("--format", "fmt", type=click.Choice(["text", "json", "docx"]), default="text", show_default=True,
              help="text: the consolidated act; json: the tree and each instruction's outcome; docx: Word.")
@click.option("--notes", is_flag=True, help="Keep the database's editorial notes in the consolidated text.")
@guard
def apply(draft: str, act_specs: tuple[str, ...], config_path: str | None, lang: str | None,
          output: str | None, fmt: str, notes: bool) -> None:
    """Apply a bill to the acts in force and write the consolidated acts.

    Instructions that cannot be carried out are listed on stderr as legal-technical findings;
    exit 1 when one of them is an error.

    \b
    Examples:
      lawcheck apply bill.docx --act criminal-code=uk.docx -o uk-new.txt
      lawcheck apply bill.txt --act uk.txt --format docx -o uk-new.docx
    """
    from checker.acts.docx_write import text_docx

    result, run = applied_bill(draft, act_specs, config_path)
    findings = _tech_findings(result, run, lang or result.language)
    if fmt == "json":
        data = {"tool": _tool(), "draft": result.path, "language": result.language,
                "acts": [{"slug": slug, **act.to_json(), "text": act.render(notes)} for slug, act in run.acts.items()
                         if slug in run.ledgers],
                "instructions": [item.to_json() for item in run.applied],
                "missing_acts": run.missing_acts,
                "findings": [f.to_json() for f in findings]}
        _write(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    else:
        texts = [act.render(notes) for slug, act in run.acts.items() if slug in run.ledgers]
        text = "\n\n".join(texts) + "\n"
        _write(text_docx(text.rstrip("\n").split("\n")) if fmt == "docx" else text, output)
    sys.exit(_report(findings))


@click.command("compare")
@act_options
@click.option("--format", "fmt", type=click.Choice(["markdown", "html", "docx", "json"]), default="markdown",
              show_default=True, help="docx needs --output; json gives the rows as data.")
@guard
def compare(draft: str, act_specs: tuple[str, ...], config_path: str | None, lang: str | None,
            output: str | None, fmt: str) -> None:
    """Write the comparative table: unit, wording in force, proposed wording, justification.

    \b
    Examples:
      lawcheck compare bill.docx --act criminal-code=uk.docx --format docx -o table.docx
      lawcheck compare bill.txt --act uk.txt --format html -o table.html
    """
    from checker.acts import table_render
    from checker.acts.compare import table
    from checker.acts.docx_write import table_docx

    result, run = applied_bill(draft, act_specs, config_path)
    lang = lang or result.language
    rows = table(run, lang)
    if fmt == "docx":
        _write(table_docx(rows, lang), output)
    elif fmt == "html":
        _write(table_render.html(rows, lang), output)
    elif fmt == "json":
        data = {"tool": _tool(), "draft": result.path, "rows": [r.to_json() for r in rows]}
        _write(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    else:
        _write(table_render.markdown(rows, lang), output)
    sys.exit(_report(_tech_findings(result, run, lang)))
