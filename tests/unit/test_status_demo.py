"""The worked example in docs/method.md, recomputed from the demo store (loaded by the importer)."""

from __future__ import annotations

import math

import pytest

from goals.status import assess
from tests.conftest import ROOT

approx = pytest.approx


def test_worked_example_in_the_docs(demo_engine):
    text = (ROOT / "docs" / "method.md").read_text(encoding="utf-8")
    report = assess(engine=demo_engine)
    rows = {(r.criterion, r.area): r for r in report.rows}
    row = rows[("KOL-1-A", "AARHUS")]
    assert row.revision == 2 and row.target_input == -20.0
    assert (row.base_period, row.base_value, row.latest_period, row.latest_value) == (
        "2017",
        20.7,
        "2023",
        16.9,
    )
    assert row.target == approx(16.56)
    assert row.required_rate == approx(-0.0275, abs=5e-5)
    assert row.observed_rate == approx(-0.0332, abs=5e-5)
    assert row.ratio == approx(1.21, abs=5e-3)
    assert row.status == "on_track" and row.score == approx(4.35, abs=0.005)
    assert row.comparison == "similar" and row.region_value == 18.2
    assert (row.latest_lower, row.latest_upper) == (14.6, 19.2)
    assert row.trend.direction == "not_calculated"

    earlier = {(r.criterion, r.area): r for r in assess(engine=demo_engine, as_of="2021").rows}[
        ("KOL-1-A", "AARHUS")
    ]
    assert earlier.revision == 1 and earlier.target == approx(17.595)
    assert earlier.latest_value == 18.5 and earlier.ratio == approx(1.38, abs=5e-3)
    assert earlier.observed_rate == approx(-0.0277, abs=5e-5)
    assert earlier.status == "on_track" and earlier.score == approx(5.0)

    gap = rows[("KOL-1-B", "AARHUS")]
    assert gap.score == approx(4.59, abs=0.005) and gap.status == "on_track"
    assert gap.verdict == "uncertain" and gap.change == approx(-2.9)
    assert 1.96 * math.hypot(gap.base_se, gap.latest_se) == approx(3.8, abs=0.05)
    assert rows[("KOL-1-C", "AARHUS")].status == "target_achieved"
    assert row.verdict == "on_track" and row.certainty == "certain"
    assert (row.change_per_year, row.needed_per_year) == (approx(-0.633, abs=1e-3), approx(-0.17))
    goal = report.goal_area[("KOL-1", "AARHUS")]
    assert goal.status == "on_track" and (goal.support, goal.n) == (2, 3)
    track = report.track_area[("KOL", "AARHUS")]
    assert track.status == "on_track" and (track.support, track.n) == (3, 4)
    psy = report.track_area[("PSY", "AARHUS")]
    assert psy.status == "deterioration" and (psy.support, psy.n) == (2, 3)

    # The certainty example: PSY-2-A's gap 7.7 → 7.9 is within the noise.
    example = rows[("PSY-2-A", "AARHUS")]
    assert example.status == "deterioration" and example.score == approx(-3.39, abs=0.005)
    assert example.verdict == "uncertain"
    assert example.base_se == approx(1.531, abs=5e-4)
    assert example.latest_se == approx(1.685, abs=5e-4)
    z = example.change / math.hypot(example.base_se, example.latest_se)
    assert z == approx(0.09, abs=5e-3)
    assert example.reason_text in " ".join(text.split())  # quoted word for word

    trend = rows[("KOL-2-A", "AARHUS")].trend
    assert [p.code for p in trend.periods] == ["2023K4", "2024K1", "2024K2", "2024K3", "2024K4"]
    assert trend.method == "fingertips" and trend.direction == "no_significant_change"
    assert trend.slope == approx(-3.8, abs=0.05) and trend.chi2 == approx(4.6, abs=0.05)

    for written in (
        "16,6 %",
        "−2,75 % om året",
        "−3,32 % om året",
        "1,21",
        "17,6 %",
        "3 af 4 succeskriterier er på rette spor eller har nået målet",
        "2 af 3 succeskriterier er i forværring",
        "1,531",
        "2,277",
        "±3,4 procentpoint",
        "χ² = 4,6",
        "−3,8 pr. kvartal",
    ):
        assert written in " ".join(text.split())


@pytest.mark.parametrize("per_query", [1, 3])
def test_batched_rows_equal_the_one_query_report(demo_engine, monkeypatch, per_query):
    """`assess` reads the values in batches of criteria (no parameter limit at any catalogue
    size); rows are the same whatever the batch, and `assess_rows` yields them in order."""
    import io

    from goals import store
    from goals.status import assess_rows, assessment
    from goals.status.report import write_json_rows

    whole = assess(engine=demo_engine, as_of="2023")
    monkeypatch.setattr(assessment, "CRITERIA_PER_QUERY", per_query)
    batched = assess(engine=demo_engine, as_of="2023")
    assert [r.record() for r in batched.rows] == [r.record() for r in whole.rows]
    assert batched.cluster == whole.cluster and batched.region == whole.region
    with store.read_session(demo_engine) as session:
        out = io.StringIO()
        write_json_rows(assess_rows(session=session, as_of="2023"), out)
    assert out.getvalue() == whole.to_json()
    assert len(whole.rows) > 3 * per_query
