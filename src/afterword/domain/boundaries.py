"""The boundaries and values profile: statements with where they came from, whether they are
active, and every edit, plus how much each pillar weighs for the person.

Pure values and rules; the service stores them in the vault.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from afterword.domain.flow_errors import FlowError
from afterword.domain.flow_state import Value
from afterword.domain.pillars import PILLARS, parse_pillar

MAX_BOUNDARY = 500


class Status(StrEnum):
    ACTIVE = "active"
    RETIRED = "retired"


class Action(StrEnum):
    CREATED = "created"
    EDITED = "edited"
    RETIRED = "retired"
    REACTIVATED = "reactivated"


@dataclass(frozen=True)
class Origin:
    """Where a boundary came from: a reflection (run id and episode) or typed in directly."""

    kind: str  # "reflection" or "manual"
    run_id: int | None = None
    episode_id: int | None = None


@dataclass(frozen=True)
class Change:
    at: datetime
    action: Action
    text: str


@dataclass(frozen=True)
class Boundary:
    id: int | None
    text: str
    origin: Origin
    status: Status = Status.ACTIVE
    pillars: tuple[str, ...] = ()
    history: tuple[Change, ...] = field(default_factory=tuple)

    @property
    def active(self) -> bool:
        return self.status is Status.ACTIVE

    @property
    def created_at(self) -> datetime | None:
        return self.history[0].at if self.history else None

    def as_dict(self) -> dict[str, Value]:
        """The JSON form the CLI's --json and the web API give."""
        return {
            "id": self.id, "text": self.text, "status": self.status.value,
            "pillars": list(self.pillars),
            "origin": {"kind": self.origin.kind, "run_id": self.origin.run_id,
                       "episode_id": self.origin.episode_id},
            "history": [{"at": c.at.isoformat(), "action": c.action.value, "text": c.text}
                        for c in self.history],
        }


def clean_text(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise FlowError("reflect.invalid.boundary_empty")
    if len(cleaned) > MAX_BOUNDARY:
        raise FlowError("reflect.invalid.too_long", limit=MAX_BOUNDARY)
    return cleaned


def clean_pillars(pillars: Iterable[str]) -> tuple[str, ...]:
    chosen = {parse_pillar(p) for p in pillars}
    return tuple(p for p in PILLARS if p in chosen)


def new(text: str, origin: Origin, at: datetime, pillars: Iterable[str] = ()) -> Boundary:
    text = clean_text(text)
    return Boundary(id=None, text=text, origin=origin, pillars=clean_pillars(pillars),
                    history=(Change(at, Action.CREATED, text),))


def edit(boundary: Boundary, text: str, at: datetime) -> Boundary:
    text = clean_text(text)
    if text == boundary.text:
        return boundary
    change = Change(at, Action.EDITED, text)
    return replace(boundary, text=text, history=(*boundary.history, change))


def retire(boundary: Boundary, at: datetime) -> Boundary:
    if not boundary.active:
        return boundary
    return replace(boundary, status=Status.RETIRED,
                   history=(*boundary.history, Change(at, Action.RETIRED, boundary.text)))


def reactivate(boundary: Boundary, at: datetime) -> Boundary:
    if boundary.active:
        return boundary
    return replace(boundary, status=Status.ACTIVE,
                   history=(*boundary.history, Change(at, Action.REACTIVATED, boundary.text)))


def set_pillars(boundary: Boundary, pillars: Iterable[str]) -> Boundary:
    return replace(boundary, pillars=clean_pillars(pillars))


def applicable(boundaries: Sequence[Boundary], pillar: str) -> list[Boundary]:
    """Active boundaries tagged with `pillar`."""
    return [b for b in boundaries if b.active and pillar in b.pillars]


def untagged(boundaries: Sequence[Boundary]) -> list[Boundary]:
    """Active boundaries tagged with no pillar: they apply everywhere, so they are shown once."""
    return [b for b in boundaries if b.active and not b.pillars]
