"""English texts for what the catalogue describes in words: an indicator's source and
definition, a goal's description and a success-criterion revision's note (the names, units and
criterion texts already had theirs).

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


# Plain ALTER TABLE on every database (SQLite has DROP COLUMN since 3.35): a batch copy of
# `goal` or `indicator` would drop a table other tables' foreign keys point to.


def upgrade() -> None:
    op.add_column("indicator", sa.Column("source_en", sa.String(), nullable=True))
    op.add_column("indicator", sa.Column("definition_en", sa.String(), nullable=True))
    op.add_column("goal", sa.Column("description_en", sa.String(), nullable=True))
    op.add_column("criterionrevision", sa.Column("note_en", sa.String(), nullable=True))


def downgrade() -> None:
    op.drop_column("criterionrevision", "note_en")
    op.drop_column("goal", "description_en")
    op.drop_column("indicator", "definition_en")
    op.drop_column("indicator", "source_en")
