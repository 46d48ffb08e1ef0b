"""Read an act in force (.txt, .docx, .html, .pdf) through the draft readers into an ActText."""

from __future__ import annotations

import os

from checker.acts.structure import ActText, build_tree
from checker.errors import InputError


def parse_act_lines(lines: list[tuple[int, str]], path: str = "<act>") -> ActText:
    """The tree of an act given as (line number, paragraph) pairs; language and date detected."""
    from checker.morph import detect_language
    from checker.parsing.acts import extract_date

    text = "\n".join(line for _, line in lines)
    root = build_tree(lines)
    head = " ".join(line for _, line in lines[:12]).lower()
    return ActText(path=path, language=detect_language(text), root=root, date=extract_date(head))


def load_act(path: str | os.PathLike[str]) -> ActText:
    """Read and parse one act file; InputError naming the file when it holds no unit at all."""
    from checker.reading import read_document

    document = read_document(path)
    act = parse_act_lines([(line.number, line.text) for line in document.lines], os.fspath(path))
    if not act.root.children:
        raise InputError("no article, chapter or numbered point found: this does not look like an act",
                         os.fspath(path), hint="give the text in force of the amended act")
    return act
