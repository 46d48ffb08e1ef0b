"""Scripts lawcheck cannot read (the Kazakh-or-Russian decision is checker.morph.detect_language)."""

from __future__ import annotations

import re

_CYRILLIC = re.compile("[а-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_LATIN_KAZAKH = re.compile("[áóúıǵńýÁÓÚIǴŃÝ]")
_LATIN = re.compile("[A-Za-záóúıǵńýşçğ]")
_ARABIC = re.compile("[\u0600-\u06ff]")


def unsupported_script(text: str, sample: int = 200_000) -> str | None:
    """Why a draft cannot be read when it is not in Cyrillic script, else None.

    Kazakh drafts have been written in the Latin alphabet of 2017–2018 and in Arabic script;
    the formulas lawcheck parses are Cyrillic, so such a draft is refused with a clear reason
    rather than reported line by line as unparsed.
    """
    head = text[:sample]
    arabic = len(_ARABIC.findall(head))
    latin = len(_LATIN.findall(head))
    if arabic <= 50 and (latin <= 200 or not _LATIN_KAZAKH.search(head)):
        return None  # neither test below can pass: the Cyrillic letters need no counting
    cyrillic = len(_CYRILLIC.findall(head))
    if arabic > max(cyrillic, 50):
        return ("the draft is in Arabic script; lawcheck reads drafts in Cyrillic Kazakh or Russian "
                "(use the Cyrillic edition of the text)")
    if latin > max(cyrillic * 2, 200) and _LATIN_KAZAKH.search(head):
        return ("the draft is in the Latin Kazakh alphabet; lawcheck reads drafts in Cyrillic Kazakh or "
                "Russian (convert the text to Cyrillic first)")
    return None
