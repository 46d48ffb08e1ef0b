"""Latin-script Kazakh is transliterated through a position map, parsed and checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.parsing import parse_text
from checker.translit import CGJ, latin_kazakh_variant, to_cyrillic

ROOT = Path(__file__).resolve().parent.parent

# Cyrillic → Latin 2018 (acute accents), to make Latin drafts from our Cyrillic examples.
_TO_2018 = {"а": "a", "ә": "á", "б": "b", "в": "v", "г": "g", "ғ": "ǵ", "д": "d", "е": "e", "ё": "e", "ж": "j",
            "з": "z", "и": "ı", "й": "ı", "і": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ń",
            "о": "o", "ө": "ó", "п": "p", "р": "r", "с": "s", "т": "t", "у": "ý", "ұ": "u", "ү": "ú", "ф": "f",
            "х": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "ь": "",
            "э": "e", "ю": "ıý", "я": "ıa"}


def to_latin_2018(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        if low in _TO_2018:
            lat = _TO_2018[low]
            out.append(lat[:1].upper() + lat[1:] if ch != low else lat)
        else:
            out.append(ch)
    return "".join(out)


@pytest.mark.parametrize("text,variant,cyrillic", [
    ("«bal» degen sózden keıin «, balaýyz» degen sózben tolyqtyrylsyn; 5-bap alyp tastalsyn;",
     "2018", "«бал» деген сөзден кейін «, балауыз» деген сөзбен толықтырылсын; 5-бап алып тасталсын;"),
    ("«bal» degen sözden keıin «, balauyz» degen sözben tolyqtyrylsyn; 9-baptyñ ekinşi böligi alyp tastalsyn;",
     "2021", "«бал» деген сөзден кейін «, балауыз» деген сөзбен толықтырылсын; 9-баптың екінші бөлігі алып тасталсын;"),
    ("«bal» degen so'zden kei'in «, balay'yz» degen so'zben tolyqtyrylsyn; 9-baptyn' ekins'i bo'ligi alyp tastalsyn;",
     "2017", "«бал» деген сөзден кейін «, балауыз» деген сөзбен толықтырылсын; 9-баптың екінші бөлігі алып тасталсын;"),
])
def test_each_latin_alphabet_is_recognised_and_transliterated(text: str, variant: str, cyrillic: str) -> None:
    assert latin_kazakh_variant(text) == variant
    result = to_cyrillic(text, variant)
    assert result.compact == cyrillic
    assert len(result.padded) == len(text)
    assert result.padded.replace(CGJ, "") == cyrillic


def test_cyrillic_and_russian_and_english_are_not_latin_kazakh() -> None:
    assert latin_kazakh_variant("1) 5-бап алып тасталсын; " * 10) is None
    assert latin_kazakh_variant("The Code of the Republic of Kazakhstan dated July 4, 2014 " * 5) is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdeghijklmnopqrstuvxyzáóúýǵńıäöüūğşçñ' \n«»\"1;:.-ABSQÁÝ", max_size=120),
       st.sampled_from(["2017", "2018", "2021"]))
def test_position_map_is_monotone_and_complete(text: str, variant: str) -> None:
    result = to_cyrillic(text, variant)
    assert len(result.padded) == len(text)
    assert len(result.to_user) == len(result.compact) + 1
    assert list(result.to_user) == sorted(result.to_user)
    assert result.to_user[-1] == len(text)


def test_latin_bill_parses_with_the_users_columns() -> None:
    text = ("1. 2014 jylǵy 3 shildedegi Qazaqstan Respýblıkasynyń Qylmystyq kodeksine:\n"
            "1) 5-bap alyp tastalsyn;\n"
            "2) 7-baptaǵy «bal» degen sózden keıin «, balaýyz» degen sózben tolyqtyrylsyn.")
    result = parse_text(text)
    assert [(a.act.slug, a.operation, a.target.article, a.line, a.col) for a in result.amendments] == [
        ("criminal-code", "delete", "5", 2, 0), ("criminal-code", "insert_words", "7", 3, 0)]
    a = result.amendments[1]
    line3 = text.split("\n")[2]
    assert a.new_pos == (3, line3.index(", balaýyz")) and a.old_pos == (3, line3.index("bal»"))
    assert a.new.replace(CGJ, "") == ", балауыз" and len(a.new) == len(", balaýyz")
    assert a.instruction == line3  # the user's own words
    assert [w.code for w in result.warnings] == ["transliterated"]


@pytest.mark.parametrize("name", ["kk_justice_bill.txt", "kk_service_bill.txt"])
def test_latin_draft_gets_the_same_findings_as_its_cyrillic_original(tmp_path: Path, name: str) -> None:
    cyrillic = (ROOT / "examples" / name).read_text(encoding="utf-8")
    (tmp_path / "cyr.txt").write_text(cyrillic, encoding="utf-8")
    (tmp_path / "lat.txt").write_text(to_latin_2018(cyrillic), encoding="utf-8")
    runner = CliRunner()

    def findings(file: str) -> list[tuple]:
        out = runner.invoke(main, ["check", str(tmp_path / file), "--format", "json", "--lang", "en"])
        assert out.exit_code in (0, 1), out.output
        data = json.loads(out.output)["files"][0]
        return [(f["rule"], f["line"], f["amendment"]) for f in data["findings"]]

    cyr = findings("cyr.txt")
    assert cyr  # the example really has conflicts
    assert findings("lat.txt") == cyr


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from([
    "1. 2014 jylǵy 3 shildedegi Qazaqstan Respýblıkasynyń Qylmystyq kodeksine:", "1) 5-bap alyp tastalsyn;",
    "2) 7-baptaǵy «bal» degen sóz «bal-shyryn» degen sózben aýystyrylsyn;", "«jańa mátin", "sh", "ıa", "'",
    "3) 9-bap mynadaı redaksııada jazylsyn:", "«9-bap. Mátin.»;", "Qazaqstan Respýblıkasynyń Zańy",
]), min_size=1, max_size=10))
def test_latin_drafts_never_crash_and_point_inside_the_draft(lines: list[str]) -> None:
    text = "\n".join(lines)
    result = parse_text(text)
    for a in result.amendments:
        assert 1 <= a.line <= a.end_line <= len(lines)
        assert 0 <= a.col <= len(lines[a.line - 1])
        for pos in (a.new_pos, a.old_pos):
            if pos is not None:
                assert 0 <= pos[1] <= len(lines[pos[0] - 1])


def test_the_text_report_names_the_transliteration(tmp_path: Path) -> None:
    path = tmp_path / "lat.txt"
    path.write_text("1. 2014 jylǵy 3 shildedegi Qazaqstan Respýblıkasynyń Qylmystyq kodeksine:\n"
                    "1) 5-bap alyp tastalsyn.\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["check", str(path), "--lang", "en", "--format", "text"])
    assert out.exit_code == 0
    assert f"{path}:1: Kazakh in the Latin alphabet" in out.output
