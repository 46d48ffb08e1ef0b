"""What each rule part sees per operation (docs/rules.md table), and offsets → the user's columns."""

from __future__ import annotations

from dataclasses import replace

import pytest

from checker.engine import Rule, RuleSet, read_rule
from checker.engine.effective import AmendmentTexts, build_view
from checker.model import Act, Amendment, Target

HEAD = """id: t
title: {kk: Сынақ, ru: Тест, en: Test}
resolution: {number: 21, date: 2023-07-14}
message: {kk: Хабар, ru: Сообщение, en: Message}
"""
BASE = Amendment(id="1.2.3", line=7, end_line=7, col=0, act=Act("civil-code", ""),
                 operation="new_wording", target=Target(article="5"), language="kk")


def make_rule(body: str) -> Rule:
    spec, errors = read_rule(HEAD + body, "<test>")
    assert errors == [] and spec is not None
    return Rule.from_spec(spec, "<test>")


# operation, new, old, position -> the texts seen by match, removed, added
TABLE = [
    ("new_wording", "жаңа мәтін", None, None, ("жаңа мәтін", "", "жаңа мәтін")),
    ("supplement", "жаңа тармақ", None, None, ("жаңа тармақ", "", "жаңа тармақ")),
    ("replace_words", "келетін сөз", "кететін сөз", None, ("келетін сөз", "кететін сөз", "келетін сөз")),
    ("insert_words", "қосылған", "анкер", "after", ("анкер қосылған", "", "қосылған")),
    ("insert_words", "қосылған", "анкер", "before", ("қосылған анкер", "", "қосылған")),
    ("insert_words", "қосылған", None, "end", ("қосылған", "", "қосылған")),
    ("delete_words", None, "кететін сөз", None, ("", "кететін сөз", "")),
    ("delete", None, None, None, ("", "", "")),
    ("repeal", None, None, None, ("", "", "")),
    ("language_version_unchanged", None, None, None, ("", "", "")),
]


@pytest.mark.parametrize(("operation", "new", "old", "position", "seen"), TABLE)
def test_each_part_sees_the_text_of_the_table(operation: str, new: str | None, old: str | None,
                                              position: str | None, seen: tuple[str, str, str]) -> None:
    texts = AmendmentTexts(replace(BASE, operation=operation, new=new, old=old, position=position))
    assert tuple(texts.view(part).text for part in ("match", "removed", "added")) == seen


def test_a_phrase_can_run_from_the_anchor_into_the_inserted_words() -> None:
    rule = make_rule('match: {terms: {kk: ["сот шешімі"]}}\n')
    after = replace(BASE, operation="insert_words", old="сот", new="шешімі", position="after")
    before = replace(after, position="before")
    assert [f.rule for f in RuleSet([rule]).check_amendment(after, "d", "en")] == ["t"]
    assert RuleSet([rule]).check_amendment(before, "d", "en") == []


def test_removed_and_added_see_their_own_words() -> None:
    rule = make_rule("""removed: {terms: {kk: ["сот"]}}
added: {terms: {kk: ["прокурор"]}}
""")
    ruleset = RuleSet([rule])
    swap = replace(BASE, operation="replace_words", old="сот шешімімен", new="прокурордың санкциясымен")
    back = replace(swap, old="прокурордың санкциясымен", new="сот шешімімен")
    assert [f.rule for f in ruleset.check_amendment(swap, "d", "en")] == ["t"]
    assert ruleset.check_amendment(back, "d", "en") == []
    # a new wording has words that go only when the act in force said what the unit held
    assert ruleset.check_amendment(replace(swap, operation="new_wording", old=None), "d", "en") == []
    assert [f.rule for f in ruleset.check_amendment(replace(swap, operation="new_wording"), "d", "en")] == ["t"]


def test_a_not_on_text_the_operation_lacks_holds() -> None:
    """Deleting the court words: `added` sees an empty text, so "no court word arrives" holds."""
    rule = make_rule("""removed: {terms: {kk: ["сот"]}}
added: {not: {terms: {kk: ["сот"]}}}
""")
    gone = replace(BASE, operation="delete_words", old="сот шешімі бойынша")
    assert [f.rule for f in RuleSet([rule]).check_amendment(gone, "d", "en")] == ["t"]


def test_unless_without_brought_text_is_no_exception() -> None:
    rule = make_rule("""removed: {terms: {kk: ["әке"]}}
unless: {not: {terms: {kk: ["ана"]}}}
""")
    gone = replace(BASE, operation="delete_words", old="немесе әкесіне")
    assert [f.rule for f in RuleSet([rule]).check_amendment(gone, "d", "en")] == ["t"]


def test_spans_follow_the_users_line_breaks() -> None:
    text = "бірінші жол\nекінші сот жолы"
    view = build_view([(text, (3, 10))], "kk")
    start = text.index("сот")
    assert view.spans(0, 7) == [(3, 10, 17)]  # first line: offset by the quote's column
    assert view.spans(start, start + 3) == [(4, 7, 10)]  # later lines: from column 0
    across = text.index("жол")
    assert view.spans(across, start + 3) == [(3, 18, 21), (4, 0, 10)]


def test_spans_of_an_insertion_point_into_each_quote() -> None:
    rule = make_rule('match: {terms: {kk: ["сот шешімі"]}}\n')
    insert = replace(BASE, operation="insert_words", old="сот", new="шешімі негізінде",
                     position="after", old_pos=(7, 20), new_pos=(7, 40))
    (finding,) = RuleSet([rule]).check_amendment(insert, "d", "en")
    assert finding.evidence == "сот шешімі"
    assert finding.evidence_spans == ((7, 20, 23), (7, 40, 46))


def test_unknown_position_gives_no_spans() -> None:
    rule = make_rule('match: {terms: {kk: ["сот"]}}\n')
    (finding,) = RuleSet([rule]).check_amendment(replace(BASE, new="сотқа"), "d", "en")
    assert finding.evidence == "сотқа"
    assert finding.evidence_spans == ()
