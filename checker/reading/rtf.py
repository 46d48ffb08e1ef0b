"""RTF → lines: one paragraph or table row a line, as Word shows the text.

Our own reader on the standard library rather than `striprtf` (0.0.35), which was measured and
found not faithful enough for bills: it drops `\\pntext` (the rendered list labels "1)", "2." of
older Word files), prints hidden text (`\\v`) and tracked deletions, splits a paragraph at a line
break (`\\line`), raises on a byte undefined in the code page, reads `\\bin` data as text outside
pictures, leaves astral characters as two surrogates and rewrites hyperlinks with a regex over
the whole file.

What is read: `\\ansicpg` and each font's `\\fcharset`/`\\cpg` decode `\\'xx` (cp1251 and the
rest; an undefined byte becomes U+FFFD), `\\uN` with its `\\ucN` fallback skipped, surrogate
pairs joined; destinations (font and style tables, info, pictures, headers, footers, footnotes,
field instructions, bookmarks, anything marked `\\*`) are skipped; `\\listtext`/`\\pntext` labels,
field results and tracked insertions are kept. A line break (`\\line`) is a space and a tab
`\\t`, as in a .docx; table cells are joined by " | ". Group nesting, text and lines are bounded
(`checker.budgets`).
"""

from __future__ import annotations

import codecs
import re

from checker.budgets import DRAFT_MAX_CHARS, DRAFT_MAX_LINES, RTF_MAX_GROUP_DEPTH
from checker.errors import InputError
from checker.reading.limits import draft_too_long

_START = re.compile(rb"^(?:\xef\xbb\xbf)?[ \t\r\n]*\{[ \t\r\n]*\\rtf", re.ASCII)
_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # 1, 2: control word and its parameter
    rb"|((?:\\'[0-9a-fA-F]{2})+)"  # 3: a run of hex-escaped bytes
    rb"|\\([\s\S])"  # 4: control symbol
    rb"|([{}])"  # 5: group
    rb"|[\r\n]+"  # ignored
    rb"|([^\\{}\r\n]+)")  # 6: text
_HEX_MARK = re.compile(rb"\\'")
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f]")

# Destinations whose text is not part of the document's body text.
_SKIP = frozenset("""
annotation atnauthor atndate atnicn atnid atnparent atnref atntime author background bkmkend
bkmkstart blipuid buptim category colorschememapping colortbl comment company creatim datafield
datastore docvar doccomm falt fchars ffdeftext ffentrymcr ffexitmcr ffformat ffhelptext ffname
ffstattext file filetbl fldinst fname fontemb fontfile footer footerf footerl footerr footnote
ftncn ftnsep ftnsepc aftncn aftnsep aftnsepc generator gridtbl header headerf headerl headerr
hlinkbase info keywords latentstyles lchars leveltext levelnumbers list listlevel listname
listoverride listoverridetable listpicture liststylename listtable manager mmath mmathPr
moMath moMathPara nesttableprops nonshppict objalias objclass objdata object objname operator
panose passwordhash pgdsctbl pict pn pntxta pntxtb printim private propname protusertbl revtbl
revtim rsidtbl shp shpgrp shpinst shppict sn sp stylesheet subject sv template themedata title
tc txe userprops wgrffmtfilter windowcaption writereservation writereservhash xe xmlattrname
xmlattrvalue xmlnstbl xmlopen xmlclose xmlname
""".split())
_WORD_CHARS = {"tab": "\t", "line": " ", "emdash": "\u2014", "endash": "\u2013",
               "emspace": "\u2003", "enspace": "\u2002", "qmspace": "\u2005",
               "bullet": "\u2022", "lquote": "\u2018", "rquote": "\u2019",
               "ldblquote": "\u201c", "rdblquote": "\u201d", "zwj": "\u200d", "zwnj": "\u200c",
               "ltrmark": "", "rtlmark": "", "nestcell": " ", "nestrow": " "}
_SYMBOLS = {"~": "\u00a0", "-": "\u00ad", "_": "\u2011", "\\": "\\", "{": "{", "}": "}",
            "\t": "\t"}
_CHARSETS = {2: "cp1252", 77: "mac_roman", 128: "cp932", 129: "cp949", 134: "gbk",
             136: "big5", 161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255",
             178: "cp1256", 186: "cp1257", 204: "cp1251", 222: "cp874", 238: "cp1250",
             254: "cp437", 255: "cp850"}
INVALID_HINT = "open it in Word and save it again as .rtf or .docx"


def looks_like_rtf(head: bytes) -> bool:
    return bool(_START.match(head))


def _codec(name: str, fallback: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return fallback


class _State:
    __slots__ = ("skip", "font", "hidden", "uc", "fonttbl", "table")

    def __init__(self) -> None:
        self.skip = False  # inside a destination whose text is not body text
        self.font: int | None = None
        self.hidden = False  # \v or \deleted
        self.uc = 1  # bytes of fallback after \uN
        self.fonttbl = False
        self.table = False  # the paragraph is in a table (\intbl); paragraph formatting is scoped

    def copy(self) -> _State:
        new = _State.__new__(_State)
        new.skip, new.font, new.hidden, new.uc, new.fonttbl, new.table = (
            self.skip, self.font, self.hidden, self.uc, self.fonttbl, self.table)
        return new


class _Lines:
    """Text of the current paragraph, cells of the current row, and the finished lines."""

    def __init__(self, location: str, max_lines: int, max_chars: int) -> None:
        self.location, self.max_lines, self.max_chars = location, max_lines, max_chars
        self.lines: list[str] = []
        self.pieces: list[str] = []
        self.cell: list[str] = []  # paragraphs of the current table cell
        self.cells: list[str] = []
        self.chars = 0

    def add(self, text: str) -> None:
        self.pieces.append(text)
        self.chars += len(text)
        if self.chars > self.max_chars:
            raise draft_too_long(self.location, len(self.lines), self.chars, self.max_lines,
                                 self.max_chars)

    def _take(self) -> str:
        text = _CONTROLS.sub("", "".join(self.pieces))
        self.pieces.clear()
        return text

    def paragraph(self, in_table: bool) -> None:
        text = self._take()
        if in_table:
            if text.strip():
                self.cell.append(text.strip())
            return
        self._emit(text)

    def end_cell(self) -> None:
        text = self._take().strip()
        if text:
            self.cell.append(text)
        self.cells.append(" ".join(self.cell))
        self.cell.clear()

    def end_row(self) -> None:
        if self.pieces or self.cell:
            self.end_cell()
        if self.cells:
            self._emit(" | ".join(self.cells))
        self.cells.clear()

    def _emit(self, text: str) -> None:
        self.lines.append(text)
        self.chars += 1
        if len(self.lines) > self.max_lines or self.chars > self.max_chars:
            raise draft_too_long(self.location, len(self.lines), self.chars, self.max_lines,
                                 self.max_chars)

    def finish(self) -> tuple[str, ...]:
        if self.cells or self.cell:
            self.end_row()
        if self.pieces:
            self._emit(self._take())
        lines = self.lines
        while lines and not lines[-1].strip():
            lines.pop()
        return tuple(lines)


def read_rtf(data: bytes, location: str, *, max_lines: int = DRAFT_MAX_LINES,
             max_chars: int = DRAFT_MAX_CHARS) -> tuple[str, ...]:
    """The lines of the RTF bytes `data`; InputError if it is not RTF or holds no text."""
    if not _START.match(data):
        raise InputError("not a valid RTF file (it does not start with {\\rtf)", location,
                         hint=INVALID_HINT)
    out = _Lines(location, max_lines, max_chars)
    state = _State()
    stack: list[_State] = []
    fonts: dict[int, str] = {}
    codepage = "cp1252"
    default_font: int | None = None
    font_number: int | None = None  # the font being defined in the font table
    pending_high: int | None = None  # a high surrogate waiting for its pair
    skip_left = 0  # fallback characters after \uN still to skip
    expect_destination = False  # just after \*
    group_start = False  # the first token of a group decides if it is a destination
    position, end = 0, len(data)
    match = _TOKEN.match
    while position < end:
        token = match(data, position)
        if token is None:  # a lone backslash at the very end
            break
        position = token.end()
        word, arg, hexes, symbol, brace, text = token.groups()
        first, group_start = group_start, False
        if brace is not None:
            skip_left = 0
            if brace == b"{":
                if len(stack) >= RTF_MAX_GROUP_DEPTH:
                    raise InputError(f"not a valid RTF file (groups nested deeper than "
                                     f"{RTF_MAX_GROUP_DEPTH})", location, hint=INVALID_HINT)
                stack.append(state)
                state = state.copy()
                group_start = True
            else:
                if not stack:
                    break
                state = stack.pop()
                if not stack:
                    break  # the document group is closed: anything after it is not the document
            continue
        if word is not None:
            name = word.decode("ascii")
            value = int(arg) if arg is not None else None
            star, expect_destination = expect_destination, False
            if name == "bin":
                position += max(value or 0, 0)
                continue
            if name in ("u",) and value is not None:
                skip_left = state.uc
                if state.skip or state.hidden:
                    continue
                code = value + 0x10000 if value < 0 else value
                if 0xD800 <= code < 0xDC00:
                    pending_high = code
                    continue
                if 0xDC00 <= code < 0xE000:
                    if pending_high is not None:
                        out.add(chr(0x10000 + ((pending_high - 0xD800) << 10) + (code - 0xDC00)))
                    pending_high = None
                    continue
                pending_high = None
                out.add(chr(code) if code <= 0x10FFFF else "\ufffd")
                continue
            skip_left = 0
            if (first or star) and name in _SKIP or star:
                state.skip = True
                if name == "fonttbl":
                    state.fonttbl = True
                continue
            if name == "fonttbl":
                state.skip = state.fonttbl = True
                continue
            if state.fonttbl:
                if name == "f" and value is not None:
                    font_number = value
                elif name == "fcharset" and value is not None and font_number is not None:
                    if value in _CHARSETS:
                        fonts[font_number] = _CHARSETS[value]
                elif name == "cpg" and value is not None and font_number is not None:
                    fonts[font_number] = _codec(f"cp{value}", fonts.get(font_number, codepage))
                continue
            if name == "ansicpg" and value is not None:
                codepage = _codec(f"cp{value}", "cp1252")
            elif name in ("mac", "pc", "pca"):
                codepage = {"mac": "mac_roman", "pc": "cp437", "pca": "cp850"}[name]
            elif name == "deff":
                default_font = value
            elif name == "f":
                state.font = value
            elif name == "uc" and value is not None:
                state.uc = max(value, 0)
            elif name in ("v", "deleted"):
                state.hidden = value != 0
            elif name == "plain":
                state.hidden, state.font = False, default_font
            elif state.skip:
                continue
            elif name == "intbl":
                state.table = True
            elif name == "pard":
                state.table = False
            elif name in ("par", "sect"):
                if not state.hidden:
                    out.paragraph(state.table)
            elif name == "cell":
                out.end_cell()
            elif name == "row":
                out.end_row()
            elif name in _WORD_CHARS and not state.hidden:
                out.add(_WORD_CHARS[name])
            continue
        if symbol is not None:
            expect_destination = symbol == b"*"
            skip_left = 0
            if state.skip or state.hidden:
                continue
            char = symbol.decode("latin-1")
            if char in "\r\n":
                out.paragraph(state.table)
            elif char in _SYMBOLS:
                out.add(_SYMBOLS[char])
            continue
        if hexes is not None:
            raw = bytes.fromhex(_HEX_MARK.sub(b"", hexes).decode("ascii"))
            if skip_left:
                raw, skip_left = raw[skip_left:], max(skip_left - len(raw), 0)
            if raw and not state.skip and not state.hidden:
                encoding = fonts.get(state.font, codepage) if state.font is not None else codepage
                out.add(raw.decode(encoding, errors="replace"))
            continue
        if text is not None:
            if skip_left:
                text, skip_left = text[skip_left:], max(skip_left - len(text), 0)
            if text and not state.skip and not state.hidden:
                encoding = fonts.get(state.font, codepage) if state.font is not None else codepage
                out.add(text.decode(encoding, errors="replace"))
    lines = out.finish()
    if not any(line.strip() for line in lines):
        raise InputError("empty document (no text in the RTF)", location)
    return lines
