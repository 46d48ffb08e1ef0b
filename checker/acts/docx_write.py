"""Write .docx files (the comparative table, a consolidated act) with the standard library only.

python-docx is a test dependency, not a runtime one; a WordprocessingML package needs four small
XML parts, which is less than a dependency. The result opens in Word and LibreOffice.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from xml.sax.saxutils import escape

from checker.acts.compare import HEADINGS, TITLE, Segment, TableRow

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>')
_FONT = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'


def _run(text: str, bold: bool = False, strike: bool = False) -> str:
    props = _FONT + ("<w:b/>" if bold else "") + ("<w:strike/>" if strike else "")
    parts = text.split("\n")
    inner = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(p)}</w:t>' for p in parts)
    return f"<w:r><w:rPr>{props}</w:rPr>{inner}</w:r>"


def _paragraph(runs: Iterable[str], center: bool = False) -> str:
    props = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
    return f"<w:p>{props}{''.join(runs)}</w:p>"


def _cell(runs: Iterable[str], width: int) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{_paragraph(runs)}</w:tc>'


def _segments(segments: tuple[Segment, ...]) -> list[str]:
    return [_run(s.text, bold=s.kind == "added", strike=s.kind == "removed") for s in segments if s.text]


def _document(body: str, landscape: bool) -> str:
    size = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' if landscape else \
        '<w:pgSz w:w="11906" w:h="16838"/>'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>'
            f'{body}<w:sectPr>{size}<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1134" '
            'w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>')


def _package(document: str) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def table_docx(rows: list[TableRow], lang: str) -> bytes:
    widths = (600, 2200, 5200, 5200, 1700)
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    heads = HEADINGS.get(lang, HEADINGS["en"])
    header = "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + "".join(
        _cell([_run(h, bold=True)], w) for h, w in zip(heads, widths)) + "</w:tr>"
    body = "".join(
        "<w:tr>" + _cell([_run(str(row.number))], widths[0]) + _cell([_run(row.unit)], widths[1])
        + _cell(_segments(row.before), widths[2]) + _cell(_segments(row.after), widths[3])
        + _cell([], widths[4]) + "</w:tr>" for row in rows)
    table = (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{border}</w:tblBorders>'
             f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{header}{body}</w:tbl>')
    title = _paragraph([_run(TITLE.get(lang, TITLE["en"]), bold=True)], center=True)
    return _package(_document(title + table + "<w:p/>", landscape=True))


def text_docx(lines: Iterable[str]) -> bytes:
    """A consolidated act: one Word paragraph per paragraph of the act."""
    body = "".join(_paragraph([_run(line)]) for line in lines)
    return _package(_document(body or "<w:p/>", landscape=False))
