"""The shared-knowledge files as pydantic models: concepts, units in force, effect markers.

Like the rule models, these are strict (a typo is an error, not a silent gap) and are exported
as JSON Schemas for editors (`rules/schema-concepts.json`, `rules/schema-units.json`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, RootModel, model_validator
from pydantic_core import PydanticCustomError

from checker.engine.schema import (
    CONCEPT_ID_PATTERN,
    ConceptId,
    ActSlug,
    LangPatterns,
    LangPhrases,
    NonEmptyText,
    NumberText,
    Phrase,
    StrictModel,
)





class LangTexts(StrictModel):
    """Sentences in both drafting languages (a concept's tests)."""

    kk: list[NonEmptyText] = Field(min_length=1)
    ru: list[NonEmptyText] = Field(min_length=1)


class ConceptSpec(StrictModel):
    """One shared concept: what a provision can be about, in all the ways it is named."""

    en: NonEmptyText
    terms: LangPhrases | None = None
    regex: LangPatterns | None = None
    includes: list[ConceptId] = Field(default_factory=list)
    examples: LangTexts
    not_examples: LangTexts
    source: NonEmptyText | None = None

    @model_validator(mode="after")
    def _has_words(self) -> ConceptSpec:
        if self.terms is None and self.regex is None and not self.includes:
            raise PydanticCustomError("lawcheck", "a concept needs `terms`, `regex` or `includes`")
        return self


class ConceptFile(RootModel[dict[ConceptId, ConceptSpec]]):
    """A file of concepts: `id: {…}` mappings."""

    model_config = ConfigDict(defer_build=True)  # built on first validation, never from the cache


class UnitSpec(StrictModel):
    """One unit of an act in force that a position concerns (our own summary, with its source)."""

    article: NumberText | None = None
    part: NumberText | None = None
    paragraph: NumberText | None = None
    subparagraph: NumberText | None = None
    governs: NonEmptyText
    concepts: list[ConceptId] = Field(default_factory=list)
    lead_in: Literal["restrictive", "permissive"] | None = None
    guarantee: list[ConceptId] = Field(default_factory=list)
    source: NonEmptyText

    @model_validator(mode="after")
    def _located(self) -> UnitSpec:
        if not (self.article or self.part or self.paragraph or self.subparagraph):
            raise PydanticCustomError("lawcheck", "a unit names its article, part, paragraph "
                                      "or subparagraph")
        return self


class UnitFile(StrictModel):
    """The known units of one act."""

    act: ActSlug
    units: list[UnitSpec] = Field(min_length=1)


MarkerKind = Literal[
    "negation", "ban", "permission", "focus", "exception", "finality", "priority", "duration",
    "automatic", "guarantee", "delay", "lapse", "levelling", "exclusion", "past", "inclusion",
    "optional", "condition", "conditional", "absence", "event", "disregard", "bound", "about", "decides",
    "duty", "duty_denied",
]


class MarkerSet(StrictModel):
    """The words of one marker kind in one language: phrases, plus optional RE2 word patterns."""

    phrases: list[Phrase] = Field(default_factory=list)
    word_regex: list[NonEmptyText] = Field(default_factory=list)


class LangMarkers(StrictModel):
    kk: MarkerSet
    ru: MarkerSet


class EffectsFile(StrictModel):
    """rules/effects/markers.yaml: the markers the effect detectors read, per kind and language."""

    markers: dict[MarkerKind, LangMarkers]
    # words that look like a marker but are not (e.g. "қарамастан" is a guarantee, not a negation)
    not_markers: dict[Literal["kk", "ru"], list[Phrase]] = Field(default_factory=dict)
