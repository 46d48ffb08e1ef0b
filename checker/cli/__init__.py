"""The command line: `lawcheck` and its commands, one module each.

app        the `lawcheck` group (an unknown first word means `check`) and the console entry `run`
check      `check` (the CI gate) and `baseline create`
parse      `parse`: the amendment instructions as understood
rules      `rules list|show|test|…` and `explain`
schema     `schema`: the JSON Schemas of the contracts
acts       `parse-act`, `apply`, `compare`: a bill against the act in force
parity     `parity`: the Kazakh and Russian texts of one bill
serve      `serve`: the upload page
configured the rule set a config asks for, `--show-config`
errors     one-line errors, exit codes, signals

Command modules are imported when a command is first looked up, so `lawcheck --version` stays fast.
"""

from checker.cli.app import main, run

__all__ = ["main", "run"]
