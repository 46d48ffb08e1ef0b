"""Records that flow between the pipeline stages (read → parse → resolve → check → report).

All are frozen dataclasses so that a stage cannot change what an earlier stage saw.
`to_json()` methods give exactly the DESIGN.md contract (fields may be added, never renamed; see
CHANGELOG.md). Records keep 0-based columns; every output writes them 1-based.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Operation names of the DESIGN contract, plus two extensions (suspend, renumber).
OPERATIONS = (
    "new_wording",
    "supplement",
    "replace_words",
    "insert_words",
    "delete",
    "delete_words",
    "repeal",
    "language_version_unchanged",
    "suspend",
    "renumber",
)

TARGET_LEVELS = ("article", "part", "paragraph", "subparagraph", "indent", "sentence")
SEVERITIES = ("error", "warning", "info")
LANGUAGES = ("kk", "ru", "en")


@dataclass(frozen=True)
class SourceLine:
    """One line of the user's file as a reader sees it (a .docx paragraph or table row is a line)."""

    number: int  # 1-based
    text: str


@dataclass(frozen=True)
class Document:
    """What a reader hands to the parser: the lines of one draft and where they came from."""

    path: str
    lines: tuple[SourceLine, ...]
    kind: str = "txt"  # txt | docx | pdf | html | rtf | odt
    encoding: str | None = None


@dataclass(frozen=True)
class Target:
    """Broad-to-narrow address of the unit an instruction changes; numbers kept as written."""

    article: str | None = None
    part: str | None = None
    paragraph: str | None = None
    subparagraph: str | None = None
    indent: str | None = None
    sentence: str | None = None
    heading: bool = False
    toc: bool = False
    throughout: bool = False
    note: bool = False
    chapter: str | None = None
    preamble: bool = False  # the act's preamble ("преамбулу исключить", "кіріспе алып тасталсын")

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {level: getattr(self, level) for level in TARGET_LEVELS}
        for flag in ("heading", "toc", "throughout", "note", "preamble"):
            if getattr(self, flag):
                data[flag] = True
        if self.chapter is not None:
            data["chapter"] = self.chapter
        return data

    def label(self) -> str:
        """Short human form, e.g. "art. 484, part 2, para. 1"."""
        names = {"article": "art.", "part": "part", "paragraph": "para.", "subparagraph": "subpara.",
                 "indent": "indent", "sentence": "sentence"}
        bits = [f"{names[lvl]} {getattr(self, lvl)}" for lvl in TARGET_LEVELS if getattr(self, lvl)]
        if self.heading:
            bits.append("heading")
        if self.note:
            bits.append("note")
        if self.preamble:
            bits.append("preamble")
        if self.toc:
            bits.insert(0, "table of contents")
        if self.throughout:
            bits.append("throughout the text")
        return ", ".join(bits) or "(whole act)"


@dataclass(frozen=True)
class Act:
    """The act an amendment changes: canonical slug (see DESIGN.md), name as written, ISO date."""

    slug: str
    name: str
    date: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"slug": self.slug, "name": self.name, "date": self.date}


UNKNOWN_ACT = Act(slug="unknown", name="", date=None)


@dataclass(frozen=True)
class Amendment:
    """One amendment instruction, resolved: which act, which unit, what happens, what text."""

    id: str
    line: int
    end_line: int
    col: int
    act: Act
    operation: str
    target: Target
    old: str | None = None
    new: str | None = None
    status: str = "parsed"
    language: str = "kk"
    instruction: str = ""  # the instruction's own words (without the quoted new text)
    position: str | None = None  # insert_words: "after" | "before" | "end"; supplement: "after"
    anchor: Target | None = None  # supplement after a named unit: that unit ("после части второй")
    # Where `new` / `old` start in the user's file (line, col). The texts keep the user's own
    # characters and line breaks, so an offset inside them maps back to (line, col) exactly.
    new_pos: tuple[int, int] | None = field(default=None, compare=False)
    old_pos: tuple[int, int] | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "line": self.line,
            "end_line": self.end_line,
            "col": self.col + 1,  # 1-based in every output, as text and SARIF write it
            "act": self.act.to_json(),
            "operation": self.operation,
            "target": self.target.to_json(),
            "old": self.old,
            "new": self.new,
            "status": self.status,
        }
        if self.position:
            data["position"] = self.position
        if self.anchor is not None:
            data["anchor"] = self.anchor.to_json()
        return data


@dataclass(frozen=True)
class Unparsed:
    """Input the parser could not turn into an amendment or frame, with the reason."""

    line: int
    end_line: int
    text: str
    reason: str
    instruction: bool = False  # it has an operation formula: an amendment the check did not read

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "end_line": self.end_line, "text": self.text, "reason": self.reason,
                "instruction": self.instruction}


@dataclass(frozen=True)
class ParseWarning:
    """Something the parser read but doubts (a quotation never closed, a text transliterated)."""

    line: int
    end_line: int
    code: str  # stable id: unclosed-quote | transliterated | new-text-missing
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "end_line": self.end_line, "code": self.code, "message": self.message}


@dataclass(frozen=True)
class FrameLine:
    """A span that belongs to the bill's frame: title, article heading, act header, signature..."""

    line: int
    end_line: int
    kind: str

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "end_line": self.end_line, "kind": self.kind}


@dataclass(frozen=True)
class ParseResult:
    """Everything `lawcheck parse` knows about one draft."""

    path: str
    language: str
    title: str | None
    amendments: tuple[Amendment, ...]
    unparsed: tuple[Unparsed, ...]
    frame: tuple[FrameLine, ...] = ()
    lines: tuple[SourceLine, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()

    @property
    def not_understood(self) -> int:
        """Unparsed statements that are amendment instructions: the check of this draft is incomplete."""
        return sum(1 for u in self.unparsed if u.instruction)

    @property
    def looks_like_bill(self) -> bool:
        """False when not one line is an amendment instruction, understood or not."""
        return bool(self.amendments) or self.not_understood > 0

    def to_json(self) -> dict[str, Any]:
        data = {
            "path": self.path,
            "language": self.language,
            "title": self.title,
            "amendments": [a.to_json() for a in self.amendments],
            "unparsed": [u.to_json() for u in self.unparsed],
            "frame": [f.to_json() for f in self.frame],
            "not_understood": self.not_understood,
            "looks_like_bill": self.looks_like_bill,
        }
        if self.warnings:  # an extension of the contract: present only when there is one
            data["warnings"] = [w.to_json() for w in self.warnings]
        return data


@dataclass(frozen=True)
class ResolutionStatusRef:
    """Where a resolution stands as of the rule's last review (adopted under which Constitution,
    and whether it is known to keep force after 01.07.2026)."""

    as_of: str  # ISO date of the rule's last review
    adopted_under: str  # "1995" | "2026"
    force: str  # "in-force" | "unconfirmed" | "lost-force"
    source: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"as_of": self.as_of, "adopted_under": self.adopted_under, "force": self.force,
                "source": self.source}


@dataclass(frozen=True)
class ResolutionRef:
    """A normative resolution of the Constitutional Court, cited by number and date."""

    number: int
    date: str  # ISO
    paragraph: str | None = None  # only where a source states it
    verdict: str | None = None
    status: ResolutionStatusRef | None = None

    def label(self, lang: str) -> str:
        """"№ 21-НҚ" in Kazakh, "№ 21-НП" in Russian; numbers 1-11 of 2023 carry no suffix."""
        if self.number <= 11 and self.date.startswith("2023"):
            return f"№ {self.number}"
        return f"№ {self.number}-НП" if lang == "ru" else f"№ {self.number}-НҚ"

    def to_json(self, lang: str) -> dict[str, Any]:
        data: dict[str, Any] = {"number": self.number, "date": self.date, "label": self.label(lang)}
        if self.paragraph is not None:
            data["paragraph"] = self.paragraph
        if self.verdict is not None:
            data["verdict"] = self.verdict
        if self.status is not None:
            data["status"] = self.status.to_json()
        return data


@dataclass(frozen=True)
class Equivalent2026Ref:
    """The same provision in the Constitution in force since 01.07.2026."""

    article: str
    paragraph: str | None = None
    subparagraph: str | None = None
    status: str = "inferred"  # "verified" (seen in a stored text) | "inferred"
    source: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"article": self.article, "paragraph": self.paragraph,
                "subparagraph": self.subparagraph, "edition": "2026", "status": self.status,
                "source": self.source}


@dataclass(frozen=True)
class ConstitutionRef:
    article: str
    paragraph: str | None = None
    edition: str = "1995"
    subparagraph: str | None = None
    status: str | None = None  # 1995: "stated" | "inferred"; 2026: "verified" | "inferred"
    source: str | None = None
    equivalent_2026: Equivalent2026Ref | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"article": self.article, "paragraph": self.paragraph, "edition": self.edition}
        if self.subparagraph is not None:
            data["subparagraph"] = self.subparagraph
        if self.status is not None:
            data["status"] = self.status
        if self.source is not None:
            data["source"] = self.source
        if self.equivalent_2026 is not None:
            data["equivalent_2026"] = self.equivalent_2026.to_json()
        return data


AFTER_UNKNOWN = "\0unknown"  # Finding.wording_after when no act in force showed it


@dataclass(frozen=True)
class Finding:
    """One rule × one amendment: the conflict, where it is, and what the Court said."""

    rule: str
    severity: str
    path: str
    line: int
    end_line: int
    col: int
    amendment: str
    message: str
    resolutions: tuple[ResolutionRef, ...]
    constitution: tuple[ConstitutionRef, ...]
    evidence: str
    suggestion: str
    title: str = ""
    lang: str = "kk"
    fingerprint: str = ""
    suppressed: str | None = None  # the written reason, when a suppression applies
    baseline: bool = False  # True when the finding is already in the baseline
    evidence_spans: tuple[tuple[int, int, int], ...] = field(default=(), compare=False)
    # (line, start_col, end_col) of the triggering words in the user's file
    effect: str = ""  # the effect of the shared catalogue that was found ("" for word rules)
    # with the act in force: the amended unit's wording once the whole bill is applied
    # (None: the bill removes the unit); AFTER_UNKNOWN without an act, or where it was not applied
    wording_after: str | None = field(default=AFTER_UNKNOWN, compare=False)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "line": self.line,
            "end_line": self.end_line,
            "amendment": self.amendment,
            "message": self.message,
            "resolutions": [r.to_json(self.lang) for r in self.resolutions],
            "constitution": [c.to_json() for c in self.constitution],
            "evidence": self.evidence,
            "suggestion": self.suggestion,
        }
        data["col"] = self.col + 1  # 1-based in every output; the record keeps 0-based columns
        data["title"] = self.title
        if self.effect:
            data["effect"] = self.effect
        if self.wording_after != AFTER_UNKNOWN:
            data["wording_after"] = self.wording_after
        data["fingerprint"] = self.fingerprint
        if self.suppressed is not None:
            data["suppressed"] = {"reason": self.suppressed}
        if self.baseline:
            data["baseline"] = True
        return data


@dataclass(frozen=True)
class FileReport:
    """One checked draft: its parse result and its findings, ready for a reporter."""

    path: str
    language: str
    result: ParseResult
    findings: tuple[Finding, ...]
    lang: str = "kk"  # language of the messages
    # the amended acts whose text in force was not given (--act): what needed it did not run
    acts_not_given: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data = {
            "path": self.path,
            "language": self.language,
            "amendments": len(self.result.amendments),
            "unparsed": [u.to_json() for u in self.result.unparsed],
            "findings": [f.to_json() for f in self.findings],
            "not_understood": self.result.not_understood,
            "looks_like_bill": self.result.looks_like_bill,
        }
        if self.result.warnings:
            data["warnings"] = [w.to_json() for w in self.result.warnings]
        if self.acts_not_given:
            data["acts_not_given"] = list(self.acts_not_given)
        return data
