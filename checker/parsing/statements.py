"""Parses one masked statement with the grammar and turns the tree into a plain record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from itertools import product

from lark import Token, Tree
from lark.exceptions import UnexpectedInput

from checker.parsing.grammar import parser
from checker.parsing.vocabulary import load_vocabulary

# Unit kind -> Target field; kinds without a field become flags.
LEVEL_OF_KIND = {"article": "article", "part": "part", "paragraph": "paragraph",
                 "subparagraph": "subparagraph", "indent": "indent", "sentence": "sentence",
                 "chapter": "chapter"}
FLAG_KINDS = {"heading": "heading", "note": "note", "toc": "toc", "preamble": "preamble"}
LEVEL_ORDER = ("chapter", "article", "part", "paragraph", "subparagraph", "indent", "sentence")
LEVEL_INDEX = {level: i for i, level in enumerate(LEVEL_ORDER)}  # LEVEL_ORDER.index, as a dict lookup

OPERATION_OF_RULE = {
    "new_wording": "new_wording", "supplement": "supplement", "supplement_after": "supplement",
    "replace_words": "replace_words",
    "insert_after": "insert_words", "insert_before": "insert_words", "append_words": "insert_words",
    "delete_words": "delete_words", "delete": "delete", "repeal": "repeal",
    "language_unchanged": "language_version_unchanged", "suspend": "suspend", "renumber": "renumber",
}
POSITION_OF_RULE = {"insert_after": "after", "insert_before": "before", "append_words": "end",
                    "supplement_after": "after"}
WORD_CLAUSES = ("replace_words", "delete_words", "insert_after", "insert_before", "append_words")


@dataclass
class Ref:
    """One address as the statement writes it: levels set, flags, throughout."""

    levels: dict[str, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    def top_level(self) -> int:
        """Index in LEVEL_ORDER of the broadest level written (len when none)."""
        return min(map(LEVEL_INDEX.__getitem__, self.levels), default=len(LEVEL_ORDER))


@dataclass
class Clause:
    """One operation on words; an instruction may chain several ("… ауыстырылып, … толықтырылсын")."""

    operation: str
    position: str | None
    old_quotes: list[int]
    new_quotes: list[int]


@dataclass
class ParsedStatement:
    kind: str  # instruction | scope | act_item | article_heading | free | new_text | bare_item | error
    item: str | None = None
    head_num: str | None = None
    operation: str | None = None
    position: str | None = None
    targets: list[Ref] = field(default_factory=list)
    throughout: bool = False
    new_units: list[Ref] = field(default_factory=list)
    anchor: list[Ref] = field(default_factory=list)  # the unit a new one follows ("после части второй")
    new_quotes: list[int] = field(default_factory=list)  # a new_text statement's quotes
    trailing_quotes: list[int] = field(default_factory=list)  # new text after ":" on the same line
    clauses: list[Clause] = field(default_factory=list)  # word operations, in the order written
    ends_with_colon: bool = False
    error: str | None = None
    # an error where the grammar had read a target and wanted an operation ("статью 501 как-нибудь
    # поправить"): the statement is an instruction, only its formula is unknown
    wants_operation: bool = False


_NUMBER_OR_PLACEHOLDER = re.compile(r"⟦\d+⟧|⦅\d+⦆|(\d+)")
_SLOT = re.compile("\ue000(\\d+)\ue001")


def parse_statement(masked: str) -> ParsedStatement:
    """Parse one masked statement; statements of a known shape skip Lark entirely.

    Bills repeat a handful of shapes thousands of times ("N) N-баптың N-тармағы алып
    тасталсын;"). A shape is the statement with every number written as 0 (placeholders keep
    theirs: they are numbered by position, so they are part of the shape). Each shape is parsed
    once into a record whose numbers are slots; later statements of that shape only fill them.
    """
    numbers: list[str] = []

    def to_zero(match: re.Match[str]) -> str:
        if match.group(1) is None:
            return match.group(0)
        numbers.append(match.group(1))
        return "0"

    template = _shape_template(_NUMBER_OR_PLACEHOLDER.sub(to_zero, masked))
    if template is not None and template.slots == len(numbers):
        return template.instantiate(numbers)
    try:
        tree = parser().parse(masked)
    except UnexpectedInput as exc:
        return ParsedStatement(kind="error", error=_describe_error(exc, masked),
                               wants_operation=_wants_operation(exc))
    return _BUILDER.build(tree.children[0])


@lru_cache(maxsize=20_000)
def _shape_template(shape: str) -> _Template | None:
    try:
        tree = parser().parse(shape)
    except UnexpectedInput:
        return None
    if any(True for _ in tree.find_data("num_range")):
        return None  # a range expands by its numbers' values: no template
    counter = iter(range(1_000_000))
    slotted = _with_slots(tree, counter)
    return _Template(_BUILDER.build(slotted.children[0]), next(counter))


def _with_slots(tree: Tree, counter) -> Tree:
    children = []
    for child in tree.children:
        if isinstance(child, Tree):
            children.append(_with_slots(child, counter))
        elif isinstance(child, Token) and child.type not in ("QUOTE", "PAREN") and "0" in child:
            value = _NUMBER_OR_PLACEHOLDER.sub(lambda m: f"\ue000{next(counter)}\ue001", str(child))
            children.append(Token(child.type, value))
        else:
            children.append(child)
    return Tree(tree.data, children)


def _format_of(value: str | None) -> str | None:
    """A slotted value as a str.format pattern (slot 0 then "-бап" → "{0}-бап"): filling it is
    one C call per value instead of a regex substitution with a Python callback per slot."""
    if not value:
        return None
    parts = _SLOT.split(value)
    literal = [part.replace("{", "{{").replace("}", "}}") for part in parts[0::2]]
    slots = [f"{{{int(n)}}}" for n in parts[1::2]]
    return "".join(text + slot for text, slot in zip(literal, slots + [""]))


class _Template:
    """A shape's parse with its number slots, made ready to fill once per shape.

    Filling copies what a statement may change (its lists and refs) and shares the rest with
    the template, exactly as `dataclasses.replace` did, without its per-call field walk.
    """

    _FILLED = ("item", "head_num", "targets", "new_units", "anchor", "new_quotes", "trailing_quotes")

    def __init__(self, statement: ParsedStatement, slots: int) -> None:
        self.statement = statement
        self.slots = slots
        self.shared = {f.name: getattr(statement, f.name) for f in fields(ParsedStatement)
                       if f.name not in self._FILLED}
        self.item = _format_of(statement.item)
        self.head_num = _format_of(statement.head_num)
        self.targets, self.new_units, self.anchor = (
            [([(k, _format_of(v), v) for k, v in r.levels.items()], r.flags) for r in getattr(statement, name)]
            for name in ("targets", "new_units", "anchor"))

    def instantiate(self, numbers: list[str]) -> ParsedStatement:
        """The statement of this shape whose numbers are `numbers` (in the order written)."""
        statement = self.statement
        return ParsedStatement(**self.shared,
                               item=self.item.format(*numbers) if self.item else statement.item,
                               head_num=self.head_num.format(*numbers) if self.head_num else statement.head_num,
                               targets=_filled(self.targets, numbers), new_units=_filled(self.new_units, numbers),
                               anchor=_filled(self.anchor, numbers), new_quotes=list(statement.new_quotes),
                               trailing_quotes=list(statement.trailing_quotes))


def _filled(refs: list[tuple[list[tuple[str, str | None, str]], set[str]]], numbers: list[str]) -> list[Ref]:
    """Fresh refs of a template, each level's slots filled with `numbers`."""
    return [Ref({k: pattern.format(*numbers) if pattern else value for k, pattern, value in levels}, set(flags))
            for levels, flags in refs]


_OPERATIONS = ("NEW_WORDING", "DELETE", "REPLACE", "SUPPLEMENT")


def _wants_operation(exc: UnexpectedInput) -> bool:
    """The grammar stopped where an operation formula had to come (after a target)."""
    expected = getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ()
    return any(name in expected for name in _OPERATIONS)


def _describe_error(exc: UnexpectedInput, masked: str) -> str:
    near = masked[max(0, exc.pos_in_stream - 20): exc.pos_in_stream + 20].strip() if exc.pos_in_stream is not None else ""
    near = near.replace("\n", " ")
    if _wants_operation(exc):
        return f"no amendment formula recognised after the target (near “{near}”)"
    return f"not an amendment instruction the grammar knows (near “{near}”)"


_HEADING_NUMBER = re.compile("[\\d\ue000\ue001]+(?:-[\\d\ue000\ue001]+)*")


class _Builder:
    def __init__(self) -> None:
        self.vocab = load_vocabulary()
        self.unit_kind = lru_cache(maxsize=4096)(self.vocab.unit_kind)
        self.ordinal_value = lru_cache(maxsize=4096)(self.vocab.ordinal_value)

    def build(self, tree: Tree) -> ParsedStatement:
        kind = tree.data
        children = tree.children
        if kind == "instruction_statement":
            return self._instruction(children)
        if kind == "scope_statement":
            item = self._item(children)
            scope = next(c for c in children if isinstance(c, Tree) and c.data == "scope")
            target_tree = scope.children[0]
            refs, throughout = self._target(target_tree)
            return ParsedStatement(kind="scope", item=item, targets=refs, throughout=throughout, ends_with_colon=True)
        if kind == "act_item":
            return ParsedStatement(kind="act_item", head_num=str(children[0]).rstrip("."), ends_with_colon=_ends_colon(tree))
        if kind == "article_heading":
            found = _HEADING_NUMBER.search(str(children[0]))
            return ParsedStatement(kind="article_heading", head_num=found.group(0) if found else None,
                                   ends_with_colon=_ends_colon(tree))
        if kind == "free":
            return ParsedStatement(kind="free", ends_with_colon=_ends_colon(tree))
        if kind == "new_text_statement":
            return ParsedStatement(kind="new_text", new_quotes=_quote_numbers(tree))
        if kind == "bare_item":
            return ParsedStatement(kind="bare_item", item=str(children[0]).rstrip(")"))
        return ParsedStatement(kind="error", error=f"unexpected statement {kind}")

    def _item(self, children: list) -> str | None:
        for child in children:
            if isinstance(child, Token) and child.type == "ITEM":
                return str(child).rstrip(")")
        return None

    def _instruction(self, children: list) -> ParsedStatement:
        item = self._item(children)
        instr = next(c for c in children if isinstance(c, Tree)
                     and (c.data in OPERATION_OF_RULE or c.data == "word_ops"))
        end = next((c for c in children if isinstance(c, Tree) and c.data == "end"), None)
        clauses = self._clauses(instr)
        rule = instr.data
        first = clauses[0] if clauses else None
        result = ParsedStatement(kind="instruction", item=item,
                                 operation=first.operation if first else OPERATION_OF_RULE[rule],
                                 position=first.position if first else POSITION_OF_RULE.get(rule),
                                 clauses=clauses)
        targets = [c for c in instr.children if isinstance(c, Tree) and c.data in ("chain_target", "throughout_target")]
        if targets:
            result.targets, result.throughout = self._target(targets[0])
        if rule == "supplement_after":
            result.targets, result.anchor = self._after(instr, result.targets)
        if rule == "renumber" and len(targets) > 1:
            result.new_units, _ = self._target(targets[1])
        elif rule == "renumber" and targets:
            result.targets, result.new_units = self._renumbered_in_one_chain(targets[0], result.targets)
        units = next((c for c in instr.children if isinstance(c, Tree) and c.data == "new_units"), None)
        if units is not None:
            result.new_units = self._refs([c for c in units.children if isinstance(c, Tree)], russian=_is_ru(units))
        if end is not None:
            result.ends_with_colon = any(isinstance(t, Token) and t.type == "COLON" for t in end.children)
            trailing = next((c for c in end.children if isinstance(c, Tree) and c.data == "new_text"), None)
            if trailing is not None:
                result.trailing_quotes = _quote_numbers(trailing)
        return result

    def _clauses(self, instr: Tree) -> list[Clause]:
        """The word operations of an instruction, each with its own quoted words."""
        trees = [instr] if instr.data in WORD_CLAUSES else [
            t for t in instr.iter_subtrees_topdown() if t.data in WORD_CLAUSES and t is not instr]
        clauses = []
        for tree in trees:
            groups = [t for t in tree.iter_subtrees_topdown() if t.data == "quotes"]
            old, new = self._split_quotes(tree.data, groups)
            clauses.append(Clause(OPERATION_OF_RULE[tree.data], POSITION_OF_RULE.get(tree.data), old, new))
        return clauses

    def _split_quotes(self, rule: str, groups: list[Tree]) -> tuple[list[int], list[int]]:
        numbers = [_quote_numbers(g) for g in groups]
        if rule == "replace_words" and len(numbers) % 2 == 0:
            # pairs (old, new), (old, new)…; within a pair the i-th old goes with the i-th new
            return ([n for group in numbers[0::2] for n in group], [n for group in numbers[1::2] for n in group])
        if rule in ("insert_after", "insert_before") and len(numbers) == 2:
            return numbers[0], numbers[1]
        if rule == "insert_after" and len(numbers) % 2 == 0 and numbers:
            # several (after-words, new-words) pairs, the i-th new words go after the i-th old ones
            return ([n for group in numbers[0::2] for n in group], [n for group in numbers[1::2] for n in group])
        if rule == "delete_words" and numbers:
            return numbers[0], []
        if rule == "append_words" and numbers:
            return [], numbers[0]
        return [], []

    def _after(self, instr: Tree, targets: list[Ref]) -> tuple[list[Ref], list[Ref]]:
        """(targets, anchor) of "после части второй" / "екінші бөліктен кейін".

        Kazakh writes the unit it follows as the last link of the target's chain.
        """
        kk = next((c for c in instr.children if isinstance(c, Tree) and c.data == "kk_after"), None)
        if kk is None:
            chain = next(c for c in instr.children if isinstance(c, Tree) and c.data in ("kk_chain", "ru_chain"))
            refs = [c for c in chain.children if isinstance(c, Tree)]
            return targets, self._refs(refs, russian=chain.data == "ru_chain")
        chain = next(c for c in kk.children if isinstance(c, Tree))
        refs = [c for c in chain.children if isinstance(c, Tree)]
        russian = chain.data == "ru_chain"
        head, last = (refs[1:], refs[:1]) if russian else (refs[:-1], refs[-1:])
        return (self._refs(head, russian=russian) if head else []), self._refs(last, russian=russian)

    def _renumbered_in_one_chain(self, tree: Tree, refs: list[Ref]) -> tuple[list[Ref], list[Ref]]:
        """(old, new) of "5-тармақ 4-тармақ болып есептелсін": Kazakh writes the new number as
        one more link of the chain, a unit of the same kind as the link before it (two links
        of one kind never make an address)."""
        chain = next((c for c in tree.children if isinstance(c, Tree)), None)
        links = [c for c in chain.children if isinstance(c, Tree)] if chain is not None else []
        if chain is None or chain.data != "kk_chain" or len(links) < 2:
            return refs, []
        kinds = [self.unit_kind(str(next(r.scan_values(lambda v: isinstance(v, Token)
                                                        and v.type.startswith("UNIT_"))))) for r in links[-2:]]
        if kinds[0] is None or kinds[0] != kinds[1]:
            return refs, []
        return self._refs(links[:-1], russian=False), self._refs(links[-1:], russian=False)

    def _target(self, tree: Tree) -> tuple[list[Ref], bool]:
        throughout = any(isinstance(t, Token) and t.type == "THROUGHOUT" for t in tree.children)
        if tree.data == "throughout_target":
            return [Ref()], True
        chain = next(c for c in tree.children if isinstance(c, Tree))
        refs = [c for c in chain.children if isinstance(c, Tree)]
        return self._refs(refs, russian=chain.data == "ru_chain"), throughout

    def _refs(self, refs: list[Tree], *, russian: bool) -> list[Ref]:
        """Expand a chain of unit references into every address it names (lists multiply)."""
        if russian:
            refs = list(reversed(refs))  # Russian writes inner→outer
        options: list[list[tuple[str, str | None]]] = []
        for ref in refs:
            unit = next(ref.scan_values(lambda v: isinstance(v, Token) and v.type.startswith("UNIT_")))
            kind = self.unit_kind(str(unit)) or "unknown"
            values = self._values(ref)
            options.append([(kind, v) for v in values] if values else [(kind, None)])
        addresses: list[Ref] = []
        for combo in product(*options) if options else [()]:
            address = Ref()
            for kind, value in combo:
                if kind in FLAG_KINDS:
                    address.flags.add(FLAG_KINDS[kind])
                elif kind in LEVEL_OF_KIND and value is not None:
                    address.levels[LEVEL_OF_KIND[kind]] = value
            addresses.append(address)
        return addresses

    def _values(self, ref: Tree) -> list[str]:
        values: list[str] = []
        for child in ref.children:
            if isinstance(child, Tree) and child.data == "nums":
                for num in child.children:
                    if not isinstance(num, Tree):
                        continue
                    tokens = [str(t).rstrip(")") for t in num.children if isinstance(t, Token) and t.type in ("NUM", "PNUM", "LNUM")]
                    if num.data == "num_range" and len(tokens) == 2:
                        values.extend(_expand_range(tokens[0], tokens[1]))
                    else:
                        values.extend(tokens)
            elif isinstance(child, Tree) and child.data == "ords":
                for token in child.children:
                    if isinstance(token, Token) and token.type == "ORD":
                        value = self.ordinal_value(str(token))
                        values.append(str(value) if value is not None else str(token))
        return values


def _expand_range(first: str, last: str) -> list[str]:
    """"3) - 9)" → 3…9; ranges of inserted numbers ("17-1) - 17-4)") expand on the last part."""
    head_a, _, tail_a = first.rpartition("-")
    head_b, _, tail_b = last.rpartition("-")
    if head_a == head_b and tail_a.isdigit() and tail_b.isdigit() and 0 <= int(tail_b) - int(tail_a) <= 200:
        prefix = f"{head_a}-" if head_a else ""
        return [f"{prefix}{n}" for n in range(int(tail_a), int(tail_b) + 1)]
    return [first, last]


def _quote_numbers(tree: Tree) -> list[int]:
    return [int(str(t)[1:-1]) for t in tree.scan_values(lambda v: isinstance(v, Token) and v.type == "QUOTE")]


def _ends_colon(tree: Tree) -> bool:
    last = None
    for value in tree.scan_values(lambda v: isinstance(v, Token)):
        last = value
    return last is not None and last.type == "COLON"


def _is_ru(units: Tree) -> bool:
    return any(isinstance(c, Tree) and c.data == "ru_ref" for c in units.children)


_BUILDER = _Builder()
