"""Cluster profiles (goals.catalogue.profile): members, key figures with the cluster's newest
value, text sections with their history. SQLite and, with GOALS_TEST_POSTGRES_URL, PostgreSQL."""

from __future__ import annotations

import json

import pytest

from goals.access import Actor, PermissionDenied
from goals.catalogue.profile import (
    ProfileError,
    cluster_profile,
    edit_section,
    set_key_figures,
)
from goals.store.model import Role

ADMIN = Actor(name="sekretariat", role=Role.ADMIN)
VIEWER = Actor(name="direktør", role=Role.VIEWER)


def test_the_profile_of_a_cluster(demo_engine):
    profile = cluster_profile(engine=demo_engine, cluster="Midtklyngen")
    record = json.loads(json.dumps(profile.to_json()))
    assert set(record) == {"cluster", "name", "members", "key_figures", "sections"}
    assert record["cluster"] == "MIDT" and record["name"] == "Midtklyngen"
    names = [m["name"] for m in record["members"]]
    assert {"Viborg Kommune", "Silkeborg Kommune", "Skive Kommune", "Hospitalsenhed Midt"} <= set(
        names
    )
    assert [m["kind"] for m in record["members"]][-2:] == ["hospital", "general_practice"]
    assert record["members"][0]["kind"] == "municipality"  # municipalities first
    assert record["sections"] == {"tilbud": "", "ressourcer": "", "udfordringer": ""}
    assert cluster_profile(engine=demo_engine, cluster="MIDT", lang="en").name == "Central cluster"


def test_sections_keep_their_history(demo_engine):
    edit_section(
        engine=demo_engine,
        actor=ADMIN,
        cluster="MIDT",
        section="tilbud",
        text="Rygestop i alle tre kommuner.",
    )
    edit_section(
        engine=demo_engine,
        actor=ADMIN,
        cluster="MIDT",
        section="Tilbud",
        text="Rygestop.\n<b>Nyt</b>: KOL-forløb.",
    )
    same = edit_section(
        engine=demo_engine,
        actor=ADMIN,
        cluster="MIDT",
        section="tilbud",
        text="Rygestop.\n<b>Nyt</b>: KOL-forløb.",
    )
    assert same.sections["tilbud"] == "Rygestop.\n<b>Nyt</b>: KOL-forløb."  # plain text, as written
    assert [text for _, _, text in same.history["tilbud"]] == [
        "Rygestop.\n<b>Nyt</b>: KOL-forløb.",
        "Rygestop i alle tre kommuner.",
    ]  # an unchanged save adds nothing
    assert cluster_profile(engine=demo_engine, cluster="VEST").sections["tilbud"] == ""


def test_key_figures_show_the_clusters_newest_value(demo_engine):
    assert set_key_figures(engine=demo_engine, actor=ADMIN, indicators=["RYG-01", "KOL-01"]) == [
        "RYG-01",
        "KOL-01",
    ]
    figures = cluster_profile(engine=demo_engine, cluster="MIDT").key_figures
    assert [f.indicator for f in figures] == ["RYG-01", "KOL-01"]
    smoking, admissions = figures
    assert smoking.period is not None and smoking.value is not None
    assert admissions.period.startswith("2024")  # the newest quarter, not the first
    set_key_figures(engine=demo_engine, actor=ADMIN, indicators=["KOL-01"])
    assert [
        f.indicator for f in cluster_profile(engine=demo_engine, cluster="MIDT").key_figures
    ] == ["KOL-01"]


def test_bad_requests_say_what_is_wrong(demo_engine):
    with pytest.raises(ProfileError, match="ikke en klynge"):
        cluster_profile(engine=demo_engine, cluster="Viborg Kommune")
    with pytest.raises(ProfileError, match="tilbud, ressourcer eller udfordringer"):
        edit_section(engine=demo_engine, actor=ADMIN, cluster="MIDT", section="økonomi", text="x")
    with pytest.raises(ProfileError, match="Indikatoren 'XYZ-9' findes ikke"):
        set_key_figures(engine=demo_engine, actor=ADMIN, indicators=["XYZ-9"])
    with pytest.raises(PermissionDenied):
        edit_section(engine=demo_engine, actor=VIEWER, cluster="MIDT", section="tilbud", text="x")


def test_the_profile_as_slides_for_a_new_clusters_first_meeting(demo_engine, tmp_path):
    from pptx import Presentation

    from goals.catalogue import Catalogue
    from goals.present.deck import profile_deck
    from goals.present.pptx import deck_to_pptx

    long_text = "\n".join(
        f"- Tilbud nummer {n}: " + "rygestop og KOL-forløb " * 6 for n in range(12)
    )
    edit_section(engine=demo_engine, actor=ADMIN, cluster="MIDT", section="tilbud", text=long_text)
    catalogue = Catalogue.read(demo_engine)
    profile = cluster_profile(engine=demo_engine, cluster="MIDT", catalogue=catalogue)
    deck = profile_deck(profile, sources=catalogue.indicator_sources())
    titles = [s.title for s in deck.slides]
    assert titles[0] == "Klyngeprofil: Midtklyngen"
    assert titles[1:3] == ["Medlemmer", "Nøgletal"]
    assert "Almen praksis: Almen praksis i Midtklyngen" in deck.slides[1].bullets
    figures = deck.slides[2].table
    assert figures.rows[0][0].text == "Folketal"  # the population, shipped in the catalogue
    assert figures.rows[0][1].text.endswith(" borgere")
    assert "FOLK1A" in figures.rows[0][3].text
    tilbud = [s for s in deck.slides if s.title.startswith("Tilbud")]
    assert len(tilbud) >= 2 and tilbud[0].title.startswith("Tilbud (1/")  # continued
    assert tilbud[0].bullets[0].startswith("Tilbud nummer 0")  # the list mark is not doubled
    assert "Ressourcer" in titles and "Udfordringer" in titles
    out = tmp_path / "profil.pptx"
    out.write_bytes(deck_to_pptx(deck))
    assert len(Presentation(str(out)).slides) == len(deck.slides)
