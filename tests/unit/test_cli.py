"""python -m goals: init, demo, --help and one-sentence errors (never a traceback)."""

import os
import subprocess
import sys

import pytest

from goals import store
from goals.cli import main
from tests.conftest import ROOT


def run_cli(*args: str, url: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GOALS_DATABASE_URL"}
    if url is not None:
        env["GOALS_DATABASE_URL"] = url
    return subprocess.run(
        [sys.executable, "-m", "goals", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_help_lists_the_commands():
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("init", "demo"):
        assert command in result.stdout


def test_init_creates_then_upgrades_idempotently(store_url, capsys, monkeypatch):
    monkeypatch.setenv("GOALS_DATABASE_URL", store_url)
    assert main(["init"]) == 0
    assert "added" in capsys.readouterr().out
    store.dispose_engines()
    assert main(["init"]) == 0
    assert "already up to date" in capsys.readouterr().out


@pytest.mark.parametrize(
    "url",
    [
        "nonsense",
        "postgresql://goals:hemmelig@127.0.0.1:1/goals",
        "sqlite:////proc/goals-cli/goals.db",
    ],
)
def test_bad_database_url_one_sentence_no_traceback(url):
    result = run_cli("init", url=url)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert "hemmelig" not in result.stderr


def test_newer_database_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'newer.db'}"
    assert run_cli("init", url=url).returncode == 0
    import sqlite3

    with sqlite3.connect(tmp_path / "newer.db") as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff'")
    result = run_cli("init", url=url)
    assert result.returncode == 2
    assert "newer version of Målbillede" in result.stderr
    assert "Traceback" not in result.stderr


# --- one parser, handlers loaded when their command runs -----------------------------------------


def _subcommands(parser) -> list:
    import argparse

    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found.append(sub)
                found += _subcommands(sub)
    return found


def test_every_command_names_a_handler_that_exists():
    import importlib

    from goals.cli.parser import build_parser

    runs = {sub.get_default("run") for sub in _subcommands(build_parser())} - {None}
    # 13, the ten meeting commands, profile, workplan, economy, pool, organisation, membership
    # (join and leave share one handler) and suppression
    assert len(runs) == 30
    for run in runs:
        module, function = run.split(":")
        assert callable(getattr(importlib.import_module(f"goals.cli.{module}"), function)), run


def test_every_refusal_names_an_exception_class_that_exists():
    import importlib

    from goals.cli.common import REFUSALS

    for module, name, code in REFUSALS:
        kind = getattr(importlib.import_module(module), name)
        assert issubclass(kind, Exception) and code in (1, 2), (module, name)


def test_the_parser_knows_the_stores_roles():
    from goals.cli.parser import ROLES
    from goals.store.model import Role

    assert set(ROLES) == {r.value for r in Role}


def test_a_command_loads_only_what_it_uses(tmp_path):
    """`import` never loads the deck, pptx, plotly, streamlit or openpyxl (a fast start)."""
    url = f"sqlite:///{tmp_path / 'g.db'}"
    code = (
        "import sys; from goals.cli import main; "
        f"rc = main(['import', '--dry-run', '--json', {str(ROOT / 'tests' / 'fixtures' / 'statusark_voksne_2022.xlsx')!r}]); "
        "print(sorted(m for m in ('goals.present', 'pptx', 'plotly', 'streamlit', 'openpyxl') "
        "if m in sys.modules))"
    )
    assert run_cli("init", url=url).returncode == 0
    env = {**os.environ, "GOALS_DATABASE_URL": url}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout + result.stderr


def test_the_import_command_starts_reading_before_the_pipeline_loads():
    """`goals import` reads the file in a background thread while SQLAlchemy, SQLModel and
    pandas load (goals.spreadsheet.read.read_ahead): its module must not load them itself."""
    code = (
        "import sys, goals.cli.workbook; "
        "print(sorted(m for m in ('pandas', 'sqlalchemy', 'sqlmodel') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "[]", result.stdout + result.stderr


def test_the_meeting_contract(tmp_path):
    """The meeting commands as other tools call them: ids, JSON keys, the same bytes from a
    frozen meeting, and exit codes (1 a refused request, 2 no such meeting)."""
    import json

    url = f"sqlite:///{tmp_path / 'm.db'}"
    assert run_cli("demo", url=url).returncode == 0
    created = run_cli(
        "meeting", "create", "--title", "Juni", "--date", "2026-06-18", "--json", url=url
    )
    assert created.returncode == 0, created.stderr
    meeting = json.loads(created.stdout)
    assert meeting["id"] == 1 and meeting["forum"] == "direktoerforum" and not meeting["frozen"]
    edited = run_cli(
        "meeting", "edit", "1", "--title", "Direktørforum juni", "--cluster", "Midtklyngen",
        "--json", url=url,
    )  # fmt: skip
    assert json.loads(edited.stdout)["agenda"]["clusters"] == ["MIDT"], edited.stderr
    status = run_cli("status", "--json", url=url).stdout
    assert run_cli("meeting", "freeze", "1", url=url).returncode == 0
    assert run_cli("status", "--meeting", "1", "--json", url=url).stdout == status
    changes = json.loads(run_cli("meeting", "changes", "1", "--json", url=url).stdout)
    assert set(changes) >= {"meeting", "changed", "revised_values"} and changes["meeting"] == 1
    assert run_cli("meeting", "edit", "1", "--title", "Andet", url=url).returncode == 1
    again = run_cli("meeting", "freeze", "1", url=url)
    assert again.returncode == 1 and "kan ikke fastfryses igen" in again.stderr
    missing = run_cli("meeting", "changes", "7", url=url)
    assert missing.returncode == 2 and "intet møde nr. 7" in missing.stderr
    bad = run_cli("meeting", "create", "--title", "X", "--date", "juni", url=url)
    assert bad.returncode == 1 and "ÅÅÅÅ-MM-DD" in bad.stderr and "Traceback" not in bad.stderr
    out = tmp_path / "s.pdf"
    assert run_cli("meeting", "summary", "1", str(out), url=url).returncode == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_the_profile_contract(tmp_path):
    import json

    url = f"sqlite:///{tmp_path / 'p.db'}"
    assert run_cli("demo", url=url).returncode == 0
    shown = run_cli("profile", "Midtklyngen", "--json", url=url)
    assert shown.returncode == 0, shown.stderr
    profile = json.loads(shown.stdout)
    assert set(profile) == {"cluster", "name", "members", "key_figures", "sections"}
    assert set(profile["sections"]) == {"tilbud", "ressourcer", "udfordringer"}
    assert {"code", "name", "kind"} == set(profile["members"][0])
    missing = run_cli("profile", "Atlantis", url=url)
    assert missing.returncode == 2 and "ikke en klynge" in missing.stderr


def test_the_workplan_economy_and_pool_contracts(tmp_path):
    import json

    url = f"sqlite:///{tmp_path / 'w.db'}"
    assert run_cli("demo", url=url).returncode == 0
    shown = run_cli("workplan", "--cluster", "MIDT", "--track", "KOL", "--json", url=url)
    assert shown.returncode == 0, shown.stderr
    rows = json.loads(shown.stdout)
    assert rows and all(
        list(r)
        == ["goal", "initiative", "area", "status", "start", "end", "next_milestone",
            "milestone_date", "responsible", "budget", "spent", "overdue", "over_budget"]
        for r in rows
    )  # fmt: skip
    assert {r["goal"][:3] for r in rows} == {"KOL"}
    for r in rows:
        for key in ("start", "end", "milestone_date"):
            assert r[key] is None or (len(r[key]) == 10 and r[key][4] == "-")  # ISO yyyy-mm-dd
        assert r["budget"] is None or isinstance(r["budget"], float)
        assert isinstance(r["overdue"], bool) and isinstance(r["over_budget"], bool)
    assert run_cli("workplan", url=url).returncode == 0
    missing = run_cli("workplan", "--cluster", "Atlantis", url=url)
    assert missing.returncode == 2 and missing.stderr.startswith("Error: Klyngen 'Atlantis'")
    assert "Traceback" not in missing.stderr
    economy = json.loads(run_cli("economy", "--json", url=url).stdout)
    assert set(economy) == {"by_goal", "by_cluster", "by_track", "pools"}
    assert economy["pools"][0]["code"] == "BEREDSKAB"
    assert (
        run_cli("pool", "BEREDSKAB", "--year", "2027", "--granted", "500.000", url=url).returncode
        == 0
    )
    pool = json.loads(run_cli("pool", "BEREDSKAB", "--json", url=url).stdout)
    assert {"year": 2027, "granted": 500000.0, "spent": 0.0, "note": None} in pool["years"]
    refused = run_cli("pool", "BEREDSKAB", "--year", "2027", "--spent", "-1", url=url)
    assert refused.returncode == 1 and "negativt" in refused.stderr


def test_the_profile_as_slides_from_the_command_line(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    assert run_cli("demo", url=url).returncode == 0
    out = tmp_path / "profil.pptx"
    written = run_cli("profile", "MIDT", "--pptx", str(out), url=url)
    assert written.returncode == 0, written.stderr
    assert out.stat().st_size > 10_000 and "dias" in written.stdout
    nowhere = run_cli("profile", "MIDT", "--pptx", str(tmp_path / "no" / "x.pptx"), url=url)
    assert nowhere.returncode == 2 and "findes ikke" in nowhere.stderr
