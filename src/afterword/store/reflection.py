"""Tables of the reflect area (revision 0003_reflection): flow runs with their saved state,
boundaries with their edit history, pillar weights, the safety plan's versions, the person's own
resources, crisis check-ins and feedback on suggested thinking traps.

Everything lives inside the encrypted vault, like the rest of the journal.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from afterword.store.base import Base
from afterword.store.types import UtcMicros


class FlowRunRow(Base):
    """One guided flow (reflection, partner check, safety plan, survivor): its whole state."""

    __tablename__ = "flow_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    flow: Mapped[str] = mapped_column(String(40), index=True)
    episode_id: Mapped[int | None] = mapped_column(
        ForeignKey("episodes.id", ondelete="SET NULL"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(16))  # "active" or "completed"
    track: Mapped[str] = mapped_column(String(40))  # the flow being walked now
    state_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcMicros)
    updated_at: Mapped[datetime] = mapped_column(UtcMicros)
    completed_at: Mapped[datetime | None] = mapped_column(UtcMicros)


class BoundaryRow(Base):
    __tablename__ = "boundaries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))  # "active" or "retired"
    origin_kind: Mapped[str] = mapped_column(String(16))  # "reflection" or "manual"
    origin_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("flow_runs.id", ondelete="SET NULL"), index=True
    )
    origin_episode_id: Mapped[int | None] = mapped_column(
        ForeignKey("episodes.id", ondelete="SET NULL")
    )
    pillars: Mapped[str] = mapped_column(String(200), default="")  # comma-separated ids
    created_at: Mapped[datetime] = mapped_column(UtcMicros)
    updated_at: Mapped[datetime] = mapped_column(UtcMicros)


class BoundaryChangeRow(Base):
    __tablename__ = "boundary_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    boundary_id: Mapped[int] = mapped_column(
        ForeignKey("boundaries.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UtcMicros)
    action: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)


class PillarWeightRow(Base):
    __tablename__ = "pillar_weights"

    pillar: Mapped[str] = mapped_column(String(32), primary_key=True)
    weight: Mapped[int] = mapped_column(Integer)


class SafetyPlanVersionRow(Base):
    """Each save of the safety plan; the newest row is the plan."""

    __tablename__ = "safety_plan_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sections_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcMicros)


class OwnResourceRow(Base):
    __tablename__ = "own_resources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    locale: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(200))
    contact: Mapped[str] = mapped_column(String(200))
    about: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcMicros)


class CrisisCheckRow(Base):
    """A crisis check-in: only what was chosen, never any text."""

    __tablename__ = "crisis_checks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcMicros, index=True)
    trigger: Mapped[str] = mapped_column(String(16))
    response: Mapped[str | None] = mapped_column(String(16))
    session: Mapped[str] = mapped_column(String(64))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("flow_runs.id", ondelete="SET NULL"))


class TrapFeedbackRow(Base):
    """The person's verdict on a suggested thinking trap for one thought of a reflection."""

    __tablename__ = "trap_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("flow_runs.id", ondelete="CASCADE"),
                                        index=True)
    step_key: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(64))
    verdict: Mapped[str] = mapped_column(String(16))  # "confirmed" or "doesnt_fit"
    suggested: Mapped[int] = mapped_column(Integer)  # 1 when the detector suggested it
    created_at: Mapped[datetime] = mapped_column(UtcMicros)
