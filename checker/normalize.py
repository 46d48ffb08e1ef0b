"""One canonical text for matching, with a map back to the user's own offsets.

Drafts arrive with every quote style, dash and space of Word, with Latin look-alikes typed inside
Kazakh words (`бiрiншi`, `Yкімет`) and Cyrillic `І` inside Roman numerals (`№ 731-VІ`). The parser
and the rules see one form; every report still points at the user's line and column, so all
changes here keep a position map. Most replacements are one character for one; the few that
delete (invisible format characters) are recorded so `to_original()` stays exact.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

# One-for-one replacements, applied with str.translate (fast on 20 MB).
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_STRAIGHT_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u301d\u301e\uff02"
_TRANSLATE = {ord(c): " " for c in _SPACES}
_TRANSLATE.update({ord(c): "-" for c in _DASHES})
_TRANSLATE.update({ord(c): '"' for c in _STRAIGHT_QUOTES})
_TRANSLATE.update({ord("\u2039"): "«", ord("\u203a"): "»", ord("\u2018"): "'", ord("\u2019"): "'",
                   ord("\u02bc"): "'", ord("\u2116"): "№"})

# Invisible format characters (Unicode category Cf: soft hyphen, zero-width space and joiners,
# bidi marks, embeddings and isolates, word joiner, BOM, tags, ...) carry nothing a parser may
# see: a right-to-left mark before a header must not make it another line. They are deleted
# (positions remembered). tests/test_normalize.py checks this covers every Cf of Python's Unicode.
FORMAT_CHARS = ("\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
                "\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
                "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
                "\U000e0020-\U000e007f")
_DELETED = re.compile(f"[{FORMAT_CHARS}]+")

# Latin letters that look like Cyrillic ones, used only inside words that also hold Cyrillic.
_LATIN_TO_CYRILLIC = str.maketrans({
    "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "k": "к", "h": "һ",
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р",
    "T": "Т", "X": "Х", "Y": "Ү", "I": "І",
})
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ]")
# Every pattern below starts with a plain character class, so the regex engine skips through
# ordinary Cyrillic text at C speed and Python only sees the rare hits (20 MB in well under 1 s).
_SPECIAL = re.compile("[" + re.escape("".join(chr(c) for c in _TRANSLATE)) + "]")
_LATIN_RUN = re.compile(r"[A-Za-z]+")
_ROMAN_CANDIDATE = re.compile(r"[IVXLІ]{2,}")
_N_SIGN = re.compile(r"N(?= ?\d)")
_ROMAN = re.compile(r"[IVXLCDMІ]+")


@dataclass(frozen=True)
class Normalized:
    """A normalized text plus what is needed to map its offsets back to the original."""

    text: str
    original: str
    # One entry per run of deleted characters: the normalized offset right after the run, and
    # how many original characters were deleted up to there. O(log runs) per lookup.
    _run_at: tuple[int, ...] = field(default=(), repr=False)
    _shift: tuple[int, ...] = field(default=(), repr=False)

    def to_original(self, pos: int) -> int:
        """Offset in the original text of the character at `pos` of the normalized text."""
        i = bisect.bisect_right(self._run_at, pos) - 1
        return pos if i < 0 else pos + self._shift[i]


def normalize(text: str) -> Normalized:
    """Canonical form of `text` for parsing and matching; see the module docstring."""
    original = text
    run_at: list[int] = []
    shift: list[int] = []
    if _DELETED.search(text):
        removed = 0
        for m in _DELETED.finditer(text):
            run_at.append(m.start() - removed)
            removed += m.end() - m.start()
            shift.append(removed)
        text = _DELETED.sub("", text)
    if _SPECIAL.search(text):
        text = _SPECIAL.sub(lambda m: _TRANSLATE[ord(m.group())], text)
    if "\r" in text:
        text = text.replace("\r", " ")
    changes: dict[int, str] = {}  # offset → its new character: every change below is one for one
    for m in _N_SIGN.finditer(text):
        if m.start() == 0 or not text[m.start() - 1].isalnum():
            changes[m.start()] = "№"
    for start, end in _words_with_latin(text):
        word = text[start:end]
        if _CYRILLIC.search(word) and not _ROMAN.fullmatch(word):
            changes.update(zip(range(start, end), word.translate(_LATIN_TO_CYRILLIC)))
    text = _with_changes(text, changes)
    changes = {}
    for m in _ROMAN_CANDIDATE.finditer(text):  # after the Latin fix, which may turn I into І
        _fix_roman(text, m.start(), m.end(), changes)
    text = _with_changes(text, changes)
    return Normalized(text=text, original=original, _run_at=tuple(run_at), _shift=tuple(shift))


def _with_changes(text: str, changes: dict[int, str]) -> str:
    """`text` with the characters at the offsets of `changes` replaced. The untouched stretches
    are joined as slices: a list of every character of a 20 MB draft would cost far more."""
    if not changes:
        return text
    pieces: list[str] = []
    last = 0
    for pos in sorted(changes):
        pieces += (text[last:pos], changes[pos])
        last = pos + 1
    pieces.append(text[last:])
    return "".join(pieces)


def _fix_roman(text: str, start: int, end: int, changes: dict[int, str]) -> None:
    """"731-VІ", "№ 12-ІІ": a Roman numeral typed with Cyrillic І gets Latin I."""
    word = text[start:end]
    bounded = (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
    if not bounded or "І" not in word:
        return
    if not (set(word) & set("IVXL")) and not (start > 0 and text[start - 1] == "-"):
        return
    changes.update(zip(range(start, end), word.replace("І", "I")))


def _words_with_latin(text: str) -> list[tuple[int, int]]:
    """Spans of the words (letters, digits, inner hyphens) that hold at least one Latin letter."""
    spans: list[tuple[int, int]] = []
    last_end = -1
    for m in _LATIN_RUN.finditer(text):
        if m.start() < last_end:
            continue
        start, end = m.start(), m.end()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
            start -= 1
        while end < len(text) and (text[end].isalnum() or text[end] == "-"):
            end += 1
        spans.append((start, end))
        last_end = end
    return spans


def lower_same_length(text: str) -> str:
    """Lower-case without changing the length (İ and a few others lower to two chars)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
