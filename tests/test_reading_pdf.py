"""PDF drafts: text layer read, running lines dropped, lines rejoined, scans refused (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.errors import InputError
from checker.parsing import parse_document
from checker.reading import read_document
from checker.reading.pdf import read_pdf
from tests.pdf_factory import make_pdf

ROOT = Path(__file__).resolve().parent.parent


def _wrap(lines: list[str], width: int = 70) -> list[str]:
    """Break long lines at spaces, the way a PDF page does."""
    out = []
    for line in lines:
        while len(line) > width:
            cut = line.rfind(" ", 0, width)
            cut = cut if cut > 0 else width
            out.append(line[:cut])
            line = line[cut + 1:]
        out.append(line)
    return out


def _pdf_of(text: str, per_page: int = 25, **kwargs) -> bytes:
    lines = _wrap([line for line in text.split("\n") if line.strip()])
    return make_pdf([lines[i:i + per_page] for i in range(0, len(lines), per_page)], **kwargs)


@pytest.mark.parametrize("name", ["kk_justice_bill.txt", "ru_justice_bill.txt", "kk_service_bill.txt"])
def test_a_pdf_of_a_bill_gives_the_same_records_as_its_text(tmp_path: Path, name: str) -> None:
    text = (ROOT / "examples" / name).read_text(encoding="utf-8")
    path = tmp_path / "draft.pdf"
    path.write_bytes(_pdf_of(text, header="Қазақстан Республикасы Парламентінің Мәжілісі", footer="Жоба 2026",
                             numbers=True))
    from_pdf = parse_document(read_document(path))
    from_txt = parse_document(read_document(ROOT / "examples" / name))

    def key(a):
        return (a.act.slug, a.operation, a.target, " ".join((a.old or "").split()), " ".join((a.new or "").split()))
    assert [key(a) for a in from_pdf.amendments] == [key(a) for a in from_txt.amendments]
    assert from_pdf.unparsed == ()


def test_running_header_footer_and_page_numbers_are_dropped() -> None:
    body = [f"{i}) {i + 10}-бап алып тасталсын;" for i in range(1, 61)]
    lines = read_pdf(make_pdf([body[i:i + 20] for i in range(0, 60, 20)], header="Мәжіліс жобасы 12.03.2026",
                              footer="Бет ішінде 3 құжат", numbers=True), "d.pdf")
    assert list(lines) == body


def test_hyphenation_is_undone_but_compounds_keep_their_hyphen() -> None:
    lines = read_pdf(make_pdf([["1) 5-баптағы \"сот\" деген сөз \"прокурор-", "дың\" деген сөзбен ауыстырылсын;",
                                "2) Қазақстан Республикасының Қылмыстық-", "процестік кодексі;"]]), "d.pdf")
    assert lines == ('1) 5-баптағы "сот" деген сөз "прокурордың" деген сөзбен ауыстырылсын;',
                     "2) Қазақстан Республикасының Қылмыстық-процестік кодексі;")


def test_a_scanned_pdf_without_text_is_refused_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([["x"], ["y"]], scanned=True))
    with pytest.raises(InputError) as info:
        read_document(path)
    assert "no text layer" in info.value.message and "OCR" in (info.value.hint or "")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2
    assert "no text layer" in result.output and "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("lawcheck: error:")]
    assert len(errors) == 1 and str(path) in errors[0]


@pytest.mark.parametrize("data", [b"%PDF-1.7\n" + bytes(200), b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", b"not a pdf"])
def test_a_broken_pdf_is_one_clear_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.location == str(path) and ".docx" in (info.value.hint or "")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=600), st.booleans())
def test_arbitrary_bytes_give_a_document_or_a_clear_error(tmp_path: Path, data: bytes, prefixed: bool) -> None:
    path = tmp_path / "any.pdf"
    path.write_bytes((b"%PDF-1.4\n" if prefixed else b"") + data)
    try:
        document = read_document(path)
    except InputError as exc:
        assert exc.location == str(path) and exc.message
    else:
        assert all(line.text.strip() for line in document.lines)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet="абвгқңөұүәі АБВ0123456789;:.-\"()", min_size=1, max_size=60), min_size=1, max_size=30),
       st.integers(min_value=0, max_value=200_000))
def test_mutated_pdfs_never_crash(tmp_path: Path, lines: list[str], seed: int) -> None:
    data = bytearray(make_pdf([lines], compress=False))
    if data:
        data[seed % len(data)] ^= 0x5A
    path = tmp_path / "m.pdf"
    path.write_bytes(bytes(data))
    try:
        read_document(path)
    except InputError as exc:
        assert exc.message
