"""Analysis results, embeddings and feedback on detections, all inside the vault.

Revision ID: 0002_analysis
Revises: 0001_journal
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_analysis"
down_revision = "0001_journal"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entry_analysis",
        sa.Column("entry_id", sa.Integer, nullable=False),
        sa.Column("result_json", sa.Text, nullable=False),
        sa.Column("model_name", sa.String(200)),
        sa.Column("model_version", sa.String(100)),
        sa.Column("analyzed_at", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("entry_id", name="pk_entry_analysis"),
        sa.ForeignKeyConstraint(["entry_id"], ["entries.id"], ondelete="CASCADE",
                                name="fk_entry_analysis_entry_id_entries"),
    )
    op.create_table(
        "entry_embeddings",
        sa.Column("entry_id", sa.Integer, nullable=False),
        sa.Column("model_name", sa.String(200)),
        sa.Column("dim", sa.Integer, nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("entry_id", name="pk_entry_embeddings"),
        sa.ForeignKeyConstraint(["entry_id"], ["entries.id"], ondelete="CASCADE",
                                name="fk_entry_embeddings_entry_id_entries"),
    )
    op.create_table(
        "detection_feedback",
        sa.Column("id", sa.Integer),
        sa.Column("entry_id", sa.Integer, nullable=False),
        sa.Column("detector", sa.String(64), nullable=False),
        sa.Column("label", sa.String(64), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("created_at", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_detection_feedback"),
        sa.ForeignKeyConstraint(["entry_id"], ["entries.id"], ondelete="CASCADE",
                                name="fk_detection_feedback_entry_id_entries"),
        sa.CheckConstraint("verdict IN ('doesnt_fit', 'confirmed')", name="verdict_known"),
    )
    op.create_index("ix_detection_feedback_entry_id", "detection_feedback", ["entry_id"])


def downgrade() -> None:
    op.drop_index("ix_detection_feedback_entry_id", "detection_feedback")
    for table in ("detection_feedback", "entry_embeddings", "entry_analysis"):
        op.drop_table(table)
