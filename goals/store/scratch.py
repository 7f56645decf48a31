"""Throw-away PostgreSQL databases for the test suite and the benchmarks.

Dropping one is the delicate part. `DROP DATABASE … WITH (FORCE)` terminates every other
session first, and the server refuses that to a non-superuser when the session is an
autovacuum worker ("must be a member of the role whose process is being terminated"). A plain
`DROP DATABASE` asks autovacuum to leave by itself and waits up to five seconds for it, so it is
tried first; FORCE is only the fallback for a session of our own left open.
"""

from __future__ import annotations

import time
import uuid

import sqlalchemy as sa


def admin_engine(url: str) -> sa.Engine:
    """An AUTOCOMMIT engine on the server's maintenance database (CREATE/DROP DATABASE)."""
    return sa.create_engine(
        sa.engine.make_url(url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )


def create_database(admin: sa.Engine, prefix: str, template: str | None = None) -> tuple[str, str]:
    """Create a new database; returns its name and its URL (password included)."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    clause = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"{clause}')
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    return name, url


def drop_database(admin: sa.Engine, name: str, attempts: int = 4) -> None:
    """Drop a database, waiting out autovacuum; the last refusal is raised."""
    statements = (
        f'DROP DATABASE IF EXISTS "{name}"',
        f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
    )
    for attempt in range(attempts):
        for statement in statements:
            try:
                with admin.connect() as connection:
                    connection.exec_driver_sql(statement)
                return
            except sa.exc.DBAPIError:
                if attempt == attempts - 1 and statement is statements[-1]:
                    raise
        time.sleep(0.5 * (attempt + 1))
