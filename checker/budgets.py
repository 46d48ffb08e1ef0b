"""Budgets: how much lawcheck reads, inflates, nests and expands before it refuses an input.

Every file the user hands over (drafts, rule, concept and unit files, the config, a baseline) is
read through `read_regular`: only a regular file is opened (a FIFO, a device such as /dev/zero or
a socket is refused before it can block or stream forever), its size is checked before reading
and again while reading, so a file that grows, or lies about its size, costs at most its budget.
The numbers are documented in the README ("Budgets"); a refusal is one line naming the file,
the budget and what to do.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from checker.errors import LawcheckError

MB = 1024 * 1024

# Drafts: the file on disk, then what it holds once decoded or unpacked.
DRAFT_MAX_BYTES = 20 * MB  # a .txt or .docx as stored
DRAFT_MAX_CHARS = 1_000_000  # text of one draft once decoded or unpacked (~350 pages)
DRAFT_MAX_LINES = 50_000  # lines of a .txt; paragraphs and table rows of a .docx
DRAFT_MAX_STATEMENTS = 15_000  # what the parser reads one by one (instructions, headings, items)

# .docx archives: checked on the zip directory before anything is inflated, then while inflating.
DOCX_MAX_DECLARED_BYTES = 200 * MB  # all parts together, as the zip directory declares them
DOCX_MAX_COMPRESSION_RATIO = 100  # uncompressed : compressed, for parts of 1 MB and more
DOCX_MAX_PARTS = 5_000  # a real .docx has tens of parts, a few hundred with many images
DOCX_MAX_UNPACKED_BYTES = 64 * MB  # the parts read (document, numbering, styles), as inflated
DOCX_MAX_BLOCK_ELEMENTS = 50_000  # XML elements of one paragraph or table row
DOCX_MAX_LABEL_CHARS = 64  # one automatic-numbering label ("1.2.3)", "а)"), as rendered
# .odt archives take the .docx zip limits above; content.xml is read as a stream within them.
RTF_MAX_GROUP_DEPTH = 1_000  # nested {groups} of an .rtf (Word writes a few dozen)

# The user's other files.
RULE_FILE_MAX_BYTES = 1 * MB  # each rule, concept, unit and effects file
CONFIG_MAX_BYTES = 1 * MB  # .lawcheck.yaml or pyproject.toml
BASELINE_MAX_BYTES = 32 * MB  # about 80,000 recorded findings
MAX_NESTING = 64  # levels of the config (it needs 4); rule files and baselines hit the parsers'
                  # own guard (about 1,000 levels) and are refused as nested too deeply
MAX_NUMBER_DIGITS = 20  # an integer in a baseline; YAML and TOML refuse thousands of digits

# Folders and globs.
GLOB_MAX_CHARS = 1_000  # one include/exclude pattern
MAX_GLOBS = 1_000  # include and exclude patterns together
WALK_MAX_DEPTH = 64  # folders below a folder given to lawcheck

_NOT_REGULAR = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}
_CHUNK = 1 << 20


def size_text(size: int) -> str:
    """"2.5 MB", "20 MB", "512 bytes": sizes as messages show them."""
    if size < MB:
        return f"{size} bytes" if size < 1024 else f"{size // 1024} KB"
    return f"{size / MB:.1f} MB" if size % MB else f"{size // MB} MB"


def not_regular(mode: int) -> str | None:
    """What a non-regular file is ("a FIFO (named pipe)", ...), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    return _NOT_REGULAR.get(stat.S_IFMT(mode), "not a regular file")


def os_problem(exc: OSError) -> str:
    """A short reason for an OSError, with symlink loops named as such."""
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop"
    return exc.strerror or type(exc).__name__


def read_regular(path: str | os.PathLike[str], limit: int, *, location: str | None = None,
                 error: type[LawcheckError] = LawcheckError, what: str = "file",
                 hint: str | None = None) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them, or `error` saying why not.

    `what` names the kind of file in messages ("rule file", "baseline"); `hint` says how to make
    a file that is too large acceptable.
    """
    where = location if location is not None else os.fspath(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise error(f"{what} not found", where) from None
    except OSError as exc:
        raise error(f"cannot open the {what}: {os_problem(exc)}", where) from None
    kind = not_regular(info.st_mode)
    if kind is not None:
        raise error(f"the {what} is {kind}, not a regular file", where,
                    "point lawcheck at a regular file") from None
    if info.st_size > limit:
        raise error(f"the {what} is too large ({size_text(info.st_size)}; the limit is "
                    f"{size_text(limit)})", where, hint)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
                     | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise error(f"cannot open the {what}: {os_problem(exc)}", where) from None
    try:
        kind = not_regular(os.fstat(fd).st_mode)  # replaced since the stat above?
        if kind is not None:
            raise error(f"the {what} is {kind}, not a regular file", where,
                        "point lawcheck at a regular file")
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew since stat, or its size was not the truth
                raise error(f"the {what} is too large (more than {size_text(limit)})", where, hint)
    except OSError as exc:
        raise error(f"cannot read the {what}: {os_problem(exc)}", where) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def is_regular_file(path: Path) -> bool:
    """True for a regular file (through links); False for anything else, loops included."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def resolve_path(path: Path) -> Path:
    """`path.resolve()`, or the absolute path as written when its links loop (3.11 raises then)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def value_problem(exc: ValueError) -> str:
    """One line for a ValueError raised while decoding a value (YAML, TOML, JSON)."""
    text = " ".join(str(exc).split())
    if "digits" in text and "integer" in text:  # Python's int_max_str_digits guard
        return "a number with thousands of digits"
    return text[:120]
