"""Units named by number in a provision's text: the topic given by reference.

A drafter writes "по делам о преступлениях, предусмотренных частью второй статьи 11 Уголовного
кодекса" or "осы Кодекстің 811-бабының екінші бөлігінде көзделген тәртіппен" instead of naming
the category or the procedure. When the cited unit is in the table of known units, its concepts
are present at the citation, exactly as if their words were written there.

Kazakh names the act before the number ("Қылмыстық кодексінің 10-бабының екінші бөлігі"), Russian
after it ("части второй статьи 11 Уголовного кодекса"); with no act named, or with "осы Кодекс" /
"настоящего Кодекса", the citation is of the amended act itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from checker.engine.conditions import Occurrence

NUMBER = r"\d+(?:-\d+)?"
_KK = re.compile(rf"(?P<article>{NUMBER})-ба[бп]\w*(?:\s+(?P<part>{NUMBER}-|\w+)\s*(?P<level>бөлі|тармағ)\w*"
                 rf"(?:\s+(?P<sub>{NUMBER})\)\s*тармақша\w*)?)?",
                 re.IGNORECASE)
_RU = re.compile(rf"(?:подпункт\w*\s+(?P<sub>{NUMBER})\)\s+)?(?:(?P<level>част|пункт)\w*\s+(?P<part>{NUMBER}|\w+)\s+)?"
                 rf"(?:стать\w*|ст\.)\s*(?P<article>{NUMBER})",
                 re.IGNORECASE)
_THIS_ACT = re.compile(r"осы\s+(?:кодекс|заң)|настоящ\w+\s+(?:кодекс|закон)", re.IGNORECASE)
# how far from the number an act's name may be: the words between "Кодексінің" and "10-бабы"
_REACH = 80


@dataclass(frozen=True)
class Citation:
    """One reference by number: where it stands and the unit address it names."""

    act: str  # the act's slug: the amended act unless another is named
    article: str
    part: str | None  # the number below the article, a part or a paragraph (see `numbers`)
    start: int
    end: int
    paragraph_level: bool = False  # the number below the article is a пункт / тармақ
    subparagraph: str | None = None  # "подпункта 11) пункта 3", "3-тармағының 11) тармақшасы"

    @property
    def numbers(self) -> tuple[str | None, ...]:
        """The address as (article, part, paragraph, subparagraph), like a unit's."""
        if self.paragraph_level:
            return (self.article, None, self.part, self.subparagraph)
        return (self.article, self.part, None, self.subparagraph)


def citations(text: str, lang: str, amended_act: str) -> list[Citation]:
    """Every "статьи N" / "N-бабы" in the text with the act it belongs to."""
    if lang == "kk":
        found = [_kk(text, m, amended_act) for m in _KK.finditer(text) if not _heading(text, m)]
    else:
        found = [_ru(text, m, amended_act) for m in _RU.finditer(text) if not _heading(text, m)]
    return found


def _heading(text: str, match: re.Match[str]) -> bool:
    """"Статья 914. …" / "914-бап. …" opening a line: the article's own title, not a citation."""
    before = text[:match.start()].rstrip(" «\"\t")
    return (not before or before.endswith("\n")) and text[match.end():match.end() + 1] in (".", "")


def _kk(text: str, match: re.Match[str], amended_act: str) -> Citation:
    before = text[max(0, match.start() - _REACH):match.start()]
    act = _named_before(before) or amended_act
    return _citation(act, match)


def _citation(act: str, match: re.Match[str]) -> Citation:
    level = (match["level"] or "").lower()
    return Citation(act, match["article"], _part(match["part"]), match.start(), match.end(),
                    paragraph_level=level.startswith(("пункт", "тармағ")), subparagraph=match["sub"])


def _ru(text: str, match: re.Match[str], amended_act: str) -> Citation:
    after = text[match.end():match.end() + _REACH]
    act = _named_after(after) or amended_act
    return _citation(act, match)


def _named_before(before: str) -> str | None:
    """The act whose name ends right before the article number (Kazakh word order)."""
    lowered = before.lower()
    names = list(_act_names().finditer(lowered))
    this = list(_THIS_ACT.finditer(lowered))
    last_name = names[-1] if names else None
    last_this = this[-1] if this else None
    if last_name is None or last_this is not None and last_this.start() > last_name.start():
        return None
    if len(lowered) - last_name.end() > 40 or re.search(r"[.;]", lowered[last_name.end():]):
        return None
    return _slug_at(lowered, last_name.start())


def _named_after(after: str) -> str | None:
    """The act whose name follows the article number (Russian word order)."""
    lowered = after.lower()
    head = re.match(r"[\s,]*(?:(?:республики\s+казахстан|рк)\s+)?", lowered)
    offset = head.end() if head else 0
    if _THIS_ACT.match(lowered, offset):
        return None
    found = _act_names().match(lowered, offset)
    if found is None:  # "Кодекса Республики Казахстан об административных правонарушениях"
        kind = _KIND_FIRST.match(lowered, offset)
        found = None if kind is None else _act_names().match(lowered, kind.end())
    return None if found is None else _slug_at(lowered, offset)


# a code or law named by its kind first, its subject after: "Кодекса (Республики Казахстан) об …",
# "Закона Республики Казахстан «О …»"
_KIND_FIRST = re.compile(r"(?:кодекс|закон)\w*\s+(?:(?:республики\s+казахстан|рк)\s+)?[«\"]?")


def _slug_at(text: str, offset: int) -> str | None:
    from checker.parsing.acts import recognize_act

    entry = recognize_act(text[offset:offset + _REACH])
    return None if entry is None else entry.slug


@cache
def _act_names() -> re.Pattern[str]:
    from checker.parsing.acts import act_name_pattern

    return act_name_pattern()


def _part(word: str | None) -> str | None:
    if not word:
        return None
    if word[0].isdigit():
        return word.rstrip("-")
    from checker.parsing.vocabulary import load_vocabulary

    value = load_vocabulary().ordinal_value(word.lower())
    return None if value is None else str(value)


def occurrence(view_word_at, citation: Citation) -> Occurrence | None:
    """The citation as an occurrence in a view (word indexes from `view_word_at`)."""
    first = view_word_at(citation.start)
    last = view_word_at(max(citation.start, citation.end - 1))
    if first is None or last is None:
        return None
    return Occurrence(first, last, citation.start, citation.end)
