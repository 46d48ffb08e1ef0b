"""The rule base keeps its measured quality on the six evaluation rounds.

Each round was written by independent evaluators who never saw the rules (tests/eval, holdout,
round3 under the word-list engine; round4-6 under the topic + effects engine). Their held-out
scores, before any tuning, are in the issue notes. This is a regression guard, not a held-out
measurement: each round and language must keep at least the true positives it has today and
no more false positives or wrong resolutions. The target is recall and precision >= 95%; rounds
below it are listed in the issue note with their remaining misses.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = tuple(ROOT / "tests" / name
               for name in ("eval", "holdout", "round3", "round4", "round5", "round6", "round7", "round8",
                            "round9", "round10", "round11", "round12", "round13", "round14",
                            "round15", "round16", "round17", "round18", "round19"))
# (round, lang): (true positives at least, false positives at most, wrong resolutions at most),
# measured on 2026-12-07 after tuning the engine and shared data on rounds 1-16 (rounds 7 to 16
# were each scored once, held out, before any change made for them: see the issue note).
# eval ru: the deletion of "непогашенную" from a law-enforcement service bar (ru_eval_05 line 30)
# is keyed to № 57 and also cites № 27, the position on law-enforcement service bars, which
# holds as well.
FLOORS = {
    ("eval", "kk"): (44, 0, 0), ("eval", "ru"): (46, 1, 1),
    ("holdout", "kk"): (49, 0, 0), ("holdout", "ru"): (43, 0, 0),
    ("round3", "kk"): (45, 0, 0), ("round3", "ru"): (44, 0, 0),
    ("round4", "kk"): (38, 0, 0), ("round4", "ru"): (52, 0, 0),
    ("round5", "kk"): (38, 0, 0), ("round5", "ru"): (37, 0, 0),
    ("round6", "kk"): (40, 0, 0), ("round6", "ru"): (41, 0, 0),
    ("round7", "kk"): (34, 0, 0), ("round7", "ru"): (42, 0, 0),
    ("round8", "kk"): (33, 0, 0), ("round8", "ru"): (40, 0, 0),
    ("round9", "kk"): (38, 0, 0), ("round9", "ru"): (35, 0, 0),
    ("round10", "kk"): (37, 0, 0), ("round10", "ru"): (39, 0, 0),
    ("round11", "kk"): (46, 0, 0), ("round11", "ru"): (40, 1, 0),
    ("round12", "kk"): (36, 0, 0), ("round12", "ru"): (43, 0, 0),
    ("round13", "kk"): (49, 1, 1), ("round13", "ru"): (55, 1, 0),
    ("round14", "kk"): (48, 0, 0), ("round14", "ru"): (47, 1, 1),
    ("round15", "kk"): (53, 0, 0), ("round15", "ru"): (59, 0, 0),
    ("round16", "kk"): (59, 0, 0), ("round16", "ru"): (59, 1, 1),
    ("round17", "kk"): (54, 0, 0), ("round17", "ru"): (53, 1, 1),
    ("round18", "kk"): (52, 1, 0), ("round18", "ru"): (47, 0, 0),
    ("round19", "kk"): (34, 2, 0), ("round19", "ru"): (33, 1, 0),
}


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_rules", ROOT / "bench" / "eval_rules.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_rules"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


CASES = [(folder, lang) for folder in ROUNDS for lang in ("kk", "ru")]
IDS = [f"{folder.name}-{lang}" for folder, lang in CASES]


@pytest.fixture(scope="module")
def scores() -> dict:
    ev = _eval_module()
    result = {}
    for folder in ROUNDS:
        drafts = sorted(p for p in folder.iterdir() if ev.DRAFT_NAME.match(p.name))
        reported, files = ev.reported_items(ev.run_check(drafts))
        for lang in ("kk", "ru"):
            expected = ev.load_expected(folder / f"{lang}_expected.yaml")
            names = [p.name for p in drafts if p.name.startswith(f"{lang}_")]
            result[(folder, lang)] = ev.score(expected, reported, files, names)
    return result


@pytest.mark.parametrize(("folder", "lang"), CASES, ids=IDS)
def test_quality_does_not_fall_below_the_measured_floor(scores: dict, folder: Path, lang: str) -> None:
    sc = scores[(folder, lang)]
    tp, fn, fp = len(sc.tp), len(sc.fn), len(sc.fp)
    least_tp, most_fp, most_wrong = FLOORS[(folder.name, lang)]
    assert tp + fn >= 30  # the set really exercises the rule base (the smallest round holds 34)
    assert tp >= least_tp, f"missed: {sc.fn}"
    assert fp <= most_fp, f"false positives: {sc.fp}"
    assert len(sc.wrong) <= most_wrong, f"wrong resolution: {sc.wrong}"


@pytest.mark.parametrize(("folder", "lang"), CASES, ids=IDS)
def test_every_evaluation_draft_parses_completely(scores: dict, folder: Path, lang: str) -> None:
    assert scores[(folder, lang)].unparsed == []
    assert scores[(folder, lang)].amendments >= 75
