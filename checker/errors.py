"""Errors the user can act on: printed as one line, exit code 2, never a traceback."""

from __future__ import annotations


class LawcheckError(Exception):
    """A problem with the user's input, configuration or rule files.

    `location` is "path", "path:line" or "path:line:column" when known.
    """

    def __init__(self, message: str, location: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}" if self.location else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(LawcheckError):
    """The draft cannot be read: format, encoding, size, corruption."""


class RuleFileError(LawcheckError):
    """A rule file is invalid; location is file:line:column."""


class ConfigError(LawcheckError):
    """The configuration file is invalid; location is file:line."""
