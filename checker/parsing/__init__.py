"""read → normalize → parse → resolve: a Document in, a ParseResult out."""

from __future__ import annotations

import bisect

from checker.budgets import DRAFT_MAX_STATEMENTS
from checker.errors import InputError
from checker.language import unsupported_script
from checker.morph import detect_language
from checker.model import Document, ParseResult, ParseWarning, SourceLine
from checker.normalize import normalize
from checker.translit import latin_kazakh_variant, to_cyrillic
from checker.parsing.formula import looks_like_instruction, looks_targeted
from checker.parsing.quotes import scan_quotes
from checker.parsing.recover import recovery_end
from checker.parsing.resolve import Located, Resolver
from checker.parsing.segment import Statement, split_statements
from checker.parsing.statements import ParsedStatement
from checker.parsing.wrap import parsed_statements

__all__ = ["looks_like_instruction", "looks_targeted", "parse_document", "parse_text"]


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


class _ToUser:
    """Normalized offsets → the user's offsets through a transliteration (Latin-script Kazakh)."""

    def __init__(self, norm, to_user: tuple[int, ...]) -> None:
        self.norm = norm
        self.to_user = to_user

    def to_original(self, pos: int) -> int:
        return self.to_user[min(self.norm.to_original(pos), len(self.to_user) - 1)]


def parse_document(doc: Document) -> ParseResult:
    original = "\n".join(line.text for line in doc.lines)
    notes: list[ParseWarning] = []
    quoted_source = original  # where amendment texts are cut from (same offsets as the user's)
    variant = latin_kazakh_variant(original)
    if variant is not None:
        latin = to_cyrillic(original, variant)
        norm = normalize(latin.compact)
        mapper = _ToUser(norm, latin.to_user)
        quoted_source = latin.padded
        notes.append(ParseWarning(line=1, end_line=doc.lines[-1].number if doc.lines else 1, code="transliterated",
                                  message=f"Kazakh in the Latin alphabet ({variant} variant): read through a "
                                          "transliteration to Cyrillic; lines and columns are the draft's own"))
    else:
        reason = unsupported_script(original)
        if reason:
            raise InputError(reason, location=doc.path)
        norm = mapper = normalize(original)
    text = norm.text
    positions = _Positions(doc, mapper)
    scan = scan_quotes(text, recover=recovery_end)
    recovered = {start for start, _ in scan.recovered}
    stray = sorted(pos for pos in scan.stray if pos not in recovered)
    resolver = Resolver()
    resolver.language = detect_language(text)
    statements = split_statements(text, scan.spans)
    if len(statements) > DRAFT_MAX_STATEMENTS:  # each costs the grammar's time: refuse up front
        raise InputError(f"the draft is too long (more than {DRAFT_MAX_STATEMENTS:,} statements "
                         "to parse)", location=doc.path,
                         hint="split it into several drafts and check them together")
    for statement, parsed in parsed_statements(text, statements, scan.spans):
        if parsed.kind == "error" and _holds(stray, statement):
            parsed = ParsedStatement(kind="error", error="a quotation mark opened here is never closed")
        resolver.feed(_locate(statement, parsed, text, original, quoted_source, mapper, positions))
    resolver.finish()
    title = " ".join(resolver.title_parts) or None
    warnings = tuple(notes) + tuple(_unclosed_warning(start, end, text, positions) for start, end in scan.recovered) \
        + tuple(resolver.warnings)
    return ParseResult(path=doc.path, language=resolver.language, title=title,
                       amendments=tuple(resolver.amendments), unparsed=tuple(resolver.unparsed),
                       frame=tuple(resolver.frame), lines=doc.lines, warnings=warnings)


def _unclosed_warning(start: int, end: int, text: str, positions: _Positions) -> ParseWarning:
    line, _ = positions.at(start)
    last = len(text[:end].rstrip()) - 1
    end_line, _ = positions.at(max(start, last))
    where = "the end of the text" if end >= len(text) else f"line {end_line} (the next instruction follows)"
    return ParseWarning(line=line, end_line=end_line, code="unclosed-quote",
                        message=f"the quotation opened on line {line} is never closed; its text is taken up to {where}")


def _holds(stray: list[int], statement: Statement) -> bool:
    i = bisect.bisect_left(stray, statement.start)
    return i < len(stray) and stray[i] < statement.end


def _locate(st: Statement, parsed: ParsedStatement, text: str, original: str, quoted_source: str, norm,
            positions: _Positions) -> Located:
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
        quote_text.append(quoted_source[a:b])
        quote_pos.append(positions.at(inner_start))
    return Located(parsed=parsed, line=line, end_line=end_line, col=col,
                   lower=st.lower, original=original[o_start:o_end],
                   quote_text=quote_text, quote_pos=quote_pos, masked=st.masked,
                   wants_operation=parsed.wants_operation)
