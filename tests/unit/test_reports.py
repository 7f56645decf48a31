"""What steering groups report besides values (goals.status.own) and how fresh the data are
(goals.status.freshness): the newest row from an applied upload counts, a rolled-back one never."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy.engine import Engine

from goals import store
from goals.catalogue import Catalogue
from goals.status.freshness import latest_uploads
from goals.status.own import assessment_agrees, current_assessments, current_initiatives
from goals.workbook import import_workbook, rollback_upload

KOL_1 = "Færre rygere blandt borgere med kort uddannelse"
KOL_2 = "Færre akutte indlæggelser blandt borgere med KOL"
PSY_1 = "Bedre mental sundhed blandt unge"
VALUE_HEADER = ["Indikator", "Område", "Periode", "Gruppe", "Værdi"]
INITIATIVE_HEADER = ["Mål", "Indsats", "Område", "Status", "Næste milepæl", "Dato", "Ansvarlig"]
ASSESSMENT_HEADER = ["Mål", "Område", "Periode", "Trafiklys", "Status"]


def book(**sheets: list[list[Any]]) -> bytes:
    """A status workbook with the given sheets (indicators, initiatives, assessments)."""
    layout = {
        "indicators": ("Indikatorer", VALUE_HEADER),
        "initiatives": ("Indsatser", INITIATIVE_HEADER),
        "assessments": ("Vurdering", ASSESSMENT_HEADER),
    }
    workbook = Workbook()
    workbook.remove(workbook.active)
    for key, rows in sheets.items():
        title, header = layout[key]
        sheet = workbook.create_sheet(title)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def upload(engine: Engine, content: bytes, name: str, user: str = "anna") -> int:
    result = import_workbook(engine=engine, content=content, filename=name, user=user)
    assert result.status == "applied", [p.message for p in result.errors]
    return result.upload_id


def catalogue(engine: Engine) -> Catalogue:
    with store.read_session(engine) as session:
        return Catalogue.load(session)


def assessments(engine: Engine, **kwargs: Any):
    with store.read_session(engine) as session:
        return current_assessments(session=session, catalogue=catalogue(engine), **kwargs)


def initiatives(engine: Engine, **kwargs: Any):
    with store.read_session(engine) as session:
        return current_initiatives(session=session, catalogue=catalogue(engine), **kwargs)


def test_the_latest_period_is_the_current_assessment(catalogue_engine: Engine) -> None:
    upload(
        catalogue_engine,
        book(
            assessments=[
                [KOL_1, "Midtklyngen", "2022", "Gul", "Rygningen falder langsomt."],
                [KOL_1, "Midtklyngen", "2023", "Grøn", "Nu går det hurtigere."],
                [KOL_2, "Vestklyngen", "2023", "Rød", None],
            ]
        ),
        "v1.xlsx",
    )
    current = assessments(catalogue_engine)
    assert set(current) == {("KOL-1", "MIDT"), ("KOL-2", "VEST")}
    midt = current[("KOL-1", "MIDT")]
    assert (midt.period, midt.light, midt.text, midt.user) == (
        "2023",
        "green",
        "Nu går det hurtigere.",
        "anna",
    )
    assert current[("KOL-2", "VEST")].text is None
    # as of 2022 the 2023 assessment had not been given
    assert assessments(catalogue_engine, as_of="2022")[("KOL-1", "MIDT")].light == "yellow"
    # filtered by area and goal
    assert set(assessments(catalogue_engine, areas=["VEST"])) == {("KOL-2", "VEST")}
    assert set(assessments(catalogue_engine, goals=["KOL-1"])) == {("KOL-1", "MIDT")}


def test_a_newer_upload_replaces_an_assessment_until_it_is_rolled_back(
    catalogue_engine: Engine,
) -> None:
    upload(
        catalogue_engine,
        book(assessments=[[KOL_1, "Midtklyngen", "2023", "Gul", "Først"]]),
        "a.xlsx",
    )
    later = upload(
        catalogue_engine,
        book(assessments=[[KOL_1, "Midtklyngen", "2023", "Rød", "Rettet"]]),
        "b.xlsx",
        user="bo",
    )
    current = assessments(catalogue_engine)[("KOL-1", "MIDT")]
    assert (current.light, current.text, current.upload_id) == ("red", "Rettet", later)
    assert rollback_upload(engine=catalogue_engine, upload_id=later, user="c").status == (
        "rolled_back"
    )
    current = assessments(catalogue_engine)[("KOL-1", "MIDT")]
    assert (current.light, current.text, current.user) == ("yellow", "Først", "anna")


def test_initiatives_newest_per_name_delayed_first_rolled_back_ignored(
    catalogue_engine: Engine,
) -> None:
    upload(
        catalogue_engine,
        book(
            initiatives=[
                [
                    KOL_1,
                    "Rygestop i jobcentret",
                    "Midtklyngen",
                    "I gang",
                    "Evaluering",
                    "2025-03-31",
                    "Skive Kommune",
                ],
                [KOL_1, "Røgfri skoletid", "Midtklyngen", "Ikke startet", None, None, None],
                [KOL_2, "Hjemmebesøg", "Aarhusklyngen", "I gang", None, None, None],
            ]
        ),
        "i1.xlsx",
    )
    later = upload(
        catalogue_engine,
        # the same initiative, spelled differently, is now delayed
        book(
            initiatives=[
                [
                    KOL_1,
                    "rygestop i Jobcentret",
                    "Midtklyngen",
                    "Forsinket",
                    "Ny aftale",
                    "2025-06-30",
                    "Skive Kommune",
                ]
            ]
        ),
        "i2.xlsx",
    )
    midt = initiatives(catalogue_engine, areas=["MIDT"])
    assert [(i.goal, i.name, i.status) for i in midt] == [
        ("KOL-1", "rygestop i Jobcentret", "delayed"),
        ("KOL-1", "Røgfri skoletid", "not_started"),
    ]
    assert str(midt[0].milestone_date) == "2025-06-30"
    assert len(initiatives(catalogue_engine)) == 3
    assert [i.goal for i in initiatives(catalogue_engine, goals=["KOL-2"])] == ["KOL-2"]
    rollback_upload(engine=catalogue_engine, upload_id=later, user="c")
    assert [(i.name, i.status) for i in initiatives(catalogue_engine, areas=["MIDT"])] == [
        ("Rygestop i jobcentret", "in_progress"),
        ("Røgfri skoletid", "not_started"),
    ]


@pytest.mark.parametrize(
    ("light", "status", "agrees"),
    [
        ("green", "target_achieved", True),
        ("green", "on_track", True),
        ("green", "needs_acceleration", False),
        ("green", "deterioration", False),
        ("yellow", "needs_acceleration", True),
        ("yellow", "limited_progress", True),
        ("yellow", "on_track", False),
        ("yellow", "uncertain", True),
        ("green", "uncertain", False),
        ("red", "uncertain", False),
        ("red", "limited_progress", True),
        ("red", "deterioration", True),
        ("red", "on_track", False),
        ("red", "not_available", None),
    ],
)
def test_a_traffic_light_agrees_with_the_statuses_it_stands_for(light, status, agrees) -> None:
    assert assessment_agrees(light, status) is agrees


def test_freshness_is_the_latest_applied_upload_of_each_steering_group(
    catalogue_engine: Engine,
) -> None:
    with store.read_session(catalogue_engine) as session:
        assert [
            (f.steering_group, f.upload_id)
            for f in latest_uploads(session=session, catalogue=catalogue(catalogue_engine))
        ] == [("BUF", None), ("VOKSNE", None)]
    voksne = upload(
        catalogue_engine,
        book(indicators=[["RYG-01", "Midtklyngen", "2022", "I alt", 15.1]]),
        "voksne.xlsx",
        user="anna",
    )
    buf_values = upload(
        catalogue_engine,
        book(indicators=[["PSY-02", "Midtklyngen", "2022", "I alt", 30.2]]),
        "buf.xlsx",
        user="bo",
    )
    # an upload with only an assessment of a BUF goal is BUF's too
    buf_assessment = upload(
        catalogue_engine,
        book(assessments=[[PSY_1, "Vestklyngen", "2023", "Gul", None]]),
        "buf-vurdering.xlsx",
        user="bo",
    )

    def fresh() -> dict[str, tuple]:
        with store.read_session(catalogue_engine) as session:
            items = latest_uploads(session=session, catalogue=catalogue(catalogue_engine))
        return {f.steering_group: (f.upload_id, f.filename, f.user) for f in items}

    assert fresh() == {
        "VOKSNE": (voksne, "voksne.xlsx", "anna"),
        "BUF": (buf_assessment, "buf-vurdering.xlsx", "bo"),
    }
    rollback_upload(engine=catalogue_engine, upload_id=buf_assessment, user="c")
    assert fresh()["BUF"] == (buf_values, "buf.xlsx", "bo")
