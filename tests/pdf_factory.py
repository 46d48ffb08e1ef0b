"""Builds small PDFs with a real text layer, without fonts installed: a test fixture factory.

Each page draws its lines with a simple font whose one-byte codes are mapped to Unicode by a
ToUnicode CMap (what every extractor reads), so Kazakh and Russian text round-trips. Optional
running header, footer and page number reproduce what the Parliament's PDFs carry.
"""

from __future__ import annotations

import zlib


def make_pdf(pages: list[list[str]], *, header: str | None = None, footer: str | None = None,
             numbers: bool = False, scanned: bool = False, compress: bool = True) -> bytes:
    """A PDF whose page i shows pages[i] line by line (or, `scanned`, an image and no text)."""
    chars = sorted({c for page in pages for line in page for c in line}
                   | set(header or "") | set(footer or "") | set("0123456789 -"))
    fonts = [chars[i:i + 200] for i in range(0, len(chars), 200)] or [[" "]]
    code_of = {c: (f, 32 + i) for f, group in enumerate(fonts) for i, c in enumerate(group)}
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font_ids = []
    for group in fonts:
        cmap = _to_unicode(group)
        cmap_id = add(_stream(cmap, compress))
        widths = " ".join("500" for _ in group)
        font_ids.append(add((f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 "
                             f"/LastChar {31 + len(group)} /Widths [{widths}] /ToUnicode {cmap_id} 0 R >>").encode()))
    resources = " ".join(f"/F{i} {fid} 0 R" for i, fid in enumerate(font_ids))
    pages_id = len(objects) + 2 * len(pages) + 1
    page_ids = []
    for number, lines in enumerate(pages, start=1):
        drawn = list(lines)
        ops = []
        if scanned:
            ops.append("q 500 0 0 700 50 70 cm 0.5 g 0 0 1 1 re f Q")
        else:
            y = 800
            if header:
                ops.append(_line(header, 50, 820, code_of))
            for line in drawn:
                y -= 14
                ops.append(_line(line, 50, y, code_of))
            if footer:
                ops.append(_line(footer, 50, 40, code_of))
            if numbers:
                ops.append(_line(str(number), 300, 25, code_of))
        content_id = add(_stream("\n".join(ops).encode("latin-1"), compress))
        page_ids.append(add((f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842] "
                             f"/Resources << /Font << {resources} >> >> /Contents {content_id} 0 R >>").encode()))
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    assert add(f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode()) == pages_id
    catalog_id = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog_id} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _line(text: str, x: int, y: int, code_of: dict[str, tuple[int, int]]) -> str:
    """BT … ET drawing `text` at (x, y), switching fonts where the characters need it."""
    parts = [f"BT {x} {y} Td"]
    current = None
    run: list[int] = []

    def flush() -> None:
        if run:
            parts.append("<" + "".join(f"{c:02x}" for c in run) + "> Tj")
            run.clear()

    for ch in text:
        font, code = code_of[ch]
        if font != current:
            flush()
            parts.append(f"/F{font} 11 Tf")
            current = font
        run.append(code)
    flush()
    parts.append("ET")
    return " ".join(parts)


def _to_unicode(group: list[str]) -> bytes:
    entries = "\n".join(f"<{32 + i:02x}> <{ord(c):04x}>" for i, c in enumerate(group))
    return ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <00> <ff> endcodespacerange\n"
            f"{len(group)} beginbfchar\n{entries}\nendbfchar\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end").encode()


def _stream(data: bytes, compress: bool) -> bytes:
    if compress:
        packed = zlib.compress(data)
        return f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode() + packed + b"\nendstream"
    return f"<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"
