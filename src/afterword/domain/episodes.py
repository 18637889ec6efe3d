"""Episodes: one encounter or relationship being processed; entries can belong to one. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from afterword.domain.entries import DomainError

MAX_EPISODE_TITLE = 200


@dataclass(frozen=True)
class Episode:
    id: int
    title: str
    created_at: datetime
    person: str | None = None
    started_on: date | None = None
    ended_on: date | None = None
    note: str | None = None
    entry_count: int = 0


def validate_episode(
    title: str, started_on: date | None = None, ended_on: date | None = None
) -> str:
    """The trimmed title, or a :class:`DomainError` for an empty title or reversed dates."""
    cleaned = title.strip()
    if not cleaned or len(cleaned) > MAX_EPISODE_TITLE:
        raise DomainError("journal.bad_episode_title", limit=MAX_EPISODE_TITLE)
    if started_on is not None and ended_on is not None and ended_on < started_on:
        raise DomainError("journal.episode_dates_reversed")
    return cleaned
