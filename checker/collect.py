"""Turn the paths a user or CI names (files, folders, globs) into a sorted list of drafts.

Folders are walked recursively for the files lawcheck reads (`.txt`, `.docx`, `.pdf`, `.html`); hidden folders and files and Word
lock files (`~$draft.docx`) are skipped because they are never drafts. Include/exclude globs come
from the command line (relative to the current directory) and from the config file (relative to
the config's folder); both use gitignore matching (`pathspec`) so that a drafter writes them once.
"""

from __future__ import annotations

import glob as globlib
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pathspec

DRAFT_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")  # what checker.reading reads
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class GlobSet:
    """Globs anchored at one folder (the config's folder or the current directory)."""

    base: Path
    patterns: tuple[str, ...]

    def matches(self, path: Path) -> bool:
        """True when any pattern matches the path or one of its parent folders below `base`."""
        rel = relative_posix(path, self.base)
        if rel is None or not self.patterns:
            return False
        if rel != "." and path.is_dir():
            rel += "/"  # so that folder-only patterns ("archive/") prune the walk
        return bool(_spec(self.patterns).match_file(rel))


@dataclass(frozen=True)
class Collected:
    """The drafts to check, plus the inputs that named nothing usable (reported, not fatal)."""

    files: tuple[Path, ...]
    problems: tuple[str, ...] = field(default=())


def relative_posix(path: Path, base: Path) -> str | None:
    """`path` relative to `base` in posix form, or None when it lies outside `base`."""
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return None


def display_path(path: Path, cwd: Path | None = None) -> str:
    """The path as reports show it: relative to the current directory when possible, posix."""
    rel = relative_posix(path, cwd or Path.cwd())
    return rel if rel is not None else path.resolve().as_posix()


@lru_cache(maxsize=512)
def _spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    """gitignore semantics from `pathspec`, the matcher git-aware Python tools share."""
    lines = []
    for pattern in patterns:
        pattern = pattern.strip()
        if pattern.startswith("./"):  # "./drafts" is how people write "drafts" from here
            pattern = pattern[2:]
        if pattern and not pattern.startswith("#"):
            lines.append(pattern)
    return pathspec.GitIgnoreSpec.from_lines(lines)


def glob_matches(pattern: str, rel_path: str) -> bool:
    """Gitignore-like test of a posix path relative to the glob's base.

    A pattern without "/" matches a file or folder name at any depth (`*-old.txt`, `archive`);
    a pattern with "/" is anchored at the base (`drafts/2025/*.txt`, `drafts/archive/`); `**`
    spans folders. A pattern that names a folder also matches everything inside it.
    """
    return bool(_spec((pattern,)).match_file(rel_path))


def is_draft_name(name: str) -> bool:
    """A file a folder walk picks up: a readable suffix, not hidden, not a Word lock file."""
    return (
        name.lower().endswith(DRAFT_SUFFIXES)
        and not name.startswith(".")
        and not name.startswith("~$")
    )


def _walk(folder: Path, prune: Callable[[Path], bool] = lambda _: False) -> Iterable[Path]:
    """Drafts under `folder`; hidden and pruned (excluded) folders are not entered."""
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not prune(Path(root) / d))
        for name in names:
            if is_draft_name(name):
                yield Path(root) / name


def collect(
    inputs: Sequence[str],
    *,
    include: Sequence[GlobSet] = (),
    exclude: Sequence[GlobSet] = (),
    cwd: Path | None = None,
    scoped: Callable[[Path], tuple[Sequence[GlobSet], Sequence[GlobSet]]] | None = None,
) -> Collected:
    """Expand files, folders and globs into drafts, sorted by posix path, each once.

    Files named explicitly are always checked unless an exclude glob matches them (so the config's
    excludes hold under pre-commit, which passes file names); include globs narrow only what folder
    walks and globs find. An input that does not exist is a problem to report; a folder or glob
    that finds no draft is not (the caller decides what an empty run means). `scoped(path)` adds
    the (include, exclude) globs of the config that governs that path.
    """
    cwd = cwd or Path.cwd()
    found: dict[str, Path] = {}
    problems: list[str] = []

    def excluded(path: Path) -> bool:
        extra = scoped(path)[1] if scoped else ()
        return any(globs.matches(path) for globs in (*exclude, *extra))

    def included(path: Path) -> bool:
        extra = scoped(path)[0] if scoped else ()
        active = [globs for globs in (*include, *extra) if globs.patterns]
        return not active or any(globs.matches(path) for globs in active)

    def add(path: Path) -> None:
        found.setdefault(path.resolve().as_posix(), path)

    for raw in inputs:
        path = Path(raw) if Path(raw).is_absolute() else cwd / raw
        if path.is_file():
            if path.name.startswith("~$"):
                continue
            if not excluded(path):
                add(path)
            continue
        if path.is_dir():
            candidates = list(_walk(path, excluded))
        elif _GLOB_CHARS.search(raw):
            matches = globlib.glob(str(path), recursive=True)
            # glob() already skips hidden names unless the pattern spells them out.
            candidates = [Path(m) for m in matches if Path(m).is_file() and is_draft_name(Path(m).name)]
            candidates += [p for m in matches if Path(m).is_dir() for p in _walk(Path(m), excluded)]
        else:
            problems.append(f"{raw}: no such file or folder "
                            "(check the path; quote globs so that lawcheck expands them)")
            continue
        for candidate in candidates:
            if included(candidate) and not excluded(candidate):
                add(candidate)
    files = sorted(found.values(), key=lambda p: display_path(p, cwd))
    return Collected(files=tuple(files), problems=tuple(problems))

