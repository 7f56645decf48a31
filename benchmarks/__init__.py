"""Speed measurements (see README.md); `python -m benchmarks.run` runs them all."""

from __future__ import annotations

import compileall
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compile_project() -> None:
    """Leave the project's bytecode in __pycache__, as its first run does on any machine.

    The benchmarks that time whole processes measure the runs after the first: Python caches
    each module's compiled form, unless PYTHONDONTWRITEBYTECODE is set (as in some CI and
    sandbox environments), in which case every process would compile the ~120 modules again.
    The installed libraries already have theirs (pip compiles them)."""
    compileall.compile_dir(ROOT / "goals", quiet=1)
    compileall.compile_file(ROOT / "app.py", quiet=1)
    compileall.compile_dir(ROOT / "pages", quiet=1)
