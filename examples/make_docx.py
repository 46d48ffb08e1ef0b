"""Builds examples/*.docx from the .txt drafts, with real Word automatic numbering.

Drafters' Word files number act items ("1.") and instructions ("1)") with Word's list
numbering, so the numbers are not in the text at all; lawcheck must restore them. Run from the
repository root: python examples/make_docx.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.docx_factory import LEGAL_LEVELS, Para, abstract_num, make_docx, num, numbering_xml  # noqa: E402

ACT_ITEM = re.compile(r"^\d+\.\s+")
INSTRUCTION_ITEM = re.compile(r"^\d+\)\s+")


def paragraphs(text: str) -> list[Para]:
    """One paragraph per line; numbered lines outside quoted text get Word numbering instead."""
    out: list[Para] = []
    in_quote = False
    in_article_one = False
    for line in text.split("\n"):
        if re.match(r"^(1-бап|Статья 1)\b", line):
            in_article_one = True
        elif re.match(r"^(2-бап|Статья 2)\b", line):
            in_article_one = False
        starts_quote = line.startswith(('"', "«"))
        if not in_quote and in_article_one and not starts_quote and ACT_ITEM.match(line):
            out.append(Para(ACT_ITEM.sub("", line), num=(1, 0)))
        elif not in_quote and in_article_one and not starts_quote and INSTRUCTION_ITEM.match(line):
            out.append(Para(INSTRUCTION_ITEM.sub("", line), num=(1, 1)))
        else:
            out.append(Para(line))
        if starts_quote and not in_quote:
            in_quote = True
        if in_quote and re.search(r'["»][;.]?$', line.rstrip()) and not (starts_quote and len(line.strip()) == 1):
            in_quote = False
    return out


def build(txt: Path) -> Path:
    numbering = numbering_xml(abstract_num(0, LEGAL_LEVELS), num(1, 0))
    return make_docx(txt.with_suffix(".docx"), paragraphs(txt.read_text(encoding="utf-8")), numbering=numbering)


if __name__ == "__main__":
    for name in ("kk_justice_bill.txt", "ru_service_bill.txt"):
        print(build(ROOT / "examples" / name))
