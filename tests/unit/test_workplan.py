"""The work plan and the economy of initiatives (goals.plans; issue 16): the Indsatser sheet's
optional Start, Slut, Budget and Forbrug columns (cell-precise Danish errors, old workbooks
unchanged), the plan with what is overdue and over budget, sums per goal/cluster/track, and
the secretariat's pools. SQLite and, with GOALS_TEST_POSTGRES_URL, PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from conftest_workbook import dump
from openpyxl import load_workbook
from sqlalchemy.engine import Engine

from goals import store
from goals.access import Actor, PermissionDenied
from goals.plans import PlanError, PoolError, pools, save_pool, set_pool_year, totals, workplan
from goals.spreadsheet.cells import parse_amount
from goals.store.model import Role
from goals.workbook import import_workbook
from goals.workbook.export import export_workbook
from goals.workbook.template import write_template
from tests.conftest import sheet_bytes

pytestmark = pytest.mark.store

KOL1 = "Færre rygere blandt borgere med kort uddannelse"
DIA1 = "Tidlig opsporing af type 2-diabetes"
OLD_HEADER = ["Mål", "Indsats", "Område", "Status", "Næste milepæl", "Dato", "Ansvarlig"]
NEW_HEADER = [*OLD_HEADER, "Start", "Slut", "Budget", "Forbrug"]
ADMIN = Actor(name="sekretariat", role=Role.ADMIN)
VIEWER = Actor(name="direktør", role=Role.VIEWER)
TODAY = dt.date(2026, 12, 5)


def _book(header: list[str], rows: list[list]) -> bytes:
    return sheet_bytes(rows, header, "Indsatser")


def _import(engine: Engine, header: list[str], rows: list[list], **kwargs):
    return import_workbook(
        engine=engine, content=_book(header, rows), filename="plan.xlsx", user="anna", **kwargs
    )


PLANNED = [
    [KOL1, "Rygestop i jobcentret", "Midtklyngen", "I gang", "Evaluering", dt.date(2026, 3, 1),
     "Viborg Kommune", dt.date(2024, 1, 1), dt.date(2026, 6, 30), 250000, "260.000 kr."],
    [KOL1, "Røgfri skoletid", "Vestklyngen", "Gennemført", None, None, None,
     "01-02-2023", "31-12-2025", "400.000", 380000],
    [DIA1, "Diabetesskole", "Midtklyngen", "Ikke startet", None, None, None,
     dt.date(2027, 1, 1), dt.date(2029, 12, 31), None, None],
    [DIA1, "Opsporing i praksis", "Skive Kommune", "Forsinket", None, None, None,
     None, None, 100000, 20000],
]  # fmt: skip


# --- the workbook columns ------------------------------------------------------------------


def test_plan_columns_are_read_and_stored(catalogue_engine: Engine) -> None:
    result = _import(catalogue_engine, NEW_HEADER, PLANNED)
    assert result.status == "applied", [e.message for e in result.errors]
    rows = {r.initiative: r for r in workplan(engine=catalogue_engine, today=TODAY)}
    jobcenter = rows["Rygestop i jobcentret"]
    assert (jobcenter.start, jobcenter.end) == (dt.date(2024, 1, 1), dt.date(2026, 6, 30))
    assert (jobcenter.budget, jobcenter.spent) == (250000.0, 260000.0)  # '260.000 kr.'
    school = rows["Røgfri skoletid"]
    assert (school.start, school.end, school.budget) == (
        dt.date(2023, 2, 1),
        dt.date(2025, 12, 31),
        400000.0,  # '400.000' is thousands, never 400 kr.
    )
    assert rows["Diabetesskole"].budget is None and rows["Diabetesskole"].spent is None


def test_amounts_and_dates_are_checked_cell_by_cell_in_danish(catalogue_engine: Engine) -> None:
    before = dump(catalogue_engine)
    bad = [
        [KOL1, "A", "Midtklyngen", "I gang", None, None, None,
         dt.date(2025, 1, 1), dt.date(2024, 12, 31), 1000, 500],  # end before start
        [KOL1, "B", "Midtklyngen", "I gang", None, None, None,
         None, None, -5000, "cirka 200.000"],  # negative; text in an amount
        [KOL1, "C", "Midtklyngen", "I gang", None, None, None,
         "snart", None, "0,5 mio. kr.", dt.date(2024, 3, 1)],  # date text; millions; a date
    ]  # fmt: skip
    result = _import(catalogue_engine, NEW_HEADER, bad)
    assert result.status == "rejected"
    errors = {e.cell: e.message for e in result.errors}
    assert errors["Indsatser!I2"] == (
        "Slutdatoen 31-12-2024 ligger før startdatoen 01-01-2025 i Indsatser!H2. "
        "Ret den af dem, der er forkert."
    )
    assert errors["Indsatser!J3"].startswith("Budget kan ikke være negativt, men her står '-5000'")
    assert errors["Indsatser!K3"].startswith(
        "Forbrug skal være et beløb i kroner, men her står 'cirka 200.000'"
    )
    assert errors["Indsatser!H4"].startswith("Datoen 'snart' kan ikke læses")
    assert "hele kroner" in errors["Indsatser!J4"] and "500000" in errors["Indsatser!J4"]
    assert "er en dato" in errors["Indsatser!K4"]
    assert len(errors) == 6  # every error at once
    assert dump(catalogue_engine) == before  # nothing written


def test_english_messages_name_the_same_cells(catalogue_engine: Engine) -> None:
    bad = [[KOL1, "A", "Midtklyngen", "I gang", None, None, None,
            dt.date(2025, 1, 1), dt.date(2024, 12, 31), "lots", None]]  # fmt: skip
    result = _import(catalogue_engine, NEW_HEADER, bad, lang="en")
    errors = {e.cell: e.message for e in result.errors}
    assert errors["Indsatser!I2"].startswith("The end date 2024-12-31 is before the start date")
    assert errors["Indsatser!J2"].startswith("Budget must be an amount in kroner")


def test_an_old_workbook_still_imports_and_keeps_the_stored_plan(catalogue_engine: Engine) -> None:
    old = [[KOL1, "Rygestop i jobcentret", "Midtklyngen", "I gang", "Evaluering",
            dt.date(2026, 3, 1), "Viborg Kommune"]]  # fmt: skip
    first = _import(catalogue_engine, OLD_HEADER, old)
    assert first.status == "applied" and first.counts["new"] == 1
    assert _import(catalogue_engine, NEW_HEADER, PLANNED[:1]).status == "applied"
    # the same old workbook again: no Start/Slut/Budget/Forbrug columns, so nothing there changes
    again = _import(catalogue_engine, OLD_HEADER, old, dry_run=True)
    assert again.counts["changed"] == 0 and again.counts["unchanged"] == 1
    applied = _import(catalogue_engine, OLD_HEADER, [[*old[0][:4], "Ny milepæl", None, None]])
    assert applied.status == "applied" and applied.counts["changed"] == 1
    row = workplan(engine=catalogue_engine, today=TODAY)[0]
    assert (row.start, row.end, row.budget, row.spent) == (
        dt.date(2024, 1, 1),
        dt.date(2026, 6, 30),
        250000.0,
        260000.0,
    )
    assert row.next_milestone == "Ny milepæl"


def test_a_blank_plan_cell_removes_the_stored_value_and_says_so(catalogue_engine: Engine) -> None:
    assert _import(catalogue_engine, NEW_HEADER, PLANNED[:1]).status == "applied"
    blank = [[*PLANNED[0][:9], None, None]]
    preview = _import(catalogue_engine, NEW_HEADER, blank, dry_run=True)
    change = preview.changes[0]
    assert change.removes == ("Budget", "Forbrug")
    assert ("Budget", "250.000 kr.", "(tom – fjernes)") in change.fields
    assert preview.notes and "Budget" in " ".join(preview.notes)


def test_the_template_and_the_export_carry_the_plan_columns(catalogue_engine: Engine) -> None:
    template = load_workbook(io.BytesIO(write_template(engine=catalogue_engine)))
    header = [c.value for c in template["Indsatser"][1]]
    assert header[-4:] == ["Start", "Slut", "Budget", "Forbrug"]
    assert template["Indsatser"]["I2"].number_format == "dd-mm-yyyy"
    assert "kr." in template["Indsatser"]["K2"].number_format
    assert _import(catalogue_engine, NEW_HEADER, PLANNED).status == "applied"
    exported = export_workbook(engine=catalogue_engine)
    sheet = load_workbook(io.BytesIO(exported))["Indsatser"]
    values = {r[1]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["Rygestop i jobcentret"][-4:] == (
        dt.datetime(2024, 1, 1),
        dt.datetime(2026, 6, 30),
        250000,
        260000,
    )
    # the export imports again as the same plan: nothing changes
    again = import_workbook(
        engine=catalogue_engine, content=exported, filename="x.xlsx", user="anna", dry_run=True
    )
    assert again.counts["changed"] == 0 and again.counts["new"] == 0


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (250000, (250000.0, None)),
        ("250.000", (250000.0, None)),
        ("250,000", (250000.0, None)),
        ("250.000,50 kr.", (250000.5, None)),
        ("kr. 1.234.567", (1234567.0, None)),
        ("250 000 DKK", (250000.0, None)),
        ("250.000,-", (250000.0, None)),
        ("12,5", (12.5, None)),
        ("", (None, None)),
        ("0,5 mio. kr.", (None, "millions")),
        ("250 t.kr.", (None, "millions")),
        ("-100", (None, "negative")),
        ("12 %", (None, "not_number")),
        ("cirka 200.000", (None, "not_number")),
        (True, (None, "not_number")),
        (dt.date(2024, 1, 1), (None, "date")),
        ("1e300", (None, "too_large")),
    ],
)
def test_amounts_read_as_people_write_them(cell, expected) -> None:
    assert parse_amount(cell) == expected


# --- the plan ------------------------------------------------------------------------------


def test_overdue_over_budget_and_the_contract(catalogue_engine: Engine) -> None:
    assert _import(catalogue_engine, NEW_HEADER, PLANNED).status == "applied"
    rows = {r.initiative: r for r in workplan(engine=catalogue_engine, today=TODAY)}
    assert rows["Rygestop i jobcentret"].overdue  # ended 30-06-2026, still in progress
    assert rows["Rygestop i jobcentret"].over_budget  # 260.000 of 250.000
    assert rows["Rygestop i jobcentret"].milestone_passed
    assert not rows["Røgfri skoletid"].overdue  # completed: nothing is due
    assert not rows["Røgfri skoletid"].over_budget
    assert not rows["Diabetesskole"].overdue and not rows["Diabetesskole"].over_budget
    assert not rows["Opsporing i praksis"].overdue  # no end date
    record = json.loads(json.dumps(rows["Rygestop i jobcentret"].to_json()))
    assert list(record) == [
        "goal", "initiative", "area", "status", "start", "end", "next_milestone",
        "milestone_date", "responsible", "budget", "spent", "overdue", "over_budget",
    ]  # fmt: skip
    assert (
        record["goal"] == "KOL-1" and record["area"] == "MIDT" and record["status"] == "in_progress"
    )
    assert (record["start"], record["end"], record["milestone_date"]) == (
        "2024-01-01",
        "2026-06-30",
        "2026-03-01",
    )
    assert (record["budget"], record["spent"]) == (250000.0, 260000.0)
    earlier = workplan(engine=catalogue_engine, today=dt.date(2026, 1, 1))
    assert not next(r for r in earlier if r.initiative == "Rygestop i jobcentret").overdue


def test_a_cluster_holds_its_members_initiatives_and_a_track_its_goals(
    catalogue_engine: Engine,
) -> None:
    assert _import(catalogue_engine, NEW_HEADER, PLANNED).status == "applied"
    midt = workplan(engine=catalogue_engine, cluster="Midtklyngen", today=TODAY)
    assert {r.initiative for r in midt} == {
        "Rygestop i jobcentret",
        "Diabetesskole",
        "Opsporing i praksis",  # Skive Kommune is in Midtklyngen
    }
    assert {r.cluster for r in midt} == {"MIDT"}
    kol = workplan(engine=catalogue_engine, track="KOL", today=TODAY)
    assert {r.goal for r in kol} == {"KOL-1"}
    assert workplan(engine=catalogue_engine, cluster="VEST", track="DIA", today=TODAY) == []
    with pytest.raises(PlanError, match=r"Klyngen 'Nordklyngen' findes ikke\. Kendte klynger: "):
        workplan(engine=catalogue_engine, cluster="Nordklyngen")
    with pytest.raises(PlanError, match="Sporet 'XYZ' findes ikke"):
        workplan(engine=catalogue_engine, track="XYZ")


def test_sums_per_goal_cluster_and_track(catalogue_engine: Engine) -> None:
    assert _import(catalogue_engine, NEW_HEADER, PLANNED).status == "applied"
    rows = workplan(engine=catalogue_engine, today=TODAY)
    by_cluster = {x.code: x for x in totals(rows, "cluster")}
    midt = by_cluster["MIDT"]
    assert (midt.initiatives, midt.budget, midt.spent) == (3, 350000.0, 280000.0)
    assert (midt.without_budget, midt.over_budget, midt.over) == (1, 1, False)
    by_track = {x.code: x for x in totals(rows, "track")}
    assert by_track["KOL"].budget == 650000.0 and by_track["KOL"].spent == 640000.0
    by_goal = {x.code: x for x in totals(rows, "goal")}
    assert by_goal["DIA-1"].budget == 100000.0 and by_goal["DIA-1"].without_budget == 1
    with pytest.raises(ValueError):
        totals(rows, "municipality")


# --- pools ---------------------------------------------------------------------------------


def test_pools_granted_and_spent_per_year(catalogue_engine: Engine) -> None:
    save_pool(engine=catalogue_engine, actor=ADMIN, code="BEREDSKAB", name="Beredskabspuljen")
    set_pool_year(
        engine=catalogue_engine, actor=ADMIN, code="BEREDSKAB", year=2025,
        granted="500.000", spent=520000,
    )  # fmt: skip
    pool = set_pool_year(
        engine=catalogue_engine, actor=ADMIN, code="BEREDSKAB", year=2024,
        granted=500000, spent="310 000 kr.", note="Midtvejs",
    )  # fmt: skip
    assert [(y.year, y.granted, y.spent) for y in pool.years] == [
        (2024, 500000.0, 310000.0),
        (2025, 500000.0, 520000.0),
    ]
    assert pool.years[1].over and not pool.years[0].over
    # setting a year again replaces it, and renaming keeps the years
    set_pool_year(
        engine=catalogue_engine, actor=ADMIN, code="BEREDSKAB", year=2025, granted=500000,
        spent=480000,
    )  # fmt: skip
    save_pool(engine=catalogue_engine, actor=ADMIN, code="BEREDSKAB", name="Udviklingspuljen")
    (found,) = pools(engine=catalogue_engine)
    assert found.name == "Udviklingspuljen"
    assert [(y.year, y.spent) for y in found.years] == [(2024, 310000.0), (2025, 480000.0)]
    with store.read_session(catalogue_engine) as session:
        from goals.access import audit_events

        actions = [e.action for e in audit_events(session)]
    assert actions.count("pool.year_set") == 3 and "pool.created" in actions


def test_pool_edits_are_refused_with_one_sentence(catalogue_engine: Engine) -> None:
    before = dump(catalogue_engine)
    with pytest.raises(PermissionDenied):
        save_pool(engine=catalogue_engine, actor=VIEWER, code="X", name="X")
    with pytest.raises(PoolError, match="Puljen 'NOPE' findes ikke"):
        set_pool_year(
            engine=catalogue_engine, actor=ADMIN, code="NOPE", year=2025, granted=1, spent=0
        )
    save_pool(engine=catalogue_engine, actor=ADMIN, code="P", name="Pulje")
    for granted, spent, message in (
        ("-1", 0, "Bevilget kan ikke være negativt"),
        ("mange", 0, "Bevilget skal være et beløb i kroner"),
        (1, "0,5 mio.", "Forbrug skal skrives i hele kroner"),
        ("", 0, "Bevilget skal være et beløb i kroner"),
    ):
        with pytest.raises(PoolError, match=message):
            set_pool_year(
                engine=catalogue_engine, actor=ADMIN, code="P", year=2025, granted=granted,
                spent=spent,
            )  # fmt: skip
    with pytest.raises(PoolError, match="Året '1850'"):
        set_pool_year(engine=catalogue_engine, actor=ADMIN, code="P", year=1850, granted=1, spent=1)
    with pytest.raises(PoolError, match="kode"):
        save_pool(engine=catalogue_engine, actor=ADMIN, code="to ord", name="X")
    assert pools(engine=catalogue_engine)[0].years == []
    assert len(dump(catalogue_engine)["pool"]) == len(before["pool"]) + 1
