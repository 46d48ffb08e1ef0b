"""The example drafts parse exactly as their reviewed golden JSON says.

The golden files were produced once and then checked record by record against the drafts by a
person; the hand-written table below pins the facts a lawyer would check first, so that a
golden file regenerated carelessly cannot hide a regression.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.parsing import parse_text

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DRAFTS = sorted(EXAMPLES.glob("*_bill.txt"))


@pytest.mark.parametrize("draft", DRAFTS, ids=[d.stem for d in DRAFTS])
def test_parse_matches_golden_json(draft: Path) -> None:
    golden = json.loads(draft.with_suffix(".parse.json").read_text(encoding="utf-8"))
    result = parse_text(draft.read_text(encoding="utf-8"), path=golden["path"]).to_json()
    assert result == golden


# (id, line, operation, act slug, article, part, paragraph, subparagraph), written by hand.
JUSTICE = [
    ("1.1.1.1", 10, "replace_words", "civil-code", "914", None, "1", None),
    ("1.1.1.2", 11, "supplement", "civil-code", "914", None, "3", None),
    ("1.1.2", 13, "delete", "civil-code", "1045", "2", None, None),
    ("1.2.1", 15, "new_wording", "criminal-procedure-code", "484", "2", None, None),
    ("1.2.2", 17, "replace_words", "criminal-procedure-code", "485", "3", None, None),
    ("1.2.3", 18, "supplement", "criminal-procedure-code", "487", "4-1", None, None),
    ("1.2.3/2", 18, "supplement", "criminal-procedure-code", "487", "4-2", None, None),
    ("1.2.4", 21, "language_version_unchanged", "criminal-procedure-code", "492", "1", None, None),
    ("1.3.1", 23, "new_wording", "law:housing-relations", "107", None, "1", None),
    ("1.3.2", 25, "replace_words", "law:housing-relations", "108", None, "2", None),
    ("1.3.3", 26, "replace_words", "law:housing-relations", None, None, None, None),
    ("1.3.3/2", 26, "replace_words", "law:housing-relations", None, None, None, None),
    ("1.3.4", 27, "insert_words", "law:housing-relations", "109", None, None, None),
    ("1.4.1", 29, "new_wording", "social-code", "208", None, "1", "8"),
]


@pytest.mark.parametrize("name", ["kk_justice_bill.txt", "ru_justice_bill.txt"])
def test_justice_bills_by_hand(name: str) -> None:
    result = parse_text((EXAMPLES / name).read_text(encoding="utf-8"))
    got = [(a.id, a.line, a.operation, a.act.slug, a.target.article, a.target.part, a.target.paragraph,
            a.target.subparagraph) for a in result.amendments]
    assert got == JUSTICE
    assert result.unparsed == ()
