"""Incomplete is never clean: instructions not understood fail the gate and head every report;
a text with no instruction is flagged as no bill; a run without rules is an error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from checker.cli import main
from tests.test_cli_check import RULES, bill, write

NOT_UNDERSTOOD = "1) 484-бап бір түсініксіз тәсілмен мынадай редакцияда жазылсын:\n\"2. Мәтін.\";\n"
RU_FORMULA = """О внесении изменений в некоторые законодательные акты Республики Казахстан

Статья 1. Внести изменения в следующие законодательные акты Республики Казахстан:
1. В Уголовно-процессуальный кодекс Республики Казахстан от 4 июля 2014 года:
статью 484 после части второй дополнить частью 2-1 следующего содержания:
«2-1. Кассационные жалобы по делам о преступлениях небольшой тяжести не подлежат рассмотрению.».
Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.
"""
KK_FORMULA = """Қазақстан Республикасының кейбір заңнамалық актілеріне өзгерістер енгізу туралы

1-бап. Қазақстан Республикасының мына заңнамалық актілеріне өзгерістер енгізілсін:
1. 2014 жылғы 4 шілдедегі Қазақстан Республикасының Қылмыстық-процестік кодексіне:
484-бап екінші бөліктен кейін мынадай мазмұндағы 2-1-бөлікпен толықтырылсын:
"2-1. Онша ауыр емес қылмыстар туралы істер бойынша кассациялық шағымдар қаралмайды.".
2-бап. Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.
"""


@pytest.fixture(autouse=True)
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), env={"GITHUB_ACTIONS": "", "NO_COLOR": "1"},
                              catch_exceptions=False)


def incomplete_bill(repo: Path) -> Path:
    text = bill("clean").replace("1) 487-баптың", NOT_UNDERSTOOD + "2) 487-баптың")
    return write(repo / "draft.txt", text)


def test_an_instruction_not_understood_fails_the_run_and_heads_the_report(repo: Path) -> None:
    incomplete_bill(repo)
    result = invoke("check", *RULES, "draft.txt", "--lang", "en")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "check incomplete: 1 instruction not understood"
    assert "check incomplete" in result.stderr and "--allow-unparsed" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "html"])
def test_every_format_says_the_check_is_incomplete(repo: Path, fmt: str) -> None:
    incomplete_bill(repo)
    result = invoke("check", *RULES, "draft.txt", "--lang", "en", "--format", fmt)
    assert result.exit_code == 1
    assert "check incomplete: 1 instruction not understood" in result.stdout
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["warnings"][0]["code"] == "incomplete"
        assert data["summary"]["not_understood"] == 1 and data["summary"]["complete"] is False
        assert data["files"][0]["unparsed"][0]["instruction"] is True
    if fmt == "html":  # before the totals, not somewhere below the fold
        assert result.stdout.index("check incomplete") < result.stdout.index('class="totals"')


@pytest.mark.parametrize("relax", [["--allow-unparsed"], ["--fail-on", "never"], ["--config", "lawcheck.yaml"]])
def test_the_gate_can_be_relaxed_but_the_report_still_says_so(repo: Path, relax: list[str]) -> None:
    incomplete_bill(repo)
    write(repo / "lawcheck.yaml", "allow_unparsed: true\n")
    result = invoke("check", *RULES, "draft.txt", "--lang", "en", *relax)
    assert result.exit_code == 0
    assert result.stdout.startswith("check incomplete")
    assert "warning: check incomplete" in result.stderr


def test_the_command_line_can_tighten_the_config_again(repo: Path) -> None:
    incomplete_bill(repo)
    write(repo / ".lawcheck.yaml", "allow_unparsed: true\n")
    assert invoke("check", *RULES, "draft.txt").exit_code == 0
    assert invoke("check", *RULES, "draft.txt", "--no-allow-unparsed").exit_code == 1


def test_a_text_without_instructions_is_flagged_as_no_bill(repo: Path) -> None:
    write(repo / "hello.txt", "Hello world.\nThis is a letter, not a bill.\n")
    result = invoke("check", *RULES, "hello.txt", "--format", "json", "--lang", "en")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["warnings"] == [{"code": "not-a-bill", "path": "hello.txt",
                                 "message": "no amendment instruction found: this does not look like a bill"}]
    assert data["files"][0]["looks_like_bill"] is False
    assert "hello.txt: no amendment instruction found" in result.stderr


def test_a_run_without_rules_is_an_error(repo: Path) -> None:
    write(repo / "draft.txt", bill("error"))
    result = invoke("check", "--no-builtin-rules", "draft.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith("lawcheck: error: no rules to check against")


@pytest.mark.parametrize("text", [RU_FORMULA, KK_FORMULA], ids=["ru", "kk"])
def test_the_after_part_formula_is_read_and_checked(repo: Path, text: str) -> None:
    # the formula that let a conflict through as "unparsed" with exit 0
    write(repo / "draft.txt", text)
    result = invoke("check", "draft.txt", "--format", "json")
    data = json.loads(result.stdout)
    assert data["summary"]["not_understood"] == 0 and data["files"][0]["unparsed"] == []
    assert [f["rule"] for f in data["files"][0]["findings"]] == ["cassation-any-offence-category"]
    assert result.exit_code == 1


# An instruction whose formula is unknown ("как-нибудь поправить") is still an instruction: the
# grammar read its target and wanted an operation. A list item or a heading in force is not.
@pytest.mark.parametrize(("line", "not_understood"), [
    ("2) статью 501 как-нибудь поправить по смыслу пункта третьего;", 1),
    ("2) 501-бапты мағынасына қарай түзету керек;", 1),
    # unnumbered, inside an item: still a target the grammar wanted an operation for
    ("подпункты 1) и 3) части шестой статьи 501 как-нибудь переделать;", 1),
    ("2) охрана прав осужденных;", 0),
])
def test_an_instruction_with_an_unknown_formula_is_not_understood(line: str, not_understood: int) -> None:
    from checker.parsing import parse_text

    text = RU_FORMULA.replace("статью 484 после части второй", line + "\nстатью 484 после части второй")
    result = parse_text(text, "draft.txt")
    assert [u.text for u in result.unparsed] == [line]
    assert result.not_understood == not_understood


def test_a_bill_with_an_unknown_formula_fails_the_gate(repo: Path) -> None:
    text = RU_FORMULA.replace("статью 484 после части второй",
                              "2) статью 501 как-нибудь поправить;\nстатью 484 после части второй")
    write(repo / "draft.txt", text)
    result = invoke("check", *RULES, "draft.txt", "--lang", "en")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "check incomplete: 1 instruction not understood"


UNREAD_LEAD = (
    'О внесении изменений в Указ Президента Республики Казахстан, имеющий силу закона, "О пчеловодстве"\n\n'
    'Внести в Указ Президента Республики Казахстан, имеющий силу закона, от 5 мая 1995 г. № 2200 "О пчеловодстве '
    '(Ведомости Верховного Совета Республики Казахстан, 1995 г., № 9, ст.50 следующие изменения: 1. Преамбулу '
    'исключить. 2. В статье 4 слова "настоящий Указ" заменить словами "настоящий Закон".\n')


def test_an_amending_lead_swallowed_by_an_open_quote_fails_the_gate(repo: Path) -> None:
    """The lead and its items read as one line (a quote and a parenthesis never close): before,
    it was a title and the run passed clean with no amendment at all."""
    write(repo / "draft.txt", UNREAD_LEAD)
    result = invoke("check", *RULES, "draft.txt", "--lang", "en")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "check incomplete: 1 instruction not understood"
