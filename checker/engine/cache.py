"""The compiled rule base, cached on disk so that a check starts without reading YAML again.

Loading and compiling the rule files, the concepts, the units and the effect markers costs far
more than checking a small bill. The compiled `RuleSet` is therefore pickled into the user's
cache folder (`$XDG_CACHE_HOME/lawcheck`, else `~/.cache/lawcheck`) under a key that is a hash of:
the content and path of every file read (rules, concepts, units, markers, the user's own, the
act registry grammar/acts.yaml), the lawcheck version, the Python version, the source of the
engine and of the morphology, and the current folder (rule sources are shown relative to it).
Any change gives a new key; an entry that is not found is built and written (by the command
line, in a forked child process, so that the compile's garbage never weighs on the run). The grammar's
parser is stored the same way under its own kind of entry (`parser-*.pickle`, see
checker/parsing/grammar.py), with the same checks.

Why unpickling the entry is safe: pickle runs code, so an entry is read only when

- the cache folder and the entry are owned by the user running lawcheck, are not symbolic
  links, and are writable by nobody else (no group or other write bit), and
- the entry's HMAC-SHA256, written beside the payload, verifies with a secret key of 32 random
  bytes kept in the same folder (`key`, mode 0600, under the same ownership checks).

Only a process running as the user can then have written an entry that verifies, and such a
process could run code as the user anyway. Anything else (another owner, a group-writable
folder, a tampered or truncated entry, a missing key) is refused: the rule base is compiled from
the files, as without a cache, and a fresh entry replaces the refused one. Entries are written
to a temporary file in the folder and renamed into place, so a reader never sees half of one.

`LAWCHECK_NO_CACHE=1` (or `lawcheck check --no-cache`) neither reads nor writes the cache.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

MAGIC = b"lawcheck-rules-cache 1\n"
DIGEST = 32  # bytes of HMAC-SHA256
KEEP = 8  # entries kept; older ones are removed when a new one is written
_SOURCES = ("engine", "morph")  # packages whose code shapes the pickled objects
_APART_OWNER: int | None = None  # the process that asked for entries to be built apart


def disabled() -> bool:
    return os.environ.get("LAWCHECK_NO_CACHE", "").strip() not in ("", "0")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "lawcheck"


# an input above this size (or not a regular file) is never hashed: the loader refuses it with a
# clear message, and the run goes without the cache (a 3 GB sparse rule file is not read to hash it)
MAX_INPUT_BYTES = 8 * 1024 * 1024


def cache_key(files: Iterable[Path]) -> str | None:
    """The hash that names an entry: every input file, the code and the environment; None when
    an input is not a small regular file (then nothing is cached)."""
    from checker import __version__

    digest = hashlib.sha256()
    for part in (__version__, sys.version, sys.implementation.cache_tag or "", os.getcwd()):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    package = Path(__file__).resolve().parent.parent
    code = sorted(p for name in _SOURCES for p in (package / name).glob("*.py"))
    for file in (*code, *(Path(f) for f in files)):
        digest.update(str(file).encode("utf-8", "surrogateescape") + b"\0")
        try:
            info = file.stat()
        except OSError:
            info = None
        if info is not None and (not stat.S_ISREG(info.st_mode) or info.st_size > MAX_INPUT_BYTES):
            return None  # a FIFO, a device or a huge file: never read here
        try:
            content = file.read_bytes() if info is not None else b"\0missing\0"
        except OSError:
            content = b"\0missing\0"
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()


def _private(path: Path, *, directory: bool) -> bool:
    """Owned by this user, the expected kind (no symbolic link), writable by nobody else."""
    try:
        info = path.lstat()
    except OSError:
        return False
    kind = stat.S_ISDIR(info.st_mode) if directory else stat.S_ISREG(info.st_mode)
    owner = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return kind and owner and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _folder(create: bool) -> Path | None:
    folder = cache_dir()
    if create and not folder.exists():
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return None
    return folder if _private(folder, directory=True) else None


def _secret(folder: Path, create: bool) -> bytes | None:
    path = folder / "key"
    if _private(path, directory=False):
        try:
            secret = path.read_bytes()
        except OSError:
            return None
        return secret if len(secret) == 32 else None
    if not create or path.exists() or path.is_symlink():
        return None  # a key that is not the user's own is never replaced silently
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:
        return None
    secret = os.urandom(32)
    with os.fdopen(descriptor, "wb") as out:
        out.write(secret)
    return secret


def entry_path(key: str, kind: str = "rules") -> Path:
    """`kind` names what is stored: "rules" (the rule base), "parser" (the grammar's parser)."""
    return cache_dir() / f"{kind}-{key[:40]}.pickle"


def read_entry(key: str, kind: str = "rules") -> Any | None:
    """The cached object for `key`, or None when absent, refused or unreadable."""
    folder = _folder(create=False)
    if folder is None:
        return None
    path = folder / entry_path(key, kind).name
    if not _private(path, directory=False):
        return None
    secret = _secret(folder, create=False)
    if secret is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(MAGIC)
    if not data.startswith(MAGIC) or len(data) < head + DIGEST:
        return None
    # views, not copies: an entry of several MB is read once and held once
    mac, payload = data[head:head + DIGEST], memoryview(data)[head + DIGEST:]
    wanted = hmac.new(secret, key.encode() + b"\0", hashlib.sha256)
    wanted.update(payload)
    if not hmac.compare_digest(mac, wanted.digest()):
        return None
    import gc

    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of objects at once: the collector would walk them repeatedly
    try:
        return pickle.loads(payload)  # verified above: written by this user's lawcheck
    except Exception:  # an entry from an incompatible build: rebuild
        return None
    finally:
        if collecting:
            gc.enable()


def write_entry(key: str, value: Any, kind: str = "rules") -> bool:
    """Store `value` under `key` atomically; False when the cache cannot be used."""
    folder = _folder(create=True)
    if folder is None:
        return False
    secret = _secret(folder, create=True)
    if secret is None:
        return False
    target = folder / entry_path(key, kind).name
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
    except OSError:
        return False
    try:
        # streamed: the pickle goes straight to the file and the MAC is computed by reading it
        # back, so a large entry never sits in memory two or three times over
        with os.fdopen(descriptor, "w+b") as out:
            out.write(MAGIC + bytes(DIGEST))
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            out.flush()
            mac = hmac.new(secret, key.encode() + b"\0", hashlib.sha256)
            out.seek(len(MAGIC) + DIGEST)
            while chunk := out.read(1 << 20):
                mac.update(chunk)
            out.seek(len(MAGIC))
            out.write(mac.digest())
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except Exception:  # OSError, or a value that cannot be pickled: no entry
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return False
    _prune(folder, keep=target, kind=kind)
    return True


def _prune(folder: Path, keep: Path, kind: str = "rules") -> None:
    try:
        entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for old in [e for e in entries if e != keep][KEEP - 1:]:
        try:
            old.unlink()
        except OSError:
            pass


def build_apart() -> None:
    """Build a missing entry in a forked process that stores it; this process then reads it.

    The command line asks for this. Compiling the rule base leaves some 25 MB of garbage in the
    heap and pickling it a memo of as much again: in a child both are gone when it exits, so a
    run that misses the cache peaks where a run that hits it does (issue 11's memory budget:
    1.7 MB of balanced quotes peaked at 226 MB on a miss against 183 MB on a hit, budget 216).
    """
    global _APART_OWNER
    _APART_OWNER = os.getpid()


def _built_apart(key: str, build: Callable[[], Any]) -> Any | None:
    """The entry built and stored by a child process and read back; None when that failed (no
    fork, an unusable cache folder, a build error: the caller builds here and reports it)."""
    try:
        child = os.fork()
    except (AttributeError, OSError):
        return None
    if child == 0:  # pragma: no cover - runs in the child, which never returns
        stored = False
        try:
            stored = write_entry(key, build())
        except BaseException:
            pass
        os._exit(0 if stored else 1)
    _, status = os.waitpid(child, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    return read_entry(key)


def cached(files: Iterable[Path], build: Callable[[], Any]) -> Any:
    """`build()`, or the entry stored for these input files; a fresh build is stored (built in
    a child process after `build_apart`)."""
    if disabled():
        return build()
    key = cache_key(files)
    if key is None:
        return build()
    found = read_entry(key)
    if found is not None:
        return found
    if _APART_OWNER == os.getpid() and sys.platform.startswith("linux"):
        found = _built_apart(key, build)
        if found is not None:
            return found
    value = build()
    write_entry(key, value)
    return value
