"""Both language versions of one bill in a `check` run: which drafts pair up, and their parity findings.

Two drafts are the two versions of one bill when they sit in the same folder and their file names
differ only by a language marker: one `_`, `-` or `.`-separated part of the name (before the
suffix) that is `kk`, `kaz` or `kz` in one and `ru` or `rus` in the other, e.g. `kk_bill.docx` /
`ru_bill.docx`, `bill-kk.txt` / `bill-ru.txt`, `bill.kk.docx` / `bill.ru.docx`. The suffixes may
differ. A name that could pair with more than one file is left alone. The pairing reads names only,
so it never guesses; `parity KK_FILE RU_FILE` compares any two files.

The differences become ordinary findings (rule ids `parity-*`) on each draft where the instruction
is: a difference between two instructions shows on both drafts, an instruction present in one text
only shows on that text. Each message ends with where the other text has it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from checker.acts.parity import MESSAGES, SEVERITY, Difference, compare_versions
from checker.acts.techcheck import TechRule
from checker.model import FileReport, Finding

_MARKERS = {"kk": "kk", "kaz": "kk", "kz": "kk", "ru": "ru", "rus": "ru"}
_SPLIT = re.compile(r"([._-])")

_TITLES = {
    "parity-missing-instruction": ("Нұсқама бір тілдегі мәтінде ғана бар", "Поправка есть только в одном тексте",
                                   "Instruction in one language version only"),
    "parity-operation": ("Нұсқамалардың түрі әртүрлі", "Разные виды поправок", "Different operations"),
    "parity-target": ("Нұсқамалар әртүрлі бірлікті өзгертеді", "Поправки изменяют разные единицы",
                      "Different target units"),
    "parity-act": ("Нұсқамалар әртүрлі актіге жатады", "Поправки относятся к разным актам", "Different acts"),
    "parity-numbers": ("Сандар, күндер немесе сомалар әртүрлі", "Числа, даты или суммы различаются",
                       "Numbers, dates or sums differ"),
}
_LANGS = ("kk", "ru", "en")

PARITY_RULES: dict[str, TechRule] = {
    rule: TechRule(rule, SEVERITY[rule], dict(zip(_LANGS, _TITLES[rule])),
                   {lang: text.replace("{side}", "…").replace("{a}", "…").replace("{b}", "…")
                    for lang, text in zip(_LANGS, MESSAGES[rule])})
    for rule in MESSAGES
}


class ParityRules:
    """The parity rules with a rule set's face, for the reporters' rule lists (SARIF, HTML legend)."""

    rules = list(PARITY_RULES.values())


def marker(path: Path) -> tuple[str, str] | None:
    """(language, the name without its marker) when the file name carries one kk/ru marker."""
    parts = _SPLIT.split(path.stem)  # words at even indexes, separators at odd ones
    found = [i for i in range(0, len(parts), 2) if parts[i].lower() in _MARKERS]
    if len(found) != 1 or len(parts) == 1:
        return None
    i = found[0]
    rest = parts[:max(i - 1, 0)] + parts[i + 1:] if i else parts[i + 2:]
    return _MARKERS[parts[i].lower()], "".join(rest).lower()


def pairs(paths: Sequence[Path]) -> list[tuple[Path, Path]]:
    """(kk, ru) pairs among `paths`, by the naming rule above, in the order of the kk files."""
    by_key: dict[tuple[str, str], dict[str, list[Path]]] = {}
    for path in paths:
        found = marker(path)
        if found is None:
            continue
        lang, rest = found
        by_key.setdefault((str(path.parent), rest), {}).setdefault(lang, []).append(path)
    out = []
    for sides in by_key.values():
        kk, ru = sides.get("kk", []), sides.get("ru", [])
        if len(kk) == 1 and len(ru) == 1:
            out.append((kk[0], ru[0]))
    return out


def with_parity(reports: Sequence[FileReport], path_of: Callable[[FileReport], Path | None],
                rel_of: Callable[[FileReport], str], lang: str | None) -> list[FileReport]:
    """The reports, the paired drafts' ones with their parity findings added (fingerprinted, sorted)."""
    from checker.gate.fingerprint import assign_fingerprints

    located = {path: report for report in reports if (path := path_of(report)) is not None}
    extra: dict[str, list[Finding]] = {}
    for kk_path, ru_path in pairs(list(located)):
        kk, ru = located[kk_path], located[ru_path]
        for difference in compare_versions(kk.result, ru.result):
            for mine, other, line, other_line in ((kk, ru, difference.line_a, difference.line_b),
                                                  (ru, kk, difference.line_b, difference.line_a)):
                if line is not None:
                    extra.setdefault(mine.path, []).append(
                        _finding(difference, mine, other, line, other_line, lang or mine.lang))
    out = []
    for report in reports:
        added = extra.get(report.path)
        if added:
            found = assign_fingerprints(list(report.findings) + added, report.result.amendments, rel_of(report))
            found.sort(key=lambda f: (f.line, f.col, f.rule))
            report = replace(report, findings=tuple(found))
        out.append(report)
    return out


def _finding(difference: Difference, mine: FileReport, other: FileReport, line: int, other_line: int | None,
             lang: str) -> Finding:
    amendment = next((a for a in mine.result.amendments if a.id == difference.amendment), None)
    rule = PARITY_RULES[difference.rule]
    where = f"{other.path}:{other_line}" if other_line is not None else other.path
    return Finding(rule=rule.id, severity=rule.severity, path=mine.path, line=line,
                   end_line=amendment.end_line if amendment is not None else line,
                   col=amendment.col if amendment is not None else 0, amendment=difference.amendment,
                   message=f"{difference.message(lang)} ({where})", resolutions=(), constitution=(),
                   evidence="", suggestion="", title=rule.title.get(lang, rule.title["en"]), lang=lang)
