"""Walks the parsed statements of a bill and builds the Amendment records.

This is where the bill's structure lives: which article of the bill and which act we are in,
the numbered item, the scopes opened by "91-бапта:" / "в статье 91:" that unnumbered lines
inherit (and close implicitly when a line starts higher), the quoted new text that follows an
instruction ending with ":", list expansion and respective replacement pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from checker.model import UNKNOWN_ACT, Act, Amendment, FrameLine, ParseWarning, Target, Unparsed
from checker.parsing import frame
from checker.parsing.acts import derived_slug, extract_date, names_an_act, recognize_act
from checker.parsing.formula import looks_like_instruction, looks_targeted
from checker.parsing.header import header_statement
from checker.parsing.statements import LEVEL_INDEX, Clause, ParsedStatement, Ref, parse_statement

TEXT_BEARING = ("new_wording", "supplement", "suspend")
_NOTE_LEAD = re.compile(r"(?:ескертпесі|изпи|рцпи)\s*!$|^(?:сноска|ескерту)\s*\.?$")
_THIS_ACT = re.compile(r"(?:указанн|вышеуказанн|вышеназванн)\w* (?:приказ|постановлени|указ|решени)|"
                       r"(?:көрсетілген|жоғарыда аталған) (?:бұйрық|қаулы|жарлық|шешім)")
_ANNEX = re.compile(r"утвержденн|бекітілген|қағидалар|правил")
_HEAD_NUM = re.compile(r"^(\s*\d+(?:-\d+)*)\.")
_QUOTED = re.compile(r'"[^"]*"|«[^«»]*»')


@dataclass
class Located:
    """A statement with where it is: user's lines and column, and its texts."""

    parsed: ParsedStatement
    line: int
    end_line: int
    col: int
    lower: str  # normalized, lower-cased statement text with quotes kept
    original: str  # the user's own text of the statement
    quote_text: list[str]  # original text inside each quote (marks stripped), by placeholder
    quote_pos: list[tuple[int, int]]  # (line, col) of each quote's first inner character
    masked: str = ""  # what the grammar saw (quotes and parentheses masked)
    wants_operation: bool = False  # its own parse read a target and wanted an operation after it
    known_instruction: bool = False  # the resolver found it an instruction it cannot read

    @cached_property
    def formula(self) -> bool:
        """It holds an operation formula: unparsed, it is an instruction not understood.

        Worked out on use, not for every statement: only those that end up unparsed, or that
        come before the bill's first article, ask.
        """
        return self.known_instruction or looks_like_instruction(self.masked) or (
            self.wants_operation and looks_targeted(self.masked))


@dataclass
class _Pending:
    """An instruction whose new text comes in the following quoted statements."""

    located: Located
    targets: list[Target]
    id_base: str
    anchor: Target | None = None  # the unit the new one follows, when the instruction names it
    texts: list[str] = field(default_factory=list)
    positions: list[tuple[int, int]] = field(default_factory=list)
    end_line: int = 0


@dataclass
class BillState:
    article: str = "1"
    in_entry_into_force: bool = False
    act: Act | None = None
    act_item: str = "0"
    acts_seen: int = 0
    act_numbered: bool = False  # the act was opened by a numbered line "N. … Заңына:"
    base: Ref = field(default_factory=Ref)  # what an item "N. 44-бапта:" of the act itself addresses
    item: str | None = None
    item_ref: Ref | None = None  # the address an instruction item "N) пункт 2 статьи 5 …" names
    sub: int = 0
    loose: int = 0
    scopes: list[Ref] = field(default_factory=list)
    started: bool = False  # an article or act has been seen (the preamble is over)


class Resolver:
    def __init__(self) -> None:
        self.state = BillState()
        self.amendments: list[Amendment] = []
        self.unparsed: list[Unparsed] = []
        self.frame: list[FrameLine] = []
        self.warnings: list[ParseWarning] = []
        self.title_parts: list[str] = []
        self.language = "kk"
        self._pending: _Pending | None = None
        self._last: Located | None = None  # the statement fed before this one

    # ---- entry ------------------------------------------------------------------------------
    def feed(self, st: Located) -> None:
        self._feed(st)
        self._last = st

    def _feed(self, st: Located) -> None:
        kind = st.parsed.kind
        if kind == "new_text":
            self._new_text(st)
            return
        self._flush()
        handler = getattr(self, f"_on_{kind}")
        handler(st)

    def finish(self) -> None:
        self._flush()

    # ---- statement kinds ----------------------------------------------------------------------
    def _on_article_heading(self, st: Located) -> None:
        s = self.state
        s.started = True
        s.article = st.parsed.head_num or s.article
        s.in_entry_into_force = frame.matches("entry_into_force", st.lower)
        s.item, s.scopes, s.sub, s.base = None, [], 0, Ref()
        entry = _recognize(st.lower) if st.lower.rstrip().endswith(":") else None
        if entry is None and st.lower.rstrip().endswith(":") and frame.matches("amend_lead", st.lower) \
                and names_an_act(st.lower):
            entry = _UNLISTED  # "Статья 1. Внести в <an act outside the registry> …:"
        if entry is not None and not s.in_entry_into_force and not _names_many_acts(st.lower):
            self._open_act(st, entry, number=None)
            self._frame(st, "act_header")
            return
        if not s.in_entry_into_force and self._header_with_its_change(st):
            return
        s.act = None
        self._frame(st, "entry_into_force" if s.in_entry_into_force else "article_heading")

    def _on_act_item(self, st: Located) -> None:
        s = self.state
        if s.in_entry_into_force:
            self._frame(st, "entry_into_force")
            return
        if s.act is not None and not s.act_numbered and st.masked:
            # Under one act named by the bill itself (the Constitution: "1." = its articles),
            # "N. 4-бапта:" / "N. В статье 4:" is an item of that act, not a new act; its "N)"
            # lines are relative to it.
            reparsed = parse_statement(_HEAD_NUM.sub(" ", st.masked, count=1))
            if reparsed.kind in ("instruction", "scope") and reparsed.item is None:
                s.act_item, s.item, s.scopes, s.sub, s.loose = st.parsed.head_num or s.act_item, None, [], 0, 0
                s.base = Ref()
                if reparsed.kind == "scope":
                    s.base = _merge_flags(reparsed.targets[0] if reparsed.targets else Ref(), reparsed.throughout)
                    self._frame(st, "scope")
                    return
                self._on_instruction(replace(st, parsed=reparsed))
                return
            if reparsed.kind == "error" and looks_targeted(_HEAD_NUM.sub(" ", st.masked, count=1)):
                # "3. В статье 1, пункте 3 статьи 5 …" cut or garbled: an item of the act not read
                self._unparsed(replace(st, known_instruction=True), reparsed.error or "not understood")
                return
        entry = _recognize(st.lower)
        if entry is not None or st.parsed.ends_with_colon:
            self._open_act(st, entry, number=st.parsed.head_num)
            s.act_numbered = True
            self._frame(st, "act_header")
            return
        if not s.started:
            self._frame(st, "preamble")
            return
        if frame.matches("entry_into_force", st.lower):
            # an order's closing items: "2. … обеспечить государственную регистрацию настоящего
            # приказа", "3. Настоящий приказ вводится в действие …"
            s.in_entry_into_force = True
            s.act, s.item, s.scopes, s.sub = None, None, [], 0
            self._frame(st, "entry_into_force")
            return
        self._unparsed(st, "a numbered line that names no act and ends without ':'")

    def _on_free(self, st: Located) -> None:
        s = self.state
        text = st.lower.strip()
        if s.in_entry_into_force:
            self._frame(st, frame.classify_free_line(text) or "entry_into_force")
            return
        if text.endswith(":"):
            if self._act_header(st, text):
                return
            if frame.matches("amend_lead", text):
                s.started = True
                self._frame(st, "amend_lead")
                return
            if s.act is not None:
                # "көрсетілген бұйрықпен бекітілген … қағидаларында:" / "в Правилах …:" opens an
                # annex of the act; its lines are relative to nothing we can number.
                s.item, s.scopes, s.sub = None, [], 0
                self._frame(st, "annex_scope")
                return
        kind = frame.classify_free_line(text)
        if self._lead_before_the_bill(st, text, kind):
            return
        if kind is not None:
            if kind == "title" and not s.started:
                self.title_parts.append(st.original.strip())
            self._frame(st, kind)
            return
        if not s.started:
            if not self.amendments and len(self.title_parts) < 4 and not text.endswith((";", ".")):
                self.title_parts.append(st.original.strip())
                self._frame(st, "title")
            else:
                self._frame(st, "preamble")
            return
        self._unparsed(st, "not an amendment instruction")

    def _lead_before_the_bill(self, st: Located, text: str, kind: str | None) -> bool:
        """A line before any article or act that amends: never a title or preamble, never silent.

        "Внести в абзац первый пункта 2 статьи 29 … Кодекса … изменение, заменив …" / "… Орман
        кодексінің 29-бабы … ауыстырылсын." hold the act and its one change; any other (a quote
        or a parenthesis that never closes swallowed "… следующие изменения: 1. …") is an
        instruction not understood. False when the line is no such lead."""
        if self.state.started or kind not in (None, "title") or not (
                frame.matches("amend_lead", text) or (st.formula and looks_like_instruction(st.masked))):
            return False
        if self._header_with_its_change(st):
            return True
        self.state.started = True
        self._unparsed(replace(st, known_instruction=True), "an amending lead whose act and changes cannot be read")
        return True

    def _act_header(self, st: Located, text: str) -> bool:
        """Open the act an unnumbered header names ("В Закон … «О …»:"); False when it is none."""
        if self.state.act is not None and _THIS_ACT.search(text):
            return False  # "в Правилах …, утвержденных указанным приказом:" is an annex of this act
        entry = _recognize(text)
        header_like = frame.matches("act_header_end", text) or frame.matches("amend_lead", text)
        if entry is None and header_like and names_an_act(text):
            entry = _UNLISTED  # an act outside the registry: a slug is derived from its name
        if entry is None or _names_many_acts(text) or not header_like:
            return False
        self.state.started = True
        self._open_act(st, entry, number=None)
        self._frame(st, "act_header")
        return True

    def _header_with_its_change(self, st: Located) -> bool:
        """"Внести в абзац первый пункта 2 статьи 29 Закона … изменение, заменив слова «…»
        словами «…»." — the act and its single change in one sentence: open the act, record the
        change. False when the line is no such header."""
        text = st.lower.strip()
        if text.endswith(":") or not st.masked:
            return False
        entry = _recognize(text)
        if entry is None and names_an_act(text):
            entry = _UNLISTED
        if entry is None or _names_many_acts(text):
            return False
        own = header_statement(st.masked)
        if own is None or own.kind != "instruction":
            if _AMENDS.search(text) or frame.matches("amend_lead", text):
                # the act and a change we cannot read: the bill is not fully read (exit 1)
                self.state.started = True
                self._unparsed(replace(st, known_instruction=True), "an act header whose change cannot be read")
                return True
            return False
        self.state.started = True
        self._open_act(st, entry, number=None)
        self.state.base = Ref()
        self._on_instruction(replace(st, parsed=own))
        return True

    def _on_error(self, st: Located) -> None:
        s = self.state
        text = st.lower.strip()
        if text.endswith(":") and not s.in_entry_into_force and self._act_header(st, text):
            return
        if s.act is not None and st.lower.rstrip().endswith(":") and _ANNEX.search(st.lower):
            # "в Правилах …, утвержденных указанным приказом:" opens an annex of the act.
            s.item, s.scopes, s.sub = None, [], 0
            self._frame(st, "annex_scope")
            return
        kind = frame.classify_free_line(st.lower)
        if self._lead_before_the_bill(st, text, kind):
            return
        if kind is not None or not self.state.started or self.state.in_entry_into_force:
            self._frame(st, kind or ("entry_into_force" if self.state.in_entry_into_force else "preamble"))
            return
        self._unparsed(st, st.parsed.error or "not understood")

    def _on_bare_item(self, st: Located) -> None:
        self._unparsed(st, "an item number with no instruction after it")

    def _on_scope(self, st: Located) -> None:
        s = self.state
        if s.in_entry_into_force:
            self._frame(st, "entry_into_force")
            return
        ref = _merge_flags(st.parsed.targets[0] if st.parsed.targets else Ref(), st.parsed.throughout)
        if st.parsed.item is not None:
            s.item, s.sub, s.scopes, s.item_ref = st.parsed.item, 0, [_relative(ref, s.base)], None
        else:
            base = self._close_scopes(ref)
            s.scopes.append(_under(ref, base))
        self._frame(st, "scope")

    def _on_instruction(self, st: Located) -> None:
        s = self.state
        if s.in_entry_into_force:
            self._frame(st, "entry_into_force")
            return
        p = st.parsed
        if p.item is not None:
            s.item, s.sub, s.scopes = p.item, 0, []
            base = s.base
            item_id = p.item
        else:
            refs = p.targets or [Ref()]
            base = self._close_scopes(refs[0]) if p.targets else (s.scopes[-1] if s.scopes else s.base)
            if p.targets and not s.scopes and s.item is not None and s.item_ref is not None:
                # "1) пункт 2 статьи 5 изложить …" then "пункт 3 исключить;": still article 5
                base = _relative(_prefix(s.item_ref, refs[0].top_level()), base)
            if s.item is not None:  # an unnumbered line under item N: N.1, N.2 …
                s.sub += 1
                item_id = f"{s.item}.{s.sub}"
            else:
                s.loose += 1
                item_id = str(s.loose)
        refs = [_under(_merge_flags(r, p.throughout), base) for r in (p.targets or [Ref()])]
        if p.item is not None:
            s.item_ref = refs[0] if p.targets else None
        if p.throughout and not p.targets:
            refs = [_relative(_merge_flags(Ref(), True), base)]
        anchor = _target_of(_nest(p.anchor[0], refs[0])) if p.anchor and refs else None
        if p.new_units and p.operation == "supplement":
            refs = [_nest(unit, ref) for ref in refs for unit in p.new_units]
        targets = [_target_of(r) for r in refs]
        id_base = f"{s.article}.{s.act_item}.{item_id}"
        if p.operation in TEXT_BEARING and p.ends_with_colon:
            pending = _Pending(located=st, targets=targets, id_base=id_base, anchor=anchor,
                               end_line=st.end_line)
            for q in p.trailing_quotes:
                pending.texts.append(st.quote_text[q])
                pending.positions.append(st.quote_pos[q])
            self._pending = pending
            return
        self._emit_words(st, targets, id_base)

    # ---- helpers ------------------------------------------------------------------------------
    def _open_act(self, st: Located, entry, number: str | None) -> None:
        s = self.state
        s.acts_seen += 1
        s.act_item = number or str(s.acts_seen)
        s.act_numbered, s.base = False, Ref()
        s.item, s.scopes, s.sub, s.loose = None, [], 0, 0
        s.started = True
        name = _act_name(st.original)
        date = extract_date(_without_parens(st.lower))
        if entry is not None and entry is not _UNLISTED:
            entry = recognize_act(st.lower, date) or entry
        slug = entry.slug if entry is not None and entry is not _UNLISTED else derived_slug(
            _strip_leading_number(st.lower.strip().rstrip(":")), date)
        s.act = Act(slug=slug, name=name, date=date)
        own = header_statement(st.masked) if st.masked else None
        if own is not None and own.kind == "scope":
            # "Внести в статью 20 Закона … следующие изменения:": the act's items are in article 20
            s.base = _merge_flags(own.targets[0], own.throughout)

    def _close_scopes(self, ref: Ref) -> Ref:
        """Pop the scopes that a line starting at `ref`'s level leaves; return the new base."""
        scopes = self.state.scopes
        top = ref.top_level()
        if scopes and _part_of_point(ref, scopes[-1]):
            return scopes[-1]
        if ref.levels:
            while len(scopes) > 1 and _deepest_level(scopes[-1]) >= top:
                scopes.pop()
            if scopes and _deepest_level(scopes[-1]) >= top and len(scopes) == 1:
                return _prefix(scopes[0], top)
        return scopes[-1] if scopes else self.state.base

    def _new_text(self, st: Located) -> None:
        pending = self._pending
        if pending is None:
            self._unparsed(st, "quoted text that follows no instruction ending with ':'")
            return
        for q in st.parsed.new_quotes:
            pending.texts.append(st.quote_text[q])
            pending.positions.append(st.quote_pos[q])
        pending.end_line = st.end_line

    def _flush(self) -> None:
        pending, self._pending = self._pending, None
        if pending is None:
            return
        st = pending.located
        if not pending.texts:
            self._unparsed(st, "the instruction announces new text (':') but no quoted text follows")
            return
        texts = pending.texts
        split = None
        if len(texts) == len(pending.targets) and len(texts) > 1:
            pairs = list(zip(pending.targets, texts, pending.positions))
        elif len(pending.targets) > 1 and (split := _split_by_units(texts, pending.positions, pending.targets)):
            pairs = [(t, text, pos) for t, (text, pos) in zip(pending.targets, split)]
            missing = [t.label() for t, (text, _) in zip(pending.targets, split) if text is None]
            if missing:
                self.warnings.append(ParseWarning(
                    line=st.line, end_line=pending.end_line, code="new-text-missing",
                    message=f"the quoted new text holds no {'; '.join(missing)}: "
                            f"{'that unit has' if len(missing) == 1 else 'those units have'} no new text"))
        else:
            joined = "\n".join(texts)
            pairs = [(t, joined, pending.positions[0]) for t in pending.targets]
        for n, (target, text, pos) in enumerate(pairs):
            self._add(st, target, _suffix(pending.id_base, n), old=None, new=text, new_pos=pos,
                      end_line=pending.end_line, anchor=pending.anchor)

    def _emit_words(self, st: Located, targets: list[Target], id_base: str) -> None:
        """One record per target × clause × word pair; a single-operation instruction has one clause."""
        p = st.parsed
        clauses = p.clauses or [Clause(p.operation or "unknown", p.position, [], [])]
        records: list[tuple[Clause, str | None, str | None, tuple | None, tuple | None]] = []
        for clause in clauses:
            pairs = self._word_pairs(st, clause)
            if pairs is None:
                return
            records.extend((clause, *pair) for pair in pairs)
        n = 0
        for target in targets:
            for clause, old, new, opos, npos in records:
                self._add(st, target, _suffix(id_base, n), old=old, new=new, new_pos=npos, old_pos=opos,
                          operation=clause.operation, position=clause.position)
                n += 1

    def _word_pairs(self, st: Located, clause: Clause) -> list[tuple] | None:
        """(old, new, old_pos, new_pos) of each replacement pair of a clause; None when unusable."""
        olds = [st.quote_text[q] for q in clause.old_quotes]
        news = [st.quote_text[q] for q in clause.new_quotes]
        old_pos = [st.quote_pos[q] for q in clause.old_quotes]
        new_pos = [st.quote_pos[q] for q in clause.new_quotes]
        if clause.operation == "replace_words" and len(olds) != len(news):
            self._unparsed(st, f"{len(olds)} words to replace but {len(news)} replacements")
            return None
        if clause.operation in ("replace_words", "insert_words") and len(olds) > 1 and len(olds) == len(news):
            return list(zip(olds, news, old_pos, new_pos))
        if clause.operation == "delete_words" and len(olds) > 1:
            return [(o, None, op, None) for o, op in zip(olds, old_pos)]
        return [(_join(olds), _join(news), old_pos[0] if old_pos else None, new_pos[0] if new_pos else None)]

    def _add(self, st: Located, target: Target, amendment_id: str, *, old, new, new_pos=None,
             old_pos=None, end_line: int | None = None, operation: str | None = None,
             position: str | None = None, anchor: Target | None = None) -> None:
        p = st.parsed
        self.amendments.append(Amendment(
            id=amendment_id, line=st.line, end_line=end_line or st.end_line, col=st.col,
            act=self.state.act or UNKNOWN_ACT, operation=operation or p.operation or "unknown",
            target=target, old=old, new=new, status="parsed", language=self.language,
            instruction=st.original.strip(), position=position if operation else p.position,
            new_pos=new_pos, old_pos=old_pos, anchor=anchor,
        ))

    def _note_continues(self, st: Located) -> bool:
        """The line after an editorial note's lead ("ЗҚАИ-ның ескертпесі!") is the note's text."""
        if not self.frame or self.frame[-1].kind != "editorial_note" or self.frame[-1].end_line < st.line - 1:
            return False
        return self._last is not None and bool(_NOTE_LEAD.search(self._last.lower.strip()))

    def _frame(self, st: Located, kind: str) -> None:
        self.frame.append(FrameLine(line=st.line, end_line=st.end_line, kind=kind))

    def _unparsed(self, st: Located, reason: str) -> None:
        if self._note_continues(st):
            self._frame(st, "editorial_note")
            return
        self.unparsed.append(Unparsed(line=st.line, end_line=st.end_line, text=st.original.strip(), reason=reason,
                                      instruction=st.formula))


_AMENDS = re.compile(r"(?<!\w)внести(?!\w)")  # "Статья 1. Внести в статью 5 Закона … изменение, …"


_LABEL_LEVELS = ("article", "part", "paragraph", "subparagraph")


def _unit_label(target: Target) -> tuple[str, str] | None:
    """(level, number) of the deepest numbered level a target names, when its wording starts with it."""
    if target.heading or target.note or target.toc or target.preamble or target.indent or target.sentence:
        return None
    for level in reversed(_LABEL_LEVELS):
        value = getattr(target, level)
        if value:
            return level, value
    return None


def _label_pattern(level: str, number: str) -> re.Pattern[str]:
    n = re.escape(number)
    if level == "article":
        body = rf"(?:статья\s+{n}\s*\.|{n}\s*-\s*бап\s*\.)"
    elif level == "subparagraph":
        body = rf"{n}\)"
    else:  # a point "2." or an item "2)"; printed parts "2."
        body = rf"{n}[.)]"
    # at a line start, or after "; " / ". " in a text served on one line
    return re.compile(rf"(?:^|\n|(?<=[;.])[ ])[ \t]*[\"«]?[ \t]*({body})(?=\s)", re.IGNORECASE)


def _split_by_units(texts: list[str], positions: list[tuple[int, int]],
                    targets: list[Target]) -> list[tuple[str | None, tuple[int, int]]] | None:
    """The quoted new text of several units ("пункты 2, 3 и 4 … изложить …: "2. …\n3. …\n4. …"",
    "дополнить подпунктами 1-2) и 15-1) …") cut at each unit's own label, one piece per target.

    None when the targets are not numbered units of one level or the text does not open with the
    first one's label (then every target takes the whole text, as before). A unit whose label is
    not found gets no text (None): an excerpt cut short, or a unit the text forgot.
    """
    labels = [_unit_label(t) for t in targets]
    if any(label is None for label in labels) or len({level for level, _ in labels}) != 1:
        return None
    joined = "\n".join(texts)
    first = _label_pattern(*labels[0]).match(joined)
    if first is None:
        return None
    starts: list[int | None] = [0]
    pos = first.end()
    for label in labels[1:]:
        found = _label_pattern(*label).search(joined, pos)
        starts.append(found.start(1) if found else None)
        if found:
            pos = found.end()
    found_at = [s for s in starts if s is not None]
    offsets = [0]
    for text in texts[:-1]:
        offsets.append(offsets[-1] + len(text) + 1)
    out: list[tuple[str | None, tuple[int, int]]] = []
    for start in starts:
        if start is None:
            out.append((None, positions[0]))
            continue
        end = next((s for s in found_at if s > start), len(joined))
        out.append((joined[start:end].rstrip(), _position_in(start, texts, offsets, positions)))
    return out


def _position_in(at: int, texts: list[str], offsets: list[int], positions: list[tuple[int, int]]) -> tuple[int, int]:
    """(line, column) of offset `at` of the joined quoted texts."""
    k = max(i for i, off in enumerate(offsets) if off <= at)
    inner = at - offsets[k]
    line, col = positions[k]
    breaks = texts[k].count("\n", 0, inner)
    if breaks == 0:
        return line, col + inner
    return line + breaks, inner - texts[k].rfind("\n", 0, inner) - 1


def _suffix(base: str, n: int) -> str:
    return base if n == 0 else f"{base}/{n + 1}"


def _join(texts: list[str]) -> str | None:
    return "\n".join(texts) if texts else None


def _merge_flags(ref: Ref, throughout: bool) -> Ref:
    if not throughout:
        return ref
    return Ref(levels=dict(ref.levels), flags=ref.flags | {"throughout"})


def _deepest_level(ref: Ref) -> int:
    return max(map(LEVEL_INDEX.__getitem__, ref.levels), default=-1)


def _prefix(ref: Ref, top: int) -> Ref:
    return Ref(levels={k: v for k, v in ref.levels.items() if LEVEL_INDEX[k] < top}, flags=set(ref.flags))


def _relative(ref: Ref, base: Ref) -> Ref:
    """`ref` written under the scope `base`: levels above ref's broadest level come from base."""
    top = ref.top_level()
    levels = {k: v for k, v in base.levels.items() if LEVEL_INDEX[k] < top}
    levels.update(ref.levels)
    return Ref(levels=levels, flags=base.flags | ref.flags)


def _part_of_point(ref: Ref, scope: Ref) -> bool:
    """"в пункте 157:" then "предложение второе части первой изложить …": under a scope that names
    a point and no part, a part is the point's own (points of regulations and of some laws have
    parts), not a part of the article above it."""
    return ref.top_level() == _PART and "paragraph" in scope.levels and "part" not in scope.levels


_PART = LEVEL_INDEX["part"]


def _under(ref: Ref, base: Ref) -> Ref:
    """`ref` written under the scope `base` (see _relative and _part_of_point)."""
    return _nest(ref, base) if _part_of_point(ref, base) else _relative(ref, base)


def _nest(unit: Ref, ref: Ref) -> Ref:
    """The address of a new unit added to `ref` ("пункт 2 статьи 610 дополнить частью второй").

    A unit of a kind `ref` already names is a sibling (a new article next to article 91, a new
    point after point 3): that level and the deeper ones are replaced. Any other unit goes inside
    `ref`, whatever the usual order of levels: points of the Tax Code have parts of their own.
    """
    levels = dict(ref.levels)
    shared = [LEVEL_INDEX[k] for k in unit.levels if k in levels]
    if shared:
        cut = min(shared)
        levels = {k: v for k, v in levels.items() if LEVEL_INDEX[k] < cut}
    levels.update(unit.levels)
    return Ref(levels=levels, flags=ref.flags | unit.flags)


def _target_of(ref: Ref) -> Target:
    lv = ref.levels
    return Target(article=lv.get("article"), part=lv.get("part"), paragraph=lv.get("paragraph"),
                  subparagraph=lv.get("subparagraph"), indent=lv.get("indent"), sentence=lv.get("sentence"),
                  chapter=lv.get("chapter"), heading="heading" in ref.flags, toc="toc" in ref.flags,
                  throughout="throughout" in ref.flags, note="note" in ref.flags,
                  preamble="preamble" in ref.flags)


_UNLISTED = object()  # an act header naming an act outside the registry


def _recognize(text: str):
    """The registry entry a header names, chosen by name and date."""
    return recognize_act(text, extract_date(_without_parens(text)))


def _names_many_acts(text: str) -> bool:
    """"… мына заңнамалық актілеріне …" / "… в следующие законодательные акты …" (the header's own
    words: a gazette list may cite a law "… кейбір заң актілеріне … енгізу туралы")."""
    own = _QUOTED.sub(" ", _without_parens(text)) if "(" in text or '"' in text or "«" in text else text
    return any(w in own for w in ("актілеріне", "законодательные акты", "заңдарына", "конституционные законы"))


def _act_name(original: str) -> str:
    name = original.strip()
    name = name.rstrip(":").strip()
    name = _strip_leading_number(name)
    return _without_long_parens(name)


def _strip_leading_number(text: str) -> str:
    return re.sub(r"^\d+(?:-\d+)*\s*\.\s*", "", text)


def _without_parens(text: str) -> str:
    return re.sub(r"\([^()]*\)", " ", text)


def _without_long_parens(text: str) -> str:
    return re.sub(r"\s*\([^()]{40,}\)", "", text).strip()
