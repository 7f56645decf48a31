"""Small-number suppression (issue 17, part 3): a configurable rule (default: a count below 5,
and values derived from it) hides figures in status, pages' data, the deck, profiles and every
export, with a note; the rule hides, it never changes what is stored. SQLite and, with
GOALS_TEST_POSTGRES_URL, PostgreSQL."""

from __future__ import annotations

import io
import json
import math

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.engine import Engine

from goals import store
from goals.access import Actor
from goals.catalogue import Catalogue
from goals.catalogue.edit import CatalogueEditError, set_suppression
from goals.catalogue.profile import cluster_profile, set_key_figures
from goals.catalogue.suppression import SUPPRESSED, Suppression
from goals.cli import main
from goals.present.deck import Selection, build_deck
from goals.present.deck.profile import profile_deck
from goals.present.indicator_data import data_notes, observations, shown_table, to_csv, to_xlsx
from goals.setup import initialise
from goals.status import assess
from goals.store.model import Role
from goals.workbook import import_workbook
from goals.workbook.export import export_workbook
from tests.conftest import VALUE_HEADER, sheet_bytes

pytestmark = pytest.mark.store

ADMIN = Actor(name="sekretariat", role=Role.ADMIN)


def _workbook(rows: list[list]) -> bytes:
    return sheet_bytes(rows, VALUE_HEADER)


def _upload(engine: Engine, rows: list[list]) -> None:
    result = import_workbook(
        engine=engine, content=_workbook(rows), filename="s.xlsx", user="styregruppe"
    )
    assert result.status == "applied", result.errors


#: Klynge Nord's admissions: 2022K4 rests on 4 admissions (hidden); 20.0 is its value
NORD = [
    ["KOL-01", "Klynge Nord", "2019K4", "I alt", "250,0", 50, 200],
    ["KOL-01", "Klynge Nord", "2022K4", "I alt", "20,0", 4, 200],
    ["KOL-01", "Klynge Nord", "2024K4", "I alt", "225,0", 45, 200],
    # Klynge Midt from its municipalities: Jammerbugt's 2024K4 rests on 3 (hidden)
    ["KOL-01", "Aalborg", "2019K4", "I alt", "300,0", 120, 400],
    ["KOL-01", "Jammerbugt", "2019K4", "I alt", "330,0", 33, 100],
    ["KOL-01", "Aalborg", "2024K4", "I alt", "250,0", 100, 400],
    ["KOL-01", "Jammerbugt", "2024K4", "I alt", "30,0", 3, 100],
    # a count (unit "borgere") below 5, and one that is not
    ["BEF-01", "Klynge Nord", "2025", "I alt", 3, None, None],
    ["BEF-01", "Klynge Midt", "2025", "I alt", 263000, None, None],
]


@pytest.fixture
def small(store_url: str) -> Engine:
    initialise(store_url, catalogue_name="nordjylland")
    engine = store.get_engine(store_url)
    _upload(engine, NORD)
    return engine


def _row(report, cluster: str):
    return next(r for r in report.rows if r.area == cluster and r.criterion == "KOL-2-A")


# --- the rule ---------------------------------------------------------------------------------


def test_the_rule_hides_counts_and_values_resting_on_them():
    rule = Suppression()  # the default: below 5
    assert rule.min_count == 5 and rule.active
    assert rule.hides_unit("antal", 4) and rule.hides_unit("Antal borgere", 0)
    assert not rule.hides_unit("antal", 5) and not rule.hides_unit("antal", None)
    assert rule.hides_unit("%", 12.5, 1, 8) and rule.hides_unit("%", 75.0, 30, 4)
    assert not rule.hides_unit("%", 12.5, 5, 40)
    assert not rule.hides_unit("%", 3.0)  # a share without its counts cannot be judged
    assert not rule.hides_unit("antal", float("nan"))
    assert not Suppression(0).hides_unit("antal", 1)


@given(
    limit=st.integers(0, 50),
    value=st.one_of(st.none(), st.floats(-1e6, 1e6)),
    numerator=st.one_of(st.none(), st.integers(0, 100)),
)
def test_a_value_is_hidden_exactly_when_a_count_of_it_is_below_the_limit(limit, value, numerator):
    hidden = Suppression(limit).hides(count_unit=True, value=value, numerator=numerator)
    expected = limit > 0 and (
        (value is not None and 0 <= value < limit) or (numerator is not None and numerator < limit)
    )
    assert hidden == expected


# --- status, and what is derived from a hidden value --------------------------------------------


def test_status_leaves_a_hidden_value_out_and_says_so(small: Engine) -> None:
    report = assess(engine=small, catalogue=Catalogue.read(small))
    nord = _row(report, "NORD")
    assert list(nord.series) == ["2019K4", "2024K4"]
    assert nord.suppressed_periods == ("2022K4",)
    assert "4. kvt. 2022 vises ikke" in nord.reason_text
    record = nord.record()
    assert record["suppressed_periods"] == ["2022K4"]
    assert 20.0 not in record["series"].values()
    # Klynge Midt's 2024K4 would be a sum with Jammerbugt's hidden value: none is formed, or
    # Jammerbugt's could be worked out from it
    midt = _row(report, "MIDT")
    assert list(midt.series) == ["2019K4"] and midt.derived_periods == ("2019K4",)


def test_status_json_holds_no_hidden_figure(small: Engine, store_url, monkeypatch, capsys) -> None:
    monkeypatch.setenv("GOALS_DATABASE_URL", store_url)
    store.dispose_engines()
    assert main(["status", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    nord = next(r for r in rows if r["area"] == "NORD" and r["criterion"] == "KOL-2-A")
    assert "2022K4" not in nord["series"] and nord["suppressed_periods"] == ["2022K4"]


def test_the_rule_is_the_stores_own_and_hides_without_changing_anything(small: Engine) -> None:
    before = Catalogue.read(small)
    with store.write_session(small) as session:
        edit = set_suppression(session=session, actor=ADMIN, min_count=0)
    assert edit.changes == {"min_count": (5, 0)}
    after = Catalogue.read(small)
    assert after.fingerprint != before.fingerprint  # every cached report is made anew
    nord = _row(assess(engine=small, catalogue=after), "NORD")
    assert nord.series["2022K4"] == 20.0 and nord.suppressed_periods == ()
    with store.write_session(small) as session:
        set_suppression(session=session, actor=ADMIN, min_count="10")
    nord = _row(assess(engine=small, catalogue=Catalogue.read(small)), "NORD")
    assert nord.suppressed_periods == ("2022K4",)  # 4 < 10; 45 and 50 are not
    for bad in ("fem", -1, 2.5, 5000):
        with store.write_session(small) as session, pytest.raises(CatalogueEditError, match="helt tal"):  # fmt: skip
            set_suppression(session=session, actor=ADMIN, min_count=bad)
    with store.write_session(small) as session, pytest.raises(Exception, match="Only an admin"):  # fmt: skip
        set_suppression(session=session, actor=Actor(name="x", role=Role.VIEWER), min_count=3)


# --- pages' data, the downloads, profiles, the deck ------------------------------------------


def test_the_indicator_table_and_downloads_hide_the_value_with_a_note(small: Engine) -> None:
    cat = Catalogue.read(small)
    with store.read_session(small) as session:
        frame = observations(session, cat, indicator="KOL-01", areas=["NORD", "MIDT"], groups=["I alt"])  # fmt: skip
    hidden = frame[(frame["area"] == "NORD") & (frame["period"] == "2022K4")].iloc[0]
    assert math.isnan(hidden["value"]) and hidden["missing_reason"] == SUPPRESSED
    assert pd_isna(hidden["numerator"]) and pd_isna(hidden["denominator"])
    midt = frame[frame["area"] == "MIDT"]
    assert list(midt["period"]) == ["2019K4"]  # no sum formed with a hidden value
    indicator = cat.indicator("KOL-01")
    for lang, word in (("da", "Diskretioneret (under 5)"), ("en", "Suppressed (below 5)")):
        table = shown_table(frame, cat, indicator, lang)
        assert word in table.iloc[:, -1].tolist()
        csv = to_csv(table, lang).decode("utf-8-sig")
        assert word in csv and "20,0" not in csv and "20.0" not in csv
        book = openpyxl.load_workbook(io.BytesIO(to_xlsx(table, sheet="KOL-01")))
        cells = [c for row in book.active.iter_rows(values_only=True) for c in row]
        assert word in cells and 20.0 not in cells and 4 not in cells
    assert any("færre end 5 personer" in n for n in data_notes(frame, cat, "da"))


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def test_a_profile_and_its_slides_hide_a_small_key_figure(small: Engine) -> None:
    set_key_figures(engine=small, actor=ADMIN, indicators=["BEF-01"])
    with store.read_session(small) as session:
        nord = cluster_profile(session, "NORD")
        midt = cluster_profile(session, "MIDT")
    figure = nord.key_figures[0]
    assert figure.suppressed and figure.value is None
    assert figure.shown("da") == "Diskretioneret (under 5)"
    assert figure.to_json()["suppressed"] is True
    assert midt.key_figures[0].value == 263000 and not midt.key_figures[0].suppressed
    deck = profile_deck(nord)
    cells = [line for s in deck.slides if s.table for row in s.table.rows for c in row for line in c.lines]  # fmt: skip
    assert "Diskretioneret (under 5)" in cells and not any(c.startswith("3 ") for c in cells)


def test_the_deck_shows_no_hidden_figure_and_says_why(small: Engine) -> None:
    cat = Catalogue.read(small)
    report = assess(engine=small, catalogue=cat)
    deck = build_deck(
        report=report, catalogue=cat, selection=Selection(cluster="NORD"), lang="da", engine=small
    )
    said = []
    for slide in deck.slides:
        said += [slide.title, slide.subtitle, slide.text, slide.notes, *slide.bullets]
    text = "\n".join(s for s in said if s)
    assert "vises ikke" in text and "diskretionering" in text
    assert "20,0" not in text
    for slide in deck.slides:  # no chart draws it
        figure = getattr(slide, "figure", None)
        if figure is not None:
            drawn = [y for trace in figure.data for y in (getattr(trace, "y", None) or ())]
            assert 20.0 not in drawn


# --- the full export --------------------------------------------------------------------------


def test_the_export_leaves_hidden_values_out_and_reimports_unchanged(small: Engine) -> None:
    report: dict = {}
    content = export_workbook(engine=small, report=report)
    assert report["suppressed"] == 3  # Nord 2022K4, Jammerbugt 2024K4, Nord's 3 residents
    book = openpyxl.load_workbook(io.BytesIO(content))
    rows = list(book["Indikatorer"].iter_rows(values_only=True))
    assert not any(r[1] == "Klynge Nord" and r[2] == "2022K4" for r in rows)
    assert not any(r[0] == "BEF-01" and r[1] == "Klynge Nord" for r in rows)
    again = import_workbook(engine=small, content=content, filename="export.xlsx", user="x")
    assert again.counts["new"] == 0 and again.counts["changed"] == 0, again.errors
    nord = _row(assess(engine=small, catalogue=Catalogue.read(small)), "NORD")
    with store.write_session(small) as session:
        set_suppression(session=session, actor=ADMIN, min_count=0)
    assert (
        _row(assess(engine=small, catalogue=Catalogue.read(small)), "NORD").series["2022K4"] == 20.0
    )  # the stored value was never touched
    assert nord.suppressed_periods == ("2022K4",)
    with store.write_session(small) as session:
        set_suppression(session=session, actor=ADMIN, min_count=5)
    everything: dict = {}
    full = export_workbook(engine=small, all_values=True, report=everything)
    assert everything["suppressed"] == 0
    rows = list(openpyxl.load_workbook(io.BytesIO(full))["Indikatorer"].iter_rows(values_only=True))
    assert any(r[1] == "Klynge Nord" and r[2] == "2022K4" and r[4] == 20.0 for r in rows)


def test_the_command_line_sets_the_rule_and_says_what_export_left_out(
    small, store_url, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("GOALS_DATABASE_URL", store_url)
    store.dispose_engines()
    assert main(["suppression", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"min_count": 5, "active": True}
    assert main(["export", str(tmp_path / "e.xlsx")]) == 0
    assert "3 tal er udeladt" in capsys.readouterr().out
    assert main(["suppression", "--below", "0"]) == 0
    assert "slået fra" in capsys.readouterr().out
    assert main(["export", str(tmp_path / "f.xlsx")]) == 0
    assert "udeladt" not in capsys.readouterr().out
    assert main(["suppression", "--below", "fem"]) == 2
    assert "helt tal" in capsys.readouterr().err


def test_the_report_and_its_data_workbook_hold_no_hidden_figure(
    small, store_url, tmp_path, monkeypatch, capsys
):
    """`goals report --xlsx`: the slides (PowerPoint) and the data behind them."""
    from pptx import Presentation

    monkeypatch.setenv("GOALS_DATABASE_URL", store_url)
    store.dispose_engines()
    out, data = tmp_path / "r.pptx", tmp_path / "r.xlsx"
    assert main(["report", str(out), "--cluster", "NORD", "--xlsx", str(data)]) == 0
    said = []
    for slide in Presentation(str(out)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                said.append(shape.text_frame.text)
            if shape.has_table:
                said += [c.text for row in shape.table.rows for c in row.cells]
        if slide.has_notes_slide:
            said.append(slide.notes_slide.notes_text_frame.text)
    text = "\n".join(said)
    assert "20,0" not in text and "vises ikke" in text
    book = openpyxl.load_workbook(data)
    cells = [c for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row]
    assert 20.0 not in cells and not any(isinstance(c, str) and "20,0" in c for c in cells)
    assert any(isinstance(c, str) and "2022K4" in c for c in cells)  # said as hidden


def test_a_meeting_its_changes_and_its_summary_hold_no_hidden_figure(small: Engine) -> None:
    from goals.meetings import (
        create_meeting,
        freeze_meeting,
        meeting_changes,
        meeting_summary,
        summary_bytes,
    )

    june = create_meeting(engine=small, actor=ADMIN, title="Direktørforum", held_on="2026-06-18")
    freeze_meeting(engine=small, actor=ADMIN, meeting_id=june.id)
    # a revised small value and a new one after the meeting: neither is told
    _upload(
        small,
        [
            ["KOL-01", "Klynge Nord", "2022K4", "I alt", "15,0", 3, 200],
            ["KOL-01", "Klynge Nord", "2025K1", "I alt", "10,0", 2, 200],
            ["KOL-01", "Klynge Nord", "2025K2", "I alt", "230,0", 46, 200],
        ],
    )
    found = meeting_changes(engine=small, meeting_id=june.id)
    told = found.revised_values + found.new_values
    assert {(v["area"], v["period"]) for v in told} == {("NORD", "2025K2")}
    september = create_meeting(engine=small, actor=ADMIN, title="September", held_on="2026-09-10")
    freeze_meeting(engine=small, actor=ADMIN, meeting_id=september.id)
    summary = meeting_summary(engine=small, meeting_id=september.id)
    text = summary_bytes(summary, "s.txt").decode()
    assert "20,0" not in text and "15,0" not in text and "10,0" not in text
