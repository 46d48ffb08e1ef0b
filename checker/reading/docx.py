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
from typing import Any

from lxml import etree

from checker.budgets import (
    DOCX_MAX_BLOCK_ELEMENTS,
    DOCX_MAX_UNPACKED_BYTES,
    DRAFT_MAX_CHARS,
    DRAFT_MAX_LINES,
    size_text,
)
from checker.errors import InputError
from checker.reading.limits import (
    SUGGEST_SMALLER,
    block_too_large,
    check_archive,
    check_member_count,
    draft_too_long,
)
from checker.reading.numbering import W, NumberingResolver

_STRICT_W = "{http://purl.oclc.org/ooxml/wordprocessingml/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_REL_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_DEFAULT_MAIN = "word/document.xml"

_P, _TBL, _TR, _TC, _R = (f"{W}{n}" for n in ("p", "tbl", "tr", "tc", "r"))
_BODY = f"{W}body"
_CHUNK = 1 << 16
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


def read_docx(path: Path, location: str, *, max_lines: int = DRAFT_MAX_LINES,
              max_chars: int = DRAFT_MAX_CHARS) -> tuple[str, ...]:
    """Return the text of each line of the .docx at `path` (labels included).

    The document part is read as a stream: each body paragraph or table row is turned into its
    line and then dropped from memory, so memory follows the longest paragraph, not the file.
    """
    check_member_count(path, location)
    try:
        with zipfile.ZipFile(path) as archive:
            check_archive(archive, location)
            budget = _Budget(location)
            main, numbering, styles = _load_parts(archive, location, budget)
            resolver = NumberingResolver(numbering, styles)
            lines: list[str] = []
            chars = 0
            for line in _stream_lines(archive, main, resolver, location, budget):
                lines.append(line)
                chars += len(line) + 1
                if len(lines) > max_lines or chars > max_chars:
                    raise draft_too_long(location, len(lines), chars, max_lines, max_chars)
            return tuple(lines)
    except InputError as exc:
        if exc.location is None:  # from numbering, which does not know the file
            exc.location = location
        raise
    except _ZIP_ERRORS as exc:
        raise InputError(f"not a valid .docx (damaged archive: {_short(exc)})", location,
                         hint=INVALID_HINT) from None


class _Budget:
    """Bytes inflated so far across the parts read; never trusts the sizes the zip declares."""

    def __init__(self, location: str, limit: int = DOCX_MAX_UNPACKED_BYTES):
        self.location = location
        self.left = limit
        self.limit = limit

    def chunks(self, archive: zipfile.ZipFile, name: str) -> Iterator[bytes]:
        """The part's bytes, a chunk at a time (zipfile inflates at most a chunk per read)."""
        with archive.open(name) as member:
            while True:
                chunk = member.read(_CHUNK)
                if not chunk:
                    return
                self.left -= len(chunk)
                if self.left < 0:
                    raise InputError(f"not a valid .docx: its text parts unpack to more than "
                                     f"{size_text(self.limit)}", self.location, hint=SUGGEST_SMALLER)
                yield chunk

    def read(self, archive: zipfile.ZipFile, name: str) -> bytes:
        return b"".join(self.chunks(archive, name))


# -- parts -------------------------------------------------------------------------------------


def _load_parts(archive: zipfile.ZipFile, location: str, budget: _Budget
                ) -> tuple[str, etree._Element | None, etree._Element | None]:
    """The main part's name, and the numbering and styles parts (small, read whole)."""
    names = set(archive.namelist())
    main = _related(archive, names, "_rels/.rels", "", "officeDocument", location, budget)
    main = main or _DEFAULT_MAIN
    if main not in names:
        raise InputError(f"not a valid .docx (no {main} inside)", location, hint=INVALID_HINT)
    folder, base = posixpath.split(main)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    parts = []
    for kind in ("numbering", "styles"):
        name = _related(archive, names, rels, folder, kind, location, budget)
        parts.append(_parse(archive, name, location, budget) if name in names else None)
    return main, parts[0], parts[1]


def _related(archive: zipfile.ZipFile, names: set[str], rels: str, folder: str, kind: str,
             location: str, budget: _Budget) -> str | None:
    """Part name of the first relationship of `kind` in the `rels` part, if any."""
    if rels not in names:
        return None
    for rel in _parse(archive, rels, location, budget).iter(_REL):
        if rel.get("Type") != _REL_TYPES + kind or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        if target.startswith("/"):
            return posixpath.normpath(target.lstrip("/"))
        return posixpath.normpath(posixpath.join(folder, target))
    return None


def _xml_parser(cls: Any = etree.XMLParser, **events: Any) -> Any:
    """Entity expansion, network access, DTDs and huge trees switched off."""
    return cls(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
               remove_comments=True, remove_pis=True, **events)


def _parse(archive: zipfile.ZipFile, name: str, location: str, budget: _Budget) -> etree._Element:
    """Parse one small XML part safely (relationships, numbering, styles)."""
    data = budget.read(archive, name)
    try:
        root = etree.fromstring(data, _xml_parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not a valid .docx ({name} is not well-formed XML: {exc.msg})",
                         location, hint=INVALID_HINT) from None
    if root is None:
        raise InputError(f"not a valid .docx ({name} is empty)", location, hint=INVALID_HINT)
    _refuse_dtd(root, name, location)
    return root


def _refuse_dtd(root: etree._Element, name: str, location: str) -> None:
    if root.getroottree().docinfo.doctype:
        raise InputError(f"not a valid .docx ({name} declares a DTD, which Word never writes)",
                         location)


def _stream_lines(archive: zipfile.ZipFile, name: str, resolver: NumberingResolver,
                  location: str, budget: _Budget) -> Iterator[str]:
    """The lines of the main part, parsed as it is inflated.

    A body paragraph, or a row of a body table, is complete at its end tag: it becomes a line
    and is removed from the tree. Content controls and tracked insertions around them are
    looked into, as in `_blocks`.
    """
    parser = _xml_parser(etree.XMLPullParser, events=("start", "end"))
    path: list[str] = []  # tags from the root down to the element being read
    started = 0  # elements opened since the current paragraph or row began
    text = 0  # characters of text since then (one paragraph is held whole until it ends)
    try:
        for chunk in budget.chunks(archive, name):
            parser.feed(chunk)
            for event, element in parser.read_events():
                if event == "start":
                    if not path:
                        _check_root(element, name, location)
                    path.append(element.tag)
                    started += 1
                    if started > DOCX_MAX_BLOCK_ELEMENTS:
                        raise block_too_large(location, INVALID_HINT)
                    continue
                path.pop()
                text += len(element.text or "")
                if text > DRAFT_MAX_CHARS:
                    raise draft_too_long(location, 0, text, DRAFT_MAX_LINES, DRAFT_MAX_CHARS)
                kind = _streamed(path, element.tag)
                if kind is None:
                    continue
                if kind == _P:
                    yield _paragraph_line(element, resolver)
                elif kind == _TR and not _row_deleted(element):
                    yield _row_line(element, resolver)
                started = text = 0
                _forget(element)
        parser.close()
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not a valid .docx ({name} is not well-formed XML: {exc.msg})",
                         location, hint=INVALID_HINT) from None


def _check_root(root: etree._Element, name: str, location: str) -> None:
    _refuse_dtd(root, name, location)
    if root.tag == f"{_STRICT_W}document":
        raise InputError("the .docx is saved as Strict Open XML", location,
                         hint="save it in Word as 'Word Document (*.docx)'")
    if root.tag != f"{W}document":
        raise InputError(f"not a valid .docx ({name} is not a Word document)", location,
                         hint=INVALID_HINT)


def _streamed(path: list[str], tag: str) -> str | None:
    """_P or _TR when the element that just ended is a line of the body; _TBL, a wrapper or
    another child of the body once read; None while inside a line (kept for its line)."""
    if len(path) < 2 or path[1] != _BODY:
        return _TBL if len(path) == 1 else None  # the body itself, or something beside it
    below = path[2:]  # what lies between the body and the element
    if all(tag_ in _BLOCK_WRAPPERS for tag_ in below):
        if tag in (_P, _TR):
            return tag if tag == _P else None  # a row outside a table is not a line
        return _TBL  # a table (rows already read), a wrapper, section properties …
    tables = [i for i, tag_ in enumerate(below) if tag_ == _TBL]
    if tag == _TR and len(tables) == 1 and all(
            tag_ in _BLOCK_WRAPPERS for i, tag_ in enumerate(below) if i != tables[0]):
        return _TR
    return None


def _forget(element: etree._Element) -> None:
    """Free what has been read: the element's content and the emptied siblings before it."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


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
