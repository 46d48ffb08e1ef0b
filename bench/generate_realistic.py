"""A realistic omnibus draft (kk or ru) for the benchmarks: real instruction shapes, real words.

bench/generate_omnibus.py repeats 26 statement shapes and a dozen sentences, which flatters every
cache (the parser's shape cache, the word caches). This generator draws

- instructions from the real-shaped drafts of the evaluation set and the bundled examples
  (tests/eval/*.txt, examples/*.txt): every numbered instruction line becomes a template whose
  numbers are drawn anew and whose ordinal words ("части второй", "үшінші бөлігі") are swapped
  for other ordinals of the same form;
- quoted words and new texts from every sentence the project holds in kk or ru: the quoted texts
  of those drafts and the examples of every rule and concept, cut into random spans.

`python bench/generate_realistic.py --mb 4 --lang ru --output draft.txt --stats` also reports how
many distinct statement shapes (as the parser's shape cache counts them) and distinct word forms
the draft holds.
"""

from __future__ import annotations

import argparse
import random
import re
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ITEM = re.compile(r"^\d+\) ")
QUOTED = re.compile(r"«([^«»]*)»|\"([^\"]*)\"")
NUMBER = re.compile(r"\d+")
RU_ORDINALS = ["перв", "втор", "трет", "четверт", "пят", "шест", "седьм", "восьм", "девят", "десят"]
RU_ENDINGS = {"ой": ["ой", "ой", "ей", "ой", "ой", "ой", "ой", "ой", "ой", "ой"],
              "ую": ["ую", "ую", "ью", "ую", "ую", "ую", "ую", "ую", "ую", "ую"],
              "ая": ["ая", "ая", "ья", "ая", "ая", "ая", "ая", "ая", "ая", "ая"]}
RU_ORDINAL = re.compile(r"\b(перв|втор|трет|четверт|пят|шест|седьм|восьм|девят|десят)(ой|ую|ая|ей|ью|ья)\b")
KK_ORDINALS = ["бірінші", "екінші", "үшінші", "төртінші", "бесінші", "алтыншы", "жетінші",
               "сегізінші", "тоғызыншы", "оныншы"]
KK_ORDINAL = re.compile(r"\b(" + "|".join(KK_ORDINALS) + r")\b")


def _drafts(lang: str) -> list[Path]:
    found = sorted((ROOT / "tests" / "eval").glob(f"{lang}_*.txt"))
    found += sorted((ROOT / "examples").glob(f"{lang}_*.txt"))
    return found


@cache
def templates(lang: str) -> tuple[tuple[str, ...], ...]:
    """Each numbered instruction of the real-shaped drafts with the quoted lines that follow it."""
    out: list[tuple[str, ...]] = []
    for path in _drafts(lang):
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if not ITEM.match(line):
                continue
            block = [line]
            for follow in lines[i + 1:]:
                if follow[:1] in "«\"":
                    block.append(follow)
                else:
                    break
            out.append(tuple(block))
    return tuple(out)


@cache
def sentences(lang: str) -> tuple[str, ...]:
    """Every kk or ru sentence the project holds: quoted texts and rule / concept examples."""
    found: dict[str, None] = {}
    for path in _drafts(lang):
        for match in QUOTED.finditer(path.read_text(encoding="utf-8")):
            text = (match.group(1) or match.group(2) or "").strip()
            if len(text.split()) >= 3:
                found.setdefault(text, None)
    rules = ROOT / "rules"
    for path in [*rules.glob("*.yaml"), *(rules / "concepts").glob("*.yaml")]:
        _collect(yaml.safe_load(path.read_text(encoding="utf-8")), lang, found)
    return tuple(" ".join(text.split()) for text in found)  # one line each


def _collect(node: object, lang: str, found: dict[str, None]) -> None:
    if isinstance(node, dict):
        if node.get("lang") == lang and isinstance(node.get("text"), str):
            found.setdefault(node["text"].strip(), None)
        for key, value in node.items():
            if key in ("examples", "not_examples", "conflict", "comply") or isinstance(value, (dict, list)):
                if key == lang and isinstance(value, list):
                    for text in value:
                        if isinstance(text, str) and len(text.split()) >= 3:
                            found.setdefault(text.strip(), None)
                _collect(value, lang, found)
    elif isinstance(node, list):
        for item in node:
            _collect(item, lang, found)


def _span(rng: random.Random, lang: str) -> str:
    words = rng.choice(sentences(lang)).rstrip(".;").split()
    size = min(len(words), rng.randint(1, 4))
    start = rng.randrange(len(words) - size + 1)
    return " ".join(words[start:start + size]).strip("«»\",;:()")  or "суд"


def _text(rng: random.Random, lang: str) -> str:
    return " ".join(rng.choice(sentences(lang)).rstrip(";") for _ in range(rng.randint(1, 3)))


def _renumber(rng: random.Random, line: str, first: int) -> str:
    head, rest = line.split(") ", 1)
    rest = NUMBER.sub(lambda m: str(rng.randint(1, 700) if len(m.group()) > 1 else rng.randint(1, 12)), rest)
    return f"{first}) {rest}"


def _ordinals(rng: random.Random, line: str, lang: str) -> str:
    if lang == "ru":
        def swap(m: re.Match[str]) -> str:
            family = "ой" if m.group(2) in ("ой", "ей") else "ую" if m.group(2) in ("ую", "ью") else "ая"
            k = rng.randrange(len(RU_ORDINALS))
            return RU_ORDINALS[k] + RU_ENDINGS[family][k]
        return RU_ORDINAL.sub(swap, line)
    return KK_ORDINAL.sub(lambda m: rng.choice(KK_ORDINALS), line)


def _quotes(rng: random.Random, line: str, lang: str) -> str:
    if lang == "ru":
        return re.sub(r"«[^«»]*»", lambda m: f"«{_span(rng, lang)}»", line)
    return re.sub(r"\"[^\"]*\"", lambda m: f"\"{_span(rng, lang)}\"", line)


def _new_line(rng: random.Random, line: str, lang: str) -> str:
    label = re.match(r"^([«\"]\s*(?:Статья \d+(?:-\d+)*\.\s*|\d+(?:-\d+)*-бап\.\s*|\d+(?:-\d+)*[.)]\s*)?)", line)
    close = "»" if line.startswith("«") else "\""
    end = ";" if line.rstrip().endswith(";") else "."
    return f"{label.group(1) if label else close}{_text(rng, lang)}{close}{end}"


def item(rng: random.Random, n: int, lang: str) -> list[str]:
    block = rng.choice(templates(lang))
    head = _quotes(rng, _ordinals(rng, _renumber(rng, block[0], n), lang), lang)
    return [head, *(_new_line(rng, line, lang) for line in block[1:])]


def generate(size_mb: float, lang: str, seed: int = 11) -> str:
    from bench.generate_omnibus import KK_ACTS, RU_ACTS, opening

    rng = random.Random(seed)
    kk = lang == "kk"
    out = opening(lang)
    size, act, target = sum(len(x.encode()) + 1 for x in out), 0, size_mb * 1_000_000
    while size < target:
        act += 1
        header = f"{act}. {rng.choice(KK_ACTS if kk else RU_ACTS)}:"
        out.append(header)
        size += len(header.encode()) + 1
        for n in range(1, rng.randint(20, 60)):
            for line in item(rng, n, lang):
                out.append(line)
                size += len(line.encode()) + 1
    out.append("2-бап. Осы Заң алғашқы ресми жарияланған күнінен кейін қолданысқа енгізіледі." if kk
               else "Статья 2. Настоящий Закон вводится в действие после дня его первого официального опубликования.")
    return "\n".join(out) + "\n"


def stats(text: str) -> str:
    """Statement shapes the parser met (its shape cache), word forms, and how much was parsed."""
    from checker import morph
    from checker.model import Document, SourceLine
    from checker.parsing import parse_document
    from checker.parsing.statements import _shape_template

    _shape_template.cache_clear()
    lines = tuple(SourceLine(i + 1, line) for i, line in enumerate(text.split("\n")))
    result = parse_document(Document(path="draft.txt", lines=lines))
    parsed = sum(1 for a in result.amendments if a.status == "parsed")
    forms = {token.text for token in morph.tokenize(text)}
    return (f"{len(result.amendments)} amendments ({parsed} parsed), "
            f"{_shape_template.cache_info().currsize} distinct statement shapes, "
            f"{len(forms)} distinct word forms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=4.0)
    ap.add_argument("--lang", choices=["kk", "ru"], default="ru")
    ap.add_argument("--output")
    ap.add_argument("--stats", action="store_true")
    args = ap.parse_args()
    text = generate(args.mb, args.lang)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    if args.stats:
        print(stats(text))


if __name__ == "__main__":
    main()
