"""Apply a 1,000-instruction bill to a generated 2 MB code and write the comparative table.

Run: python bench/bench_apply.py  (prints the size of the act and the time of each stage)
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.acts.bill import apply_bill  # noqa: E402
from checker.acts.compare import table  # noqa: E402
from checker.acts.docx_write import table_docx  # noqa: E402
from checker.acts.load import parse_act_lines  # noqa: E402
from checker.acts.table_render import html, markdown  # noqa: E402
from checker.parsing import parse_text  # noqa: E402

WORDS = ("суд", "срок", "лицо", "порядок", "право", "заявление", "орган", "решение", "жалоба", "дело")
ORD = ("первой", "второй", "третьей", "четвертой", "пятой")


def act_lines(target_bytes: int, rng: random.Random) -> list[str]:
    lines = ["КОДЕКС РЕСПУБЛИКИ КАЗАХСТАН", "Кодекс Республики Казахстан от 5 июля 2014 года."]
    size, article = 0, 0
    while size < target_bytes:
        article += 1
        if article % 20 == 1:
            lines.append(f"Глава {article // 20 + 1}. Положения главы")
        lines.append(f"Статья {article}. Заголовок статьи {article}")
        for part in range(1, 6):
            words = " ".join(rng.choice(WORDS) for _ in range(30))
            lines.append(f"{part}. Текст части {part} статьи {article}: {words} маркер{article}x{part}.")
            for item in range(1, 4):
                lines.append(f"{item}) подпункт {item} {rng.choice(WORDS)};")
        size = sum(len(line.encode()) + 1 for line in lines)
    return lines


def bill(articles: int, count: int, rng: random.Random) -> str:
    out = ["Статья 1. Внести в Уголовно-исполнительный кодекс Республики Казахстан от 5 июля 2014 года "
           "следующие изменения:"]
    chosen = rng.sample([(a, p) for a in range(1, articles + 1) for p in range(1, 6)], count)
    for n, (art, part) in enumerate(chosen, 1):
        kind = n % 3
        if kind == 0:
            out.append(f"{n}) в части {ORD[part - 1]} статьи {art} слово «маркер{art}x{part}» заменить словом «метка»;")
        elif kind == 1:
            out.append(f"{n}) часть {['первую', 'вторую', 'третью', 'четвертую', 'пятую'][part - 1]} статьи {art} "
                       "изложить в следующей редакции:")
            out.append(f"«{part}. Новая редакция части.»;")
        else:
            out.append(f"{n}) статью {art} дополнить частью {part}-1 следующего содержания:")
            out.append(f"«{part}-1. Новая часть.»;")
    out[-1] = out[-1].rstrip(";") + "."
    return "\n".join(out)


def main() -> None:
    rng = random.Random(8)
    lines = act_lines(2_000_000, rng)
    started = time.perf_counter()
    act = parse_act_lines(list(enumerate(lines, 1)))
    parsed = time.perf_counter()
    articles = sum(1 for u in act.root.walk() if u.kind == "article")
    text = bill(articles, 1000, rng)
    result = parse_text(text)
    bill_parsed = time.perf_counter()
    run = apply_bill(result, {a.act.slug: act for a in result.amendments})
    applied = time.perf_counter()
    rows = table(run, "ru")
    markdown(rows, "ru"), html(rows, "ru"), table_docx(rows, "ru")
    written = time.perf_counter()
    ok = sum(1 for item in run.applied if item.status == "applied")
    print(f"act: {sum(len(x.encode()) + 1 for x in lines) / 1e6:.2f} MB, {articles} articles, {len(lines)} paragraphs")
    print(f"bill: {len(result.amendments)} instructions, {ok} applied, {len(run.all_issues())} issues")
    print(f"parse act {parsed - started:.2f} s · parse bill {bill_parsed - parsed:.2f} s · "
          f"apply {applied - bill_parsed:.2f} s · table (md+html+docx, {len(rows)} rows) {written - applied:.2f} s · "
          f"total {written - started:.2f} s")


if __name__ == "__main__":
    main()
