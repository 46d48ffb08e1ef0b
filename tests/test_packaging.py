"""The installed wheel carries the grammar and the rule base, not only a checkout does."""

from __future__ import annotations

import json
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
    assert shipped_rules == repo_rules  # rule files and the shared data in their subfolders
    assert "checker/_data/rules/catalogue/without-rule.yaml" in names
    assert "checker/_data/rules/schema.json" in names
    assert "checker/cli/app.py" in names


def test_the_schemas_are_reachable_from_the_installed_package(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("lawcheck-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"checker/schemas/check.json", "checker/schemas/parse.json", "checker/schemas/apply.json",
            "checker/schemas/compare.json", "checker/schemas/parse-act.json", "checker/cli/schema.py"} <= names
    # the wheel's own files, away from this checkout: `lawcheck schema rule > schema.json` works
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    for name, key in (("rule", "$defs"), ("check", "properties"), ("parse", "properties"),
                      ("apply", "properties"), ("compare", "properties"), ("parse-act", "properties")):
        done = subprocess.run([sys.executable, "-m", "checker", "schema", name], cwd=outside,
                              env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
                              capture_output=True, text=True, check=True)
        assert key in json.loads(done.stdout), name


def test_the_dockerfile_is_well_formed() -> None:
    """Every instruction is a Dockerfile keyword, the server runs unprivileged and listens on 0.0.0.0."""
    import json
    import re

    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    logical = re.sub(r"\\\n", " ", text)
    instructions = [line.split(None, 1) for line in logical.splitlines() if line.strip() and not line.startswith("#")]
    keywords = {"FROM", "ENV", "WORKDIR", "COPY", "RUN", "USER", "EXPOSE", "CMD", "ARG", "LABEL", "HEALTHCHECK"}
    assert all(len(parts) == 2 and parts[0] in keywords for parts in instructions), instructions
    assert instructions[0] == ["FROM", "python:3.12-slim"]
    users = [arg for key, arg in instructions if key == "USER"]
    assert users and users[-1] not in ("root", "0")
    cmd = json.loads(next(arg for key, arg in instructions if key == "CMD"))  # exec form
    assert cmd[:2] == ["lawcheck", "serve"] and cmd[cmd.index("--host") + 1] == "0.0.0.0"
    for key, arg in instructions:
        if key == "COPY":
            *sources, _ = arg.split()
            assert all((ROOT / source).exists() for source in sources), sources
