"""Acts in force (issue 8): structure, apply word for word, comparative table, tech findings, parity."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.acts import load_act
from checker.acts.bill import apply_bill
from checker.acts.compare import table
from checker.acts.docx_write import table_docx
from checker.acts.parity import compare_versions, numbers
from checker.acts.table_render import html, markdown
from checker.acts.techcheck import TECH_RULES, findings
from checker.parsing import parse_document, parse_text
from checker.reading import read_document

HERE = Path(__file__).parent / "fixtures" / "acts"
SLUG = "criminal-executive-code"


def run(bill: str, act: str):
    result = parse_document(read_document(HERE / bill))
    return result, apply_bill(result, {SLUG: load_act(HERE / act)})


def test_structure_keeps_editorial_notes_apart():
    act = load_act(HERE / "ru_code.txt")
    art3 = next(u for u in act.root.walk() if u.kind == "article" and u.number == "3")
    assert [c.number for c in art3.children] == ["1", "2", "3", "4", "4-1", "5"]
    assert any("ИЗПИ" in note for note in art3.children[-1].notes)
    assert "ИЗПИ" not in act.render() and "Сноска" not in act.render()
    assert "Сноска" in act.render(notes=True)
    art5 = next(u for u in act.root.walk() if u.kind == "article" and u.number == "5")
    assert len(art5.lines) == 3 and art5.children[0].kind == "note"
    assert act.date == "2014-07-05" and act.language == "ru"
    assert act.root.tail == ["Президент", "Республики Казахстан"]


def test_structure_kazakh():
    act = load_act(HERE / "kk_code.txt")
    kinds = [u.kind for u in act.root.walk()]
    assert kinds.count("article") == 2 and kinds.count("section") == 1 and kinds.count("chapter") == 1
    assert act.language == "kk" and act.date == "2014-07-05"
    art3 = next(u for u in act.root.walk() if u.kind == "article" and u.number == "3")
    assert any(n.startswith("ЗҚАИ-ның ескертпесі") for u in art3.walk() for n in u.notes)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_consolidation_word_for_word(lang):
    result, bill = run(f"{lang}_bill.txt", f"{lang}_code.txt")
    assert all(item.status == "applied" for item in bill.applied), [i.to_json() for i in bill.applied]
    assert not bill.all_issues()
    expected = (HERE / f"{lang}_expected.txt").read_text(encoding="utf-8")
    assert bill.acts[SLUG].render() + "\n" == expected


def test_bad_bill_gives_every_tech_rule():
    result, bill = run("ru_bad_bill.txt", "ru_code.txt")
    got = sorted((f.line, f.rule) for f in findings(bill.all_issues(), result.path, "en"))
    assert got == [(4, "tech-act-date-mismatch"), (4, "tech-target-missing"), (6, "tech-words-not-found"),
                   (7, "tech-words-ambiguous"), (8, "tech-number-exists"), (10, "tech-number-gap"),
                   (12, "tech-number-mismatch"), (14, "tech-conflicting-instructions"),
                   (15, "tech-conflicting-instructions"), (15, "tech-target-missing")]
    for rule in TECH_RULES.values():
        assert set(rule.message) == {"kk", "ru", "en"} and rule.severity in ("error", "warning")


def test_comparative_table_marks_removed_and_added_words():
    _, bill = run("ru_bill.txt", "ru_code.txt")
    rows = table(bill, "ru")
    assert rows[0].unit == "статья 3, часть 1"
    text = markdown(rows, "ru")
    assert "~~один раз~~" in text and "**четыре раза**" in text and "| Обоснование |" in text
    assert "Отсутствует." in text and "Исключить." in text
    assert "<s>один раз </s>" in html(rows, "ru")
    kk_rows = table(run("kk_bill.txt", "kk_code.txt")[1], "kk")
    assert "Қолданыстағы редакция" in markdown(kk_rows, "kk")


def read_with_python_docx(path, tmp_path):
    """The table as Word's own format says it: headings and the struck-through runs."""
    import docx

    grid = docx.Document(str(path)).tables[0]
    struck = [r.text for r in grid.rows[1].cells[2].paragraphs[0].runs if r.font.strike]
    return grid.rows[0].cells[2].text, struck


def render_with_libreoffice(path, tmp_path):
    """The table as LibreOffice lays it out: converted to PDF and read back from the page."""
    import pypdfium2

    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    pdf = pypdfium2.PdfDocument(str(path.with_suffix(".pdf")))
    text = "\n".join(page.get_textpage().get_text_range() for page in pdf)
    return ("Действующая редакция" if "Действующая редакция" in text else text[:200]), (
        ["один раз "] if "один раз" in text else [])


# python-docx everywhere; LibreOffice too where it is installed (CI installs what it can)
READERS = [pytest.param(read_with_python_docx, id="python-docx")]
if shutil.which("soffice") or shutil.which("libreoffice"):
    READERS.append(pytest.param(render_with_libreoffice, id="libreoffice"))


@pytest.mark.parametrize("reader", READERS)
def test_table_docx_opens(tmp_path, reader):
    _, bill = run("ru_bill.txt", "ru_code.txt")
    path = tmp_path / "t.docx"
    path.write_bytes(table_docx(table(bill, "ru"), "ru"))
    heading, struck = reader(path, tmp_path)
    assert heading == "Действующая редакция"
    assert "один раз " in struck


def test_parity():
    assert compare_versions(parse_document(read_document("examples/kk_service_bill.txt")),
                            parse_document(read_document("examples/ru_service_bill.txt"))) == []
    kk = parse_text("1-бап. 2014 жылғы 5 шілдедегі Қазақстан Республикасының Қылмыстық-атқару кодексіне мынадай "
                    "өзгерістер енгізілсін:\n1) 3-баптағы \"10\" деген цифрлар \"20\" деген цифрлармен ауыстырылсын;\n"
                    "2) 4-бап алып тасталсын.")
    ru = parse_text("Статья 1. Внести в Уголовно-исполнительный кодекс Республики Казахстан от 5 июля 2014 года "
                    "следующие изменения:\n1) в статье 3 цифры «10» заменить цифрами «30».")
    rules = [(d.rule, d.amendment) for d in compare_versions(kk, ru)]
    assert rules == [("parity-numbers", "1.1.1"), ("parity-missing-instruction", "1.1.2")]
    assert numbers("с 1 января 2026 года") == numbers("2026 жылғы 1 қаңтардан")


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True, cwd=HERE)


def test_cli_apply_compare_and_errors(tmp_path):
    done = _cli("apply", "ru_bill.txt", "--act", f"{SLUG}=ru_code.txt")
    assert done.returncode == 0 and done.stdout == (HERE / "ru_expected.txt").read_text(encoding="utf-8")
    bad = _cli("apply", "ru_bad_bill.txt", "--act", "ru_code.txt")
    assert bad.returncode == 1 and "error[tech-target-missing]" in bad.stderr
    for args in (("apply", "ru_bill.txt", "--act", "x="), ("apply", "ru_bill.txt", "--act", "missing.txt"),
                 ("compare", "ru_bill.txt", "--act", "ru_code.txt", "--format", "docx"),
                 ("parse-act", "nothere.txt"), ("apply", "ru_bill.txt")):
        failed = _cli(*args)
        assert failed.returncode == 2 and "Traceback" not in failed.stderr
        assert len(failed.stderr.strip().splitlines()) == 1
    out = tmp_path / "t.docx"
    assert _cli("compare", "ru_bill.txt", "--act", "ru_code.txt", "--format", "docx", "-o", str(out)).returncode == 0
    assert out.read_bytes()[:2] == b"PK"
    check = _cli("check", "ru_bad_bill.txt", "--act", "ru_code.txt", "--format", "json")
    assert check.returncode == 1 and '"rule": "tech-number-exists"' in check.stdout


def test_pairing_by_file_name():
    from checker.acts.pairing import marker, pairs

    assert marker(Path("kk_bill.docx")) == ("kk", "bill")
    assert marker(Path("bill-RU.txt")) == ("ru", "bill")
    assert marker(Path("law.kaz.v2.docx")) == ("kk", "law.v2")
    assert marker(Path("bill.txt")) is None and marker(Path("kk.txt")) is None
    assert marker(Path("kk_ru_bill.txt")) is None  # two markers: never guessed
    found = pairs([Path("d/kk_bill.docx"), Path("d/ru_bill.txt"), Path("e/ru_bill.txt"),
                   Path("d/kk_x.txt"), Path("d/kk_x.docx"), Path("d/ru_x.txt")])
    assert found == [(Path("d/kk_bill.docx"), Path("d/ru_bill.txt"))]  # kk_x: two candidates, left alone


def test_check_runs_parity_on_both_versions(tmp_path):
    import json

    done = _cli("check", "kk_bill.txt", "ru_bill.txt", "ru_bad_bill.txt", "--format", "json")
    assert done.returncode == 1, done.stderr
    files = {f["path"]: [x for x in f["findings"] if x["rule"].startswith("parity-")]
             for f in json.loads(done.stdout)["files"]}
    assert files["ru_bad_bill.txt"] == []  # no kk counterpart
    kk, ru = files["kk_bill.txt"], files["ru_bill.txt"]
    assert {"parity-target", "parity-operation"} <= {x["rule"] for x in kk}
    assert any(x["rule"] == "parity-missing-instruction" and x["message"].startswith("В тексте (kk)")
               and x["message"].endswith("(kk_bill.txt)") for x in ru)
    assert all(x["fingerprint"] and x["title"] for x in kk + ru)
    assert "(ru_bill.txt:" in kk[0]["message"]
    sarif = json.loads(_cli("check", "kk_bill.txt", "ru_bill.txt", "--format", "sarif").stdout)
    assert "parity-target" in {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    html = _cli("check", "kk_bill.txt", "ru_bill.txt", "--format", "html", "--lang", "en")
    assert "parity-target" in html.stdout and html.returncode == 1
    for fmt in ("text", "github"):
        assert "parity-target" in _cli("check", "kk_bill.txt", "ru_bill.txt", "--format", fmt).stdout
    off = _cli("check", "kk_bill.txt", "ru_bill.txt", "--no-parity", "--format", "json")
    assert "parity-" not in off.stdout
    same = subprocess.run([sys.executable, "-m", "checker", "check", "examples/kk_service_bill.txt",
                           "examples/ru_service_bill.txt", "--format", "json"], capture_output=True, text=True)
    assert '"parity-' not in same.stdout  # the bundled pair makes the same changes


def test_tech_and_parity_messages_name_units_in_their_language():
    from checker.acts.techcheck import message, unit_name

    assert unit_name("part 7", "ru") == "ч. 7" and unit_name("part 7", "kk") == "7-бөлік"
    assert unit_name("part 7", "en") == "part 7"
    assert unit_name("table of contents: article 5", "kk") == "мазмұны: 5-бап"
    assert unit_name("subparagraph 3", "ru") == "подп. 3" and unit_name("whatever", "ru") == "whatever"
    assert "(ч. 7)" in message("tech-target-missing", {"unit": "part 7"}, "ru")
    assert "06.07.2014" in message("tech-act-date-mismatch", {"date": "2014-07-06", "act_date": "2014-07-05"}, "ru")
    for lang, word in (("kk", "бөлік"), ("ru", "ч. "), ("en", "part ")):
        done = _cli("check", "ru_bad_bill.txt", "--act", "ru_code.txt", "--lang", lang, "--format", "json")
        missing = [line for line in done.stdout.splitlines() if "7" in line and '"message"' in line
                   and ("актіде" in line or "нет единицы" in line or "has no" in line)]
        assert missing and word in missing[0], (lang, missing)
        if lang != "en":
            assert "part 7" not in done.stdout and "article " not in done.stdout
    kk = parse_text("1-бап. 2014 жылғы 5 шілдедегі Қазақстан Республикасының Қылмыстық-атқару кодексіне мынадай "
                    "өзгерістер енгізілсін:\n1) 3-баптың екінші бөлігі алып тасталсын.")
    ru = parse_text("Статья 1. Внести в Уголовно-исполнительный кодекс Республики Казахстан от 5 июля 2014 года "
                    "следующие изменения:\n1) часть третью статьи 3 исключить.")
    target = next(d for d in compare_versions(kk, ru) if d.rule == "parity-target")
    assert "ст. 3, ч. 2 / ст. 3, ч. 3" in target.message("ru") and "3-бап, 2-бөлік" in target.message("kk")
    assert target.to_json("en")["a"] == "art. 3, part 2"  # the JSON fields keep their form
