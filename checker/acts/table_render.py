"""Draw the comparative table as markdown or a self-contained HTML page.

Removed words are struck through and new words are bold, as in the official tables.
"""

from __future__ import annotations

from html import escape

from checker.acts.compare import HEADINGS, TITLE, Segment, TableRow


def _md_cell(segments: tuple[Segment, ...]) -> str:
    out = []
    for s in segments:
        text = s.text.replace("|", "\\|")
        if s.kind == "same" or not text.strip():
            out.append(text)
            continue
        lead, core, trail = _split_space(text)
        mark = "~~" if s.kind == "removed" else "**"
        out.append(f"{lead}{mark}{core}{mark}{trail}")
    return "".join(out).replace("\n", "<br>")


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    start = text.index(core[0]) if core else 0
    return text[:start], core, text[start + len(core):]


def markdown(rows: list[TableRow], lang: str) -> str:
    heads = HEADINGS.get(lang, HEADINGS["en"])
    lines = [f"# {TITLE.get(lang, TITLE['en'])}", "", "| " + " | ".join(heads) + " |",
             "|" + "---|" * len(heads)]
    for row in rows:
        lines.append(f"| {row.number} | {row.unit} | {_md_cell(row.before)} | {_md_cell(row.after)} |  |")
    return "\n".join(lines) + "\n"


def _html_cell(segments: tuple[Segment, ...]) -> str:
    out = []
    for s in segments:
        text = escape(s.text).replace("\n", "<br>")
        out.append(text if s.kind == "same" else f"<s>{text}</s>" if s.kind == "removed" else f"<b>{text}</b>")
    return "".join(out)


def html(rows: list[TableRow], lang: str) -> str:
    heads = HEADINGS.get(lang, HEADINGS["en"])
    title = escape(TITLE.get(lang, TITLE["en"]))
    body = "\n".join(
        f"<tr><td>{row.number}</td><td>{escape(row.unit)}</td><td>{_html_cell(row.before)}</td>"
        f"<td>{_html_cell(row.after)}</td><td></td></tr>" for row in rows)
    head = "".join(f"<th>{escape(h)}</th>" for h in heads)
    return (f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title>"
            "<style>body{font-family:'Times New Roman',serif}table{border-collapse:collapse;width:100%}"
            "td,th{border:1px solid #000;padding:4px;vertical-align:top}</style></head>\n"
            f"<body><h1>{title}</h1>\n<table><thead><tr>{head}</tr></thead><tbody>\n{body}\n"
            "</tbody></table></body></html>\n")
