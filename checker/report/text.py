"""The default report, for people at a terminal: grouped by file, then by amendment.

Each finding shows the draft's own lines with the triggering words highlighted (colour when
the terminal has it, a caret line under the words when not), the citation, the message and
the suggestion. Everything is built from `Text` lines (characters plus styled spans), never
markup strings, so square brackets in a draft cannot turn into styles. In colour (or when a
line holds a tab, which rich expands by display cells) the lines are written through rich;
otherwise their characters are written directly, exactly as rich would write them without
colour, and rich is not imported at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from checker.model import FileReport, Finding, ParseWarning, Unparsed
from checker.report import (
    ReportContext,
    clean_text,
    counts,
    line_spans,
    notices,
    verdict,
    sorted_findings,
    source_lines,
    summarize,
    to_string,
    visible_lines,
)
from checker.report.i18n import STRINGS, amendment_label, citation, effect_name, severity_name, t, wording_after

SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
MAX_LINES = 6
# Lines per print: one print per line costs rich's per-call overhead, one print for everything
# holds every rendered segment of a long report at once.
PRINT_LINES = 2000
INDENT = "    "


def render(ctx: ReportContext) -> str:
    return to_string(lambda out: write(ctx, out))


# What rich drops from every text it is given (bell, backspace, vertical tab, form feed, CR).
_STRIPPED = {code: None for code in (7, 8, 11, 12, 13)}


class Text:
    """One piece of the report: its characters and styled spans, as rich's `Text` keeps them
    (the same operations, the same stripping of control codes), made into one only for rich."""

    __slots__ = ("plain", "style", "spans")

    def __init__(self, text: str = "", style: str | None = None):
        self.plain = text.translate(_STRIPPED)
        self.style = style
        self.spans: list[tuple[int, int, str]] = []

    def append(self, text: str, style: str | None = None) -> Text:
        start = len(self.plain)
        self.plain += text.translate(_STRIPPED)
        if style:
            self.spans.append((start, len(self.plain), style))
        return self

    def append_text(self, other: Text) -> Text:
        offset = len(self.plain)
        self.plain += other.plain
        if other.style:
            self.spans.append((offset, offset + len(other.plain), other.style))
        self.spans.extend((start + offset, end + offset, style) for start, end, style in other.spans)
        return self

    def stylize(self, style: str, start: int, end: int) -> None:
        end = min(end, len(self.plain))
        if style and start < end:
            self.spans.append((start, end, style))

    @classmethod
    def assemble(cls, *parts: str | tuple[str, str] | Text) -> Text:
        text = cls()
        for part in parts:
            if isinstance(part, Text):
                text.append_text(part)
            elif isinstance(part, tuple):
                text.append(*part)
            else:
                text.append(part)
        return text

    def rich(self) -> Any:
        from rich.text import Text as RichText

        made = RichText(self.plain, style=self.style or "")
        for start, end, style in self.spans:
            made.stylize(style, start, end)
        return made


def write(ctx: ReportContext, out: TextIO) -> None:
    lines: list[Text] = [notice_line(n) for n in notices(ctx.reports, ctx.lang)]
    if not ctx.reports:
        lines.append(Text(t("no_files", ctx.lang)))
    console = None
    for report in ctx.reports:
        for line in file_block(report, ctx.lang_for(report), ctx.color):  # made as it is printed
            lines.append(line)
            if len(lines) >= PRINT_LINES:
                console = _print(lines, out, ctx.color, console)
                lines.clear()
    lines.append(summary_line(ctx))
    _print(lines, out, ctx.color, console)


def _print(lines: list[Text], out: TextIO, color: bool, console: Any) -> Any:
    """Write the lines (and a newline after the last); the rich console when one was needed."""
    if console is None and not color and not any("\t" in line.plain for line in lines):
        out.write("\n".join([line.plain for line in lines]) + "\n")
        return None
    if console is None:
        console = _console(out, color)
    from rich.text import Text as RichText

    console.print(RichText("\n").join([line.rich() for line in lines]))
    return console


def _console(out: TextIO, color: bool) -> Any:
    from rich.console import Console

    return Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        markup=False,
        emoji=False,
        width=120,
        soft_wrap=True,
    )


def notice_line(notice) -> Text:
    """"check incomplete: 2 instructions not understood", first, so nobody reads on as if clean."""
    text = f"{notice.path}: {notice.message}" if notice.path else notice.message
    return Text(text, style="bold red" if notice.code == "incomplete" else "bold yellow")


def file_block(report: FileReport, lang: str, color: bool) -> Iterator[Text]:
    """The header, the findings grouped by amendment, the set-aside findings and the unparsed lines."""
    yield Text.assemble((report.path, "bold"), f" ({t('language', lang)}: {report.language})")
    lines = source_lines(report)
    amendments = {a.id: a for a in report.result.amendments}
    active = [f for f in sorted_findings(report.findings) if counts(f)]
    said = verdict(report.findings, report.result.not_understood, lang)
    if said is not None:
        style = {"clean": "green", "set-aside": "yellow", "incomplete": "bold magenta"}[said[1]]
        yield Text("  " + said[0], style=style)
    groups: dict[str, list[Finding]] = {}
    for finding in active:
        groups.setdefault(finding.amendment, []).append(finding)
    for amendment_id, findings in groups.items():
        amendment = amendments.get(amendment_id)
        if amendment is not None:
            yield Text("  " + amendment_label(amendment, lang), style="bold")
        elif amendment_id:
            yield Text(f"  {t('amendment', lang)} {amendment_id}", style="bold")
        for finding in findings:
            yield from finding_block(finding, lines, lang, color)
    yield from set_aside_block(report, lang)
    yield from unparsed_block(report.path, report.result.unparsed, lines, lang)
    yield from warnings_block(report.path, report.result.warnings, lang)
    if report.acts_not_given:
        yield Text("  " + t("acts_not_given", lang, acts=", ".join(report.acts_not_given)), style="dim")
    yield Text("")


def finding_block(finding: Finding, lines: dict[int, str], lang: str, color: bool) -> list[Text]:
    style = SEVERITY_STYLE.get(finding.severity, "bold")
    head = Text(INDENT)
    head.append(severity_name(finding.severity, lang), style=style)
    head.append("[")
    head.append(finding.rule, style="cyan")
    head.append("]")
    if finding.title:
        head.append(": " + clean_text(finding.title), style="bold")
    out = [head, Text(f"{INDENT}  --> {finding.path}:{finding.line}:{finding.col + 1}")]
    out.extend(snippet(finding, lines, style, color))
    notes = [
        (t("citation", lang) + ": ", citation(finding, lang)),
        (t("effect", lang) + ": ", effect_name(finding.effect, lang) if finding.effect else ""),
        (t("wording_after", lang) + ": ", wording_after(finding, lang)),
        ("", finding.message),
        (t("suggestion", lang) + ": ", finding.suggestion),
    ]
    for label, body in notes:
        if body:
            out.append(note_line(label, body))
    return out


def snippet(finding: Finding, lines: dict[int, str], style: str, color: bool) -> list[Text]:
    """The finding's lines (at most MAX_LINES, cut in the middle) with the evidence marked.

    In colour the words are styled; in plain text a caret line under them marks them.
    """
    span_lines = [span[0] for span in finding.evidence_spans]
    first = min([finding.line, *span_lines])
    last = max([finding.end_line, finding.line, *span_lines])
    shown = visible_lines(first, last, span_lines, MAX_LINES)
    if not lines or not any(n in lines for n in shown if n is not None):
        if finding.evidence:
            return [note_line("", "«" + finding.evidence + "»")]
        return []
    width = len(str(last))
    gutter = INDENT + " " * (width + 1) + "| "
    out: list[Text] = []
    for number in shown:
        if number is None:
            out.append(Text(f"{INDENT}{'…'.rjust(width)} |", style="dim"))
            continue
        raw = clean_text(lines.get(number, "")).replace("\t", " ")
        spans = line_spans(finding, number, len(raw))
        text = Text()
        text.append(f"{INDENT}{str(number).rjust(width)} | ", style="dim")
        body = Text(raw)
        for start, end in spans:
            body.stylize(f"{style} underline", start, end)
        text.append_text(body)
        out.append(text)
        if spans and not color:
            out.append(caret_line(gutter, spans))
    return out


def caret_line(gutter: str, spans: list[tuple[int, int]]) -> Text:
    """"   |    ^^^^^" under the triggering words; columns are code points, as in the spans."""
    marks = [" "] * spans[-1][1]
    for start, end in spans:
        for col in range(start, end):
            marks[col] = "^"
    return Text(gutter + "".join(marks).rstrip(), style="dim")


def note_line(label: str, body: str) -> Text:
    """"      = label: body", continuation lines indented under the body."""
    prefix = INDENT + "  = "
    lines = clean_text(body).split("\n")
    text = Text(prefix)
    text.append(label, style="bold")
    text.append(lines[0])
    for more in lines[1:]:
        text.append("\n" + " " * len(prefix) + more)
    return text


def set_aside_block(report: FileReport, lang: str) -> list[Text]:
    """One line per suppressed or baseline finding: visible, but clearly not counted."""
    out: list[Text] = []
    for finding in sorted_findings(report.findings):
        if counts(finding):
            continue
        where = f"{finding.path}:{finding.line}:{finding.col + 1}"
        if finding.suppressed is not None:
            tag = f"{t('suppressed_one', lang)} ({t('reason', lang)}: {clean_text(finding.suppressed)})"
        else:
            tag = t("baselined", lang)
        out.append(Text(f"  {tag}: {finding.rule} {where}", style="dim"))
    return out


def unparsed_block(path: str, unparsed: tuple[Unparsed, ...], lines: dict[int, str], lang: str) -> list[Text]:
    if not unparsed:
        return []
    out = [Text("  " + t("unparsed_heading", lang) + ":", style="bold magenta")]
    for item in sorted(unparsed, key=lambda u: (u.line, u.end_line)):
        span = f"{item.line}" if item.end_line == item.line else f"{item.line}-{item.end_line}"
        what = f"{t('instruction_not_understood', lang)}: " if item.instruction else ""
        out.append(Text(f"{INDENT}{path}:{span}: {what}{clean_text(item.reason)}",
                        style="bold magenta" if item.instruction else "magenta"))
        first = lines.get(item.line, item.text.split("\n")[0] if item.text else "")
        first = clean_text(first).replace("\t", " ")
        if first:
            if len(first) > 100:
                first = first[:99] + "…"
            out.append(Text.assemble((f"{INDENT}  | ", "dim"), first))
    return out


def warnings_block(path: str, warnings: tuple[ParseWarning, ...], lang: str) -> list[Text]:
    """What was read but with a caveat: a quotation never closed, a transliterated text."""
    if not warnings:
        return []
    out = [Text("  " + t("warnings_heading", lang) + ":", style="bold yellow")]
    for item in sorted(warnings, key=lambda w: (w.line, w.end_line)):
        key = f"warn_{item.code}"
        message = t(key, lang, line=item.line, end=item.end_line) if key in STRINGS else item.message
        out.append(Text(f"{INDENT}{path}:{item.line}: {message}", style="yellow"))
    return out


def summary_line(ctx: ReportContext) -> Text:
    """"Summary: files: 1 · amendments: 14 · findings: 1 (error: 1, …) · suppressed: 0 · …"."""
    s = summarize(ctx.reports)
    lang = ctx.lang
    severities = ", ".join(f"{severity_name(k, lang)}: {v}" for k, v in s.by_severity.items())
    bits = [
        f"{t('files', lang)}: {s.files}",
        f"{t('amendments', lang)}: {s.amendments}",
        f"{t('findings', lang)}: {s.findings} ({severities})",
        f"{t('suppressed', lang)}: {s.suppressed}",
        f"{t('baseline', lang)}: {s.baseline}",
        f"{t('unparsed', lang)}: {s.unparsed}",
        f"{t('not_understood', lang)}: {s.not_understood}",
    ]
    style = "bold red" if s.by_severity.get("error") or s.not_understood else "bold"
    return Text(f"{t('summary', lang)}: " + " · ".join(bits), style=style)
