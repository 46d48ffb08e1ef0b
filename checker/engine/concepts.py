"""Testing shared concepts: every example must match its concept, every not-example must not.

`python -m checker.engine.concepts [FILE ...]` (and `lawcheck rules test` through
`concept_failures`) reads rules/concepts/ and reports format errors as file:line:col and each
failing example as `file:line:col: concept X: example must match: "…"`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from checker.engine.conditions import WordMatcher
from checker.engine.effective import build_view
from checker.engine.knowledge import Knowledge, read_knowledge


@dataclass(frozen=True)
class ConceptFailure:
    concept: str
    where: str
    lang: str
    text: str
    expected: bool  # True: should have matched

    def __str__(self) -> str:
        want = "must match" if self.expected else "must not match"
        return f"{self.where}: concept {self.concept}: {self.lang} example {want}: \"{self.text}\""


def concept_failures(knowledge: Knowledge, only: set[str] | None = None) -> list[ConceptFailure]:
    """Every example of every concept (or of the files in `only`) that does not behave."""
    matcher = WordMatcher()
    failures: list[ConceptFailure] = []
    for concept_id, spec in knowledge.specs.items():
        where = knowledge.where[concept_id]
        if only is not None and where.split(":")[0] not in only:
            continue
        node = knowledge.concepts[concept_id]
        for expected, texts in ((True, spec.examples), (False, spec.not_examples)):
            for lang in ("kk", "ru"):
                for text in getattr(texts, lang):
                    view = build_view([(text, None)], lang)
                    if bool(node.occurrences(view, matcher)) != expected:
                        failures.append(ConceptFailure(concept_id, where, lang, text, expected))
    return failures


def main(argv: list[str]) -> int:
    knowledge, errors = read_knowledge()
    only = {str(Path(a)) for a in argv} or None
    for error in errors:
        print(error)
    failures = concept_failures(knowledge, only)
    for failure in failures:
        print(failure)
    total = sum(len(getattr(s.examples, l)) + len(getattr(s.not_examples, l))
                for s in knowledge.specs.values() for l in ("kk", "ru"))
    print(f"{len(knowledge.specs)} concepts, {total} examples, {len(failures)} failing, "
          f"{len(errors)} format errors")
    return 1 if failures or errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
