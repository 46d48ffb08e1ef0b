"""Turn the paths a user or CI names (files, folders, globs) into a sorted list of drafts.

Folders are walked recursively for `.txt` and `.docx` files; hidden folders and files and Word
lock files (`~$draft.docx`) are skipped because they are never drafts. Include/exclude globs come
from the command line (relative to the current directory) and from the config file (relative to
the config's folder); both use the same gitignore-like matching so that a drafter writes them once.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import re2

from checker.budgets import GLOB_MAX_CHARS, WALK_MAX_DEPTH, os_problem, resolve_path

DRAFT_SUFFIXES = (".txt", ".docx")
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class GlobSet:
    """Globs anchored at one folder (the config's folder or the current directory)."""

    base: Path
    patterns: tuple[str, ...]

    def matches(self, path: Path) -> bool:
        """True when any pattern matches the path or one of its parent folders below `base`."""
        rel = relative_posix(path, self.base)
        if rel is None:
            return False
        return any(glob_matches(pattern, rel) for pattern in self.patterns)


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
def _compile(pattern: str, anchored: bool) -> Any:
    """A glob as an RE2 regex (linear time whatever the pattern) matching a path or its parent.

    `**/` spans folders (repeated, it is still one span), `*` and `?` stay inside one name. An
    anchored pattern matches from the base; otherwise a pattern matches a name at any depth. Either
    way everything inside a matched folder matches too.
    """
    if len(pattern) > GLOB_MAX_CHARS:
        raise GlobError(f"longer than {GLOB_MAX_CHARS} characters")
    out: list[str] = ["(?:.*/)?" if not anchored else ""]
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            if out[-1] != "(?:.*/)?":
                out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = pattern.find("]", i + 2)
            if end == -1:
                out.append(re.escape(char))
            else:
                out.append(_char_class(pattern[i + 1:end]))
                i = end
        else:
            out.append(re.escape(char))
        i += 1
    out.append("(?:/.*)?")
    options = re2.Options()
    options.log_errors = False
    options.max_mem = 1 << 20
    try:
        return re2.compile("".join(out), options)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else "invalid pattern"
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise GlobError(str(reason)) from None


def _char_class(body: str) -> str:
    """`[abc]`, `[a-z]`, `[!a]`: one character of a name, as fnmatch reads it."""
    negated = body.startswith("!")
    if negated:
        body = body[1:]
    body = body.replace("\\", "\\\\").replace("[", "\\[")
    if body.startswith("^"):  # literal in a glob, negation in a regex
        body = "\\" + body
    return ("[^/" if negated else "[") + body + "]"


def glob_problem(pattern: str) -> str | None:
    """Why `pattern` cannot be used as a glob, or None."""
    cleaned = _clean(pattern)
    if not cleaned:
        return None
    try:
        _compile(cleaned.lstrip("/"), "/" in cleaned)
    except GlobError as exc:
        return str(exc)
    return None


def _clean(pattern: str) -> str:
    pattern = pattern.strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    return pattern.rstrip("/")


def glob_matches(pattern: str, rel_path: str) -> bool:
    """Gitignore-like test of a posix path relative to the glob's base.

    A pattern without "/" matches a file or folder name at any depth (`*-old.txt`, `archive`);
    a pattern with "/" is anchored at the base (`drafts/2025/*.txt`, `drafts/archive/`). A
    pattern that names a folder also matches everything inside it. A pattern that is not a glob
    (see `glob_problem`, checked where patterns are read) matches nothing.
    """
    pattern = _clean(pattern)
    if not pattern:
        return False
    try:
        regex = _compile(pattern.lstrip("/"), "/" in pattern)
    except GlobError:
        return False
    return regex.fullmatch(rel_path) is not None


def is_draft_name(name: str) -> bool:
    """A file a folder walk picks up: .txt/.docx, not hidden, not a Word lock file."""
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
    regex = _compile(rest, True)
    levels = rest.count("/") + 1
    spans = "**" in rest

    def rel(path: Path) -> str:
        return path.relative_to(base).as_posix()

    def enter(path: Path) -> bool:
        if excluded(path):
            return False
        name = rel(path)
        return spans or name.count("/") + 1 < levels or regex.fullmatch(name) is not None

    return [path for path in _walk(base, problems, cwd, enter) if regex.fullmatch(rel(path))]


def collect(
    inputs: Sequence[str],
    *,
    include: Sequence[GlobSet] = (),
    exclude: Sequence[GlobSet] = (),
    cwd: Path | None = None,
) -> Collected:
    """Expand files, folders and globs into drafts, sorted by posix path, each once.

    Files named explicitly are always checked unless an exclude glob matches them (so the config's
    excludes hold under pre-commit, which passes file names); include globs narrow only what folder
    walks and globs find. An input that does not exist, a folder that cannot be read and a bad
    glob are problems to report; a folder or glob that finds no draft is not (the caller decides
    what an empty run means). Named or found entries that are not regular files (FIFOs, devices,
    link loops) are kept, so that reading reports each of them on its own line.
    """
    cwd = cwd or Path.cwd()
    found: dict[str, Path] = {}
    problems: list[str] = []

    def excluded(path: Path) -> bool:
        return any(globs.matches(path) for globs in exclude)

    def included(path: Path) -> bool:
        active = [globs for globs in include if globs.patterns]
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
