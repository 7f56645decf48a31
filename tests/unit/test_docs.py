"""The docs stay true: every CLI command and every setting is documented."""

import re

from goals.cli import build_parser
from tests.conftest import ROOT


def docs_text() -> str:
    return "\n".join(
        p.read_text(encoding="utf-8")
        for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    )


def test_every_command_is_documented():
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    text = docs_text()
    missing = [name for name in commands if f"python -m goals {name}" not in text]
    assert not missing, f"commands not in README.md or docs/: {missing}"


def test_every_setting_is_documented():
    settings = set()
    for path in (ROOT / "goals").rglob("*.py"):
        settings |= set(re.findall(r"\"(GOALS_[A-Z_]+)\"", path.read_text(encoding="utf-8")))
    operations = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    assert settings, "no settings found"
    assert not [s for s in sorted(settings) if f"`{s}`" not in operations]


def test_readme_has_exactly_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert (
        "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/streamlit run app.py"
        in readme
    )
    test_command = (
        "python3 -m venv .venv && .venv/bin/pip install -r requirements-dev.txt"
        " && npm ci --no-audit --no-fund && .venv/bin/python -m pytest"
    )
    assert test_command in readme
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
