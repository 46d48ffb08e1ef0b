"""One uploaded draft out of a multipart request, read into memory within the CLI's size limit.

Starlette's form parser spools files above 1 MB to a temporary file on disk; a confidential
draft must not land there, so the parser here keeps the whole (bounded) upload in memory and the
body is counted while it streams in, not trusted from Content-Length alone.
"""

from __future__ import annotations

import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import ClientDisconnect, Request

from checker.model import LANGUAGES
from checker.reading import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES

FORM_OVERHEAD = 64 * 1024  # boundaries, part headers and the language field around the file
MAX_NAME = 200


@dataclass(frozen=True)
class Upload:
    """What the drafter sent: the file's bytes and name, and the report language they chose."""

    data: bytes
    name: str
    lang: str


class UploadError(Exception):
    """A request the server refuses: HTTP status, an i18n key and the values its text needs."""

    def __init__(self, status: int, key: str, **values: object):
        super().__init__(key)
        self.status = status
        self.key = key
        self.values = values
        self.lang: str | None = None  # the language the drafter chose, once the form is read


async def _bounded(request: Request, limit: int) -> AsyncIterator[bytes]:
    seen = 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen > limit:
            raise UploadError(413, "too_large")
        yield chunk


async def read_upload(request: Request, max_bytes: int = DEFAULT_MAX_BYTES) -> Upload:
    """The upload, or UploadError naming what is wrong with the request."""
    limit = max_bytes + FORM_OVERHEAD
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise UploadError(413, "too_large")
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise UploadError(400, "bad_form")
    parser = MultiPartParser(request.headers, _bounded(request, limit), max_files=1, max_fields=4,
                             max_part_size=1024)
    parser.spool_max_size = limit + 1  # in memory, never rolled over to a file on disk
    try:
        form = await parser.parse()
    except (MultiPartException, ClientDisconnect, KeyError, ValueError):
        raise UploadError(400, "bad_form") from None
    lang = form.get("lang")
    try:
        if lang not in LANGUAGES:
            raise UploadError(400, "bad_lang")
        draft = form.get("draft")
        if not isinstance(draft, UploadFile) or not draft.filename:
            raise UploadError(400, "no_file")
        name = safe_name(draft.filename)
        suffix = PurePosixPath(name).suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            raise UploadError(415, "bad_type", suffix=suffix)
        data = await draft.read()
        if not data:
            raise UploadError(400, "empty_file")
        if len(data) > max_bytes:
            raise UploadError(413, "too_large")
    except UploadError as exc:
        exc.lang = str(lang) if lang in LANGUAGES else None
        raise
    finally:
        await form.close()
    return Upload(data=data, name=name, lang=str(lang))


def safe_name(filename: str) -> str:
    """The file's own name without any folder a browser sent, control characters or excess length."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    if len(base) > MAX_NAME:
        stem, dot, suffix = base.rpartition(".")
        base = (stem[: MAX_NAME - len(suffix) - 1] + dot + suffix) if dot and len(suffix) < 10 else base[:MAX_NAME]
    return base or "draft.txt"
