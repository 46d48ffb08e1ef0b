"""The README's set-up commands are the ones CI runs and the examples they name exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _code_lines(text: str) -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", text, flags=re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = _code_lines((ROOT / "README.md").read_text(encoding="utf-8"))
    test_command = next(line for line in readme if "pytest" in line)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in [line.strip() for line in ci]


def test_readme_example_command_names_a_bundled_draft() -> None:
    readme = _code_lines((ROOT / "README.md").read_text(encoding="utf-8"))
    example = next(line for line in readme if "lawcheck examples/" in line)
    draft = re.search(r"lawcheck (examples/\S+)", example).group(1)
    assert (ROOT / draft).is_file()


def test_docs_ci_lists_every_option_of_check() -> None:
    from checker.cli.check import check

    documented = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    missing = [opt for param in check.params for opt in param.opts
               if opt.startswith("--") and opt not in documented]
    assert missing == []


def test_readme_names_the_gate_and_contract_behaviour() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for words in ("check incomplete", "--allow-unparsed", "--show-config", "lawcheck schema check",
                  "--stdin-filename", "CHANGELOG.md", "1-based", "nearest"):
        assert words in readme, words
    assert "DESIGN.md" not in readme  # the contract ships with the tool, not in a file elsewhere
