"""The store on SQLite and PostgreSQL: schema, migrations, and one-sentence errors."""

import pytest
import sqlalchemy as sa
from alembic import command

from goals import config, store
from goals.store.model import Area, Observation, Upload
from tests.conftest import table_dump


def test_open_store_creates_the_whole_schema(engine):
    tables = set(sa.inspect(engine).get_table_names())
    assert {
        "area",
        "areamembership",
        "areaalias",
        "track",
        "steeringgroup",
        "goal",
        "indicator",
        "successcriterion",
        "criterionrevision",
        "observation",
        "upload",
        "initiative",
        "assessment",
        "alembic_version",
    } <= tables
    assert store.current_revision(engine) == store.head_revision()


def test_schema_head_constant_is_alembics_head():
    assert store.head_revision() == store.SCHEMA_HEAD


def test_schema_matches_the_model(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    from goals.store.references import schema_filter

    # as the migrations' environment compares: on PostgreSQL observation's four references are
    # checked by triggers, not foreign keys (tests/unit/test_pg_references.py checks them)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": schema_filter(engine.dialect.name)}
        )
        assert compare_metadata(context, SQLModel.metadata) == []


def test_opening_again_changes_nothing(catalogue_engine):
    before = table_dump(catalogue_engine)
    url = catalogue_engine.url.render_as_string(hide_password=False)
    store.dispose_engines()
    again = store.open_store(url)
    assert table_dump(again) == before


def test_upgrade_keeps_data_from_an_earlier_revision(store_url):
    engine = store.get_engine(store_url)
    store.upgrade(engine, "0001")
    assert store.current_revision(engine) == "0001"
    assert "initiative" not in sa.inspect(engine).get_table_names()
    with engine.begin() as connection:
        connection.execute(
            sa.insert(Area.__table__),
            {"code": "RM", "name": "Region Midtjylland", "kind": "region", "sort_order": 0},
        )
    store.open_store(store_url)  # what `init` and the app do
    assert store.current_revision(engine) == store.head_revision()
    assert "initiative" in sa.inspect(engine).get_table_names()
    with engine.connect() as connection:
        assert (
            connection.execute(sa.select(Area.__table__.c.name)).scalar_one()
            == "Region Midtjylland"
        )


def test_a_failing_migration_leaves_no_half_made_schema(store_url, monkeypatch):
    engine = store.get_engine(store_url)
    real = command.upgrade

    def fail_halfway(config, revision):
        real(config, "0001")
        raise sa.exc.OperationalError("CREATE TABLE initiative", {}, Exception("disk full"))

    monkeypatch.setattr(command, "upgrade", fail_halfway)
    with pytest.raises(store.StoreError):
        store.upgrade(engine)
    assert sa.inspect(engine).get_table_names() == []


def test_a_database_from_a_newer_version_is_refused(engine):
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(store.StoreError, match="newer version of Målbillede"):
        store.upgrade(engine)


def test_write_session_is_all_or_nothing(catalogue_engine):
    before = table_dump(catalogue_engine)
    with pytest.raises(RuntimeError), store.write_session(catalogue_engine) as session:
        session.add(Upload(filename="x.xlsx", sha256="0" * 64, size=1, content=b"x", user="t"))
        session.flush()
        raise RuntimeError("boom")
    assert table_dump(catalogue_engine) == before


def test_foreign_keys_are_enforced(engine):
    with pytest.raises(sa.exc.IntegrityError), store.write_session(engine) as session:
        session.add(
            Observation(
                indicator_id=999, area_id=999, period="2017", group_id=999, value=1.0, upload_id=999
            )
        )
        session.flush()


def test_sqlite_runs_in_wal_mode(tmp_path):
    engine = store.open_store(f"sqlite:///{tmp_path / 'wal.db'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.dispose_engines()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "is not a database URL"),
        ("mysql://user@host/db", "only sqlite and postgresql"),
        ("postgresql+asyncpg://u@h/db", "use postgresql+psycopg"),
        ("postgresql://user:secret@127.0.0.1:1/goals", "Cannot reach the database"),
        ("sqlite:////proc/goals-test/goals.db", "cannot be created"),
        ("sqlite:////proc/goals-test.db", "cannot be written"),
    ],
)
def test_bad_database_urls_get_one_sentence(url, expected):
    with pytest.raises(store.StoreError) as info:
        store.open_store(url)
    message = str(info.value)
    assert expected in message
    assert "secret" not in message and "\n" not in message
    store.dispose_engines()


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("hello, this is not sqlite" * 100)
    with pytest.raises(store.StoreError, match="not a Målbillede database"):
        store.open_store(f"sqlite:///{path}")
    store.dispose_engines()


def test_default_database_is_the_sqlite_file_in_data(monkeypatch):
    monkeypatch.delenv("GOALS_DATABASE_URL", raising=False)
    settings = config.settings()
    assert settings.is_default_database
    assert settings.database_url.endswith("data/goals.db")
    monkeypatch.setenv("GOALS_DATABASE_URL", "sqlite:////tmp/elsewhere.db")
    assert not config.settings().is_default_database


def test_a_writer_waiting_for_the_lock_gives_up_with_busy_on_postgresql(
    catalogue_engine, monkeypatch
):
    # The one write lock is taken in store.write_session; its wait is bounded on PostgreSQL
    # (an upload used to take a second lock inside, after the first had already waited).
    if catalogue_engine.dialect.name != "postgresql":
        pytest.skip("SQLite bounds the wait with its busy timeout")
    from conftest_workbook import workbook

    from goals.workbook import import_workbook

    monkeypatch.setattr(store, "LOCK_TIMEOUT", "300ms")
    holder = catalogue_engine.connect()
    transaction = holder.begin()
    holder.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": store._WRITE_LOCK_KEY})
    try:
        result = import_workbook(
            engine=catalogue_engine,
            content=workbook([["RYG-01", "Midtklyngen", 2021, "I alt", 13.8]]),
            filename="a.xlsx",
            user="anna",
        )
    finally:
        transaction.rollback()
        holder.close()
    assert result.status == "rejected"
    assert "optaget" in result.errors[0].message


@pytest.mark.store
def test_a_scratch_database_is_dropped_even_with_a_session_left_open(postgres):
    """The suite's throw-away databases go, whoever still holds them: a plain DROP (which waits
    out autovacuum), then FORCE for a session of our own."""
    from goals.store import scratch

    if postgres is None:
        pytest.skip("GOALS_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against")
    name, url = scratch.create_database(postgres.admin, "goals_test")
    holder = sa.create_engine(url)
    connection = holder.connect()
    try:
        connection.exec_driver_sql("SELECT 1")
        scratch.drop_database(postgres.admin, name)
    finally:
        connection.invalidate()
        holder.dispose()
    with postgres.admin.connect() as admin:
        left = admin.exec_driver_sql("SELECT count(*) FROM pg_database WHERE datname = %s", (name,))
        assert left.scalar() == 0
