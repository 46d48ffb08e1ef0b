"""More shapes of real Kazakhstani amending acts (kk and ru), issue 13c.

The drafts are our own, written in the style of the acts; only the fixed formulas are real. Every
record is checked (operation, act, target, new text) and every line must be accounted for: a
record, an unparsed line or a frame line (nothing is lost).
"""

from __future__ import annotations

from checker.parsing import parse_text
from tests.test_grammar_ru_real import _no_line_lost

N = None


def parse(text: str):
    result = parse_text(text)
    _no_line_lost(text, result)
    return result


def rows(result) -> list[tuple]:
    """(operation, act slug, act date, target fields and flags that are set, old, new) per record."""
    out = []
    for a in result.amendments:
        target = {k: v for k, v in a.target.to_json().items() if v}
        out.append((a.operation, a.act.slug, a.act.date, target, a.old, a.new))
    return out


# ---- 1. one act amended by a decree having the force of law, items "1." ----------------------

RU_DECREE = """\
О внесении изменений и дополнений в Указ Президента Республики Казахстан, имеющий силу закона, "О пчеловодстве"

Закон Республики Казахстан от 3 марта 2001 года № 150-II

      Внести в Указ Президента Республики Казахстан, имеющий силу закона, от 5 мая 1995 г. № 2200 "О пчеловодстве" (Ведомости Верховного Совета Республики Казахстан, 1995 г., № 9, ст.50; Закон Республики Казахстан от 2 июня 1998 г. "О внесении изменения в Указ Президента Республики Казахстан, имеющий силу закона, "О пчеловодстве", опубликованный в газетах "Егемен Казакстан" и "Казахстанская правда" 4 июня 1998 г.) следующие изменения и дополнения:
      1. Заголовок изложить в следующей редакции:
      "Закон Республики Казахстан О пчеловодстве".
      2. Преамбулу исключить.
      3. В статье 4 слова "настоящий Указ" заменить словами "настоящий Закон".
      4. Статью 7 изложить в следующей редакции:
      "Статья 7. Учет пасек
      Пасеки подлежат учету.".
"""

# one line, as pages serve it, with the decree's title doubled by the page
KK_DECREE = (
    '|\n|\nҚазақстан Республикасы Президентінің "Қазақстан Республикасы Президентінің "Омарта туралы" 1995 жылғы '
    '5 мамырдағы заң күші бар № 2200 Жарлығына (Қазақстан Республикасы Жоғарғы Кеңесінің Жаршысы, 1995 ж., № 9, '
    '50-құжат; 1998 жылғы 4 маусымда "Егемен Қазақстан" газетінде жарияланған "Қазақстан Республикасының кейбір '
    'заң актілеріне өзгерістер енгізу туралы" 1998 жылғы 2 маусымдағы Қазақстан Республикасының Заңы) мынадай '
    'өзгерістер мен толықтырулар енгізілсін: 1. Тақырып мынадай редакцияда жазылсын: "Омарта туралы Қазақстан '
    'Республикасының Заңы". 2. Кіріспе алып тасталсын. 3. 4, 6-баптарда "осы Жарлық", "осы Жарлықта" деген сөздер '
    'тиісінше "осы Заң", "осы Заңда" деген сөздермен ауыстырылсын. 4. 7-бап мынадай редакцияда жазылсын: '
    '"7-бап. Омарталарды есепке алу Омарталар есепке алынуға тиіс.".\n')


def test_ru_decree_having_the_force_of_law_items_numbered_with_a_dot() -> None:
    result = parse(RU_DECREE)
    act, date = "law:o-pchelovodstve-1995-05-05", "1995-05-05"
    assert rows(result) == [
        ("new_wording", act, date, {"heading": True}, N, "Закон Республики Казахстан О пчеловодстве"),
        ("delete", act, date, {"preamble": True}, N, N),
        ("replace_words", act, date, {"article": "4"}, "настоящий Указ", "настоящий Закон"),
        ("new_wording", act, date, {"article": "7"}, N, "Статья 7. Учет пасек\n      Пасеки подлежат учету."),
    ]
    assert result.unparsed == ()
    assert [f.kind for f in result.frame] == ["title", "requisites", "act_header"]


def test_kk_decree_on_one_line_with_a_doubled_title() -> None:
    result = parse(KK_DECREE)
    act, date = "law:omarta-turaly-1995-05-05", "1995-05-05"
    assert rows(result) == [
        ("new_wording", act, date, {"heading": True}, N, "Омарта туралы Қазақстан Республикасының Заңы"),
        ("delete", act, date, {"preamble": True}, N, N),
        ("replace_words", act, date, {"article": "4"}, "осы Жарлық", "осы Заң"),
        ("replace_words", act, date, {"article": "4"}, "осы Жарлықта", "осы Заңда"),
        ("replace_words", act, date, {"article": "6"}, "осы Жарлық", "осы Заң"),
        ("replace_words", act, date, {"article": "6"}, "осы Жарлықта", "осы Заңда"),
        ("new_wording", act, date, {"article": "7"}, N, "7-бап. Омарталарды есепке алу Омарталар есепке алынуға тиіс."),
    ]
    assert result.unparsed == ()


def test_an_amending_lead_that_cannot_be_read_is_never_a_title() -> None:
    # a quote and a parenthesis that never close: the whole line is one statement
    text = ('О внесении изменений в Указ Президента Республики Казахстан, имеющий силу закона, "О пчеловодстве"\n\n'
            'Внести в Указ Президента Республики Казахстан, имеющий силу закона, от 5 мая 1995 г. № 2200 "О пчеловодстве '
            '(Ведомости Верховного Совета Республики Казахстан, 1995 г., № 9, ст.50 следующие изменения: 1. Преамбулу '
            'исключить. 2. В статье 4 слова "настоящий Указ" заменить словами "настоящий Закон".\n')
    result = parse(text)
    assert result.amendments == ()
    assert [(u.line, u.instruction) for u in result.unparsed] == [(3, True)]
    assert result.not_understood == 1 and result.looks_like_bill


def test_an_item_of_the_one_act_cut_short_is_an_instruction_not_understood() -> None:
    text = RU_DECREE.replace('      4. Статью 7', '      4. В статье 1, пункте 3 статьи 5, пунктах 1, 5\n      5. Статью 7')
    result = parse(text)
    assert [(u.line, u.instruction) for u in result.unparsed] == [(10, True)]
    assert [r[3] for r in rows(result)][-1] == {"article": "7"}


# ---- 2, 3. older Kazakh formulas; an annex of "the decree named above" -------------------------

KK_OLD_FORMULAS = """\
1. "Омарталарды есепке алу тәртібі туралы" Қазақстан Республикасы Президентінің 1997 жылғы 5 мамырдағы N 3500 Жарлығына мынадай өзгерістер мен толықтырулар енгізілсін:
жоғарыда аталған Жарлықпен бекітілген Омарталарды есепке алу тәртібі туралы ережеде:
1) 2-тармақтың б) тармақшасы алынып тасталсын;
2) 4 және 6-тармақтардағы "омарта иесі" сөздері "омарташы" сөзімен алмастырылсын;
3) 4-тармақтың үшінші абзацы:
", сондай-ақ ара ұялары" сөздерімен толықтырылсын;
4) 7-тармақ мына редакцияда жазылсын:
"7. Есеп жыл сайын жүргізіледі.".
"""


def test_kk_old_formulas_under_the_regulation_of_the_decree_named_above() -> None:
    result = parse(KK_OLD_FORMULAS)
    act, date = "bylaw:omartalardy-esepke-alu-tartibi-turaly-1997-05-05", "1997-05-05"
    assert rows(result) == [
        ("delete", act, date, {"paragraph": "2", "subparagraph": "б"}, N, N),
        ("replace_words", act, date, {"paragraph": "4"}, "омарта иесі", "омарташы"),
        ("replace_words", act, date, {"paragraph": "6"}, "омарта иесі", "омарташы"),
        ("insert_words", act, date, {"paragraph": "4", "indent": "3"}, N, ", сондай-ақ ара ұялары"),
        ("new_wording", act, date, {"paragraph": "7"}, N, "7. Есеп жыл сайын жүргізіледі."),
    ]
    assert result.amendments[3].position == "end"
    assert result.unparsed == ()
    assert [f.kind for f in result.frame] == ["act_header", "annex_scope", "scope"]


def test_kk_old_word_markers_after_and_before() -> None:
    lines = ['1. 2001 жылғы 16 шілдедегі "Омарта туралы" Қазақстан Республикасының Заңына мынадай өзгеріс енгізілсін:',
             '1) 3-баптағы "ара" сөзінен кейін ", балауыз" сөзімен толықтырылсын;',
             '2) 4-баптағы "бал" сөзінің алдынан "табиғи" сөзімен толықтырылсын.']
    result = parse("\n".join(lines) + "\n")
    act, date = "law:omarta-turaly-2001-07-16", "2001-07-16"
    assert rows(result) == [("insert_words", act, date, {"article": "3"}, "ара", ", балауыз"),
                            ("insert_words", act, date, {"article": "4"}, "бал", "табиғи")]
    assert [a.position for a in result.amendments] == ["after", "before"]


# ---- 4. a part under a point, when the scope names the point ---------------------------------

RU_POINT_PARTS = """\
Сенат Парламента Республики Казахстан ПОСТАНОВЛЯЕТ:
1. Внести в Регламент Сената Парламента Республики Казахстан, утвержденный постановлением Сената Парламента Республики Казахстан от 8 февраля 1996 года, следующие изменение и дополнение:
в пункте 40:
предложение второе части первой изложить в следующей редакции:
"Заседание ведет Председатель.";
дополнить частью третьей следующего содержания:
"Порядок голосования определяется Сенатом.".
"""

KK_POINT_PARTS = """\
Қазақстан Республикасы Парламентінің Сенаты ҚАУЛЫ ЕТЕДІ:
1. Қазақстан Республикасы Парламенті Сенатының 1996 жылғы 8 ақпандағы қаулысымен бекітілген Қазақстан Республикасы Парламенті Сенатының Регламентіне мынадай өзгеріс пен толықтыру енгізілсін:
40-тармақта:
бірінші бөліктің екінші сөйлемі мынадай редакцияда жазылсын:
"Отырысты Төраға жүргізеді.";
мынадай мазмұндағы үшінші бөлікпен толықтырылсын:
"Дауыс беру тәртібін Сенат айқындайды.".
"""


def test_ru_part_under_the_point_a_scope_names() -> None:
    result = parse(RU_POINT_PARTS)
    act = result.amendments[0].act
    assert act.slug.startswith("bylaw:") and act.date == "1996-02-08"
    assert [(r[0], (r[3], r[5])) for r in rows(result)] == [
        ("new_wording", ({"paragraph": "40", "part": "1", "sentence": "2"}, "Заседание ведет Председатель.")),
        ("supplement", ({"paragraph": "40", "part": "3"}, "Порядок голосования определяется Сенатом.")),
    ]
    assert result.unparsed == ()


def test_kk_part_under_the_point_a_scope_names() -> None:
    result = parse(KK_POINT_PARTS)
    act = result.amendments[0].act
    assert act.slug.startswith("bylaw:") and act.date == "1996-02-08"
    assert [(r[0], r[3], r[5]) for r in rows(result)] == [
        ("new_wording", {"paragraph": "40", "part": "1", "sentence": "2"}, "Отырысты Төраға жүргізеді."),
        ("supplement", {"paragraph": "40", "part": "3"}, "Дауыс беру тәртібін Сенат айқындайды."),
    ]
    assert result.unparsed == ()


def test_a_part_still_closes_a_scope_that_names_a_part() -> None:
    lines = ["1. В Закон Республики Казахстан от 16 июля 2001 года «О пчеловодстве»:",
             "в пункте 2 части первой статьи 5:", "слово «пасека» заменить словом «ферма»;",
             "часть вторую исключить."]
    result = parse("\n".join(lines) + "\n")
    assert [(r[0], r[3]) for r in rows(result)] == [
        ("replace_words", {"article": "5", "part": "1", "paragraph": "2"}),
        ("delete", {"article": "5", "part": "2"}),
    ]


# ---- 5. "изложить в новой редакции"; the heading "of the said order" --------------------------

RU_ORDER_HEADING = """\
ПРИКАЗЫВАЮ:
1. Внести в приказ Министра сельского хозяйства Республики Казахстан от 5 мая 2015 года № 100 "Об утверждении Правил учета пасек" (зарегистрирован в Реестре государственной регистрации нормативных правовых актов за № 11000) следующие изменения:
заголовок указанного приказа изложить в новой редакции:
"Об утверждении Правил учета пчелиных ферм";
пункт 1 указанного приказа изложить в новой редакции:
"1. Утвердить прилагаемые Правила учета пчелиных ферм.".
"""

KK_ORDER_HEADING = """\
БҰЙЫРАМЫН:
1. "Омарталарды есепке алу қағидаларын бекіту туралы" Қазақстан Республикасы Ауыл шаруашылығы министрінің 2015 жылғы 5 мамырдағы № 100 бұйрығына (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 11000 болып тіркелген) мынадай өзгерістер енгізілсін:
көрсетілген бұйрықтың тақырыбы мынадай редакцияда жазылсын:
"Ара фермаларын есепке алу қағидаларын бекіту туралы";
көрсетілген бұйрықтың 1-тармағы мынадай жаңа редакцияда жазылсын:
"1. Қоса беріліп отырған Ара фермаларын есепке алу қағидалары бекітілсін.".
"""


def test_ru_heading_of_the_said_order_in_a_new_wording() -> None:
    result = parse(RU_ORDER_HEADING)
    act, date = "bylaw:ob-utverzhdenii-pravil-ucheta-pasek-2015-05-05", "2015-05-05"
    assert rows(result) == [
        ("new_wording", act, date, {"heading": True}, N, "Об утверждении Правил учета пчелиных ферм"),
        ("new_wording", act, date, {"paragraph": "1"}, N, "1. Утвердить прилагаемые Правила учета пчелиных ферм."),
    ]
    assert result.unparsed == ()
    assert [f.kind for f in result.frame] == ["wrapper", "act_header"]


def test_kk_heading_of_the_said_order_in_a_new_wording() -> None:
    result = parse(KK_ORDER_HEADING)
    act, date = "bylaw:omartalardy-esepke-alu-kagidalaryn-bekitu-turaly-2015-05-05", "2015-05-05"
    assert rows(result) == [
        ("new_wording", act, date, {"heading": True}, N, "Ара фермаларын есепке алу қағидаларын бекіту туралы"),
        ("new_wording", act, date, {"paragraph": "1"}, N,
         "1. Қоса беріліп отырған Ара фермаларын есепке алу қағидалары бекітілсін."),
    ]
    assert result.unparsed == ()
    assert [f.kind for f in result.frame] == ["wrapper", "act_header"]


# ---- 6, 7, 9. the other language only; one quoted text for several units ---------------------

RU_SEVERAL_UNITS = """\
1. В Закон Республики Казахстан от 16 июля 2001 года «О пчеловодстве»:
1) по всему тексту внесены изменения на казахском языке, текст на русском языке не изменяется;
2) пункты 2, 3 и 4 статьи 5 изложить в следующей редакции:
"2. Пасеки регистрируются.
3. Регистрация бесплатна.
4. Реестр ведет уполномоченный орган.";
3) в статье 6:
дополнить подпунктами 1-2) и 15-1) следующего содержания:
«1-2) пасека – место содержания пчел;
15-1) пчеловод – владелец пасеки;».
"""

KK_SEVERAL_UNITS = """\
1. 2001 жылғы 16 шілдедегі «Омарта туралы» Қазақстан Республикасының Заңына:
1) бүкіл мәтін бойынша орыс тіліндегі мәтінге өзгерістер енгізілді, мемлекеттік тілдегі мәтін өзгермейді;
2) 5-баптың 2, 3 және 4-тармақтары мынадай редакцияда жазылсын:
"2. Омарталар тіркеледі. 3. Тіркеу тегін. 4. Тізілімді уәкілетті орган жүргізеді.";
3) 6-бап мынадай мазмұндағы 1-2) және 15-1) тармақшалармен толықтырылсын:
"1-2) омарта – аралар ұсталатын орын;
15-1) омарташы – омарта иесі;".
"""


def test_ru_language_only_and_one_text_cut_per_unit() -> None:
    result = parse(RU_SEVERAL_UNITS)
    act, date = "law:o-pchelovodstve-2001-07-16", "2001-07-16"
    assert rows(result) == [
        ("language_version_unchanged", act, date, {"throughout": True}, N, N),
        ("new_wording", act, date, {"article": "5", "paragraph": "2"}, N, "2. Пасеки регистрируются."),
        ("new_wording", act, date, {"article": "5", "paragraph": "3"}, N, "3. Регистрация бесплатна."),
        ("new_wording", act, date, {"article": "5", "paragraph": "4"}, N, "4. Реестр ведет уполномоченный орган."),
        ("supplement", act, date, {"article": "6", "subparagraph": "1-2"}, N, "1-2) пасека – место содержания пчел;"),
        ("supplement", act, date, {"article": "6", "subparagraph": "15-1"}, N, "15-1) пчеловод – владелец пасеки;"),
    ]
    assert [a.new_pos for a in result.amendments[1:4]] == [(4, 1), (5, 0), (6, 0)]
    assert result.unparsed == () and result.warnings == ()


def test_kk_language_only_and_one_text_cut_per_unit() -> None:
    result = parse(KK_SEVERAL_UNITS)
    act, date = "law:omarta-turaly-2001-07-16", "2001-07-16"
    assert rows(result) == [
        ("language_version_unchanged", act, date, {"throughout": True}, N, N),
        ("new_wording", act, date, {"article": "5", "paragraph": "2"}, N, "2. Омарталар тіркеледі."),
        ("new_wording", act, date, {"article": "5", "paragraph": "3"}, N, "3. Тіркеу тегін."),
        ("new_wording", act, date, {"article": "5", "paragraph": "4"}, N, "4. Тізілімді уәкілетті орган жүргізеді."),
        ("supplement", act, date, {"article": "6", "subparagraph": "1-2"}, N, "1-2) омарта – аралар ұсталатын орын;"),
        ("supplement", act, date, {"article": "6", "subparagraph": "15-1"}, N, "15-1) омарташы – омарта иесі;"),
    ]
    assert result.unparsed == () and result.warnings == ()


def test_a_unit_the_quoted_text_does_not_hold_gets_no_text_and_a_warning() -> None:
    text = RU_SEVERAL_UNITS.replace("«1-2) пасека – место содержания пчел;\n15-1) пчеловод – владелец пасеки;».",
                                    "«1-2) пасека – место содержания пчел;».")
    result = parse(text)
    assert [(r[3], r[5]) for r in rows(result)][-2:] == [
        ({"article": "6", "subparagraph": "1-2"}, "1-2) пасека – место содержания пчел;"),
        ({"article": "6", "subparagraph": "15-1"}, N),
    ]
    assert [(w.code, w.line) for w in result.warnings] == [("new-text-missing", 8)]


def test_texts_that_do_not_open_with_the_units_label_go_to_every_unit() -> None:
    lines = ["1. В Закон Республики Казахстан от 16 июля 2001 года «О пчеловодстве»:",
             "абзацы второй и третий пункта 2 статьи 5 изложить в следующей редакции:",
             "«пасека – место содержания пчел;».", ]
    result = parse("\n".join(lines) + "\n")
    assert [(r[3], r[5]) for r in rows(result)] == [
        ({"article": "5", "paragraph": "2", "indent": "2"}, "пасека – место содержания пчел;"),
        ({"article": "5", "paragraph": "2", "indent": "3"}, "пасека – место содержания пчел;"),
    ]


# ---- 8. the note of an article: "примечание к статье N" / "N-баптың ескертпесі" ---------------

RU_NOTES = """\
1. В Закон Республики Казахстан от 16 июля 2001 года «О пчеловодстве»:
1) примечание к статье 5 дополнить частью второй следующего содержания:
«2. Пасекой признается место содержания пчел.»;
2) примечание к пункту 2 статьи 6 изложить в следующей редакции:
«Примечание. Пасекой признается место содержания пчел.»;
3) в примечании к статье 7 слово «пасека» заменить словом «ферма».
"""

KK_NOTES = """\
1. 2001 жылғы 16 шілдедегі «Омарта туралы» Қазақстан Республикасының Заңына:
1) 5-баптың ескертпесі мынадай мазмұндағы екінші бөлікпен толықтырылсын:
«2. Аралар ұсталатын орын омарта деп танылады.»;
2) 6-баптың 2-тармағының ескертпесі мынадай редакцияда жазылсын:
«Ескертпе. Аралар ұсталатын орын омарта деп танылады.»;
3) 7-баптың ескертпесіндегі «омарта» деген сөз «ферма» деген сөзбен ауыстырылсын.
"""


def test_ru_note_to_an_article() -> None:
    result = parse(RU_NOTES)
    act, date = "law:o-pchelovodstve-2001-07-16", "2001-07-16"
    assert rows(result) == [
        ("supplement", act, date, {"article": "5", "part": "2", "note": True}, N,
         "2. Пасекой признается место содержания пчел."),
        ("new_wording", act, date, {"article": "6", "paragraph": "2", "note": True}, N,
         "Примечание. Пасекой признается место содержания пчел."),
        ("replace_words", act, date, {"article": "7", "note": True}, "пасека", "ферма"),
    ]
    assert result.unparsed == ()


def test_kk_note_of_an_article() -> None:
    result = parse(KK_NOTES)
    act, date = "law:omarta-turaly-2001-07-16", "2001-07-16"
    assert rows(result) == [
        ("supplement", act, date, {"article": "5", "part": "2", "note": True}, N,
         "2. Аралар ұсталатын орын омарта деп танылады."),
        ("new_wording", act, date, {"article": "6", "paragraph": "2", "note": True}, N,
         "Ескертпе. Аралар ұсталатын орын омарта деп танылады."),
        ("replace_words", act, date, {"article": "7", "note": True}, "омарта", "ферма"),
    ]
    assert result.unparsed == ()


# ---- a lead with its one change, before any article of the bill -------------------------------

RU_ONE_CHANGE = """\
О внесении изменения в Лесной кодекс Республики Казахстан

Внести в абзац первый пункта 2 статьи 29 Лесного кодекса Республики Казахстан от 2 июля 2003 года (Ведомости Парламента Республики Казахстан, 2003 г., № 16, ст. 140) изменение, заменив слова «десяти дней» словами «семи дней».
"""

KK_ONE_CHANGE = """\
Қазақстан Республикасының Орман кодексіне өзгеріс енгізу туралы

2003 жылғы 2 шілдедегі Қазақстан Республикасы Орман кодексінің (Қазақстан Республикасы Парламентінің Жаршысы, 2003 ж., № 16, 140-құжат) 29-бабы 2-тармағының бірінші абзацындағы "он күн" деген сөздер "жеті күн" деген сөздермен ауыстырылсын.
"""


def test_ru_lead_with_its_one_change_before_any_article() -> None:
    result = parse(RU_ONE_CHANGE)
    assert rows(result) == [("replace_words", "forest-code", "2003-07-02",
                             {"article": "29", "paragraph": "2", "indent": "1"}, "десяти дней", "семи дней")]
    assert result.unparsed == ()


def test_kk_lead_with_its_one_change_before_any_article() -> None:
    result = parse(KK_ONE_CHANGE)
    assert rows(result) == [("replace_words", "forest-code", "2003-07-02",
                             {"article": "29", "paragraph": "2", "indent": "1"}, "он күн", "жеті күн")]
    assert result.unparsed == ()


def test_a_formula_before_any_article_that_cannot_be_read_is_not_preamble() -> None:
    text = KK_ONE_CHANGE.replace("29-бабы 2-тармағының бірінші абзацындағы", "бір жеріндегі")
    result = parse(text)
    assert result.amendments == ()
    assert [(u.line, u.instruction) for u in result.unparsed] == [(3, True)]


def test_a_foreign_code_lead_with_its_change_names_the_code_not_the_old_words() -> None:
    text = ("Внести в абзац первый пункта 2 статьи 29 Лесного кодекса Российской Федерации изменение, "
            "заменив слова «десяти дней» словами «семи дней».\n")
    result = parse(text)
    assert [(a.operation, a.act.slug.startswith("code:"), "dnei" in a.act.slug) for a in result.amendments] == [
        ("replace_words", True, False)]
