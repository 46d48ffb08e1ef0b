"""Pages saved from the legal database: the act's text only, notes kept as frame."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.errors import InputError
from checker.parsing import parse_document
from checker.reading import read_document
from checker.reading.html import read_html

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "reading"


@pytest.mark.parametrize("name,records", [
    ("adilet_like_ru.html", [("criminal-code", "new_wording", "5"), ("criminal-code", "replace_words", "7"),
                             ("criminal-code", "delete", "9")]),
    ("adilet_like_kk.html", [("criminal-code", "delete", "5"), ("criminal-code", "replace_words", "7")]),
])
def test_saved_page_parses_like_the_act(name: str, records: list[tuple]) -> None:
    document = read_document(FIXTURES / name)
    assert document.kind == "html"
    result = parse_document(document)
    assert [(a.act.slug, a.operation, a.target.article) for a in result.amendments] == records
    assert result.unparsed == ()
    notes = [f for f in result.frame if f.kind == "editorial_note"]
    assert len(notes) >= 2  # "Примечание ИЗПИ!" / "ЗҚАИ-ның ескертпесі!" and "Сноска." / "Ескерту."


@pytest.mark.parametrize("name,chrome", [
    ("adilet_like_ru.html", ["Главная", "Найти", "Просмотров", "История изменений", "document.write", "color: red"]),
    ("adilet_like_kk.html", ["Мобильдік", "Іздеу", "USD", "Жарнама", "Құжатқа қайту"]),
])
def test_menus_scripts_and_counters_are_dropped(name: str, chrome: list[str]) -> None:
    text = "\n".join(read_html((FIXTURES / name).read_bytes(), name))
    for word in chrome:
        assert word not in text


def test_a_br_inside_a_paragraph_is_a_line_break_the_parser_joins() -> None:
    lines = read_html((FIXTURES / "adilet_like_kk.html").read_bytes(), "kk.html")
    assert '2) 7-баптың 2-бөлігіндегі "сот" деген сөз' in lines
    assert '"прокурор" деген сөзбен ауыстырылсын.' in lines


@pytest.mark.parametrize("data", [b"<html><body><script>x()</script></body></html>", b"<html></html>", b"\x00\x01"])
def test_a_page_without_text_is_one_clear_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.location == str(path)


def test_html_saved_under_a_txt_name_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes((FIXTURES / "adilet_like_ru.html").read_bytes())
    assert read_document(path).kind == "html"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=400),
                 st.text(alphabet="<>/=\"' abcpdivhtmlbrАБВәқ1);:.\n", max_size=400).map(str.encode)))
def test_arbitrary_bytes_give_a_document_or_a_clear_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "any.html"
    path.write_bytes(data)
    try:
        document = read_document(path)
    except InputError as exc:
        assert exc.location == str(path) and exc.message
    else:
        assert document.lines and all(line.text.strip() for line in document.lines)
