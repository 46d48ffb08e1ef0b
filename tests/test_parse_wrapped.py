"""Instructions broken over lines by a hard line break (PDF and web copies) parse as one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.parsing import parse_text
from tests.parse_helpers import parse_lines, summaries

KK_LINES = [
    "1) 484-баптың екінші бөлігі мынадай редакцияда жазылсын:",
    '"2. Жаңа мәтін.";',
    '2) 485-баптың үшінші бөлігіндегі "алты ай" деген сөздер "бір жыл" деген сөздермен ауыстырылсын;',
    "3) 486-баптың 1-тармағы алып тасталсын;",
    '4) 487-бап "сот" деген сөзден кейін ", прокурор" деген сөзбен толықтырылсын.',
]


def test_kazakh_formula_half_on_the_next_line() -> None:
    result = parse_lines([
        '2) 485-баптың үшінші бөлігіндегі "алты ай" деген сөздер "бір жыл" деген',
        "сөздермен ауыстырылсын;",
    ])
    assert summaries(result) == [("replace_words", "485", "3", None, None, None, None)]
    a = result.amendments[0]
    assert (a.line, a.end_line, a.col) == (2, 3, 0)
    assert (a.old, a.new) == ("алты ай", "бір жыл")
    assert a.old_pos == (2, 34) and a.new_pos == (2, 57)
    assert result.unparsed == ()


def test_russian_instruction_and_act_header_broken_over_lines() -> None:
    text = "\n".join([
        "1. В Уголовный кодекс Республики Казахстан",
        "от 3 июля 2014 года:",
        "1) в части второй статьи 5 слова",
        '"тяжкого" заменить словами "особо тяжкого";',
        "2) статью 7",
        "исключить.",
    ])
    result = parse_text(text)
    assert [(a.act.slug, a.act.date, a.operation, a.target.article, a.line, a.end_line) for a in result.amendments] == [
        ("criminal-code", "2014-07-03", "replace_words", "5", 3, 4),
        ("criminal-code", "2014-07-03", "delete", "7", 5, 6)]
    assert result.amendments[0].new_pos == (4, text.split("\n")[3].index("особо") )


def test_a_title_over_two_lines_is_not_joined_into_an_instruction() -> None:
    result = parse_text("О внесении изменений в Уголовный кодекс\nРеспублики Казахстан\n"
                        "1. В Уголовный кодекс Республики Казахстан от 3 июля 2014 года:\nстатью 7 исключить.")
    assert [(a.operation, a.target.article, a.line) for a in result.amendments] == [("delete", "7", 4)]
    assert result.unparsed == ()


def _wrap(line: str, cut: int) -> list[str]:
    words = line.split(" ")
    at = 1 + cut % (len(words) - 1)
    return [" ".join(words[:at]), " ".join(words[at:])]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=50), min_size=len(KK_LINES), max_size=len(KK_LINES)),
       st.lists(st.booleans(), min_size=len(KK_LINES), max_size=len(KK_LINES)))
def test_wrapping_any_instruction_line_keeps_the_records(cuts: list[int], wrap: list[bool]) -> None:
    expected = summaries(parse_lines(KK_LINES))
    lines: list[str] = []
    for line, cut, do in zip(KK_LINES, cuts, wrap):
        lines.extend(_wrap(line, cut) if do and not line.startswith('"') else [line])
    result = parse_lines(lines)
    assert summaries(result) == expected
    assert result.unparsed == ()
