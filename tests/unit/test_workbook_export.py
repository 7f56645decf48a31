"""Export (round trip, no executable text), the template (imports once filled in) and the
annotated copy of a workbook with errors."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from conftest_workbook import (
    HEADER,
    fixture_bytes,
    load_catalogue_snapshot,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from sqlalchemy.engine import Engine

from goals import catalogue, store
from goals.periods import Frequency, Period, current_period
from goals.units import is_count_unit, per_unit
from goals.workbook import (
    annotate_workbook,
    annotated_filename,
    export_workbook,
    import_workbook,
    write_template,
)
from goals.workbook.template import TemplateError

# --- export and the round trip ---------------------------------------------------------------

_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    max_size=30,
)
_risky = st.sampled_from(["=SUM(A1:A3)", "+45 12 34", "-3 usikkert", "@user", "=1+1"])


@st.composite
def observations(draw: st.DrawFn, cat: catalogue.Catalogue) -> list[list]:
    indicators = sorted(cat.indicators.values(), key=lambda i: i.code)
    areas = sorted(a.name for a in cat.areas.values())
    groups = sorted(g.code for g in cat.groups.values())
    keys = draw(
        st.lists(
            st.tuples(
                st.sampled_from(indicators),
                st.sampled_from(areas),
                st.integers(2010, dt.date.today().year + 1),
                st.integers(1, 12),
                st.sampled_from(groups),
            ),
            min_size=1,
            max_size=25,
            unique_by=lambda k: (
                k[0].code,
                k[1],
                k[2],
                k[3] if k[0].frequency != "year" else 0,
                k[4],
            ),
        )
    )
    rows = []
    for indicator, area, year, index, group in keys:
        frequency = Frequency(indicator.frequency)
        period = Period(year, frequency, (index - 1) % frequency.per_year + 1).code
        percent = indicator.unit == "%"
        value = draw(
            st.one_of(
                st.floats(0, 100, allow_nan=False)
                if percent
                # rates "pr. K" and counts are never negative (the importer refuses them)
                else st.floats(
                    0
                    if per_unit(indicator.unit) is not None or is_count_unit(indicator.unit)
                    else -1e6,
                    1e6,
                    allow_nan=False,
                ),
                st.sampled_from(["-", "..", "n/a", "Diskretioneret"]),
            )
        )
        denominator = draw(st.one_of(st.none(), st.integers(1, 10**6)))
        # a share's numerator is at most its denominator (the importer refuses more)
        top = denominator if percent and denominator else 10**6
        numerator = draw(st.one_of(st.none(), st.integers(0, top)))
        note = draw(st.one_of(st.none(), _text, _risky))
        rows.append([indicator.code, area, period, group, value, numerator, denominator, note])
    return rows


def _book(rows: list[list]) -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = "Indikatorer"
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, even when it starts with '='
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def round_trip_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    url = f"sqlite:///{tmp_path_factory.mktemp('rt')}/goals.db"
    catalogue_engine = store.open_store(url)
    with store.write_session(catalogue_engine) as session:
        catalogue.load_catalogue(session=session)
    return catalogue_engine


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_export_then_import_is_all_unchanged(
    round_trip_engine: Engine, data: st.DataObject
) -> None:
    cat = load_catalogue_snapshot(round_trip_engine)
    rows = data.draw(observations(cat))
    applied = import_workbook(
        engine=round_trip_engine, content=_book(rows), filename="h.xlsx", user="h"
    )
    assert applied.errors == [], [str(p) for p in applied.errors]
    # every value, also those the small-number rule hides (tests/unit/test_suppression.py
    # re-imports the export that leaves them out)
    exported = export_workbook(engine=round_trip_engine, all_values=True)
    again = import_workbook(
        engine=round_trip_engine, content=exported, filename="export.xlsx", user="h", dry_run=True
    )
    assert again.errors == [], [str(p) for p in again.errors]
    assert again.counts["new"] == 0 and again.counts["changed"] == 0, again.changes[:3]
    assert again.counts["unchanged"] > 0


def test_export_of_the_example_round_trips_with_initiatives(catalogue_engine: Engine) -> None:
    import_workbook(
        engine=catalogue_engine,
        content=fixture_bytes("statusark_voksne_2022.xlsx"),
        filename="s.xlsx",
        user="a",
    )
    exported = export_workbook(engine=catalogue_engine)
    book = load_workbook(io.BytesIO(exported))
    assert book.sheetnames == ["Indikatorer", "Indsatser", "Vurdering"]
    header = [c.value for c in book["Indikatorer"][1]]
    assert header == [
        "Indikator",
        "Område",
        "Periode",
        "Gruppe",
        "Værdi",
        "Tæller",
        "Nævner",
        "Nedre",
        "Øvre",
        "Kommentar",
    ]
    first = [c.value for c in book["Indikatorer"][2]]
    assert first[:5] == ["KOL-01", "Aarhusklyngen", "2022K3", "I alt", 315.2]
    result = import_workbook(engine=catalogue_engine, content=exported, filename="e.xlsx", user="a")
    assert result.counts == {"new": 0, "changed": 0, "unchanged": 15, "rejected": 0}
    assert result.message.startswith("Intet nyt")  # recorded as a confirmation, nothing changed


def test_exported_text_is_never_a_formula(catalogue_engine: Engine) -> None:
    rows = [
        ["RYG-01", "Midtklyngen", 2021, "", 13, None, None, '=HYPERLINK("http://x")'],
        ["RYG-01", "Vestklyngen", 2021, "", "-", None, None, "@SUM(A1)"],
        ["RYG-01", "Aarhusklyngen", 2021, "", 12, None, None, "+45 1234"],
    ]
    assert (
        import_workbook(
            engine=catalogue_engine, content=_book(rows), filename="x.xlsx", user="a"
        ).errors
        == []
    )
    exported = export_workbook(engine=catalogue_engine)
    with zipfile.ZipFile(io.BytesIO(exported)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        styles = z.read("xl/styles.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    assert 'quotePrefix="1"' in styles
    book = load_workbook(io.BytesIO(exported))
    texts = {
        c.value: c
        for row in book["Indikatorer"].iter_rows(min_row=2)
        for c in row
        if isinstance(c.value, str)
    }
    for text in ('=HYPERLINK("http://x")', "@SUM(A1)", "+45 1234", "-"):
        assert texts[text].data_type == "s" and texts[text].quotePrefix
    again = import_workbook(
        engine=catalogue_engine, content=exported, filename="e.xlsx", user="a", dry_run=True
    )
    assert again.counts == {"new": 0, "changed": 0, "unchanged": 3, "rejected": 0}


# --- the template -----------------------------------------------------------------------------


def test_template_is_prefilled_and_imports_once_filled_in(
    catalogue_engine: Engine, tmp_path: Path
) -> None:
    content = write_template(engine=catalogue_engine, steering_group="VOKSNE")
    book = load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Vejledning", "Indikatorer", "Indsatser", "Vurdering", "Lister"]
    assert book["Lister"].sheet_state == "hidden"
    assert "Sådan udfylder du statusarket" in str(book["Vejledning"]["A3"].value)
    ws = book["Indikatorer"]
    assert ws.freeze_panes == "A2"
    assert [c.value for c in ws[1]][:7] == [
        "Indikator",
        "Indikatornavn",
        "Enhed",
        "Område",
        "Periode",
        "Gruppe",
        "Værdi",
    ]
    # (rows below the data are formatted for new entries but empty)
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] is not None]
    cat = load_catalogue_snapshot(catalogue_engine)
    voksne = cat.steering_group("VOKSNE")
    codes = {i.code for i in cat.indicators_of_steering_group(voksne)}
    assert {r[0] for r in rows} == codes
    areas = {a.name for a in cat.clusters} | {a.name for a in cat.areas_of_kind("municipality")}
    assert {r[3] for r in rows} == areas
    kol = next(r for r in rows if r[0] == "KOL-01")
    assert kol[2] == "pr. 1.000 borgere med KOL"
    assert kol[4] == current_period(Frequency.QUARTER).code  # nothing stored yet
    ryg_groups = {r[5] for r in rows if r[0] == "RYG-01"}
    assert {"I alt", "Uddannelse: Grundskole", "Uddannelse: Lang videregående"} <= ryg_groups
    validations = {
        str(dv.sqref): dv.formula1.replace("'", "") for dv in ws.data_validations.dataValidation
    }
    assert any(ref.startswith("A2:") and "Lister!$A$2" in f for ref, f in validations.items())
    assert any(ref.startswith("D2:") and "Lister!$B$2" in f for ref, f in validations.items())
    assert any(ref.startswith("F2:") and "Lister!$C$2" in f for ref, f in validations.items())
    assert book["Indsatser"].data_validations.dataValidation
    assert book["Vurdering"].data_validations.dataValidation

    # fill in every value as a person would, plus one assessment, and import
    percent = {i.code for i in cat.indicators.values() if i.unit == "%"}
    for i, row in enumerate(ws.iter_rows(min_row=2, max_row=len(rows) + 1), start=1):
        row[6].value = 12.5 if row[0].value in percent else f"{100 + i},5"
    book["Vurdering"]["D2"] = "Gul"
    book["Vurdering"]["E2"] = "Stabilt"
    filled = io.BytesIO()
    book.save(filled)
    result = import_workbook(
        engine=catalogue_engine, content=filled.getvalue(), filename="t.xlsx", user="a"
    )
    assert result.errors == [], [str(p) for p in result.errors[:5]]
    assert result.status == "applied"
    assert result.counts == {"new": len(rows) + 1, "changed": 0, "unchanged": 0, "rejected": 0}
    assert "Lister" in result.ignored_sheets and "Vejledning" in result.ignored_sheets

    # the next template proposes the period after the one now stored
    book = load_workbook(
        io.BytesIO(write_template(engine=catalogue_engine, steering_group="VOKSNE"))
    )
    kol = next(
        r for r in book["Indikatorer"].iter_rows(min_row=2, values_only=True) if r[0] == "KOL-01"
    )
    assert kol[4] == current_period(Frequency.QUARTER).next().code


def test_template_for_all_groups_and_unknown_group(catalogue_engine: Engine) -> None:
    book = load_workbook(io.BytesIO(write_template(engine=catalogue_engine, steering_group=None)))
    codes = {r[0] for r in book["Indikatorer"].iter_rows(min_row=2, values_only=True)} - {None}
    assert len(codes) == len(load_catalogue_snapshot(catalogue_engine).indicators)
    with pytest.raises(
        TemplateError, match=r"Styregruppen 'VOKSEN' findes ikke\. Mente du 'VOKSNE'"
    ):
        write_template(engine=catalogue_engine, steering_group="VOKSEN")


# --- the annotated copy ------------------------------------------------------------------------


def test_annotated_copy_marks_every_problem_cell(catalogue_engine: Engine) -> None:
    for name in ("unknown_names.xlsx", "lo_errors.ods"):
        content = fixture_bytes(name)
        result = import_workbook(engine=catalogue_engine, content=content, filename=name, user="a")
        annotated = annotate_workbook(content, result.errors, name)
        book = load_workbook(io.BytesIO(annotated))
        assert book.sheetnames[0] == "Fejl"
        for problem in result.errors:
            sheet, coordinate = problem.cell.split("!")
            cell = book[sheet][coordinate]
            assert problem.message in cell.comment.text
            assert cell.fill.fgColor.rgb.endswith("F8CBAD")
        listed = [r[0] for r in book["Fejl"].iter_rows(min_row=2, values_only=True)]
        assert listed == [p.cell for p in result.errors]
    assert annotated_filename("statusark.ods") == "statusark_fejl.xlsx"


def test_annotated_copy_of_an_unreadable_file_still_lists_the_problem(
    catalogue_engine: Engine,
) -> None:
    content = fixture_bytes("truncated.xlsx")
    result = import_workbook(engine=catalogue_engine, content=content, filename="t.xlsx", user="a")
    book = load_workbook(io.BytesIO(annotate_workbook(content, result.errors, "t.xlsx")))
    assert book.sheetnames == ["Fejl"]
    assert re.search("beskadiget", book["Fejl"]["D2"].value)


# --- control characters ------------------------------------------------------------------------


def _with_controls() -> bytes:
    """The example with control characters in every kind of text cell, written the way .xlsx
    escapes them (_x000B_ is a Word line break pasted into a cell, _x0000_ a NUL)."""
    book = load_workbook(io.BytesIO(fixture_bytes("statusark_voksne_2022.xlsx")))
    book["Indikatorer"]["H5"] = "første_x000B_anden_x0007_"
    book["Indikatorer"]["H6"] = "a_x0000_b_x001B_c\td"
    ini = book["Indsatser"]
    ini["B2"] = "Rygestop_x0007_ i jobcentret"
    ini["E2"] = "Evaluering_x000C_første hold"
    ini["G2"] = "Skive_x0000_ Kommune"
    ini["H2"] = "18 deltagere_x000B_på første hold_x001F_"
    book["Vurdering"]["E2"] = "Rygningen falder._x000B_Forskellen er uændret._x0008_"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def test_control_characters_are_cleaned_on_import_and_export_works(
    catalogue_engine: Engine, tmp_path: Path
) -> None:
    result = import_workbook(
        engine=catalogue_engine, content=_with_controls(), filename="c.xlsx", user="a"
    )
    assert result.status == "applied", [str(p) for p in result.errors]
    with catalogue_engine.connect() as connection:
        texts = [
            *connection.exec_driver_sql("SELECT note FROM observation").scalars(),
            *connection.exec_driver_sql(
                "SELECT name || next_milestone || responsible || note FROM initiative"
            ).scalars(),
            *connection.exec_driver_sql("SELECT text FROM assessment").scalars(),
        ]
    texts = [text for text in texts if text]
    assert not [text for text in texts if _CONTROLS.search(text)]
    assert "første\nanden" in texts and "abc\td" in texts
    assert "Rygningen falder.\nForskellen er uændret." in texts
    exported = export_workbook(engine=catalogue_engine)
    again = import_workbook(
        engine=catalogue_engine, content=exported, filename="e.xlsx", user="a", dry_run=True
    )
    assert again.counts["changed"] == 0 and again.counts["new"] == 0


def test_export_copes_with_control_characters_already_stored(catalogue_engine: Engine) -> None:
    import_workbook(
        engine=catalogue_engine,
        content=fixture_bytes("statusark_voksne_2022.xlsx"),
        filename="s.xlsx",
        user="a",
    )
    with catalogue_engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE observation SET note = 'bell\x07 and\x0bbreak' WHERE id = "
            "(SELECT MIN(id) FROM observation)"
        )
        connection.exec_driver_sql("UPDATE initiative SET note = 'esc\x1b'")
        connection.exec_driver_sql("UPDATE assessment SET text = 'form\x0cfeed'")
    exported = export_workbook(engine=catalogue_engine)
    book = load_workbook(io.BytesIO(exported))
    texts = [
        c.value for ws in book for row in ws.iter_rows() for c in row if isinstance(c.value, str)
    ]
    assert "bell and\nbreak" in texts and "esc" in texts and "form\nfeed" in texts
    assert not [text for text in texts if _CONTROLS.search(text)]
