"""After a change, the newest status report is brought up to date (goals.status.refresh): after
an upload only the criteria on the indicators it carried are assessed again, and the report is
exactly the one a full assessment gives; anything else (a rollback, a catalogue edit) is
assessed in full. SQLite and, with GOALS_TEST_POSTGRES_URL, PostgreSQL."""

from __future__ import annotations

import random

import pytest
import sqlalchemy as sa
from conftest_workbook import workbook

from goals import store
from goals.access import Actor
from goals.catalogue import Catalogue
from goals.catalogue.edit import edit_indicator
from goals.status import assess
from goals.status.refresh import LatestReports
from goals.store.model import Observation, Role
from goals.store.version import data_version, values_changed
from goals.workbook import import_workbook, rollback_upload

ADMIN = Actor(name="sekretariat", role=Role.ADMIN)


def _upload(engine, rows: list[list]) -> int:
    result = import_workbook(engine=engine, content=workbook(rows), filename="n.xlsx", user="admin")
    assert result.status == "applied", result.errors
    return result.upload_id


def _same(a, b) -> None:
    """Two reports are the same: every row's record and every roll-up."""
    assert [r.record() for r in a.rows] == [r.record() for r in b.rows]
    for level in ("goal_area", "track_area", "cluster", "region_track", "inequality"):
        assert getattr(a, level) == getattr(b, level), level
    assert (a.region, a.region_inequality) == (b.region, b.region_inequality)


def _now(engine, reports: LatestReports, **kwargs):
    catalogue = Catalogue.read(engine)
    return reports.report(engine, catalogue, data_version(engine), **kwargs)


def _indicator_id(engine, code: str) -> int:
    return next(i.id for i in Catalogue.read(engine).indicators.values() if i.code == code)


def test_an_upload_reassesses_only_its_indicators_and_gives_the_full_report(demo_engine):
    reports = LatestReports()
    before = _now(demo_engine, reports)
    version = data_version(demo_engine)
    _upload(
        demo_engine,
        [
            ["RYG-01", "Midtklyngen", 2023, "I alt", 9.5],  # a new value, and a changed one
            ["RYG-01", "Aarhusklyngen", 2021, "I alt", 30.0],
        ],
    )
    assert values_changed(demo_engine, version, data_version(demo_engine)) == {
        _indicator_id(demo_engine, "RYG-01")
    }
    after = _now(demo_engine, reports)
    assert reports.reassessed == 1
    _same(after, assess(engine=demo_engine))
    changed = {r.criterion for r in after.rows if r.indicator == "RYG-01"}
    assert changed and any(
        a.record() != b.record() for a, b in zip(before.rows, after.rows, strict=True)
    )
    # the other criteria's rows are the very same objects: they were not assessed again
    kept = [a is b for a, b in zip(before.rows, after.rows, strict=True) if a.indicator != "RYG-01"]
    assert kept and all(kept)


def test_each_language_and_as_of_is_brought_up_to_date(demo_engine):
    reports = LatestReports()
    for lang, as_of in (("da", None), ("en", None), ("da", "2022")):
        _now(demo_engine, reports, lang=lang, as_of=as_of)
    _upload(demo_engine, [["RYG-01", "Midtklyngen", 2022, "I alt", 11.0]])
    for lang, as_of in (("da", None), ("en", None), ("da", "2022")):
        _same(
            _now(demo_engine, reports, lang=lang, as_of=as_of),
            assess(engine=demo_engine, lang=lang, as_of=as_of),
        )
    assert reports.reassessed == 3


def test_a_rollback_is_brought_up_to_date_and_a_catalogue_edit_assessed_in_full(demo_engine):
    reports = LatestReports()
    _now(demo_engine, reports)
    upload_id = _upload(demo_engine, [["RYG-01", "Midtklyngen", 2023, "I alt", 9.5]])
    _now(demo_engine, reports)
    assert reports.reassessed == 1
    before = data_version(demo_engine)
    rollback_upload(engine=demo_engine, upload_id=upload_id, user="admin")
    # the rollback withdrew the rows of one upload: only its indicator is assessed again
    assert values_changed(demo_engine, before, data_version(demo_engine)) == {
        _indicator_id(demo_engine, "RYG-01")
    }
    _same(_now(demo_engine, reports), assess(engine=demo_engine))
    assert reports.reassessed == 2
    with store.write_session(demo_engine) as session:
        edit_indicator(session=session, actor=ADMIN, code="RYG-01", decimals=3)
    _same(_now(demo_engine, reports), assess(engine=demo_engine))
    assert reports.reassessed == 2  # not brought up to date: assessed anew


def test_a_write_that_changes_no_value_reuses_every_row(demo_engine):
    from goals import access

    reports = LatestReports()
    before = _now(demo_engine, reports)
    with store.write_session(demo_engine) as session:
        access.record(session, actor="test", action="test.touch")
    after = _now(demo_engine, reports)
    assert reports.reassessed == 1 and after is not before
    assert all(a is b for a, b in zip(before.rows, after.rows, strict=True))
    _same(after, assess(engine=demo_engine))


def test_a_run_that_read_an_older_version_is_served_but_not_held(demo_engine):
    reports = LatestReports()
    old_version = data_version(demo_engine)
    catalogue = Catalogue.read(demo_engine)
    _upload(demo_engine, [["RYG-01", "Midtklyngen", 2023, "I alt", 9.5]])
    newest = _now(demo_engine, reports)
    late = reports.report(demo_engine, catalogue, old_version, keep=False)  # read earlier
    assert late.rows
    assert reports.held() == [newest]
    _same(late, assess(engine=demo_engine, catalogue=catalogue, as_of=None))  # served in full


def test_a_store_that_goes_back_in_time_is_followed(demo_engine, tmp_path):
    """Another store, or a restored copy, with lower versions: held from then on."""
    reports = LatestReports()
    _upload(demo_engine, [["RYG-01", "Midtklyngen", 2023, "I alt", 9.5]])
    _now(demo_engine, reports)
    catalogue = Catalogue.read(demo_engine)
    lower = (0, 0, 0, data_version(demo_engine)[3])
    reports.report(demo_engine, catalogue, lower)
    assert [version for version, _, _ in reports._held.values()] == [lower]


def test_the_store_says_what_changed_between_versions(demo_engine):
    v0 = data_version(demo_engine)
    assert values_changed(demo_engine, v0, v0) == set()
    _upload(demo_engine, [["RYG-01", "Midtklyngen", 2023, "I alt", 9.5]])
    v1 = data_version(demo_engine)
    assert values_changed(demo_engine, v0, v1) == {_indicator_id(demo_engine, "RYG-01")}
    assert values_changed(demo_engine, v1, v0) is None  # out of order


@pytest.mark.parametrize("seed", [1, 2])
def test_any_run_of_uploads_gives_the_full_report(demo_engine, seed):
    """Uploads of stored values changed by a few per cent, for random indicators, areas,
    groups and periods, each rolled back again: after each, the report brought up to date is
    the full one."""
    rng = random.Random(seed)
    cat = Catalogue.read(demo_engine)
    o = Observation.__table__
    with demo_engine.connect() as connection:
        current = connection.execute(
            sa.select(o.c.indicator_id, o.c.area_id, o.c.period, o.c.group_id, o.c.value)
            .where(o.c.is_current, o.c.value.is_not(None))
            .order_by(o.c.id)
        ).all()
    reports = LatestReports()
    _now(demo_engine, reports)
    for step in range(3):
        chosen = rng.sample(current, rng.randint(1, 12))
        rows = [
            [
                cat.indicators[i].code,
                cat.areas[a].name,
                period,
                cat.groups[g].code,
                round(value * rng.choice([0.9, 0.97, 1.05]), 2),
            ]
            for i, a, period, g, value in chosen
        ]
        upload_id = _upload(demo_engine, rows)
        _same(_now(demo_engine, reports), assess(engine=demo_engine))
        assert reports.reassessed == 2 * step + 1
        # and rolled back again: the withdrawn rows' indicators are assessed again
        rollback_upload(engine=demo_engine, upload_id=upload_id, user="admin")
        _same(_now(demo_engine, reports), assess(engine=demo_engine))
        assert reports.reassessed == 2 * step + 2
