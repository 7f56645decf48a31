"""The Region Midtjylland catalogue: loaded from data/catalogue, idempotent, with aliases."""

import datetime as dt

import pytest
import sqlalchemy as sa

from goals import catalogue, store
from goals.catalogue import Catalogue, CatalogueError, load_catalogue
from goals.store.model import AreaKind, AreaMembership
from tests.conftest import table_dump

CLUSTERS = {
    "Aarhusklyngen": {"Aarhus Kommune", "Samsø Kommune", "Aarhus Universitetshospital"},
    "Horsensklyngen": {
        "Hedensted Kommune",
        "Horsens Kommune",
        "Odder Kommune",
        "Skanderborg Kommune",
        "Regionshospitalet Horsens",
    },
    "Midtklyngen": {"Silkeborg Kommune", "Skive Kommune", "Viborg Kommune", "Hospitalsenhed Midt"},
    "Randersklyngen": {
        "Favrskov Kommune",
        "Norddjurs Kommune",
        "Randers Kommune",
        "Syddjurs Kommune",
        "Regionshospitalet Randers",
    },
    "Vestklyngen": {
        "Herning Kommune",
        "Holstebro Kommune",
        "Ikast-Brande Kommune",
        "Lemvig Kommune",
        "Ringkøbing-Skjern Kommune",
        "Struer Kommune",
        "Hospitalsenheden Vest",
    },
}


def load(engine) -> Catalogue:
    with store.read_session(engine) as session:
        return Catalogue.load(session)


def test_five_clusters_with_their_members(catalogue_engine):
    cat = load(catalogue_engine)
    assert cat.region.name == "Region Midtjylland"
    assert [c.name for c in cat.clusters] == list(CLUSTERS)
    for cluster in cat.clusters:
        # municipalities, hospital units and the cluster's general practice
        assert {m.name for m in cat.members(cluster)} == CLUSTERS[cluster.name] | {
            f"Almen praksis i {cluster.name}"
        }
        assert cat.parent(cluster).code == "RM"
    municipalities = cat.areas_of_kind(AreaKind.MUNICIPALITY)
    assert len(municipalities) == 19
    assert cat.area_index.get("Viborg").official_code == "791"
    assert {m.official_code for m in municipalities} >= {
        "751",
        "741",
        "615",
        "740",
        "779",
        "791",
        "657",
        "760",
    }


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Aarhus-klyngen", "Aarhusklyngen"),
        ("Klynge Midt", "Midtklyngen"),
        ("Midt-klyngen", "Midtklyngen"),
        ("midtklyngen", "Midtklyngen"),
        ("Gødstrupklyngen", "Vestklyngen"),
        ("Viborg", "Viborg Kommune"),
        ("791", "Viborg Kommune"),
        ("Ringkobing-Skjern", "Ringkøbing-Skjern Kommune"),
        ("Region Midt", "Region Midtjylland"),
        ("Gødstrup", "Hospitalsenheden Vest"),
    ],
)
def test_aliases_resolve(catalogue_engine, alias, name):
    assert load(catalogue_engine).area_index.get(alias).name == name


def test_tracks_steering_groups_indicators_and_groups(catalogue_engine):
    cat = load(catalogue_engine)
    assert [t.name for t in cat.tracks] == [
        "KOL/rygning",
        "Diabetes/overvægt",
        "Angst/psykisk sårbarhed",
    ]
    assert {s.code for s in cat.steering_groups} == {"VOKSNE", "BUF"}
    assert len(cat.national_goals) == 8
    ryg = cat.indicator("RYG-01")
    assert (ryg.name, ryg.unit, ryg.polarity, ryg.frequency) == (
        "Daglige rygere, 16+ år",
        "%",
        "lower",
        "year",
    )
    kol = cat.indicator("KOL-01")
    assert (kol.unit, kol.polarity, kol.frequency) == (
        "pr. 1.000 borgere med KOL",
        "lower",
        "quarter",
    )
    assert cat.indicator("DIA-01").unit == "pr. 1.000 borgere med type 2-diabetes"
    for code in ("OVV-01", "PSY-01"):
        assert cat.indicator(code).unit == "%" and cat.indicator(code).polarity == "lower"
    assert [g.code for g in cat.groups.values()] == [
        "I alt",
        "Uddannelse: Grundskole",
        "Uddannelse: Erhvervsfaglig",
        "Uddannelse: Kort/mellemlang videregående",
        "Uddannelse: Lang videregående",
        "Køn: Mænd",
        "Køn: Kvinder",
    ]
    assert cat.group_index.get("grundskole").code == "Uddannelse: Grundskole"


def test_goals_and_criteria_on_every_track_with_a_gap_criterion_each(catalogue_engine):
    cat = load(catalogue_engine)
    titles = {g.title for g in cat.goals}
    assert {
        "Færre rygere blandt borgere med kort uddannelse",
        "Færre akutte indlæggelser blandt borgere med KOL",
        "Tidlig opsporing af type 2-diabetes",
        "Færre borgere med svær overvægt",
        "Bedre mental sundhed blandt unge",
    } <= titles
    owners = {s.id: s.code for s in cat.steering_groups}
    for track in cat.tracks:
        goals = cat.goals_of_track(track)
        assert goals
        expected_owner = "BUF" if track.code == "PSY" else "VOKSNE"
        assert {owners[g.steering_group_id] for g in goals} == {expected_owner}
        criteria = [c for g in goals for c in cat.criteria_of_goal(g)]
        assert any(c.current.is_gap for c in criteria), track.code
    gap = next(c for c in cat.criteria if c.code == "KOL-1-B").current
    assert (gap.baseline_period, gap.target_type, gap.target_value, gap.target_period) == (
        "2017",
        "relative",
        -20.0,
        "2025",
    )
    assert cat.groups[gap.gap_group_a_id].code == "Uddannelse: Grundskole"
    assert cat.groups[gap.gap_group_b_id].code == "Uddannelse: Lang videregående"


def test_revisions_stay_readable(catalogue_engine):
    info = next(c for c in load(catalogue_engine).criteria if c.code == "KOL-1-A")
    assert [r.target_value for r in info.revisions] == [-15.0, -20.0]
    assert info.revision_on(dt.date(2020, 1, 1)).target_value == -15.0
    assert info.revision_on(dt.date(2023, 1, 1)).target_value == -20.0
    assert info.current.revision == 2


def test_loading_twice_adds_nothing(catalogue_engine):
    before = table_dump(catalogue_engine)
    with store.write_session(catalogue_engine) as session:
        report = load_catalogue(session=session)
    assert report.total == 0
    assert table_dump(catalogue_engine) == before


def test_loading_keeps_edits_made_since(catalogue_engine):
    with store.write_session(catalogue_engine) as session:
        session.execute(
            sa.text("UPDATE indicator SET name = 'Rygere (redigeret)' WHERE code = 'RYG-01'")
        )
    with store.write_session(catalogue_engine) as session:
        load_catalogue(session=session)
    assert load(catalogue_engine).indicator("RYG-01").name == "Rygere (redigeret)"


def test_membership_can_change_over_time(catalogue_engine):
    cat = load(catalogue_engine)
    skive, midt, vest = cat.area("K779"), cat.area("MIDT"), cat.area("VEST")
    with store.write_session(catalogue_engine) as session:
        session.execute(
            sa.update(AreaMembership)
            .where(AreaMembership.child_id == skive.id)
            .values(valid_to=dt.date(2025, 1, 1))
        )
        session.add(
            AreaMembership(parent_id=vest.id, child_id=skive.id, valid_from=dt.date(2025, 1, 1))
        )
    cat = load(catalogue_engine)
    assert skive.id in {a.id for a in cat.members(midt, dt.date(2024, 6, 1))}
    assert skive.id not in {a.id for a in cat.members(midt, dt.date(2025, 6, 1))}
    assert cat.parent(skive, dt.date(2025, 6, 1)).code == "VEST"


def test_a_broken_catalogue_file_is_named_and_nothing_is_written(engine, tmp_path):
    (tmp_path / "areas.toml").write_text(
        '[[region]]\ncode = "RM"\nname = "Region"\n[[cluster]]\ncode = "X"\nname = "X-klyngen"\nregion = "NOPE"\n'
    )
    before = table_dump(engine)
    with (
        pytest.raises(CatalogueError, match="unknown region 'NOPE'"),
        store.write_session(engine) as session,
    ):
        load_catalogue(session=session, folder=tmp_path)
    assert table_dump(engine) == before
    (tmp_path / "areas.toml").write_text("[[region]\n")
    with pytest.raises(CatalogueError, match=r"areas\.toml"):
        catalogue.read_files(tmp_path)


def test_a_field_added_later_is_filled_in_by_init(catalogue_engine):
    with store.write_session(catalogue_engine) as session:
        session.execute(sa.text("UPDATE indicator SET unit_en = NULL"))
    with store.write_session(catalogue_engine) as session:
        load_catalogue(session=session)
    kol = load(catalogue_engine).indicator("KOL-01")
    assert (kol.unit, kol.unit_en) == ("pr. 1.000 borgere med KOL", "per 1,000 citizens with COPD")


def test_english_texts_added_later_never_land_beside_a_rewritten_danish_text(catalogue_engine):
    with store.write_session(catalogue_engine) as session:
        session.execute(
            sa.text("UPDATE indicator SET definition_en = NULL, source_en = NULL, unit_en = NULL")
        )
        session.execute(sa.text("UPDATE goal SET description_en = NULL"))
        session.execute(sa.text("UPDATE criterionrevision SET note_en = NULL, text_en = NULL"))
        # the secretariat has since rewritten one Danish definition and one description
        session.execute(
            sa.text("UPDATE indicator SET definition = 'Egen definition' WHERE code = 'RYG-01'")
        )
        session.execute(sa.text("UPDATE goal SET description = 'Egen tekst' WHERE code = 'KOL-1'"))
    with store.write_session(catalogue_engine) as session:
        load_catalogue(session=session)
    cat = load(catalogue_engine)
    smokers, kol = cat.indicator("RYG-01"), cat.indicator("KOL-01")
    assert smokers.definition_en is None  # it would describe a text that is no longer there
    assert smokers.source_en.startswith("The Danish National Health Survey")  # source unchanged
    assert kol.definition_en.startswith("Number of acute somatic admissions")
    goals = {g.code: g for g in cat.goals}
    assert goals["KOL-1"].description_en is None
    assert goals["KOL-2"].description_en.startswith("Early action in municipalities")
    assert cat.indicator_sources("en")["BEF-01"].startswith("Statistics Denmark")
    revision = next(i for i in cat.criteria if i.criterion.code == "KOL-1-A").revisions[-1]
    assert revision.note_en == "Tightened by the Direktørforum in June 2022."
    assert revision.text_en.startswith("The share of daily smokers")
    assert cat.indicator_sources("da")["BEF-01"].startswith("Danmarks Statistik")
