"""The config in force, for every command: which file, which rules, and `--show-config`.

`check` and `baseline create` follow the nearest config above each draft; `explain` and `parse`
the one above their draft; `rules …` the one above the current folder. `--config FILE` replaces
the search everywhere.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from checker.budgets import resolve_path
from checker.gate.config import Config
from checker.errors import InputError
from checker.run import RuleSpec, configure, load_base

CONFIG_HELP = ("Config file (default: the nearest .lawcheck.yaml / .lawcheck.yml / pyproject.toml "
               "[tool.lawcheck] above each checked path, else above the current folder).")


def extra_rule_paths(raw: Sequence[str], cwd: Path) -> tuple[Path, ...]:
    """`--rules` paths, absolute; a missing one is an error that names it."""
    paths = []
    for item in raw:
        path = Path(item) if Path(item).is_absolute() else cwd / item
        if not os.path.lexists(path):  # a link loop or a FIFO is reported when it is read
            raise InputError("rule file or folder not found", item, "check the --rules path")
        paths.append(resolve_path(path))
    return tuple(paths)


def rule_spec(config: Config, extra: Sequence[Path] = (), *, builtin: bool = True) -> RuleSpec:
    """The rule base a config asks for: built-in rules, its `rules:` and `units:`, plus `--rules`."""
    return RuleSpec(
        paths=(*config.rules, *extra),
        builtin=builtin,
        enable=frozenset(config.enable) if config.enable is not None else None,
        disable=frozenset(config.disable),
        severity=tuple(sorted(config.severity.items())),
        units=config.units,
    )


def spec_inputs(spec: RuleSpec) -> list[Path]:
    """The files a rule base is read from (rule, concept, unit and effects files): never an output."""
    from checker.engine.loader import rule_files
    from checker.errors import LawcheckError
    from checker.resources import rules_dir

    found = list(spec.units)
    if spec.builtin:
        found += sorted(Path(rules_dir()).rglob("*.y*ml"))  # the shared knowledge in subfolders too
    try:
        found += rule_files(spec.paths)
    except LawcheckError:
        pass  # the rules were loaded already; a folder that went away is not an output target
    return found


def load_configured(config: Config, spec: RuleSpec) -> tuple[Any, Any]:
    """(base, configured) rule sets; every rule id the config names must exist in the base."""
    base = load_base(spec)
    config.check_rule_ids(rule.id for rule in base.rules)
    return base, configure(base, spec)


def shown(path: Path | None, cwd: Path) -> str | None:
    if path is None:
        return None
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix() or "."
    except ValueError:
        return path.resolve().as_posix()


def config_settings(config: Config, cwd: Path) -> dict[str, Any]:
    """The settings of one config as they are in force (paths resolved, defaults written out)."""
    def globs(value: Any) -> list[str]:
        return list(value.patterns) if value is not None else []

    return {
        "rules": [shown(p, cwd) for p in config.rules],
        "units": [shown(p, cwd) for p in config.units],
        "enable": list(config.enable) if config.enable is not None else "all",
        "disable": list(config.disable),
        "severity": dict(config.severity),
        "lang": config.lang,
        "format": config.format,
        "fail_on": config.fail_on,
        "allow_unparsed": config.allow_unparsed,
        "include": globs(config.include),
        "exclude": globs(config.exclude),
        "baseline": shown(config.baseline, cwd),
        "suppressions": [{"rule": s.rule, **({"amendment": s.amendment} if s.amendment else {}),
                          **({"file": s.file} if s.file else {}), "reason": s.reason}
                         for s in config.suppressions],
    }


def describe(entries: Sequence[tuple[Config, Sequence[str]]], run: dict[str, Any], cwd: Path) -> str:
    """`--show-config`: each config in force, the drafts it governs, then the run's own settings."""
    configs = []
    for config, drafts in entries:
        configs.append({
            "config": shown(config.path, cwd) or "none (defaults)",
            "root": shown(config.root, cwd),
            "drafts": list(drafts),
            "settings": config_settings(config, cwd),
        })
    text = yaml.safe_dump({"configs": configs, "run": run}, allow_unicode=True, sort_keys=False,
                          default_flow_style=False, width=100)
    return "# lawcheck: the configuration in force (command line > config > default)\n" + text
