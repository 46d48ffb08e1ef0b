"""Shared knowledge, loaded once: concepts, units in force and effect markers (docs/knowledge.md).

Rules name concepts and units by id; this module turns the data files into compiled matchers
(a concept is a positional condition, so `near` and the effect detectors can ask where it
stands) and answers "which known units does this amendment touch or cite".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.budgets import read_regular, resolve_path
from checker.engine.conditions import (
    Occurrence,
    Positional,
    Regex,
    Terms,
    TextView,
    Trace,
    WordMatcher,
    compile_regex,
    structure_key,
    view_matches,
)
from checker.engine.addresses import LEVELS, numbers_agree, target_numbers
from checker.engine.citations import Citation, citations, occurrence
from checker.engine.knowledge_schema import ConceptFile, ConceptSpec, EffectsFile, UnitFile, UnitSpec
from checker.engine.yamlread import MAX_BYTES, MarkMap, _error, read_model
from checker.errors import RuleFileError
from checker.model import Amendment
from checker.resources import rules_dir

SPLIT_HINT = "split it into smaller files"


class ConceptNode(Positional):
    """A shared concept as a positional condition: its terms, its regex, its included concepts."""

    def __init__(self, concept_id: str, parts: Sequence[Positional]):
        self.id = concept_id
        self.parts: list[Positional] = list(parts)
        self.key = structure_key(("concept", concept_id))
        self._leaves: tuple[frozenset[int], tuple[Regex, ...], bool] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_leaves": None}  # Terms keys are numbered per process

    def __setstate__(self, state: dict[str, Any]) -> None:
        # structure keys are numbered per process (the rule-base cache pickles this node):
        # take the key this process gives the concept; the parts rebuild their own
        self.__dict__.update(state)
        self.key = structure_key(("concept", self.id))
        self._leaves = None

    def leaves(self) -> tuple[frozenset[int], tuple[Regex, ...], bool]:
        """The Terms keys and the regexes of the concept and all it includes; True when some
        other kind of part is among them (then no shortcut is taken)."""
        if self._leaves is None:
            terms: set[int] = set()
            regexes: dict[int, Regex] = {}
            other = False
            seen: set[int] = set()
            stack: list[Positional] = [self]
            while stack:
                node = stack.pop()
                if isinstance(node, ConceptNode):
                    if id(node) not in seen:
                        seen.add(id(node))
                        stack.extend(node.parts)
                elif isinstance(node, Terms):
                    terms.add(node.key)
                elif isinstance(node, Regex):
                    regexes[id(node)] = node
                else:
                    other = True
            self._leaves = (frozenset(terms), tuple(regexes.values()), other)
        return self._leaves

    def surely_absent(self, view: TextView) -> bool:
        """No phrase of the concept can begin in the view and no regex of it can match there:
        one set test instead of asking every part (most concepts are absent from most views)."""
        memo_key = ("absent", self.key)
        found = view.memo.get(memo_key)
        if found is None:
            found = view.memo[memo_key] = self._surely_absent(view)
        return found

    def _surely_absent(self, view: TextView) -> bool:
        terms, regexes, other = self.leaves()
        if other:
            return False
        if terms and not view_matches(view).tried.keys().isdisjoint(terms):
            return False
        for regex in regexes:
            pattern = regex.patterns.get(view.lang)
            if pattern is not None and pattern.may_match(view.folded):
                return False
        return True

    def occurrences(self, view: TextView, matcher: WordMatcher) -> tuple[Occurrence, ...]:
        memo_key = ("occurrences", self.key)
        found = view.memo.get(memo_key)
        if found is None:
            if self.surely_absent(view):
                found = view.memo[memo_key] = ()
                return found
            view.memo[memo_key] = ()  # a cycle of includes ends here instead of recursing
            hits = {o for part in self.parts for o in part.occurrences(view, matcher)}
            found = view.memo[memo_key] = tuple(sorted(hits, key=lambda o: (o.first, o.last)))
        return found

    def label(self, lang: str) -> str:
        return f"concept {self.id}"

    def explain(self, view: TextView, matcher: WordMatcher) -> Trace:
        found = self.occurrences(view, matcher)
        words = tuple(dict.fromkeys(view.surface(o.start, o.end) for o in found))
        return Trace(self.label(view.lang), bool(found), words)


@dataclass(frozen=True)
class Unit:
    """One known unit in force: where it is (act + numbers) and what it brings as context."""

    act: str
    numbers: tuple[str | None, ...]  # article, part, paragraph, subparagraph
    spec: UnitSpec
    source: str  # file:line

    def agrees(self, target: Sequence[str | None]) -> bool:
        """Whether an amendment of `target` touches this unit: equal on every level both name."""
        return numbers_agree(self.numbers, target)

    def lies_above(self, target: Sequence[str | None]) -> bool:
        """Whether `target` names a level below this unit's deepest (an item inside it)."""
        return _deeper(target, self.numbers)

    def lies_below(self, target: Sequence[str | None]) -> bool:
        """Whether this unit is inside `target` (names a level below the target's deepest)."""
        return _deeper(self.numbers, target)

    @property
    def label(self) -> str:
        names = ("art.", "part", "para.", "subpara.")
        return f"{self.act} " + " ".join(f"{n} {v}" for n, v in zip(names, self.numbers) if v)


def _deeper(numbers: Sequence[str | None], than: Sequence[str | None]) -> bool:
    """Whether `numbers` names a level below the deepest one `than` names."""
    depth = max((i for i, v in enumerate(than) if v is not None), default=-1)
    return any(v is not None for v in numbers[depth + 1:])


@dataclass
class Knowledge:
    """Every concept, unit and marker the rules can use."""

    concepts: dict[str, ConceptNode] = field(default_factory=dict)
    specs: dict[str, ConceptSpec] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)  # concept id -> file:line:col
    units: dict[str, list[Unit]] = field(default_factory=dict)  # act slug -> units
    effects: EffectsFile | None = None
    markers: Any = None  # effects.Markers, compiled from `effects`
    # unit entries naming an unknown concept: `rules validate` reports them; a check run
    # still works (the unit just brings no such topic)
    problems: list[RuleFileError] = field(default_factory=list)
    _related: dict[frozenset[str], frozenset[str]] = field(default_factory=dict, repr=False)
    _closures: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    # act slug -> (its unit list, its length, article (None: the whole act) -> the units there)
    _by_article: dict[str, tuple[list[Unit], int, dict[str | None, list[Unit]]]] = field(
        default_factory=dict, repr=False)

    def concept(self, concept_id: str) -> ConceptNode:
        return self.concepts[concept_id]

    def related(self, ids: Iterable[str]) -> frozenset[str]:
        """The ids, what they include (recursively) and what includes them: a unit about
        "review in force" is on the topic "cassation review" and the other way round."""
        wanted = frozenset(ids)
        found = self._related.get(wanted)
        if found is None:
            out = set(wanted)
            for concept_id in wanted:
                out.update(self._closure(concept_id))
            out.update(c for c in self.specs if wanted & self._closure(c))
            found = self._related[wanted] = frozenset(out)
        return found

    def includes(self, concept_id: str) -> frozenset[str]:
        """What a concept includes, recursively (itself too)."""
        return self._closure(concept_id)

    def _closure(self, concept_id: str) -> frozenset[str]:
        found = self._closures.get(concept_id)
        if found is None:
            found = self._closures[concept_id] = frozenset(self._walk(concept_id))
        return found

    def _walk(self, concept_id: str) -> set[str]:
        seen: set[str] = set()
        stack = [concept_id]
        while stack:
            current = stack.pop()
            if current in seen or current not in self.specs:
                continue
            seen.add(current)
            stack.extend(self.specs[current].includes)
        return seen

    def units_for(self, amendment: Amendment) -> list[Unit]:
        """The known units this amendment changes (or lands in)."""
        target = target_numbers(amendment)
        if not any(target):
            return []
        units = self.units.get(amendment.act.slug, [])
        article = target[0]
        if article is not None:  # only units of this article or of the whole act can agree
            own, whole = self._article_index(amendment.act.slug, units)
            units = sorted((*own.get(article, ()), *whole), key=units.index) if whole else own.get(article, [])
        return [unit for unit in units if unit.agrees(target)]

    def _article_index(self, slug: str, units: list[Unit]) -> tuple[dict[str | None, list[Unit]], list[Unit]]:
        """An act's units by article, and those of the whole act (the act's units may be swapped
        for a check: checker/acts/context.py)."""
        found = self._by_article.get(slug)
        if found is None or found[0] is not units or found[1] != len(units):
            index: dict[str | None, list[Unit]] = {}
            for unit in units:
                index.setdefault(unit.numbers[0], []).append(unit)
            found = self._by_article[slug] = (units, len(units), index)
        return found[2], found[2].get(None, [])

    def cited_units(self, act: str, text: str, lang: str) -> list[Unit]:
        """Known units the text cites by number ("статьи 484", "Қылмыстық кодексінің 10-бабы")."""
        if not text or not self.units:
            return []
        return [unit for citation in citations(text, lang, act) for unit in self._cited(citation)]

    def cited_hits(self, ids: Iterable[str], view: Any, amendment: Amendment) -> list[Occurrence]:
        """Citations of known units that bring one of the concepts `ids` (or a concept they
        include), as occurrences in `view`: the concept named by reference. The amended
        article citing itself brings nothing new."""
        if not self.units or not view.words:
            return []
        act, own = amendment.act.slug, amendment.target.article
        found = view.memo.get("citations")
        if found is None:
            found = view.memo["citations"] = [
                (occ, self._cited(c)) for c in citations(view.text, view.lang, act)
                if not (c.act == act and c.article == own)
                and (occ := occurrence(view.word_at, c)) is not None]
        if not found:
            return []
        wanted = set().union(*(self._closure(i) | {i} for i in ids))
        return [occ for occ, units in found if any(wanted.intersection(u.spec.concepts) for u in units)]

    def _cited(self, citation: Citation) -> list[Unit]:
        """The known units a citation names: the unit itself and those above it ("16-бабы
        3-тармағының 11) тармақшасы" is 16, 16(3) and 16(3)(11), not 16(3)(6))."""
        numbers = citation.numbers
        return [unit for unit in self.units.get(citation.act, ())
                if unit.numbers[0] == citation.article and numbers_agree(unit.numbers, numbers)]


def concept_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def _read(file: Path, model: Any, what: str, errors: list[RuleFileError]) -> tuple[Any, MarkMap | None]:
    shown = _display(file)
    try:
        content = read_regular(file, MAX_BYTES, location=shown, error=RuleFileError, what=what,
                               hint=SPLIT_HINT)
    except RuleFileError as exc:
        errors.append(exc)
        return None, None
    spec, found, marks = read_model(content, shown, model, what)
    errors.extend(found)
    return spec, marks


def _display(path: Path) -> str:
    try:
        return str(resolve_path(path).relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_knowledge(root: Path | None = None, extra_units: Iterable[Path] = (), strict: bool = True,
                   markers: Path | None = None) -> tuple[Knowledge, list[RuleFileError]]:
    """Read rules/concepts, rules/units and rules/effects/markers.yaml; every error is collected.

    `markers` names another marker file (tests pair their own concepts with the real markers).
    """
    root = root or rules_dir()
    knowledge = Knowledge()
    errors: list[RuleFileError] = []
    raw: dict[str, ConceptSpec] = {}
    for file in concept_files(root / "concepts"):
        spec, marks = _read(file, ConceptFile, "concept file", errors)
        if spec is None or marks is None:
            continue
        for concept_id, concept in spec.root.items():
            mark = marks.find((concept_id,), at_key=True)
            where = f"{_display(file)}:{mark.line + 1}:{mark.column + 1}"
            if concept_id in raw:
                errors.append(_error(_display(file), mark, f"duplicate concept {concept_id!r} "
                                     f"(also at {knowledge.where[concept_id]})"))
                continue
            raw[concept_id] = concept
            knowledge.where[concept_id] = where
    for concept_id, concept in raw.items():
        for included in concept.includes:
            if included not in raw:
                errors.append(RuleFileError(f"concept {concept_id!r} includes unknown concept "
                                            f"{included!r}", location=knowledge.where[concept_id]))
    _compile_concepts(knowledge, raw)
    users = {Path(file) for file in extra_units}
    unit_files = [*concept_files(root / "units"), *users]
    for file in unit_files:
        spec, marks = _read(file, UnitFile, "unit file", errors)
        if spec is None or marks is None:
            continue
        for index, unit in enumerate(spec.units):
            mark = marks.find(("units", index))
            where = f"{_display(file)}:{mark.line + 1}:{mark.column + 1}"
            for concept_id in (*unit.concepts, *unit.guarantee):
                if concept_id not in raw:
                    # the user's own units must be right; the shipped table is checked by tests
                    sink = errors if file in users else knowledge.problems
                    sink.append(RuleFileError(f"unknown concept {concept_id!r}", location=where))
            numbers = (unit.article, unit.part, unit.paragraph, unit.subparagraph)
            knowledge.units.setdefault(spec.act, []).append(Unit(spec.act, numbers, unit, where))
    if strict:
        errors.extend(knowledge.problems)
    effects_file = markers or root / "effects" / "markers.yaml"
    if effects_file.exists():
        knowledge.effects, _ = _read(effects_file, EffectsFile, "effects file", errors)
        if knowledge.effects is not None:
            from checker.engine.effects import Markers

            knowledge.markers = Markers(knowledge.effects)
    return knowledge, errors


_READ: dict[tuple[object, ...], tuple[Knowledge, list[RuleFileError]]] = {}


def read_knowledge_cached(root: Path | None = None, extra_units: Iterable[Path] = (),
                          strict: bool = True) -> tuple[Knowledge, list[RuleFileError]]:
    """`read_knowledge`, reused while no knowledge file changed (size and mtime of each file):
    loading rules again in one process (tests, `rules test`) must not recompile 200 concepts."""
    root = root or rules_dir()
    files = knowledge_files(root, extra_units)
    signature = []
    for file in files:
        try:
            info = file.stat()
            signature.append((str(file), info.st_size, info.st_mtime_ns))
        except OSError:
            signature.append((str(file), -1, -1))
    key = (str(root), strict, tuple(signature))
    found = _READ.get(key)
    if found is None:
        found = _READ[key] = read_knowledge(root, extra_units, strict)
    return found[0], list(found[1])


def knowledge_files(root: Path | None = None, extra_units: Iterable[Path] = ()) -> list[Path]:
    """Every file `read_knowledge` reads: concepts, units, the markers, the user's units."""
    root = root or rules_dir()
    return [*concept_files(root / "concepts"), *concept_files(root / "units"),
            root / "effects" / "markers.yaml", *map(Path, extra_units)]


def _compile_concepts(knowledge: Knowledge, raw: dict[str, ConceptSpec]) -> None:
    from checker.engine.conditions import _compile_terms
    from checker.engine.schema import TermsCondition

    for concept_id, concept in raw.items():
        parts: list[Positional] = []
        if concept.terms is not None:
            parts.append(_compile_terms(TermsCondition(terms=concept.terms)))
        if concept.regex is not None:
            written = {lang: p for lang, p in (("kk", concept.regex.kk), ("ru", concept.regex.ru)) if p}
            parts.append(Regex({lang: compile_regex(p) for lang, p in written.items()}, written))
        knowledge.concepts[concept_id] = ConceptNode(concept_id, parts)
        knowledge.specs[concept_id] = concept
    for concept_id, concept in raw.items():
        node = knowledge.concepts[concept_id]
        node.parts.extend(knowledge.concepts[i] for i in concept.includes if i in knowledge.concepts)


def load_knowledge(root: Path | None = None) -> Knowledge:
    """The shipped knowledge (read once while its files are unchanged); the first error is raised."""
    found, errors = read_knowledge_cached(root, strict=False)
    if errors:
        first = errors[0]
        if len(errors) > 1:
            first.hint = f"and {len(errors) - 1} more; `lawcheck rules validate` lists them all"
        raise first
    return found
