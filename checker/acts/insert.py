"""Supplement an act with a new unit at the place its number gives (or after the unit named).

"дополнить подпунктом 14-1)" puts the new item after 14) and before 15); "после части второй
дополнить частью 2-1" names the neighbour. A number that exists already is refused (it would
replace a unit silently); a number whose predecessor is missing (4-2 without 4-1, 7 after 5) is
inserted but reported, as the legal-technical review would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.acts.ledger import Ledger
from checker.acts.locate import find_article, find_child, locate_unit, ordinal, unit_levels
from checker.acts.structure import ActText, Unit, number_key, parse_fragment
from checker.model import Amendment, Target

if TYPE_CHECKING:
    from checker.acts.apply import Applied

_NOTE_LABEL = {"kk": "Ескертпе.", "ru": "Примечание."}


def supplement(act: ActText, a: Amendment, result: Applied, ledger: Ledger) -> Applied:
    t = a.target
    new = (a.new or "").strip()
    if not new:
        return result.fail("tech-operation-unsupported", operation="supplement without text")
    if t.indent or t.sentence:
        return _text_into(act, a, result, ledger)
    if t.note:
        return _note(act, a, result, ledger)
    levels = unit_levels(t)
    if levels:
        parent, missing = locate_unit(act.root, t, upto=len(levels) - 1)
        if parent is None:
            return result.fail("tech-target-missing", unit=missing)
        level, number = levels[-1]
        if find_child(parent, level, number) is not None:
            return result.fail("tech-number-exists", number=number)
        siblings = [c for c in parent.children if c.number and c.kind in ("point", "item")]
    elif t.article:
        number = t.article
        if find_article(act.root, number) is not None:
            return result.fail("tech-number-exists", number=number)
        siblings = [u for u in act.root.walk() if u.kind == "article"]
        parent = act.root
    else:
        return result.fail("tech-target-missing", unit="the unit to supplement")
    units = _new_units(new, number)
    if units[0].number != number:
        result.warn("tech-number-mismatch", number=units[0].number, expected=number)
    if not _predecessor_present(number, {s.number for s in siblings}):
        result.warn("tech-number-gap", number=number)
    anchor = _anchor(act, a)
    host, index = _place(parent, siblings, number, anchor)
    for offset, unit in enumerate(units):
        host.add(unit, index + offset)
        ledger.added(unit, a)
    return result


def _new_units(new: str, number: str) -> list[Unit]:
    """The quoted text as units; the one numbered as the target when several are quoted."""
    fragment = parse_fragment(new)
    tops = fragment.children
    if not tops:
        return [Unit(kind="point", number=number, label=f"{number}.", lines=list(fragment.lines))]
    named = [u for u in tops if u.number == number]
    return named or tops


def _predecessor_present(number: str, present: set[str | None]) -> bool:
    key = number_key(number)
    if not key:
        return True
    if len(key) == 1:
        return key[0] <= 1 or not present or str(key[0] - 1) in present
    previous = key[:-1] if key[-1] == 1 else key[:-1] + (key[-1] - 1,)
    return "-".join(map(str, previous)) in present


def _anchor(act: ActText, a: Amendment) -> Unit | None:
    if a.anchor is None:
        return None
    unit, _ = locate_unit(act.root, a.anchor)
    return unit


def _place(parent: Unit, siblings: list[Unit], number: str, anchor: Unit | None) -> tuple[Unit, int]:
    """(host, index): after the anchor, else after the last sibling numbered below the new one."""
    if anchor is not None and anchor.parent is not None:
        return anchor.parent, anchor.parent.children.index(anchor) + 1
    key = number_key(number)
    below = [s for s in siblings if number_key(s.number) < key]
    if below:
        last = below[-1]
        assert last.parent is not None
        return last.parent, last.parent.children.index(last) + 1
    above = [s for s in siblings if number_key(s.number) > key]
    if above:
        first = above[0]
        assert first.parent is not None
        return first.parent, first.parent.children.index(first)
    notes = [i for i, c in enumerate(parent.children) if c.kind == "note"]
    return parent, notes[0] if notes else len(parent.children)


def _text_into(act: ActText, a: Amendment, result: Applied, ledger: Ledger) -> Applied:
    """A new indent (абзац) or sentence inside an existing unit."""
    t = a.target
    host = Target(article=t.article, part=t.part, paragraph=t.paragraph, subparagraph=t.subparagraph)
    unit, missing = locate_unit(act.root, host)
    if unit is None:
        return result.fail("tech-target-missing", unit=missing)
    ledger.touch(unit, a)
    new = [line.strip() for line in (a.new or "").split("\n") if line.strip()]
    if t.sentence:
        if not unit.lines:
            return result.fail("tech-target-missing", unit="text")
        unit.lines[-1] = f"{unit.lines[-1].rstrip()} {' '.join(new)}"
        return result
    index = ordinal(t.indent) or 0
    if index > len(unit.lines):
        result.warn("tech-number-gap", number=f"indent {t.indent}")
        index = len(unit.lines)
    unit.lines[index:index] = new
    return result


def _note(act: ActText, a: Amendment, result: Applied, ledger: Ledger) -> Applied:
    t = a.target
    host = Target(article=t.article, part=t.part, paragraph=t.paragraph, subparagraph=t.subparagraph)
    unit, missing = locate_unit(act.root, host)
    if unit is None:
        return result.fail("tech-target-missing", unit=missing)
    if any(child.kind == "note" for child in unit.children):
        return result.fail("tech-number-exists", number="note")
    fragment = parse_fragment((a.new or "").strip())
    notes = [child for child in fragment.children if child.kind == "note"]
    note = notes[0] if notes else Unit(kind="note", label=_NOTE_LABEL.get(act.language, "Примечание."),
                                       lines=list(fragment.lines), children=list(fragment.children))
    for child in note.children:
        child.parent = note
    unit.add(note)
    ledger.added(note, a)
    return result
