"""Pydantic models of the JSON API: what goes in and out of /api/v1, and so the OpenAPI doc."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorDetail(BaseModel):
    code: str
    message: str
    hint: str | None = None


class ErrorEnvelope(BaseModel):
    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorEnvelope, "description": desc}
    for status, desc in (
        (400, "Bad request"),
        (401, "Locked: unlock first, or the token has expired"),
        (403, "CSRF token missing or wrong"),
        (404, "Not found"),
        (409, "Conflict"),
        (422, "Invalid input"),
        (503, "Journal busy"),
    )
}


class Passphrase(BaseModel):
    model_config = ConfigDict(extra="forbid")
    passphrase: str = Field(min_length=1, max_length=1024)


class NewJournal(BaseModel):
    model_config = ConfigDict(extra="forbid")
    passphrase: str = Field(min_length=8, max_length=1024)


class SessionOut(BaseModel):
    token: str
    token_type: str = "bearer"
    auto_lock_seconds: int


class CreatedJournal(SessionOut):
    recovery_key: str


class Status(BaseModel):
    journal_exists: bool
    unlocked: bool
    auto_lock_seconds: int
