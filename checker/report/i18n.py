"""Report chrome in Kazakh, Russian and English: headings, labels, citations, unit names.

Messages and suggestions come from the rules; only the words around them live here. Labels are
written "label: value" so that no language needs plural forms after a number.
"""

from __future__ import annotations

from checker.model import AFTER_UNKNOWN, Amendment, ConstitutionRef, Finding, ResolutionRef, Target

STRINGS: dict[str, dict[str, str]] = {
    "report_title": {"kk": "lawcheck есебі", "ru": "Отчёт lawcheck", "en": "lawcheck report"},
    "summary": {"kk": "Қорытынды", "ru": "Итог", "en": "Summary"},
    "files": {"kk": "файлдар", "ru": "файлы", "en": "files"},
    "amendments": {"kk": "түзетулер", "ru": "поправки", "en": "amendments"},
    "amendment": {"kk": "Түзету", "ru": "Поправка", "en": "Amendment"},
    "findings": {"kk": "сәйкессіздіктер", "ru": "замечания", "en": "findings"},
    "suppressed": {"kk": "еленбегендер", "ru": "подавленные", "en": "suppressed"},
    "suppressed_one": {"kk": "еленбеген", "ru": "подавлено", "en": "suppressed"},
    "baseline": {"kk": "базалық тізімде", "ru": "в базовом списке", "en": "baseline"},
    "unparsed": {"kk": "талданбаған жолдар", "ru": "неразобранные строки", "en": "unparsed"},
    "warnings_heading": {"kk": "Күмәнмен оқылған жолдар", "ru": "Прочитано с оговоркой", "en": "Read with a caveat"},
    "warn_unclosed-quote": {
        "kk": "{line}-жолда ашылған тырнақша жабылмаған; мәтіні {end}-жолға дейін алынды",
        "ru": "кавычка, открытая в строке {line}, не закрыта; текст взят до строки {end}",
        "en": "the quotation opened on line {line} is never closed; its text is taken up to line {end}",
    },
    "warn_new-text-missing": {
        "kk": "{line}-жолдағы нұсқаудың тырнақшадағы жаңа мәтінінде кейбір бірліктердің мәтіні жоқ",
        "ru": "в новом тексте в кавычках инструкции в строке {line} нет текста некоторых единиц",
        "en": "the quoted new text of the instruction on line {line} holds no text for some of its units",
    },
    "warn_transliterated": {
        "kk": "латын әліпбиіндегі қазақ мәтіні кириллицаға транслитерация арқылы оқылды; жолдар мен бағандар жобаның өзінікі",
        "ru": "казахский текст латиницей прочитан через транслитерацию в кириллицу; строки и столбцы — самого проекта",
        "en": "Kazakh in the Latin alphabet, read through a transliteration to Cyrillic; lines and columns are the draft's own",
    },
    "unparsed_heading": {
        "kk": "Талданбаған жолдар",
        "ru": "Неразобранные строки",
        "en": "Unparsed lines",
    },
    "unparsed_note": {"kk": "талданбады", "ru": "не разобрано", "en": "not parsed"},
    "not_understood": {"kk": "түсінілмеген нұсқаулар", "ru": "непонятые инструкции", "en": "not understood"},
    "instruction_not_understood": {"kk": "түзету нұсқауы түсінілмеді", "ru": "инструкция о поправке не понята",
                                   "en": "amendment instruction not understood"},
    "incomplete_one": {
        "kk": "тексеру толық емес: түсінілмеген нұсқаулар: 1",
        "ru": "проверка неполная: непонятых инструкций: 1",
        "en": "check incomplete: 1 instruction not understood",
    },
    "incomplete": {
        "kk": "тексеру толық емес: түсінілмеген нұсқаулар: {n}",
        "ru": "проверка неполная: непонятых инструкций: {n}",
        "en": "check incomplete: {n} instructions not understood",
    },
    "not_a_bill": {
        "kk": "бірде-бір түзету нұсқауы табылмады: мәтін заң жобасына ұқсамайды",
        "ru": "не найдено ни одной инструкции о поправке: текст не похож на законопроект",
        "en": "no amendment instruction found: this does not look like a bill",
    },
    "no_findings": {
        "kk": "Сәйкессіздік табылған жоқ",
        "ru": "Замечаний нет",
        "en": "No findings",
    },
    "no_counting_findings": {
        "kk": "Есепке алынатын сәйкессіздік жоқ (еленбегендер: {s}, базалық тізімде: {b})",
        "ru": "Учитываемых замечаний нет (подавленные: {s}, в базовом списке: {b})",
        "en": "No findings that count (suppressed: {s}, baselined: {b})",
    },
    "no_findings_incomplete": {
        "kk": "Түсінілген нұсқауларда сәйкессіздік жоқ (түсінілмегендер: {n})",
        "ru": "В понятых инструкциях замечаний нет (непонятых: {n})",
        "en": "No findings in the instructions understood (not understood: {n})",
    },
    "baselined": {"kk": "базалық тізімде", "ru": "в базовом списке", "en": "baselined"},
    "no_files": {"kk": "Тексерілген файл жоқ", "ru": "Нет проверенных файлов", "en": "No files checked"},
    "language": {"kk": "тілі", "ru": "язык", "en": "language"},
    "citation": {"kk": "Негіз", "ru": "Основание", "en": "Basis"},
    "resolution_status": {"kk": "Қаулының мәртебесі", "ru": "Статус постановления",
                          "en": "Status of the resolution"},
    "suggestion": {"kk": "Ұсыныс", "ru": "Предложение", "en": "Suggestion"},
    "effect": {"kk": "Әсері", "ru": "Эффект", "en": "Effect"},
    "wording_after": {"kk": "Заң жобасы қабылданғаннан кейінгі редакциясы",
                      "ru": "Редакция после принятия проекта", "en": "Wording after the bill"},
    "acts_not_given": {
        "kk": "Қолданыстағы акт мәтіні берілмеген ({acts}): заң-техникалық тексеру мен өзгертілетін "
              "құрылымдық элементтің мәнмәтініндегі тексеру жүргізілмеді (--act SLUG=ФАЙЛ)",
        "ru": "Текст действующего акта не передан ({acts}): юридико-техническая проверка и проверка "
              "в контексте изменяемого структурного элемента не проводились (--act SLUG=ФАЙЛ)",
        "en": "No text in force given for {acts}: the legal-technical checks and the positions "
              "checked in the context of the amended units did not run (--act SLUG=FILE)",
    },
    "unit_removed": {"kk": "құрылымдық элемент алып тасталады", "ru": "структурный элемент исключается",
                     "en": "the unit is removed"},
    "reason": {"kk": "себебі", "ru": "причина", "en": "reason"},
    "rule": {"kk": "Ереже", "ru": "Правило", "en": "Rule"},
    "severity": {"kk": "Деңгейі", "ru": "Уровень", "en": "Severity"},
    "resolution": {"kk": "Нормативтік қаулы", "ru": "Нормативное постановление", "en": "Resolution"},
    "count": {"kk": "Саны", "ru": "Количество", "en": "Count"},
    "line": {"kk": "жол", "ru": "строка", "en": "line"},
    "lines_elided": {"kk": "жол өткізілді", "ru": "строк пропущено", "en": "lines elided"},
    "docx_paragraph": {
        "kk": "құжаттың {n}-абзацы",
        "ru": "абзац документа {n}",
        "en": "paragraph {n}",
    },
    "generated_by": {"kk": "Жасаған: lawcheck {version}", "ru": "Создано: lawcheck {version}",
                     "en": "Generated by lawcheck {version}"},
    "error": {"kk": "қате", "ru": "ошибка", "en": "error"},
    "warning": {"kk": "ескерту", "ru": "предупреждение", "en": "warning"},
    "info": {"kk": "ақпарат", "ru": "информация", "en": "info"},
}

# One date format per language: how lawyers cite in Kazakh and Russian, ISO in English (as the
# catalogue and the JSON write dates).
DATE_FORMATS = {"kk": "{d}.{m}.{y}", "ru": "{d}.{m}.{y}", "en": "{y}-{m}-{d}"}

# Resolution: "{label}" is "№ 21-НҚ"; "{date}" as DATE_FORMATS says.
_RESOLUTION = {
    "kk": ("Конституциялық Соттың {date} {label} нормативтік қаулысы", ", {p}-тармақ"),
    "ru": ("Нормативное постановление Конституционного Суда от {date} {label}", ", п. {p}"),
    "en": ("Constitutional Court resolution {label} of {date}", ", para. {p}"),
}
_CONSTITUTION = {
    "kk": ("Конституция ({edition}), {article}-бап", ", {p}-тармақ", ", {s}-тармақша"),
    "ru": ("Конституция ({edition}), ст. {article}", ", п. {p}", ", подп. {s}"),
    "en": ("Constitution ({edition}) art. {article}", " p. {p}", " subp. {s}"),
}
# how sure the 2026 counterpart is: seen in a stored text, or derived
_EQUIVALENT_STATUS = {
    "verified": {"kk": "мәтін бойынша тексерілген", "ru": "сверено с текстом", "en": "verified"},
    "inferred": {"kk": "болжамды", "ru": "предположительно", "en": "inferred"},
}
_FORCE = {
    "unconfirmed": {
        "kk": "{date} кейін күшін сақтайтыны әлі расталмаған",
        "ru": "сохраняет ли силу после {date}, пока не подтверждено",
        "en": "whether it keeps force after {date} is not yet confirmed",
    },
    "in-force": {"kk": "{date} кейін де күшінде", "ru": "сохраняет силу после {date}",
                 "en": "keeps force after {date}"},
    "lost-force": {"kk": "{date} кейін күшін жойды", "ru": "утратило силу после {date}",
                   "en": "lost force after {date}"},
}
_ADOPTED = {"kk": "{edition} жылғы Конституция бойынша қабылданған",
            "ru": "принято при Конституции {edition} года",
            "en": "adopted under the {edition} Constitution"}
_AS_OF = {"kk": "{date} жағдай бойынша", "ru": "на {date}", "en": "as of {date}"}
_UNITS = {
    "chapter": {"kk": "{}-тарау", "ru": "гл. {}", "en": "chapter {}"},
    "article": {"kk": "{}-бап", "ru": "ст. {}", "en": "art. {}"},
    "part": {"kk": "{}-бөлік", "ru": "ч. {}", "en": "part {}"},
    "paragraph": {"kk": "{}-тармақ", "ru": "п. {}", "en": "para. {}"},
    "subparagraph": {"kk": "{}-тармақша", "ru": "подп. {}", "en": "subpara. {}"},
    "indent": {"kk": "{}-абзац", "ru": "абз. {}", "en": "indent {}"},
    "sentence": {"kk": "{}-сөйлем", "ru": "предл. {}", "en": "sentence {}"},
}
_FLAGS = {
    "toc": {"kk": "мазмұны", "ru": "оглавление", "en": "table of contents"},
    "heading": {"kk": "тақырыбы", "ru": "заголовок", "en": "heading"},
    "note": {"kk": "ескертпе", "ru": "примечание", "en": "note"},
    "preamble": {"kk": "кіріспе", "ru": "преамбула", "en": "preamble"},
    "throughout": {"kk": "бүкіл мәтін бойынша", "ru": "по всему тексту", "en": "throughout the text"},
    "whole": {"kk": "(акт толығымен)", "ru": "(акт целиком)", "en": "(whole act)"},
}


EFFECT_NAMES: dict[str, dict[str, str]] = {
    "denies-access": {"kk": "сотқа немесе қайта қарауға қол жеткізуді жабады не кейінге қалдырады",
                      "ru": "закрывает или откладывает доступ к суду или пересмотру",
                      "en": "denies or delays access to a court or a review"},
    "restricts": {"kk": "қорғалатын құқықты шектейді", "ru": "ограничивает защищаемое право",
                  "en": "restricts the protected right"},
    "final-decision": {"kk": "шешімді түпкілікті етеді, шағымдануға жол бермейді",
                       "ru": "делает решение окончательным, не подлежащим обжалованию",
                       "en": "makes a decision final or unappealable"},
    "narrows-group": {"kk": "қорғалатын топты тарылтады", "ru": "сужает защищаемый круг лиц",
                      "en": "narrows the protected group"},
    "subordinates-interest": {"kk": "қорғалатын мүддені басқа мүддеден кейін қояды",
                              "ru": "ставит защищаемый интерес ниже иного",
                              "en": "puts another interest before the protected one"},
    "replaces-regime": {"kk": "сот немесе хабарлама тәртібін әкімшілік шешіммен не рұқсатпен ауыстырады",
                        "ru": "заменяет судебный или уведомительный порядок административным решением или разрешением",
                        "en": "replaces a court or notification regime by an administrative decision or permission"},
    "automatic-consequence": {"kk": "жеке бағалаусыз автоматты салдар белгілейді",
                              "ru": "устанавливает автоматическое последствие без индивидуальной оценки",
                              "en": "sets an automatic consequence without individual assessment"},
    "lasting-bar": {"kk": "мерзімсіз немесе өмірлік шектеу белгілейді",
                    "ru": "устанавливает бессрочный или пожизненный запрет",
                    "en": "sets a lifelong or indefinite bar"},
    "removes-guarantee": {"kk": "кепілдікті алып тастайды", "ru": "устраняет гарантию",
                          "en": "removes a guarantee"},
    "adds-to-restrictive-list": {"kk": "шектеу тізбесіне жаңа тармақ қосады",
                                 "ru": "дополняет ограничительный перечень",
                                 "en": "adds an item to a restrictive list"},
}


def effect_name(effect: str, lang: str) -> str:
    """What the effect does, in the report's language; an unknown id is shown as written."""
    forms = EFFECT_NAMES.get(effect)
    return forms.get(lang, forms["en"]) if forms else effect


def t(key: str, lang: str, **values: object) -> str:
    """The chrome string `key` in `lang` (English when a language lacks it), formatted."""
    forms = STRINGS[key]
    text = forms.get(lang, forms["en"])
    return text.format(**values) if values else text


def severity_name(severity: str, lang: str) -> str:
    """Localized severity word; an unknown severity is shown as written."""
    return t(severity, lang) if severity in ("error", "warning", "info") else severity


def format_date(iso: str, lang: str = "ru") -> str:
    """"2023-07-14" → "14.07.2023" (kk, ru) or "2023-07-14" (en); anything else unchanged."""
    parts = str(iso).split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4:
        return DATE_FORMATS.get(lang, DATE_FORMATS["en"]).format(y=parts[0], m=parts[1], d=parts[2])
    return str(iso)


def resolution_citation(ref: ResolutionRef, lang: str) -> str:
    head, para = _RESOLUTION.get(lang, _RESOLUTION["en"])
    text = head.format(date=format_date(ref.date, lang), label=ref.label(lang))
    return text + para.format(p=ref.paragraph) if ref.paragraph else text


def _provision(edition: str, article: str, paragraph: str | None, subparagraph: str | None,
               lang: str) -> str:
    head, para, sub = _CONSTITUTION.get(lang, _CONSTITUTION["en"])
    text = head.format(edition=edition, article=article)
    if paragraph:
        text += para.format(p=paragraph)
    if subparagraph:
        text += sub.format(s=subparagraph)
    return text


def constitution_citation(ref: ConstitutionRef, lang: str) -> str:
    """"Constitution (1995) art. 77 p. 3 subp. 3 [Constitution (2026) art. 78 p. 3 subp. 1,
    verified]": the article the resolution relied on, with its edition, then the same provision
    in the Constitution in force since 01.07.2026 where one is known, marked verified or inferred."""
    text = _provision(ref.edition, ref.article, ref.paragraph, ref.subparagraph, lang)
    if ref.edition == "2026" and ref.status in _EQUIVALENT_STATUS:
        text += f" ({_EQUIVALENT_STATUS[ref.status].get(lang, _EQUIVALENT_STATUS[ref.status]['en'])})"
    eq = ref.equivalent_2026
    if eq is not None:
        status = _EQUIVALENT_STATUS.get(eq.status, {}).get(lang, eq.status)
        text += f" [{_provision('2026', eq.article, eq.paragraph, eq.subparagraph, lang)}, {status}]"
    return text


def resolution_status(ref: ResolutionRef, lang: str) -> str:
    """"adopted under the 1995 Constitution; whether it keeps force after 01.07.2026 is not yet
    confirmed (as of 07.12.2026)"; empty when the rule gives no status."""
    status = ref.status
    if status is None:
        return ""
    lang = lang if lang in ("kk", "ru", "en") else "en"
    text = _ADOPTED[lang].format(edition=status.adopted_under)
    if status.adopted_under == "1995":
        forms = _FORCE.get(status.force)
        if forms:
            text += "; " + forms[lang].format(date="01.07.2026")
    return f"{text} ({_AS_OF[lang].format(date=format_date(status.as_of))})"


def citation(finding: Finding, lang: str) -> str:
    """The citation a drafter can paste: resolutions first, then the Constitution, "; "-joined."""
    bits = [resolution_citation(r, lang) for r in finding.resolutions]
    bits += [constitution_citation(c, lang) for c in finding.constitution]
    return "; ".join(bits)


def level_label(level: str, number: str, lang: str) -> str | None:
    """One level of an address in `lang` ("7-бөлік", "ч. 7", "part 7"); None for an unknown level."""
    forms = _UNITS.get(level)
    return forms.get(lang, forms["en"]).format(number) if forms else None


def target_label(target: Target, lang: str) -> str:
    """Broad-to-narrow address of a unit, e.g. "484-бап, 2-бөлік" / "ст. 484, ч. 2"."""
    bits: list[str] = []
    if target.toc:
        bits.append(_FLAGS["toc"][lang])
    for level, forms in _UNITS.items():
        value = getattr(target, level)
        if value:
            bits.append(forms[lang].format(value))
    for flag in ("heading", "note", "preamble", "throughout"):
        if getattr(target, flag):
            bits.append(_FLAGS[flag][lang])
    return ", ".join(bits) or _FLAGS["whole"][lang]


def amendment_label(amendment: Amendment, lang: str, width: int = 80) -> str:
    """"1.1.3 · <act> · <unit>": how a lawyer finds the item in the bill."""
    act = amendment.act.name.strip() or amendment.act.slug
    if len(act) > width:
        act = act[: width - 1].rstrip() + "…"
    return f"{amendment.id} · {act} · {target_label(amendment.target, lang)}"


AFTER_CHARS = 300  # of the unit's wording after the bill; the comparative table has it whole


def wording_after(finding: Finding, lang: str) -> str:
    """The amended unit as the bill leaves it, when an act in force showed it."""
    if finding.wording_after == AFTER_UNKNOWN:
        return ""
    if finding.wording_after is None:
        return t("unit_removed", lang)
    text = " ".join(finding.wording_after.split())
    return "«" + (text if len(text) <= AFTER_CHARS else text[:AFTER_CHARS - 1] + "…") + "»"
