"""Which act a header names (grammar/acts.yaml) and the date it gives."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import yaml

from checker.parsing.vocabulary import load_vocabulary
from checker.resources import grammar_dir

UNLISTED_SLUG = "law:unlisted"


@dataclass(frozen=True)
class ActEntry:
    slug: str
    english: str
    patterns: tuple[re.Pattern[str], ...]


@cache
def act_registry() -> tuple[ActEntry, ...]:
    with open(grammar_dir() / "acts.yaml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return tuple(
        ActEntry(slug=a["slug"], english=a["english"], patterns=tuple(re.compile(p) for p in a["patterns"]))
        for a in data["acts"]
    )


def known_slugs() -> frozenset[str]:
    return frozenset(entry.slug for entry in act_registry())


def recognize_act(header: str) -> ActEntry | None:
    """The registry entry whose name occurs first in the normalized lower-cased header."""
    best: tuple[int, ActEntry] | None = None
    for entry in act_registry():
        for pattern in entry.patterns:
            match = pattern.search(header)
            if match and (best is None or match.start() < best[0]):
                best = (match.start(), entry)
    return best[1] if best else None


@cache
def _date_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int], dict[str, int]]:
    vocab = load_vocabulary()
    kk_months = vocab.tables["kk"]["months"]
    ru_months = vocab.tables["ru"]["months"]
    kk = re.compile(r"(\d{4})\s*жыл\w*\s+(\d{1,2})\s+(" + "|".join(kk_months) + r")\w*")
    ru = re.compile(r"(\d{1,2})\s+(" + "|".join(sorted(ru_months, key=len, reverse=True)) + r")\w*\s+(\d{4})")
    return kk, ru, kk_months, ru_months


_NUMERIC_DMY = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_NUMERIC_YDM = re.compile(r"(?<!\d)(\d{4})\.(\d{1,2})\.(\d{1,2})\.")


def extract_date(text: str) -> str | None:
    """ISO date of the first date written in a header (kk, ru or numeric forms)."""
    kk, ru, kk_months, ru_months = _date_patterns()
    found: list[tuple[int, str]] = []
    for m in kk.finditer(text):
        found.append((m.start(), _iso(int(m.group(1)), kk_months[m.group(3)], int(m.group(2)))))
        break
    for m in ru.finditer(text):
        found.append((m.start(), _iso(int(m.group(3)), ru_months[m.group(2)], int(m.group(1)))))
        break
    for m in _NUMERIC_DMY.finditer(text):
        found.append((m.start(), _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))))
        break
    for m in _NUMERIC_YDM.finditer(text):  # "2026.17.04." is year.day.month in Kazakh drafts
        found.append((m.start(), _iso(int(m.group(1)), int(m.group(3)), int(m.group(2)))))
        break
    found = [(pos, iso) for pos, iso in found if iso]
    return min(found)[1] if found else None


def _iso(year: int, month: int, day: int) -> str:
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100):
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"
