"""Size limits that keep reading bounded in memory and time, and the zip-bomb guard for .docx.

A .docx is a zip archive: a 50 KB file can inflate to gigabytes. Everything here runs on the
archive's directory only, before one byte is decompressed, so a hostile file costs nothing.
"""

from __future__ import annotations

import errno
import os
import stat
import struct
import zipfile
from pathlib import Path

from checker.budgets import (
    DOCX_MAX_BLOCK_ELEMENTS,
    DOCX_MAX_COMPRESSION_RATIO,
    DOCX_MAX_DECLARED_BYTES,
    DOCX_MAX_PARTS,
    DRAFT_MAX_BYTES,
    not_regular,
    os_problem,
    size_text,
)
from checker.errors import InputError

MB = 1024 * 1024
DEFAULT_MAX_BYTES = DRAFT_MAX_BYTES  # any input file, as stored on disk
MAX_UNCOMPRESSED_BYTES = DOCX_MAX_DECLARED_BYTES  # sum of the declared sizes of all members
MAX_COMPRESSION_RATIO = DOCX_MAX_COMPRESSION_RATIO  # uncompressed : compressed, per member ...
RATIO_CHECK_MIN_BYTES = 1 * MB  # ... for members that inflate to at least this much
MAX_ZIP_MEMBERS = DOCX_MAX_PARTS
# Word writes its parts stored or deflated; bzip2 and LZMA inflate without an output bound.
_WORD_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)

_EOCD_SIGNATURE = b"PK\x05\x06"
_EOCD_SIZE = 22
_EOCD_SEARCH = _EOCD_SIZE + 0xFFFF  # the record ends the file, after a comment of <= 64 KB

SUGGEST_SMALLER = "split the draft or remove embedded images"
NOT_A_DRAFT = "a draft is a regular .txt or .docx file: remove this entry or exclude it"


def check_file(path: Path, location: str, max_bytes: int) -> int:
    """Return the size of a regular, non-empty file no larger than `max_bytes`."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("no such file", location) from None
    except OSError as exc:
        hint = NOT_A_DRAFT if exc.errno == errno.ELOOP else "check the file's permissions"
        raise InputError(f"cannot open the file: {os_problem(exc)}", location, hint) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a folder, not a file", location)
    kind = not_regular(info.st_mode)
    if kind is not None:
        raise InputError(f"is {kind}, not a regular file", location, NOT_A_DRAFT)
    if info.st_size == 0:
        raise InputError("empty file", location)
    if info.st_size > max_bytes:
        raise InputError(f"file is too large ({_mb(info.st_size)}; the limit is {_mb(max_bytes)})",
                         location, hint=SUGGEST_SMALLER)
    return info.st_size


def read_bounded(path: Path, location: str, max_bytes: int) -> bytes:
    """Read at most `max_bytes`; a file that grew past the limit since `stat` is refused too."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as handle:
            kind = not_regular(os.fstat(fd).st_mode)  # replaced by a FIFO since `stat`?
            if kind is not None:
                raise InputError(f"is {kind}, not a regular file", location, NOT_A_DRAFT)
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read the file: {os_problem(exc)}", location) from None
    if len(data) > max_bytes:
        raise InputError(f"file is too large (the limit is {_mb(max_bytes)})", location,
                         hint=SUGGEST_SMALLER)
    if not data:
        raise InputError("empty file", location)
    return data


def declared_member_count(path: Path) -> int | None:
    """Entry count from the zip's end-of-central-directory record, or None if there is none.

    Read before `zipfile` builds one object per entry, so a directory of a million tiny
    entries is refused without allocating them.
    """
    size = os.path.getsize(path)
    with open(path, "rb") as handle:
        handle.seek(max(0, size - _EOCD_SEARCH))
        tail = handle.read()
    at = tail.rfind(_EOCD_SIGNATURE)
    if at < 0 or len(tail) - at < _EOCD_SIZE:
        return None
    fields = struct.unpack("<4s4H2LH", tail[at:at + _EOCD_SIZE])
    return int(fields[4])  # total entries in the central directory


def check_archive(
    archive: zipfile.ZipFile,
    location: str,
    *,
    max_total: int = MAX_UNCOMPRESSED_BYTES,
    max_ratio: int = MAX_COMPRESSION_RATIO,
    max_members: int = MAX_ZIP_MEMBERS,
    what: str = ".docx",
) -> None:
    """Refuse an archive whose directory promises too much before anything is inflated.

    Reads later never return more than a member's declared size (zipfile stops there and then
    checks the CRC), so bounding the declared sizes bounds the work.
    """
    members = archive.infolist()
    if len(members) > max_members:
        raise InputError(f"not a valid {what}: too many parts ({len(members)}; "
                         f"the limit is {max_members}), it looks like a zip bomb", location)
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise InputError(f"the {what} is encrypted", location,
                             hint=f"save it as {what} without a password")
        if member.compress_type not in _WORD_METHODS:
            raise InputError(f"not a valid {what}: part {member.filename!r} is compressed with a "
                             f"method Word never uses ({member.compress_type})", location,
                             hint=f"open it in {'Word' if what == '.docx' else 'its editor'} and save it again as {what}")
        total += member.file_size
        if total > max_total:
            raise InputError(f"not a valid {what}: it unpacks to more than {_mb(max_total)}, "
                             "it looks like a zip bomb", location)
        ratio_applies = member.file_size >= RATIO_CHECK_MIN_BYTES
        if ratio_applies and member.file_size > max_ratio * max(member.compress_size, 1):
            raise InputError(f"not a valid {what}: part {member.filename!r} is compressed more "
                             f"than {max_ratio}:1, it looks like a zip bomb", location)


def check_member_count(path: Path, location: str, max_members: int = MAX_ZIP_MEMBERS,
                       what: str = ".docx") -> None:
    """Refuse a zip whose end record declares too many entries (see `declared_member_count`)."""
    try:
        count = declared_member_count(path)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", location) from None
    if count is not None and count > max_members:
        raise InputError(f"not a valid {what}: too many parts ({count}; the limit is "
                         f"{max_members}), it looks like a zip bomb", location)


def block_too_large(location: str, hint: str) -> InputError:
    """A paragraph or table row of a .docx or .odt holds more XML elements than one block may."""
    return InputError(f"a paragraph or table row holds more than {DOCX_MAX_BLOCK_ELEMENTS} XML elements",
                      location, hint=hint)


def draft_too_long(location: str, lines: int, chars: int, max_lines: int,
                   max_chars: int) -> InputError:
    """The draft holds more text than one run checks within its time and memory budget."""
    if lines > max_lines:
        what = f"more than {max_lines:,} lines"
    else:
        what = f"more than {max_chars:,} characters of text"
    return InputError(f"the draft is too long ({what})", location,
                      hint="split it into several drafts and check them together")


def _mb(size: int) -> str:
    return size_text(size)
