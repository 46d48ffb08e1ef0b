"""Act names as published pages print them: padded spaces, other states' acts, dates in derived slugs."""

from __future__ import annotations

from checker.parsing import parse_text
from checker.parsing.acts import derived_slug, recognize_act


def test_runs_of_spaces_inside_a_name_count_as_one() -> None:
    entry = recognize_act("1. 1997 жылғы 16 шілдедегі қазақстан республикасының қылмыстық  кодексіне:", "1997-07-16")
    assert entry is not None and entry.slug == "criminal-code-1997"


def test_an_act_of_another_state_is_not_a_kazakh_act() -> None:
    assert recognize_act("статья 1. внести в налоговый кодекс российской федерации следующие изменения:") is None
    # a Kazakh act whose quoted title names another state stays Kazakh
    entry = recognize_act('1. в уголовный кодекс республики казахстан "о договоре с российской федерацией":')
    assert entry is not None and entry.slug == "criminal-code"


def test_foreign_code_gets_a_derived_code_slug_and_its_instructions() -> None:
    result = parse_text("Статья 1. Внести в Налоговый кодекс Российской Федерации следующие изменения:\n"
                        "1. В статье 12:\nв пункте 1 слова \"и сбора\" исключить;\n")
    assert [a.operation for a in result.amendments] == ["delete_words"]
    act = result.amendments[0].act
    assert act.slug.startswith("code:") and act.slug != "tax-code"
    assert result.amendments[0].target.article == "12"


def test_derived_slug_holds_the_date_once_not_its_words() -> None:
    slug = derived_slug("1997 жылғы 16 шілдедегі қазақстан республикасының омарта кодексіне", "1997-07-16")
    assert slug == "code:omarta-1997-07-16"
    slug = derived_slug("в закон республики казахстан от 9 марта 2005 года", "2005-03-09")
    assert "marta" not in slug and slug.endswith("-2005-03-09")


def test_russian_ordinal_before_the_unit() -> None:
    result = parse_text("1. В Уголовный кодекс Республики Казахстан от 3 июля 2014 года:\n1) в статье 7:\n"
                        "в третьем абзаце пункта 4 слова \"и сбора\" исключить;\n")
    assert len(result.amendments) == 1, result.unparsed
    target = result.amendments[0].target
    assert (target.article, target.paragraph, target.indent) == ("7", "4", "3")
