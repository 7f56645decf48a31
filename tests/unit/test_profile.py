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
    assert record["members"][-1]["kind"] == "hospital"  # municipalities first
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
