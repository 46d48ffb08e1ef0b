"""Which language a draft is written in: Kazakh or Russian."""

from __future__ import annotations

import re

_KAZAKH_ONLY = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_CYRILLIC = re.compile("[а-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ]")


def detect_language(text: str, sample: int = 200_000) -> str:
    """"kk" when Kazakh-only letters are more than 2% of the Cyrillic letters, else "ru".

    Russian has none of ә ғ қ ң ө ұ ү һ і; Kazakh prose has them in about one letter in ten,
    so the threshold is far from both and a Kazakh name quoted in a Russian bill does not tip it.
    """
    head = text[:sample]
    cyrillic = len(_CYRILLIC.findall(head))
    if cyrillic == 0:
        return "ru"
    return "kk" if len(_KAZAKH_ONLY.findall(head)) / cyrillic > 0.02 else "ru"
