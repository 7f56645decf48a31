"""Issue 12's contract, checked over a corpus of hostile and odd workbooks through the real
command line (`python -m goals import FILE --json`, one process per file): no input kills the
process, prints a traceback or answers outside the JSON contract; every refused file leaves the
store byte-identical; cross-sheet duplicates are refused; Strict and transitional files give the
same values; and text with control characters never breaks `goals export`.

The corpus is generated (tests/fixtures/hostile/make_hostile.py) plus the hand-made files in
tests/fixtures/workbooks.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "hostile"))
import make_hostile

WORKBOOKS = ROOT / "tests" / "fixtures" / "workbooks"
GENERATED = make_hostile.corpus()
HAND_MADE = sorted(p.name for p in WORKBOOKS.iterdir() if p.is_file())
CONTRACT = {"status", "counts", "errors", "upload_id"}
COUNTS = {"new", "changed", "unchanged", "rejected"}
ERROR = {"sheet", "cell", "column", "value", "message"}


@pytest.fixture(scope="module")
def store_file(tmp_path_factory, catalogue_template) -> Path:
    return Path(catalogue_template["sqlite"])


def goals(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "GOALS_DATABASE_URL": f"sqlite:///{db}", "PYTHONFAULTHANDLER": "1"}
    return subprocess.run(
        [sys.executable, "-m", "goals", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )


def check_contract(done: subprocess.CompletedProcess) -> dict:
    assert done.returncode in (0, 1), (done.returncode, done.stderr[-2000:])  # not -6 (abort)
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout, done.stderr
    payload = json.loads(done.stdout)  # exactly one JSON document
    assert set(payload) == CONTRACT
    assert set(payload["counts"]) == COUNTS
    assert all(set(e) == ERROR and e["message"] for e in payload["errors"])
    assert payload["status"] in ("applied", "rejected")
    assert (payload["status"] == "rejected") == (done.returncode == 1)
    if payload["status"] == "rejected":
        assert payload["errors"] and payload["upload_id"] is None
    return payload


EXPECTED_REFUSALS = {
    "far_cell.xlsx": "XFD1048576",
    "far_cell.ods": "",
    "far_cell.xls": "",
    "copied_sheet.xlsx": "Indikatorer (2)",
    "copied_sheet_english.xlsx": "Indicators",
    "implausible.xlsx": "",
    "implausible_wide.xlsx": "",
    "many_members.xlsx": "10.000",
    "zip_bomb.xlsx": "MB",
    "password.xls": "adgangskode",
    "random.xlsx": "",
    "empty.xlsx": "",
    "pdf.xlsx": "",
    "html.xls": "",
    "truncated_zip.xlsx": "",
}


def _sweep_one(name: str, template: Path, folder: Path) -> str | None:
    """Import one file in its own process; None when every promise held, else what broke."""
    folder.mkdir()
    db = folder / "store.db"
    shutil.copy(template, db)
    path = folder / Path(name).name
    if name.startswith("workbooks/"):
        shutil.copy(WORKBOOKS / Path(name).name, path)
    else:
        path.write_bytes(GENERATED[name])
    before = db.read_bytes()
    try:
        payload = check_contract(goals(db, "import", str(path), "--json", "--user", "test"))
        if name in EXPECTED_REFUSALS:  # refused, with a message that names what is wrong
            text = " ".join(f"{e['cell']} {e['message']}" for e in payload["errors"])
            assert payload["status"] == "rejected", payload
            assert EXPECTED_REFUSALS[name] in text, text
        if payload["status"] == "rejected":
            assert db.read_bytes() == before, "a refused file changed the store"
        else:
            # whatever was stored can be exported (control characters included) and read back
            out = folder / "export.xlsx"
            done = goals(db, "export", str(out))
            assert done.returncode == 0, done.stderr
            load_workbook(out)
    except (AssertionError, json.JSONDecodeError) as exc:
        return f"{name}: {exc}"
    return None


def test_any_file_answers_the_contract_and_a_refusal_changes_nothing(store_file, tmp_path):
    # one process per file (a crash must not hide behind another file), three at a time
    names = sorted(GENERATED) + [f"workbooks/{n}" for n in HAND_MADE]
    with ThreadPoolExecutor(max_workers=3) as pool:
        broken = pool.map(
            lambda item: _sweep_one(item[1], store_file, tmp_path / f"f{item[0]}"),
            enumerate(names),
        )
        problems = [b for b in broken if b]
    assert not problems, "\n".join(problems)
    assert len(names) >= 40


def test_strict_and_transitional_answer_the_same(store_file, tmp_path):
    # the file has a percent cell, a formula without a cached value and a hidden row: Strict
    # must be read with its number formats and checks, exactly like transitional
    answers = []
    for name in ("status_transitional.xlsx", "status_strict.xlsx"):
        db = tmp_path / f"{name}.db"
        shutil.copy(store_file, db)
        path = tmp_path / name
        path.write_bytes(GENERATED[name])
        answers.append(check_contract(goals(db, "import", str(path), "--json", "--user", "t")))
    assert answers[0] == answers[1]
    assert any("formel" in e["message"].lower() for e in answers[0]["errors"])


def test_control_characters_are_cleaned_and_export_works(store_file, tmp_path):
    db = tmp_path / "store.db"
    shutil.copy(store_file, db)
    path = tmp_path / "control.xlsx"
    path.write_bytes(GENERATED["control_characters.xlsx"])
    payload = check_contract(goals(db, "import", str(path), "--json", "--user", "t"))
    assert payload["status"] == "applied", payload["errors"]
    out = tmp_path / "export.xlsx"
    assert goals(db, "export", str(out)).returncode == 0
    notes = [row[-1] for row in load_workbook(out)["Indikatorer"].iter_rows(values_only=True)]
    assert "linje et\nlinje to" in notes or "linje et linje to" in notes, notes
    assert not any(isinstance(n, str) and any(ord(c) < 32 and c not in "\n\t" for c in n)
                   for n in notes)  # fmt: skip
