"""The secretariat's catalogue edits and the catalogue workbook (goals.catalogue.edit)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from goals import access, store
from goals.access import Actor, PermissionDenied
from goals.catalogue import Catalogue
from goals.catalogue import edit as catalogue_edit
from goals.catalogue import sheets as catalogue_sheets
from goals.catalogue.edit import CatalogueEditError
from goals.store.model import AreaAlias, AuditEvent, CriterionRevision, Role
from tests.conftest import table_dump

ADMIN = Actor(name="sekretariat", role=Role.ADMIN)
VIEWER = Actor(name="direktør", role=Role.VIEWER)
CONTRIBUTOR = Actor(name="anna", role=Role.CONTRIBUTOR, steering_group_ids=frozenset({1}))
TODAY = dt.date.today()


def edit(engine, function, actor=ADMIN, **kwargs):
    with store.write_session(engine) as session:
        return function(session=session, actor=actor, **kwargs)


def snapshot(engine) -> Catalogue:
    with store.read_session(engine) as session:
        return Catalogue.load(session)


def events(engine, action: str | None = None) -> list[AuditEvent]:
    with store.read_session(engine) as session:
        found = access.audit_events(session)
    return [e for e in found if action is None or e.action == action]


def revisions(engine, code: str) -> list[CriterionRevision]:
    info = next(c for c in snapshot(engine).criteria if c.code == code)
    return info.revisions


# --- permissions -----------------------------------------------------------------------------------

WRITES: list[tuple[Any, dict[str, Any]]] = [
    (catalogue_edit.edit_goal, {"code": "KOL-1", "title": "Ny titel"}),
    (
        catalogue_edit.add_goal,
        {"code": "NY-1", "title": "Nyt mål", "track": "KOL", "steering_group": "VOKSNE"},
    ),
    (catalogue_edit.revise_criterion, {"code": "KOL-1-C", "target_value": 11.0}),
    (
        catalogue_edit.add_criterion,
        {
            "goal": "KOL-1",
            "code": "KOL-1-D",
            "text": "x",
            "indicator": "RYG-01",
            "baseline": "2017",
        },
    ),
    (catalogue_edit.edit_indicator, {"code": "RYG-01", "decimals": 2}),
    (catalogue_edit.add_indicator, {"code": "NY-01", "name": "Ny", "unit": "%"}),
    (
        catalogue_edit.add_area,
        {"code": "K999", "name": "Ny Kommune", "kind": "municipality", "parent": "MIDT"},
    ),
    (catalogue_edit.edit_area, {"code": "K791", "name": "Viborg Storkommune"}),
    (catalogue_edit.add_area_alias, {"area": "K791", "alias": "Viborg by"}),
    (catalogue_edit.remove_area_alias, {"area": "K791", "alias": "Viborg"}),
    (catalogue_edit.add_group_alias, {"group": "I alt", "alias": "Totalt"}),
    (catalogue_edit.add_steering_group, {"code": "NY", "name": "Ny styregruppe"}),
    (catalogue_edit.edit_steering_group, {"code": "BUF", "name": "Børn og unge"}),
]


@pytest.mark.parametrize("function,kwargs", WRITES, ids=[f.__name__ for f, _ in WRITES])
@pytest.mark.parametrize(
    "actor", [VIEWER, CONTRIBUTOR, None], ids=["viewer", "contributor", "none"]
)
def test_only_an_admin_may_edit_the_catalogue_and_nothing_is_written(
    catalogue_engine, function, kwargs, actor
):
    before = table_dump(catalogue_engine)
    with pytest.raises(PermissionDenied, match="Only an admin may edit the catalogue"):
        edit(catalogue_engine, function, actor=actor, **kwargs)
    assert table_dump(catalogue_engine) == before


@pytest.mark.parametrize("function,kwargs", WRITES, ids=[f.__name__ for f, _ in WRITES])
def test_every_admin_edit_is_audited_in_the_same_transaction(catalogue_engine, function, kwargs):
    result = edit(catalogue_engine, function, **kwargs)
    assert result.action in ("new", "changed")
    audited = events(catalogue_engine)
    assert audited[0].actor == "sekretariat"
    assert audited[0].action.startswith("catalogue.")
    assert json.loads(audited[0].detail)["changes"]


# --- goals ---------------------------------------------------------------------------------------


def test_edit_goal_changes_only_what_is_given_and_records_old_and_new(catalogue_engine):
    result = edit(
        catalogue_engine,
        catalogue_edit.edit_goal,
        code="KOL-2",
        title="Færre akutte indlæggelser",
        steering_group="BUF",
        national_goal=None,
    )
    assert result.action == "changed"
    assert result.changes == {
        "title": ("Færre akutte indlæggelser blandt borgere med KOL", "Færre akutte indlæggelser"),
        "steering_group": ("VOKSNE", "BUF"),
        "national_goal": (2, None),
    }
    cat = snapshot(catalogue_engine)
    goal = cat.goal("KOL-2")
    assert goal.title == "Færre akutte indlæggelser"
    assert goal.steering_group_id == cat.steering_group("BUF").id
    assert goal.national_goal_id is None
    assert goal.title_en == "Fewer emergency admissions among citizens with COPD"  # kept
    event = events(catalogue_engine, "catalogue.goal.edit")[0]
    assert event.target == "KOL-2"
    assert json.loads(event.detail)["changes"]["steering_group"] == ["VOKSNE", "BUF"]


def test_an_edit_that_changes_nothing_writes_nothing(catalogue_engine):
    before = table_dump(catalogue_engine)
    result = edit(catalogue_engine, catalogue_edit.edit_goal, code="KOL-1", track="KOL")
    assert result.action == "unchanged"
    assert table_dump(catalogue_engine) == before


@pytest.mark.parametrize(
    "kwargs,field,message",
    [
        ({"title": " "}, "title", "Titel skal udfyldes."),
        ({"title": "x" * 301}, "title", "Titel må højst have 300 tegn, men har 301."),
        ({"track": "NOPE"}, "track", "Der findes ingen spor med koden 'NOPE'."),
        ({"steering_group": "X"}, "steering_group", "Der findes ingen styregruppe med koden 'X'."),
        ({"national_goal": 9}, "national_goal", "'9' er ikke et af de nationale mål"),
        ({"code": "NOPE"}, "code", "Der findes ingen mål med koden 'NOPE'."),
    ],
)
def test_goal_errors_are_one_sentence_naming_the_field(catalogue_engine, kwargs, field, message):
    kwargs = {"code": "KOL-1", **kwargs}
    with pytest.raises(CatalogueEditError) as caught:
        edit(catalogue_engine, catalogue_edit.edit_goal, **kwargs)
    assert str(caught.value).startswith(message)
    assert caught.value.field == field


def test_errors_in_english(catalogue_engine):
    with pytest.raises(CatalogueEditError, match="There is no track with the code 'NOPE'"):
        edit(catalogue_engine, catalogue_edit.edit_goal, code="KOL-1", track="NOPE", lang="en")


def test_add_goal_and_code_must_be_new(catalogue_engine):
    edit(
        catalogue_engine,
        catalogue_edit.add_goal,
        code="PSY-3",
        title="Færre ensomme unge",
        track="PSY",
        steering_group="BUF",
        national_goal=7,
    )
    goal = snapshot(catalogue_engine).goal("PSY-3")
    assert goal.title == "Færre ensomme unge"
    with pytest.raises(CatalogueEditError, match="Koden 'PSY-3' er allerede i brug"):
        edit(
            catalogue_engine,
            catalogue_edit.add_goal,
            code="PSY-3",
            title="x",
            track="PSY",
            steering_group="BUF",
        )


# --- success criteria ----------------------------------------------------------------------------


def test_revising_a_criterion_makes_a_new_revision_and_keeps_the_old(catalogue_engine):
    before = revisions(catalogue_engine, "KOL-1-A")
    assert [r.revision for r in before] == [1, 2]
    result = edit(
        catalogue_engine,
        catalogue_edit.revise_criterion,
        code="KOL-1-A",
        valid_from=dt.date(2024, 1, 1),
        target_value=-25,
        note="Skærpet igen.",
    )
    assert result.action == "changed" and result.revision == 3
    assert result.changes == {
        "target_value": (-20.0, -25.0),
        "note": ("Skærpet af Direktørforum juni 2022.", "Skærpet igen."),
    }
    after = revisions(catalogue_engine, "KOL-1-A")
    assert [(r.revision, r.valid_from) for r in after] == [
        (1, dt.date(2019, 3, 1)),
        (2, dt.date(2022, 6, 1)),
        (3, dt.date(2024, 1, 1)),
    ]
    # the old versions are untouched and still readable
    for old, kept in zip(before, after[:2], strict=True):
        assert (old.id, old.target_value, old.text, old.note) == (
            kept.id,
            kept.target_value,
            kept.text,
            kept.note,
        )
    new = after[2]
    assert new.target_value == -25.0 and new.text == before[1].text  # the rest carried over
    assert new.created_by == "sekretariat"
    info = next(c for c in snapshot(catalogue_engine).criteria if c.code == "KOL-1-A")
    assert info.revision_on(dt.date(2023, 1, 1)).revision == 2
    assert info.current.revision == 3
    event = events(catalogue_engine, "catalogue.criterion.revise")[0]
    assert json.loads(event.detail)["revision"] == 3


def test_revision_is_valid_from_today_by_default(catalogue_engine):
    result = edit(
        catalogue_engine, catalogue_edit.revise_criterion, code="KOL-1-C", target_value=11
    )
    assert result.valid_from == TODAY
    assert revisions(catalogue_engine, "KOL-1-C")[-1].valid_from == TODAY


def test_revision_cannot_be_dated_before_the_newest(catalogue_engine):
    with pytest.raises(
        CatalogueEditError, match="skal gælde fra 2022-06-01 eller senere"
    ) as caught:
        edit(
            catalogue_engine,
            catalogue_edit.revise_criterion,
            code="KOL-1-A",
            valid_from="2021-01-01",
            target_value=-30,
        )
    assert caught.value.field == "valid_from"


def test_unchanged_revision_is_not_made(catalogue_engine):
    result = edit(
        catalogue_engine, catalogue_edit.revise_criterion, code="KOL-1-C", target_value=12
    )
    assert result.action == "unchanged"
    assert len(revisions(catalogue_engine, "KOL-1-C")) == 1


@pytest.mark.parametrize(
    "kwargs,field,message",
    [
        ({"baseline": "2017K9"}, "baseline", "Basisperiode '2017K9' er ikke en periode"),
        ({"baseline": "2017K2"}, "baseline", "passer ikke til indikatorens frekvens (år)"),
        ({"target_period": "2016"}, "target_period", "Målperioden 2016 skal ligge efter"),
        ({"target_type": "meget"}, "target_type", "Måltype skal være absolut"),
        ({"target_type": None}, "target_type", "Målværdi og målperiode kræver en måltype"),
        ({"indicator": "NOPE"}, "indicator", "Der findes ingen indikator med koden 'NOPE'."),
        ({"gap_a": "Køn: Mænd"}, "gap_b", "En forskel kræver to forskellige grupper"),
        ({"areas": "K791, Atlantis"}, "areas", "'Atlantis' kendes ikke"),
        ({"target_value": "mange"}, "target_value", "Målværdi skal være et tal"),
        ({"goal": "KOL-2"}, "goal", "kan ikke flyttes til et andet mål"),
    ],
)
def test_criterion_errors(catalogue_engine, kwargs, field, message):
    with pytest.raises(CatalogueEditError, match=re.escape(message)) as caught:
        edit(catalogue_engine, catalogue_edit.revise_criterion, code="KOL-1-C", **kwargs)
    assert caught.value.field == field


def test_criterion_for_listed_areas_and_a_gap(catalogue_engine):
    result = edit(
        catalogue_engine,
        catalogue_edit.add_criterion,
        goal="KOL-1",
        code="KOL-1-D",
        text="Forskellen mellem mænd og kvinder mindskes i Viborg og Skive.",
        indicator="RYG-01",
        gap_a="Uddannelse: Grundskole",
        gap_b="Uddannelse: Lang videregående",
        baseline="2017",
        target_type="relativ (%)",
        target_value="-10",
        target_period="2025",
        areas="K791, K779",
        valid_from="2024-01-01",
    )
    assert result.action == "new" and result.revision == 1
    cat = snapshot(catalogue_engine)
    info = next(c for c in cat.criteria if c.code == "KOL-1-D")
    revision = info.current
    assert revision.is_gap and revision.target_type == "relative" and revision.target_value == -10
    assert sorted(a.code for a in cat.criterion_areas(info, revision)) == ["K779", "K791"]


# --- indicators ----------------------------------------------------------------------------------


def test_edit_indicator_accepts_labels_in_either_language(catalogue_engine):
    result = edit(
        catalogue_engine,
        catalogue_edit.edit_indicator,
        code="PSY-02",
        polarity="higher is better",
        decimals="2",
        natural_limit="100",
        steering_group="BUF",
    )
    indicator = snapshot(catalogue_engine).indicator("PSY-02")
    assert indicator.polarity == "higher" and indicator.decimals == 2
    english = edit(
        catalogue_engine, catalogue_edit.edit_indicator, code="PSY-02",
        definition_en="  Share of young people aged 16-24 with poor mental health.  ",
        unit_en="", source_en="The Danish National Health Survey (Hvordan har du det?)",
    )  # fmt: skip
    indicator = snapshot(catalogue_engine).indicator("PSY-02")
    assert indicator.definition_en == "Share of young people aged 16-24 with poor mental health."
    assert indicator.unit_en is None and indicator.source_en.endswith("(Hvordan har du det?)")
    assert set(english.changes) == {"definition_en"}
    assert indicator.natural_limit == 100.0
    assert set(result.changes) >= {"decimals", "natural_limit", "steering_group"}


@pytest.mark.parametrize(
    "kwargs,field",
    [
        ({"polarity": "bedst"}, "polarity"),
        ({"decimals": 7}, "decimals"),
        ({"decimals": 1.5}, "decimals"),
        ({"frequency": "uge"}, "frequency"),
        ({"unit": ""}, "unit"),
        ({"natural_limit": "x"}, "natural_limit"),
    ],
)
def test_indicator_errors(catalogue_engine, kwargs, field):
    with pytest.raises(CatalogueEditError) as caught:
        edit(catalogue_engine, catalogue_edit.edit_indicator, code="RYG-01", **kwargs)
    assert caught.value.field == field


def test_frequency_cannot_change_once_an_indicator_has_values(demo_engine):
    with pytest.raises(CatalogueEditError, match="Frekvensen kan ikke ændres"):
        edit(demo_engine, catalogue_edit.edit_indicator, code="RYG-01", frequency="kvartal")


# --- areas and aliases ---------------------------------------------------------------------------


def test_renaming_an_area_keeps_the_old_name_as_an_alias(catalogue_engine):
    edit(catalogue_engine, catalogue_edit.edit_area, code="K791", name="Viborg Storkommune")
    cat = snapshot(catalogue_engine)
    assert cat.area("K791").name == "Viborg Storkommune"
    assert cat.area_index.get("Viborg Kommune").code == "K791"
    assert cat.area_index.get("viborg storkommune").code == "K791"


def test_moving_an_area_is_dated_and_keeps_history(catalogue_engine):
    edit(
        catalogue_engine,
        catalogue_edit.edit_area,
        code="K779",
        parent="VEST",
        since=dt.date(2025, 1, 1),
    )
    cat = snapshot(catalogue_engine)
    skive = cat.area("K779")
    assert cat.parent(skive, dt.date(2024, 6, 1)).code == "MIDT"
    assert cat.parent(skive, dt.date(2025, 6, 1)).code == "VEST"


def test_add_area_needs_a_parent_of_the_right_kind(catalogue_engine):
    with pytest.raises(CatalogueEditError, match="En kommune skal ligge under en klynge") as caught:
        edit(
            catalogue_engine,
            catalogue_edit.add_area,
            code="K999",
            name="Ny Kommune",
            kind="kommune",
            parent="RM",
        )
    assert caught.value.field == "parent"
    edit(
        catalogue_engine,
        catalogue_edit.add_area,
        code="K999",
        name="Ny Kommune",
        kind="kommune",
        parent="MIDT",
    )
    cat = snapshot(catalogue_engine)
    assert cat.parent(cat.area("K999")).code == "MIDT"
    assert cat.area_index.get("ny kommune").code == "K999"


def test_alias_that_points_elsewhere_is_refused_with_a_clear_message(catalogue_engine):
    with pytest.raises(CatalogueEditError) as caught:
        edit(catalogue_engine, catalogue_edit.add_area_alias, area="K751", alias="skive")
    assert str(caught.value) == (
        "'skive' peger allerede på K779 Skive Kommune; fjern det dér først, hvis det skal flyttes."
    )
    with pytest.raises(CatalogueEditError, match="Midtklyngen"):
        edit(catalogue_engine, catalogue_edit.add_area_alias, area="K751", alias="Midt-klyngen")
    again = edit(catalogue_engine, catalogue_edit.add_area_alias, area="K779", alias="SKIVE")
    assert again.action == "unchanged"


def test_add_and_remove_alias(catalogue_engine):
    edit(catalogue_engine, catalogue_edit.add_area_alias, area="K791", alias="Viborg by")
    assert snapshot(catalogue_engine).area_index.get("viborg by").code == "K791"
    edit(catalogue_engine, catalogue_edit.remove_area_alias, area="K791", alias="Viborg By")
    assert snapshot(catalogue_engine).area_index.get("viborg by") is None
    with pytest.raises(CatalogueEditError, match="'Viborg by' er ikke et alias"):
        edit(catalogue_engine, catalogue_edit.remove_area_alias, area="K791", alias="Viborg by")
    kinds = [e.action for e in events(catalogue_engine)]
    assert kinds[:2] == ["catalogue.area_alias.remove", "catalogue.area_alias.add"]


def test_group_alias(catalogue_engine):
    edit(catalogue_engine, catalogue_edit.add_group_alias, group="I alt", alias="Totalt")
    assert snapshot(catalogue_engine).group_index.get("totalt").code == "I alt"
    with pytest.raises(CatalogueEditError, match="peger allerede på I alt"):
        edit(
            catalogue_engine,
            catalogue_edit.add_group_alias,
            group="Uddannelse: Grundskole",
            alias="totalt",
        )


def test_steering_group_add_and_rename(catalogue_engine):
    edit(catalogue_engine, catalogue_edit.add_steering_group, code="ÆLDRE", name="Ældre")
    edit(catalogue_engine, catalogue_edit.edit_steering_group, code="ÆLDRE", name_en="Older people")
    group = snapshot(catalogue_engine).steering_group("ÆLDRE")
    assert (group.name, group.name_en) == ("Ældre", "Older people")


# --- the catalogue workbook ----------------------------------------------------------------------


def export(engine, lang="da") -> bytes:
    return catalogue_sheets.export_catalogue_workbook(engine=engine, lang=lang)


def run_import(engine, content: bytes, actor=ADMIN, dry_run=False, lang="da", **kw):
    return catalogue_sheets.import_catalogue_workbook(
        engine=engine,
        content=content,
        filename="katalog.xlsx",
        actor=actor,
        dry_run=dry_run,
        lang=lang,
        **kw,
    )


def ref(content: bytes, sheet: str, code: str, header: str) -> str:
    """The cell reference of a row's (by code) column (by header) in an exported workbook."""
    from openpyxl.utils import get_column_letter

    ws = load_workbook(io.BytesIO(content))[sheet]
    headers = [c.value for c in ws[1]]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == code)
    return f"{sheet}!{get_column_letter(headers.index(header) + 1)}{row}"


def edited(content: bytes, changes: dict[str, list[tuple[str, str, Any]]], add=None) -> bytes:
    """Set cells by (sheet, code in column A, header) and append rows; returns new bytes."""
    book = load_workbook(io.BytesIO(content))
    for sheet, cells in changes.items():
        ws = book[sheet]
        headers = [c.value for c in ws[1]]
        for code, header, value in cells:
            row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == code)
            ws.cell(row, headers.index(header) + 1).value = value
    for sheet, rows in (add or {}).items():
        ws = book[sheet]
        headers = [c.value for c in ws[1]]
        for values in rows:
            ws.append([values.get(h) for h in headers])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("lang", ["da", "en"])
def test_export_then_import_changes_nothing(catalogue_engine, lang):
    content = export(catalogue_engine, lang)
    before = table_dump(catalogue_engine)
    result = run_import(catalogue_engine, content, lang=lang)
    assert result.status == "applied", result.errors
    totals = result.totals
    assert totals["new"] == totals["changed"] == totals["rejected"] == 0
    assert totals["unchanged"] == 2 + 8 + 35 + 6 + 11
    assert not result.changes
    after = table_dump(catalogue_engine)
    assert after.pop("auditevent") != before.pop("auditevent")  # only the import itself
    assert after == before


def test_export_layout(catalogue_engine):
    book = load_workbook(io.BytesIO(export(catalogue_engine)))
    assert book.sheetnames == [
        "Mål",
        "Succeskriterier",
        "Indikatorer",
        "Områder",
        "Styregrupper",
        "Lister",
    ]
    assert book["Lister"].sheet_state == "hidden"
    criteria = book["Succeskriterier"]
    assert criteria.freeze_panes == "B2"
    headers = [c.value for c in criteria[1]]
    assert headers[:4] == ["Kode", "Mål", "Revision", "Gyldig fra"]
    rows = {r[0].value: r for r in criteria.iter_rows(min_row=2)}
    assert len(rows) == 11  # one row per criterion: its newest revision
    kol1a = rows["KOL-1-A"]
    assert kol1a[2].value == 2 and kol1a[3].value.date() == dt.date(2022, 6, 1)
    assert kol1a[headers.index("Måltype")].value == "relativ (%)"
    validations = {str(v.sqref).split(":")[0]: v for v in criteria.data_validations.dataValidation}
    assert validations["L2"].formula1.startswith("='Lister'!")  # Måltype drop-down
    areas = book["Områder"]
    headers = [c.value for c in areas[1]]
    aarhus = next(r for r in areas.iter_rows(min_row=2) if r[0].value == "AARHUS")
    assert aarhus[headers.index("Overordnet område")].value == "RM"
    assert "Klynge Aarhus" in aarhus[headers.index("Aliaser")].value
    assert "Aarhusklyngen" not in aarhus[headers.index("Aliaser")].value  # its own name
    # every English text has its own column beside the Danish one
    indicators = book["Indikatorer"]
    headers = [c.value for c in indicators[1]]
    for danish, english in [("Enhed", "Enhed (engelsk)"), ("Kilde", "Kilde (engelsk)"),
                            ("Definition", "Definition (engelsk)")]:  # fmt: skip
        assert headers.index(english) == headers.index(danish) + 1
    kol = next(r for r in indicators.iter_rows(min_row=2) if r[0].value == "KOL-01")
    assert kol[headers.index("Enhed (engelsk)")].value == "per 1,000 citizens with COPD"
    assert kol[headers.index("Definition (engelsk)")].value.startswith("Number of acute")
    goals = book["Mål"]
    headers = [c.value for c in goals[1]]
    assert headers.index("Beskrivelse (engelsk)") == headers.index("Beskrivelse") + 1


def test_import_preview_then_apply_with_exact_changes(catalogue_engine):
    content = edited(
        export(catalogue_engine),
        {
            "Succeskriterier": [
                ("KOL-1-C", "Målværdi", 11),
                ("KOL-1-C", "Gyldig fra", "2026-01-01"),
            ],
            "Indikatorer": [("RYG-01", "Decimaler", 2)],
            "Områder": [("K791", "Aliaser", "Viborg, Viborg by")],
        },
        add={
            "Styregrupper": [{"Kode": "ÆLDRE", "Navn": "Styregruppen for ældre"}],
            "Indikatorer": [
                {
                    "Kode": "FALD-01",
                    "Navn": "Faldulykker",
                    "Enhed": "pr. 1.000",
                    "Polaritet": "lavere er bedre",
                    "Frekvens": "år",
                    "Styregruppe": "ÆLDRE",
                }
            ],
            "Mål": [
                {
                    "Kode": "FALD-1",
                    "Titel": "Færre faldulykker",
                    "Spor": "DIA",
                    "Styregruppe": "ÆLDRE",
                }
            ],
            "Succeskriterier": [
                {
                    "Kode": "FALD-1-A",
                    "Mål": "FALD-1",
                    "Tekst": "Færre fald.",
                    "Indikator": "FALD-01",
                    "Basisperiode": "2020",
                    "Måltype": "relativ (%)",
                    "Målværdi": -10,
                    "Målperiode": "2026",
                }
            ],
        },
    )
    before = table_dump(catalogue_engine)
    preview = run_import(catalogue_engine, content, dry_run=True)
    assert preview.status == "preview", preview.errors
    assert table_dump(catalogue_engine) == before  # a preview writes nothing, not even audit
    assert preview.totals == {"new": 4, "changed": 3, "unchanged": 59, "rejected": 0}
    assert preview.counts["Succeskriterier"] == {
        "new": 1,
        "changed": 1,
        "unchanged": 10,
        "rejected": 0,
    }
    change = next(c for c in preview.changes if c.subject == "KOL-1-C")
    assert (change.cell, change.field, change.old, change.new) == (
        ref(content, "Succeskriterier", "KOL-1-C", "Målværdi"),
        "Målværdi",
        "12",
        "11",
    )
    assert change.note == "ny revision 2, gyldig fra 2026-01-01"
    alias = next(c for c in preview.changes if c.subject == "K791")
    assert (alias.old, alias.new) == ("Viborg", "Viborg, Viborg by")
    assert preview.message.startswith("Forhåndsvisning: 4 nye og 3 ændrede rækker")

    applied = run_import(catalogue_engine, content, confirm_sha256=preview.sha256)
    assert applied.status == "applied"
    assert [c.__dict__ for c in applied.changes] == [c.__dict__ for c in preview.changes]
    cat = snapshot(catalogue_engine)
    assert cat.indicator("RYG-01").decimals == 2
    assert cat.goal("FALD-1").steering_group_id == cat.steering_group("ÆLDRE").id
    assert cat.indicator_owners(cat.indicator("FALD-01")) == {cat.steering_group("ÆLDRE").id}
    kol1c = revisions(catalogue_engine, "KOL-1-C")
    assert [(r.revision, r.valid_from, r.target_value) for r in kol1c] == [
        (1, dt.date(2019, 3, 1), 12.0),
        (2, dt.date(2026, 1, 1), 11.0),
    ]
    actions = [e.action for e in events(catalogue_engine)]
    assert actions[0] == "catalogue.import"
    assert {"catalogue.criterion.revise", "catalogue.goal.add", "catalogue.area_alias.add"} <= set(
        actions
    )
    # and the new state exports and re-imports unchanged
    again = run_import(catalogue_engine, export(catalogue_engine), dry_run=True)
    assert again.totals["changed"] == again.totals["new"] == 0


def test_blank_valid_from_means_today(catalogue_engine):
    content = edited(
        export(catalogue_engine),
        {"Succeskriterier": [("KOL-2-A", "Målværdi", -12), ("KOL-2-A", "Gyldig fra", None)]},
    )
    assert run_import(catalogue_engine, content).status == "applied"
    assert revisions(catalogue_engine, "KOL-2-A")[-1].valid_from == TODAY


def test_errors_name_exact_cells_and_nothing_is_written(catalogue_engine):
    content = edited(
        export(catalogue_engine),
        {
            "Indikatorer": [("RYG-01", "Polaritet", "bedst"), ("KOL-01", "Decimaler", "mange")],
            "Mål": [("KOL-2", "Titel", "En god ændring")],  # valid, but all or nothing
            "Succeskriterier": [("KOL-1-B", "Basisperiode", "2017K9")],
            "Områder": [("K751", "Aliaser", "Aarhus, Skive")],
        },
        add={"Mål": [{"Kode": "KOL-1", "Titel": "Dublet", "Spor": "KOL", "Styregruppe": "VOKSNE"}]},
    )
    before = table_dump(catalogue_engine)
    result = run_import(catalogue_engine, content)
    assert result.status == "rejected"
    cells = {p.cell: p for p in result.errors}
    polarity = ref(content, "Indikatorer", "RYG-01", "Polaritet")
    aliases = ref(content, "Områder", "K751", "Aliaser")
    assert set(cells) == {
        polarity,
        ref(content, "Indikatorer", "KOL-01", "Decimaler"),
        aliases,
        "Mål!A8",
        ref(content, "Succeskriterier", "KOL-1-B", "Basisperiode"),
    }
    assert cells[polarity].value == "bedst"
    assert cells[polarity].column == "Polaritet"
    assert "Polaritet skal være højere er bedre" in cells[polarity].message
    assert "peger allerede på K779 Skive Kommune" in cells[aliases].message
    assert "står allerede i Mål!A2" in cells["Mål!A8"].message
    assert result.message.startswith("Kataloget blev ikke indlæst: 5 fejl. Intet er ændret")
    assert table_dump(catalogue_engine) == before


def test_a_row_with_several_wrong_cells_reports_each(catalogue_engine):
    content = edited(
        export(catalogue_engine),
        {
            "Indikatorer": [
                ("RYG-01", "Polaritet", "bedst"),
                ("RYG-01", "Frekvens", "uge"),
                ("RYG-01", "Decimaler", -1),
            ]
        },
    )
    result = run_import(catalogue_engine, content)
    assert sorted(p.cell for p in result.errors) == [
        ref(content, "Indikatorer", "RYG-01", h) for h in ("Polaritet", "Decimaler", "Frekvens")
    ]
    assert result.counts["Indikatorer"]["rejected"] == 1


def test_only_an_admin_may_import_the_catalogue(catalogue_engine):
    content = edited(export(catalogue_engine), {"Mål": [("KOL-1", "Titel", "x")]})
    before = table_dump(catalogue_engine)
    for actor in (VIEWER, CONTRIBUTOR, None):
        result = run_import(catalogue_engine, content, actor=actor)
        assert result.status == "rejected"
        assert (
            "Kun administratorer (sekretariatet) må indlæse kataloget" in result.errors[0].message
        )
    assert table_dump(catalogue_engine) == before


def test_confirmation_must_match_the_previewed_file(catalogue_engine):
    content = edited(export(catalogue_engine), {"Mål": [("KOL-1", "Titel", "x")]})
    result = run_import(catalogue_engine, content, confirm_sha256="0" * 64)
    assert result.status == "rejected" and "ikke den samme som i forhåndsvisningen" in str(
        result.errors[0]
    )


def test_a_status_workbook_is_not_a_catalogue(catalogue_engine):
    from tests.conftest import ROOT

    content = (ROOT / "tests" / "fixtures" / "statusark_voksne_2022.xlsx").read_bytes()
    result = run_import(catalogue_engine, content)
    assert result.status == "rejected"
    assert "Er det et statusark?" in result.errors[0].message


def test_missing_required_column_is_named(catalogue_engine):
    book = load_workbook(io.BytesIO(export(catalogue_engine)))
    book["Indikatorer"].delete_cols(4)  # Enhed
    out = io.BytesIO()
    book.save(out)
    result = run_import(catalogue_engine, out.getvalue())
    assert [p.message for p in result.errors] == ["Arket Indikatorer mangler kolonnen Enhed."]


def test_a_file_with_only_some_columns_changes_only_those(catalogue_engine):
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "Goals"
    ws.append(["Code", "Title"])
    ws.append(["KOL-1", "Shorter title"])
    out = io.BytesIO()
    book.save(out)
    result = run_import(catalogue_engine, out.getvalue(), lang="en")
    assert result.status == "rejected"  # Track and Steering group are required headers
    ws.cell(1, 3, "Track")
    ws.cell(1, 4, "Steering group")
    ws.cell(2, 3, "KOL")
    ws.cell(2, 4, "VOKSNE")
    out = io.BytesIO()
    book.save(out)
    result = run_import(catalogue_engine, out.getvalue(), lang="en")
    assert result.status == "applied", result.errors
    goal = snapshot(catalogue_engine).goal("KOL-1")
    assert goal.title == "Shorter title" and goal.title_en  # title_en column absent: kept


def test_rows_are_checked_against_the_rows_before_them(catalogue_engine):
    # the second of two areas renamed to the same name is refused, naming its own cell
    content = edited(
        export(catalogue_engine),
        {
            "Områder": [
                ("K791", "Navn", "Viborg Storkommune"),
                ("K779", "Navn", "Viborg Storkommune"),
            ]
        },
    )
    result = run_import(catalogue_engine, content, dry_run=True)
    later = max(
        (ref(content, "Områder", code, "Navn") for code in ("K791", "K779")),
        key=lambda r: int(r.rsplit("B", 1)[1]),
    )
    assert [p.cell for p in result.errors] == [later]
    with store.read_session(catalogue_engine) as session:
        keys = [a.alias_key for a in session.exec(select(AreaAlias))]
    assert "viborgstorkommune" not in keys


# --- the fields an edit takes (model-based partial updates) -----------------------------------------


def test_a_field_the_row_does_not_have_is_a_type_error_and_writes_nothing(catalogue_engine):
    before = table_dump(catalogue_engine)
    with pytest.raises(TypeError, match="titel"):
        edit(catalogue_engine, catalogue_edit.edit_goal, code="KOL-1", titel="Stavefejl")
    with pytest.raises(TypeError, match="colour"):
        edit(
            catalogue_engine, catalogue_edit.add_area, code="X", name="X", kind="cluster", colour=1
        )
    assert table_dump(catalogue_engine) == before


@pytest.mark.parametrize(
    "function,kwargs,field,message",
    [
        (
            catalogue_edit.add_goal,
            {"code": "NY-1", "title": "Nyt", "steering_group": "BUF"},
            "track",
            "Spor skal udfyldes.",
        ),
        (
            catalogue_edit.add_indicator,
            {"code": "NY-01", "name": "Ny"},
            "unit",
            "Enhed skal udfyldes.",
        ),
        (
            catalogue_edit.add_criterion,
            {"code": "NY-C", "goal": "KOL-1", "text": "Ny", "indicator": "RYG-01"},
            "baseline",
            "Basisperiode skal udfyldes.",
        ),
    ],
)
def test_a_new_row_missing_a_required_field_says_which(catalogue_engine, function, kwargs, field, message):  # fmt: skip
    with pytest.raises(CatalogueEditError) as caught:
        edit(catalogue_engine, function, **kwargs)
    assert caught.value.field == field
    assert str(caught.value).startswith(message)


def test_only_the_fields_given_are_changed_none_means_empty(catalogue_engine):
    result = edit(catalogue_engine, catalogue_edit.edit_indicator, code="RYG-01", source=None)
    assert set(result.changes) == {"source"} and result.changes["source"][1] is None
    assert (
        edit(catalogue_engine, catalogue_edit.edit_indicator, code="RYG-01").action == "unchanged"
    )
