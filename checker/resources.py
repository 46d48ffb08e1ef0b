"""Where the data folders live: inside the wheel, or beside the package in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the folder `grammar` or `rules`, installed copy first.

    A wheel carries them as `checker/_data/<name>`; an editable install or a
    plain checkout finds them at the project root, beside `checker/`.
    """
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def grammar_dir() -> Path:
    return data_dir("grammar")


def rules_dir() -> Path:
    return data_dir("rules")
