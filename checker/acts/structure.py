"""An act in force as a tree of units, so that a bill's targets can be found and changed.

The text as downloaded from the legal database is a flat list of paragraphs; the units are told
apart by their labels only: "Раздел 2." / "2-бөлім", "Глава 3." / "3-тарау", "Статья 5." /
"5-бап.", "1." (a part or a point), "1)" (an item or subpoint), "Примечание." / "Ескертпе." (a
legal note). Unnumbered paragraphs belong to the unit above them: they are its indents (абзацы),
the first being the text on the label's own line. Editorial notes of the database ("Сноска.",
"Ескерту.", "Примечание ИЗПИ!", "ЗҚАИ-ның ескертпесі!", ...) are not law: they are kept apart,
attached to the unit they follow, and never matched or changed by an instruction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator

NUMBER = r"\d+(?:-\d+)*"

# Rank: a unit closes every open unit of the same or a deeper rank.
RANKS = {"act": 0, "division": 1, "section": 2, "chapter": 3, "group": 4, "article": 5, "note": 6,
         "point": 7, "item": 8}

_HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("division", re.compile(r"^(ОБЩАЯ|ОСОБЕННАЯ|ЖАЛПЫ|ЕРЕКШЕ)\s+(ЧАСТЬ|БӨЛІМ)\s*$()", re.I)),
    ("section", re.compile(rf"^(?:Раздел|РАЗДЕЛ)\s+({NUMBER}|[IVXLC]+)\.?\s*(.*)$")),
    ("section", re.compile(rf"^({NUMBER})-(?:бөлім|БӨЛІМ)\.?\s*(.*)$")),
    ("chapter", re.compile(rf"^(?:Глава|ГЛАВА)\s+({NUMBER})\.?\s*(.*)$")),
    ("chapter", re.compile(rf"^({NUMBER})-(?:тарау|ТАРАУ)\.?\s*(.*)$")),
    ("group", re.compile(rf"^(?:Параграф|ПАРАГРАФ)\s+({NUMBER})\.?\s*(.*)$")),
    ("group", re.compile(rf"^({NUMBER})-(?:параграф|ПАРАГРАФ)\.?\s*(.*)$")),
    ("article", re.compile(rf"^(?:Статья|СТАТЬЯ)\s+({NUMBER})\.?\s*(.*)$")),
    ("article", re.compile(rf"^({NUMBER})-(?:бап|БАП)\.?\s*(.*)$")),
)
_POINT = re.compile(rf"^({NUMBER})\.(?:\s+|$)(.*)$")
_ITEM = re.compile(rf"^({NUMBER})\)\s*(.*)$")
_NOTE = re.compile(r"^(Примечани[ея]|Ескертпе(?:лер)?)\s*[.:]\s*(.*)$")
_EDITORIAL_ONE = re.compile(r"^(?:Сноска|Ескерту)\s*[.:]")
_EDITORIAL_HEAD = re.compile(r"^(?:Примечание\s+(?:ИЗПИ|РЦПИ)|(?:ЗҚАИ|РҚАО)-ның\s+ескертпесі|См\.?\s*:)"
                             r"\s*!?\s*(.*)$", re.I)
_TOC = re.compile(r"^(?:Оглавление|ОГЛАВЛЕНИЕ|Мазмұны|МАЗМҰНЫ)\s*:?$")
_SIGNATURE = re.compile(r"^(?:Президент|Қазақстан Республикасының\s+Президенті)\b")
_TAGS = re.compile(r"^(?:Жаңа|Жаңартылған|Қолданыстағы|Новый|Обновленный|Действующий)$")


@dataclass(eq=False)
class Unit:
    """One structural unit; mutable because applying a bill changes it in place."""

    kind: str
    number: str | None = None
    label: str = ""  # as printed before the text: "Статья 5.", "5-бап.", "1.", "1)", "Примечание."
    heading: str = ""  # sections, chapters, articles
    lines: list[str] = field(default_factory=list)  # own indents; lines[0] sits on the label's line
    children: list[Unit] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # editorial notes of the database, kept apart
    parent: Unit | None = field(default=None, repr=False)
    line: int = 0  # where it starts in the act's file (0 for units a bill added)
    toc: list[str] = field(default_factory=list)  # the act's table of contents (root only)
    tail: list[str] = field(default_factory=list)  # the signature after the last unit (root only)

    def add(self, child: Unit, index: int | None = None) -> Unit:
        child.parent = self
        self.children.insert(len(self.children) if index is None else index, child)
        return child

    def walk(self) -> Iterator[Unit]:
        yield self
        for child in self.children:
            yield from child.walk()

    def first_line(self) -> str:
        """The label's line as printed."""
        if self.kind in ("act",):
            return ""
        if self.kind in ("division", "section", "chapter", "group", "article"):
            return " ".join(bit for bit in (self.label, self.heading) if bit)
        text = self.lines[0] if self.lines else ""
        return " ".join(bit for bit in (self.label, text) if bit)

    def render(self, notes: bool = False) -> list[str]:
        """The unit as the act prints it, one paragraph a line."""
        out: list[str] = []
        head = self.first_line()
        if head:
            out.append(head)
        own = self.lines if self.kind in ("act", "division", "section", "chapter", "group", "article") \
            else self.lines[1:]
        out.extend(own)
        if notes:
            out.extend(self.notes)
        for child in self.children:
            out.extend(child.render(notes))
        out.extend(self.tail)
        return out

    def text(self) -> str:
        return "\n".join(self.render())

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "number": self.number, "label": self.label}
        if self.heading:
            data["heading"] = self.heading
        data["indents"] = list(self.lines)
        if self.notes:
            data["editorial_notes"] = list(self.notes)
        if self.line:
            data["line"] = self.line
        data["children"] = [child.to_json() for child in self.children]
        return data


@dataclass
class ActText:
    """A parsed act in force: the tree plus where it came from."""

    path: str
    language: str
    root: Unit
    date: str | None = None

    def articles(self) -> dict[str, Unit]:
        return {u.number: u for u in self.root.walk() if u.kind == "article" and u.number}

    def render(self, notes: bool = False) -> str:
        lines = self.root.render(notes)
        if self.root.toc:
            lines[len(self.root.lines):len(self.root.lines)] = self.root.toc
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"path": self.path, "language": self.language, "date": self.date,
                                "tree": self.root.to_json()}
        if self.root.toc:
            data["toc"] = list(self.root.toc)
        if self.root.tail:
            data["signature"] = list(self.root.tail)
        return data


def classify(line: str) -> tuple[str, str | None, str, str] | None:
    """(kind, number, label, rest) of a line that opens a unit; None for a plain paragraph."""
    for kind, pattern in _HEADINGS:
        m = pattern.match(line)
        if m:
            if kind == "division":
                return kind, None, line.strip(), ""
            number, rest = m.group(1), m.group(2).strip()
            label = line[: m.start(2)].strip() if rest else line.strip()
            return kind, number, label, rest
    m = _NOTE.match(line)
    if m:
        return "note", None, line[: m.start(2)].strip(), m.group(2).strip()
    for kind, pattern in (("point", _POINT), ("item", _ITEM)):
        m = pattern.match(line)
        if m:
            return kind, m.group(1), line[: m.start(2)].strip() if m.group(2) else line.strip(), m.group(2).strip()
    return None


def is_editorial(line: str) -> bool:
    return bool(_EDITORIAL_ONE.match(line) or _EDITORIAL_HEAD.match(line))


def build_tree(lines: list[tuple[int, str]], root: Unit | None = None) -> Unit:
    """Fold numbered paragraphs into a tree; unnumbered ones become indents of the open unit."""
    root = root or Unit(kind="act")
    stack: list[Unit] = [root]
    in_toc = False
    toc_first: str | None = None
    editorial_open = False  # "Примечание ИЗПИ!" alone on its line: the next paragraph is its body
    for number, raw in lines:
        line = " ".join(raw.replace("\u00a0", " ").split())
        if not line or _TAGS.match(line):
            continue
        if root.tail or (root.children and _SIGNATURE.match(line)):
            root.tail.append(line)
            continue
        if editorial_open:
            stack[-1].notes.append(line)
            editorial_open = False
            continue
        if is_editorial(line):
            stack[-1].notes.append(line)
            head = _EDITORIAL_HEAD.match(line)
            editorial_open = bool(head and not head.group(1).strip())
            continue
        if _TOC.match(line) and not root.children:
            in_toc, toc_first = True, None
            root.toc.append(line)
            continue
        found = classify(line)
        if in_toc:
            if found and found[0] in ("division", "section", "chapter", "group", "article") \
                    and line != toc_first:
                toc_first = toc_first or line
                root.toc.append(line)
                continue
            in_toc = False
        if found is None:
            stack[-1].lines.append(line)
            continue
        kind, num, label, rest = found
        rank = RANKS[kind]
        while len(stack) > 1 and RANKS[stack[-1].kind] >= rank:
            stack.pop()
        unit = Unit(kind=kind, number=num, label=label, line=number)
        if kind in ("division", "section", "chapter", "group", "article"):
            unit.heading = rest
        elif rest or kind in ("point", "item", "note"):
            unit.lines.append(rest)
        stack[-1].add(unit)
        stack.append(unit)
    return root


def parse_fragment(text: str) -> Unit:
    """The units of a bill's quoted new text, under a bare root (no table of contents)."""
    root = Unit(kind="act")
    build_tree([(0, line) for line in text.split("\n")], root)
    return root


def number_key(number: str | None) -> tuple[int, ...]:
    """"4-1" → (4, 1): inserted numbers sort between their neighbours."""
    if not number:
        return ()
    try:
        return tuple(int(bit) for bit in number.split("-"))
    except ValueError:
        return ()
