"""Pages: create or unlock the journal, lock it, quick exit, the neutral page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from afterword.errors import AfterwordError, WrongPassphrase
from afterword.messages import msg
from afterword.web.errors import headers_for
from afterword.web.templating import render, see

router = APIRouter(include_in_schema=False)


def apply_preferences(request: Request, unlocked: object) -> None:
    from afterword.web.routes.pages_settings import apply_preferences as apply

    apply(request, unlocked)


def _new_passphrase_problem(passphrase: str, confirm: str) -> str | None:
    """Why a new passphrase cannot be used, or None when it can."""
    if len(passphrase) < 8:
        return msg("web.create.too_short")
    if passphrase != confirm:
        return msg("web.create.mismatch")
    return None


def _refused(request: Request, page: str, exc: AfterwordError) -> Response:
    """The form again with the calm reason; while unlocking pauses, 429 and Retry-After."""
    response = render(request, page, exc.http_status, error=exc.user_message())
    response.headers.update(headers_for(exc) or {})
    return response


def _signed_in(request: Request, unlocked: object) -> None:
    request.state.session.authenticated = True
    apply_preferences(request, unlocked)


@router.get("/")
def home(request: Request) -> Response:
    gate = request.app.state.gate
    if not gate.journal_exists():
        return see("/create")
    if request.state.session.authenticated and gate.is_unlocked:
        return see("/write")
    return see("/unlock")


@router.get("/create")
def create_page(request: Request) -> Response:
    gate = request.app.state.gate
    if gate.journal_exists():
        return see("/unlock")
    return render(request, "create.html", journal_path=str(request.app.state.journal_path))


@router.post("/create")
def create(request: Request, passphrase: Annotated[str, Form()] = "",
           confirm: Annotated[str, Form()] = "") -> Response:
    gate = request.app.state.gate
    path = str(request.app.state.journal_path)
    if gate.journal_exists():
        return see("/unlock")
    problem = _new_passphrase_problem(passphrase, confirm)
    if problem is not None:
        return render(request, "create.html", 422, journal_path=path, error=problem)
    recovery_key = gate.create(passphrase)
    _signed_in(request, gate.peek())
    return render(request, "recovery.html", 201, recovery_key=recovery_key)


@router.get("/unlock")
def unlock_page(request: Request) -> Response:
    gate = request.app.state.gate
    if not gate.journal_exists():
        return see("/create")
    if request.state.session.authenticated and gate.is_unlocked:
        return see("/write")
    notice = msg("web.unlock.locked_notice") if request.query_params.get("locked") else None
    return render(request, "unlock.html", notice=notice)


@router.post("/unlock")
def unlock(request: Request, passphrase: Annotated[str, Form()] = "") -> Response:
    gate = request.app.state.gate
    try:
        unlocked = gate.unlock(passphrase)
    except WrongPassphrase as exc:
        return render(request, "unlock.html", 401, error=exc.user_message())
    except AfterwordError as exc:
        return _refused(request, "unlock.html", exc)
    _signed_in(request, unlocked)
    return see("/write")


@router.get("/recover")
def recover_page(request: Request) -> Response:
    if not request.app.state.gate.journal_exists():
        return see("/create")
    return render(request, "recover.html")


@router.post("/recover")
def recover(request: Request, recovery_key: Annotated[str, Form()] = "",
            passphrase: Annotated[str, Form()] = "",
            confirm: Annotated[str, Form()] = "") -> Response:
    """Forgot the passphrase: the recovery key sets a new one (only the key header changes)."""
    gate = request.app.state.gate
    problem = _new_passphrase_problem(passphrase, confirm)
    if problem is not None:
        return render(request, "recover.html", 422, error=problem)
    try:
        unlocked = gate.recover(recovery_key, passphrase)
    except AfterwordError as exc:
        return _refused(request, "recover.html", exc)
    _signed_in(request, unlocked)
    return see("/write")


@router.post("/lock")
def lock(request: Request) -> Response:
    request.app.state.gate.lock()
    if request.headers.get("hx-request"):
        return Response(status_code=204, headers={"HX-Redirect": "/unlock"})
    return see("/unlock")


@router.post("/keepalive")
def keepalive(request: Request) -> Response:
    """The page saw someone reading or typing: count it as activity for the auto-lock."""
    gate = request.app.state.gate
    if request.state.session.authenticated and gate.is_unlocked:
        gate.journal()
    return Response(status_code=204)


@router.post("/quick-exit")
def quick_exit(request: Request) -> Response:
    request.app.state.gate.lock()
    return see("/away")


@router.get("/away")
def away(request: Request) -> Response:
    return render(request, "away.html")


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}
