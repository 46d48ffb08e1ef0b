"""Reading .txt drafts: encodings, line splitting, and refusing what is not text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.model import SourceLine
from checker.budgets import DRAFT_MAX_BYTES
from checker.reading import DEFAULT_MAX_BYTES, read_document
from checker.reading.text import split_lines

KK_DRAFT = (
    "Қазақстан Республикасының кейбір заңнамалық актілеріне өзгерістер енгізу туралы\n"
    "1-бап. Кодекске мынадай өзгерістер енгізілсін:\n"
    "1) 12-баптың 2-тармағы мынадай редакцияда жазылсын:\n"
)
RU_DRAFT = (
    "О внесении изменений в некоторые законодательные акты\n"
    "Статья 1. Внести в Кодекс следующие изменения:\n"
    "1) пункт 2 статьи 12 изложить в следующей редакции: «текст» — № 5;\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def texts(path: Path) -> list[str]:
    return [line.text for line in read_document(path).lines]


# -- encodings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "expected_encoding"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16-le"),  # Python writes a little-endian BOM
        ("utf-16-be-bom", "utf-16-be"),
        ("utf-32", "utf-32-le"),
        ("utf-16-le", "utf-16-le"),  # no BOM: found from the zero bytes of ASCII characters
    ],
)
def test_kazakh_text_in_unicode_encodings(tmp_path: Path, codec: str,
                                          expected_encoding: str) -> None:
    data = (b"\xfe\xff" + KK_DRAFT.encode("utf-16-be")) if codec == "utf-16-be-bom" \
        else KK_DRAFT.encode(codec)
    document = read_document(write(tmp_path, "draft.txt", data))
    assert document.encoding == expected_encoding
    assert document.kind == "txt"
    assert [line.text for line in document.lines] == [
        "Қазақстан Республикасының кейбір заңнамалық актілеріне өзгерістер енгізу туралы",
        "1-бап. Кодекске мынадай өзгерістер енгізілсін:",
        "1) 12-баптың 2-тармағы мынадай редакцияда жазылсын:",
    ]


def test_cp1251_russian_text(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "draft.txt", RU_DRAFT.encode("cp1251")))
    assert document.encoding == "cp1251"
    assert document.lines[2] == SourceLine(
        3, "1) пункт 2 статьи 12 изложить в следующей редакции: «текст» — № 5;")


def test_kz1048_kazakh_text(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "draft.txt", KK_DRAFT.encode("kz1048")))
    assert document.encoding == "kz1048"
    assert document.lines[1].text == "1-бап. Кодекске мынадай өзгерістер енгізілсін:"


@pytest.mark.parametrize("start", ["юя", "яю"])  # FE FF and FF FE: the UTF-16 marks
def test_cp1251_text_starting_like_a_utf16_mark(tmp_path: Path, start: str) -> None:
    data = f"{start}т закона\nстатья 2\n".encode("cp1251")
    document = read_document(write(tmp_path, "draft.txt", data))
    assert document.encoding == "cp1251"
    assert [line.text for line in document.lines] == [f"{start}т закона", "статья 2"]


def test_cp1251_with_only_a_number_sign_outside_ascii(tmp_path: Path) -> None:
    data = "Law No 12\r\nsee № 731\r\n".encode("cp1251")
    assert texts(write(tmp_path, "draft.txt", data)) == ["Law No 12", "see № 731"]


def test_file_without_suffix_is_text(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "DRAFT", "1-бап.\n".encode()))
    assert (document.kind, document.lines) == ("txt", (SourceLine(1, "1-бап."),))


def test_document_keeps_the_path_as_given(tmp_path: Path) -> None:
    path = write(tmp_path, "draft.txt", b"a\n")
    assert read_document(path).path == str(path)
    assert read_document(str(path)).path == str(path)


# -- lines -------------------------------------------------------------------------------------


def test_mixed_line_terminators_and_exact_text(tmp_path: Path) -> None:
    data = "  бірінші \t\r\nекінші\rүшінші\n\nбесінші".encode()
    document = read_document(write(tmp_path, "draft.txt", data))
    assert document.lines == (
        SourceLine(1, "  бірінші \t"),
        SourceLine(2, "екінші"),
        SourceLine(3, "үшінші"),
        SourceLine(4, ""),
        SourceLine(5, "бесінші"),
    )


def test_final_terminator_does_not_add_a_line() -> None:
    assert [line.text for line in split_lines("a\nb\n")] == ["a", "b"]
    assert [line.text for line in split_lines("a\nb\n\n")] == ["a", "b", ""]
    assert [line.text for line in split_lines("a\r\n\r\n")] == ["a", ""]
    assert split_lines("") == ()


def test_only_newline_characters_split_lines() -> None:
    # Form feed, vertical tab, NEL and U+2028 are not line breaks for editors' line numbers.
    lines = split_lines("a\x0cb\x0bc\u0085d\u2028e\nf")
    assert [line.text for line in lines] == ["a\x0cb\x0bc\u0085d\u2028e", "f"]


def test_crlf_split_across_lines_is_one_break() -> None:
    assert [(line.number, line.text) for line in split_lines("x\r\r\ny")] == [
        (1, "x"), (2, ""), (3, "y")]


# -- refusals ----------------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "draft.txt", b"")
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.location == str(path)


def test_bom_only_file_is_empty(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_document(write(tmp_path, "draft.txt", b"\xef\xbb\xbf"))


def test_binary_with_nul_bytes(tmp_path: Path) -> None:
    data = bytes(range(256)) * 4
    with pytest.raises(InputError) as info:
        read_document(write(tmp_path, "draft.txt", data))
    assert ".txt" in (info.value.hint or "")


def test_a_nul_byte_is_no_utf16_without_letters_of_ours(tmp_path: Path) -> None:
    """"000000\n\0" has its only zero byte on the odd side, as UTF-16-LE would; read so it
    is "〰〰〰\n", no letter of ours: the NUL makes it no text, not a draft of wavy dashes."""
    with pytest.raises(InputError, match="NUL"):
        read_document(write(tmp_path, "draft.txt", b"000000\n\x00"))


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_not_text(tmp_path: Path, seed: int) -> None:
    data = random.Random(seed).randbytes(4096)
    with pytest.raises(InputError):
        read_document(write(tmp_path, "draft.txt", data))


def test_random_high_bytes_without_controls_are_not_cp1251_text(tmp_path: Path) -> None:
    rng = random.Random(7)
    data = bytes(rng.choice(range(0x80, 0x100)) for _ in range(4096)).replace(b"\x98", b"\x80")
    with pytest.raises(InputError):
        read_document(write(tmp_path, "draft.txt", data))


def test_damaged_utf8_points_at_the_line(tmp_path: Path) -> None:
    data = "бірінші\nекінші\n".encode() + b"\xd0 broken\n" + "төртінші\n".encode() * 20
    path = write(tmp_path, "draft.txt", data)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.location == f"{path}:3"


def test_bom_that_lies(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_document(write(tmp_path, "draft.txt", b"\xef\xbb\xbf" + "бап".encode("cp1251")))


def test_utf16_bom_with_odd_length(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_document(write(tmp_path, "draft.txt", b"\xff\xfea\x00b"))


def test_control_characters_are_not_text(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_document(write(tmp_path, "draft.txt", b"ab\x01\x02\x03\x04cd\n" * 10))


def test_dos_end_of_file_mark_is_accepted(tmp_path: Path) -> None:
    data = ("1-бап.\r\n" * 200).encode("cp1251") + b"\x1a"
    lines = read_document(write(tmp_path, "draft.txt", data)).lines
    assert len(lines) == 201 and lines[-1].text == "\x1a"


@pytest.mark.parametrize("suffix", [".doc", ".xlsx", ".md", ".docm", ".pages"])
def test_unsupported_suffix_says_what_to_do(tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path, "draft" + suffix, b"1-bap\n")
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.location == str(path)
    assert ".docx" in (info.value.hint or "")


def test_unsupported_suffix_is_reported_before_the_size(tmp_path: Path) -> None:
    path = write(tmp_path, "draft.xlsx", b"PK\x03\x04" + bytes(1000))
    with pytest.raises(InputError) as info:
        read_document(path, max_bytes=10)
    assert ".docx" in (info.value.hint or "")


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    assert texts(write(tmp_path, "DRAFT.TXT", b"a\n")) == ["a"]


@pytest.mark.parametrize("name", ["draft.txt", "draft.docx", "draft"])
def test_ole_container_is_old_word_or_encrypted(tmp_path: Path, name: str) -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    with pytest.raises(InputError) as info:
        read_document(write(tmp_path, name, data))
    assert "password" in (info.value.hint or "")


def test_pdf_under_a_txt_name(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_document(write(tmp_path, "draft.txt", b"%PDF-1.7\n" + b"rest of file\n"))
    assert ".docx" in (info.value.hint or "")


def test_rtf_under_a_txt_name_is_read_as_rtf(tmp_path: Path) -> None:
    assert [line.text for line in read_document(write(tmp_path, "draft.txt", b"{\\rtf1\\ansi rest of file\n")).lines] \
        == ["rest of file"]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_document(tmp_path / "nope.txt")
    assert info.value.location == str(tmp_path / "nope.txt")


def test_folder(tmp_path: Path) -> None:
    folder = tmp_path / "drafts.txt"
    folder.mkdir()
    with pytest.raises(InputError):
        read_document(folder)


def test_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "draft.txt", b"x" * 100)
    assert len(read_document(path, max_bytes=100).lines) == 1
    with pytest.raises(InputError):
        read_document(path, max_bytes=99)


def test_default_limit_is_the_documented_budget() -> None:
    assert DEFAULT_MAX_BYTES == DRAFT_MAX_BYTES == 20 * 1024 * 1024  # README, "Budgets"
