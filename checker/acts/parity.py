"""The Kazakh and Russian texts of one bill, matched instruction by instruction.

Both texts number their items alike, so instructions are aligned by their ids, not by their
operations: a Kazakh item may replace a word where the Russian one inserts after it, which is why
the word operations count as one family. Numbers, dates (month names read in both languages)
and sums in the quoted texts must agree as multisets.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from checker.model import Amendment, ParseResult, Target

_WORDS = {"replace_words", "insert_words", "delete_words"}
_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8, "сентябр": 9,
    "октябр": 10, "ноябр": 11, "декабр": 12, "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5,
    "маусым": 6, "шілде": 7, "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
}
_MONTH_RE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")[а-яәғқңөұүһі]*",
                       re.I)
_NUMBER = re.compile(r"\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?")

MESSAGES = {
    "parity-missing-instruction": ("{side} мәтінінде бұл нұсқама жоқ.", "В тексте ({side}) нет этой поправки.",
                                   "The {side} text has no such instruction."),
    "parity-operation": ("Нұсқамалардың түрі әртүрлі: {a} / {b}.", "Разные виды поправок: {a} / {b}.",
                         "Different operations: {a} / {b}."),
    "parity-target": ("Нұсқамалар әртүрлі бірлікті өзгертеді: {a} / {b}.",
                      "Поправки изменяют разные единицы: {a} / {b}.",
                      "The instructions change different units: {a} / {b}."),
    "parity-act": ("Нұсқамалар әртүрлі актіге жатады: {a} / {b}.", "Поправки относятся к разным актам: {a} / {b}.",
                   "The instructions amend different acts: {a} / {b}."),
    "parity-numbers": ("Мәтіндердегі сандар, күндер немесе сомалар әртүрлі: {a} / {b}.",
                       "Числа, даты или суммы в текстах различаются: {a} / {b}.",
                       "Numbers, dates or sums differ between the texts: {a} / {b}."),
}
SEVERITY = {"parity-missing-instruction": "error", "parity-operation": "warning", "parity-target": "error",
            "parity-act": "error", "parity-numbers": "error"}


@dataclass(frozen=True)
class Difference:
    rule: str
    amendment: str
    line_a: int | None
    line_b: int | None
    detail: tuple[tuple[str, str], ...] = ()
    targets: tuple[Target, Target] | None = field(default=None, compare=False)  # parity-target: named in each language

    @property
    def severity(self) -> str:
        return SEVERITY[self.rule]

    def message(self, lang: str) -> str:
        index = {"kk": 0, "ru": 1}.get(lang, 2)
        detail = dict(self.detail)
        if self.targets is not None:
            from checker.report.i18n import target_label

            detail["a"], detail["b"] = (target_label(t, lang if lang in ("kk", "ru") else "en") for t in self.targets)
        return MESSAGES[self.rule][index].format(**detail)

    def to_json(self, lang: str) -> dict:
        return {"rule": self.rule, "severity": self.severity, "amendment": self.amendment,
                "lines": [self.line_a, self.line_b], "message": self.message(lang), **dict(self.detail)}


def numbers(text: str | None) -> Counter[str]:
    """Numbers of a quoted text, dates as d.m so that "1 января" and "1 қаңтардағы" agree."""
    if not text:
        return Counter()
    found: Counter[str] = Counter()

    def month(m: re.Match[str]) -> str:
        key = next(k for k in sorted(_MONTHS, key=len, reverse=True) if m.group(2).lower().startswith(k))
        found[f"{int(m.group(1))}.{_MONTHS[key]}"] += 1
        return " "
    rest = _MONTH_RE.sub(month, text)
    for m in _NUMBER.finditer(rest):
        found[re.sub(r"[ \u00a0]", "", m.group()).replace(",", ".")] += 1
    return found


def compare_versions(a: ParseResult, b: ParseResult) -> list[Difference]:
    """Every difference between two language versions, in the first version's order."""
    left = {x.id: x for x in a.amendments}
    right = {x.id: x for x in b.amendments}
    out: list[Difference] = []
    for key in list(left) + [k for k in right if k not in left]:
        x, y = left.get(key), right.get(key)
        if x is None or y is None:
            present = x or y
            assert present is not None
            if present.operation == "language_version_unchanged":
                continue
            side = b.language if x is not None else a.language
            out.append(Difference("parity-missing-instruction", key, x.line if x else None, y.line if y else None,
                                  (("side", side),)))
            continue
        out += _pair(key, x, y)
    return out


def _pair(key: str, x: Amendment, y: Amendment) -> list[Difference]:
    if "language_version_unchanged" in (x.operation, y.operation):
        return []
    found = []

    def diff(rule: str, first: str, second: str, targets: tuple[Target, Target] | None = None) -> None:
        found.append(Difference(rule, key, x.line, y.line, (("a", first), ("b", second)), targets))

    if x.act.slug != y.act.slug:
        diff("parity-act", x.act.slug, y.act.slug)
    if x.operation != y.operation and not {x.operation, y.operation} <= _WORDS:
        diff("parity-operation", x.operation, y.operation)
    if x.target != y.target:
        diff("parity-target", x.target.label(), y.target.label(), (x.target, y.target))
    nx, ny = numbers(x.new) + numbers(x.old), numbers(y.new) + numbers(y.old)
    if nx != ny:
        diff("parity-numbers", " ".join(sorted(nx.elements())) or "-", " ".join(sorted(ny.elements())) or "-")
    return found
