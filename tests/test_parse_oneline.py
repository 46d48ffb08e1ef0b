"""A whole law served as one line gives the same records as the same text with its line breaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.model import Amendment
from checker.parsing import parse_text

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = sorted([*ROOT.glob("examples/*_bill.txt"), *ROOT.glob("tests/eval/*_eval_*.txt"),
                 *ROOT.glob("tests/holdout/*_eval_*.txt"), *ROOT.glob("tests/round3/*_eval_*.txt")])


def _key(a: Amendment) -> tuple:
    def flat(value: str | None) -> str:
        return " ".join((value or "").split())
    return (a.id, a.act.slug, a.act.date, a.operation, a.target, a.position, flat(a.old), flat(a.new))


@pytest.mark.parametrize("draft", DRAFTS, ids=[f"{p.parent.name}/{p.name}" for p in DRAFTS])
def test_one_line_text_gives_the_same_records(draft: Path) -> None:
    text = draft.read_text(encoding="utf-8")
    one_line = " ".join(line.strip() for line in text.split("\n") if line.strip())
    lined, flat = parse_text(text), parse_text(one_line)
    assert [_key(a) for a in flat.amendments] == [_key(a) for a in lined.amendments]
    assert flat.unparsed == ()


def test_one_line_records_point_into_the_line() -> None:
    text = ('1. 2014 жылғы 3 шілдедегі Қазақстан Республикасының Қылмыстық кодексіне: '
            '1) 5-бап алып тасталсын; 2) 7-баптағы "а" деген сөз "б" деген сөзбен ауыстырылсын.')
    result = parse_text(text)
    assert [(a.operation, a.line, a.col) for a in result.amendments] == [
        ("delete", 1, text.index("1) 5-бап")), ("replace_words", 1, text.index("2) 7-бап"))]
    assert result.amendments[1].new_pos == (1, text.index('б" деген сөзбен'))
