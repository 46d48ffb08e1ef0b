"""Collecting drafts from files, folders and globs; include/exclude; stable order."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.gate.collect import GlobSet, collect, glob_matches

TREE = [
    "drafts/2025/kpk-cassation.txt",
    "drafts/2025/kpk-cassation.docx",
    "drafts/2025/~$kpk-cassation.docx",  # Word lock file
    "drafts/2025/notes.md",
    "drafts/2026/Земельный кодекс.TXT",
    "drafts/archive/old.txt",
    "drafts/.drafts-cache/copy.txt",  # hidden folder
    "drafts/.hidden.txt",
    "a-first.txt",
    "README.md",
]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in TREE:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    return tmp_path


def names(root: Path, files: tuple[Path, ...]) -> list[str]:
    return [f.relative_to(root).as_posix() for f in files]


def test_folder_is_walked_recursively_in_posix_order(tree: Path) -> None:
    found = collect(["."], cwd=tree)
    assert names(tree, found.files) == [
        "a-first.txt",
        "drafts/2025/kpk-cassation.docx",
        "drafts/2025/kpk-cassation.txt",
        "drafts/2026/Земельный кодекс.TXT",
        "drafts/archive/old.txt",
    ]
    assert found.problems == ()


def test_glob_inputs_are_expanded(tree: Path) -> None:
    found = collect(["drafts/**/*.txt"], cwd=tree)
    assert names(tree, found.files) == ["drafts/2025/kpk-cassation.txt", "drafts/archive/old.txt"]


def test_inputs_are_deduplicated_and_sorted_whatever_their_order(tree: Path) -> None:
    found = collect(["drafts/archive/old.txt", "drafts/2025", "a-first.txt", "drafts/2025/kpk-cassation.txt"],
                    cwd=tree)
    assert names(tree, found.files) == [
        "a-first.txt",
        "drafts/2025/kpk-cassation.docx",
        "drafts/2025/kpk-cassation.txt",
        "drafts/archive/old.txt",
    ]


def test_exclude_globs_prune_folders_and_names(tree: Path) -> None:
    found = collect(["."], exclude=[GlobSet(tree, ("archive", "*.docx"))], cwd=tree)
    assert names(tree, found.files) == [
        "a-first.txt",
        "drafts/2025/kpk-cassation.txt",
        "drafts/2026/Земельный кодекс.TXT",
    ]


def test_include_globs_narrow_folder_walks(tree: Path) -> None:
    found = collect(["."], include=[GlobSet(tree, ("drafts/2025/**",))], cwd=tree)
    assert names(tree, found.files) == ["drafts/2025/kpk-cassation.docx", "drafts/2025/kpk-cassation.txt"]


def test_config_globs_are_relative_to_their_own_folder(tree: Path) -> None:
    # Running from drafts/, a config glob written at the repository root still applies.
    found = collect(["."], exclude=[GlobSet(tree, ("drafts/2026",))], cwd=tree / "drafts")
    assert names(tree, found.files) == [
        "drafts/2025/kpk-cassation.docx",
        "drafts/2025/kpk-cassation.txt",
        "drafts/archive/old.txt",
    ]


def test_explicit_files_ignore_include_but_obey_exclude(tree: Path) -> None:
    only_2026 = [GlobSet(tree, ("drafts/2026/**",))]
    assert names(tree, collect(["a-first.txt"], include=only_2026, cwd=tree).files) == ["a-first.txt"]
    no_archive = [GlobSet(tree, ("drafts/archive/",))]
    assert collect(["drafts/archive/old.txt"], exclude=no_archive, cwd=tree).files == ()


def test_lock_files_are_skipped_even_when_named(tree: Path) -> None:
    assert collect(["drafts/2025/~$kpk-cassation.docx"], cwd=tree).files == ()


def test_missing_input_is_a_problem_but_others_are_kept(tree: Path) -> None:
    found = collect(["no-such.txt", "a-first.txt"], cwd=tree)
    assert names(tree, found.files) == ["a-first.txt"]
    assert len(found.problems) == 1
    assert found.problems[0].startswith("no-such.txt:")


@pytest.mark.parametrize(("pattern", "path", "expected"), [
    ("*.txt", "drafts/2025/a.txt", True),
    ("*.txt", "drafts/2025/a.docx", False),
    ("archive", "drafts/archive/old.txt", True),
    ("drafts/archive", "drafts/archive/old.txt", True),
    ("drafts/archive/", "drafts/archive/old.txt", True),
    ("archive/old.txt", "drafts/archive/old.txt", False),  # a pattern with "/" is anchored
    ("drafts/*.txt", "drafts/2025/a.txt", False),  # "*" stays inside one folder name
    ("drafts/**/*.txt", "drafts/a.txt", True),  # "**/" may be empty
    ("drafts/**/*.txt", "drafts/2025/x/a.txt", True),
    ("./drafts/2025/a.txt", "drafts/2025/a.txt", True),
    ("drafts/202[56]/*", "drafts/2026/a.txt", True),
    ("drafts/202[!5]/*", "drafts/2025/a.txt", False),
    ("?.txt", "drafts/ab.txt", False),
    ("", "a.txt", False),
])
def test_glob_matching(pattern: str, path: str, expected: bool) -> None:
    assert glob_matches(pattern, path) is expected


def test_globset_outside_its_base_matches_nothing(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    assert not GlobSet(tmp_path / "a", ("*.txt",)).matches(tmp_path / "b.txt")


def test_globs_follow_gitignore_including_negation(tree: Path) -> None:
    # pathspec's gitignore rules: a later "!pattern" takes a file back, as in .gitignore
    (tree / "drafts/archive/keep.txt").write_text("x", encoding="utf-8")
    globs = GlobSet(tree, ("drafts/archive/*", "!drafts/archive/keep.txt"))
    found = collect(["drafts"], exclude=[globs], cwd=tree)
    assert "drafts/archive/keep.txt" in names(tree, found.files)
    assert "drafts/archive/old.txt" not in names(tree, found.files)
    # a folder-only pattern prunes the folder, not a file of the same name
    (tree / "drafts/2025/archive").write_text("x", encoding="utf-8")
    assert GlobSet(tree, ("archive/",)).matches(tree / "drafts/archive")
    assert not GlobSet(tree, ("archive/",)).matches(tree / "drafts/2025/archive")


def test_folder_walk_collects_every_format_lawcheck_reads(tmp_path: Path) -> None:
    for name in ("bills/a.pdf", "bills/b.html", "bills/c.HTM", "bills/d.docx", "bills/e.txt",
                 "bills/f.rtf", "bills/g.odt", "bills/h.png", "bills/.i.pdf"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    result = collect([str(tmp_path / "bills")])
    assert names(tmp_path, result.files) == ["bills/a.pdf", "bills/b.html", "bills/c.HTM", "bills/d.docx",
                                              "bills/e.txt", "bills/f.rtf", "bills/g.odt"]


@pytest.mark.parametrize("pattern", ["[z-a]", "drafts/[z-a]*.txt", "x" * 1001])
def test_a_pattern_that_is_no_glob_is_named(pattern: str) -> None:
    from checker.gate.collect import glob_problem

    assert glob_problem(pattern)
    assert glob_matches(pattern, "drafts/a.txt") is False  # and never raises


@pytest.mark.parametrize(("pattern", "path", "expected"), [
    ("**/" * 12 + "x", "a/" * 40 + "x", True),
    ("**/" * 12 + "x", "a/" * 40 + "y", False),
    ("*a*a*a*a*a*a*a*a*b", "a" * 200, False),
    ("*a*a*a*a*a*a*a*a*b", "a" * 200 + "b", True),
])
def test_pathological_globs_match_like_the_plain_ones(pattern: str, path: str, expected: bool) -> None:
    assert glob_matches(pattern, path) is expected


@given(st.text(alphabet=st.sampled_from(list("ab*?[]!-/.^\\")), max_size=30),
       st.text(alphabet=st.sampled_from(list("ab/.-")), max_size=30))
@settings(max_examples=300, deadline=None)
def test_any_pattern_is_a_glob_or_a_named_problem(pattern: str, path: str) -> None:
    from checker.gate.collect import glob_problem

    problem = glob_problem(pattern)
    matched = glob_matches(pattern, path)
    assert problem is None or matched is False


def test_input_globs_do_not_follow_link_loops(tree: Path) -> None:
    import os

    os.symlink(".", tree / "drafts" / "again")
    os.symlink("..", tree / "drafts" / "2025" / "up")
    found = collect(["drafts/**/*.txt"], cwd=tree)
    assert names(tree, found.files) == ["drafts/2025/kpk-cassation.txt", "drafts/archive/old.txt"]
