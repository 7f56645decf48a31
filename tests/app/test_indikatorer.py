"""The Indikatorer page under AppTest: choices bound to the URL, chart, table, downloads."""

from __future__ import annotations

import io
import json

import openpyxl
import pandas as pd

from goals import access, store
from goals.access import Actor
from goals.store.model import Role

PAGE = "pages/indikatorer.py"
OVV_LINK = {
    "indicator": "OVV-01",
    "areas": "RM,VEST",
    "groups": "I alt,Uddannelse: Grundskole",
    "from": "2013",
    "to": "2023",
}


def texts(at) -> str:
    return "\n".join(
        [m.value for m in at.markdown]
        + [c.value for c in at.caption]
        + [t.value for t in at.title]
        + [s.value for s in at.subheader]
        + [i.value for i in at.info]
        + [w.value for w in at.warning]
    )


def chart(at) -> dict:
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def test_default_view_is_the_first_indicator_for_region_and_clusters(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE)
    assert not at.exception
    assert at.title[0].value == "Indikatorer"
    assert at.selectbox(key="url:indicator").value == "DIA-01"
    assert at.multiselect(key="url:areas").value == [
        "RM", "AARHUS", "HORSENS", "MIDT", "RANDERS", "VEST",
    ]  # fmt: skip
    assert at.multiselect(key="url:groups").value == ["I alt"]
    assert at.selectbox(key="url:from").value == "2018K1"
    assert at.selectbox(key="url:to").value == "2024K4"
    table = at.dataframe[0].value
    assert len(table) == 6 * 28
    assert list(table.columns)[:4] == [
        "Periode", "Område", "Gruppe", "Værdi (pr. 1.000 borgere med type 2-diabetes)",
    ]  # fmt: skip
    assert table["Periode"].iloc[0] == "1. kvt. 2018"
    assert table["Område"].iloc[0] == "Region Midtjylland"
    assert "," in table.iloc[0, 3] and "." not in table.iloc[0, 3]  # decimal comma
    page = texts(at)
    assert "Lavere er bedre" in page and "Kvartalsvis" in page
    assert "Landspatientregistret" in page
    figure = chart(at)
    assert figure["layout"]["separators"] == ",."
    region = [tr for tr in figure["data"] if tr.get("name") == "Region Midtjylland"]
    assert region and region[0]["line"]["dash"] == "dash"  # the region as reference
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Excel (xlsx)", "CSV"]


def test_deep_link_restores_the_view_in_english(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE, lang="en", **OVV_LINK)
    assert not at.exception
    assert at.selectbox(key="url:indicator").value == "OVV-01"
    assert at.multiselect(key="url:areas").value == ["RM", "VEST"]
    assert at.multiselect(key="url:groups").value == ["I alt", "Uddannelse: Grundskole"]
    assert (at.selectbox(key="url:from").value, at.selectbox(key="url:to").value) == (
        "2013",
        "2023",
    )
    table = at.dataframe[0].value
    assert list(table.columns) == [
        "Period", "Area", "Group", "Value (%)", "Lower 95 % limit", "Upper 95 % limit",
    ]  # fmt: skip
    assert len(table) == 2 * 2 * 4
    assert set(table["Area"]) == {"Central Denmark Region", "West cluster"}
    assert set(table["Group"]) == {"Total", "Education: primary school"}
    assert "." in table["Value (%)"].iloc[0]
    figure = chart(at)
    assert figure["layout"]["separators"] == ".,"
    names = {tr.get("name") for tr in figure["data"]}
    assert "West cluster · Education: primary school" in names
    assert "Lower is better" in texts(at)
    # what the indicator is, in English too (definition and source)
    assert "Share of citizens aged 16 and over with a body mass index of 30" in texts(at)
    assert "The Danish National Health Survey" in texts(at)
    assert "Andel af borgere" not in texts(at)


def test_target_line_when_the_view_is_what_a_criterion_follows(run_app, sqlite_demo_url):
    # OVV-01, I alt: the absolute target of DIA-2-A (16 % in 2025)
    at = run_app(sqlite_demo_url, page=PAGE, indicator="OVV-01", groups="I alt")
    assert "Mål 2025: 16,0 %" in json.dumps(chart(at), ensure_ascii=False)
    # RYG-01 Grundskole in one cluster: KOL-1-A's relative target converted for that cluster
    at = run_app(
        sqlite_demo_url,
        page=PAGE,
        indicator="RYG-01",
        areas="AARHUS",
        groups="Uddannelse: Grundskole",
    )
    assert "Mål 2025: 16,6 %" in json.dumps(chart(at), ensure_ascii=False)


def test_choosing_updates_the_url(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE)
    at.selectbox(key="url:indicator").set_value("PSY-01").run()
    assert not at.exception
    assert at.query_params["indicator"] == "PSY-01"
    at.multiselect(key="url:areas").set_value(["MIDT", "K791"]).run()
    assert at.query_params["areas"] == "MIDT,K791"
    at.selectbox(key="url:from").set_value("2017").run()
    assert at.query_params["from"] == "2017"
    table = at.dataframe[0].value
    assert set(table["Område"]) == {"Midtklyngen", "Viborg Kommune"}
    assert table["Periode"].min() >= "2017"


def test_unknown_codes_in_the_url_fall_back_to_the_defaults(run_app, sqlite_demo_url):
    at = run_app(
        sqlite_demo_url,
        page=PAGE,
        indicator="NOPE",
        areas="NOPE,<script>",
        groups="NOPE",
        **{"from": "1999", "to": "garbage"},
    )
    assert not at.exception
    assert at.selectbox(key="url:indicator").value == "DIA-01"
    assert at.multiselect(key="url:areas").value[0] == "RM"
    assert at.multiselect(key="url:groups").value == ["I alt"]
    assert len(at.dataframe[0].value) == 6 * 28


def test_a_reversed_period_range_is_swapped(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE, indicator="OVV-01", **{"from": "2021", "to": "2013"})
    assert not at.exception
    assert "byttet om" in texts(at)
    assert set(at.dataframe[0].value["Periode"]) == {"2013", "2017", "2021"}


def test_clearing_every_area_is_never_an_error(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE, indicator="OVV-01")
    at.multiselect(key="url:areas").set_value([]).run()
    assert not at.exception
    assert at.dataframe or "Vælg mindst ét område" in texts(at)


def test_downloads_are_exactly_the_table_shown(run_app, sqlite_demo_url):
    from goals.catalogue import Catalogue
    from goals.present.indicator_data import formatted, observations, shown_table

    at = run_app(sqlite_demo_url, page=PAGE, **OVV_LINK)
    shown = at.dataframe[0].value
    engine = store.open_store(sqlite_demo_url)
    with store.read_session(engine) as session:
        cat = Catalogue.load(session)
        frame = observations(
            session, cat, indicator="OVV-01", areas=["RM", "VEST"],
            groups=["I alt", "Uddannelse: Grundskole"], period_from="2013", period_to="2023",
        )  # fmt: skip
    table = shown_table(frame, cat, cat.indicator("OVV-01"), "da")
    pd.testing.assert_frame_equal(
        formatted(table, "da").reset_index(drop=True), shown.reset_index(drop=True)
    )
    from goals.present.indicator_data import to_csv, to_xlsx

    rows = pd.read_csv(io.BytesIO(to_csv(table, "da")), sep=";", dtype=str, keep_default_na=False)
    assert list(rows.columns) == list(shown.columns)
    assert rows.iloc[:, :3].equals(shown.iloc[:, :3])
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(table, sheet="OVV-01")))
    assert book.active.max_row == len(shown) + 1


def test_empty_store_invites_the_first_upload(run_app, catalogue_url):
    at = run_app(catalogue_url, page=PAGE, indicator="RYG-01")
    assert not at.exception
    page = texts(at)
    assert "Der er endnu ingen tal i Målbillede" in page
    assert "Andel af borgere på 16 år og derover, der svarer, at de ryger dagligt" in page
    assert not at.get("plotly_chart") and not at.dataframe


def test_the_page_checks_access_itself(run_app, sqlite_demo_url, monkeypatch):
    engine = store.open_store(sqlite_demo_url)
    with store.write_session(engine) as session:
        access.add_user(
            session=session,
            actor=Actor("cli", Role.ADMIN),
            name="admin",
            role="admin",
            password="a long password 1",
        )
    store.dispose_engines()
    monkeypatch.setenv("GOALS_LOGIN_TO_VIEW", "true")
    at = run_app(sqlite_demo_url, page=PAGE, indicator="OVV-01")
    assert not at.exception
    assert not at.title and not at.dataframe
    assert at.text_input
