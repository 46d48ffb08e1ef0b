"""Property tests: whatever a rule file holds, loading it ends in a rule set or a RuleFileError."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.engine import load_rules, read_rule
from checker.errors import RuleFileError

VALID = Path(__file__).parent / "fixtures" / "rules" / "valid" / "eviction-court-only.yaml"
VALID_TEXT = VALID.read_text(encoding="utf-8")
VALID_DATA = yaml.safe_load(VALID_TEXT.replace("date: 2024-04-19", 'date: "2024-04-19"'))

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10**6), st.floats(allow_nan=True),
    st.text(max_size=20), st.sampled_from(["no", "on", "2024-13-45", "law:housing", "(?<=a)", "*", "="]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8,
)


def _load_file(content: bytes) -> None:
    """Write `content` as a rule file and load it; only a RuleFileError may come out."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "eviction-court-only.yaml"
        path.write_bytes(content)
        try:
            ruleset = load_rules([path], builtin=False)
        except RuleFileError as exc:
            assert exc.location is not None and "eviction-court-only.yaml" in exc.location
            return
        assert [rule.id for rule in ruleset.rules] == ["eviction-court-only"]


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for item in path[:-1]:
        data = data[item]
    return data


@FUZZ
@given(st.text(max_size=300))
def test_any_text_is_a_rule_or_an_error(text: str) -> None:
    spec, errors = read_rule(text, "eviction-court-only.yaml")
    assert (spec is None) == bool(errors)
    assert all(isinstance(e, RuleFileError) and e.location for e in errors)


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_are_a_rule_or_an_error(content: bytes) -> None:
    spec, errors = read_rule(content, "eviction-court-only.yaml")
    assert (spec is None) == bool(errors)
    assert all(isinstance(e, RuleFileError) for e in errors)


@FUZZ
@given(st.data())
def test_mutated_valid_rule_loads_or_fails_cleanly(data: st.DataObject) -> None:
    rule = copy.deepcopy(VALID_DATA)
    for _ in range(data.draw(st.integers(1, 3))):
        paths = [p for p in _paths(rule) if p]
        if not paths:
            break
        path = data.draw(st.sampled_from(paths))
        action = data.draw(st.sampled_from(["drop", "replace", "insert"]))
        parent = _parent(rule, path)
        if action == "drop":
            del parent[path[-1]]
        elif action == "replace":
            parent[path[-1]] = data.draw(values)
        elif isinstance(parent, dict):
            parent[data.draw(st.text(min_size=1, max_size=8))] = data.draw(values)
        else:
            parent.insert(path[-1], data.draw(values))
    text = yaml.safe_dump(rule, allow_unicode=True)
    _load_file(text.encode("utf-8"))


@FUZZ
@given(st.integers(0, len(VALID_TEXT)), st.text(min_size=1, max_size=5), st.integers(0, 5))
def test_garbage_inserted_into_the_text_loads_or_fails_cleanly(at: int, garbage: str, cut: int) -> None:
    text = VALID_TEXT[:at] + garbage + VALID_TEXT[at + cut :]
    _load_file(text.encode("utf-8", "surrogatepass"))
