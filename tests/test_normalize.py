"""Normalization: one canonical form, and every offset maps back to the user's text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.model import ParseResult
from checker.normalize import FORMAT_CHARS, lower_same_length, normalize
from checker.parsing import parse_text


@pytest.mark.parametrize(("raw", "expected"), [
    ("бiрiншi шiлдедегi", "бірінші шілдедегі"),          # Latin i inside Kazakh words
    ("Yкімет", "Үкімет"),                                # Latin Y for Ү
    ("баcқа", "басқа"),                                  # Latin c
    ("№ 731-VІ ҚРЗ", "№ 731-VI ҚРЗ"),                    # Cyrillic І inside a Roman numeral
    ("№ 12-ІІ", "№ 12-II"),
    ("N 12 и N7", "№ 12 и №7"),                          # N as the number sign
    ("«а» “б” „в“ ‹г›", '«а» "б" "в" «г»'),               # every quote style
    ("7 – 8 — 9 − 10", "7 - 8 - 9 - 10"),                # dashes
    ("а\u00a0б\u202fв\tг", "а б в г"),                   # non-breaking and other spaces
    ("тар\u00adмақ\u200b", "тармақ"),                    # soft hyphen and zero-width space removed
    ("Law in Latin stays", "Law in Latin stays"),        # all-Latin words are not touched
])
def test_canonical_form(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


def test_offsets_map_back_over_deleted_characters() -> None:
    raw = "а\u200bб\u00adв г"
    n = normalize(raw)
    assert n.text == "абв г"
    assert [raw[n.to_original(i)] for i in range(len(n.text))] == list("абв г")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("абвіәңқ iYcN№«»\"“”–\u200b\u00ad\u00a0\t0123456789-.")), max_size=60))
def test_every_normalized_char_maps_to_an_original_position(raw: str) -> None:
    n = normalize(raw)
    positions = [n.to_original(i) for i in range(len(n.text))]
    assert positions == sorted(set(positions))          # strictly increasing
    assert all(0 <= p < len(raw) for p in positions)
    assert len(n.text) == len(raw) - sum(raw.count(c) for c in "\u200b\u00ad")


def test_lower_keeps_length_even_for_dotted_capital_i() -> None:
    assert len(lower_same_length("İСТАНБУЛ Бап")) == len("İСТАНБУЛ Бап")
    assert lower_same_length("Бап") == "бап"


# --- invisible format characters (Unicode Cf) -----------------------------------------------------

def test_format_characters_cover_every_cf_of_this_python() -> None:
    import sys
    import unicodedata

    pattern = re.compile(f"[{FORMAT_CHARS}]")
    missing = [f"U+{cp:04X}" for cp in range(sys.maxunicode + 1)
               if unicodedata.category(chr(cp)) == "Cf" and not pattern.match(chr(cp))]
    assert missing == []


def _format_chars() -> list[str]:
    """One of each kind of Cf: every BMP one, and the supplementary-plane ones by range."""
    import unicodedata

    chars = [chr(cp) for cp in range(0x10000) if unicodedata.category(chr(cp)) == "Cf"]
    chars += ["\U000110bd", "\U00013430", "\U0001bca0", "\U0001d173", "\U000e0001", "\U000e0041"]
    return chars


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["а", "б", " ", "\n", "«", "»", "1", *_format_chars()]), max_size=80))
def test_deleted_format_characters_map_back_exactly(chars: list[str]) -> None:
    raw = "".join(chars)
    n = normalize(raw)
    kept = [i for i, ch in enumerate(raw) if ch not in _format_chars()]
    assert len(n.text) == len(kept)
    assert [n.to_original(i) for i in range(len(n.text))] == kept


def test_a_million_format_characters_map_back_in_one_lookup() -> None:
    raw = "\u200f" * 1_000_000 + "а" + "\u200b\u200c" * 1000 + "б"
    n = normalize(raw)
    assert n.text == "аб"
    assert [n.to_original(0), n.to_original(1), n.to_original(2)] == [1_000_000, 1_002_001, 1_002_002]


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
_HEADER_WORD = re.compile(r"(?<![\w-])(?=[А-ЯЁӘҒҚҢӨҰҮҺІA-Z0-9«\"])")


def _shape(result: ParseResult) -> tuple:
    """What the parse says, with every user column and invisible character left out."""
    def clean(text: str | None) -> str | None:
        return None if text is None else re.sub(f"[{FORMAT_CHARS}]", "", text)

    amendments = [(a.id, a.line, a.end_line, a.operation, a.act.slug, clean(a.act.name), a.target.label(),
                   clean(a.old), clean(a.new)) for a in result.amendments]
    unparsed = [(u.line, u.end_line, u.reason) for u in result.unparsed]
    frame = [(f.line, f.end_line, f.kind) for f in result.frame]
    return result.language, clean(result.title), amendments, unparsed, frame


@pytest.mark.parametrize("char", _format_chars(), ids=lambda c: f"U+{ord(c):04X}")
def test_format_characters_never_change_the_parse(char: str) -> None:
    """Each invisible character at the start of every line and before every header word."""
    for example in ("ru_justice_bill.txt", "kk_justice_bill.txt"):
        text = (EXAMPLES / example).read_text("utf-8")
        marked = "\n".join(char + _HEADER_WORD.sub(char, line) for line in text.split("\n"))
        assert marked.count(char) > 2 * text.count("\n")
        assert _shape(parse_text(marked, example)) == _shape(parse_text(text, example))
