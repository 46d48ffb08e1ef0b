"""`lawcheck parity KK_FILE RU_FILE`: do the two language texts of one bill make the same changes?"""

from __future__ import annotations

import json
import sys

import click

from checker.cli.errors import guard


@click.command("parity")
@click.argument("first", type=click.Path(dir_okay=False, path_type=str))
@click.argument("second", type=click.Path(dir_okay=False, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one line per difference; json: the differences as data.")
@click.option("--lang", type=click.Choice(["kk", "ru", "en"]), default="en", show_default=True,
              help="Language of the messages.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file.")
@guard
def parity(first: str, second: str, fmt: str, lang: str, output: str | None) -> None:
    """Match the Kazakh and Russian texts of a bill instruction by instruction; exit 1 on a difference.

    \b
    Examples:
      lawcheck parity bill_kk.docx bill_ru.docx
      lawcheck parity bill_kk.txt bill_ru.txt --format json
    """
    from checker.acts.parity import compare_versions
    from checker.cli.acts import _write
    from checker.parsing import parse_document
    from checker.run import read_input

    results = [parse_document(read_input(path)) for path in (first, second)]
    differences = compare_versions(results[0], results[1])
    if fmt == "json":
        text = json.dumps({"files": [r.path for r in results], "languages": [r.language for r in results],
                           "differences": [d.to_json(lang) for d in differences]},
                          ensure_ascii=False, indent=2) + "\n"
    else:
        lines = [f"{d.line_a or '-'}:{d.line_b or '-'} {d.severity}[{d.rule}] {d.amendment}: {d.message(lang)}"
                 for d in differences]
        summary = f"{results[0].path} ({results[0].language}) ↔ {results[1].path} ({results[1].language}): "
        lines.append(summary + (f"{len(differences)} difference(s)" if differences else "the same changes"))
        text = "\n".join(lines) + "\n"
    _write(text, output)
    sys.exit(1 if differences else 0)
