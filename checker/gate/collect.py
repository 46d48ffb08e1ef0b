"""Turn the paths a user or CI names (files, folders, globs) into a sorted list of drafts.

Folders are walked recursively for the files lawcheck reads (`.txt`, `.docx`, `.pdf`, `.html`); hidden folders and files and Word
lock files (`~$draft.docx`) are skipped because they are never drafts. Include/exclude globs come
from the command line (relative to the current directory) and from the config file (relative to
the config's folder); both use gitignore matching (`pathspec`) so that a drafter writes them once.
Globs are matched by RE2 (pathspec's re2 backend), in time linear in the path whatever the pattern.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pathspec

from checker.budgets import GLOB_MAX_CHARS, WALK_MAX_DEPTH, os_problem, resolve_path

DRAFT_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm", ".rtf", ".odt")  # what checker.reading reads
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
        try:
            return bool(_spec(self.patterns).match_file(rel))
        except GlobError:  # refused where the patterns are read; here it matches nothing
            return False


@dataclass(frozen=True)
class Collected:
    """The drafts to check, plus the inputs that named nothing usable (reported, not fatal)."""

    files: tuple[Path, ...]
    problems: tuple[str, ...] = field(default=())


def relative_posix(path: Path, base: Path) -> str | None:
    """`path` relative to `base` in posix form, or None when it lies outside `base`."""
    try:
        return resolve_path(path).relative_to(resolve_path(base)).as_posix()
    except ValueError:
        return None


def display_path(path: Path, cwd: Path | None = None) -> str:
    """The path as reports show it: relative to the current directory when possible, posix."""
    cwd = cwd or Path.cwd()
    rel = relative_posix(path, cwd)
    if rel is not None:
        return rel
    # Outside the current folder once links are followed: show the link the user has.
    written = Path(os.path.abspath(path))
    try:
        return written.relative_to(os.path.abspath(cwd)).as_posix()
    except ValueError:
        return resolve_path(path).as_posix()


class GlobError(ValueError):
    """A pattern that cannot be a glob (a bad range like `[z-a]`, too long)."""


@lru_cache(maxsize=512)
def _spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    """gitignore semantics from `pathspec`, the matcher git-aware Python tools share.

    Matched by its RE2 backend: linear time whatever the pattern (`**/**/…/x`, `*a*a*a*b`).
    GlobError when a pattern is too long or not a glob at all (a range like `[z-a]`).
    """
    lines = []
    for pattern in patterns:
        pattern = pattern.strip()
        if pattern.startswith("./"):  # "./drafts" is how people write "drafts" from here
            pattern = pattern[2:]
        if len(pattern) > GLOB_MAX_CHARS:
            raise GlobError(f"longer than {GLOB_MAX_CHARS} characters")
        if pattern and not pattern.startswith("#"):
            lines.append(pattern)
    try:
        return pathspec.GitIgnoreSpec.from_lines(lines, backend="re2")
    except (re.error, ValueError) as exc:
        reason = exc.args[0] if exc.args else "invalid pattern"
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise GlobError(str(reason).split(" at position")[0]) from None


def glob_problem(pattern: str) -> str | None:
    """Why `pattern` cannot be used as a glob, or None."""
    try:
        _spec((pattern,))
    except GlobError as exc:
        return str(exc)
    return None


def glob_matches(pattern: str, rel_path: str) -> bool:
    """Gitignore-like test of a posix path relative to the glob's base.

    A pattern without "/" matches a file or folder name at any depth (`*-old.txt`, `archive`);
    a pattern with "/" is anchored at the base (`drafts/2025/*.txt`, `drafts/archive/`); `**`
    spans folders. A pattern that names a folder also matches everything inside it. A pattern
    that is not a glob (see `glob_problem`, checked where patterns are read) matches nothing.
    """
    try:
        return bool(_spec((pattern,)).match_file(rel_path))
    except GlobError:
        return False


def is_draft_name(name: str) -> bool:
    """A file a folder walk picks up: a readable suffix, not hidden, not a Word lock file."""
    return (
        name.lower().endswith(DRAFT_SUFFIXES)
        and not name.startswith(".")
        and not name.startswith("~$")
    )


def _walk(folder: Path, problems: list[str], cwd: Path,
          enter: Callable[[Path], bool] = lambda _: True) -> Iterator[Path]:
    """Draft-named entries below `folder`, in no particular order.

    Links to folders are not followed (a link loop cannot make the walk endless), hidden folders
    and those `enter` refuses are not entered. A folder that cannot be read, or that lies deeper
    than the budget, is a problem: reported, never silently skipped. What the entries are (a
    FIFO, a device, a link loop under a draft's name) is for reading to report.
    """
    stack = [(folder, 0)]
    while stack:
        current, depth = stack.pop()
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except OSError as exc:
            problems.append(f"{display_path(current, cwd)}: cannot read the folder: "
                            f"{os_problem(exc)} (check its permissions, or exclude it)")
            continue
        for entry in entries:
            if _is_folder(entry):
                path = Path(entry.path)
                if entry.name.startswith(".") or entry.is_symlink() or not enter(path):
                    continue
                if depth >= WALK_MAX_DEPTH:
                    problems.append(f"{display_path(path, cwd)}: folder nested more than "
                                    f"{WALK_MAX_DEPTH} levels deep, not checked (move the drafts "
                                    "up, or exclude the folder)")
                    continue
                stack.append((path, depth + 1))
            elif is_draft_name(entry.name):
                yield Path(entry.path)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # through links, as os.walk classifies them
    except OSError:
        return False


def _expand_glob(raw: str, cwd: Path, problems: list[str],
                 excluded: Callable[[Path], bool]) -> list[Path]:
    """Drafts matched by an input glob, found by walking below its literal part."""
    parts = raw.split("/")
    literal = 0
    while literal < len(parts) - 1 and not _GLOB_CHARS.search(parts[literal]):
        literal += 1
    base = Path("/".join(parts[:literal]) or ("/" if raw.startswith("/") else "."))
    base = base if base.is_absolute() else cwd / base
    rest = "/".join(part for part in parts[literal:] if part not in ("", "."))
    problem = glob_problem(rest)
    if problem is not None:
        problems.append(f"{raw}: not a valid glob: {problem} (quote it, or fix the pattern)")
        return []
    if not base.is_dir():
        return []
    spec = _spec(("/" + rest,))  # anchored at the glob's literal folder, as the shell reads it
    levels = rest.count("/") + 1
    spans = "**" in rest

    def rel(path: Path) -> str:
        return path.relative_to(base).as_posix()

    def enter(path: Path) -> bool:
        if excluded(path):
            return False
        name = rel(path)
        return spans or name.count("/") + 1 < levels or bool(spec.match_file(name + "/"))

    return [path for path in _walk(base, problems, cwd, enter) if spec.match_file(rel(path))]


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
    walks and globs find. An input that does not exist, a folder that cannot be read and a bad
    glob are problems to report; a folder or glob that finds no draft is not (the caller decides
    what an empty run means). Named or found entries that are not regular files (FIFOs, devices,
    link loops) are kept, so that reading reports each of them on its own line. `scoped(path)`
    adds the (include, exclude) globs of the config that governs that path.
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
        found.setdefault(resolve_path(path).as_posix(), path)

    for raw in inputs:
        path = Path(raw) if Path(raw).is_absolute() else cwd / raw
        if path.is_dir():
            candidates = list(_walk(path, problems, cwd, lambda folder: not excluded(folder)))
        elif os.path.lexists(path):
            if path.name.startswith("~$"):
                continue
            if not excluded(path):
                add(path)
            continue
        elif _GLOB_CHARS.search(raw):
            candidates = _expand_glob(raw, cwd, problems, excluded)
        else:
            problems.append(f"{raw}: no such file or folder "
                            "(check the path; quote globs so that lawcheck expands them)")
            continue
        for candidate in candidates:
            if included(candidate) and not excluded(candidate):
                add(candidate)
    files = sorted(found.values(), key=lambda p: display_path(p, cwd))
    return Collected(files=tuple(files), problems=tuple(problems))
