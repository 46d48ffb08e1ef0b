"""How every command fails: one line on stderr, exit code 2, never a traceback."""

from __future__ import annotations

import difflib
import functools
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import click

from checker.errors import LawcheckError


class Exit2(Exception):
    """Raised after problems were already printed: stop with exit code 2."""


class Terminated(BaseException):
    """SIGTERM arrived (a CI job was cancelled): stop like Ctrl-C does, exit 143 (128 + 15)."""


_STOP: list[int] = []  # signals received; a raise from a handler can be swallowed (at fork, in a
                       # finaliser), so long waits also look here


def _stop_exception(signum: int) -> BaseException:
    return KeyboardInterrupt() if signum == signal.SIGINT else Terminated()


def on_signal(signum: int, frame: Any) -> None:
    """SIGINT and SIGTERM handler: unwind the run (workers ended, temporary files removed)."""
    _STOP.append(signum)
    raise _stop_exception(signum)


def install_signal_handlers() -> None:
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)


def raise_if_stopped() -> None:
    """Raise again a stop signal whose first raise went nowhere."""
    if _STOP:
        raise _stop_exception(_STOP[0])


def warn(message: str) -> None:
    try:
        click.echo(f"lawcheck: {message}", err=True)
    except OSError:
        pass  # stderr itself is gone: nobody is left to tell


def broken_pipe() -> NoReturn:
    """The reader of stdout went away (`lawcheck … | head`): one line, exit 2, no traceback."""
    try:  # Python flushes stdout again at exit; let that flush go nowhere
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
    warn("error: standard output was closed before everything was written (broken pipe); "
         "redirect it to a file to keep all of it")
    sys.exit(2)


def internal_error(exc: BaseException, where: str | None = None) -> str:
    """One line for an unexpected exception: what, where, and what to do."""
    place = f" while checking {where}" if where else ""
    detail = " ".join(str(exc).split())[:200]  # one line, whatever the exception says
    return (f"internal error{place} ({type(exc).__name__}: {detail}); please report it with the "
            f"draft if you can share it (LAWCHECK_DEBUG=1 shows the traceback)")


@contextmanager
def guarded() -> Iterator[None]:
    """Turn user errors and bugs into one line on stderr and exit code 2."""
    try:
        yield
    except (click.exceptions.Exit, click.ClickException, click.Abort):
        raise
    except Exit2:
        sys.exit(2)
    except LawcheckError as exc:
        warn(f"error: {exc}")
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except Terminated:
        sys.exit(143)
    except BrokenPipeError:
        broken_pipe()
    except Exception as exc:  # noqa: BLE001 - last resort, the user still gets one line
        if os.environ.get("LAWCHECK_DEBUG"):
            raise
        warn(f"error: {internal_error(exc)}")
        sys.exit(2)


def guard(command: Callable[..., Any]) -> Callable[..., Any]:
    """Decorator form of `guarded` for click commands."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with guarded():
            return command(*args, **kwargs)

    return wrapper


def usage_line(exc: click.UsageError) -> str:
    """A usage error as one line with a hint, as ruff and git write them (not Click's three lines)."""
    message = " ".join(exc.format_message().split()).rstrip(".")
    message = message[:1].lower() + message[1:]
    message = _closest_option(exc, message)
    where = exc.ctx.command_path if exc.ctx is not None else "lawcheck"
    return f"lawcheck: error: {message} (see '{where} --help')"


def _closest_option(exc: click.UsageError, message: str) -> str:
    """Click lists every near option ("did you mean one of: '--act', '--format'?"): keep the nearest."""
    import re

    if not isinstance(exc, click.NoSuchOption) or not exc.possibilities or len(exc.possibilities) < 2:
        return message
    best = max(exc.possibilities, key=lambda p: difflib.SequenceMatcher(None, exc.option_name, p).ratio())
    return re.sub(r"\s*\((?:D|d)id you mean one of:[^)]*\)", f" (did you mean {best!r}?)", message)


def suggest(name: str, choices: list[str]) -> str | None:
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return close[0] if close else None


class LawcheckGroup(click.Group):
    """A command group whose usage errors are one line and whose unknown commands get a suggestion."""

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple:
        name = args[0] if args else ""
        if name and name not in self.commands and not name.startswith("-"):
            close = suggest(name, self.list_commands(ctx))
            hint = f" (did you mean {close!r}?)" if close else ""
            raise click.UsageError(f"no such command {name!r}{hint}", ctx)
        return super().resolve_command(ctx, args)

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        try:
            code = super().main(args, prog_name or "lawcheck", complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            click.echo(usage_line(exc), err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            if not standalone_mode:
                raise
            click.echo(f"lawcheck: error: {' '.join(exc.format_message().split())}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            if not standalone_mode:
                raise
            click.echo("lawcheck: aborted", err=True)
            sys.exit(1)
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)
