"""API: create the journal, unlock it for a bearer token, lock it, status."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from afterword.web.routes.pages_settings import apply_preferences
from afterword.web.schemas import (
    ERRORS,
    CreatedJournal,
    ErrorEnvelope,
    NewJournal,
    Passphrase,
    SessionOut,
    Status,
)
from afterword.web.security import bearer_token

UNLOCK_PAUSED = "Unlocking pauses after wrong passphrases in a row; see Retry-After"

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


@router.post("/session", response_model=SessionOut, status_code=201,
             responses={429: {"model": ErrorEnvelope, "description": UNLOCK_PAUSED}})
def unlock(request: Request, body: Passphrase) -> SessionOut:
    """Unlock the journal and get a bearer token for the other endpoints.

    After `unlock_free_attempts` wrong passphrases in a row, attempts are refused with 429
    `too_many_attempts` and a `Retry-After` header (seconds) until the pause is over; the pause
    doubles from 1 s up to `unlock_max_delay_seconds`, and a right passphrase ends it."""
    gate = request.app.state.gate
    apply_preferences(request, gate.unlock(body.passphrase))
    return SessionOut(token=gate.issue_token(), auto_lock_seconds=gate.auto_lock_seconds)


@router.delete("/session", status_code=204)
def lock(request: Request) -> Response:
    """Lock the journal for everyone: every token and browser session ends."""
    request.app.state.gate.lock()
    return Response(status_code=204)
