"""The Markdown catalogue of the rule base (`lawcheck rules docs`), grouped by resolution.

Written for the people who read positions, not code: the titles in the three languages, what the
Court decided and where, which acts a rule watches, what a drafter is told, and one provision
that is reported and one that is not, in each language.
"""

from __future__ import annotations

from collections import defaultdict

from pathlib import Path
from pydantic import Field

from checker.engine.ruleset import Rule, RuleSet, resolution_ref
from checker.engine.schema import EFFECT_CONCEPT_KEYS, ConstitutionArticle, Example, IsoDate, NonEmptyText, StrictModel
from checker.model import ResolutionRef
from checker.report.i18n import resolution_status
from checker.parsing.acts import act_registry


def _resolution(rule: Rule) -> ResolutionRef:
    return resolution_ref(rule.spec.resolution)


def _constitution_line(c: ConstitutionArticle) -> str:
    """"art. 77(3)(3) [1995, inferred] → 2026: art. 78(3)(1), verified (source)"."""
    def pin(x: object) -> str:
        return f"art. {getattr(x, 'article')}" + "".join(
            f"({n})" for n in (getattr(x, "paragraph"), getattr(x, "subparagraph")) if n)

    text = f"{pin(c)} [{c.edition}, {c.status or 'status not recorded'}" + (
        f": {_escape(c.source)}]" if c.source else "]")
    eq = c.equivalent_2026
    if eq is not None:
        text += f" → 2026: {pin(eq)}, {eq.status} ({_escape(eq.source)})"
        if eq.note:
            text += f"; {_escape(eq.note)}"
    elif c.edition == "1995":
        text += " → 2026: not known"
    return text


def _labels(resolution: ResolutionRef) -> str:
    """"№ 21-НҚ / № 21-НП"; once for numbers without a suffix ("№ 3")."""
    return " / ".join(dict.fromkeys((resolution.label("kk"), resolution.label("ru"))))


def _escape(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _example(example: Example) -> str:
    new = f"«{_escape(example.text)}»" if example.text else ""
    if example.old and example.operation == "insert_words":
        body = f"after «{_escape(example.old)}» insert {new}"
    elif example.old and new:
        body = f"«{_escape(example.old)}» → {new}"
    elif example.old:
        body = f"delete «{_escape(example.old)}»"
    else:
        body = new
    where = [example.operation]
    if example.act:
        where.append(example.act)
    if example.article:
        where.append(f"art. {example.article}")
    return f"{body} _({', '.join(where)})_"


def _rule_section(rule: Rule) -> list[str]:
    spec = rule.spec
    acts = {entry.slug: entry.english for entry in act_registry()}
    resolution = _resolution(rule)
    lines = [f"### {_escape(spec.title.en)}", "", f"`{spec.id}`", ""]
    lines += [f"- **kk:** {_escape(spec.title.kk)}", f"- **ru:** {_escape(spec.title.ru)}"]
    cited = f"{_labels(resolution)} of {resolution.date}"
    r = spec.resolution
    if resolution.paragraph:
        cited += f", paragraph {resolution.paragraph} ({_escape(r.paragraph_source or '')})"
    verdict = r.verdict + (f" ({_escape(r.verdict_source)})" if r.verdict_source else "")
    lines.append(f"- **Resolution:** {cited}; verdict: {verdict}")
    if r.source:
        lines.append(f"- **Source:** {_escape(r.source)}")
    lines.append(f"- **Status:** {resolution_status(resolution, 'en') or 'not recorded'}")
    for also in spec.also_cites:
        ref = resolution_ref(also)
        lines.append(f"- **Also cites:** {_labels(ref)} of {ref.date} ({_escape(also.source or '')}); "
                     f"{resolution_status(ref, 'en') or 'status not recorded'}")
    for c in spec.constitution:
        lines.append(f"- **Constitution:** {_constitution_line(c)}")
    if spec.kind == "upheld":
        lines.append("- **Kind:** upheld position: recorded, never reported; its comply examples "
                     "must pass every rule")
    else:
        lines.append(f"- **Severity:** {rule.severity}")
    scope = spec.scope
    watched = "any act"
    if scope.acts:
        watched = ", ".join(f"{acts.get(slug, slug)} (`{slug}`)" for slug in scope.acts)
    if scope.articles:
        watched += f"; articles {', '.join(scope.articles)}"
    if scope.operations:
        watched += f"; operations {', '.join(scope.operations)}"
    lines.append(f"- **Watches:** {watched}")
    lines.extend(_position_lines(spec))
    if spec.message is not None:
        lines += ["", "**Message**", ""]
        lines += [f"- {lang}: {_escape(getattr(spec.message, lang))}" for lang in ("kk", "ru", "en")]
    if spec.suggestion is not None:
        lines += ["", "**Suggested wording**", ""]
        lines += [f"- {lang}: {_escape(text)}" for lang in ("kk", "ru", "en")
                  if (text := getattr(spec.suggestion, lang))]
    lines += ["", "**Examples**", "", "| | kk | ru |", "|---|---|---|"]
    for kind in ("conflict", "comply"):
        examples = getattr(spec.examples, kind)
        cells = []
        for lang in ("kk", "ru"):
            first = next((e for e in examples if e.lang == lang), None)
            cells.append(_example(first) if first else "—")
        if any(cell != "—" for cell in cells):
            label = "reported" if kind == "conflict" else "not reported"
            lines.append(f"| {label} | {cells[0]} | {cells[1]} |")
    lines.append("")
    return lines


def _position_lines(spec: object) -> list[str]:
    """Topic, forbidden effects and what complies, as a lawyer reads them."""
    from checker.report.i18n import effect_name

    lines: list[str] = []
    topic = getattr(spec, "topic", None)
    if topic is not None:
        parts = [", ".join(f"`{c}`" for c in topic.concepts)] if topic.concepts else []
        if topic.units:
            parts.append("units " + ", ".join(
                " ".join(x for x in (u.act, u.article and f"art. {u.article}", u.part and f"part {u.part}",
                                     u.paragraph and f"para. {u.paragraph}") if x) for u in topic.units))
        if topic.requires:
            parts.append("requires " + ", ".join(f"`{c}`" for c in topic.requires))
        lines.append(f"- **Topic:** {'; '.join(parts)}")
    for effect in getattr(spec, "forbidden", None) or ():
        params = "; ".join(f"{key} " + ", ".join(f"`{c}`" for c in value) for key in EFFECT_CONCEPT_KEYS
                           if (value := getattr(effect, key)))
        lines.append(f"- **Forbidden effect:** {effect_name(effect.effect, 'en')} "
                     f"(`{effect.effect}`{'; ' + params if params else ''})")
    complies = getattr(spec, "complies", None)
    if complies:
        lines.append("- **Complies when the provision holds:** " + ", ".join(f"`{c}`" for c in complies))
    return lines


class WithoutRule(StrictModel):
    """A resolution of ../shared/positions.md that has no rule, and why."""

    number: int = Field(ge=1, le=9999)
    date: IsoDate
    subject: NonEmptyText
    why: NonEmptyText
    source: NonEmptyText


class WithoutRuleFile(StrictModel):
    reviewed: IsoDate
    resolutions: list[WithoutRule]


def load_without_rule(path: Path | None = None) -> WithoutRuleFile:
    """The catalogue's list of resolutions without a rule (rules/catalogue/without-rule.yaml)."""
    from checker.resources import rules_dir

    from checker.engine.yamlread import read_model
    from checker.errors import LawcheckError

    path = path or rules_dir() / "catalogue" / "without-rule.yaml"
    spec, errors, _ = read_model(path.read_bytes(), str(path), WithoutRuleFile, "list of resolutions")
    if spec is None:
        raise LawcheckError(str(errors[0]) if errors else f"{path}: invalid")
    return spec


def _has_shipped_rules(ruleset: RuleSet) -> bool:
    from checker.resources import rules_dir

    shipped = rules_dir().resolve()
    return any(Path(rule.source).resolve().parent == shipped for rule in ruleset.rules)


def _without_rule_lines(ruleset: RuleSet) -> list[str]:
    listed = load_without_rule()
    covered = {r.spec.resolution.number for r in ruleset.rules}
    lines = ["## Resolutions without a rule", "",
             f"Every resolution in the research register (positions.md) has a rule above or is listed "
             f"here with the reason (reviewed {listed.reviewed}).", "",
             "| № | date | subject | why no rule | source |", "|---|---|---|---|---|"]
    for item in sorted(listed.resolutions, key=lambda x: x.number):
        if item.number in covered:
            continue
        label = _labels(ResolutionRef(item.number, item.date))
        lines.append(f"| {label} | {item.date} | {_escape(item.subject)} | {_escape(item.why)} | "
                     f"{_escape(item.source)} |")
    return lines + [""]


def render_catalogue(ruleset: RuleSet) -> str:
    """The whole rule base as one Markdown document."""
    groups: dict[tuple[int, str], list[Rule]] = defaultdict(list)
    for rule in ruleset.rules:
        groups[(rule.spec.resolution.number, rule.spec.resolution.date)].append(rule)
    reported = sum(1 for rule in ruleset.rules if not rule.upheld)
    lines = [
        "# lawcheck rule catalogue",
        "",
        f"{len(ruleset.rules)} positions ({reported} reported, {len(ruleset.rules) - reported} "
        f"upheld) from {len(groups)} normative resolutions of the Constitutional Court of the "
        "Republic of Kazakhstan. Generated by `lawcheck rules docs`; edit the rule files, not this "
        "page.",
        "",
    ]
    for key in sorted(groups):
        resolution = _resolution(groups[key][0])
        lines += [f"## {_labels(resolution)} of {resolution.date}", ""]
        for rule in sorted(groups[key], key=lambda r: r.id):
            lines += _rule_section(rule)
    if _has_shipped_rules(ruleset):  # the list explains gaps of the shipped base only
        lines += _without_rule_lines(ruleset)
    return "\n".join(lines).rstrip() + "\n"
