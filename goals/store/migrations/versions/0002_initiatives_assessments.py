"""Initiatives and the steering groups' own assessments, reported in status workbooks.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=20), nullable=False),
        sa.Column("light", sa.String(length=10), nullable=False),
        sa.Column("text", sa.String(), nullable=True),
        sa.Column("upload_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"],
            ["area.id"],
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goal.id"],
        ),
        sa.ForeignKeyConstraint(
            ["upload_id"],
            ["upload.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "initiative",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("next_milestone", sa.String(), nullable=True),
        sa.Column("milestone_date", sa.Date(), nullable=True),
        sa.Column("responsible", sa.String(length=200), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("upload_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"],
            ["area.id"],
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goal.id"],
        ),
        sa.ForeignKeyConstraint(
            ["upload_id"],
            ["upload.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_assessment_key", "assessment", ["goal_id", "area_id", "period"])
    op.create_index("ix_assessment_upload_id", "assessment", ["upload_id"])
    op.create_index("ix_initiative_key", "initiative", ["goal_id", "area_id"])
    op.create_index("ix_initiative_upload_id", "initiative", ["upload_id"])


def downgrade() -> None:
    op.drop_table("initiative")
    op.drop_table("assessment")
