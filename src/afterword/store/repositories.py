"""Repository interfaces. Services depend on these, never on a backend.

The SQLCipher implementation is :mod:`afterword.store.sqlite`; a PostgreSQL one can implement
the same protocols (its search would use tsvector instead of FTS5) without touching services.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from afterword.domain.entries import (
    Entry,
    EntryFilter,
    NewEntry,
    SearchHit,
    SearchQuery,
    TagCount,
)
from afterword.domain.episodes import Episode
from afterword.domain.people import Person


class EntryRepository(Protocol):
    def add(self, new: NewEntry) -> Entry: ...
    def add_many(self, news: Sequence[NewEntry]) -> builtins.list[int]: ...
    def get(self, entry_id: int) -> Entry | None: ...
    def get_many(self, entry_ids: Sequence[int]) -> builtins.list[Entry]: ...
    def update(self, entry_id: int, changes: dict[str, Any]) -> Entry | None: ...
    def delete(self, entry_id: int) -> bool: ...
    def list(
        self, filters: EntryFilter, limit: int | None, offset: int
    ) -> builtins.list[Entry]: ...
    def iterate(self, filters: EntryFilter, batch: int = 500) -> Iterator[Entry]: ...
    def count(self, filters: EntryFilter) -> int: ...
    def search(
        self, query: SearchQuery, filters: EntryFilter, limit: int, offset: int
    ) -> builtins.list[SearchHit]: ...
    def existing_uids(self, uids: Sequence[str]) -> set[str]: ...
    def tags(self) -> builtins.list[TagCount]: ...


class PersonRepository(Protocol):
    def ensure(self, alias: str) -> Person: ...
    def find(self, alias: str) -> Person | None: ...
    def get(self, person_id: int) -> Person | None: ...
    def all(self) -> builtins.list[Person]: ...
    def set_note(self, person_id: int, note: str | None) -> None: ...


class EpisodeRepository(Protocol):
    def add(
        self,
        title: str,
        person_id: int | None,
        started_on: date | None,
        ended_on: date | None,
        note: str | None,
    ) -> Episode: ...
    def get(self, episode_id: int) -> Episode | None: ...
    def find(self, title: str) -> builtins.list[Episode]: ...
    def all(self) -> builtins.list[Episode]: ...


@dataclass
class Repositories:
    """The repositories of one unit of work (one transaction)."""

    entries: EntryRepository
    people: PersonRepository
    episodes: EpisodeRepository
    session: Any  # the SQLAlchemy Session, for areas that bring their own repositories
    analysis: Any = None  # SqlAnalysisRepository: results, embeddings, feedback


class Store(Protocol):
    """Opens units of work. ``write()`` takes the write lock at the start (or raises Busy)."""

    def read(self) -> AbstractContextManager[Repositories]: ...
    def write(self) -> AbstractContextManager[Repositories]: ...
    def integrity(self) -> dict[str, Any]: ...
    def close(self) -> None: ...
