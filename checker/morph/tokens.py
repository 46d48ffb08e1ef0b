"""Text → its matching form and word tokens with offsets into the original text.

`fold` changes characters but never the length, so every offset found in the folded text is an
offset in the user's own text and a finding can point at the user's line and column.
"""

from __future__ import annotations

import re
import unicodedata
from functools import partial
from typing import NamedTuple

from checker.normalize import FORMAT_CHARS

# COMBINING GRAPHEME JOINER: what a combining mark becomes. Invisible, a mark itself (so a
# second fold leaves it alone), and ignored by the lemma functions.
CGJ = "\u034f"

_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_MARK_ANY = re.compile(f"[{_MARKS}]")
_MARK_RUN = re.compile(f"([^{_MARKS}])?([{_MARKS}]+)", re.DOTALL)
_CYRILLIC = re.compile("[\u0400-\u052f]")
_FORMAT_ANY = re.compile(f"[{FORMAT_CHARS}]+")

# Latin look-alikes of Cyrillic letters, applied only inside a word that also holds Cyrillic
# (the seeds have шiлдедегi, баcқа). Keys are lower-case: an upper-case Latin letter is
# lowered first (P → p → р), except where upper and lower case resemble different Cyrillic
# letters: H is Н but h is һ; Y is Ү but y is у; B, M, T have no Latin lower-case twin.
_LOOKALIKE_LOWER = {"a": "а", "c": "с", "e": "е", "i": "і", "o": "о", "p": "р", "x": "х",
                    "y": "у", "k": "к", "h": "һ", "\u0259": "ә", "\u01dd": "ә"}
_LOOKALIKE_UPPER = {"H": "н", "Y": "ү", "B": "в", "M": "м", "T": "т"}
_LOOKALIKE_CHARS = "aceiopxykhACEIOPXYKHBMT\u0259\u01dd\u018e\u018f\u212a"  # all that fold to a key
_LOOKALIKE_ANY = re.compile(f"[{_LOOKALIKE_CHARS}]")

_SPECIAL = {"ё": "е", "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'",
            "\u00b4": "'", "\u2032": "'", "\u2010": "-", "\u2011": "-"}


def _fold_char(ch: str) -> str:
    """One character's matching form: NFC, lower case, ё → е, one apostrophe, one hyphen."""
    out = unicodedata.normalize("NFC", ch)
    if len(out) != 1:
        out = ch
    low = out.lower()
    out = low if len(low) == 1 else out
    return _SPECIAL.get(out, out)


class _FoldTable(dict[int, str]):
    """str.translate table filled on demand; maps a char to itself unless folding is stable."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = _fold_char(ch)
        if _fold_char(folded) != folded:  # never produce a char that a second fold would change
            folded = ch
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def _compose(match: re.Match[str]) -> str:
    base, marks = match.group(1) or "", match.group(2)
    whole = base + marks
    composed = unicodedata.normalize("NFC", whole)
    head = ""
    if base:
        head = composed[0] if len(composed) <= len(whole) and composed[0] not in marks else base
    return head + CGJ * (len(whole) - len(head))


def _lookalike(ch: str) -> str:
    if ch in _LOOKALIKE_UPPER:
        return _LOOKALIKE_UPPER[ch]
    return _LOOKALIKE_LOWER.get(_fold_char(ch), ch)


_TO_CYRILLIC = {ord(ch): _lookalike(ch) for ch in _LOOKALIKE_CHARS}


def _cyrillicise(text: str) -> str:
    """Turn look-alikes Cyrillic in every word (run of letters) that holds Cyrillic."""
    pieces: list[str] = []
    done = 0  # text[:done] is in pieces
    scanned = 0  # end of the last word looked at
    for hit in _LOOKALIKE_ANY.finditer(text):
        start = hit.start()
        if start < scanned:
            continue  # inside the word just looked at
        while start > scanned and text[start - 1].isalpha():
            start -= 1
        end = hit.end()
        while end < len(text) and text[end].isalpha():
            end += 1
        word = text[start:end]
        scanned = end
        if _CYRILLIC.search(word):
            pieces += (text[done:start], word.translate(_TO_CYRILLIC))
            done = end
    return "".join(pieces) + text[done:] if pieces else text


def fold(text: str) -> str:
    """The matching form of `text`, exactly as long as `text`.

    Lower case, ё → е, NFC (a combining mark that composes with its base becomes part of the
    base, and every combining mark is replaced by an invisible CGJ), Latin look-alikes inside
    Cyrillic words turned Cyrillic, apostrophes unified to ', hyphens U+2010/2011 to -. Invisible
    format characters (bidi marks, zero-width spaces, ...) become CGJ too, so "су\u200bда" is
    still one word. Idempotent: fold(fold(t)) == fold(t).
    """
    if _FORMAT_ANY.search(text):
        text = _FORMAT_ANY.sub(lambda m: CGJ * len(m.group()), text)
    if _MARK_ANY.search(text):
        text = _MARK_RUN.sub(_compose, text)
    if _CYRILLIC.search(text):
        text = _cyrillicise(text)
    if "\u0130" in text or not unicodedata.is_normalized("NFC", text):
        return text.translate(_TABLE)  # exact, one character at a time (rare)
    # Fast path, same result: for an NFC text str.lower() is per character, except that it
    # writes a final sigma where the per-character rule writes σ.
    if "Σ" in text:
        text = text.replace("Σ", "σ")
    text = text.lower()
    for char, folded in _SPECIAL.items():
        if char in text:
            text = text.replace(char, folded)
    return text


class Token(NamedTuple):
    """One word of a text: folded form, span in the original text, sentence and word number."""

    text: str  # folded, as fold() gives it (may hold CGJ where the input had combining marks)
    start: int
    end: int
    sentence: int  # 0-based, counts only sentences that have words
    index: int  # 0-based word number in the text


_new_token = partial(tuple.__new__, Token)  # Token._make without a Python frame per word

# Letters and digits, with CGJ inside, and single inner hyphens (ата-ана, 65-1).
_PART = rf"[^\W_][^\W_{CGJ}]*(?:{CGJ}+[^\W_{CGJ}]*)*"
_WORD = re.compile(rf"{_PART}(?:-{_PART})*")
_PLAIN_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")  # the same when the text has no CGJ
_BREAK = re.compile(r"[.!?;]|\n[ \t\r\u00a0]*\n")
_CLOSERS = frozenset("»\"')]”’")
_NUMBERING = re.compile(r"[ \t\u00a0]*\d+(?:[.-]\d+)*")
# Words after which a full stop abbreviates, not ends, a sentence (single letters always do).
ABBREVIATIONS = frozenset({
    "ст", "стст", "пп", "чч", "см", "др", "гг", "тыс", "млн", "млрд", "руб", "коп", "им", "напр",
    "прим", "абз", "подп", "стр", "обл", "ред", "изд", "рис", "табл", "тт", "ул", "кв", "корп",
    "жж", "бб", "тарм", "көш", "тг", "проф", "акад", "доц",
})


def tokenize(text: str, folded: str | None = None) -> list[Token]:
    """Words of `text` with their sentence numbers; punctuation is dropped.

    A sentence ends at ! ? ; at a blank line, and at a full stop that is not an abbreviation
    (ст. 15, т.б., single-letter initials), not numbering at the start of a line (1., 2.1.),
    not inside a word or number (1.2, file.txt), and not followed on the same line by a
    lower-case word.
    """
    if folded is None:  # a caller that already folded `text` passes fold(text)
        folded = fold(text)
    word = _WORD if CGJ in folded else _PLAIN_WORD
    spans = [m.span() for m in word.finditer(folded)]
    ends = {end: i for i, (_, end) in enumerate(spans)}
    breaks = [m.start() for m in _BREAK.finditer(folded)
              if (m.group() != "." or _full_stop_ends(text, folded, m.start(), spans, ends))
              and not (m.group() == ";" and _ANAPHOR.match(folded, m.start() + 1))
              and not (m.group() == "." and _RULE_ANAPHOR.match(folded, m.start() + 1))]
    breaks.append(len(folded) + 1)  # sentinel
    sentences: list[int] = []
    sentence, b, next_break = 0, 0, breaks[0]
    for start, _ in spans:
        if next_break < start:
            while breaks[b] < start:
                b += 1
            next_break = breaks[b]
            if sentences:  # several breaks in a row end one sentence; none before the first word
                sentence += 1
        sentences.append(sentence)
    if not spans:
        return []
    texts = [folded[start:end] for start, end in spans]
    starts, ends = zip(*spans)
    return list(map(_new_token, zip(texts, starts, ends, sentences, range(len(spans)))))


def words(text: str) -> list[str]:
    """The folded words of `text`, as `tokenize` gives their texts, without offsets or sentence
    numbers: a caller that only counts words (language detection) skips the sentence breaks."""
    folded = fold(text)
    return (_WORD if CGJ in folded else _PLAIN_WORD).findall(folded)


# A clause after ";" that points back to the one before it continues its sentence: "… төленеді;
# аталған қағидаларда көрсетілмеген жағдайларда олар төленуге жатпайды", "…; такие акты не пересматриваются".
_ANAPHOR = re.compile(r"\s*(?:олар|оларға|оларды|олардың|мұндай|осындай|аталған|көрсетілген|бұл|"
                      r"они|им|их|такие|такой|такая|такое|указанные|указанный|указанная|данные|эти|это)"
                      r"(?![\w-])")

# A sentence that opens by naming the rule just stated continues it: "… қосалқы алқабимен
# ауыстырады. Бұл ереже … үкім шығарылғаннан кейін де қолданылады", "… Данное правило
# применяется и после вердикта": what the second says (when, to whom) belongs to the first.
_RULE_ANAPHOR = re.compile(r"\s*(?:бұл|осы|мұндай|осындай|аталған|көрсетілген|данное|данный|это|этот|"
                           r"указанное|указанный|такое|такой|настоящее|настоящий|названное|названный)\s+"
                           r"(?:ереже|ережені|ережелер|тәртіп|тәртіппен|норма|правило|порядок|положение|"
                           r"требование|талап|шектеу|ограничение)(?![\w-])")


def _full_stop_ends(text: str, folded: str, pos: int, spans: list[tuple[int, int]],
                    ends: dict[int, int]) -> bool:
    n = len(folded)
    after = pos + 1
    while after < n and folded[after] in _CLOSERS:
        after += 1
    if after < n and not folded[after].isspace():
        return False  # 1.2, т.б., file.txt
    before = ends.get(pos)
    if before is not None:
        start, end = spans[before]
        word = folded[start:end].replace(CGJ, "")
        if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            return False
        line_start = folded.rfind("\n", 0, pos) + 1
        if _NUMBERING.fullmatch(folded, line_start, pos):
            return False  # "1." / "2.1." numbering a paragraph
    while after < n and folded[after] in " \t\u00a0":
        after += 1
    return not (after < n and folded[after] not in "\r\n" and text[after].islower())
