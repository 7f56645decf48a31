"""The store's mark of the current observation per key (`Observation.is_current`).

The flag must always equal its definition — the newest row of the key among applied uploads'
rows — through any sequence of uploads and rollbacks, after migrating an older store, and the
database itself refuses two current rows for one key. SQLite and, with GOALS_TEST_POSTGRES_URL,
PostgreSQL.
"""

from __future__ import annotations

import random

import pytest
import sqlalchemy as sa
from alembic import command
from conftest_workbook import workbook
from sqlalchemy.engine import Engine

from goals import store
from goals.store.model import Observation, Upload
from goals.store.observations import derived_current_query, rebuild_current
from goals.workbook import import_workbook, list_uploads, rollback_upload

pytestmark = pytest.mark.store

AREAS = ["Midtklyngen", "Vestklyngen", "Randersklyngen"]
YEARS = [2020, 2021, 2022]


def flagged(engine: Engine) -> list[int]:
    o = Observation.__table__
    with engine.connect() as connection:
        return sorted(connection.execute(sa.select(o.c.id).where(o.c.is_current)).scalars())


def derived(engine: Engine) -> list[int]:
    with engine.connect() as connection:
        return sorted(connection.execute(derived_current_query()).scalars())


def upload_one(engine: Engine, value: float):
    """Upload one value of RYG-01 for Midtklyngen, 2021."""
    return import_workbook(
        engine=engine,
        content=workbook([["RYG-01", "Midtklyngen", 2021, "I alt", value]]),
        filename=f"{value}.xlsx",
        user="admin",
    )


def random_rows(rng: random.Random) -> list[list]:
    keys = [(area, year) for area in AREAS for year in YEARS]
    chosen = rng.sample(keys, rng.randint(1, len(keys)))
    # few distinct values, so that some rows are unchanged and write nothing
    return [
        ["RYG-01", area, year, "I alt", rng.choice([13.1, 13.8, 14.2])] for area, year in chosen
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_flag_follows_any_sequence_of_uploads_and_rollbacks(catalogue_engine, seed):
    rng = random.Random(seed)
    applied = rolled_back = refused = 0
    for step in range(14):
        uploads = [u for u in list_uploads(engine=catalogue_engine) if u.state == "applied"]
        if uploads and rng.random() < 0.5:
            # mostly the newest (allowed), sometimes any (often refused: a later one wrote over it)
            newest = max(uploads, key=lambda u: u.id)
            target = newest if rng.random() < 0.7 else rng.choice(uploads)
            result = rollback_upload(engine=catalogue_engine, upload_id=target.id, user="admin")
            rolled_back += result.status == "rolled_back"
            refused += result.status == "refused"
        else:
            result = import_workbook(
                engine=catalogue_engine,
                content=workbook(random_rows(rng)),
                filename=f"step{step}.xlsx",
                user="admin",
            )
            assert result.status == "applied", result.errors
            applied += 1
        assert flagged(catalogue_engine) == derived(catalogue_engine), (seed, step)
    assert applied and rolled_back  # the sequence exercised both paths


def test_rolling_back_the_only_upload_leaves_no_current_row(catalogue_engine):
    result = upload_one(catalogue_engine, 13.8)
    assert flagged(catalogue_engine) != []
    rollback_upload(engine=catalogue_engine, upload_id=result.upload_id, user="admin")
    assert flagged(catalogue_engine) == derived(catalogue_engine) == []


def test_two_current_rows_for_one_key_are_refused(catalogue_engine):
    upload_one(catalogue_engine, 13.8)
    o = Observation.__table__
    with catalogue_engine.connect() as connection:
        row = connection.execute(sa.select(o).where(o.c.is_current)).mappings().one()
    copy = {k: v for k, v in row.items() if k != "id"}
    with pytest.raises(sa.exc.IntegrityError), store.write_session(catalogue_engine) as session:
        session.connection().execute(sa.insert(o), copy)


def test_upgrading_a_store_with_history_marks_the_current_rows(catalogue_engine):
    # three uploads of one key; the newest is rolled back, so the middle one is current
    for value in (13.1, 13.8, 14.2):
        upload_one(catalogue_engine, value)
    newest = max(u.id for u in list_uploads(engine=catalogue_engine))
    rollback_upload(engine=catalogue_engine, upload_id=newest, user="admin")
    o, u = Observation.__table__, Upload.__table__
    with catalogue_engine.connect() as connection:
        ids = dict(connection.execute(sa.select(o.c.value, o.c.id)).all())
    with catalogue_engine.begin() as connection:
        command.downgrade(store._alembic_config(connection), "0004")
    assert "is_current" not in {
        c["name"] for c in sa.inspect(catalogue_engine).get_columns("observation")
    }
    store.upgrade(catalogue_engine)
    assert flagged(catalogue_engine) == [ids[13.8]]
    with catalogue_engine.connect() as connection:
        states = dict(connection.execute(sa.select(u.c.id, u.c.state)).all())
    assert states[newest] == "rolled_back"


def test_rebuild_marks_rows_inserted_in_bulk(catalogue_engine):
    upload_one(catalogue_engine, 13.8)
    o = Observation.__table__
    with store.write_session(catalogue_engine) as session:
        session.connection().execute(sa.update(o).values(is_current=False))
    assert flagged(catalogue_engine) == []
    with store.write_session(catalogue_engine) as session:
        rebuild_current(session)
    assert flagged(catalogue_engine) == derived(catalogue_engine) != []
