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
