"""`--format html`: one self-contained page a drafter can open in a browser or send around.

Inline CSS only, no script and no external URL, so the file shows the same offline and in a
mail attachment. The draft is shown line by line with the triggering words in `<mark>` and a
box with title, message, citation and suggestion after the amendment's last line. Every piece
of text goes through `esc()`: drafts and rule messages are data, never markup.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from importlib.resources import files
from string import Template
from collections.abc import Iterator
from typing import Any, TextIO

from checker.model import FileReport, Finding, Unparsed
from checker.report import (
    ReportContext,
    clean_text,
    clip_span,
    counts,
    notices,
    sorted_findings,
    verdict,
    source_lines,
    summarize,
    to_string,
)
from checker.report.i18n import (
    amendment_label,
    citation,
    effect_name,
    resolution_status,
    severity_name,
    t,
    wording_after,
)

SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


def esc(text: str) -> str:
    """Text → HTML text: escaped, and characters HTML cannot carry replaced (same length)."""
    return escape(clean_text(text), quote=True)


def esc_multiline(text: str) -> str:
    return "<br>".join(esc(part) for part in text.split("\n"))


def render(ctx: ReportContext) -> str:
    return to_string(lambda out: write(ctx, out))


def write(ctx: ReportContext, out: TextIO) -> None:
    """The page, written a file section at a time."""
    page = files("checker.report").joinpath("html_template.html").read_text("utf-8")
    head, tail = page.split("$body", 1)
    fields = {"lang": esc(ctx.lang), "version": esc(ctx.tool_version),
              "title": esc(t("report_title", ctx.lang))}
    out.write(Template(head).substitute(fields))
    out.write(f"<header><h1>{esc(t('report_title', ctx.lang))}</h1>"
              f"<p class=\"meta\">{esc(t('generated_by', ctx.lang, version=ctx.tool_version))}"
              "</p></header>")
    out.write("\n" + summary_section(ctx))
    for number, report in enumerate(ctx.reports, start=1):
        for piece in file_section(number, report, ctx):
            out.write("\n" + piece)
    out.write(Template(tail).substitute(fields))


def summary_section(ctx: ReportContext) -> str:
    """Totals, a table of rules (severity, resolution, count) and links to the files."""
    lang = ctx.lang
    s = summarize(ctx.reports)
    severities = ", ".join(f"{esc(severity_name(k, lang))}: {v}" for k, v in s.by_severity.items())
    totals = " · ".join([
        f"{esc(t('files', lang))}: {s.files}",
        f"{esc(t('amendments', lang))}: {s.amendments}",
        f"{esc(t('findings', lang))}: {s.findings} ({severities})",
        f"{esc(t('suppressed', lang))}: {s.suppressed}",
        f"{esc(t('baseline', lang))}: {s.baseline}",
        f"{esc(t('unparsed', lang))}: {s.unparsed}",
        f"{esc(t('not_understood', lang))}: {s.not_understood}",
    ])
    out = [f"<section class=\"summary\"><h2>{esc(t('summary', lang))}</h2>"]
    out += [f"<p class=\"notice {esc(n.code)}\">" + (f"{esc(n.path)}: " if n.path else "") + f"{esc(n.message)}</p>"
            for n in notices(ctx.reports, lang)]
    out.append(f"<p class=\"totals\">{totals}</p>")
    # Keyed by the findings' own severity: a configuration may report a rule at another level.
    per_rule = Counter((f.rule, f.severity) for r in ctx.reports for f in r.findings if counts(f))
    if per_rule:
        out.append("<table class=\"rules\"><thead><tr>" + "".join(
            f"<th>{esc(t(key, lang))}</th>" for key in ("rule", "severity", "resolution", "count")
        ) + "</tr></thead><tbody>")
        metas = {meta.id: meta for meta in ctx.rules}
        order = sorted(per_rule, key=lambda key: (-SEVERITY_RANK.get(key[1], 0), -per_rule[key], key[0]))
        for rule_id, severity in order:
            meta = metas[rule_id]
            out.append(
                f"<tr class=\"rule-row\"><td><code>{esc(rule_id)}</code><br>{esc(meta.title)}</td>"
                f"<td>{badge(severity, lang)}</td><td>{esc(meta.resolution_label)}</td>"
                f"<td class=\"count\">{per_rule[rule_id, severity]}</td></tr>"
            )
        out.append("</tbody></table>")
    else:
        everything = [f for r in ctx.reports for f in r.findings]
        said = verdict(everything, s.not_understood, lang)
        if said is not None:
            out.append(f"<p class=\"empty {said[1]}\">{esc(said[0])}</p>")
    if ctx.reports:
        out.append("<ul class=\"files\">" + "".join(
            f"<li><a href=\"#file-{n}\">{esc(r.path)}</a></li>" for n, r in enumerate(ctx.reports, start=1)
        ) + "</ul>")
    elif not per_rule:
        out.append(f"<p>{esc(t('no_files', lang))}</p>")
    out.append("</section>")
    return "\n".join(out)


def badge(severity: str, lang: str) -> str:
    return f"<span class=\"sev {esc(severity)}\">{esc(severity_name(severity, lang))}</span>"


def status_badge(finding: Finding, lang: str) -> str:
    """The severity of a finding that counts; "suppressed" / "baselined" for one set aside."""
    if finding.suppressed is not None:
        return f"<span class=\"sev set-aside suppressed\">{esc(t('suppressed_one', lang))}</span>"
    if finding.baseline:
        return f"<span class=\"sev set-aside baselined\">{esc(t('baselined', lang))}</span>"
    return badge(finding.severity, lang)


def file_section(number: int, report: FileReport, ctx: ReportContext) -> Iterator[str]:
    """The draft line by line, findings after their amendment, unparsed lines marked; written
    a piece at a time."""
    lang = ctx.lang_for(report)
    lines = source_lines(report)
    findings = sorted_findings(report.findings)
    active = [f for f in findings if counts(f)]
    yield (f"<section class=\"file\" id=\"file-{number}\">\n"
           f"<h2>{esc(report.path)} <small>({esc(t('language', lang))}: {esc(report.language)})</small></h2>\n"
           f"<p class=\"totals\">{esc(t('amendments', lang))}: {len(report.result.amendments)} · "
           f"{esc(t('findings', lang))}: {len(active)}</p>")
    said = verdict(findings, report.result.not_understood, lang)
    if said is not None:
        yield f"<p class=\"empty {said[1]}\">{esc(said[0])}</p>"
    amendments = {a.id: a for a in report.result.amendments}
    boxes = finding_anchors(amendments, findings)
    notes = unparsed_notes(report.result.unparsed, lang)
    hit = {n for f in active for n in range(f.line, max(f.end_line, f.line) + 1)}
    unparsed = {n for u in report.result.unparsed for n in range(u.line, max(u.end_line, u.line) + 1)}
    marks = spans_by_line(active)
    yield "<div class=\"draft\">"

    def placed(line: int) -> Iterator[str]:
        yield from notes.pop(line, [])
        for k, f in boxes.pop(line, []):
            yield finding_box(f, k, amendments, number, lang)

    for n in sorted(lines):
        classes = "line" + (" hit" if n in hit else "") + (" unparsed" if n in unparsed else "")
        yield (f"<div class=\"{classes}\" id=\"f{number}-L{n}\"><span class=\"ln\">{n}</span>"
               f"<span class=\"tx\">{marked(lines[n], marks.get(n, []))}</span></div>")
        yield from placed(n)
    for leftover in sorted(set(notes) | set(boxes)):  # anchors outside the kept lines
        yield from placed(leftover)
    yield "</div></section>"


def spans_by_line(findings: list[Finding]) -> dict[int, list[tuple[int, int, int]]]:
    """(start, end, severity rank) of every triggering word, by line: built once per file."""
    found: dict[int, list[tuple[int, int, int]]] = {}
    for finding in findings:
        rank = SEVERITY_RANK.get(finding.severity, 1)
        for line, start, end in finding.evidence_spans:
            found.setdefault(line, []).append((start, end, rank))
    return found


def marked(text: str, spans: list[tuple[int, int, int]]) -> str:
    """The line with the triggering words in <mark>, classed by the most severe finding there."""
    ranks: list[int] = [0] * len(text)
    for start, end, rank in spans:
        if text:
            start, end = clip_span(start, end, len(text))
            for col in range(start, end):
                ranks[col] = max(ranks[col], rank)
    names = {rank: name for name, rank in SEVERITY_RANK.items()}
    out: list[str] = []
    col = 0
    while col < len(text):
        end = col
        while end < len(text) and ranks[end] == ranks[col]:
            end += 1
        piece = esc(text[col:end])
        out.append(f"<mark class=\"{names[ranks[col]]}\">{piece}</mark>" if ranks[col] else piece)
        col = end
    return "".join(out)


def finding_anchors(amendments: dict[str, Any], findings: list[Finding]) -> dict[int, list[tuple[int, Finding]]]:
    """(number, finding) keyed by the line its box follows: the last line of its amendment
    (`amendments`: the file's amendments by id). Only references: each box is rendered as the
    page reaches it (a dense draft's boxes would otherwise sit in memory all at once)."""
    anchor: dict[str, int] = {}
    for f in findings:
        end = max(f.end_line, f.line)
        if f.amendment in amendments:
            end = max(end, amendments[f.amendment].end_line)
        anchor[f.amendment] = max(anchor.get(f.amendment, 0), end)
    boxes: dict[int, list[tuple[int, Finding]]] = {}
    for k, f in enumerate(findings, start=1):
        boxes.setdefault(anchor[f.amendment], []).append((k, f))
    return boxes


def finding_box(f: Finding, k: int, amendments: dict[str, Any], number: int, lang: str) -> str:
    """One finding's box: where, the message, the citation, the effect, the suggestion."""
    amendment = amendments.get(f.amendment)
    where = f"{f.path}:{f.line}:{f.col + 1}"
    if amendment is not None:
        where += " · " + amendment_label(amendment, lang)
    elif f.amendment:
        where += f" · {t('amendment', lang)} {f.amendment}"
    classes = f"finding {esc(f.severity)}" + ("" if counts(f) else " set-aside")
    parts = [
        f"<div class=\"{classes}\" id=\"f{number}-finding-{k}\">",
        f"<p class=\"head\">{status_badge(f, lang)} <code class=\"rule\">{esc(f.rule)}</code> "
        f"{esc(f.title)}</p>",
        f"<p class=\"where\">{esc(where)}</p>",
        f"<p class=\"msg\">{esc_multiline(f.message)}</p>",
    ]
    cite = citation(f, lang)
    if cite:
        parts.append(f"<p class=\"cite\">{esc(t('citation', lang))}: {esc(cite)}</p>")
    for ref in f.resolutions:
        if ref.status is not None:
            parts.append(f"<p class=\"resolution-status\">{esc(t('resolution_status', lang))} "
                         f"{esc(ref.label(lang))}: {esc(resolution_status(ref, lang))}</p>")
    if f.effect:
        parts.append(f"<p class=\"effect\">{esc(t('effect', lang))}: "
                     f"{esc(effect_name(f.effect, lang))}</p>")
    after = wording_after(f, lang)
    if after:
        parts.append(f"<p class=\"after\">{esc(t('wording_after', lang))}: {esc(after)}</p>")
    if f.suggestion:
        parts.append(f"<p class=\"sugg\"><strong>{esc(t('suggestion', lang))}:</strong> "
                     f"{esc_multiline(f.suggestion)}</p>")
    if f.suppressed is not None:
        parts.append(f"<p class=\"status\">{esc(t('suppressed_one', lang))} "
                     f"({esc(t('reason', lang))}: {esc(f.suppressed)})</p>")
    elif f.baseline:
        parts.append(f"<p class=\"status\">{esc(t('baselined', lang))} "
                     f"({esc(severity_name(f.severity, lang))})</p>")
    parts.append("</div>")
    return "\n".join(parts)


def unparsed_notes(unparsed: tuple[Unparsed, ...], lang: str) -> dict[int, list[str]]:
    notes: dict[int, list[str]] = {}
    for item in unparsed:
        note = "instruction_not_understood" if item.instruction else "unparsed_note"
        notes.setdefault(max(item.end_line, item.line), []).append(
            f"<div class=\"note unparsed-note\"><p><strong>{esc(t(note, lang))}</strong>: "
            f"{esc(item.reason)}</p></div>"
        )
    return notes
