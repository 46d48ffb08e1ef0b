"""How far a word's reading reaches in a text: the scope of a guarantee and of a "binding on",
where a Russian clause ends, the numbered lists of a text and what their lead-in or closing
verb says of every item, and the clause a Kazakh final verb closes.

The effect detectors (checker/engine/effects.py) ask these questions; the answers depend only
on the words of a view and the markers found in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.engine.conditions import Occurrence
from checker.engine.effective import TextView

GUARANTEE_REACH = {"ru": 5, "kk": 3}  # words a guarantee ("независимо от", "қарамастан") reaches


def _window(view: TextView, hit: Occurrence, reach: int) -> range:
    """The words a marker governs at most: the `reach` words before it in Kazakh ("санатына
    қарамастан"), after it in Russian ("независимо от категории")."""
    if view.lang == "kk":
        return range(max(0, hit.first - reach), hit.first)
    return range(hit.last + 1, min(len(view.words), hit.last + 1 + reach))


def shielded(view: TextView, markers: dict[str, list[Occurrence]]) -> set[int]:
    """Word indexes inside the scope of a guarantee: after "независимо от", before "қарамастан"."""
    words: set[int] = set()
    reach = GUARANTEE_REACH.get(view.lang, 5)
    for hit in markers.get("guarantee", ()):
        window = _window(view, hit, reach)
        if view.lang == "ru":  # to the end of a subordinate or participle clause
            window = range(window.start, max(window.stop, _ru_clause_end(view, window.start, window.stop)))
        words.update(window)
    return words


BOUND_REACH = 4  # words a "binding on" names as those bound


def bound(view: TextView, markers: dict[str, list[Occurrence]]) -> set[int]:
    """Word indexes named as those bound by another's act ("постановлениями, обязательными для
    центральных государственных органов", "орталық органдар үшін міндетті"): named so, a body
    is not the one that acts, so it never makes a provision comply."""
    return {k for hit in markers.get("bound", ()) for k in _window(view, hit, BOUND_REACH)}


ABOUT_REACH = {"ru": 6, "kk": 3}  # words between "связанный с" / "байланысты" and what it is about


def subject_matter(view: TextView, markers: dict[str, list[Occurrence]]) -> set[int]:
    """Word indexes named as what something is about ("по искам, связанным с назначением
    социальных выплат", "әлеуметтік төлемдерді тағайындауға байланысты талап қоюлар"): a
    restriction of the claims is no restriction of the payments they concern."""
    words: set[int] = set()
    reach = ABOUT_REACH.get(view.lang, 2)
    for hit in markers.get("about", ()):
        for k in _window(view, hit, reach):
            if view.lang == "ru" and k > hit.last + 1 \
                    and view.text[view.words[k - 1].end:view.words[k].start].strip():
                break  # punctuation ends the phrase ("связанным с установлением … и назначением выплат")
            words.add(k)
    return words


# "независимо от того, когда …", "вне зависимости от того, какой …": the scope is a whole clause
_RU_WHICH = {"что", "когда", "как", "какой", "какая", "какое", "какие", "каким", "чем", "где",
             "был", "была", "было", "были", "ли", "сколько", "кем", "чей", "чья"}
# a participle opening a clause after a comma: "… срока, прошедшего с момента освобождения"
_RU_PARTICIPLE = re.compile(r"\w+(?:ш|ущ|ющ|ащ|ящ|енн|анн|янн|нн|ем|им)(?:ий|ый|ая|яя|ое|ее|ие|ые|его|ого"
                            r"|ему|ому|им|ым|ей|ой|их|ых|ую|юю|ими|ыми)$")
RU_CLAUSE_REACH = 12  # words a guarantee's clause may run to


def _ru_clause_end(view: TextView, start: int, end: int) -> int:
    """Where the guarantee's clause ends, when it runs past the plain reach: a subordinate clause
    ("того, когда решение изготовлено в окончательной форме") or a participle clause after a
    comma inside the reach ("срока, прошедшего с момента освобождения"); else `end`."""
    words, text = view.words, view.text
    last = min(len(words), start + RU_CLAUSE_REACH)
    opens = start < len(words) and words[start].text == "того" and start + 1 < len(words) \
        and words[start + 1].text in _RU_WHICH
    for k in range(start + 1, min(end, last)):
        if text[words[k - 1].end:words[k].start].strip() == "," and _RU_PARTICIPLE.match(words[k].text):
            opens = True
    if not opens:
        return end
    for k in range(max(start + 2, end), last):
        if text[words[k - 1].end:words[k].start].strip() in (",", ";", ":", ".") \
                or words[k].sentence != words[start].sentence:
            return k
    return last


# a clause ends here: what follows is said of something else
CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:және|ал|бірақ|алайда|и|а|но|однако)\b", re.IGNORECASE)

LIST_PREDICATES = ("negation", "ban", "exclusion", "finality")  # what a list's lead-in or close says of all
# a neutral lead-in whose list a closing predicate governs: "Мыналар: 1) …; 2) … жатпайды."
NEUTRAL_LEAD = frozenset({"мыналар", "мыналарға", "мыналарды", "мыналардың", "следующие", "следующее"})


def list_items(view: TextView) -> list[tuple[int, list[tuple[int, int]]]]:
    """The numbered lists of a text: (index of the lead-in's last word, [(first, last) word of
    each item]). An item opens with "N)" and runs to the next item or its sentence's end; a list
    opens with ":" right before its first item. Once per view."""
    found = view.memo.get("lists")
    if found is None:
        found = view.memo["lists"] = _find_lists(view)
    return found


def _find_lists(view: TextView) -> list[tuple[int, list[tuple[int, int]]]]:
    words, text = view.words, view.text
    starts = [k for k, w in enumerate(words)
              if w.text[:1].isdigit() and text[w.end:w.end + 1] == ")"]
    lists: list[tuple[int, list[tuple[int, int]]]] = []
    for k in starts:
        if k > 0 and text[words[k - 1].end:words[k].start].strip() == ":":
            lists.append((k - 1, []))
        elif not lists or not lists[-1][1] or words[k].sentence - words[lists[-1][1][-1][0]].sentence > 1:
            continue  # an item outside a list that opened with a colon
        lists[-1][1].append((k, k))
    out = []
    for lead, items in lists:
        ranges = []
        for j, (first, _) in enumerate(items):
            nxt = items[j + 1][0] if j + 1 < len(items) else None
            last = first
            while last + 1 < len(words) and (nxt is None or last + 1 < nxt) \
                    and words[last + 1].sentence - words[first].sentence <= 0:
                last += 1
            ranges.append((first, last))
        out.append((lead, ranges))
    return out


def across_list(view: TextView, markers: Sequence[Occurrence], anchors: Sequence[Occurrence],
                 within: int) -> tuple[Occurrence, Occurrence] | None:
    """A restriction said once for a whole list bears on each of its items: a lead-in "Не
    подлежат пересмотру: 1) …; 2) …" or a closing predicate after a neutral lead-in "Мыналар:
    1) …; 2) … қайта қаралуға жатпайды." (the items are sentences of their own)."""
    if not markers or not anchors:
        return None
    for lead, items in list_items(view):
        if not items:
            continue
        inside = [a for a in anchors if any(f <= a.first and a.last <= l for f, l in items)]
        if not inside:
            continue
        first_item = items[0][0]
        for marker in markers:
            in_lead = (marker.last <= lead and first_item - marker.last <= within + 1
                       and view.words[marker.last].sentence == view.words[lead].sentence)
            last_first, last_end = items[-1]
            closing = (view.words[lead].text in NEUTRAL_LEAD and last_first <= marker.first
                       and last_end - marker.last <= 1)
            if in_lead or closing:
                return marker, inside[0]
    return None


def kk_clause_final(view: TextView, predicates: Sequence[Occurrence], anchors: Sequence[Occurrence]
                     ) -> tuple[Occurrence, Occurrence] | None:
    """A Kazakh negative or banning verb that closes its clause bears on the whole clause, however
    long ("Мұраға қалдырушының өсиеті … жер учаскесіне құқықтардың ауысуына негіз болмайды."):
    the anchor before it, with no clause break between them."""
    if view.lang != "kk":
        return None
    words, text = view.words, view.text
    for marker in predicates:
        after = text[words[marker.last].end:words[marker.last + 1].start if marker.last + 1 < len(words)
                     else len(text)].strip()
        if after[:1] not in (".", ";", "") and marker.last + 1 < len(words) \
                and words[marker.last + 1].sentence == words[marker.last].sentence:
            continue  # not the clause's last word
        for anchor in anchors:
            if anchor.last < marker.first and words[anchor.first].sentence == words[marker.first].sentence \
                    and not _kk_clause_break(view, anchor.last, marker.first):
                return marker, anchor
    return None


# a Kazakh word that ends a clause before a comma or "және": a finite verb, a converb, a
# conditional ("… жүргізіліп, …", "… қаралады, ал …", "… болса, …")
_KK_VERB_END = re.compile(r"(?:[ыі]п|[ауеыі]?[дт][ыі]|с[ае]|май|мей|бай|бей|пай|пей|[ао]тын|етін|йтын|йтін"
                          r"|мақ|мек|ған[да]?|ген[де]?|қан|кен)$")
_KK_HARD_BREAK = re.compile(r"[;:]|\b(?:ал|бірақ|алайда)\b", re.IGNORECASE)


def _kk_clause_break(view: TextView, left: int, right: int) -> bool:
    """A clause ends between words `left` and `right`. A comma or "және" after a noun lists
    things of one clause ("… құқық бұзушылықтар, сондай-ақ … қылмыстар туралы істер …
    сотталғанның, ақталғанның және … өтінішхаттары негізінде қаралмайды"); after a verb form
    it closes a clause."""
    words, text = view.words, view.text
    if _KK_HARD_BREAK.search(text, words[left].end, words[right].start):
        return True
    for k in range(left, right):
        gap = text[words[k].end:words[k + 1].start]
        joins = "," in gap or words[k + 1].text == "және"
        if joins and _KK_VERB_END.search(words[k].text):
            return True
    return False


def lead_in_grants(view: TextView, hit: Occurrence, rights: Sequence[Occurrence]) -> bool:
    """The right is granted by the lead-in of the list whose item names `hit` ("Постановления
    могут быть пересмотрены по следующим основаниям: … 2) … по делам, рассмотренным в общем
    порядке;")."""
    for lead, items in list_items(view):
        if any(first <= hit.first and hit.last <= last for first, last in items):
            sentence = view.words[lead].sentence
            return any(r.last <= lead and view.words[r.first].sentence == sentence for r in rights)
    return False
