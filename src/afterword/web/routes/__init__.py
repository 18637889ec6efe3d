"""Every router of the web app, pages first, then the API."""

from __future__ import annotations

from fastapi import APIRouter


def _collect() -> list[APIRouter]:
    from afterword.web.routes import api_auth, pages_auth

    return [pages_auth.router, api_auth.router]


ROUTERS = _collect()
