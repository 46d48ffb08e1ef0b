"""The web application: GET / is the upload form, POST /check answers with the report.

Starlette was chosen over FastAPI: the app has two routes and one form, so FastAPI's
request-model layer (pydantic validation, OpenAPI) would add nothing but weight, and Starlette
is what FastAPI runs on anyway. Every refusal is a page in the drafter's language with a 4xx
status; nothing about a draft outlives its request.
"""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from checker.reading import DEFAULT_MAX_BYTES
from checker.serve.i18n import pick_language, t
from checker.serve.pages import form_page, report_page, size_text
from checker.serve.pool import CheckPool
from checker.serve.security import SecurityHeaders
from checker.serve.upload import UploadError, read_upload

CHECK_SECONDS = 120.0  # one draft; the omnibus benchmark drafts take a few seconds
MAX_PENDING = 64  # requests being read or checked at once; more get "busy, try again"

PAGE_STATUS = {"not_found": 404}


def create_app(pool: CheckPool, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = CHECK_SECONDS,
               max_pending: int = MAX_PENDING) -> Starlette:
    """The app around a started CheckPool; the pool is closed when the app shuts down."""
    busy = [0]  # requests in flight; one event loop, so a plain counter is safe

    def ui_lang(request: Request, chosen: str | None = None) -> str:
        return pick_language(chosen or request.query_params.get("lang"),
                             request.headers.get("accept-language"))

    def refuse(request: Request, status: int, message: str, lang: str, detail: str | None = None,
               headers: dict[str, str] | None = None) -> HTMLResponse:
        page = form_page(lang, request.state.nonce, max_bytes, error=message, detail=detail)
        return HTMLResponse(page, status_code=status, headers=headers)

    async def home(request: Request) -> Response:
        return HTMLResponse(form_page(ui_lang(request), request.state.nonce, max_bytes))

    async def check(request: Request) -> Response:
        if busy[0] >= max_pending:
            lang = ui_lang(request)
            return refuse(request, 503, t("busy", lang), lang, headers={"Retry-After": "30"})
        busy[0] += 1
        try:
            try:
                upload = await read_upload(request, max_bytes)
            except UploadError as exc:
                lang = ui_lang(request, exc.lang)
                values = {**exc.values, "limit": size_text(max_bytes)}
                return refuse(request, exc.status, t(exc.key, lang, **values), lang)
            try:
                checked = await pool.check(upload.data, upload.name, upload.lang, timeout)
            except asyncio.TimeoutError:
                return refuse(request, 503, t("timeout", upload.lang, seconds=int(timeout)), upload.lang)
        finally:
            busy[0] -= 1
        if checked.internal:
            return refuse(request, 500, t("internal", upload.lang), upload.lang)
        if checked.error is not None:
            return refuse(request, 422, t("unreadable", upload.lang), upload.lang, detail=checked.error)
        return HTMLResponse(report_page(checked.reports, upload.name, upload.lang, request.state.nonce,
                                        checked.tables))

    async def http_error(request: Request, exc: Any) -> Response:
        lang = ui_lang(request)
        status = getattr(exc, "status_code", 500)
        message = t("not_found", lang) if status == 404 else str(getattr(exc, "detail", "")) or t("internal", lang)
        return refuse(request, status, message, lang, headers=getattr(exc, "headers", None))

    @asynccontextmanager
    async def lifespan(app: Starlette):  # type: ignore[no-untyped-def]
        yield
        pool.close()

    return Starlette(
        routes=[Route("/", home, methods=["GET"]), Route("/check", check, methods=["POST"])],
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={HTTPException: http_error},
        lifespan=lifespan,
    )
