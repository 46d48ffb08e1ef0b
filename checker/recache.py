"""Regular expressions compiled from code stored in the user's cache folder.

The parser's lexer states, the act registry and the frame patterns are a few hundred large
regular expressions; CPython compiles each one in Python code (`re._parser`, `re._compiler`)
in every process, about 0.3 s of a check of a small bill. What that compiler produces for a
pattern depends only on the pattern, its flags and the Python build, so it is stored: the
first process that compiles a pattern records its code, writes the store when it exits, and
later processes hand the code straight to `_sre.compile` (the step `re.compile` ends with).

The store is an entry of checker/engine/cache.py (`re-*.pickle`: owner checks and an HMAC,
as for the rule base), keyed by the Python build and the regex engine's version. On a Python
where the shortcut does not give the very pattern `re.compile` gives (`available()`), and with
`LAWCHECK_NO_CACHE=1`, everything is compiled by `re` as usual.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import re
import sys
from functools import cache
from typing import Any

MAX_PATTERNS = 4000  # patterns kept in the store; the oldest go first

error = re.error
_store: dict[tuple[str, int], tuple[Any, ...]] | None = None
_compiled: dict[tuple[str, int], re.Pattern[str]] = {}
_added = 0
_owner = 0  # the process that loaded the store (a forked worker never writes it)


@cache
def available() -> bool:
    """Whether `_sre.compile` on stored code gives what `re.compile` gives, on this Python."""
    try:
        import _sre

        sample = r"(?P<A>a+)|(?P<B>[^\W\d_]+(?:-\w+)*)\b(?i:x)"
        mine = _sre.compile(sample, *_parts(sample, 0))
        theirs = re.compile(sample)
        return (mine.groupindex == theirs.groupindex and mine.flags == theirs.flags
                and mine.groups == theirs.groups
                and mine.match("ab-c").span() == theirs.match("ab-c").span())
    except Exception:  # noqa: BLE001 - another Python: `re` as usual
        return False


def _parts(pattern: str, flags: int) -> tuple[Any, ...]:
    """What `re._compiler.compile` hands to `_sre.compile` after the pattern itself."""
    from re import _compiler, _parser  # type: ignore[attr-defined]  # noqa: PLC2701

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are named int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _key() -> str:
    import _sre

    digest = hashlib.sha256(f"regex code\0{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}".encode())
    return digest.hexdigest()


def _load() -> dict[tuple[str, int], tuple[Any, ...]] | None:
    global _store, _owner
    if _store is None:
        from checker.engine import cache as entries

        if entries.disabled() or not available():
            _store = {}
            return None
        found = entries.read_entry(_key(), kind="re")
        _store = found if isinstance(found, dict) else {}
        _owner = os.getpid()
        atexit.register(_save)
    return _store if _owner else None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - as re.compile
    """`re.compile(pattern, flags)`, from stored code when the store has it."""
    global _added
    flags = int(flags)
    key = (pattern, flags)
    found = _compiled.get(key)
    if found is not None:
        return found
    store = _load()
    if store is None or not isinstance(pattern, str):
        found = re.compile(pattern, flags)
    else:
        import _sre

        parts = store.get(key)
        if parts is None:
            parts = _parts(pattern, flags)  # raises re.error as re.compile would
            store[key] = parts
            _added += 1
        found = _sre.compile(pattern, *parts)
    _compiled[key] = found
    return found


def match(pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
    return compile(pattern, flags).match(string)


def _save() -> None:
    """At exit: write the store again when this process compiled patterns it lacked."""
    if not _added or _store is None or os.getpid() != _owner:
        return
    from checker.engine import cache as entries

    if entries.disabled():  # switched off since (a test's settings undone)
        return
    kept = dict(list(_store.items())[-MAX_PATTERNS:])
    entries.write_entry(_key(), kept, kind="re")
