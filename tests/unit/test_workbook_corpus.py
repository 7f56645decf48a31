"""The corpus of workbooks under tests/fixtures/: each bad one names the exact cells, in Danish,
and leaves the store untouched; each good one (also LibreOffice-saved .ods/.xls/.xlsx) imports."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest_workbook import dump, fixture_bytes
from sqlalchemy.engine import Engine

from goals import store
from goals.store.observations import current_values
from goals.workbook import import_workbook

# file → {cell: text the message must contain}; "" is a whole-file problem
BAD: dict[str, dict[str, str]] = {
    "wrong_type.csv": {"": "kan ikke læses som et regneark"},
    "wrong_type_docx.xlsx": {"": "kan ikke læses som et regneark"},
    "truncated.xlsx": {"": "beskadiget eller ufuldstændig"},
    "corrupt.xlsx": {"": "beskadiget eller ufuldstændig"},
    "password.xlsx": {"": "adgangskode"},
    "empty_file.xlsx": {"": "Filen er tom"},
    "empty.xlsx": {"": "Projektmappen er tom"},
    "no_sheets.xlsx": {"": "intet ark, der hedder Indikatorer"},
    "unknown_names.xlsx": {
        "Indikatorer!A2": "Indikatoren 'KOL-1O' findes ikke. Mente du 'KOL-01",
        "Indikatorer!B3": "Området 'Midtklyngn' findes ikke. Mente du 'Midtklyngen'?",
        "Indikatorer!D4": "Gruppen 'Grundskolen' findes ikke. Mente du 'Uddannelse: Grundskole'",
    },
    "bad_periods.xlsx": {
        "Indikatorer!C2": "Perioden '2017K5' kan ikke læses",
        "Indikatorer!C3": "Perioden 'sommer 2017' kan ikke læses",
        "Indikatorer!C4": "er et år, men KOL-01 Akutte indlæggelser blandt borgere med KOL opgøres pr. kvartal. Skriv fx 2021K1",
        "Indikatorer!C5": "er et kvartal, men RYG-01 Daglige rygere, 16+ år opgøres pr. år",
    },
    "text_values.xlsx": {
        "Indikatorer!E2": "Værdien '12,5x' er ikke et tal. Skriv et tal som 12,5 – eller '-' hvis tallet er udeladt med vilje.",
        "Indikatorer!E4": "Værdien '2021-03-01' er ikke et tal",
        "Indikatorer!E6": "Værdien 'abc' er ikke et tal",
    },
    "duplicates.xlsx": {
        "Indikatorer!A3": "Rækken gentager Indikatorer!A2 (samme indikator, område, periode og gruppe)",
        "Indikatorer!A5": "Rækken gentager Indikatorer!A4",
    },
    "missing_columns.xlsx": {
        "Indikatorer!A3": "Kolonnen 'Periode' mangler i overskriftsrækken (række 3)",
    },
    "formulas.xlsx": {
        "Indikatorer!E2": "formel uden gemt resultat",
        "Indikatorer!F4": "formel uden gemt resultat",
    },
    "out_of_range.xlsx": {
        "Indikatorer!E2": "er en procentandel, så Værdi skal ligge mellem 0 og 100, men her står 112,5",
        "Indikatorer!E3": "mellem 0 og 100, men her står -3",
        "Indikatorer!E4": "men her står 1250. Cellen er formateret som procent",
    },
    "counts_limits.xlsx": {
        "Indikatorer!E2": "Tæller skal være et helt tal (et antal), men her står '12,5'",
        "Indikatorer!F3": "Nævner skal være større end 0",
        "Indikatorer!D4": "Nedre (14) ≤ Værdi (13) ≤ Øvre (16) skal gælde",
        "Indikatorer!D5": "Værdi er tom, men Tæller er udfyldt",
    },
    "initiatives_bad.xlsx": {
        "Indsatser!A2": "Målet 'Færre rygere blandt borgere med kort udannelse' findes ikke. Mente du 'Færre rygere blandt borgere med kort uddannelse'?",
        "Indsatser!D3": "Status 'Pause' kendes ikke. Vælg en af: Ikke startet, I gang, Forsinket, Gennemført, Stoppet.",
        "Indsatser!F4": "Datoen '31/13/2023' kan ikke læses",
        "Vurdering!D2": "Trafiklyset 'Grønn' kendes ikke. Vælg Grøn, Gul eller Rød. Mente du 'Grøn'?",
        "Vurdering!C3": "Perioden 'Q5 2022' kan ikke læses",
        "Vurdering!A5": "Rækken gentager Vurdering!A4 (samme mål, område og periode)",
    },
    # saved through LibreOffice, title rows above the header
    "lo_errors.xlsx": {
        "Indikatorer!B5": "Området 'Midtklyngn' findes ikke. Mente du 'Midtklyngen'?",
        "Indikatorer!E6": "Værdien '12,5x' er ikke et tal",
        "Indikatorer!C7": "Perioden '2021K1' er et kvartal",
    },
    "lo_errors.ods": {
        "Indikatorer!B5": "Området 'Midtklyngn' findes ikke. Mente du 'Midtklyngen'?",
        "Indikatorer!E6": "Værdien '12,5x' er ikke et tal",
        "Indikatorer!C7": "Perioden '2021K1' er et kvartal",
    },
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_workbook_names_every_cell_and_changes_nothing(
    catalogue_engine: Engine, name: str
) -> None:
    before = dump(catalogue_engine)
    result = import_workbook(
        engine=catalogue_engine, content=fixture_bytes(name), filename=name, user="tester"
    )
    assert result.status == "rejected"
    assert result.upload_id is None
    found = {p.cell: p.message for p in result.errors}
    assert set(found) == set(BAD[name]), [str(p) for p in result.errors]
    for cell, text in BAD[name].items():
        assert text in found[cell], (cell, found[cell])
    for problem in result.errors:
        if problem.cell:
            assert problem.sheet and problem.column, problem
    assert dump(catalogue_engine) == before
    payload = result.to_json()
    assert set(payload) == {"status", "counts", "errors", "upload_id"}
    assert set(payload["counts"]) == {"new", "changed", "unchanged", "rejected"}
    assert all(set(e) == {"sheet", "cell", "column", "value", "message"} for e in payload["errors"])


def test_errors_have_value_and_column(catalogue_engine: Engine) -> None:
    result = import_workbook(
        engine=catalogue_engine,
        content=fixture_bytes("text_values.xlsx"),
        filename="text_values.xlsx",
        user="tester",
    )
    problem = next(p for p in result.errors if p.cell == "Indikatorer!E2")
    assert (problem.sheet, problem.column, problem.value) == ("Indikatorer", "Værdi", "12,5x")
    assert str(problem).startswith("Indikatorer!E2: Værdien '12,5x' er ikke et tal.")
    # the valid rows are still counted in the preview, the bad ones as rejected
    assert result.counts["rejected"] == 3
    assert result.counts["new"] == 2


def test_english_messages(catalogue_engine: Engine) -> None:
    result = import_workbook(
        engine=catalogue_engine,
        content=fixture_bytes("unknown_names.xlsx"),
        filename="unknown_names.xlsx",
        user="tester",
        lang="en",
    )
    messages = {p.cell: p.message for p in result.errors}
    assert (
        messages["Indikatorer!B3"]
        == "The area 'Midtklyngn' does not exist. Did you mean 'Midtklyngen'?"
    )


def test_too_big_file(catalogue_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOALS_UPLOAD_LIMIT_MB", "0.001")
    result = import_workbook(
        engine=catalogue_engine,
        content=fixture_bytes("statusark_voksne_2022.xlsx"),
        filename="x.xlsx",
        user="t",
    )
    assert result.status == "rejected"
    assert "grænsen er 0,0 MB" in result.errors[0].message


GOOD = {
    # file: (new rows, {sheet: rows})
    "statusark_voksne_2022.xlsx": 15,
    "example.ods": 15,
    "example.xls": 15,
    "english_aliases.xlsx": 3,
    "wide_layout.xlsx": 8,
    "percent_format.xlsx": 3,
    "lo_percent.ods": 3,
    "lo_formulas.xlsx": 2,
}


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_workbook_imports_cleanly(catalogue_engine: Engine, name: str) -> None:
    result = import_workbook(
        engine=catalogue_engine, content=fixture_bytes(name), filename=name, user="tester"
    )
    assert result.errors == [], [str(p) for p in result.errors]
    assert result.status == "applied"
    assert result.counts == {"new": GOOD[name], "changed": 0, "unchanged": 0, "rejected": 0}
    assert result.upload_id is not None


def _values(catalogue_engine: Engine) -> dict[tuple[str, str, str, str], tuple]:
    from conftest_workbook import load_catalogue_snapshot

    cat = load_catalogue_snapshot(catalogue_engine)
    with store.read_session(catalogue_engine) as session:
        frame = current_values(session)
    return {
        (
            cat.indicators[r.indicator_id].code,
            cat.areas[r.area_id].code,
            r.period,
            cat.groups[r.group_id].code,
        ): tuple(
            None if pd.isna(v) else v
            for v in (r.value, r.missing_reason, r.numerator, r.denominator, r.note)
        )
        for r in frame.itertuples()
    }


def test_example_values(catalogue_engine: Engine) -> None:
    import_workbook(
        engine=catalogue_engine,
        content=fixture_bytes("statusark_voksne_2022.xlsx"),
        filename="statusark_voksne_2022.xlsx",
        user="tester",
    )
    values = _values(catalogue_engine)
    assert values[("RYG-01", "MIDT", "2021", "Uddannelse: Grundskole")][0] == 22.4
    assert values[("KOL-01", "AARHUS", "2022K3", "I alt")][:4] == (315.2, None, 2875, 9120)
    # '-' with the comment Diskretioneret: missing on purpose, kept with its note
    assert values[("OVV-01", "RANDERS", "2021", "I alt")] == (
        None,
        "-",
        None,
        None,
        "Diskretioneret",
    )


def test_percent_formats_are_honoured(catalogue_engine: Engine) -> None:
    for name in ("percent_format.xlsx", "lo_percent.ods"):
        import_workbook(
            engine=catalogue_engine, content=fixture_bytes(name), filename=name, user="t"
        )
        values = _values(catalogue_engine)
        assert values[("RYG-01", "MIDT", "2021", "I alt")][0] == 12.5
        assert values[("RYG-01", "VEST", "2021", "I alt")][0] == 13.6
        # KOL-01 is per 1,000, not %: a percent format does not scale it
        assert values[("KOL-01", "MIDT", "2022K3", "I alt")][0] == 0.5


def test_wide_layout_and_aliases(catalogue_engine: Engine) -> None:
    result = import_workbook(
        engine=catalogue_engine,
        content=fixture_bytes("wide_layout.xlsx"),
        filename="w.xlsx",
        user="t",
    )
    assert result.sheets[0].layout == "wide"
    values = _values(catalogue_engine)
    assert values[("RYG-01", "AARHUS", "2020", "I alt")][0] == 12.4
    assert ("RYG-01", "MIDT", "2020", "I alt") not in values  # blank: nothing reported
    assert values[("RYG-01", "MIDT", "2019", "Uddannelse: Grundskole")][:2] == (None, "-")
    import_workbook(
        engine=catalogue_engine,
        content=fixture_bytes("english_aliases.xlsx"),
        filename="e.xlsx",
        user="t",
    )
    values = _values(catalogue_engine)
    assert values[("OVV-01", "K791", "2019", "Køn: Kvinder")][0] == 15.5
    assert values[("KOL-01", "AARHUS", "2022K2", "I alt")][0] == 1234.5


def test_preview_lists_ignored_sheets(catalogue_engine: Engine) -> None:
    result = import_workbook(
        engine=catalogue_engine,
        content=fixture_bytes("statusark_voksne_2022.xlsx"),
        filename="x.xlsx",
        user="t",
        dry_run=True,
    )
    assert result.status == "preview"
    assert result.ignored_sheets == ["Vejledning"]
    assert any("Vejledning" in note for note in result.notes)
    by_name = {s.name: s for s in result.sheets}
    assert (by_name["Indikatorer"].new, by_name["Indsatser"].new, by_name["Vurdering"].new) == (
        11,
        3,
        1,
    )
    assert by_name["Indikatorer"].header_row == 4
