"""The quote state machine: where every top-level quoted text starts and ends.

While a quote is open nothing is an instruction, so this runs over the whole document before
any statement is parsed. Straight quotes are ambiguous ("… "Омарта туралы" Заңды …" nests
them), so each one is classed as opening or closing by its neighbours, falling back on the
current depth. Only quote characters and line breaks are visited (a regex jumps between them),
which keeps a 20 MB draft fast.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass

_EVENTS = re.compile(r'[«»"\n]')
# A quote opened in the middle of an instruction line (quoted words "X") normally closes on the
# same line; one still open after this many lines was a stray character, not a quote.
MAX_INLINE_QUOTE_LINES = 3


@dataclass(frozen=True)
class QuoteScan:
    spans: tuple[tuple[int, int], ...]  # top-level quoted texts, [start, end) incl. the quote marks
    stray: tuple[int, ...]  # offsets of quote marks that open a quote never closed
    # quotes never closed that were taken up to where the text plainly goes on: (open, end)
    recovered: tuple[tuple[int, int], ...] = ()


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _straight_quote_opens(text: str, pos: int, depth_top_is_straight: bool) -> bool:
    prev = text[pos - 1] if pos > 0 else " "
    nxt = text[pos + 1] if pos + 1 < len(text) else " "
    looks_opening = (prev.isspace() or prev in '(«:-/["') and not nxt.isspace() and nxt not in '";,.'
    looks_closing = not prev.isspace() and (nxt.isspace() or nxt in ".,;:)»!?-" or nxt == '"')
    if looks_opening and not looks_closing:
        return True
    if looks_closing and not looks_opening:
        return not depth_top_is_straight  # a closing-looking quote with nothing open opens
    return not depth_top_is_straight


@dataclass(slots=True)
class _Quote:
    """A closed quote, kept while it may still become top-level (see `_Reread`)."""

    pos: int
    char: str  # the opening mark: « or "
    line: int  # line breaks seen before it opened
    end: int  # offset after the closing mark
    end_line: int
    inside: list[_Quote] | None  # quotes closed directly inside it
    cut: list[_Quote] | None  # quotes still open inside it when it closed, bottom first


Recover = Callable[[str, int], "int | None"]


def scan_quotes(text: str, recover: Recover | None = None) -> QuoteScan:
    """Find the top-level quote spans of `text`; unbalanced openings are reported as stray.

    One pass over the quote marks and line breaks, linear in their number. A top-level quote
    that turns out to be stray (never closed, or an inline one still open after
    MAX_INLINE_QUOTE_LINES lines) is dropped from the bottom of the stack and what it held is
    read again as if it had not been there: the quotes closed directly inside it become
    top-level, the quote opened directly inside it becomes the top-level one. That is what
    scanning again from right after the stray mark gives, without scanning again.

    With `recover`, a quote that never closes is still a quoted text: `recover(text, open_at)`
    says where the text plainly goes on (the start of the next instruction line, or the end of
    the text); the quote is taken up to there, and what lies after is read as if scanning
    started afresh at that point: quotes opened inside the recovered text are part of it, those
    closed after it are read again. When it returns None the mark stays a stray character.
    """
    spans: list[tuple[int, int]] = []
    stray: list[int] = []
    reread = _Reread(text, recover, spans, stray)
    # The open quotes, bottom first, as columns (a million unclosed marks stay small);
    # [base:] are open, [:base] were dropped as stray.
    at = array("q")
    lines = array("q")
    chars: list[str] = []
    held: list[list[_Quote] | None] = []  # quotes closed directly inside each open one
    base = 0
    inline_at, inline = -1, False  # _opens_inline of the bottom, asked once per bottom
    line = 0

    def give_up_bottom() -> None:
        """The bottom quote is stray; so are those above it that a recovered text swallowed."""
        nonlocal base
        reread.stray_quote(at[base], held[base])
        held[base] = None
        base += 1
        while base < len(at) and at[base] < reread.after:
            reread.read(held[base])
            held[base] = None
            base += 1

    for match in _EVENTS.finditer(text):
        ch = match.group()
        pos = match.start()
        if ch == "\n":
            line += 1
            while base < len(at) and line - lines[base] >= MAX_INLINE_QUOTE_LINES:
                if inline_at != at[base]:
                    inline_at, inline = at[base], _opens_inline(text, at[base])
                if not inline:
                    break
                give_up_bottom()
            continue
        if pos < reread.after:
            continue  # inside a recovered quotation: read afresh from where it ends
        if ch == "«":
            opens = True
        elif ch == "»":
            opens = False
        else:
            opens = _straight_quote_opens(text, pos, len(at) > base and chars[-1] == '"')
        if opens:
            if base and base == len(at):
                del at[:], lines[:], chars[:], held[:]
                base = 0
            at.append(pos)
            lines.append(line)
            chars.append(ch)
            held.append(None)
            continue
        if base == len(at):
            continue  # a closing mark with nothing open: a stray closing quote, ignore it
        closer = "«" if ch == "»" else '"'
        # Pop to the matching opener; mismatched typography («…") is tolerated.
        cut: list[_Quote] | None = None
        while chars[-1] != closer and len(at) - base > 1:
            cut = cut or []
            cut.append(_Quote(at.pop(), chars.pop(), lines.pop(), pos + 1, line, held.pop(), None))
        quote = _Quote(at.pop(), chars.pop(), lines.pop(), pos + 1, line, held.pop(),
                       cut[::-1] if cut else None)
        if len(at) > base:
            if held[-1] is None:
                held[-1] = []
            held[-1].append(quote)  # type: ignore[union-attr]
        else:
            spans.append((quote.pos, quote.end))
    while base < len(at):  # never closed: stray, and what each held is read again
        give_up_bottom()
    spans.sort()
    return QuoteScan(spans=tuple(spans), stray=tuple(sorted(stray)),
                     recovered=tuple(sorted(reread.recovered)))


class _Reread:
    """What a stray quote held, read again as if the stray mark had not been there.

    The quotes closed directly inside it become top-level; its closing mark, if it had one,
    closes the first quote still open inside it (the one it cut off), as a mismatched closing
    mark closes the only open quote. Such a quote, now top-level, is held to the inline limit
    like any other: one opened mid-line that stayed open MAX_INLINE_QUOTE_LINES lines is stray
    as well, and what it held is read again in turn. A stray quote that `recover` takes up to
    where the text goes on swallows what opens before that point (`after`): what those held
    after it is read again, as scanning afresh from there would.
    """

    def __init__(self, text: str, recover: Recover | None, spans: list[tuple[int, int]],
                 stray: list[int]) -> None:
        self.text = text
        self.recover = recover
        self.spans = spans
        self.stray = stray
        self.recovered: list[tuple[int, int]] = []
        self.after = 0  # quotes that open before this offset lie inside a recovered quotation

    def stray_quote(self, pos: int, inside: list[_Quote] | None) -> None:
        """The quote opened at `pos` is stray: recovered, else dropped; then what it held is read."""
        self.read(self._give_up(pos, inside, None))

    def read(self, quotes: list[_Quote] | None) -> None:
        pending = list(reversed(quotes or ()))  # a stack, not recursion: strays nest deep
        while pending:
            quote = pending.pop()
            cut = _first_cut(quote)
            if quote.pos < self.after:  # swallowed: what it held after the recovered text is read
                pending.extend(reversed([*(quote.inside or ()), *([cut] if cut is not None else [])]))
            elif not _stayed_open_inline(quote, quote.end_line, self.text):
                self.spans.append((quote.pos, quote.end))
            else:
                pending.extend(reversed(self._give_up(quote.pos, quote.inside, cut)))

    def _give_up(self, pos: int, inside: list[_Quote] | None, cut: _Quote | None) -> list[_Quote]:
        end = self.recover(self.text, pos) if self.recover is not None else None
        shared = _shared_close(self.text, pos, inside)
        if shared is not None and (end is None or end >= shared.end):
            # '"О внесении … в Указ …, "О выборах …", опубликованный …': the title quoted inside
            # a title ends both, and straight quotes write the two closing marks as one
            self.spans.append((pos, shared.end))
            return [*(inside or ())[1:], *([cut] if cut is not None else [])]
        self.stray.append(pos)
        if end is not None and end > pos + 1:
            self.spans.append((pos, end))
            self.recovered.append((pos, end))
            self.after = max(self.after, end)
        return [*(inside or ()), *([cut] if cut is not None else [])]


def _shared_close(text: str, pos: int, inside: list[_Quote] | None) -> _Quote | None:
    """The quote whose closing mark also closes the straight quote opened at `pos`, if any.

    A straight quote opened mid-line that never closes, whose first quote closed inside it is
    straight, on the same line, and ends it ('"… Указ …, "О выборах …", …' / '"… Президентінің
    "… туралы" 1995 …'): nested straight quotes lose one of their two closing marks ('""' → '"').
    A quote opened after ':' (new text cut short) never shares a mark: it runs on.
    """
    if not inside or text[pos] != '"' or not _opens_inline(text, pos):
        return None
    first = inside[0]
    if first.char != '"' or text.find("\n", pos, first.end) != -1:
        return None
    return first


def _first_cut(quote: _Quote) -> _Quote | None:
    """The quote `quote` cut off (bottom of those still open inside it), closed by its mark."""
    if not quote.cut:
        return None
    first, *rest = quote.cut
    return _Quote(first.pos, first.char, first.line, quote.end, quote.end_line, first.inside,
                  rest or None)


def _stayed_open_inline(quote: _Quote, until_line: int, text: str) -> bool:
    return until_line - quote.line >= MAX_INLINE_QUOTE_LINES and _opens_inline(text, quote.pos)


def _opens_inline(text: str, pos: int) -> bool:
    """True when the quote opens mid-line and not right after a colon (quoted words "X").

    Looks back only over the spaces before the mark: linear over a document however many
    quotes one line holds.
    """
    i = pos - 1
    while i >= 0 and text[i] != "\n" and text[i].isspace():
        i -= 1
    return i >= 0 and text[i] != "\n" and text[i] != ":"
