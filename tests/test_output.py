"""Reports and baselines replace their file whole or not at all, and never replace an input."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.output import open_for_writing, refuse_inputs, write_text


def test_a_write_that_fails_halfway_leaves_the_old_file_and_no_litter(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("the previous report\n", encoding="utf-8")
    with pytest.raises(InputError, match="No space left on device"):
        with open_for_writing(target) as out:
            out.write("{\n")
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert target.read_text(encoding="utf-8") == "the previous report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_an_interrupted_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        with open_for_writing(target) as out:
            out.write("new, half")
            raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_the_new_file_keeps_the_mode_of_the_one_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, 0o640)
    write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_link_is_written_through_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    os.symlink("reports/latest.txt", tmp_path / "latest.txt")
    write_text(tmp_path / "latest.txt", "new\n")
    assert (tmp_path / "latest.txt").is_symlink()
    assert (tmp_path / "reports" / "latest.txt").read_text(encoding="utf-8") == "new\n"


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink"])
def test_an_input_is_refused_as_output_however_it_is_named(tmp_path: Path, how: str) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("text\n", encoding="utf-8")
    target = tmp_path / "out.txt"
    if how == "same":
        target = draft
    elif how == "symlink":
        os.symlink("draft.txt", target)
    else:
        os.link(draft, target)
    with pytest.raises(InputError, match="would overwrite an input"):
        refuse_inputs(target, [tmp_path / "other.txt", draft], location=str(target))


def test_a_new_or_unrelated_output_is_fine(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("text\n", encoding="utf-8")
    refuse_inputs(tmp_path / "new.txt", [draft], location="new.txt")
    (tmp_path / "old-report.txt").write_text("x", encoding="utf-8")
    refuse_inputs(tmp_path / "old-report.txt", [draft], location="old-report.txt")
