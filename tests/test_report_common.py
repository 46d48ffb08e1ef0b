"""Sample checked drafts for the reporter tests, and tests of the helpers all reporters share.

The samples are built directly from model records (the parser and engine are separate stages);
the draft text is our own, written in the style of a Kazakh amending bill. Other
`test_report_*.py` modules import the builders from here (`tests.test_report_common`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.errors import ConfigError, LawcheckError
from checker.model import (
    LANGUAGES,
    Act,
    Amendment,
    ConstitutionRef,
    FileReport,
    Finding,
    ParseResult,
    ResolutionRef,
    SourceLine,
    Target,
    Unparsed,
)
from checker.report import (
    FORMATS,
    RuleMeta,
    catalogue,
    clean_text,
    line_spans,
    render,
    summarize,
    visible_lines,
)
from checker.report.i18n import STRINGS, citation, format_date, target_label

KK_DRAFT = [
    "Қазақстан Республикасының кейбір заңнамалық актілеріне қылмыстық процесс мәселелері бойынша "
    "өзгерістер енгізу туралы",
    "",
    "1-бап. Қазақстан Республикасының мына заңнамалық актілеріне өзгерістер енгізілсін:",
    "1. 2014 жылғы 4 шілдедегі Қазақстан Республикасының Қылмыстық-процестік кодексіне:",
    "1) 484-баптың екінші бөлігі мынадай редакцияда жазылсын:",
    "«2. Кассациялық шағым тек ауыр және аса ауыр қылмыстар туралы істер бойынша беріледі.»;",
    "2) 485-баптың бірінші бөлігіндегі «сотқа» деген сөз «прокурорға» деген сөзбен ауыстырылсын;",
    "3) 486-бап мынадай мазмұндағы 3-бөлікпен толықтырылсын:",
    "«3. Кассациялық шағымды қарау тәртібі:",
    "1) шағым келіп түскен күннен бастап он жұмыс күні ішінде тіркеледі;",
    "2) тараптарға шағымның көшірмесі жіберіледі;",
    "3) шағым\tтек адвокат арқылы беріледі;",
    "4) сот отырысының уақыты тараптарға хабарланады;",
    "5) қаралған шағым бойынша қаулы шығарылады;",
    "6) қаулының көшірмесі тараптарға табыс етіледі.»;",
    "4) 490-бапта бірдеңе өзгертілсін;",
    "2-бап. Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң "
    "қолданысқа енгізіледі.",
]

CPC = Act(slug="criminal-procedure-code", name="Қылмыстық-процестік кодекс", date="2014-07-04")
R21 = ResolutionRef(number=21, date="2023-07-14", paragraph="4", verdict="conforms-with-position")
C13 = ConstitutionRef(article="13", paragraph="2", edition="1995")

RULE_CASSATION = "cassation-any-offence-category"
RULE_PROSECUTOR = "court-not-prosecutor"
RULE_COUNSEL = "defence-counsel-not-mandatory"
TITLES = {
    RULE_CASSATION: "Кассациялық шағым кез келген санаттағы іс бойынша беріледі",
    RULE_PROSECUTOR: "Сот шешімін прокурор санкциясымен алмастыруға болмайды",
    RULE_COUNSEL: "Қорғаушыны міндетті ету шағым беру құқығын шектемеуі тиіс",
}


def span(line: int, words: str, lines: list[str] = KK_DRAFT) -> tuple[int, int, int]:
    """(line, start, end) of `words` in the sample draft, found in the fixture text itself."""
    start = lines[line - 1].index(words)
    return (line, start, start + len(words))


def amendments() -> tuple[Amendment, ...]:
    return (
        Amendment(id="1.1.1", line=5, end_line=6, col=0, act=CPC, operation="new_wording",
                  target=Target(article="484", part="2"), new=KK_DRAFT[5][1:-2]),
        Amendment(id="1.1.2", line=7, end_line=7, col=0, act=CPC, operation="replace_words",
                  target=Target(article="485", part="1"), old="сотқа", new="прокурорға"),
        Amendment(id="1.1.3", line=8, end_line=15, col=0, act=CPC, operation="supplement",
                  target=Target(article="486", part="3"), new="…"),
    )


def finding(rule: str, severity: str, amendment: Amendment, spans: tuple[tuple[int, int, int], ...],
            **extra: object) -> Finding:
    base = Finding(
        rule=rule,
        severity=severity,
        path="drafts/kpk-2025.txt",
        line=amendment.line,
        end_line=amendment.end_line,
        col=amendment.col,
        amendment=amendment.id,
        message="Жаңа редакция кассациялық шағым беру құқығын қылмыс санатымен шектейді.",
        resolutions=(R21,),
        constitution=(C13,),
        evidence=" … ".join(KK_DRAFT[ln - 1][s:e] for ln, s, e in spans),
        suggestion="Шектеуді алып тастап, кассациялық шағым беру құқығын барлық істерге сақтаңыз.",
        title=TITLES[rule],
        lang="kk",
        fingerprint=f"{rule}:{amendment.id}",
        evidence_spans=spans,
    )
    return replace(base, **extra)  # type: ignore[arg-type]


def kk_report(path: str = "drafts/kpk-2025.txt") -> FileReport:
    """A Kazakh draft with an error, a suppressed warning, a baseline info and an unparsed line."""
    a1, a2, a3 = amendments()
    findings = (
        # Listed out of reading order on purpose: reporters sort.
        finding(RULE_COUNSEL, "info", a3, (span(12, "тек адвокат арқылы"),), baseline=True),
        finding(RULE_CASSATION, "error", a1, (span(6, "тек ауыр және аса ауыр қылмыстар"),)),
        finding(RULE_PROSECUTOR, "warning", a2, (span(7, "«прокурорға»"),),
                suppressed="Прокурор санкциясы уақытша шара ретінде келісілген"),
        finding(RULE_COUNSEL, "warning", a3, (span(12, "тек адвокат арқылы"),),
                fingerprint="counsel-active"),
    )
    findings = tuple(replace(f, path=path) for f in findings)
    result = ParseResult(
        path=path,
        language="kk",
        title=KK_DRAFT[0],
        amendments=(a1, a2, a3),
        unparsed=(Unparsed(line=16, end_line=16, text=KK_DRAFT[15], reason="no operation verb"),),
        lines=tuple(SourceLine(number=i, text=text) for i, text in enumerate(KK_DRAFT, start=1)),
    )
    return FileReport(path=path, language="kk", result=result, findings=findings, lang="kk")


def clean_report(path: str = "drafts/clean.txt") -> FileReport:
    """A draft with one amendment and nothing to report."""
    a1 = amendments()[0]
    result = ParseResult(path=path, language="kk", title=None, amendments=(a1,), unparsed=(),
                         lines=tuple(SourceLine(i, text) for i, text in enumerate(KK_DRAFT[:6], 1)))
    return FileReport(path=path, language="kk", result=result, findings=())


def rule_metas() -> tuple[RuleMeta, ...]:
    return (
        RuleMeta(id=RULE_CASSATION, title=TITLES[RULE_CASSATION],
                 severity="error", help_text="Кассацияға қол жеткізуді қылмыс санатымен шектеуге болмайды.",
                 resolution_label="№ 21-НҚ", full_description="Толық сипаттама."),
        RuleMeta(id=RULE_PROSECUTOR, title=TITLES[RULE_PROSECUTOR],
                 severity="warning", help_text="Сот бақылауы сақталуы тиіс.", resolution_label="№ 21-НҚ"),
    )


# --- tests of the shared helpers -------------------------------------------------------------


def test_summary_counts_only_findings_that_count() -> None:
    s = summarize([kk_report(), clean_report()])
    assert (s.files, s.amendments, s.unparsed) == (2, 4, 1)
    assert s.findings == 2
    assert s.by_severity == {"error": 1, "warning": 1, "info": 0}
    assert (s.suppressed, s.baseline) == (1, 1)


def test_suppressed_and_baseline_finding_counts_once_as_suppressed() -> None:
    report = kk_report()
    both = replace(report.findings[0], suppressed="reason", baseline=True)
    s = summarize([replace(report, findings=(both,))])
    assert (s.findings, s.suppressed, s.baseline) == (0, 1, 0)


def test_catalogue_adds_rules_that_only_findings_know() -> None:
    rules = catalogue(rule_metas(), [kk_report()], "kk")
    assert [r.id for r in rules] == [RULE_CASSATION, RULE_PROSECUTOR, RULE_COUNSEL]
    assert rules[2].resolution_label == "№ 21-НҚ"


@pytest.mark.parametrize("fmt", FORMATS)
def test_unknown_language_is_a_user_error(fmt: str) -> None:
    with pytest.raises(ConfigError):
        render(fmt, [kk_report()], lang="de", rules=rule_metas(), tool_version="0.1.0")


def test_unknown_format_is_a_user_error() -> None:
    with pytest.raises(LawcheckError):
        render("xml", [kk_report()], lang="kk", rules=rule_metas(), tool_version="0.1.0")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_no_files_and_ends_with_newline(fmt: str) -> None:
    out = render(fmt, [], lang="en", rules=(), tool_version="0.1.0")
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_citation_in_each_language() -> None:
    f = kk_report().findings[1]
    assert citation(f, "en") == ("Constitutional Court resolution № 21-НҚ of 2023-07-14, para. 4; "
                                 "Constitution (1995) art. 13 p. 2")
    ru = citation(f, "ru")
    assert "№ 21-НП" in ru and "14.07.2023" in ru and "ст. 13" in ru
    kk = citation(f, "kk")
    assert "№ 21-НҚ" in kk and "13-бап" in kk and "4-тармақ" in kk


def test_early_2023_resolutions_carry_no_suffix_in_citation() -> None:
    f = replace(kk_report().findings[1], resolutions=(ResolutionRef(number=3, date="2023-02-22"),),
                constitution=())
    assert citation(f, "ru").endswith("от 22.02.2023 № 3")


def test_format_date_leaves_odd_dates_alone() -> None:
    assert format_date("2023-07-14") == "14.07.2023"
    assert format_date("2023") == "2023"


def test_target_label_localized() -> None:
    target = Target(article="484-1", part="2", paragraph="1")
    assert target_label(target, "kk") == "484-1-бап, 2-бөлік, 1-тармақ"
    assert target_label(target, "ru") == "ст. 484-1, ч. 2, п. 1"
    assert target_label(target, "en") == target.label()
    assert target_label(Target(), "en") == Target().label()


def test_line_spans_merge_and_clip() -> None:
    spans = ((6, 2, 5), (6, 4, 9), (6, 20, 99), (7, 0, 3))
    f = replace(kk_report().findings[1], evidence_spans=spans)
    assert line_spans(f, 6, 25) == [(2, 9), (20, 25)]
    assert line_spans(f, 6, 40) == [(2, 9), (20, 40)]
    assert line_spans(f, 6, 0) == []
    assert line_spans(f, 7, 40) == [(0, 3)]


def test_line_spans_empty_or_past_the_end_still_mark_one_character() -> None:
    f = replace(kk_report().findings[1], evidence_spans=((6, 30, 30), (6, 50, 60)))
    assert line_spans(f, 6, 40) == [(30, 31), (39, 40)]


@settings(max_examples=200, deadline=None)
@given(
    first=st.integers(1, 500),
    length=st.integers(1, 60),
    focus=st.lists(st.integers(0, 80), max_size=8),
    budget=st.integers(3, 10),
)
def test_visible_lines_properties(first: int, length: int, focus: list[int], budget: int) -> None:
    last = first + length - 1
    focus_lines = [first + f for f in focus]
    shown = visible_lines(first, last, focus_lines, budget)
    numbers = [n for n in shown if n is not None]
    assert numbers == sorted(set(numbers))
    assert numbers[0] == first and numbers[-1] == last
    assert len(numbers) == min(budget, length)
    inside = sorted({n for n in focus_lines if first < n < last})
    if len(inside) <= budget - 2:
        assert set(inside) <= set(numbers)
    # An elision marker stands exactly where lines are missing, never twice in a row.
    for before, marker, after in zip(shown, shown[1:], shown[2:], strict=False):
        if marker is None:
            assert before is not None and after is not None and after > before + 1
    for a, b in pairwise(shown):
        if a is not None and b is not None:
            assert b == a + 1


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_clean_text_keeps_length_and_drops_controls(text: str) -> None:
    cleaned = clean_text(text)
    assert len(cleaned) == len(text)
    assert not any(ord(c) < 0x20 and c not in "\t\n" for c in cleaned)
    cleaned.encode("utf-8")  # lone surrogates would raise here


def test_every_chrome_string_exists_in_every_language_with_the_same_placeholders() -> None:
    placeholder = re.compile(r"\{(\w*)\}")
    for key, forms in STRINGS.items():
        assert set(forms) == set(LANGUAGES), key
        assert all(forms[lang].strip() for lang in LANGUAGES), key
        assert len({tuple(sorted(placeholder.findall(forms[lang]))) for lang in LANGUAGES}) == 1, key
