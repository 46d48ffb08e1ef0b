"""The committed rule catalogue is the one the rule files generate (edit rules, then regenerate)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_docs_catalogue_is_up_to_date(tmp_path: Path) -> None:
    out = tmp_path / "catalogue.md"
    result = CliRunner().invoke(main, ["rules", "docs", "--output", str(out)])
    assert result.exit_code == 0, result.output
    committed = (ROOT / "docs" / "catalogue.md").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed, (
        "docs/catalogue.md is stale: run `lawcheck rules docs --output docs/catalogue.md`")
