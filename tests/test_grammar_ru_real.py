"""Russian instruction shapes of real Kazakhstani amending laws, with their Kazakh twins.

The drafts are our own, written in the style of bills; only the fixed formulas are real.
Every record is checked (operation, target, act slug), and every line of a draft must be
accounted for: a record, an unparsed line or a frame line (no line is lost).
"""

from __future__ import annotations

import pytest

from checker.parsing import parse_text

N = None
LAW = "law:construction"

RU_ARTICLE_HEADER = """\
Статья 1. Внести в статью 20 Закона Республики Казахстан от 16 июля 2001 года «Об архитектурной, градостроительной и строительной деятельности в Республике Казахстан» следующие изменения:
1) пункт 2 изложить в следующей редакции:
«2. Заявление рассматривается в течение пяти рабочих дней.»;
2) дополнить пунктом 4 следующего содержания:
«4. Порядок рассмотрения определяется уполномоченным органом.»;
3) в подпункте а) пункта 3 слово «десяти» заменить словом «семи»;
пункт 5 считать пунктом 4.
Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.
"""

KK_ARTICLE_HEADER = """\
1-бап. «Қазақстан Республикасындағы сәулет, қала құрылысы және құрылыс қызметі туралы» 2001 жылғы 16 шілдедегі Қазақстан Республикасы Заңының 20-бабына мынадай өзгерістер енгізілсін:
1) 2-тармақ мынадай редакцияда жазылсын:
"2. Өтініш бес жұмыс күні ішінде қаралады.";
2) мынадай мазмұндағы 4-тармақпен толықтырылсын:
"4. Қарау тәртібін уәкілетті орган айқындайды.";
3) 3-тармақтың а) тармақшасындағы "он" деген сөз "жеті" деген сөзбен ауыстырылсын;
5-тармақ 4-тармақ болып есептелсін.
2-бап. Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.
"""

RU_ACT = "1. В Закон Республики Казахстан от 16 июля 2001 года «Об архитектурной, градостроительной и строительной деятельности в Республике Казахстан»:"
KK_ACT = "1. 2001 жылғы 16 шілдедегі «Қазақстан Республикасындағы сәулет, қала құрылысы және құрылыс қызметі туралы» Қазақстан Республикасының Заңына:"


def records(text: str) -> list[tuple]:
    result = parse_text(text)
    _no_line_lost(text, result)
    out = []
    for a in result.amendments:
        t = a.target
        out.append((a.operation, t.article, t.part, t.paragraph, t.subparagraph, t.indent, a.act.slug))
    return out


def _no_line_lost(text: str, result) -> None:
    covered: set[int] = set()
    for item in (*result.amendments, *result.unparsed, *result.frame):
        covered.update(range(item.line, item.end_line + 1))
    lines = [n for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    assert [n for n in lines if n not in covered] == []


def test_ru_header_of_one_article_gives_its_items_the_article_and_the_act() -> None:
    assert records(RU_ARTICLE_HEADER) == [
        ("new_wording", "20", N, "2", N, N, LAW),
        ("supplement", "20", N, "4", N, N, LAW),
        ("replace_words", "20", N, "3", "а", N, LAW),
        ("renumber", "20", N, "5", N, N, LAW),
    ]
    assert parse_text(RU_ARTICLE_HEADER).unparsed == ()


def test_kk_header_of_one_article_gives_its_items_the_article_and_the_act() -> None:
    assert records(KK_ARTICLE_HEADER) == [
        ("new_wording", "20", N, "2", N, N, LAW),
        ("supplement", "20", N, "4", N, N, LAW),
        ("replace_words", "20", N, "3", "а", N, LAW),
        ("renumber", "20", N, "5", N, N, LAW),
    ]
    assert parse_text(KK_ARTICLE_HEADER).unparsed == ()


def test_header_of_the_whole_act_sets_no_article() -> None:
    text = RU_ACT + "\n1) пункт 2 статьи 5 исключить;\n"
    assert records(text) == [("delete", "5", N, "2", N, N, LAW)]


def test_unnumbered_header_of_one_article() -> None:
    text = ("Внести в статью 7 Закона Республики Казахстан от 16 июля 2001 года «Об архитектурной, "
            "градостроительной и строительной деятельности в Республике Казахстан» следующее изменение:\n"
            "пункт 3 исключить.\n")
    assert records(text) == [("delete", "7", N, "3", N, N, LAW)]


CASES = [
    # --- lettered subparagraphs ------------------------------------------------------------
    ("ru", ["1) подпункт а) пункта 3 статьи 4 исключить;"], [("delete", "4", N, "3", "а", N)]),
    ("ru", ["1) в подпункте «б» пункта 3 статьи 4 слово «год» заменить словом «месяц»;"],
     [("replace_words", "4", N, "3", "б", N)]),
    ("ru", ['1) в абзаце втором подпункта "д" пункта 1 статьи 6 слова «и иные лица» исключить;'],
     [("delete_words", "6", N, "1", "д", "2")]),
    ("ru", ["1) подпункты «а» и «б» пункта 2 статьи 4 исключить;"],
     [("delete", "4", N, "2", "а", N), ("delete", "4", N, "2", "б", N)]),
    ("ru", ["1) подпункты а) и в) пункта 2 статьи 4 исключить;"],
     [("delete", "4", N, "2", "а", N), ("delete", "4", N, "2", "в", N)]),
    ("kk", ["1) 4-баптың 3-тармағының а) тармақшасы алып тасталсын;"], [("delete", "4", N, "3", "а", N)]),
    ("kk", ['1) 4-баптың 3-тармағының «б» тармақшасындағы «жыл» деген сөз «ай» деген сөзбен ауыстырылсын;'],
     [("replace_words", "4", N, "3", "б", N)]),
    # a quoted letter that is a word, not a label, stays quoted text
    ("ru", ["1) в пункте 2 статьи 4 букву «а» заменить буквой «б»;"], [("replace_words", "4", N, "2", N, N)]),
    ("kk", ['1) 4-баптың 2-тармағындағы «а» деген әріп «б» деген әріппен ауыстырылсын;'],
     [("replace_words", "4", N, "2", N, N)]),
    # --- renumbering -------------------------------------------------------------------------
    ("ru", ["1) пункт 4 статьи 9 считать пунктом 3;"], [("renumber", "9", N, "4", N, N)]),
    ("ru", ["1) части пятую и шестую статьи 9 считать соответственно частями четвертой и пятой;"],
     [("renumber", "9", "5", N, N, N), ("renumber", "9", "6", N, N, N)]),
    ("kk", ["1) 9-баптың 4-тармағы 3-тармақ болып есептелсін;"], [("renumber", "9", N, "4", N, N)]),
    ("kk", ["1) 9-баптың бесінші және алтыншы бөліктері тиісінше төртінші және бесінші бөліктер деп есептелсін;"],
     [("renumber", "9", "5", N, N, N), ("renumber", "9", "6", N, N, N)]),
    # --- the participle form of word operations ----------------------------------------------
    ("ru", ["1) в статье 5 внести изменение, заменив слова «один месяц» словами «десять дней»;"],
     [("replace_words", "5", N, N, N, N)]),
    ("ru", ["1) в пункте 2 статьи 5 внести следующие изменения, заменив слова «органа» словами «комиссии», "
            "исключив слова «и иных лиц»;"],
     [("replace_words", "5", N, "2", N, N), ("delete_words", "5", N, "2", N, N)]),
    ("ru", ["1) в статье 5 внести изменения, заменив слова «А», «Б» соответственно словами «В», «Г»;"],
     [("replace_words", "5", N, N, N, N), ("replace_words", "5", N, N, N, N)]),
    ("ru", ["1) в статье 5 внести следующие изменения:", "пункт 3 исключить;"], [("delete", "5", N, "3", N, N)]),
    ("kk", ["1) 5-бапқа мынадай өзгерістер енгізілсін:", "3-тармақ алып тасталсын;"], [("delete", "5", N, "3", N, N)]),
    # --- a one-line instruction after a numbered item inherits the item's article --------------
    ("ru", ["1) пункт 2 статьи 5 изложить в следующей редакции:", "«2. Текст.»;", "пункт 3 исключить;"],
     [("new_wording", "5", N, "2", N, N), ("delete", "5", N, "3", N, N)]),
    ("ru", ["1) подпункт 1) пункта 2 статьи 8 исключить;", "подпункт 2) исключить;"],
     [("delete", "8", N, "2", "1", N), ("delete", "8", N, "2", "2", N)]),
    ("ru", ["1) пункт 2 статьи 5 исключить;", "статью 6 исключить;"],
     [("delete", "5", N, "2", N, N), ("delete", "6", N, N, N, N)]),
    ("kk", ["1) 5-баптың 2-тармағы мынадай редакцияда жазылсын:", '"2. Мәтін.";', "3-тармақ алып тасталсын;"],
     [("new_wording", "5", N, "2", N, N), ("delete", "5", N, "3", N, N)]),
]


@pytest.mark.parametrize(("lang", "lines", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_real_shape(lang: str, lines: list[str], expected: list[tuple]) -> None:
    text = "\n".join([RU_ACT if lang == "ru" else KK_ACT, *lines]) + "\n"
    assert records(text) == [(*e, LAW) for e in expected]
    assert parse_text(text).unparsed == ()


RU_HEADER_WITH_ITS_CHANGE = """\
Статья 1. Внести в абзац первый пункта 2 статьи 20 Закона Республики Казахстан от 16 июля 2001 года «Об архитектурной, градостроительной и строительной деятельности в Республике Казахстан» изменение, заменив слова «десяти рабочих дней» словами «семи рабочих дней».
Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.
"""


def test_ru_header_holding_its_single_change_is_recorded() -> None:
    result = parse_text(RU_HEADER_WITH_ITS_CHANGE)
    assert records(RU_HEADER_WITH_ITS_CHANGE) == [("replace_words", "20", N, "2", N, "1", LAW)]
    (amendment,) = result.amendments
    assert (amendment.old, amendment.new) == ("десяти рабочих дней", "семи рабочих дней")
    assert result.unparsed == ()
    _no_line_lost(RU_HEADER_WITH_ITS_CHANGE, result)


def test_header_holding_a_change_it_cannot_read_is_an_instruction_not_understood() -> None:
    text = RU_HEADER_WITH_ITS_CHANGE.replace(
        "изменение, заменив слова «десяти рабочих дней» словами «семи рабочих дней»",
        "изменение, переписав его по-новому")
    result = parse_text(text)
    assert result.amendments == ()
    (unparsed,) = result.unparsed
    assert (unparsed.line, unparsed.instruction) == (1, True)
