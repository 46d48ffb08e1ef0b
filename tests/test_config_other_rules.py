"""The checks outside the rule base (tech-* with acts in force, parity-*) obey the config like
any rule: disable, severity, enable and suppressions; a mistyped id is still an error."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "fixtures" / "acts" / "context"


def tech_findings(tmp_path: Path, config: str) -> tuple[int, list[tuple[str, str, bool]], str]:
    bill = (HERE / "ru_bill.txt").read_text(encoding="utf-8").replace(
        "слово «шести» заменить", "слово «семидесяти» заменить")  # words the part does not hold
    (tmp_path / "bill.txt").write_text(bill, encoding="utf-8")
    shutil.copy(HERE / "ru_cpc.txt", tmp_path / "cpc.txt")
    (tmp_path / ".lawcheck.yaml").write_text(config, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "checker", "check", "bill.txt", "--format", "json",
                           "--act", "criminal-procedure-code=cpc.txt"], cwd=tmp_path, capture_output=True,
                          text=True, env={**os.environ, "LAWCHECK_NO_CACHE": "1"})
    if done.returncode == 2:
        return 2, [], done.stderr
    (file,) = json.loads(done.stdout)["files"]
    return done.returncode, [(f["rule"], f["severity"], "suppressed" in f) for f in file["findings"]
                             if f["rule"].startswith("tech-")], done.stderr


@pytest.mark.parametrize(("config", "expected"), [
    ("disable: []\n", [("tech-words-not-found", "error", False)]),
    ("disable: [tech-words-not-found, parity-missing-instruction]\n", []),
    ("severity: {tech-words-not-found: info}\n", [("tech-words-not-found", "info", False)]),
    ("enable: [cassation-any-offence-category]\n", []),
    ('suppressions: [{rule: tech-words-not-found, reason: "the word is settled in the second reading"}]\n',
     [("tech-words-not-found", "error", True)]),
])
def test_the_config_applies_to_legal_technical_findings(tmp_path: Path, config: str,
                                                         expected: list[tuple[str, str, bool]]) -> None:
    code, found, stderr = tech_findings(tmp_path, config)
    assert code in (0, 1), stderr
    assert found == expected


def test_a_mistyped_technical_id_is_still_an_error(tmp_path: Path) -> None:
    code, _, stderr = tech_findings(tmp_path, "disable: [tech-words-not-fond]\n")
    assert code == 2
    assert "unknown rule id 'tech-words-not-fond'" in stderr and "tech-words-not-found" in stderr
