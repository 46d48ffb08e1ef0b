"""Kazakh lemmas by stripping a nominal suffix chain and undoing stem alternations.

No usable Kazakh analyser exists on PyPI or Debian (tech-notes §1.2), so this is a small
generate-and-verify matcher run in reverse: every chain the suffix table can generate is
precomputed together with the stems it may follow; a word is split at every point where its
tail is such a chain, the head is checked against the chain's conditions (final sound, vowel
harmony), and the stem alternations are undone. Candidate lemmas are over-generated on purpose
(they are only looked up), but a derivational suffix is never stripped, so тармақша never
yields тармақ.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from checker.errors import LawcheckError
from checker.morph.tokens import CGJ, fold

TABLE_PATH = Path(__file__).with_name("kk_suffixes.yaml")

# Letters found in Kazakh and in no Russian word; used by language detection.
SPECIFIC_LETTERS = frozenset("әғқңөұүһі")

# Frequent Kazakh words written without any of SPECIFIC_LETTERS (language detection).
MARKER_WORDS = frozenset({
    "мен", "бен", "пен", "осы", "бойынша", "туралы", "деп", "деген", "немесе", "бабы", "бабын",
    "бабында", "бапта", "бап", "сот", "сотта", "арасында", "сияқты", "ол", "оны", "сол", "мына",
    "бар", "емес", "тек", "болса", "болып", "жылы", "жасалады", "алынады", "сондай-ақ", "тыс",
    "дейін", "кейін", "мерзімде", "ретте",
})

# "65-бабының", "2025-жылғы": a number glued to a word by a hyphen; the word is analysed too.
_NUMBER_PREFIX = re.compile(r"^\d+(?:[-.]\d+)*-(?=\D)")
_HARMONIES = ("back", "front")


@dataclass(frozen=True)
class Morpheme:
    """One suffix: its allomorphs by preceding class, the context it leaves, izafet flag."""

    name: str
    after: dict[str, tuple[tuple[str, str], ...]]  # class → ((back, front), ...)
    leaves: str | None
    izafet: bool


@dataclass(frozen=True)
class Table:
    """The loaded suffix inventory plus every chain it generates, indexed by surface."""

    back: frozenset[str]
    front: frozenset[str]
    neutral: frozenset[str]
    consonants: frozenset[str]
    transparent: frozenset[str]
    letter_classes: dict[str, frozenset[str]]
    morphemes: dict[str, Morpheme]
    graph: dict[str, tuple[str, ...]]
    voicing: dict[str, str]
    dropped_vowel: dict[str, str]
    epenthetic: frozenset[str]
    doubled: frozenset[str]
    classes: frozenset[str]  # every final-sound class
    vowels: frozenset[str]
    # chain surface → {(class, harmony): izafet prefix lengths (0 = the chain has no P3)}
    chains: dict[str, dict[tuple[str, str], frozenset[int]]]
    tails: frozenset[str]  # every ending of every chain: lets analyse stop early


def _fail(message: str) -> LawcheckError:
    return LawcheckError(f"Kazakh suffix table: {message}", location=str(TABLE_PATH))


def _load(path: Path = TABLE_PATH) -> Table:
    """Read and check the YAML table, then enumerate every chain it allows."""
    try:
        # libyaml's safe loader when PyYAML has it: the same table, ten times faster
        data: Any = yaml.load(path.read_text(encoding="utf-8"),
                              Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise _fail(f"cannot read: {exc}") from None
    try:
        letters = data["letters"]
        letter_classes: dict[str, set[str]] = {}
        for cls, chars in data["final_class"].items():
            for ch in chars:
                letter_classes.setdefault(ch, set()).add(cls)
        all_classes = set(data["final_class"]) | {"poss3", "poss12"}
        groups = {name: list(members) for name, members in data.get("groups", {}).items()}
        morphemes = {name: _morpheme(name, spec, all_classes, groups)
                     for name, spec in data["morphemes"].items()}
        graph = {state: tuple(nexts) for state, nexts in data["chain"].items()}
        alternations = data["alternations"]
    except (KeyError, TypeError, AttributeError) as exc:
        raise _fail(f"malformed ({exc})") from None
    if "start" not in graph:
        raise _fail("'chain' has no 'start' state")
    for state, nexts in graph.items():
        for name in (state, *nexts):
            if name != "start" and name.split(".")[0] not in morphemes:
                raise _fail(f"state {name!r} names no morpheme")
            if name != "start" and name not in graph:
                raise _fail(f"state {name!r} has no entry in 'chain'")
    _check_acyclic(graph)
    back, front, neutral = (frozenset(letters[k]) for k in ("back", "front", "neutral"))
    table = Table(
        back=back, front=front, neutral=neutral, consonants=frozenset(letters["consonants"]),
        transparent=frozenset(letters.get("transparent", "")),
        letter_classes={ch: frozenset(cs) for ch, cs in letter_classes.items()},
        morphemes=morphemes, graph=graph,
        voicing=dict(alternations["voicing"]), dropped_vowel=dict(alternations["dropped_vowel"]),
        epenthetic=frozenset(alternations["epenthetic"]),
        doubled=frozenset(alternations["doubled"]),
        classes=frozenset(data["final_class"]), vowels=back | front | neutral,
        chains={}, tails=frozenset(),
    )
    chains: dict[str, dict[tuple[str, str], set[int]]] = {}
    try:
        for cls in sorted(set(data["final_class"])):
            for harmony in _HARMONIES:
                for surface, izafet in _generate(table, "start", cls, harmony, "", 0):
                    if surface:
                        contexts = chains.setdefault(surface, {})
                        contexts.setdefault((cls, harmony), set()).add(izafet)
    except KeyError as exc:
        raise _fail(f"a suffix ends in {exc}, a letter of no final_class") from None
    frozen = {s: {k: frozenset(v) for k, v in d.items()} for s, d in chains.items()}
    tails = frozenset(chain[k:] for chain in frozen for k in range(len(chain)))
    return replace(table, chains=frozen, tails=tails)


def _check_acyclic(graph: dict[str, tuple[str, ...]]) -> None:
    """A cycle would make the set of chains infinite."""
    done: set[str] = set()

    def visit(state: str, path: tuple[str, ...]) -> None:
        if state in path:
            raise _fail(f"'chain' has a cycle: {' → '.join(path + (state,))}")
        if state not in done:
            for nxt in graph[state]:
                visit(nxt, path + (state,))
            done.add(state)

    visit("start", ())


def _morpheme(name: str, spec: dict[str, Any], classes: set[str],
              groups: dict[str, list[str]]) -> Morpheme:
    after: dict[str, tuple[tuple[str, str], ...]] = {}
    for key, forms in spec["after"].items():
        pairs = tuple(_pair(str(form)) for form in forms)
        for part in str(key).split(","):
            for cls in groups.get(part.strip(), [part.strip()]):
                if cls not in classes:
                    raise _fail(f"morpheme {name}: unknown class {cls!r}")
                after[cls] = after.get(cls, ()) + pairs
    leaves = spec.get("leaves")
    if leaves is not None and leaves not in classes:
        raise _fail(f"morpheme {name}: unknown context {leaves!r}")
    return Morpheme(name, after, leaves, bool(spec.get("izafet", False)))


def _pair(form: str) -> tuple[str, str]:
    back, _, front = form.partition("|")
    return (back, front or back)


def _generate(table: Table, state: str, context: str, harmony: str, surface: str,
              izafet: int) -> Iterator[tuple[str, int]]:
    """Every (chain, izafet length) reachable from `state` when the last sound is `context`."""
    yield surface, izafet
    for nxt in table.graph[state]:
        morpheme = table.morphemes[nxt.split(".")[0]]
        for pair in morpheme.after.get(context, ()):
            form = pair[0] if harmony == "back" else pair[1]
            grown = surface + form
            yield from _generate(table, nxt, _context_after(table, morpheme, form), harmony,
                                 grown, len(grown) if morpheme.izafet else izafet)


def _context_after(table: Table, morpheme: Morpheme, form: str) -> str:
    if morpheme.leaves:
        return morpheme.leaves
    classes = table.letter_classes[form[-1]]
    return min(classes)  # suffixes end in one-class letters (р з н а ы …)


@cache
def table() -> Table:
    """The suffix table, loaded once per process."""
    return _load()


def final_classes(stem: str, tbl: Table | None = None) -> frozenset[str]:
    """Classes of the sound a suffix would follow; any class when it is not a letter we know."""
    tbl = tbl or table()
    end = len(stem)
    while end and stem[end - 1] in tbl.transparent:
        end -= 1
    if not end:
        return tbl.classes
    return tbl.letter_classes.get(stem[end - 1], tbl.classes)


def harmonies(stem: str, tbl: Table | None = None) -> frozenset[str]:
    """Back and/or front: the last vowel decides; loans and abbreviations may take either.

    Both are allowed when the stem ends in a consonant cluster (банк → банкке, акт → актісі),
    in a soft sign, when a neutral у/ю closes a syllable (институтқа), or when it has no vowel.
    """
    tbl = tbl or table()
    both = frozenset(_HARMONIES)
    if len(stem) >= 2 and stem[-1] in tbl.consonants and stem[-2] in tbl.consonants \
            and stem[-1] not in tbl.neutral and stem[-2] not in tbl.neutral:
        return both
    if stem and stem[-1] in tbl.transparent:
        return both
    seen_consonant = False
    for ch in reversed(stem):
        if ch in tbl.back:
            return frozenset({"back"})
        if ch in tbl.front:
            return frozenset({"front"})
        if ch in tbl.neutral:
            if seen_consonant:
                return both
            continue
        seen_consonant = True
    return both


def analyse(word: str) -> frozenset[str]:
    """Every lemma `word` could be a form of, the word itself included (uncached)."""
    word = fold(word)
    if CGJ in word:
        word = word.replace(CGJ, "")
    tbl = table()
    found = {word}
    for i in range(len(word) - 1, 0, -1):
        chain = word[i:]
        if chain not in tbl.tails:
            break  # no longer ending can be a chain either
        contexts = tbl.chains.get(chain)
        if contexts is None:
            continue
        stem = word[:i]
        if stem.endswith("-"):  # ҚР-ның, 5-ке: an abbreviation or number takes any suffix
            if len(stem) > 1:
                found.add(stem[:-1])
            continue
        harms = harmonies(stem, tbl)
        izafets = _accepted(contexts, final_classes(stem, tbl), harms)
        if izafets is None:
            continue
        found.update(_undo_alternations(tbl, stem, chain, harms))
        found.update(stem + chain[:n] for n in izafets if n)
    prefix = _NUMBER_PREFIX.match(word)
    if prefix:
        found |= analyse(word[prefix.end():])
    return frozenset(found)


@lru_cache(maxsize=1 << 18)
def lemmas(word: str) -> frozenset[str]:
    """`analyse` with a per-process cache: drafts repeat their words a lot."""
    return analyse(word)


def _accepted(contexts: dict[tuple[str, str], frozenset[int]], classes: frozenset[str],
              harms: frozenset[str]) -> frozenset[int] | None:
    """Izafet lengths of the chain after a stem of these classes and harmonies; None: invalid."""
    izafets: frozenset[int] | None = None
    for cls in classes:
        for harmony in harms:
            lengths = contexts.get((cls, harmony))
            if lengths is not None:
                izafets = lengths if izafets is None else izafets | lengths
    return izafets


def _undo_alternations(tbl: Table, stem: str, chain: str,
                       harms: frozenset[str]) -> Iterable[str]:
    """The stem as written plus the lemmas whose alternations could have produced it."""
    yield stem
    last = stem[-1]
    before_vowel = chain[0] in tbl.vowels
    if before_vowel and last in tbl.voicing:  # тармағы → тармақ
        yield stem[:-1] + tbl.voicing[last]
    cluster = len(stem) >= 3 and last in tbl.consonants and stem[-2] in tbl.consonants
    if before_vowel and cluster:  # халқы → халық, қаупі → қауіп
        for harmony in harms:
            yield stem[:-1] + tbl.dropped_vowel[harmony] + last
    if last in tbl.epenthetic and len(stem) >= 3 and stem[-2] in tbl.consonants \
            and stem[-3] in tbl.consonants:  # актісі → акт
        yield stem[:-1]
    if last in tbl.doubled and len(stem) >= 3 and stem[-2] in tbl.vowels:
        yield stem + last  # процестің → процесс


def chain_paths(tbl: Table | None = None) -> tuple[tuple[str, ...], ...]:
    """Every state sequence the chain graph allows (for tests and benchmarks)."""
    tbl = tbl or table()
    paths: list[tuple[str, ...]] = []

    def walk(state: str, path: tuple[str, ...]) -> None:
        paths.append(path)
        for nxt in tbl.graph[state]:
            walk(nxt, path + (nxt,))

    walk("start", ())
    return tuple(paths)


def inflect(lemma: str, path: Sequence[str], *, voice: bool = True) -> str:
    """Build the form of `lemma` with the suffixes of `path` (e.g. ("P3", "GEN")).

    The first allomorph of each slot is used; `voice` applies the native stem-final voicing
    before a vowel (тармақ → тармағы), which loans skip (банкі). Raises ValueError on a path
    the chain graph does not allow.
    """
    tbl = table()
    form = fold(lemma)
    harmony = min(harmonies(form, tbl))  # "back" when both are possible
    context = min(final_classes(form, tbl))
    to_voiced = {plain: soft for soft, plain in tbl.voicing.items()}
    state = "start"
    for step in path:
        if step not in tbl.graph[state]:
            raise ValueError(f"{step!r} cannot follow {state!r}")
        morpheme = tbl.morphemes[step.split(".")[0]]
        pairs = morpheme.after.get(context)
        if not pairs:
            raise ValueError(f"{morpheme.name} has no form after {context!r}")
        suffix = pairs[0][0] if harmony == "back" else pairs[0][1]
        if voice and state == "start" and suffix[0] in tbl.vowels and form[-1:] in to_voiced:
            form = form[:-1] + to_voiced[form[-1]]
        form += suffix
        context = _context_after(tbl, morpheme, suffix)
        state = step
    return form
