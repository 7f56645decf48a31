"""Initial schema: areas, tracks, steering groups, goals, indicators, criteria, uploads, observations

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "area",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("official_code", sa.String(length=20), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "breakdowngroup",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=True),
        sa.Column("dimension", sa.String(length=100), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "nationalgoal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_en", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number"),
    )
    op.create_table(
        "steeringgroup",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "track",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "upload",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("user", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("rolled_back_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("rolled_back_by", sa.String(length=200), nullable=True),
        sa.Column("counts_json", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("upload", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_upload_sha256"), ["sha256"], unique=False)

    op.create_table(
        "areaalias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=200), nullable=False),
        sa.Column("alias_key", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("alias_key"),
    )
    with op.batch_alter_table("areaalias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_areaalias_area_id"), ["area_id"], unique=False)

    op.create_table(
        "areamembership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["child_id"], ["area.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["parent_id"], ["area.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("areamembership", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_areamembership_child_id"), ["child_id"], unique=False)
        batch_op.create_index("ix_areamembership_parent", ["parent_id"], unique=False)

    op.create_table(
        "goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("title_en", sa.String(length=300), nullable=True),
        sa.Column("description", sa.String(), nullable=True),
        sa.Column("track_id", sa.Integer(), nullable=False),
        sa.Column("steering_group_id", sa.Integer(), nullable=False),
        sa.Column("national_goal_id", sa.Integer(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["national_goal_id"],
            ["nationalgoal.id"],
        ),
        sa.ForeignKeyConstraint(
            ["steering_group_id"],
            ["steeringgroup.id"],
        ),
        sa.ForeignKeyConstraint(
            ["track_id"],
            ["track.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_goal_steering_group_id"), ["steering_group_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_goal_track_id"), ["track_id"], unique=False)

    op.create_table(
        "indicator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_en", sa.String(length=300), nullable=True),
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("polarity", sa.String(length=10), nullable=False),
        sa.Column("decimals", sa.Integer(), nullable=False),
        sa.Column("frequency", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(), nullable=True),
        sa.Column("definition", sa.String(), nullable=True),
        sa.Column("natural_limit", sa.Float(), nullable=True),
        sa.Column("steering_group_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["steering_group_id"],
            ["steeringgroup.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )

    op.create_table(
        "observation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=20), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("missing_reason", sa.String(length=100), nullable=True),
        sa.Column("numerator", sa.Integer(), nullable=True),
        sa.Column("denominator", sa.Integer(), nullable=True),
        sa.Column("lower", sa.Float(), nullable=True),
        sa.Column("upper", sa.Float(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("upload_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"],
            ["area.id"],
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["breakdowngroup.id"],
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
        ),
        sa.ForeignKeyConstraint(
            ["upload_id"],
            ["upload.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("observation", schema=None) as batch_op:
        batch_op.create_index(
            "ix_observation_key",
            ["indicator_id", "area_id", "period", "group_id"],
            unique=False,
        )
        batch_op.create_index("ix_observation_upload", ["upload_id"], unique=False)

    op.create_table(
        "groupalias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=200), nullable=False),
        sa.Column("alias_key", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["breakdowngroup.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("alias_key"),
    )
    op.create_index(op.f("ix_groupalias_group_id"), "groupalias", ["group_id"], unique=False)
    op.create_table(
        "successcriterion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goal.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    with op.batch_alter_table("successcriterion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_successcriterion_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "criterionrevision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("text_en", sa.String(), nullable=True),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("gap_group_a_id", sa.Integer(), nullable=True),
        sa.Column("gap_group_b_id", sa.Integer(), nullable=True),
        sa.Column("baseline_period", sa.String(length=20), nullable=False),
        sa.Column("target_type", sa.String(length=10), nullable=True),
        sa.Column("target_value", sa.Float(), nullable=True),
        sa.Column("target_period", sa.String(length=20), nullable=True),
        sa.Column("area_scope", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["criterion_id"], ["successcriterion.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["gap_group_a_id"],
            ["breakdowngroup.id"],
        ),
        sa.ForeignKeyConstraint(
            ["gap_group_b_id"],
            ["breakdowngroup.id"],
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["breakdowngroup.id"],
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("criterion_id", "revision"),
    )
    with op.batch_alter_table("criterionrevision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_criterionrevision_criterion_id"),
            ["criterion_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_criterionrevision_indicator_id"),
            ["indicator_id"],
            unique=False,
        )

    op.create_table(
        "criterionarea",
        sa.Column("revision_id", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["revision_id"], ["criterionrevision.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("revision_id", "area_id"),
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_groupalias_group_id"), table_name="groupalias")
    op.drop_table("groupalias")
    op.drop_table("criterionarea")
    with op.batch_alter_table("criterionrevision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_criterionrevision_indicator_id"))
        batch_op.drop_index(batch_op.f("ix_criterionrevision_criterion_id"))

    op.drop_table("criterionrevision")
    with op.batch_alter_table("successcriterion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_successcriterion_goal_id"))

    op.drop_table("successcriterion")
    with op.batch_alter_table("observation", schema=None) as batch_op:
        batch_op.drop_index("ix_observation_upload")
        batch_op.drop_index("ix_observation_key")

    op.drop_table("observation")

    op.drop_table("indicator")
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_track_id"))
        batch_op.drop_index(batch_op.f("ix_goal_steering_group_id"))

    op.drop_table("goal")
    with op.batch_alter_table("areamembership", schema=None) as batch_op:
        batch_op.drop_index("ix_areamembership_parent")
        batch_op.drop_index(batch_op.f("ix_areamembership_child_id"))

    op.drop_table("areamembership")
    with op.batch_alter_table("areaalias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_areaalias_area_id"))

    op.drop_table("areaalias")
    with op.batch_alter_table("upload", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_upload_sha256"))

    op.drop_table("upload")
    op.drop_table("track")
    op.drop_table("steeringgroup")
    op.drop_table("nationalgoal")
    op.drop_table("breakdowngroup")
    op.drop_table("area")
