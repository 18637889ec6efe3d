"""Entries, their tags and people, in SQL that works on SQLite and PostgreSQL alike.

Search is the one backend-specific part; it is passed in (see :mod:`afterword.store.sqlite`).
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, cast

from sqlalchemy import Table, and_, delete, exists, func, insert, select, update
from sqlalchemy.orm import Session

from afterword.domain.entries import (
    Entry,
    EntryFilter,
    NewEntry,
    SearchHit,
    SearchQuery,
    TagCount,
)
from afterword.store.models import EntryRow, PersonRow, TagRow, entry_people, entry_tags
from afterword.store.types import from_micros, to_micros

E = cast(Table, EntryRow.__table__)
T = cast(Table, TagRow.__table__)
P = cast(Table, PersonRow.__table__)

Searcher = Callable[[Session, "SqlEntryRepository", SearchQuery, EntryFilter, int, int],
                    list[SearchHit]]


def filter_clauses(filters: EntryFilter, *, per_row: bool = False) -> builtins.list[Any]:
    """WHERE clauses on the entries table for ``filters`` (shared with the search adapter).

    Tag and person filters are ``id IN (subquery)`` by default, which lets the planner start
    from the tag's few entries. ``per_row=True`` writes them as correlated EXISTS checks
    instead, for full-text search: there the index must drive the query, because starting
    from the tag would re-run the full-text match once per tagged entry.
    """
    clauses: builtins.list[Any] = []
    if filters.since is not None:
        clauses.append(E.c.created_at >= filters.since)
    if filters.until is not None:
        clauses.append(E.c.created_at < filters.until)
    if filters.mood_min is not None:
        clauses.append(E.c.mood >= filters.mood_min)
    if filters.mood_max is not None:
        clauses.append(E.c.mood <= filters.mood_max)
    if filters.episode_id is not None:
        clauses.append(E.c.episode_id == filters.episode_id)
    if filters.tag is not None:
        tagged = (select(entry_tags.c.entry_id).join(T, T.c.id == entry_tags.c.tag_id)
                  .where(T.c.name == filters.tag))
        clauses.append(
            exists(tagged.where(entry_tags.c.entry_id == E.c.id)) if per_row
            else E.c.id.in_(tagged)
        )
    if filters.person is not None:
        about = (select(entry_people.c.entry_id).join(P, P.c.id == entry_people.c.person_id)
                 .where(P.c.alias_key == filters.person.casefold()))
        clauses.append(
            exists(about.where(entry_people.c.entry_id == E.c.id)) if per_row
            else E.c.id.in_(about)
        )
    return clauses


class SqlEntryRepository:
    def __init__(self, session: Session, searcher: Searcher) -> None:
        self._session = session
        self._searcher = searcher

    # --- reading ---------------------------------------------------------------------------

    def _hydrate(self, rows: Sequence[Any]) -> builtins.list[Entry]:
        if not rows:
            return []
        ids = [row.id for row in rows]
        tags: dict[int, list[str]] = {}
        people: dict[int, list[str]] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start:chunk_start + 500]
            for entry_id, name in self._session.execute(
                select(entry_tags.c.entry_id, T.c.name)
                .join(T, T.c.id == entry_tags.c.tag_id)
                .where(entry_tags.c.entry_id.in_(chunk))
                .order_by(T.c.name)
            ):
                tags.setdefault(entry_id, []).append(name)
            for entry_id, alias in self._session.execute(
                select(entry_people.c.entry_id, P.c.alias)
                .join(P, P.c.id == entry_people.c.person_id)
                .where(entry_people.c.entry_id.in_(chunk))
                .order_by(P.c.alias_key)
            ):
                people.setdefault(entry_id, []).append(alias)
        return [
            _entry(row, tuple(tags.get(row.id, ())), tuple(people.get(row.id, ()))) for row in rows
        ]

    def get(self, entry_id: int) -> Entry | None:
        row = self._session.execute(select(E).where(E.c.id == entry_id)).first()
        return self._hydrate([row])[0] if row is not None else None

    def get_many(self, entry_ids: Sequence[int]) -> builtins.list[Entry]:
        rows = self._session.execute(select(E).where(E.c.id.in_(list(entry_ids)))).all()
        by_id = {e.id: e for e in self._hydrate(rows)}
        return [by_id[i] for i in entry_ids if i in by_id]

    def list(self, filters: EntryFilter, limit: int | None, offset: int) -> builtins.list[Entry]:
        per_row = limit is not None and self._walk_newest_first(filters, limit + offset)
        stmt = (
            select(E)
            .where(and_(True, *filter_clauses(filters, per_row=per_row)))
            .order_by(E.c.created_at.desc(), E.c.id.desc())
            .offset(offset)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        return self._hydrate(self._session.execute(stmt).all())

    def _walk_newest_first(self, filters: EntryFilter, wanted: int) -> bool:
        """Should a tag/person filter be checked entry by entry while walking newest-first?

        With N tagged entries out of M, walking finds ``wanted`` of them after about
        wanted * M / N steps; starting from the tag costs about N row reads and a sort. Walk
        when that is the cheaper one (a common tag); start from the tag when it is rare.
        """
        counts = []
        if filters.tag is not None:
            counts.append(self._session.execute(
                select(func.count()).select_from(entry_tags).join(T, T.c.id == entry_tags.c.tag_id)
                .where(T.c.name == filters.tag)).scalar_one())
        if filters.person is not None:
            counts.append(self._session.execute(
                select(func.count()).select_from(entry_people)
                .join(P, P.c.id == entry_people.c.person_id)
                .where(P.c.alias_key == filters.person.casefold())).scalar_one())
        if not counts:
            return False
        tagged = min(counts)
        total = self._session.execute(select(func.max(E.c.id))).scalar() or 0
        return tagged > 0 and wanted * total / tagged < tagged

    def iterate(self, filters: EntryFilter, batch: int = 500) -> Iterator[Entry]:
        """Oldest first, in batches, for export."""
        last = -1
        while True:
            rows = self._session.execute(
                select(E)
                .where(and_(E.c.id > last, *filter_clauses(filters)))
                .order_by(E.c.id)
                .limit(batch)
            ).all()
            if not rows:
                return
            yield from self._hydrate(rows)
            last = rows[-1].id

    def count(self, filters: EntryFilter) -> int:
        stmt = select(func.count()).select_from(E).where(and_(True, *filter_clauses(filters)))
        return int(self._session.execute(stmt).scalar_one())

    def search(
        self, query: SearchQuery, filters: EntryFilter, limit: int, offset: int
    ) -> builtins.list[SearchHit]:
        return self._searcher(self._session, self, query, filters, limit, offset)

    def existing_uids(self, uids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        unique = list(dict.fromkeys(uids))
        for start in range(0, len(unique), 500):
            chunk = unique[start:start + 500]
            found.update(self._session.execute(select(E.c.uid).where(E.c.uid.in_(chunk))).scalars())
        return found

    def tags(self) -> builtins.list[TagCount]:
        stmt = (
            select(T.c.name, func.count(entry_tags.c.entry_id))
            .join(entry_tags, entry_tags.c.tag_id == T.c.id)
            .group_by(T.c.name)
            .order_by(func.count(entry_tags.c.entry_id).desc(), T.c.name)
        )
        return [TagCount(name, int(count)) for name, count in self._session.execute(stmt)]

    # --- writing ---------------------------------------------------------------------------

    def add(self, new: NewEntry) -> Entry:
        ids = self.add_many([new])
        entry = self.get(ids[0])
        assert entry is not None
        return entry

    def add_many(self, news: Sequence[NewEntry]) -> builtins.list[int]:
        """Insert entries in order; returns their new ids. Tags and people are created as
        needed (people by case-insensitive alias)."""
        if not news:
            return []
        # One executemany per chunk, then the new ids by uid: the write lock is held, so every
        # id above the previous maximum is ours (AUTOINCREMENT never hands out a lower one).
        before = self._session.execute(select(func.max(E.c.id))).scalar() or 0
        for start in range(0, len(news), 2000):
            self._session.execute(insert(E), [_row_values(n) for n in news[start:start + 2000]])
        new_rows = self._session.execute(select(E.c.uid, E.c.id).where(E.c.id > before))
        id_by_uid = {row.uid: row.id for row in new_rows}
        ids = [int(id_by_uid[n.uid]) for n in news]
        tag_links: builtins.list[dict[str, int]] = []
        person_links: builtins.list[dict[str, int]] = []
        tag_ids = _TagCache(self._session)
        person_ids = _PersonCache(self._session)
        for entry_id, new in zip(ids, news, strict=True):
            tag_links.extend({"entry_id": entry_id, "tag_id": tag_ids.id(t)} for t in new.tags)
            person_links.extend(
                {"entry_id": entry_id, "person_id": person_ids.id(p, new.created_at)}
                for p in new.people
            )
        if tag_links:
            self._session.execute(insert(entry_tags), tag_links)
        if person_links:
            self._session.execute(insert(entry_people), person_links)
        return ids

    def update(self, entry_id: int, changes: dict[str, Any]) -> Entry | None:
        current = self.get(entry_id)
        if current is None:
            return None
        values: dict[str, Any] = {}
        for name in ("title", "body", "mood", "episode_id", "updated_at"):
            if name in changes:
                values[name] = changes[name]
        if "created_at" in changes:
            values["created_at"] = changes["created_at"]
            values["tz_offset"] = _offset_seconds(changes["created_at"])
        if values:
            self._session.execute(update(E).where(E.c.id == entry_id).values(**values))
        if "tags" in changes:
            self._session.execute(delete(entry_tags).where(entry_tags.c.entry_id == entry_id))
            cache = _TagCache(self._session)
            links = [{"entry_id": entry_id, "tag_id": cache.id(t)} for t in changes["tags"]]
            if links:
                self._session.execute(insert(entry_tags), links)
        if "people" in changes:
            self._session.execute(delete(entry_people).where(entry_people.c.entry_id == entry_id))
            people = _PersonCache(self._session)
            when = changes.get("updated_at") or current.updated_at
            plinks = [{"entry_id": entry_id, "person_id": people.id(p, when)}
                      for p in changes["people"]]
            if plinks:
                self._session.execute(insert(entry_people), plinks)
        return self.get(entry_id)

    def delete(self, entry_id: int) -> bool:
        result: Any = self._session.execute(delete(E).where(E.c.id == entry_id))
        return bool(result.rowcount)


class _TagCache:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._ids: dict[str, int] = {}

    def id(self, name: str) -> int:
        if name not in self._ids:
            found = self._session.execute(select(T.c.id).where(T.c.name == name)).scalar()
            if found is None:
                inserted: Any = self._session.execute(insert(T).values(name=name))
                found = inserted.inserted_primary_key[0]
            self._ids[name] = int(found)
        return self._ids[name]


class _PersonCache:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._ids: dict[str, int] = {}

    def id(self, alias: str, when: datetime) -> int:
        key = alias.casefold()
        if key not in self._ids:
            found = self._session.execute(select(P.c.id).where(P.c.alias_key == key)).scalar()
            if found is None:
                inserted: Any = self._session.execute(
                    insert(P).values(alias=alias, alias_key=key, created_at=when)
                )
                found = inserted.inserted_primary_key[0]
            self._ids[key] = int(found)
        return self._ids[key]


def _offset_seconds(moment: datetime) -> int:
    offset = moment.utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


def _row_values(new: NewEntry) -> dict[str, Any]:
    return {
        "uid": new.uid,
        "title": new.title,
        "body": new.body,
        "created_at": new.created_at,
        "updated_at": new.updated_at,
        "tz_offset": _offset_seconds(new.created_at),
        "mood": new.mood,
        "episode_id": new.episode_id,
    }


def _local(moment: datetime, offset_seconds: int) -> datetime:
    if offset_seconds == 0:
        return moment.astimezone(UTC)
    return moment.astimezone(timezone(timedelta(seconds=offset_seconds)))


def _entry(row: Any, tags: tuple[str, ...], people: tuple[str, ...]) -> Entry:
    created = row.created_at
    updated = row.updated_at
    if not isinstance(created, datetime):
        created = from_micros(created)
    if not isinstance(updated, datetime):
        updated = from_micros(updated)
    return Entry(
        id=row.id,
        uid=row.uid,
        body=row.body,
        title=row.title,
        created_at=_local(created, row.tz_offset),
        updated_at=_local(updated, row.tz_offset),
        mood=row.mood,
        tags=tags,
        people=people,
        episode_id=row.episode_id,
    )


__all__ = ["SqlEntryRepository", "filter_clauses", "to_micros"]
