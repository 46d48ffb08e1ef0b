"""Bill-level parsing: frame, act headers, scopes, ids, quotes, noise, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.model import ParseResult
from checker.parsing import parse_text
from tests.parse_helpers import summaries

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
N = None


def covered_lines(result: ParseResult) -> set[int]:
    lines: set[int] = set()
    for record in (*result.amendments, *result.unparsed, *result.frame):
        lines.update(range(record.line, record.end_line + 1))
    return lines


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*_bill.txt")))
def test_every_non_blank_line_is_frame_amendment_or_unparsed(name: str) -> None:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    result = parse_text(text, name)
    non_blank = {i + 1 for i, line in enumerate(text.split("\n")) if line.strip()}
    assert non_blank <= covered_lines(result)


def test_scopes_inherit_and_close_implicitly() -> None:
    text = "\n".join([
        "1. 2014 жылғы 3 шілдедегі Қазақстан Республикасының Қылмыстық кодексіне:",
        "22) 91-бапта:",
        "алтыншы бөлікте:",
        'екінші абзацтағы "а" деген сөз "б" деген сөзбен ауыстырылсын;',
        "жетінші бөліктің үшінші абзацы алып тасталсын;",
        "төртінші абзац алып тасталсын;",
        "23) 92-бап алып тасталсын.",
    ])
    result = parse_text(text)
    assert summaries(result) == [
        ("replace_words", "91", "6", N, N, "2", N),
        ("delete", "91", "7", N, N, "3", N),
        # the part-6 scope was closed by the line that started at part level
        ("delete", "91", N, N, N, "4", N),
        ("delete", "92", N, N, N, N, N),
    ]
    assert [a.id for a in result.amendments] == ["1.1.22.1", "1.1.22.2", "1.1.22.3", "1.1.23"]


def test_russian_scope_with_part_and_nested_lines() -> None:
    text = "\n".join([
        "1. В Уголовный кодекс Республики Казахстан от 3 июля 2014 года:",
        "9) в части четвертой статьи 91:",
        "в предложении третьем слово «улья» заменить словом «пасеки»;",
        "абзац шестой исключить;",
    ])
    assert summaries(parse_text(text)) == [
        ("replace_words", "91", "4", N, N, N, "3"),
        ("delete", "91", "4", N, N, "6", N),
    ]


def test_act_without_numbered_items_and_single_act_law() -> None:
    text = "\n".join([
        "Қазақстан Республикасының Жер кодексіне өзгеріс енгізу туралы",
        "1-бап. 2003 жылғы 20 маусымдағы Қазақстан Республикасының Жер кодексіне (Қазақстан Республикасы Парламентінің Жаршысы, 2003 ж., № 13, 99-құжат; № 15, 138-құжат) мынадай өзгеріс енгізілсін:",
        "33-баптың 8-тармағы алып тасталсын.",
        "2-бап. Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.",
    ])
    result = parse_text(text)
    (a,) = result.amendments
    assert (a.act.slug, a.act.date, a.target.article, a.target.paragraph, a.operation) == (
        "land-code", "2003-06-20", "33", "8", "delete")
    assert a.id == "1.1.1"
    assert result.unparsed == ()


def test_gazette_parenthesis_with_semicolons_and_quotes_is_one_unit() -> None:
    header = ('1. 1997 жылғы 16 сәуірдегі Қазақстан Республикасының Тұрғын үй қатынастары туралы Заңына '
              '(Қазақстан Республикасы Парламентінің Жаршысы, 1997 ж., № 8, 84-құжат; 2024 ж., № 5, 41-құжат; '
              '"Егемен Қазақстан" газетінде 1997 жылғы 20 сәуірде жарияланған "Тұрғын үй қатынастары туралы" '
              'Заңды қолданысқа енгізу туралы; "мынадай редакцияда жазылсын" деген сөздер):')
    result = parse_text(header + "\n1) 12-бап алып тасталсын;\n")
    assert [(a.act.slug, a.act.date, a.target.article) for a in result.amendments] == [
        ("law:housing-relations", "1997-04-16", "12")]
    assert result.unparsed == ()
    assert "Жаршысы" not in result.amendments[0].act.name


def test_nothing_inside_quoted_new_text_becomes_an_instruction() -> None:
    text = "\n".join([
        "1. В Уголовный кодекс Республики Казахстан от 3 июля 2014 года:",
        "1) статью 12 изложить в следующей редакции:",
        "«Статья 12. Порядок",
        "1) слова «Закона «О пчеловодстве»» заменить словами «нового закона»;",
        "2) статью 5 исключить;",
        "3) пункт 2 изложить в следующей редакции:».",
        "2) статью 13 исключить.",
    ])
    result = parse_text(text)
    assert summaries(result) == [("new_wording", "12", N, N, N, N, N), ("delete", "13", N, N, N, N, N)]
    assert result.amendments[0].new.startswith("Статья 12. Порядок\n1) слова")
    assert (result.amendments[0].line, result.amendments[0].end_line) == (2, 6)


def test_nested_straight_quotes_in_kazakh_titles() -> None:
    line = ('1) 5-баптағы "Омарта туралы" Заңды қолданысқа енгізу туралы" деген сөздер '
            '"Ара шаруашылығы туралы" Заңды қолданысқа енгізу туралы" деген сөздермен ауыстырылсын;')
    # Two quotes are unbalanced on purpose (as typed in some drafts): the parser must not invent
    # records from the pieces and must report the line.
    result = parse_text("1. Қазақстан Республикасының Қылмыстық кодексіне:\n" + line + "\n")
    assert len(result.amendments) + len(result.unparsed) >= 1
    for a in result.amendments:
        assert a.operation == "replace_words" and a.target.article == "5"


def test_properly_nested_straight_quotes() -> None:
    line = ('1) 5-баптағы ""Омарта туралы" Заң" деген сөздер ""Ара шаруашылығы туралы" Заң" деген сөздермен ауыстырылсын;')
    (a,) = parse_text("1. Қазақстан Республикасының Қылмыстық кодексіне:\n" + line + "\n").amendments
    assert (a.old, a.new) == ('"Омарта туралы" Заң', '"Ара шаруашылығы туралы" Заң')


def test_text_without_line_breaks() -> None:
    text = ("1-бап. Қазақстан Республикасының мына заңнамалық актілеріне өзгерістер енгізілсін: "
            "1. 2014 жылғы 3 шілдедегі Қазақстан Республикасының Қылмыстық кодексіне: "
            '1) 12-бап мынадай редакцияда жазылсын: "12-бап. Жаңа мәтін; 1) бірінші; 2) екінші."; '
            '2) 14-баптағы "а" деген сөз "б" деген сөзбен ауыстырылсын; '
            "3) 15-бап алып тасталсын. "
            "2-бап. Осы Заң алғашқы ресми жарияланған күнінен кейін қолданысқа енгізіледі.")
    result = parse_text(text)
    assert summaries(result) == [
        ("new_wording", "12", N, N, N, N, N),
        ("replace_words", "14", N, N, N, N, N),
        ("delete", "15", N, N, N, N, N),
    ]
    assert result.amendments[0].new == "12-бап. Жаңа мәтін; 1) бірінші; 2) екінші."
    assert [a.col for a in result.amendments] == [text.index("1) 12-бап"), text.index("2) 14-бап"), text.index("3) 15-бап")]


def test_columns_point_at_the_users_own_text_after_deleted_characters() -> None:
    text = "1. Қазақстан Республикасының Қылмыстық кодексіне:\n\u200b\u200b  2) 15-бап алып тасталсын;\n"
    (a,) = parse_text(text).amendments
    assert (a.line, a.col) == (2, 4)


def test_latin_lookalikes_and_crlf_and_number_sign() -> None:
    text = ("1. 2014 жылғы 3 шiлдедегi Қазақстан Республикасының Қылмыстық кодексiне:\r\n"
            "1) 12-баптың бiрiншi бөлiгi алып тасталсын;\r\n")
    result = parse_text(text.replace("\r\n", "\n"))
    (a,) = result.amendments
    assert (a.act.slug, a.act.date, a.target.part) == ("criminal-code", "2014-07-03", "1")


def test_unterminated_quote_is_reported_and_the_rest_still_parses() -> None:
    text = "\n".join([
        "1. Қазақстан Республикасының Қылмыстық кодексіне:",
        '1) 12-баптағы "бала деген сөз "ересек" деген сөзбен ауыстырылсын;',
        "2) 13-бап алып тасталсын;",
        "3) 14-бап алып тасталсын;",
        "4) 15-бап алып тасталсын;",
        "5) 16-бап алып тасталсын.",
    ])
    result = parse_text(text)
    assert [a.target.article for a in result.amendments][-3:] == ["14", "15", "16"]
    assert any(u.line == 2 for u in result.unparsed)


def test_malformed_instruction_is_unparsed_and_hides_nothing() -> None:
    text = "\n".join([
        "1. Қазақстан Республикасының Қылмыстық кодексіне:",
        "1) 12-бап терезеден лақтырылсын;",
        "2) 13-бап алып тасталсын.",
    ])
    result = parse_text(text)
    assert [u.line for u in result.unparsed] == [2]
    assert summaries(result) == [("delete", "13", N, N, N, N, N)]


@pytest.mark.parametrize("text", [
    # A Constitutional Court ruling reuses targets and jussives but amends nothing.
    "Қазақстан Республикасы Қылмыстық-процестік кодексінің 484-бабының екінші бөлігі Қазақстан "
    "Республикасының Конституциясына сәйкес келеді деп танылсын.\nОсы нормативтік қаулы қабылданған "
    "күнінен бастап күшіне енеді.\nПарламентке заңнаманы жетілдіру ұсынылсын.",
    "Часть вторая статьи 484 Уголовно-процессуального кодекса признана соответствующей Конституции.\n"
    "Сноска. Пункт 6 изложен в редакции Закона РК от 01.01.2024.",
])
def test_non_amending_text_yields_no_instructions(text: str) -> None:
    assert parse_text(text).amendments == ()


def test_language_and_title_and_wrapper() -> None:
    text = (EXAMPLES / "ru_service_bill.txt").read_text(encoding="utf-8")
    result = parse_text(text)
    assert result.language == "ru"
    assert result.title.startswith("О внесении изменений")
    kinds = {f.line: f.kind for f in result.frame}
    assert kinds[1] == "wrapper" and kinds[4] == "wrapper"


@pytest.mark.parametrize("text,needle", [
    ("\u0642\u0627\u0632\u0627\u0642\u0633\u062a\u0627\u0646 " * 40, "Arabic script"),
])
def test_scripts_we_cannot_read_are_refused_with_a_reason(text: str, needle: str) -> None:
    from checker.errors import InputError

    with pytest.raises(InputError) as info:
        parse_text(text, "draft.txt")
    assert needle in str(info.value) and "draft.txt" in str(info.value)


def test_act_header_straight_after_the_title_without_article_one() -> None:
    text = "\n".join([
        "О внесении изменения в Земельный кодекс Республики Казахстан",
        "1. В Земельный кодекс Республики Казахстан от 20 июня 2003 года:",
        "1) статью 98 исключить.",
    ])
    result = parse_text(text)
    assert [(a.id, a.act.slug, a.target.article) for a in result.amendments] == [("1.1.1", "land-code", "98")]
    assert result.title.startswith("О внесении изменения")


ORDER_RU = """ПРИКАЗ Министра юстиции Республики Казахстан

О внесении изменений в приказ Министра юстиции Республики Казахстан от 1 марта 2016 года № 12 «Об утверждении Правил приёма граждан»

ПРИКАЗЫВАЮ:
1. Внести в приказ Министра юстиции Республики Казахстан от 1 марта 2016 года № 12 «Об утверждении Правил приёма граждан» следующие изменения:
1) пункт 5 изложить в следующей редакции:
«5. Приём граждан ведётся ежедневно.»;
2) пункт 7 исключить.
2. Департаменту юридической службы обеспечить государственную регистрацию настоящего приказа в Министерстве юстиции Республики Казахстан.
3. Настоящий приказ вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.

Министр юстиции
Республики Казахстан
"""

ORDER_KK = """Қазақстан Республикасы Әділет министрінің БҰЙРЫҒЫ

1. «Азаматтарды қабылдау қағидаларын бекіту туралы» Қазақстан Республикасы Әділет министрінің 2016 жылғы 1 наурыздағы № 12 бұйрығына мынадай өзгерістер енгізілсін:
1) 5-тармақ мынадай редакцияда жазылсын:
«5. Азаматтарды қабылдау күн сайын жүргізіледі.»;
2) 7-тармақ алып тасталсын.
2. Заң қызметі департаменті осы бұйрықты Қазақстан Республикасы Әділет министрлігінде мемлекеттік тіркеуді қамтамасыз етсін.
3. Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.

Қазақстан Республикасының
Әділет министрі
"""


@pytest.mark.parametrize("text", [ORDER_RU, ORDER_KK], ids=["ru", "kk"])
def test_an_orders_closing_items_and_signature_are_frame(text: str) -> None:
    result = parse_text(text, "order.txt")
    assert result.unparsed == ()
    assert [a.operation for a in result.amendments] == ["new_wording", "delete"]
    assert [a.target.paragraph for a in result.amendments] == ["5", "7"]
    closing = [f.kind for f in result.frame if f.line >= len(text.splitlines()) - 5]
    assert "entry_into_force" in closing
