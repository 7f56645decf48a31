"""The Indikatorer page in a real browser: choices in the URL, deep links, downloads."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlencode, urlparse

import openpyxl
import pandas as pd

from goals import store
from goals.catalogue import Catalogue
from goals.present.indicator_data import formatted, observations, shown_table
from tests.browser.conftest import assert_no_exception, screenshot, wait_for_app

LINK = {
    "indicator": "OVV-01",
    "areas": "RM,AARHUS,VEST",
    "groups": "Uddannelse: Grundskole",
    "from": "2013",
    "to": "2023",
}


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def expected_table(database: str, lang: str = "da") -> pd.DataFrame:
    """What the page shows for LINK, computed from the same store without the UI."""
    engine = store.open_store(f"sqlite:///{database}")
    with store.read_session(engine) as session:
        cat = Catalogue.load(session)
        frame = observations(
            session,
            cat,
            indicator=LINK["indicator"],
            areas=LINK["areas"].split(","),
            groups=LINK["groups"].split(","),
            period_from=LINK["from"],
            period_to=LINK["to"],
        )
        table = shown_table(frame, cat, cat.indicator(LINK["indicator"]), lang)
    store.dispose_engines()
    return table


def test_indicator_page_loads_and_choosing_an_indicator_updates_the_url(demo_server, page):
    page.goto(f"{demo_server.url}/indikatorer")
    wait_for_app(page)
    assert_no_exception(page, demo_server)
    main = page.locator("[data-testid='stMain']")
    page.wait_for_selector(".js-plotly-plot")
    assert main.get_by_text("Om indikatoren").is_visible()
    screenshot(page, "indikatorer")
    main.get_by_role("combobox").first.click()
    page.get_by_role("option", name="OVV-01 · Svær overvægt, BMI ≥ 30").click()
    wait_for_app(page)
    page.wait_for_function("() => location.search.includes('indicator=OVV-01')")
    assert query(page)["indicator"] == ["OVV-01"]
    assert_no_exception(page, demo_server)
    # the chart's title, on two lines so that it fits a phone's width too
    title = main.locator(".js-plotly-plot .gtitle").first.text_content()
    assert title == "Svær overvægt, BMI ≥ 30· I alt"  # its two lines, read as one text
    assert not page.errors


def test_deep_link_restores_the_view_and_downloads_are_what_is_shown(
    demo_server, demo_template, page
):
    page.goto(f"{demo_server.url}/indikatorer?{urlencode(LINK)}")
    wait_for_app(page)
    assert_no_exception(page, demo_server)
    main = page.locator("[data-testid='stMain']")
    page.wait_for_selector(".js-plotly-plot")
    table = expected_table(demo_template["sqlite"])
    assert len(table) == 3 * 4
    assert main.get_by_text(f"Tallene ({len(table)} rækker)").is_visible()
    for name in ("Region Midtjylland", "Aarhusklyngen", "Vestklyngen"):
        assert main.get_by_text(name, exact=True).first.is_visible()  # the chips
    screenshot(page, "indikatorer-deeplink")

    with page.expect_download() as xlsx_download:
        main.get_by_role("button", name="Excel (xlsx)", exact=True).click()
    xlsx = xlsx_download.value
    assert xlsx.suggested_filename == "OVV-01_2013-2023.xlsx"
    with open(xlsx.path(), "rb") as handle:
        book = openpyxl.load_workbook(io.BytesIO(handle.read()))
    rows = [[c.value for c in row] for row in book["OVV-01"].iter_rows()]
    assert rows[0] == list(table.columns)
    assert len(rows) == len(table) + 1
    for got, (_, want) in zip(rows[1:], table.iterrows(), strict=True):
        assert got[:3] == list(want.iloc[:3])
        assert got[3] == want.iloc[3]
    assert "Om data" in book.sheetnames

    with page.expect_download() as csv_download:
        main.get_by_role("button", name="CSV", exact=True).click()
    csv = csv_download.value
    assert csv.suggested_filename == "OVV-01_2013-2023.csv"
    with open(csv.path(), "rb") as handle:
        content = handle.read()
    got = pd.read_csv(io.BytesIO(content), sep=";", dtype=str, keep_default_na=False)
    want = formatted(table, "da")
    assert list(got.columns) == list(want.columns)
    assert got.iloc[:, :3].equals(want.iloc[:, :3])
    assert list(got.iloc[:, 3]) == list(want.iloc[:, 3])  # '17,3' – the decimal comma
    assert_no_exception(page, demo_server)
    assert not page.errors


def test_deep_link_in_english(demo_server, page):
    page.goto(f"{demo_server.url}/indikatorer?{urlencode(LINK | {'lang': 'en'})}")
    wait_for_app(page)
    assert_no_exception(page, demo_server)
    main = page.locator("[data-testid='stMain']")
    page.wait_for_selector(".js-plotly-plot")
    assert main.get_by_text("About the indicator").is_visible()
    assert main.get_by_text("Lower is better").is_visible()
    assert main.get_by_text("The figures (12 rows)").is_visible()
    screenshot(page, "indikatorer-en")
    assert not page.errors
