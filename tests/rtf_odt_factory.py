"""Build small .rtf and .odt files for tests, the way Word and LibreOffice write them.

    make_rtf(["1-бап.", "1) ..."], codepage=1251)     # cp1251 \\'xx, \\uN for Kazakh letters
    make_odt([OdtPara("1-бап."), OdtList(["a", "b"], fmt="1", suffix=")")], table=[["A", "B"]])
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape


def rtf_text(text: str, codepage: int = 1251, uc: int = 1) -> str:
    """`text` as RTF: ASCII as is, what the code page holds as \\'xx, the rest as \\uN?."""
    out = []
    for char in text:
        if char in "\\{}":
            out.append("\\" + char)
        elif char == "\t":
            out.append("\\tab ")
        elif ord(char) < 128:
            out.append(char)
        else:
            try:
                raw = char.encode(f"cp{codepage}")
            except UnicodeEncodeError:
                code = ord(char)
                if code > 0xFFFF:  # a surrogate pair
                    code -= 0x10000
                    high, low = 0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)
                    out.append(f"\\u{high - 0x10000}{'?' * uc}\\u{low - 0x10000}{'?' * uc}")
                    continue
                out.append(f"\\u{code if code < 0x8000 else code - 0x10000}" + "?" * uc)
            else:
                out.append("".join(f"\\'{byte:02x}" for byte in raw))
    return "".join(out)


def make_rtf(paragraphs: Sequence[str], *, codepage: int = 1251, table: Sequence[Sequence[str]] = (),
             list_labels: bool = False, trailer: str = "") -> bytes:
    """A Word-like RTF: font table, styles, info, one \\par per paragraph, then a table."""
    head = (f"{{\\rtf1\\ansi\\ansicpg{codepage}\\deff0\\uc1"
            f"{{\\fonttbl{{\\f0\\froman\\fcharset{204 if codepage == 1251 else 0}\\fprq2 Times New Roman;}}{{\\f1\\fswiss\\fcharset0 Arial;}}}}"
            "{\\colortbl;\\red0\\green0\\blue0;}{\\stylesheet{\\s0 Normal;}}"
            "{\\*\\generator Riched20 10.0;}{\\info{\\title \\'c7\\'e0\\'ea\\'ee\\'ed}{\\author x}}\n")
    body = []
    for number, text in enumerate(paragraphs, start=1):
        label = f"{{\\listtext\\pard\\plain\\f0 {number})\\tab}}" if list_labels else ""
        body.append(f"\\pard\\plain\\f0\\fs28 {label}{rtf_text(text, codepage)}\\par\n")
    for row in table:
        cells = "".join(f"\\pard\\intbl {rtf_text(cell, codepage)}\\cell " for cell in row)
        widths = "".join(f"\\cellx{1000 * (i + 1)}" for i in range(len(row)))
        body.append(f"\\trowd{widths}{cells}\\row\n")
    return (head + "".join(body) + trailer + "}").encode("ascii")


@dataclass(frozen=True)
class OdtPara:
    text: str
    heading: bool = False


@dataclass(frozen=True)
class OdtList:
    items: Sequence[str | "OdtList"]
    fmt: str = "1"
    suffix: str = ")"
    start: int = 1


_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"')


def odt_inline(text: str) -> str:
    """Text as LibreOffice writes it: runs of spaces as text:s, tabs as text:tab."""
    out, i = [], 0
    while i < len(text):
        char = text[i]
        if char == " " and i + 1 < len(text) and text[i + 1] == " ":
            j = i
            while j < len(text) and text[j] == " ":
                j += 1
            out.append(f' <text:s text:c="{j - i - 1}"/>')
            i = j
            continue
        out.append("<text:tab/>" if char == "\t" else escape(char))
        i += 1
    return "".join(out)


def _list_xml(block: OdtList, styles: list[OdtList], top: bool) -> str:
    name = f"L{len(styles) + 1}"
    if top:
        styles.append(block)
    attr = f' text:style-name="{name}"' if top else ""
    items: list[str] = []
    for item in block.items:
        if isinstance(item, OdtList):  # a sub-list belongs to the item before it
            nested = _list_xml(item, styles, False)
            if items:
                items[-1] = items[-1].replace("</text:list-item>", nested + "</text:list-item>")
            else:
                items.append(f"<text:list-item>{nested}</text:list-item>")
        else:
            items.append(f"<text:list-item><text:p>{odt_inline(item)}</text:p></text:list-item>")
    return f"<text:list{attr}>{''.join(items)}</text:list>"


def _list_style(name: str, block: OdtList) -> str:
    levels = []
    level_block: OdtList | None = block
    for level in range(1, 4):
        fmt, suffix, start = ((level_block.fmt, level_block.suffix, level_block.start) if level_block
                              else ("1", ".", 1))
        levels.append(f'<text:list-level-style-number text:level="{level}" style:num-format="{fmt}" '
                      f'style:num-suffix="{escape(suffix)}" text:start-value="{start}"/>')
        nested = [item for item in (level_block.items if level_block else ()) if isinstance(item, OdtList)]
        level_block = nested[0] if nested else None
    return f'<text:list-style style:name="{name}">{"".join(levels)}</text:list-style>'


def content_xml(blocks: Sequence[OdtPara | OdtList | str], table: Sequence[Sequence[str]] = (),
                extra_body: str = "") -> str:
    styles: list[OdtList] = []
    body = []
    for block in blocks:
        if isinstance(block, str):
            block = OdtPara(block)
        if isinstance(block, OdtList):
            body.append(_list_xml(block, styles, True))
        elif block.heading:
            body.append(f'<text:h text:outline-level="1">{odt_inline(block.text)}</text:h>')
        else:
            body.append(f"<text:p>{odt_inline(block.text)}</text:p>")
    if table:
        rows = "".join("<table:table-row>" + "".join(
            f"<table:table-cell><text:p>{odt_inline(cell)}</text:p></table:table-cell>" for cell in row)
            + "</table:table-row>" for row in table)
        body.append(f'<table:table table:name="T1">{rows}</table:table>')
    list_styles = "".join(_list_style(f"L{i + 1}", block) for i, block in enumerate(styles))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_NS}>'
            f"<office:automatic-styles>{list_styles}</office:automatic-styles>"
            f"<office:body><office:text>{''.join(body)}{extra_body}</office:text></office:body>"
            "</office:document-content>")


def make_odt(blocks: Sequence[OdtPara | OdtList | str] = (), *, table: Sequence[Sequence[str]] = (),
             extra_body: str = "", content: str | bytes | None = None,
             extra_members: Sequence[tuple[str, bytes]] = ()) -> bytes:
    """An .odt archive: mimetype stored first, then content, styles and the manifest."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        text = content if content is not None else content_xml(blocks, table, extra_body)
        archive.writestr("content.xml", text)
        archive.writestr("styles.xml", f'<?xml version="1.0" encoding="UTF-8"?>'
                                       f"<office:document-styles {_NS}/>")
        archive.writestr("META-INF/manifest.xml",
                         '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                         'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
        for name, data in extra_members:
            archive.writestr(name, data)
    return buffer.getvalue()
