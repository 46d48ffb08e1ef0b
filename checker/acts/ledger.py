"""What a bill changed, unit by unit: the rows of the comparative table.

A row is opened the first time an instruction touches a unit, with the unit's text at that moment;
its proposed wording is read once every instruction has run, so several instructions on one unit
(a word replaced in its first sentence, its second sentence deleted) make one row, as drafters
write them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.acts.structure import Unit
from checker.model import Amendment


@dataclass
class Row:
    unit: Unit
    before: str | None  # None: the unit is new
    amendments: list[Amendment] = field(default_factory=list)
    removed: bool = False
    facet: str = ""  # "heading": the row is the unit's heading line only

    @property
    def after(self) -> str | None:
        if self.removed:
            return None
        return self.unit.first_line() if self.facet == "heading" else self.unit.text()


class Ledger:
    """Rows in the order the bill first touches their units."""

    def __init__(self) -> None:
        self.rows: dict[tuple[int, str], Row] = {}

    def touch(self, unit: Unit, amendment: Amendment, facet: str = "") -> Row:
        key = (id(unit), facet)
        row = self.rows.get(key)
        if row is None:
            before = unit.first_line() if facet == "heading" else unit.text()
            row = self.rows[key] = Row(unit=unit, before=before, facet=facet)
        if amendment not in row.amendments:
            row.amendments.append(amendment)
        return row

    def added(self, unit: Unit, amendment: Amendment) -> None:
        self.rows[(id(unit), "")] = Row(unit=unit, before=None, amendments=[amendment])

    def removed(self, unit: Unit) -> None:
        self.rows[(id(unit), "")].removed = True

    def ordered(self) -> list[Row]:
        return list(self.rows.values())
