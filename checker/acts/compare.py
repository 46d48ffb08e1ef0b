"""The comparative table (салыстырмалы кесте / сравнительная таблица) as data.

One row per unit the bill changes, in the bill's order: the unit's name, its wording in force and
its proposed wording, with the words taken out and the words put in marked, and an empty column
for the drafter's justification. Renderers (markdown, html, docx) only draw it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from checker.acts.bill import BillRun
from checker.acts.ledger import Row
from checker.model import Target

HEADINGS = {
    "ru": ("№", "Структурная единица", "Действующая редакция", "Предлагаемая редакция", "Обоснование"),
    "kk": ("№", "Құрылымдық элемент", "Қолданыстағы редакция", "Ұсынылып отырған редакция", "Негіздеме"),
    "en": ("No.", "Structural unit", "Wording in force", "Proposed wording", "Justification"),
}
TITLE = {"ru": "Сравнительная таблица", "kk": "Салыстырмалы кесте", "en": "Comparative table"}
ABSENT = {"ru": "Отсутствует.", "kk": "Жоқ.", "en": "None."}
DELETED = {"ru": "Исключить.", "kk": "Алып тасталсын.", "en": "Delete."}
_NAMES = {
    "ru": {"article": "статья {}", "part": "часть {}", "paragraph": "пункт {}", "subparagraph": "подпункт {})",
           "indent": "абзац {}", "sentence": "предложение {}", "heading": "заголовок", "note": "примечание",
           "toc": "оглавление", "preamble": "преамбула", "throughout": "по всему тексту"},
    "kk": {"article": "{}-бап", "part": "{}-бөлік", "paragraph": "{}-тармақ", "subparagraph": "{}) тармақша",
           "indent": "{}-абзац", "sentence": "{}-сөйлем", "heading": "тақырыбы", "note": "ескертпе",
           "toc": "мазмұны", "preamble": "кіріспе", "throughout": "бүкіл мәтін бойынша"},
    "en": {"article": "art. {}", "part": "part {}", "paragraph": "para. {}", "subparagraph": "subpara. {}",
           "indent": "indent {}", "sentence": "sentence {}", "heading": "heading", "note": "note",
           "toc": "table of contents", "preamble": "preamble", "throughout": "throughout the text"},
}
_TOKENS = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str  # "same" | "removed" | "added"


@dataclass(frozen=True)
class TableRow:
    number: int
    act: str
    unit: str
    before: tuple[Segment, ...]
    after: tuple[Segment, ...]
    amendments: tuple[str, ...]

    def to_json(self) -> dict:
        def plain(segments: tuple[Segment, ...], drop: str) -> str:
            return "".join(s.text for s in segments if s.kind != drop)
        return {"number": self.number, "act": self.act, "unit": self.unit,
                "in_force": plain(self.before, "added"), "proposed": plain(self.after, "removed"),
                "amendments": list(self.amendments), "justification": ""}


def unit_name(target: Target, lang: str) -> str:
    """"статья 3, часть 1" / "3-бап, 1-бөлік": the unit as the drafter names it."""
    names = _NAMES.get(lang, _NAMES["en"])
    bits = [names[level].format(getattr(target, level))
            for level in ("article", "part", "paragraph", "subparagraph") if getattr(target, level)]
    bits += [names[flag] for flag in ("note", "heading", "preamble", "toc", "throughout") if getattr(target, flag)]
    return ", ".join(bits)


def diff(before: str, after: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Word-level marks: what left the wording in force, what entered the proposed one."""
    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    left: list[Segment] = []
    right: list[Segment] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            left.append(Segment("".join(old[i1:i2]), "same"))
            right.append(Segment("".join(new[j1:j2]), "same"))
            continue
        if i2 > i1:
            left.append(Segment("".join(old[i1:i2]), "removed"))
        if j2 > j1:
            right.append(Segment("".join(new[j1:j2]), "added"))
    return tuple(left), tuple(right)


def table(run: BillRun, lang: str) -> list[TableRow]:
    rows: list[TableRow] = []
    for slug, ledger in run.ledgers.items():
        for row in ledger.ordered():
            rows.append(_row(len(rows) + 1, slug, row, lang))
    return rows


def _row(number: int, slug: str, row: Row, lang: str) -> TableRow:
    first = row.amendments[0]
    target = first.target
    if target.indent or target.sentence:  # the row shows the whole unit the indent belongs to
        target = Target(article=target.article, part=target.part, paragraph=target.paragraph,
                        subparagraph=target.subparagraph, note=target.note)
    if target.throughout and row.unit.kind == "article":
        target = Target(article=row.unit.number)
    unit = unit_name(target, lang)
    after = row.after
    if row.before is None:
        before_segments = (Segment(ABSENT.get(lang, ABSENT["en"]), "same"),)
        after_segments = (Segment(after or "", "added"),)
    elif after is None:
        before_segments = (Segment(row.before, "removed"),)
        after_segments = (Segment(DELETED.get(lang, DELETED["en"]), "same"),)
    else:
        before_segments, after_segments = diff(row.before, after)
    return TableRow(number, slug, unit, before_segments, after_segments, tuple(a.id for a in row.amendments))
