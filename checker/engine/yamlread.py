"""Reading YAML data files safely: every error as `file:line:col: what is wrong`.

Nothing in a rule, concept or unit file executes: the loader is a safe loader that also rejects
duplicate keys, aliases and merge keys (a file is read the way it looks), and keeps dates as
text so the schema, not PyYAML, decides what a valid date is. Validation errors from the
pydantic models carry a key path; the node marks of the composed YAML turn that path into a
line and column.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from checker.budgets import RULE_FILE_MAX_BYTES, value_problem
from checker.engine.schema import known_keys
from checker.errors import RuleFileError

MAX_BYTES = RULE_FILE_MAX_BYTES
Path_ = tuple[Any, ...]
M = TypeVar("M", bound=BaseModel)


# libyaml parses ten times faster than pure Python; the constructor stays the Python one.
_SafeBase: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class RuleYamlLoader(_SafeBase):  # type: ignore[misc]
    """A safe loader without timestamps, merge keys or duplicate keys (aliases: see _compose)."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise yaml.constructor.ConstructorError(
                    None, None, "merge keys (<<) are not supported in rule files", key_node.start_mark)
            key = self.construct_object(key_node, deep=True)
            try:
                duplicate = key in seen
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be plain text", key_node.start_mark) from None
            if duplicate:
                first = seen[key].start_mark
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r} (first given on line {first.line + 1})",
                    key_node.start_mark)
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


def _error(path: str, mark: Any, message: str) -> RuleFileError:
    where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else path
    return RuleFileError(message, location=where)


def _compose(text: str, path: str) -> tuple[Any, Any]:
    """(node, data) of a one-document YAML text; raises RuleFileError for YAML problems."""
    loader = None
    try:
        loader = RuleYamlLoader(text)
        node = loader.get_single_node()
        if node is None:
            return None, None
        if _has_alias(node):
            raise _error(path, _alias_mark(text), "aliases (*name) are not supported in rule files; "
                         "repeat the text")
        return node, loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = ", ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        raise _error(path, mark, f"YAML: {problem}") from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line = text.count("\n", 0, exc.position)
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1)
        raise _error(path, yaml.Mark("", exc.position, line, column, None, None),
                     f"YAML: character U+{exc.character:04X} is not allowed") from None
    except RecursionError:
        raise _error(path, None, "YAML is nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise _error(path, None, f"YAML: {value_problem(exc)}") from None
    finally:
        if loader is not None:
            loader.dispose()


def _has_alias(root: Any) -> bool:
    """An alias is a node met twice in the tree (the composer shares the anchored node)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(item for pair in node.value for item in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False


def _alias_mark(text: str) -> Any:
    for event in yaml.parse(text, Loader=RuleYamlLoader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark
    return None


class MarkMap:
    """Key path → (value mark, key mark), from the composed node tree."""

    def __init__(self, loader_node: Any):
        self.values: dict[Path_, Any] = {}
        self.keys: dict[Path_, Any] = {}
        stack: list[tuple[Any, Path_]] = [(loader_node, ())]
        while stack:
            node, path = stack.pop()
            self.values[path] = node.start_mark
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                    self.keys[(*path, key)] = key_node.start_mark
                    stack.append((value_node, (*path, key)))
            elif isinstance(node, yaml.SequenceNode):
                stack.extend((item, (*path, index)) for index, item in enumerate(node.value))

    def find(self, path: Path_, at_key: bool = False) -> Any:
        if at_key and path in self.keys:
            return self.keys[path]
        while path not in self.values:
            path = path[:-1]
        return self.values[path]


def _data_path(loc: Sequence[Any], data: Any) -> Path_:
    """The pydantic `loc` with union tags and model names dropped: real keys and indexes only."""
    path: list[Any] = []
    for item in loc:
        if isinstance(data, dict) and isinstance(item, str) and item in data:
            data = data[item]
        elif isinstance(data, list) and isinstance(item, int) and 0 <= item < len(data):
            data = data[item]
        else:
            continue
        path.append(item)
    return tuple(path)


def _dotted(path: Path_) -> str:
    text = ""
    for item in path:
        text += f"[{item}]" if isinstance(item, int) else (f".{item}" if text else str(item))
    return text


def _humanize(error: ErrorDetails, path: Path_, value: Any) -> str:
    kind = error["type"]
    name = path[-1] if path else ""
    if kind == "missing":
        missing = error["loc"][-1]
        return f"missing required key `{missing}`"
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(str(name), sorted(known_keys()), n=1, cutoff=0.6)
        return f"unknown key `{name}`" + (f" (did you mean `{close[0]}`?)" if close else "")
    if isinstance(value, bool) and kind != "bool_type":
        return (f"{error['msg']}; YAML read this as the boolean {str(value).lower()} "
                "(yes/no/on/off are booleans in YAML 1.1): put the text in quotes")
    if kind == "string_type" and isinstance(value, float):
        return "expected text, but YAML read a number: put it in quotes"
    return str(error["msg"])


def _validation_errors(exc: ValidationError, data: Any, marks: MarkMap, path: str) -> list[RuleFileError]:
    errors: list[tuple[int, int, RuleFileError]] = []
    for error in exc.errors(include_url=False):
        loc = error["loc"]
        if error["type"] == "lawcheck" and error.get("ctx", {}).get("at"):
            loc = (*loc, *error["ctx"]["at"].split("."))
        where = _data_path(loc, data)
        if error["type"] == "missing":
            where = _data_path(loc[:-1], data)
        value = _value_at(data, where)
        mark = marks.find(where, at_key=error["type"] == "extra_forbidden")
        prefix = f"{_dotted(where)}: " if where else ""
        errors.append((mark.line, mark.column, _error(path, mark, prefix + _humanize(error, where, value))))
    return [error for _, _, error in sorted(errors, key=lambda e: (e[0], e[1]))]


def _value_at(data: Any, path: Path_) -> Any:
    for item in path:
        data = data[item]
    return data




def read_model(source: str | bytes, path: str, model: type[M], what: str
               ) -> tuple[M | None, list[RuleFileError], MarkMap | None]:
    """Decode, compose and validate one YAML file against `model`; errors as file:line:col."""
    if isinstance(source, bytes):
        if b"\x00" in source:
            return None, [_error(path, None, f"a binary file, not a YAML {what}")], None
        try:
            source = source.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return None, [_error(path, None, f"not UTF-8 text (bad byte at offset {exc.start})")], None
    try:
        node, data = _compose(source, path)
    except RuleFileError as exc:
        return None, [exc], None
    if node is None:
        return None, [_error(path, None, f"empty {what}")], None
    if not isinstance(data, dict):
        return None, [_error(path, node.start_mark, f"a {what} is one mapping (key: value …)")], None
    marks = MarkMap(node)
    try:
        spec = model.model_validate(data)
    except ValidationError as exc:
        return None, _validation_errors(exc, data, marks, path), marks
    return spec, [], marks


