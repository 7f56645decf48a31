"""Messages that mislead (issue 12, item 13): a password-protected .xls is locked, not damaged;
figures no real indicator has (a period in 1900, 1E+308 as a rate, Tæller above Nævner for a
share) are refused with a message naming the cell, what is implausible and what is expected —
while legitimate boundary values (0, the window's ends, negative changes) still pass."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest_workbook import HEADER, dump, load_catalogue_snapshot, workbook
from sqlalchemy.engine import Engine

from goals.i18n import t
from goals.spreadsheet.read import ReadError, read_workbook
from goals.workbook import import_workbook, validate
from goals.workbook.validate import check_workbook

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "make_hostile", ROOT / "tests" / "fixtures" / "hostile" / "make_hostile.py"
)
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)

EXAMPLE_XLS = ROOT / "tests" / "fixtures" / "workbooks" / "example.xls"
LIMIT = 10**8


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store with the catalogue, made by `python -m goals init`."""
    path = tmp_path_factory.mktemp("db") / "goals.db"
    done = _goals(path, "init")
    assert done.returncode == 0, done.stderr
    return path


def _goals(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "goals", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "GOALS_DATABASE_URL": f"sqlite:///{db}"},
        timeout=300,
    )


def _store_bytes(db: Path) -> dict[str, bytes]:
    """The SQLite store's files (database, and its journal if any), byte for byte."""
    return {p.name: p.read_bytes() for p in sorted(db.parent.glob(db.name + "*"))}


def _import_json(db: Path, path: Path) -> dict:
    """`python -m goals import PATH --json`: refused, so exit status 1 and the JSON contract."""
    done = _goals(db, "import", str(path), "--json")
    assert done.returncode == 1, (done.returncode, done.stdout[-2000:], done.stderr[-2000:])
    assert "Traceback" not in done.stdout + done.stderr
    payload = json.loads(done.stdout)
    assert list(payload) == ["status", "counts", "errors", "upload_id"]
    assert payload["status"] == "rejected" and payload["upload_id"] is None
    for error in payload["errors"]:
        assert set(error) == {"sheet", "cell", "column", "value", "message"}
    return payload


# --- a password-protected .xls ---------------------------------------------------------------


def test_a_password_protected_xls_is_locked_not_damaged() -> None:
    with pytest.raises(ReadError) as info:
        read_workbook(hostile.password_xls(EXAMPLE_XLS.read_bytes()), "x.xls", limit_bytes=LIMIT)
    assert info.value.key == "workbook.file.encrypted"  # was workbook.file.corrupt
    assert "Filer → Info → Beskyt projektmappe" in t(info.value.key, "da")
    assert "File → Info → Protect Workbook" in t(info.value.key, "en")


def test_the_fresh_container_alone_reads_like_the_original() -> None:
    # the control: the generator's OLE container is sound, only FILEPASS makes the difference
    original = read_workbook(EXAMPLE_XLS.read_bytes(), "x.xls", limit_bytes=LIMIT)
    copy = read_workbook(
        hostile.xls_in_fresh_container(EXAMPLE_XLS.read_bytes()), "x.xls", limit_bytes=LIMIT
    )
    assert [(s.name, s.rows(), s.percent_cells) for s in copy.sheets] == [
        (s.name, s.rows(), s.percent_cells) for s in original.sheets
    ]


def test_a_password_protected_xls_answers_the_json_contract(database: Path, tmp_path: Path) -> None:
    path = tmp_path / "låst.xls"
    path.write_bytes(hostile.password_xls(EXAMPLE_XLS.read_bytes()))
    before = _store_bytes(database)
    payload = _import_json(database, path)
    [error] = payload["errors"]
    assert error["cell"] == ""  # the whole file
    assert "beskyttet med en adgangskode" in error["message"]
    assert "beskadiget" not in error["message"]
    assert _store_bytes(database) == before


# --- the rules and their limits --------------------------------------------------------------


def test_the_period_window() -> None:
    assert validate.PERIOD_WINDOW == (1990, 1)
    assert validate.period_window(dt.date(2026, 12, 31)) == (1990, 2027)
    assert validate.period_window()[1] == dt.date.today().year + 1
    assert validate.VALUE_MAX_ABS == 1e12 and validate.RATE_MAX_EVENTS == 1000


@pytest.mark.parametrize(
    ("unit", "count"),
    [
        ("antal", True),
        ("Antal indlæggelser", True),
        ("number of admissions", True),
        ("antallet", False),
        ("%", False),
        ("procentpoint", False),
        ("pr. 1.000 borgere med KOL", False),
        ("dage", False),
        ("", False),
    ],
)
def test_count_units(unit: str, count: bool) -> None:
    assert validate.is_count_unit(unit) is count


# --- implausible figures ---------------------------------------------------------------------


def test_implausible_figures_are_refused_cell_by_cell(catalogue_engine: Engine) -> None:
    before = dump(catalogue_engine)
    result = import_workbook(
        engine=catalogue_engine,
        content=hostile.implausible_workbook(),
        filename="implausible.xlsx",
        user="tester",
    )
    assert result.status == "rejected" and result.upload_id is None
    found = {p.cell: p for p in result.errors}
    assert set(found) == set(hostile.IMPLAUSIBLE_CELLS), [str(p) for p in result.errors]
    for cell, text in hostile.IMPLAUSIBLE_CELLS.items():
        assert text in found[cell].message, (cell, found[cell].message)
        assert found[cell].sheet == "Indikatorer" and found[cell].column
    # the legitimate rows (window ends, 0 and 100 %, the largest rate, more admissions than
    # persons for a rate) are counted as new; only the implausible ones are rejected
    assert result.counts["new"] == 5 and result.counts["rejected"] == 10
    year = dt.date.today().year
    window = f"fra 1990 til og med {year + 1}"
    for cell in ("Indikatorer!C2", "Indikatorer!C3", "Indikatorer!C4"):
        assert window in found[cell].message
    assert found["Indikatorer!C4"].value == str(year + 2)
    assert "over 1.000 hændelser pr. person" in found["Indikatorer!E5"].message
    assert found["Indikatorer!E5"].column == "Værdi"
    assert found["Indikatorer!F10"].column == "Tæller"
    assert dump(catalogue_engine) == before


def test_implausible_figures_in_english(catalogue_engine: Engine) -> None:
    result = import_workbook(
        engine=catalogue_engine,
        content=hostile.implausible_workbook(),
        filename="implausible.xlsx",
        user="tester",
        lang="en",
    )
    messages = {p.cell: p.message for p in result.errors}
    assert messages["Indikatorer!C2"].startswith("The period '1900' cannot be right")
    assert f"from 1990 up to and including {dt.date.today().year + 1}" in messages["Indikatorer!C2"]
    assert (
        "is measured per 1,000 citizens with COPD, so Værdi must be between 0 and 1,000,000"
        in messages["Indikatorer!E5"]
    )
    assert (
        "the numerator (50) cannot be larger than the denominator (40)"
        in messages["Indikatorer!F9"]
    )
    assert "no indicator figure is larger than 1,000,000,000,000" in messages["Indikatorer!F10"]


def test_a_wide_period_header_is_named_once(catalogue_engine: Engine) -> None:
    result = import_workbook(
        engine=catalogue_engine,
        content=hostile.implausible_wide_workbook(),
        filename="wide.xlsx",
        user="tester",
        dry_run=True,
    )
    [problem] = result.errors
    assert problem.cell == "Indikatorer!D1"
    assert "Perioden '1985' kan ikke passe" in problem.message
    assert result.counts["rejected"] == 3


def test_implausible_figures_answer_the_json_contract(database: Path, tmp_path: Path) -> None:
    path = tmp_path / "implausible.xlsx"
    path.write_bytes(hostile.implausible_workbook())
    before = _store_bytes(database)
    payload = _import_json(database, path)
    assert {e["cell"] for e in payload["errors"]} == set(hostile.IMPLAUSIBLE_CELLS)
    assert payload["counts"]["rejected"] == 10
    assert _store_bytes(database) == before


def test_a_huge_count_no_longer_crashes(catalogue_engine: Engine) -> None:
    # 1E+308 in Tæller used to pass the whole-number check and then fail converting to the
    # store's integer column (TypeError)
    content = workbook([["RYG-01", "Midtklyngen", 2021, "I alt", 12.5, 1e308, 40, None]])
    result = import_workbook(
        engine=catalogue_engine, content=content, filename="x.xlsx", user="t", dry_run=True
    )
    assert [p.cell for p in result.errors] == ["Indikatorer!F2"]


def test_counts_and_other_units(catalogue_engine: Engine) -> None:
    # one indicator counted ('antal'), one measured in procentpoint (a change, may be negative)
    cat = load_catalogue_snapshot(catalogue_engine)
    by_code = {i.code: i for i in cat.indicators.values()}
    by_code["PSY-02"].unit = "antal"
    by_code["DIA-02"].unit = "procentpoint"
    rows = [
        ["PSY-02", "Midtklyngen", 2021, "I alt", -1, None, None, None],  # refused
        ["PSY-02", "Vestklyngen", 2021, "I alt", 0, None, None, None],
        ["PSY-02", "Aarhusklyngen", 2021, "I alt", 2_000_000, None, None, None],
        ["DIA-02", "Midtklyngen", 2021, "I alt", -3.5, None, None, None],
        ["DIA-02", "Vestklyngen", 2021, "I alt", "-1.000.000.000.001", None, None, None],
        ["DIA-02", "Aarhusklyngen", 2021, "I alt", 1e12, None, None, None],
    ]
    raw = read_workbook(workbook(rows), "x.xlsx", limit_bytes=LIMIT)
    parsed = check_workbook(raw, cat)
    found = {p.cell: p.message for p in parsed.problems}
    assert set(found) == {"Indikatorer!E2", "Indikatorer!E6"}, found
    assert (
        "er et antal (antal), så Værdi kan ikke være negativ, men her står -1"
        in found["Indikatorer!E2"]
    )
    assert (
        "Værdi er -1.000.000.000.001, men intet indikatortal er større end"
        in found["Indikatorer!E6"]
    )
    assert "(eller mindre end −1.000.000.000.000)" in found["Indikatorer!E6"]


def test_legitimate_real_data_still_passes(catalogue_engine: Engine) -> None:
    # the example workbook and a value 0, a 0 numerator and a rate with more events than
    # persons: nothing refused
    rows = [
        ["RYG-01", "Midtklyngen", 2021, "I alt", 0, 0, 120, None],
        ["KOL-01", "Midtklyngen", "2021K1", "I alt", 1250.5, 2501, 2000, None],
        ["KOL-01", "Vestklyngen", "2021K1", "I alt", 0, 0, 2000, None],
    ]
    assert HEADER[5:7] == ["Tæller", "Nævner"]
    result = import_workbook(
        engine=catalogue_engine, content=workbook(rows), filename="x.xlsx", user="t", dry_run=True
    )
    assert result.errors == [], [str(p) for p in result.errors]
    example = import_workbook(
        engine=catalogue_engine,
        content=(ROOT / "tests" / "fixtures" / "statusark_voksne_2022.xlsx").read_bytes(),
        filename="s.xlsx",
        user="t",
        dry_run=True,
    )
    assert example.errors == [], [str(p) for p in example.errors]
