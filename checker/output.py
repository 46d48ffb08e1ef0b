"""Writing reports and baselines without ever destroying a file the user did not name as output.

A target that is one of the run's inputs (a draft, the config, a rule or unit file, the baseline,
also through a symbolic or hard link) is refused before anything is written. The text goes to a
temporary file next to the target, which is renamed over it only once complete: an interrupted
run, a full disk or two runs writing the same file never leave half a report. A target that is
not a regular file (/dev/null, /dev/stdout, a FIFO) is written in place, as there is nothing to
rename over.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from checker.budgets import os_problem
from checker.errors import InputError


def refuse_inputs(target: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]], *,
                  location: str, option: str = "--output") -> None:
    """Raise InputError when `target` is the same file as one of `inputs` (device and inode)."""
    try:
        info = os.stat(target)
    except OSError:
        return  # not there yet (or unreachable): it cannot be an input
    if not stat.S_ISREG(info.st_mode):
        return
    key = (info.st_dev, info.st_ino)
    for item in inputs:
        try:
            other = os.stat(item)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == key:
            same = "" if os.fspath(item) == os.fspath(target) else f" (the same file as {os.fspath(item)})"
            raise InputError(f"{option} would overwrite an input of this run{same}", location,
                             f"choose another {option} file")


def write_text(target: str | os.PathLike[str], text: str, *, location: str | None = None,
               what: str = "report") -> None:
    """Write `text` (UTF-8) to `target` atomically; InputError with the reason if it fails."""
    with open_for_writing(target, location=location, what=what) as out:
        out.write(text)


@contextmanager
def open_for_writing(target: str | os.PathLike[str], *, location: str | None = None,
                     what: str = "report") -> Iterator[TextIO]:
    """A UTF-8 text stream that replaces `target` when the block ends without an exception.

    Until then the text goes to a temporary file beside the target; on any exception (a full
    disk, Ctrl-C) that file is removed and the target is left as it was.
    """
    where = location if location is not None else os.fspath(target)
    path = Path(target)
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise InputError(f"cannot write the {what}: {os_problem(exc)}", where) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise InputError(f"cannot write the {what}: it is a folder", where, "give a file name")
    temporary: Path | None = None
    try:
        if info is not None and not stat.S_ISREG(info.st_mode):
            fd = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))  # /dev/null, a FIFO
            final = None
        else:
            final = Path(os.path.realpath(path)) if path.is_symlink() else path
            final.parent.mkdir(parents=True, exist_ok=True)
            temporary = final.with_name(f".{final.name}.{secrets.token_hex(4)}.tmp")
            # 0o666 minus the umask, as for any new file; an existing target keeps its mode.
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                         | getattr(os, "O_CLOEXEC", 0), 0o666)
            if info is not None:
                os.fchmod(fd, stat.S_IMODE(info.st_mode))
        with open(fd, "w", encoding="utf-8", newline="") as out:
            yield out
            out.flush()
            if final is not None:
                os.fsync(out.fileno())
        if final is not None and temporary is not None:
            os.replace(temporary, final)
            temporary = None
    except OSError as exc:
        raise InputError(f"cannot write the {what}: {os_problem(exc)}", where) from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass
