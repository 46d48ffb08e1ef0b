""".rtf and .odt drafts: our own readers, faithful text, bounded work, one clear error (exit 2)."""

from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.budgets import RTF_MAX_GROUP_DEPTH
from checker.cli import main
from checker.errors import InputError
from checker.parsing import parse_document
from checker.reading import read_document
from checker.reading.rtf import read_rtf
from tests.rtf_odt_factory import OdtList, OdtPara, make_odt, make_rtf

ROOT = Path(__file__).resolve().parent.parent
KAZAKH = "әғқңөұүһі ӘҒҚҢӨҰҮҺІ"
LINE = "1) 5-баптың 2-тармағындағы «сот» деген сөз «прокурор» деген сөзбен ауыстырылсын;"


def texts(path: Path) -> list[str]:
    return [line.text for line in read_document(path).lines]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- RTF --------------------------------------------------------------------------------------

def test_rtf_cp1251_bytes_and_unicode_escapes_give_russian_and_kazakh(tmp_path: Path) -> None:
    lines = ["Статья 1. Внести в Кодекс следующие изменения:", LINE, KAZAKH + " — «№ 5»"]
    assert texts(write(tmp_path, "d.rtf", make_rtf(lines))) == lines


@pytest.mark.parametrize("codepage", [1251, 1252, 65001])
def test_rtf_any_code_page_reads_the_same_text(tmp_path: Path, codepage: int) -> None:
    assert texts(write(tmp_path, "d.rtf", make_rtf([LINE, KAZAKH], codepage=codepage))) == [LINE, KAZAKH]


def test_rtf_structure_list_labels_tables_breaks_and_hidden_text() -> None:
    rtf = (rb"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0\fcharset204 Times;}}{\*\generator W;}"
           rb"\pard{\listtext\pard\plain 1)\tab}\'f1\'f2\'e0\'f2\'fc\'fe 5\line \'e8\'f1\'ea\'eb\'fe\'f7\'e8\'f2\'fc;\par"
           rb"\pard a{\v hidden}{\deleted gone}{\*\bkmkstart b}{\footnote note}b\par"
           rb"\pard {\field{\*\fldinst HYPERLINK \"http://x\"}{\fldrslt \'e7\'e0\'ea\'ee\'ed}}\par"
           rb"\trowd\cellx1\cellx2\pard\intbl A\par A2\cell B\cell\row"
           rb"\pard\uc2\u1241\'e0\'e0x \u-10179?\u-8704?\par\'98}trailing")
    assert read_rtf(rtf, "d.rtf") == ("1)\tстатью 5 исключить;", "ab", "закон", "A A2 | B", "әx \U0001F600", "\ufffd")


def test_rtf_undefined_byte_is_a_replacement_character_not_a_crash() -> None:
    assert read_rtf(rb"{\rtf1\ansi\ansicpg1251 a\'98b\par}", "d") == ("a\ufffdb",)


def test_rtf_under_another_name_is_read_as_rtf(tmp_path: Path) -> None:
    assert texts(write(tmp_path, "draft.txt", make_rtf([LINE]))) == [LINE]


@pytest.mark.parametrize("data", [b"plain text", b"{\\rtf1 \\par}", b"{\\rtf1\\ansi{\\fonttbl x}}"])
def test_rtf_without_text_is_one_clear_error(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "d.rtf", data)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.location == str(path)


def test_rtf_budgets_nesting_lines_and_size(tmp_path: Path) -> None:
    deep = b"{\\rtf1 " + b"{" * (RTF_MAX_GROUP_DEPTH + 5) + b"x" + b"}" * (RTF_MAX_GROUP_DEPTH + 5)
    with pytest.raises(InputError, match="nested deeper"):
        read_document(write(tmp_path, "deep.rtf", deep))
    many = b"{\\rtf1 " + b"x\\par " * 60_000 + b"}"
    started = time.perf_counter()
    with pytest.raises(InputError, match="too long"):
        read_document(write(tmp_path, "many.rtf", many))
    assert time.perf_counter() - started < 5
    one = b"{\\rtf1 " + b"\\'e0" * 1_100_000 + b"}"
    with pytest.raises(InputError, match="too long"):
        read_document(write(tmp_path, "one.rtf", one))
    with pytest.raises(InputError, match="too large"):
        read_document(write(tmp_path, "big.rtf", many), max_bytes=1000)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=1500), st.sampled_from([b"", b"{\\rtf1\\ansi\\ansicpg1251 ", b"{\\rtf1\\uc3 {\\*"]))
def test_rtf_arbitrary_bytes_give_a_document_or_a_clear_error(tmp_path: Path, data: bytes, prefix: bytes) -> None:
    path = write(tmp_path, "any.rtf", prefix + data)
    try:
        document = read_document(path)
    except InputError as exc:
        assert exc.location == str(path) and exc.message and "\n" not in exc.message
    else:
        assert document.lines and all("\n" not in l.text and "\r" not in l.text for l in document.lines)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="абвгқңөұүәіһғ АБВЁ0123456789;:.-\"«»()\\{}\t€😀", min_size=1, max_size=50)
                .map(str.strip).filter(bool), min_size=1, max_size=10), st.sampled_from([1251, 1252]))
def test_rtf_round_trip(lines: list[str], codepage: int) -> None:
    assert list(read_rtf(make_rtf(lines, codepage=codepage), "d")) == lines


# --- ODT --------------------------------------------------------------------------------------

def test_odt_paragraphs_headings_spaces_tabs_breaks(tmp_path: Path) -> None:
    body = ('<text:p>a<text:line-break/>b<text:s text:c="2"/>c<text:tab/>d'
            '<text:span>е<text:note><text:note-body><text:p>note</text:p></text:note-body></text:note></text:span>'
            '<office:annotation><text:p>comment</text:p></office:annotation>'
            '<draw:frame><draw:text-box><text:p>box</text:p></draw:text-box></draw:frame></text:p>'
            '<text:tracked-changes><text:changed-region><text:deletion><text:p>deleted</text:p>'
            '</text:deletion></text:changed-region></text:tracked-changes>')
    data = make_odt([OdtPara("1-бап.", heading=True), LINE, KAZAKH], table=[["A", "Б"], ["1", "2"]],
                    extra_body=body)
    assert texts(write(tmp_path, "d.odt", data)) == ["1-бап.", LINE, KAZAKH, "A | Б", "1 | 2", "a b  c\tdе"]


def test_odt_list_labels_from_the_list_style(tmp_path: Path) -> None:
    data = make_odt(["Статья 1.", OdtList(["в статье 5:", OdtList(["первое;", "второе;"], fmt="а", suffix=")"),
                                          "статью 7 исключить;"], fmt="1", suffix=")"),
                     OdtList(["x"], fmt="1", suffix=".", start=3)])
    assert texts(write(tmp_path, "d.odt", data)) == [
        "Статья 1.", "1) в статье 5:", "а) первое;", "б) второе;", "2) статью 7 исключить;", "3. x"]


def test_odt_is_read_under_a_docx_name_and_a_spreadsheet_is_refused(tmp_path: Path) -> None:
    assert texts(write(tmp_path, "d.docx", make_odt([LINE]))) == [LINE]
    with zipfile.ZipFile(tmp_path / "s.odt", "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<x/>")
    with pytest.raises(InputError, match="not an OpenDocument text"):
        read_document(tmp_path / "s.odt")


@pytest.mark.parametrize("content", [
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">&e;'
    "</office:document-content>",
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">&b;'
    "</office:document-content>",
    "<not xml",
])
def test_odt_hostile_or_broken_xml_is_one_clear_error(tmp_path: Path, content: str) -> None:
    path = write(tmp_path, "d.odt", make_odt(content=content))
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.location == str(path) and "passwd" not in info.value.message


def test_odt_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    bomb = make_odt([LINE], extra_members=[("Pictures/bomb.bin", bytes(8 * 1024 * 1024))])
    assert len(bomb) < 100_000
    with pytest.raises(InputError, match="zip bomb"):
        read_document(write(tmp_path, "bomb.odt", bomb))
    many = make_odt([LINE], extra_members=[(f"x/{i}", b"") for i in range(5_100)])
    with pytest.raises(InputError, match="too many parts"):
        read_document(write(tmp_path, "many.odt", many))


def test_odt_without_content_or_not_a_zip(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "empty.odt", "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(InputError, match="no content.xml"):
        read_document(tmp_path / "empty.odt")
    with pytest.raises(InputError, match="not a zip"):
        read_document(write(tmp_path, "t.odt", b"text"))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=600), st.integers(min_value=0, max_value=10**6), st.booleans())
def test_odt_arbitrary_or_mutated_bytes_give_a_document_or_a_clear_error(tmp_path: Path, data: bytes, seed: int,
                                                                          mutate: bool) -> None:
    if mutate:
        raw = bytearray(make_odt([LINE, OdtList(["a", "b"])]))
        raw[seed % len(raw)] ^= (data[:1] or b"\x5a")[0] or 0x5A
        data = bytes(raw)
    path = write(tmp_path, "any.odt", data)
    try:
        document = read_document(path)
    except InputError as exc:
        assert exc.location == str(path) and exc.message and "\n" not in exc.message
    else:
        assert all("\n" not in line.text for line in document.lines)


# --- a bill in every format gives the same records and findings -------------------------------

def _records(path: Path) -> list[tuple]:
    parsed = parse_document(read_document(path))
    assert parsed.unparsed == ()
    return [(a.act.slug, a.operation, a.target, " ".join((a.old or "").split()), " ".join((a.new or "").split()))
            for a in parsed.amendments]


def _findings(path: Path) -> list[tuple]:
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.output)
    return [(f["rule"], f["line"], f.get("end_line")) for f in report["files"][0]["findings"]]


@pytest.mark.parametrize("name", ["kk_justice_bill.txt", "ru_justice_bill.txt"])
def test_a_bill_as_rtf_and_odt_gives_the_same_records_and_findings_as_its_text(tmp_path: Path, name: str) -> None:
    source = ROOT / "examples" / name
    lines = source.read_text(encoding="utf-8").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    rtf = write(tmp_path, "draft.rtf", make_rtf(lines))
    odt = write(tmp_path, "draft.odt", make_odt(lines))
    expected_records, expected_findings = _records(source), _findings(source)
    assert expected_findings
    for path in (rtf, odt):
        assert _records(path) == expected_records
        assert _findings(path) == expected_findings


def test_stdin_with_an_rtf_name_is_read_as_rtf() -> None:
    data = make_rtf((ROOT / "examples" / "ru_justice_bill.txt").read_text(encoding="utf-8").split("\n"))
    result = CliRunner().invoke(main, ["check", "-", "--stdin-filename", "bill.rtf", "--format", "json"],
                                input=data)
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.output)["files"][0]["amendments"] > 0
