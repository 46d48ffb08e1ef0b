"""Command line entry point: `lawcheck PATH...` checks, `lawcheck parse FILE` shows the parse."""

from __future__ import annotations

import sys

import click

from checker import __version__
from checker.cli_errors import Terminated, install_signal_handlers
from checker.errors import LawcheckError


class DefaultCheckGroup(click.Group):
    """A group where an unknown first word means `check`: `lawcheck draft.docx` just works."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultCheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lawcheck")
def main() -> None:
    """Check Kazakh and Russian draft bills against the Constitutional Court's positions.

    \b
    Examples:
      lawcheck draft.docx                   check a draft (same as `lawcheck check`)
      lawcheck --format sarif drafts/       check a folder for code scanning
      lawcheck parse draft.txt              show the parsed amendment instructions
      lawcheck rules list                   list the rule base
    """


def run() -> None:
    """Console entry that turns user-facing errors into one line and exit code 2.

    Ctrl-C exits 130 and SIGTERM 143, after ending any worker processes.
    """
    install_signal_handlers()
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
    from checker.cli_check import baseline, check
    from checker.cli_parse import parse
    from checker.cli_rules import explain, rules

    for command in (check, parse, rules, explain, baseline):
        main.add_command(command)


_register_commands()
