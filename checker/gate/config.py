"""The project config: `.lawcheck.yaml` / `.lawcheck.yml` or `[tool.lawcheck]` in pyproject.toml.

Found from each checked path upwards, else from the current folder (first found wins; see
ConfigFinder), so a drafting repository states once
which rules apply, which findings are waived and why, and how CI fails. Every mistake is a
ConfigError naming `file:line`, because the person fixing it is often a lawyer, not a programmer.
YAML lines come from the node marks; tomllib keeps no positions, so TOML lines are found by
scanning the text for the key (best effort).
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from checker.budgets import (
    CONFIG_MAX_BYTES,
    MAX_GLOBS,
    MAX_NESTING,
    is_regular_file,
    read_regular,
    resolve_path,
    value_problem,
)
from checker.gate.collect import GlobSet, glob_problem
from checker.errors import ConfigError
from checker.gate.suppress import Suppression, reason_problem

CONFIG_NAMES = (".lawcheck.yaml", ".lawcheck.yml", "pyproject.toml")
FORMATS = ("text", "json", "sarif", "github", "html")
FAIL_ON = ("error", "warning", "info", "never")

Loc = tuple[str | int, ...]


class SuppressionModel(BaseModel):
    """One waiver as written in the config."""

    model_config = ConfigDict(extra="forbid", strict=True)

    rule: str
    amendment: str | None = None
    file: str | None = None
    reason: str

    @field_validator("reason")
    @classmethod
    def _reason_is_written(cls, value: str) -> str:
        problem = reason_problem(value)
        if problem:
            raise ValueError(problem)
        return " ".join(value.split())


class ConfigModel(BaseModel):
    """The config file's keys; anything else is a mistake worth reporting."""

    model_config = ConfigDict(extra="forbid", strict=True)

    rules: list[str] = []
    units: list[str] = []
    enable: list[str] | None = None
    disable: list[str] = []
    severity: dict[str, Literal["error", "warning", "info"]] = {}
    lang: Literal["kk", "ru", "en"] | None = None
    format: Literal["text", "json", "sarif", "github", "html"] | None = None
    fail_on: Literal["error", "warning", "info", "never"] | None = None
    allow_unparsed: bool | None = None
    include: list[str] = []
    exclude: list[str] = []
    baseline: str | None = None
    suppressions: list[SuppressionModel] = []
    acts: dict[str, str] | str = {}  # slug → act file, or one folder of act files (issue 8)


@dataclass(frozen=True)
class Config:
    """The resolved config: paths absolute, globs anchored, every value's line remembered."""

    path: Path | None
    root: Path  # relative paths and globs in the config are relative to this folder
    rules: tuple[Path, ...] = ()
    units: tuple[Path, ...] = ()  # unit files of the user's own acts (docs/knowledge.md)
    enable: tuple[str, ...] | None = None  # as written, so errors can point at the item
    disable: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    lang: str | None = None
    format: str | None = None
    fail_on: str | None = None
    allow_unparsed: bool | None = None  # instructions not understood do not fail the run
    include: GlobSet | None = None
    exclude: GlobSet | None = None
    baseline: Path | None = None
    suppressions: tuple[Suppression, ...] = ()
    acts: tuple[tuple[str | None, Path], ...] = ()  # the acts in force: (slug or None, file or folder)
    locate: Callable[[Loc], int] = field(default=lambda loc: 1, repr=False, compare=False)

    def where(self, loc: Loc) -> str | None:
        """"file:line" of a config value, for messages."""
        if self.path is None:
            return None
        return f"{_show(self.path)}:{self.locate(loc)}"

    def check_rule_ids(self, known: Iterable[str]) -> None:
        """Every rule id the config names must exist in the loaded rule base, or be one of the
        legal-technical (tech-*) or parity (parity-*) checks."""
        known = set(known)
        named: list[tuple[str, Loc]] = []
        named += [(rule, ("enable", i)) for i, rule in enumerate(self.enable or ())]
        named += [(rule, ("disable", i)) for i, rule in enumerate(self.disable)]
        named += [(rule, ("severity", rule)) for rule in self.severity]
        named += [(s.rule, ("suppressions", i, "rule")) for i, s in enumerate(self.suppressions)]
        others: frozenset[str] | None = None
        for rule, loc in named:
            if rule not in known and others is None:
                from checker.gate.other_rules import other_rule_ids

                others = other_rule_ids()
            if rule not in known and rule not in (others or ()):
                close = difflib.get_close_matches(rule, sorted(known | (others or set())), n=1)
                hint = f"did you mean {close[0]!r}?" if close else "`lawcheck rules list` shows the rule ids"
                raise ConfigError(f"unknown rule id {rule!r} in {loc[0]!r}", self.where(loc), hint)


def _show(path: Path) -> str:
    try:
        return resolve_path(path).relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# --- discovery ---------------------------------------------------------------------------------

def find_config(start: Path, *, upwards: bool = True) -> Path | None:
    """The nearest config from `start` upwards; a pyproject.toml counts only with [tool.lawcheck].

    A config name that is not a regular file (a FIFO, a link loop) is found too, so that reading
    it reports the problem instead of silently using another config.
    """
    for folder in (start.resolve(), *start.resolve().parents) if upwards else (start.resolve(),):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not os.path.lexists(candidate) or candidate.is_dir():
                continue
            if name == "pyproject.toml" and not _has_tool_table(candidate):
                continue
            return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    if not is_regular_file(path):
        return False  # not a config anyone wrote for us
    text = _read_config_bytes(path).decode("utf-8", "replace")
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        # A broken pyproject.toml is ours to report only if it has a lawcheck table.
        return re.search(r"^\s*\[+\s*tool\.lawcheck\b", text, re.M) is not None
    return isinstance(data.get("tool"), dict) and "lawcheck" in data["tool"]


def load_config(explicit: str | Path | None = None, *, cwd: Path | None = None) -> Config:
    """The config named by `--config`, else the nearest one found upwards, else the defaults."""
    cwd = cwd or Path.cwd()
    if explicit is not None:
        path = Path(explicit)
        path = path if path.is_absolute() else cwd / path
        if not os.path.lexists(path):
            raise ConfigError("config file not found", str(explicit),
                              "check the --config path")
    else:
        found = find_config(cwd)
        if found is None:
            return Config(path=None, root=cwd)
        path = found
    try:
        text = _read_config_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"cannot read the config file: {exc}", _show(path),
                          "save it as UTF-8 text") from None
    if path.suffix == ".toml":
        data, locate = _read_toml(text, path)
    else:
        data, locate = _read_yaml(text, path)
    return _build(data, path, locate)


class ConfigFinder:
    """The config in force for each path: `--config` for all, else the nearest one above the path.

    As ruff does it, a draft follows the config of its own repository wherever lawcheck is run
    from; a path with no config above it follows the one found from the current folder (else
    the defaults). Each config file is read once per run.
    """

    def __init__(self, explicit: str | Path | None = None, *, cwd: Path | None = None) -> None:
        self.cwd = (cwd or Path.cwd()).resolve()
        self._explicit = load_config(explicit, cwd=self.cwd) if explicit is not None else None
        self._found: dict[Path, Path | None] = {}
        self._loaded: dict[Path | None, Config] = {}

    def for_path(self, path: Path) -> Config:
        """The config that governs `path` (a draft, a folder, or where a glob starts)."""
        if self._explicit is not None:
            return self._explicit
        path = path if path.is_absolute() else self.cwd / path
        folder = path if path.is_dir() else path.parent
        found = self._nearest(folder) or self._nearest(self.cwd)
        if found not in self._loaded:
            self._loaded[found] = (load_config(found, cwd=self.cwd) if found is not None
                                   else Config(path=None, root=self.cwd))
        return self._loaded[found]

    def for_cwd(self) -> Config:
        return self.for_path(self.cwd)

    def _nearest(self, folder: Path) -> Path | None:
        folder = folder.resolve() if folder.exists() else folder
        walked: list[Path] = []
        found: Path | None = None
        for candidate in (folder, *folder.parents):
            if candidate in self._found:
                found = self._found[candidate]
                break
            walked.append(candidate)
            here = find_config(candidate, upwards=False) if candidate.is_dir() else None
            if here is not None:
                found = here
                break
        for visited in walked:
            self._found[visited] = found
        return found


def _read_config_bytes(path: Path) -> bytes:
    return read_regular(path, CONFIG_MAX_BYTES, location=_show(path), error=ConfigError,
                        what="config file", hint="a config is a few lines of settings")


# --- YAML --------------------------------------------------------------------------------------

_YamlLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPENING = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSING = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _read_yaml(text: str, path: Path) -> tuple[dict[str, Any], Callable[[Loc], int]]:
    try:
        _check_yaml_shape(text, path)
        loader = _YamlLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"invalid YAML: {problem}", f"{_show(path)}:{line}",
                          "check indentation and quotes") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise ConfigError(f"invalid YAML: {value_problem(exc)}", _show(path)) from None
    if data is None:
        return {}, lambda loc: 1
    if not isinstance(data, dict):
        raise ConfigError("the config must be a mapping of keys (rules:, disable:, ...)",
                          f"{_show(path)}:1")
    lines: dict[Loc, int] = {}
    _mark_nodes(node, (), lines, path)

    def locate(loc: Loc) -> int:
        for n in range(len(loc), -1, -1):
            if loc[:n] in lines:
                return lines[loc[:n]]
        return 1

    return data, locate


def _check_yaml_shape(text: str, path: Path) -> None:
    """Refuse aliases (a few lines can expand to gigabytes) and deep nesting before composing."""
    depth = 0
    for event in yaml.parse(text, Loader=_YamlLoader):
        if isinstance(event, yaml.AliasEvent):
            raise ConfigError("aliases (*name) are not supported in the config", _where(path, event),
                              "write the value out")
        if isinstance(event, _OPENING):
            depth += 1
            if depth > MAX_NESTING:
                raise ConfigError(f"nested more than {MAX_NESTING} levels deep", _where(path, event),
                                  "a config has a few levels of keys and lists")
        elif isinstance(event, _CLOSING):
            depth -= 1


def _where(path: Path, event: Any) -> str:
    return f"{_show(path)}:{event.start_mark.line + 1}"


def _mark_nodes(node: yaml.Node, loc: Loc, lines: dict[Loc, int], path: Path) -> None:
    """Record the 1-based line of every key and list item; reject duplicate keys."""
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                raise ConfigError(f"duplicate key {key!r}", f"{_show(path)}:{key_node.start_mark.line + 1}",
                                  "keep one of them")
            seen.add(key)
            lines[(*loc, key)] = key_node.start_mark.line + 1
            _mark_nodes(value_node, (*loc, key), lines, path)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*loc, index)] = item.start_mark.line + 1
            _mark_nodes(item, (*loc, index), lines, path)


# --- TOML --------------------------------------------------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")


def _read_toml(text: str, path: Path) -> tuple[dict[str, Any], Callable[[Loc], int]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        line = found.group(1) if found else "1"
        raise ConfigError(f"invalid TOML: {str(exc).split(' (at')[0]}", f"{_show(path)}:{line}") from None
    except RecursionError:
        raise ConfigError("invalid TOML: nested too deeply", _show(path),
                          "a config has a few levels of keys and lists") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise ConfigError(f"invalid TOML: {value_problem(exc)}", _show(path)) from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict) or "lawcheck" not in tool:
        raise ConfigError("no [tool.lawcheck] table", _show(path),
                          "add one, or point --config at a .lawcheck.yaml")
    section = tool["lawcheck"]
    if not isinstance(section, dict):
        raise ConfigError("tool.lawcheck must be a table", _show(path))
    raw_lines = text.splitlines()
    return section, lambda loc: _toml_line(raw_lines, loc)


def _toml_line(lines: list[str], loc: Loc) -> int:
    """Best-effort line of a key under [tool.lawcheck]: tomllib keeps no positions."""
    headers = [(i, m.group(1) == "[[", m.group(2).replace(" ", ""))
               for i, line in enumerate(lines) if (m := _HEADER.match(line))]

    def section_end(start: int) -> int:
        later = [i for i, _, _ in headers if i > start]
        return later[0] if later else len(lines)

    def find_key(key: str, start: int, end: int) -> int | None:
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*(=|\.)")
        for i in range(start, end):
            if pattern.match(lines[i]):
                return i
        return None

    base = next((i for i, arr, name in headers if name == "tool.lawcheck" and not arr), None)
    if loc:
        top = str(loc[0])
        arrays = [i for i, arr, name in headers if arr and name == f"tool.lawcheck.{top}"]
        table = next((i for i, arr, name in headers if not arr and name == f"tool.lawcheck.{top}"), None)
        if arrays and len(loc) > 1 and isinstance(loc[1], int) and loc[1] < len(arrays):
            start = arrays[loc[1]]
            if len(loc) > 2:
                hit = find_key(str(loc[2]), start + 1, section_end(start))
                if hit is not None:
                    return hit + 1
            return start + 1
        if table is not None:
            if len(loc) > 1:
                hit = find_key(str(loc[1]), table + 1, section_end(table))
                if hit is not None:
                    return hit + 1
            return table + 1
        if base is not None:
            hit = find_key(top, base + 1, section_end(base))
            if hit is not None:
                return hit + 1
    return base + 1 if base is not None else 1


# --- validation --------------------------------------------------------------------------------

_KEY_HINT = "known keys: " + ", ".join(ConfigModel.model_fields)


def _build(data: dict[str, Any], path: Path, locate: Callable[[Loc], int]) -> Config:
    try:
        model = ConfigModel.model_validate(data)
    except ValidationError as exc:
        errors = sorted(exc.errors(), key=lambda e: locate(tuple(e["loc"])))
        first = errors[0]
        loc = tuple(first["loc"])
        more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ConfigError(_describe(first, loc) + more, f"{_show(path)}:{locate(loc)}",
                          _hint(first, loc)) from None
    root = path.parent.resolve()

    def location(loc: Loc) -> str:
        return f"{_show(path)}:{locate(loc)}"

    globs = [(("include", i), p) for i, p in enumerate(model.include)]
    globs += [(("exclude", i), p) for i, p in enumerate(model.exclude)]
    globs += [(("suppressions", i, "file"), s.file) for i, s in enumerate(model.suppressions) if s.file]
    if len(globs) > MAX_GLOBS:
        raise ConfigError(f"more than {MAX_GLOBS} glob patterns", _show(path),
                          "put them in fewer, wider globs")
    for loc, pattern in globs:
        problem = glob_problem(pattern)
        if problem is not None:
            raise ConfigError(f"{pattern!r} is not a valid glob: {problem}", location(loc),
                              "fix the pattern; a range goes from low to high, like [a-z]")

    def existing(key: str, what: str) -> list[Path]:
        found = []
        for index, entry in enumerate(getattr(model, key)):
            where = resolve_path(root / entry)
            if not os.path.lexists(where):  # a link loop or a FIFO is reported when it is read
                raise ConfigError(f"{what} path {entry!r} does not exist", location((key, index)),
                                  "paths in the config are relative to the config file's folder")
            found.append(where)
        return found

    rules = existing("rules", "rule")
    units = [file for where in existing("units", "units")
             for file in (sorted(where.glob("*.yaml")) if where.is_dir() else [where])]
    suppressions = tuple(
        Suppression(rule=s.rule, reason=s.reason, base=root, location=location(("suppressions", i)),
                    amendment=s.amendment, file=s.file)
        for i, s in enumerate(model.suppressions)
    )
    return Config(
        path=path,
        root=root,
        rules=tuple(rules),
        units=tuple(units),
        enable=tuple(model.enable) if model.enable is not None else None,
        disable=tuple(model.disable),
        severity=dict(model.severity),
        lang=model.lang,
        format=model.format,
        fail_on=model.fail_on,
        allow_unparsed=model.allow_unparsed,
        include=GlobSet(root, tuple(model.include)),
        exclude=GlobSet(root, tuple(model.exclude)),
        baseline=(root / model.baseline) if model.baseline else None,
        suppressions=suppressions,
        acts=_acts(model.acts, root, location),
        locate=locate,
    )


def _acts(acts: dict[str, str] | str, root: Path, location: Callable[[Loc], str]) -> tuple[tuple[str | None, Path], ...]:
    """The config's `acts:` as (slug, path) pairs; a missing file is an error at its line."""
    pairs = [(None, acts)] if isinstance(acts, str) else list(acts.items())
    out = []
    for slug, entry in pairs:
        where = (root / entry).resolve()
        if not where.exists():
            raise ConfigError(f"act path {entry!r} does not exist", location(("acts",) + ((slug,) if slug else ())),
                              "paths in the config are relative to the config file's folder")
        out.append((slug, where))
    return tuple(out)


def _describe(error: dict[str, Any], loc: Loc) -> str:
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")
    where = where or "config"
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"unknown key {str(loc[-1])!r}"
    if kind == "missing":
        if loc[:1] == ("suppressions",) and loc[-1] == "reason":
            return "a suppression needs a written reason"
        return f"missing key {str(loc[-1])!r}"
    if kind == "value_error":
        return f"{where}: {error['msg'].removeprefix('Value error, ')}"
    return f"{where}: {error['msg']}"


def _hint(error: dict[str, Any], loc: Loc) -> str | None:
    if error["type"] == "extra_forbidden":
        if len(loc) == 1:
            return _KEY_HINT
        if loc[0] == "suppressions":
            return "a suppression has rule, amendment, file and reason"
    if error["type"] == "missing" and loc[-1] == "reason":
        return "say in a sentence why the finding is acceptable"
    if loc[-1] == "amendment" and error["type"] == "string_type":
        return 'quote amendment ids: amendment: "1.2.3"'
    if error["type"] == "string_type" and isinstance(error.get("input"), bool):
        return "YAML reads yes/no/on/off as booleans; put the value in quotes"
    return None
