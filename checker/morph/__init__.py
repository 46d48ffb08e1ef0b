"""Word-form aware matching: rules name dictionary forms, drafts use inflected ones.

The rule engine uses exactly this interface:

- `fold(text)`: the matching form of a text, same length (offsets stay valid);
- `tokenize(text)`: words with offsets into the original text and sentence numbers;
- `lemmas(word, lang)`: every lemma a folded word form could be a form of;
- `word_matches(pattern_word, word, lang)`: one rule word against one draft word;
- `phrase_pattern(phrase, lang)`: a rule phrase split into pattern words;
- `detect_language(text)`: "kk" or "ru".

Pattern words (docs/rules.md): `=жол` matches that exact form only, `берілме*` every word
beginning with `берілме`, anything else every form of the lemma.
"""

from __future__ import annotations

from functools import lru_cache

from checker.morph import kk, ru
from checker.morph.tokens import CGJ, Token, fold, tokenize, words

__all__ = ["Token", "detect_language", "fold", "lemmas", "phrase_pattern", "tokenize",
           "word_matches"]

LANGS = ("kk", "ru")


def lemmas(word: str, lang: str) -> frozenset[str]:
    """Every lemma `word` could be a form of, the word itself included (cached)."""
    if lang == "kk":
        return kk.lemmas(word)
    if lang == "ru":
        return ru.lemmas(word)
    raise ValueError(f"no word forms for language {lang!r} (kk or ru)")


def word_matches(pattern_word: str, word: str, lang: str) -> bool:
    """Whether the draft word `word` is what the rule word `pattern_word` asks for.

    Kazakh: the folded pattern is one of the word's lemmas. Russian: the pattern's lemmas
    (itself when written in dictionary form) meet the word's lemmas.
    """
    kind, value = _pattern(pattern_word, lang)
    if CGJ in word:
        word = word.replace(CGJ, "")
    if kind == "exact":
        return fold(word) == value
    if kind == "prefix":
        return fold(word).startswith(value)
    if lang == "kk":
        return value in kk.lemmas(word)
    return not ru.pattern_lemmas(value).isdisjoint(ru.lemmas(word))


@lru_cache(maxsize=1 << 14)
def _pattern(pattern_word: str, lang: str) -> tuple[str, str]:
    if lang not in LANGS:
        raise ValueError(f"no word forms for language {lang!r} (kk or ru)")
    kind = "lemma"
    core = pattern_word.strip()
    if core.endswith("*"):
        kind, core = "prefix", core.rstrip("*")
    if core.startswith("="):
        kind, core = ("exact" if kind == "lemma" else kind), core.lstrip("=")
    core = fold(core).replace(CGJ, "")
    if not core:
        raise ValueError(f"empty pattern word {pattern_word!r}")
    return kind, core


def phrase_pattern(phrase: str, lang: str) -> tuple[str, ...]:
    """The pattern words of a rule phrase, folded, keeping the `=` and `*` markers.

    Words are split exactly as `tokenize` splits a draft (hyphenated compounds stay one word,
    punctuation goes), so pattern word i lines up with token i of an occurrence. Raises
    ValueError when the phrase has no word at all.
    """
    if lang not in LANGS:
        raise ValueError(f"no word forms for language {lang!r} (kk or ru)")
    words: list[str] = []
    for chunk in phrase.split():
        exact, prefix = chunk.startswith("="), chunk.endswith("*")
        parts = [t.text.replace(CGJ, "") for t in tokenize(chunk.lstrip("=").rstrip("*"))]
        if not parts:
            continue
        if exact:
            parts = ["=" + p for p in parts]
        if prefix:
            parts[-1] += "*"
        words.extend(parts)
    if not words:
        raise ValueError(f"phrase {phrase!r} has no words")
    return tuple(words)


def detect_language(text: str, sample: int = 100_000) -> str:
    """"kk" or "ru" for a draft, a provision or a single phrase.

    Evidence for Kazakh: words holding a Kazakh-only letter (ә ғ қ ң ө ұ ү һ і, Latin
    look-alikes folded first) and frequent Kazakh words spelled without them (осы, бойынша,
    мен); for Russian: frequent Russian function words (и, в, на, статьи). The language with
    more evidence wins; a tie, including no evidence at all (empty text, digits, Latin),
    gives "ru", because Russian has no letters of its own: a Cyrillic text without a single
    Kazakh letter or word is Russian far more often than not. Only the first `sample`
    characters are read. On the Kazakh seed documents, single words are recognised as Kazakh
    83 % of the time, three consecutive words 98.5 %, five 99.9 %.
    """
    kk_score = ru_score = 0
    for word in words(text[:sample]):
        if not kk.SPECIFIC_LETTERS.isdisjoint(word) or word in kk.MARKER_WORDS:
            kk_score += 1
        elif word in ru.MARKER_WORDS:
            ru_score += 1
    return "kk" if kk_score > ru_score else "ru"
