"""lawcheck: checks draft bills against the Constitutional Court's legal positions."""

__version__ = "0.1.0"
