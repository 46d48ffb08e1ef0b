"""OpenDocument text (.odt) → lines: paragraphs, headings and table rows in document order.

Our own reader rather than `odfpy` (1.4.1): odfpy loads every part (content, styles, meta,
settings) whole into its own pure-Python DOM, with no bound on what the zip inflates to, and its
text extraction renders no list labels. Here the archive passes the same zip-bomb checks as a
.docx (`limits`) before anything is inflated, content.xml is parsed as it is inflated with entity
expansion, network, DTDs and huge trees switched off, and each paragraph or row is dropped from
memory once it is a line.

One paragraph (`text:p`, `text:h`) or one table row is one line; cells are joined by " | " and
a cell's paragraphs by a space, as in a .docx. `text:s` gives its spaces, `text:tab` a tab and
`text:line-break` a space (the paragraph stays one line). Notes, comments, tracked deletions and
drawings are not body text. Numbered list items get their label from the list style
(`text:list-level-style-number`: format, prefix, suffix, start value, levels shown), or from the
`text:number` the editor stored.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from checker.budgets import (
    DOCX_MAX_BLOCK_ELEMENTS,
    DOCX_MAX_UNPACKED_BYTES,
    DRAFT_MAX_CHARS,
    DRAFT_MAX_LINES,
    size_text,
)
from checker.errors import InputError
from checker.reading.docx import _ZIP_ERRORS, _short, _xml_parser
from checker.reading.limits import (
    SUGGEST_SMALLER,
    block_too_large,
    check_archive,
    check_member_count,
    draft_too_long,
)

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_T, _TB, _O, _ST = (f"{{{ns}}}" for ns in (_TEXT, _TABLE, _OFFICE, _STYLE))
_P, _H, _ROW, _CELL = f"{_T}p", f"{_T}h", f"{_TB}table-row", f"{_TB}table-cell"
_LIST, _ITEM, _HEADER = f"{_T}list", f"{_T}list-item", f"{_T}list-header"
_LIST_STYLE, _NUMBER_STYLE = f"{_T}list-style", f"{_T}list-level-style-number"
_NUMBER = f"{_T}number"
_S, _TAB, _BREAK = f"{_T}s", f"{_T}tab", f"{_T}line-break"
# Children whose text is not body text: notes, comments, tracked changes (deleted text),
# ruby annotations' source kept, drawings and frames dropped.
_SKIP = frozenset({f"{_T}note", f"{_O}annotation", f"{_T}tracked-changes", f"{_T}change",
                   f"{_T}bookmark-ref-x", _NUMBER})
_SKIP_NS = ("{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}",
            "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}",
            "{http://www.w3.org/1998/Math/MathML}")
_MIMETYPE = "application/vnd.oasis.opendocument.text"
_CHUNK = 1 << 16
INVALID_HINT = "open it in LibreOffice or Word and save it again as .odt or .docx"


def read_odt(path: Path, location: str, *, max_lines: int = DRAFT_MAX_LINES,
             max_chars: int = DRAFT_MAX_CHARS) -> tuple[str, ...]:
    """Return the text of each line of the .odt at `path` (list labels included)."""
    check_member_count(path, location, what=".odt")
    try:
        with zipfile.ZipFile(path) as archive:
            check_archive(archive, location, what=".odt")
            names = set(archive.namelist())
            if "content.xml" not in names:
                raise InputError("not a valid .odt (no content.xml inside)", location,
                                 hint=INVALID_HINT)
            if "mimetype" in names:
                kind = archive.read("mimetype")[:200].decode("ascii", "replace").strip()
                if kind.startswith("application/vnd.oasis.opendocument.") and kind != _MIMETYPE \
                        and not kind.startswith(_MIMETYPE + "-"):
                    raise InputError(f"not an OpenDocument text file ({kind.rsplit('.', 1)[-1]})",
                                     location, hint="save the draft as .odt, .docx or .txt")
            budget = [DOCX_MAX_UNPACKED_BYTES]
            styles = _ListStyles()
            if "styles.xml" in names:
                styles.read_styles(_parse_whole(archive, "styles.xml", location, budget), )
            lines: list[str] = []
            chars = 0
            for line in _stream_lines(archive, location, budget, styles):
                lines.append(line)
                chars += len(line) + 1
                if len(lines) > max_lines or chars > max_chars:
                    raise draft_too_long(location, len(lines), chars, max_lines, max_chars)
            while lines and not lines[-1].strip():
                lines.pop()
            return tuple(lines)
    except InputError as exc:
        if exc.location is None:
            exc.location = location
        raise
    except _ZIP_ERRORS as exc:
        raise InputError(f"not a valid .odt (damaged archive: {_short(exc)})", location,
                         hint=INVALID_HINT) from None


def _chunks(archive: zipfile.ZipFile, name: str, location: str, budget: list[int]) -> Iterator[bytes]:
    with archive.open(name) as member:
        while True:
            chunk = member.read(_CHUNK)
            if not chunk:
                return
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise InputError(f"not a valid .odt: its text parts unpack to more than "
                                 f"{size_text(DOCX_MAX_UNPACKED_BYTES)}", location,
                                 hint=SUGGEST_SMALLER)
            yield chunk


def _parse_whole(archive: zipfile.ZipFile, name: str, location: str,
                 budget: list[int]) -> etree._Element:
    data = b"".join(_chunks(archive, name, location, budget))
    try:
        root = etree.fromstring(data, _xml_parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not a valid .odt ({name} is not well-formed XML: {exc.msg})",
                         location, hint=INVALID_HINT) from None
    if root is None or root.getroottree().docinfo.doctype:
        raise InputError(f"not a valid .odt ({name} is empty or declares a DTD)", location,
                         hint=INVALID_HINT)
    return root


# -- list labels -------------------------------------------------------------------------------

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_CYRILLIC = "абвгдежзиклмнопрстуфхцчшщэюя"


def _format(value: int, fmt: str) -> str:
    if fmt in ("i", "I"):
        out, left = "", max(value, 1)
        for number, letters in _ROMAN:
            while left >= number and len(out) < 20:
                out, left = out + letters, left - number
        return out.upper() if fmt == "I" else out
    for alphabet in ("abcdefghijklmnopqrstuvwxyz", _CYRILLIC):
        if fmt.lower() in alphabet[:1]:
            letter = alphabet[(max(value, 1) - 1) % len(alphabet)]
            return letter.upper() if fmt.isupper() else letter
    return str(value)


class _ListStyles:
    """Numbered levels by list style name; counters of the lists being read."""

    def __init__(self) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, str, int, int]]] = {}

    def read_styles(self, root: etree._Element) -> None:
        for style in root.iter(_LIST_STYLE):
            self.add(style)

    def add(self, style: etree._Element) -> None:
        name = style.get(f"{_ST}name")
        if not name:
            return
        levels = {}
        for level in style.iter(_NUMBER_STYLE):
            try:
                number = int(level.get(f"{_T}level", "1"))
                start = int(level.get(f"{_T}start-value", "1"))
                shown = int(level.get(f"{_T}display-levels", "1"))
            except ValueError:
                continue
            fmt = level.get(f"{_ST}num-format", "1")
            if fmt:
                levels[number] = (fmt, level.get(f"{_ST}num-prefix", ""),
                                  level.get(f"{_ST}num-suffix", ""), min(start, 10**6), min(shown, 10))
        self.levels[name] = levels


class _Counter:
    """The numbering state while reading: open lists and the values of each style's levels."""

    def __init__(self, styles: _ListStyles) -> None:
        self.styles = styles
        self.open: list[str | None] = []  # style of each open text:list
        self.values: dict[str, list[int]] = {}

    def start_list(self, element: etree._Element) -> None:
        style = element.get(f"{_T}style-name") or (self.open[-1] if self.open else None)
        continues = element.get(f"{_T}continue-numbering") == "true" or element.get(f"{_T}continue-list")
        if not self.open and style and not continues:
            self.values.pop(style, None)
        self.open.append(style)

    def end_list(self) -> None:
        if self.open:
            self.open.pop()

    def item(self, start: str) -> str:
        """The label of a list item at its first paragraph ("" if its level is not numbered)."""
        style, depth = (self.open[-1] if self.open else None), len(self.open)
        levels = self.styles.levels.get(style or "", {})
        if not style or depth not in levels:
            return ""
        values = self.values.setdefault(style, [])
        while len(values) < depth:
            level = levels.get(len(values) + 1)
            values.append((level[3] if level else 1) - 1)
        del values[depth:]
        values[depth - 1] = int(start) if start and start.isdigit() and len(start) < 7 \
            else values[depth - 1] + 1
        fmt, prefix, suffix, _, shown = levels[depth]
        parts = []
        for level in range(max(depth - shown + 1, 1), depth + 1):
            spec = levels.get(level)
            parts.append(_format(values[level - 1], spec[0] if spec else "1"))
        return f"{prefix}{'.'.join(parts)}{suffix}"[:64]


# -- content -----------------------------------------------------------------------------------


def _stream_lines(archive: zipfile.ZipFile, location: str, budget: list[int],
                  styles: _ListStyles) -> Iterator[str]:
    parser = _xml_parser(etree.XMLPullParser, events=("start", "end"))
    counter = _Counter(styles)
    path: list[str] = []
    labels: list[str | None] = []  # each open list item's start value until its first paragraph
    started = text = 0
    in_body = False
    try:
        for chunk in _chunks(archive, "content.xml", location, budget):
            parser.feed(chunk)
            for event, element in parser.read_events():
                tag = element.tag
                if event == "start":
                    if not path and element.getroottree().docinfo.doctype:
                        raise InputError("not a valid .odt (content.xml declares a DTD)", location,
                                         hint=INVALID_HINT)
                    path.append(tag)
                    if tag == f"{_O}body":
                        in_body = True
                    elif in_body and not _skipped(path):
                        if tag == _LIST:
                            counter.start_list(element)
                        elif tag == _ITEM:
                            labels.append(element.get(f"{_T}start-value") or "")
                        elif tag == _HEADER:
                            labels.append(None)
                    started += 1
                    if started > DOCX_MAX_BLOCK_ELEMENTS:
                        raise block_too_large(location, INVALID_HINT)
                    continue
                path.pop()
                text += len(element.text or "") + len(element.tail or "")
                if text > DRAFT_MAX_CHARS:
                    raise draft_too_long(location, 0, text, DRAFT_MAX_LINES, DRAFT_MAX_CHARS)
                if tag == _LIST_STYLE and not in_body:
                    styles.add(element)
                    continue
                if not in_body or _skipped(path + [tag]):
                    continue
                if tag == _LIST:
                    counter.end_list()
                elif tag in (_ITEM, _HEADER):
                    if labels:
                        labels.pop()
                elif tag in (_P, _H) and _ROW not in path and not _inside_paragraph(path):
                    label = ""
                    if labels and labels[-1] is not None and path and path[-1] == _ITEM:
                        label, labels[-1] = counter.item(labels[-1]), None
                    stored = element.find(_NUMBER)
                    if stored is not None and stored.text:
                        label = stored.text.strip()
                    line = _paragraph_text(element)
                    started = text = 0
                    _forget(element)
                    yield f"{label} {line}" if label and line else (label or line)
                elif tag == _ROW and _ROW not in path:
                    line = _row_text(element)
                    started = text = 0
                    _forget(element)
                    yield line
        parser.close()
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not a valid .odt (content.xml is not well-formed XML: {exc.msg})",
                         location, hint=INVALID_HINT) from None


def _skipped(path: list[str]) -> bool:
    return any(tag in _SKIP or tag.startswith(_SKIP_NS) for tag in path)


def _inside_paragraph(path: list[str]) -> bool:
    return _P in path or _H in path


def _forget(element: etree._Element) -> None:
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _paragraph_text(element: etree._Element) -> str:
    out: list[str] = [element.text or ""]
    _collect(element, out)
    text = "".join(out)
    if "\n" in text or "\r" in text:
        text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    return text


def _collect(element: etree._Element, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP or tag.startswith(_SKIP_NS):
            pass
        elif tag == _S:
            count = child.get(f"{_T}c", "1")
            out.append(" " * (min(int(count), 1000) if count.isdigit() else 1))
        elif tag == _TAB:
            out.append("\t")
        elif tag == _BREAK:
            out.append(" ")
        elif tag in (_P, _H):  # a paragraph inside a paragraph (a text box): not this line
            pass
        else:
            out.append(child.text or "")
            _collect(child, out)
        out.append(child.tail or "")


def _row_text(row: etree._Element) -> str:
    cells = []
    for cell in row.iter(_CELL):
        parts = [_paragraph_text(p).strip() for p in cell.iter(_P, _H)]
        cells.append(" ".join(part for part in parts if part))
    return " | ".join(cells)
