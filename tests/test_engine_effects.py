"""The shared catalogue of effects: each effect, in Kazakh and Russian, fires and stays silent.

The rules here are tiny and use the test concepts in tests/fixtures/knowledge with the real
marker words of rules/effects/markers.yaml, so what is tested is the detector and the markers,
not a rule's word list.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.engine import Rule, read_rule
from checker.engine.knowledge import read_knowledge
from checker.model import Act, Amendment, Target
from checker.resources import rules_dir

ROOT = Path(__file__).resolve().parent
KNOWLEDGE, ERRORS = read_knowledge(ROOT / "fixtures" / "knowledge",
                                   markers=rules_dir() / "effects" / "markers.yaml")
TEXTS = {"kk": "x", "ru": "x", "en": "x"}


def rule(topic: dict, forbidden: list[dict], complies: list[str] | None = None) -> Rule:
    data = {"id": "t", "title": TEXTS, "message": TEXTS, "resolution": {"number": 1, "date": "2024-01-01"},
            "scope": {"acts": ["criminal-procedure-code"]}, "topic": topic, "forbidden": forbidden,
            "complies": complies or []}
    spec, errors = read_rule(json.dumps(data, ensure_ascii=False), "<test>")  # JSON is YAML
    assert errors == []
    return Rule.from_spec(spec, "<test>", KNOWLEDGE)


def fires(r: Rule, lang: str, new: str | None, op: str = "new_wording", old: str | None = None,
          **target: str) -> bool:
    from checker.engine.ruleset import RuleSet

    amendment = Amendment(id="1", line=1, end_line=1, col=0, act=Act(slug="criminal-procedure-code", name=""),
                          operation=op, target=Target(**target), old=old, new=new, language=lang)
    return bool(RuleSet([r]).check_amendment(amendment, "t", "en", lang))


def test_fixture_knowledge_is_valid() -> None:
    assert ERRORS == []


DENIES = rule({"concepts": ["review"]}, [{"effect": "denies-access", "by": ["category"]}],
              ["regardless-of-category"])


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # negation in other voices, tenses and moods
    ("ru", "Приговоры по делам об уголовных проступках в кассационном порядке не пересматриваются.", True),
    ("ru", "Суд кассационной инстанции не пересматривает приговоры по делам об уголовных проступках.", True),
    ("ru", "Суд отказывает в пересмотре приговоров по делам об уголовных проступках.", True),
    ("ru", "Пересмотр приговоров допускается лишь по делам, не относящимся к уголовным проступкам.", True),
    ("kk", "Қылмыстық теріс қылықтар туралы істер бойынша үкімдер кассациялық тәртіппен қайта қаралмайды.", True),
    ("kk", "Қылмыстық теріс қылықтар туралы істер бойынша кассациялық шағым берілмеген жағдайда…", True),
    ("kk", "Кассациялық тәртіппен ауыр қылмыстар бойынша ғана қайта қаралады, теріс қылықтар бойынша қаралмауы тиіс.", True),
    ("kk", "Қылмыстық теріс қылықтар туралы істерді кассациялық тәртіппен қайта қарамау туралы ереже.", True),
    # a review let in only on a condition or on someone else's consent
    ("ru", "Приговоры по делам об уголовных проступках могут быть пересмотрены в кассационном порядке "
           "при условии, что осуждённый обжаловал их в апелляционном порядке.", True),
    ("kk", "Қылмыстық теріс қылықтар туралы істер бойынша үкімдер прокурордың келісімімен кассациялық "
           "тәртіппен қайта қаралады.", True),
    # permissions, double negatives and guarantees stay silent
    ("ru", "Приговоры по делам об уголовных проступках могут быть пересмотрены в кассационном порядке.", False),
    ("ru", "Право на пересмотр приговоров по делам об уголовных проступках не может быть ограничено.", False),
    ("ru", "Приговоры пересматриваются в кассационном порядке независимо от категории, в том числе по уголовным проступкам.", False),
    ("ru", "Кассационная жалоба подаётся не позднее шести месяцев, в том числе по уголовным проступкам.", False),
    ("kk", "Қылмыстық теріс қылықтар туралы істер бойынша үкімдер кассациялық тәртіппен қайта қаралуы мүмкін.", False),
    ("kk", "Қылмыстық теріс қылықтар бойынша кассациялық шағым беру құқығы шектелмейді.", False),
    ("kk", "Үкімдер қылмыс санатына қарамастан, оның ішінде теріс қылықтар бойынша, кассациялық тәртіппен қайта қаралады.", False),
])
def test_denies_access(lang: str, text: str, expected: bool) -> None:
    assert fires(DENIES, lang, text) is expected


NARROWS = rule({"concepts": ["childcare"]},
               [{"effect": "narrows-group", "members": ["mother", "father"], "whole": ["parent"]}])


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "Период ухода за ребёнком засчитывается только матери.", True),
    ("ru", "Период ухода за ребёнком засчитывается матери.", True),  # the father left out
    ("ru", "Период ухода за ребёнком засчитывается отцу лишь в исключительных случаях.", True),
    ("ru", "Период ухода за ребёнком засчитывается одному из родителей.", False),
    ("ru", "Период ухода за ребёнком засчитывается матери или отцу.", False),
    ("kk", "Баланы күту кезеңі тек анасына есептеледі.", True),
    ("kk", "Баланы күту кезеңі анасына есептеледі.", True),
    ("kk", "Баланы күту кезеңі ата-анасының біріне есептеледі.", False),
    ("kk", "Баланы күту кезеңі анасына немесе әкесіне есептеледі.", False),
    # the whole named, but qualified by a part: the parent who is the mother
    ("ru", "Период ухода за ребёнком засчитывается родителю, являющемуся матерью.", True),
    ("ru", "Период ухода за ребёнком засчитывается родителю, будь то мать или отец.", False),
    ("kk", "Баланы күту кезеңі ана болып табылатын ата-анасына есептеледі.", True),
    ("kk", "Баланы күту кезеңі анасы не әкесі болып табылатын ата-анасына есептеледі.", False),
    # a longer participle chain ending right before the whole, in one clause
    ("kk", "Баланы күту кезеңі ана болып табылатын және сол кезеңде жұмыс істемей, баламен үйде "
           "айналысқан ата-анасына есептеледі.", True),
    ("kk", "Баланы күту кезеңі ана болып табылатын және сол кезеңде жұмыс істемей, баламен үйде "
           "айналысқан; ата-анасына есептеледі.", False),
    # the other part let in only when something befalls the first
    ("ru", "Период ухода за ребёнком засчитывается матери, а в случае смерти матери – отцу.", True),
    ("kk", "Баланы күту кезеңі анасына, ал ана қайтыс болған жағдайда – әкесіне есептеледі.", True),
    ("kk", "Баланы күту кезеңі анасына немесе әкесіне есептеледі, ал ол қайтыс болған жағдайда – "
           "қамқоршысына.", False),
    ("ru", "Период ухода за ребёнком засчитывается матери или отцу, а в случае их смерти – опекуну.", False),
])
def test_narrows_group(lang: str, text: str, expected: bool) -> None:
    assert fires(NARROWS, lang, text) is expected


SUBORDINATES = rule({"concepts": ["adoption"]},
                    [{"effect": "subordinates-interest", "protected": ["child-interest"]}])


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "При усыновлении преимущественное право имеют родственники, состоящие на учёте дольше других.", True),
    ("ru", "При усыновлении кандидаты рассматриваются в порядке очерёдности постановки на учёт.", True),
    ("ru", "При усыновлении преимущество отдаётся семье, в наибольшей мере отвечающей интересам ребёнка.", False),
    ("ru", "При усыновлении учитываются интересы ребёнка.", False),
    ("kk", "Бала асырап алуда бірінші кезекте есепке ерте қойылған үміткерлерге басымдық беріледі.", True),
    ("kk", "Бала асырап алуда баланың мүддесіне сай келетін отбасына басымдық беріледі.", False),
    # a ranked list: the protected claim in a later rank is subordinated, in the first it is not
    ("ru", "При усыновлении кандидаты рассматриваются: в первую очередь – родственники; во вторую очередь – "
           "семьи, в наибольшей мере отвечающие интересам ребёнка.", True),
    ("ru", "При усыновлении кандидаты рассматриваются: в первую очередь – семьи, отвечающие интересам ребёнка; "
           "во вторую очередь – родственники.", False),
    ("kk", "Бала асырап алуда: бірінші кезекте – туыстар; екінші кезекте – баланың мүддесіне сай отбасылар.", True),
    ("kk", "Бала асырап алуда: бірінші кезекте – баланың мүддесіне сай отбасылар; екінші кезекте – туыстар.", False),
])
def test_subordinates_interest(lang: str, text: str, expected: bool) -> None:
    assert fires(SUBORDINATES, lang, text) is expected


REGIME = rule({"concepts": ["housing"]},
              [{"effect": "replaces-regime", "required": ["court-decision"], "instead": ["admin-body"]}])


@pytest.mark.parametrize(("lang", "op", "old", "text", "expected"), [
    ("ru", "new_wording", None, "Выселение из жилища производится на основании постановления акимата.", True),
    ("ru", "new_wording", None, "Выселение из жилища производится по решению суда по иску акимата.", False),
    ("ru", "replace_words", "по решению суда", "по решению акима", True),
    ("ru", "delete_words", "по решению суда", None, True),
    ("ru", "replace_words", "по решению суда", "по вступившему в силу решению суда", False),
    ("kk", "new_wording", None, "Тұрғын үйден шығару әкімнің қаулысы негізінде жүргізіледі.", True),
    ("kk", "new_wording", None, "Тұрғын үйден шығару сот шешімімен жүргізіледі.", False),
    ("kk", "replace_words", "сот шешімімен", "әкімдіктің шешімімен", True),
    # the court named, but another decider has the last word under "only"
    ("ru", "new_wording", None, "Выселение из жилища, предусмотренное решением суда, производится только в порядке, "
                                "определённом постановлением акимата.", True),
    ("ru", "new_wording", None, "Выселение из жилища производится только по решению суда по иску акимата.", False),
    ("kk", "new_wording", None, "Сот шешімі болса да, тұрғын үйден шығару әкімдік қаулысымен ғана жүргізіледі.", True),
    ("kk", "new_wording", None, "Тұрғын үйден шығару әкімдіктің талап арызы бойынша сот шешімімен ғана жүргізіледі.", False),
])
def test_replaces_regime(lang: str, op: str, old: str | None, text: str | None, expected: bool) -> None:
    context = "Выселение из жилища" if lang == "ru" else "Тұрғын үйден шығару"
    if op != "new_wording":
        old = f"{context} {old}"
        text = None if text is None else f"{context} {text}"
    assert fires(REGIME, lang, text, op, old) is expected


BAR = rule({"concepts": ["conviction"]}, [{"effect": "lasting-bar", "by": ["conviction"]}])


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "Не может быть принято на службу лицо, когда-либо имевшее судимость.", True),
    ("ru", "Не может быть принято на службу лицо, имеющее судимость, независимо от её погашения.", True),
    ("ru", "Не может быть принято на службу лицо, ранее судимое за умышленное преступление.", True),
    ("ru", "Не может быть принято на службу лицо, имеющее непогашенную судимость.", False),
    ("ru", "Не может быть принято на службу лицо, которое было осуждено, то есть судимое лицо.", True),
    ("kk", "Бұрын сотталған адам қызметке қабылданбайды.", True),
    ("kk", "Соттылығы өтелгеніне қарамастан адам қызметке қабылданбайды.", True),
    ("kk", "Өтелмеген соттылығы бар адам қызметке қабылданбайды.", False),
])
def test_lasting_bar(lang: str, text: str, expected: bool) -> None:
    assert fires(BAR, lang, text) is expected


AUTOMATIC = rule({"concepts": ["malicious"]}, [{"effect": "automatic-consequence", "by": ["malicious"]}])


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "Причинение себе телесных повреждений независимо от причин является злостным нарушением.", True),
    ("ru", "Такое действие автоматически влечёт признание его злостным нарушением.", True),
    ("ru", "Администрация с учётом обстоятельств вправе признать действие злостным нарушением.", False),
    ("kk", "Өзіне дене жарақатын келтіру себептеріне қарамастан қасақана бұзушылық деп танылады.", True),
    ("kk", "Әкімшілік мән-жайды ескере отырып, әрекетті қасақана бұзушылық деп тануы мүмкін.", False),
    # the marker qualifies the consequence of the whole sentence, however long
    ("ru", "Осуждённый, сведения о причинении которым себе повреждений внесены медицинским работником в журнал "
           "учёта и переданы начальнику отряда в течение суток, признаётся допустившим злостное нарушение "
           "со дня внесения сведений без учёта обстоятельств.", True),
    ("ru", "Осуждённый, сведения о причинении которым себе повреждений внесены в журнал учёта, может быть "
           "признан допустившим злостное нарушение. Решение принимается без учёта мнения отряда.", False),
])
def test_automatic_consequence(lang: str, text: str, expected: bool) -> None:
    assert fires(AUTOMATIC, lang, text) is expected


FINAL = rule({"concepts": ["commission"]}, [{"effect": "final-decision"}])


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "Решение комиссии является окончательным.", True),
    ("ru", "Решение комиссии обжалованию не подлежит.", True),
    ("ru", "Решение комиссии может быть обжаловано в суд.", False),
    ("kk", "Комиссияның шешімі түпкілікті болып табылады.", True),
    ("kk", "Комиссияның шешіміне шағым жасалмайды.", True),
    ("kk", "Комиссияның шешіміне сотқа шағым жасалуы мүмкін.", False),
])
def test_final_decision(lang: str, text: str, expected: bool) -> None:
    assert fires(FINAL, lang, text) is expected


GUARANTEE = rule({"concepts": ["review"]},
                 [{"effect": "removes-guarantee", "guarantee": ["regardless-of-category"]}])


@pytest.mark.parametrize(("lang", "op", "old", "text", "target", "expected"), [
    ("ru", "replace_words", "независимо от категории преступления", "по делам о тяжких преступлениях", {}, True),
    ("ru", "delete_words", "независимо от категории преступления", None, {}, True),
    ("ru", "replace_words", "независимо от категории преступления", "независимо от категории и вида преступления", {}, False),
    ("ru", "delete", None, None, {"article": "484", "part": "3"}, True),
    ("ru", "delete", None, None, {"article": "484", "part": "1"}, False),
    ("kk", "replace_words", "қылмыс санатына қарамастан", "ауыр қылмыстар бойынша", {}, True),
    ("kk", "delete", None, None, {"article": "484", "part": "3"}, True),
])
def test_removes_guarantee(lang: str, op: str, old: str | None, text: str | None, target: dict,
                           expected: bool) -> None:
    assert fires(GUARANTEE, lang, text, op, old, **({"article": "484"} | target)) is expected


LISTED = rule({"concepts": ["review"]}, [{"effect": "adds-to-restrictive-list", "by": ["category"]}])


@pytest.mark.parametrize(("lang", "part", "text", "expected"), [
    ("ru", "2", "4) приговоры по делам об уголовных проступках;", True),
    ("ru", "1", "4) приговоры по делам об уголовных проступках;", False),
    ("ru", "2", "4) определения о назначении экспертизы;", False),
    ("kk", "2", "4) қылмыстық теріс қылықтар туралы істер бойынша үкімдер;", True),
    ("kk", "1", "4) қылмыстық теріс қылықтар туралы істер бойынша үкімдер;", False),
])
def test_adds_to_restrictive_list(lang: str, part: str, text: str, expected: bool) -> None:
    assert fires(LISTED, lang, text, "supplement", None, article="484", part=part, paragraph="4") is expected


def test_unit_in_force_supplies_the_topic() -> None:
    """A provision of 484(2) need not say "cassation": the unit in force says it."""
    r = rule({"concepts": ["review"]}, [{"effect": "restricts", "by": ["category"]}])
    text = "Приговоры по делам об уголовных проступках обжалованию не подлежат."
    assert fires(r, "ru", text, article="484", part="2")
    assert not fires(r, "ru", text, article="12")


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the court named only as one of two ways is no guarantee
    ("ru", "Выселение из жилища производится по решению суда или по постановлению акимата.", True),
    ("kk", "Тұрғын үйден шығару сот шешімімен немесе әкімнің қаулысымен жүргізіледі.", True),
    # "without a court decision" is an absence of the court, not its presence
    ("ru", "Выселение из жилища производится акиматом без решения суда.", True),
    ("ru", "Выселение из жилища производится по решению суда, а не по постановлению акимата.", False),
    # Kazakh "X емес, Y": X denied, Y instead
    ("kk", "Тұрғын үйден шығару сот шешімімен емес, әкімнің қаулысымен жүргізіледі.", True),
    ("kk", "Тұрғын үйден шығару әкімнің қаулысымен емес, сот шешімімен жүргізіледі.", False),
    # "in the absence of a court decision" / "when there is no court decision": the court is absent
    ("ru", "При отсутствии решения суда выселение из жилища производится по постановлению акимата.", True),
    ("ru", "Выселение из жилища в отсутствие судебного решения производится акиматом.", True),
    ("kk", "Тұрғын үйден шығару сот шешімі болмаған кезде де әкімнің қаулысымен жүргізіледі.", True),
    ("kk", "Тұрғын үйден шығару сот шешімі жоқ кезде әкімнің қаулысымен жүргізіледі.", True),
    # the court named only as bound by the other decider's act
    ("ru", "Выселение из жилища производится по постановлению акимата, обязательному для решения суда "
           "по спору.", True),
    ("kk", "Тұрғын үйден шығару әкімнің қаулысымен жүргізіледі, ол сот шешімі үшін міндетті.", True),
    # the other decider sets the cases and amounts, though the required regime is named
    ("ru", "Выселение из жилища по решению суда производится в случаях и размерах, определяемых "
           "постановлением акимата.", True),
    ("kk", "Тұрғын үйден шығару сот шешімімен әкімнің қаулысында айқындалған жағдайларда және "
           "мөлшерде жүргізіледі.", True),
    # the other decider sets only a procedure
    ("ru", "Выселение из жилища производится по решению суда в порядке, определяемом постановлением "
           "акимата.", False),
    # the court named only as what is not taken into account
    ("ru", "Выселение из жилища производится по постановлению акимата, решение суда при этом не учитывается.", True),
    ("kk", "Тұрғын үйден шығару әкімнің қаулысымен жүргізіледі, бұл ретте сот шешімі ескерілмейді.", True),
    ("ru", "Выселение из жилища производится по решению суда; мнение акимата не учитывается.", False),
    ("ru", "Выселение из жилища производится по постановлению акимата, решение суда на это не влияет.", True),
    ("ru", "Выселение из жилища производится по постановлению акимата, причём вынесение решения суда в более "
           "поздний срок на законность выселения не влияет.", True),
    ("kk", "Тұрғын үйден шығару әкімнің қаулысымен жүргізіледі, сот шешімі бұған әсер етпейді.", True),
    # the other decider acts before the court has spoken
    ("ru", "Выселение из жилища производится, не дожидаясь вынесения решения суда, на основании "
           "постановления акимата.", True),
    ("kk", "Тұрғын үйден шығару сот шешімінің шығарылуын күтпестен әкімнің қаулысы негізінде жүргізіледі.", True),
    # the court named in one sentence, the other decider given a case of its own in the next
    ("ru", "Выселение из жилища производится по решению суда. Выселение из служебного жилища "
           "производится по постановлению акимата.", True),
    ("kk", "Тұрғын үйден шығару сот шешімімен жүргізіледі. Қызметтік тұрғын үйден шығару әкімнің "
           "қаулысымен жүргізіледі.", True),
    ("ru", "Выселение из жилища производится по решению суда. Постановление акимата о выселении "
           "принимается на основании решения суда.", False),
    # the court present, an absence elsewhere in the sentence
    ("kk", "Тұрғын үйден шығару тек сот шешімімен, ал басқа тұрғын үй болмаған кезде – "
           "баламалы тұрғын үй берілгеннен кейін жүргізіледі.", False),
])
def test_replaces_regime_alternatives_and_absences(lang: str, text: str, expected: bool) -> None:
    assert fires(REGIME, lang, text) is expected


def test_a_kazakh_negation_before_a_ban_belongs_to_another_verb() -> None:
    """"…тексермей бас тартады": refusing without checking is a refusal, not a permission."""
    r = rule({"concepts": ["review"]}, [{"effect": "restricts", "by": ["category"]}])
    text = "Теріс қылықтар бойынша кассациялық шағымды сот мән-жайын тексермей бас тартады."
    assert fires(r, "kk", text)


def test_a_negation_inside_the_concept_is_not_a_restriction_of_it() -> None:
    """"не относящимся к проступкам" is part of what the concept names: nothing restricts it."""
    r = rule({"concepts": ["review"]}, [{"effect": "restricts", "by": ["non-category"]}])
    assert fires(r, "ru", "Пересмотр по делам, не связанным с проступками, не производится.")
    assert not fires(r, "ru", "Пересмотр по делам, не связанным с проступками, производится в общем порядке.")


LEVELLING = rule({"concepts": ["adoption"]},
                 [{"effect": "subordinates-interest", "protected": ["child-interest"]}])


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "При усыновлении требования кандидатов, включая интересы ребёнка, учитываются в порядке поступления.", True),
    ("kk", "Бала асырап алуда үміткерлердің өтініштері, баланың мүддесін қоса алғанда, түсу ретімен қаралады.", True),
])
def test_levelling_takes_the_protected_interest_off_its_rank(lang: str, text: str, expected: bool) -> None:
    assert fires(LEVELLING, lang, text) is expected


def test_a_kazakh_clause_final_negative_does_not_negate_a_complying_period() -> None:
    r = rule({"concepts": ["conviction"]}, [{"effect": "restricts", "by": ["conviction"]}],
             ["court-decision"])
    # "сот шешімімен … жіберілмейді": the court decision is there; the verb is what is negated
    assert not fires(r, "kk", "Сотталған адам сот шешімімен қызметке жіберілмейді.")


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Выселение из жилища без решения суда не допускается."),
    ("kk", "Тұрғын үйден шығаруға сот шешімінсіз жол берілмейді."),
])
def test_without_a_court_decision_not_allowed_is_the_guarantee(lang: str, text: str) -> None:
    r = rule({"concepts": ["housing"]}, [{"effect": "restricts"}], ["court-decision"])
    assert not fires(r, lang, text)


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Решения, указанные в статье 484 настоящего Кодекса, по делам об уголовных проступках обжалованию не подлежат."),
    ("kk", "Осы Кодекстің 484-бабында көрсетілген шешімдерге қылмыстық теріс қылықтар бойынша шағым жасалмайды."),
])
def test_a_cited_unit_in_force_brings_its_topic(lang: str, text: str) -> None:
    """The provision never says "cassation": the article it cites does."""
    r = rule({"concepts": ["review"]}, [{"effect": "restricts", "by": ["category"]}])
    assert fires(r, lang, text, article="12")
    assert not fires(r, lang, text.replace("484", "12"), article="12")


def scoped_rule(operations: list[str], complies: list[str]) -> Rule:
    data = {"id": "t", "title": TEXTS, "message": TEXTS, "resolution": {"number": 1, "date": "2024-01-01"},
            "scope": {"acts": ["criminal-procedure-code"], "operations": operations},
            "topic": {"concepts": ["review"]},
            "forbidden": [{"effect": "denies-access", "by": ["category"]}], "complies": complies}
    spec, errors = read_rule(json.dumps(data, ensure_ascii=False), "<test>")
    assert errors == []
    return Rule.from_spec(spec, "<test>", KNOWLEDGE)


# What a rule accepts as compliance is the guarantee: deleting or replacing those words fires
# even when the rule lists neither removes-guarantee nor the deleting operation.
TAKEN = scoped_rule(["new_wording", "supplement"], ["regardless-of-category"])


@pytest.mark.parametrize(("lang", "op", "old", "text", "expected"), [
    ("ru", "delete_words", ", независимо от категории преступления,", None, True),
    ("ru", "replace_words", "независимо от категории преступления", "по делам о тяжких преступлениях", True),
    ("ru", "replace_words", "независимо от категории преступления", "независимо от категории и вида преступления", False),
    ("ru", "delete_words", "в течение шести месяцев", None, False),
    ("kk", "delete_words", "қылмыс санатына қарамастан", None, True),
    ("kk", "delete_words", "алты ай ішінде", None, False),
])
def test_compliance_taken_away(lang: str, op: str, old: str, text: str | None, expected: bool) -> None:
    assert fires(TAKEN, lang, text, op, old, article="484", part="2") is expected


def test_compliance_taken_away_is_named_as_removes_guarantee_and_explained() -> None:
    from checker.engine.ruleset import RuleSet

    amendment = Amendment(id="1", line=1, end_line=1, col=0, act=Act(slug="criminal-procedure-code", name=""),
                          operation="delete_words", target=Target(article="484", part="2"),
                          old="независимо от категории преступления", new=None, language="ru")
    ruleset = RuleSet([TAKEN])
    [finding] = ruleset.check_amendment(amendment, "t", "en", "ru")
    assert finding.effect == "removes-guarantee"
    explanation = ruleset.explain(amendment, "t")
    assert explanation.fires
    assert [p.part for p in explanation.parts][-1] == "compliance taken away"
    assert explanation.scope[2].passed and "only for the words" in explanation.scope[2].detail


# A unit named by number brings its concepts where it is cited: "the crimes of Art. 11(2) of the
# Criminal Code" is a category even though no category word is written.
@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "Приговоры по делам о преступлениях, предусмотренных частью второй статьи 11 Уголовного кодекса, "
           "в кассационном порядке не пересматриваются.", True),
    ("ru", "Приговоры по делам о преступлениях, предусмотренных частью 2 статьи 11 Уголовного кодекса, "
           "могут быть пересмотрены в кассационном порядке.", False),
    ("ru", "Приговоры по делам, указанным в статье 12 Уголовного кодекса, в кассационном порядке не пересматриваются.", False),
    ("kk", "Қылмыстық кодекстің 11-бабының екінші бөлігінде көзделген қылмыстар туралы істер бойынша үкімдер "
           "кассациялық тәртіппен қайта қаралмайды.", True),
    ("kk", "Қылмыстық кодекстің 11-бабының бірінші бөлігінде көзделген істер бойынша үкімдер "
           "кассациялық тәртіппен қайта қаралмайды.", False),
])
def test_a_cited_unit_brings_its_concepts(lang: str, text: str, expected: bool) -> None:
    assert fires(DENIES, lang, text) is expected


# Words under "независимо от" / "қарамастан" are named only to say they do not count: they never
# make a provision comply; the guarantee phrase itself still does.
UNLESS_LIFTED = rule({"concepts": ["review"]}, [{"effect": "denies-access", "by": ["category"]}], ["conviction"])


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "Независимо от судимости приговоры по делам об уголовных проступках в кассационном порядке "
           "не пересматриваются.", True),
    ("ru", "При наличии судимости приговоры по делам об уголовных проступках в кассационном порядке "
           "не пересматриваются.", False),
    ("kk", "Соттылығына қарамастан қылмыстық теріс қылықтар туралы істер бойынша үкімдер кассациялық "
           "тәртіппен қайта қаралмайды.", True),
    ("kk", "Соттылығы болса, қылмыстық теріс қылықтар туралы істер бойынша үкімдер кассациялық "
           "тәртіппен қайта қаралмайды.", False),
])
def test_words_under_a_guarantee_do_not_comply(lang: str, text: str, expected: bool) -> None:
    assert fires(UNLESS_LIFTED, lang, text) is expected


def test_citations_name_the_act_part_and_skip_headings() -> None:
    from checker.engine.citations import citations

    ru = citations("Статья 914. Требования\nпо статье 5 настоящего Кодекса и части третьей статьи 11 "
                   "Уголовного кодекса Республики Казахстан", "ru", "civil-code")
    assert [(c.act, c.article, c.part) for c in ru] == [("civil-code", "5", None), ("criminal-code", "11", "3")]
    kk = citations("«914-бап. Талаптар\nҚылмыстық кодексінің 10-бабының 2-бөлігі және осы Кодекстің 811-бабы",
                   "kk", "administrative-offences-code")
    assert [(c.act, c.article, c.part) for c in kk] == [("criminal-code", "10", "2"),
                                                        ("administrative-offences-code", "811", None)]
    # a code named by its kind first and its subject after
    ru = citations("Лица, указанные в части третьей статьи 608 Кодекса Республики Казахстан об "
                   "административных правонарушениях, и по статье 5 Кодекса о чём-либо ином", "ru",
                   "law:road-traffic")
    assert [(c.act, c.article, c.part) for c in ru] == [("administrative-offences-code", "608", "3"),
                                                        ("law:road-traffic", "5", None)]


# A safeguard written as optional is none: the regime it would keep is replaced, and a
# complying concept made optional takes the guarantee away.
OPTIONAL = rule({"concepts": ["housing"]},
                [{"effect": "replaces-regime", "required": ["court-decision"], "instead": ["admin-body"]}],
                ["court-decision"])


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "Выселение из жилища производится по постановлению акимата; решение суда при этом не является обязательным.", True),
    ("ru", "При выселении из жилища решение суда не является обязательным.", True),
    ("ru", "Выселение из жилища производится по решению суда.", False),
    ("kk", "Тұрғын үйден шығару әкімнің қаулысы негізінде жүргізіледі, сот шешімі міндетті емес.", True),
    ("kk", "Тұрғын үйден шығару кезінде сот шешімі міндетті болып табылмайды.", True),
    ("kk", "Тұрғын үйден шығару сот шешімімен жүргізіледі.", False),
    # the optional predicate belongs to another clause
    ("ru", "Выселение из жилища производится по решению суда, уведомление прокурора не является обязательным.", False),
    ("kk", "Тұрғын үйден шығару сот шешімімен жүргізіледі және хабарлама жіберу міндетті емес.", False),
])
def test_an_optional_safeguard_is_none(lang: str, text: str, expected: bool) -> None:
    assert fires(OPTIONAL, lang, text) is expected


# `granted`: a part left out counts only where the named parts are given the right; a part
# named for a detail, or added to others ("да", "также"), leaves no one out.
GRANTED = rule({"concepts": ["childcare"]},
               [{"effect": "narrows-group", "members": ["mother", "father"], "whole": ["parent"], "granted": True}])


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "Мать вправе получить отпуск по уходу за ребёнком.", True),
    ("ru", "Отпуск по уходу за ребёнком матери оформляется приказом.", False),
    ("ru", "Отпуск по уходу за ребёнком вправе получить также мать.", False),
    ("kk", "Анасы баланы күту үшін демалыс алуға құқылы.", True),
    ("kk", "Анасына баланы күту үшін демалыс бұйрықпен ресімделеді.", False),
    ("kk", "Анасы да баланы күту үшін демалыс алуға құқылы.", False),
    # the right granted by the lead-in of the list whose item names the part
    ("ru", "Отпуск по уходу за ребёнком вправе получить: 1) опекун ребёнка; 2) мать.", True),
    ("ru", "Отпуск по уходу за ребёнком оформляется по заявлению: 1) опекуна ребёнка; 2) матери.", False),
])
def test_narrows_group_where_a_right_is_granted(lang: str, text: str, expected: bool) -> None:
    assert fires(GRANTED, lang, text) is expected


@pytest.mark.parametrize(("text", "inside", "outside"), [
    # a subordinate clause after "независимо от того, …" is guarded to its end
    ("Жалоба подается в течение месяца независимо от того, когда решение изготовлено в окончательной "
     "форме, и рассматривается судом.", "окончательной форме", "рассматривается"),
    # a participle clause after a comma inside the reach belongs to the guarded words
    ("Лицо не принимается на службу независимо от тяжести деяния и срока, прошедшего с момента "
     "освобождения от ответственности.", "момента освобождения", "принимается"),
    # otherwise the plain reach of a few words
    ("Приговоры могут быть пересмотрены независимо от категории преступления, а жалобы подаются "
     "в течение месяца со дня оглашения.", "категории преступления", "месяца"),
])
def test_the_scope_of_a_russian_guarantee(text: str, inside: str, outside: str) -> None:
    from checker.engine.conditions import WordMatcher
    from checker.engine.effective import build_view
    from checker.engine.scopes import shielded

    view = build_view([(text, None)], "ru")
    guarded = {view.words[i].text for i in shielded(view, KNOWLEDGE.markers.find(view, WordMatcher()))}
    assert set(inside.split()) <= guarded
    assert outside not in guarded


def test_a_required_regime_named_only_under_regardless_of_is_absent() -> None:
    assert fires(REGIME, "ru", "Выселение из жилища производится по постановлению акимата независимо "
                               "от решения суда.")
    assert not fires(REGIME, "ru", "Выселение из жилища производится по решению суда, а не по "
                                   "постановлению акимата.")


LIST_RULE = rule({"concepts": ["review"]}, [{"effect": "restricts", "by": ["category"]}])


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a restrictive lead-in bears on every item, each a sentence of its own
    ("ru", "Не подлежат пересмотру в кассационном порядке: 1) постановления о назначении "
           "судебного разбирательства; 2) приговоры по делам об уголовных проступках; 3) протоколы.", True),
    # a closing predicate after a neutral lead-in ("Мыналар:") governs the whole list
    ("kk", "Мыналар: 1) сот талқылауын тағайындау туралы қаулылар; 2) қылмыстық теріс қылықтар "
           "туралы үкімдер; 3) сот отырысының хаттамасы кассациялық тәртіппен қайта қаралуға жатпайды.", True),
    # the category in a list whose lead-in restricts nothing
    ("ru", "Пересматриваются в кассационном порядке: 1) приговоры по делам об уголовных проступках; "
           "2) постановления суда.", False),
    # a closing predicate of the last item alone, after a lead-in that is no neutral "мыналар"
    ("kk", "Кассациялық тәртіппен қаралады: 1) қылмыстық теріс қылықтар туралы үкімдер; "
           "2) сот отырысының хаттамасы қайта қаралуға жатпайды.", False),
])
def test_a_restriction_said_once_for_a_list_bears_on_its_items(lang: str, text: str, expected: bool) -> None:
    assert fires(LIST_RULE, lang, text) is expected


def test_what_the_topic_requires_may_be_in_the_words_that_go() -> None:
    """Deleting "… по решению суда" from a housing provision is about the court decision the
    topic requires, though the words that stay no longer name it."""
    r = rule({"concepts": ["housing"], "requires": ["court-decision"]},
             [{"effect": "removes-guarantee", "guarantee": ["court-decision"]}])
    assert fires(r, "ru", None, op="delete_words", old="выселение из жилища по решению суда")
    assert not fires(r, "ru", None, op="delete_words", old="выселение из жилища в течение месяца")


@pytest.mark.parametrize(("text", "expected"), [
    # the negative verb closes a long clause and bears on all of it
    ("Қылмыстық теріс қылықтар туралы істер бойынша заңды күшіне енген үкімдер мен қаулылар "
     "тараптардың өтінішхаттары бойынша кассациялық тәртіппен ешбір жағдайда қайта қаралуға жатпайды.", True),
    # a clause break between them: the verb bears on its own clause only
    ("Қылмыстық теріс қылықтар туралы істер бойынша үкімдер апелляциялық тәртіппен қаралады, ал "
     "сот отырысының хаттамалары мен өзге де құжаттардың көшірмелері қайта қаралуға жатпайды.", False),
])
def test_a_kazakh_clause_final_negative_reaches_its_whole_clause(text: str, expected: bool) -> None:
    assert fires(LIST_RULE, "kk", text) is expected


def test_narrows_group_reads_the_right_from_the_permissive_list_in_force() -> None:
    """An item of a list whose lead-in in force grants the right ("могут быть пересмотрены:"),
    given a new wording, names the part that gets it; the part left out is left out of the right
    (a new item added to such a list only widens it: see the test below)."""
    r = rule({"concepts": ["review"]},
             [{"effect": "narrows-group", "members": ["category", "conviction"], "granted": True}])
    item = "2) приговоры по делам об уголовных проступках;"
    assert fires(r, "ru", item, op="new_wording", article="484", part="1", paragraph="2")
    assert not fires(r, "ru", item, op="new_wording", article="484", part="2", paragraph="2")


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the category named as what the cases are about: the focus limits the cases, not it
    ("ru", "Приговоры пересматриваются в кассационном порядке только по делам, связанным с "
           "уголовными проступками.", False),
    ("kk", "Кассациялық тәртіппен тек қылмыстық теріс қылықтарға байланысты істер қайта қаралады.", False),
    # the category itself restricted
    ("ru", "Приговоры по делам об уголовных проступках в кассационном порядке не пересматриваются.", True),
    ("kk", "Қылмыстық теріс қылықтар туралы үкімдер кассациялық тәртіппен қайта қаралмайды.", True),
])
def test_what_a_provision_is_about_is_not_what_it_restricts(lang: str, text: str, expected: bool) -> None:
    assert fires(LIST_RULE, lang, text) is expected


def test_the_part_let_in_after_an_event_may_be_described_at_length() -> None:
    """"ана қайтыс болған жағдайда – баланы іс жүзінде тәрбиелеген әкесіне": the father comes five
    words after the event, still in its clause."""
    text = ("Баланы күту кезеңі анасына, ал ана қайтыс болған жағдайда – баланы іс жүзінде "
            "тәрбиелеген әкесіне есептеледі.")
    assert fires(NARROWS, "kk", text)


@pytest.mark.parametrize(("text", "expected"), [
    # a comma or "және" between nouns lists them inside one clause: the closing verb bears on all
    ("Қылмыстық теріс қылықтар туралы істер бойынша үкімдер сотталғанның, жәбірленушінің және "
     "олардың өкілдерінің өтінішхаттары бойынша кассациялық тәртіппен қайта қаралмайды.", True),
    # a comma after a converb closes the clause: the verb bears on the next one only
    ("Қылмыстық теріс қылықтар туралы істер бойынша үкімдер апелляциялық тәртіппен қаралып, "
     "сот отырысының хаттамаларының көшірмелері тараптарға қайта берілмейді.", False),
])
def test_a_kazakh_comma_after_a_noun_does_not_end_the_clause(text: str, expected: bool) -> None:
    assert fires(LIST_RULE, "kk", text) is expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # Russian "не обязан" governs the infinitive after it
    ("ru", "Аким вправе произвести выселение из жилища, не будучи обязанным получать решение суда.", True),
    ("ru", "Аким не обязан получать решение суда для выселения из жилища.", True),
    ("ru", "Аким обязан получить решение суда для выселения из жилища.", False),
    # the optional predicate governs another clause
    ("ru", "Выселение из жилища производится по решению суда; аким не обязан уведомлять прокурора.", False),
])
def test_an_optional_safeguard_governed_from_before(lang: str, text: str, expected: bool) -> None:
    assert fires(OPTIONAL, lang, text) is expected


def test_striking_a_whole_unit_that_holds_a_guarantee_takes_it_away() -> None:
    """The rule lists no removes-guarantee effect; the unit table says 484(3) holds the guarantee
    the rule speaks of, so striking that unit (or the article) takes it away; striking an item
    inside the unit, or another part, does not."""
    r = rule({"concepts": ["review"]}, [{"effect": "restricts", "by": ["category"]}],
             ["regardless-of-category"])
    assert fires(r, "ru", None, op="delete", article="484", part="3")
    assert fires(r, "kk", None, op="delete", article="484")
    assert not fires(r, "ru", None, op="delete", article="484", part="1")
    assert not fires(r, "ru", None, op="delete", article="484", part="3", paragraph="2")
    other = rule({"concepts": ["review"]}, [{"effect": "restricts", "by": ["category"]}])
    assert not fires(other, "ru", None, op="delete", article="484", part="3")


@pytest.mark.parametrize(("text", "expected"), [
    ("Қылмыстық теріс қылықтар туралы істер бойынша үкімдер кассациялық тәртіппен қаралмайды.", True),
    # a minor, a place outside the country, an abstract noun in -маушылық: words, not bars
    ("Кәмелетке толмағандар жасаған қылмыстық теріс қылықтар туралы істер бойынша үкімдер "
     "кассациялық тәртіппен қаралады.", False),
    ("Қазақстан Республикасынан тыс жерлерде жасалған қылмыстық теріс қылықтар туралы істер "
     "кассациялық тәртіппен қаралады.", False),
    ("Қылмыстық теріс қылықтар туралы істер тұрғын үйге қол сұғылмаушылықты сақтай отырып "
     "кассациялық тәртіппен қаралады.", False),
])
def test_kazakh_words_that_look_negative_but_name_things(text: str, expected: bool) -> None:
    assert fires(LIST_RULE, "kk", text) is expected


def test_a_new_wording_silences_the_units_inside_its_target() -> None:
    """A new wording of article 484 replaces what its parts said: their topic no longer counts;
    a new wording of part 2 itself still lands in that part."""
    r = rule({"concepts": ["category"], "requires": ["review"]}, [{"effect": "restricts", "by": ["category"]}])
    text = "Приговоры по делам об уголовных проступках обжалованию не подлежат."
    assert fires(r, "ru", text, article="484", part="2")
    assert not fires(r, "ru", text, article="484")


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # an order of payment puts others first and the protected interest after them
    ("kk", "Бала асырап алуда алдымен есепке ерте қойылған туыстар мен басқа да үміткерлердің "
           "өтініштері қаралады, ал қалған жағдайларда ғана баланың мүддесі ескеріледі.", True),
    ("ru", "При усыновлении сначала рассматриваются заявления родственников и иных кандидатов, "
           "состоящих на учёте дольше других, а затем учитываются интересы ребёнка.", True),
    ("ru", "При усыновлении сначала учитываются интересы ребёнка.", False),
])
def test_an_order_of_payment_subordinates(lang: str, text: str, expected: bool) -> None:
    assert fires(SUBORDINATES, lang, text) is expected


def test_an_exception_named_only_as_negated_is_none() -> None:
    """`unless` holds on words the provision affirms; "ни по решению суда, ни по протесту" names
    the court only to deny it (the second "ни" goes on negating, it does not cancel the first)."""
    data = {"id": "t", "title": TEXTS, "message": TEXTS, "resolution": {"number": 1, "date": "2024-01-01"},
            "scope": {"acts": ["criminal-procedure-code"]}, "topic": {"concepts": ["review"]},
            "forbidden": [{"effect": "restricts", "by": ["category"]}],
            "unless": {"concept": ["court-decision"]}}
    spec, errors = read_rule(json.dumps(data, ensure_ascii=False), "<test>")
    assert errors == []
    r = Rule.from_spec(spec, "<test>", KNOWLEDGE)
    assert fires(r, "ru", "Приговоры по делам об уголовных проступках в кассационном порядке не "
                          "пересматриваются ни по решению суда, ни по протесту прокурора.")
    assert not fires(r, "ru", "Приговоры по делам об уголовных проступках в кассационном порядке не "
                              "пересматриваются, кроме как по решению суда.")


def test_a_new_wording_of_a_guarantee_unit_that_drops_it_takes_it_away() -> None:
    """484(3) holds the guarantee: a new wording that no longer says it takes it away; one that
    says it again, in whatever words the concept knows, keeps it."""
    r = rule({"concepts": ["review"]}, [{"effect": "restricts", "by": ["category"]}],
             ["regardless-of-category"])
    assert fires(r, "ru", "3. Приговоры пересматриваются в кассационном порядке по ходатайству сторон.",
                 article="484", part="3")
    assert not fires(r, "ru", "3. Приговоры пересматриваются в кассационном порядке независимо от "
                              "категории преступления.", article="484", part="3")
    assert fires(r, "kk", "3. Үкімдер тараптардың өтінішхаты бойынша кассациялық тәртіппен қайта қаралады.",
                 article="484", part="3")
    assert not fires(r, "ru", "3. Приговоры пересматриваются в кассационном порядке по ходатайству сторон.",
                     article="484", part="1")
    # a new wording that opens by pointing back ("указанные …") keeps the unit's subject
    assert not fires(r, "ru", "3. Указанные приговоры пересматриваются в кассационном порядке по "
                              "ходатайству сторон.", article="484", part="3")


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the court decision is named in a concessive clause: it changes nothing, so it is no guarantee
    ("kk", "Тұрғын үйден шығару әкімнің қаулысымен жүргізіледі; сот шешімі кейінірек шығарылса да, "
           "шығару тоқтатылмайды.", True),
    ("ru", "Выселение из жилища производится по постановлению акима; даже если решение суда будет "
           "вынесено позже, выселение не приостанавливается.", True),
    # the concession belongs to another clause
    ("kk", "Тұрғын үйден шығару сот шешімімен жүргізіледі, әкім қарсы болса да.", False),
    ("ru", "Выселение из жилища производится по решению суда, даже если аким возражает.", False),
])
def test_words_of_a_concessive_clause_do_not_comply(lang: str, text: str, expected: bool) -> None:
    assert fires(OPTIONAL, lang, text) is expected


CUT = rule({"concepts": ["childcare"]}, [{"effect": "restricts", "by": ["childcare"]}])


@pytest.mark.parametrize(("text", "expected"), [
    # a cut in what is due is a restriction …
    ("Ведомственные правила могут уменьшать период ухода за ребёнком.", True),
    # … a negated cut is a guarantee, and a cut joined to the negated one by "и" shares its negation
    ("Ведомственные правила не могут уменьшать период ухода за ребёнком.", False),
    ("Ведомственные правила не могут уменьшать размер пособия и сужать период ухода за ребёнком.", False),
])
def test_a_negated_cut_is_a_guarantee(text: str, expected: bool) -> None:
    assert fires(CUT, "ru", text) is expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the part named inside the condition of the grant is the only part let in
    ("kk", "Баланы анасы тәрбиелеген жағдайда баланы күту үшін демалыс беріледі.", True),
    ("kk", "Баланы анасы тәрбиелеп, өтініш берілген жағдайда баланы күту үшін демалыс беріледі.", True),
    ("kk", "Баланы анасы тәрбиелесе, баланы күту үшін демалыс беріледі.", True),
    ("ru", "Отпуск по уходу за ребёнком оформляется приказом, если ребёнка воспитывает мать.", True),
    ("ru", "Отпуск по уходу за ребёнком оформляется при условии, что с ребёнком живёт мать.", True),
    # the part outside the condition, or a condition that names nobody of the group
    ("kk", "Анасына баланы күту үшін демалыс өтініш берілген жағдайда ресімделеді.", False),
    ("kk", "Баланы анасы тәрбиелейді, өтініш берілген жағдайда баланы күту үшін демалыс ресімделеді.", False),
    ("ru", "Отпуск по уходу за ребёнком матери оформляется, если подано заявление.", False),
    ("ru", "Если подано заявление, отпуск по уходу за ребёнком оформляется приказом; мать уведомляется.", False),
])
def test_narrows_group_where_a_condition_names_the_part(lang: str, text: str, expected: bool) -> None:
    """A grant written as a condition ("… жағдайда … береді", "…, если …") lets in only the
    part of the group the condition names, even without a word of right."""
    assert fires(GRANTED, lang, text) is expected


@pytest.mark.parametrize(("lang", "old", "new", "expected"), [
    # the words that go named the whole group or more of it; the arriving words name a part
    ("ru", "родителю", "матери", True),
    ("ru", "матери или отцу", "матери", True),
    ("kk", "ата-анасына", "анасына", True),
    ("kk", "анасына немесе әкесіне", "анасына", True),
    # the same part or more of the group stays, or the words that went restricted the group
    ("ru", "отцу", "матери или отцу", False),
    ("ru", "родителю", "отцу или матери", False),
    ("ru", "кроме отца", "матери", False),
    ("kk", "әкесіне", "анасына және әкесіне", False),
])
def test_narrows_group_where_the_whole_is_replaced_by_a_part(lang: str, old: str, new: str,
                                                             expected: bool) -> None:
    """'по делам о любых уголовных правонарушениях' → 'по делам о тяжких преступлениях': what
    the provision said of all it now says of a part, whatever words of right stand around."""
    topic = {"kk": "баланы күту демалысы ", "ru": "отпуск по уходу за ребёнком "}[lang]
    assert fires(GRANTED, lang, topic + new, op="replace_words", old=topic + old) is expected


@pytest.mark.parametrize(("rule_", "lang", "text", "expected"), [
    # the court not waited for: its decision is absent
    (REGIME, "kk", "Тұрғын үйден шығару сот шешімін күтпестен әкімнің қаулысымен жүргізіледі.", True),
    (REGIME, "ru", "Выселение из жилища производится по постановлению акимата, не дожидаясь решения суда.", True),
    (REGIME, "kk", "Тұрғын үйден шығару сот шешімімен жүргізіледі, әкім оны күтпестен хабарлама жібереді.", False),
    # consent given as the condition of a review
    (DENIES, "kk", "Қылмыстық теріс қылықтар туралы істер бойынша үкімдер прокурор келісім берген жағдайда "
                   "кассациялық тәртіппен қайта қаралады.", True),
    (DENIES, "ru", "Приговоры по делам об уголовных проступках пересматриваются в кассационном порядке "
                   "при наличии согласия прокурора.", True),
    (DENIES, "ru", "Приговоры по делам об уголовных проступках пересматриваются в кассационном порядке "
                   "по жалобе осуждённого.", False),
])
def test_consent_as_a_condition_and_a_court_not_waited_for(rule_: Rule, lang: str, text: str,
                                                           expected: bool) -> None:
    assert fires(rule_, lang, text) is expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("kk", "Конституциямен тыйым салынған жаза қолданылған қылмыстық теріс қылықтар туралы істер "
           "кассациялық тәртіппен қаралады.", False),
    ("ru", "Дела об уголовных проступках, по которым было назначено наказание, запрещённое Конституцией, "
           "пересматриваются в кассационном порядке.", False),
    ("kk", "Қылмыстық теріс қылықтар туралы істерді кассациялық тәртіппен қарауға тыйым салынады.", True),
])
def test_the_penalty_the_constitution_bans_is_a_name_not_a_ban(lang: str, text: str, expected: bool) -> None:
    """'Конституциямен тыйым салынған жаза' names the death penalty; its ban word bars nothing."""
    assert fires(LIST_RULE, lang, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # "only when" with its verb closing the clause limits everything the clause names, however far
    ("Қылмыстық теріс қылықтар туралы істер бойынша шығарылған сот актілерін кассациялық тәртіппен "
     "қайта қарау туралы сотталғанның және жәбірленушінің өтінішхаттары осы Кодексте көзделген ерекше "
     "негіз болған кезде ғана қаралады.", True),
    # the clause closes before it
    ("Қылмыстық теріс қылықтар туралы істер бойынша кассациялық өтінішхаттар жалпы тәртіппен "
     "қаралады; басқа өтініштер сот қажет деп тапқан кезде ғана қаралады.", False),
])
def test_a_kazakh_clause_final_only_when_reaches_its_whole_clause(text: str, expected: bool) -> None:
    assert fires(LIST_RULE, "kk", text) is expected


def test_words_taken_from_a_unit_that_holds_a_guarantee_take_it_away() -> None:
    """484(3) holds the guarantee 'regardless of the category' (unit table). A rule whose topic
    is that unit loses it when the words that say it are deleted or replaced, though the rule
    itself never names the guarantee; words that say it again, another unit, or a rule about
    something else keep silent."""
    on_unit = rule({"units": [{"act": "criminal-procedure-code", "article": "484", "part": "3"}]},
                   [{"effect": "restricts", "by": ["category"]}])
    for lang, words in (("ru", "независимо от категории"), ("kk", "санатына қарамастан")):
        assert fires(on_unit, lang, None, op="delete_words", old=words, article="484", part="3")
        assert not fires(on_unit, lang, None, op="delete_words", old=words, article="484", part="1")
    assert not fires(on_unit, "ru", "независимо от категории и вида", op="replace_words",
                     old="независимо от категории", article="484", part="3")
    assert not fires(on_unit, "ru", None, op="delete_words", old="в течение года", article="484", part="3")
    elsewhere = rule({"concepts": ["review"]}, [{"effect": "restricts", "by": ["category"]}])
    assert not fires(elsewhere, "ru", None, op="delete_words", old="независимо от категории",
                     article="484", part="3")


@pytest.mark.parametrize(("rule_", "lang", "text", "expected"), [
    # "without assessing it": a negated converb or gerund of weighing makes the consequence automatic
    (AUTOMATIC, "kk", "Өзіне зақым келтіру оның себептері бағаланбастан қасақана бұзушылық болып табылады.", True),
    (AUTOMATIC, "kk", "Өзіне зақым келтіру мән-жайы тексерілмей қасақана бұзушылыққа жатқызылады.", True),
    (AUTOMATIC, "ru", "Причинение себе вреда, не оценивая его причин, считается злостным нарушением.", True),
    (AUTOMATIC, "ru", "Администрация, не проверяя обстоятельств, признаёт действие злостным нарушением.", True),
    (AUTOMATIC, "kk", "Әрекетті қасақана бұзушылық деп тану туралы мәселе оның себептері бағаланып шешіледі.", False),
])
def test_without_assessing_is_automatic(rule_: Rule, lang: str, text: str, expected: bool) -> None:
    assert fires(rule_, lang, text) is expected


FINAL_BY = rule({"concepts": ["malicious"]}, [{"effect": "final-decision", "by": ["malicious"]}])


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the next sentence opens on "the decision" and makes it final
    ("kk", "Қасақана бұзушылық туралы мәселені әкімшілік қарайды. Қабылданған шешім түпкілікті болып табылады.", True),
    ("ru", "Вопрос о злостном нарушении решает администрация. Принятое решение является окончательным.", True),
    # the final sentence is about something else, or not the next one
    ("kk", "Қасақана бұзушылық туралы мәселені әкімшілік қарайды. Тізім түпкілікті болып табылады.", False),
    ("ru", "Вопрос о злостном нарушении решает администрация. Осуждённый уведомляется письменно. "
           "Решение является окончательным.", False),
])
def test_a_decision_made_final_in_the_next_sentence(lang: str, text: str, expected: bool) -> None:
    assert fires(FINAL_BY, lang, text) is expected


def test_a_new_item_of_a_granting_list_narrows_nobody() -> None:
    """484(1) grants (lead-in permissive in the unit table): a new item naming one part of the
    group widens the list. The same item elsewhere leaves the other part out."""
    r = rule({"concepts": ["review"]}, [{"effect": "narrows-group", "members": ["mother", "father"]}])
    for lang, text in (("ru", "5) кассационные жалобы матери;"), ("kk", "5) анасының кассациялық шағымдары;")):
        assert not fires(r, lang, text, op="supplement", article="484", part="1")
        assert fires(r, lang, text, op="supplement", article="484", part="3")


def test_kazakh_review_granted_by_the_norm_and_a_deeming_as() -> None:
    """'… кассациялық тәртіппен қайта қаралады' grants the review as 'пересматриваются' does, so
    naming one part of the group there leaves the rest out; '… ретінде танылады' deems."""
    granted = rule({"concepts": ["review"]},
                   [{"effect": "narrows-group", "members": ["category", "conviction"], "granted": True}])
    assert fires(granted, "kk", "Қылмыстық теріс қылықтар туралы істер бойынша үкімдер кассациялық "
                                "тәртіппен қайта қаралады.")
    assert not fires(granted, "kk", "Қылмыстық теріс қылықтар туралы істер бойынша үкімдер кассациялық "
                                    "тәртіппен қаралған істер тізіліміне енгізіледі.")
    assert fires(AUTOMATIC, "kk", "Өзіне зақым келтіру қасақана бұзушылық ретінде танылады.")
    assert not fires(AUTOMATIC, "kk", "Өзіне зақым келтіру мән-жайы тексеріліп, қасақана бұзушылық деп "
                                      "тану туралы мәселе шешіледі.")


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a part named only as absent is left out, not named
    ("kk", "Баланы күту кезеңі баланы әкесінің қатысуынсыз тәрбиелеген анасына есептеледі.", True),
    ("ru", "Период ухода за ребёнком засчитывается матери, воспитывающей ребёнка без участия отца.", True),
    ("ru", "Период ухода за ребёнком засчитывается матери или отцу без участия органа опеки.", False),
    ("kk", "Баланы күту кезеңі анасына немесе әкесіне қорғаншының қатысуынсыз есептеледі.", False),
])
def test_a_part_named_only_as_absent_is_left_out(lang: str, text: str, expected: bool) -> None:
    assert fires(NARROWS, lang, text) is expected


@pytest.mark.parametrize(("rule_", "lang", "old", "target", "expected"), [
    # one member of a coordination struck out of a grant: what the provision gave it goes
    (GRANTED, "ru", ", а также вправе предоставить отпуск по уходу за ребёнком отцу", {}, True),
    (GRANTED, "kk", ", сондай-ақ бала күту демалысын әкесіне беруге құқылы", {}, True),
    (GRANTED, "kk", "және әкесі бала күту демалысын алуға құқылы", {}, True),
    (LIST_RULE, "ru", "и по делам об уголовных проступках", {"article": "484", "part": "1"}, True),
    (LIST_RULE, "kk", ", сондай-ақ қылмыстық теріс қылықтар туралы істер бойынша",
     {"article": "484", "part": "1"}, True),
    # struck from a list of restrictions in force, or the words restricted by themselves: widens
    (LIST_RULE, "ru", ", а также по делам об уголовных проступках", {"article": "484", "part": "2"}, False),
    (LIST_RULE, "kk", ", сондай-ақ қылмыстық теріс қылықтар туралы істер бойынша",
     {"article": "484", "part": "2"}, False),
    (GRANTED, "ru", ", за исключением отца, вправе получить отпуск по уходу за ребёнком", {}, False),
    # whether the provision in force granted or barred is not known: struck from a bar widens
    (GRANTED, "ru", ", а также отцу, осуществляющему уход за ребёнком", {}, False),
    # not one of several: what the words did in the provision is not known
    (GRANTED, "kk", "бала күту демалысын әкесіне беруге құқылы", {}, False),
])
def test_a_member_struck_out_of_a_grant_is_left_out(rule_: Rule, lang: str, old: str,
                                                     target: dict, expected: bool) -> None:
    assert fires(rule_, lang, None, op="delete_words", old=old, **target) is expected


def test_a_rule_sees_words_struck_out_whatever_operations_it_lists() -> None:
    """A rule scoped to new texts still sees a deletion of the words that named its group."""
    data = {"id": "t", "title": TEXTS, "message": TEXTS, "resolution": {"number": 1, "date": "2024-01-01"},
            "scope": {"acts": ["criminal-procedure-code"], "operations": ["new_wording", "supplement"]},
            "topic": {"concepts": ["childcare"]},
            "forbidden": [{"effect": "narrows-group", "members": ["mother", "father"], "whole": ["parent"]}]}
    spec, errors = read_rule(json.dumps(data, ensure_ascii=False), "<test>")
    assert errors == []
    scoped = Rule.from_spec(spec, "<test>", KNOWLEDGE)
    assert fires(scoped, "ru", None, op="delete_words", old=", а также вправе предоставить отпуск по уходу за ребёнком отцу")
    assert not fires(scoped, "ru", None, op="delete_words", old=", а также вправе продлить отпуск по уходу за ребёнком")


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a complaint sent back unheard closes the review; not sent back, it is a guarantee
    ("ru", "Суд возвращает кассационную жалобу по делам об уголовных проступках.", True),
    ("ru", "Кассационная жалоба по делам об уголовных проступках не возвращается заявителю.", False),
    ("kk", "Сот қылмыстық теріс қылықтар туралы істер бойынша кассациялық шағымды қайтарады.", True),
    ("kk", "Қылмыстық теріс қылықтар туралы істер бойынша кассациялық шағым өтініш берушіге "
           "қайтарылмайды.", False),
    # the "не" of the first of two coordinated verbs does not cancel the second one's ban
    ("ru", "Кассационные жалобы по делам об уголовных проступках не принимаются и возвращаются.", True),
])
def test_a_complaint_sent_back_and_a_negation_that_stops_at_a_coordination(lang: str, text: str,
                                                                            expected: bool) -> None:
    assert fires(DENIES, lang, text) is expected


@pytest.mark.parametrize(("lang", "old", "new", "expected"), [
    # what the provision did as a duty it now does at discretion
    ("ru", "пересматривает приговоры по делам об уголовных проступках",
     "разрешает вопрос о целесообразности пересмотра приговоров по делам об уголовных проступках", True),
    ("ru", "пересматривает приговоры по делам об уголовных проступках",
     "по своему усмотрению пересматривает приговоры по делам об уголовных проступках", True),
    ("kk", "қылмыстық теріс қылықтар туралы істер бойынша үкімдерді кассациялық тәртіппен қарайды",
     "қылмыстық теріс қылықтар туралы істер бойынша үкімдерді кассациялық тәртіппен қарау қажеттігін өзі "
     "бағалайды", True),
    # the duty stays: other words change
    ("ru", "пересматривает приговоры по делам об уголовных проступках",
     "пересматривает приговоры по делам об уголовных проступках в течение месяца", False),
    ("kk", "қылмыстық теріс қылықтар туралы істер бойынша үкімдерді кассациялық тәртіппен қарайды",
     "қылмыстық теріс қылықтар туралы істер бойынша үкімдерді кассациялық тәртіппен бір ай ішінде қарайды", False),
])
def test_a_duty_turned_into_discretion_takes_the_guarantee_away(lang: str, old: str, new: str,
                                                               expected: bool) -> None:
    assert fires(DENIES, lang, new, op="replace_words", old=old) is expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the act of weighing said not to be conducted
    ("kk", "Өзіне жарақат келтіру оның себептерін бағалау жүргізілместен қасақана бұзушылық деп "
           "есептеледі.", True),
    ("ru", "Причинение себе вреда без проведения оценки его причин считается злостным нарушением.", True),
    ("ru", "Причинение себе вреда после проведения оценки его причин может быть признано злостным "
           "нарушением.", False),
])
def test_an_assessment_not_conducted_is_automatic(lang: str, text: str, expected: bool) -> None:
    assert fires(AUTOMATIC, lang, text) is expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # as far as a list another body approves goes: it decides who is in
    ("ru", "Отпуск по уходу за ребёнком предоставляется лицам, включённым в перечень, утверждаемый министром.", True),
    ("kk", "Бала күту демалысы министр бекітетін тізбеге енгізілген адамдарға беріледі.", True),
    ("ru", "Отпуск по уходу за ребёнком предоставляется работникам в порядке, утверждаемом министром.", False),
])
def test_a_list_another_body_approves_limits(lang: str, text: str, expected: bool) -> None:
    assert fires(CUT, lang, text) is expected


FINAL_IN_UNIT = rule({"concepts": ["review"]}, [{"effect": "final-decision", "by": ["review"]}])


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the unit in force is about the review; the text names the decision only by its body
    ("kk", "Осы бөлікте көрсетілген шешімге комиссияға шағым жасалады; комиссияның шешімі түпкілікті "
           "болып табылады.", True),
    ("ru", "Решение, указанное в настоящей части, обжалуется в комиссию; решение комиссии является "
           "окончательным.", True),
    ("ru", "Решение, указанное в настоящей части, обжалуется в комиссию в течение месяца.", False),
])
def test_a_decision_made_final_in_a_unit_about_the_topic(lang: str, text: str, expected: bool) -> None:
    assert fires(FINAL_IN_UNIT, lang, text, op="supplement", article="484", part="1") is expected
    assert not fires(FINAL_IN_UNIT, lang, text, op="supplement", article="100")  # no unit, no topic


OFFERED = rule({"concepts": ["housing"]}, [{"effect": "restricts", "by": ["court-decision"]}], ["court-decision"])


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # what complies named, but as a duty not imposed
    ("ru", "Обязанность получения решения суда о выселении из жилища на акимат не возлагается.", True),
    ("kk", "Тұрғын үйден шығару үшін сот шешімін алу міндеті әкімдікке жүктелмейді.", True),
    ("ru", "Выселение из жилища производится на основании решения суда.", False),
    # the duty and its denial far apart in one clause
    ("ru", "Обязанность получения решения суда о выселении граждан из занимаемого ими жилища в каждом "
           "отдельном случае на местный исполнительный орган не возлагается.", True),
    ("ru", "Получение решения суда о выселении из жилища в этом случае обязанностью местного "
           "исполнительного органа не является.", True),
    ("kk", "Тұрғын үйден шығару үшін сот шешімін алу міндеті осы жағдайда жергілікті атқарушы "
           "органның лауазымды адамдарына жүктелмейді.", True),
    # the denied duty is another one, in its own clause
    ("ru", "Обязанность получения решения суда о выселении из жилища возлагается на акимат, а "
           "обязанность уведомления прокурора не возлагается.", False),
    ("kk", "Тұрғын үйден шығару үшін сот шешімін алу міндеті әкімдікке жүктеледі, ал прокурорды "
           "хабардар ету міндеті жүктелмейді.", False),
])
def test_a_duty_not_imposed_is_no_compliance(lang: str, text: str, expected: bool) -> None:
    assert fires(OFFERED, lang, text) is expected


ABOUT_REVIEW = rule({"concepts": ["review"]}, [{"effect": "restricts", "by": ["review"]}])


@pytest.mark.parametrize(("lang", "old", "new", "target", "expected"), [
    # only the verb replaced, a duty become a possibility, in a unit about the review
    ("kk", "қарайды", "қарауы мүмкін", {"article": "484", "part": "1"}, True),
    ("kk", "сұратып алады", "сұратып алуы мүмкін", {"article": "484", "part": "1"}, True),
    ("ru", "пересматривает", "вправе пересмотреть", {"article": "484", "part": "1"}, True),
    # the same verb, still a duty; or no unit in force that says what it does
    ("ru", "пересматривает", "пересматривает коллегиально", {"article": "484", "part": "1"}, False),
    ("ru", "пересматривает", "пересматривает; стороны вправе участвовать", {"article": "484", "part": "1"}, False),
    ("kk", "қарайды", "қарауы мүмкін", {"article": "100"}, False),
])
def test_a_verb_of_a_unit_turned_into_a_possibility(lang: str, old: str, new: str, target: dict,
                                                   expected: bool) -> None:
    assert fires(ABOUT_REVIEW, lang, new, op="replace_words", old=old, **target) is expected


COURT_KEPT = rule({"concepts": ["housing"]}, [{"effect": "removes-guarantee", "guarantee": ["court-decision"]}])


@pytest.mark.parametrize(("lang", "old", "expected"), [
    # the words that go held the guarantee …
    ("ru", "выселение из жилища по решению суда", True),
    ("kk", "тұрғын үйден сот шешімімен шығару", True),
    # … or named it only as missing: striking them out takes nothing away
    ("ru", "выселение из жилища при отсутствии решения суда", False),
    ("kk", "тұрғын үйден сот шешімі болмаған кезде шығару", False),
])
def test_words_naming_a_guarantee_as_missing_hold_none(lang: str, old: str, expected: bool) -> None:
    assert fires(COURT_KEPT, lang, None, op="delete_words", old=old) is expected


@pytest.mark.parametrize(("lang", "text"), [
    ("kk", "Осы Заңның 16-бабы 3-тармағының 11) тармақшасында көзделген шектеу"),
    ("ru", "ограничение, предусмотренное подпунктом 11) пункта 3 статьи 16 настоящего Закона"),
])
def test_a_citation_brings_only_the_subparagraph_it_names(lang: str, text: str) -> None:
    """"16(3)(11)" is not "16(3)(6)": a citation names its paragraph and subparagraph too."""
    cited = KNOWLEDGE.cited_units("law:civil-service", text, lang)
    assert {c for unit in cited for c in unit.spec.concepts} == {"category"}


@pytest.mark.parametrize(("text", "expected"), [
    # Kazakh names the receiver first, then the events that befall another and one closing
    # "… жағдайларда": the receiver is let in only then
    ("Баланы күту кезеңі анасына, ал әкесіне анасы қайтыс болған немесе ата-ана құқықтарынан "
     "айырылған жағдайларда ғана есептеледі.", True),
    # both let in, the events said apart from the receiver
    ("Баланы күту кезеңі анасына және әкесіне, анасы қайтыс болған жағдайларда да, есептеледі.", False),
])
def test_kazakh_receiver_before_the_events(text: str, expected: bool) -> None:
    assert fires(NARROWS, "kk", text) is expected
