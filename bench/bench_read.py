"""Reading speed of .pdf and .html drafts (pages/s, MB of text/s) on generated documents.

Usage: python bench/bench_read.py [--mb 2] [--lang kk|ru]
The PDF is built by tests/pdf_factory.py (text layer, running header, footer and page numbers);
the HTML page wraps the same text in a site's menus, the way the legal database serves it.
"""

from __future__ import annotations

import argparse
import html
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--lang", choices=["kk", "ru"], default="kk")
    args = ap.parse_args()
    from generate_omnibus import generate

    from checker.parsing import parse_document
    from checker.reading import read_document
    from tests.pdf_factory import make_pdf

    text = generate(args.mb, args.lang)
    lines = []
    for line in text.split("\n"):
        while len(line) > 90:
            cut = line.rfind(" ", 0, 90)
            cut = cut if cut > 0 else 90
            lines.append(line[:cut])
            line = line[cut + 1:]
        if line.strip():
            lines.append(line)
    pages = [lines[i:i + 55] for i in range(0, len(lines), 55)]
    mb = len(text.encode("utf-8")) / 1e6
    page = ("<html><head><meta charset='utf-8'><script>var a=1;</script></head><body>"
            "<nav class='menu'><ul><li>Негізгі</li><li>Іздеу</li></ul></nav><div class='document'>"
            + "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
            + "</div><div class='footer'>Жарнама</div></body></html>")
    with tempfile.TemporaryDirectory() as tmp:
        pdf_path = os.path.join(tmp, "draft.pdf")
        with open(pdf_path, "wb") as handle:
            handle.write(make_pdf(pages, header="Мәжіліс жобасы", footer="Жоба", numbers=True))
        html_path = os.path.join(tmp, "draft.html")
        with open(html_path, "w", encoding="utf-8") as handle:
            handle.write(page)
        for name, path in (("pdf", pdf_path), ("html", html_path)):
            t0 = time.perf_counter()
            document = read_document(path)
            t1 = time.perf_counter()
            result = parse_document(document)
            t2 = time.perf_counter()
            size = os.path.getsize(path) / 1e6
            extra = f", {len(pages) / (t1 - t0):.0f} pages/s" if name == "pdf" else ""
            print(f"{name:4}  file {size:.1f} MB, text {mb:.1f} MB: read {t1 - t0:.2f} s = {mb / (t1 - t0):.2f} MB "
                  f"of text/s{extra}; parse {t2 - t1:.2f} s; {len(result.amendments)} amendments, "
                  f"{len(result.unparsed)} unparsed")


if __name__ == "__main__":
    main()
