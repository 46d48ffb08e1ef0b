"""Property tests: any bytes give lines or an InputError, and real text survives the round trip."""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.docx_factory import LEGAL_LEVELS, Para, abstract_num, make_docx, num, numbering_xml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.errors import InputError
from checker.model import Document
from checker.reading import read_document

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

# Text an editor can save: no controls except tab and line breaks, no unassigned or private-use
# code points, and no Unicode line/paragraph separators (str.splitlines would split on them and
# editors do not count them as lines).
EDITOR_TEXT = st.text(
    st.one_of(
        st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")),
        st.sampled_from("\t\n\r"),
    ),
    min_size=1,
).filter(lambda text: not text.startswith("\ufeff"))  # a leading U+FEFF *is* a byte-order mark

RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
KAZAKH = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяАӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
PUNCTUATION = " \t\r\n0123456789.,;:()-«»—–№\"'"


def read_bytes(data: bytes, name: str) -> Document:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return read_document(path)


def check_lines(document: Document) -> None:
    for number, line in enumerate(document.lines, start=1):
        assert line.number == number
        assert isinstance(line.text, str)
        assert "\n" not in line.text and "\r" not in line.text


@SETTINGS
@given(st.binary(max_size=2048), st.sampled_from(["draft.txt", "draft.docx", "draft"]))
def test_any_bytes_give_lines_or_input_error(data: bytes, name: str) -> None:
    try:
        document = read_bytes(data, name)
    except InputError:
        return
    check_lines(document)
    assert document.lines, "an accepted file has at least one line"


def _valid_docx_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = make_docx(Path(folder) / "d.docx",
                         [Para("Кодекске өзгерістер:", num=(1, 0)), Para("тармақ", num=(1, 1))],
                         numbering=numbering_xml(abstract_num(0, LEGAL_LEVELS), num(1, 0)))
        return path.read_bytes()


VALID_DOCX = _valid_docx_bytes()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(VALID_DOCX) - 1), st.integers(0, 255)),
                min_size=1, max_size=8),
       st.integers(1, len(VALID_DOCX)))
def test_damaged_docx_gives_lines_or_input_error(edits: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(VALID_DOCX)
    for offset, value in edits:
        data[offset] = value
    try:
        document = read_bytes(bytes(data[:cut]), "draft.docx")
    except InputError:
        return
    check_lines(document)


@SETTINGS
@given(EDITOR_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom",
                                     "utf-16-be-bom"]))
def test_unicode_text_round_trips(text: str, codec: str) -> None:
    if codec == "utf-16-le-bom":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    elif codec == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        data = text.encode(codec)
    document = read_bytes(data, "draft.txt")
    assert [line.text for line in document.lines] == text.splitlines()
    check_lines(document)


def _with_word(alphabet: str, word: str) -> st.SearchStrategy[str]:
    """Text over `alphabet` with `word` inside (two lowercase letters in a row: never UTF-8)."""
    part = st.text(st.sampled_from(alphabet + PUNCTUATION), max_size=200)
    return st.tuples(part, part).map(lambda pair: pair[0] + word + pair[1])


@SETTINGS
@given(_with_word(RUSSIAN, "закон"))
def test_cp1251_russian_round_trips(text: str) -> None:
    document = read_bytes(text.encode("cp1251"), "draft.txt")
    assert document.encoding == "cp1251"
    assert [line.text for line in document.lines] == text.splitlines()


@SETTINGS
@given(_with_word(KAZAKH, "заңға"))
def test_kz1048_kazakh_round_trips(text: str) -> None:
    document = read_bytes(text.encode("kz1048"), "draft.txt")
    assert document.encoding == "kz1048"
    assert [line.text for line in document.lines] == text.splitlines()


def _model_labels(levels: list[int]) -> list[str]:
    """Labels of one "1. / 1) / а)" list by hand: a deeper level restarts after a shallower one."""
    letters = "абвгдежзиклмнопрстуфхцчшщэюя"
    counts = [0, 0, 0]
    out = []
    for level in levels:
        counts[level] += 1
        for deeper in range(level + 1, 3):
            counts[deeper] = 0
        value = counts[level]
        out.append([f"{value}.", f"{value})", f"{letters[value - 1]})"][level])
    return out


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, 2), min_size=1, max_size=27))
def test_legal_list_labels_follow_the_counting_rules(levels: list[int]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = make_docx(Path(folder) / "d.docx",
                         [Para(f"p{i}", num=(1, level)) for i, level in enumerate(levels)],
                         numbering=numbering_xml(abstract_num(0, LEGAL_LEVELS), num(1, 0)))
        document = read_document(path)
    expected = [f"{label} p{i}" for i, label in enumerate(_model_labels(levels))]
    assert [line.text for line in document.lines] == expected
