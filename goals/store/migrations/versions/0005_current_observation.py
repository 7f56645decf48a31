"""Mark each key's current observation, so that reading current values does not grow with the
upload history.

`observation.is_current` is true for the newest row of its key (indicator, area, period, group)
among the rows of applied uploads — exactly what `goals.store.observations` used to compute with a
GROUP BY over every row ever uploaded. A partial index holds only the current rows.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("observation") as batch:
        batch.add_column(
            sa.Column("is_current", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    # The newest row per key from an applied upload (the definition the old query used).
    op.execute(
        """
        UPDATE observation SET is_current = TRUE
        WHERE id IN (
            SELECT max(o.id) FROM observation o JOIN upload u ON u.id = o.upload_id
            WHERE u.state = 'applied'
            GROUP BY o.indicator_id, o.area_id, o.period, o.group_id
        )
        """
    )
    op.create_index(
        "ix_observation_current",
        "observation",
        ["indicator_id", "area_id", "group_id", "period"],
        unique=True,
        sqlite_where=sa.text("is_current = 1"),
        postgresql_where=sa.text("is_current"),
    )


def downgrade() -> None:
    op.drop_index("ix_observation_current", table_name="observation")
    with op.batch_alter_table("observation") as batch:
        batch.drop_column("is_current")
