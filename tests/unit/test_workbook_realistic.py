"""Status workbooks as people really make them (tests/fixtures/realistic/, made by
make_realistic.py): each good one is read with exactly the values the sender meant, each bad one
names exactly the cells that are wrong, in Danish, and says what to write instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest_workbook import dump
from sqlalchemy.engine import Engine

from goals.spreadsheet.cells import ambiguous_thousands, parse_number_text
from goals.spreadsheet.read import read_workbook
from goals.workbook import import_workbook

pytestmark = pytest.mark.store

REALISTIC = Path(__file__).resolve().parent.parent / "fixtures" / "realistic"

RYG = "RYG-01 Daglige rygere, 16+ år"
KOL = "KOL-01 Akutte indlæggelser blandt borgere med KOL"
OVV = "OVV-01 Svær overvægt, BMI ≥ 30"
PSY = "PSY-01 Dårligt mentalt helbred"
PSY2 = "PSY-02 Unge 16-24 år med dårligt mentalt helbred"
DIA2 = "DIA-02 Tidligt diagnosticeret type 2-diabetes (HbA1c < 58 ved diagnose)"
KOL_GOAL = "Færre akutte indlæggelser blandt borgere med KOL"
RYG_GOAL = "Færre rygere blandt borgere med kort uddannelse"


def obs(indicator: str, area: str, period: str, new: str, group: str = "I alt") -> tuple:
    """What the preview shows for one indicator value: its subject and its new value."""
    return (f"{indicator} · {area} · {period} · {group}", new)


def _import(engine: Engine, name: str, **kwargs) -> object:
    return import_workbook(
        engine=engine,
        content=(REALISTIC / name).read_bytes(),
        filename=name,
        user="anna",
        dry_run=True,
        **kwargs,
    )


TITLE_AND_COLUMNS = {
    "Indikatorer!F5": obs(RYG, "Viborg Kommune", "2021", "13,8"),
    "Indikatorer!F6": obs(RYG, "Midtklyngen", "2021", "14,1"),  # 'Klynge Midt', ' 14,1 '
    "Indikatorer!F7": obs(RYG, "Midtklyngen", "2021", "13,8", "Køn: Kvinder"),  # '13,8 %'
    "Indikatorer!F8": obs(RYG, "Midtklyngen", "2021", "14,4; kommentar 'foreløbig'", "Køn: Mænd"),
    "Indikatorer!F9": obs(RYG, "Silkeborg Kommune", "2021", "21,7", "Uddannelse: Grundskole"),
    "Indikatorer!F10": obs(KOL, "Region Midtjylland", "2023K1", "1.234,5"),  # '1. kvt. 2023'
    "Indikatorer!F11": obs(KOL, "Region Midtjylland", "2023K2", "1.180,2"),  # 'K2 2023', '1 180,2'
    "Indikatorer!F12": obs(KOL, "Region Midtjylland", "2023K3", "1.175"),  # '2023Q3', 'Total'
    "Indikatorer!F13": obs(KOL, "Region Midtjylland", "2023K4", "1.201"),  # '2023 k4'
    "Indikatorer!F14": obs(DIA2, "Viborg Kommune", "2022", "61,5"),  # 'VIBORG KOMMUNE'
}
SAVED_BY_LIBREOFFICE = {
    "Indikatorer!E4": obs(RYG, "Randersklyngen", "2022", "15,2"),
    # a percent-formatted 0.149 in a % indicator
    "Indikatorer!E5": obs(RYG, "Randers Kommune", "2022", "14,9", "Køn: Kvinder"),
    # the date 01.04.2022 for a quarterly indicator is the quarter holding it
    "Indikatorer!E6": obs(KOL, "Randersklyngen", "2022K2", "1.210,4"),
    "Indikatorer!E7": obs(
        DIA2, "Randersklyngen", "2022", "udeladt (Diskretioneret); kommentar 'under 5 personer'"
    ),
}
MERGED = {
    "Indikatorer!E4": obs(KOL, "Vestklyngen", "2023K1", "290,1"),
    "Indikatorer!E5": obs(KOL, "Vestklyngen", "2023K2", "288,4"),
    "Indikatorer!E6": obs(KOL, "Vestklyngen", "2023K3", "291"),
    "Indikatorer!E7": obs(KOL, "Midtklyngen", "2023K1", "301,5"),
    "Indikatorer!E8": obs(KOL, "Midtklyngen", "2023K2", "299,9"),
}

# file → {cell: (subject, new value)}: the whole preview, nothing more, nothing less
GOOD: dict[str, dict[str, tuple[str, str]]] = {
    "titel_og_kolonner.xlsx": TITLE_AND_COLUMNS,
    "lo_titel_og_kolonner.ods": TITLE_AND_COLUMNS,
    "lo_procent.xlsx": {
        "Indikatorer!E2": obs(RYG, "Aarhusklyngen", "2022", "13,8"),  # 0.138 as 0.0%
        "Indikatorer!E3": obs(RYG, "Vestklyngen", "2022", "20"),  # 0.2 as 0%
        # =F4/G4 formatted as percent, cached by LibreOffice
        "Indikatorer!E4": obs(OVV, "Vestklyngen", "2022", "18,3; tæller 183; nævner 1.000"),
        "Indikatorer!E5": obs(PSY, "Vestklyngen", "2022", "13,5"),  # '13,5%' as text
        # a percent format on an indicator that is not a percentage changes nothing
        "Indikatorer!E6": obs(KOL, "Vestklyngen", "2022K1", "0,3152"),
    },
    "perioder_og_datoer.xlsx": {
        "Indikatorer!D2": obs(KOL, "Aarhusklyngen", "2023K1", "300,5"),
        "Indikatorer!D3": obs(KOL, "Horsensklyngen", "2023K2", "300,5"),  # K2 2023
        "Indikatorer!D4": obs(KOL, "Midtklyngen", "2023K3", "300,5"),  # 3. kvt. 2023
        "Indikatorer!D5": obs(KOL, "Randersklyngen", "2023K4", "300,5"),  # 4. kvartal 2023
        "Indikatorer!D6": obs(KOL, "Vestklyngen", "2024K1", "300,5"),  # 2024-Q1
        "Indikatorer!D7": obs(KOL, "Viborg Kommune", "2024K2", "300,5"),  # Q2 2024
        "Indikatorer!D8": obs(KOL, "Aarhus Kommune", "2024K3", "300,5"),  # 2024 K3
        "Indikatorer!D9": obs(RYG, "Aarhusklyngen", "2021", "14,2"),  # 1-1-2021 shown as 2021
        "Indikatorer!D10": obs(KOL, "Silkeborg Kommune", "2023K1", "310"),  # 31-03-2023
        "Indikatorer!D11": obs(KOL, "Silkeborg Kommune", "2023K2", "305"),  # maj 2023
    },
    "udeladte_vaerdier.xlsx": {
        f"Indikatorer!D{row}": obs(
            PSY, area, "2021", f"udeladt ({marker}); kommentar 'for få svar'"
        )
        for row, area, marker in [
            (2, "Favrskov Kommune", "n/a"),
            (3, "Hedensted Kommune", "-"),
            (4, "Herning Kommune", ".."),
            (5, "Holstebro Kommune", "diskretioneret"),
            (6, "Horsens Kommune", "Diskretioneret"),
            (7, "Ikast-Brande Kommune", "N/A"),
            (8, "Lemvig Kommune", "–"),
        ]
    }
    | {"Indikatorer!D10": obs(PSY, "Odder Kommune", "2021", "12")},  # D9 blank: not reported
    "bredt_aar.xlsx": {
        "Indikatorer!D4": obs(RYG, "Midtklyngen", "2019", "16,1"),
        "Indikatorer!E4": obs(RYG, "Midtklyngen", "2020", "15,4"),
        "Indikatorer!F4": obs(RYG, "Midtklyngen", "2021", "14,9"),
        "Indikatorer!G4": obs(RYG, "Midtklyngen", "2022", "14"),  # header '2022*'
        "Indikatorer!D5": obs(RYG, "Vestklyngen", "2019", "17,2"),
        "Indikatorer!F5": obs(RYG, "Vestklyngen", "2021", "16"),
        "Indikatorer!G5": obs(RYG, "Vestklyngen", "2022", "udeladt (-)"),
    },
    "bredt_kvartal.xlsx": {
        "Indikatorer!D2": obs(KOL, "Aarhusklyngen", "2023K1", "301,2"),
        "Indikatorer!E2": obs(KOL, "Aarhusklyngen", "2023K2", "298,7"),
        "Indikatorer!F2": obs(KOL, "Aarhusklyngen", "2023K3", "305"),
        "Indikatorer!G2": obs(KOL, "Aarhusklyngen", "2023K4", "310,1"),
        "Indikatorer!D3": obs(KOL, "Horsensklyngen", "2023K1", "280"),
        "Indikatorer!E3": obs(KOL, "Horsensklyngen", "2023K2", "281,5"),
        "Indikatorer!G3": obs(KOL, "Horsensklyngen", "2023K4", "279,9"),
    },
    "kommune_ark.xlsx": {
        "Indikatorer!E2": obs(RYG, "Skive Kommune", "2022", "15,9"),  # 'Skive', '15,9 pct.'
        "Indikatorer!E3": obs(OVV, "Skive Kommune", "2022", "19; kommentar 'ny metode'"),
        "Indikatorer!E4": obs(PSY, "Skive Kommune", "2022", "13,2"),  # by name; 0.132 as %
    },
    "kopieret_ark.xlsx": {
        "'Indikatorer (2)'!D2": obs(OVV, "Randersklyngen", "2022", "17,9"),
        "'Indikatorer (2)'!D3": obs(OVV, "Horsensklyngen", "2022", "18,3"),
    },
    "flettede_celler.xlsx": MERGED,
    "lo_flettede_celler.ods": MERGED,
    "lo_sumraekke.xlsx": {
        "Indikatorer!F2": obs(OVV, "Aarhusklyngen", "2023", "12; tæller 120; nævner 1.000"),
        "Indikatorer!F3": obs(OVV, "Vestklyngen", "2023", "11,3; tæller 90; nævner 800"),
        "Indikatorer!F4": obs(OVV, "Midtklyngen", "2023", "11,7; tæller 75; nævner 640"),
    },
    "indsatser_og_vurdering.xlsx": {
        "Indsatser!A4": (
            f"{RYG_GOAL} · Viborg Kommune · Rygestop på jobcentret",
            "I gang; næste milepæl 'Evaluering (2024-12-31)'; ansvarlig Sundhedsafdelingen",
        ),
        "Indsatser!A5": (f"{KOL_GOAL} · Midtklyngen · KOL-rehabilitering", "I gang"),
        # the goal cell is merged down over this row
        "Indsatser!A6": (f"{KOL_GOAL} · Midtklyngen · Opsporing i almen praksis", "Gennemført"),
        "Vurdering!A2": (f"{RYG_GOAL} · Midtklyngen · 2023", "Grøn: Vi er på sporet"),
        "Vurdering!A3": (f"{RYG_GOAL} · Vestklyngen · 2023", "Gul"),
    },
    "lo_gemt.xlsx": SAVED_BY_LIBREOFFICE,
    "lo_gemt.xlsm": SAVED_BY_LIBREOFFICE,
    "lo_gemt.ods": SAVED_BY_LIBREOFFICE,
    "lo_gemt.xls": SAVED_BY_LIBREOFFICE,
}


@pytest.mark.parametrize("name", sorted(GOOD))
def test_realistic_workbook_is_read_as_meant(catalogue_engine: Engine, name: str) -> None:
    result = _import(catalogue_engine, name)
    assert [str(e) for e in result.errors] == []
    assert result.status == "preview"
    expected = GOOD[name]
    assert {c.cell: (c.subject, c.new) for c in result.changes} == expected
    assert result.counts == {"new": len(expected), "changed": 0, "unchanged": 0, "rejected": 0}


# file → {cell: the whole Danish message}; every problem in the file, nothing more
BAD: dict[str, dict[str, str]] = {
    "fejl_blandet.xlsx": {
        "Indikatorer!B4": "Området 'Viborgg Kommune' findes ikke. Mente du 'Viborg Kommune'?",
        "Indikatorer!C5": "Perioden '2022/23' kan ikke læses. Skriv fx 2017 (år), 2017H1 (halvår), "
        "2017K2 (kvartal) eller 2017-06 (måned).",
        "Indikatorer!D6": "Værdien '315 pr. 1000' er ikke et tal. Skriv et tal som 12,5 – eller '-' "
        "hvis tallet er udeladt med vilje.",
        "Indikatorer!D7": "Værdien '<5' er ikke et tal. Skriv et tal som 12,5 – eller '-' hvis tallet "
        "er udeladt med vilje.",
        "Indikatorer!D8": "Værdien '1.234' kan betyde både 1234 (punktum som tusindtalsadskiller) og "
        "1,234 (decimaltal). Skriv 1234 uden punktum – eller 1,234 med komma, hvis det er et "
        "decimaltal.",
        "Indikatorer!D9": "PSY-01 Dårligt mentalt helbred er en procentandel, så Værdi skal ligge "
        "mellem 0 og 100, men her står 138.",
        "Indikatorer!E10": "Tæller skal være et helt tal (et antal), men her står '183,5'.",
        "Indikatorer!D12": "Værdien '2024-08-13' er ikke et tal, men en dato – Excel laver fx 13.8 "
        "om til 13. august. Formatér cellen som tal og skriv tallet med komma, fx 13,8.",
    },
    "fejl_navne.xlsx": {
        "Indikatorer!A2": "Indikatoren 'Daglige rygere' findes ikke. Mente du 'RYG-01 Daglige "
        "rygere, 16+ år'?",
        "Indikatorer!B3": "Området 'Randers' findes ikke. Mente du 'Randersklyngen' eller "
        "'Randers Kommune'?",
        "Indikatorer!D4": "Gruppen 'Alder: 65+' findes ikke. Lad cellen være tom for 'I alt', eller "
        "skriv en gruppe som fx Uddannelse: Grundskole.",
        "Indikatorer!A6": "Rækken gentager Indikatorer!A5 (samme indikator, område, periode og "
        "gruppe). Slet den ene af de to rækker.",
    },
    "lo_fejl_formel.xlsx": {
        "Indikatorer!F3": "Cellen viser fejlen #DIV/0!: formlen kan ikke regnes ud (fx division med "
        "0). Ret formlen, skriv tallet direkte – eller '-' hvis tallet er udeladt med vilje.",
        "Indikatorer!E3": "Nævner skal være større end 0, men her står '0'.",
    },
    "bredt_datoer.xlsx": {
        "Indikatorer!C1": "Datoen '2021-01-01' kan både betyde året 2021 og den første periode i "
        "2021, men KOL-01 Akutte indlæggelser blandt borgere med KOL opgøres pr. kvartal. Skriv "
        "perioden i stedet for datoen, fx 2021K1.",
        "Indikatorer!D1": "Datoen '2022-01-01' kan både betyde året 2022 og den første periode i "
        "2022, men KOL-01 Akutte indlæggelser blandt borgere med KOL opgøres pr. kvartal. Skriv "
        "perioden i stedet for datoen, fx 2022K1.",
    },
    "tekst_datoer.xlsx": {
        "Indikatorer!C5": "Datoen '01.01.2023' kan både betyde året 2023 og den første periode i "
        "2023, men KOL-01 Akutte indlæggelser blandt borgere med KOL opgøres pr. kvartal. Skriv "
        "perioden i stedet for datoen, fx 2023K1.",
    },
}
BAD["lo_fejl_formel.ods"] = BAD["lo_fejl_formel.xlsx"]
# the rows that are fine in a rejected file still show in the preview
VALID_IN_BAD = {
    "fejl_blandet.xlsx": {
        # '1.830' and '10.000' in whole-number columns can only mean 1830 and 10000
        "Indikatorer!D11": obs(OVV, "Lemvig Kommune", "2022", "18,3; tæller 1.830; nævner 10.000")
    },
    "fejl_navne.xlsx": {"Indikatorer!E5": obs(RYG, "Viborg Kommune", "2022", "14,2")},
    "lo_fejl_formel.xlsx": {
        "Indikatorer!F2": obs(OVV, "Aarhusklyngen", "2023", "12; tæller 120; nævner 1.000")
    },
    "bredt_datoer.xlsx": {
        # dates shown as years are years for a yearly indicator
        "Indikatorer!C2": obs(PSY2, "Horsensklyngen", "2021", "24,1"),
        "Indikatorer!D2": obs(PSY2, "Horsensklyngen", "2022", "25,3"),
    },
    "tekst_datoer.xlsx": {
        # dates written as text mean the period holding them, like date cells
        "Indikatorer!D2": obs(KOL, "Favrskov Kommune", "2023K1", "300,1"),  # '31.03.2023'
        "Indikatorer!D3": obs(KOL, "Favrskov Kommune", "2023K2", "299,5"),  # '2023-06-30'
        "Indikatorer!D4": obs(RYG, "Favrskov Kommune", "2021", "14,2"),  # '01-01-2021', "'14,2"
    },
}
VALID_IN_BAD["lo_fejl_formel.ods"] = VALID_IN_BAD["lo_fejl_formel.xlsx"]


@pytest.mark.parametrize("name", sorted(BAD))
def test_realistic_mistakes_are_named_by_cell(catalogue_engine: Engine, name: str) -> None:
    before = dump(catalogue_engine)
    result = import_workbook(
        engine=catalogue_engine,
        content=(REALISTIC / name).read_bytes(),
        filename=name,
        user="anna",
    )
    assert result.status == "rejected"
    assert {e.cell: e.message for e in result.errors} == BAD[name]
    assert len(result.errors) == len(BAD[name])
    assert {c.cell: (c.subject, c.new) for c in result.changes} == VALID_IN_BAD[name]
    assert dump(catalogue_engine) == before


def test_errors_show_the_value_and_header_as_written(catalogue_engine: Engine) -> None:
    errors = {e.cell: e for e in _import(catalogue_engine, "lo_fejl_formel.xlsx").errors}
    assert (errors["Indikatorer!F3"].column, errors["Indikatorer!F3"].value) == ("Værdi", "#DIV/0!")
    errors = {e.cell: e for e in _import(catalogue_engine, "fejl_blandet.xlsx").errors}
    assert (errors["Indikatorer!D8"].column, errors["Indikatorer!D8"].value) == ("Værdi", "1.234")


def test_errors_are_listed_in_reading_order(catalogue_engine: Engine) -> None:
    # the checks find them kind by kind; the list a steering group works through goes row by row
    cells = [e.cell for e in _import(catalogue_engine, "fejl_blandet.xlsx").errors]
    rows = [int("".join(ch for ch in cell.rsplit("!", 1)[1] if ch.isdigit())) for cell in cells]
    assert rows == sorted(rows) and len(rows) == 8
    assert cells[-3:] == ["Indikatorer!D9", "Indikatorer!E10", "Indikatorer!D12"]


def test_english_messages(catalogue_engine: Engine) -> None:
    errors = {
        e.cell: e.message for e in _import(catalogue_engine, "fejl_blandet.xlsx", lang="en").errors
    }
    assert errors["Indikatorer!D8"] == (
        "The value '1.234' could mean 1234 (the dot separating thousands) or 1,234 (a decimal "
        "number). Write 1234 without the dot – or 1,234 with a decimal comma if a decimal number "
        "is meant."
    )
    errors = {
        e.cell: e.message for e in _import(catalogue_engine, "lo_fejl_formel.ods", lang="en").errors
    }
    assert errors["Indikatorer!F3"].startswith("The cell shows the error #DIV/0!")


@pytest.mark.parametrize(
    ("name", "notes"),
    [
        (
            "lo_sumraekke.xlsx",
            [
                "Række 5 i 'Indikatorer' er en sumrække ('I alt' uden område og periode) og springes over."
            ],
        ),
        (
            "bredt_aar.xlsx",
            [
                # a target column is not read as values of 2025
                "Kolonnerne 'Kilde', '2025 (mål)' i 'Indikatorer' bruges ikke.",
                "Arket 'Indikatorer' har én kolonne pr. periode (2019, 2020, 2021, 2022*) og læses "
                "som 7 rækker.",
                "Række 6 i 'Indikatorer' er en sumrække ('I alt' uden område og periode) og "
                "springes over.",
            ],
        ),
        (
            "titel_og_kolonner.xlsx",
            [
                "Kolonnerne 'Kilde' i 'Indikatorer' bruges ikke.",
                # the two footnote lines under the table
                "2 rækker i 'Indikatorer' har ingen værdi og springes over (tom celle = intet "
                "indberettet).",
            ],
        ),
        (
            "kopieret_ark.xlsx",
            [
                "Arket 'Indikatorer (2)' læses som Indikatorer, fordi det har overskrifterne "
                "Indikator, Område og Periode.",
                "Arket 'Vejledning' bruges ikke og springes over.",
                "Arket 'Noter' bruges ikke og springes over.",  # the hidden 'Lister' is quiet
            ],
        ),
        (
            "udeladte_vaerdier.xlsx",
            [
                "1 rækker i 'Indikatorer' har ingen værdi og springes over (tom celle = intet indberettet)."
            ],
        ),
    ],
)
def test_the_preview_says_what_was_left_out(
    catalogue_engine: Engine, name: str, notes: list[str]
) -> None:
    assert _import(catalogue_engine, name).notes == notes


@pytest.mark.parametrize("name", ["skjulte_raekker.xlsx", "lo_skjulte_raekker.ods"])
def test_hidden_and_filtered_rows_are_read_and_named(catalogue_engine: Engine, name: str) -> None:
    # rows 2–3 (2019, 2020) are hidden by hand under an autofilter: they are data like the rest,
    # and the preview says so, so that nobody uploads rows they cannot see without knowing it
    result = _import(catalogue_engine, name)
    assert result.status == "preview" and result.counts["new"] == 4
    assert result.notes == [
        "Række 2–3 i 'Indikatorer' er skjult eller filtreret fra i regnearket, men er læst med "
        "som alle andre rækker. Slet rækkerne, hvis de ikke skal indlæses."
    ]


def test_header_row_after_title_rows(catalogue_engine: Engine) -> None:
    result = _import(catalogue_engine, "titel_og_kolonner.xlsx")
    assert [(s.name, s.layout, s.header_row, s.skipped) for s in result.sheets] == [
        ("Indikatorer", "long", 4, 2)
    ]


def test_applied_realistic_file_reads_back_unchanged(catalogue_engine: Engine) -> None:
    content = (REALISTIC / "titel_og_kolonner.xlsx").read_bytes()
    first = import_workbook(
        engine=catalogue_engine, content=content, filename="a.xlsx", user="anna"
    )
    assert first.status == "applied" and first.counts["new"] == 10
    again = import_workbook(
        engine=catalogue_engine,
        content=(REALISTIC / "lo_titel_og_kolonner.ods").read_bytes(),
        filename="a.ods",
        user="anna",
        dry_run=True,
    )
    assert again.counts == {"new": 0, "changed": 0, "unchanged": 10, "rejected": 0}


# --- the pieces -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ambiguous"),
    [
        ("1.234", True),
        ("12.345", True),
        ("-1.234", True),
        ("1.234 %", True),
        ("0.125", False),  # 0125 is no thousands group
        ("12.5", False),
        ("12.34", False),
        ("1.2345", False),
        ("1.234,5", False),
        ("1.234.567", False),
        ("1,234", False),  # a decimal comma, as Danes write it
    ],
)
def test_dot_thousands_is_ambiguous(text: str, ambiguous: bool) -> None:
    assert ambiguous_thousands(text) is ambiguous


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("13,8 pct.", 13.8),
        ("13,8 pct", 13.8),
        ("19 procent", 19.0),
        ("13,8 PCT.", 13.8),
        ("pct", None),
    ],
)
def test_percent_words(text: str, number: float | None) -> None:
    assert parse_number_text(text) == number


def test_xls_percent_cells_are_found() -> None:
    raw = read_workbook((REALISTIC / "lo_gemt.xls").read_bytes(), "x.xls", limit_bytes=10**7)
    assert raw.kind == "xls"
    assert raw.sheets[0].percent_cells == {(4, 4)}


def test_merged_cells_fill_down_their_column_only() -> None:
    raw = read_workbook(
        (REALISTIC / "flettede_celler.xlsx").read_bytes(), "m.xlsx", limit_bytes=10**7
    )
    rows = raw.sheets[0].rows()
    assert [row[0] for row in rows[3:8]] == ["KOL-01"] * 5
    assert [row[1] for row in rows[3:8]] == ["Vestklyngen"] * 3 + ["Midtklyngen"] * 2
    assert rows[0][1] in ("", None)  # the title merged across row 1 stays in A1
