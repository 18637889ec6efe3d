"""The web app factory. Nothing is built at import time: ``create_app`` wires everything.

    services = bootstrap.build(settings)
    app = create_app(services, settings)

Pages (Jinja2 + HTMX) and the JSON API under ``/api/v1`` are thin layers over the same services.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from afterword import __version__, config
from afterword.web import errors, logs
from afterword.web.backoff import UnlockBackoff
from afterword.web.security import (
    HostGuard,
    SecurityHeaders,
    SessionCookie,
    allowed_hosts,
    csrf_guard,
)
from afterword.web.sessions import Clock, Gate
from afterword.web.templating import make_templates

STATIC_DIR = Path(__file__).parent / "static"


def create_app(services: Any, settings: Any, *, clock: Clock | None = None,
               detector: Any = None) -> FastAPI:
    """Build the app over ``services``.

    ``clock`` (monotonic seconds, for the auto-lock and the pause after wrong passphrases) and
    ``detector`` (what the guided flows use to screen answers; by default the local analysis
    engine) can be injected.
    """
    from afterword.web.routes import ROUTERS

    clock = clock or time.monotonic
    backoff = UnlockBackoff(free_attempts=int(settings.unlock_free_attempts),
                            max_delay=float(settings.unlock_max_delay_seconds), clock=clock)
    gate = Gate(services, auto_lock_minutes=int(settings.auto_lock_minutes), clock=clock,
                backoff=backoff)
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Lock on time even when no request comes in, so the key does not stay in memory.
        async def sweep() -> None:
            while True:
                await asyncio.sleep(5)
                gate.expire_if_idle()

        task = asyncio.create_task(sweep())
        try:
            yield
        finally:
            task.cancel()
            gate.lock()

    app = FastAPI(
        lifespan=lifespan,
        title="Afterword API",
        version=__version__,
        description="The local JSON API of Afterword. Every error uses the envelope "
                    '{"error": {"code", "message", "hint"}}.',
        docs_url=None,  # the interactive docs load scripts from a CDN; the schema is enough
        redoc_url=None,
        openapi_url="/openapi.json",
        dependencies=[Depends(csrf_guard)],
    )
    app.state.services = services
    app.state.settings = settings
    app.state.gate = gate
    app.state.templates = make_templates()
    app.state.journal_path = config.journal_path(settings)
    app.state.detector = detector

    errors.install(app)
    logs.install()
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    # Outermost last: headers wrap everything, then the Host check, then the session.
    app.add_middleware(errors.ErrorBoundary)
    app.add_middleware(SessionCookie, gate=gate)
    app.add_middleware(HostGuard, allowed=allowed_hosts(str(settings.host), int(settings.port)))
    app.add_middleware(SecurityHeaders)
    return app
