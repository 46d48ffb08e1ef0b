"""Which act in force stands for which slug: `--act SLUG=FILE`, `--act FILE`, or the config's `acts:`.

A file given without a slug is named by its header (the act registry in grammar/acts.yaml), else
by its file name (`criminal-code.txt`, `law_civil-service.docx` for `law:civil-service`). One slug
may be given twice, once per language: a bill is applied to the version in its own language.
"""

from __future__ import annotations

from pathlib import Path

from checker.acts.load import load_act
from checker.acts.structure import ActText
from checker.errors import InputError

_PREFIXES = ("law_", "constitutional-law_", "bylaw_")


def split_spec(spec: str) -> tuple[str | None, str]:
    """"slug=file" → (slug, file); a bare file → (None, file)."""
    if "=" in spec:
        slug, _, file = spec.partition("=")
        if not slug.strip() or not file.strip():
            raise InputError(f"--act {spec!r}: expected SLUG=FILE, e.g. criminal-code=uk.docx")
        return slug.strip(), file.strip()
    return None, spec


def slug_of(act: ActText, path: Path) -> str:
    from checker.normalize import normalize
    from checker.parsing.acts import recognize_act

    head = " ".join(act.root.lines[:6])
    entry = recognize_act(normalize(head).text.lower(), act.date) if head else None
    if entry is not None:
        return entry.slug
    stem = path.stem
    for prefix in _PREFIXES:
        if stem.startswith(prefix):
            return prefix[:-1] + ":" + stem[len(prefix):]
    return stem


def expand(specs: list[tuple[str | None, Path]]) -> list[tuple[str | None, Path]]:
    """Folders become the act files inside them."""
    out: list[tuple[str | None, Path]] = []
    for slug, path in specs:
        if path.is_dir():
            out += [(None, file) for file in sorted(path.iterdir())
                    if file.suffix.lower() in (".txt", ".docx", ".html", ".htm", ".pdf")]
        else:
            out.append((slug, path))
    return out


def load_acts(specs: list[tuple[str | None, Path]]) -> dict[str, list[ActText]]:
    """slug → the act texts given for it (one per language)."""
    acts: dict[str, list[ActText]] = {}
    for slug, path in expand(specs):
        if not path.exists():
            raise InputError("no such act file", str(path), hint="--act SLUG=FILE names the text in force")
        act = load_act(path)
        acts.setdefault(slug or slug_of(act, path), []).append(act)
    return acts


def for_language(acts: dict[str, list[ActText]], language: str) -> dict[str, ActText]:
    """The version of each act in the bill's language (the only version when there is one)."""
    chosen = {}
    for slug, versions in acts.items():
        same = [act for act in versions if act.language == language]
        chosen[slug] = (same or versions)[0]
    return chosen
