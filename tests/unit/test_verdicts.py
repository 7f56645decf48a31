"""Verdicts: standard errors, the certainty of a change, the verdict and the one roll-up rule
(goals.status.verdicts), and the `goals status --json` contract they add (docs/method.md)."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goals.cli import main
from goals.status import assess
from goals.status.verdicts import (
    VERDICTS,
    change_certainty,
    combine,
    per_unit,
    standard_error,
    verdict_of,
)

approx = pytest.approx
TOTAL = "I alt"
LOW = "Uddannelse: Grundskole"
HIGH = "Uddannelse: Lang videregående"


# --- standard errors --------------------------------------------------------------------------


def test_standard_error_from_confidence_limits():
    assert standard_error(18.4, lower=16.0, upper=20.8) == approx(4.8 / 3.92)
    # Limits win over numerator and denominator.
    assert standard_error(50, lower=40, upper=60, numerator=5, denominator=10, unit="%") == approx(
        20 / 3.92
    )


def test_standard_error_of_a_share_from_numerator_and_denominator():
    # 100·√(p(1−p)/n) with p the value as a fraction and n the denominator.
    assert standard_error(54.7, numerator=656, denominator=1200, unit="%") == approx(
        100 * math.sqrt(0.547 * 0.453 / 1200)
    )
    assert standard_error(54.7, denominator=1200, unit=" % ") == approx(1.4369, abs=1e-4)


def test_standard_error_of_a_rate_from_numerator_and_denominator():
    # K·√numerator / denominator for a rate per K.
    unit = "pr. 1.000 borgere med KOL"
    assert standard_error(258.0, numerator=2580, denominator=10000, unit=unit) == approx(
        1000 * math.sqrt(2580) / 10000
    )
    assert standard_error(12.0, numerator=12, denominator=100_000, unit="per 100,000") == approx(
        100_000 * math.sqrt(12) / 100_000
    )


@pytest.mark.parametrize(
    ("unit", "k"),
    [
        ("pr. 1.000 borgere med KOL", 1000),
        ("per 1,000 citizens with COPD", 1000),
        ("pr 100.000", 100_000),
        ("Per 10 000 indbyggere", 10_000),
        ("%", None),
        ("antal", None),
        ("dage", None),
        ("", None),
        (None, None),
    ],
)
def test_per_unit(unit, k):
    assert per_unit(unit) == k


def test_no_standard_error_without_limits_or_counts():
    assert standard_error(12.0) is None
    assert standard_error(12.0, numerator=3, denominator=10, unit="antal") is None  # not a rate
    assert standard_error(12.0, numerator=3, denominator=0, unit="%") is None
    assert standard_error(150.0, denominator=10, unit="%") is None  # not a share
    assert standard_error(12.0, lower=13.0, upper=11.0) is None  # limits the wrong way round
    assert standard_error(None, denominator=100, unit="%") is None


# --- certainty and verdict -----------------------------------------------------------------------


def test_certainty_is_the_two_sided_95_percent_test():
    # |Δ| / √(se0² + se1²) > 1.96
    assert change_certainty(10.0, 1.0, 12.8, 1.0) == "certain"  # z = 1.98
    assert change_certainty(10.0, 1.0, 12.7, 1.0) == "uncertain"  # z = 1.91
    assert change_certainty(10.0, 1.0, 7.2, 1.0) == "certain"  # falls count alike
    assert change_certainty(10.0, None, 12.0, 1.0) == "unknown"
    assert change_certainty(10.0, 1.0, 12.0, None) == "unknown"
    assert change_certainty(None, 1.0, 12.0, 1.0) == "unknown"
    assert change_certainty(10.0, 0.0, 10.5, 0.0) == "certain"  # exact figures


def test_a_change_of_exactly_zero_is_never_certain():
    assert change_certainty(7.1, None, 7.1, None) == "uncertain"
    assert change_certainty(7.1, 0.0, 7.1, 0.0) == "uncertain"


@given(
    base=st.floats(-1e6, 1e6),
    change=st.floats(-1e6, 1e6),
    se0=st.floats(1e-3, 1e3),
    se1=st.floats(1e-3, 1e3),
)
def test_certainty_agrees_with_the_formula(base, change, se0, se1):
    latest = base + change
    expected = abs(latest - base) / math.sqrt(se0**2 + se1**2) > 1.96
    assert (change_certainty(base, se0, latest, se1) == "certain") == expected


def test_the_verdict_is_the_status_unless_the_change_is_uncertain():
    for status in VERDICTS:
        if status == "uncertain":
            continue
        assert verdict_of(status, "certain") == status
        assert verdict_of(status, "unknown") == status
        expected = "target_achieved" if status == "target_achieved" else "uncertain"
        assert verdict_of(status, "uncertain") == expected


# --- the roll-up rule ------------------------------------------------------------------------------


def median_rule(verdicts: list[str]) -> str:
    """The rule written out independently: line the verdicts up best to worst, take the one at
    position ⌊n/2⌋ + 1 (so more than half are at it or better)."""
    ordered = sorted(verdicts, key=VERDICTS.index)
    return ordered[len(ordered) // 2]


@given(st.lists(st.sampled_from(VERDICTS), min_size=1, max_size=40))
def test_combine_is_the_best_verdict_more_than_half_reach(verdicts):
    combined = combine(verdicts)
    assert combined.status == median_rule(verdicts)
    assert combined.n == len(verdicts)
    assert sum(combined.counts.values()) == len(verdicts)
    rank = VERDICTS.index(combined.status)
    at_or_better = sum(1 for v in verdicts if VERDICTS.index(v) <= rank)
    assert 2 * at_or_better > len(verdicts)
    if rank > 0:  # the next better verdict is not reached by more than half
        assert 2 * sum(1 for v in verdicts if VERDICTS.index(v) < rank) <= len(verdicts)
    if combined.status in ("deterioration", "not_available"):
        assert combined.support == verdicts.count(combined.status)
    else:
        assert combined.support == at_or_better


@pytest.mark.parametrize(
    ("verdicts", "status", "support"),
    [
        # The contradictions of issue 11: 3 of 4 on track must not be yellow while 2 of 4 is blue.
        (["on_track"] * 3 + ["needs_acceleration"], "on_track", 3),
        (["on_track"] * 2 + ["needs_acceleration"] * 2, "needs_acceleration", 4),
        (["target_achieved"] * 2 + ["uncertain"] * 2, "uncertain", 4),
        (["uncertain", "deterioration", "deterioration"], "deterioration", 2),
        (["target_achieved", "not_available"], "not_available", 1),
        (["target_achieved", "target_achieved", "not_available"], "target_achieved", 2),
        (["not_available"], "not_available", 1),
    ],
)
def test_combine_examples(verdicts, status, support):
    combined = combine(verdicts)
    assert (combined.status, combined.support) == (status, support)


def test_combine_of_nothing_and_the_score_for_details():
    empty = combine(())
    assert (empty.status, empty.n, empty.support, empty.score) == ("not_available", 0, 0, None)
    assert combine(["on_track", "deterioration"], [4.0, None]).score == 4.0


# --- the contract of goals status --json -----------------------------------------------------------


def test_json_contract_with_limits(catalogue_engine, monkeypatch, capsys):
    from tests.unit.test_status import add_values

    # KOL-1-C (RYG-01, total, lower is better, at most 12 % in 2025): 16.0 → 15.0 with limits
    # ±2: se = 4/3.92 each, z = 1 / √2·1.0204 = 0.69 → uncertain.
    add_values(
        catalogue_engine,
        [
            ("RYG-01", "AARHUS", "2017", TOTAL, 16.0, 14.0, 18.0),
            ("RYG-01", "AARHUS", "2021", TOTAL, 15.0, 13.0, 17.0),
        ],
    )
    monkeypatch.setenv("GOALS_DATABASE_URL", catalogue_engine.url.render_as_string(False))
    assert main(["status", "--json", "--cluster", "AARHUS"]) == 0
    rows = {r["criterion"]: r for r in json.loads(capsys.readouterr().out)}
    row = rows["KOL-1-C"]
    assert row["status"] == "needs_acceleration" or row["status"] == "limited_progress"
    assert row["certainty"] == "uncertain"
    assert row["verdict"] == "uncertain" and row["verdict_label"] == "Ingen sikker ændring"
    assert row["change"] == approx(-1.0)
    assert row["change_per_year"] == approx(-0.25)
    assert row["needed_per_year"] == approx((12.0 - 15.0) / 4)
    assert row["base_se"] == approx(4 / 3.92) and row["latest_se"] == approx(4 / 3.92)
    assert "Ingen sikker ændring" not in row["reason_text"]  # the label, not repeated
    assert "procentpoint" in row["reason_text"] and "CAGR" not in row["reason_text"]
    # A criterion without data: everything unknown, null.
    empty = rows["PSY-1-A"]
    assert empty["certainty"] == "unknown" and empty["verdict"] == empty["status"]
    assert empty["change"] is None and empty["needed_per_year"] is None


def test_a_gap_takes_both_groups_uncertainty(catalogue_engine):
    from tests.unit.test_status import add_values, row_of

    # KOL-1-B: gap Grundskole − Lang videregående, −20 % from 2017 to 2025.
    add_values(
        catalogue_engine,
        [
            ("RYG-01", "AARHUS", "2017", LOW, 18.4, 16.0, 20.8),
            ("RYG-01", "AARHUS", "2017", HIGH, 10.7, 8.9, 12.5),
            ("RYG-01", "AARHUS", "2023", LOW, 23.2, 20.7, 25.8),
            ("RYG-01", "AARHUS", "2023", HIGH, 15.3, 13.2, 17.4),
        ],
    )
    row = row_of(assess(engine=catalogue_engine), "KOL-1-B", "AARHUS")
    assert row.base_se == approx(math.hypot(4.8 / 3.92, 3.6 / 3.92))
    assert row.latest_se == approx(math.hypot(5.1 / 3.92, 4.2 / 3.92))
    assert row.change == approx(0.2)
    assert row.certainty == "uncertain" and row.verdict == "uncertain"
    assert row.status == "deterioration"  # the Open SDG status stays as it is
    assert row.verdict_label == "Ingen sikker ændring"
    assert (row.base_lower, row.base_upper) == (
        approx(7.7 - 1.96 * row.base_se),
        approx(7.7 + 1.96 * row.base_se),
    )
    assert row.reason_text.startswith(
        "Forskellen mellem grupperne er steget fra 7,7 procentpoint i 2017 til 7,9 procentpoint "
        "i 2023 (+0,03 procentpoint om året). Ændringen er inden for den statistiske usikkerhed "
        "(±4,5 procentpoint)"
    )


def test_a_target_reached_stays_reached_however_uncertain(catalogue_engine):
    from tests.unit.test_status import add_values, row_of

    add_values(
        catalogue_engine,
        [
            ("RYG-01", "HORSENS", "2017", TOTAL, 12.5, 9.0, 16.0),
            ("RYG-01", "HORSENS", "2021", TOTAL, 11.5, 8.0, 15.0),
        ],
    )
    row = row_of(assess(engine=catalogue_engine), "KOL-1-C", "HORSENS")
    assert row.status == "target_achieved" and row.certainty == "uncertain"
    assert row.verdict == "target_achieved" and row.needed_per_year is None
    assert row.reason_text.endswith("Målet på 12,0 % i 2025 er nået.")


def test_english_reason_in_the_unit(catalogue_engine):
    from tests.unit.test_status import add_values, row_of

    add_values(
        catalogue_engine,
        [
            ("RYG-01", "AARHUS", "2017", TOTAL, 16.0, 15.0, 17.0),
            ("RYG-01", "AARHUS", "2021", TOTAL, 14.0, 13.0, 15.0),
        ],
    )
    row = row_of(assess(engine=catalogue_engine, lang="en"), "KOL-1-C", "AARHUS")
    assert row.certainty == "certain"
    assert row.reason_text == (
        "The share fell from 16.0 % in 2017 to 14.0 % in 2021 (−0.5 percentage points a year). "
        "The change is larger than the statistical uncertainty (±1.4 percentage points). "
        "To reach 12.0 % by 2025 the share must fall by 0.5 percentage points a year from now."
    )


def test_numerator_and_denominator_when_there_are_no_limits(catalogue_engine):
    from tests.unit.test_status import add_values, row_of

    # KOL-2-A: KOL-01 per 1,000 (lower is better), −10 % from 2019K4 to 2025K4.
    add_values(
        catalogue_engine,
        [
            ("KOL-01", "AARHUS", "2019K4", TOTAL, 300.0, None, None, 3000, 10000),
            ("KOL-01", "AARHUS", "2021K4", TOTAL, 290.0, None, None, 2900, 10000),
            # DIA-1-A: DIA-02 in % (higher is better), +5 points from 2019 to 2025.
            ("DIA-02", "AARHUS", "2019", TOTAL, 50.0, None, None, 500, 1000),
            ("DIA-02", "AARHUS", "2021", TOTAL, 56.0, None, None, 560, 1000),
        ],
    )
    report = assess(engine=catalogue_engine)
    rate = row_of(report, "KOL-2-A", "AARHUS")
    assert rate.base_se == approx(1000 * math.sqrt(3000) / 10000)
    assert rate.latest_se == approx(1000 * math.sqrt(2900) / 10000)
    # z = 10 / √(5.48² + 5.39²) = 1.30 → uncertain
    assert rate.certainty == "uncertain" and rate.verdict == "uncertain"
    assert rate.change_per_year == approx(-5.0) and rate.needed_per_year == approx((270 - 290) / 4)
    share = row_of(report, "DIA-1-A", "AARHUS")
    assert share.base_se == approx(100 * math.sqrt(0.5 * 0.5 / 1000))
    assert share.latest_se == approx(100 * math.sqrt(0.56 * 0.44 / 1000))
    # z = 6 / √(1.58² + 1.57²) = 2.69 → certain
    assert share.certainty == "certain" and share.verdict == share.status


def test_the_contract_end_to_end_from_a_status_workbook(
    catalogue_engine, tmp_path, monkeypatch, capsys
):
    """A steering group's workbook with limits for one indicator and numerator/denominator for
    another, imported through the command line, then `goals status --json`."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Indikatorer"
    sheet.append(
        ["Indikator", "Område", "Periode", "Gruppe", "Værdi", "Tæller", "Nævner", "Nedre", "Øvre"]
    )
    rows = [
        # RYG-01 gap (KOL-1-B): both groups with limits, a clear fall of the gap
        ("RYG-01", "Horsensklyngen", "2017", "Grundskole", "30,0", None, None, "28,0", "32,0"),
        (
            "RYG-01",
            "Horsensklyngen",
            "2017",
            "Lang videregående",
            "10,0",
            None,
            None,
            "9,0",
            "11,0",
        ),
        ("RYG-01", "Horsensklyngen", "2023", "Grundskole", "22,0", None, None, "20,0", "24,0"),
        ("RYG-01", "Horsensklyngen", "2023", "Lang videregående", "9,0", None, None, "8,0", "10,0"),
        # KOL-01 per 1.000 (KOL-2-A): numerator and denominator only, a change within noise
        ("KOL-01", "Horsensklyngen", "2019K4", None, "300,0", 300, 1000, None, None),
        ("KOL-01", "Horsensklyngen", "2023K4", None, "290,0", 290, 1000, None, None),
    ]
    for row in rows:
        sheet.append(list(row))
    path = tmp_path / "statusark.xlsx"
    book.save(path)

    monkeypatch.setenv("GOALS_DATABASE_URL", catalogue_engine.url.render_as_string(False))
    assert main(["import", str(path), "--json", "--user", "test"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "applied"
    assert main(["status", "--json", "--cluster", "HORSENS"]) == 0
    rows = {r["criterion"]: r for r in json.loads(capsys.readouterr().out)}

    gap = rows["KOL-1-B"]
    se0, se1 = math.hypot(4 / 3.92, 2 / 3.92), math.hypot(4 / 3.92, 2 / 3.92)
    assert (gap["base_se"], gap["latest_se"]) == (approx(se0), approx(se1))
    assert gap["change"] == approx(-7.0) and abs(-7.0) / math.hypot(se0, se1) > 1.96
    assert gap["certainty"] == "certain" and gap["verdict"] == gap["status"]
    assert gap["change_per_year"] == approx(-7.0 / 6)
    # the gap 13 is below the target 20 × 0.8 = 16: reached, nothing more is needed
    assert gap["status"] == "target_achieved" and gap["needed_per_year"] is None

    rate = rows["KOL-2-A"]
    assert rate["base_se"] == approx(1000 * math.sqrt(300) / 1000)
    assert rate["certainty"] == "uncertain" and rate["verdict"] == "uncertain"
    assert rate["verdict_label"] == "Ingen sikker ændring"
    assert rate["change_per_year"] == approx(-10.0 / 4)
    assert rate["needed_per_year"] == approx((270.0 - 290.0) / 2)
    assert "pr. 1.000 borgere med KOL om året" in rate["reason_text"]
