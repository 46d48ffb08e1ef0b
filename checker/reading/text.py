"""Bytes of a plain-text draft → its lines, with the encoding detected automatically.

Drafts come from Notepad (UTF-8 with or without BOM, "Unicode" = UTF-16 with BOM), from old
Windows tools (cp1251) and from Kazakh Windows locales (KZ-1048, cp1251 with Kazakh letters in
place of Serbian/Ukrainian ones). Order: byte-order mark, then strict UTF-8, then a check that the
bytes look like Cyrillic single-byte text. Anything else is refused: reading binary as cp1251
would "succeed" and hand the parser garbage.

Everything runs as a few whole-buffer C operations (decode, translate, split) so a 20 MB file
reads in a fraction of a second; the per-character checks only look at a sample.
"""

from __future__ import annotations

import codecs
import unicodedata

from checker.errors import InputError
from checker.model import SourceLine
from checker.reading.limits import draft_too_long

# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

_HIGH = bytes(range(0x80, 0x100))
# Bytes of cp1251 that occur in Russian text: letters А-я, Ё ё, І і (also Kazakh), and the
# typographic marks Word puts in (« » — – № … “ ” „ ‘ ’ • · ° § ± © ® ™ € NBSP, soft hyphen).
_CP1251_TEXT = (bytes(range(0xC0, 0x100)) + b"\xa8\xb8\xb2\xb3"
                + b"\xab\xbb\x97\x96\xb9\x85\x93\x94\x84\x91\x92\x95\xb7\xb0\xa7\xb1\xa9\xae"
                + b"\x99\x88\xa0\xad\x82\x8b\x9b")
# Where KZ-1048 puts Ә Ғ Қ Ң Ө Ұ Ү Һ (cp1251 has Ј Є Ќ Ѕ Ґ Ў Ї Ћ there; never in Russian text).
_KZ1048_LETTERS = b"\x8d\x8e\x9d\x9e\xa1\xa2\xa3\xa5\xaa\xaf\xb4\xba\xbc\xbd\xbe\xbf"
_MIN_CYRILLIC_SHARE = 0.95  # of the non-ASCII bytes; random bytes score 0.74 (0.87 as KZ-1048)

# C0/C1 controls other than tab, line breaks, form feed and the DOS end-of-file mark.
_ALLOWED_CONTROLS = "\t\n\r\x0b\x0c\x1a"
_SAMPLE_CHARS = 1 << 16
_MAX_BAD_SHARE = 0.01

NOT_TEXT_HINT = "save it as .docx, or as .txt in UTF-8"


def read_text(data: bytes, location: str, *, max_chars: int | None = None,
              max_lines: int | None = None) -> tuple[tuple[SourceLine, ...], str]:
    """Decode `data` and split it into numbered lines; return the lines and the encoding.

    A text over `max_chars` or `max_lines` is refused before it is split (a line costs far more
    memory than its characters).
    """
    text, encoding = decode(data, location)
    if max_chars is not None and max_lines is not None:
        breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
        if len(text) > max_chars or breaks > max_lines:
            raise draft_too_long(location, breaks, len(text), max_lines, max_chars)
    lines = split_lines(text)
    if not lines:
        raise InputError("empty file", location)
    return lines, encoding


def split_lines(text: str) -> tuple[SourceLine, ...]:
    """Split on \\n, \\r\\n and \\r only (not on the other Unicode breaks editors do not count).

    A terminator at the very end does not start one more line; the text of each line is kept
    exactly, without its terminator.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = text.split("\n")
    if parts[-1] == "":
        parts.pop()
    return tuple(map(SourceLine, range(1, len(parts) + 1), parts))


def decode(data: bytes, location: str) -> tuple[str, str]:
    """Return (text, encoding name) or raise InputError saying why the bytes are not text."""
    for bom, encoding, name in _BOMS:
        if data.startswith(bom):
            return _decode_marked(data, len(bom), encoding, name, location)
    return _decode_unmarked(data, location)


def _decode_marked(data: bytes, skip: int, encoding: str, name: str,
                   location: str) -> tuple[str, str]:
    """Trust a byte-order mark when clean text follows it.

    Otherwise the "mark" may be the first letters of single-byte text ("юя" in cp1251 is the
    UTF-16 mark FE FF, "яю" is FF FE), so unmarked detection gets a chance before the mark's
    own error is reported.
    """
    text: str | None
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        text, share = None, 1.0
        error = InputError(f"starts with a {name} byte-order mark but is not valid {name} "
                           f"(byte {exc.start + 1} after the mark)", location, hint=NOT_TEXT_HINT)
    else:
        share = _suspicious_share(text)
        if share == 0:
            return text, encoding
        error = InputError(f"not a text file (a {name} byte-order mark followed by binary data)",
                           location, hint=NOT_TEXT_HINT)
    if name == "UTF-16":  # only these marks are also letters ("п»ї" never starts a text)
        try:
            return _decode_unmarked(data, location)
        except InputError:
            pass
    if text is not None and share <= _MAX_BAD_SHARE:
        return text, encoding
    raise error


def _decode_unmarked(data: bytes, location: str) -> tuple[str, str]:
    """Detection for bytes without a (valid) byte-order mark."""
    if b"\x00" in data:
        guessed = _utf16_without_bom(data)
        if guessed is not None:
            return guessed
        raise InputError("not a text file (it contains NUL bytes)", location, hint=NOT_TEXT_HINT)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data[exc.start:exc.start + _SAMPLE_CHARS]):
            line = _line_of_offset(data, exc.start)
            raise InputError("invalid UTF-8 byte sequence", f"{location}:{line}",
                             hint="re-save the file as UTF-8") from None
        return _decode_single_byte(data, location)
    if not _looks_like_text(text):
        raise InputError("not a text file", location, hint=NOT_TEXT_HINT)
    return text, "utf-8"


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 written without a mark: the zero bytes of ASCII characters sit on one side."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd > 0 and even <= odd // 20:
        encoding = "utf-16-le"
    elif even > 0 and odd <= even // 20:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return (text, encoding) if _looks_like_text(text) and _in_our_scripts(text) else None


def _in_our_scripts(text: str) -> bool:
    """Most letters Cyrillic or Latin: a guess of UTF-16 that reads "000000\n\0" as "〰〰〰" (no
    letter of ours) is a wrong guess, and the NUL byte makes the file no text."""
    letters = [ch for ch in text[:_SAMPLE_CHARS] if ch.isalpha()]
    ours = sum(1 for ch in letters if ch.isascii() or "\u0400" <= ch <= "\u04ff")
    return bool(letters) and 2 * ours >= len(letters)


def _mostly_utf8(data: bytes) -> bool:
    """True when most non-ASCII sequences are valid UTF-8 (a damaged UTF-8 file, not cp1251).

    Called on the 64 KB from the first bad byte on: replacing errors is slow, and cp1251 text
    makes an error of nearly every Cyrillic byte.
    """
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return non_ascii - replaced >= 10 * replaced


def _decode_single_byte(data: bytes, location: str) -> tuple[str, str]:
    """cp1251 (or KZ-1048) when the non-ASCII bytes are mostly Cyrillic letters."""
    high = _count(data, _HIGH)
    kazakh = _count(data, _KZ1048_LETTERS) > 0
    encoding = "kz1048" if kazakh else "cp1251"
    letters = _count(data, _CP1251_TEXT + _KZ1048_LETTERS if kazakh else _CP1251_TEXT)
    if high and letters >= _MIN_CYRILLIC_SHARE * high:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            pass
        else:
            if _looks_like_text(text):
                return text, encoding
    raise InputError("not a text file: not UTF-8, UTF-16 or Windows-1251 (cp1251) text",
                     location, hint=NOT_TEXT_HINT)


def _looks_like_text(text: str) -> bool:
    """No NULs, and at most 1 % controls, unassigned or private-use characters in a sample."""
    return _suspicious_share(text) <= _MAX_BAD_SHARE


def _suspicious_share(text: str) -> float:
    """Share of suspicious characters in the first 64 K characters; 1.0 if there is a NUL."""
    if "\x00" in text:
        return 1.0
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return 0.0
    return sum(1 for ch in sample if _is_suspicious(ch)) / len(sample)


def _is_suspicious(ch: str) -> bool:
    if ch < " " or "\x7f" <= ch <= "\x9f":
        return ch not in _ALLOWED_CONTROLS
    if ch < "\u0370":  # Latin, IPA and punctuation: all assigned, none private
        return False
    return unicodedata.category(ch) in ("Cn", "Co", "Cs")


def _count(data: bytes, byte_set: bytes) -> int:
    """How many bytes of `data` are in `byte_set` (C speed: delete them and compare lengths)."""
    return len(data) - len(data.translate(None, byte_set))


def _line_of_offset(data: bytes, offset: int) -> int:
    """1-based line of a byte offset, counting \\r\\n, \\r and \\n like `split_lines`."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1
