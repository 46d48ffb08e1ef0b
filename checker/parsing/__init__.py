"""read → normalize → parse → resolve: a Document in, a ParseResult out."""

from __future__ import annotations

import bisect

from checker.budgets import DRAFT_MAX_STATEMENTS
from checker.errors import InputError
from checker.language import unsupported_script
from checker.morph import detect_language
from checker.model import Document, ParseResult, SourceLine
from checker.normalize import lower_same_length, normalize
from checker.parsing.quotes import scan_quotes
from checker.parsing.resolve import Located, Resolver
from checker.parsing.segment import Statement, split_statements
from checker.parsing.statements import ParsedStatement, parse_statement

__all__ = ["parse_document", "parse_text"]


class _Positions:
    """Maps normalized offsets to the user's (line number, column)."""

    def __init__(self, doc: Document, norm) -> None:
        self.norm = norm
        self.numbers = [line.number for line in doc.lines]
        self.starts = []
        pos = 0
        for line in doc.lines:
            self.starts.append(pos)
            pos += len(line.text) + 1

    def at(self, norm_pos: int) -> tuple[int, int]:
        orig = self.norm.to_original(norm_pos)
        index = max(0, bisect.bisect_right(self.starts, orig) - 1)
        if not self.numbers:
            return 1, 0
        return self.numbers[index], orig - self.starts[index]


def parse_text(text: str, path: str = "<text>") -> ParseResult:
    lines = tuple(SourceLine(number=i + 1, text=t) for i, t in enumerate(text.split("\n")))
    return parse_document(Document(path=path, lines=lines))


def parse_document(doc: Document) -> ParseResult:
    original = "\n".join(line.text for line in doc.lines)
    reason = unsupported_script(original)
    if reason:
        raise InputError(reason, location=doc.path)
    norm = normalize(original)
    text = norm.text
    positions = _Positions(doc, norm)
    scan = scan_quotes(text)
    stray = sorted(scan.stray)
    resolver = Resolver()
    resolver.language = detect_language(text)
    statements = split_statements(text, scan.spans)
    if len(statements) > DRAFT_MAX_STATEMENTS:  # each costs the grammar's time: refuse up front
        raise InputError(f"the draft is too long (more than {DRAFT_MAX_STATEMENTS:,} statements "
                         "to parse)", location=doc.path,
                         hint="split it into several drafts and check them together")
    for statement in statements:
        parsed = parse_statement(statement.masked)
        if parsed.kind == "error" and _holds(stray, statement):
            parsed = ParsedStatement(kind="error", error="a quotation mark opened here is never closed")
        resolver.feed(_locate(statement, parsed, text, original, norm, positions))
    resolver.finish()
    title = " ".join(resolver.title_parts) or None
    return ParseResult(path=doc.path, language=resolver.language, title=title,
                       amendments=tuple(resolver.amendments), unparsed=tuple(resolver.unparsed),
                       frame=tuple(resolver.frame), lines=doc.lines)


def _holds(stray: list[int], statement: Statement) -> bool:
    i = bisect.bisect_left(stray, statement.start)
    return i < len(stray) and stray[i] < statement.end


def _locate(st: Statement, parsed: ParsedStatement, text: str, original: str, norm, positions: _Positions) -> Located:
    raw = text[st.start:st.end]
    start = st.start + len(raw) - len(raw.lstrip())
    last = st.start + len(raw.rstrip()) - 1
    line, col = positions.at(start)
    end_line, _ = positions.at(max(start, last))
    o_start, o_end = norm.to_original(st.start), norm.to_original(max(st.start, st.end - 1)) + 1
    quote_text: list[str] = []
    quote_pos: list[tuple[int, int]] = []
    for q_start, q_end in st.quotes:
        inner_start = q_start + 1
        inner_end = q_end - 1 if q_end - 1 > q_start and text[q_end - 1] in '"»' else q_end
        a = norm.to_original(inner_start)
        b = norm.to_original(inner_end - 1) + 1 if inner_end > inner_start else a
        quote_text.append(original[a:b])
        quote_pos.append(positions.at(inner_start))
    return Located(parsed=parsed, line=line, end_line=end_line, col=col,
                   lower=lower_same_length(raw), original=original[o_start:o_end],
                   quote_text=quote_text, quote_pos=quote_pos)
