"""Pydantic models of the JSON API: what goes in and out of /api/v1, and so the OpenAPI doc."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Path
from pydantic import BaseModel, ConfigDict, Field

# Row ids are SQLite integers; anything past 2**53 cannot be one (and JSON clients lose it).
Id = Annotated[int, Path(ge=1, le=2**53)]


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


# --- entries ----------------------------------------------------------------------------------

Mood = Field(default=None, ge=-2, le=2, description="-2 (very low) to 2 (good)")


class EntryOut(BaseModel):
    id: int
    uid: str
    title: str | None
    body: str
    created_at: str
    updated_at: str
    mood: int | None
    tags: list[str]
    people: list[str]
    episode: int | None


class EntryIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    body: str = Field(min_length=1, max_length=200_000)
    title: str | None = Field(default=None, max_length=500)
    mood: int | None = Mood
    tags: list[str] = Field(default_factory=list, max_length=50)
    people: list[str] = Field(default_factory=list, max_length=20)
    episode: int | None = Field(default=None, ge=1, le=2**53)


class EntryPatch(BaseModel):
    """Only the fields you send change."""

    model_config = ConfigDict(extra="forbid")
    body: str | None = Field(default=None, min_length=1, max_length=200_000)
    title: str | None = Field(default=None, max_length=500)
    mood: int | None = Mood
    tags: list[str] | None = Field(default=None, max_length=50)
    people: list[str] | None = Field(default=None, max_length=20)
    episode: int | None = Field(default=None, ge=1, le=2**53)


class EntryPage(BaseModel):
    items: list[EntryOut]
    total: int
    limit: int
    offset: int
    next_offset: int | None


class Hit(BaseModel):
    entry: EntryOut
    rank: float
    snippet: str
    highlights: list[list[int]]


class HitPage(BaseModel):
    items: list[Hit]
    limit: int
    offset: int
    next_offset: int | None


class TagOut(BaseModel):
    name: str
    entries: int


class PersonOut(BaseModel):
    id: int
    alias: str
    note: str | None
    created_at: str
    entries: int


class EpisodeOut(BaseModel):
    id: int
    title: str
    person: str | None
    started_on: str | None
    ended_on: str | None
    note: str | None
    created_at: str
    entries: int


class EpisodeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=1, max_length=200)
    person: str | None = Field(default=None, max_length=64)
    started_on: date | None = None
    ended_on: date | None = None
    note: str | None = Field(default=None, max_length=5000)


class TextIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=50_000)


class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    detector: Literal["traps", "themes", "emotions", "safety", "rumination"]
    label: str = Field(min_length=1, max_length=64)
    verdict: Literal["doesnt_fit", "confirmed"] = "doesnt_fit"


class AnalysisOut(BaseModel):
    """The analysis contract object (DESIGN §5; contracts/analysis-result.schema.json)."""

    model_config = ConfigDict(extra="allow")
    id: str | int | None = None
    safety: dict[str, Any]
    rumination: dict[str, Any]
    traps: list[dict[str, Any]]
    emotions: list[dict[str, Any]]
    themes: list[dict[str, Any]]
    model: dict[str, Any]


class EntryAnalysisOut(AnalysisOut):
    """An entry's stored analysis as it may be shown (DESIGN §3, ``afterword.services.care``)."""

    traps_withheld: Literal["nonconsent", "survivor_path"] | None = Field(
        None, description="Why `traps` is empty on purpose: the entry's own non-consent signal, "
        "or its episode's reflection is on the survivor path. Null when traps may be shown.")


# --- reflections, boundaries, partner checks -------------------------------------------------


class RunOut(BaseModel):
    id: int
    flow: str
    track: str
    status: str
    episode_id: int | None
    person_id: int | None
    created_at: str
    updated_at: str
    completed_at: str | None


class EventOut(BaseModel):
    kind: str
    data: dict[str, Any]


class RunState(BaseModel):
    """A run, the events its last change caused, and the step to show next (null when done).

    `step.prompt`, option labels and notes are message keys; `step.text` has them worded."""

    run: RunOut
    events: list[EventOut]
    step: dict[str, Any] | None


class StartRun(BaseModel):
    model_config = ConfigDict(extra="forbid")
    flow: Literal["reflection", "survivor", "safety_plan"] = "reflection"
    episode: int | None = Field(default=None, ge=1, le=2**53,
                                description="reflection: the episode")


class AnswerIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str = Field(min_length=1, max_length=200)
    value: Any = None


class BoundaryOut(BaseModel):
    id: int | None
    text: str
    status: str
    pillars: list[str]
    origin: dict[str, Any]
    history: list[dict[str, Any]]


class BoundaryIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=2000)
    pillars: list[str] = Field(default_factory=list, max_length=5)


class BoundaryPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(default=None, min_length=1, max_length=2000)
    pillars: list[str] | None = Field(default=None, max_length=5)
    status: Literal["active", "retired"] | None = None


class PartnerCheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    person: str = Field(min_length=1, max_length=64)


class ResourceOut(BaseModel):
    id: str
    locale: str
    kind: str
    name: str
    contact: str
    hours: str
    about: str
    last_verified: str | None
    own: bool
