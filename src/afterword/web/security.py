"""Request-level defences: local Host only, security headers, the session cookie, CSRF.

- Host: only ``127.0.0.1``, ``localhost`` and ``[::1]`` on the app's own port are served, so a
  web page on another site cannot reach the journal by rebinding its DNS name to 127.0.0.1.
- Headers: ``Cache-Control: no-store`` and a self-only Content-Security-Policy on everything.
- Cookie: ``HttpOnly; SameSite=Strict; Path=/``. It cannot be ``Secure`` because the local app
  speaks plain http on the loopback interface (see docs/web.md).
- CSRF: every request that is not GET/HEAD/OPTIONS carries the session's token, in the
  ``X-CSRF-Token`` header (HTMX, fetch) or a ``csrf_token`` form field; API clients using a
  bearer token need none, since browsers never attach that header on their own.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Iterable
from typing import Any

from fastapi import Request
from starlette.datastructures import MutableHeaders
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from afterword.errors import CsrfFailed, HostNotAllowed, InvalidInput, Locked
from afterword.messages import msg

MAX_UPLOAD_BYTES = 32 * 1024 * 1024
SESSION_COOKIE = "afterword_session"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
))

SECURITY_HEADERS = {
    "cache-control": "no-store",
    "pragma": "no-cache",
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    # same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on our own
    # form posts, and the Origin check below could no longer tell them from foreign ones.
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

# Bootstrap endpoints an API client calls before it has a token. They accept JSON only, which a
# cross-site page cannot send without a CORS preflight that this app never grants.
JSON_BOOTSTRAP_PATHS = frozenset({"/api/v1/session", "/api/v1/journal"})


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    names = set(LOCAL_NAMES)
    if host not in {"0.0.0.0", "::", ""}:
        names.add(f"[{host}]" if ":" in host and not host.startswith("[") else host)
    allowed = {f"{name}:{port}" for name in names}
    if port == 80:
        allowed |= names
    return frozenset(allowed)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return None


class HostGuard:
    """Answer 400 to any request whose Host is not the app's own loopback address."""

    def __init__(self, app: ASGIApp, allowed: Iterable[str]) -> None:
        self.app = app
        self.allowed = frozenset(h.lower() for h in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in {"http", "websocket"}:
            host = (_header(scope, b"host") or "").lower()
            if host not in self.allowed:
                await self._reject(scope, receive, send)
                return
        await self.app(scope, receive, send)

    async def _reject(self, scope: Scope, receive: Receive, send: Send) -> None:
        from afterword.web.errors import envelope_response

        error = HostNotAllowed()
        response = envelope_response(error.http_status, error.code, error.user_message(),
                                     msg("web.hint.host_not_allowed"))
        await response(scope, receive, send)


class SecurityHeaders:
    """Add the no-store, CSP and related headers to every response, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


class SessionCookie:
    """Give every browser a session (and so a CSRF token) before it does anything."""

    def __init__(self, app: ASGIApp, gate: Any) -> None:
        self.app = app
        self.gate = gate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sid = _cookie(_header(scope, b"cookie") or "", SESSION_COOKIE)
        session = self.gate.session(sid)
        scope.setdefault("state", {})["session"] = session
        fresh = session.sid != sid

        async def send_with_cookie(message: Message) -> None:
            if fresh and message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("set-cookie", session_cookie(session.sid))
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def session_cookie(sid: str) -> str:
    # No Max-Age: a session cookie that the browser drops when it closes.
    return f"{SESSION_COOKIE}={sid}; HttpOnly; SameSite=Strict; Path=/"


def _cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name and value:
            return value
    return None


def bearer_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return None


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None
    host = request.headers.get("host", "")
    return origin in {f"http://{host}", f"https://{host}"}


class _InMemoryMultiPartParser(MultiPartParser):
    # Starlette spools uploads over 1 MiB to a temporary file on disk; an import file is a
    # plaintext journal, so keep it in memory (up to the upload limit) instead.
    spool_max_size = MAX_UPLOAD_BYTES


async def read_form(request: Request) -> Any:
    """The request's form, with multipart uploads kept in memory (never a plaintext temp file).

    Parsed once and cached on the request, so the route's own ``request.form()`` reuses it.
    """
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data" and getattr(request, "_form", None) is None:
        size = int(request.headers.get("content-length") or 0)
        if size > MAX_UPLOAD_BYTES:
            raise InvalidInput(msg("web.form.too_big", limit=MAX_UPLOAD_BYTES // (1024 * 1024)))
        parser = _InMemoryMultiPartParser(request.headers, request.stream(), max_files=1,
                                          max_fields=50, max_part_size=MAX_UPLOAD_BYTES)
        try:
            request._form = await parser.parse()  # Starlette's cache slot for request.form()
        except MultiPartException:
            raise InvalidInput(msg("web.form.unreadable")) from None
    return await request.form()


async def csrf_guard(request: Request) -> AsyncIterator[None]:
    """Global dependency: refuse state changes without a valid CSRF token (or bearer token).

    Afterwards it closes any parsed form, so uploads held in memory are released."""
    await _check_csrf(request)
    try:
        yield
    finally:
        form = getattr(request, "_form", None)
        if form is not None:
            await form.close()
        if request.method not in SAFE_METHODS:
            # Anything may have changed entries: drop read caches built from them.
            request.app.state.gate.forget("tags")


async def _check_csrf(request: Request) -> None:
    if request.method in SAFE_METHODS:
        return
    if not _same_origin(request):
        raise CsrfFailed()
    gate = request.app.state.gate
    token = bearer_token(request)
    if token is not None:
        if gate.token_valid(token):
            return
        raise Locked()
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if request.url.path in JSON_BOOTSTRAP_PATHS and content_type == "application/json":
        return
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and content_type in {"application/x-www-form-urlencoded",
                                         "multipart/form-data"}:
        form = await read_form(request)
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    session = request.scope["state"]["session"]
    if not sent or not secrets.compare_digest(sent, session.csrf):
        raise CsrfFailed()
