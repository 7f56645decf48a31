"""Uploads belong to an account; uploads record the values they sent again unchanged; failed
logins are counted per client.

- `upload.user_id`: rollback and download rights follow the account, not the name, so a user
  re-created under a removed user's name does not inherit that user's uploads. Existing uploads
  are linked to the account of the same name only if that account already existed when the
  upload was made (a later account of that name is a different person). Removing a user
  clears the link (`goals.access.remove_user`), so the uploads stay and belong to no account.
- `upload.steering_groups_json`: the steering groups whose values the file held (who may
  download the original); NULL for earlier uploads, which are then judged by their rows.
- `uploadcarried`: the stored rows an upload sent again unchanged (see `goals.store.model`).
- `loginthrottle`: failed logins per client and account name (see `goals.access`).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with a reference in place; a batch copy of `upload` would have
        # to drop a table that observations refer to
        op.execute('ALTER TABLE upload ADD COLUMN user_id INTEGER REFERENCES "user" (id)')
    else:
        op.add_column("upload", sa.Column("user_id", sa.Integer(), nullable=True))
        op.create_foreign_key("fk_upload_user_id", "upload", "user", ["user_id"], ["id"])
    op.add_column("upload", sa.Column("steering_groups_json", sa.String(), nullable=True))
    op.execute(
        """
        UPDATE upload SET user_id = (
            SELECT u.id FROM "user" u
            WHERE u.name = upload."user" AND u.created_at <= upload.created_at
        )
        """
    )
    op.create_table(
        "uploadcarried",
        sa.Column("upload_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["upload_id"], ["upload.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("upload_id", "kind", "row_id"),
    )
    op.create_index("ix_uploadcarried_row", "uploadcarried", ["kind", "row_id"])
    op.create_table(
        "loginthrottle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client", sa.String(length=100), nullable=False),
        sa.Column("user_name", sa.String(length=200), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_ok_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("client", "user_name"),
    )


def downgrade() -> None:
    op.drop_table("loginthrottle")
    op.drop_index("ix_uploadcarried_row", table_name="uploadcarried")
    op.drop_table("uploadcarried")
    op.drop_column("upload", "steering_groups_json")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE upload DROP COLUMN user_id")
    else:
        op.drop_constraint("fk_upload_user_id", "upload", type_="foreignkey")
        op.drop_column("upload", "user_id")
