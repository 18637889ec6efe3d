"""Every router of the web app, pages first, then the API."""

from __future__ import annotations

from fastapi import APIRouter


def _collect() -> list[APIRouter]:
    from afterword.web.routes import (
        api_auth,
        api_journal,
        api_reflect,
        pages_auth,
        pages_episodes,
        pages_journal,
        pages_progress,
        pages_reflect,
        pages_settings,
        pages_support,
    )

    return [pages_auth.router, pages_journal.router, pages_episodes.router,
            pages_settings.router, pages_reflect.router, pages_support.router,
            pages_progress.router,
            api_auth.router, api_journal.router, api_reflect.router]


ROUTERS = _collect()
