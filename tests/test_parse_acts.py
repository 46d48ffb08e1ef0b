"""Acts are identified by name and date; acts outside the registry get stable derived slugs."""

from __future__ import annotations

import re

import pytest

from checker.parsing import parse_text
from checker.parsing.acts import KINDS, act_kind, act_registry, derived_slug, recognize_act


def _act_of(header: str, instruction: str = "статью 5 исключить.") -> tuple[str, str | None]:
    result = parse_text(f"{header}\n{instruction}")
    assert len(result.amendments) == 1, result.unparsed
    act = result.amendments[0].act
    return act.slug, act.date


@pytest.mark.parametrize("header,slug,date", [
    ("1. В Уголовно-процессуальный кодекс Республики Казахстан от 13 декабря 1997 года:",
     "criminal-procedure-code-1997", "1997-12-13"),
    ("1. В Уголовно-процессуальный кодекс Республики Казахстан от 4 июля 2014 года:",
     "criminal-procedure-code", "2014-07-04"),
    ("1. В Уголовно-процессуальный кодекс Республики Казахстан:", "criminal-procedure-code", None),
    ("1. В Уголовный кодекс Республики Казахстан от 16 июля 1997 года:", "criminal-code-1997", "1997-07-16"),
    ("1. В Кодекс Республики Казахстан об административных правонарушениях от 30 января 2001 года:",
     "administrative-offences-code-2001", "2001-01-30"),
    ("1. В Гражданский процессуальный кодекс Республики Казахстан от 13 июля 1999 года:",
     "civil-procedure-code-1999", "1999-07-13"),
    ("1. В Трудовой кодекс Республики Казахстан от 15 мая 2007 года:", "labour-code-2007", "2007-05-15"),
    ("1. В Кодекс Республики Казахстан от 10 декабря 2008 года «О налогах и других обязательных платежах "
     "в бюджет» (Налоговый кодекс):", "tax-code-2008", "2008-12-10"),
    ("1. В Кодекс Республики Казахстан от 25 декабря 2017 года «О налогах и других обязательных платежах "
     "в бюджет» (Налоговый кодекс):", "tax-code", "2017-12-25"),
    ("1. В Экологический кодекс Республики Казахстан от 9 января 2007 года:", "environmental-code-2007",
     "2007-01-09"),
    ("1. В Земельный кодекс Республики Казахстан от 20 июня 2003 года:", "land-code", "2003-06-20"),
])
def test_russian_codes_are_told_apart_by_date(header: str, slug: str, date: str | None) -> None:
    assert _act_of(header) == (slug, date)


@pytest.mark.parametrize("header,slug", [
    ("1. Қазақстан Республикасының Қылмыстық іс жүргізу кодексіне:", "criminal-procedure-code-1997"),
    ("1. 1997 жылғы 13 желтоқсандағы Қазақстан Республикасының Қылмыстық іс жүргізу кодексіне:",
     "criminal-procedure-code-1997"),
    ("1. 2014 жылғы 4 шілдедегі Қазақстан Республикасының Қылмыстық-процестік кодексіне:",
     "criminal-procedure-code"),
    ("1. 1999 жылғы 13 шілдедегі Қазақстан Республикасының Азаматтық іс жүргізу кодексіне:",
     "civil-procedure-code-1999"),
    ("1. 1997 жылғы 13 желтоқсандағы Қазақстан Республикасының Қылмыстық-атқару кодексіне:",
     "criminal-executive-code-1997"),
    ('1. "Қазақстан Республикасының Конституциялық Соты туралы" 2022 жылғы 5 қарашадағы Қазақстан '
     'Республикасының Конституциялық заңына:', "constitutional-law:constitutional-court"),
])
def test_kazakh_historical_names(header: str, slug: str) -> None:
    assert _act_of(header, "5-бап алып тасталсын.")[0] == slug


def test_an_unlisted_law_gets_a_stable_slug_of_kind_name_and_date() -> None:
    header = ('1. "Омарта шаруашылығы туралы" 2005 жылғы 11 мамырдағы Қазақстан Республикасының Заңына '
              '(Қазақстан Республикасы Парламентінің Жаршысы, 2005 ж., N 9, 18-құжат):')
    slug, date = _act_of(header, "5-бап алып тасталсын.")
    assert slug == "law:omarta-sharuashylygy-turaly-2005-05-11" and date == "2005-05-11"
    assert _act_of(header, "7-бап алып тасталсын.")[0] == slug  # stable
    ru = _act_of("В Закон Республики Казахстан от 9 марта 2005 года «О пчеловодстве»:")
    assert ru == ("law:o-pchelovodstve-2005-03-09", "2005-03-09")


@pytest.mark.parametrize("header,kind", [
    ("внести в приказ министра юстиции от 12 марта 2015 года № 150 «об утверждении правил»", "bylaw"),
    ('"қағидаларды бекіту туралы" үкіметінің 2014 жылғы 11 наурыздағы № 209 қаулысына', "bylaw"),
    ("әділет министрінің 2015 жылғы 12 наурыздағы № 150 бұйрығына", "bylaw"),
    ("в указ президента республики казахстан от 4 июля 2009 года № 842", "bylaw"),
    ('"омарта туралы" 2005 жылғы 11 мамырдағы қазақстан республикасының заңына', "law"),
    ('"сайлау туралы" қазақстан республикасының конституциялық заңына', "constitutional-law"),
    ("в кодекс республики казахстан «о недрах»", "code"),
    ("в конституцию республики казахстан", "constitution"),
])
def test_kind_of_an_act_comes_from_the_words_outside_its_quoted_title(header: str, kind: str) -> None:
    assert act_kind(header) == kind
    assert derived_slug(header, None).startswith(f"{kind}:")


def test_registry_is_well_formed() -> None:
    entries = act_registry()
    slugs = [e.slug for e in entries]
    assert len(slugs) == len(set(slugs))
    for entry in entries:
        assert entry.kind in KINDS
        assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in entry.dates)
        assert entry.patterns
    # every historical act shares a name with another entry or has its own, and names a date
    assert all(e.dates for e in entries if e.historical)


def test_constitution_editions() -> None:
    assert recognize_act("в конституцию республики казахстан", "1995-08-30").slug == "constitution-1995"
    assert recognize_act("в конституцию республики казахстан", None).slug == "constitution"


def test_an_old_name_with_the_current_codes_date_is_the_current_code() -> None:
    header = "1. 2014 жылғы 4 шілдедегі Қазақстан Республикасының Қылмыстық іс жүргізу кодексіне:"
    assert _act_of(header, "5-бап алып тасталсын.") == ("criminal-procedure-code", "2014-07-04")
