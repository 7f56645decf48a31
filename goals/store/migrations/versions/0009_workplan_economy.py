"""The work plan and the economy of initiatives: an initiative's start and end dates, budget and
spent (kr.), from the optional columns *Start*, *Slut*, *Budget* and *Forbrug* of the status
workbook's *Indsatser* sheet; and the secretariat's pools (e.g. *beredskabspuljen*) with the
amount granted and spent per year (see `goals.plans`).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("initiative") as batch:
        batch.add_column(sa.Column("start_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("end_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("budget", sa.Float(), nullable=True))
        batch.add_column(sa.Column("spent", sa.Float(), nullable=True))
    op.create_table(
        "pool",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=True),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "poolyear",
        sa.Column("pool_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("granted", sa.Float(), nullable=False),
        sa.Column("spent", sa.Float(), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["pool_id"], ["pool.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("pool_id", "year"),
    )


def downgrade() -> None:
    op.drop_table("poolyear")
    op.drop_table("pool")
    with op.batch_alter_table("initiative") as batch:
        batch.drop_column("spent")
        batch.drop_column("budget")
        batch.drop_column("end_on")
        batch.drop_column("start_on")
