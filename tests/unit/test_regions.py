"""Any region (issue 17, part 1): catalogues per region (the shared definitions and each region's
own areas, steering groups and goals), chosen with `goals init --catalogue` for a new store and
remembered by it. SQLite and, with GOALS_TEST_POSTGRES_URL, PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from goals import store
from goals.catalogue import (
    CATALOGUE_DIR,
    Catalogue,
    CatalogueError,
    catalogue_folders,
    shipped_catalogues,
)
from goals.setup import initialise
from goals.store.settings import CATALOGUE, get_setting
from goals.workbook import import_workbook
from tests.conftest import sheet_bytes

pytestmark = pytest.mark.store

NORTH = {
    "Klynge Nord": {"Hjørring Kommune", "Brønderslev Kommune", "Frederikshavn Kommune",
                    "Læsø Kommune"},
    "Klynge Midt": {"Aalborg Kommune", "Jammerbugt Kommune"},
    "Klynge Syd": {"Vesthimmerlands Kommune", "Rebild Kommune", "Mariagerfjord Kommune"},
    "Klynge Vest": {"Morsø Kommune", "Thisted Kommune"},
}  # fmt: skip


@pytest.fixture
def empty_url(store_url: str) -> str:
    return store_url


def _catalogue(url: str) -> Catalogue:
    return Catalogue.read(store.get_engine(url))


def test_two_regions_are_shipped_with_one_set_of_shared_definitions():
    assert shipped_catalogues() == ["midtjylland", "nordjylland"]
    assert catalogue_folders("nordjylland") == [
        CATALOGUE_DIR / "shared",
        CATALOGUE_DIR / "nordjylland",
    ]
    with pytest.raises(CatalogueError, match="Unknown catalogue 'sjælland'"):
        catalogue_folders("sjælland")


def test_a_new_store_takes_nordjylland_and_remembers_it(empty_url: str) -> None:
    report = initialise(empty_url, catalogue_name="nordjylland")
    assert "added" in report.catalogue
    cat = _catalogue(empty_url)
    assert cat.region.name == "Region Nordjylland"
    assert [c.name for c in cat.clusters] == list(NORTH)
    for cluster in cat.clusters:
        municipalities = {m.name for m in cat.members(cluster) if m.kind == "municipality"}
        assert municipalities == NORTH[cluster.name]
        assert any(m.kind == "hospital" for m in cat.members(cluster))
        assert any(m.kind == "general_practice" for m in cat.members(cluster))
    assert {t.code for t in cat.tracks} == {"KOL", "DIA", "PSY"}  # shared
    assert "RYG-01" in {i.code for i in cat.indicators.values()}  # shared
    assert {g.code for g in cat.steering_groups} == {"KRONIKER", "MENTAL"}  # its own
    assert cat.area_index.get("Aarhus Kommune") is None  # nothing of Midtjylland
    engine = store.get_engine(empty_url)
    with store.read_session(engine) as session:
        assert get_setting(session, CATALOGUE) == "nordjylland"
    # a later plain init (and the app's start) adds nothing of another region
    assert initialise(empty_url).catalogue == "catalogue already up to date"
    with pytest.raises(CatalogueError, match="started with the catalogue 'nordjylland'"):
        initialise(empty_url, catalogue_name="midtjylland")
    assert _catalogue(empty_url).area_index.get("Aarhus Kommune") is None


def test_a_store_from_before_remembering_is_midtjylland(catalogue_engine: Engine) -> None:
    url = catalogue_engine.url.render_as_string(hide_password=False)
    with pytest.raises(CatalogueError, match="'midtjylland'"):
        initialise(url, catalogue_name="nordjylland")
    assert initialise(url, catalogue_name="midtjylland").catalogue == (
        "catalogue already up to date"
    )


def _workbook(rows: list[list]) -> bytes:
    return sheet_bytes(rows, ["Indikator", "Område", "Periode", "Gruppe", "Værdi"])


def test_workbooks_are_read_against_the_regions_own_names(empty_url: str) -> None:
    initialise(empty_url, catalogue_name="nordjylland")
    engine = store.get_engine(empty_url)
    good = [
        ["RYG-01", "Læsø", 2023, "I alt", "21,5"],
        ["RYG-01", "Klynge Midt", 2023, "I alt", "17,9"],
        ["RYG-01", "K851", 2023, "I alt", "17,1"],
    ]
    result = import_workbook(
        engine=engine, content=_workbook(good), filename="n.xlsx", user="x", dry_run=True
    )
    assert result.status == "preview" and result.counts["new"] == 3, result.errors
    bad = [
        ["RYG-01", "Aarhus Kommune", 2023, "I alt", "17,0"],
        ["RYG-01", "Midtklyngen", 2023, "I alt", "17,0"],
    ]
    result = import_workbook(engine=engine, content=_workbook(bad), filename="m.xlsx", user="x")
    errors = {e.cell: e.message for e in result.errors}
    assert errors["Indikatorer!B2"].startswith("Området 'Aarhus Kommune' findes ikke.")
    assert errors["Indikatorer!B3"].startswith("Området 'Midtklyngen' findes ikke.")
    assert "Mente du 'Klynge Midt'" in errors["Indikatorer!B3"]


def test_a_folder_of_ones_own_is_read_with_the_shared_definitions(tmp_path, empty_url) -> None:
    own = tmp_path / "sydjylland"
    own.mkdir()
    (own / "areas.toml").write_text(
        """
[[region]]
code = "RS"
name = "Region Syd"

[[cluster]]
code = "ESB"
name = "Klynge Esbjerg"
region = "RS"
municipalities = [{ code = "K561", name = "Esbjerg Kommune", official_code = "561" }]
""",
        encoding="utf-8",
    )
    assert catalogue_folders(own) == [CATALOGUE_DIR / "shared", own]
    initialise(empty_url, catalogue_name=str(own))
    cat = _catalogue(empty_url)
    assert [c.name for c in cat.clusters] == ["Klynge Esbjerg"]
    assert {t.code for t in cat.tracks} == {"KOL", "DIA", "PSY"}
    with store.read_session(store.get_engine(empty_url)) as session:
        assert get_setting(session, CATALOGUE) == str(own.resolve())


def test_the_demo_works_for_nordjylland(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'n.db'}"
    report = initialise(url, demo=True, catalogue_name="nordjylland")
    assert "demo_statusark_kroniker_2022.xlsx" in report.demo
    from goals.status import assess

    engine = store.get_engine(url)
    rows = assess(engine=engine, catalogue=Catalogue.read(engine)).rows
    assert {r.area_name for r in rows} == set(NORTH)
    assert all(r.verdict for r in rows)
