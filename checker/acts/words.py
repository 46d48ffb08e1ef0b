"""Find and change quoted words inside an act's paragraphs.

Bills quote with «» or "" and print ё or е as they please; the act does the same. Matching runs on
a folded copy of the same length, so an offset found there is an offset in the act's own text,
which keeps the act's characters untouched outside the change. A match must not start or end
inside a word: "конкурс" does not match in "конкурсный".
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.acts.structure import Unit

_FOLD = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "ё": "е", "Ё": "Е",
                       "\u00a0": " ", "\u202f": " ", "–": "-", "—": "-", "‑": "-", "i": "і", "Y": "Ү"})
_PUNCT_START = tuple(",.;:)!?")


def fold(text: str) -> str:
    return text.translate(_FOLD)


@dataclass
class Slot:
    """One paragraph of the act an instruction may change: an indent or a heading of a unit."""

    unit: Unit
    field: str  # "line" | "heading"
    index: int = 0
    span: tuple[int, int] | None = None  # a sentence inside the paragraph

    def get(self) -> str:
        return self.unit.heading if self.field == "heading" else self.unit.lines[self.index]

    def set(self, value: str) -> None:
        if self.field == "heading":
            self.unit.heading = value
        else:
            self.unit.lines[self.index] = value


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def occurrences(text: str, words: str, span: tuple[int, int] | None = None) -> list[int]:
    """Start offsets of `words` in `text` (folded match, whole words at both ends)."""
    hay, needle = fold(text), fold(words.strip("\n"))
    if not needle:
        return []
    start, end = span or (0, len(text))
    found, pos = [], hay.find(needle, start)
    while pos != -1 and pos + len(needle) <= end:
        before = hay[pos - 1] if pos > 0 else " "
        after = hay[pos + len(needle)] if pos + len(needle) < len(hay) else " "
        if not (_is_letter(needle[0]) and _is_letter(before)) and not (_is_letter(needle[-1]) and _is_letter(after)):
            found.append(pos)
        pos = hay.find(needle, pos + 1)
    return found


def replace_at(text: str, starts: list[int], length: int, new: str) -> str:
    for pos in sorted(starts, reverse=True):
        text = text[:pos] + new + text[pos + length:]
    return text


def delete_at(text: str, starts: list[int], length: int) -> str:
    """Remove the words and the space they leave behind (no double space, no space before a comma)."""
    for pos in sorted(starts, reverse=True):
        left, right = text[:pos], text[pos + length:]
        if left.endswith(" ") and (right.startswith(" ") or right.startswith(_PUNCT_START) or not right):
            left = left[:-1]
        elif not left and right.startswith(" "):
            right = right[1:]
        text = left + right
    return text


def insert_at(text: str, starts: list[int], length: int, new: str, position: str) -> str:
    """Insert `new` after or before each occurrence, with the space Russian and Kazakh print."""
    for pos in sorted(starts, reverse=True):
        if position == "before":
            joint = "" if new.endswith(" ") else " "
            text = text[:pos] + new + joint + text[pos:]
        else:
            at = pos + length
            joint = "" if new.startswith(_PUNCT_START) or new.startswith(" ") else " "
            text = text[:at] + joint + new + text[at:]
    return text


def append_words(text: str, new: str) -> str:
    """"дополнить словами": before the paragraph's closing punctuation, if it has one."""
    body = text.rstrip()
    tail = ""
    while body and body[-1] in ".;:":
        tail = body[-1] + tail
        body = body[:-1]
    joint = "" if new.startswith(_PUNCT_START) else " "
    return body + joint + new + tail
