"""What a store remembers about itself: the catalogue it was started with (a shipped region's
name or a folder), so that a later `goals init`, `demo` or app start never adds another
region's entries (see `goals.store.settings`).

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "storesetting",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("storesetting")
