"""`lawcheck rules …` and `lawcheck explain` through click: exit codes, JSON fields, outputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
VALID = FIXTURES / "valid"
EVICTION = VALID / "eviction-court-only.yaml"

DRAFT = """Қазақстан Республикасының кейбір заңнамалық актілеріне тұрғын үй мәселелері бойынша өзгерістер енгізу туралы

1-бап. Қазақстан Республикасының мына заңнамалық актілеріне өзгерістер енгізілсін:
1. "Тұрғын үй қатынастары туралы" 1997 жылғы 16 сәуірдегі Қазақстан Республикасының Заңына:
1) 107-бап мынадай редакцияда жазылсын:
"107-бап. Жалға алушыны шығару
Жалға алушы тұрғын үйден әкімдіктің нұсқамасы бойынша шығарылады.";
2) 108-баптағы "сот шешімі бойынша" деген сөздер "тұрғын үйден шығару туралы прокурордың санкциясымен" деген сөздермен ауыстырылсын.

2-бап. Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_list_json_has_the_promised_fields() -> None:
    code, out, _ = run("rules", "list", "--format", "json", "--lang", "ru", "--rules", str(VALID))
    assert code == 0
    rows = {row["id"]: row for row in json.loads(out)}
    row = rows["eviction-court-only"]
    assert (row["severity"], row["kind"], row["acts"]) == ("error", "conflict", ["law:housing-relations"])
    promised = {"number": 41, "date": "2024-04-19", "paragraph": "3",
                "verdict": "interpretation", "label": "№ 41-НП"}
    # the contract is extended, never renamed: the original fields keep their values
    assert {key: row["resolution"][key] for key in promised} == promised
    assert row["examples"] == {"conflict": 6, "comply": 6}
    assert rows["local-residents-upheld"]["kind"] == "upheld"
    assert rows["local-residents-upheld"]["examples"] == {"conflict": 0, "comply": 6}


def test_list_text_is_a_table_of_ids() -> None:
    code, out, _ = run("rules", "list", "--rules", str(VALID))
    assert code == 0
    assert "eviction-court-only" in out and "local-residents-upheld" in out


def test_show_one_rule_and_unknown_id() -> None:
    code, out, _ = run("rules", "show", "eviction-court-only", "--rules", str(VALID))
    assert code == 0
    assert out.splitlines()[0].startswith("eviction-court-only")
    assert "law:housing-relations" in out and "шығар*" in out
    code, _, err = run("rules", "show", "no-such-rule", "--rules", str(VALID))
    assert code == 2 and "no-such-rule" in err


def test_validate_reports_file_line_column_and_exits_2() -> None:
    code, out, _ = run("rules", "validate", str(FIXTURES / "broken" / "bad-date.yaml"))
    assert code == 2
    (line,) = out.splitlines()
    assert line.split(": ")[0].endswith("bad-date.yaml:3:32")


def test_validate_counts_good_files() -> None:
    code, out, _ = run("rules", "validate", str(VALID))
    assert code == 0
    assert out.strip() == "2 rule files OK"


def test_validate_a_missing_path_exits_2() -> None:
    code, out, _ = run("rules", "validate", "no/such/folder")
    assert code == 2 and out.startswith("no/such/folder")


def test_test_passes_fails_and_rejects(tmp_path: Path) -> None:
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(EVICTION, good)
    code, out, _ = run("rules", "test", str(good))
    assert code == 0
    assert out.splitlines()[0].startswith("✓ eviction-court-only")

    bad = tmp_path / "bad"
    bad.mkdir()
    text = EVICTION.read_text(encoding="utf-8").replace('kk: ["шығар*"]', 'kk: ["көшір*"]')
    (bad / "eviction-court-only.yaml").write_text(text, encoding="utf-8")
    code, out, _ = run("rules", "test", str(bad))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "✗ eviction-court-only"
    # each failing example as file:line:col of the example itself, then which one and why
    written = (bad / "eviction-court-only.yaml").read_text(encoding="utf-8").splitlines()
    located = [line.strip().split(": ", 1) for line in lines[1:4]]
    assert [what.split(":")[0] for _, what in located] == [
        "examples.conflict[0] (kk, new_wording)", "examples.conflict[1] (kk, new_wording)",
        "examples.conflict[2] (kk, replace_words)"]
    for where, _ in located:
        path, line, col = where.rsplit(":", 2)
        assert Path(path).resolve() == (bad / "eviction-court-only.yaml").resolve()
        assert written[int(line) - 1][int(col) - 1:].startswith("lang: kk") or \
            written[int(line) - 1][int(col) - 1:].startswith("{")
    assert len({where for where, _ in located}) == 3

    broken = tmp_path / "broken"
    broken.mkdir()
    shutil.copy(FIXTURES / "broken" / "unknown-act.yaml", broken)
    code, _, _ = run("rules", "test", str(broken))
    assert code == 2


def test_docs_writes_markdown(tmp_path: Path) -> None:
    target = tmp_path / "catalogue.md"
    code, _, _ = run("rules", "docs", "--output", str(target), "--rules", str(VALID))
    assert code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# lawcheck rule catalogue")
    assert "`eviction-court-only`" in text


def test_explain_every_amendment_or_one(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    base = ["explain", str(draft), "--rule", "eviction-court-only", "--rules", str(VALID)]
    code, out, _ = run(*base)
    assert code == 0
    heads = [line.split(" (")[0] for line in out.splitlines() if line.startswith("amendment ")]
    assert heads == ["amendment 1.1.1", "amendment 1.1.2"]
    code, out, _ = run(*base, "--amendment", "1.1.2", "--lang", "en")
    assert code == 0
    assert [line.split(" (")[0] for line in out.splitlines() if line.startswith("amendment ")] == [
        "amendment 1.1.2"]
    assert "→ FIRES" in out


def test_explain_unknown_rule_or_amendment_exits_2(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    code, _, err = run("explain", str(draft), "--rule", "nope", "--rules", str(VALID))
    assert code == 2 and "nope" in err
    code, _, err = run("explain", str(draft), "--rule", "eviction-court-only", "--rules", str(VALID),
                       "--amendment", "9.9.9")
    assert code == 2 and "9.9.9" in err and "1.1.1" in err
