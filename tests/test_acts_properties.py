"""Hypothesis: applying a generated bill to a generated act never crashes, and every instruction
is either applied or reported."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.acts.bill import apply_bill
from checker.acts.load import parse_act_lines
from checker.parsing import parse_text

WORDS = ["суд", "срок", "лицо", "порядок", "право", "заявление", "орган"]
ORD = {1: "первую", 2: "вторую", 3: "третью", 4: "четвертую"}
ORD_PREP = {1: "первой", 2: "второй", 3: "третьей", 4: "четвертой"}


@st.composite
def acts(draw):
    lines = ["КОДЕКС", "Кодекс Республики Казахстан от 5 июля 2014 года."]
    for art in range(1, draw(st.integers(1, 5)) + 1):
        lines.append(f"Статья {art}. Заголовок {draw(st.sampled_from(WORDS))}")
        for part in range(1, draw(st.integers(0, 4)) + 1):
            lines.append(f"{part}. Текст {' '.join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4)))}.")
            for item in range(1, draw(st.integers(0, 3)) + 1):
                lines.append(f"{item}) пункт {draw(st.sampled_from(WORDS))};")
    return lines


@st.composite
def bills(draw):
    out = ["Статья 1. Внести в Уголовно-исполнительный кодекс Республики Казахстан от 5 июля 2014 года "
           "следующие изменения:"]
    for n in range(1, draw(st.integers(1, 8)) + 1):
        art, part = draw(st.integers(1, 6)), draw(st.integers(1, 4))
        w1, w2 = draw(st.sampled_from(WORDS)), draw(st.sampled_from(WORDS))
        kind = draw(st.integers(0, 5))
        if kind == 0:
            out.append(f"{n}) в части {ORD_PREP[part]} статьи {art} слово «{w1}» заменить словом «{w2}»;")
        elif kind == 1:
            out.append(f"{n}) часть {ORD[part]} статьи {art} исключить;")
        elif kind == 2:
            out.append(f"{n}) часть {ORD[part]} статьи {art} изложить в следующей редакции:")
            out.append(f"«{part}. Новый текст {w1}.»;")
        elif kind == 3:
            out.append(f"{n}) статью {art} дополнить частью {part}-1 следующего содержания:")
            out.append(f"«{part}-1. Новая часть {w2}.»;")
        elif kind == 4:
            out.append(f"{n}) в статье {art} слова «{w1}» исключить;")
        else:
            out.append(f"{n}) статью {art} дополнить частью {part + 4} следующего содержания:")
            out.append(f"«{part + 4}. Ещё часть.»;")
    out[-1] = out[-1].rstrip(";") + "."
    return "\n".join(out)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(acts(), bills())
def test_every_instruction_applied_or_reported(act_lines, bill):
    act = parse_act_lines(list(enumerate(act_lines, 1)))
    result = parse_text(bill)
    run = apply_bill(result, {a.act.slug: act for a in result.amendments})
    assert len(run.applied) == len(result.amendments)
    for item in run.applied:
        assert item.status == "applied" or item.issues
    act.render()
