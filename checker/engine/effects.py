"""The shared catalogue of effects, each implemented once for Kazakh and Russian.

A rule says *what* it forbids (`forbidden: [{effect: denies-access, by: [offence-category]}]`);
this module knows *how* a provision does it, in any wording: it finds polarity markers
(negation in any voice, tense or mood, bans, focus "only / ғана", exceptional-event conditions,
delays, finality, priority orders, durations, automatic consequences) from rules/effects/markers.yaml,
cancels double negatives ("не может быть ограничено", "шектелмейді") and shields what stands in
the scope of a guarantee ("независимо от категории", "санатына қарамастан"), then combines the
markers with the concepts a rule names.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checker.engine.conditions import (
    Occurrence,
    Terms,
    TextView,
    WordMatcher,
    _compile_terms,
    compile_regex,
    view_matches,
)
from checker.engine.addresses import target_numbers
from checker.engine.schema import ForbiddenEffect, LangPhrases, TermsCondition
from checker.engine.scopes import (
    CLAUSE_BREAK,
    LIST_PREDICATES,
    across_list,
    bound,
    kk_clause_final,
    lead_in_grants,
    shielded,
    subject_matter,
)

if TYPE_CHECKING:
    from checker.engine.effective import AmendmentTexts
    from checker.engine.knowledge import Knowledge, Unit

CANCEL_REACH = 3  # words between a negation and the ban it negates
COORDINATED_REACH = 5  # words from a negated ban to another joined to it
# the words between two coordinated verbs: an object, then "и" / "или" / a comma; no clause end
_COORDINATED = re.compile(r"[^.;:]*?(?:\s(?:и|или)\s|,\s*)", re.IGNORECASE)
# a Russian negation does not reach a ban across these ("не принимаются и возвращаются")
_COORDINATION = re.compile(r",|\s(?:и|или|либо)\s", re.IGNORECASE)
RESTRICTIONS = ("negation", "ban", "focus", "exception", "delay", "exclusion")
BRINGS_ITEM = ("supplement", "new_wording", "insert_words")


class Markers:
    """The compiled marker lexicon of rules/effects/markers.yaml."""

    def __init__(self, spec: Any):
        self.terms: dict[str, Terms] = {}
        self.word_regex: dict[tuple[str, str], Any] = {}
        self._word_hits: dict[tuple[str, str], dict[str, bool]] = {}
        for kind, langs in spec.markers.items():
            phrases = {lang: getattr(langs, lang).phrases or None for lang in ("kk", "ru")}
            if any(phrases.values()):
                self.terms[kind] = _compile_terms(TermsCondition(terms=LangPhrases(**phrases)))
            for lang in ("kk", "ru"):
                patterns = getattr(langs, lang).word_regex
                if patterns:
                    # one alternation, one RE2 call per distinct word (the kk negation has 11)
                    self.word_regex[(kind, lang)] = compile_regex("|".join(f"^(?:{p})$" for p in patterns))
        not_markers = {lang: spec.not_markers.get(lang) or None for lang in ("kk", "ru")}
        self.not_markers = (_compile_terms(TermsCondition(terms=LangPhrases(**not_markers)))
                            if any(not_markers.values()) else None)

    def find(self, view: TextView, matcher: WordMatcher) -> dict[str, list[Occurrence]]:
        """Marker occurrences by kind, double negatives cancelled (memoised per view)."""
        found = view.memo.get("markers")
        if found is not None:
            return found
        raw: dict[str, list[Occurrence]] = {}
        tried = view_matches(view).tried  # most marker kinds have no phrase to try in a view
        for kind, terms in self.terms.items():
            raw[kind] = list(terms.occurrences(view, matcher)) if terms.key in tried else []
        for (kind, lang), pattern in self.word_regex.items():
            if lang != view.lang:
                continue
            # each distinct word is tested once per process, whatever the number of views
            known = self._word_hits.setdefault((kind, lang), {})
            for word_text, indexes in view.types.items():
                hit = known.get(word_text)
                if hit is None:
                    hit = known[word_text] = pattern.search(word_text) is not None
                if hit:
                    raw.setdefault(kind, []).extend(
                        Occurrence(i, i, view.words[i].start, view.words[i].end) for i in indexes)
            raw[kind] = sorted(raw.get(kind, ()), key=lambda o: o.first)
        blocked: set[int] = set()
        if self.not_markers is not None:
            for hit in self.not_markers.occurrences(view, matcher):
                blocked.update(range(hit.first, hit.last + 1))
        # "не позднее", "кем емес", "қарамастан", "кроме того", "елден тыс жерлерде"
        for kind in ("negation", "ban", "focus", "exclusion", "conditional"):
            raw[kind] = [o for o in raw.get(kind, ())
                         if not blocked.intersection(range(o.first, o.last + 1))]
        raw["duration"] = [*raw.get("duration", ()), *_regardless_of_lapse(view, raw)]
        denied = _duties_denied(view, raw)
        if denied:
            raw["optional"] = sorted([*raw.get("optional", ()), *denied], key=lambda o: o.first)
        found = _cancel_double_negatives(raw, view.lang, view.text)
        view.memo["markers"] = found
        return found


def _regardless_of_lapse(view: TextView, raw: dict[str, list[Occurrence]]) -> list[Occurrence]:
    """"независимо от её погашения", "өтелгеніне қарамастан": a bar that outlives its term."""
    found = []
    lapses = raw.get("lapse", ())
    for hit in raw.get("guarantee", ()):
        for lapse in lapses:
            after = view.lang != "kk" and 0 < lapse.first - hit.last <= 3
            before = view.lang == "kk" and 0 < hit.first - lapse.last <= 2
            if after or before:
                first, last = min(hit.first, lapse.first), max(hit.last, lapse.last)
                found.append(Occurrence(first, last, view.words[first].start, view.words[last].end))
    return found


DUTY_REACH = 20  # words between the noun of a duty and the predicate that denies it
# what ends the clause of a duty: its complement may list nouns ("места и (или) времени") and
# carry commas ("обязанность, предусмотренная …, не возлагается"), not a new clause
_DUTY_BREAK = re.compile(r"[;:]|\b(?:ал|бірақ|алайда|а|но|однако)\b", re.IGNORECASE)


def _duties_denied(view: TextView, raw: dict[str, list[Occurrence]]) -> list[Occurrence]:
    """A duty named and denied in one clause, whatever stands between: "обязанность подбора
    иного места … на местный исполнительный орган не возлагается", "… обязанностью местного
    исполнительного органа не является", "ұсыну міндеті … жергілікті атқарушы органға жүктелмейді".
    The span runs from the duty to its denial, so what it holds is made optional. A Kazakh
    predicate closes its clause; a Russian one may also stand first ("не возлагается обязанность")."""
    found = []
    for duty in raw.get("duty", ()):
        for denial in raw.get("duty_denied", ()):
            after = 0 < denial.first - duty.last <= DUTY_REACH
            before = view.lang == "ru" and 0 < duty.first - denial.last <= 2
            if not (after or before):
                continue
            lo, hi = (duty, denial) if after else (denial, duty)
            if (view.words[lo.first].sentence == view.words[hi.last].sentence
                    and not _DUTY_BREAK.search(view.text, view.words[lo.last].end, view.words[hi.first].start)):
                found.append(Occurrence(lo.first, hi.last, view.words[lo.first].start, view.words[hi.last].end))
    return found


def _cancel_double_negatives(raw: dict[str, list[Occurrence]], lang: str, text: str
                             ) -> dict[str, list[Occurrence]]:
    """A negated ban is a permission: "не ограничивается", "без ограничений", "тыйым салынбайды"."""
    negations = sorted(raw.get("negation", ()), key=lambda o: o.first)
    bans = raw.get("ban", [])
    dead_neg: set[Occurrence] = set()
    dead_ban: set[Occurrence] = set()
    for ban in bans:
        for neg in negations:
            before = neg.last <= ban.first and ban.first - neg.last <= CANCEL_REACH
            if lang == "kk":
                # a Kazakh negation follows its verb: "тыйым салынбайды", "шектелмейді"; one
                # standing before the ban belongs to another verb ("ұсынбай, бас тартады")
                negated = neg.first == ban.first or (ban.last < neg.first and neg.first - ban.last <= 2)
            else:
                # "не может быть ограничено", "без ограничений"; not across a coordination: in
                # "не принимаются и возвращаются" the "не" is the first verb's
                negated = before and not _COORDINATION.search(text, neg.end, ban.start)
            if negated:
                dead_neg.add(neg)
                dead_ban.add(ban)
    if lang == "ru" and dead_ban:
        # "не могут уменьшать размер выплат и сужать круг получателей": a ban joined by "и",
        # "или" or "," to a negated one shares its negation
        for ban in sorted(bans, key=lambda o: o.first):
            if ban not in dead_ban and any(
                    0 < ban.first - dead.last <= COORDINATED_REACH
                    and _COORDINATED.fullmatch(text[dead.end:ban.start]) for dead in list(dead_ban)):
                dead_ban.add(ban)
    out = dict(raw)
    out["negation_all"] = negations  # cancelled ones too: "без X … не допускается" reads them
    out["negation"] = [o for o in negations if o not in dead_neg]
    out["ban"] = [o for o in bans if o not in dead_ban]
    out["permission"] = [*raw.get("permission", ()), *sorted(dead_ban, key=lambda o: o.first)]
    return out


OPTIONAL_REACH = 8


def obligatory(ctx: Context, hits: Sequence[Occurrence]) -> list[Occurrence]:
    """Occurrences not made optional by a predicate of their own clause: "предложение иного
    места … не является обязанностью", "балама орын ұсыну міндетті емес"."""
    optional = ctx.markers().get("optional", ())
    if not optional:
        return list(hits)
    view = ctx.view
    return [h for h in hits if not any(_made_optional(view, h, o) for o in optional)]


def _made_optional(view: TextView, hit: Occurrence, optional: Occurrence) -> bool:
    """The optional predicate closes the clause of `hit` ("… ұсыну міндетті емес", "… не является
    обязанностью") or, in Russian, governs it as its infinitive ("не будучи обязанным приводить
    мотивы", "не обязан предлагать иное место"), or holds it as the content of a denied duty
    ("обязанность подбора иного места … не возлагается")."""
    if optional.first < hit.first and hit.last < optional.last:
        return True
    return _in_clause(view, hit, optional, OPTIONAL_REACH)


def _in_clause(view: TextView, hit: Occurrence, predicate: Occurrence, reach: int) -> bool:
    """`predicate` bears on `hit` in one clause, at most `reach` words away: after it (a Kazakh
    verb closes its clause and bears on what precedes it) or, in Russian, on either side."""
    if hit.first <= predicate.first <= hit.last:
        return False
    lo, hi = (hit, predicate) if hit.last < predicate.first else (predicate, hit)
    if hi.first - lo.last > reach or view.words[lo.first].sentence != view.words[hi.first].sentence:
        return False
    if view.lang == "kk" and hi is hit:
        return False
    return not CLAUSE_BREAK.search(view.text, view.words[lo.last].end, view.words[hi.first].start)


def unguarded(ctx: Context, hits: Sequence[Occurrence]) -> list[Occurrence]:
    """Occurrences not governed by "независимо от" / "қарамастан".

    "regardless of whether the penalty was lifted" names the lifting only to say it does not
    count: such words never make a provision comply. A hit that holds the guarantee word itself
    ("независимо от категории") is the guarantee, and stays.
    """
    markers = ctx.markers()
    guarded = shielded(ctx.view, markers) | bound(ctx.view, markers)
    if not guarded:
        return list(hits)
    own = {i for g in markers.get("guarantee", ()) for i in range(g.first, g.last + 1)}
    return [h for h in hits
            if not (h.first in guarded and not own.intersection(range(h.first, h.last + 1)))]


@dataclass
class Context:
    """What the detectors know of one amendment."""

    texts: AmendmentTexts
    knowledge: Knowledge
    matcher: WordMatcher
    units: list[Unit]  # known units the amendment changes or lands in
    topic_hits: tuple[Occurrence, ...]  # topic concepts in the brought text
    topic_from_context: bool = False  # the topic came from the unit in force or a citation

    @property
    def view(self) -> TextView:
        return self.texts.view("match")

    def concept_hits(self, ids: Iterable[str], view: TextView | None = None) -> list[Occurrence]:
        view = view or self.view
        hits: list[Occurrence] = []
        for concept_id in ids:
            hits.extend(self.knowledge.concept(concept_id).occurrences(view, self.matcher))
        # a known unit cited by number brings its concepts where it is cited
        hits.extend(self.knowledge.cited_hits(ids, view, self.texts.amendment))
        return hits

    def markers(self, view: TextView | None = None) -> dict[str, list[Occurrence]]:
        view = view or self.view
        if self.knowledge.markers is None:
            return {}
        return self.knowledge.markers.find(view, self.matcher)


Evidence = list[tuple[TextView, Occurrence]]


# The marker kinds without which an effect cannot be present: a cheap test, made before the
# topic's concepts are looked for (most amendments carry none of them).
NEEDS: dict[str, tuple[str, ...]] = {
    "denies-access": (*RESTRICTIONS, "finality", "condition"),
    "restricts": RESTRICTIONS,
    "final-decision": ("finality", "negation", "ban"),
    "subordinates-interest": ("priority", "levelling"),
    "automatic-consequence": ("automatic",),
    "lasting-bar": ("duration", "past"),
}


def may_be_present(effect: ForbiddenEffect, texts: AmendmentTexts, markers: Any,
                   matcher: WordMatcher) -> bool:
    """False only when the effect surely is absent (none of the markers it needs occurs)."""
    kinds = NEEDS.get(effect.effect)
    if kinds is None:
        return True
    if markers is None:
        return True
    found = markers.find(texts.view("match"), matcher)
    return any(found.get(kind) for kind in kinds)


def detect(effect: ForbiddenEffect, ctx: Context) -> Evidence | None:
    """The words that carry `effect` in this amendment, or None when it is absent."""
    return _DETECTORS[effect.effect](effect, ctx)


def _near(view: TextView, markers: Sequence[Occurrence], anchors: Sequence[Occurrence],
          within: int, directed: bool = False) -> tuple[Occurrence, Occurrence] | None:
    """The first marker and anchor in one sentence at most `within` words apart.

    `directed`: a focus word must face its anchor ("только матери", "анасына ғана"); a
    restriction of a predicate ("пересматривается лишь при условии …") bears both ways.
    """
    for marker in markers:
        sentence = view.words[marker.first].sentence
        for anchor in anchors:
            if view.words[anchor.first].sentence != sentence:
                continue
            if (anchor.first <= marker.first and marker.last <= anchor.last
                    and view.words[marker.first].text in PARTICLES):
                continue  # "не состоящее в браке" is the concept itself, not a restriction of it
            if directed and not _faces(view, marker, anchor):
                continue
            gap = max(anchor.first - marker.last, marker.first - anchor.last, 0)
            if gap <= within:
                return marker, anchor
    return None


PARTICLES = frozenset({"не", "ни", "нет", "без", "вне", "емес", "жоқ"})
AFTER_FOCUS = frozenset({"ғана", "қана"})  # Kazakh focus particles follow what they limit
FOCUS_WORDS = frozenset({"только", "лишь", "исключительно", "единственно", "тек"})


def _faces(view: TextView, marker: Occurrence, anchor: Occurrence) -> bool:
    """A focus word limits what follows it ("только матери", "тек анасына") or, in Kazakh
    "ғана / қана", what precedes it ("анасына ғана"); other markers bear both ways."""
    word = view.words[marker.first].text
    if word in AFTER_FOCUS:
        return anchor.last <= marker.first
    if word in FOCUS_WORDS:
        return anchor.first >= marker.last
    return True


def _unshielded(view: TextView, hits: Sequence[Occurrence], markers: dict[str, list[Occurrence]]
                ) -> list[Occurrence]:
    shield = shielded(view, markers) | subject_matter(view, markers)
    return [hit for hit in hits if hit.first not in shield]


def _restriction(effect: ForbiddenEffect, ctx: Context, kinds: Sequence[str],
                 anchors_from: Sequence[str] | None = None, shield: bool = True) -> Evidence | None:
    """A marker of `kinds` bearing on the `by` concepts (or the topic) in the brought text;
    with nothing brought, words struck out that named the `by` concepts (what they granted goes)."""
    view = ctx.view
    if not view.words:
        return struck_member(ctx, effect.by if anchors_from is None else anchors_from)
    markers = ctx.markers()
    found = [o for kind in kinds for o in markers.get(kind, ())]
    if not found:
        return None
    found.sort(key=lambda o: o.first)
    ids = effect.by if anchors_from is None else anchors_from
    if ids:
        anchors = ctx.concept_hits(ids)
        if shield:  # "независимо от категории": the category is guaranteed, not restricted
            anchors = _unshielded(view, anchors, markers)
    else:
        anchors = list(ctx.topic_hits)
        if not anchors and _context_topic(ctx):
            return [(view, found[0])]  # the unit in force supplies the topic
    pair = _near(view, found, anchors, effect.within)
    if pair is None:  # a negative predicate said once for a list (not a focus word of its lead-in)
        predicates = [o for kind in kinds if kind in LIST_PREDICATES for o in markers.get(kind, ())]
        pair = across_list(view, predicates, anchors, effect.within) or kk_clause_final(
            view, [*predicates, *_with_verb(view, markers.get("exception", ()) if "exception" in kinds else ())],
            anchors)
    if pair is None:
        return None
    return [(view, pair[0]), (view, pair[1])]


# what opens or closes one member of a coordination: the words struck out were one of several
_COORDINATORS = {
    "kk": ("сондай-ақ", "және", "немесе", "не", "мен", "әрі", "оның ішінде", "соның ішінде"),
    "ru": ("а также", "в том числе", "и", "или", "либо", "а равно", "включая", "как и"),
}


def struck_member(ctx: Context, ids: Sequence[str]) -> Evidence | None:
    """Words struck out of a provision in force that were one member of a coordination and
    name what `ids` stand for ("слова «и по завещанию» исключить", "«, сондай-ақ … адамдарға»
    деген сөздер алып тасталсын"): what the provision gave them goes with them.

    Only where the provision in force is known to grant: the unit is a list of what is granted
    or holds a guarantee, or the struck words say the grant themselves ("…, а также вправе …").
    Striking a member out of a bar ("…, а также к лицам, осуждённым …" from "не применяется к")
    widens, and the words alone do not tell the two apart. Never when the struck words restrict
    by themselves ("за исключением …", "не …")."""
    texts = ctx.texts
    if texts.amendment.operation != "delete_words" or not ids:
        return None
    removed = texts.view("removed")
    if not removed.words or not _one_of_several(removed):
        return None
    markers = ctx.markers(removed)
    if any(markers.get(kind) for kind in (*RESTRICTIONS, "finality", "condition", "absence")):
        return None
    grants = markers.get("permission") or any(
        u.spec.lead_in == "permissive" or u.spec.guarantee for u in ctx.units)
    if not grants or any(u.spec.lead_in == "restrictive" for u in ctx.units):
        return None
    hits = affirmed(ctx, ctx.concept_hits(ids, removed), removed)
    return [(removed, hits[0])] if hits else None


def made_discretionary(ctx: Context, ids: Sequence[str]) -> Evidence | None:
    """Words replaced so that what the provision did as a duty it now does at discretion:
    "истребует уголовное дело" → "разрешает вопрос о целесообразности истребования уголовного
    дела" or "вправе истребовать …", "істі талап етіп алдырады" → "… талап етіп алдыру қажеттігін
    өзі бағалайды" or "… алуы мүмкін". The same concept stands in both; in the arriving words an
    optional or permissive predicate bears on it, in the words that go none did."""
    texts = ctx.texts
    if texts.amendment.operation != "replace_words" or not ids:
        return None
    old, new = texts.view("removed"), texts.view("added")
    # discretion, or a duty become a mere possibility ("сұратып алады" → "сұратып алуы мүмкін",
    # "истребует" → "вправе истребовать")
    loose = [*ctx.markers(new).get("optional", ()), *ctx.markers(new).get("permission", ())] if new.words else []
    if not loose or not old.words:
        return None
    if ctx.markers(old).get("optional") or ctx.markers(old).get("permission"):
        return None
    before = affirmed(ctx, ctx.concept_hits(ids, old), old)
    for hit in affirmed(ctx, ctx.concept_hits(ids, new), new) if before else ():
        for marker in loose:
            if _made_optional(new, hit, marker):
                return [(new, marker), (new, hit), (old, before[0])]
    # only the verb is replaced ("сұратып алады" → "сұратып алуы мүмкін", "пересматривает" →
    # "вправе пересмотреть"): what it does is what the words that went, or the unit in force,
    # are about
    verb = _same_verb(old, new)
    if verb is not None and (before or _unit_brings(ctx, ids)):
        for marker in loose:
            if _made_optional(new, verb, marker):
                return [(new, marker), (new, verb)]
    return None


def _same_verb(old: TextView, new: TextView) -> Occurrence | None:
    """The first word that changes keeps its stem in another form ("сұратып алады" → "сұратып
    алуы мүмкін", "истребует" → "вправе истребовать"): the same action, its modality changed.
    Words kept as they were ("рассматривает" → "рассматривает …; стороны вправе …") keep the duty."""
    if not old.words or not new.words or len(old.words) > 3:
        return None
    for i, gone in enumerate(old.words):
        a = gone.text.lower()
        if i < len(new.words) and new.words[i].text.lower() == a:
            continue
        for j in range(i, min(i + 3, len(new.words))):
            b = new.words[j].text.lower()
            # a common stem: Kazakh verb stems are short ("ал-ады" / "ал-уы", "қара-йды" / "қара-уы")
            common = len(os.path.commonprefix([a, b]))
            if a != b and common >= 2 and common >= min(len(a), len(b), 6) - 2:
                return Occurrence(j, j, new.words[j].start, new.words[j].end)
        return None
    return None


def _one_of_several(view: TextView) -> bool:
    """The words open with a comma or a coordinating word, or close with one."""
    text = view.text.strip(" «»\"“”„'").lower()
    if text.startswith(",") or text.rstrip().endswith(","):
        return True
    words = text.replace(",", " ").split()
    if not words:
        return False
    for phrase in _COORDINATORS.get(view.lang, ()):
        parts = phrase.split()
        if words[:len(parts)] == parts or words[-len(parts):] == parts:
            return True
    return False


def _with_verb(view: TextView, exceptions: Sequence[Occurrence]) -> list[Occurrence]:
    """A Kazakh "only when" with the verb it limits ("… негіз болған кезде ғана қаралады"):
    said at the close of a clause, it limits the whole clause, as a closing negative does."""
    if view.lang != "kk":
        return []
    return [Occurrence(o.first, o.last + 1, o.start, view.words[o.last + 1].end)
            for o in exceptions if o.last + 1 < len(view.words)]


def _context_topic(ctx: Context) -> bool:
    return ctx.topic_from_context


def _denies_access(effect: ForbiddenEffect, ctx: Context) -> Evidence | None:
    return _restriction(effect, ctx, (*RESTRICTIONS, "finality", "condition"))


def _restricts(effect: ForbiddenEffect, ctx: Context) -> Evidence | None:
    return _restriction(effect, ctx, RESTRICTIONS)


def _final_decision(effect: ForbiddenEffect, ctx: Context) -> Evidence | None:
    found = _restriction(effect, ctx, ("finality",)) or _decision_made_final_after(effect, ctx)
    if found:
        return found
    finality = ctx.markers().get("finality", ())
    if finality and effect.by and _unit_brings(ctx, effect.by) and not ctx.concept_hits(effect.by):
        # the unit in force is about what the decision decides; the text names the decision
        # only by its body or by reference ("осы баптың 4-тармағында көрсетілген шешіміне …
        # шағым бойынша әкімнің шешімі түпкілікті болып табылады")
        return [(ctx.view, finality[0])]
    appeal = [c for c in ("appeal-right", "court-access") if c in ctx.knowledge.concepts]
    if not appeal:
        return None
    view = ctx.view
    markers = ctx.markers()
    negated = [*markers.get("negation", ()), *markers.get("ban", ())]
    pair = _near(view, negated, ctx.concept_hits(appeal), 3)
    if pair is None:
        return None
    return [(view, pair[0]), (view, pair[1])]


def _unit_brings(ctx: Context, ids: Sequence[str]) -> bool:
    """The unit in force the amendment changes or lands in is about one of `ids`."""
    wanted = set(ids)
    return any(wanted.intersection(unit.spec.concepts) for unit in ctx.units)


def _decision_made_final_after(effect: ForbiddenEffect, ctx: Context) -> Evidence | None:
    """"… мәселені тәртіптік комиссия қарайды. Комиссия қабылдаған шешім түпкілікті болып
    табылады.": a sentence that opens on "the decision" and makes it final speaks of what the
    sentence before it decides."""
    view = ctx.view
    finality = ctx.markers().get("finality", ())
    if not finality:
        return None
    anchors = ctx.concept_hits(effect.by) if effect.by else list(ctx.topic_hits)
    for marker in finality:
        sentence = view.words[marker.first].sentence
        opening = [w for w in view.words[:marker.first] if w.sentence == sentence][:_OPENING]
        if not any(w.text.lower().startswith(_DECISION) for w in opening):
            continue
        before = [a for a in anchors if view.words[a.first].sentence == sentence - 1]
        if before:
            return [(view, marker), (view, before[0])]
    return None


_OPENING = 5  # the words a sentence opens with, where "the decision" it speaks of is named
_DECISION = ("шешім", "решени", "қаулы", "постановлени")


def _narrows_group(effect: ForbiddenEffect, ctx: Context) -> Evidence | None:
    view = ctx.view
    if not view.words:  # words struck out: a member of the group goes with them
        return struck_member(ctx, [*effect.members, *effect.whole])
    if ctx.texts.amendment.operation == "supplement" and _in_list_of(ctx, "permissive"):
        return None  # a new item of a list that grants widens it, whoever it names
    markers = ctx.markers()
    # a part named only as absent is not named ("әкесінің қатысуынсыз", "без участия отца")
    members = {m: affirmed(ctx, ctx.concept_hits([m])) for m in effect.members}
    named = [hit for hits in members.values() for hit in hits]
    if not named:
        return None
    limiting = sorted([*markers.get("focus", ()), *markers.get("exception", ())], key=lambda o: o.first)
    reach = effect.within if effect.within < 12 else 4
    pair = _near(view, limiting, named, reach, directed=True) or _after_event(view, markers, named, reach)
    if pair is not None:
        return [(view, pair[0]), (view, pair[1])]
    part = _whole_replaced_by_part(effect, ctx, members)
    if part is not None:
        return [(view, part)]
    missing = [m for m, hits in members.items() if not hits]
    wholes = ctx.concept_hits(effect.whole) if effect.whole else []
    if wholes:
        # the whole group is named, unless a part qualifies it: "баланы дүниеге әкелген …
        # ата-ананың", "родителя, родившего ребенка" — the parent who is the mother
        parts = [h for m, hits in members.items() if m not in effect.whole for h in hits]
        qualified = [h for h in parts if any(_qualifies(view, h, w) for w in wholes)]
        if qualified and missing:
            return [(view, qualified[0])]
        return None
    if missing and len(missing) < len(members):
        if effect.granted:
            # only where the named parts receive the right ("… вправе подать", "… құқылы")
            rights = markers.get("permission", ())
            in_granting_list = _in_list_of(ctx, "permissive")
            conditions = markers.get("conditional", ())
            named = [h for h in named if not _also(view, h)
                     and (in_granting_list
                          or any(view.words[r.first].sentence == view.words[h.first].sentence for r in rights)
                          or lead_in_grants(view, h, rights)
                          or any(_in_condition(view, h, c) for c in conditions))]
            if not named:
                return None
        return [(view, named[0])]  # a part of the group is named, the rest is left out
    return None


def _whole_replaced_by_part(effect: ForbiddenEffect, ctx: Context,
                            members: dict[str, list[Occurrence]]) -> Occurrence | None:
    """The words that go named the whole group, or parts the arriving words no longer name
    ("по делам о любых уголовных правонарушениях" → "по делам о тяжких преступлениях",
    "бірінші, екінші және үшінші топтағы" → "бірінші және екінші топтағы"): what the provision
    said of all, it now says of a part. Words that went with a restriction of their own
    ("за исключением …") are left to the other effects."""
    texts = ctx.texts
    if not texts.takes_words or (not effect.whole and len(effect.members) < 2):
        return None
    kept = {m for m, hits in members.items() if hits}
    if not kept or len(kept) == len(effect.members) or (effect.whole and ctx.concept_hits(effect.whole)):
        return None  # no part named, every part named ("родителю" → "отцу или матери"), or the whole
    gone = texts.view("removed")
    if any(ctx.markers(gone).get(kind) for kind in RESTRICTIONS):
        return None
    dropped = (effect.whole and ctx.concept_hits(effect.whole, gone)) or [
        hit for m in effect.members if m not in kept for hit in ctx.concept_hits([m], gone)]
    if not dropped:
        return None
    return next(hit for m in effect.members if m in kept for hit in members[m])


def _in_condition(view: TextView, hit: Occurrence, condition: Occurrence) -> bool:
    """`hit` is named inside a condition clause of its sentence ("іс толық көлемде қаралған
    жағдайда … береді", "… подается, если дело рассмотрено с участием сторон"): what the
    provision gives, it gives only where that part of the group is met. The condition closes
    the clause in Kazakh and opens it in Russian; no clause break lies between."""
    if view.words[hit.first].sentence != view.words[condition.first].sentence:
        return False
    if view.lang == "kk":
        if _KK_DATIVE.search(view.words[hit.last].text):
            return False  # "анасына … жағдайда беріледі": the one it is given to, in the main clause
        begin, end, gap = view.words[hit.last].end, condition.first, condition.first - hit.last
        breaks = _KK_CONDITION_BREAK
    else:
        begin, end, gap = view.words[condition.last].end, hit.first, hit.first - condition.last
        breaks = CLAUSE_BREAK
        opened = _RU_THAT.match(view.text, begin)  # "при условии, что …": the comma opens its clause
        begin = opened.end() if opened else begin
    return 0 < gap <= EVENT_REACH and not breaks.search(view.text, begin, view.words[end].start)


_RU_THAT = re.compile(r"\s*,\s*что\b", re.IGNORECASE)


_KK_DATIVE = re.compile(r"(?:ға|ге|қа|ке|на|не)$", re.IGNORECASE)
# a Kazakh condition may chain converbs ("… толық көлемде жүргізіліп, қаулы жария етілген
# жағдайда"): a comma after a converb in -п continues it; any other comma, a semicolon or
# "ал / бірақ / алайда" ends it
_KK_CONDITION_BREAK = re.compile(r"[;:]|(?<!п),|\b(?:ал|бірақ|алайда)\b", re.IGNORECASE)


def _after_event(view: TextView, markers: dict[str, list[Occurrence]], named: Sequence[Occurrence],
                 reach: int) -> tuple[Occurrence, Occurrence] | None:
    """A part of the group let in only after something befalls another: the event comes first,
    the part it lets in right after ("в случае смерти матери – отцу", "ана қайтыс болған
    жағдайда – әкесіне"); an event followed by someone outside the group limits nobody in it."""
    text = view.text
    for event in markers.get("event", ()):
        for hit in named:
            if view.words[hit.first].sentence != view.words[event.first].sentence:
                continue
            gap = hit.first - event.last
            # the part may be described at some length, within the event's clause ("… жағдайда –
            # баланы іс жүзінде күтіп-баққан әкенің")
            if 0 < gap <= reach or (0 < gap <= EVENT_REACH and not CLAUSE_BREAK.search(
                    text, view.words[event.last].end, view.words[hit.first].start)):
                return event, hit
            # Kazakh names the one who receives first, in the dative, and the event befalling
            # another right after it: "… әкесіне анасы қайтыс болған … жағдайларда ғана"
            if (view.lang == "kk" and 0 < event.first - hit.last <= 2
                    and _KK_DATIVE.search(view.words[hit.last].text)
                    and not CLAUSE_BREAK.search(text, view.words[hit.last].end, view.words[event.first].start)):
                return event, hit
    return None


EVENT_REACH = 8


_KK_DA = frozenset({"да", "де", "та", "те"})  # "also" after a noun, "even" after a conditional
_ALSO = {"kk": _KK_DA | {"сондай-ақ"}, "ru": {"также", "тоже", "даже", "том"}}


def _also(view: TextView, hit: Occurrence) -> bool:
    """"онша ауыр емес қылмыстар бойынша да", "в том числе по делам о …": a part added to
    others, not the only one let in."""
    if view.lang == "kk":
        near = view.words[hit.last + 1:hit.last + 7]
    else:
        near = view.words[max(0, hit.first - 4):hit.first]
    return any(w.text.lower() in _ALSO["kk" if view.lang == "kk" else "ru"] for w in near)


def _qualifies(view: TextView, part: Occurrence, whole: Occurrence) -> bool:
    """`part` is a modifier of `whole` in one sentence: before it in Kazakh (a participle
    phrase), right after it in Russian (an apposition or participle clause)."""
    if part.first <= whole.last and whole.first <= part.last:
        return False  # the same words
    if view.words[part.first].sentence != view.words[whole.first].sentence:
        return False
    if view.lang == "kk":
        gap = whole.first - part.last
        if 0 < gap <= 4:
            return True
        # a longer participle chain ending right before the whole ("баланы дүниеге әкелген және
        # сол кезеңде жұмыс істемей, оны күтумен айналысқан ата-ананың"), inside one clause
        return (0 < gap <= QUALIFIER_REACH and _KK_PARTICIPLE.search(view.words[whole.first - 1].text) is not None
                and not _SENTENCE_PART.search(view.text, view.words[part.last].end, view.words[whole.first].start))
    return 0 < part.first - whole.last <= 3


QUALIFIER_REACH = 12
_KK_PARTICIPLE = re.compile(r"(?:ған|ген|қан|кен|атын|етін|йтын|йтін)$", re.IGNORECASE)
_SENTENCE_PART = re.compile(r"[;:.]")


def _subordinates(effect: ForbiddenEffect, ctx: Context) -> Evidence | None:
    view = ctx.view
    markers = ctx.markers()
    levelling = markers.get("levelling", ())
    if levelling:
        # "включая алименты, удовлетворяются пропорционально": the protected claim is put
        # among the others and loses its rank ("после удержания алиментов … остальное
        # пропорционально" keeps it first: no inclusion)
        included = [hit for hit in protected_hits(ctx, effect)
                    if _near(view, markers.get("inclusion", ()), [hit], 3) is not None]
        near = _near(view, levelling, included, 20)
        if near is not None:
            return [(view, near[0]), (view, near[1])]
    ranked = _ranked_below_first(view, protected_hits(ctx, effect))
    if ranked is not None:
        return ranked or None
    priority = markers.get("priority", ())
    if not priority:
        return None
    protected = ctx.concept_hits(effect.protected)
    for marker in priority:
        if _near(view, [marker], protected, effect.within) is None:
            if effect.by and _near(view, [marker], ctx.concept_hits(effect.by), effect.within) is None:
                continue
            return [(view, marker)]
    return None


# "бірінші кезекте – …; екінші кезекте – …", "в первую очередь …; во вторую очередь …"
_RANK = {
    "kk": re.compile(r"(бірінші|екінші|үшінші|төртінші|бесінші|алтыншы)\s+кезек(?:те|пен|тегі)?", re.IGNORECASE),
    "ru": re.compile(r"(?:в|во)\s+(перв|втор|трет|четв[её]рт|пят|шест)\w*\s+очеред\w*", re.IGNORECASE),
}


def _ranked_below_first(view: TextView, protected: Sequence[Occurrence]) -> Evidence | None:
    """In a ranked list of claims, whether the protected claim stands below the first rank.

    None when the text ranks nothing (two rank markers at least); an empty list when the
    protected claim is ranked first (nothing subordinates it); else the evidence.
    """
    ranks = list(_RANK[view.lang].finditer(view.text)) if view.lang in _RANK else []
    if len(ranks) < 2:
        return None
    spans = [(m.start(), m.end()) for m in ranks]
    # the protected claim in an item (not in the lead-in, not the rank words themselves)
    items = [h for h in protected if h.start >= spans[0][0] and not any(a <= h.start < b for a, b in spans)]
    if not items:
        return None
    hit = min(items, key=lambda h: h.start)
    rank = max((m for m in ranks if m.start() <= hit.start), key=lambda m: m.start())
    if rank is ranks[0]:
        return []
    first = view.word_at(rank.start())
    last = view.word_at(rank.end() - 1)
    if first is None or last is None:
        return None
    return [(view, Occurrence(first, last, rank.start(), rank.end())), (view, hit)]


def protected_hits(ctx: Context, effect: ForbiddenEffect) -> list[Occurrence]:
    return ctx.concept_hits(effect.protected)


def affirmed(ctx: Context, hits: Sequence[Occurrence], view: TextView | None = None) -> list[Occurrence]:
    """Occurrences that are not negated: "без решения суда", "сотқа жүгінбей", "при отсутствии
    решения суда", "сот шешімі болмаған кезде" are absences."""
    view = view or ctx.view
    negations = ctx.markers(view).get("negation", ())
    absences = ctx.markers(view).get("absence", ())
    disregards = ctx.markers(view).get("disregard", ())
    kept = []
    for hit in hits:
        if any(_names_absent(view, hit, a) for a in absences) \
                or any(_disregarded(view, hit, d) for d in disregards) or _conceded(view, hit):
            continue
        if view.lang == "kk":
            # "сотсыз" (the same word) or a negative converb right after it ("сотқа жүгінбей");
            # a clause-final verb ("жеті жыл бойы жіберілмейді") negates the verb, not the words
            negated = any((n.first == hit.last and _kk_without(view, n))
                          or (n.first - hit.last == 1 and (_kk_converb(view, n) or _kk_not_but(view, n)))
                          for n in negations)
        else:
            negated = any(0 <= hit.first - n.last <= 2 and n.last < hit.first for n in negations)
        if negated and _negated_again(view, hit, ctx.markers(view).get("negation_all", negations)):
            negated = False  # "без решения суда не допускается": the court is required
        if not negated:
            kept.append(hit)
    return kept


def _names_absent(view: TextView, hit: Occurrence, absence: Occurrence) -> bool:
    """"при отсутствии [заключения] суда" (up to two words between), "сот шешімі болмаған";
    never across a clause break ("вследствие неоказания помощи, не признается …")."""
    if view.lang == "kk":
        near, lo, hi = 1 <= absence.first - hit.last <= 2, hit, absence
        if absence.first - hit.last == 2 and _KK_GENITIVE.search(view.words[hit.last + 1].text):
            near = False  # "әкесіне қорғаншының қатысуынсыз": the guardian is the one absent
    else:
        near, lo, hi = 1 <= hit.first - absence.last <= 3, absence, hit
    return near and not CLAUSE_BREAK.search(view.text, lo.end, hi.start)


_KK_GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$", re.IGNORECASE)
DISREGARD_REACH = 10  # words between what is not taken into account and the verb saying so


def _disregarded(view: TextView, hit: Occurrence, marker: Occurrence) -> bool:
    """"привязанность ребёнка не учитывается", "не учитывается привязанность", "без учёта
    привязанности", "байланысы ескерілмейді": within one clause of the verb."""
    return _in_clause(view, hit, marker, DISREGARD_REACH)


_RU_EVEN = ("даже если", "даже когда", "хотя бы", "хотя")


def _conceded(view: TextView, hit: Occurrence) -> bool:
    """Words of a concessive clause ("… толық мәтіні кейінірек табыс етілсе де, мерзім
    ұзартылмайды", "даже если полный текст изготовлен позже, срок не продлевается"): what
    happens there changes nothing in the main clause, so it never makes a provision comply."""
    words, text = view.words, view.text
    sentence = words[hit.first].sentence
    if view.lang == "kk":
        for k in range(hit.last + 1, min(len(words) - 1, hit.last + DISREGARD_REACH + 1)):
            if words[k].sentence != sentence or CLAUSE_BREAK.search(text, words[k - 1].end, words[k].start):
                return False
            if words[k].text.lower().endswith(("са", "се")) and words[k + 1].text.lower() in _KK_DA:
                return True
        return False
    start = max(0, hit.first - DISREGARD_REACH)
    before = text[words[start].start:words[hit.first].start].lower()
    for even in _RU_EVEN:
        at = before.rfind(even)
        if at != -1 and (at == 0 or not before[at - 1].isalpha()) and not CLAUSE_BREAK.search(before, at):
            return True
    return False


def _negated_again(view: TextView, hit: Occurrence, negations: Sequence[Occurrence]) -> bool:
    """A later negation of the sentence turns the absence round ("без решения суда не
    допускается"); a second "ни" of "ни X, ни Y" only goes on negating."""
    sentence = view.words[hit.first].sentence
    return any(n.first > hit.last + (0 if view.lang == "ru" else 1)
               and view.words[n.first].sentence == sentence
               and view.words[n.first].text.lower() != "ни" for n in negations)


def _kk_without(view: TextView, hit: Occurrence) -> bool:
    """"шешімінсіз": the "-сыз / -сіз" of absence, not a negative verb inside a concept's words."""
    return re.search(r"с[ыі]з[а-яәғқңөұүһі]{0,4}$", view.words[hit.first].text) is not None


def _kk_not_but(view: TextView, negation: Occurrence) -> bool:
    """"сот шешімімен емес, әкімнің қаулысымен", "бірінші кезекте емес, … барабар": "емес" and a
    comma right after the words deny them and name what stands instead."""
    word = view.words[negation.first]
    return word.text == "емес" and view.text[word.end:word.end + 1] == ","


def _kk_converb(view: TextView, hit: Occurrence) -> bool:
    word = view.words[hit.first].text
    return word.endswith(("й", "стан", "стен"))


ALTERNATIVE = {"ru": {"или", "либо"}, "kk": {"немесе", "болмаса", "әлде"}}


def _alternative_between(view: TextView, a: Occurrence, b: Occurrence) -> bool:
    """"по решению суда или с санкции прокурора": the court is only one of two ways."""
    lo, hi = sorted((a, b), key=lambda o: o.first)
    if view.words[lo.first].sentence != view.words[hi.first].sentence or hi.first - lo.last > 12:
        return False
    words = ALTERNATIVE.get(view.lang, set())
    return any(view.words[i].text in words for i in range(lo.last + 1, hi.first))


def _replaces_regime(effect: ForbiddenEffect, ctx: Context) -> Evidence | None:
    texts = ctx.texts
    new = texts.view("match")
    operation = texts.amendment.operation
    if operation in ("replace_words", "delete_words"):
        old = texts.view("removed")
        kept = ctx.concept_hits(effect.required, old)
        arriving = (unguarded(ctx, affirmed(ctx, ctx.concept_hits(effect.required, new), new))
                    if new.words else [])
        instead = ctx.concept_hits(effect.instead, new) if effect.instead and new.words else []
        if kept and not arriving:
            if operation == "delete_words" or instead or not effect.instead:
                return [(old, kept[0]), *((new, hit) for hit in instead[:1])]
        if instead and not arriving and not ctx.concept_hits(effect.instead, old):
            return [(new, instead[0])]  # a non-judicial decider arrives in the provision
        return None
    if not new.words:
        return None
    instead = ctx.concept_hits(effect.instead) if effect.instead else []
    if not instead:
        return None
    required = obligatory(ctx, unguarded(ctx, affirmed(ctx, ctx.concept_hits(effect.required))))
    if required:
        # "only", or "in the cases and amounts" the other decider sets
        deciding = sorted([*ctx.markers().get("focus", ()), *ctx.markers().get("decides", ())],
                          key=lambda o: o.first)
        for one in instead:
            if any(_alternative_between(new, one, court) for court in required):
                return [(new, one)]
            # "guaranteed by this Law … paid only as the rules approved by the head provide",
            # "… paid in the cases and amounts the Minister's rules define": the other decider
            # has the last word
            for marker in deciding:
                if _governs(new, marker, one) and not any(_between(court, one, marker) for court in required):
                    return [(new, one), (new, marker)]
        # a sentence of its own gives the case to the other decider: "… по месту окончания
        # преступления. Дело о длящемся преступлении рассматривается судом по месту органа,
        # завершившего расследование"
        alone = [one for one in affirmed(ctx, instead)
                 if not any(_same_sentence(new, one, court) for court in required)]
        if alone:
            return [(new, alone[0])]
        return None  # the required regime stays
    return [(new, instead[0]), *((new, hit) for hit in ctx.topic_hits[:1])]


def _same_sentence(view: TextView, a: Occurrence, b: Occurrence) -> bool:
    return view.words[a.first].sentence == view.words[b.first].sentence


FOCUS_REACH = 8


def _governs(view: TextView, focus: Occurrence, hit: Occurrence) -> bool:
    """A focus word ("только", "ғана") bears on `hit`: before it in Russian, after it in Kazakh,
    within a few words of one sentence."""
    if view.words[focus.first].sentence != view.words[hit.first].sentence:
        return False
    if view.lang == "kk":
        return 0 < focus.first - hit.last <= FOCUS_REACH
    return 0 < hit.first - focus.last <= FOCUS_REACH


def _between(middle: Occurrence, a: Occurrence, b: Occurrence) -> bool:
    """`middle` stands between `a` and `b` (in either order): the nearer one is what a focus
    word bears on."""
    lo, hi = min(a.last, b.last), max(a.first, b.first)
    return lo < middle.first and middle.last < hi


def _automatic(effect: ForbiddenEffect, ctx: Context) -> Evidence | None:
    # "независимо от причин" is itself the automatic consequence: nothing is shielded
    found = _restriction(effect, ctx, ("automatic",), shield=False)
    if found or not effect.by:
        return found
    # "без учета обстоятельств", "автоматически" qualify the sentence's consequence, however
    # long the sentence: the concept anywhere in it is what follows automatically
    view = ctx.view
    pair = _near(view, ctx.markers().get("automatic", ()), ctx.concept_hits(effect.by), len(view.words))
    return None if pair is None else [(view, pair[0]), (view, pair[1])]


def _lasting_bar(effect: ForbiddenEffect, ctx: Context) -> Evidence | None:
    # "независимо от погашения" is itself the lasting bar: nothing is shielded
    found = _restriction(effect, ctx, ("duration",), shield=False)
    if found or not ctx.view.words:
        return found
    # "ранее судимое лицо не принимается": the past counts where the sentence also bars
    view, markers = ctx.view, ctx.markers()
    amendment = ctx.texts.amendment
    fragment = amendment.operation in ("replace_words", "insert_words")
    item = bool(ITEM_LABEL.match(amendment.new or ""))
    if fragment or item or _in_restrictive_list(ctx):
        # the verb that bars is in the provision in force: words replaced inside it, an item of
        # its list ("11) имевшего судимость"), or a list whose lead-in bars
        barred = {word.sentence for word in view.words}
    else:
        barred = {view.words[o.first].sentence for kind in RESTRICTIONS for o in markers.get(kind, ())}
    past = [o for o in markers.get("past", ()) if view.words[o.first].sentence in barred]
    if not past:
        return None
    anchors = ctx.concept_hits(effect.by) if effect.by else list(ctx.topic_hits)
    pair = _near(view, past, anchors, effect.within)
    return None if pair is None else [(view, pair[0]), (view, pair[1])]


def _removes_guarantee(effect: ForbiddenEffect, ctx: Context) -> Evidence | None:
    texts = ctx.texts
    operation = texts.amendment.operation
    # the words that go: replaced or deleted words, or (with the act in force) the unit's wording
    if texts.takes_words:
        old = texts.view("removed")
        # words that named the guarantee only as missing ("без участия представителя",
        # "өкілдің қатысуынсыз") held none: striking them out takes nothing away
        missing = ctx.markers(old).get("absence", ())
        held = [h for h in affirmed(ctx, ctx.concept_hits(effect.guarantee, old), old)
                if not any(h.first <= m.first <= h.last for m in missing)]
        if held and not ctx.concept_hits(effect.guarantee, texts.view("added")):
            return [(old, held[0])]
        return None
    if operation in ("delete", "repeal"):
        wanted = set(effect.guarantee)
        for unit in ctx.units:
            if wanted.intersection(unit.spec.guarantee):
                return [(texts.view("match"), Occurrence(0, 0, 0, 0))]
    return None


def _adds_to_restrictive_list(effect: ForbiddenEffect, ctx: Context) -> Evidence | None:
    amendment = ctx.texts.amendment
    if amendment.operation not in BRINGS_ITEM or not ctx.view.words:
        return None
    if not _in_restrictive_list(ctx):
        return None
    if effect.by:
        hits = _unshielded(ctx.view, ctx.concept_hits(effect.by), ctx.markers())
        if not hits:
            return None
        return [(ctx.view, hits[0])]
    if ctx.topic_hits:
        return [(ctx.view, ctx.topic_hits[0])]
    return [(ctx.view, Occurrence(0, 0, ctx.view.words[0].start, ctx.view.words[0].end))]


ITEM_LABEL = re.compile(r"^\s*[«\"]?\s*\d+(?:-\d+)?\)")


def _in_restrictive_list(ctx: Context) -> bool:
    """The amendment brings an item of a list whose lead-in in force restricts."""
    return _in_list_of(ctx, "restrictive")


def _in_list_of(ctx: Context, lead_in: str) -> bool:
    """The amendment brings an item of a list whose lead-in in force is `lead_in` (restrictive:
    "не подлежат пересмотру:"; permissive: "могут быть пересмотрены по основаниям:").

    An item: the target lies below the list unit, or the text is labelled "N)"; a new wording
    of the whole list (its own lead-in included) is not an item added to it.
    """
    amendment = ctx.texts.amendment
    target = target_numbers(amendment)
    labelled = bool(ITEM_LABEL.match(amendment.new or ""))
    return any(unit.spec.lead_in == lead_in and (labelled or unit.lies_above(target))
               for unit in ctx.units)


_DETECTORS = {
    "denies-access": _denies_access,
    "restricts": _restricts,
    "final-decision": _final_decision,
    "narrows-group": _narrows_group,
    "subordinates-interest": _subordinates,
    "replaces-regime": _replaces_regime,
    "automatic-consequence": _automatic,
    "lasting-bar": _lasting_bar,
    "removes-guarantee": _removes_guarantee,
    "adds-to-restrictive-list": _adds_to_restrictive_list,
}
