"""Whether a statement is an amendment instruction by its words: an operation formula, or a
target where the grammar then wanted an operation."""

from __future__ import annotations

import re
from functools import cache

from checker import recache
from checker.parsing.vocabulary import load_vocabulary

__all__ = ["looks_like_instruction", "looks_targeted"]


@cache
def _formula() -> re.Pattern[str]:
    return recache.compile(load_vocabulary().formula_regex())


def looks_like_instruction(masked: str) -> bool:
    """True when a statement (quotes masked) holds an operation formula of either language."""
    return _formula().search(masked) is not None


@cache
def _targeted() -> re.Pattern[str]:
    vocab = load_vocabulary()
    kk = vocab.kk_unit_regex(exclude_shared=False)
    return recache.compile(rf"^\s*(?:\d+(?:-\d+)?\)\s+)?(?:(?:в|во)\s+)?(?:{vocab.ru_unit_regex()}\s+\d|\d+(?:-\d+)?{kk})",
                      re.IGNORECASE)


def looks_targeted(masked: str) -> bool:
    """A line, numbered or not, that opens with a target ("2) статью 501 …", "подпункты 1) и 3)
    части шестой …", "2) 501-бапты …"): where the grammar then wanted an operation, the line is
    an instruction whose formula is unknown, not a heading or an item of a list in force ("1)
    охрана прав осужденных;")."""
    return _targeted().match(masked) is not None
