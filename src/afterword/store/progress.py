"""Progress tables (revision 0004_progress): measures, schedules, contact log, personal ratings,
and which progress views the person has looked at (the report's default sections).

Everything lives inside the encrypted vault, like the rest of the journal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Integer,
    SmallInteger,
    String,
    Text,
    delete,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from afterword.store.base import Base
from afterword.store.types import UtcMicros

CONTACT_KINDS = ("contact", "checked_profile")


class MeasureAdministrationRow(Base):
    __tablename__ = "measure_administrations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scale_id: Mapped[str] = mapped_column(String(16), index=True)
    taken_at: Mapped[datetime] = mapped_column(UtcMicros, index=True)
    total: Mapped[float] = mapped_column(Float)
    band: Mapped[str | None] = mapped_column(String(32))
    crisis: Mapped[bool] = mapped_column(Boolean, default=False)


class MeasureAnswerRow(Base):
    __tablename__ = "measure_answers"

    administration_id: Mapped[int] = mapped_column(
        ForeignKey("measure_administrations.id", ondelete="CASCADE"), primary_key=True
    )
    item: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    value: Mapped[int] = mapped_column(SmallInteger)


class MeasureScheduleRow(Base):
    __tablename__ = "measure_schedules"

    scale_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    every_days: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcMicros)


class ContactEventRow(Base):
    __tablename__ = "contact_events"
    __table_args__ = (
        CheckConstraint("kind IN ('contact', 'checked_profile')", name="kind_known"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    occurred_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcMicros)


class PersonalRatingRow(Base):
    """A home-made 0-10 rating. Not a validated measure, and labelled so wherever shown."""

    __tablename__ = "personal_ratings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), index=True)
    question: Mapped[str | None] = mapped_column(Text)
    value: Mapped[int] = mapped_column(SmallInteger)
    rated_at: Mapped[datetime] = mapped_column(UtcMicros)


class ProgressViewRow(Base):
    __tablename__ = "progress_views"

    section: Mapped[str] = mapped_column(String(32), primary_key=True)
    first_seen_at: Mapped[datetime] = mapped_column(UtcMicros)
    last_seen_at: Mapped[datetime] = mapped_column(UtcMicros)


# --- Plain records handed to the services ------------------------------------------------------


@dataclass(frozen=True)
class Administration:
    id: int
    scale_id: str
    taken_at: datetime
    total: float
    band: str | None
    crisis: bool
    answers: tuple[int, ...]


@dataclass(frozen=True)
class ContactEvent:
    id: int
    person_id: int
    kind: str
    occurred_on: date


@dataclass(frozen=True)
class PersonalRating:
    id: int
    key: str
    question: str | None
    value: int
    rated_at: datetime


class ProgressRepository:
    """All progress SQL, on a session the caller owns (and commits)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # measures
    def add_administration(
        self,
        scale_id: str,
        taken_at: datetime,
        total: float,
        band: str | None,
        crisis: bool,
        answers: Sequence[int],
    ) -> Administration:
        row = MeasureAdministrationRow(
            scale_id=scale_id, taken_at=taken_at, total=total, band=band, crisis=crisis
        )
        self.session.add(row)
        self.session.flush()
        for item, value in enumerate(answers, start=1):
            self.session.add(MeasureAnswerRow(administration_id=row.id, item=item, value=value))
        self.session.flush()
        return Administration(row.id, scale_id, taken_at, total, band, crisis, tuple(answers))

    def administrations(
        self,
        scale_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[Administration]:
        stmt = select(MeasureAdministrationRow).order_by(
            MeasureAdministrationRow.taken_at, MeasureAdministrationRow.id
        )
        if scale_id is not None:
            stmt = stmt.where(MeasureAdministrationRow.scale_id == scale_id)
        if since is not None:
            stmt = stmt.where(MeasureAdministrationRow.taken_at >= since)
        if until is not None:
            stmt = stmt.where(MeasureAdministrationRow.taken_at < until)
        rows = self.session.scalars(stmt).all()
        answers: dict[int, list[int]] = {r.id: [] for r in rows}
        if rows:
            for a in self.session.scalars(
                select(MeasureAnswerRow)
                .where(MeasureAnswerRow.administration_id.in_(list(answers)))
                .order_by(MeasureAnswerRow.administration_id, MeasureAnswerRow.item)
            ):
                answers[a.administration_id].append(a.value)
        return [
            Administration(
                r.id, r.scale_id, r.taken_at, r.total, r.band, r.crisis, tuple(answers[r.id])
            )
            for r in rows
        ]

    # schedules
    def set_schedule(self, scale_id: str, every_days: int, now: datetime) -> None:
        row = self.session.get(MeasureScheduleRow, scale_id)
        if row is None:
            self.session.add(
                MeasureScheduleRow(scale_id=scale_id, every_days=every_days, created_at=now)
            )
        else:
            row.every_days = every_days
        self.session.flush()

    def clear_schedule(self, scale_id: str) -> bool:
        result = self.session.execute(
            delete(MeasureScheduleRow).where(MeasureScheduleRow.scale_id == scale_id)
        )
        return bool(getattr(result, "rowcount", 0))

    def schedules(self) -> dict[str, int]:
        rows = self.session.scalars(select(MeasureScheduleRow)).all()
        return {r.scale_id: r.every_days for r in rows}

    # contact
    def add_contact(
        self, person_id: int, kind: str, occurred_on: date, now: datetime
    ) -> ContactEvent:
        if kind not in CONTACT_KINDS:
            raise ValueError(kind)
        row = ContactEventRow(
            person_id=person_id, kind=kind, occurred_on=occurred_on, created_at=now
        )
        self.session.add(row)
        self.session.flush()
        return ContactEvent(row.id, person_id, kind, occurred_on)

    def contacts(self, person_id: int | None = None) -> list[ContactEvent]:
        stmt = select(ContactEventRow).order_by(ContactEventRow.occurred_on, ContactEventRow.id)
        if person_id is not None:
            stmt = stmt.where(ContactEventRow.person_id == person_id)
        return [
            ContactEvent(r.id, r.person_id, r.kind, r.occurred_on)
            for r in self.session.scalars(stmt)
        ]

    # personal ratings
    def add_rating(
        self, key: str, question: str | None, value: int, rated_at: datetime
    ) -> PersonalRating:
        row = PersonalRatingRow(key=key, question=question, value=value, rated_at=rated_at)
        self.session.add(row)
        self.session.flush()
        return PersonalRating(row.id, key, question, value, rated_at)

    def ratings(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> list[PersonalRating]:
        stmt = select(PersonalRatingRow).order_by(PersonalRatingRow.rated_at, PersonalRatingRow.id)
        if since is not None:
            stmt = stmt.where(PersonalRatingRow.rated_at >= since)
        if until is not None:
            stmt = stmt.where(PersonalRatingRow.rated_at < until)
        return [
            PersonalRating(r.id, r.key, r.question, r.value, r.rated_at)
            for r in self.session.scalars(stmt)
        ]

    # what the person has looked at
    def mark_seen(self, sections: Sequence[str], now: datetime) -> None:
        for section in sections:
            row = self.session.get(ProgressViewRow, section)
            if row is None:
                self.session.add(
                    ProgressViewRow(section=section, first_seen_at=now, last_seen_at=now)
                )
            else:
                row.last_seen_at = now
        self.session.flush()

    def seen(self) -> list[str]:
        return list(self.session.scalars(select(ProgressViewRow.section)))


# --- Read-only views of the core's analysis tables (0002_analysis) -----------------------------


@dataclass(frozen=True)
class StoredAnalysis:
    entry_id: int
    result_json: str


@dataclass(frozen=True)
class StoredFeedback:
    entry_id: int
    detector: str
    label: str
    verdict: str
    created_at: datetime


class AnalysisReader:
    """Reads stored analysis results, embeddings and feedback for trends and similarity."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def results(self, entry_ids: Sequence[int]) -> list[StoredAnalysis]:
        from afterword.store.analysis import EntryAnalysisRow

        if not entry_ids:
            return []
        rows = self.session.execute(
            select(EntryAnalysisRow.entry_id, EntryAnalysisRow.result_json).where(
                EntryAnalysisRow.entry_id.in_(list(entry_ids))
            )
        ).all()
        return [StoredAnalysis(r.entry_id, r.result_json) for r in rows]

    def feedback(self, entry_ids: Sequence[int]) -> list[StoredFeedback]:
        from afterword.store.analysis import DetectionFeedbackRow as F

        if not entry_ids:
            return []
        rows = self.session.scalars(
            select(F).where(F.entry_id.in_(list(entry_ids))).order_by(F.created_at, F.id)
        ).all()
        return [StoredFeedback(r.entry_id, r.detector, r.label, r.verdict, r.created_at)
                for r in rows]

    def embeddings(self) -> list[tuple[int, str | None, int, bytes]]:
        """Every stored embedding as (entry_id, model_name, dim, float32 bytes)."""
        from afterword.store.analysis import EntryEmbeddingRow as V

        rows = self.session.execute(select(V.entry_id, V.model_name, V.dim, V.vector)).all()
        return [(r.entry_id, r.model_name, r.dim, r.vector) for r in rows]
