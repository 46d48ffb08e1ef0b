"""Reading rule files (safe YAML through yamlread) into a compiled rule set.

Each error is `file:line:col: what is wrong`; a rule that names an unknown concept is an error
at that rule. The shared knowledge (concepts, units, effect markers) is read with the rules.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from checker.budgets import read_regular, resolve_path
from checker.engine.conditions import restore_state, warm_state
from checker.engine.knowledge import SPLIT_HINT, knowledge_files, read_knowledge_cached
from checker.engine.ruleset import Rule, RuleSet
from checker.engine.schema import RuleSpec
from checker.engine.yamlread import MAX_BYTES, MarkMap, _error, read_model
from checker.errors import RuleFileError
from checker.resources import grammar_dir, rules_dir


def read_rule(source: str | bytes, path: str) -> tuple[RuleSpec | None, list[RuleFileError]]:
    """Validate one rule file's content: the spec, or every error found in it."""
    spec, errors, _ = _read(source, path)
    return spec, errors


def _read(source: str | bytes, path: str) -> tuple[RuleSpec | None, list[RuleFileError], MarkMap | None]:
    spec, errors, marks = read_model(source, path, RuleSpec, "rule file")
    if spec is None or marks is None:
        return None, errors, marks
    if not path.startswith("<") and spec.id != Path(path).stem:
        message = f"id {spec.id!r} differs from the file name: name the file {spec.id}.yaml"
        return None, [_error(path, marks.find(("id",)), message)], marks
    return spec, [], marks


def rule_files(paths: Iterable[Path | str]) -> list[Path]:
    """The .yaml files of the given files and folders, each once, in a stable order."""
    found: dict[Path, None] = {}
    for item in paths:
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml")):
                found.setdefault(resolve_path(child), None)
        elif os.path.lexists(path):  # a link loop or a FIFO is refused when it is read
            found.setdefault(resolve_path(path), None)
        else:
            raise RuleFileError("no such rule file or folder", location=str(item))
    return list(found)


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _read_all(files: Sequence[Path], strict: bool = True, units: Sequence[Path] = ()
              ) -> tuple[list[Rule], list[tuple[Path, RuleFileError]]]:
    rules: list[Rule] = []
    errors: list[tuple[Path, RuleFileError]] = []
    knowledge, problems = read_knowledge_cached(extra_units=units, strict=strict)
    errors.extend((Path(str(e.location or "").split(":")[0]), e) for e in problems)
    first_seen: dict[str, str] = {}
    for file in files:
        shown = _display(file)
        try:
            content = read_regular(file, MAX_BYTES, location=shown, error=RuleFileError,
                                   what="rule file", hint=SPLIT_HINT)
        except RuleFileError as exc:
            errors.append((file, exc))
            continue
        spec, found, marks = _read(content, shown)
        errors.extend((file, error) for error in found)
        if spec is None or marks is None:
            continue
        if spec.id in first_seen:
            message = f"duplicate rule id {spec.id!r} (also in {first_seen[spec.id]})"
            errors.append((file, _error(shown, marks.find(("id",)), message)))
            continue
        try:
            rule = Rule.from_spec(spec, shown, knowledge)
        except ValueError as exc:  # a phrase the morphology cannot use, despite valid syntax
            errors.append((file, _error(shown, None, f"cannot compile: {exc}")))
            continue
        first_seen[spec.id] = shown
        rules.append(rule)
    return rules, errors


def _selection(paths: Sequence[Path | str] | None, builtin: bool) -> list[Path]:
    sources: list[Path | str] = [rules_dir()] if builtin and rules_dir().is_dir() else []
    return rule_files([*sources, *(paths or ())])


def validate_rules(paths: Sequence[Path | str] | None = None, *, builtin: bool = True,
                   units: Sequence[Path] = ()) -> list[RuleFileError]:
    """Every error of every rule file of `paths` (default: the shipped rules).

    The shipped rules are read as well, so that a rule whose id is already taken is reported,
    but with `paths` given only the errors of those files are listed.
    """
    try:
        given = set(rule_files(paths)) if paths else None
        files = _selection(paths, builtin)
    except RuleFileError as exc:
        return [exc]
    return [error for file, error in _read_all(files, units=units)[1]
            if given is None or file in given]


def load_rules(paths: Sequence[Path | str] | None = None, *, builtin: bool = True,
               units: Sequence[Path] = ()) -> RuleSet:
    """The shipped rules plus extra files or folders; the first error is raised.

    The compiled rule set comes from the on-disk cache while no file it was built from changed
    (checker/engine/cache.py; LAWCHECK_NO_CACHE=1 turns it off).
    """
    from checker.engine import cache

    files = _selection(paths, builtin)
    # the act registry too: a rule naming an act slug that was removed must fail to load again
    inputs = [*files, *knowledge_files(extra_units=units), grammar_dir() / "acts.yaml"]

    def build() -> tuple[RuleSet, dict]:
        rules, errors = _read_all(files, strict=False, units=units)
        if errors:
            first = errors[0][1]
            if len(errors) > 1:
                first.hint = f"and {len(errors) - 1} more; `lawcheck rules validate` lists them all"
            raise first
        ruleset = RuleSet(rules)
        # the rule words' lemmas travel with the rules: a cached base asks no morphology for them
        return ruleset, (warm_state() if not cache.disabled() else {})

    ruleset, lemmas = cache.cached(inputs, build)
    restore_state(lemmas)
    return ruleset
