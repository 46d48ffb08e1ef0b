"""The shared knowledge: concepts pass their examples, units are valid, rules share words only
through concepts, and a user's own units reach the checker."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from checker.engine.concepts import concept_failures
from checker.engine.knowledge import read_knowledge
from checker.model import Act, Amendment, Target
from checker.resources import rules_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def shipped():
    return read_knowledge()


def test_shipped_knowledge_has_no_errors(shipped) -> None:
    knowledge, errors = shipped
    assert [str(e) for e in errors] == []
    assert len(knowledge.concepts) >= 150
    assert sum(len(units) for units in knowledge.units.values()) >= 100


def test_every_concept_example_passes_in_both_languages(shipped) -> None:
    knowledge, _ = shipped
    assert [str(f) for f in concept_failures(knowledge)] == []
    for concept_id, spec in knowledge.specs.items():
        assert spec.examples.kk and spec.examples.ru, concept_id
        assert spec.not_examples.kk and spec.not_examples.ru, concept_id


def test_every_unit_states_its_source_and_known_concepts(shipped) -> None:
    knowledge, _ = shipped
    for units in knowledge.units.values():
        for unit in units:
            assert unit.spec.source.strip()
            assert set(unit.spec.concepts) | set(unit.spec.guarantee) <= set(knowledge.concepts), unit.source


def _phrases(node: object, found: set[tuple[str, str]]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "terms" and isinstance(value, dict):
                found.update((lang, p) for lang, items in value.items() for p in items or ())
            elif key != "examples":
                _phrases(value, found)
    elif isinstance(node, list):
        for item in node:
            _phrases(item, found)


def test_no_word_list_is_repeated_across_rule_files() -> None:
    """Shared words live in concepts; a rule keeps at most a few words of its own."""
    seen: dict[tuple[str, str], str] = {}
    for file in sorted(rules_dir().glob("*.yaml")):
        found: set[tuple[str, str]] = set()
        _phrases(yaml.safe_load(file.read_text(encoding="utf-8")), found)
        assert len(found) <= 12, f"{file.name} lists {len(found)} phrases: move them to a concept"
        for phrase in found:
            assert phrase not in seen, f"{phrase} is in {file.name} and {seen[phrase]}"
            seen[phrase] = file.name


def test_every_conflict_rule_states_forbidden_effects_or_is_a_concept_exception() -> None:
    """Positions are topic + forbidden effects; a position-specific `match` is the exception,
    and even then it is written with shared concepts, not words."""
    exceptions = []
    for file in sorted(rules_dir().glob("*.yaml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        if data.get("kind") == "upheld":
            continue
        if not data.get("forbidden"):
            exceptions.append(file.name)
            assert "terms" not in str(data.get("match")), file.name
    assert len(exceptions) <= 3, exceptions


def test_a_users_own_units_give_their_act_a_topic(tmp_path: Path) -> None:
    units = tmp_path / "advocacy.yaml"
    units.write_text(textwrap.dedent("""\
        act: law:advocacy
        units:
          - article: "33"
            governs: the advocate's access to a client held in custody
            concepts: [legal-assistance]
            source: our own table
        """), encoding="utf-8")
    knowledge, errors = read_knowledge(extra_units=[units])
    assert errors == []
    amendment = Amendment(id="1", line=1, end_line=1, col=0, act=Act(slug="law:advocacy", name=""),
                          operation="new_wording", target=Target(article="33", part="2"), new="x",
                          language="ru")
    (unit,) = knowledge.units_for(amendment)
    assert unit.spec.concepts == ["legal-assistance"]


def test_a_users_unit_with_an_unknown_concept_is_an_error_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "units").mkdir()
    (tmp_path / "units" / "mine.yaml").write_text(
        "act: law:advocacy\nunits:\n  - article: \"33\"\n    governs: x\n"
        "    concepts: [no-such-concept]\n    source: ours\n", encoding="utf-8")
    (tmp_path / ".lawcheck.yaml").write_text("units: [units]\n", encoding="utf-8")
    draft = ROOT / "examples" / "ru_justice_bill.txt"
    proc = subprocess.run([sys.executable, "-m", "checker", "check", str(draft)], cwd=tmp_path,
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "mine.yaml:3:" in proc.stderr and "no-such-concept" in proc.stderr
