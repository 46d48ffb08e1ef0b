"""Cuts a normalized draft into logical statements and masks their quotes and parentheses.

A statement is a line, or the part of a line between item boundaries when a text has no line
breaks ("…енгізілсін: 1) 12-бап … жазылсын: "…"; 2) 14-баптағы …"), extended over the lines of a
quote that is still open. What the grammar sees is the statement lower-cased, with each
top-level quote replaced by ⟦n⟧ and each balanced parenthesis by ⦅n⦆: the gazette list of an
act header is one token however many semicolons and quotes it holds.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache

from checker import recache
from checker.normalize import lower_same_length

# Inside one line (a text served without line breaks, or a line holding a scope and its first
# instruction) a new statement starts, outside quotes and parentheses:
# - after ";" or ":" when more text follows that is not a quote (new text after ":" and the
#   ";"-separated new texts of one instruction stay with it);
# - after "." when an item "N)", an act item "N." (also "N. 23, 29-баптарда …") or an article
#   heading follows, and after "."
#   or "!" when a capitalised sentence follows;
# - before an article heading of the bill ("… Заңы 1-бап. …", "… ЗРК. Статья 1. …").
_EVENTS = re.compile(r"[;:.!()]|[ ](?=\d+(?:-\d+)*\s*-\s*бап\s*\.|Статья[ ]+\d+(?:-\d+)*\.)")
_AFTER_DOT = re.compile(r"[ ]+(?=\d+(?:-\d+)*\)[ ]|\d{1,3}\.[ ]+(?:[^\d\s]|\d{4}[ ]*ж|\d+(?:-\d+)*(?:,[ ]*\d+(?:-\d+)*)*[ ]*-[ ]*[^\W\d_])|\d+(?:-\d+)*\s*-\s*бап\s*\.|(?i:статья)[ ]+\d+)")
# A sentence after "." or "!" (an editorial note, a signature), unless the dot ends a number or
# an article heading ("2-бап. Осы Заң …" stays one statement).
_AFTER_SENTENCE = re.compile(r"[ ]+(?=[А-ЯЁӘҒҚҢӨҰҮҺІ])")
_NUMBER_BEFORE = re.compile(r"(?:\d|бап|Статья[ ]+\d+(?:-\d+)*)\s*$")
# An editorial note's lead ("Сноска.", "Ескерту.", "ЗҚАИ-ның ескертпесі!", "Примечание ИЗПИ!")
# stays with the sentence it introduces.
_NOTE_BEFORE = re.compile(r"(?i:сноска|ескерту|примечание|ескертпесі|изпи|рцпи|рқао|зқаи|см)\s*$")
_AFTER_COLON = re.compile(r"[ ]+(?=[^\s\"«»])")
_QUOTE_AFTER_COLON = re.compile(r"[ ]+(?=[\"«])")
# A quote after ":" that is followed by "деген" or a list comma starts a Kazakh instruction
# ("2-тармақта: "конкурс" деген сөз … ауыстырылсын;"), not the new text of the one before.
_KK_WORDS_AFTER = re.compile(r"\s*(?:,\s*[\"«]|деген\b)")
_BREAK = re.compile(r"[ ]*\n\s*")
_MAYBE_MANY = re.compile(r"[;:.!][ ]+\S|[ ]\d+(?:-\d+)*\s*-\s*бап\s*\.|[ ]Статья[ ]")


@dataclass(frozen=True)
class Statement:
    start: int  # offsets into the normalized text, [start, end)
    end: int
    masked: str  # lower-cased, quotes → ⟦i⟧, parentheses → ⦅j⦆
    quotes: tuple[tuple[int, int], ...]  # spans in the normalized text, by placeholder number
    parens: tuple[tuple[int, int], ...]
    lower: str  # the text lower-cased (same length, quotes kept): made here once, read by the resolver


def split_statements(text: str, quote_spans: tuple[tuple[int, int], ...]) -> list[Statement]:
    """All non-blank statements of `text`, in order."""
    starts = [s for s, _ in quote_spans]
    statements: list[Statement] = []
    pos = 0
    length = len(text)
    while pos < length:
        end = _statement_end(text, pos, quote_spans, starts)
        for piece_start, piece_end in _inline_pieces(text, pos, end, quote_spans, starts):
            stmt = _make_statement(text, piece_start, piece_end, quote_spans, starts)
            if stmt is not None:
                statements.append(stmt)
        pos = end + 1
    return statements


def _quote_covering(pos: int, spans: tuple[tuple[int, int], ...], starts: list[int]) -> tuple[int, int] | None:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i]
    return None


def _statement_end(text: str, pos: int, spans: tuple[tuple[int, int], ...], starts: list[int]) -> int:
    """Offset of the line break that ends the statement starting at `pos` (or len(text))."""
    while True:
        nl = text.find("\n", pos)
        if nl == -1:
            return len(text)
        inside = _quote_covering(nl, spans, starts)
        if inside is None:
            return nl
        pos = inside[1]


def _inline_pieces(text: str, start: int, end: int, spans, starts) -> list[tuple[int, int]]:
    # Nothing inside a quote cuts: a line that opens inside one (a line of quoted new text) is
    # only looked at after that quote ends.
    opening = _quote_covering(start, spans, starts)
    if not _MAYBE_MANY.search(text, start if opening is None else opening[1], end):
        return [(start, end)]
    cuts = [start]
    depth = 0
    pos = start
    while True:
        match = _EVENTS.search(text, pos, end)
        if match is None:
            break
        at = match.start()
        pos = match.end()
        inside = _quote_covering(at, spans, starts)
        if inside is not None:
            pos = max(pos, inside[1])
            continue
        ch = match.group()
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif ch == " ":
            cuts.append(at + 1)
        else:
            if ch in ".!":
                if _NOTE_BEFORE.search(text, max(start, at - 20), at):
                    continue
                follow = _AFTER_DOT.match(text, at + 1, end) if ch == "." else None
                if follow is None and not _NUMBER_BEFORE.search(text, max(start, at - 20), at):
                    follow = _AFTER_SENTENCE.match(text, at + 1, end)
            else:
                follow = _AFTER_COLON.match(text, at + 1, end)
            if follow is None and ch not in ".!":
                follow = _QUOTE_AFTER_COLON.match(text, at + 1, end)
                quote = _quote_covering(follow.end(), spans, starts) if follow is not None else None
                if quote is None or not _KK_WORDS_AFTER.match(text, quote[1], end):
                    follow = None
            if follow is not None and follow.end() < end:
                cuts.append(follow.end())
    cuts.append(end)
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


def make_statement(text: str, start: int, end: int, spans: tuple[tuple[int, int], ...]) -> Statement | None:
    """The statement covering text[start:end] (used to join a line broken by a hard line break)."""
    stmt = _make_statement(text, start, end, spans, [s for s, _ in spans])
    if stmt is None or "\n" not in stmt.masked:
        return stmt
    # Formula phrases are matched with single spaces between their words: the break (and the
    # indentation of the next line) is one.
    return replace(stmt, masked=_BREAK.sub(" ", stmt.masked))


def _make_statement(text: str, start: int, end: int, spans, starts) -> Statement | None:
    raw = text[start:end]
    if not raw.strip():
        return None
    lower = lower_same_length(raw)
    lowered = lower.replace("ё", "е")
    quotes: list[tuple[int, int]] = []
    parens: list[tuple[int, int]] = []
    pieces: list[str] = []
    cursor = start
    i = bisect.bisect_left(starts, start)  # a quote never straddles a statement start
    labelled = False
    while i < len(spans) and spans[i][0] < end:
        q_start, q_end = spans[i][0], min(spans[i][1], end)
        before = lowered[cursor - start:q_start - start]
        pieces.append(_mask_parens(before, cursor, parens))
        letter = _letter_label(lowered, q_start - start, q_end - start, before, labelled)
        labelled = letter is not None
        if labelled:
            pieces.append(f" {letter}) ")
        else:
            pieces.append(f" ⟦{len(quotes)}⟧ ")
            quotes.append((q_start, q_end))
        cursor = q_end
        i += 1
    pieces.append(_mask_parens(lowered[cursor - start:], cursor, parens))
    masked = _number_parens("".join(pieces))
    return Statement(start=start, end=end, masked=masked, quotes=tuple(quotes), parens=tuple(parens), lower=lower)


_LETTER_QUOTE = re.compile(r"[\"«]\s*([а-яёәғқңөұүһі])\s*\)?\s*[\"»]?")
_LIST_GLUE = re.compile(r"\s*(?:,|и|және)?\s*")


def _letter_label(lowered: str, q_start: int, q_end: int, before: str, after_label: bool) -> str | None:
    """The letter of a quoted label ("подпункт «б»", "подпункты «а» и «б»", "«а» тармақшасы"):
    it numbers a unit, it is not quoted text. None for any other quote."""
    found = _LETTER_QUOTE.fullmatch(lowered, q_start, q_end)
    if found is None:
        return None
    if after_label and _LIST_GLUE.fullmatch(before):
        return found.group(1)
    ru, kk = _unit_words()
    if ru.search(before[-40:]) or kk.match(lowered, q_end):
        return found.group(1)
    return None


@cache
def _unit_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A unit noun just before a quote (Russian word order) or just after it (Kazakh)."""
    from checker.parsing.vocabulary import load_vocabulary

    vocab = load_vocabulary()
    return (recache.compile(rf"(?<![\w-])(?:{vocab.ru_unit_regex()}|{'|'.join(vocab.shared_unit_forms()) or '(?!x)x'})\s*$"),
            recache.compile(rf"\s*{vocab.kk_unit_regex(exclude_shared=False)}"))


_PAREN_MARK = "\u0001"
_PAREN = re.compile(r"[()]")


def _mask_parens(chunk: str, offset: int, found: list[tuple[int, int]]) -> str:
    """Replace balanced (…) groups of `chunk` by a mark; record their spans.

    Only the parentheses are visited (a regex jumps between them), not every character.
    """
    if "(" not in chunk:
        return chunk
    out: list[str] = []
    depth = 0
    open_at = 0
    last = 0
    for match in _PAREN.finditer(chunk):
        i = match.start()
        if match.group() == "(":
            if depth == 0:
                open_at = i
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                out.append(chunk[last:open_at])
                out.append(f" {_PAREN_MARK} ")
                found.append((offset + open_at, offset + i + 1))
                last = i + 1
    out.append(chunk[last:])
    return "".join(out)


def _number_parens(masked: str) -> str:
    if _PAREN_MARK not in masked:
        return masked
    parts = masked.split(_PAREN_MARK)
    return "".join(part + (f"⦅{n}⦆" if n < len(parts) - 1 else "") for n, part in enumerate(parts))
