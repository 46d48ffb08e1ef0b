"""The quote scanner: one pass over the marks whatever the quotes, and what it finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.parsing import quotes
from checker.parsing.quotes import scan_quotes


class _CountingEvents:
    """Stands in for quotes._EVENTS and counts every mark and line break the scanner visits."""

    def __init__(self) -> None:
        self.visited = 0

    def finditer(self, text: str, *args: int):  # type: ignore[no-untyped-def]
        for match in re.compile(r'[«»"\n]').finditer(text, *args):
            self.visited += 1
            yield match


@pytest.mark.parametrize(("name", "text"), [
    ("never closed, one line", "«" * 3000),
    ("never closed, one per line", "а «\n" * 3000),
    ("inline, open for lines", "текст «а\n" * 3000),
    ("straight, never closed", 'а "б\n' * 3000),
])
def test_each_mark_is_visited_once_however_many_are_unclosed(monkeypatch: pytest.MonkeyPatch,
                                                              name: str, text: str) -> None:
    counter = _CountingEvents()
    monkeypatch.setattr(quotes, "_EVENTS", counter)
    scan_quotes(text)
    marks = len(re.findall(r'[«»"\n]', text))
    assert counter.visited == marks  # rescanning after each stray mark visited n²/2


def test_an_unclosed_quote_does_not_hide_the_quotes_after_it() -> None:
    text = "1) слово «а заменить;\n2) слова «б» заменить словами «в»;\n"
    scan = scan_quotes(text)
    assert scan.stray == (text.index("«а"),)
    assert [text[a:b] for a, b in scan.spans] == ["«б»", "«в»"]


def test_an_inline_quote_open_for_three_lines_is_stray_and_what_it_held_is_read() -> None:
    text = "слово «а «б» в\nг\nд\nе «ж»\n"
    scan = scan_quotes(text)
    assert scan.stray == (text.index("«а"),)
    assert [text[a:b] for a, b in scan.spans] == ["«б»", "«ж»"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('«»"\n а:.')), max_size=120))
def test_spans_are_ordered_disjoint_and_made_of_quote_marks(text: str) -> None:
    scan = scan_quotes(text)
    last_end = 0
    for start, end in scan.spans:
        assert last_end <= start < end <= len(text)
        assert text[start] in '«"' and text[end - 1] in '»"'
        last_end = end
    assert list(scan.stray) == sorted(set(scan.stray))
    assert all(text[pos] in '«"' for pos in scan.stray)


def test_recovered_quotes_are_read_in_the_same_single_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.parsing.recover import recovery_end

    text = "".join(f"{2 * i + 1}) в статье 2 слова «по решению суда заменить;\n{2 * i + 2}) статью 5 исключить;\n"
                   for i in range(300))
    counter = _CountingEvents()
    monkeypatch.setattr(quotes, "_EVENTS", counter)
    scan = scan_quotes(text, recover=recovery_end)
    assert len(scan.recovered) == 300  # each taken up to the next instruction, not to the end
    assert counter.visited == len(re.findall(r'[«»"\n]', text))
