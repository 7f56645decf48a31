"""Alembic environment: always run with a connection handed over by goals.store."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import goals.store.model  # noqa: F401  (registers the tables on SQLModel.metadata)
from goals.store.references import schema_filter

target_metadata = SQLModel.metadata
connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only via `alembic` on the command line
    raise SystemExit("Run migrations through `python -m goals init`, which supplies the database.")

context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    # on PostgreSQL observation's references are triggers, not foreign keys (migration 0010)
    include_object=schema_filter(connection.dialect.name),
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
