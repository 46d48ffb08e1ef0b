"""Normalization: one canonical form, and every offset maps back to the user's text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.normalize import lower_same_length, normalize


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
