"""Word automatic numbering → the label a reader sees ("1.", "2)", "а)", "2.1.").

Kazakh and Russian drafts number articles, paragraphs and subparagraphs with Word lists, so the
numbers are not in the text: without this module "1) тармақ" would reach the parser as
"тармақ". The rules followed are Word's (ECMA-376 §17.9 as Word implements it):

* a paragraph's list comes from its own `w:numPr`, else from its style chain (`w:basedOn`);
  `numId` 0 switches numbering off; numbering from a style takes the level whose `w:pStyle`
  names the style, else the style's `ilvl`;
* `w:num` → `w:abstractNum`, following `w:numStyleLink` to the abstract that has the
  matching `w:styleLink`;
* counters belong to the abstract definition, so two `w:num` over one abstract continue one
  sequence; a `w:num` with `lvlOverride/startOverride` restarts those levels where it is
  first used;
* advancing a level resets the deeper ones (unless their `w:lvlRestart` says otherwise);
* `w:lvlText` placeholders %1..%9 are filled with each level's counter in that level's
  `w:numFmt` (all decimal when the level is `w:isLgl`); bullets give no label.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from checker.budgets import DOCX_MAX_LABEL_CHARS
from checker.errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_VAL = f"{W}val"
LEVELS = 9
_MAX_STYLE_DEPTH = 64
_MAX_LETTER_REPEAT = 64  # "aaaa…" for a hostile start value of two billion would be huge
_MAX_ROMAN = 3999

# Word's russianLower: the alphabet without ё й ъ ы ь.
RUSSIAN_LOWER = "абвгдежзиклмнопрстуфхцчшщэюя"
LATIN_LOWER = "abcdefghijklmnopqrstuvwxyz"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True)
class Level:
    """One `w:lvl`: how a level counts and how its label is written."""

    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # lvlText; None = no label
    legal: bool = False  # isLgl
    restart: int | None = None  # lvlRestart; None = after any shallower level
    style: str | None = None  # pStyle bound to this level


@dataclass(frozen=True)
class NumInstance:
    """One `w:num`: which abstract it uses and the levels it overrides."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


@dataclass(frozen=True)
class Style:
    """The numbering-relevant part of a paragraph style."""

    based_on: str | None
    num_id: str | None
    ilvl: int | None


def format_number(value: int, fmt: str) -> str:
    """Render one counter value the way Word renders `fmt`."""
    if fmt in ("none", "bullet"):
        return ""
    if fmt in ("lowerLetter", "upperLetter"):
        text = _repeating(value, LATIN_LOWER)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("russianLower", "russianUpper"):
        text = _repeating(value, RUSSIAN_LOWER)
        return text.upper() if fmt == "russianUpper" else text
    if fmt in ("lowerRoman", "upperRoman") and 0 < value <= _MAX_ROMAN:
        text = _roman(value)
        return text.upper() if fmt == "upperRoman" else text
    if fmt == "decimalZero" and 0 <= value < 10:
        return f"0{value}"
    return str(value)  # decimal, and Word's fallback for formats it cannot show


def _repeating(value: int, alphabet: str) -> str:
    """a..z, then aa..zz, then aaa..: Word repeats the letter rather than counting in base 26."""
    if value < 1:
        return str(value)
    repeat = min((value - 1) // len(alphabet) + 1, _MAX_LETTER_REPEAT)
    return alphabet[(value - 1) % len(alphabet)] * repeat


def _roman(value: int) -> str:
    out = []
    for amount, digits in _ROMAN:
        count, value = divmod(value, amount)
        out.append(digits * count)
    return "".join(out)


class NumberingResolver:
    """Labels for the paragraphs of one document, fed in document order."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None):
        self._abstracts: dict[str, dict[int, Level]] = {}
        self._style_links: dict[str, str] = {}  # abstractNum id → numStyleLink name
        self._link_targets: dict[str, str] = {}  # styleLink name → abstractNum id
        self._nums: dict[str, NumInstance] = {}
        self._styles: dict[str, Style] = {}
        self._default_style: str | None = None
        self._counters: dict[str, list[int | None]] = {}
        self._seen_nums: set[str] = set()
        if numbering is not None:
            self._load_numbering(numbering)
        if styles is not None:
            self._load_styles(styles)

    # -- loading ---------------------------------------------------------------------------

    def _load_numbering(self, root: etree._Element) -> None:
        for abstract in root.iterfind(f"{W}abstractNum"):
            key = abstract.get(f"{W}abstractNumId")
            if key is None:
                continue
            self._abstracts[key] = {lvl: level for lvl, level in _levels(abstract)}
            link = _child_val(abstract, "numStyleLink")
            if link is not None:
                self._style_links[key] = link
            target = _child_val(abstract, "styleLink")
            if target is not None:
                self._link_targets.setdefault(target, key)
        for num in root.iterfind(f"{W}num"):
            key = num.get(f"{W}numId")
            abstract_id = _child_val(num, "abstractNumId")
            if key is None or abstract_id is None:
                continue
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for override in num.iterfind(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl"))
                if ilvl is None or not 0 <= ilvl < LEVELS:
                    continue
                start = _int(_child_val(override, "startOverride"))
                if start is not None:
                    starts[ilvl] = start
                for _, level in _levels(override):
                    levels[ilvl] = level  # the override's own ilvl is authoritative
            self._nums[key] = NumInstance(abstract_id, starts, levels)

    def _load_styles(self, root: etree._Element) -> None:
        for style in root.iterfind(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if style_id is None:
                continue
            num_id, ilvl = _num_pr(style.find(f"{W}pPr"))
            self._styles[style_id] = Style(_child_val(style, "basedOn"), num_id, ilvl)
            is_default = style.get(f"{W}default") in ("1", "true", "on")
            if is_default and style.get(f"{W}type") == "paragraph" and self._default_style is None:
                self._default_style = style_id

    # -- labels ----------------------------------------------------------------------------

    def label(self, paragraph: etree._Element) -> str | None:
        """The label Word shows before `paragraph` (a `w:p`), advancing the counters."""
        ppr = paragraph.find(f"{W}pPr")
        num_id, ilvl = _num_pr(ppr)
        style_id = _child_val(ppr, "pStyle") if ppr is not None else None
        style_id = style_id or self._default_style
        style_ilvl = None
        if num_id is None:
            num_id, style_ilvl, style_id = self._from_style(style_id)
        if num_id is None or num_id == "0":
            return None
        return self._advance(num_id, ilvl, style_ilvl, style_id)

    def _from_style(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        """First numPr up the basedOn chain: (numId, ilvl, id of the style that carries it)."""
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and len(seen) < _MAX_STYLE_DEPTH:
            seen.add(style_id)
            style = self._styles.get(style_id)
            if style is None:
                return None, None, None
            if style.num_id is not None:
                return style.num_id, style.ilvl, style_id
            style_id = style.based_on
        return None, None, None

    def _advance(self, num_id: str, ilvl: int | None, style_ilvl: int | None,
                 style_id: str | None) -> str | None:
        """Count the paragraph at `ilvl` of list `num_id` and render its label.

        Without a direct ilvl, the level whose `w:pStyle` names the paragraph's style wins
        over the style's own ilvl (ECMA-376 §17.9.23), then that ilvl, then level 0.
        """
        num = self._nums.get(num_id)
        if num is None:
            return None
        abstract_id = self._resolve_abstract(num.abstract)
        levels = self._abstracts.get(abstract_id) if abstract_id is not None else None
        if levels is None:
            return None
        if ilvl is None:
            bound = next((lvl for lvl, lv in levels.items() if style_id and lv.style == style_id),
                         None)
            ilvl = bound if bound is not None else style_ilvl if style_ilvl is not None else 0
        if not 0 <= ilvl < LEVELS:
            return None
        defs = {lvl: num.levels.get(lvl, levels.get(lvl, Level())) for lvl in range(LEVELS)}
        counters = self._counters.setdefault(abstract_id, [None] * LEVELS)
        if num_id not in self._seen_nums:
            self._seen_nums.add(num_id)
            for lvl in num.starts:
                counters[lvl] = None  # restart: the next use takes the override value
        level = defs[ilvl]
        current = counters[ilvl]
        if current is None:
            counters[ilvl] = num.starts.get(ilvl, level.start)
        else:
            counters[ilvl] = current + 1
        for deeper in range(ilvl + 1, LEVELS):
            restart = defs[deeper].restart
            if restart is None or (restart > 0 and ilvl < restart):
                counters[deeper] = None
        if level.text is None or level.fmt == "bullet":
            return None
        return _fill(level, defs, counters, num.starts) or None

    def _resolve_abstract(self, abstract_id: str) -> str | None:
        """Follow numStyleLink → numbering style → its num → the abstract with the styleLink."""
        link = self._style_links.get(abstract_id)
        if link is None:
            return abstract_id
        target = self._link_targets.get(link)
        if target is not None:
            return target
        style = self._styles.get(link)
        if style is not None and style.num_id is not None:
            linked = self._nums.get(style.num_id)
            if linked is not None and linked.abstract not in self._style_links:
                return linked.abstract
        return None


def _fill(level: Level, defs: dict[int, Level], counters: list[int | None],
          starts: dict[int, int]) -> str:
    """Replace %1..%9 in the level text; an unused shallower level shows its start value.

    A label longer than DOCX_MAX_LABEL_CHARS is refused as soon as it gets that long: a level
    text of thousands of placeholders would otherwise cost its length on every paragraph.
    """
    text = level.text or ""
    out: list[str] = []
    length = 0
    i = 0
    while i < len(text):
        if length > DOCX_MAX_LABEL_CHARS:
            raise InputError(f"a list numbering label longer than {DOCX_MAX_LABEL_CHARS} "
                             f"characters ({text[:20]!r}…)",
                             hint="open it in Word and fix the list's number format")
        ch = text[i]
        if ch == "%" and i + 1 < len(text) and "1" <= text[i + 1] <= "9":
            lvl = int(text[i + 1]) - 1
            value = counters[lvl]
            if value is None:
                value = starts.get(lvl, defs[lvl].start)
            fmt = defs[lvl].fmt
            if level.legal and fmt not in ("none", "bullet"):
                fmt = "decimal"
            out.append(format_number(value, fmt))
            length += len(out[-1])
            i += 2
        else:
            out.append(ch)
            length += 1
            i += 1
    if length > DOCX_MAX_LABEL_CHARS:
        raise InputError(f"a list numbering label longer than {DOCX_MAX_LABEL_CHARS} characters "
                         f"({text[:20]!r}…)", hint="open it in Word and fix the list's number format")
    return "".join(out)


def _levels(parent: etree._Element) -> Iterator[tuple[int, Level]]:
    """(ilvl, Level) for each `w:lvl` child; a missing ilvl means level 0."""
    for lvl in parent.iterfind(f"{W}lvl"):
        ilvl = _int(lvl.get(f"{W}ilvl"))
        if ilvl is not None and not 0 <= ilvl < LEVELS:
            continue
        text_el = lvl.find(f"{W}lvlText")
        text = text_el.get(_VAL) if text_el is not None else None
        start = _int(_child_val(lvl, "start"))
        yield ilvl if ilvl is not None else 0, Level(
            start=start if start is not None else 1,
            fmt=_num_fmt(lvl),
            text=text,
            legal=_is_on(lvl.find(f"{W}isLgl")),
            restart=_int(_child_val(lvl, "lvlRestart")),
            style=_child_val(lvl, "pStyle"),
        )


def _num_fmt(lvl: etree._Element) -> str:
    """numFmt, also when Word 2010 wraps it in mc:AlternateContent (take the Fallback)."""
    fmt = _child_val(lvl, "numFmt")
    if fmt is None:
        fallback = lvl.find(f"{MC}AlternateContent/{MC}Fallback/{W}numFmt")
        fmt = fallback.get(_VAL) if fallback is not None else None
    return fmt or "decimal"


def _num_pr(ppr: etree._Element | None) -> tuple[str | None, int | None]:
    if ppr is None:
        return None, None
    num_pr = ppr.find(f"{W}numPr")
    if num_pr is None:
        return None, None
    ilvl = _int(_child_val(num_pr, "ilvl"))
    return _child_val(num_pr, "numId"), ilvl


def _child_val(parent: etree._Element, name: str) -> str | None:
    child = parent.find(f"{W}{name}")
    return child.get(_VAL) if child is not None else None


def _is_on(element: etree._Element | None) -> bool:
    return element is not None and element.get(_VAL, "true") not in ("0", "false", "off")


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        number = int(value.strip())
    except ValueError:
        return None
    return max(min(number, 2**31 - 1), -(2**31))
