"""Unit addresses: an amendment's target as (article, part, paragraph, subparagraph).

A module of its own so that the effect detectors and the knowledge of units read the same
address without importing each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

LEVELS = ("article", "part", "paragraph", "subparagraph")


def target_numbers(amendment: Any) -> tuple[str | None, ...]:
    return tuple(getattr(amendment.target, level) for level in LEVELS)


def numbers_agree(mine: Sequence[str | None], theirs: Sequence[str | None]) -> bool:
    """Two unit addresses (article, part, paragraph, subparagraph) agree on every level both name."""
    return all(a is None or b is None or a == b for a, b in zip(mine, theirs))
