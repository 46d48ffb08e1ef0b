"""The condition tree of a rule, compiled once from its validated YAML.

Every node answers `evaluate(view, matcher)` with an `Outcome`: whether it holds and which words
made it hold (the evidence a finding shows). `explain` answers the same question without
short-circuiting, for `lawcheck explain`. Word matching goes through `WordMatcher`, whose cache
is shared by every rule, and every node's result is memoised per view under its structure, so
a condition shared by many rules is evaluated once per amendment.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from checker.engine import schema
from checker.engine.effective import TextView
# RegexPattern, UNICODE_BOUNDARY and required_literals stay importable from here (effects, tests).
from checker.engine.regex import UNICODE_BOUNDARY, RegexPattern, compile_regex, required_literals  # noqa: F401

Phrase = tuple[str, ...]  # pattern words (morph.phrase_pattern)


@dataclass(frozen=True)
class Occurrence:
    """Where a leaf matched: word indexes (inclusive) and character offsets in the view's text."""

    first: int
    last: int
    start: int
    end: int


@dataclass(frozen=True)
class Outcome:
    """Whether a node holds, and the occurrences that made it hold (the evidence)."""

    holds: bool
    hits: tuple[Occurrence, ...] = ()


FAILED = Outcome(False)


@dataclass(frozen=True)
class Trace:
    """One node of `lawcheck explain`: what it tested, whether it held, the words it matched."""

    label: str
    holds: bool
    words: tuple[str, ...] = ()
    children: tuple[Trace, ...] = ()


class WordMatcher:
    """`morph.word_matches`, asked only about likely words, with caches shared by all rules.

    A rule word can match a draft word only when their lemma sets meet (for `=exact` the word
    itself is among its lemmas), so each view is indexed by lemma once and a rule word looks up
    its own lemmas instead of trying every word of the view; `prefix*` words bisect the view's
    sorted word list. Every candidate is still confirmed by `word_matches`.
    """

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str, str], bool] = {}

    def matches(self, pattern: str, word: str, lang: str) -> bool:
        key = (lang, pattern, word)
        found = self._cache.get(key)
        if found is None:
            from checker import morph

            found = self._cache[key] = bool(morph.word_matches(pattern, word, lang))
        return found

    def positions(self, view: TextView, pattern: str) -> frozenset[int]:
        """Indexes of the view's words that `pattern` matches (memoised per view)."""
        index = _INDEXES.get(view.lang)
        if index is not None and pattern in index.known:
            return frozenset(view_matches(view).positions.get(pattern, _EMPTY))
        key = ("word", pattern)
        found = view.memo.get(key)
        if found is None:
            indexes: list[int] = []
            for word in self._candidates(view, pattern):
                if self.matches(pattern, word, view.lang):
                    indexes.extend(view.types[word])
            found = view.memo[key] = frozenset(indexes)
        return found

    def _candidates(self, view: TextView, pattern: str) -> set[str]:
        if pattern.endswith("*"):
            return set(view.words_starting(pattern.lstrip("=").rstrip("*")))
        by_lemma = view.by_lemma()
        words: set[str] = set()
        for lemma in self.lemma_keys(pattern, view.lang):
            words.update(by_lemma.get(lemma, ()))
        return words

    def lemma_keys(self, pattern: str, lang: str) -> tuple[str, ...]:
        """The lemmas a (non-prefix) rule word can share with a draft word it matches."""
        return lemma_keys(pattern, lang)


_LEMMA_KEYS: dict[tuple[str, str], tuple[str, ...]] = {}


def lemma_keys(pattern: str, lang: str) -> tuple[str, ...]:
    """The lemmas a (non-prefix) rule word can share with a draft word it matches (cached)."""
    key = (lang, pattern)
    found = _LEMMA_KEYS.get(key)
    if found is None:
        from checker import morph

        core = pattern.lstrip("=")
        found = _LEMMA_KEYS[key] = tuple({core, *morph.lemmas(core, lang)})
    return found


def _anchor(phrase: Phrase) -> str:
    """The word that stands for a phrase in the index: its longest, first of equals."""
    return max(phrase, key=lambda word: len(word.strip("=*")))


class PhraseIndex:
    """Every word of every `Terms` phrase compiled in this process, for one language.

    A draft word is looked up once per process (`patterns_of`): by its lemmas and its prefixes
    it finds the rule words that can match it, and `morph.word_matches` confirms each, exactly
    as `WordMatcher.positions` does for one rule word. A view then maps each rule word to the
    indexes of the words it matches in one pass over its distinct words (`ViewMatches`), so a
    concept, marker or rule term whose first word is absent costs a dictionary look-up.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        # anchor rule word -> (Terms key, phrase, the phrase's other words). The anchor is the
        # phrase's longest word: a phrase needs all its words, so any word can stand for it, and
        # a long word is a rare one ("не", "в", "по" open thousands of phrases and are in most views)
        self.by_anchor: dict[str, list[tuple[int, Phrase, frozenset[str]]]] = {}
        self.by_key: dict[str, set[str]] = {}  # lemma -> rule words (not prefixes) having it
        self.by_prefix: dict[str, set[str]] = {}  # prefix -> rule words `prefix*`
        self.lengths: tuple[int, ...] = ()
        self.known: set[str] = set()  # every indexed rule word
        self.size = 0  # how many registered Terms structures are indexed
        self._words: dict[str, tuple[str, ...]] = {}  # draft word -> the rule words it matches

    def update(self) -> None:
        if self.size == len(_TERMS_ORDER):
            return
        lengths = set(self.lengths)
        for key in _TERMS_ORDER[self.size:]:
            for phrase in _TERMS[key].get(self.lang, ()):
                anchor = _anchor(phrase)
                self.by_anchor.setdefault(anchor, []).append((key, phrase, frozenset(phrase) - {anchor}))
                for word in phrase:
                    if word in self.known:
                        continue
                    self.known.add(word)
                    if word.endswith("*"):
                        prefix = word.lstrip("=").rstrip("*")
                        self.by_prefix.setdefault(prefix, set()).add(word)
                        lengths.add(len(prefix))
                    else:
                        for lemma in lemma_keys(word, self.lang):
                            self.by_key.setdefault(lemma, set()).add(word)
        self.lengths = tuple(sorted(lengths))
        self.size = len(_TERMS_ORDER)
        self._words.clear()

    def patterns_of(self, word: str) -> tuple[str, ...]:
        """The indexed rule words that match this draft word (cached per process)."""
        found = self._words.get(word)
        if found is None:
            from checker import morph

            candidates: set[str] = set()
            for lemma in morph.lemmas(word, self.lang):
                candidates.update(self.by_key.get(lemma, ()))
            for n in self.lengths:
                if n > len(word):
                    break
                candidates.update(self.by_prefix.get(word[:n], ()))
            found = self._words[word] = tuple(
                p for p in candidates if morph.word_matches(p, word, self.lang))
        return found


class ViewMatches:
    """One view against the whole index: rule word -> word indexes, Terms key -> phrases to try.

    The word indexes stay lists (a phrase test looks up two or three short ones), and only the
    rule words that anchor a phrase are looked up in the anchors (one set intersection)."""

    __slots__ = ("size", "positions", "tried")

    def __init__(self, view: TextView, index: PhraseIndex):
        self.size = index.size
        where: dict[str, list[int]] = {}
        cached, patterns_of = index._words, index.patterns_of
        for word, indexes in view.types.items():
            patterns = cached.get(word)
            if patterns is None:
                patterns = patterns_of(word)
            for pattern in patterns:  # most draft words match no rule word: an empty loop
                found = where.get(pattern)
                if found is None:
                    where[pattern] = indexes
                else:
                    where[pattern] = [*found, *indexes]  # never extend: `indexes` is the view's
        self.positions: dict[str, list[int]] = where
        tried: dict[int, list[Phrase]] = {}
        by_anchor = index.by_anchor
        present = where.keys()
        # the order of a Terms' phrases does not matter: its occurrences are sorted
        for pattern in present & by_anchor.keys():
            for key, phrase, others in by_anchor[pattern]:
                if others and not present >= others:
                    continue  # another word of the phrase is absent from the view
                found_phrases = tried.get(key)
                if found_phrases is None:
                    tried[key] = [phrase]
                else:
                    found_phrases.append(phrase)
        self.tried = tried


_TERMS: dict[int, dict[str, tuple[Phrase, ...]]] = {}  # Terms structure key -> its phrases
_TERMS_ORDER: list[int] = []  # the keys in the order they were registered
_INDEXES: dict[str, PhraseIndex] = {}
_EMPTY: frozenset[int] = frozenset()


def _register_terms(key: int, phrases: dict[str, tuple[Phrase, ...]]) -> None:
    if key not in _TERMS:
        _TERMS[key] = phrases
        _TERMS_ORDER.append(key)


def view_matches(view: TextView) -> ViewMatches:
    """Per view, once: every indexed rule word's positions and every Terms' phrases to try."""
    found = view.memo.get("matches")
    if found is None or found.size != len(_TERMS_ORDER):  # a Terms compiled since: index again
        index = _INDEXES.get(view.lang)
        if index is None:
            index = _INDEXES[view.lang] = PhraseIndex(view.lang)
        index.update()
        found = view.memo["matches"] = ViewMatches(view, index)
    return found


def warm_state() -> dict[tuple[str, str], tuple[str, ...]]:
    """Index every phrase word compiled so far and return the lemmas it took (what a rule base
    loaded from the cache would otherwise ask the morphology again: most of a small check)."""
    for lang in ("kk", "ru"):
        index = _INDEXES.get(lang)
        if index is None:
            index = _INDEXES[lang] = PhraseIndex(lang)
        index.update()
    return dict(_LEMMA_KEYS)


def restore_state(lemma_keys: dict[tuple[str, str], tuple[str, ...]]) -> None:
    """Take the lemmas of rule words from a cached rule base (`warm_state`)."""
    for key, value in lemma_keys.items():
        _LEMMA_KEYS.setdefault(key, value)


def clear_word_caches() -> None:
    """Forget every draft word seen (benchmarks measure a fresh process with it)."""
    for index in _INDEXES.values():
        index._words.clear()
    _LEMMA_KEYS.clear()


_STRUCTURES: dict[tuple[Any, ...], int] = {}


def structure_key(structure: tuple[Any, ...]) -> int:
    """A small number for a condition's structure: memo keys must hash fast."""
    return _STRUCTURES.setdefault(structure, len(_STRUCTURES))


class Node(ABC):
    """A compiled condition.

    `key` numbers the node's structure (what it tests, not where it sits): two rules that
    share a condition, or ten copies of a rule, evaluate it once per view.
    """

    key: int

    def evaluate(self, view: TextView, matcher: WordMatcher) -> Outcome:
        memo_key = ("outcome", self.key)
        found = view.memo.get(memo_key)
        if found is None:
            found = view.memo[memo_key] = self._evaluate(view, matcher)
        return found

    @abstractmethod
    def _evaluate(self, view: TextView, matcher: WordMatcher) -> Outcome: ...

    @abstractmethod
    def explain(self, view: TextView, matcher: WordMatcher) -> Trace: ...


class Positional(Node):
    """A leaf that can say where it matched, so `near` and `sentence` can combine leaves."""

    @abstractmethod
    def occurrences(self, view: TextView, matcher: WordMatcher) -> tuple[Occurrence, ...]: ...

    @abstractmethod
    def label(self, lang: str) -> str: ...

    def _evaluate(self, view: TextView, matcher: WordMatcher) -> Outcome:
        found = self.occurrences(view, matcher)
        if not found:
            return FAILED
        return Outcome(True, (found[0],))

    def explain(self, view: TextView, matcher: WordMatcher) -> Trace:
        found = self.occurrences(view, matcher)
        words = tuple(dict.fromkeys(view.surface(o.start, o.end) for o in found))
        return Trace(self.label(view.lang), bool(found), words)


class Terms(Positional):
    """Phrases of dictionary-form words, matched as consecutive inflected words.

    Only phrases whose first word can occur in the view are tried: every phrase's first word is
    indexed by lemma and prefix in one `PhraseIndex` per language, shared by all `Terms`, and
    each view is looked up in it once (`tried_phrases`).
    """

    def __init__(self, phrases: dict[str, tuple[Phrase, ...]], written: dict[str, list[str]]):
        self.phrases = phrases
        self.written = written
        self.key = structure_key(("terms", tuple(sorted(phrases.items()))))
        _register_terms(self.key, phrases)

    def __reduce__(self) -> tuple[Any, ...]:  # keys are numbered per process: build anew
        return (Terms, (self.phrases, self.written))

    def occurrences(self, view: TextView, matcher: WordMatcher) -> tuple[Occurrence, ...]:
        memo_key = ("occurrences", self.key)
        found = view.memo.get(memo_key)
        if found is None:
            matches = view_matches(view)
            tried = matches.tried.get(self.key)
            if not tried:
                found = view.memo[memo_key] = ()
                return found
            hits: list[Occurrence] = []
            for phrase in tried:
                hits.extend(_phrase_occurrences(view, matches.positions, phrase))
            found = view.memo[memo_key] = tuple(sorted(set(hits), key=lambda o: (o.first, o.last)))
        return found

    def label(self, lang: str) -> str:
        phrases = self.written.get(lang)
        if not phrases:
            return f"terms ({lang}: none given)"
        return "terms " + ", ".join(f'"{p}"' for p in phrases)


def _phrase_occurrences(view: TextView, positions: dict[str, list[int]], phrase: Phrase
                        ) -> list[Occurrence]:
    key = ("phrase", phrase)
    found = view.memo.get(key)
    if found is None:
        found = []
        firsts = positions.get(phrase[0])
        if firsts:
            rest = [frozenset(positions.get(word, _EMPTY)) for word in phrase[1:]]  # linear on long views
            for first in sorted(firsts):
                if all(first + k in rest[k - 1] for k in range(1, len(phrase))):
                    last = first + len(phrase) - 1
                    found.append(Occurrence(first, last, view.words[first].start, view.words[last].end))
        view.memo[key] = found
    return found


class Regex(Positional):
    """An RE2 pattern over the folded (lower-cased) text."""

    def __init__(self, patterns: dict[str, Any], written: dict[str, str]):
        self.patterns = patterns
        self.written = written
        self.key = structure_key(("regex", tuple(sorted(written.items()))))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Regex, (self.patterns, self.written))

    def occurrences(self, view: TextView, matcher: WordMatcher) -> tuple[Occurrence, ...]:
        memo_key = ("occurrences", self.key)
        found = view.memo.get(memo_key)
        if found is None:
            pattern = self.patterns.get(view.lang)
            if pattern is None or not pattern.may_match(view.folded):
                found = ()  # the pattern's required literals are absent: no search
            else:
                found = tuple(_regex_occurrences(view, pattern))
            view.memo[memo_key] = found
        return found

    def label(self, lang: str) -> str:
        written = self.written.get(lang)
        return f"regex /{written}/" if written else f"regex ({lang}: none given)"


def _regex_occurrences(view: TextView, pattern: Any) -> list[Occurrence]:
    found: list[Occurrence] = []
    text = view.folded
    for match in pattern.finditer(text):
        start, end = match.start(), match.end()
        while start < end and not text[start].isalnum():  # drop a consumed boundary character
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        first = view.word_at(start)
        if start == end or first is None:
            continue
        last = view.word_at(end - 1)
        found.append(Occurrence(first, last if last is not None else first, start, end))
    return found


class All(Node):
    def __init__(self, children: Sequence[Node]):
        self.children = tuple(children)
        self.key = structure_key(("all", tuple(child.key for child in self.children)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (All, (self.children,))

    def _evaluate(self, view: TextView, matcher: WordMatcher) -> Outcome:
        hits: list[Occurrence] = []
        for child in self.children:
            outcome = child.evaluate(view, matcher)
            if not outcome.holds:
                return FAILED
            hits.extend(outcome.hits)
        return Outcome(True, tuple(hits))

    def explain(self, view: TextView, matcher: WordMatcher) -> Trace:
        children = tuple(child.explain(view, matcher) for child in self.children)
        return Trace("all of", all(c.holds for c in children), (), children)


class Any_(Node):
    def __init__(self, children: Sequence[Node]):
        self.children = tuple(children)
        self.key = structure_key(("any", tuple(child.key for child in self.children)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Any_, (self.children,))

    def _evaluate(self, view: TextView, matcher: WordMatcher) -> Outcome:
        held: Outcome | None = None
        for child in self.children:
            outcome = child.evaluate(view, matcher)
            if outcome.holds:
                if outcome.hits:
                    return outcome
                held = held or outcome  # a `not` holds without words; look on for evidence
        return held or FAILED

    def explain(self, view: TextView, matcher: WordMatcher) -> Trace:
        children = tuple(child.explain(view, matcher) for child in self.children)
        return Trace("any of", any(c.holds for c in children), (), children)


class Not(Node):
    def __init__(self, child: Node):
        self.child = child
        self.key = structure_key(("not", child.key))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Not, (self.child,))

    def _evaluate(self, view: TextView, matcher: WordMatcher) -> Outcome:
        return FAILED if self.child.evaluate(view, matcher).holds else Outcome(True)

    def explain(self, view: TextView, matcher: WordMatcher) -> Trace:
        child = self.child.explain(view, matcher)
        return Trace("not", not child.holds, (), (child,))


class Near(Node):
    """All leaves occur with their first words at most `within` words apart."""

    def __init__(self, within: int, items: Sequence[Positional]):
        self.within = within
        self.items = tuple(items)
        self.key = structure_key(("near", within, tuple(item.key for item in self.items)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Near, (self.within, self.items))

    def _window(self, view: TextView, matcher: WordMatcher) -> tuple[Occurrence, ...] | None:
        groups = [item.occurrences(view, matcher) for item in self.items]
        if not all(groups):
            return None
        events = sorted(((o.first, k, o) for k, group in enumerate(groups) for o in group),
                        key=lambda event: (event[0], event[1]))
        latest: dict[int, Occurrence] = {}
        counts = [0] * len(groups)
        covered = 0
        lo = 0
        for position, k, occurrence in events:
            if counts[k] == 0:
                covered += 1
            counts[k] += 1
            latest[k] = occurrence
            while events[lo][0] < position - self.within:
                _, old_k, _ = events[lo]
                counts[old_k] -= 1
                if counts[old_k] == 0:
                    covered -= 1
                lo += 1
            if covered == len(groups):
                return tuple(latest[k] for k in range(len(groups)))
        return None

    def _evaluate(self, view: TextView, matcher: WordMatcher) -> Outcome:
        window = self._window(view, matcher)
        if window is None:
            return FAILED
        return Outcome(True, window)

    def explain(self, view: TextView, matcher: WordMatcher) -> Trace:
        window = self._window(view, matcher)
        children = tuple(item.explain(view, matcher) for item in self.items)
        words = () if window is None else tuple(view.surface(o.start, o.end) for o in window)
        return Trace(f"near, within {self.within} words", window is not None, words, children)


class Sentence(Node):
    """All leaves occur in one sentence."""

    def __init__(self, items: Sequence[Positional]):
        self.items = tuple(items)
        self.key = structure_key(("sentence", tuple(item.key for item in self.items)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Sentence, (self.items,))

    def _sentence(self, view: TextView, matcher: WordMatcher) -> tuple[Occurrence, ...] | None:
        per_item: list[dict[int, Occurrence]] = []
        for item in self.items:
            by_sentence: dict[int, Occurrence] = {}
            for occurrence in item.occurrences(view, matcher):
                by_sentence.setdefault(view.words[occurrence.first].sentence, occurrence)
            if not by_sentence:
                return None
            per_item.append(by_sentence)
        common = set(per_item[0]).intersection(*per_item[1:])
        if not common:
            return None
        sentence = min(common)
        return tuple(group[sentence] for group in per_item)

    def _evaluate(self, view: TextView, matcher: WordMatcher) -> Outcome:
        found = self._sentence(view, matcher)
        if found is None:
            return FAILED
        return Outcome(True, found)

    def explain(self, view: TextView, matcher: WordMatcher) -> Trace:
        found = self._sentence(view, matcher)
        children = tuple(item.explain(view, matcher) for item in self.items)
        words = () if found is None else tuple(view.surface(o.start, o.end) for o in found)
        return Trace("in one sentence", found is not None, words, children)


ConceptLookup = Callable[[str], "Positional"]


class AnyOf(Positional):
    """Any of several positional leaves (a `concept:` list): their occurrences together."""

    def __init__(self, items: Sequence[Positional], label: str):
        self.items = tuple(items)
        self._label = label
        self.key = structure_key(("anyof", tuple(item.key for item in self.items)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (AnyOf, (self.items, self._label))

    def occurrences(self, view: TextView, matcher: WordMatcher) -> tuple[Occurrence, ...]:
        hits = {o for item in self.items for o in item.occurrences(view, matcher)}
        return tuple(sorted(hits, key=lambda o: (o.first, o.last)))

    def label(self, lang: str) -> str:
        return self._label


def compile_condition(spec: Any, concepts: ConceptLookup | None = None) -> Node:
    """Turn a validated condition model into its node; patterns and phrases compile here, once.

    `concepts` resolves a shared concept id to its compiled node (rules/concepts/).
    """
    if isinstance(spec, schema.ConceptCondition):
        if concepts is None:
            raise ValueError("concept conditions need the shared concepts")
        return AnyOf([concepts(c) for c in spec.concept], "concept " + " | ".join(spec.concept))
    if isinstance(spec, schema.TermsCondition):
        return _compile_terms(spec)
    if isinstance(spec, schema.RegexCondition):
        written = {lang: p for lang, p in (("kk", spec.regex.kk), ("ru", spec.regex.ru)) if p}
        return Regex({lang: compile_regex(p) for lang, p in written.items()}, written)
    if isinstance(spec, schema.AllCondition):
        return All([compile_condition(c, concepts) for c in spec.all_])
    if isinstance(spec, schema.AnyCondition):
        return Any_([compile_condition(c, concepts) for c in spec.any_])
    if isinstance(spec, schema.NotCondition):
        return Not(compile_condition(spec.not_, concepts))
    if isinstance(spec, schema.NearCondition):
        return Near(spec.near.within, [_positional(c, concepts) for c in spec.near.of])
    if isinstance(spec, schema.SentenceCondition):
        return Sentence([_positional(c, concepts) for c in spec.sentence])
    raise TypeError(f"not a condition: {type(spec).__name__}")


def _positional(spec: Any, concepts: ConceptLookup | None = None) -> Positional:
    node = compile_condition(spec, concepts)
    assert isinstance(node, Positional)  # guaranteed by the schema's PositionalCondition
    return node


def _compile_terms(spec: schema.TermsCondition) -> Terms:
    from checker import morph

    written = {lang: list(p) for lang, p in (("kk", spec.terms.kk), ("ru", spec.terms.ru)) if p}
    phrases = {
        lang: tuple(dict.fromkeys(tuple(morph.phrase_pattern(p, lang)) for p in items))
        for lang, items in written.items()
    }
    return Terms(phrases, written)
