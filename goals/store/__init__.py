"""The store: engine and sessions for the database named by GOALS_DATABASE_URL, and migrations.

SQLite (the default, ``data/goals.db``) runs in WAL mode with foreign keys on; PostgreSQL is
reached through psycopg 3. Every problem with the database URL, the folder or the schema
version becomes a `StoreError` carrying one sentence a person can act on.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.engine.url import URL
from sqlmodel import Session

from goals import config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest migration. Kept here so that starting on an up-to-date database needs no Alembic
# import (about a second of start-up); a test checks that it equals Alembic's head.
SCHEMA_HEAD = "0012"


T = TypeVar("T")


class StoreError(Exception):
    """The database cannot be used; the message is one sentence for the person running it."""


def describe(url: str | URL) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (sa.exc.ArgumentError, ValueError):
        return "(unreadable URL)"


def _parse_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except (sa.exc.ArgumentError, ValueError):
        raise StoreError(
            f"GOALS_DATABASE_URL is not a database URL: '{url}'. "
            "Use e.g. sqlite:///data/goals.db or postgresql+psycopg://user:password@host/dbname."
        ) from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(
            f"GOALS_DATABASE_URL names the database type '{backend}', "
            "but only sqlite and postgresql are supported."
        )
    if backend == "postgresql" and parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    elif backend == "postgresql" and parsed.drivername != "postgresql+psycopg":
        raise StoreError(
            f"GOALS_DATABASE_URL uses the driver '{parsed.drivername}'; "
            "use postgresql+psycopg:// (psycopg 3)."
        )
    return parsed


def _check_sqlite_path(url: URL) -> None:
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return
    path = Path(database)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.exists():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            raise StoreError(
                f"The folder for the database does not exist and cannot be created: {folder}."
            ) from None
    # WAL needs to create -wal and -shm files beside the database, so the folder must be writable
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise StoreError(
            f"The data folder {folder} is read-only, so the database {path.name} cannot be written; "
            "make it writable or point GOALS_DATABASE_URL at a writable location."
        )


def _sqlite_events(engine: Engine) -> None:
    # pysqlite's own transaction handling does not put DDL inside BEGIN; take over so that
    # migrations and writes are truly all-or-nothing (SQLAlchemy's documented recipe).
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):  # type: ignore[no-untyped-def]
        options = connection.get_execution_options()
        mode = options.get("sqlite_begin", "")
        memory = options.get("sqlite_memory_journals", False)  # see write_session
        if memory:
            connection.exec_driver_sql("PRAGMA temp_store=MEMORY")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())
        if memory:
            # SQLite has fixed where this transaction keeps them: the connection's own
            # setting (temporary files) is back at once
            connection.exec_driver_sql("PRAGMA temp_store=DEFAULT")


_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def get_engine(url: str | None = None) -> Engine:
    """The engine for `url` (default: GOALS_DATABASE_URL), created once per process."""
    if url is None:
        try:
            url = config.settings().database_url
        except config.ConfigError as exc:
            raise StoreError(str(exc)) from None
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            parsed = _parse_url(url)
            if parsed.get_backend_name() == "sqlite":
                _check_sqlite_path(parsed)
                engine = sa.create_engine(parsed, connect_args={"timeout": 15})
                _sqlite_events(engine)
            else:
                engine = sa.create_engine(
                    parsed,
                    pool_pre_ping=True,
                    connect_args={"connect_timeout": 10},
                )
            _engines[url] = engine
        return engine


def dispose_engines() -> None:
    """Close every engine (tests, and before a process forks)."""
    with _engines_lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def _alembic_config(connection: sa.Connection | None = None):  # -> alembic.config.Config
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database; None for a database without a schema."""
    with _connect(engine) as connection:
        if not sa.inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


@contextlib.contextmanager
def _connect(engine: Engine) -> Iterator[sa.Connection]:
    try:
        with engine.connect() as connection:
            yield connection
    except StoreError:
        raise
    except sa.exc.DBAPIError as exc:
        raise StoreError(_operational_message(engine, exc)) from None


def _first_line(exc: object) -> str:
    text = str(exc).strip().splitlines()
    return text[0].rstrip(".") if text else type(exc).__name__


def _operational_message(engine: Engine, exc: sa.exc.DBAPIError) -> str:
    text = str(exc.orig).lower()
    where = describe(engine.url)
    if engine.url.get_backend_name() == "sqlite":
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            return (
                f"The database {engine.url.database} cannot be written (read-only file or folder); "
                "make it writable or point GOALS_DATABASE_URL at a writable location."
            )
        if "not a database" in text or "malformed" in text:
            return f"The file {engine.url.database} is not a Målbillede database (or is damaged)."
        if "locked" in text or "busy" in text:
            return "The database is busy with another change; try again in a moment."
    if isinstance(exc, sa.exc.OperationalError):
        return f"Cannot reach the database at {where}: {_first_line(exc.orig)}."
    return f"The database at {where} answered with an error: {_first_line(exc.orig)}."


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema, all migrations in one transaction (all or nothing)."""
    current = current_revision(engine)
    if current == SCHEMA_HEAD and revision == "head":
        return
    from alembic import command
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    script = ScriptDirectory.from_config(_alembic_config())
    if current is not None:
        try:
            script.get_revision(current)
        except CommandError:
            raise StoreError(
                f"The database at {describe(engine.url)} was made by a newer version of Målbillede "
                f"(schema revision {current}); upgrade Målbillede to use it."
            ) from None
    try:
        with _exclusive(engine).begin() as connection:
            _lock(connection)
            command.upgrade(_alembic_config(connection), revision)
    except StoreError:
        raise
    except sa.exc.OperationalError as exc:
        raise StoreError(_operational_message(engine, exc)) from None
    except sa.exc.DBAPIError as exc:
        raise StoreError(
            f"Upgrading the database at {describe(engine.url)} failed and nothing was changed: "
            f"{_first_line(exc.orig)}."
        ) from None


# Writers queue for one lock: SQLite's write lock taken at BEGIN IMMEDIATE, and on PostgreSQL a
# transaction-level advisory lock. Writes (uploads, rollbacks, catalogue edits, migrations) are
# rare, so serialising them costs nothing and rules out two uploads deciding "new" for one key.
_WRITE_LOCK_KEY = 2017_0001


def _exclusive(engine: Engine) -> Engine:
    return engine.execution_options(sqlite_begin="IMMEDIATE")


# How long a writer waits for the lock on PostgreSQL before giving up with "busy" (SQLite's own
# busy timeout plays that part there).
LOCK_TIMEOUT = "30s"


def _lock(connection: sa.Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'"))
        connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _WRITE_LOCK_KEY})


def open_store(url: str | None = None) -> Engine:
    """Connect to the database, create or upgrade its schema, and return the engine."""
    engine = get_engine(url)
    upgrade(engine)
    return engine


def is_empty(engine: Engine) -> bool:
    """True when the database holds no catalogue yet (no areas)."""
    with _connect(engine) as connection:
        return connection.execute(sa.text("SELECT COUNT(*) FROM area")).scalar_one() == 0


def reads(func: Callable[..., T]) -> Callable[..., T]:
    """Let a reading function that takes `session` also be called with `engine=` (and its other
    arguments by keyword): it then reads in a session of its own. Pages read this way, so that
    no page opens a session itself."""

    @functools.wraps(func)
    def wrapper(*args: Any, engine: Engine | None = None, **kwargs: Any) -> T:
        if engine is None:
            return func(*args, **kwargs)
        with read_session(engine) as session:
            return func(*args, session=session, **kwargs)

    return wrapper


def reading(engine: Engine, query: Callable[[Session], T]) -> T:
    """`query(session)` in a read session of its own (for pages, which open no session)."""
    with read_session(engine) as session:
        return query(session)


def writing(engine: Engine, action: Callable[[Session], T]) -> T:
    """`action(session)` in one write transaction of its own: all of it or nothing."""
    with write_session(engine) as session:
        return action(session)


@contextlib.contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A session for reading; objects stay usable after it closes."""
    with Session(engine, expire_on_commit=False) as session:
        yield session


@contextlib.contextmanager
def write_session(engine: Engine, *, memory_journals: bool = False) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back entirely on any error.

    On SQLite the transaction takes the write lock at its start (BEGIN IMMEDIATE), so two
    writers queue for the lock instead of one failing halfway. `memory_journals`: SQLite
    keeps the transaction's statement journals (what undoes one statement that fails halfway,
    e.g. one INSERT of many rows) in memory instead of a temporary file, which it otherwise
    writes page by page (~50,000 writes, ~0.07 s, for an upload of 100,000 rows). They hold
    what one statement changes, so it is for transactions without huge single statements.
    The commit, and what survives a crash, are the same either way.
    """
    bind = _exclusive(engine)
    if memory_journals:
        bind = bind.execution_options(sqlite_memory_journals=True)
    try:
        with Session(bind, expire_on_commit=False) as session, session.begin():
            _lock(session.connection())
            yield session
    except sa.exc.OperationalError as exc:
        raise StoreError(_operational_message(engine, exc)) from None


def fetch_tuples(connection: sa.Connection, query: sa.Executable) -> list[tuple]:
    """The rows of a query as plain tuples, straight from the driver, in the connection's
    transaction.

    For queries returning many rows of plain numbers and text (no type conversion is applied):
    building SQLAlchemy's Row objects for 16,000 values costs more than SQLite's work.
    """
    compiled = query.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    # `compiled.params` builds a new dict at every access: read it once (once per name made
    # this quadratic in the number of parameters — seconds for a large IN list)
    params: dict | tuple = compiled.params
    if connection.dialect.positional:
        values = params
        params = tuple(values[name] for name in compiled.positiontup or ())
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        return cursor.fetchall()
    finally:
        cursor.close()


# SQLite: rows per INSERT statement in `insert_rows`, and the parameters one statement may
# bind (SQLite's limit before version 3.32; 32,766 since).
ROWS_PER_INSERT = 50
MAX_PARAMETERS = 999


def insert_rows(
    connection: sa.Connection, table: sa.Table, columns: list[str], rows: Iterable[tuple]
) -> None:
    """Insert many rows of plain values (numbers, text, booleans, None) in the connection's
    transaction, straight to the driver: PostgreSQL's COPY, SQLite's executemany of
    multi-row INSERTs.

    SQLAlchemy's per-row parameter processing would cost more than the insert itself for
    100,000 rows; on PostgreSQL an INSERT per row costs ~6× what SQLite pays, COPY about the
    same. (SQLite's driver binds a bool several times slower than an int — it looks for an
    adapter first —, so a large boolean column is best passed as 0 and 1.)
    """
    quote = connection.dialect.identifier_preparer.quote
    names = ", ".join(quote(c) for c in columns)
    driver = connection.connection
    if connection.dialect.name == "postgresql":
        cursor = driver.cursor()
        try:
            with cursor.copy(f"COPY {quote(table.name)} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        finally:
            cursor.close()
        return
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    values = f"({', '.join([marker] * len(columns))})"
    sql = f"INSERT INTO {quote(table.name)} ({names}) VALUES "
    # Several rows a statement: the driver's cost per statement (reset, step, its own loop)
    # was ~a third of inserting 100,000 observations. The rows go in in the order given.
    per_statement = max(1, min(ROWS_PER_INSERT, MAX_PARAMETERS // max(len(columns), 1)))
    rows = iter(rows)
    rest: list[tuple] = []

    def full_statements() -> Iterator[tuple]:
        while True:
            batch = list(itertools.islice(rows, per_statement))
            if len(batch) < per_statement:
                rest.extend(batch)
                return
            yield tuple(itertools.chain.from_iterable(batch))

    cursor = driver.cursor()
    try:
        cursor.executemany(sql + ", ".join([values] * per_statement), full_statements())
        if rest:
            cursor.executemany(sql + values, rest)
    finally:
        cursor.close()
