"""Where a quotation that never closes plainly ends: the next instruction, act or article.

Excerpts copied from web pages stop in the middle of a quoted new text, and editing loses
closing quotes. Such a quote still holds the instruction's new text; it runs until a line that
can only belong to the bill itself: a numbered instruction ("2) 14-бап … жазылсын:"), a scope
("3) 5-бапта:"), the next act header ("2. … Заңына:", "В Закон … :"), the bill's next article
("2-бап. Осы Заң … қолданысқа енгізіледі.") — or the end of the text.
"""

from __future__ import annotations

import re

from checker.normalize import lower_same_length
from checker.parsing import frame
from checker.parsing.acts import recognize_act
from checker.parsing.formula import looks_targeted
from checker.parsing.quotes import scan_quotes
from checker.parsing.segment import split_statements
from checker.parsing.statements import parse_statement

_ITEM_START = re.compile(r"\s*\d+(?:-\d+)*\)\s")


def recovery_end(text: str, open_at: int) -> int:
    """Offset where the quote opened at `open_at` is taken to end (a line break, or len(text)).

    Texts without line breaks ("…жазылсын: "5-бап. …; 2) 7-бап алып тасталсын; …") are also
    searched inside the line: after ";", "." or ":", an item "N)" that starts an instruction.
    """
    line_end = text.find("\n", open_at)
    _inline = _inline_boundary(text, open_at + 1, len(text) if line_end == -1 else line_end)
    if _inline is not None:
        return _trimmed(text, open_at, _inline)
    nl = line_end
    while nl != -1:
        start = nl + 1
        nxt = text.find("\n", start)
        line = text[start:] if nxt == -1 else text[start:nxt]
        if line.strip() and (is_boundary(line) or _wrapped_boundary(text, line, nxt)):
            return _trimmed(text, open_at, nl)
        inline = _inline_boundary(text, start, len(text) if nxt == -1 else nxt)
        if inline is not None:
            return _trimmed(text, open_at, inline)
        nl = nxt
    return _trimmed(text, open_at, len(text))


_INLINE_ITEM = re.compile(r"(?<=[;.:])[ ]+(?=\d+(?:-\d+)*\)[ ])")
_WINDOW = 2_000  # an instruction is judged on this much text after its item number


def _inline_boundary(text: str, start: int, end: int) -> int | None:
    """The offset of the first "; N) <instruction>" in text[start:end], if any."""
    for match in _INLINE_ITEM.finditer(text, start, end):
        piece = text[match.end():min(end, match.end() + _WINDOW)]
        if is_boundary(piece):
            # the ";" before the next item ends the instruction, not the quoted text
            return match.start() - 1
    return None


def _wrapped_boundary(text: str, line: str, nxt: int) -> bool:
    """A numbered instruction broken over two lines by a hard line break is a boundary too."""
    if nxt == -1 or not _ITEM_START.match(line):
        return False
    after = text.find("\n", nxt + 1)
    following = text[nxt + 1:] if after == -1 else text[nxt + 1:after]
    return is_boundary(f"{line.rstrip()} {following.strip()}")


def _trimmed(text: str, open_at: int, end: int) -> int:
    """`end` moved back over trailing white space (the quoted text ends at its last character)."""
    while end > open_at + 1 and text[end - 1].isspace():
        end -= 1
    return end


def is_boundary(line: str) -> bool:
    """True when `line` (normalized) can only be a statement of the bill, not quoted text."""
    scan = scan_quotes(line)
    if scan.stray:
        return False
    statements = split_statements(line, scan.spans)
    if not statements:
        return False
    parsed = parse_statement(statements[0].masked)
    lower = lower_same_length(line).strip()
    if parsed.kind == "instruction":
        return parsed.item is not None or lower.endswith((";", ":", "."))
    if _ITEM_START.match(line) and looks_targeted(statements[0].masked) and lower.endswith((";", ":", ".")):
        # "2) статью 49 как-нибудь поправить;": the bill's next item, in words the grammar does
        # not know; it is reported as not understood, never swallowed into the open quote
        return True
    if parsed.kind == "scope":
        return True
    if parsed.kind == "act_item":
        return lower.endswith(":") and recognize_act(lower) is not None
    if parsed.kind == "article_heading":
        return frame.matches("entry_into_force", lower) or frame.matches("amend_lead", lower)
    if parsed.kind == "free" and lower.endswith(":"):
        return frame.matches("amend_lead", lower) or (
            recognize_act(lower) is not None and frame.matches("act_header_end", lower))
    return False
