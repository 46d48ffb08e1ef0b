"""Positions checked in context (issue 8, item 6): with the act in force, an amended unit is read
with its heading, the lead-in of its list and its wording in force; without the act, nothing of
that is known and the same bill is clean."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "fixtures" / "acts" / "context"
SLUG = "criminal-procedure-code"


def report_of(bill: str, act: str | None) -> dict:
    """The JSON report of the one checked file, with the act in force when given."""
    args = [sys.executable, "-m", "checker", "check", str(HERE / bill), "--format", "json"]
    if act:
        args += ["--act", f"{SLUG}={HERE / act}"]
    done = subprocess.run(args, capture_output=True, text=True, env={"LAWCHECK_NO_CACHE": "1",
                                                                      "PATH": "/usr/bin:/bin"})
    assert done.returncode in (0, 1), done.stderr
    (file,) = json.loads(done.stdout)["files"]
    return file


def findings(bill: str, act: str | None) -> list[tuple[int, str, str]]:
    return sorted((f["line"], f["rule"], f["effect"]) for f in report_of(bill, act)["findings"]
                  if not f["rule"].startswith(("tech-", "parity-")))


@pytest.mark.parametrize(("lang",), [("kk",), ("ru",)])
def test_the_act_in_force_gives_the_rules_their_context(lang: str) -> None:
    # line 6: an item joins a list whose lead-in in force bars cassation;
    # line 8: the part that held "regardless of the category" is deleted;
    # line 9: a term changed: on no position's topic
    assert findings(f"{lang}_bill.txt", None) == []
    assert findings(f"{lang}_bill.txt", f"{lang}_cpc.txt") == [
        (6, "cassation-any-offence-category", "adds-to-restrictive-list"),
        (8, "cassation-any-offence-category", "removes-guarantee"),
        (8, "cassation-category-guarantee-kept", "removes-guarantee"),
    ]


def test_a_new_wording_is_compared_with_the_wording_in_force() -> None:
    assert findings("ru_bill_wording.txt", None) == []
    assert findings("ru_bill_wording.txt", "ru_cpc.txt") == [
        (6, "cassation-any-offence-category", "removes-guarantee")]


def test_a_new_wording_that_keeps_the_guarantee_is_clean(tmp_path: Path) -> None:
    bill = (HERE / "ru_bill_wording.txt").read_text(encoding="utf-8").replace(
        "в порядке, установленном настоящей главой", "независимо от категории уголовного правонарушения и вида наказания")
    (tmp_path / "bill.txt").write_text(bill, encoding="utf-8")
    args = [sys.executable, "-m", "checker", "check", str(tmp_path / "bill.txt"), "--format", "json",
            "--act", f"{SLUG}={HERE / 'ru_cpc.txt'}"]
    done = subprocess.run(args, capture_output=True, text=True)
    report = json.loads(done.stdout)
    assert [f["rule"] for file in report["files"] for f in file["findings"]] == []


def test_findings_quote_the_unit_as_the_bill_leaves_it() -> None:
    file = report_of("ru_bill.txt", "ru_cpc.txt")
    after = {(f["line"], f["rule"]): f.get("wording_after", "absent") for f in file["findings"]
             if not f["rule"].startswith("tech-")}
    assert after == {
        (6, "cassation-any-offence-category"): "4) приговоры по делам об уголовных проступках.",
        (8, "cassation-any-offence-category"): None,  # the part is deleted
        (8, "cassation-category-guarantee-kept"): None,
    }
    assert "acts_not_given" not in file


def test_without_the_act_the_report_says_what_did_not_run() -> None:
    file = report_of("ru_bill.txt", None)
    assert file["acts_not_given"] == [SLUG]
    done = subprocess.run([sys.executable, "-m", "checker", "check", str(HERE / "ru_bill.txt"),
                           "--lang", "en"], capture_output=True, text=True,
                          env={"LAWCHECK_NO_CACHE": "1", "PATH": "/usr/bin:/bin"})
    assert f"No text in force given for {SLUG}: the legal-technical checks" in done.stdout
    assert done.stderr == ""
