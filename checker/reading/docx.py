"""Word .docx → lines: body paragraphs and table rows in document order, numbering restored.

One paragraph or one table row is one line, so "line N" in a report is the N-th of those. The
archive is checked by `limits` before anything is inflated, and each XML part is parsed with
entity expansion, network access and huge trees switched off; a part with a DTD is refused
(Word never writes one, billion-laughs and XXE files always do).

The text is taken from the XML directly rather than from python-docx's `Paragraph.text`, which
skips tracked insertions, content controls and field results: here inserted text is in, deleted
and hidden text is out, a tab is "\\t" and a line break is a space (a paragraph stays one line).
"""

from __future__ import annotations

import lzma
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from checker.errors import InputError
from checker.reading.limits import check_archive, check_member_count
from checker.reading.numbering import W, NumberingResolver

_STRICT_W = "{http://purl.oclc.org/ooxml/wordprocessingml/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_REL_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_DEFAULT_MAIN = "word/document.xml"

_P, _TBL, _TR, _TC, _R = (f"{W}{n}" for n in ("p", "tbl", "tr", "tc", "r"))
_T, _TAB, _PTAB, _BR, _CR = (f"{W}{n}" for n in ("t", "tab", "ptab", "br", "cr"))
_NB_HYPHEN, _SOFT_HYPHEN = f"{W}noBreakHyphen", f"{W}softHyphen"
_RUN_CHARS = {_T: None, _TAB: "\t", _PTAB: "\t", _BR: " ", _CR: " ",
              _NB_HYPHEN: "\u2011", _SOFT_HYPHEN: "\u00ad"}
# Wrappers whose content is part of the visible text; w:del, w:moveFrom, field codes
# (w:instrText), drawings and math are not in this set and are skipped.
_INLINE_WRAPPERS = frozenset(f"{W}{n}" for n in (
    "hyperlink", "ins", "moveTo", "smartTag", "customXml", "sdt", "sdtContent", "fldSimple",
    "dir", "bdo"))
_BLOCK_WRAPPERS = frozenset(f"{W}{n}" for n in ("sdt", "sdtContent", "customXml", "ins", "moveTo"))

# What zipfile and its decompressors raise on a damaged archive.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, ValueError,
               NotImplementedError, RuntimeError, OSError, struct.error, OverflowError,
               IndexError, KeyError)

INVALID_HINT = "open it in Word and save it again as .docx"


def read_docx(path: Path, location: str) -> tuple[str, ...]:
    """Return the text of each line of the .docx at `path` (labels included)."""
    check_member_count(path, location)
    try:
        with zipfile.ZipFile(path) as archive:
            check_archive(archive, location)
            document, numbering, styles = _load_parts(archive, location)
    except InputError:
        raise
    except _ZIP_ERRORS as exc:
        raise InputError(f"not a valid .docx (damaged archive: {_short(exc)})", location,
                         hint=INVALID_HINT) from None
    body = document.find(f"{W}body")
    if body is None:
        return ()
    return tuple(_body_lines(body, NumberingResolver(numbering, styles)))


# -- parts -------------------------------------------------------------------------------------


def _load_parts(archive: zipfile.ZipFile, location: str
                ) -> tuple[etree._Element, etree._Element | None, etree._Element | None]:
    names = set(archive.namelist())
    main = _related(archive, names, "_rels/.rels", "", "officeDocument", location) or _DEFAULT_MAIN
    if main not in names:
        raise InputError(f"not a valid .docx (no {main} inside)", location, hint=INVALID_HINT)
    document = _parse(archive, main, location)
    if document.tag != f"{W}document":
        if document.tag == f"{_STRICT_W}document":
            raise InputError("the .docx is saved as Strict Open XML", location,
                             hint="save it in Word as 'Word Document (*.docx)'")
        raise InputError(f"not a valid .docx ({main} is not a Word document)", location,
                         hint=INVALID_HINT)
    folder, base = posixpath.split(main)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    parts = []
    for kind in ("numbering", "styles"):
        name = _related(archive, names, rels, folder, kind, location)
        parts.append(_parse(archive, name, location) if name in names else None)
    return document, parts[0], parts[1]


def _related(archive: zipfile.ZipFile, names: set[str], rels: str, folder: str, kind: str,
             location: str) -> str | None:
    """Part name of the first relationship of `kind` in the `rels` part, if any."""
    if rels not in names:
        return None
    for rel in _parse(archive, rels, location).iter(_REL):
        if rel.get("Type") != _REL_TYPES + kind or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        if target.startswith("/"):
            return posixpath.normpath(target.lstrip("/"))
        return posixpath.normpath(posixpath.join(folder, target))
    return None


def _parse(archive: zipfile.ZipFile, name: str, location: str) -> etree._Element:
    """Parse one XML part safely; zipfile stops at the declared size and checks the CRC."""
    data = archive.read(name)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not a valid .docx ({name} is not well-formed XML: {exc.msg})",
                         location, hint=INVALID_HINT) from None
    if root is None:
        raise InputError(f"not a valid .docx ({name} is empty)", location, hint=INVALID_HINT)
    if root.getroottree().docinfo.doctype:
        raise InputError(f"not a valid .docx ({name} declares a DTD, which Word never writes)",
                         location)
    return root


# -- text --------------------------------------------------------------------------------------


def _body_lines(container: etree._Element, resolver: NumberingResolver) -> Iterator[str]:
    for block in _blocks(container):
        if block.tag == _P:
            yield _paragraph_line(block, resolver)
        else:
            for row in _children(block, _TR):
                if not _row_deleted(row):
                    yield _row_line(row, resolver)


def _blocks(container: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables in document order, looking inside content controls."""
    for child in container:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _blocks(child)


def _children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with `tag`, also when wrapped in row- or cell-level content controls."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _children(child, tag)


def _row_deleted(row: etree._Element) -> bool:
    return row.find(f"{W}trPr/{W}del") is not None


def _row_line(row: etree._Element, resolver: NumberingResolver) -> str:
    """Cells joined by " | "; a cell's paragraphs (and nested tables) joined by a space."""
    cells = []
    for cell in _children(row, _TC):
        parts = (part for part in _body_lines(cell, resolver) if part)
        cells.append(" ".join(parts))
    return " | ".join(cells)


def _paragraph_line(paragraph: etree._Element, resolver: NumberingResolver) -> str:
    label = resolver.label(paragraph)
    pieces: list[str] = []
    _collect(paragraph, pieces)
    text = "".join(pieces)
    if "\n" in text or "\r" in text:  # raw breaks inside w:t must not split the line
        text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    if label:
        return f"{label} {text}" if text else label
    return text


def _collect(element: etree._Element, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == _R:
            _run_text(child, out)
        elif tag in _INLINE_WRAPPERS:
            _collect(child, out)


def _run_text(run: etree._Element, out: list[str]) -> None:
    rpr = run.find(f"{W}rPr")
    if rpr is not None:
        vanish = rpr.find(f"{W}vanish")
        if vanish is not None and vanish.get(f"{W}val", "true") not in ("0", "false", "off"):
            return  # hidden text: not what the reader sees
    for child in run:
        if child.tag in _RUN_CHARS:
            char = _RUN_CHARS[child.tag]
            out.append((child.text or "") if char is None else char)


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]
