"""Reading the user's files within budget: regular files only, sizes checked before and while reading."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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

