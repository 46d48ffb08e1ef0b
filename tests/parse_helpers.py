"""Helpers for parser tests: wrap instruction lines in a minimal bill and summarise records."""

from __future__ import annotations

from checker.model import Amendment, ParseResult
from checker.parsing import parse_text

KK_HEADER = "1. 2014 жылғы 3 шілдедегі Қазақстан Республикасының Қылмыстық кодексіне:"
RU_HEADER = "1. В Уголовный кодекс Республики Казахстан от 3 июля 2014 года:"


def parse_lines(lines: list[str], lang: str = "kk") -> ParseResult:
    header = KK_HEADER if lang == "kk" else RU_HEADER
    return parse_text("\n".join([header, *lines]) + "\n", path="t.txt")


def summary(a: Amendment) -> tuple:
    """(operation, article, part, paragraph, subparagraph, indent, sentence) of one record."""
    t = a.target
    return (a.operation, t.article, t.part, t.paragraph, t.subparagraph, t.indent, t.sentence)


def summaries(result: ParseResult) -> list[tuple]:
    return [summary(a) for a in result.amendments]
