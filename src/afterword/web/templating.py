"""Jinja2 set-up: autoescaped templates, the message catalogue as ``t()``, shared context; and
the two answers a page route gives: a rendered page or a redirect after a form."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from afterword.messages import msg
from afterword.web import highlight

TEMPLATES_DIR = Path(__file__).parent / "templates"


def _context(request: Request) -> dict[str, Any]:
    session = request.state.session
    gate = request.app.state.gate
    unlocked = session.authenticated and gate.is_unlocked
    return {
        "csrf_token": session.csrf,
        "unlocked": unlocked,
        "auto_lock_seconds": gate.auto_lock_seconds,
        "path": request.url.path,
    }


def _when(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.astimezone().strftime("%a %d %b %Y, %H:%M")


def _day(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.astimezone().strftime("%d %b %Y")


def _t(key: str, **values: object) -> str:
    return msg(key, **values)


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["t"] = _t
    env.globals["spans"] = lambda highlights: [(h.start, h.end) for h in highlights]
    env.filters["when"] = _when
    env.filters["day"] = _day
    env.filters["marked"] = lambda text, spans: Markup(highlight.mark(text, spans))
    env.filters["paragraphs"] = lambda text: Markup(highlight.paragraphs(text))
    return Jinja2Templates(env=env, context_processors=[_context])


def render(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    response: Response = request.app.state.templates.TemplateResponse(
        request, name, context, status_code=status)
    return response


def see(url: str) -> RedirectResponse:
    """After a form: the browser goes on to ``url`` with a GET (303 See Other)."""
    return RedirectResponse(url, status_code=303)
