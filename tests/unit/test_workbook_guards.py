"""The reader's guards against hostile and unusual workbooks: a far cell must be refused before
python-calamine tries to allocate the grid (it aborts the process), and Strict Open XML must
be read exactly like transitional Open XML."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goals.i18n import t
from goals.spreadsheet import read as read_module
from goals.spreadsheet.read import ReadError, read_workbook

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "make_hostile", ROOT / "tests" / "fixtures" / "hostile" / "make_hostile.py"
)
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)

LIMIT = 10**8


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('db')}/goals.db"
    done = subprocess.run(
        [sys.executable, "-m", "goals", "init"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "GOALS_DATABASE_URL": url},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return url


def _import(database: str, path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """`python -m goals import PATH --json` in its own process: an abort cannot kill pytest."""
    return subprocess.run(
        [sys.executable, "-m", "goals", "import", str(path), "--json", *extra],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "GOALS_DATABASE_URL": database},
        timeout=300,
    )


# --- far cells -------------------------------------------------------------------------------

FAR_FILES = {
    "far_cell.xlsx": lambda: hostile.far_cell_xlsx(),
    "far_cell_lying_dimension.xlsx": lambda: hostile.far_cell_lying_xlsx(),
    "far_cell_no_refs.xlsx": lambda: hostile.far_cell_lying_xlsx(drop_refs=True),
    "far_cell.ods": lambda: hostile.far_cell_ods(),
    "far_cell.xls": lambda: hostile.far_cell_xls(
        (ROOT / "tests" / "fixtures" / "workbooks" / "example.xls").read_bytes()
    ),
}


@pytest.mark.parametrize("name", sorted(FAR_FILES))
def test_a_far_cell_is_a_workbook_error_not_a_crash(
    database: str, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(FAR_FILES[name]())
    assert path.stat().st_size < 50_000
    done = _import(database, path)
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stdout + done.stderr
    payload = json.loads(done.stdout)
    assert list(payload) == ["status", "counts", "errors", "upload_id"]
    assert payload["status"] == "rejected" and payload["upload_id"] is None
    [error] = payload["errors"]
    assert set(error) == {"sheet", "cell", "column", "value", "message"}
    message = error["message"]
    far = "CRXP65536" if name.endswith(".xls") else "XFD1048576"  # BIFF allows column 65,536
    assert f"Arket 'Indikatorer' har en værdi i celle {far}" in message
    assert "20.000.000 celler" in message


def test_the_far_cell_message_in_both_languages() -> None:
    with pytest.raises(ReadError) as info:
        read_workbook(hostile.far_cell_xlsx("Z1048576"), "x.xlsx", limit_bytes=LIMIT)
    assert info.value.key == "workbook.file.far_cell"
    assert info.value.values["cell"] == "Z1048576"
    assert info.value.values["cells"] == "27.262.976"
    assert "celle Z1048576" in t(info.value.key, "da", **info.value.values)
    assert "cell Z1048576" in t(info.value.key, "en", **info.value.values)


@pytest.mark.parametrize(
    ("cell", "allowed"),
    [
        ("S1048576", True),  # 1,048,576 rows × 19 columns = 19.9 million cells
        ("GR100000", True),  # 100,000 rows × 200 columns = 20 million cells
        ("GS100000", False),  # one column more
        ("T1048576", False),
        ("XFD1", True),  # one full-width row
        ("Z769230", True),  # 26 columns × 769,230 rows = 19,999,980 cells
        ("Z769231", False),  # one row more: a one-letter column with a six-digit row
    ],
)
def test_the_limit_is_in_cells(cell: str, allowed: bool) -> None:
    content = hostile.far_cell_xlsx(cell)
    if allowed:
        archive = read_module._open_zip(content, LIMIT)
        read_module._check_extent(archive, "xlsx")  # no need to read the whole grid here
    else:
        with pytest.raises(ReadError) as info:
            read_workbook(content, "x.xlsx", limit_bytes=LIMIT)
        assert info.value.values["cell"] == cell


def test_a_legitimate_long_sheet_is_still_read() -> None:
    raw = read_workbook(hostile.far_cell_xlsx("F200000"), "x.xlsx", limit_bytes=LIMIT)
    rows = raw.sheets[0].rows()
    assert len(rows) == 200_000 and rows[-1][5] == "x"


def test_empty_styled_cells_and_lying_dimensions_do_not_count() -> None:
    # python-calamine sizes its grid from cells with content: a formatted empty far cell, an
    # empty far row or a <dimension> claiming the whole sheet is harmless and is read.
    def edit(data: bytes) -> bytes:
        data = data.replace(b'<dimension ref="A1:F2"/>', b'<dimension ref="A1:XFD1048576"/>')
        return data.replace(
            b"</sheetData>",
            b'<row r="1048575" ht="30" customHeight="1"/>'
            b'<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>',
        )

    content = hostile._rewrite(hostile.far_cell_xlsx("F2"), {"xl/worksheets/sheet1.xml": edit})
    raw = read_workbook(content, "x.xlsx", limit_bytes=LIMIT)
    assert len(raw.sheets[0].rows()) == 2


def test_a_repeated_ods_value_counts_every_cell() -> None:
    with pytest.raises(ReadError) as info:
        read_workbook(hostile.repeated_value_ods(), "x.ods", limit_bytes=LIMIT)
    assert info.value.key == "workbook.file.far_cell"
    # LibreOffice's blank rest of the sheet (repeated empty cells) is not content
    raw = read_workbook(hostile.lo_tail_ods(), "x.ods", limit_bytes=LIMIT)
    assert raw.sheets[0].rows()[1][:2] == ["RYG-01", "Midtklyngen"]


# --- Strict Open XML -------------------------------------------------------------------------


def _sheet_facts(content: bytes) -> list[tuple[object, ...]]:
    raw = read_workbook(content, "status.xlsx", limit_bytes=LIMIT)
    return [
        (s.name, s.hidden, s.rows(), s.percent_cells, s.formula_cells, s.error_cells,
         s.hidden_rows)
        for s in raw.sheets
    ]  # fmt: skip


def test_strict_is_really_strict() -> None:
    import io
    import zipfile

    strict = zipfile.ZipFile(io.BytesIO(hostile.to_strict(hostile.status_workbook())))
    text = b"".join(strict.read(n) for n in strict.namelist())
    assert b"schemas.openxmlformats.org/spreadsheetml" not in text
    assert b"schemas.openxmlformats.org/officeDocument" not in text
    assert b'conformance="strict"' in strict.read("xl/workbook.xml")


def test_strict_reads_like_transitional() -> None:
    transitional = hostile.status_workbook()
    facts = _sheet_facts(transitional)
    [(_name, _hidden, rows, percent, formulas, _errors, hidden_rows)] = facts
    assert rows[1][4] == 0.175 and percent == {(1, 4)}  # 17,5 %
    assert formulas == {(3, 4)}
    assert hidden_rows == {4}
    assert _sheet_facts(hostile.to_strict(transitional)) == facts


def test_strict_imports_like_transitional(database: str, tmp_path: Path) -> None:
    transitional = tmp_path / "transitional.xlsx"
    transitional.write_bytes(hostile.status_workbook())
    strict = tmp_path / "strict.xlsx"
    strict.write_bytes(hostile.to_strict(hostile.status_workbook()))
    results = [json.loads(_import(database, p, "--dry-run").stdout) for p in (transitional, strict)]
    assert results[0] == results[1]
    # the percent value passed Nedre ≤ Værdi ≤ Øvre; only the formula is an error
    assert results[0]["counts"] == {"new": 3, "changed": 0, "unchanged": 0, "rejected": 1}
    assert [e["cell"] for e in results[0]["errors"]] == ["Indikatorer!E4"]


# The fast measurement (one pass over the unusual cells, the rest bounded by A1:Z99999) must
# never let through a sheet the exact walk refuses.
@settings(max_examples=200, deadline=None)
@given(
    cells=st.lists(
        st.tuples(
            st.one_of(st.integers(0, 99_998), st.integers(99_999, 1_200_000)),
            st.one_of(st.integers(0, 25), st.integers(26, 20_000)),
            st.sampled_from(["", "$", "lower"]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_the_fast_extent_agrees_with_the_exact_walk(cells: list[tuple[int, int, str]]) -> None:
    from goals.spreadsheet.read import (
        MAX_SHEET_CELLS,
        _positioned_cells,
        _xlsx_extent,
        column_letters,
    )

    def ref(row: int, col: int, style: str) -> str:
        letters = column_letters(col)
        if style == "lower":
            letters = letters.lower()
        dollar = "$" if style == "$" else ""
        return f"{dollar}{letters}{dollar}{row + 1}"

    xml = "".join(f'<row r="{r + 1}"><c r="{ref(r, c, s)}"><v>1</v></c></row>' for r, c, s in cells)
    data = f"<worksheet><sheetData>{xml}</sheetData></worksheet>".encode()
    exact = _positioned_cells(data)
    over = max((r + 1) for r, _ in exact) * max((c + 1) for _, c in exact) > MAX_SHEET_CELLS
    rows, columns, _far = _xlsx_extent(data)
    assert (rows * columns > MAX_SHEET_CELLS) == over
