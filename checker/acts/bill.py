"""Apply a whole bill: each instruction to the act it names, plus the checks across instructions.

Instructions whose act was not supplied are left out (the caller says which acts were missing);
every other instruction ends in `applied` or `failed`. Checks that need more than one instruction
(two instructions changing one unit in conflicting ways) or the act's own header (its date) are
made here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.acts.apply import Applied, Issue, apply_amendment
from checker.acts.ledger import Ledger
from checker.acts.structure import ActText
from checker.model import TARGET_LEVELS, Amendment, ParseResult

_REPLACING = ("new_wording", "delete", "repeal")


@dataclass
class BillRun:
    """Everything applying one bill produced."""

    acts: dict[str, ActText]
    ledgers: dict[str, Ledger] = field(default_factory=dict)
    applied: list[Applied] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)  # across instructions (date, conflicts)
    missing_acts: list[str] = field(default_factory=list)

    def all_issues(self) -> list[Issue]:
        return self.issues + [issue for item in self.applied for issue in item.issues]


def apply_bill(result: ParseResult, acts: dict[str, ActText]) -> BillRun:
    """Apply every instruction of `result` whose act is in `acts` (slug → parsed act in force)."""
    run = BillRun(acts=acts)
    dated: set[str] = set()
    for amendment in result.amendments:
        slug = amendment.act.slug
        act = acts.get(slug)
        if act is None:
            if slug not in run.missing_acts:
                run.missing_acts.append(slug)
            continue
        if slug not in dated:
            dated.add(slug)
            if amendment.act.date and act.date and amendment.act.date != act.date:
                run.issues.append(Issue("tech-act-date-mismatch", amendment,
                                        {"date": amendment.act.date, "act_date": act.date}))
        ledger = run.ledgers.setdefault(slug, Ledger())
        run.applied.append(apply_amendment(act, amendment, ledger))
    run.issues += conflicts([a for a in result.amendments if a.act.slug in acts])
    return run


def _address(a: Amendment) -> tuple:
    t = a.target
    return (a.act.slug, t.toc, t.note) + tuple(getattr(t, level) for level in TARGET_LEVELS)


def _within(outer: tuple, inner: tuple) -> bool:
    """True when `inner` is `outer` or a unit inside it (every level `outer` names agrees)."""
    if outer[:3] != inner[:3]:
        return False
    return all(o is None or o == i for o, i in zip(outer[3:], inner[3:]))


def conflicts(amendments: list[Amendment]) -> list[Issue]:
    """Instructions that change a unit another instruction rewrites or deletes."""
    by_article: dict[tuple, list[Amendment]] = {}
    for a in amendments:
        if a.operation == "language_version_unchanged" or a.target.throughout:
            continue
        by_article.setdefault((a.act.slug, a.target.article), []).append(a)
    issues = []
    for group in by_article.values():
        for i, first in enumerate(group):
            if first.operation not in _REPLACING or first.target.heading:
                continue
            outer = _address(first)
            for other in group[:i] + group[i + 1:]:
                if other.target.heading != first.target.heading:
                    continue
                inner = _address(other)
                if _within(outer, inner) and not (other.operation == "supplement" and outer != inner):
                    later = max(first, other, key=lambda x: (x.line, x.id))
                    issues.append(Issue("tech-conflicting-instructions", later,
                                        {"other": first.id if later is other else other.id}))
    seen, unique = set(), []
    for issue in issues:
        key = (issue.amendment.id, issue.detail["other"])
        if key not in seen and (issue.detail["other"], issue.amendment.id) not in seen:
            seen.add(key)
            unique.append(issue)
    return unique
