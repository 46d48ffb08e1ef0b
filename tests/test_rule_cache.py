"""The on-disk cache of the compiled rule base (checker/engine/cache.py): reused while nothing
changed, rebuilt when a file changes, refused when it is not the user's own or does not verify."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from checker.engine import cache, load_rules
from checker.resources import rules_dir

RULE = "jury-not-replaced-after-verdict"


@pytest.fixture()
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("LAWCHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "lawcheck"


def counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("rules-*.pickle"))


def test_second_load_comes_from_the_cache(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "input.yaml"
    source.write_text("a: 1\n")
    calls, build = counting({"built": True})
    assert cache.cached([source], build) == {"built": True}
    assert cache.cached([source], build) == {"built": True}
    assert len(calls) == 1
    (entry,) = entries(cache_home)
    assert entry.stat().st_mode & 0o077 == 0
    assert cache_home.stat().st_mode & 0o077 == 0
    assert (cache_home / "key").stat().st_mode & 0o077 == 0


def test_a_changed_input_file_rebuilds(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "input.yaml"
    source.write_text("a: 1\n")
    calls, build = counting("v")
    cache.cached([source], build)
    source.write_text("a: 2\n")
    cache.cached([source], build)
    assert len(calls) == 2


def test_rule_file_change_is_seen_through_the_cache(cache_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    rule = folder / f"{RULE}.yaml"
    shutil.copy(rules_dir() / f"{RULE}.yaml", rule)
    first = load_rules([folder], builtin=False)
    assert entries(cache_home)
    again = load_rules([folder], builtin=False)
    assert again.get(RULE).spec.message.en == first.get(RULE).spec.message.en
    text = rule.read_text(encoding="utf-8").replace("The provision allows", "The norm allows")
    rule.write_text(text, encoding="utf-8")
    changed = load_rules([folder], builtin=False)
    assert changed.get(RULE).spec.message.en.startswith("The norm allows")


def test_cached_rule_base_finds_what_a_fresh_one_finds(cache_home: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.model import Document, SourceLine
    from checker.parsing import parse_document

    root = Path(__file__).resolve().parent.parent
    found = {}
    for name in ("ru_justice_bill.txt", "kk_justice_bill.txt"):
        text = (root / "examples" / name).read_text(encoding="utf-8")
        lines = tuple(SourceLine(i + 1, line) for i, line in enumerate(text.split("\n")))
        found[name] = parse_document(Document(path=name, lines=lines))
    load_rules()  # builds and stores
    cached = load_rules()  # read back
    monkeypatch.setenv("LAWCHECK_NO_CACHE", "1")
    fresh = load_rules()
    assert len(cached) == len(fresh)
    for result in found.values():
        assert cached.check(result) == fresh.check(result)


def test_tampered_entry_is_refused_and_replaced(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "input.yaml"
    source.write_text("a: 1\n")
    calls, build = counting(["value"])
    cache.cached([source], build)
    (entry,) = entries(cache_home)
    data = bytearray(entry.read_bytes())
    data[-3] ^= 0x01
    entry.write_bytes(bytes(data))
    assert cache.read_entry(cache.cache_key([source])) is None
    assert cache.cached([source], build) == ["value"]
    assert len(calls) == 2
    assert cache.read_entry(cache.cache_key([source])) == ["value"]  # a good entry again


def test_truncated_entry_and_missing_key_are_refused(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "input.yaml"
    source.write_text("a: 1\n")
    key = cache.cache_key([source])
    cache.write_entry(key, "v")
    (entry,) = entries(cache_home)
    entry.write_bytes(entry.read_bytes()[:20])
    assert cache.read_entry(key) is None
    cache.write_entry(key, "v")
    (cache_home / "key").unlink()
    assert cache.read_entry(key) is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX ownership")
def test_entry_writable_by_others_is_refused(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "input.yaml"
    source.write_text("a: 1\n")
    key = cache.cache_key([source])
    cache.write_entry(key, "v")
    (entry,) = entries(cache_home)
    for mode in (0o620, 0o602):
        entry.chmod(mode)
        assert cache.read_entry(key) is None
    entry.chmod(0o600)
    assert cache.read_entry(key) == "v"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX ownership")
def test_group_writable_folder_is_refused_and_not_written(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "input.yaml"
    source.write_text("a: 1\n")
    key = cache.cache_key([source])
    cache.write_entry(key, "v")
    cache_home.chmod(0o770)
    try:
        assert cache.read_entry(key) is None
        assert cache.write_entry(key, "w") is False
        calls, build = counting("built")
        assert cache.cached([source], build) == "built"
        assert cache.cached([source], build) == "built"
        assert len(calls) == 2
    finally:
        cache_home.chmod(0o700)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX ownership")
def test_entry_of_another_user_is_refused(cache_home: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "input.yaml"
    source.write_text("a: 1\n")
    key = cache.cache_key([source])
    cache.write_entry(key, "v")
    assert cache.read_entry(key) == "v"
    real = os.getuid()
    monkeypatch.setattr(cache.os, "getuid", lambda: real + 1)  # the files now belong to another
    assert cache.read_entry(key) is None
    assert cache.write_entry(key, "w") is False


def test_symbolic_link_entry_is_refused(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "input.yaml"
    source.write_text("a: 1\n")
    key = cache.cache_key([source])
    cache.write_entry(key, "v")
    (entry,) = entries(cache_home)
    moved = tmp_path / "elsewhere.pickle"
    entry.rename(moved)
    entry.symlink_to(moved)
    assert cache.read_entry(key) is None


def test_no_cache_variable_neither_reads_nor_writes(cache_home: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAWCHECK_NO_CACHE", "1")
    source = tmp_path / "input.yaml"
    source.write_text("a: 1\n")
    calls, build = counting("v")
    cache.cached([source], build)
    cache.cached([source], build)
    assert len(calls) == 2
    assert not cache_home.exists()


def test_an_input_that_is_no_small_regular_file_is_never_read_for_the_key(tmp_path: Path) -> None:
    small = tmp_path / "a.yaml"
    small.write_text("id: a\n", encoding="utf-8")
    huge = tmp_path / "huge.yaml"
    with open(huge, "wb") as out:  # sparse: costs no disk, but reading it would cost 3 GB
        out.truncate(3 * 1024 ** 3)
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)  # reading it would hang
    assert cache.cache_key([small]) is not None
    assert cache.cache_key([small, huge]) is None
    assert cache.cache_key([small, pipe]) is None
    built = []
    assert cache.cached([small, pipe], lambda: built.append(1) or "fresh") == "fresh"
    assert built == [1]


@pytest.fixture()
def built_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """As the command line runs: a missing entry is compiled in a child process."""
    monkeypatch.setattr(cache, "_APART_OWNER", None)
    cache.build_apart()


def test_an_entry_built_apart_is_stored_and_read_back(cache_home: Path, tmp_path: Path,
                                                      built_apart: None) -> None:
    source = tmp_path / "input.yaml"
    source.write_text("a: 1\n")
    calls, build = counting({"built": "in the child"})
    assert cache.cached([source], build) == {"built": "in the child"}
    assert calls == []  # the build ran in the child, whose calls this process never sees
    assert len(entries(cache_home)) == 1


def test_a_failed_build_apart_is_built_here_and_its_error_raised(cache_home: Path, tmp_path: Path,
                                                                  built_apart: None) -> None:
    source = tmp_path / "input.yaml"
    source.write_text("a: 1\n")

    def broken() -> object:
        raise ValueError("a rule file error, reported by this process")

    with pytest.raises(ValueError, match="reported by this process"):
        cache.cached([source], broken)
    assert entries(cache_home) == []
