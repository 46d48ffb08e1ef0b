"""Reading the user's files within budget: regular files only, sizes checked before and while reading."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.budgets import read_regular, resolve_path
from checker.errors import LawcheckError


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(b"x" * 100)
    assert read_regular(tmp_path / "a.yaml", 100) == b"x" * 100


def test_a_file_declaring_more_than_the_budget_is_refused_unread(tmp_path: Path) -> None:
    with open(tmp_path / "big.yaml", "wb") as handle:
        handle.truncate(3 << 30)  # sparse: claims 3 GB, occupies nothing
    with pytest.raises(LawcheckError, match=r"too large \(3072 MB; the limit is 1 MB\)"):
        read_regular(tmp_path / "big.yaml", 1 << 20, what="rule file")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_a_file_holding_more_than_it_declares_is_cut_off_while_reading() -> None:
    assert os.stat("/proc/self/status").st_size == 0  # declares nothing, holds a page
    with pytest.raises(LawcheckError, match="more than 100 bytes"):
        read_regular("/proc/self/status", 100)


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    with pytest.raises(LawcheckError, match=r"FIFO \(named pipe\), not a regular file") as caught:
        read_regular(tmp_path / "pipe.yaml", 100, what="rule file")
    assert caught.value.location == str(tmp_path / "pipe.yaml")


def test_a_device_is_refused(tmp_path: Path) -> None:
    os.symlink("/dev/zero", tmp_path / "zero.json")
    with pytest.raises(LawcheckError, match="character device"):
        read_regular(tmp_path / "zero.json", 100, what="baseline")


def test_a_link_loop_is_named_as_such(tmp_path: Path) -> None:
    os.symlink("b.yaml", tmp_path / "a.yaml")
    os.symlink("a.yaml", tmp_path / "b.yaml")
    with pytest.raises(LawcheckError, match="symbolic link loop"):
        read_regular(tmp_path / "a.yaml", 100)
    assert resolve_path(tmp_path / "a.yaml") == tmp_path / "a.yaml"  # no RuntimeError


def test_the_readme_states_the_budgets_the_code_enforces() -> None:
    from checker import budgets as b

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Budgets", 1)[1].split("\n## ", 1)[0]
    for value in (f"{b.DRAFT_MAX_BYTES // b.MB} MB", f"{b.DRAFT_MAX_CHARS:,} characters",
                  f"{b.DRAFT_MAX_LINES:,}", f"{b.DRAFT_MAX_STATEMENTS:,}",
                  f"{b.DOCX_MAX_DECLARED_BYTES // b.MB} MB / {b.DOCX_MAX_UNPACKED_BYTES // b.MB} MB",
                  f"{b.DOCX_MAX_COMPRESSION_RATIO} : 1; {b.DOCX_MAX_PARTS:,}",
                  f"{b.DOCX_MAX_BLOCK_ELEMENTS:,}; {b.DOCX_MAX_LABEL_CHARS} characters",
                  f"{b.RULE_FILE_MAX_BYTES // b.MB} MB; {b.CONFIG_MAX_BYTES // b.MB} MB",
                  f"{b.BASELINE_MAX_BYTES // b.MB} MB", f"{b.MAX_NESTING} levels",
                  f"{b.MAX_NUMBER_DIGITS} digits", f"{b.GLOB_MAX_CHARS:,} characters; {b.MAX_GLOBS:,}",
                  f"{b.WALK_MAX_DEPTH} levels"):
        assert value in section, value


_YAMLISH = st.lists(st.sampled_from([*"[]{}:,-&*!|>'\"#\n 9a.<=\t", "rules", "lang", "exclude",
                                    "  ", "- ", "9" * 5000]), max_size=80).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_YAMLISH)
def test_any_config_text_is_a_config_or_one_config_error(tmp_path: Path, text: str) -> None:
    from checker.gate.config import load_config
    from checker.errors import ConfigError

    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    try:
        load_config(tmp_path / "c.yaml", cwd=tmp_path)
    except ConfigError as exc:
        assert "\n" not in str(exc)


_JSONISH = st.lists(st.sampled_from([*'[]{}:,"0123456789-.eE ', "true", "NaN", '"entries"',
                                    '"version"', '"fingerprint"', "9" * 5000, "[" * 2000]),
                    max_size=80).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_JSONISH)
def test_any_baseline_text_is_a_baseline_or_one_baseline_error(tmp_path: Path, text: str) -> None:
    from checker.gate.baseline import BaselineError, load

    (tmp_path / "b.json").write_text(text, encoding="utf-8")
    try:
        load(tmp_path / "b.json")
    except BaselineError as exc:
        assert "\n" not in str(exc)
