"""Journal use cases: write, read, change, delete, list and search entries; people; episodes.

Works only through the repository interfaces (:mod:`afterword.store.repositories`). Rule
violations from the domain become :class:`~afterword.errors.InvalidInput` with catalogue text.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from afterword.config import Settings
from afterword.domain import entries as dom
from afterword.domain.entries import Entry, EntryFilter, SearchHit, TagCount
from afterword.domain.episodes import Episode, validate_episode
from afterword.domain.people import Person
from afterword.errors import InvalidInput, NotFound
from afterword.messages import msg


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()

MAX_PAGE = 1000


@contextmanager
def domain_rules() -> Iterator[None]:
    """Turn a broken domain rule into InvalidInput worded by the catalogue."""
    try:
        yield
    except dom.DomainError as exc:
        raise InvalidInput(msg(exc.key, **exc.values)) from None


def new_uid() -> str:
    return uuid.uuid4().hex


class JournalService:
    def __init__(self, store: Any, settings: Settings, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._settings = settings
        self._clock = clock

    # --- entries -----------------------------------------------------------------------------

    def write(
        self,
        body: str,
        *,
        title: str | None = None,
        mood: int | None = None,
        tags: Sequence[str] = (),
        people: Sequence[str] = (),
        episode: int | None = None,
        created_at: datetime | None = None,
    ) -> Entry:
        now = self._clock()
        with domain_rules():
            if created_at is not None:
                dom.require_aware(created_at, "created_at")
            new = dom.new_entry(
                body=body,
                uid=new_uid(),
                created_at=created_at or now,
                updated_at=now if created_at is None else max(now, created_at),
                title=title,
                mood=mood,
                tags=list(tags),
                people=list(people),
                episode_id=episode,
            )
        with self._store.write() as repos:
            if episode is not None and repos.episodes.get(episode) is None:
                raise NotFound(msg("journal.no_episode", ref=episode))
            entry: Entry = repos.entries.add(new)
        return entry

    def get(self, entry_id: int) -> Entry:
        with self._store.read() as repos:
            entry = repos.entries.get(entry_id)
        if entry is None:
            raise NotFound(msg("journal.no_entry", id=entry_id))
        return entry

    def update(
        self,
        entry_id: int,
        *,
        body: str = UNSET,
        title: str | None = UNSET,
        mood: int | None = UNSET,
        tags: Sequence[str] = UNSET,
        people: Sequence[str] = UNSET,
        episode: int | None = UNSET,
        created_at: datetime = UNSET,
    ) -> Entry:
        changes: dict[str, Any] = {"updated_at": self._clock()}
        with domain_rules():
            if body is not UNSET:
                if not isinstance(body, str):
                    raise dom.DomainError("journal.bad_body")
                changes["body"] = body
            if title is not UNSET:
                changes["title"] = dom.normalize_title(title)
            if mood is not UNSET:
                changes["mood"] = dom.validate_mood(mood)
            if tags is not UNSET:
                changes["tags"] = dom.normalize_tags(list(tags))
            if people is not UNSET:
                changes["people"] = dom.normalize_aliases(list(people))
            if created_at is not UNSET:
                changes["created_at"] = dom.require_aware(created_at, "created_at")
        if episode is not UNSET:
            changes["episode_id"] = episode
        with self._store.write() as repos:
            if episode not in (UNSET, None) and repos.episodes.get(episode) is None:
                raise NotFound(msg("journal.no_episode", ref=episode))
            entry: Entry | None = repos.entries.update(entry_id, changes)
        if entry is None:
            raise NotFound(msg("journal.no_entry", id=entry_id))
        return entry

    def delete(self, entry_id: int) -> None:
        with self._store.write() as repos:
            if not repos.entries.delete(entry_id):
                raise NotFound(msg("journal.no_entry", id=entry_id))

    def list(
        self, filters: EntryFilter | None = None, limit: int | None = 20, offset: int = 0
    ) -> list[Entry]:
        _check_page(limit, offset)
        with self._store.read() as repos:
            return list(repos.entries.list(filters or EntryFilter(), limit, offset))

    def count(self, filters: EntryFilter | None = None) -> int:
        with self._store.read() as repos:
            return int(repos.entries.count(filters or EntryFilter()))

    def search(
        self,
        query: str,
        filters: EntryFilter | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Ranked matches with highlighted snippets. Words must all match; ``"a phrase"`` and
        ``prefix*`` are understood; other punctuation is ignored."""
        _check_page(limit, offset)
        with domain_rules():
            parsed = dom.parse_query(query)
        with self._store.read() as repos:
            return list(repos.entries.search(parsed, filters or EntryFilter(), limit, offset))

    def iterate(self, filters: EntryFilter | None = None) -> Iterator[Entry]:
        """Every entry (oldest first) in one read transaction, for export."""
        with self._store.read() as repos:
            yield from repos.entries.iterate(filters or EntryFilter())

    def tags(self) -> list[TagCount]:
        with self._store.read() as repos:
            return list(repos.entries.tags())

    # --- people ------------------------------------------------------------------------------

    def people(self) -> list[Person]:
        with self._store.read() as repos:
            return list(repos.people.all())

    def add_person(self, alias: str, note: str | None = None) -> Person:
        with domain_rules():
            clean = dom.normalize_alias(alias)
        with self._store.write() as repos:
            person: Person = repos.people.ensure(clean)
            if note is not None:
                repos.people.set_note(person.id, note)
                person = repos.people.get(person.id)
        return person

    # --- episodes ----------------------------------------------------------------------------

    def episodes(self) -> list[Episode]:
        with self._store.read() as repos:
            return list(repos.episodes.all())

    def episode(self, episode_id: int) -> Episode:
        with self._store.read() as repos:
            found = repos.episodes.get(episode_id)
        if found is None:
            raise NotFound(msg("journal.no_episode", ref=episode_id))
        return found

    def find_episode(self, ref: str) -> Episode:
        """An episode by its number or its exact title (case-insensitive)."""
        if ref.strip().isdigit():
            return self.episode(int(ref))
        with self._store.read() as repos:
            found = repos.episodes.find(ref)
        if not found:
            raise NotFound(msg("journal.no_episode", ref=ref))
        if len(found) > 1:
            raise InvalidInput(msg("journal.episode_ambiguous", ref=ref))
        return found[0]

    def add_episode(
        self,
        title: str,
        *,
        person: str | None = None,
        started_on: date | None = None,
        ended_on: date | None = None,
        note: str | None = None,
    ) -> Episode:
        with domain_rules():
            clean = validate_episode(title, started_on, ended_on)
            alias = dom.normalize_alias(person) if person is not None else None
        with self._store.write() as repos:
            person_id = repos.people.ensure(alias).id if alias is not None else None
            episode: Episode = repos.episodes.add(clean, person_id, started_on, ended_on, note)
        return episode

    # --- for the exchange service ------------------------------------------------------------

    @property
    def store(self) -> Any:
        return self._store

    @property
    def settings(self) -> Settings:
        return self._settings


def _check_page(limit: int | None, offset: int) -> None:
    if (limit is not None and not 1 <= limit <= MAX_PAGE) or offset < 0:
        raise InvalidInput(msg("journal.bad_page", limit=MAX_PAGE))
