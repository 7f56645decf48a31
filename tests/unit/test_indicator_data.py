"""One indicator's values for the Indikatorer page, and the downloads of exactly that table."""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from goals import store
from goals.catalogue import Catalogue
from goals.present import indicator_data
from goals.present.indicator_data import (
    FORMULA_STARTS,
    coverage,
    formatted,
    inert,
    observations,
    shown_table,
    to_csv,
    to_xlsx,
)

EDUCATION = [
    "Uddannelse: Grundskole",
    "Uddannelse: Erhvervsfaglig",
    "Uddannelse: Kort/mellemlang videregående",
    "Uddannelse: Lang videregående",
]


@pytest.fixture
def demo(demo_engine):
    with store.read_session(demo_engine) as session:
        yield session, Catalogue.load(session)


# --- reading ---------------------------------------------------------------------------------


def test_coverage_lists_what_has_values_in_catalogue_and_time_order(demo):
    session, cat = demo
    cov = coverage(session, cat, "OVV-01")
    assert cov.periods == ["2010", "2013", "2017", "2021", "2023"]
    assert cov.areas[:6] == ["RM", "AARHUS", "HORSENS", "MIDT", "RANDERS", "VEST"]
    assert "K751" in cov.areas  # municipalities too
    assert cov.groups[0] == "I alt" and set(EDUCATION) <= set(cov.groups)
    quarterly = coverage(session, cat, "KOL-01")
    assert quarterly.periods[:2] == ["2018K1", "2018K2"] and quarterly.periods[-1] == "2024K4"
    assert quarterly.groups == ["I alt"]


def test_coverage_of_an_unknown_indicator_is_empty(demo):
    session, cat = demo
    assert coverage(session, cat, "NOPE").empty


def test_observations_of_a_selection_in_display_order(demo):
    session, cat = demo
    frame = observations(
        session,
        cat,
        indicator="OVV-01",
        areas=["VEST", "RM"],  # the catalogue's order wins: region first
        groups=["Uddannelse: Grundskole", "I alt"],
        period_from="2013",
        period_to="2021",
    )
    assert list(frame.columns) == [
        "period", "area", "group", "value", "lower", "upper",
        "numerator", "denominator", "note", "missing_reason", "derived",
    ]  # fmt: skip
    assert len(frame) == 2 * 2 * 3
    assert list(frame["area"].unique()) == ["RM", "VEST"]
    assert list(frame["group"].unique()) == ["I alt", "Uddannelse: Grundskole"]
    assert list(frame["period"][:3]) == ["2013", "2017", "2021"]
    assert frame["value"].notna().all() and frame["lower"].notna().all()


def test_observations_swap_a_reversed_range_and_ignore_unknown_codes(demo):
    session, cat = demo
    frame = observations(
        session,
        cat,
        indicator="KOL-01",
        areas=["MIDT", "NOPE"],
        groups=["I alt", "NOPE"],
        period_from="2020K4",
        period_to="2020K1",
    )
    assert list(frame["period"]) == ["2020K1", "2020K2", "2020K3", "2020K4"]
    assert frame["numerator"].dtype == "Int64"


@pytest.mark.parametrize(
    "selection",
    [
        {"indicator": "NOPE", "areas": ["RM"], "groups": ["I alt"]},
        {"indicator": "OVV-01", "areas": [], "groups": ["I alt"]},
        {"indicator": "OVV-01", "areas": ["RM"], "groups": []},
    ],
)
def test_an_empty_selection_gives_an_empty_frame(demo, selection):
    session, cat = demo
    frame = observations(session, cat, **selection)
    assert frame.empty and "value" in frame.columns


# --- the table shown -------------------------------------------------------------------------


def _frame(**columns) -> pd.DataFrame:
    base = {
        "period": ["2021", "2023"],
        "area": ["RM", "RM"],
        "group": ["I alt", "I alt"],
        "value": [17.345, None],
        "lower": [None, None],
        "upper": [None, None],
        "numerator": pd.array([None, None], dtype="Int64"),
        "denominator": pd.array([None, None], dtype="Int64"),
        "note": [None, None],
        "missing_reason": [None, "diskretioneret"],
    }
    return pd.DataFrame(base | columns)


def test_shown_table_has_danish_headers_names_and_rounded_values(demo):
    session, cat = demo
    frame = observations(
        session, cat, indicator="DIA-01", areas=["MIDT"], groups=["I alt"], period_to="2018K2"
    )
    table = shown_table(frame, cat, cat.indicator("DIA-01"), "da")
    assert list(table.columns) == [
        "Periode", "Område", "Gruppe", "Værdi (pr. 1.000 borgere med type 2-diabetes)",
        "Nedre 95 %-grænse", "Øvre 95 %-grænse", "Tæller", "Nævner",
    ]  # fmt: skip
    assert list(table["Periode"]) == ["1. kvt. 2018", "2. kvt. 2018"]
    assert set(table["Område"]) == {"Midtklyngen"}
    assert (table.iloc[:, 3] == table.iloc[:, 3].round(1)).all()


def test_shown_table_in_english_leaves_out_empty_columns_and_shows_withheld_values():
    with store.read_session(store.open_store("sqlite://")) as session:
        cat = Catalogue.load(session)  # an empty catalogue is enough for names
    from goals.store.model import Indicator

    indicator = Indicator(code="X", name="X", unit="%", decimals=1)
    table = shown_table(_frame(), cat, indicator, "en")
    assert list(table.columns) == ["Period", "Area", "Group", "Value (%)", "Note"]
    assert table["Value (%)"].iloc[0] == pytest.approx(17.3)
    assert pd.isna(table["Value (%)"].iloc[1])
    assert list(table["Note"]) == ["", "diskretioneret"]
    shown = formatted(table, "en")
    assert list(shown["Value (%)"]) == ["17.3", ""]  # a gap, never 0


def test_formatted_uses_the_danish_decimal_comma_and_thousands_point():
    from goals.store.model import Indicator

    with store.read_session(store.open_store("sqlite://")) as session:
        cat = Catalogue.load(session)
    indicator = Indicator(code="X", name="X", unit="antal", decimals=1)
    frame = _frame(
        value=[1234.56, 2.0],
        numerator=pd.array([16549, None], dtype="Int64"),
    )
    shown = formatted(shown_table(frame, cat, indicator, "da"), "da")
    assert list(shown["Værdi (antal)"]) == ["1.234,6", "2,0"]
    assert list(shown["Tæller"]) == ["16.549", ""]


def test_polarity_and_frequency_in_words(demo):
    _, cat = demo
    ovv = cat.indicator("OVV-01")
    assert indicator_data.polarity_text(ovv, "da") == "Lavere er bedre"
    assert indicator_data.polarity_text(cat.indicator("DIA-02"), "en") == "Higher is better"
    assert indicator_data.frequency_text(cat.indicator("KOL-01"), "da") == "Kvartalsvis"


# --- downloads -------------------------------------------------------------------------------


def _table_with_text(lang: str = "da") -> pd.DataFrame:
    from goals.store.model import Indicator

    with store.read_session(store.open_store("sqlite://")) as session:
        cat = Catalogue.load(session)
    frame = _frame(
        value=[17.345, 1234.5],
        note=['=HYPERLINK("http://evil")', "+45 12 34 56 78"],
        numerator=pd.array([12, None], dtype="Int64"),
        missing_reason=[None, None],
    )
    return shown_table(frame, cat, Indicator(code="X", name="X", unit="%", decimals=1), lang)


def test_csv_is_what_is_shown_with_danish_separators_and_inert_formulas():
    table = _table_with_text("da")
    data = to_csv(table, "da")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Periode", "Område", "Gruppe", "Værdi (%)", "Tæller", "Bemærkning"]
    assert rows[1][:5] == ["2021", "RM", "I alt", "17,3", "12"]
    assert rows[2][3] == "1234,5" and rows[2][4] == ""
    assert rows[1][5] == '\'=HYPERLINK("http://evil")'
    assert rows[2][5].startswith("'+45")


def test_csv_in_english_uses_commas_and_points():
    table = _table_with_text("en")
    rows = list(csv.reader(io.StringIO(to_csv(table, "en").decode("utf-8-sig"))))
    assert rows[0][:4] == ["Period", "Area", "Group", "Value (%)"]
    assert rows[1][3] == "17.3"


def test_xlsx_has_numbers_as_numbers_text_as_text_and_an_about_sheet():
    table = _table_with_text("da")
    data = to_xlsx(table, sheet="OVV-01", about=[("Kilde", "=1+1 er ikke en formel")])
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["OVV-01"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Periode", "Område", "Gruppe", "Værdi (%)", "Tæller", "Bemærkning"]
    assert rows[1][3] == pytest.approx(17.3) and rows[1][4] == 12
    assert rows[2][4] is None  # missing stays empty
    formula = sheet.cell(row=2, column=6)
    assert formula.value == '=HYPERLINK("http://evil")'
    assert formula.data_type == "s" and formula.quotePrefix
    assert sheet.cell(row=2, column=4).number_format == "0.0"
    assert sheet.freeze_panes == "A2"
    about = book["Om data"]
    assert about["B1"].value == "=1+1 er ikke en formel" and about["B1"].data_type == "s"


def test_xlsx_of_an_empty_table_has_only_the_header():
    table = _table_with_text("da").iloc[0:0]
    table.attrs = _table_with_text("da").attrs
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(table, sheet="Data")))
    assert book.active.max_row == 1


@given(st.text(max_size=30))
def test_inert_text_never_starts_a_formula(text):
    safe = inert(text)
    assert not safe.startswith(FORMULA_STARTS)
    assert safe.removeprefix("'") == text or safe == text
