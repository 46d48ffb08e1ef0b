"""Our own texts in the shapes of real published openings score fully on bench/score_real.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "fixtures" / "realshape"


def _bench():
    spec = importlib.util.spec_from_file_location("score_real", ROOT / "bench" / "score_real.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_real"] = module
    spec.loader.exec_module(module)
    return module


def test_every_instruction_right_and_nothing_invented() -> None:
    scores = _bench().score_folder(FOLDER)
    assert set(scores) == {"kk", "ru"}
    for lang, sc in scores.items():
        assert sc.expected >= 10, lang
        assert sc.right == sc.expected, (lang, sc.misses)
        assert sc.extra == 0 and sc.unparsed == 0, (lang, sc.misses)
