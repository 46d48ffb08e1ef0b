"""Authors' regular expressions, compiled with RE2 (linear time) once per process.

Its own module so that the rule schema (which validates a pattern) and the condition tree
(which searches with it) both import it, and not each other.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

import re2

# RE2's \b knows only ASCII letters; this is the Unicode word boundary written as a character.
UNICODE_BOUNDARY = r"(?:^|$|[^\pL\pN_])"


class RegexPattern:
    """An author's pattern compiled with RE2, shared by every condition that writes it.

    Pickled (the rule-base cache, checker/engine/cache.py) it keeps its source and its required
    literals and compiles again on first use, so a rule base loaded from the cache pays only for
    the patterns a draft needs.
    """

    __slots__ = ("pattern", "_compiled", "_needs", "_finder")

    def __init__(self, pattern: str, compiled: Any = None,
                 needs: tuple[str, ...] | None | bool = False):
        self.pattern = pattern  # as given to RE2 (\\b already turned Unicode)
        self._compiled = compiled
        self._needs: tuple[str, ...] | None | bool = needs  # False: not worked out yet
        self._finder: Any = None  # the required literals as one alternation (plain `re`)

    def _regex(self) -> Any:
        if self._compiled is None:
            self._compiled = _re2_compile(self.pattern)
        return self._compiled

    def may_match(self, text: str) -> bool:
        """False only when the text lacks every literal one of which each match contains."""
        finder = self._finder
        if finder is None:
            needs = self._needs
            if needs is False:
                needs = self._needs = required_literals(self.pattern)
            # one C-level scan for any of the literals; no literals: every text may match
            finder = self._finder = (_ANY_TEXT if needs is None
                                     else re.compile("|".join(map(re.escape, needs))))
        return finder.search(text) is not None

    def finditer(self, text: str) -> Any:
        return self._regex().finditer(text)

    def search(self, text: str) -> Any:
        return self._regex().search(text)

    def __reduce__(self) -> tuple[Any, ...]:
        # The required literals go along: working them out parses the pattern in Python
        # (about 0.2 s for the whole rule base, in every process that loads it from the cache).
        needs = self._needs
        if needs is False:
            needs = self._needs = required_literals(self.pattern)
        return (RegexPattern, (self.pattern, None, needs))


_REGEXES: dict[str, RegexPattern] = {}
_ANY_TEXT = re.compile("")
_UNICODE_CLASS = re.compile(r"\\[pP](?:\{[^}]*\}|[A-Za-z])")


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Literals one of which every match of `pattern` contains, or None when none is known.

    "верховн\\pL*\\s+суд" needs both "верховн" and "суд" (the longest is kept);
    "(суд|прокурор)\\pL*" needs "суд" or "прокурор". Worked out from Python's
    parse of the pattern (\\pL read as any character); a pattern Python cannot parse, or one
    with flags, gets None and is always searched.
    """
    import re._constants as sre
    import re._parser as sre_parse

    if "[:" in pattern or "[[" in pattern:
        return None  # POSIX classes: RE2 and Python read them differently
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = sre_parse.parse(_UNICODE_CLASS.sub(".", pattern))
    except Exception:
        return None
    if tree.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    flagged = False

    def best(options: list[tuple[str, ...]]) -> tuple[str, ...] | None:
        good = [o for o in options if o and min(map(len, o)) >= 2]
        return max(good, key=lambda o: (min(map(len, o)), -len(o))) if good else None

    def sequence(items: Any) -> tuple[str, ...] | None:
        nonlocal flagged
        options: list[tuple[str, ...]] = []
        run: list[str] = []
        for op, av in items:
            if op is sre.LITERAL:
                run.append(chr(av))
                continue
            if run:
                options.append(("".join(run),))
                run = []
            found = None
            if op is sre.SUBPATTERN:
                if av[1] or av[2]:
                    flagged = True
                found = sequence(av[-1])
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
                found = sequence(av[2])
            elif op is sre.BRANCH:
                branches = [sequence(branch) for branch in av[1]]
                if all(branches):
                    found = tuple(dict.fromkeys(x for b in branches for x in b))  # type: ignore[union-attr]
            if found:
                options.append(found)
        if run:
            options.append(("".join(run),))
        return best(options)

    found = sequence(tree)
    return None if flagged else found


def compile_regex(pattern: str) -> RegexPattern:
    """Compile an author's pattern with RE2 (linear time); \\b becomes a Unicode boundary.

    Compiled once per process: the schema validates a pattern and the rule compiles it again.
    """
    found = _REGEXES.get(pattern)
    if found is None:
        source = _unicode_boundaries(pattern)
        found = _REGEXES[pattern] = RegexPattern(source, _re2_compile(source))
    return found


def _re2_compile(source: str) -> Any:
    options = re2.Options()
    options.log_errors = False
    # A budget for the lazily built DFA: with 8 MB the longest concept patterns ran out of it
    # and fell back to the slow NFA on every search (a third of the Russian check time).
    options.max_mem = 32 << 20
    try:
        return re2.compile(source, options)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else "invalid pattern"
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise ValueError(str(reason)) from None


def _unicode_boundaries(pattern: str) -> str:
    """Replace \\b outside character classes; \\B has no linear-time Unicode form."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            pair = pattern[i : i + 2]
            if not in_class and pair == r"\b":
                out.append(UNICODE_BOUNDARY)
            elif not in_class and pair == r"\B":
                raise ValueError(r"\B is not supported (RE2 has no Unicode non-boundary)")
            else:
                out.append(pair)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
            out.append(char)
            i += 1
            for lead in ("^", "]"):  # "[^]...]" and "[]...]": that "]" is a literal
                if i < len(pattern) and pattern[i] == lead:
                    out.append(lead)
                    i += 1
            continue
        if char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)
