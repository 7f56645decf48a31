"""`python -m goals report`: exit codes, one-sentence errors, and what it writes."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from pptx import Presentation

import goals.cli as cli
from goals.present import pptx as export
from tests.unit.test_pptx import fake_render


@pytest.fixture
def run(monkeypatch, sqlite_demo_url):
    """run(*args) → (exit code, stdout, stderr) of `python -m goals …` on a demo store, with
    the chart images faked (the slow test renders them for real)."""
    monkeypatch.setenv("GOALS_DATABASE_URL", sqlite_demo_url)
    monkeypatch.setattr(export, "render_images", fake_render)

    def invoke(*args: str) -> int:
        return cli.main(list(args))

    return invoke


def test_full_report_and_excel(run, tmp_path, capsys):
    out, xlsx = tmp_path / "status.pptx", tmp_path / "status.xlsx"
    assert run("report", str(out), "--xlsx", str(xlsx)) == 0
    printed = capsys.readouterr().out
    assert f"Skrev {out}: 34 dias (17 figurer, 15 tabeller)." in printed
    assert f"Skrev {xlsx}" in printed
    prs = Presentation(str(out))
    assert len(prs.slides) == 34
    assert prs.slides[0].shapes.title.text == "Status for de fælles mål"
    assert prs.slides[1].shapes.title.text == "Hovedbudskaber"  # the key messages lead
    assert load_workbook(xlsx).sheetnames == ["Status", "Samlet status", "Tidsserier", "Om"]


def test_selections_and_english(run, tmp_path, capsys):
    out = tmp_path / "kol.pptx"
    assert (
        run(
            "report",
            str(out),
            "--cluster",
            "AARHUS",
            "--track",
            "KOL",
            "--as-of",
            "2023",
            "--lang",
            "en",
        )
        == 0
    )
    assert "Wrote" in capsys.readouterr().out
    titles = [s.shapes.title.text for s in Presentation(str(out)).slides]
    assert titles[0] == "Status of the shared goals"
    assert titles[1] == "Key messages"
    assert titles[2].startswith("Overview: ")
    assert titles[-1] == "How to read the colours"
    subtitle = Presentation(str(out)).slides[0].placeholders[1].text
    assert "Data as of 2023" in subtitle


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--cluster", "Aarhs"], "Ukendt klynge 'Aarhs'. Mente du 'Aarhusklyngen'?"),
        (["--track", "KOLL"], "Ukendt spor 'KOLL'. Mente du 'KOL'?"),
        (["--track", "XYZ", "--lang", "en"], "Unknown track 'XYZ'. Choose one of KOL, DIA, PSY."),
        (["--goal", "NOPE-9"], "Ukendt mål 'NOPE-9'."),
        (["--as-of", "20x"], "'20x' er ikke en periode"),
    ],
)
def test_bad_selection_is_one_sentence_and_exit_2(run, tmp_path, capsys, args, message):
    out = tmp_path / "x.pptx"
    assert run("report", str(out), *args) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_missing_folder_is_refused_before_any_work(run, tmp_path, capsys):
    assert run("report", str(tmp_path / "nope" / "x.pptx")) == 2
    assert "Kan ikke skrive" in capsys.readouterr().err


def test_unreachable_store_is_one_sentence(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("GOALS_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/x")
    assert cli.main(["report", str(tmp_path / "x.pptx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and len(err.strip().splitlines()) == 1


def test_pptx_bytes_are_a_presentation(run, tmp_path):
    out = tmp_path / "goal.pptx"
    assert run("report", str(out), "--goal", "KOL-2") == 0
    prs = Presentation(io.BytesIO(out.read_bytes()))
    assert [s.shapes.title.text for s in prs.slides][1].startswith("KOL-2 · ")
