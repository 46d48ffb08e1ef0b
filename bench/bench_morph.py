"""Morphology throughput (words/s, CPU time of one core): lemmas() for kk and ru, fold, tokenize.

Usage: python bench/bench_morph.py [--words 200000] [--seed 1] [--text PATH ...]

The corpus is generated: legal lemmas inflected with random suffix chains (kk, through
checker.morph.kk.inflect) or with random pymorphy3 lexeme forms (ru), drawn with a Zipf-like
frequency so that running text repeats words the way drafts do. "distinct" measures the
uncached analysis of every distinct form once; "running" measures the cached `lemmas()` the
engine calls, token by token. `--text` adds real files (e.g. the seeds) as a kk running text.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable, Sequence

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

KK_LEMMAS = (
    "саты сот шешім үй бап тармақ тармақша бөлік құқық бостандық шағым кассация азамат бала "
    "ата-ана ана әке мүлік жер салық баж мемлекет қызмет жаза айыппұл өтінішхат қаулы күзет "
    "мекеме алимент мұрагер өсиет ойын бәс азаматтық жәрдемақы зейнетақы шығару айыру беру "
    "халық процесс акт заң іс кодекс конституция министрлік прокурор тәртіп кітап мерзім "
    "талап келісім шарт өкілеттік орган әкімдік депутат парламент үкімет президент"
).split()
RU_LEMMAS = (
    "суд решение жилище выселение лишение свобода кассационный осужденный ребенок родитель "
    "пошлина ходатайство право закон статья пункт гражданин имущество наследник жалоба "
    "государство налог штраф постановление прокурор помещение жилой завещание пособие пенсия "
    "конституция кодекс срок требование договор орган депутат парламент правительство президент "
    "инстанция приговор наказание обязанность гарантия защита порядок основание"
).split()


def _zipf(rng: random.Random, items: Sequence[str], n: int) -> list[str]:
    weights = [1.0 / (rank + 1) for rank in range(len(items))]
    return rng.choices(items, weights=weights, k=n)


def kk_forms(rng: random.Random, count: int) -> list[str]:
    from checker.morph import kk

    paths = kk.chain_paths()
    forms = {kk.inflect(lemma, rng.choice(paths), voice=rng.random() < 0.8)
             for lemma in KK_LEMMAS for _ in range(max(1, count // len(KK_LEMMAS)))}
    return sorted(forms)


def ru_forms() -> list[str]:
    from checker.morph import ru

    forms: set[str] = set()
    for lemma in RU_LEMMAS:
        for parse in ru.analyzer().parse(lemma)[:1]:  # forms of the same part of speech
            forms.update(f.word.replace("ё", "е") for f in parse.lexeme
                         if f.tag.POS == parse.tag.POS)
    return sorted(forms)


def _rate(fn: Callable[[str], object], words: Sequence[str]) -> float:
    start = time.process_time()  # CPU time: honest on a shared, busy machine
    for word in words:
        fn(word)
    return len(words) / (time.process_time() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=200_000, help="running-text length in words")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--text", nargs="*", default=[], help="real kk text files to add")
    args = ap.parse_args()
    rng = random.Random(args.seed)

    from checker.morph import fold, kk, lemmas, ru, tokenize

    t0 = time.process_time()
    kk.table()
    kk_load = time.process_time() - t0
    t0 = time.process_time()
    ru.analyzer()
    ru_load = time.process_time() - t0

    rows: list[tuple[str, str]] = [
        ("kk table load (s)", f"{kk_load:.3f}"),
        ("ru pymorphy3 load (s)", f"{ru_load:.3f}"),
    ]
    for lang, distinct in (("kk", kk_forms(rng, 20_000)), ("ru", ru_forms())):
        analyse = kk.analyse if lang == "kk" else ru.analyse
        cached = kk.lemmas if lang == "kk" else ru.lemmas
        cached.cache_clear()
        running = _zipf(rng, distinct, args.words)
        rows.append((f"{lang} distinct forms", f"{len(distinct):,}"))
        rows.append((f"{lang} analyse, uncached (words/s)", f"{_rate(analyse, distinct):,.0f}"))
        rows.append((f"{lang} lemmas() running text, cold cache (words/s)",
                     f"{_rate(lambda w, lang=lang: lemmas(w, lang), running):,.0f}"))
        rows.append((f"{lang} lemmas() running text, warm cache (words/s)",
                     f"{_rate(lambda w, lang=lang: lemmas(w, lang), running):,.0f}"))

    text = " ".join(_zipf(rng, kk_forms(rng, 5_000), args.words)) + ". "
    for path in args.text:
        with open(path, encoding="utf-8") as handle:
            text += handle.read()
    mb = len(text.encode("utf-8")) / 1e6
    t0 = time.process_time()
    fold(text)
    t1 = time.process_time()
    tokens = tokenize(text)
    t2 = time.process_time()
    kk.lemmas.cache_clear()
    for token in tokens:
        lemmas(token.text, "kk")
    t3 = time.process_time()
    rows.append(("text size (MB)", f"{mb:.2f}"))
    rows.append(("fold (MB/s)", f"{mb / (t1 - t0):.1f}"))
    rows.append(("tokenize (MB/s)", f"{mb / (t2 - t1):.1f}"))
    rows.append(("kk lemmas() over the tokens, cold cache (words/s)",
                 f"{len(tokens) / (t3 - t2):,.0f}"))

    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value:>12}")


if __name__ == "__main__":
    main()
