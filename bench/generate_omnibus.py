"""Generates a large omnibus amending draft (kk or ru) for the parse and check benchmarks.

The draft mixes every kind of instruction with multi-paragraph new text, the way a real omnibus
bill does: about two thirds of its bytes are quoted new text.
"""

from __future__ import annotations

import argparse
import random

KK_ACTS = [
    "2014 жылғы 4 шілдедегі Қазақстан Республикасының Қылмыстық-процестік кодексіне",
    "1999 жылғы 1 шілдедегі Қазақстан Республикасының Азаматтық кодексіне (Ерекше бөлім)",
    '"Тұрғын үй қатынастары туралы" 1997 жылғы 16 сәуірдегі Қазақстан Республикасының Заңына',
    "2023 жылғы 20 сәуірдегі Қазақстан Республикасының Әлеуметтік кодексіне",
    "2003 жылғы 20 маусымдағы Қазақстан Республикасының Жер кодексіне",
]
RU_ACTS = [
    "В Уголовно-процессуальный кодекс Республики Казахстан от 4 июля 2014 года",
    "В Гражданский кодекс Республики Казахстан (Особенная часть) от 1 июля 1999 года",
    "В Закон Республики Казахстан от 16 апреля 1997 года «О жилищных отношениях»",
    "В Социальный кодекс Республики Казахстан от 20 апреля 2023 года",
    "В Земельный кодекс Республики Казахстан от 20 июня 2003 года",
]
KK_ORD = ["бірінші", "екінші", "үшінші", "төртінші", "бесінші", "алтыншы"]
RU_ACC = ["первую", "вторую", "третью", "четвертую", "пятую", "шестую"]
RU_PREP = ["первой", "второй", "третьей", "четвертой", "пятой", "шестой"]
KK_SENTENCES = [
    "Кассациялық шағым беру құқығы қылмыстың санатына қарамастан барлық тараптарға беріледі",
    "Тұрғын үйден шығару сот шешімімен ғана жүргізіледі",
    "Баланы күтіп-бағу кезеңі ата-анасының біріне есептеледі",
    "Жер учаскесіне құқық өсиет бойынша мұрагерге толық көлемде ауысады",
]
RU_SENTENCES = [
    "Право на кассационное обжалование предоставляется сторонам независимо от категории преступления",
    "Выселение из жилища производится только на основании решения суда",
    "Период ухода за ребенком засчитывается одному из родителей",
    "Право на земельный участок переходит к наследнику по завещанию в полном объеме",
]


def _new_text(rng: random.Random, sentences: list[str], head: str, kk: bool) -> list[str]:
    lines = [head]
    for n in range(1, rng.randint(3, 8)):
        lines.append(f"{n}) {rng.choice(sentences)}, осы тармақтың {n}-тармақшасында көзделген жағдайларды қоспағанда;"
                     if kk else f"{n}) {rng.choice(sentences)}, за исключением случаев, указанных в подпункте {n};")
    return lines


def kk_item(rng: random.Random, n: int) -> list[str]:
    art, part, para = rng.randint(1, 900), rng.randint(0, 5), rng.randint(1, 30)
    kind = rng.randrange(5)
    if kind == 0:
        body = _new_text(rng, KK_SENTENCES, kk=True, head=f'"{part + 1}. {rng.choice(KK_SENTENCES)}:')
        body[-1] += '";'
        return [f"{n}) {art}-баптың {KK_ORD[part]} бөлігі мынадай редакцияда жазылсын:", *body]
    if kind == 1:
        return [f'{n}) {art}-баптың {para}-тармағындағы "алты ай" деген сөздер "бір жыл" деген сөздермен ауыстырылсын;']
    if kind == 2:
        return [f"{n}) {art}-бапта:", f'{KK_ORD[part]} бөліктегі "жеті" деген сөз "он төрт" деген сөзбен ауыстырылсын;',
                f"{para}-тармақ алып тасталсын;"]
    if kind == 3:
        body = _new_text(rng, KK_SENTENCES, kk=True, head=f'"{art}-{para}-бап. {rng.choice(KK_SENTENCES)}')
        body[-1] += '";'
        return [f"{n}) мынадай мазмұндағы {art}-{para}-баппен толықтырылсын:", *body]
    return [f'{n}) {art}-баптың {para}-тармағы "сот" деген сөзден кейін ", оның ішінде алқабилер соты," деген сөздермен толықтырылсын;']


def ru_item(rng: random.Random, n: int) -> list[str]:
    art, part, para = rng.randint(1, 900), rng.randint(0, 5), rng.randint(1, 30)
    kind = rng.randrange(5)
    if kind == 0:
        body = _new_text(rng, RU_SENTENCES, kk=False, head=f"«{part + 1}. {rng.choice(RU_SENTENCES)}:")
        body[-1] += "»;"
        return [f"{n}) часть {RU_ACC[part]} статьи {art} изложить в следующей редакции:", *body]
    if kind == 1:
        return [f"{n}) в пункте {para} статьи {art} слова «шести месяцев» заменить словами «одного года»;"]
    if kind == 2:
        return [f"{n}) в статье {art}:", f"в части {RU_PREP[part]} слово «семи» заменить словом «четырнадцати»;",
                f"пункт {para} исключить;"]
    if kind == 3:
        body = _new_text(rng, RU_SENTENCES, kk=False, head=f"«Статья {art}-{para}. {rng.choice(RU_SENTENCES)}")
        body[-1] += "»;"
        return [f"{n}) дополнить статьей {art}-{para} следующего содержания:", *body]
    return [f"{n}) пункт {para} статьи {art} после слова «суд» дополнить словами «, в том числе суд присяжных,»;"]


def opening(lang: str) -> list[str]:
    """The title and Article 1 lead of an omnibus amending law."""
    if lang == "kk":
        return ["Қазақстан Республикасының кейбір заңнамалық актілеріне өзгерістер мен толықтырулар енгізу туралы",
                "1-бап. Қазақстан Республикасының мына заңнамалық актілеріне өзгерістер мен толықтырулар енгізілсін:"]
    return ["О внесении изменений и дополнений в некоторые законодательные акты Республики Казахстан",
            "Статья 1. Внести изменения и дополнения в следующие законодательные акты Республики Казахстан:"]


def generate(size_mb: float, lang: str, seed: int = 7) -> str:
    rng = random.Random(seed)
    kk = lang == "kk"
    out = opening(lang)
    size = sum(len(x.encode()) + 1 for x in out)
    act = 0
    target = size_mb * 1_000_000
    while size < target:
        act += 1
        header = f"{act}. {rng.choice(KK_ACTS if kk else RU_ACTS)}:"
        out.append(header)
        size += len(header.encode()) + 1
        for n in range(1, rng.randint(20, 60)):
            for line in (kk_item if kk else ru_item)(rng, n):
                out.append(line)
                size += len(line.encode()) + 1
    out.append("2-бап. Осы Заң алғашқы ресми жарияланған күнінен кейін қолданысқа енгізіледі." if kk
               else "Статья 2. Настоящий Закон вводится в действие после дня его первого официального опубликования.")
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--lang", choices=["kk", "ru"], default="kk")
    ap.add_argument("--output", required=True)
    args = ap.parse_args()
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.write(generate(args.mb, args.lang))


if __name__ == "__main__":
    main()
