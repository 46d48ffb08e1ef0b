"""Positions checked in context: the act in force tells the rules what a changed unit is about.

Without the act, a rule sees only the words the bill brings and the units our own table
(rules/units) knows. With it, every unit the bill touches is read in force: its article heading
and wording bring their concepts as the topic, the lead-in of the list it sits in says whether
the list restricts ("Не подлежат пересмотру: …"), and a unit deleted whole hands its wording to
the rules as the words that go. These become units of the knowledge for the run, the same
mechanism as the table, so every effect reads them without a second code path.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from typing import Any, Iterator

from checker.acts.locate import find_article, locate_unit
from checker.acts.structure import ActText
from checker.acts.structure import Unit as ActUnit
from checker.model import Amendment, ParseResult

# operations that replace or take away a whole unit: its wording in force is what goes
REWORDED = ("new_wording", "delete", "repeal")
# marker kinds that make a list's lead-in restrictive
RESTRICTING = ("negation", "ban", "exclusion")


def read_in_context(result: ParseResult, acts: dict[str, ActText], knowledge: Any, matcher: Any
                    ) -> tuple[ParseResult, dict[str, list[Any]]]:
    """The bill with the wording in force of units deleted whole, and the units the act supplies."""
    from checker.engine.knowledge import Unit, target_numbers
    from checker.engine.knowledge_schema import UnitSpec

    units: dict[str, list[Unit]] = {}
    amendments: list[Amendment] = []
    wanted = sorted(knowledge.specs)  # every concept: a unit's topic may be any of them
    for amendment in result.amendments:
        act = acts.get(amendment.act.slug)
        found = _unit_in_force(act, amendment) if act is not None else None
        if found is None:
            amendments.append(amendment)
            continue
        unit, article, exact = found
        if exact and amendment.operation in REWORDED and not amendment.old:
            amendment = replace(amendment, old=unit.text())
        amendments.append(amendment)
        lang = act.language if act.language in ("kk", "ru") else result.language
        heading = article.first_line() if article is not None else ""
        about = _concepts(f"{heading}\n{unit.text()}", lang, knowledge, matcher, wanted)
        lead_in = _lead_in(unit, amendment, lang, knowledge, matcher)
        if not about and lead_in is None:
            continue
        numbers = target_numbers(amendment)
        spec = UnitSpec(article=numbers[0], part=numbers[1], paragraph=numbers[2], subparagraph=numbers[3],
                        governs=heading or "the unit in force", concepts=about, lead_in=lead_in,
                        source=f"{act.path}:{unit.line or 0}")
        units.setdefault(amendment.act.slug, []).append(Unit(amendment.act.slug, numbers, spec, spec.source))
    return replace(result, amendments=tuple(amendments)), units


@contextmanager
def units_added(knowledge: Any, extra: dict[str, list[Any]]) -> Iterator[None]:
    """The knowledge with the act's units for the length of one check."""
    if not extra:
        yield
        return
    saved = knowledge.units
    knowledge.units = {**saved, **{slug: [*saved.get(slug, ()), *more] for slug, more in extra.items()}}
    try:
        yield
    finally:
        knowledge.units = saved


def _unit_in_force(act: ActText, amendment: Amendment) -> tuple[ActUnit, ActUnit | None, bool] | None:
    """The unit the amendment targets (exact), or the list a new unit joins (not exact)."""
    target = amendment.target
    if not target.article:
        return None
    unit, _ = locate_unit(act.root, target)
    exact = unit is not None
    if unit is None and amendment.operation in ("supplement", "new_wording"):
        unit, _ = locate_unit(act.root, target, upto=_depth(target) - 1)  # the list it joins
    if unit is None:
        return None
    return unit, find_article(act.root, target.article), exact


def _depth(target: Any) -> int:
    return sum(1 for level in ("part", "paragraph", "subparagraph") if getattr(target, level, None))


def _lead_in(unit: ActUnit, amendment: Amendment, lang: str, knowledge: Any, matcher: Any) -> str | None:
    """"restrictive" when the list the unit sits in (or, for a new item, the list it joins)
    opens with a restriction: the lead-in line ending with a colon."""
    holder = unit if unit.children and amendment.operation == "supplement" else unit.parent
    if holder is None:
        return None
    lines = holder.render()
    lead = next((line for line in lines[:2] if line.rstrip().endswith(":")), None)
    if lead is None or knowledge.markers is None:
        return None
    view = _view(lead, lang)
    found = knowledge.markers.find(view, matcher)
    return "restrictive" if any(found.get(kind) for kind in RESTRICTING) else "permissive"


def _concepts(text: str, lang: str, knowledge: Any, matcher: Any, wanted: list[str]) -> list[str]:
    view = _view(text, lang)
    return [c for c in wanted if not (concept := knowledge.concept(c)).surely_absent(view)
            and concept.occurrences(view, matcher)]


def _view(text: str, lang: str) -> Any:
    from checker.engine.effective import build_view

    return build_view([(text, None)], lang)
