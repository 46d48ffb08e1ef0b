"""The unit an act header names, when it amends one unit of the act rather than the act.

"Статья 1. Внести в статью 20 Закона Республики Казахстан от … «…» следующие изменения:" and
"1-бап. … «…» Қазақстан Республикасы Заңының 20-бабына мынадай өзгерістер енгізілсін:" open
the act *and* a scope: the numbered items below ("1) пункт 2 изложить …") are parts of
article 20. The act's name is cut out of the header and what is left ("в статью 20 закона
следующие изменения :", "20-бабына мынадай өзгерістер енгізілсін:") is parsed by the grammar
like any statement: a scope gives the base address of the act's items; an instruction (a header
that holds its single change: "Внести в абзац первый пункта 2 статьи 5 … изменение, заменив
слова …") is one to record.
"""

from __future__ import annotations

import re
from functools import cache

from checker import recache
from checker.parsing.statements import ParsedStatement, parse_statement
from checker.parsing.vocabulary import load_vocabulary

MAX_CHAIN_WORDS = 16  # "абзац первый пункта 2 статьи 296 части второй …": a chain is short
_RU_LEAD = re.compile(r"\s*(?:статья\s+\d+(?:-\d+)*\s*\.\s*)?(?:\d+(?:-\d+)*\s*\.\s*)?(?:внести\s+)?(?:в|во)\s+")
_WORD = re.compile(r"\S+")
_PAREN = re.compile(r"⦅\d+⦆")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    vocab = load_vocabulary()
    ru_amend = vocab.tables["ru"]["phrases"]["amend"].strip()
    kk_act = vocab.tables["kk"]["phrases"]["act_reference"].strip()
    # the Russian change named after the act's name; the lead "внести" stays out (it came first)
    ru_change = recache.compile(r"(?<![\w-])" + ru_amend.replace(r"(?:внести\s+)?", "", 1))
    # cheap tests first: a header names a unit only if a unit word opens (ru) or ends (kk) it
    shared = "|".join(vocab.shared_unit_forms())
    ru_unit = recache.compile(rf"(?:{vocab.ru_unit_regex()}{'|' + shared if shared else ''})(?![\w-])")
    kk_unit = recache.compile(r"(?:[^⟦⦅]|⦅\d+⦆){0,80}?" + vocab.kk_unit_regex(exclude_shared=False))
    return ru_change, recache.compile(r"(?<![\w-])" + kk_act + r"(?![\w-])"), ru_unit, kk_unit


def header_statement(masked: str) -> ParsedStatement | None:
    """The scope or instruction an act header holds besides the act's name (None when none)."""
    if not masked.rstrip().endswith((":", ".", ";")):
        return None
    return _russian(masked) or _kazakh(masked)


def _russian(masked: str) -> ParsedStatement | None:
    lead = _RU_LEAD.match(masked)
    if lead is None or not _patterns()[2].match(masked, lead.end()):
        return None
    words = list(_WORD.finditer(masked, lead.end()))[:MAX_CHAIN_WORDS]
    chain_end = None
    for k in range(1, len(words) + 1):
        probe = "в " + masked[lead.end():words[k - 1].end()] + " :"
        if parse_statement(probe).kind != "scope":
            break
        chain_end = words[k - 1].end()
    if chain_end is None:
        return None
    change = _patterns()[0].search(masked, chain_end)
    if change is None:
        return None
    parsed = parse_statement("в " + masked[lead.end():chain_end] + " " + masked[change.start():])
    return _with_target(parsed)


def _kazakh(masked: str) -> ParsedStatement | None:
    last = None
    for last in _patterns()[1].finditer(masked):
        pass
    if last is None or not _patterns()[3].match(masked, last.end()):
        return None
    # "… Орман кодексінің (Жаршысы …) 29-бабы …": the gazette list between the act and its unit
    return _with_target(parse_statement(_PAREN.sub(" ", masked[last.end():])))


def _with_target(parsed: ParsedStatement) -> ParsedStatement | None:
    if parsed.kind in ("scope", "instruction") and parsed.targets and parsed.item is None:
        return parsed
    return None
