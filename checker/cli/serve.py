"""`lawcheck serve`: the upload page for drafters, on this machine or a department's server.

The rule base (built-in, the config's `rules:` and `--rules`) is loaded and the worker
processes forked before the server starts, so a bad rule file stops it with one line and the
first drafter does not wait for the warm-up.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from typing import Any

import click

from checker.cli.configured import CONFIG_HELP, extra_rule_paths, load_configured, rule_spec
from checker.cli.errors import guarded
from checker.gate.config import load_config
from checker.errors import InputError

INSTALL_HINT = "install the web extra: pip install 'lawcheck[serve]'"


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 for every interface (an intranet server).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on; 0 picks a free one.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help=CONFIG_HELP)
@click.option("--rules", "extra_rules", multiple=True, type=click.Path(),
              help="Extra rule file or folder (repeatable).")
@click.option("--no-builtin-rules", is_flag=True, help="Use only the rules given by --rules and the config.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Checking processes (default: one per usable CPU).")
@click.option("--timeout", type=click.FloatRange(min=1), default=None,
              help="Seconds one check may take before the drafter is told to split the draft (default: 120).")
@click.option("--act", "act_specs", multiple=True, metavar="SLUG=FILE",
              help="The text in force of an amended act (repeatable; a folder of act files too): the "
                   "report gains the tech-* findings and the comparative table (.docx, HTML) as a "
                   "download. The config's `acts:` does the same.")
def serve(**opts: Any) -> None:
    """Serve the upload page: choose a draft, read its report, download HTML, JSON or SARIF.

    With acts in force (--act or the config's `acts:`), also the legal-technical findings and
    the comparative table of the draft.

    \b
    Examples:
      lawcheck serve                         http://127.0.0.1:8000 on this machine
      lawcheck serve --host 0.0.0.0 --port 8080 --config /srv/lawcheck/.lawcheck.yaml
      lawcheck serve --act criminal-code=uk_ru.docx --act criminal-code=uk_kk.docx
    """
    with guarded():
        _serve(opts, Path.cwd())


def _serve(opts: dict[str, Any], cwd: Path) -> None:
    try:
        import uvicorn

        from checker.serve.app import CHECK_SECONDS, create_app
        from checker.serve.pool import CheckPool
    except ImportError as exc:
        raise InputError(f"the web page needs {exc.name}", hint=INSTALL_HINT) from None
    config = load_config(opts["config_path"], cwd=cwd)
    spec = rule_spec(config, extra_rule_paths(opts["extra_rules"], cwd), builtin=not opts["no_builtin_rules"])
    ruleset = load_configured(config, spec)[1]
    if not any(not getattr(rule, "upheld", False) for rule in ruleset.rules):
        raise InputError("no rules to check against",
                         hint="--no-builtin-rules needs --rules or the config's rules:")
    ruleset = with_acts(ruleset, opts["act_specs"], config.acts, cwd)
    sock = _bind(opts["host"], opts["port"])
    pool = CheckPool(spec, ruleset, opts["workers"])
    pool.start()  # fork the workers before uvicorn starts any thread
    app = create_app(pool, timeout=opts["timeout"] or CHECK_SECONDS)
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"lawcheck: serving on http://{shown}:{port}/ "
               f"({pool.workers} worker{'s' if pool.workers != 1 else ''}; Ctrl+C stops)")
    sys.stdout.flush()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False,
                                           server_header=False, timeout_graceful_shutdown=5))
    try:
        server.run(sockets=[sock])
    finally:
        pool.close()


def with_acts(ruleset: Any, act_specs: tuple[str, ...], configured: tuple[tuple[str | None, Path], ...],
              cwd: Path) -> Any:
    """The rule set wrapped with the acts in force, read now: a missing or unreadable act stops the
    server before it starts, and the workers inherit the parsed acts."""
    if not act_specs and not configured:
        return ruleset
    from checker.acts.gate import ActsRuleSet
    from checker.acts.options import split_spec

    given = tuple((slug, cwd / file) for slug, file in map(split_spec, act_specs))
    wrapped = ActsRuleSet(ruleset, given + tuple(configured))
    wrapped.load()
    return wrapped


def _bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so that a busy port is one clear line, not a log."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as exc:
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}",
                         hint="choose another --port, or stop the program that uses it") from None
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock
