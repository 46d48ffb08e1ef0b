"""Latin-script Kazakh → Cyrillic, with a map back to the user's own offsets.

Three Latin alphabets have been used for Kazakh law texts: the 2017 one with apostrophes
(s' = ш, a' = ә, y' = у), the 2018 one with acute accents (sh = ш, á = ә, ý = у, ǵ = ғ) and the
2021 one with diacritics (ş = ш, ä = ә, ū = ұ, ğ = ғ). The parser, the grammar and the rules are
Cyrillic, so such a text is read through a transliteration. Two Cyrillic texts come out:

- `compact`: plain Cyrillic for the parser, with `to_user[i]` = the user's offset of character i;
- `padded`: the same Cyrillic, exactly as long as the user's text, each letter that came from two
  Latin characters followed by an invisible CGJ (U+034F, which the word matcher already skips).
  Quoted texts are cut from it, so rules match Cyrillic words while every offset inside a text
  is still the user's column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

CGJ = "\u034f"

# Letters shared by the variants (lower case; upper case is derived).
_COMMON = {"a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "j": "ж", "k": "к",
           "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ", "r": "р", "s": "с", "t": "т",
           "v": "в", "z": "з", "c": "с", "x": "х", "w": "у"}
_VARIANTS = {
    "2018": {**_COMMON, "á": "ә", "ǵ": "ғ", "i": "і", "ı": "и", "ń": "ң", "ó": "ө", "u": "ұ", "ú": "ү",
             "y": "ы", "ý": "у", "sh": "ш", "ch": "ч", "ıa": "я", "ıý": "ю", "tsı": "ци"},
    "2021": {**_COMMON, "ä": "ә", "ğ": "ғ", "i": "і", "ı": "и", "ñ": "ң", "ö": "ө", "u": "у", "ū": "ұ",
             "ü": "ү", "y": "ы", "ş": "ш", "ç": "ч", "ia": "я", "iu": "ю"},
    "2017": {**_COMMON, "a'": "ә", "g'": "ғ", "i": "і", "i'": "и", "n'": "ң", "o'": "ө", "u": "ұ",
             "u'": "ү", "y": "ы", "y'": "у", "s'": "ш", "c'": "ч", "sh": "ш", "ch": "ч"},
}
# Loan-word stems the letter tables would get wrong (ц written as s or ts; абзац). Lower case,
# checked at the start of each word.
_STEMS = {"konstıtýtsı": "конституци", "konstitutsi": "конституци", "redaksı": "редакци", "redaktsı": "редакци",
          "redaksi": "редакци", "abzas": "абзац", "abzats": "абзац", "prosest": "процест", "prosess": "процесс",
          "protses": "процес", "sıfr": "цифр", "tsıfr": "цифр", "sifr": "цифр", "ınstıtý": "институ",
          "sýdıa": "судья", "sudia": "судья", "sudya": "судья"}
_VOWELS = set("aeiouyáóúýäöüūıаеіоұүуыәөэиюя")
_APOSTROPHES = "'\u2019\u02bc`\u00b4"
_MARKERS = {
    "2018": re.compile("[áóúýǵńÁÓÚÝǴŃ]"),
    "2021": re.compile("[äöüūğşçñÄÖÜŪĞŞÇÑ]"),
    "2017": re.compile(r"[aogunscyiAOGUNSCYI]['\u2019\u02bc]"),
}
_LATIN = re.compile("[A-Za-záóúýǵńıäöüūğşçñÁÓÚÝǴŃİÄÖÜŪĞŞÇÑ]")
_CYRILLIC = re.compile("[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ]")
_KAZAKH_WORDS = re.compile(r"\b(?:degen|týraly|turaly|tūraly|jazylsyn|tolyqtyrylsyn|alyp|Respýblıka|Respublika|"
                           r"Qazaqstan|bap|zań|zañ|kodeks|engizilsin|sóz|söz|so'z)\w*", re.IGNORECASE)


@dataclass(frozen=True)
class Transliteration:
    variant: str
    compact: str
    padded: str
    to_user: tuple[int, ...]  # len(compact) + 1 entries


def latin_kazakh_variant(text: str, sample: int = 200_000) -> str | None:
    """"2017", "2018" or "2021" when `text` is Kazakh in a Latin alphabet, else None."""
    head = text[:sample]
    latin = len(_LATIN.findall(head))
    if latin < 20 or _at_least(_CYRILLIC, head, (latin + 1) // 2):  # latin <= 2 × Cyrillic
        return None
    counts = {name: len(marker.findall(head)) for name, marker in _MARKERS.items()}
    best = max(counts, key=lambda name: counts[name])
    if counts[best] == 0 and not _KAZAKH_WORDS.search(head):
        return None
    if counts[best] == 0:
        return "2018"
    return best


def _at_least(pattern: re.Pattern[str], text: str, count: int) -> bool:
    """Whether `pattern` occurs `count` times in `text`; stops counting there (a Cyrillic draft
    holds a few Latin letters and a million Cyrillic ones)."""
    return sum(1 for _ in islice(pattern.finditer(text), count)) >= count


def to_cyrillic(text: str, variant: str) -> Transliteration:
    """Transliterate `text`; see the module docstring for the two results."""
    table = _VARIANTS[variant]
    units = sorted((k for k in table if len(k) > 1), key=len, reverse=True)
    compact: list[str] = []
    padded: list[str] = []
    to_user: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if not ch.isalpha() or ch in "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі" or ch.lower() not in _LOWER_LATIN:
            compact.append(ch)
            padded.append(ch)
            to_user.append(i)
            i += 1
            continue
        src, dst = _unit(text, i, table, units)
        if i == 0 or not text[i - 1].isalpha():
            stem = _stem(text, i)
            if stem is not None:
                src, dst = stem
        dst = _cased(dst, text[i:i + len(src)])
        if src.lower() == "ı" or (src.lower() == "i'" and variant == "2017"):
            dst = _cased("й" if i > 0 and text[i - 1].lower() in _VOWELS else "и", text[i])
        for k, c in enumerate(dst):
            compact.append(c)
            to_user.append(i + min(k, len(src) - 1))
        padded.append(dst[:len(src)] + CGJ * (len(src) - len(dst)))
        i += len(src)
    to_user.append(n)
    return Transliteration(variant=variant, compact="".join(compact), padded="".join(padded),
                           to_user=tuple(to_user))


_LOWER_LATIN = set("abcdefghijklmnopqrstuvwxyzáóúýǵńıäöüūğşçñ")


def _unit(text: str, i: int, table: dict[str, str], units: list[str]) -> tuple[str, str]:
    for unit in units:
        piece = text[i:i + len(unit)]
        if len(piece) == len(unit) and _fold(piece) == unit:
            return piece, table[unit]
    ch = text[i]
    low = "i" if ch == "İ" else ch.lower()
    return ch, table.get(low, ch)


def _fold(piece: str) -> str:
    return "".join("'" if c in _APOSTROPHES else ("i" if c == "İ" else c.lower()) for c in piece)


def _stem(text: str, i: int) -> tuple[str, str] | None:
    for stem, cyr in _STEMS.items():
        piece = text[i:i + len(stem)]
        if piece.lower() == stem:
            return piece, cyr
    return None


def _cased(dst: str, src: str) -> str:
    if src and src[0].isupper():
        if len(src) > 1 and src[1:].isupper() and src[1].isalpha():
            return dst.upper()
        return dst[:1].upper() + dst[1:]
    return dst
