"""Which act a header names (grammar/acts.yaml), by name and date, and the date it gives.

An act outside the registry still gets a stable slug: its kind (constitutional law, code, law,
or a subordinate act: order, resolution, decree, rules) from the header's words, then its name
and date, e.g. `law:asyl-tukymdy-mal-sharuashylygy-turaly-1998-07-09`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import yaml

from checker import recache
from checker.parsing.vocabulary import load_vocabulary
from checker.resources import grammar_dir

UNLISTED_SLUG = "law:unlisted"  # kept for old baselines; new results derive a slug instead
KINDS = ("constitution", "code", "constitutional-law", "law", "bylaw")


@dataclass(frozen=True)
class ActEntry:
    slug: str
    english: str
    patterns: tuple[re.Pattern[str], ...]
    kind: str = "law"
    dates: tuple[str, ...] = ()
    historical: bool = False


# libyaml's safe loader when PyYAML was built with it: the same documents, several times faster
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def act_registry() -> tuple[ActEntry, ...]:
    with open(grammar_dir() / "acts.yaml", encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_SAFE_LOADER)
    return tuple(
        ActEntry(slug=a["slug"], english=a["english"], patterns=tuple(recache.compile(p) for p in a["patterns"]),
                 kind=a.get("kind", "law"), dates=tuple(str(d) for d in a.get("dates", ())),
                 historical=bool(a.get("historical", False)))
        for a in data["acts"]
    )


def known_slugs() -> frozenset[str]:
    return frozenset(entry.slug for entry in act_registry())


@cache
def _any_name() -> re.Pattern[str]:
    """One regex for every name in the registry: its leftmost match is where the act is named."""
    return recache.compile("|".join(f"(?:{p.pattern})" for entry in act_registry() for p in entry.patterns))


@cache
def _names_by_entry() -> tuple[tuple[ActEntry, re.Pattern[str]], ...]:
    """Each entry with its names as one regex: it matches where any of them does, in one call
    instead of one per name (a header is tried against every entry)."""
    return tuple((entry, recache.compile("|".join(f"(?:{p.pattern})" for p in entry.patterns)))
                 for entry in act_registry())


def act_name_pattern() -> re.Pattern[str]:
    """Every act name of the registry in one regex (lower-cased text), for finding where one is named."""
    return _any_name()


# Another state named by the header's own words: its codes and laws are never Kazakhstan's.
_FOREIGN_STATE = re.compile(
    r"российской федерации|ресей федерациясы|кыргызской республики|қырғыз республикасы|"
    r"республики беларусь|беларусь республикасы|республики узбекистан|өзбекстан республикасы|"
    r"союза сср|ссср\b")
_RUNS_OF_SPACE = re.compile(r"\s{2,}")


@lru_cache(maxsize=4096)
def recognize_act(header: str, date: str | None = None) -> ActEntry | None:
    """The registry entry named first in the normalized lower-cased header, told apart by date.

    Every entry whose name occurs at the earliest position is a candidate (the 1997 and the
    2014 Criminal Procedure Codes share their Russian name); the one whose dates hold `date`
    wins, else the first current (not historical) one, else the first. Runs of spaces count as
    one (pages pad linked names: "Қылмыстық  кодексіне"); an act of another state named outside
    quoted titles ("Налоговый кодекс Российской Федерации") is none of the registry's.
    """
    if "  " in header:
        header = _RUNS_OF_SPACE.sub(" ", header)
    if _FOREIGN_STATE.search(_QUOTED.sub(" ", header)):
        return None
    first = _any_name().search(header)
    if first is None:
        return None
    best = first.start()
    candidates = [entry for entry, names in _names_by_entry() if names.match(header, best)]
    if not candidates:
        return None
    if date is not None:
        for entry in candidates:
            if date in entry.dates:
                return entry
        # an old name with the date of the current act ("Қылмыстық іс жүргізу кодексі" of 2014)
        for entry in candidates:
            family = _family(entry)
            for other in act_registry():
                if date in other.dates and _family(other) == family:
                    return other
    return next((e for e in candidates if not e.historical), candidates[0])


def _family(entry: ActEntry) -> str:
    """"Criminal Procedure Code of 1997 (repealed 2015)" and "Criminal Procedure Code" are one family."""
    return re.split(r" of (?:19|20)\d\d| of the Kazakh SSR| \(", entry.english)[0]


# ---- acts outside the registry --------------------------------------------------------------
# Header words that say what kind of act it is (lower case, any case ending). Order: the more
# specific first ("конституциялық заң" before "заң"; "бұйрықпен бекітілген қағидалар" is a bylaw).
_KIND_WORDS = (
    ("constitutional-law", r"конституциялық заң|конституционн\w* закон"),
    ("constitution", r"конституциясы|конституци[яюией]\b"),
    ("code", r"кодекс"),
    # a decree having the force of law ("заң күші бар Жарлығы", "Указ, имеющий силу закона")
    ("law", r"заң күші бар|имеющ\w* силу закона"),
    ("bylaw", r"қаулы|бұйрығ|бұйрық|жарлығ|өкім|қағидалар|ереже|нұсқаулы|постановлени|приказ|указ\w*\b|"
              r"распоряжени|правил|инструкци|положени[еия]\b|решени\w* маслихат|мәслихат\w* шешім"),
    ("law", r"заң(?!нама)|закон(?!одат)"),
)
_KIND_RES = tuple((kind, re.compile(words)) for kind, words in _KIND_WORDS)
_QUOTED = re.compile(r'"([^"]{3,200})"|«([^«»]{3,200})»')
_CHANGE = re.compile(r"(?:,\s*)?(?<![\w-])(?:заменив|исключив|дополнив)(?![\w-])")
_HUGGED = re.compile(r'"([^"\s][^"]{1,198}[^"\s])"|«([^«»\s][^«»]{1,198}[^«»\s])»')
_BOILERPLATE = re.compile(
    r"\b(?:в|во|қазақстан|республикасының|республикасы|республики|казахстан|казахской|сср|от|года|"
    r"жылғы|г\.|№|n|заңына|заңы|заң|закон|закона|кодексіне|кодекс|следующие|изменения|дополнения|"
    r"мынадай|өзгерістер|мен|толықтырулар|енгізілсін|внести)\b")
_TRANSLIT = str.maketrans({
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o",
    "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "h",
    "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
    "ю": "yu", "я": "ya",
})


def act_kind(header: str) -> str:
    """constitution | code | constitutional-law | law | bylaw, from the words of a header.

    The words outside quoted titles and parentheses decide ("… "Омарта туралы" Заңына",
    "В приказ … «Об утверждении Правил …»"); the whole header only when they say nothing.
    """
    bare = _QUOTED.sub(" ", re.sub(r"\([^()]*\)", " ", header))
    for text in (bare, header):
        for kind, pattern in _KIND_RES:
            if pattern.search(text):
                return kind
    return "law"


def names_an_act(header: str) -> bool:
    """True when the header's own words (not a quoted title) name a kind of act."""
    bare = _QUOTED.sub(" ", re.sub(r"\([^()]*\)", " ", header))
    return any(pattern.search(bare) for _, pattern in _KIND_RES)


def derived_slug(header: str, date: str | None) -> str:
    """A stable slug for an act outside the registry: kind, name (ASCII), date."""
    text = re.sub(r"\([^()]*\)", " ", header)
    text = _CHANGE.split(text, maxsplit=1)[0]  # "… кодекса … изменение, заменив слова «…»": not the name
    kk_date, ru_date, _, _ = _date_patterns()
    text = ru_date.sub(" ", kk_date.sub(" ", text))  # the date is in the slug once, at its end
    kind = act_kind(text)
    # a title quoted inside a doubled one ('"Қазақстан … Президентінің "Омарта туралы" …') is the
    # name: a quoted text that starts or ends with a space is the outer title's opening only
    quoted = _HUGGED.search(text) or _QUOTED.search(text)
    name = (quoted.group(1) or quoted.group(2)) if quoted else _BOILERPLATE.sub(" ", re.sub(r"[\d.:]+", " ", text))
    ascii_name = re.sub(r"[^a-z0-9]+", "-", name.lower().translate(_TRANSLIT)).strip("-")
    ascii_name = "-".join(ascii_name.split("-")[:8])[:60].strip("-") or "act"
    if kind == "constitution":
        ascii_name = "constitution"
    return f"{kind}:{ascii_name}" + (f"-{date}" if date else "")


@cache
def _date_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int], dict[str, int]]:
    vocab = load_vocabulary()
    kk_months = vocab.tables["kk"]["months"]
    ru_months = vocab.tables["ru"]["months"]
    kk = recache.compile(r"(\d{4})\s*жыл\w*\s+(\d{1,2})\s+(" + "|".join(kk_months) + r")\w*")
    ru = recache.compile(r"(\d{1,2})\s+(" + "|".join(sorted(ru_months, key=len, reverse=True)) + r")\w*\s+(\d{4})")
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
