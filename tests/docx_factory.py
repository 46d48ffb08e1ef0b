"""Build small real .docx files for tests: python-docx for the package, raw XML where it matters.

Word's automatic numbering lives in `word/numbering.xml`, which python-docx cannot author, so
numbering (and numbered styles) are written as raw WordprocessingML here. Typical use:

    make_docx(path, [Para("Бап", num=(1, 0)), Para("тармақ", num=(1, 1))],
              numbering=numbering_xml(abstract_num(0, LEGAL_LEVELS), num(1, 0)))
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import docx
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DECL = f'xmlns:w="{W_NS}"'


@dataclass(frozen=True)
class Para:
    """A body paragraph: plain text, or raw inner XML (runs, w:ins, w:hyperlink ...)."""

    text: str = ""
    num: tuple[int | None, int | None] | None = None  # direct w:numPr (numId, ilvl); None = absent
    style: str | None = None  # w:pStyle (a style id)
    runs_xml: str | None = None  # used instead of `text` when given


@dataclass(frozen=True)
class Table:
    """A table; a cell is a string (one paragraph) or a sequence of Para."""

    rows: Sequence[Sequence[str | Sequence[Para]]]


@dataclass(frozen=True)
class Raw:
    """Body-level XML inserted as is (e.g. a w:sdt content control), with w: declared."""

    xml: str


@dataclass(frozen=True)
class Lvl:
    """One numbering level (w:lvl)."""

    fmt: str
    text: str
    start: int = 1
    is_lgl: bool = False
    restart: int | None = None
    pstyle: str | None = None


@dataclass(frozen=True)
class StyleDef:
    """A style added to styles.xml; `num` puts a w:numPr (numId, ilvl or None) in its pPr."""

    style_id: str
    kind: str = "paragraph"  # or "numbering"
    based_on: str | None = None
    num: tuple[int, int | None] | None = None
    extra: Mapping[str, str] = field(default_factory=dict)


# The scheme of Kazakh and Russian bills: "1." articles' paragraphs, "1)" subparagraphs, "а)".
LEGAL_LEVELS = (Lvl("decimal", "%1."), Lvl("decimal", "%2)"), Lvl("russianLower", "%3)"))


def _num_pr(num: tuple[int | None, int | None]) -> str:
    num_id, ilvl = num
    ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    num_xml = f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
    return f"<w:numPr>{ilvl_xml}{num_xml}</w:numPr>"


def lvl_xml(ilvl: int, level: Lvl) -> str:
    parts = [f'<w:lvl w:ilvl="{ilvl}">', f'<w:start w:val="{level.start}"/>',
             f'<w:numFmt w:val="{level.fmt}"/>']
    if level.restart is not None:
        parts.append(f'<w:lvlRestart w:val="{level.restart}"/>')
    if level.pstyle is not None:
        parts.append(f"<w:pStyle w:val={quoteattr(level.pstyle)}/>")
    if level.is_lgl:
        parts.append("<w:isLgl/>")
    parts.append(f"<w:lvlText w:val={quoteattr(level.text)}/>")
    parts.append('<w:lvlJc w:val="left"/></w:lvl>')
    return "".join(parts)


def abstract_num(abstract_id: int, levels: Sequence[Lvl], *, style_link: str | None = None,
                 num_style_link: str | None = None) -> str:
    links = ""
    if style_link:
        links += f"<w:styleLink w:val={quoteattr(style_link)}/>"
    if num_style_link:
        links += f"<w:numStyleLink w:val={quoteattr(num_style_link)}/>"
    body = "".join(lvl_xml(i, level) for i, level in enumerate(levels))
    return (f'<w:abstractNum w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="multilevel"/>{links}{body}</w:abstractNum>')


def num(num_id: int, abstract_id: int, *, start_overrides: Mapping[int, int] | None = None,
        level_overrides: Mapping[int, Lvl] | None = None) -> str:
    overrides = []
    for ilvl in sorted(set(start_overrides or {}) | set(level_overrides or {})):
        inner = ""
        if start_overrides and ilvl in start_overrides:
            inner += f'<w:startOverride w:val="{start_overrides[ilvl]}"/>'
        if level_overrides and ilvl in level_overrides:
            inner += lvl_xml(ilvl, level_overrides[ilvl])
        overrides.append(f'<w:lvlOverride w:ilvl="{ilvl}">{inner}</w:lvlOverride>')
    return (f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f'{"".join(overrides)}</w:num>')


def numbering_xml(*pieces: str) -> str:
    """A whole numbering.xml; Word requires all abstractNum before any num."""
    abstracts = [p for p in pieces if p.startswith("<w:abstractNum")]
    nums = [p for p in pieces if not p.startswith("<w:abstractNum")]
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:numbering {_DECL}>{"".join(abstracts)}{"".join(nums)}</w:numbering>')


def _style_xml(style: StyleDef) -> str:
    based = f"<w:basedOn w:val={quoteattr(style.based_on)}/>" if style.based_on else ""
    ppr = f"<w:pPr>{_num_pr(style.num)}</w:pPr>" if style.num else ""
    return (f'<w:style {_DECL} w:type="{style.kind}" w:styleId={quoteattr(style.style_id)}>'
            f"<w:name w:val={quoteattr(style.style_id)}/>{based}{ppr}</w:style>")


def _fill_paragraph(p_element: Any, para: Para) -> None:
    ppr = ""
    if para.style:
        ppr += f"<w:pStyle w:val={quoteattr(para.style)}/>"
    if para.num:
        ppr += _num_pr(para.num)
    if ppr:
        p_element.insert(0, parse_xml(f"<w:pPr {_DECL}>{ppr}</w:pPr>"))
    inner = para.runs_xml
    if inner is None and para.text:
        inner = f'<w:r><w:t xml:space="preserve">{escape(para.text)}</w:t></w:r>'
    if inner:
        holder = parse_xml(f"<w:p {_DECL}>{inner}</w:p>")
        for child in list(holder):
            p_element.append(child)


def _new_p(container: Any) -> Any:
    """A new empty w:p at the end of a document or table cell."""
    return container.add_paragraph()._p


def make_docx(path: str | Path, blocks: Sequence[str | Para | Table | Raw], *,
              numbering: str | None = None, styles: Sequence[StyleDef] = ()) -> Path:
    """Write a .docx with `blocks` as its body (a str is a plain paragraph) and return its path."""
    document = docx.Document()
    styles_root = document.styles.element
    for style in styles:
        styles_root.append(parse_xml(_style_xml(style)))
    body = document.element.body
    for block in blocks:
        if isinstance(block, str):
            block = Para(block)
        if isinstance(block, Para):
            _fill_paragraph(_new_p(document), block)
        elif isinstance(block, Table):
            width = max(len(row) for row in block.rows)
            table = document.add_table(rows=len(block.rows), cols=width)
            for r, row in enumerate(block.rows):
                for c, value in enumerate(row):
                    cell = table.cell(r, c)
                    cell._tc.remove(cell.paragraphs[0]._p)
                    paras = [Para(value)] if isinstance(value, str) else list(value)
                    for para in paras:
                        _fill_paragraph(_new_p(cell), para)
        else:
            holder = parse_xml(f"<w:body {_DECL}>{block.xml}</w:body>")
            for element in list(holder):
                body.sectPr.addprevious(element)
    if numbering is not None:
        document.part.numbering_part._element = parse_xml(numbering.encode("utf-8"))
    path = Path(path)
    document.save(str(path))
    return path


def patch_docx(source: str | Path, target: str | Path,
               parts: Mapping[str, bytes | None]) -> Path:
    """Copy a .docx replacing (bytes), adding, or removing (None) the named zip members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename in parts:
                continue
            new.writestr(info, old.read(info.filename))
        for name, data in parts.items():
            if data is not None:
                new.writestr(name, data)
    target = Path(target)
    target.write_bytes(buffer.getvalue())
    return target
