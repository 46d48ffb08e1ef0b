"""The quote state machine: where every top-level quoted text starts and ends.

While a quote is open nothing is an instruction, so this runs over the whole document before
any statement is parsed. Straight quotes are ambiguous ("… "Омарта туралы" Заңды …" nests
them), so each one is classed as opening or closing by its neighbours, falling back on the
current depth. Only quote characters and line breaks are visited (a regex jumps between them),
which keeps a 20 MB draft fast.
"""

from __future__ import annotations

import re
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


def scan_quotes(text: str, recover: Callable[[str, int], int | None] | None = None) -> QuoteScan:
    """Find the top-level quote spans of `text`; unbalanced openings are reported as stray.

    With `recover`, a quote that never closes is still a quoted text: `recover(text, open_at)`
    says where the text plainly goes on (the start of the next instruction line, or the end of
    the text); the quote is taken up to there and scanning resumes at that point. When it
    returns None the mark stays a stray character and scanning resumes right after it.
    """
    spans: list[tuple[int, int]] = []
    stray: list[int] = []
    recovered: list[tuple[int, int]] = []
    pos = 0
    while True:
        result = _scan_from(text, pos, spans)
        if result is None:
            break
        stray.append(result)
        end = recover(text, result) if recover is not None else None
        if end is not None and end > result + 1:
            spans.append((result, end))
            recovered.append((result, end))
            pos = end
            continue
        # Resume right after the stray mark, so the rest of the document is still read.
        pos = result + 1
    return QuoteScan(spans=tuple(spans), stray=tuple(stray), recovered=tuple(recovered))


def _scan_from(text: str, start: int, spans: list[tuple[int, int]]) -> int | None:
    """Scan from `start`, appending closed spans; return the offset of a bad opening, if any."""
    stack: list[str] = []
    open_at = -1
    inline = False
    lines_open = 0
    for match in _EVENTS.finditer(text, start):
        ch = match.group()
        pos = match.start()
        if ch == "\n":
            if stack:
                lines_open += 1
                if inline and lines_open >= MAX_INLINE_QUOTE_LINES:
                    return open_at
            continue
        if ch == "«":
            opens = True
        elif ch == "»":
            opens = False
        else:
            opens = _straight_quote_opens(text, pos, bool(stack) and stack[-1] == '"')
        if opens:
            if not stack:
                open_at = pos
                lines_open = 0
                inline = _opens_inline(text, pos)
            stack.append(ch)
            continue
        if not stack:
            continue  # a closing mark with nothing open: a stray closing quote, ignore it
        closer = "«" if ch == "»" else '"'
        # Pop to the matching opener; mismatched typography («…") is tolerated.
        while stack and stack[-1] != closer and len(stack) > 1:
            stack.pop()
        stack.pop()
        if not stack:
            spans.append((open_at, pos + 1))
    if stack:
        return open_at
    return None


def _opens_inline(text: str, pos: int) -> bool:
    """True when the quote opens mid-line and not right after a colon (quoted words "X")."""
    line_start = text.rfind("\n", 0, pos) + 1
    before = text[line_start:pos].rstrip()
    if not before:
        return False
    return not before.endswith(":")
