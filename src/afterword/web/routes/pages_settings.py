"""Pages: settings (resources locale, auto-lock delay) and export / import."""

from __future__ import annotations

import io
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from afterword.errors import AfterwordError, InvalidInput
from afterword.messages import msg
from afterword.web.deps import Unlocked
from afterword.web.drafts import AUTO_LOCK_RANGE, LOCALES, Preferences, effective
from afterword.web.errors import user_message
from afterword.web.forms import field, optional_int
from afterword.web.templating import render, see

router = APIRouter(include_in_schema=False)

EXPORT_FORMATS = {"json": ("application/json", "json"), "markdown": ("text/markdown", "md")}
IMPORT_FORMATS = ("auto", "afterword", "jrnl", "dayone")


def apply_preferences(request: Request, unlocked: Any) -> None:
    """Bring the gate in line with the person's saved choices (on unlock and on change)."""
    prefs = effective(unlocked, request.app.state.settings)
    request.app.state.gate.auto_lock_seconds = prefs["auto_lock_minutes"] * 60


@router.get("/settings")
def settings_page(request: Request, unlocked: Unlocked) -> Response:
    saved = request.query_params.get("saved") == "1"
    return render(request, "settings.html", prefs=effective(unlocked, request.app.state.settings),
                  locales=LOCALES, saved=saved, low=AUTO_LOCK_RANGE[0], high=AUTO_LOCK_RANGE[1])


@router.post("/settings")
async def save_settings(request: Request, unlocked: Unlocked) -> Response:
    form = await request.form()
    locale = field(form, "locale")
    try:
        minutes = optional_int(field(form, "auto_lock_minutes"), "auto_lock_minutes")
        if locale not in LOCALES:
            raise InvalidInput(msg("web.settings.bad_locale"))
        if minutes is None or not AUTO_LOCK_RANGE[0] <= minutes <= AUTO_LOCK_RANGE[1]:
            raise InvalidInput(msg("web.settings.bad_minutes", low=AUTO_LOCK_RANGE[0],
                                   high=AUTO_LOCK_RANGE[1]))
    except AfterwordError as exc:
        return render(request, "settings.html", exc.http_status,
                      prefs=effective(unlocked, request.app.state.settings), locales=LOCALES,
                      error=user_message(exc), low=AUTO_LOCK_RANGE[0], high=AUTO_LOCK_RANGE[1])
    prefs = Preferences(unlocked)
    prefs.set("locale", locale)
    prefs.set("auto_lock_minutes", minutes)
    apply_preferences(request, unlocked)
    return see("/settings?saved=1")


@router.get("/exchange")
def exchange_page(request: Request, unlocked: Unlocked) -> Response:
    return render(request, "exchange.html", formats=IMPORT_FORMATS)


@router.get("/export")
def export(request: Request, unlocked: Unlocked) -> Response:
    """Download the whole journal. Reading only, so GET; the file is plaintext (warned)."""
    fmt = request.query_params.get("format", "json")
    if fmt not in EXPORT_FORMATS:
        raise InvalidInput(msg("web.exchange.bad_format"))
    media_type, suffix = EXPORT_FORMATS[fmt]
    buffer = io.StringIO()
    if fmt == "json":
        unlocked.exchange.export_json(buffer)
    else:
        unlocked.exchange.export_markdown(buffer)
    name = f"afterword-export.{suffix}"
    return Response(buffer.getvalue().encode("utf-8"), media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.post("/import")
async def import_entries(request: Request, unlocked: Unlocked) -> Response:
    from afterword.services import formats
    from afterword.web.forms import local_tz
    from afterword.web.security import read_form

    form = await read_form(request)
    fmt = field(form, "format", "auto")
    upload = form.get("file")
    try:
        if fmt not in IMPORT_FORMATS:
            raise InvalidInput(msg("web.exchange.bad_format"))
        if upload is None or isinstance(upload, str):
            raise InvalidInput(msg("web.exchange.no_file"))
        raw = await upload.read()
        if not raw:
            raise InvalidInput(msg("web.exchange.no_file"))
        batch = formats.parse(formats.decode(raw), fmt, local_tz())
        del raw
        report = unlocked.exchange.import_batch(batch)
    except AfterwordError as exc:
        return render(request, "exchange.html", exc.http_status, formats=IMPORT_FORMATS,
                      error=user_message(exc))
    return render(request, "exchange.html", formats=IMPORT_FORMATS, report=report)
