"""The grammar's parser stored in the user's cache folder (checker/parsing/grammar.py) parses
exactly as one built in the process, and an entry that does not verify is refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker import recache
from checker.engine import cache
from checker.parsing import grammar, parse_text, statements

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DRAFTS = sorted(EXAMPLES.glob("*_bill.txt"))


@pytest.fixture
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("LAWCHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(recache, "_store", None)  # this test's own store, read afresh
    monkeypatch.setattr(recache, "_compiled", {})
    monkeypatch.setattr(recache, "_added", 0)
    return tmp_path / "xdg" / "lawcheck"


def _parsed_with(parser, monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    monkeypatch.setattr(statements, "parser", lambda: parser)
    statements._shape_template.cache_clear()
    try:
        return [parse_text(d.read_text(encoding="utf-8"), path=d.name).to_json() for d in DRAFTS]
    finally:
        statements._shape_template.cache_clear()


def test_stored_parser_parses_as_a_fresh_one(user_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    grammar.build_parser()  # writes the entry
    assert len(list(user_cache.glob("parser-*.pickle"))) == 1
    stored = grammar.build_parser()  # read back
    if recache.available():
        lexers = grammar._basic_lexers(stored)
        assert lexers and all(lexer.re is recache for lexer in lexers)
    fresh = grammar.build_parser(cache_file=False)
    assert _parsed_with(stored, monkeypatch) == _parsed_with(fresh, monkeypatch)


def test_tampered_parser_entry_is_refused_and_rebuilt(user_cache: Path) -> None:
    key = grammar.parser_key(grammar.grammar_text())
    grammar.build_parser()
    assert cache.read_entry(key, kind="parser") is not None
    entry = next(user_cache.glob("parser-*.pickle"))
    data = bytearray(entry.read_bytes())
    data[-1] ^= 1
    entry.write_bytes(bytes(data))
    assert cache.read_entry(key, kind="parser") is None
    grammar.build_parser()  # refused: built from the grammar and stored again
    assert cache.read_entry(key, kind="parser") is not None


def test_no_cache_writes_no_parser_entry(user_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAWCHECK_NO_CACHE", "1")
    grammar.build_parser()
    assert not list(user_cache.glob("parser-*.pickle"))


PATTERNS = [r"(?P<A>\d+)-(?P<B>бап\w*)", r"(?i:статья)\s+\d+", r"[^\W\d_]+(?:-[^\W\d_]+)*",
            r"\bне\b|\bемес\b", r"(a|b)*?c{2,5}$", r"(?s).+?(?=;)"]
TEXTS = ["12-бабы", "Статья 15 и СТАТЬЯ 7", "ата-ана, 65-1", "не емес; x", "ababccc", "a;b;"]


def test_stored_regex_code_compiles_the_same_patterns(user_cache: Path) -> None:
    if not recache.available():
        pytest.skip("this Python compiles with re as usual")
    first = [recache.compile(p) for p in PATTERNS]
    recache._save()  # what the process does at exit
    assert list(user_cache.glob("re-*.pickle"))
    recache._store, recache._compiled, recache._added = None, {}, 0
    second = [recache.compile(p) for p in PATTERNS]
    assert recache._added == 0  # every pattern came from the store
    for pattern, a, b in zip(PATTERNS, first, second):
        plain = re.compile(pattern)
        assert (b.pattern, b.flags, b.groups, b.groupindex) == (plain.pattern, plain.flags,
                                                               plain.groups, plain.groupindex)
        for text in TEXTS:
            assert [m.span() for m in b.finditer(text)] == [m.span() for m in plain.finditer(text)]
            assert [m.groups() for m in a.finditer(text)] == [m.groups() for m in plain.finditer(text)]
    with pytest.raises(re.error):
        recache.compile("(unclosed")
