"""The web app's drafts and preferences, inside the vault.

Revision ID: 0005_web
Revises: 0004_progress
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_web"
down_revision = "0004_progress"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "web_drafts",
        sa.Column("slot", sa.String(64), nullable=False),
        sa.Column("fields_json", sa.Text, nullable=False),
        sa.Column("updated_at", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("slot", name="pk_web_drafts"),
    )
    op.create_table(
        "web_preferences",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("value_json", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_web_preferences"),
    )


def downgrade() -> None:
    op.drop_table("web_preferences")
    op.drop_table("web_drafts")
