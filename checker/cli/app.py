"""Command line entry point: `lawcheck PATH...` checks, `lawcheck parse FILE` shows the parse."""

from __future__ import annotations

import os
import sys

import click

from checker import __version__
from checker.cli.errors import LawcheckGroup, Terminated, install_signal_handlers, suggest
from checker.errors import LawcheckError


class DefaultCheckGroup(LawcheckGroup):
    """A group where an unknown first word means `check`: `lawcheck draft.docx` just works.

    A first word that names no file and is close to a command (`lawcheck rulez list`) is a typo,
    not two missing drafts: it gets "did you mean 'rules'?".
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # `--version` is answered before any command module is imported (checked first)
        if args and args[0] not in ("--help", "-h", "--version", "-V") and args[0] not in self.commands:
            first = args[0]
            if _looks_like_a_command(first):
                close = suggest(first, self.list_commands(ctx))
                if close is not None:
                    raise click.UsageError(f"no such command {first!r} (did you mean {close!r}?)", ctx)
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _looks_like_a_command(word: str) -> bool:
    """A bare word that is no existing path and no glob: what a mistyped subcommand looks like."""
    return (word.isalpha() and word.isascii() and not os.path.exists(word))


@click.group(cls=DefaultCheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="lawcheck",
                      help="Show the version and exit.")
def main() -> None:
    """Check Kazakh and Russian draft bills against the Constitutional Court's positions.

    \b
    Examples:
      lawcheck draft.docx                   check a draft (same as `lawcheck check`)
      lawcheck --format sarif drafts/       check a folder for code scanning
      cat draft.txt | lawcheck - --stdin-filename drafts/draft.txt
      lawcheck parse draft.txt              show the parsed amendment instructions
      lawcheck rules list                   list the rule base
      lawcheck schema check                 the JSON Schema of the report
    """


def run() -> None:
    """Console entry that turns user-facing errors into one line and exit code 2.

    Ctrl-C exits 130 and SIGTERM 143, after ending any worker processes.
    """
    install_signal_handlers()
    from checker.engine import cache

    cache.build_apart()  # a missed rule-base entry is compiled in a child (memory budget)
    try:
        code = main(standalone_mode=False)
    except LawcheckError as exc:
        click.echo(f"lawcheck: error: {exc}", err=True)
        sys.exit(2)
    except Terminated:
        sys.exit(143)
    except click.exceptions.Abort as exc:
        if isinstance(exc.__context__, KeyboardInterrupt):  # click turns Ctrl-C into Abort
            sys.exit(130)
        click.echo("lawcheck: aborted", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


def _register_commands() -> None:
    # Imported here so that each command module can import `main` without a cycle.
    from checker.cli.check import baseline, check
    from checker.cli.parse import parse
    from checker.cli.rules import explain, rules
    from checker.cli.acts import apply, compare, parse_act
    from checker.cli.parity import parity
    from checker.cli.schema import schema
    from checker.cli.serve import serve

    for command in (check, parse, rules, explain, baseline, schema, parse_act, apply, compare, parity, serve):
        main.add_command(command)


class _Commands(dict):  # type: ignore[type-arg]
    """The group's commands, imported when first looked at: `lawcheck --version` imports none
    of them (the check command alone pulls in pydantic, the config and the runner)."""

    _loaded = False

    def _load(self) -> None:
        if not self._loaded:
            self._loaded = True
            _register_commands()

    def __contains__(self, key: object) -> bool:
        self._load()
        return super().__contains__(key)

    def __getitem__(self, key: str) -> click.Command:
        self._load()
        return super().__getitem__(key)

    def __iter__(self):  # type: ignore[no-untyped-def]
        self._load()
        return super().__iter__()

    def __len__(self) -> int:
        self._load()
        return super().__len__()

    def get(self, key: str, default: object = None) -> object:  # type: ignore[override]
        self._load()
        return super().get(key, default)

    def items(self):  # type: ignore[no-untyped-def]
        self._load()
        return super().items()

    def keys(self):  # type: ignore[no-untyped-def]
        self._load()
        return super().keys()

    def values(self):  # type: ignore[no-untyped-def]
        self._load()
        return super().values()


main.commands = _Commands()
