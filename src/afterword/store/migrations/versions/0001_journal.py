"""Journal core: entries, tags, people, episodes, and the SQLite full-text index.

Revision ID: 0001_journal
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_journal"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.Integer),
        sa.Column("alias", sa.String(64), nullable=False),
        sa.Column("alias_key", sa.String(64), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("created_at", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_people"),
        sa.UniqueConstraint("alias_key", name="uq_people_alias_key"),
    )
    op.create_table(
        "episodes",
        sa.Column("id", sa.Integer),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("person_id", sa.Integer),
        sa.Column("started_on", sa.Date),
        sa.Column("ended_on", sa.Date),
        sa.Column("note", sa.Text),
        sa.Column("created_at", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_episodes"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="SET NULL",
                                name="fk_episodes_person_id_people"),
    )
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer),
        sa.Column("name", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_tags"),
        sa.UniqueConstraint("name", name="uq_tags_name"),
    )
    op.create_table(
        "entries",
        sa.Column("id", sa.Integer),
        sa.Column("uid", sa.String(80), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", sa.BigInteger, nullable=False),
        sa.Column("updated_at", sa.BigInteger, nullable=False),
        sa.Column("tz_offset", sa.Integer, nullable=False),
        sa.Column("mood", sa.SmallInteger),
        sa.Column("episode_id", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_entries"),
        sa.UniqueConstraint("uid", name="uq_entries_uid"),
        sa.ForeignKeyConstraint(["episode_id"], ["episodes.id"], ondelete="SET NULL",
                                name="fk_entries_episode_id_episodes"),
        sa.CheckConstraint("mood IS NULL OR mood BETWEEN -2 AND 2", name="mood_range"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_entries_created_at", "entries", ["created_at"])
    op.create_index("ix_entries_episode_id", "entries", ["episode_id"])
    op.create_table(
        "entry_tags",
        sa.Column("entry_id", sa.Integer, nullable=False),
        sa.Column("tag_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("entry_id", "tag_id", name="pk_entry_tags"),
        sa.ForeignKeyConstraint(["entry_id"], ["entries.id"], ondelete="CASCADE",
                                name="fk_entry_tags_entry_id_entries"),
        sa.ForeignKeyConstraint(["tag_id"], ["tags.id"], ondelete="CASCADE",
                                name="fk_entry_tags_tag_id_tags"),
    )
    op.create_index("ix_entry_tags_tag_id", "entry_tags", ["tag_id"])
    op.create_table(
        "entry_people",
        sa.Column("entry_id", sa.Integer, nullable=False),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("entry_id", "person_id", name="pk_entry_people"),
        sa.ForeignKeyConstraint(["entry_id"], ["entries.id"], ondelete="CASCADE",
                                name="fk_entry_people_entry_id_entries"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE",
                                name="fk_entry_people_person_id_people"),
    )
    op.create_index("ix_entry_people_person_id", "entry_people", ["person_id"])

    if op.get_bind().dialect.name == "sqlite":
        from afterword.store import fts

        for statement in fts.CREATE:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        from afterword.store import fts

        for statement in fts.DROP:
            op.execute(statement)
    for table in ("entry_people", "entry_tags", "entries", "tags", "episodes", "people"):
        op.drop_table(table)
