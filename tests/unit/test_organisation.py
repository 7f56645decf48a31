"""An organisation that changes over time (issue 17, part 2): dated memberships, a municipality
in two clusters, a cluster's value combined from the municipalities of its period, and a
reorganisation that keeps earlier periods as they were — through status, charts and the
command line. SQLite and, with GOALS_TEST_POSTGRES_URL, PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy.engine import Engine

from goals import store
from goals.access import Actor
from goals.catalogue import Catalogue
from goals.catalogue.edit import CatalogueEditError, join_area, leave_area
from goals.cli import main
from goals.present import charts
from goals.present.indicator_data import data_notes, observations, shown_table
from goals.setup import initialise
from goals.status import assess
from goals.status.assessment import cluster_areas
from goals.status.derived import combine_rule
from goals.store.model import Role
from goals.workbook import import_workbook
from tests.conftest import VALUE_HEADER, sheet_bytes

pytestmark = pytest.mark.store

ADMIN = Actor(name="sekretariat", role=Role.ADMIN)
#: KOL-01 (pr. 1.000 borgere med KOL): (numerator, denominator) per municipality and quarter
COUNTS = {
    "Hjørring": {"2019K4": (60, 200), "2024K4": (50, 200)},
    "Brønderslev": {"2019K4": (30, 100), "2024K4": (25, 100)},
    "Frederikshavn": {"2019K4": (45, 150), "2024K4": (40, 150)},
    "Læsø": {"2019K4": (6, 20), "2024K4": (5, 20)},
    "Aalborg": {"2019K4": (120, 400), "2024K4": (100, 400)},
    "Jammerbugt": {"2019K4": (33, 100), "2024K4": (30, 100)},
}


def _workbook(rows: list[list]) -> bytes:
    return sheet_bytes(rows, VALUE_HEADER)


def _rate(numerator: float, denominator: float) -> float:
    return numerator / denominator * 1000


def _upload(engine: Engine, rows: list[list]) -> None:
    result = import_workbook(
        engine=engine, content=_workbook(rows), filename="kol.xlsx", user="styregruppe"
    )
    assert result.status == "applied", result.errors


def _municipal_rows(names=COUNTS) -> list[list]:
    return [
        ["KOL-01", name, period, "I alt", round(_rate(n, d), 3), n, d]
        for name in names
        for period, (n, d) in COUNTS[name].items()
    ]


@pytest.fixture
def north(store_url: str) -> Engine:
    """A Nordjylland store with KOL-01 reported for municipalities only."""
    initialise(store_url, catalogue_name="nordjylland")
    engine = store.get_engine(store_url)
    _upload(engine, _municipal_rows())
    return engine


def _reorganise(engine: Engine) -> None:
    """Jammerbugt moves from Klynge Midt to Klynge Nord on 1 January 2022; Læsø belongs to
    Klynge Midt as well from 1 January 2023 (and stays in Klynge Nord)."""
    with store.write_session(engine) as session:
        leave_area(session=session, actor=ADMIN, code="K849", parent="MIDT", until="2022-01-01")
        join_area(session=session, actor=ADMIN, code="K849", parent="NORD", since="2022-01-01")
        join_area(session=session, actor=ADMIN, code="K825", parent="MIDT", since="2023-01-01")


def _row(report, cluster: str, criterion: str = "KOL-2-A"):
    return next(r for r in report.rows if r.area == cluster and r.criterion == criterion)


def _sum(names: list[str], period: str) -> float:
    return _rate(sum(COUNTS[n][period][0] for n in names), sum(COUNTS[n][period][1] for n in names))


NORTH_2019 = ["Hjørring", "Brønderslev", "Frederikshavn", "Læsø"]


def test_a_cluster_without_values_of_its_own_gets_its_municipalities_sum(north: Engine) -> None:
    report = assess(engine=north, catalogue=Catalogue.read(north))
    midt = _row(report, "MIDT")
    assert midt.base_value == pytest.approx(_sum(["Aalborg", "Jammerbugt"], "2019K4"))
    assert midt.latest_value == pytest.approx(_sum(["Aalborg", "Jammerbugt"], "2024K4"))
    assert midt.derived_periods == ("2019K4", "2024K4")
    assert "lagt sammen af kommunernes tal" in midt.reason_text
    # the 95 % interval comes from the summed counts: the change is judged against noise
    assert midt.base_se is not None and midt.latest_se is not None
    record = midt.record()
    assert record["derived_periods"] == ["2019K4", "2024K4"]
    # Klynge Syd's municipalities reported nothing: no value, and no made-up one
    syd = _row(report, "SYD")
    assert syd.reason == "no_data" and syd.derived_periods == ()


def test_values_count_for_the_clusters_of_their_period(north: Engine) -> None:
    _reorganise(north)
    cat = Catalogue.read(north)
    laesoe, jammerbugt = cat.area("K825"), cat.area("K849")
    assert [c.code for c in cat.clusters_of(jammerbugt, dt.date(2021, 12, 31))] == ["MIDT"]
    assert [c.code for c in cat.clusters_of(jammerbugt, dt.date(2022, 1, 1))] == ["NORD"]
    assert [c.code for c in cat.clusters_of(laesoe, dt.date(2024, 1, 1))] == ["NORD", "MIDT"]
    assert cat.organisation_changes == [dt.date(2022, 1, 1), dt.date(2023, 1, 1)]
    assert cat.organisation_since(dt.date(2022, 6, 1)) == dt.date(2022, 1, 1)

    report = assess(engine=north, catalogue=cat)
    midt, nord = _row(report, "MIDT"), _row(report, "NORD")
    # 2019: the organisation as it was then
    assert midt.base_value == pytest.approx(_sum(["Aalborg", "Jammerbugt"], "2019K4"))
    assert nord.base_value == pytest.approx(_sum(NORTH_2019, "2019K4"))
    # 2024: Jammerbugt counts for Nord; Læsø counts for both clusters it belongs to
    assert midt.latest_value == pytest.approx(_sum(["Aalborg", "Læsø"], "2024K4"))
    assert nord.latest_value == pytest.approx(_sum([*NORTH_2019, "Jammerbugt"], "2024K4"))

    # A view of an earlier period keeps that period's members (municipality criteria, the
    # Klynge page and `status --cluster`)
    ids = cluster_areas(cat, "Klynge Midt", when=dt.date(2021, 12, 31))
    assert jammerbugt.id in ids and laesoe.id not in ids
    ids = cluster_areas(cat, "Klynge Midt", when=dt.date(2024, 12, 31))
    assert jammerbugt.id not in ids and laesoe.id in ids


def test_the_chart_and_table_show_the_combined_values_and_say_so(north: Engine) -> None:
    _reorganise(north)
    cat = Catalogue.read(north)
    with store.read_session(north) as session:
        frame = observations(session, cat, indicator="KOL-01", areas=["MIDT", "NORD"], groups=["I alt"])  # fmt: skip
    by = {(r.area, r.period): r for r in frame.itertuples()}
    assert by[("MIDT", "2019K4")].value == pytest.approx(_sum(["Aalborg", "Jammerbugt"], "2019K4"))
    assert by[("MIDT", "2024K4")].value == pytest.approx(_sum(["Aalborg", "Læsø"], "2024K4"))
    assert set(by[("MIDT", "2024K4")].derived.split(",")) == {"K851", "K825"}
    assert by[("NORD", "2024K4")].numerator == sum(
        COUNTS[n]["2024K4"][0] for n in [*NORTH_2019, "Jammerbugt"]
    )
    # the municipalities themselves were not asked for: only the clusters' rows
    assert set(frame["area"]) == {"MIDT", "NORD"}
    table = shown_table(frame, cat, cat.indicator("KOL-01"), "da")
    assert any("Beregnet af kommunernes tal: Aalborg Kommune" in n for n in table["Bemærkning"])
    notes = data_notes(frame, cat, "en")
    assert any("Central cluster: the figures for Q4 2019, Q4 2024 are combined" in n for n in notes)
    # the series chart draws them like any value
    figure = charts.series_chart(
        frame.assign(series=frame["area"])[["series", "period", "value", "lower", "upper"]],
        unit="pr. 1.000",
        decimals=1,
        title="KOL-01",
        lang="da",
    )
    drawn = [y for trace in figure.data for y in (trace.y or ()) if y is not None]
    assert any(y == pytest.approx(_sum(["Aalborg", "Læsø"], "2024K4")) for y in drawn)


def test_a_cluster_with_values_of_its_own_keeps_them_and_nothing_is_mixed_in(
    north: Engine,
) -> None:
    """A series is the cluster's own or its municipalities': a source's published cluster
    figures and sums of municipal figures are never mixed (a break in the series)."""
    _upload(
        north,
        [
            ["KOL-01", "Klynge Midt", "2019K4", "I alt", "250,0", None, None],
            ["KOL-01", "Klynge Nord", "2024K4", "I alt", "Diskretioneret", None, None],
        ],
    )
    cat = Catalogue.read(north)
    report = assess(engine=north, catalogue=cat)
    midt, nord = _row(report, "MIDT"), _row(report, "NORD")
    assert midt.series == {"2019K4": 250.0} and midt.derived_periods == ()
    # Nord's own 2024K4 is withheld on purpose: nothing is combined in its place, nor before
    assert nord.series == {} and nord.derived_periods == ()
    with store.read_session(north) as session:
        frame = observations(session, cat, indicator="KOL-01", areas=["MIDT", "NORD"], groups=["I alt"])  # fmt: skip
    assert set(frame["derived"]) == {""}  # the chart and table agree
    assert list(frame.loc[frame["area"] == "MIDT", "period"]) == ["2019K4"]


def test_nothing_is_combined_when_a_member_is_missing_or_the_unit_does_not_add_up(
    north: Engine,
) -> None:
    # Jammerbugt's 2024K4 value is a standardised rate: not its numerator over its denominator
    _upload(north, [["KOL-01", "Jammerbugt", "2024K4", "I alt", "410,0", 30, 100]])
    report = assess(engine=north, catalogue=Catalogue.read(north))
    assert "2024K4" not in _row(report, "MIDT").series
    cat = Catalogue.read(north)
    assert combine_rule(cat.indicator("KOL-01")) == ("ratio", 1000.0)
    assert combine_rule(cat.indicator("BEF-01")) == ("sum", 1.0)
    assert combine_rule(cat.indicator("PSY-01")) == ("ratio", 100.0)


def test_a_replaced_cluster_stays_readable_for_its_periods(north: Engine) -> None:
    """Klynge Midt is replaced by a new cluster on 1 January 2024: a report of 2023 still has
    it, today's report has the new one."""
    from goals.catalogue.edit import add_area

    with store.write_session(north) as session:
        add_area(
            session=session, actor=ADMIN, code="SR-AAL", name="Sundhedsrådet for Aalborgområdet",
            kind="cluster", parent="RN", since="2024-01-01",
        )  # fmt: skip
        leave_area(session=session, actor=ADMIN, code="MIDT", parent="RN", until="2024-01-01")
        for code in ("K851", "K849"):
            leave_area(session=session, actor=ADMIN, code=code, parent="MIDT", until="2024-01-01")
            join_area(session=session, actor=ADMIN, code=code, parent="SR-AAL", since="2024-01-01")
    cat = Catalogue.read(north)
    assert "MIDT" in {c.code for c in cat.clusters_on(dt.date(2023, 12, 31))}
    assert {c.code for c in cat.clusters_on(dt.date(2024, 1, 1))} == {
        "NORD", "SYD", "VEST", "SR-AAL"
    }  # fmt: skip
    today = assess(engine=north, catalogue=cat)
    assert "MIDT" not in {r.area for r in today.rows}
    aalborg = _row(today, "SR-AAL")
    assert aalborg.latest_value == pytest.approx(_sum(["Aalborg", "Jammerbugt"], "2024K4"))
    assert aalborg.derived_periods == ("2024K4",)  # it did not exist in 2019
    earlier = assess(engine=north, catalogue=cat, as_of="2023K4")
    assert "MIDT" in {r.area for r in earlier.rows}
    assert "SR-AAL" not in {r.area for r in earlier.rows}
    from goals.status.overview import grid_model

    assert [c for c, _ in grid_model(earlier, cat, "da").clusters] == ["NORD", "MIDT", "SYD", "VEST"]  # fmt: skip
    assert "SR-AAL" in [c for c, _ in grid_model(today, cat, "da").clusters]


def test_membership_edits_are_checked_and_audited(north: Engine) -> None:
    with store.write_session(north) as session:
        join_area(session=session, actor=ADMIN, code="K825", parent="MIDT", since="2023-01-01")
    with store.write_session(north) as session, pytest.raises(CatalogueEditError, match="allerede"):
        join_area(session=session, actor=ADMIN, code="K825", parent="MIDT", since="2024-01-01")
    with store.write_session(north) as session, pytest.raises(CatalogueEditError, match="hører ikke"):  # fmt: skip
        leave_area(session=session, actor=ADMIN, code="K825", parent="SYD")
    with store.write_session(north) as session, pytest.raises(CatalogueEditError, match="kommune"):  # fmt: skip
        join_area(session=session, actor=ADMIN, code="K825", parent="K851")  # not a cluster
    from goals.access import audit_events

    with store.read_session(north) as session:
        actions = [e.action for e in audit_events(session)]
    assert actions.count("catalogue.area.join") == 1


def test_the_command_line_shows_and_changes_the_organisation(north, store_url, monkeypatch, capsys):
    monkeypatch.setenv("GOALS_DATABASE_URL", store_url)
    store.dispose_engines()
    assert main(["membership", "join", "Læsø", "Klynge Midt", "--since", "2023-01-01"]) == 0
    assert "K825 hører nu også til MIDT fra 2023-01-01." in capsys.readouterr().out
    assert main(["membership", "join", "Læsø", "Klyng Midt"]) == 2
    assert "mente du 'Klynge Midt'" in capsys.readouterr().err
    assert main(["organisation", "--on", "2024-06-30", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["since"] == "2023-01-01" and answer["changes"] == ["2023-01-01"]
    midt = next(c for c in answer["clusters"] if c["code"] == "MIDT")
    laesoe = next(m for m in midt["members"] if m["code"] == "K825")
    assert laesoe["clusters"] == ["NORD", "MIDT"]
    assert main(["organisation", "--on", "2022-06-30", "--json"]) == 0
    earlier = json.loads(capsys.readouterr().out)
    midt = next(c for c in earlier["clusters"] if c["code"] == "MIDT")
    assert "K825" not in {m["code"] for m in midt["members"]} and earlier["since"] is None
    assert main(["membership", "leave", "K825", "MIDT", "--until", "2025-01-01"]) == 0
    assert main(["organisation", "--on", "nonsense"]) == 2
