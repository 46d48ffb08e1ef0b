"""Legal-technical findings: an instruction that cannot be carried out on the act in force as written.

Each rule has a stable id, a severity and a message in kk, ru and en; the findings are ordinary
`Finding` records, so every report format, the gate, suppressions and baselines treat them as they
treat the Court-position rules. They cite no resolution: they are about drafting technique.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checker.acts.apply import Issue
from checker.model import Finding


@dataclass(frozen=True)
class TechRule:
    id: str
    severity: str
    title: dict[str, str]
    message: dict[str, str]
    upheld: bool = False

    @property
    def spec(self) -> TechRule:  # what checker.cli.check.rule_metas reads (title, message, resolution)
        return self

    resolution = None
    suggestion = None


def _rule(rule_id: str, severity: str, title: tuple[str, str, str], message: tuple[str, str, str]) -> TechRule:
    return TechRule(rule_id, severity, dict(zip(("kk", "ru", "en"), title)), dict(zip(("kk", "ru", "en"), message)))


TECH_RULES: dict[str, TechRule] = {r.id: r for r in (
    _rule("tech-target-missing", "error",
          ("Өзгертілетін құрылымдық бірлік жоқ", "Изменяемой структурной единицы нет",
           "The unit to amend does not exist"),
          ("Қолданыстағы актіде {unit} жоқ: нұсқаманы орындау мүмкін емес.",
           "В действующем акте нет единицы ({unit}): поправку нельзя исполнить.",
           "The act in force has no {unit}: the instruction cannot be carried out.")),
    _rule("tech-words-not-found", "error",
          ("Ауыстырылатын сөздер бірлікте жоқ", "Заменяемых слов нет в единице",
           "The words to change are not in the unit"),
          ("\"{words}\" деген сөздер көрсетілген бірліктің мәтінінде кездеспейді.",
           "Слова «{words}» не встречаются в тексте указанной единицы.",
           "The words \"{words}\" do not occur in the unit named.")),
    _rule("tech-words-ambiguous", "warning",
          ("Сөздер бірнеше рет кездеседі", "Слова встречаются несколько раз", "The words occur more than once"),
          ("\"{words}\" деген сөздер бірлікте {count} рет кездеседі; нұсқама қайсысы екенін айтпайды "
           "(барлығы өзгертілді).",
           "Слова «{words}» встречаются в единице {count} раз(а); поправка не указывает, в каком случае "
           "(изменены все).",
           "The words \"{words}\" occur {count} times in the unit; the instruction does not say which "
           "(all were changed).")),
    _rule("tech-number-exists", "error",
          ("Мұндай нөмірлі бірлік бар", "Единица с таким номером уже есть", "A unit with this number exists"),
          ("{number} нөмірлі бірлік актіде бұрыннан бар: толықтыру оны ауыстырып жіберер еді.",
           "Единица с номером {number} в акте уже есть: дополнение подменило бы её.",
           "A unit numbered {number} already exists: the supplement would replace it.")),
    _rule("tech-number-gap", "warning",
          ("Нөмірлеу реті бұзылған", "Нарушена последовательность нумерации", "The numbering has a gap"),
          ("{number} нөмірінің алдындағы бірлік актіде жоқ.",
           "В акте нет единицы, предшествующей номеру {number}.",
           "The act has no unit before number {number}.")),
    _rule("tech-number-mismatch", "error",
          ("Жаңа мәтіннің нөмірі сәйкес емес", "Номер в новой редакции не совпадает",
           "The new text's number differs from its target"),
          ("Жаңа мәтін {number} нөмірімен басталады, ал нұсқама {expected} бірлігін көрсетеді.",
           "Новый текст начинается с номера {number}, а поправка указывает единицу {expected}.",
           "The new text is numbered {number}, but the instruction names {expected}.")),
    _rule("tech-act-date-mismatch", "warning",
          ("Акт күні сәйкес емес", "Дата акта не совпадает", "The act's date differs"),
          ("Жобада актінің күні {date}, ал берілген акт мәтінінде {act_date}.",
           "В законопроекте дата акта {date}, а в представленном тексте акта {act_date}.",
           "The bill dates the act {date}; the act supplied is dated {act_date}.")),
    _rule("tech-conflicting-instructions", "error",
          ("Нұсқамалар бір-біріне қайшы", "Поправки противоречат друг другу", "Instructions conflict"),
          ("Бұл нұсқама {other} нұсқамасы қайта жазатын немесе алып тастайтын бірлікті өзгертеді.",
           "Эта поправка изменяет единицу, которую поправка {other} излагает заново или исключает.",
           "This instruction changes a unit that instruction {other} rewrites or deletes.")),
    _rule("tech-operation-unsupported", "warning",
          ("Нұсқама автоматты түрде орындалмады", "Поправка не исполнена автоматически",
           "The instruction was not carried out automatically"),
          ("\"{operation}\" нұсқамасын lawcheck актіге қолдана алмайды: оны қолмен тексеріңіз.",
           "Поправку вида «{operation}» lawcheck не может применить к акту: проверьте её вручную.",
           "lawcheck cannot apply a \"{operation}\" instruction to the act: check it by hand.")),
)}


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "?"


_PHRASES = {
    "text": {"kk": "мәтін", "ru": "текст", "en": "text"},
    "note": {"kk": "ескертпе", "ru": "примечание", "en": "note"},
    "table of contents": {"kk": "мазмұны", "ru": "оглавление", "en": "table of contents"},
    "the unit to supplement": {"kk": "толықтырылатын бірлік", "ru": "дополняемая единица",
                               "en": "the unit to supplement"},
}


def unit_name(value: str, lang: str) -> str:
    """An address as the acts code writes it ("part 7", "table of contents: article 5") in `lang`.

    The issues keep the English words (apply's JSON shows them); the messages speak the reader's
    language: "7-бөлік" / "ч. 7" / "part 7". Dates are written as the reports write them.
    """
    from checker.report.i18n import level_label

    if lang not in ("kk", "ru"):
        return value
    head, sep, rest = value.partition(": ")
    if sep:
        return f"{unit_name(head, lang)}: {unit_name(rest, lang)}"
    if value in _PHRASES:
        return _PHRASES[value][lang]
    level, _, number = value.partition(" ")
    return (level_label(level, number, lang) if number else None) or value


def message(rule_id: str, detail: dict[str, Any], lang: str) -> str:
    rule = TECH_RULES[rule_id]
    from checker.report.i18n import format_date

    shown = {k: unit_name(str(v), lang) if k == "unit" else format_date(str(v), lang) if k in ("date", "act_date")
             else str(v) for k, v in detail.items()}
    return rule.message.get(lang, rule.message["en"]).format_map(_Blank(shown))


def finding(issue: Issue, path: str, lang: str) -> Finding:
    """The issue as a Finding on the instruction's own lines."""
    rule = TECH_RULES[issue.rule]
    a = issue.amendment
    unit = issue.detail.get("unit")
    evidence = str(issue.detail.get("words") or (unit_name(str(unit), lang) if unit else "")
                   or issue.detail.get("number") or "")
    return Finding(rule=rule.id, severity=rule.severity, path=path, line=a.line, end_line=a.end_line, col=a.col,
                   amendment=a.id, message=message(rule.id, issue.detail, lang), resolutions=(), constitution=(),
                   evidence=evidence, suggestion="", title=rule.title.get(lang, rule.title["en"]), lang=lang)


def findings(issues: list[Issue], path: str, lang: str) -> list[Finding]:
    out = [finding(issue, path, lang) for issue in issues]
    out.sort(key=lambda f: (f.line, f.col, f.rule, f.amendment))
    return out
