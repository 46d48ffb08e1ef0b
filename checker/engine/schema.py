"""The rule-file format as pydantic models: the single source of truth for validation and schema.

`rules/schema.json` is exported from `RuleSpec` (`python -m checker.engine.schema`), so editors,
`lawcheck rules validate` and the engine all read the same definition. Models are strict: YAML's
surprises (`no` read as a boolean, `1.10` read as a float) are errors, not silent conversions.
Article and paragraph numbers may be written unquoted (`484`) and are kept as text.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from checker.model import OPERATIONS

RULE_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# Operations whose examples need `old` (the words that go).
OLD_REQUIRED = ("replace_words", "delete_words")
# Operations without arriving text: an example's `text` is not used.
NO_NEW_TEXT = ("delete_words", "delete", "repeal", "renumber", "language_version_unchanged")
CONDITION_KEYS = ("terms", "all", "any", "not", "near", "sentence", "regex", "concept")
POSITIONAL_KEYS = ("terms", "regex", "concept")
CONCEPT_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# The shared catalogue of effects (checker/engine/effects.py implements each once).
EFFECTS = (
    "denies-access", "final-decision", "narrows-group", "subordinates-interest",
    "replaces-regime", "automatic-consequence", "lasting-bar", "removes-guarantee",
    "adds-to-restrictive-list", "restricts",
)
# The parameters of an effect that name concepts, in the order explain and the catalogue show them.
EFFECT_CONCEPT_KEYS = ("by", "members", "whole", "protected", "required", "instead", "guarantee")

Operation = Literal[OPERATIONS]  # type: ignore[valid-type]
Severity = Literal["error", "warning", "info"]
Verdict = Literal[
    "unconstitutional", "partly-unconstitutional", "conforms", "conforms-in-interpretation",
    "conforms-with-position", "interpretation", "unknown",
]


def located(at: str, message: str) -> PydanticCustomError:
    """An error for a cross-field check; `at` is the dotted key path the loader points at."""
    return PydanticCustomError("lawcheck", "{message}", {"message": message, "at": at})


def _number_as_text(value: Any) -> Any:
    """`484` and `"484"` mean the same article; a bool or float is left for the strict check."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


NumberText = Annotated[
    str,
    BeforeValidator(_number_as_text),
    Field(pattern=r"^[0-9]+(?:[-.][0-9]+)*$"),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"^[0-9]+(?:[-.][0-9]+)*$"},
                              {"type": "integer", "minimum": 0}]}),
]
NonEmptyText = Annotated[str, Field(min_length=1, pattern=r"\S")]


def _check_date(value: str) -> str:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("date", "not a real date: {value} (write YYYY-MM-DD)",
                                  {"value": value}) from None
    return value


IsoDate = Annotated[
    str,
    Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
    AfterValidator(_check_date),
    WithJsonSchema({"type": "string", "format": "date"}),
]


def _check_act(slug: str) -> str:
    """Only slugs of the act registry (grammar/acts.yaml) are valid."""
    from checker.parsing.acts import known_slugs

    registry = known_slugs()
    if slug not in registry:
        close = difflib.get_close_matches(slug, sorted(registry), n=3, cutoff=0.5)
        hint = f"; closest: {', '.join(close)}" if close else ""
        raise PydanticCustomError(
            "act", "unknown act slug {slug}{hint} (a new act must first be added to grammar/acts.yaml)",
            {"slug": repr(slug), "hint": hint})
    return slug


ActSlug = Annotated[str, AfterValidator(_check_act)]

_WORD = re.compile(r"^(=)?([^\W_](?:[\w-]*[^\W_])?)(\*)?$")


def _check_phrase(phrase: str) -> str:
    """Phrase syntax: words of letters/digits/hyphens; `=word` exact, `prefix*` a prefix."""
    words = phrase.split()
    if not words:
        raise PydanticCustomError("phrase", "an empty phrase")
    for word in words:
        found = _WORD.match(word)
        if not found:
            raise PydanticCustomError(
                "phrase", "invalid word {word} in phrase {phrase}: a word holds letters, digits "
                "and hyphens, optionally `=` before it (exact form) or `*` after it (prefix)",
                {"word": repr(word), "phrase": repr(phrase)})
        exact, stem, star = found.groups()
        if exact and star:
            raise PydanticCustomError("phrase", "word {word} cannot be both exact (=) and a prefix (*)",
                                      {"word": repr(word)})
        shortest = 3 if len(words) == 1 else 2  # beside other words a short prefix is safe
        if star and len(stem) < shortest:
            raise PydanticCustomError("phrase", "prefix {word} is too short: write at least {n} "
                                      "letters before *", {"word": repr(word), "n": shortest})
    return " ".join(words)


Phrase = Annotated[str, AfterValidator(_check_phrase)]


def _check_pattern(pattern: str) -> str:
    from checker.engine.regex import compile_regex  # one place knows RE2

    try:
        compile_regex(pattern)
    except ValueError as exc:
        raise PydanticCustomError("regex", "invalid RE2 pattern {pattern}: {reason}",
                                  {"pattern": repr(pattern), "reason": str(exc)}) from None
    return pattern


Pattern = Annotated[str, Field(min_length=1), AfterValidator(_check_pattern)]


class StrictModel(BaseModel):
    """Unknown keys and loose types are errors: a typo must not silently disable a rule."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Texts(StrictModel):
    """A text in all three report languages."""

    kk: NonEmptyText
    ru: NonEmptyText
    en: NonEmptyText


class Suggestion(StrictModel):
    """A compliant wording; English is optional (reports fall back to the draft's language)."""

    kk: NonEmptyText
    ru: NonEmptyText
    en: NonEmptyText | None = None


# The 1995 Constitution ceased and the 2026 one took effect on this day (2026 Art. 94(1)).
NEW_CONSTITUTION_IN_FORCE = "2026-07-01"
Edition = Annotated[Literal["1995", "2026"], BeforeValidator(_number_as_text)]


class ResolutionStatus(StrictModel):
    """Where a resolution stands as of the rule's last review: which Constitution it was adopted
    under and whether it is known to keep force under the Constitution in force since 01.07.2026."""

    as_of: IsoDate  # the rule's last review date
    adopted_under: Edition
    # in-force: a source confirms it keeps force after 01.07.2026; lost-force: a source says it
    # lapsed or was revised; unconfirmed: no source either way
    force: Literal["in-force", "unconfirmed", "lost-force"]
    source: NonEmptyText  # what the status rests on (a URL, or what was searched and not found)


class Resolution(StrictModel):
    number: int = Field(ge=1, le=9999)
    date: IsoDate
    # printed as a pinpoint ("…, п. 4") only because a source states it: `paragraph_source`
    paragraph: NumberText | None = None
    paragraph_source: NonEmptyText | None = None
    verdict: Verdict = "unknown"
    verdict_source: NonEmptyText | None = None  # required for any verdict but unknown
    # where the number, date and subject come from (every shipped rule gives it; a test checks)
    source: NonEmptyText | None = None
    # as of the rule's last review (every shipped rule gives it; a test checks)
    status: ResolutionStatus | None = None

    @model_validator(mode="after")
    def _sourced(self) -> Resolution:
        if self.paragraph is None and self.paragraph_source is not None:
            raise located("paragraph_source", "`paragraph_source` without `paragraph`")
        adopted = "2026" if self.date >= NEW_CONSTITUTION_IN_FORCE else "1995"
        if self.status is not None and self.status.adopted_under != adopted:
            raise located("status.adopted_under", f"a resolution of {self.date} was adopted under "
                          f"the {adopted} Constitution")
        return self


class Equivalent2026(StrictModel):
    """Where the 1995 provision stands in the Constitution in force since 01.07.2026."""

    article: NumberText
    paragraph: NumberText | None = None
    subparagraph: NumberText | None = None
    # verified: a stored text quotes or paraphrases the 2026 provision under this number;
    # inferred: derived (numbering offsets), not seen
    status: Literal["verified", "inferred"]
    source: NonEmptyText  # URL of the stored text, or the basis of the inference
    note: NonEmptyText | None = None  # how the wording changed, where known


class ConstitutionArticle(StrictModel):
    article: NumberText
    paragraph: NumberText | None = None
    subparagraph: NumberText | None = None
    edition: Edition = "1995"
    # 1995 references: stated (a source says the resolution relied on it) or inferred (our
    # reading). 2026 references: verified (seen in a stored text) or inferred.
    status: Literal["stated", "verified", "inferred"] | None = None
    source: NonEmptyText | None = None
    # the same provision in the 2026 Constitution, where anything is known; left out otherwise
    equivalent_2026: Equivalent2026 | None = None

    @model_validator(mode="after")
    def _sourced(self) -> ConstitutionArticle:
        if self.edition == "2026" and (self.status is None or self.source is None):
            missing = " and ".join(f"`{key}`" for key in ("status", "source")
                                   if getattr(self, key) is None)
            raise located("status" if self.status is None else "source",
                          f"a 2026 Constitution reference needs {missing} (status: verified or "
                          "inferred; source: the URL of the stored text, or the basis)")
        if self.edition == "2026":
            if self.status == "stated":
                raise located("status", "a 2026 reference is verified (seen in a stored text) or "
                              "inferred, not stated")
            if self.equivalent_2026 is not None:
                raise located("equivalent_2026", "a 2026 reference is itself the 2026 article")
        elif self.status == "verified":
            raise located("status", "a 1995 reference is stated (a source says the resolution "
                          "relied on it) or inferred; `verified` is for 2026 articles")
        return self


class Scope(StrictModel):
    """Where a rule looks; a key left out means "any"."""

    acts: list[ActSlug] | None = Field(default=None, min_length=1)
    articles: list[NumberText] | None = Field(default=None, min_length=1)
    operations: list[Operation] | None = Field(default=None, min_length=1)


class LangPhrases(StrictModel):
    kk: list[Phrase] | None = Field(default=None, min_length=1)
    ru: list[Phrase] | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _some_language(self) -> LangPhrases:
        if self.kk is None and self.ru is None:
            raise PydanticCustomError("lawcheck", "give phrases for kk, ru or both")
        return self


class LangPatterns(StrictModel):
    kk: Pattern | None = None
    ru: Pattern | None = None

    @model_validator(mode="after")
    def _some_language(self) -> LangPatterns:
        if self.kk is None and self.ru is None:
            raise PydanticCustomError("lawcheck", "give a pattern for kk, ru or both")
        return self


ConceptId = Annotated[str, Field(pattern=CONCEPT_ID_PATTERN, max_length=80)]


class TermsCondition(StrictModel):
    terms: LangPhrases


class ConceptCondition(StrictModel):
    """Any of the named shared concepts (rules/concepts/) occurs in the text."""

    concept: list[ConceptId] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _one_or_many(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("concept"), str):
            return {**data, "concept": [data["concept"]]}
        return data


class RegexCondition(StrictModel):
    regex: LangPatterns


class AllCondition(StrictModel):
    all_: list[Condition] = Field(alias="all", min_length=1)


class AnyCondition(StrictModel):
    any_: list[Condition] = Field(alias="any", min_length=1)


class NotCondition(StrictModel):
    not_: Condition = Field(alias="not")


class NearSpec(StrictModel):
    within: int = Field(ge=1, le=100)
    of: list[PositionalCondition] = Field(min_length=2)


class NearCondition(StrictModel):
    near: NearSpec


class SentenceCondition(StrictModel):
    sentence: list[PositionalCondition] = Field(min_length=2)


def _condition_tag(allowed: tuple[str, ...]) -> Any:
    """The union tag: the one condition key of a mapping, or the key of an already built model."""

    def tag(value: Any) -> str | None:
        if isinstance(value, dict):
            keys = [key for key in value if key in allowed]
            return str(keys[0]) if len(keys) == 1 else None
        return _TAGS.get(type(value))  # serialising a validated rule

    return tag


_TAGS: dict[type, str] = {
    TermsCondition: "terms", AllCondition: "all", AnyCondition: "any", NotCondition: "not",
    NearCondition: "near", SentenceCondition: "sentence", RegexCondition: "regex",
    ConceptCondition: "concept",
}
Condition = Annotated[
    Union[
        Annotated[TermsCondition, Tag("terms")],
        Annotated[AllCondition, Tag("all")],
        Annotated[AnyCondition, Tag("any")],
        Annotated[NotCondition, Tag("not")],
        Annotated[NearCondition, Tag("near")],
        Annotated[SentenceCondition, Tag("sentence")],
        Annotated[RegexCondition, Tag("regex")],
        Annotated[ConceptCondition, Tag("concept")],
    ],
    Discriminator(
        _condition_tag(CONDITION_KEYS),
        custom_error_type="condition",
        custom_error_message="a condition is a mapping with exactly one of the keys "
        + ", ".join(CONDITION_KEYS),
    ),
]
PositionalCondition = Annotated[
    Union[Annotated[TermsCondition, Tag("terms")], Annotated[RegexCondition, Tag("regex")],
          Annotated[ConceptCondition, Tag("concept")]],
    Discriminator(
        _condition_tag(POSITIONAL_KEYS),
        custom_error_type="condition",
        custom_error_message="near and sentence take terms, regex or concept conditions only",
    ),
]


class UnitRef(StrictModel):
    """A unit of an act in force: the whole act, an article, or a part / paragraph / subparagraph."""

    act: ActSlug
    article: NumberText | None = None
    part: NumberText | None = None
    paragraph: NumberText | None = None
    subparagraph: NumberText | None = None


class Topic(StrictModel):
    """What a provision must be about: a concept in its text or its context, or a known unit."""

    concepts: list[ConceptId] = Field(default_factory=list)
    units: list[UnitRef] = Field(default_factory=list)
    # every one of these must be present too (in the text or the unit's context)
    requires: list[ConceptId] = Field(default_factory=list)

    @model_validator(mode="after")
    def _something(self) -> Topic:
        if not (self.concepts or self.units or self.requires):
            raise located("", "a topic names `concepts`, `units` or `requires`")
        return self


class ForbiddenEffect(StrictModel):
    """One effect of the shared catalogue that conflicts with the position, with its parameters."""

    effect: Literal[EFFECTS]  # type: ignore[valid-type]
    # the effect must bear on one of these concepts (they stand in its clause)
    by: list[ConceptId] = Field(default_factory=list)
    # narrows-group: the parts of the protected group, and names of the whole group
    members: list[ConceptId] = Field(default_factory=list)
    whole: list[ConceptId] = Field(default_factory=list)
    # narrows-group: a part left out counts only where the named parts are given a right
    # ("вправе", "құқылы"): naming a category for a procedural detail leaves no one out
    granted: bool = False
    # subordinates-interest: the interest the Court puts first
    protected: list[ConceptId] = Field(default_factory=list)
    # replaces-regime: the regime that must stay, and what must not take its place
    required: list[ConceptId] = Field(default_factory=list)
    instead: list[ConceptId] = Field(default_factory=list)
    # removes-guarantee: the concepts that hold the guarantee
    guarantee: list[ConceptId] = Field(default_factory=list)
    within: int = Field(default=12, ge=1, le=60)

    @model_validator(mode="after")
    def _parameters(self) -> ForbiddenEffect:
        needs = {"narrows-group": "members", "replaces-regime": "required",
                 "removes-guarantee": "guarantee", "subordinates-interest": "protected"}
        key = needs.get(self.effect)
        if key and not getattr(self, key):
            raise located(key, f"effect {self.effect} needs `{key}`")
        return self


class Example(StrictModel):
    """A provision the rule must report (conflict) or must not report (comply)."""

    lang: Literal["kk", "ru"]
    text: NonEmptyText | None = None
    operation: Operation = "new_wording"
    act: ActSlug | None = None
    article: NumberText | None = None
    part: NumberText | None = None
    paragraph: NumberText | None = None
    subparagraph: NumberText | None = None
    old: NonEmptyText | None = None
    position: Literal["after", "before", "end"] | None = None

    @model_validator(mode="after")
    def _fields_for_operation(self) -> Example:
        if self.operation in OLD_REQUIRED and self.old is None:
            raise located("old", f"a {self.operation} example needs `old` (the words that go)")
        if self.operation == "insert_words" and self.position != "end" and self.old is None:
            raise located("old", "an insert_words example needs `old` (the anchor words)")
        if self.operation not in NO_NEW_TEXT and self.text is None:
            raise located("text", f"a {self.operation} example needs `text` (the words that arrive)")
        return self


class Examples(StrictModel):
    conflict: list[Example] = Field(default_factory=list)
    comply: list[Example] = Field(default_factory=list)


class RuleSpec(StrictModel):
    """One legal position of the Constitutional Court (one file `rules/<id>.yaml`)."""

    id: str = Field(pattern=RULE_ID_PATTERN, max_length=80)
    title: Texts
    resolution: Resolution
    # Other resolutions that state the same position (№ 4 and № 38-НҚ on civil-service bars):
    # a finding cites them after the main one.
    also_cites: list[Resolution] = Field(default_factory=list)
    constitution: list[ConstitutionArticle] = Field(default_factory=list)
    severity: Severity = "error"
    kind: Literal["conflict", "upheld"] = "conflict"
    scope: Scope = Field(default_factory=Scope)
    match: Condition | None = None
    unless: Condition | None = None
    topic: Topic | None = None
    forbidden: list[ForbiddenEffect] | None = Field(default=None, min_length=1)
    complies: list[ConceptId] = Field(default_factory=list)
    removed: Condition | None = None
    added: Condition | None = None
    message: Texts | None = None
    suggestion: Suggestion | None = None
    notes: str | None = None
    examples: Examples = Field(default_factory=Examples)

    @model_validator(mode="after")
    def _complete(self) -> RuleSpec:
        if self.kind == "upheld":
            if self.examples.conflict:
                raise located("examples.conflict", "an upheld position reports nothing, so it has "
                              "no conflict examples (its comply examples run against every rule)")
            return self
        if self.message is None:
            raise located("", "missing required key `message` (kk, ru, en)")
        has_condition = any(c is not None for c in (self.match, self.removed, self.added,
                                                     self.forbidden))
        if not has_condition and not (self.scope.articles and self.scope.operations):
            raise located("", "a conflict rule needs `forbidden`, `match`, `removed` or `added`, "
                          "or a scope naming both `articles` and `operations`")
        return self


# The models build their validators on first use (`defer_build`): a rule base loaded from the
# cache (checker/engine/cache.py) never validates, so it never pays for them. The recursive
# condition models resolve their forward references then, from this module's namespace.


_MODELS: tuple[type[BaseModel], ...] = (
    RuleSpec, Texts, Suggestion, Resolution, ResolutionStatus, ConstitutionArticle, Equivalent2026,
    Scope, LangPhrases, LangPatterns,
    TermsCondition, RegexCondition, AllCondition, AnyCondition, NotCondition, NearSpec,
    NearCondition, SentenceCondition, ConceptCondition, UnitRef, Topic, ForbiddenEffect,
    Example, Examples,
)


def known_keys() -> frozenset[str]:
    """Every key the format knows, to suggest the right one for a typo."""
    return frozenset(info.alias or name for model in _MODELS for name, info in model.model_fields.items())


def json_schema() -> dict[str, Any]:
    """The JSON Schema editors use to complete and check rule files."""
    schema = RuleSpec.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    print(json_schema_text(), end="")
