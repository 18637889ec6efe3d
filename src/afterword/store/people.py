"""People (aliases) and episodes, in portable SQL."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.orm import Session

from afterword.domain.episodes import Episode
from afterword.domain.people import Person
from afterword.store.models import EntryRow, EpisodeRow, PersonRow, entry_people

P = cast(Table, PersonRow.__table__)
EP = cast(Table, EpisodeRow.__table__)
E = cast(Table, EntryRow.__table__)


def _now() -> datetime:
    return datetime.now(UTC)


class SqlPersonRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _select(self) -> Any:
        count = (
            select(func.count(entry_people.c.entry_id))
            .where(entry_people.c.person_id == P.c.id)
            .scalar_subquery()
        )
        return select(P, count.label("entry_count"))

    def _person(self, row: Any) -> Person:
        return Person(row.id, row.alias, row.created_at, row.note, int(row.entry_count))

    def find(self, alias: str) -> Person | None:
        row = self._session.execute(
            self._select().where(P.c.alias_key == alias.casefold())
        ).first()
        return self._person(row) if row is not None else None

    def get(self, person_id: int) -> Person | None:
        row = self._session.execute(self._select().where(P.c.id == person_id)).first()
        return self._person(row) if row is not None else None

    def ensure(self, alias: str) -> Person:
        found = self.find(alias)
        if found is not None:
            return found
        self._session.execute(
            insert(P).values(alias=alias, alias_key=alias.casefold(), created_at=_now())
        )
        person = self.find(alias)
        assert person is not None
        return person

    def all(self) -> list[Person]:
        rows = self._session.execute(self._select().order_by(P.c.alias_key)).all()
        return [self._person(r) for r in rows]

    def set_note(self, person_id: int, note: str | None) -> None:
        self._session.execute(update(P).where(P.c.id == person_id).values(note=note))


class SqlEpisodeRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _select(self) -> Any:
        count = select(func.count(E.c.id)).where(E.c.episode_id == EP.c.id).scalar_subquery()
        return select(EP, P.c.alias, count.label("entry_count")).outerjoin(
            P, P.c.id == EP.c.person_id
        )

    def _episode(self, row: Any) -> Episode:
        return Episode(
            id=row.id,
            title=row.title,
            created_at=row.created_at,
            person=row.alias,
            started_on=row.started_on,
            ended_on=row.ended_on,
            note=row.note,
            entry_count=int(row.entry_count),
        )

    def add(
        self,
        title: str,
        person_id: int | None,
        started_on: date | None,
        ended_on: date | None,
        note: str | None,
    ) -> Episode:
        result: Any = self._session.execute(
            insert(EP).values(
                title=title,
                person_id=person_id,
                started_on=started_on,
                ended_on=ended_on,
                note=note,
                created_at=_now(),
            )
        )
        episode = self.get(int(result.inserted_primary_key[0]))
        assert episode is not None
        return episode

    def get(self, episode_id: int) -> Episode | None:
        row = self._session.execute(self._select().where(EP.c.id == episode_id)).first()
        return self._episode(row) if row is not None else None

    def find(self, title: str) -> list[Episode]:
        rows = self._session.execute(
            self._select().where(func.lower(EP.c.title) == title.strip().lower())
        ).all()
        return [self._episode(r) for r in rows]

    def all(self) -> list[Episode]:
        rows = self._session.execute(self._select().order_by(EP.c.created_at.desc())).all()
        return [self._episode(r) for r in rows]
