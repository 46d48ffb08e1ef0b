"""What text each part of a rule sees for one amendment (the table in docs/rules.md).

A rule never reads a whole provision when only words change: `replace_words` shows `match` the
words that arrive and `removed` the words that go. A `TextView` is that text, tokenised once,
with caches the conditions share, and a map from its offsets back to the user's line and column
(the amendment's texts keep the user's own line breaks, so counting "\\n" is exact).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checker.model import Amendment

if TYPE_CHECKING:
    from checker.morph import Token

# Which amendment text each rule part sees, per operation: "new", "old", "insert" (the anchor
# and the inserted words in order) or absent: the part sees an empty text, on which `terms`
# and `regex` do not hold (and `not` of them does).
# A new wording or a deletion of a whole unit has "old" words only when the act in force was
# supplied (checker/acts/context.py fills them in): then the rules see what goes.
EFFECTIVE: dict[str, dict[str, str]] = {
    "new_wording": {"match": "new", "removed": "old", "added": "new"},
    "delete": {"removed": "old"},
    "repeal": {"removed": "old"},
    "supplement": {"match": "new", "added": "new"},
    "suspend": {"match": "new", "added": "new"},
    "replace_words": {"match": "new", "removed": "old", "added": "new"},
    "insert_words": {"match": "insert", "added": "new"},
    "delete_words": {"removed": "old"},
}
PARTS = ("match", "removed", "added")
# operations that take words away without bringing a new text of the unit: a rule that says
# what complies sees them even outside its listed scope (Rule.taking_operations)
TAKING_OPERATIONS = ("replace_words", "delete_words", "delete", "repeal")


def takes_words(amendment: Amendment) -> bool:
    """The amendment takes words of the provision in force away: replaced or deleted words, or
    (with the act in force) the wording of a unit that a new wording or a deletion replaces."""
    return "removed" in EFFECTIVE.get(amendment.operation, {}) and bool(amendment.old)


@dataclass(frozen=True)
class Segment:
    """A piece of the view's text that lies contiguously in the user's file."""

    base: int  # offset of the piece in the view's text
    text: str
    origin: tuple[int, int] | None  # (line, col) of its first character in the user's file


@dataclass
class TextView:
    """One effective text of one amendment, tokenised once; conditions memoise into `memo`."""

    lang: str
    text: str
    words: Sequence[Token]  # morph tokens: folded word, offsets into `text`, sentence number
    segments: tuple[Segment, ...]
    types: dict[str, list[int]] = field(default_factory=dict)  # word text -> word indexes
    memo: dict[Any, Any] = field(default_factory=dict)
    _starts: list[int] | None = None  # word start offsets, for word_at (built on first use)
    _sorted: list[str] | None = None  # distinct words in order, for words_starting (the same)
    _by_lemma: dict[str, list[str]] | None = None
    _folded: str | None = None

    def __post_init__(self) -> None:
        types = self.types
        for index, word in enumerate(self.words):
            found = types.get(word.text)
            if found is None:
                types[word.text] = [index]
            else:
                found.append(index)

    @property
    def folded(self) -> str:
        """The text in matching form (same length), for regex conditions."""
        if self._folded is None:
            from checker import morph

            self._folded = morph.fold(self.text)
        return self._folded

    def by_lemma(self) -> dict[str, list[str]]:
        """Lemma -> the view's distinct words that can be a form of it (built on first use)."""
        if self._by_lemma is None:
            from checker import morph

            index: dict[str, list[str]] = {}
            for word in self.types:
                for lemma in morph.lemmas(word, self.lang):
                    index.setdefault(lemma, []).append(word)
            self._by_lemma = index
        return self._by_lemma

    def words_starting(self, prefix: str) -> list[str]:
        """The view's distinct words that begin with `prefix`."""
        if self._sorted is None:
            self._sorted = sorted(self.types)
        words = self._sorted
        found = []
        for i in range(bisect.bisect_left(words, prefix), len(words)):
            if not words[i].startswith(prefix):
                break
            found.append(words[i])
        return found

    def word_at(self, offset: int) -> int | None:
        """Index of the first word that ends after `offset` (the word a match begins in)."""
        if self._starts is None:
            self._starts = [word.start for word in self.words]
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and self.words[index].end > offset:
            return index
        index += 1
        return index if index < len(self.words) else None

    def surface(self, start: int, end: int) -> str:
        """The words as the user wrote them, on one line."""
        return " ".join(self.text[start:end].split())

    def spans(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(line, start_col, end_col) pieces of [start, end) in the user's file, one per line."""
        result: list[tuple[int, int, int]] = []
        for segment in self.segments:
            lo, hi = max(start, segment.base), min(end, segment.base + len(segment.text))
            if lo >= hi or segment.origin is None:
                continue
            result.extend(_line_spans(segment, lo - segment.base, hi - segment.base))
        return result


def _line_spans(segment: Segment, lo: int, hi: int) -> Iterable[tuple[int, int, int]]:
    line, col = segment.origin  # type: ignore[misc]
    text = segment.text
    before = text.count("\n", 0, lo)
    line += before
    start_col = lo - (text.rfind("\n", 0, lo) + 1) if before else col + lo
    piece = text[lo:hi]
    for offset, chunk in enumerate(piece.split("\n")):
        if offset:
            line += 1
            start_col = 0
        if chunk:
            yield (line, start_col, start_col + len(chunk))


def build_view(parts: list[tuple[str, tuple[int, int] | None]], lang: str) -> TextView:
    """Tokenise the pieces as one text joined by spaces, so a phrase can run across them."""
    from checker import morph

    if not parts:
        return TextView(lang=lang, text="", words=(), segments=())
    segments: list[Segment] = []
    base = 0
    for text, origin in parts:
        segments.append(Segment(base, text, origin))
        base += len(text) + 1
    joined = " ".join(text for text, _ in parts)
    folded = morph.fold(joined)  # once: the tokens and the regex conditions share it
    return TextView(lang=lang, text=joined, words=morph.tokenize(joined, folded),
                    segments=tuple(segments), _folded=folded)


class AmendmentTexts:
    """The views of one amendment, built on first use and shared by every rule."""

    def __init__(self, amendment: Amendment):
        self.amendment = amendment
        self.lang = amendment.language if amendment.language in ("kk", "ru") else "ru"
        self._views: dict[str, TextView | None] = {}
        self._by_part: dict[str, TextView] = {}
        self.shared: dict[Any, Any] = {}  # per-amendment facts every rule reuses (units in force)
        self.takes_words = takes_words(amendment)

    @property
    def brings_text(self) -> bool:
        """Whether the operation brings text of its own (what `match` and `unless` read)."""
        return self.source("match") is not None

    def source(self, part: str) -> str | None:
        """Which text `part` (match / removed / added) sees: "new", "old", "insert" or None."""
        return EFFECTIVE.get(self.amendment.operation, {}).get(part)

    def view(self, part: str) -> TextView:
        """The view `part` sees; an empty view when the operation gives it nothing."""
        found = self._by_part.get(part)
        if found is None:
            kind = self.source(part) or "nothing"
            found = self._views.get(kind)
            if found is None:
                found = self._views[kind] = self._build(kind) or build_view([], self.lang)
            self._by_part[part] = found
        return found

    def _build(self, kind: str) -> TextView | None:
        a = self.amendment
        if kind == "nothing":
            return None
        new = (a.new, a.new_pos) if a.new and a.new.strip() else None
        old = (a.old, a.old_pos) if a.old and a.old.strip() else None
        if kind == "new":
            parts = [new]
        elif kind == "old":
            parts = [old]
        elif a.position == "before":
            parts = [new, old]
        else:  # "after", or "end" (no anchor)
            parts = [old, new]
        present = [part for part in parts if part is not None]
        if kind == "insert" and new is None:
            return None
        if not present:
            return None
        return build_view(present, self.lang)  # type: ignore[arg-type]
