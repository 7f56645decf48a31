"""Demo values: loaded as status workbooks through the importer, anchored on published levels."""

import pandas as pd
import pytest
import sqlalchemy as sa

from goals import config, setup, store
from goals.catalogue import Catalogue
from goals.demo import demo_rounds
from goals.setup import DEMO_USER
from goals.store.model import AreaKind, Assessment, Initiative, Upload
from goals.store.observations import current_values


@pytest.fixture(scope="module")
def demo_frame(demo_template):
    engine = store.open_store(f"sqlite:///{demo_template['sqlite']}")
    with store.read_session(engine) as session:
        cat = Catalogue.load(session)
        frame = current_values(session)
        uploads = session.exec(sa.select(Upload.filename, Upload.user, Upload.state)).all()
        initiatives = session.exec(sa.select(sa.func.count()).select_from(Initiative)).one()[0]
        assessments = session.exec(sa.select(sa.func.count()).select_from(Assessment)).one()[0]
    store.dispose_engines()
    frame["indicator"] = frame.indicator_id.map({i.id: i.code for i in cat.indicators.values()})
    frame["area"] = frame.area_id.map({a.id: a.code for a in cat.areas.values()})
    frame["group"] = frame.group_id.map({g.id: g.code for g in cat.groups.values()})
    return cat, frame, uploads, initiatives, assessments


def value(frame, indicator, area, period, group="I alt"):
    row = frame[
        (frame.indicator == indicator)
        & (frame.area == area)
        & (frame.period == period)
        & (frame.group == group)
    ]
    assert len(row) == 1, (indicator, area, period, group)
    return float(row.value.iloc[0])


def test_demo_is_loaded_through_the_importer_as_workbooks(demo_frame):
    _, _, uploads, initiatives, assessments = demo_frame
    assert [u.filename for u in uploads] == [
        "demo_statusark_voksne_2022.xlsx",
        "demo_statusark_buf_2022.xlsx",
        "demo_statusark_voksne_2024.xlsx",
        "demo_statusark_buf_2024.xlsx",
        "demo_klyngedata_2025.xlsx",  # the secretariat's population figures
    ]
    assert {u.user for u in uploads} == {DEMO_USER} and {u.state for u in uploads} == {"applied"}
    assert initiatives > 0 and assessments > 0


def test_every_indicator_for_every_cluster_and_municipality(demo_frame):
    cat, frame, *_ = demo_frame
    areas = [a.code for a in cat.clusters + cat.areas_of_kind(AreaKind.MUNICIPALITY)]
    assert len(areas) == 24
    for indicator in cat.indicators.values():
        have = set(frame[frame.indicator == indicator.code].area)
        assert set(areas) <= have, indicator.code


def test_anchored_on_published_levels(demo_frame):
    _, frame, *_ = demo_frame
    assert value(frame, "RYG-01", "RM", "2017") == pytest.approx(16.0, abs=1.0)
    assert value(frame, "RYG-01", "RM", "2021") == pytest.approx(13.0, abs=1.0)
    assert value(frame, "RYG-01", "RM", "2017", "Uddannelse: Grundskole") == pytest.approx(
        25.4, abs=3.0
    )
    assert value(frame, "RYG-01", "RM", "2017", "Uddannelse: Lang videregående") == pytest.approx(
        6.7, abs=1.5
    )
    for period, level in (("2010", 13.6), ("2017", 16.8), ("2021", 18.5)):
        assert value(frame, "OVV-01", "RM", period) == pytest.approx(level, abs=1.0)
    for period, level in (("2017", 13.2), ("2021", 17.4)):
        assert value(frame, "PSY-01", "RM", period) == pytest.approx(level, abs=1.0)


def test_survey_years_and_quarters(demo_frame):
    _, frame, *_ = demo_frame
    assert sorted(frame[frame.indicator == "RYG-01"].period.unique()) == [
        "2010",
        "2013",
        "2017",
        "2021",
        "2023",
    ]
    quarters = sorted(frame[frame.indicator == "KOL-01"].period.unique())
    assert quarters[0] == "2018K1" and quarters[-1] == "2024K4" and len(quarters) == 28
    kol = frame[(frame.indicator == "KOL-01") & (frame.area == "MIDT")]
    assert (kol.numerator > 0).all() and (kol.denominator > kol.numerator).all()
    assert kol.value.between(200, 450).all()  # the example workbook's level: ~315 per 1.000


def test_values_are_percentages_with_confidence_limits(demo_frame):
    cat, frame, *_ = demo_frame
    percent = frame[
        frame.indicator.isin([i.code for i in cat.indicators.values() if i.unit == "%"])
    ]
    assert percent.value.between(0, 100).all()
    assert (percent.lower <= percent.value).all() and (percent.value <= percent.upper).all()


def test_demo_is_deterministic(demo_template):
    engine = store.open_store(f"sqlite:///{demo_template['sqlite']}")
    with store.read_session(engine) as session:
        cat = Catalogue.load(session)
    store.dispose_engines()
    first, second = demo_rounds(cat), demo_rounds(cat)
    assert pd.DataFrame(first[0].rows).equals(pd.DataFrame(second[0].rows))


def test_app_start_fills_only_the_default_database(tmp_path, monkeypatch):
    monkeypatch.delenv("GOALS_DATABASE_URL", raising=False)
    monkeypatch.setattr(config, "DEFAULT_DATABASE_PATH", tmp_path / "data" / "goals.db")
    engine = setup.prepare_app_store()
    assert setup.has_demo_values(engine)
    store.dispose_engines()

    named = f"sqlite:///{tmp_path / 'named.db'}"
    monkeypatch.setenv("GOALS_DATABASE_URL", named)
    engine = setup.prepare_app_store()
    assert store.is_empty(engine) and not setup.has_values(engine)
    store.dispose_engines()


def test_demo_command_does_not_load_twice(tmp_path, monkeypatch, capsys):
    from goals.cli import main

    monkeypatch.setenv("GOALS_DATABASE_URL", f"sqlite:///{tmp_path / 'd.db'}")
    assert main(["demo"]) == 0
    assert "loaded through the importer" in capsys.readouterr().out
    store.dispose_engines()
    assert main(["demo"]) == 0
    assert "already holds values" in capsys.readouterr().out
    store.dispose_engines()
