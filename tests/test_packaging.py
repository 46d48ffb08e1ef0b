"""The installed wheel carries the grammar and the rule base, not only a checkout does."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_grammar_vocabulary_and_rules(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("lawcheck-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "checker/_data/grammar/amendment.lark" in names
    assert "checker/_data/grammar/acts.yaml" in names
    assert {"checker/_data/grammar/vocab/kk.yaml", "checker/_data/grammar/vocab/ru.yaml"} <= names
    shipped_rules = {n for n in names if n.startswith("checker/_data/rules/") and n.endswith(".yaml")}
    repo_rules = {f"checker/_data/rules/{p.relative_to(ROOT / 'rules').as_posix()}"
                  for p in (ROOT / "rules").rglob("*.yaml")}
    assert shipped_rules == repo_rules
    assert "checker/_data/rules/schema.json" in names
    assert "checker/cli.py" in names
