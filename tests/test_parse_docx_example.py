"""A Word draft whose item numbers exist only as automatic numbering parses like its .txt twin."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.parsing import parse_document, parse_text
from checker.reading import read_document

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize("stem", ["kk_justice_bill", "ru_service_bill"])
def test_docx_example_equals_its_text_twin(stem: str) -> None:
    from_docx = parse_document(read_document(EXAMPLES / f"{stem}.docx"))
    from_txt = parse_text((EXAMPLES / f"{stem}.txt").read_text(encoding="utf-8"))
    assert from_docx.unparsed == ()
    assert [(a.id, a.line, a.end_line, a.act.slug, a.operation, a.target, a.old, a.new) for a in from_docx.amendments] \
        == [(a.id, a.line, a.end_line, a.act.slug, a.operation, a.target, a.old, a.new) for a in from_txt.amendments]


def test_docx_example_numbers_are_not_typed_in_the_file() -> None:
    import zipfile

    xml = zipfile.ZipFile(EXAMPLES / "kk_justice_bill.docx").read("word/document.xml").decode("utf-8")
    assert "484-баптың екінші бөлігі" in xml
    assert "1) 484-баптың" not in xml and "<w:numPr>" in xml
