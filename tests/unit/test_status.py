"""Status of success criteria × areas from the store: hand-computed cases for every branch.

Each test inserts a few observations into a store with the demo catalogue, then checks the
assessment against numbers computed by hand from the method (docs/method.md):
    CAGR = (v1 / v0) ** (1 / years) − 1,  x = sign · d · CAGR(observed) / |CAGR(required)|
    score with a target: 7.1429 x − 4.2857 for x ≥ 0.6, else 4.1667 x − 2.5 (clipped to ±5).
"""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from goals import store
from goals.catalogue import Catalogue
from goals.cli import main
from goals.i18n import t
from goals.periods import PeriodError
from goals.present.style import COMPARISON_STYLE, STATUS_STYLE
from goals.status import (
    REASON_CODES,
    RECORD_KEYS,
    StatusReport,
    UnknownArea,
    assess,
    combine_rows,
    status_counts,
)
from goals.status.progress import STATUSES
from goals.status.verdicts import VERDICTS
from goals.store.model import CriterionRevision, Indicator, Observation, Upload, UploadState
from goals.store.observations import mark_applied

approx = pytest.approx
TOTAL = "I alt"
LOW = "Uddannelse: Grundskole"
HIGH = "Uddannelse: Lang videregående"


def cagr(v1: float, v0: float, years: float) -> float:
    return (v1 / v0) ** (1 / years) - 1


def score_with_target(x: float) -> float:
    return min(7.1429 * x - 4.2857, 5) if x >= 0.6 else max(4.1667 * x - 2.5, -5)


def add_values(engine, rows, *, state: str = "applied") -> int:
    """Insert observations (indicator, area, period, group, value[, lower, upper[, numerator,
    denominator]]) as one upload."""
    with store.read_session(engine) as session:
        cat = Catalogue.load(session)
    with store.write_session(engine) as session:
        upload = Upload(
            filename="test.xlsx",
            sha256="0" * 64,
            size=0,
            content=b"",
            user="test",
            state=UploadState(state),
        )
        session.add(upload)
        session.flush()
        for indicator, area, period, group, value, *limits in rows:
            lower, upper, numerator, denominator = [*limits, None, None, None, None][:4]
            session.add(
                Observation(
                    indicator_id=cat.indicator(indicator).id,
                    area_id=cat.area(area).id,
                    period=period,
                    group_id=cat.group(group).id,
                    value=value,
                    lower=lower,
                    upper=upper,
                    numerator=numerator,
                    denominator=denominator,
                    upload_id=upload.id,
                )
            )
        if upload.state == UploadState.APPLIED:
            session.flush()
            mark_applied(session, upload.id)
        return upload.id


def row_of(report: StatusReport, criterion: str, area: str):
    matches = [r for r in report.rows if r.criterion == criterion and r.area == area]
    assert len(matches) == 1, (criterion, area, len(matches))
    return matches[0]


def set_indicator(engine, code: str, **values) -> None:
    with store.write_session(engine) as session:
        session.execute(sa.update(Indicator).where(Indicator.code == code).values(**values))


def set_revisions(engine, criterion: str, **values) -> None:
    with store.read_session(engine) as session:
        info = next(c for c in Catalogue.load(session).criteria if c.code == criterion)
    ids = [r.id for r in info.revisions]
    with store.write_session(engine) as session:
        session.execute(
            sa.update(CriterionRevision).where(CriterionRevision.id.in_(ids)).values(**values)
        )


# --- targets -----------------------------------------------------------------------------------


def test_absolute_target(catalogue_engine):
    # KOL-1-C: RYG-01 (lower is better), total, at most 12 % in 2025 from 2017.
    add_values(
        catalogue_engine,
        [("RYG-01", "AARHUS", "2017", TOTAL, 16.0), ("RYG-01", "AARHUS", "2021", TOTAL, 14.0)],
    )
    row = row_of(assess(engine=catalogue_engine), "KOL-1-C", "AARHUS")
    observed = cagr(14, 16, 4)  # −3.283 % a year
    required = cagr(12, 16, 8)  # −3.532 % a year
    x = -observed / abs(required)  # 0.9295
    assert row.target == 12.0 and row.target_type == "absolute" and row.target_input == 12.0
    assert (row.base_period, row.base_value, row.latest_period, row.latest_value) == (
        "2017",
        16.0,
        "2021",
        14.0,
    )
    assert row.observed_rate == approx(observed)
    assert row.required_rate == approx(required)
    assert row.ratio == approx(x)
    assert row.status == "needs_acceleration"
    assert row.score == approx(score_with_target(x), abs=1e-4)
    assert row.higher_is_better is False
    assert row.reason is None
    assert row.series == {"2017": 16.0, "2021": 14.0}
    # The reason speaks in the unit: percentage points a year, from the latest value on.
    assert row.reason_text == (
        "Andelen er faldet fra 16,0 % i 2017 til 14,0 % i 2021 (−0,5 procentpoint om året). "
        "Tallene har ingen oplyst usikkerhed, så det kan ikke afgøres, om ændringen er mere end "
        "tilfældig variation. For at nå 12,0 % i 2025 skal andelen falde 0,5 procentpoint om året "
        "fra nu."
    )
    assert "CAGR" not in row.reason_text and "%" + " om året" not in row.reason_text
    assert (row.change, row.change_per_year, row.needed_per_year) == (-2.0, -0.5, -0.5)
    assert row.certainty == "unknown" and row.verdict == "needs_acceleration"
    assert row.status_label == "Fremgang – men for langsom"


def test_relative_target_and_revisions(catalogue_engine):
    # KOL-1-A: group Grundskole, −15 % (valid from 2019-03-01), then −20 % (from 2022-06-01).
    add_values(
        catalogue_engine,
        [
            ("RYG-01", "AARHUS", "2017", LOW, 25.0),
            ("RYG-01", "AARHUS", "2021", LOW, 22.0),
            ("RYG-01", "AARHUS", "2023", LOW, 19.5),
        ],
    )
    # As of 2021 (revision valid on 2021-12-31): −15 %, the 2023 value is not used yet.
    old = row_of(assess(engine=catalogue_engine, as_of="2021"), "KOL-1-A", "AARHUS")
    assert old.revision == 1 and old.target_input == -15.0
    assert old.target == approx(21.25)  # 25 × (1 − 0.15)
    assert old.latest_period == "2021" and "2023" not in old.series
    x = -cagr(22, 25, 4) / abs(cagr(21.25, 25, 8))
    assert old.ratio == approx(x)
    assert old.status == "on_track"  # x = 1.57 ≥ 0.95
    # In the first quarter of 2022 the first revision is still valid.
    assert (
        row_of(assess(engine=catalogue_engine, as_of="2022K1"), "KOL-1-A", "AARHUS").revision == 1
    )
    # As of 2022 (2022-12-31) the second revision applies: target 20, not reached by 22.
    mid = row_of(assess(engine=catalogue_engine, as_of="2022"), "KOL-1-A", "AARHUS")
    assert mid.revision == 2 and mid.target == approx(20.0)
    assert mid.ratio == approx(-cagr(22, 25, 4) / abs(cagr(20, 25, 8)))
    # Today, with all data: 19.5 ≤ 20, the target is reached.
    now = row_of(assess(engine=catalogue_engine), "KOL-1-A", "AARHUS")
    assert now.revision == 2 and now.status == "target_achieved" and now.score == 5.0
    assert now.latest_value == 19.5
    assert "er nået" in now.reason_text


def test_points_target(catalogue_engine):
    # DIA-1-A: DIA-02 (higher is better), +5 points from 2019 to 2025.
    add_values(
        catalogue_engine,
        [("DIA-02", "HORSENS", "2019", TOTAL, 60.0), ("DIA-02", "HORSENS", "2022", TOTAL, 62.0)],
    )
    row = row_of(assess(engine=catalogue_engine), "DIA-1-A", "HORSENS")
    assert row.target == 65.0 and row.target_type == "points"
    x = cagr(62, 60, 3) / cagr(65, 60, 6)  # 0.8289
    assert row.ratio == approx(x)
    assert row.status == "needs_acceleration"
    assert row.score == approx(score_with_target(x), abs=1e-4)
    assert row.higher_is_better is True


def test_quarterly_criterion_measures_time_in_years(catalogue_engine):
    # KOL-2-A: KOL-01 quarterly, −10 % from 2019K4 to 2025K4.
    add_values(
        catalogue_engine,
        [
            ("KOL-01", "VEST", "2019K4", TOTAL, 300.0),
            ("KOL-01", "VEST", "2021K4", TOTAL, 291.0),
        ],
    )
    row = row_of(assess(engine=catalogue_engine), "KOL-2-A", "VEST")
    assert row.target == approx(270.0)
    assert row.ratio == approx(-cagr(291, 300, 2) / abs(cagr(270, 300, 6)))


# --- gap criteria -------------------------------------------------------------------------------


def test_gap_criterion_uses_periods_where_both_groups_have_values(catalogue_engine):
    # KOL-1-B: gap Grundskole − Lang videregående, −20 % from 2017 to 2025, smaller is better.
    add_values(
        catalogue_engine,
        [
            ("RYG-01", "MIDT", "2017", LOW, 25.0, 24.0, 26.0),
            ("RYG-01", "MIDT", "2019", LOW, 24.0),  # only group A: no gap
            ("RYG-01", "MIDT", "2021", LOW, 23.0),
            ("RYG-01", "MIDT", "2017", HIGH, 7.0, 6.0, 8.0),
            ("RYG-01", "MIDT", "2021", HIGH, 8.0),
            ("RYG-01", "MIDT", "2023", HIGH, 6.0),  # only group B: no gap
            # the region, for the comparison of the gap
            ("RYG-01", "RM", "2021", LOW, 24.0),
            ("RYG-01", "RM", "2021", HIGH, 6.0),
        ],
    )
    row = row_of(assess(engine=catalogue_engine), "KOL-1-B", "MIDT")
    assert row.gap is True and row.higher_is_better is False
    assert row.series == {"2017": 18.0, "2021": 15.0}
    assert row.target == approx(14.4)  # 18 × 0.8
    assert row.ratio == approx(-cagr(15, 18, 4) / abs(cagr(14.4, 18, 8)))
    assert row.unit == "procentpoint"
    assert (
        row.subject == "Forskel: Grundskole − Education: long higher education"
        or "−" in row.subject
    )
    assert "forskellen" in row.reason_text
    # No confidence limits for 2021 in group B, so the gap has none and is not compared.
    assert row.comparison == "not_compared" and row.region_value == approx(18.0)


def test_gap_confidence_limits_add_variances(catalogue_engine):
    # Both groups with 95 % limits 2 wide (se = 2/3.92): the gap's se is √2 · 2/3.92, so its
    # limits are gap ± 1.96 · √2 · 2/3.92 = gap ± √2.
    add_values(
        catalogue_engine,
        [
            ("RYG-01", "MIDT", "2017", LOW, 25.0, 24.0, 26.0),
            ("RYG-01", "MIDT", "2017", HIGH, 7.0, 6.0, 8.0),
            ("RYG-01", "MIDT", "2021", LOW, 23.0, 22.0, 24.0),
            ("RYG-01", "MIDT", "2021", HIGH, 8.0, 7.0, 9.0),
            ("RYG-01", "RM", "2021", LOW, 24.0),
            ("RYG-01", "RM", "2021", HIGH, 7.0),  # region gap 17 > 15 + √2
        ],
    )
    row = row_of(assess(engine=catalogue_engine), "KOL-1-B", "MIDT")
    assert row.latest_lower == approx(15 - 2**0.5)
    assert row.latest_upper == approx(15 + 2**0.5)
    assert row.comparison == "better"  # smaller gap than the region's, beyond the limits


def test_negative_gap_is_not_assessed(catalogue_engine):
    add_values(
        catalogue_engine,
        [
            ("RYG-01", "MIDT", "2017", LOW, 5.0),
            ("RYG-01", "MIDT", "2017", HIGH, 7.0),
            ("RYG-01", "MIDT", "2021", LOW, 6.0),
            ("RYG-01", "MIDT", "2021", HIGH, 7.0),
        ],
    )
    row = row_of(assess(engine=catalogue_engine), "KOL-1-B", "MIDT")
    assert row.status == "not_available" and row.reason == "negative_gap"
    assert row.series == {"2017": -2.0, "2021": -1.0}


# --- not available -------------------------------------------------------------------------------


def test_missing_baseline_for_relative_target(catalogue_engine):
    add_values(
        catalogue_engine,
        [("RYG-01", "MIDT", "2019", LOW, 24.0), ("RYG-01", "MIDT", "2021", LOW, 23.0)],
    )
    row = row_of(assess(engine=catalogue_engine), "KOL-1-A", "MIDT")
    assert row.status == "not_available" and row.reason == "no_baseline_value"
    assert row.score is None and row.target is None
    assert row.reason_text == (
        "Midtklyngen har ingen værdi for basisåret 2017, så udviklingen kan ikke vurderes."
    )
    assert row.latest_value == 23.0 and row.series == {"2019": 24.0, "2021": 23.0}
    english = row_of(assess(engine=catalogue_engine, lang="en"), "KOL-1-A", "MIDT")
    assert english.reason_text.startswith("Central cluster has no value for the baseline 2017")


def test_missing_baseline_for_absolute_target_uses_the_next_period(catalogue_engine):
    add_values(
        catalogue_engine,
        [("RYG-01", "RANDERS", "2019", TOTAL, 17.0), ("RYG-01", "RANDERS", "2021", TOTAL, 16.0)],
    )
    row = row_of(assess(engine=catalogue_engine), "KOL-1-C", "RANDERS")
    assert row.baseline_period == "2017" and row.base_period == "2019"
    assert row.ratio == approx(-cagr(16, 17, 2) / abs(cagr(12, 17, 6)))
    assert "ingen værdi for basisåret 2017, så 2019 er brugt" in row.reason_text


def test_one_period_only_and_no_data(catalogue_engine):
    add_values(catalogue_engine, [("RYG-01", "HORSENS", "2021", TOTAL, 15.0)])
    report = assess(engine=catalogue_engine)
    one = row_of(report, "KOL-1-C", "HORSENS")
    assert one.status == "not_available" and one.reason == "fewer_than_two_periods"
    assert one.latest_period == "2021" and "kun tal for én periode (2021)" in one.reason_text
    none = row_of(report, "KOL-1-C", "VEST")
    assert none.reason == "no_data" and none.series == {}
    assert none.reason_text.startswith("Vestklyngen har endnu ingen tal")
    assert none.comparison == "not_compared" and none.trend.direction == "not_calculated"


def test_one_period_meeting_an_absolute_target_is_achieved(catalogue_engine):
    # KOL-1-C: at most 12 % in 2025. One value of 11 % has met it, as sdg-build would publish.
    add_values(catalogue_engine, [("RYG-01", "HORSENS", "2021", TOTAL, 11.0)])
    row = row_of(assess(engine=catalogue_engine), "KOL-1-C", "HORSENS")
    assert (row.status, row.score, row.reason, row.ratio) == ("target_achieved", 5, None, None)
    assert row.reason_text == "Andelen er 11,0 % (2021). Målet på 12,0 % i 2025 er nået."
    assert row.change is None and row.needed_per_year is None and row.certainty == "unknown"
    assert row.verdict == "target_achieved"


def test_withheld_values_are_no_data(catalogue_engine):
    add_values(
        catalogue_engine,
        [("RYG-01", "VEST", "2017", TOTAL, None), ("RYG-01", "VEST", "2021", TOTAL, 15.0)],
    )
    row = row_of(assess(engine=catalogue_engine), "KOL-1-C", "VEST")
    assert row.series == {"2021": 15.0} and row.reason == "fewer_than_two_periods"


def test_rolled_back_uploads_are_ignored(catalogue_engine):
    add_values(
        catalogue_engine,
        [("RYG-01", "AARHUS", "2017", TOTAL, 16.0), ("RYG-01", "AARHUS", "2021", TOTAL, 14.0)],
    )
    add_values(
        catalogue_engine,
        [("RYG-01", "AARHUS", "2021", TOTAL, 9.0), ("RYG-01", "VEST", "2017", TOTAL, 16.0)],
        state="rolled_back",
    )
    report = assess(engine=catalogue_engine)
    assert row_of(report, "KOL-1-C", "AARHUS").latest_value == 14.0
    assert row_of(report, "KOL-1-C", "VEST").reason == "no_data"
    # A newer applied upload replaces a value.
    add_values(catalogue_engine, [("RYG-01", "AARHUS", "2021", TOTAL, 11.5)])
    assert row_of(assess(engine=catalogue_engine), "KOL-1-C", "AARHUS").status == (
        "target_achieved"
    )


# --- polarity ------------------------------------------------------------------------------------


def test_no_polarity_with_target_takes_the_direction_from_the_target(catalogue_engine):
    set_indicator(catalogue_engine, "DIA-02", polarity="none")
    add_values(
        catalogue_engine,
        [("DIA-02", "HORSENS", "2019", TOTAL, 60.0), ("DIA-02", "HORSENS", "2022", TOTAL, 62.0)],
    )
    row = row_of(assess(engine=catalogue_engine), "DIA-1-A", "HORSENS")
    assert row.higher_is_better is True  # target 65 above base 60
    assert row.ratio == approx(cagr(62, 60, 3) / cagr(65, 60, 6))
    assert "målet viser, at højere er bedst" in row.reason_text


def test_no_polarity_without_target_is_not_assessed(catalogue_engine):
    set_indicator(catalogue_engine, "DIA-02", polarity="none")
    set_revisions(
        catalogue_engine, "DIA-1-A", target_type=None, target_value=None, target_period=None
    )
    add_values(
        catalogue_engine,
        [("DIA-02", "HORSENS", "2019", TOTAL, 60.0), ("DIA-02", "HORSENS", "2022", TOTAL, 62.0)],
    )
    row = row_of(assess(engine=catalogue_engine), "DIA-1-A", "HORSENS")
    assert row.status == "not_available" and row.reason == "no_polarity"
    assert row.higher_is_better is None
    assert "hverken en retning" in row.reason_text


def test_no_polarity_and_target_equal_to_base(catalogue_engine):
    set_indicator(catalogue_engine, "DIA-02", polarity="none")
    set_revisions(catalogue_engine, "DIA-1-A", target_value=0.0)
    add_values(
        catalogue_engine,
        [("DIA-02", "HORSENS", "2019", TOTAL, 60.0), ("DIA-02", "HORSENS", "2022", TOTAL, 62.0)],
    )
    row = row_of(assess(engine=catalogue_engine), "DIA-1-A", "HORSENS")
    assert row.reason == "no_direction"


def test_no_target_uses_fixed_rates(catalogue_engine):
    set_revisions(
        catalogue_engine, "DIA-1-A", target_type=None, target_value=None, target_period=None
    )
    add_values(
        catalogue_engine,
        [("DIA-02", "HORSENS", "2019", TOTAL, 60.0), ("DIA-02", "HORSENS", "2021", TOTAL, 61.0)],
    )
    row = row_of(assess(engine=catalogue_engine), "DIA-1-A", "HORSENS")
    x = cagr(61, 60, 2)  # 0.83 % a year: between 0.5 % and 1.5 %
    assert row.target is None and row.ratio == approx(x)
    assert row.status == "needs_acceleration"
    assert row.score == approx(250 * x - 1.25)
    assert "Der er intet måltal" in row.reason_text and row.needed_per_year is None


# --- comparison and trend -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        (13.0, "worse"),  # the region lies below Aarhus' interval 13.5–14.5; lower is better
        (14.2, "similar"),
        (15.0, "better"),
    ],
)
def test_comparison_with_the_region(catalogue_engine, region, expected):
    add_values(
        catalogue_engine,
        [
            ("RYG-01", "AARHUS", "2017", TOTAL, 16.0),
            ("RYG-01", "AARHUS", "2021", TOTAL, 14.0, 13.5, 14.5),
            ("RYG-01", "RM", "2021", TOTAL, region, region - 0.2, region + 0.2),
        ],
    )
    row = row_of(assess(engine=catalogue_engine), "KOL-1-C", "AARHUS")
    assert row.comparison == expected and row.region_value == region
    assert row.comparison_label == t(f"status.comparison.{expected}")


def test_comparison_needs_limits_and_a_region_value(catalogue_engine):
    add_values(
        catalogue_engine,
        [
            ("RYG-01", "AARHUS", "2017", TOTAL, 16.0),
            ("RYG-01", "AARHUS", "2021", TOTAL, 14.0),  # no limits
            ("RYG-01", "VEST", "2017", TOTAL, 16.0),
            ("RYG-01", "VEST", "2021", TOTAL, 14.0, 13.0, 15.0),  # no region value for 2021
            ("RYG-01", "RM", "2017", TOTAL, 10.0),
        ],
    )
    report = assess(engine=catalogue_engine)
    assert row_of(report, "KOL-1-C", "AARHUS").comparison == "not_compared"
    vest = row_of(report, "KOL-1-C", "VEST")
    assert vest.comparison == "not_compared" and vest.region_value is None


QUARTERS = ["2019K4", "2020K1", "2020K2", "2020K3", "2020K4"]


def test_trend_with_confidence_limits(catalogue_engine):
    # Values 10, 9, 8, 7, 6 with 95 % limits ±1.96 (se 1, weight 1): slope −1 a quarter,
    # χ² = 10 · slope² = 10 > 9.5495, stable when any point is left out: decreasing, improving.
    add_values(
        catalogue_engine,
        [
            ("KOL-01", "AARHUS", q, TOTAL, v, v - 1.96, v + 1.96)
            for q, v in zip(QUARTERS, [10, 9, 8, 7, 6], strict=True)
        ],
    )
    row = row_of(assess(engine=catalogue_engine), "KOL-2-A", "AARHUS")
    assert row.trend.method == "fingertips"
    assert row.trend.slope == approx(-1.0) and row.trend.chi2 == approx(10.0)
    assert row.trend.direction == "decreasing" and row.trend.judgement == "improving"
    assert row.trend_label == "Bliver bedre"
    assert row.status == "target_achieved"  # 6 ≤ 300 × 0.9
    # a slope of −0.9 gives χ² = 8.1: not significant
    add_values(
        catalogue_engine,
        [
            ("KOL-01", "AARHUS", q, TOTAL, v, v - 1.96, v + 1.96)
            for q, v in zip(QUARTERS, [9.8, 8.9, 8.0, 7.1, 6.2], strict=True)
        ],
    )
    row = row_of(assess(engine=catalogue_engine), "KOL-2-A", "AARHUS")
    assert row.trend.chi2 == approx(8.1)
    assert row.trend.direction == "no_significant_change"
    assert row.trend_label == "Ingen sikker ændring"


def test_trend_without_confidence_limits_gives_the_direction_only(catalogue_engine):
    add_values(
        catalogue_engine,
        [
            ("KOL-01", "AARHUS", q, TOTAL, v)
            for q, v in zip(QUARTERS, [10, 11, 12, 13, 14], strict=True)
        ],
    )
    row = row_of(assess(engine=catalogue_engine), "KOL-2-A", "AARHUS")
    assert row.trend.method == "direction_only" and row.trend.direction == "increasing"
    assert row.trend.slope == approx(1.0)
    assert row.trend_label == "Retning uden test: stigende"


def test_trend_needs_five_consecutive_periods(catalogue_engine):
    add_values(
        catalogue_engine,
        [
            ("KOL-01", "AARHUS", q, TOTAL, v)
            for q, v in zip(
                ["2019K4", "2020K1", "2020K3", "2020K4", "2021K1"], [1, 2, 3, 4, 5], strict=True
            )
        ],
    )
    row = row_of(assess(engine=catalogue_engine), "KOL-2-A", "AARHUS")
    assert row.trend.direction == "not_calculated" and row.trend.n_points == 3


# --- roll-ups --------------------------------------------------------------------------------------


def test_roll_ups_at_every_level(catalogue_engine):
    add_values(
        catalogue_engine,
        [
            # KOL-1-C in Aarhus: needs acceleration (score from x = 0.9295)
            ("RYG-01", "AARHUS", "2017", TOTAL, 16.0),
            ("RYG-01", "AARHUS", "2021", TOTAL, 14.0),
            # KOL-1-A in Aarhus: target achieved (score 5)
            ("RYG-01", "AARHUS", "2017", LOW, 25.0),
            ("RYG-01", "AARHUS", "2021", LOW, 19.0),
            # KOL-2-A in Aarhus: target achieved
            ("KOL-01", "AARHUS", "2019K4", TOTAL, 300.0),
            ("KOL-01", "AARHUS", "2021K4", TOTAL, 260.0),
            # DIA-1-A in Horsens: points target, x = 0.8289
            ("DIA-02", "HORSENS", "2019", TOTAL, 60.0),
            ("DIA-02", "HORSENS", "2022", TOTAL, 62.0),
        ],
    )
    report = assess(engine=catalogue_engine)
    s_c = score_with_target(-cagr(14, 16, 4) / abs(cagr(12, 16, 8)))
    s_dia = score_with_target(cagr(62, 60, 3) / cagr(65, 60, 6))

    # Every roll-up combines criterion × area rows by the one rule: the best verdict that more
    # than half of the rows reach or beat; half or more not assessable → not assessable.
    kol1 = report.goal_area[("KOL-1", "AARHUS")]
    assert kol1.n == 3 and kol1.n_assessed == 2  # KOL-1-B has no data for the gap
    assert kol1.counts["target_achieved"] == 1 and kol1.counts["needs_acceleration"] == 1
    assert kol1.counts["not_available"] == 1
    # sorted: achieved, needs acceleration, n/a → the 2nd of 3 has "needs acceleration"
    assert kol1.status == "needs_acceleration" and kol1.support == 2
    assert kol1.score == approx((5 + s_c) / 2, abs=1e-4)  # Open SDG mean: in details only
    kol2 = report.goal_area[("KOL-2", "AARHUS")]
    assert kol2.status == "target_achieved" and kol2.support == 1 and kol2.score == 5

    # The track counts criteria, not goals: KOL-1's three rows and KOL-2's one.
    track = report.track_area[("KOL", "AARHUS")]
    assert track.n == 4 and track.status == "needs_acceleration" and track.support == 3
    assert report.track_area[("PSY", "AARHUS")].status == "not_available"

    aarhus = report.cluster["AARHUS"]
    assert aarhus.n == 11 and aarhus.n_assessed == 3
    assert aarhus.status == "not_available" and aarhus.support == 8
    horsens = report.cluster["HORSENS"]
    assert horsens.counts["needs_acceleration"] == 1 and horsens.status == "not_available"
    assert horsens.score == approx(s_dia, abs=1e-4)  # the mean Open SDG score, for details
    assert report.cluster["VEST"].status == "not_available"

    assert set(report.region_track) == {"KOL", "DIA", "PSY"}
    assert report.region_track["KOL"].n == 4 * 5
    assert report.region.n == 11 * 5 and report.region.n_assessed == 4
    # Every level is the rule applied to its rows, never a roll-up of roll-ups.
    assert report.region == combine_rows(report.rows)
    assert report.cluster["AARHUS"] == combine_rows(r for r in report.rows if r.area == "AARHUS")
    assert report.inequality["AARHUS"] == combine_rows(
        r for r in report.rows if r.area == "AARHUS" and r.gap
    )
    assert report.region_inequality.n == sum(1 for r in report.rows if r.gap)

    records = report.rollup_records()
    assert {r["level"] for r in records} == {
        "goal_area",
        "track_area",
        "cluster",
        "inequality",
        "region_track",
        "region",
        "region_inequality",
    }
    assert len([r for r in records if r["level"] == "goal_area"]) == 6 * 5
    assert all(r["support"] <= r["n"] for r in records)


def test_every_criterion_and_cluster_gets_a_row(catalogue_engine):
    report = assess(engine=catalogue_engine)
    assert len(report.rows) == 11 * 5
    assert all(r.status == "not_available" and r.reason == "no_data" for r in report.rows)
    assert report.region.status == "not_available"
    assert status_counts(report.rows)["not_available"] == 55
    frame = report.to_frame()
    assert len(frame) == 55 and {"criterion", "status", "trend_direction"} <= set(frame.columns)
    assert frame["criterion"].iloc[0] == "KOL-1-A"


# --- areas ----------------------------------------------------------------------------------------


def test_cluster_filter_accepts_code_name_and_alias(catalogue_engine):
    # "AARHUS" is also the alias of Aarhus Kommune in the name index: the code wins.
    for name, code in (("AARHUS", "AARHUS"), ("aarhus", "AARHUS"), ("Aarhus Kommune", "K751")):
        assert {r.area for r in assess(engine=catalogue_engine, cluster=name).rows} <= {code}
    for name in ("MIDT", "Midtklyngen", "viborg-klyngen"):
        report = assess(engine=catalogue_engine, cluster=name)
        assert {r.area for r in report.rows} == {"MIDT"}
        assert len(report.rows) == 11
    with pytest.raises(UnknownArea, match="'Atlantis'"):
        assess(engine=catalogue_engine, cluster="Atlantis")


def test_municipality_criteria_and_the_cluster_filter(catalogue_engine):
    set_revisions(catalogue_engine, "KOL-1-C", area_scope="municipalities")
    add_values(
        catalogue_engine,
        [("RYG-01", "K791", "2017", TOTAL, 16.0), ("RYG-01", "K791", "2021", TOTAL, 14.0)],
    )
    report = assess(engine=catalogue_engine)
    areas = [r.area for r in report.rows if r.criterion == "KOL-1-C"]
    assert len(areas) == 19 and "MIDT" not in areas
    assert row_of(report, "KOL-1-C", "K791").status == "needs_acceleration"
    assert report.cluster["K791"].n == 1  # the municipality has its own roll-up
    assert report.region.n == 10 * 5  # the region combines the clusters' rows only
    midt = assess(engine=catalogue_engine, cluster="Midtklyngen")
    assert sorted(r.area for r in midt.rows if r.criterion == "KOL-1-C") == [
        "K740",
        "K779",
        "K791",
    ]


def test_bad_as_of(catalogue_engine):
    with pytest.raises(PeriodError, match="er ikke en periode"):
        assess(engine=catalogue_engine, as_of="sidste år")


def test_as_of_a_quarter_excludes_an_unfinished_year(catalogue_engine):
    add_values(
        catalogue_engine,
        [
            ("RYG-01", "AARHUS", "2017", TOTAL, 16.0),
            ("RYG-01", "AARHUS", "2021", TOTAL, 14.0),
            ("RYG-01", "AARHUS", "2022", TOTAL, 13.0),
        ],
    )
    assert row_of(
        assess(engine=catalogue_engine, as_of="2022K3"), "KOL-1-C", "AARHUS"
    ).latest_period == ("2021")
    assert row_of(
        assess(engine=catalogue_engine, as_of="2022K4"), "KOL-1-C", "AARHUS"
    ).latest_period == ("2022")


def test_session_and_catalogue_can_be_passed(catalogue_engine):
    with store.read_session(catalogue_engine) as session:
        cat = Catalogue.load(session)
        report = assess(session=session, catalogue=cat, lang="en")
    assert report.lang == "en" and report.rows[0].status_label == "Cannot be assessed"
    with pytest.raises(ValueError, match="engine or a session"):
        assess()


# --- texts and styles -------------------------------------------------------------------------------


def test_every_status_reason_and_label_has_texts_and_a_style():
    assert set(STATUS_STYLE) == set(VERDICTS) and set(STATUSES) < set(VERDICTS)
    assert len({s.icon for s in STATUS_STYLE.values()}) == len(VERDICTS)
    assert len({s.colour for s in STATUS_STYLE.values()}) == len(VERDICTS)
    assert len({s.svg for s in STATUS_STYLE.values()}) == len(VERDICTS)
    for status in VERDICTS:
        assert t(f"status.support.{status}", "da") != t(f"status.support.{status}", "en")
        assert t(f"status.{status}", "da") != t(f"status.{status}", "en")
    for code in REASON_CODES:
        for lang in ("da", "en"):
            assert t(f"status.reason.{code}", lang)
    for result in COMPARISON_STYLE:
        assert t(f"status.comparison.{result}", "en")


# --- command line -------------------------------------------------------------------------------


@pytest.fixture
def cli_store(catalogue_engine, monkeypatch):
    monkeypatch.setenv("GOALS_DATABASE_URL", catalogue_engine.url.render_as_string(False))
    add_values(
        catalogue_engine,
        [("RYG-01", "AARHUS", "2017", TOTAL, 16.0), ("RYG-01", "AARHUS", "2021", TOTAL, 14.0)],
    )
    yield catalogue_engine
    store.dispose_engines()


def test_cli_table(cli_store, capsys):
    assert main(["status", "--cluster", "AARHUS"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:2] == ["Kriterium", "Område"]
    blank = out.index("")
    assert blank == 1 + 11  # the criterion rows, then the roll-ups
    line = next(x for x in out if x.startswith("KOL-1-C"))
    assert "2017: 16,0 → 2021: 14,0" in line and "12,0 i 2025" in line
    assert "● Fremgang – men for langsom" in line and "2,4" in line
    # Each track (and the inequality criteria) in the cluster: verdict and the count behind it.
    rollups = out[blank + 1 :]
    assert rollups[0].split()[:2] == ["Område", "Spor"]
    kol = next(x for x in rollups if "KOL/rygning" in x)
    # KOL in Aarhus: KOL-1-C progressing, three without data → half or more not assessable.
    assert "? Kan ikke vurderes" in kol and "3 af 4 succeskriterier kan ikke vurderes" in kol
    assert any("Social ulighed" in x for x in rollups)
    assert out[-1].startswith("Samlet status er den bedste status")


def test_cli_json(cli_store, capsys):
    assert main(["status", "--json", "--lang", "en", "--as-of", "2023"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 55
    row = next(r for r in rows if r["criterion"] == "KOL-1-C" and r["area"] == "AARHUS")
    assert (
        row["status"] == "needs_acceleration" and row["status_label"] == "Progress – but too slow"
    )
    assert row["series"] == {"2017": 16.0, "2021": 14.0}
    assert row["trend"]["direction"] == "not_calculated" and row["trend"]["periods"] == ["2021"]
    assert row["revision_valid_from"] == "2019-03-01"
    assert list(row) == list(RECORD_KEYS)
    assert row["score"] == approx(
        score_with_target(-cagr(14, 16, 4) / abs(cagr(12, 16, 8))), abs=1e-4
    )


def test_cli_unknown_cluster_and_bad_period(cli_store, capsys):
    assert main(["status", "--cluster", "Atlantis"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and "Atlantis" in captured.err
    assert main(["status", "--as-of", "snart"]) == 2
    assert "snart" in capsys.readouterr().err


def test_json_keys_and_reasons_are_documented():
    from goals.status import RECORD_KEYS, StatusRow
    from tests.conftest import ROOT

    internal = {"measure", "points", "lang"}
    assert set(StatusRow.__dataclass_fields__) - internal <= set(RECORD_KEYS)
    text = (ROOT / "docs" / "method.md").read_text(encoding="utf-8")
    missing = [k for k in [*RECORD_KEYS, *REASON_CODES] if f"`{k}`" not in text]
    assert not missing, f"not in docs/method.md: {missing}"
    assert "python -m goals status" in text


def test_infinite_ratio_is_null_in_json(catalogue_engine):
    # The target (12) equals the base value: the required rate is 0, so a move away from the
    # target is a ratio of −∞ – deterioration with score −5, and null (not -Infinity) in JSON.
    add_values(
        catalogue_engine,
        [("RYG-01", "AARHUS", "2017", TOTAL, 12.0), ("RYG-01", "AARHUS", "2021", TOTAL, 13.0)],
    )
    report = assess(engine=catalogue_engine)
    row = row_of(report, "KOL-1-C", "AARHUS")
    assert row.status == "deterioration" and row.score == -5.0 and row.ratio == float("-inf")
    record = next(
        r
        for r in json.loads(report.to_json())
        if r["criterion"] == "KOL-1-C" and r["area"] == "AARHUS"
    )
    assert record["ratio"] is None and record["required_rate"] == 0.0
    assert "Infinity" not in report.to_json()


def test_every_record_key_is_a_field_or_worked_out():
    """`StatusRow.record` reads stored fields directly and computes only the worked-out ones."""
    import dataclasses

    from goals.status.report import _WORKED_OUT, RECORD_KEYS, StatusRow

    fields = {f.name for f in dataclasses.fields(StatusRow)}
    assert set(RECORD_KEYS) <= fields | _WORKED_OUT
    assert set(RECORD_KEYS) >= _WORKED_OUT and not (_WORKED_OUT & fields)
