"""Find the unit a bill's target names in an act's tree.

A target says "part 3" or "paragraph 3" whether the act prints "3." or "3)": DESIGN.md keeps the
bill's words, not the act's typography. So each level is looked up among the children by number,
preferring the label style the level usually has ("N." for parts and points, "N)" for items and
subpoints) and falling back to the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.acts.structure import Unit
from checker.model import Target

NUMBERED_LEVELS = ("part", "paragraph", "subparagraph")
_PREFER = {"part": ("point", "item"), "paragraph": ("point", "item"), "subparagraph": ("item", "point")}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[«\"(A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])")


@dataclass(frozen=True)
class Place:
    """A located unit and, inside it, the indent (0-based) or sentence (0-based) named, if any."""

    unit: Unit
    indent: int | None = None
    sentence: int | None = None


def find_article(root: Unit, number: str) -> Unit | None:
    """The article numbered so; an index kept on the root makes a 1,000-instruction bill linear."""
    index: dict[str, Unit] | None = getattr(root, "_articles", None)
    hit = index.get(number) if index is not None else None
    if hit is not None and hit.number == number and _attached(hit, root):
        return hit
    index = {u.number: u for u in root.walk() if u.kind == "article" and u.number}
    root._articles = index  # type: ignore[attr-defined]
    return index.get(number)


def _attached(unit: Unit, root: Unit) -> bool:
    node: Unit | None = unit
    while node is not None and node is not root:
        parent = node.parent
        if parent is None or not any(child is node for child in parent.children):
            return False
        node = parent
    return node is root


def find_child(parent: Unit, level: str, number: str) -> Unit | None:
    for kind in _PREFER[level]:
        for child in parent.children:
            if child.kind == kind and child.number == number:
                return child
    return None


def unit_levels(target: Target) -> list[tuple[str, str]]:
    """The target's numbered levels below the article, broad to narrow."""
    return [(level, getattr(target, level)) for level in NUMBERED_LEVELS if getattr(target, level)]


def locate_unit(root: Unit, target: Target, upto: int | None = None) -> tuple[Unit | None, str]:
    """The unit at the target's article/part/paragraph/subparagraph (the first `upto` of them).

    Returns (unit, "") or (None, what is missing) so the finding can name the first absent level.
    """
    node = root
    if target.article:
        found = find_article(root, target.article)
        if found is None:
            return None, f"article {target.article}"
        node = found
    levels = unit_levels(target)
    for level, number in levels[:upto] if upto is not None else levels:
        found = find_child(node, level, number)
        if found is None:
            return None, f"{level} {number}"
        node = found
    if target.note:
        notes = [child for child in node.children if child.kind == "note"]
        if not notes:
            return None, "note"
        node = notes[0]
    return node, ""


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def ordinal(value: str | None) -> int | None:
    try:
        return int(value) - 1 if value else None
    except ValueError:
        return None
