"""Observation's references hold on both databases: SQLite by native foreign keys, PostgreSQL by
statement-level triggers (migration 0010, `goals.store.references`) — the same refusals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from goals import store
from goals.store.model import Area, BreakdownGroup, Indicator, Observation, Upload
from goals.store.references import CHECKED_BY_TRIGGERS
from tests.conftest import new_store_url

# every test here runs on a real database: CI's PostgreSQL run (`pytest -m store`) takes them all
pytestmark = pytest.mark.store

PARENTS = {
    "indicator_id": Indicator,
    "area_id": Area,
    "group_id": BreakdownGroup,
    "upload_id": Upload,
}
COLUMNS = ["indicator_id", "area_id", "period", "group_id", "value", "upload_id", "is_current"]
MISSING = 999_999


def _add_parents(session, suffix: str = "1") -> dict[str, int]:
    """A new area, indicator, group and upload that nothing but our observations references."""
    rows = {
        "area_id": Area(code=f"T{suffix}", name=f"Test {suffix}", kind="region"),
        "indicator_id": Indicator(code=f"I{suffix}", name=f"Indikator {suffix}", unit="%"),
        "group_id": BreakdownGroup(code=f"G{suffix}", name=f"Gruppe {suffix}"),
        "upload_id": Upload(
            filename=f"{suffix}.xlsx", sha256="0" * 64, size=1, content=b"x", user="test"
        ),
    }
    session.add_all(rows.values())
    session.flush()
    return {column: row.id for column, row in rows.items()}


@pytest.fixture
def parents(engine) -> dict[str, int]:
    with store.write_session(engine) as session:
        return _add_parents(session)


def _observation(keys: dict[str, int], period: str = "2020", **changes: int) -> tuple:
    row = {**keys, **changes}
    return (row["indicator_id"], row["area_id"], period, row["group_id"], 1.0, row["upload_id"], 0)


def _insert(engine: sa.Engine, rows: list[tuple]) -> None:
    with store.write_session(engine) as session:
        store.insert_rows(session.connection(), Observation.__table__, COLUMNS, rows)


def _count(engine: sa.Engine) -> int:
    with engine.connect() as connection:
        return connection.execute(sa.text("SELECT count(*) FROM observation")).scalar_one()


def _refused(engine: sa.Engine):
    """The database's refusal: SQLAlchemy's IntegrityError, or the driver's own where the rows
    went straight to the driver (`store.insert_rows`)."""
    return pytest.raises((sa.exc.IntegrityError, engine.dialect.loaded_dbapi.IntegrityError))


def _constraint_of(info: pytest.ExceptionInfo) -> str | None:
    error = getattr(info.value, "orig", info.value)
    diag = getattr(error, "diag", None)
    return diag.constraint_name if diag is not None else None


@pytest.mark.parametrize("column", list(PARENTS))
def test_an_observation_naming_a_missing_parent_is_refused(engine, parents, column):
    with pytest.raises(sa.exc.IntegrityError) as info, store.write_session(engine) as session:
        session.add(Observation(**{**parents, column: MISSING}, period="2020", value=1.0))
        session.flush()
    if engine.dialect.name == "postgresql":
        assert info.value.orig.sqlstate == "23503"
        assert _constraint_of(info) == f"observation_{column}_fkey"
        assert f"Key ({column})=({MISSING}) is not present" in str(info.value)
    assert _count(engine) == 0


@pytest.mark.parametrize("column", list(PARENTS))
def test_one_bad_reference_among_many_refuses_the_whole_bulk_insert(engine, parents, column):
    rows = [_observation(parents, period=str(1000 + i)) for i in range(2000)]
    rows[1234] = _observation(parents, period="2234", **{column: MISSING})
    with _refused(engine) as info:
        _insert(engine, rows)
    if engine.dialect.name == "postgresql":
        assert _constraint_of(info) == f"observation_{column}_fkey"
    assert _count(engine) == 0
    _insert(engine, [r for i, r in enumerate(rows) if i != 1234])  # the good rows go in
    assert _count(engine) == 1999


@pytest.mark.parametrize("column", list(PARENTS))
def test_deleting_a_referenced_parent_is_refused(engine, parents, column):
    _insert(engine, [_observation(parents)])
    table = PARENTS[column].__table__
    with _refused(engine) as info, store.write_session(engine) as session:
        session.execute(sa.delete(table).where(table.c.id == parents[column]))
    if engine.dialect.name == "postgresql":
        assert _constraint_of(info) == f"observation_{column}_fkey"
        assert f"Key (id)=({parents[column]}) is still referenced" in str(info.value)
    with engine.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one() == 1
    assert _count(engine) == 1


@pytest.mark.parametrize("column", list(PARENTS))
def test_a_parent_nobody_references_may_go_or_be_renumbered(engine, parents, column):
    with store.write_session(engine) as session:
        used, spare = _add_parents(session, "2"), _add_parents(session, "3")
    _insert(engine, [_observation(used)])
    table, o = PARENTS[column].__table__, Observation.__table__
    with store.write_session(engine) as session:
        session.execute(sa.delete(table).where(table.c.id == parents[column]))
        session.execute(sa.update(table).where(table.c.id == spare[column]).values(id=MISSING))
        session.execute(sa.update(o).values({column: MISSING}))  # moves to the renumbered one
        session.execute(sa.delete(table).where(table.c.id == used[column]))  # now unreferenced
    with engine.connect() as connection:
        assert connection.execute(sa.select(o.c[column])).scalar_one() == MISSING


@pytest.mark.parametrize("column", list(PARENTS))
def test_renumbering_a_referenced_parent_is_refused(engine, parents, column):
    _insert(engine, [_observation(parents)])
    table = PARENTS[column].__table__
    with _refused(engine), store.write_session(engine) as session:
        session.execute(sa.update(table).where(table.c.id == parents[column]).values(id=MISSING))


@pytest.mark.parametrize("column", list(PARENTS))
def test_pointing_an_observation_at_a_missing_parent_is_refused(engine, parents, column):
    _insert(engine, [_observation(parents, period=str(2000 + i)) for i in range(50)])
    o = Observation.__table__
    with pytest.raises(sa.exc.IntegrityError) as info, store.write_session(engine) as session:
        session.execute(sa.update(o).where(o.c.period == "2025").values({column: MISSING}))
    if engine.dialect.name == "postgresql":
        assert _constraint_of(info) == f"observation_{column}_fkey"
    with engine.connect() as connection:
        assert set(connection.execute(sa.select(o.c[column])).scalars()) == {parents[column]}


def test_updates_that_keep_the_references_pass(engine, parents):
    """The write path's own updates (`is_current`, values) and moving rows between two existing
    parents, in both directions in one statement."""
    with store.write_session(engine) as session:
        others = _add_parents(session, "2")
    _insert(engine, [_observation(parents), _observation(others, period="2021")])
    o = Observation.__table__
    swap = {
        column: sa.case((o.c[column] == parents[column], others[column]), else_=parents[column])
        for column in PARENTS
    }
    with store.write_session(engine) as session:
        session.execute(sa.update(o).values(is_current=True, value=2.0))
        session.execute(sa.update(o).values(swap))
    with engine.connect() as connection:
        rows = connection.execute(sa.select(o.c.indicator_id, o.c.is_current)).all()
    assert sorted(rows) == sorted([(others["indicator_id"], True), (parents["indicator_id"], True)])


def test_a_refused_statement_in_a_savepoint_leaves_the_transaction_usable(engine, parents):
    # the catalogue import tries each row in a savepoint and reports an IntegrityError as a
    # problem of that row (goals.catalogue.sheets)
    with store.write_session(engine) as session:
        with pytest.raises(sa.exc.IntegrityError), session.begin_nested():
            session.add(Observation(**{**parents, "area_id": MISSING}, period="2020"))
            session.flush()
        session.add(Observation(**parents, period="2021", value=1.0))
    assert _count(engine) == 1


# --- PostgreSQL: how the references are checked -------------------------------------------------


@pytest.fixture
def pg_engine(tmp_path: Path, postgres) -> Iterator[sa.Engine]:
    """A new PostgreSQL database with the current schema (skipped without a server)."""
    yield store.open_store(new_store_url("postgresql", tmp_path, postgres))
    store.dispose_engines()


def _native_keys(engine: sa.Engine) -> set[tuple[str, str]]:
    with engine.connect() as connection:
        keys = sa.inspect(connection).get_foreign_keys("observation")
    return {(k["constrained_columns"][0], k["referred_table"]) for k in keys}


def _triggers(engine: sa.Engine) -> set[tuple[str, str]]:
    query = sa.text(
        "SELECT tgrelid::regclass::text, tgname FROM pg_trigger "
        "WHERE NOT tgisinternal AND tgname LIKE 'observation_references_%'"
    )
    with engine.connect() as connection:
        return {(table.strip('"'), name) for table, name in connection.execute(query)}


EXPECTED_TRIGGERS = {
    ("observation", "observation_references_insert"),
    ("observation", "observation_references_update"),
} | {
    (parent, f"observation_references_{event}")
    for parent in CHECKED_BY_TRIGGERS.values()
    for event in ("delete", "update", "truncate")
}


def test_postgresql_checks_the_references_by_triggers_not_foreign_keys(pg_engine):
    assert _native_keys(pg_engine) == set()
    assert _triggers(pg_engine) == EXPECTED_TRIGGERS
    # the model keeps declaring them (SQLite's schema), exactly these four
    declared = {
        (next(iter(k.columns)).name, k.referred_table.name)
        for k in Observation.__table__.foreign_key_constraints
    }
    assert declared == set(CHECKED_BY_TRIGGERS.items())


def test_downgrade_restores_the_native_keys_and_upgrade_replaces_them_again(pg_engine):
    with store.write_session(pg_engine) as session:
        keys = _add_parents(session)
    _insert(pg_engine, [_observation(keys)])
    with pg_engine.begin() as connection:
        command.downgrade(store._alembic_config(connection), "0009")
    assert _native_keys(pg_engine) == set(CHECKED_BY_TRIGGERS.items())
    assert _triggers(pg_engine) == set()
    with pytest.raises(sa.exc.IntegrityError) as info, store.write_session(pg_engine) as session:
        session.execute(sa.delete(Area.__table__))
    assert _constraint_of(info) == "observation_area_id_fkey"  # the name the triggers report
    store.upgrade(pg_engine)
    assert _native_keys(pg_engine) == set()
    assert _triggers(pg_engine) == EXPECTED_TRIGGERS
    assert _count(pg_engine) == 1


@pytest.mark.parametrize("column", list(PARENTS))
def test_truncating_a_parent_is_refused_while_observations_exist(pg_engine, column):
    with store.write_session(pg_engine) as session:
        keys = _add_parents(session)
    _insert(pg_engine, [_observation(keys)])
    parent = CHECKED_BY_TRIGGERS[column]
    with pytest.raises(sa.exc.IntegrityError), store.write_session(pg_engine) as session:
        session.execute(sa.text(f'TRUNCATE "{parent}" CASCADE'))
    assert _count(pg_engine) == 1
    with store.write_session(pg_engine) as session:  # together with observation it goes
        session.execute(sa.text(f'TRUNCATE "{parent}", observation CASCADE'))
    assert _count(pg_engine) == 0
