"""Builds the Lark parser from grammar/amendment.lark plus the vocabulary terminals.

Building the LALR tables takes about half a second, so the serialised parser (`Lark.save`) is
stored in the user's cache folder through checker/engine/cache.py (owner checks and an HMAC, as
for the rule base), keyed by the grammar text and the versions of lark and Python. Lark's
contextual lexer then compiles one large regular expression per parser state on first use;
those come from checker/recache.py (compiled code stored the same way). With
`LAWCHECK_NO_CACHE=1` the parser comes from Lark's own cache file in the temp folder and the
regexes are compiled by `re`, as before the user cache.
"""

from __future__ import annotations

import hashlib
import io
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from lark import Lark

from checker.parsing.vocabulary import load_vocabulary
from checker.resources import grammar_dir

GRAMMAR_FILE = "amendment.lark"
_OPTIONS: dict[str, Any] = dict(parser="lalr", lexer="contextual", start="start",
                                maybe_placeholders=False)


def grammar_text() -> str:
    """The complete grammar: structure from the .lark file, words from the tables."""
    vocab = load_vocabulary()
    structure = (grammar_dir() / GRAMMAR_FILE).read_text(encoding="utf-8")
    structure = structure.replace("__TARGET_START__", vocab.target_start_regex())
    return structure + "\n// ---- generated from grammar/vocab/*.yaml ----\n" + vocab.terminal_definitions()


def build_parser(*, strict: bool = False, cache_file: bool = True) -> Lark:
    """LALR with the contextual lexer; from the user's cache folder when it holds this grammar."""
    text = grammar_text()
    if strict:
        return Lark(text, strict=True, **_OPTIONS)
    if not cache_file:
        return _unchecked(text)
    from checker.engine import cache as store

    key = parser_key(text)
    if store.disabled():  # as before the user cache: Lark's own file in the temp folder
        path = Path(tempfile.gettempdir()) / f"lawcheck-grammar-{key[:16]}.lark-cache"
        try:
            return _unchecked(text, cache=str(path))
        except OSError:
            return _unchecked(text)
    entry = store.read_entry(key, kind="parser")
    if not isinstance(entry, bytes):
        out = io.BytesIO()
        _unchecked(text).save(out)
        entry = out.getvalue()
        store.write_entry(key, entry, kind="parser")
    return _from_entry(entry)


def _unchecked(text: str, **options: Any) -> Lark:
    """The parser, built without lark's terminal-collision analysis (interegular: 4 of the 5
    seconds of a build). Outside strict mode it only writes to lark's logger, which is silent;
    the strict build (tests/test_grammar_constructs.py) still runs it."""
    import lark.lexer

    had = lark.lexer.has_interegular
    lark.lexer.has_interegular = False
    try:
        return Lark(text, **options, **_OPTIONS)
    finally:
        lark.lexer.has_interegular = had


def parser_key(text: str) -> str:
    """The cache key of the parser of this grammar text (with lark's and Python's versions)."""
    import lark

    digest = hashlib.sha256()
    for part in (text, lark.__version__, sys.version):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


def _from_entry(data: bytes) -> Lark:
    parser = Lark.load(io.BytesIO(data))
    from checker import recache

    if recache.available():
        for lexer in _basic_lexers(parser):
            lexer.re = recache  # each lexer state compiles its pattern from stored code
    return parser


def _basic_lexers(parser: Lark) -> list[Any]:
    """Every lexer state of the contextual lexer (each builds its scanner on first use)."""
    contextual = getattr(parser.parser, "lexer", None)
    found = {id(x): x for x in getattr(contextual, "lexers", {}).values()}
    root = getattr(contextual, "root_lexer", None)
    if root is not None:
        found[id(root)] = root
    return [lexer for lexer in found.values() if hasattr(lexer, "re")]


@cache
def parser() -> Lark:
    return build_parser()
