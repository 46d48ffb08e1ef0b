"""Property tests: arbitrary input never crashes the parser; generated instructions round-trip."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.parsing import parse_text

FORMULA_PIECES = ["1)", "2.", "1-бап.", "Статья 1.", "бап", "баптың", "тармақ", "тармақша", "статьи", "пункт",
                  "мынадай редакцияда жазылсын", "изложить в следующей редакции", "алып тасталсын",
                  "исключить", "деген сөздер", "заменить", "словами", '"', "«", "»", ":", ";", ".", "(", ")",
                  "\n", " ", "12", "3-1", "екінші", "вторую", "кодексіне", "В Закон", "және", "и", ","]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_never_crashes(text: str) -> None:
    result = parse_text(text)
    n_lines = text.count("\n") + 1
    for record in (*result.amendments, *result.unparsed, *result.frame):
        assert 1 <= record.line <= record.end_line <= n_lines


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FORMULA_PIECES), max_size=40).map(" ".join))
def test_formula_soup_never_crashes_and_loses_no_line(text: str) -> None:
    result = parse_text(text)
    covered = set()
    for record in (*result.amendments, *result.unparsed, *result.frame):
        covered.update(range(record.line, record.end_line + 1))
    non_blank = {i + 1 for i, line in enumerate(text.split("\n")) if line.strip()}
    assert non_blank <= covered


KK_ORD = {1: "бірінші", 2: "екінші", 3: "үшінші", 4: "төртінші", 5: "бесінші", 6: "алтыншы"}
RU_ORD_ACC = {1: "первую", 2: "вторую", 3: "третью", 4: "четвертую", 5: "пятую", 6: "шестую"}
RU_ORD_PREP = {1: "первой", 2: "второй", 3: "третьей", 4: "четвёртой", 5: "пятой", 6: "шестой"}
numbers = st.builds(lambda a, b: f"{a}-{b}" if b else str(a), st.integers(1, 999), st.integers(0, 9))


@settings(max_examples=200, deadline=None)
@given(article=numbers, part=st.integers(1, 6), op=st.sampled_from(["delete", "new_wording", "replace_words"]),
       lang=st.sampled_from(["kk", "ru"]), item=st.integers(1, 60))
def test_generated_instruction_round_trips(article: str, part: int, op: str, lang: str, item: int) -> None:
    if lang == "kk":
        header = "1. Қазақстан Республикасының Қылмыстық кодексіне:"
        target = f"{article}-баптың {KK_ORD[part]} бөлігі"
        body = {"delete": f"{target} алып тасталсын;",
                "new_wording": f'{target} мынадай редакцияда жазылсын:\n"{part}. Мәтін.";',
                "replace_words": f'{article}-баптың {KK_ORD[part]} бөлігіндегі "а" деген сөз "б" деген сөзбен ауыстырылсын;'}[op]
    else:
        header = "1. В Уголовный кодекс Республики Казахстан:"
        target = f"часть {RU_ORD_ACC[part]} статьи {article}"
        body = {"delete": f"{target} исключить;",
                "new_wording": f"{target} изложить в следующей редакции:\n«{part}. Текст.»;",
                "replace_words": f"в части {RU_ORD_PREP[part]} статьи {article} слово «а» заменить словом «б»;"}[op]
    result = parse_text(f"{header}\n{item}) {body}\n")
    assert result.unparsed == ()
    (a,) = result.amendments
    assert (a.operation, a.target.article, a.target.part, a.id) == (op, article, str(part), f"1.1.{item}")
