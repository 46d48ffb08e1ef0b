"""Russian lemmas through pymorphy3: a word's lemmas are the normal forms of all its parses.

Matching against every parse, not the most likely one, avoids top-1 mistakes (`судов` is
first parsed as a form of `судно`; `суд` is the second parse). pymorphy3 is loaded lazily,
once, so that importing lawcheck stays fast when no Russian text is checked.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from checker.errors import LawcheckError
from checker.morph.tokens import CGJ, fold

# Frequent Russian words (language detection); none of them is a Kazakh word.
MARKER_WORDS = frozenset({
    "и", "в", "во", "на", "с", "со", "по", "не", "что", "для", "от", "к", "о", "об", "из", "или",
    "при", "либо", "также", "его", "ее", "их", "это", "как", "который", "которые", "настоящего",
    "настоящей", "статьи", "статья", "статью", "статье", "пункт", "пункта", "пункте", "слова",
    "словами", "заменить", "дополнить", "исключить", "изложить", "следующей", "редакции",
    "закона", "кодекса", "республики", "суда", "до", "после", "за", "под", "без", "только", "если",
    "то", "у", "же", "быть", "является", "часть", "части",
})

_ANALYZER: Any = None


def analyzer() -> Any:
    """The pymorphy3 MorphAnalyzer, created on first use (0.1 s, 37 MB)."""
    global _ANALYZER
    if _ANALYZER is None:
        try:
            import pymorphy3
        except ImportError:  # pragma: no cover - it is a declared dependency
            raise LawcheckError("Russian word forms need pymorphy3 (pip install 'pymorphy3[fast]' "
                                "pymorphy3-dicts-ru)") from None
        _ANALYZER = pymorphy3.MorphAnalyzer()
    return _ANALYZER


def _clean(word: str) -> str:
    word = fold(word)
    return word.replace(CGJ, "") if CGJ in word else word


def analyse(word: str) -> frozenset[str]:
    """Normal forms of every parse of `word` (ё → е), the word itself included (uncached)."""
    word = _clean(word)
    return _normal_forms(word) | {word}


def _normal_forms(word: str) -> frozenset[str]:
    """pymorphy3's normal forms, plus a full participle's own masculine nominative.

    pymorphy3 gives a participle the verb as normal form (осуждённых → осудить); adding
    осужденный lets a rule name the participle without matching every form of the verb.
    """
    found: set[str] = set()
    for parse in analyzer().parse(word):
        found.add(parse.normal_form.replace("ё", "е"))
        if parse.tag.POS == "PRTF":
            own = parse.inflect({"masc", "sing", "nomn"})
            if own is not None:
                found.add(own.word.replace("ё", "е"))
    return frozenset(found)


@lru_cache(maxsize=1 << 18)
def lemmas(word: str) -> frozenset[str]:
    """`analyse` with a per-process cache."""
    return analyse(word)


@lru_cache(maxsize=1 << 14)
def pattern_lemmas(pattern: str) -> frozenset[str]:
    """The lemmas a rule word stands for.

    A rule word written in its dictionary form stands for that lemma only (`право` is the
    noun, not also the short adjective of `правый`); a word written in another form
    (`свободы` in "лишение свободы") stands for every lemma it can be a form of.
    """
    word = _clean(pattern)
    forms = _normal_forms(word)
    if word in forms or not forms:
        return frozenset({word})
    return forms
