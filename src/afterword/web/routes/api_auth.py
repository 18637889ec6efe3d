"""API: create the journal, unlock it for a bearer token, lock it, status."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from afterword.web.routes.pages_settings import apply_preferences
from afterword.web.schemas import ERRORS, CreatedJournal, NewJournal, Passphrase, SessionOut, Status
from afterword.web.security import bearer_token

router = APIRouter(prefix="/api/v1", tags=["session"], responses=ERRORS)


@router.get("/status", response_model=Status)
def status(request: Request) -> Status:
    gate = request.app.state.gate
    token = bearer_token(request)
    allowed = gate.token_valid(token) if token else request.state.session.authenticated
    return Status(journal_exists=gate.journal_exists(),
                  unlocked=bool(allowed and gate.is_unlocked),
                  auto_lock_seconds=gate.auto_lock_seconds)


@router.post("/journal", response_model=CreatedJournal, status_code=201)
def create_journal(request: Request, body: NewJournal) -> CreatedJournal:
    """Create the journal. The recovery key is returned once; keep it somewhere safe."""
    gate = request.app.state.gate
    recovery_key = gate.create(body.passphrase)
    apply_preferences(request, gate.peek())
    return CreatedJournal(token=gate.issue_token(), recovery_key=recovery_key,
                          auto_lock_seconds=gate.auto_lock_seconds)


@router.post("/session", response_model=SessionOut, status_code=201)
def unlock(request: Request, body: Passphrase) -> SessionOut:
    """Unlock the journal and get a bearer token for the other endpoints."""
    gate = request.app.state.gate
    apply_preferences(request, gate.unlock(body.passphrase))
    return SessionOut(token=gate.issue_token(), auto_lock_seconds=gate.auto_lock_seconds)


@router.delete("/session", status_code=204)
def lock(request: Request) -> Response:
    """Lock the journal for everyone: every token and browser session ends."""
    request.app.state.gate.lock()
    return Response(status_code=204)
