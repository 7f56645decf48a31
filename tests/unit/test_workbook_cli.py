"""The workbook subcommands: exit codes, the exact --json shape, no tracebacks, docs coverage."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest_workbook import FIXTURES, WORKBOOKS

from goals import catalogue, store
from goals.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str) -> int:
    # through the one entry point, whose table turns refusals into exit codes (goals.cli.common)
    return main(list(argv))


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path}/goals.db"
    monkeypatch.setenv("GOALS_DATABASE_URL", url)
    engine = store.open_store(url)
    with store.write_session(engine) as session:
        catalogue.load_catalogue(session=session)
    yield url
    store._engines.pop(url, None)
    engine.dispose()


def test_import_json_and_exit_codes(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    example = str(FIXTURES / "statusark_voksne_2022.xlsx")
    assert run("import", example, "--dry-run", "--json") == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload == {
        "status": "preview",
        "counts": {"new": 15, "changed": 0, "unchanged": 0, "rejected": 0},
        "errors": [],
        "upload_id": None,
    }
    assert run("import", example, "--json", "--user", "anna") == 0
    payload = json.loads(capsys.readouterr().out)
    assert (payload["status"], payload["upload_id"]) == ("applied", 1)
    assert run("import", str(WORKBOOKS / "unknown_names.xlsx"), "--json") == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["status"] == "rejected"
    assert list(payload) == ["status", "counts", "errors", "upload_id"]
    assert payload["errors"][0] == {
        "sheet": "Indikatorer",
        "cell": "Indikatorer!A2",
        "column": "Indikator",
        "value": "KOL-1O",
        "message": payload["errors"][0]["message"],
    }


def test_import_prints_a_readable_summary(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("import", str(WORKBOOKS / "text_values.xlsx")) == 1
    out = capsys.readouterr().out
    assert "Indikatorer!E2: Værdien '12,5x' er ikke et tal." in out
    assert run("import", str(FIXTURES / "statusark_voksne_2022.xlsx"), "--user", "anna") == 0
    out = capsys.readouterr().out
    assert "Indlæst som nr. 1" in out and "Indikatorer: 11 nye" in out


def test_uploads_and_rollback(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("uploads") == 0
    assert "Ingen indlæsninger" in capsys.readouterr().out
    run("import", str(FIXTURES / "statusark_voksne_2022.xlsx"), "--user", "anna")
    capsys.readouterr()
    assert run("uploads", "--json") == 0
    [upload] = json.loads(capsys.readouterr().out)
    assert (upload["id"], upload["user"], upload["state"]) == (1, "anna", "applied")
    assert run("rollback", "1", "--user", "bo") == 0
    assert "rullet tilbage" in capsys.readouterr().out
    assert run("rollback", "1") == 1
    assert "allerede rullet tilbage" in capsys.readouterr().err


def test_template_and_export(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "skabelon.xlsx"
    assert run("template", str(out), "--steering-group", "VOKSNE") == 0
    assert out.stat().st_size > 0
    assert run("template", str(out), "--steering-group", "NOPE") == 1
    assert "findes ikke" in capsys.readouterr().err
    run("import", str(FIXTURES / "statusark_voksne_2022.xlsx"))
    exported = tmp_path / "eksport.xlsx"
    assert run("export", str(exported)) == 0
    capsys.readouterr()
    assert run("import", str(exported), "--dry-run", "--json") == 0
    assert json.loads(capsys.readouterr().out)["counts"]["unchanged"] == 15


def test_store_error_is_one_sentence_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GOALS_DATABASE_URL", "mysql://nobody@nowhere/db")
    assert run("uploads") == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("Error: GOALS_DATABASE_URL names the database type 'mysql'")
    assert "Traceback" not in err


def test_missing_file(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("import", "/nowhere/statusark.xlsx", "--json") == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["status"] == "rejected" and "findes ikke" in payload["errors"][0]["message"]


@pytest.mark.parametrize(
    "name", ["truncated.xlsx", "password.xlsx", "wrong_type.csv", "corrupt.xlsx"]
)
def test_a_bad_file_never_prints_a_traceback(database: str, name: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "goals", "import", str(WORKBOOKS / name)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "GOALS_DATABASE_URL": database},
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert "Filen er ikke indlæst" in done.stdout


def test_every_subcommand_is_documented() -> None:
    docs = (ROOT / "docs" / "workbook.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    for name, subparser in sub.choices.items():
        if not (subparser.get_default("run") or "").startswith("workbook:"):
            continue
        assert f"python -m goals {name}" in docs, name
        for action in subparser._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in docs, (name, option)
    assert "GOALS_UPLOAD_LIMIT_MB" in docs


def test_the_same_key_on_two_sheets_exits_1_rejected(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    for i, name in enumerate(("Indikatorer", "Indicators")):
        ws = book.active if i == 0 else book.create_sheet(name)
        ws.title = name
        ws.append(["Indikator", "Område", "Periode", "Værdi"])
        ws.append(["RYG-01", "Midtklyngen", 2021, 13.8 + i])
    path = tmp_path / "twice.xlsx"
    book.save(path)
    assert run("import", str(path), "--json", "--user", "anna") == 1
    payload = json.loads(capsys.readouterr().out)
    assert (payload["status"], payload["upload_id"]) == ("rejected", None)
    assert [e["cell"] for e in payload["errors"]] == ["Indicators!A2"]
    assert "Indikatorer!A2" in payload["errors"][0]["message"]
