"""Carry out a bill's instructions on an act in force, in the bill's order.

Every instruction ends either applied or with at least one issue (a legal-technical finding): an
instruction is never dropped silently. What each instruction touched is recorded in a Ledger,
which the comparative table reads; the act's tree is changed in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checker.acts import words as w
from checker.acts.insert import supplement
from checker.acts.ledger import Ledger
from checker.acts.locate import locate_unit, ordinal, sentence_spans
from checker.acts.structure import ActText, Unit, classify, parse_fragment
from checker.model import Amendment

WORD_OPS = ("replace_words", "insert_words", "delete_words")
UNIT_OPS = ("new_wording", "delete", "repeal", "supplement")
# Words in an instruction that say the quoted words occur more than once on purpose.
_MANY = ("обоих случаях", "всех случаях", "двух случаях", "трех случаях", "по всему тексту",
         "жағдайда да", "жағдайларда", "бүкіл мәтін")


@dataclass(frozen=True)
class Issue:
    """Why an instruction could not be carried out as written: a rule id and what it is about."""

    rule: str
    amendment: Amendment
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class Applied:
    """One instruction's result: applied, or failed with its issues (warnings may accompany both)."""

    amendment: Amendment
    status: str = "applied"  # applied | failed
    issues: list[Issue] = field(default_factory=list)

    def fail(self, rule: str, **detail: Any) -> Applied:
        self.status = "failed"
        self.issues.append(Issue(rule, self.amendment, detail))
        return self

    def warn(self, rule: str, **detail: Any) -> None:
        self.issues.append(Issue(rule, self.amendment, detail))

    def to_json(self) -> dict[str, Any]:
        return {"amendment": self.amendment.id, "line": self.amendment.line, "operation": self.amendment.operation,
                "target": self.amendment.target.to_json(), "status": self.status,
                "issues": [{"rule": i.rule, **{k: str(v) for k, v in i.detail.items()}} for i in self.issues]}


def apply_amendment(act: ActText, a: Amendment, ledger: Ledger) -> Applied:
    """Carry out one instruction on `act`."""
    result = Applied(a)
    op, t = a.operation, a.target
    if op == "language_version_unchanged":
        return result
    if a.status != "parsed" or op not in WORD_OPS + UNIT_OPS:
        return result.fail("tech-operation-unsupported", operation=op)
    if t.toc:
        return _toc(act, a, result)
    if t.preamble:  # the structure of an act in force has no preamble unit
        return result.fail("tech-target-missing", unit="preamble")
    if op == "supplement":
        return supplement(act, a, result, ledger)
    if op in WORD_OPS and t.throughout:
        return _words_throughout(act, a, result, ledger)
    unit, missing = locate_unit(act.root, t)
    if unit is None:
        return result.fail("tech-target-missing", unit=missing)
    if op in WORD_OPS:
        return _words(unit, a, result, ledger)
    if op == "new_wording":
        return _new_wording(unit, a, result, ledger)
    return _delete(unit, a, result, ledger)


# --- words ----------------------------------------------------------------------------------------

def _slots(unit: Unit, a: Amendment, result: Applied) -> list[w.Slot] | None:
    t = a.target
    if t.heading:
        return [w.Slot(unit, "heading")]
    index = ordinal(t.indent)
    if index is not None:
        if index >= len(unit.lines):
            result.fail("tech-target-missing", unit=f"indent {t.indent}")
            return None
        return [w.Slot(unit, "line", index)]
    sentence = ordinal(t.sentence)
    if sentence is not None:
        found = _sentence(unit, sentence)
        if found is None:
            result.fail("tech-target-missing", unit=f"sentence {t.sentence}")
            return None
        return [found]
    return [w.Slot(u, "line", i) for u in unit.walk() for i in range(len(u.lines))]


def _sentence(unit: Unit, index: int) -> w.Slot | None:
    count = 0
    for i, line in enumerate(unit.lines):
        for span in sentence_spans(line):
            if count == index:
                return w.Slot(unit, "line", i, span)
            count += 1
    return None


def _words(unit: Unit, a: Amendment, result: Applied, ledger: Ledger) -> Applied:
    slots = _slots(unit, a, result)
    if slots is None:
        return result
    ledger.touch(unit, a, "heading" if a.target.heading else "")
    return _change_words(slots, a, result, many_expected=_says_many(a))


def _words_throughout(act: ActText, a: Amendment, result: Applied, ledger: Ledger) -> Applied:
    scope = act.root
    if a.target.article:
        scope, missing = locate_unit(act.root, a.target)
        if scope is None:
            return result.fail("tech-target-missing", unit=missing)
    slots = [w.Slot(u, "heading") for u in scope.walk() if u.heading]
    slots += [w.Slot(u, "line", i) for u in scope.walk() for i in range(len(u.lines))]
    if scope is act.root:  # the root's own lines are the title and requisites: not the law's text
        slots = [s for s in slots if s.unit is not act.root]
    for slot in slots:
        if _find(slot, a):
            ledger.touch(_row_unit(slot.unit), a)
    return _change_words(slots, a, result, many_expected=True)


def _row_unit(unit: Unit) -> Unit:
    """The article a paragraph belongs to: throughout-the-text changes get one row per article."""
    node: Unit | None = unit
    while node is not None and node.kind != "article":
        node = node.parent
    return node or unit


def _find(slot: w.Slot, a: Amendment) -> list[int]:
    return w.occurrences(slot.get(), a.old or "", slot.span) if a.old else []


def _change_words(slots: list[w.Slot], a: Amendment, result: Applied, many_expected: bool) -> Applied:
    if a.operation == "insert_words" and a.position == "end":
        slot = next((s for s in reversed(slots) if s.get()), None)
        if slot is None or not a.new:
            return result.fail("tech-target-missing", unit="text")
        slot.set(w.append_words(slot.get(), a.new))
        return result
    if not a.old:
        return result.fail("tech-operation-unsupported", operation=a.operation)
    hits = [(slot, _find(slot, a)) for slot in slots]
    total = sum(len(found) for _, found in hits)
    if total == 0:
        return result.fail("tech-words-not-found", words=a.old)
    if total > 1 and not many_expected:
        result.warn("tech-words-ambiguous", words=a.old, count=total)
    length = len(a.old.strip("\n"))
    for slot, found in hits:
        if not found:
            continue
        text = slot.get()
        if a.operation == "replace_words":
            text = w.replace_at(text, found, length, a.new or "")
        elif a.operation == "delete_words":
            text = w.delete_at(text, found, length)
        else:
            text = w.insert_at(text, found, length, a.new or "", a.position or "after")
        slot.set(text)
    return result


def _says_many(a: Amendment) -> bool:
    said = " ".join(a.instruction.lower().split())
    return any(marker in said for marker in _MANY)


# --- units ----------------------------------------------------------------------------------------

def _new_wording(unit: Unit, a: Amendment, result: Applied, ledger: Ledger) -> Applied:
    t, new = a.target, (a.new or "").strip()
    ledger.touch(unit, a, "heading" if t.heading else "")
    if t.heading:
        found = classify(new)
        if found and found[0] == unit.kind:
            if found[1] != unit.number:
                result.warn("tech-number-mismatch", number=found[1], expected=unit.number)
            unit.heading = found[3]
        else:
            unit.heading = new
        return result
    index = ordinal(t.indent)
    if index is not None:
        if index >= len(unit.lines):
            return result.fail("tech-target-missing", unit=f"indent {t.indent}")
        unit.lines[index] = new
        return result
    sentence = ordinal(t.sentence)
    if sentence is not None:
        slot = _sentence(unit, sentence)
        if slot is None:
            return result.fail("tech-target-missing", unit=f"sentence {t.sentence}")
        text, (start, end) = slot.get(), slot.span or (0, 0)
        slot.set(text[:start] + new + text[end:])
        return result
    fragment = parse_fragment(new)
    tops = fragment.children
    if not tops:  # the text without its label: the unit keeps its number
        unit.lines = list(fragment.lines)
        unit.children = []
        return result
    first = tops[0]
    if first.number != unit.number:
        result.warn("tech-number-mismatch", number=first.number, expected=unit.number)
    unit.kind, unit.number, unit.label, unit.heading = first.kind, first.number, first.label, first.heading
    unit.lines = list(first.lines)
    unit.children = []
    for child in first.children:
        unit.add(child)
    if len(tops) > 1 and unit.parent is not None:
        at = unit.parent.children.index(unit) + 1
        for offset, extra in enumerate(tops[1:]):
            unit.parent.add(extra, at + offset)
    return result


def _delete(unit: Unit, a: Amendment, result: Applied, ledger: Ledger) -> Applied:
    t = a.target
    index, sentence = ordinal(t.indent), ordinal(t.sentence)
    if t.heading:
        ledger.touch(unit, a, "heading")
        unit.heading = ""
        return result
    if index is not None:
        if index >= len(unit.lines):
            return result.fail("tech-target-missing", unit=f"indent {t.indent}")
        ledger.touch(unit, a)
        del unit.lines[index]
        return result
    if sentence is not None:
        slot = _sentence(unit, sentence)
        if slot is None:
            return result.fail("tech-target-missing", unit=f"sentence {t.sentence}")
        ledger.touch(unit, a)
        text, (start, end) = slot.get(), slot.span or (0, 0)
        slot.set((text[:start] + text[end:].lstrip()).rstrip() if start else text[end:].lstrip())
        return result
    if unit.parent is None:  # the whole act repealed: nothing left to consolidate
        ledger.touch(unit, a)
        unit.children.clear()
        return result
    ledger.touch(unit, a)
    ledger.removed(unit)
    unit.parent.children.remove(unit)
    return result


# --- table of contents ----------------------------------------------------------------------------

def _toc(act: ActText, a: Amendment, result: Applied) -> Applied:
    toc = act.root.toc
    if not toc:
        return result.fail("tech-target-missing", unit="table of contents")
    number = a.target.article
    at = [i for i, line in enumerate(toc) if (found := classify(line)) and found[1] == number]
    if a.operation == "supplement":
        before = [i for i, line in enumerate(toc) if (found := classify(line)) and found[0] == "article"
                  and _key(found[1]) < _key(number)]
        if at:
            return result.fail("tech-number-exists", number=number)
        index = before[-1] + 1 if before else len(toc)
        toc[index:index] = [line for line in (a.new or "").split("\n") if line.strip()]
        return result
    if not at:
        return result.fail("tech-target-missing", unit=f"table of contents: article {number}")
    if a.operation == "new_wording":
        toc[at[0]] = (a.new or "").strip()
    elif a.operation in ("delete", "repeal"):
        del toc[at[0]]
    else:
        return _change_words([_ListSlot(toc, at[0])], a, result, many_expected=False)
    return result


def _key(number: str | None) -> tuple[int, ...]:
    from checker.acts.structure import number_key

    return number_key(number)


class _ListSlot(w.Slot):
    """A line of the table of contents, changed like any paragraph."""

    def __init__(self, items: list[str], index: int) -> None:
        super().__init__(Unit(kind="act"), "line", index)
        self.items = items

    def get(self) -> str:
        return self.items[self.index]

    def set(self, value: str) -> None:
        self.items[self.index] = value
