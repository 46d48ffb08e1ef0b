"""Whatever file a user hands to lawcheck, the answer is a report or one error line: never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.normalize import FORMAT_CHARS

SUFFIXES = [".txt", ".docx", "", ".pdf"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES), command=st.sampled_from(["parse", "check"]))
def test_arbitrary_bytes_give_a_result_or_exit_2(tmp_path: Path, data: bytes, suffix: str, command: str) -> None:
    path = tmp_path / f"draft{suffix}"
    path.write_bytes(data)
    args = [command, str(path), "--format", "json"] + (["--fail-on", "never", "--quiet"] if command == "check" else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert "error" in result.output.lower()
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=600))
def test_arbitrary_text_parses_to_json_with_every_line_accounted(tmp_path: Path, text: str) -> None:
    import json

    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(path), "--format", "json"])
    if result.exit_code == 2:  # e.g. not a text file, empty file, Latin-script Kazakh
        assert "lawcheck: error:" in result.output
        return
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    covered = set()
    for record in data["amendments"] + data["unparsed"] + data["frame"]:
        covered.update(range(record["line"], record["end_line"] + 1))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # A line of nothing but invisible format characters (a lone soft hyphen) shows nothing: blank.
    shown = [re.sub(f"[{FORMAT_CHARS}]", "", line) for line in lines]
    assert {i + 1 for i, line in enumerate(shown) if line.strip()} <= covered
