"""The house's rules, checked on the code's own imports: data flows one way.

Each package of `goals` stands on a floor and may import only from floors below it (or from
itself); only `goals/ui` (and the thin pages and app.py above it) imports Streamlit; the
command line and the pages are separate front doors and never import each other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

GOALS = ROOT / "goals"
#: Floor of every top-level part of the package; a part imports only from lower floors.
FLOORS = {
    "i18n": 0,
    "periods": 0,
    "names": 0,
    "units": 0,
    "config": 0,
    "runtime": 0,
    "store": 1,
    "access": 2,
    "spreadsheet": 2,
    "catalogue": 3,
    "status": 4,
    "workbook": 4,
    "present": 5,
    "meetings": 5,
    "plans": 5,
    "demo": 5,
    "setup": 6,
    "cli": 7,
    "ui": 7,
    "__main__": 8,
    "__init__": 0,
}


def _part(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "goals":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every absolute import, each imported name tried as a module too."""
    found = []
    tree = ast.parse(path.read_text(), str(path))
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING",)
        for inner in ast.walk(node)
    }
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "goals":
                found += [(node.lineno, f"goals.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module))
    return found


SOURCES = sorted(p for p in GOALS.rglob("*.py") if "migrations" not in p.parts)


def test_every_part_has_a_floor():
    parts = {p.relative_to(GOALS).parts[0].removesuffix(".py") for p in SOURCES}
    assert parts <= set(FLOORS), f"give these a floor in FLOORS: {sorted(parts - set(FLOORS))}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_nothing_imports_upward_or_across_the_front_doors(path):
    here = path.relative_to(GOALS).parts[0].removesuffix(".py")
    wrong = []
    for line, module in _imports(path):
        there = _part(module)
        if there is None or there == here:
            continue
        if FLOORS[there] > FLOORS[here] or (FLOORS[there] == FLOORS[here] and here != "__main__"):
            wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module} ({there} is on floor "
                         f"{FLOORS[there]}, {here} on {FLOORS[here]})")  # fmt: skip
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_ui_imports_streamlit(path):
    if path.relative_to(GOALS).parts[0] == "ui":
        return
    modules = [m for _, m in _imports(path)]
    assert not any(m == "streamlit" or m.startswith("streamlit.") for m in modules)


UI = sorted((GOALS / "ui").rglob("*.py"))


@pytest.mark.parametrize("path", UI, ids=lambda p: str(p.relative_to(ROOT)))
def test_pages_read_and_write_through_the_core(path):
    """No page opens a database session or writes a query: it calls the core, which does."""
    source = path.read_text()
    for needle in ("read_session(", "write_session(", "session.exec(", ".execute("):
        assert needle not in source, f"{path.relative_to(ROOT)} uses {needle}"
    modules = [m for _, m in _imports(path)]
    assert not any(m.split(".")[0] in ("sqlalchemy", "sqlmodel") for m in modules), modules
