"""Progress: measures and their answers, schedules, contact log, personal ratings, views seen.

Revision ID: 0004_progress
Revises: 0003_reflection
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_progress"
down_revision = "0003_reflection"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "measure_administrations",
        sa.Column("id", sa.Integer),
        sa.Column("scale_id", sa.String(16), nullable=False),
        sa.Column("taken_at", sa.BigInteger, nullable=False),
        sa.Column("total", sa.Float, nullable=False),
        sa.Column("band", sa.String(32)),
        sa.Column("crisis", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_measure_administrations"),
    )
    op.create_index("ix_measure_administrations_scale_id", "measure_administrations",
                    ["scale_id"])
    op.create_index("ix_measure_administrations_taken_at", "measure_administrations",
                    ["taken_at"])
    op.create_table(
        "measure_answers",
        sa.Column("administration_id", sa.Integer, nullable=False),
        sa.Column("item", sa.SmallInteger, nullable=False),
        sa.Column("value", sa.SmallInteger, nullable=False),
        sa.PrimaryKeyConstraint("administration_id", "item", name="pk_measure_answers"),
        sa.ForeignKeyConstraint(
            ["administration_id"], ["measure_administrations.id"], ondelete="CASCADE",
            name="fk_measure_answers_administration_id_measure_administrations"),
    )
    op.create_table(
        "measure_schedules",
        sa.Column("scale_id", sa.String(16), nullable=False),
        sa.Column("every_days", sa.Integer, nullable=False),
        sa.Column("created_at", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("scale_id", name="pk_measure_schedules"),
    )
    op.create_table(
        "contact_events",
        sa.Column("id", sa.Integer),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("created_at", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_contact_events"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE",
                                name="fk_contact_events_person_id_people"),
        sa.CheckConstraint("kind IN ('contact', 'checked_profile')", name="kind_known"),
    )
    op.create_index("ix_contact_events_person_id", "contact_events", ["person_id"])
    op.create_table(
        "personal_ratings",
        sa.Column("id", sa.Integer),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("question", sa.Text),
        sa.Column("value", sa.SmallInteger, nullable=False),
        sa.Column("rated_at", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_personal_ratings"),
    )
    op.create_index("ix_personal_ratings_key", "personal_ratings", ["key"])
    op.create_table(
        "progress_views",
        sa.Column("section", sa.String(32), nullable=False),
        sa.Column("first_seen_at", sa.BigInteger, nullable=False),
        sa.Column("last_seen_at", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("section", name="pk_progress_views"),
    )


def downgrade() -> None:
    op.drop_index("ix_personal_ratings_key", "personal_ratings")
    op.drop_index("ix_contact_events_person_id", "contact_events")
    op.drop_index("ix_measure_administrations_taken_at", "measure_administrations")
    op.drop_index("ix_measure_administrations_scale_id", "measure_administrations")
    for table in ("progress_views", "personal_ratings", "contact_events", "measure_schedules",
                  "measure_answers", "measure_administrations"):
        op.drop_table(table)
