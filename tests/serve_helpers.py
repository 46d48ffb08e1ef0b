"""Shared set-up for the `lawcheck serve` tests: one forked check pool for the whole session."""

from __future__ import annotations

import base64
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCX_EXAMPLE = ROOT / "examples" / "kk_justice_bill.docx"
# What `lawcheck examples/kk_justice_bill.docx` finds: rule ids and their resolutions.
DOCX_FINDINGS = {
    "gambling-claims-judicial-protection": "65-НҚ",
    "cassation-any-offence-category": "21-НҚ",
    "cassation-no-preliminary-filter": "13-НҚ",
    "housing-court-decision-not-replaced": "41-НҚ",
    "childcare-credit-either-parent": "66-НҚ",
}


def make_pool(workers: int = 1):
    from checker.run import RuleSpec, configure, load_base
    from checker.serve.pool import CheckPool

    spec = RuleSpec()
    pool = CheckPool(spec, configure(load_base(spec), spec), workers)
    pool.start()
    return pool


def downloads(page: str) -> dict[str, str]:
    """The reports the page offers for download, decoded from their data: URLs, by suffix."""
    found = {}
    for url, name in re.findall(r'href="data:[^;]+;charset=utf-8;base64,([^"]+)" download="([^"]+)"', page):
        found[name.rsplit(".", 1)[-1]] = base64.b64decode(url).decode("utf-8")
    return found
