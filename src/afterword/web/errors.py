"""The one error boundary of the web app.

Every error leaves through ``error_body``: API clients get the JSON envelope
``{"error": {"code", "message", "hint"}}``; people in the browser get the same words on a page.
Nothing here ever includes the request body, a query string or an exception's text, because
any of them can hold entry text.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from afterword.errors import AfterwordError, Locked, TooManyAttempts
from afterword.messages import MissingMessage, has, msg

log = logging.getLogger("afterword.web")

API_PREFIX = "/api/"

_HTTP_CODES = {
    400: "bad_request",
    401: "locked",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_input",
    429: "too_many_attempts",
}


def error_body(code: str, message: str, hint: str | None = None) -> dict[str, Any]:
    """The envelope every API error uses. The only place it is built."""
    return {"error": {"code": code, "message": message, "hint": hint}}


def hint_for(code: str) -> str | None:
    key = f"web.hint.{code}"
    return msg(key) if has(key) else None


def _message_for_http(status: int) -> str:
    key = f"web.http.{status}"
    return msg(key) if has(key) else msg("web.http.other")


def user_message(exc: AfterwordError) -> str:
    try:
        return exc.user_message()
    except MissingMessage:  # a catalogue gap must not turn a clear error into a crash
        log.error("missing message for error code %s", exc.code)
        return _message_for_http(exc.http_status)


def is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX) or request.url.path == "/openapi.json"


def envelope_response(status: int, code: str, message: str, hint: str | None = None,
                      headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, hint), status_code=status, headers=headers)


def headers_for(exc: AfterwordError) -> dict[str, str] | None:
    """Extra response headers an error asks for: how long to wait before unlocking again."""
    if isinstance(exc, TooManyAttempts):
        return {"Retry-After": str(exc.retry_after)}
    return None


def _page_response(request: Request, status: int, code: str, message: str,
                   hint: str | None, headers: dict[str, str] | None = None) -> Response:
    if code == Locked.code:
        if request.headers.get("hx-request"):
            return Response(status_code=204, headers={"HX-Redirect": "/unlock"})
        return RedirectResponse("/unlock", status_code=303)
    templates = request.app.state.templates
    response: Response = templates.TemplateResponse(
        request, "error.html",
        {"status": status, "code": code, "message": message, "hint": hint},
        status_code=status, headers=headers,
    )
    return response


def respond(request: Request, status: int, code: str, message: str,
            hint: str | None = None, headers: dict[str, str] | None = None) -> Response:
    if is_api(request):
        if status == 401:
            headers = {**(headers or {}), "WWW-Authenticate": "Bearer"}
        return envelope_response(status, code, message, hint, headers)
    return _page_response(request, status, code, message, hint, headers)


def install(app: FastAPI) -> None:
    """Route every kind of failure through ``respond``."""

    @app.exception_handler(AfterwordError)
    async def _afterword_error(request: Request, exc: AfterwordError) -> Response:
        return respond(request, exc.http_status, exc.code, user_message(exc), hint_for(exc.code),
                       headers_for(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        # Name the fields, never echo their values: a value can be entry text.
        fields = sorted({".".join(str(p) for p in e.get("loc", ()) if p != "body")
                         for e in exc.errors()} - {""})
        hint = msg("web.hint.fields", fields=", ".join(fields)) if fields else None
        return respond(request, 422, "invalid_input", msg("common.invalid_input"), hint)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        return respond(request, exc.status_code, code, _message_for_http(exc.status_code),
                       hint_for(code))



def log_unexpected(exc: BaseException, method: str, path: str) -> None:
    """The type, route and stack frames only: an exception's text can hold entry text."""
    frames = "\n".join(f"  {f.filename}:{f.lineno} in {f.name}"
                       for f in traceback.extract_tb(exc.__traceback__))
    log.error("unexpected %s on %s %s\n%s", type(exc).__name__, method, path, frames)


class ErrorBoundary:
    """Catch what no handler caught, answer 500 in the usual shape, and never re-raise (a
    re-raised exception would be logged by the server with its message)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:  # noqa: BLE001 - this is the boundary
            request = Request(scope)
            log_unexpected(exc, request.method, request.url.path)
            if started:
                return
            response = respond(request, 500, "unexpected", msg("web.error.unexpected"),
                               hint_for("unexpected"))
            await response(scope, receive, send)
