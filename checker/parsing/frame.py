"""Recognises the lines of a bill's frame (title, requisites, wrapper, signature, notes).

The patterns are data in grammar/vocab/*.yaml (`frame:`); this module only applies them.
"""

from __future__ import annotations

import re
from functools import cache

from checker import recache
from checker.parsing.vocabulary import LANGUAGES, load_vocabulary

FRAME_KINDS = ("title", "requisites", "wrapper", "signature", "entry_into_force", "editorial_note",
               "amend_lead", "act_header_end")


@cache
def _patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    vocab = load_vocabulary()
    compiled: dict[str, list[re.Pattern[str]]] = {kind: [] for kind in FRAME_KINDS}
    for lang in LANGUAGES:
        for kind, patterns in vocab.tables[lang].get("frame", {}).items():
            compiled[kind].extend(recache.compile(p) for p in patterns)
    return {kind: tuple(ps) for kind, ps in compiled.items()}


def matches(kind: str, text: str) -> bool:
    """True when a frame pattern of `kind` occurs in the lower-cased statement `text`."""
    return any(p.search(text) for p in _patterns()[kind])


def classify_free_line(text: str) -> str | None:
    """The frame kind of a free-text statement, or None when it is none of them."""
    stripped = text.strip()
    for kind in ("editorial_note", "wrapper", "signature", "requisites", "entry_into_force", "title"):
        if matches(kind, stripped):
            return kind
    return None
