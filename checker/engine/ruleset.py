"""The compiled rule base: an index by act and operation, `check`, and `explain`.

Cost grows with the rules that can apply to an amendment, not with the whole base: rules are
indexed by (act slug, operation) and only those candidates look at the text. The views of an
amendment are tokenised once and shared by all candidates; word matches are cached across
amendments by the shared `WordMatcher`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from pydantic import BaseModel

from checker.engine.conditions import (
    Node,
    Occurrence,
    Positional,
    Regex,
    Trace,
    WordMatcher,
    compile_condition,
    view_matches,
)
from checker.engine.effective import PARTS, TAKING_OPERATIONS, AmendmentTexts, TextView, takes_words
from checker.engine.effects import (Context, affirmed, detect, made_discretionary, may_be_present, obligatory,
                                    struck_member, unguarded)
from checker.engine.knowledge import Knowledge, Unit, load_knowledge, numbers_agree, target_numbers
from checker.engine.schema import EFFECT_CONCEPT_KEYS, ConceptCondition, RuleSpec, UnitRef
from checker.errors import ConfigError, LawcheckError
from checker.model import (
    LANGUAGES,
    SEVERITIES,
    Amendment,
    ConstitutionRef,
    Equivalent2026Ref,
    Finding,
    ParseResult,
    ResolutionRef,
    ResolutionStatusRef,
)

SEES = {
    "new": "the new text",
    "old": "the words that go",
    "insert": "the anchor words and the inserted words, in order",
    "nothing": "nothing (an empty text)",
}


@dataclass(frozen=True, eq=False)
class Rule:
    """One validated rule with its conditions compiled."""

    spec: RuleSpec
    source: str
    severity: str
    match: Node | None
    unless: Node | None
    removed: Node | None
    added: Node | None
    knowledge: Knowledge | None = None

    @classmethod
    def from_spec(cls, spec: RuleSpec, source: str, knowledge: Knowledge | None = None) -> Rule:
        if knowledge is None and _uses_knowledge(spec):
            knowledge = load_knowledge()
        lookup = None
        if knowledge is not None:
            def lookup(concept_id: str) -> Positional:
                if concept_id not in knowledge.concepts:
                    raise ValueError(f"unknown concept {concept_id!r} (rules/concepts/)")
                return knowledge.concepts[concept_id]
            for concept_id in _named_concepts(spec):
                lookup(concept_id)

        def build(condition: object) -> Node | None:
            return None if condition is None else compile_condition(condition, lookup)

        return cls(spec, source, spec.severity, build(spec.match), build(spec.unless),
                   build(spec.removed), build(spec.added), knowledge)

    def __getstate__(self) -> dict[str, Any]:
        # what `cached_property` worked out holds numbers of this process (structure keys, ids)
        return {name: value for name, value in self.__dict__.items() if not name.startswith("_")}

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def upheld(self) -> bool:
        return self.spec.kind == "upheld"

    def taking_operations(self) -> tuple[str, ...]:
        """Operations outside the rule's scope it still sees: those that take words away.

        A rule that says what complies (`complies`, `unless`) is also about deleting or
        replacing those words, and a rule with forbidden effects about striking out the words
        that named what it protects, whatever operations its author listed.
        """
        return self._taking

    @cached_property
    def _taking(self) -> tuple[str, ...]:
        operations = self.spec.scope.operations
        if operations is None or self.knowledge is None:
            return ()
        if self.says_what_complies:
            return tuple(op for op in TAKING_OPERATIONS if op not in operations)
        if "delete_words" not in operations and any(e.effect == "narrows-group" for e in self.spec.forbidden or ()):
            return ("delete_words",)
        return ()

    @cached_property
    def _parts(self) -> tuple[tuple[str, Node], ...]:
        return tuple((part, node) for part in PARTS if (node := getattr(self, part)) is not None)

    @cached_property
    def _topic_key(self) -> tuple[object, ...]:
        """What `topic` depends on: rules with the same topic share its answer per amendment."""
        topic = self.spec.topic
        written = None if topic is None else (
            tuple(topic.concepts), tuple(_numbers(ref) + (ref.act,) for ref in topic.units),
            tuple(topic.requires))
        return (id(self.knowledge), written)

    @property
    def says_what_complies(self) -> bool:
        return bool(self.spec.complies) or self.unless is not None

    def article_in_scope(self, amendment: Amendment) -> bool:
        articles = self.spec.scope.articles
        return articles is None or amendment.target.article in articles

    def scope_checks(self, amendment: Amendment) -> tuple[ScopeCheck, ...]:
        scope = self.spec.scope
        slug, article, operation = amendment.act.slug, amendment.target.article, amendment.operation
        if operation in self.taking_operations():
            checks_operation = ScopeCheck("operation", True, f"{operation} is seen only for the words "
                                          "that made a provision comply (complies, unless)")
        else:
            checks_operation = _scope_check("operation", operation, scope.operations)
        return (
            _scope_check("act", slug, scope.acts),
            _scope_check("article", article, scope.articles),
            checks_operation,
        )

    def fire(self, texts: AmendmentTexts, matcher: WordMatcher) -> list[tuple[TextView, Occurrence]] | None:
        """The evidence when every given condition holds and `unless` does not; else None."""
        found = self.fire_with_effect(texts, matcher)
        return None if found is None else found[0]

    def fire_with_effect(self, texts: AmendmentTexts, matcher: WordMatcher
                         ) -> tuple[list[tuple[TextView, Occurrence]], str] | None:
        """The evidence and the effect id that fired ("" for a rule without `forbidden`).

        Worked out once per amendment for all rules with the same logic (copies of a rule
        under other ids, rules that differ only in scope or wording of the message)."""
        key = ("fire", self._logic_key)
        shared = texts.shared
        if key in shared:
            return shared[key]
        found = shared[key] = self._fire(texts, matcher)
        return found

    @cached_property
    def _logic_key(self) -> tuple[object, ...]:
        """Everything `_fire` reads of the rule (its scope's acts and articles are tested before)."""
        spec = self.spec
        nodes = tuple(None if node is None else node.key
                      for node in (self.match, self.removed, self.added, self.unless))
        return (self._topic_key, self._taking, nodes, tuple(map(repr, spec.forbidden or ())),
                tuple(spec.complies))

    def _fire(self, texts: AmendmentTexts, matcher: WordMatcher
              ) -> tuple[list[tuple[TextView, Occurrence]], str] | None:
        if texts.amendment.operation in self._taking:
            return self._taken_only(texts, matcher)
        evidence: list[tuple[TextView, Occurrence]] = []
        effect = ""
        for part, node in self._parts:
            view = texts.view(part)
            outcome = node.evaluate(view, matcher)
            if not outcome.holds:
                return None
            evidence.extend((view, hit) for hit in outcome.hits)
        if self.spec.forbidden:
            found = self._effects(texts, matcher)
            if found is None:
                return None
            effect, hits = found
            evidence.extend(hits)
        if texts.brings_text and self._complies(texts, matcher):
            return None
        return evidence, effect

    def _complies(self, texts: AmendmentTexts, matcher: WordMatcher) -> bool:
        """An exception in the text the amendment brings: `unless`, or a `complies` concept."""
        view = texts.view("match")
        ctx = Context(texts, self.knowledge, matcher, [], ()) if self.knowledge is not None else None
        if self.unless is not None:
            outcome = self.unless.evaluate(view, matcher)
            # words named only as negated ("не снимается ни истечением семилетнего срока") are
            # no exception
            if outcome.holds and (ctx is None or not outcome.hits or affirmed(ctx, outcome.hits)):
                return True
        if self.spec.complies and ctx is not None:
            for concept_id in self.spec.complies:
                hits = affirmed(ctx, self.knowledge.concept(concept_id).occurrences(view, matcher))
                if obligatory(ctx, unguarded(ctx, hits)):
                    return True
        return False

    def topic(self, texts: AmendmentTexts, matcher: WordMatcher) -> TopicFinding:
        """Whether the amendment is about the rule's topic, and from where that is known
        (worked out once per amendment for all rules with this topic)."""
        key = ("topic", self._topic_key)
        found = texts.shared.get(key)
        if found is None:
            found = texts.shared[key] = self._find_topic(texts, matcher)
        return found

    def _find_topic(self, texts: AmendmentTexts, matcher: WordMatcher) -> TopicFinding:
        assert self.knowledge is not None
        knowledge, amendment = self.knowledge, texts.amendment
        view = texts.view("match")
        units, context = _unit_context(texts, knowledge)
        topic = self.spec.topic
        if topic is None:
            return TopicFinding(True, (), False, units, "no topic: every provision in scope")
        hits: list[Occurrence] = []
        for concept_id in topic.concepts:
            hits.extend(knowledge.concept(concept_id).occurrences(view, matcher))
        if not hits and texts.takes_words:
            old = texts.view("removed")
            for concept_id in topic.concepts:
                if knowledge.concept(concept_id).occurrences(old, matcher):
                    hits.append(Occurrence(0, 0, 0, 0))  # the words that go are on the topic
                    break
        from_context = bool(context.intersection(knowledge.related(topic.concepts)))
        target = target_numbers(amendment)
        in_units = any(ref.act == amendment.act.slug and (_whole_act(ref) or any(target) and
                                                          numbers_agree(_numbers(ref), target))
                       for ref in topic.units)
        found = bool(hits) or from_context or in_units or not topic.concepts and not topic.units
        # what the topic requires may be in the text, the unit in force, or the words that go
        # (deleting "…, а в случае смерти получателя остаток – наследникам" is about the death)
        seen = [view, texts.view("removed")] if texts.takes_words else [view]
        missing = [c for c in topic.requires
                   if c not in context and not any(knowledge.concept(c).occurrences(v, matcher) for v in seen)]
        real_hits = tuple(h for h in hits if h.end > h.start)
        why = ("in the text" if real_hits else "from the unit in force" if from_context or in_units
               else "in the words that go" if hits else "not found")
        if missing:
            why += f"; missing {', '.join(missing)}"
        return TopicFinding(found and not missing, real_hits, (from_context or in_units) and not real_hits,
                            units, why)

    def _effects(self, texts: AmendmentTexts, matcher: WordMatcher
                 ) -> tuple[str, list[tuple[TextView, Occurrence]]] | None:
        assert self.knowledge is not None
        taking = texts.takes_words
        if self._off_topic(texts):  # before the markers: most amendments are off every topic
            return None
        striking = texts.amendment.operation in STRIKING or (
            texts.amendment.operation == "new_wording"
            and any(u.spec.guarantee for u in _unit_context(texts, self.knowledge)[0]))
        if not taking and not striking and not any(may_be_present(e, texts, self.knowledge.markers, matcher)
                                                   for e in self.spec.forbidden or ()):
            return None
        topic = self.topic(texts, matcher)
        if not topic.holds:
            return None
        ctx = self._context(texts, matcher, topic)
        for effect in self.spec.forbidden or ():
            found = detect(effect, ctx)
            if found:
                view = texts.view("match")
                return effect.effect, [*found, *((view, hit) for hit in topic.hits[:1])]
        struck = self._guarantee_unit_struck(ctx)
        if struck:
            return "removes-guarantee", struck
        if taking:
            taken = self.compliance_taken(texts, matcher)
            if taken:
                return "removes-guarantee", taken
        loosened = self._compliance_optional(ctx) or made_discretionary(ctx, self._duties)
        if loosened:
            return "removes-guarantee", loosened
        return None

    @cached_property
    def _duties(self) -> tuple[str, ...]:
        """What the rule wants done: complying and required concepts, and what its effects
        restrict or guarantee; turning any of these into discretion takes the guarantee away."""
        ids = dict.fromkeys(self.spec.complies)
        for effect in self.spec.forbidden or ():
            ids.update(dict.fromkeys([*effect.required, *effect.by, *effect.guarantee]))
        return tuple(ids)

    def _guarantee_unit_struck(self, ctx: Context) -> list[tuple[TextView, Occurrence]] | None:
        """A whole unit in force that holds a guarantee this rule speaks of is struck out
        ("пункт 1-1 статьи 65 исключить") or given a new wording that no longer says it: the
        guarantee goes with it, whichever effects the rule lists. Striking an item inside the
        unit is not the whole guarantee; deleting or replacing the words that say it is
        (`_guarantee_words_taken`)."""
        assert self.knowledge is not None
        amendment = ctx.texts.amendment
        if ctx.texts.takes_words and amendment.operation != "new_wording":
            return self._guarantee_words_taken(ctx)
        rewording = amendment.operation == "new_wording"
        if (amendment.operation not in STRIKING and not rewording) or not ctx.units:
            return None
        named = self._concepts_named
        target = target_numbers(amendment)
        for unit in ctx.units:
            held = self._held(unit)
            if not named.intersection(held) or unit.lies_above(target):
                continue
            if rewording and (not ctx.view.words or affirmed(ctx, ctx.concept_hits(sorted(held)))
                              or _refers_back(ctx.view)):
                continue  # the new wording says the guarantee again, or speaks of "the said period"
            return [(ctx.texts.view("match"), Occurrence(0, 0, 0, 0))]
        return None

    def _guarantee_words_taken(self, ctx: Context) -> list[tuple[TextView, Occurrence]] | None:
        """Words that say what a unit in force guarantees are deleted or replaced ("в подпункте
        2) … слова «, а также с медицинским работником …» исключить"), in a unit this rule
        speaks of: the guarantee goes with them unless the arriving words say it again."""
        assert self.knowledge is not None
        gone, arriving = ctx.texts.view("removed"), ctx.texts.view("added")
        if not gone.words:
            return None
        for unit in ctx.units:
            held = self._held(unit)
            if not held or not self._speaks_of(unit, held):
                continue
            taken = ctx.concept_hits(sorted(held), gone)
            if taken and not ctx.concept_hits(sorted(held), arriving):
                return [(gone, taken[0])]
        return None

    def _held(self, unit: Unit) -> set[str]:
        """What a unit in force guarantees: its `guarantee` concepts and those they include."""
        assert self.knowledge is not None
        return {c for g in unit.spec.guarantee for c in (g, *self.knowledge.includes(g))}

    def _speaks_of(self, unit: Unit, held: set[str]) -> bool:
        """The rule names what the unit guarantees (`held`), or the unit is (or lies inside) one
        of the rule's topic units."""
        if self._concepts_named.intersection(held):
            return True
        topic = self.spec.topic
        return any(ref.act == unit.act and not _whole_act(ref) and numbers_agree(_numbers(ref), unit.numbers)
                   and not unit.lies_above(_numbers(ref)) for ref in (topic.units if topic else ()))

    @cached_property
    def _concepts_named(self) -> frozenset[str]:
        return frozenset(_named_concepts(self.spec))

    def _compliance_optional(self, ctx: Context) -> list[tuple[TextView, Occurrence]] | None:
        """What complies is written, but made optional ("не является обязанностью",
        "міндетті емес"): a guarantee the body may skip is taken away."""
        assert self.knowledge is not None
        if not self.spec.complies or not ctx.view.words or not ctx.markers().get("optional"):
            return None
        for concept_id in self.spec.complies:
            hits = affirmed(ctx, self.knowledge.concept(concept_id).occurrences(ctx.view, ctx.matcher))
            loose = [h for h in hits if h not in obligatory(ctx, hits)]
            if loose:
                return [(ctx.view, loose[0])]
        return None

    def _taken_only(self, texts: AmendmentTexts, matcher: WordMatcher
                    ) -> tuple[list[tuple[TextView, Occurrence]], str] | None:
        """For an operation outside the scope: fires only when the compliance is taken away,
        or (words struck out) when they named a member of the group the rule protects."""
        if self.knowledge is None:
            return None
        topic = self.topic(texts, matcher)
        if not topic.holds:
            return None
        ctx = self._context(texts, matcher, topic)
        if texts.amendment.operation == "delete_words":
            for effect in self.spec.forbidden or ():
                member = effect.effect == "narrows-group" and struck_member(ctx, [*effect.members, *effect.whole])
                if member:
                    return member, "narrows-group"
        struck = self._guarantee_unit_struck(ctx)
        if struck:
            return struck, "removes-guarantee"
        taken = self.compliance_taken(texts, matcher)
        return None if taken is None else (taken, "removes-guarantee")

    def compliance_taken(self, texts: AmendmentTexts, matcher: WordMatcher
                          ) -> list[tuple[TextView, Occurrence]] | None:
        """Words that made the provision comply (`complies`, `unless`) are deleted or replaced.

        What the rule accepts as compliance is, by the same token, the guarantee: a deletion
        of "except calls to the defender" or of "after an alternative place was offered" takes
        it away, whatever effect the rule lists; the words put in their place may restore it.
        """
        assert self.knowledge is not None
        removed, added = texts.view("removed"), texts.view("added")
        if not removed.words:
            return None
        if self.unless is not None:
            outcome = self.unless.evaluate(removed, matcher)
            if outcome.holds and not self.unless.evaluate(added, matcher).holds:
                return [(removed, hit) for hit in outcome.hits[:1]] or [(removed, Occurrence(0, 0, 0, 0))]
        for concept_id in self.spec.complies:
            concept = self.knowledge.concept(concept_id)
            hits = concept.occurrences(removed, matcher)
            if hits and not concept.occurrences(added, matcher):
                return [(removed, hits[0])]
        return None

    def _off_topic(self, texts: AmendmentTexts) -> bool:
        """True only when `topic` surely fails: no unit in force brings the topic and none of
        its concepts can occur in the text (nor in the words that go): a few set tests, made
        once per amendment for all rules with this topic."""
        key = ("off", self._topic_key)
        found = texts.shared.get(key)
        if found is None:
            found = texts.shared[key] = self._surely_off_topic(texts)
        return found

    def _surely_off_topic(self, texts: AmendmentTexts) -> bool:
        gate = self._gate
        if gate is None:
            return False
        related, terms, regexes = gate
        assert self.knowledge is not None
        _, context = _unit_context(texts, self.knowledge)
        if not context.isdisjoint(related):
            return False
        views = [texts.view("match")]
        if texts.takes_words:
            views.append(texts.view("removed"))
        for view in views:
            if not view_matches(view).tried.keys().isdisjoint(terms):
                return False
            folded = view.folded
            if any(p.may_match(folded) for regex in regexes
                   if (p := regex.patterns.get(view.lang)) is not None):
                return False
        return True

    @cached_property
    def _gate(self) -> tuple[frozenset[str], frozenset[int], tuple[Regex, ...]] | None:
        """What `_surely_off_topic` tests, gathered once: the concepts related to the topic, and
        the phrase sets (Terms keys) and regexes of the topic's concepts and all they include.
        None when there is no such test (a topic with units, or a concept with other parts)."""
        topic, knowledge = self.spec.topic, self.knowledge
        if topic is None or knowledge is None or topic.units or not topic.concepts:
            return None
        terms: set[int] = set()
        regexes: dict[int, Regex] = {}
        for concept_id in topic.concepts:
            concept_terms, concept_regexes, other = knowledge.concepts[concept_id].leaves()
            if other:
                return None
            terms.update(concept_terms)
            regexes.update((id(regex), regex) for regex in concept_regexes)
        return knowledge.related(topic.concepts), frozenset(terms), tuple(regexes.values())

    def effect_traces(self, texts: AmendmentTexts, matcher: WordMatcher) -> list[Trace]:
        """For `explain`: the topic, each forbidden effect and the complying concepts."""
        topic = self.topic(texts, matcher)
        view = texts.view("match")
        words = tuple(dict.fromkeys(view.surface(h.start, h.end) for h in topic.hits))
        units = ", ".join(unit.label for unit in topic.units) or "none known"
        traces = [Trace(f"topic ({topic.why}; units in force: {units})", topic.holds, words)]
        ctx = self._context(texts, matcher, topic)
        for effect in self.spec.forbidden or ():
            found = detect(effect, ctx) if topic.holds else None
            hit_words = tuple(dict.fromkeys(v.surface(h.start, h.end) for v, h in found or ()
                                            if h.end > h.start))
            params = ", ".join(f"{key}: {' | '.join(value)}" for key in EFFECT_CONCEPT_KEYS
                               if (value := getattr(effect, key)))
            label = f"effect {effect.effect}" + (f" ({params})" if params else "")
            traces.append(Trace(label, bool(found), hit_words))
        if self.spec.complies and self.knowledge is not None:
            for concept_id in self.spec.complies:
                hits = self.knowledge.concept(concept_id).occurrences(view, matcher)
                traces.append(Trace(f"complies: concept {concept_id} (its presence clears the provision)",
                                    bool(hits), tuple(view.surface(h.start, h.end) for h in hits)))
        return traces

    def _context(self, texts: AmendmentTexts, matcher: WordMatcher, topic: TopicFinding) -> Context:
        assert self.knowledge is not None
        return Context(texts, self.knowledge, matcher, topic.units, topic.hits, topic.from_context)


STRIKING = ("delete", "repeal")  # a whole unit goes

# a new wording that opens by pointing back ("Указанный период засчитывается …", "Аталған кезең
# …") keeps the subject the unit had, in words the concepts cannot see
_BACK = frozenset({"указанный", "указанная", "указанное", "указанные", "данный", "данная", "данное",
                   "данные", "этот", "эта", "это", "эти", "такой", "такая", "такое", "такие",
                   "аталған", "көрсетілген", "мұндай", "осындай", "бұл"})


def _refers_back(view: TextView) -> bool:
    opening = [w.text.lower() for w in view.words[:3] if not w.text[:1].isdigit()][:2]
    return any(word in _BACK for word in opening)


@dataclass(frozen=True)
class TopicFinding:
    holds: bool
    hits: tuple[Occurrence, ...]
    from_context: bool
    units: list[Unit]
    why: str


def _numbers(ref: UnitRef) -> tuple[str | None, ...]:
    return (ref.article, ref.part, ref.paragraph, ref.subparagraph)


def _unit_context(texts: AmendmentTexts, knowledge: Knowledge) -> tuple[list[Unit], frozenset[str]]:
    """The known units an amendment changes, and the concepts they and the units its text
    cites bring: computed once per amendment, shared by every rule."""
    found = texts.shared.get("units")
    if found is None:
        amendment = texts.amendment
        units = knowledge.units_for(amendment)
        view = texts.view("match")
        cited = knowledge.cited_units(amendment.act.slug, view.text, view.lang) if view.words else []
        # a new wording replaces what the units inside the target said: they bring no topic
        # ("часть восьмую изложить …" no longer says what its old item 1) said)
        if amendment.operation == "new_wording":
            target = target_numbers(amendment)
            speaking = [u for u in units if not u.lies_below(target)]
        else:
            speaking = units
        found = texts.shared["units"] = (units, frozenset(c for unit in (*speaking, *cited)
                                                          for c in unit.spec.concepts))
    return found


def _whole_act(ref: UnitRef) -> bool:
    return not any(_numbers(ref))


def _uses_knowledge(spec: RuleSpec) -> bool:
    return bool(spec.topic or spec.forbidden or spec.complies or _named_concepts(spec))


def _named_concepts(spec: RuleSpec) -> set[str]:
    """Every concept id a rule names, in its conditions, topic, effects and complies."""
    names: set[str] = set(spec.complies)
    if spec.topic is not None:
        names.update(spec.topic.concepts)
        names.update(spec.topic.requires)
    for effect in spec.forbidden or ():
        for key in EFFECT_CONCEPT_KEYS:
            names.update(getattr(effect, key))

    def walk(node: object) -> None:
        if isinstance(node, ConceptCondition):
            names.update(node.concept)
        elif isinstance(node, BaseModel):
            for value in node.__dict__.values():
                walk(value)
        elif isinstance(node, (list, tuple)):
            for item in node:
                walk(item)

    for part in (spec.match, spec.unless, spec.removed, spec.added):
        walk(part)
    return names


@dataclass(frozen=True)
class ScopeCheck:
    """One scope test of `explain`: act, article or operation."""

    what: str
    passed: bool
    detail: str


def _scope_check(what: str, value: str | None, allowed: Sequence[str] | None) -> ScopeCheck:
    if allowed is None:
        return ScopeCheck(what, True, f"{value or '-'} (the rule takes any {what})")
    if value in allowed:
        return ScopeCheck(what, True, f"{value} is in scope")
    return ScopeCheck(what, False, f"{value or 'none'} is not one of {', '.join(allowed)}")


@dataclass(frozen=True)
class PartTrace:
    part: str  # match | removed | added | unless | topic + forbidden effects | compliance taken away
    sees: str
    text: str
    trace: Trace


@dataclass(frozen=True)
class Explanation:
    """Why one rule fired or did not on one amendment."""

    rule: str
    title: str
    amendment: str
    line: int
    operation: str
    upheld: bool
    scope: tuple[ScopeCheck, ...]
    parts: tuple[PartTrace, ...]
    fires: bool
    evidence: str

    def render(self) -> str:
        lines = [f"amendment {self.amendment} (line {self.line}, {self.operation}) · "
                 f"rule {self.rule}: {self.title}", "  scope"]
        lines += [f"    {_mark(s.passed)} {s.what}: {s.detail}" for s in self.scope]
        for part in self.parts:
            shown = f": \"{_short(part.text)}\"" if part.text else ""
            lines.append(f"  {part.part} (sees {part.sees}{shown})")
            lines.extend(_render_trace(part.trace, 4))
        if self.upheld:
            verdict = "never reports: the Court upheld this position (kind: upheld)"
        elif self.fires:
            verdict = f"FIRES · evidence: {self.evidence}"
        else:
            verdict = "does not fire"
        lines.append(f"  → {verdict}")
        return "\n".join(lines)


def _mark(passed: bool) -> str:
    return "✓" if passed else "✗"


def _short(text: str, limit: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _render_trace(trace: Trace, indent: int) -> list[str]:
    words = f"  → {' · '.join(trace.words)}" if trace.words else ""
    lines = [f"{' ' * indent}{_mark(trace.holds)} {trace.label}{words}"]
    for child in trace.children:
        lines.extend(_render_trace(child, indent + 2))
    return lines


class RuleSet:
    """The rules in force, indexed by (act slug, operation); `None` in a key means any."""

    def __init__(self, rules: Iterable[Rule]):
        self.rules: tuple[Rule, ...] = tuple(rules)
        self.by_id = {rule.id: rule for rule in self.rules}
        self._index: dict[tuple[str | None, str | None], list[tuple[int, Rule]]] = {}
        for order, rule in enumerate(self.rules):
            if rule.upheld:
                continue
            scope = rule.spec.scope
            acts: list[str | None] = list(scope.acts) if scope.acts else [None]
            operations: list[str | None] = list(scope.operations) if scope.operations else [None]
            operations += [op for op in rule.taking_operations() if op not in operations]
            for act in acts:
                for operation in operations:
                    self._index.setdefault((act, operation), []).append((order, rule))
        self._candidates: dict[tuple[str, str], tuple[Rule, ...]] = {}
        self.matcher = WordMatcher()

    def __len__(self) -> int:
        return len(self.rules)

    def candidates(self, slug: str, operation: str) -> tuple[Rule, ...]:
        """Rules whose act and operation scope admit this pair, in rule-base order."""
        key = (slug, operation)
        found = self._candidates.get(key)
        if found is None:
            merged = [entry for k in ((slug, operation), (slug, None), (None, operation), (None, None))
                      for entry in self._index.get(k, ())]
            found = self._candidates[key] = tuple(rule for _, rule in sorted(merged, key=lambda e: e[0]))
        return found

    def check(self, result: ParseResult, lang: str | None = None) -> list[Finding]:
        """One finding per rule × parsed amendment, sorted by (line, col, rule)."""
        lang = lang or result.language
        if lang not in LANGUAGES:
            raise LawcheckError(f"unknown message language {lang!r}; use kk, ru or en")
        findings: list[Finding] = []
        for amendment in result.amendments:
            if amendment.status != "parsed":
                continue
            findings.extend(self.check_amendment(amendment, result.path, lang, result.language))
        findings.sort(key=lambda f: (f.line, f.col, f.rule))
        return findings

    def check_amendment(self, amendment: Amendment, path: str, lang: str,
                        draft_lang: str | None = None) -> list[Finding]:
        candidates = self.candidates(amendment.act.slug, amendment.operation)
        if not candidates:
            return []
        texts = AmendmentTexts(amendment)
        findings = []
        for rule in candidates:
            if not rule.article_in_scope(amendment):
                continue
            fired = rule.fire_with_effect(texts, self.matcher)
            if fired is not None:
                evidence, effect = fired
                findings.append(_finding(rule, amendment, path, lang, draft_lang or texts.lang,
                                         evidence, effect))
        return findings

    def configured(self, enable: set[str] | None, disable: set[str],
                   severity: dict[str, str]) -> RuleSet:
        """The rule set a configuration asks for: only `enable` (if given), minus `disable`.

        Ids of the checks outside the rule base (tech-*, parity-*) are theirs to apply
        (checker/gate/other_rules.py); here they are only known."""
        named = set(enable or ()) | set(disable) | set(severity)
        unknown = sorted(named - set(self.by_id))
        if unknown:
            from checker.gate.other_rules import other_rule_ids

            unknown = sorted(set(unknown) - other_rule_ids())
        if unknown:
            raise ConfigError(f"unknown rule id(s): {', '.join(unknown)}",
                              hint="`lawcheck rules list` shows the ids")
        bad = sorted(f"{rule}: {level}" for rule, level in severity.items() if level not in SEVERITIES)
        if bad:
            raise ConfigError(f"unknown severity ({'; '.join(bad)}); use error, warning or info")
        chosen = [
            replace(rule, severity=severity.get(rule.id, rule.severity))
            for rule in self.rules
            if (enable is None or rule.id in enable) and rule.id not in disable
        ]
        return RuleSet(chosen)

    def get(self, rule_id: str) -> Rule:
        """The rule with this id, or a user error."""
        rule = self.by_id.get(rule_id)
        if rule is None:
            raise LawcheckError(f"no rule {rule_id!r} in the rule base",
                                hint="`lawcheck rules list` shows the ids")
        return rule

    def explain(self, amendment: Amendment, rule_id: str, lang: str = "en") -> Explanation:
        rule = self.get(rule_id)
        texts = AmendmentTexts(amendment)
        parts = []
        for part in (*PARTS, "unless"):
            node = getattr(rule, part)
            if node is None:
                continue
            seen = "match" if part == "unless" else part
            view = texts.view(seen)
            sees = SEES[texts.source(seen) or "nothing"]
            if part == "unless" and not texts.brings_text:
                trace = Trace("no text brought, so no exception: unless does not hold", False)
            else:
                trace = node.explain(view, self.matcher)
            parts.append(PartTrace(part, sees, view.text, trace))
        if rule.spec.forbidden:
            traces = rule.effect_traces(texts, self.matcher)
            view = texts.view("match")
            parts.append(PartTrace("topic + forbidden effects", SEES[texts.source("match") or "nothing"],
                                   view.text, Trace("all of", all(t.holds for t in traces[:1]) and
                                                    any(t.holds for t in traces[1:]
                                                        if t.label.startswith("effect")),
                                                    (), tuple(traces))))
        if takes_words(amendment) and rule.says_what_complies:
            view = texts.view("removed")
            taken = rule.knowledge is not None and rule.compliance_taken(texts, self.matcher)
            parts.append(PartTrace("compliance taken away", SEES[texts.source("removed") or "nothing"],
                                   view.text, Trace("the words that go hold what complies "
                                                    "(complies, unless) and the new words do not",
                                                    bool(taken), _surfaces(taken or []))))
        scope = rule.scope_checks(amendment)
        if amendment.status != "parsed":
            scope = (ScopeCheck("status", False, f"{amendment.status}: only parsed amendments are "
                                "checked"), *scope)
        evidence = None
        if amendment.status == "parsed" and all(check.passed for check in scope):
            evidence = rule.fire(texts, self.matcher)
        return Explanation(
            rule=rule.id, title=getattr(rule.spec.title, lang if lang in LANGUAGES else "en"),
            amendment=amendment.id, line=amendment.line, operation=amendment.operation,
            upheld=rule.upheld, scope=scope, parts=tuple(parts),
            fires=evidence is not None and not rule.upheld,
            evidence=_evidence_text(evidence or []),
        )


def _surfaces(evidence: list[tuple[TextView, Occurrence]]) -> tuple[str, ...]:
    return tuple(view.surface(hit.start, hit.end) for view, hit in evidence if hit.end > hit.start)


def _evidence_text(evidence: list[tuple[TextView, Occurrence]]) -> str:
    return " … ".join(dict.fromkeys(view.surface(hit.start, hit.end) for view, hit in _ordered(evidence)))


def _ordered(evidence: list[tuple[TextView, Occurrence]]) -> list[tuple[TextView, Occurrence]]:
    """Distinct hits in the order they stand in the user's file."""
    unique = {(id(view), hit.start, hit.end): (view, hit) for view, hit in evidence}

    def where(item: tuple[TextView, Occurrence]) -> tuple[int, int, int]:
        view, hit = item
        spans = view.spans(hit.start, hit.end)
        return (spans[0][0], spans[0][1], hit.start) if spans else (0, 0, hit.start)

    return sorted(unique.values(), key=where)


def resolution_ref(r: Any) -> ResolutionRef:
    """The citation of a rule file's resolution, with its status as of the rule's review.

    The paragraph is a pinpoint only where a source states it (`paragraph_source`); otherwise the
    citation names the resolution alone."""
    status = (ResolutionStatusRef(r.status.as_of, r.status.adopted_under, r.status.force,
                                  r.status.source) if r.status is not None else None)
    paragraph = r.paragraph if r.paragraph_source else None
    return ResolutionRef(r.number, r.date, paragraph, r.verdict, status)


def constitution_ref(c: Any) -> ConstitutionRef:
    """A rule file's Constitution reference, with its 2026 counterpart where one is known."""
    eq = c.equivalent_2026
    equivalent = (Equivalent2026Ref(eq.article, eq.paragraph, eq.subparagraph, eq.status, eq.source)
                  if eq is not None else None)
    return ConstitutionRef(c.article, c.paragraph, c.edition, c.subparagraph, c.status, c.source,
                           equivalent)


_CITATIONS: dict[int, tuple[Any, tuple[tuple[ResolutionRef, ...], tuple[ConstitutionRef, ...]]]] = {}


def _citations(spec: Any) -> tuple[tuple[ResolutionRef, ...], tuple[ConstitutionRef, ...]]:
    """A rule's citations, made once and shared by all its findings (a draft may have 50,000)."""
    cached = _CITATIONS.get(id(spec))
    if cached is None or cached[0] is not spec:
        value = (tuple(resolution_ref(r) for r in (spec.resolution, *spec.also_cites)),
                 tuple(constitution_ref(c) for c in spec.constitution))
        cached = _CITATIONS[id(spec)] = (spec, value)
    return cached[1]


def _finding(rule: Rule, amendment: Amendment, path: str, lang: str, draft_lang: str,
             evidence: list[tuple[TextView, Occurrence]], effect: str = "") -> Finding:
    spec = rule.spec
    assert spec.message is not None  # the schema requires it for conflict rules
    suggestion = ""
    if spec.suggestion is not None:
        fallback = draft_lang if draft_lang in ("kk", "ru") else amendment.language
        suggestion = getattr(spec.suggestion, lang) or getattr(spec.suggestion, fallback, None) or ""
    resolutions, constitution = _citations(spec)
    ordered = _ordered(evidence)
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        path=path,
        line=amendment.line,
        end_line=amendment.end_line,
        col=amendment.col,
        amendment=amendment.id,
        message=getattr(spec.message, lang),
        resolutions=resolutions,
        constitution=constitution,
        evidence=_evidence_text(ordered),
        suggestion=suggestion,
        title=getattr(spec.title, lang),
        lang=lang,
        evidence_spans=tuple(span for view, hit in ordered for span in view.spans(hit.start, hit.end)),
        effect=effect,
    )
