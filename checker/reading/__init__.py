"""Reading stage: a user's file → `Document` (numbered lines), or one clear InputError.

`.txt` and files without a suffix are read as text (encoding detected, see `text`), `.docx` as
Word (see `docx`), `.pdf` through its text layer (see `pdf`), `.html` pages saved from the legal
database as the act's text (see `html`), `.rtf` (see `rtf`) and OpenDocument `.odt` (see `odt`) by
our own readers. The first bytes decide over the name where they are unambiguous: a Word file
saved under .txt is read as Word, an RTF or OpenDocument file under any name as what it is,
while an old binary .doc or an encrypted .docx (both OLE containers) is refused with what to do
instead.
"""

from __future__ import annotations

import os
from pathlib import Path

from checker.errors import InputError
from checker.model import Document, SourceLine
from checker.reading.html import looks_like_html, read_html
from checker.reading.rtf import looks_like_rtf, read_rtf
from checker.budgets import DRAFT_MAX_CHARS, DRAFT_MAX_LINES
from checker.reading.limits import DEFAULT_MAX_BYTES, check_file, draft_too_long, read_bounded
from checker.reading.text import read_text

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "read_document"]

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm", ".rtf", ".odt", "")
SAVE_AS = "save the draft as .docx or .txt"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_PDF_MAGIC = b"%PDF-"
_ODT_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.text"
_FORMAT_NAMES = {
    ".pdf": "PDF", ".doc": "old Word (.doc)", ".docm": "macro-enabled Word (.docm)",
    ".dot": "Word template", ".dotx": "Word template", ".odt": "OpenDocument text",
    ".rtf": "RTF", ".xls": "Excel", ".xlsx": "Excel", ".html": "HTML", ".htm": "HTML",
    ".pages": "Apple Pages", ".wps": "Works",
}


def read_document(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a draft into numbered lines; raise InputError (location = the path) if it cannot be."""
    location = os.fspath(path)
    file = Path(location)
    suffix = file.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES and file.is_file():  # before the size: say it first
        name = _FORMAT_NAMES.get(suffix, f"'{suffix}'")
        raise InputError(f"cannot read {name} files", location, hint=SAVE_AS)
    check_file(file, location, max_bytes)
    kind = _sniff(file, suffix, location)
    if kind == "pdf":
        from checker.reading.pdf import read_pdf  # imported for a PDF only

        texts = read_pdf(read_bounded(file, location, max_bytes), location)
        return _lines_document(location, texts, "pdf")
    if kind == "html":
        texts = read_html(read_bounded(file, location, max_bytes), location)
        return _lines_document(location, texts, "html")
    if kind == "rtf":
        texts = read_rtf(read_bounded(file, location, max_bytes), location)
        return _lines_document(location, texts, "rtf")
    if kind == "odt":
        from checker.reading.odt import read_odt  # lxml, imported for an OpenDocument file only

        return _lines_document(location, read_odt(file, location), "odt")
    if kind == "docx":
        from checker.reading.docx import read_docx  # imported for a Word file only

        texts = read_docx(file, location)
        if not texts:
            raise InputError("empty document (no paragraphs)", location)
        lines = tuple(map(SourceLine, range(1, len(texts) + 1), texts))
        return Document(path=location, lines=lines, kind="docx", encoding=None)
    text_lines, encoding = read_text(read_bounded(file, location, max_bytes), location,
                                     max_chars=DRAFT_MAX_CHARS, max_lines=DRAFT_MAX_LINES)
    return Document(path=location, lines=text_lines, kind="txt", encoding=encoding)


def _lines_document(location: str, texts: tuple[str, ...], kind: str) -> Document:
    if not texts:
        raise InputError(f"empty document (no text in the {kind.upper()})", location)
    chars = sum(map(len, texts))
    if len(texts) > DRAFT_MAX_LINES or chars > DRAFT_MAX_CHARS:  # the same budgets as a .txt
        raise draft_too_long(location, len(texts), chars, DRAFT_MAX_LINES, DRAFT_MAX_CHARS)
    return Document(path=location, lines=tuple(map(SourceLine, range(1, len(texts) + 1), texts)), kind=kind)


def _sniff(file: Path, suffix: str, location: str) -> str:
    """"docx" or "txt" from the first bytes and the suffix; refuse formats we cannot read."""
    try:
        with open(file, "rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", location) from None
    if head.startswith(_OLE_MAGIC):
        raise InputError("this is an old Word (.doc) file or a password-protected document",
                         location, hint="open it in Word and save it as .docx without a password")
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(_PDF_MAGIC) or (suffix == ".pdf" and _PDF_MAGIC in head):
        return "pdf"
    if suffix == ".pdf":
        raise InputError("not a valid PDF (it does not start with %PDF)", location,
                         hint="save it again from the source, or as .docx")
    if looks_like_rtf(head):
        return "rtf"
    if suffix == ".rtf":
        raise InputError("not a valid RTF file (it does not start with {\\rtf)", location,
                         hint="save it again from the source, or as .docx")
    if head.startswith(_ZIP_MAGICS):
        return "odt" if _ODT_MIMETYPE in head[:120] or (suffix == ".odt" and b"[Content_Types]" not in head[:200]) \
            else "docx"
    if suffix == ".odt":
        raise InputError("not a valid .odt (it is not a zip archive)", location,
                         hint="open it in LibreOffice and save it again as .odt or .docx")
    if suffix in (".html", ".htm") or looks_like_html(head):
        return "html"
    if suffix == ".docx":
        raise InputError("not a valid .docx (it is not a zip archive)", location,
                         hint="open it in Word and save it as .docx; a plain text file "
                              "should be named .txt")
    return "txt"
