"""One test per grammar construct, in Kazakh and in Russian (drafting-formulas.md §2–§5)."""

from __future__ import annotations

import pytest
from lark import Lark

from checker.parsing.grammar import build_parser, grammar_text
from tests.parse_helpers import parse_lines, summaries

N = None


def test_grammar_builds_in_strict_mode_without_collisions() -> None:
    # strict=True turns every shift/reduce conflict and every regex collision
    # (interegular) into an error.
    parser = build_parser(strict=True, cache_file=False)
    assert isinstance(parser, Lark)
    assert parser.options.parser == "lalr"
    assert parser.options.lexer == "contextual"


def test_vocabulary_lives_in_tables_not_in_the_grammar_file() -> None:
    from checker.resources import grammar_dir

    structure = (grammar_dir() / "amendment.lark").read_text(encoding="utf-8")
    for word in ("жазылсын", "изложить", "ауыстырылсын", "заменить", "тармақ", "пункт"):
        assert word not in structure
    assert "жазылсын" in grammar_text() and "изложить" in grammar_text()


# (lang, instruction lines, expected (operation, article, part, paragraph, subparagraph, indent, sentence) list)
CASES = [
    # --- new wording, target chains --------------------------------------------------------
    ("kk", ['1) 87-баптың 6-тармағының 11) тармақшасы мынадай редакцияда жазылсын:', '"11) жаңа мәтін;";'],
     [("new_wording", "87", N, "6", "11", N, N)]),
    ("ru", ['1) подпункт 11) пункта 6 статьи 87 изложить в следующей редакции:', '«11) новый текст;»;'],
     [("new_wording", "87", N, "6", "11", N, N)]),
    ("kk", ['1) Кодекстің 407-бабы 5-тармағының үшінші бөлігінің 19) тармақшасы мынадай редакцияда жазылсын:', '"19) мәтін;";'],
     [("new_wording", "407", "3", "5", "19", N, N)]),
    # --- N-тармақ versus N) тармақ ------------------------------------------------------------
    ("kk", ['1) 14-тармақ алып тасталсын;'], [("delete", N, N, "14", N, N, N)]),
    ("kk", ['31) тармақ алып тасталсын;'], [("delete", N, N, "31", N, N, N)]),
    ("ru", ['1) пункт 6) исключить;'], [("delete", N, N, "6", N, N, N)]),
    # --- lists: suffix on the last element only --------------------------------------------
    ("kk", ['1) 4 және 5-тармақтар алып тасталсын;'], [("delete", N, N, "4", N, N, N), ("delete", N, N, "5", N, N, N)]),
    ("kk", ['1) 86-3, 86-4 және 112-баптар алып тасталсын;'],
     [("delete", "86-3", N, N, N, N, N), ("delete", "86-4", N, N, N, N, N), ("delete", "112", N, N, N, N, N)]),
    ("kk", ['1) 7-баптың алтыншы, жетінші және сегізінші абзацтары алып тасталсын;'],
     [("delete", "7", N, N, N, "6", N), ("delete", "7", N, N, N, "7", N), ("delete", "7", N, N, N, "8", N)]),
    ("ru", ['1) подпункты 17-1), 17-2) и 17-3) пункта 2 статьи 9 исключить;'],
     [("delete", "9", N, "2", "17-1", N, N), ("delete", "9", N, "2", "17-2", N, N), ("delete", "9", N, "2", "17-3", N, N)]),
    # --- ordinals in every case ------------------------------------------------------------
    ("kk", ['1) 118-баптың жүз тоқсан сегізінші абзацы алып тасталсын;'], [("delete", "118", N, N, N, "198", N)]),
    ("ru", ['1) в части третьей статьи 5 слово «год» заменить словом «месяц»;'], [("replace_words", "5", "3", N, N, N, N)]),
    ("ru", ['1) часть шестую статьи 118 исключить;'], [("delete", "118", "6", N, N, N, N)]),
    ("ru", ['1) абзац двадцать первый статьи 3 исключить;'], [("delete", "3", N, N, N, "21", N)]),
    # --- supplement (a new unit) --------------------------------------------------------------
    ("kk", ['1) 118-баптың алтыншы бөлігі мынадай мазмұндағы үшінші абзацпен толықтырылсын:', '"мәтін";'],
     [("supplement", "118", "6", N, N, "3", N)]),
    ("ru", ['1) часть шестую статьи 118 дополнить абзацем третьим следующего содержания:', '«текст»;'],
     [("supplement", "118", "6", N, N, "3", N)]),
    ("kk", ['1) мынадай мазмұндағы 86-3, 86-4-баптармен толықтырылсын:', '"86-3-бап. Бір";', '"86-4-бап. Екі";'],
     [("supplement", "86-3", N, N, N, N, N), ("supplement", "86-4", N, N, N, N, N)]),
    ("ru", ['1) дополнить статьями 86-3 и 86-4 следующего содержания:', '«Статья 86-3. Один»;', '«Статья 86-4. Два»;'],
     [("supplement", "86-3", N, N, N, N, N), ("supplement", "86-4", N, N, N, N, N)]),
    # --- replace, insert, delete words --------------------------------------------------------
    ("kk", ['1) 64-баптың бесінші бөлігіндегі "он төрт тәулік" деген сөздер "жеті тәулік" деген сөздермен ауыстырылсын;'],
     [("replace_words", "64", "5", N, N, N, N)]),
    ("kk", ['1) 31) тармақ "бал" деген сөзден кейін ", балауыз" деген сөзбен толықтырылсын;'],
     [("insert_words", N, N, "31", N, N, N)]),
    ("ru", ['1) пункт 31) после слова «меда» дополнить словом «, воска»;'], [("insert_words", N, N, "31", N, N, N)]),
    ("kk", ['1) 58-баптың төртінші бөлігі "тәртібі" деген сөздің алдынан ", 92, 93-баптарда" деген сөздермен толықтырылсын;'],
     [("insert_words", "58", "4", N, N, N, N)]),
    ("ru", ['1) пункт 2 статьи 4 дополнить словами «и иные лица»;'], [("insert_words", "4", N, "2", N, N, N)]),
    ("kk", ['1) 27) тармақтағы ", омарта иесі" деген сөздер алып тасталсын;'], [("delete_words", N, N, "27", N, N, N)]),
    ("ru", ['1) в пункте 27) слова «, владельца пасеки» исключить;'], [("delete_words", N, N, "27", N, N, N)]),
    ("kk", ['1) "47" деген цифрлар "53" деген цифрлармен ауыстырылсын;'], [("replace_words", N, N, N, N, N, N)]),
    # --- delete and repeal units ------------------------------------------------------------
    ("ru", ['1) абзац девятый исключить;'], [("delete", N, N, N, N, "9", N)]),
    ("ru", ['1) статью 97 исключить;'], [("delete", "97", N, N, N, N, N)]),
    ("kk", ['1) 12-баптың күші жойылды деп танылсын;'], [("repeal", "12", N, N, N, N, N)]),
    ("ru", ['1) признать утратившими силу статьи 5 и 6;'], [("repeal", "5", N, N, N, N, N), ("repeal", "6", N, N, N, N, N)]),
    # --- one language only, suspension, renumbering -------------------------------------------
    ("kk", ['6) 71-баптың бесінші бөлігінің мемлекеттік тілдегі мәтіні өзгеріссіз қалдырылсын;'],
     [("language_version_unchanged", "71", "5", N, N, N, N)]),
    ("kk", ['8) 49-баптың үшінші бөлігінде орыс тіліндегі мәтінге түзету енгізілді, мемлекеттік тілдегі мәтін өзгермейді;'],
     [("language_version_unchanged", "49", "3", N, N, N, N)]),
    ("ru", ['8) в части третьей статьи 49 текст на государственном языке не меняется;'],
     [("language_version_unchanged", "49", "3", N, N, N, N)]),
    ("ru", ['1) подпункты 3) - 5) считать соответственно подпунктами 2) - 4);'],
     [("renumber", N, N, N, "3", N, N), ("renumber", N, N, N, "4", N, N), ("renumber", N, N, N, "5", N, N)]),
    ("kk", ['1) 12-баптың қолданысы тоқтатыла тұрсын, тоқтатыла тұрған кезеңде осы бап мынадай редакцияда қолданылады деп белгіленсін:', '"12-бап. Мәтін";'],
     [("suspend", "12", N, N, N, N, N)]),
]


@pytest.mark.parametrize(("lang", "lines", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_construct(lang: str, lines: list[str], expected: list[tuple]) -> None:
    result = parse_lines(lines, lang)
    assert result.unparsed == ()
    assert summaries(result) == expected


def test_replace_keeps_old_and_new_words_with_leading_punctuation() -> None:
    result = parse_lines(['1) 31) тармақ "бал" деген сөзден кейін ", балауыз" деген сөзбен толықтырылсын;'])
    (a,) = result.amendments
    assert (a.old, a.new, a.position) == ("бал", ", балауыз", "after")


def test_insert_before_position_ru() -> None:
    result = parse_lines(['1) абзац второй статьи 17 перед словом «проверки» дополнить словом «специальной»;'], "ru")
    (a,) = result.amendments
    assert (a.old, a.new, a.position) == ("проверки", "специальной", "before")


@pytest.mark.parametrize("lang,line", [
    ("kk", '1) бүкіл мәтін бойынша "омарта", "омартаның" деген сөздер тиісінше "ара фермасы", "ара фермасының" деген сөздермен ауыстырылсын;'),
    ("ru", '1) по всему тексту слова «пасека», «пасеки» заменить соответственно словами «пчелиная ферма», «пчелиной фермы»;'),
])
def test_respective_replacement_pairs_ith_with_ith(lang: str, line: str) -> None:
    result = parse_lines([line], lang)
    pairs = [(a.old, a.new, a.target.throughout) for a in result.amendments]
    if lang == "kk":
        assert pairs == [("омарта", "ара фермасы", True), ("омартаның", "ара фермасының", True)]
    else:
        assert pairs == [("пасека", "пчелиная ферма", True), ("пасеки", "пчелиной фермы", True)]


def test_respective_lists_of_different_length_are_unparsed_not_guessed() -> None:
    result = parse_lines(['1) "а", "б" деген сөздер тиісінше "в" деген сөзбен ауыстырылсын;'])
    assert result.amendments == ()
    assert result.unparsed[0].line == 2
    assert "2 words to replace but 1" in result.unparsed[0].reason


@pytest.mark.parametrize("lang,lines", [
    ("kk", ['2) мазмұны мынадай мазмұндағы 86-3 және 86-4-баптардың тақырыптарымен толықтырылсын:',
            '"86-3-бап. Омарталарды есепке алу";', '"86-4-бап. Омарталарды тексеру";']),
    ("ru", ['2) оглавление дополнить заголовками статей 86-3 и 86-4 следующего содержания:',
            '«Статья 86-3. Учет пасек»;', '«Статья 86-4. Проверка пасек»;']),
])
def test_table_of_contents_headings(lang: str, lines: list[str]) -> None:
    result = parse_lines(lines, lang)
    assert [(a.target.toc, a.target.heading, a.target.article) for a in result.amendments] == [
        (True, True, "86-3"), (True, True, "86-4")]
    assert "86-4" in result.amendments[1].new and "86-3" not in result.amendments[1].new


def test_one_new_text_per_listed_target() -> None:
    result = parse_lines(['13) және 15) тармақтар мынадай редакцияда жазылсын:', '"13) бірінші;";', '"15) екінші.".'])
    assert [(a.target.paragraph, a.new) for a in result.amendments] == [("13", "13) бірінші;"), ("15", "15) екінші.")]


@pytest.mark.parametrize("lang,line", [
    ("kk", '1) 5-баптағы "а" деген сөз "б" деген сөзбен, "в" деген сөздер "г" деген сөздермен ауыстырылсын;'),
    ("ru", "1) в статье 5 слово «а» заменить словом «б», слова «в» заменить словами «г»;"),
])
def test_several_replacements_in_one_instruction(lang: str, line: str) -> None:
    result = parse_lines([line], lang)
    assert [(a.old, a.new, a.target.article) for a in result.amendments] == [("а", "б", "5"), ("в", "г", "5")]


@pytest.mark.parametrize("lang,lines,expected", [
    ("ru", ["1) пункт 2 статьи 610 дополнить частью второй следующего содержания:", "«Текст.»;"],
     ("supplement", "610", "2", "2", N, N, N)),
    ("kk", ["1) 610-баптың 2-тармағы мынадай мазмұндағы екінші бөлікпен толықтырылсын:", '"Мәтін.";'],
     ("supplement", "610", "2", "2", N, N, N)),
    ("ru", ["1) статью 91 дополнить статьей 91-1 следующего содержания:", "«Статья 91-1. Текст»;"],
     ("supplement", "91-1", N, N, N, N, N)),
])
def test_a_new_unit_nests_inside_its_target(lang: str, lines: list[str], expected: tuple) -> None:
    assert summaries(parse_lines(lines, lang)) == [expected]


@pytest.mark.parametrize("lang,line", [
    ("kk", '1) 5-баптың 2-тармағындағы "а" деген сөз "б" деген сөзбен ауыстырылып, "в" деген сөздерден кейін "г" деген сөздермен толықтырылсын;'),
    ("ru", "1) в пункте 2 статьи 5 слово «а» заменить словом «б», после слов «в» дополнить словами «г»;"),
])
def test_two_operations_chained_in_one_instruction(lang: str, line: str) -> None:
    result = parse_lines([line], lang)
    assert result.unparsed == ()
    assert [(a.id, a.operation, a.old, a.new, a.position, a.target.article, a.target.paragraph)
            for a in result.amendments] == [
        ("1.1.1", "replace_words", "а", "б", None, "5", "2"),
        ("1.1.1/2", "insert_words", "в", "г", "after", "5", "2"),
    ]


@pytest.mark.parametrize("lang,line", [
    ("kk", '1) 7-баптағы "а" деген сөз алып тасталып, "б" деген сөз "в" деген сөзбен ауыстырылсын;'),
    ("ru", "1) в статье 7 слово «а» исключить, слово «б» заменить словом «в»;"),
])
def test_delete_then_replace_in_one_instruction(lang: str, line: str) -> None:
    result = parse_lines([line], lang)
    assert [(a.operation, a.old, a.new) for a in result.amendments] == [
        ("delete_words", "а", None), ("replace_words", "б", "в")]


@pytest.mark.parametrize(("lang", "lines", "expected", "anchor"), [
    ("ru", ['1) статью 484 после части второй дополнить частью 2-1 следующего содержания:', '«2-1. Текст.»;'],
     ("supplement", "484", "2-1", N, N, N, N), ("484", "2")),
    ("kk", ['1) 484-бап екінші бөліктен кейін мынадай мазмұндағы 2-1-бөлікпен толықтырылсын:', '"2-1. Мәтін.";'],
     ("supplement", "484", "2-1", N, N, N, N), ("484", "2")),
    ("kk", ['1) 484-баптың екінші бөлігінен кейін мынадай мазмұндағы 2-1-бөлікпен толықтырылсын:', '"2-1. Мәтін.";'],
     ("supplement", "484", "2-1", N, N, N, N), ("484", "2")),
    # the target comes from a scope: only the unit it follows is written
    ("ru", ['1) в статье 484:', 'после части второй дополнить частью 2-1 следующего содержания:', '«2-1. Текст.»;'],
     ("supplement", "484", "2-1", N, N, N, N), ("484", "2")),
    ("kk", ['1) 484-бапта:', 'екінші бөліктен кейін мынадай мазмұндағы 2-1-бөлікпен толықтырылсын:', '"2-1. Мәтін.";'],
     ("supplement", "484", "2-1", N, N, N, N), ("484", "2")),
    ("ru", ['1) пункт 2 статьи 9 после подпункта 3) дополнить подпунктом 3-1) следующего содержания:', '«3-1) текст;»;'],
     ("supplement", "9", N, "2", "3-1", N, N), ("9", "2", "3")),
])
def test_a_new_unit_after_a_named_one_records_where_it_goes(lang: str, lines: list[str], expected: tuple,
                                                            anchor: tuple) -> None:
    result = parse_lines(lines, lang)
    assert not result.unparsed
    assert summaries(result) == [expected]
    (amendment,) = result.amendments
    assert amendment.position == "after"
    assert amendment.anchor is not None
    written = amendment.anchor.to_json()
    assert tuple(v for v in (written["article"], written["part"], written["paragraph"],
                             written["subparagraph"]) if v) == anchor
    data = amendment.to_json()
    assert data["position"] == "after" and data["anchor"] == written


def test_after_a_word_is_still_an_insertion_not_a_new_unit() -> None:
    # "после слова" / "после части": the noun decides, so an insertion keeps its meaning
    result = parse_lines(['1) в части второй статьи 5 после слова «суд» дополнить словами «или прокурор»;'], "ru")
    assert summaries(result) == [("insert_words", "5", "2", N, N, N, N)]
    assert result.amendments[0].anchor is None
