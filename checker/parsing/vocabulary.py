"""The language tables of grammar/vocab/*.yaml, compiled into terminals and look-ups.

The structural grammar is shared by Kazakh and Russian; these tables bring the words. A
terminal such as NEW_WORDING is the union of both languages' phrases, so one grammar rule
serves "T мынадай редакцияда жазылсын" and "T изложить в следующей редакции".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from checker import recache
from checker.resources import grammar_dir

LANGUAGES = ("kk", "ru")
_END = r"(?![\w-])"

# Terminal name -> key in the `phrases` table.
PHRASE_TERMINALS = {
    "NEW_WORDING": "new_wording",
    "CONTENT": "content",
    "SUPPLEMENT": "supplement",
    "REPLACE": "replace",
    "REPLACE_CV": "replace_converb",
    "DELETE_CV": "delete_converb",
    "SUPPLEMENT_CV": "supplement_converb",
    "DELETE": "delete",
    "REPEAL": "repeal",
    "RESPECTIVELY": "respectively",
    "THROUGHOUT": "throughout",
    "AND": "and",
    "WORDS": "words_marker",
    "WORDS_AFTER": "words_after",
    "WORDS_BEFORE": "words_before",
    "AFTER_UNIT": "after_unit",
    "AFTER_UNIT_KK": "after_unit_postposition",
    "LANG_UNCHANGED": "language_unchanged",
    "SUSPEND": "suspend",
    "RENUMBER": "renumber",
    "ACT_REF": "act_reference",
    "IN": "in",
    "ART_HEAD": "article_heading",
    "AMEND": "amend",
    "REPLACE_P": "replace_participle",
    "DELETE_P": "delete_participle",
    "SUPPLEMENT_P": "supplement_participle",
}
# The phrases that make a statement an amendment instruction (an operation, not a target word).
FORMULA_KEYS = ("new_wording", "content", "supplement", "replace", "replace_converb", "delete_converb",
                "supplement_converb", "delete", "repeal", "words_after", "words_before",
                "language_unchanged", "suspend", "renumber", "replace_participle", "delete_participle",
                "supplement_participle")
# Phrases that are longer, more specific formulas get a higher lexer priority than plain words.
_PRIORITY = {"ART_HEAD": 4, "LANG_UNCHANGED": 3, "WORDS_AFTER": 3, "WORDS_BEFORE": 3, "SUSPEND": 3, "REPEAL": 3,
             "NEW_WORDING": 3, "THROUGHOUT": 3, "CONTENT": 3, "ACT_REF": 2,
             "AMEND": 3, "REPLACE_P": 3, "DELETE_P": 3, "SUPPLEMENT_P": 3}


@dataclass(frozen=True)
class Vocabulary:
    """Both languages' tables, with the regexes the grammar needs and the reverse look-ups."""

    tables: dict[str, dict]

    def phrase_regex(self, key: str) -> str:
        alternatives: list[str] = []
        for lang in LANGUAGES:
            value = self.tables[lang]["phrases"].get(key) or []
            if isinstance(value, str):  # already a regex
                alternatives.append(value.strip())
            else:
                alternatives.extend(r"\s+".join(map(re.escape, p.split())) for p in value)
        alternatives.sort(key=len, reverse=True)
        if not alternatives:
            return ""
        # a word boundary only makes sense after a word ("1-бап.Қазақстан" is written too)
        end = "" if all(a.endswith(r"\.") for a in alternatives) else _END
        return "(?:" + "|".join(alternatives) + ")" + end

    def kk_unit_regex(self, *, exclude_shared: bool = True) -> str:
        stems = [s for forms in self.tables["kk"]["units"].values() for s in forms]
        stems.sort(key=len, reverse=True)
        chain = self.tables["kk"]["unit_suffix_chain"].strip()
        regex = "-?(?:" + "|".join(map(re.escape, stems)) + ")" + chain + _END
        shared = self.shared_unit_forms() if exclude_shared else []
        if shared:
            regex = "(?!" + _alternation(shared) + _END + ")" + regex
        return regex

    def ru_unit_regex(self) -> str:
        shared = set(self.shared_unit_forms())
        forms = [f for fs in self.tables["ru"]["units"].values() for f in fs if f not in shared]
        return _alternation(forms) + _END

    def shared_unit_forms(self) -> list[str]:
        """Forms both languages write alike ("абзац"): one terminal that either word order takes."""
        kk = recache.compile(self.kk_unit_regex(exclude_shared=False))
        return [f for fs in self.tables["ru"]["units"].values() for f in fs if kk.fullmatch(f)]

    def ordinal_regex(self) -> str:
        words: list[str] = list(self.tables["kk"]["ordinals"])
        endings = self.tables["ru"]["ordinal_endings"]
        stems = "|".join(sorted(map(re.escape, self.tables["ru"]["ordinals"]), key=len, reverse=True))
        ends = "|".join(sorted(endings, key=len, reverse=True))
        cardinals = [c for lang in LANGUAGES for c in self.tables[lang]["cardinals"]]
        cardinals.sort(key=len, reverse=True)
        card = "(?:" + "|".join(r"\s+".join(map(re.escape, c.split())) for c in cardinals) + r")\s+"
        kk_words = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
        return f"(?:{card})*(?:{kk_words}|(?:{stems})(?:{ends}))" + _END

    def target_start_regex(self) -> str:
        """What may follow "N)" when it is a target ("13) тармақ", "13) және 15)"), not an item."""
        return "(?:" + self.kk_unit_regex() + r"|және" + _END + r"|,|-\s*\d)"

    def terminal_definitions(self) -> str:
        """Lark terminal definitions for every vocabulary terminal the grammar names."""
        lines = [
            f"UNIT_KK.2: /{self.kk_unit_regex()}/",
            f"UNIT_RU.2: /{self.ru_unit_regex()}/",
            f"UNIT_BOTH.3: /{_alternation(self.shared_unit_forms()) + _END}/",
            f"ORD.2: /{self.ordinal_regex()}/",
        ]
        # ", слова …" between two Russian replacements (a plain comma would also separate quotes).
        ru = self.tables["ru"]["phrases"]
        for name, key in (("NEXT_WORDS", "words_marker"), ("NEXT_AFTER", "words_after"),
                          ("NEXT_BEFORE", "words_before")):
            lines.append(f"{name}.4: /,\\s*(?:(?:и|а\\s+также)\\s+)?{ru[key].strip()}{_END}/")
        for name, key in PHRASE_TERMINALS.items():
            regex = self.phrase_regex(key)
            if not regex:
                regex = "(?!x)x"  # a language without such a word: a terminal that never matches
            lines.append(f"{name}.{_PRIORITY.get(name, 2)}: /{regex}/")
        return "\n".join(lines) + "\n"

    def formula_regex(self) -> str:
        """Any operation formula of either language ("изложить в следующей редакции", "алып
        тасталсын" …): a line that has one but did not parse is an instruction not understood."""
        found = [self.phrase_regex(key) for key in FORMULA_KEYS]
        return r"(?<![\w-])(?:" + "|".join(r for r in found if r) + ")"

    # ---- reverse look-ups used when building records --------------------------------------
    def unit_kind(self, word: str) -> str | None:
        """'баптың' -> 'article', 'подпункта' -> 'subparagraph'."""
        return _unit_kind(self, word.lstrip("-"))

    def ordinal_value(self, text: str) -> int | None:
        return _ordinal_value(self, " ".join(text.split()))


def _alternation(words: list[str]) -> str:
    return "(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")"


@cache
def _compiled_kk_units(vocab: Vocabulary) -> list[tuple[str, re.Pattern[str]]]:
    chain = vocab.tables["kk"]["unit_suffix_chain"].strip()
    pairs = []
    for kind, stems in vocab.tables["kk"]["units"].items():
        for stem in stems:
            pairs.append((len(stem), kind, recache.compile(re.escape(stem) + chain)))
    pairs.sort(key=lambda p: -p[0])
    return [(kind, rx) for _, kind, rx in pairs]


def _unit_kind(vocab: Vocabulary, word: str) -> str | None:
    for kind, forms in vocab.tables["ru"]["units"].items():
        if word in forms:
            return kind
    for kind, rx in _compiled_kk_units(vocab):
        if rx.fullmatch(word):
            return kind
    return None


def _ordinal_value(vocab: Vocabulary, text: str) -> int | None:
    total = 0
    words = text.split()
    i = 0
    cardinals = {**vocab.tables["kk"]["cardinals"], **vocab.tables["ru"]["cardinals"]}
    while i < len(words) - 1:
        two = f"{words[i]} {words[i + 1]}"
        if two in cardinals and i + 2 < len(words):
            total += cardinals[two]
            i += 2
        elif words[i] in cardinals:
            total += cardinals[words[i]]
            i += 1
        else:
            return None
    last = words[-1] if words else ""
    if last in vocab.tables["kk"]["ordinals"]:
        return total + vocab.tables["kk"]["ordinals"][last]
    for stem, value in sorted(vocab.tables["ru"]["ordinals"].items(), key=lambda kv: -len(kv[0])):
        if last.startswith(stem) and last[len(stem):] in vocab.tables["ru"]["ordinal_endings"]:
            return total + value
    return None


def vocabulary_path(lang: str, folder: Path | None = None) -> Path:
    return (folder or grammar_dir()) / "vocab" / f"{lang}.yaml"


@cache
def load_vocabulary() -> Vocabulary:
    tables = {}
    for lang in LANGUAGES:
        with open(vocabulary_path(lang), encoding="utf-8") as handle:
            # libyaml's safe loader when PyYAML has it: the same tables, ten times faster
            tables[lang] = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return Vocabulary(tables=_Frozen(tables))


class _Frozen(dict):
    """A dict that can be a cache key (the tables never change after loading)."""

    def __hash__(self) -> int:  # type: ignore[override]
        return id(self)
