"""Reflection flows, boundaries, pillar weights, safety plan, own resources, crisis check-ins
and trap feedback, all inside the vault.

Revision ID: 0003_reflection
Revises: 0002_analysis
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_reflection"
down_revision = "0002_analysis"
branch_labels = None
depends_on = None


def _pk(table: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("id", name=f"pk_{table}")


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], ondelete=ondelete,
                                   name=f"fk_{table}_{column}_{target}")


def upgrade() -> None:
    op.create_table(
        "flow_runs",
        sa.Column("id", sa.Integer),
        sa.Column("flow", sa.String(40), nullable=False),
        sa.Column("episode_id", sa.Integer),
        sa.Column("person_id", sa.Integer),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("track", sa.String(40), nullable=False),
        sa.Column("state_json", sa.Text, nullable=False),
        sa.Column("created_at", sa.BigInteger, nullable=False),
        sa.Column("updated_at", sa.BigInteger, nullable=False),
        sa.Column("completed_at", sa.BigInteger),
        _pk("flow_runs"),
        _fk("flow_runs", "episode_id", "episodes", "SET NULL"),
        _fk("flow_runs", "person_id", "people", "SET NULL"),
    )
    op.create_index("ix_flow_runs_flow", "flow_runs", ["flow"])
    op.create_index("ix_flow_runs_episode_id", "flow_runs", ["episode_id"])
    op.create_index("ix_flow_runs_person_id", "flow_runs", ["person_id"])
    op.create_table(
        "boundaries",
        sa.Column("id", sa.Integer),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("origin_kind", sa.String(16), nullable=False),
        sa.Column("origin_run_id", sa.Integer),
        sa.Column("origin_episode_id", sa.Integer),
        sa.Column("pillars", sa.String(200), nullable=False),
        sa.Column("created_at", sa.BigInteger, nullable=False),
        sa.Column("updated_at", sa.BigInteger, nullable=False),
        _pk("boundaries"),
        _fk("boundaries", "origin_run_id", "flow_runs", "SET NULL"),
        _fk("boundaries", "origin_episode_id", "episodes", "SET NULL"),
    )
    op.create_index("ix_boundaries_origin_run_id", "boundaries", ["origin_run_id"])
    op.create_table(
        "boundary_changes",
        sa.Column("id", sa.Integer),
        sa.Column("boundary_id", sa.Integer, nullable=False),
        sa.Column("at", sa.BigInteger, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        _pk("boundary_changes"),
        _fk("boundary_changes", "boundary_id", "boundaries", "CASCADE"),
    )
    op.create_index("ix_boundary_changes_boundary_id", "boundary_changes", ["boundary_id"])
    op.create_table(
        "pillar_weights",
        sa.Column("pillar", sa.String(32), nullable=False),
        sa.Column("weight", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("pillar", name="pk_pillar_weights"),
    )
    op.create_table(
        "safety_plan_versions",
        sa.Column("id", sa.Integer),
        sa.Column("sections_json", sa.Text, nullable=False),
        sa.Column("created_at", sa.BigInteger, nullable=False),
        _pk("safety_plan_versions"),
    )
    op.create_table(
        "own_resources",
        sa.Column("id", sa.Integer),
        sa.Column("locale", sa.String(8), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("contact", sa.String(200), nullable=False),
        sa.Column("about", sa.Text, nullable=False),
        sa.Column("created_at", sa.BigInteger, nullable=False),
        _pk("own_resources"),
    )
    op.create_table(
        "crisis_checks",
        sa.Column("id", sa.Integer),
        sa.Column("at", sa.BigInteger, nullable=False),
        sa.Column("trigger", sa.String(16), nullable=False),
        sa.Column("response", sa.String(16)),
        sa.Column("session", sa.String(64), nullable=False),
        sa.Column("run_id", sa.Integer),
        _pk("crisis_checks"),
        _fk("crisis_checks", "run_id", "flow_runs", "SET NULL"),
    )
    op.create_index("ix_crisis_checks_at", "crisis_checks", ["at"])
    op.create_table(
        "trap_feedback",
        sa.Column("id", sa.Integer),
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("step_key", sa.String(64), nullable=False),
        sa.Column("label", sa.String(64), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("suggested", sa.Integer, nullable=False),
        sa.Column("created_at", sa.BigInteger, nullable=False),
        _pk("trap_feedback"),
        _fk("trap_feedback", "run_id", "flow_runs", "CASCADE"),
    )
    op.create_index("ix_trap_feedback_run_id", "trap_feedback", ["run_id"])


def downgrade() -> None:
    op.drop_index("ix_trap_feedback_run_id", "trap_feedback")
    op.drop_table("trap_feedback")
    op.drop_index("ix_crisis_checks_at", "crisis_checks")
    op.drop_table("crisis_checks")
    op.drop_table("own_resources")
    op.drop_table("safety_plan_versions")
    op.drop_table("pillar_weights")
    op.drop_index("ix_boundary_changes_boundary_id", "boundary_changes")
    op.drop_table("boundary_changes")
    op.drop_index("ix_boundaries_origin_run_id", "boundaries")
    op.drop_table("boundaries")
    for index in ("ix_flow_runs_person_id", "ix_flow_runs_episode_id", "ix_flow_runs_flow"):
        op.drop_index(index, "flow_runs")
    op.drop_table("flow_runs")
