"""Instructions broken over lines by a hard line break (PDF and web copies) are joined again.

"2) 485-баптың үшінші бөлігіндегі "алты ай" деген сөздер "бір жыл" деген" + "сөздермен
ауыстырылсын;" is one instruction. A statement that ends without ";", ":" or "." and does not
parse as a statement of the bill is joined with the next line(s) when, together, they parse as
an instruction, a scope or an act header; the joined statement keeps the user's own lines and
columns (it simply spans several lines). A line that opens an item, an act or an article of the
bill is never taken as a continuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.normalize import lower_same_length
from checker.parsing import frame
from checker.parsing.acts import names_an_act
from checker.parsing.segment import Statement, make_statement
from checker.parsing.statements import ParsedStatement, parse_statement

MAX_JOINED_LINES = 4
_JOINABLE = frozenset({"error", "free", "bare_item", "act_item"})
_STARTS_ITEM = re.compile(r"\s*(?:\d+(?:-\d+)*\)\s|\d+\.\s|\d+(?:-\d+)*\s*-\s*бап\s*\.|(?i:статья)\s+\d)")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_TERMINATED = (";", ":", ".", "!", "?")


def parsed_statements(text: str, statements: list[Statement],
                      spans: tuple[tuple[int, int], ...]) -> Iterator[tuple[Statement, ParsedStatement]]:
    """Each statement with its parse; broken lines come out joined."""
    i = 0
    count = len(statements)
    while i < count:
        st = statements[i]
        parsed = parse_statement(st.masked)
        if parsed.kind in _JOINABLE and i + 1 < count and not _terminated(text, st):
            joined = _join(text, statements, i, spans)
            if joined is not None:
                st, parsed, i = joined
        yield st, parsed
        i += 1


def _is_header(text: str, st: Statement) -> bool:
    """A line that is an act header or a lead by itself ("Внести в приказ …:") starts afresh."""
    lower = lower_same_length(text[st.start:st.end]).strip()
    return frame.matches("amend_lead", lower) or (frame.matches("act_header_end", lower) and names_an_act(lower))


def _terminated(text: str, st: Statement) -> bool:
    return text[st.start:st.end].rstrip().endswith(_TERMINATED)


def _join(text: str, statements: list[Statement], i: int, spans) -> tuple[Statement, ParsedStatement, int] | None:
    first = statements[i]
    for k in range(i + 1, min(len(statements), i + MAX_JOINED_LINES)):
        nxt = statements[k]
        gap = text[statements[k - 1].end:nxt.start + 1]
        if "\n" not in gap or _BLANK_LINE.search(gap) or _STARTS_ITEM.match(text, nxt.start):
            return None
        joined = make_statement(text, first.start, nxt.end, spans)
        if joined is None:
            return None
        parsed = parse_statement(joined.masked)
        if parsed.kind in ("instruction", "scope") or (
                parsed.kind in ("act_item", "free") and parsed.ends_with_colon and not _is_header(text, nxt)):
            return joined, parsed, k
        if _terminated(text, nxt):
            return None
    return None
