"""Quotations that never close: the instruction is still recorded, nothing after it is lost."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.parsing import parse_text
from tests.parse_helpers import parse_lines, summaries


def test_new_text_cut_by_the_end_of_the_excerpt_is_kept_with_a_warning() -> None:
    result = parse_lines([
        "1) 1-бап мынадай редакцияда жазылсын:",
        '"1-бап. Осы Заңда пайдаланылатын негізгі ұғымдар',
        "1) асыл тұқымдық куәлік - құжат;",
        "2) асыл тұқымдық құндылық - малдың т",
    ])
    assert summaries(result) == [("new_wording", "1", None, None, None, None, None)]
    new = result.amendments[0].new
    assert new.startswith("1-бап. Осы Заңда") and new.endswith("малдың т")
    assert result.unparsed == ()
    assert [(w.code, w.line, w.end_line) for w in result.warnings] == [("unclosed-quote", 3, 5)]


def test_unclosed_new_text_stops_at_the_next_numbered_instruction() -> None:
    result = parse_lines([
        "1) 5-бап мынадай редакцияда жазылсын:",
        '"5-бап. Жаңа мәтін;',
        "1) бұл жол жаңа мәтіннің ішінде;",
        '2) 7-баптағы "а" деген сөз "б" деген сөзбен ауыстырылсын;',
        "3) 9-бап алып тасталсын.",
    ])
    assert summaries(result) == [
        ("new_wording", "5", None, None, None, None, None),
        ("replace_words", "7", None, None, None, None, None),
        ("delete", "9", None, None, None, None, None),
    ]
    assert result.amendments[0].new == "5-бап. Жаңа мәтін;\n1) бұл жол жаңа мәтіннің ішінде;"
    assert result.amendments[1].line == 5
    assert [(w.line, w.end_line) for w in result.warnings] == [(3, 4)]
    assert "line 3" in result.warnings[0].message


def test_unclosed_inline_replacement_is_recorded_in_russian() -> None:
    result = parse_lines([
        "1) в статье 3:",
        'в пункте 2) слова "сто месячных" заменить словами "двести месячных расчетных, в размере',
    ], lang="ru")
    assert summaries(result) == [("replace_words", "3", None, "2", None, None, None)]
    assert result.amendments[0].old == "сто месячных"
    assert result.amendments[0].new == "двести месячных расчетных, в размере"
    assert result.warnings[0].line == 3


def test_the_next_act_header_ends_an_unclosed_quote() -> None:
    text = "\n".join([
        "Статья 1. Внести изменения в следующие законодательные акты Республики Казахстан:",
        "1. В Уголовный кодекс Республики Казахстан от 3 июля 2014 года:",
        "статью 5 изложить в следующей редакции:",
        '"Статья 5. Текст без закрывающей кавычки',
        "2. В Гражданский процессуальный кодекс Республики Казахстан от 31 октября 2015 года:",
        "статью 7 исключить.",
    ])
    result = parse_text(text)
    assert [(a.act.slug, a.operation, a.target.article) for a in result.amendments] == [
        ("criminal-code", "new_wording", "5"), ("civil-procedure-code", "delete", "7")]
    assert result.amendments[0].new == "Статья 5. Текст без закрывающей кавычки"


def test_closed_quotes_give_no_warning() -> None:
    result = parse_lines(['1) 5-бап мынадай редакцияда жазылсын:', '"5-бап. Мәтін.";'])
    assert result.warnings == ()
    assert len(result.amendments) == 1


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    '1) 5-бап мынадай редакцияда жазылсын:', '"5-бап. Мәтін', '2) 7-бап алып тасталсын;',
    '"а" деген сөз "б', 'мәтін жалғасады;', '3) 8-баптағы "а" деген сөз алып тасталсын;', '»', '«',
]), min_size=1, max_size=12))
def test_every_line_is_still_accounted_for(lines: list[str]) -> None:
    result = parse_lines(lines)
    covered: set[int] = set()
    for record in (*result.amendments, *result.unparsed, *result.frame):
        covered.update(range(record.line, record.end_line + 1))
    for w in result.warnings:
        covered.update(range(w.line, w.end_line + 1))
    assert set(range(1, len(lines) + 2)) <= covered


def test_a_wrapped_instruction_line_still_ends_an_unclosed_quote() -> None:
    result = parse_lines([
        "1) 5-бап мынадай редакцияда жазылсын:",
        '"5-бап. Жаңа мәтін;',
        '2) 7-баптағы "а" деген сөз "б" деген',
        "сөзбен ауыстырылсын.",
    ])
    assert summaries(result) == [("new_wording", "5", None, None, None, None, None),
                                 ("replace_words", "7", None, None, None, None, None)]
    assert result.amendments[0].new == "5-бап. Жаңа мәтін;"


def test_the_text_report_shows_where_the_quote_opened(tmp_path) -> None:
    from click.testing import CliRunner

    from checker.cli import main

    path = tmp_path / "cut.txt"
    path.write_text("1. В Уголовный кодекс Республики Казахстан от 3 июля 2014 года:\n"
                    "1) статью 5 изложить в следующей редакции:\n\"Статья 5. Текст без конца\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["check", str(path), "--lang", "ru"])
    assert out.exit_code == 0
    assert f"{path}:3: кавычка, открытая в строке 3, не закрыта" in out.output
    data = CliRunner().invoke(main, ["parse", str(path), "--format", "json"]).output
    assert '"code": "unclosed-quote"' in data


def test_an_unclosed_quote_in_a_one_line_text_stops_at_the_next_item() -> None:
    from checker.parsing import parse_text

    text = ('1. 2014 жылғы 3 шілдедегі Қазақстан Республикасының Қылмыстық кодексіне: 1) 5-бап мынадай '
            'редакцияда жазылсын: "5-бап. Ұғымдар: 1) омарта - ара ұялары; 2) омарташы - ара өсіруші; '
            '2) 7-бап алып тасталсын; 3) 9-баптағы "а" деген сөз "б" деген сөзбен ауыстырылсын.')
    result = parse_text(text)
    assert summaries(result) == [("new_wording", "5", None, None, None, None, None),
                                 ("delete", "7", None, None, None, None, None),
                                 ("replace_words", "9", None, None, None, None, None)]
    assert result.amendments[0].new == "5-бап. Ұғымдар: 1) омарта - ара ұялары; 2) омарташы - ара өсіруші"
    assert [w.code for w in result.warnings] == ["unclosed-quote"]


def test_an_open_quote_stops_at_the_next_item_whose_formula_is_unknown() -> None:
    """"2) статью 49 как-нибудь поправить;" is the bill's next item, not quoted text: it ends the
    open quote and is reported as not understood (the gate then fails), instead of vanishing
    into the new text of item 1)."""
    for lang, lines in (
        ("ru", ["1) часть вторую статьи 12 изложить в следующей редакции:",
                "«2. Лесник обходит участок ежедневно.",
                "2) статью 49 как-нибудь поправить;"]),
        ("kk", ["1) 12-баптың екінші бөлігі мынадай редакцияда жазылсын:",
                "«2. Орманшы учаскені күн сайын аралайды.",
                "2) 49-бапты әйтеуір түзетіңіз;"]),
    ):
        result = parse_lines(lines, lang=lang)
        assert result.amendments[0].new.startswith("2.") and "49" not in result.amendments[0].new
        assert [u.line for u in result.unparsed] == [4]
        assert [(w.line, w.end_line) for w in result.warnings] == [(3, 3)]
