"""Run every benchmark and write the results as tables into benchmarks/README.md.

    python -m benchmarks.run            # all
    python -m benchmarks.run import     # only modules whose name contains "import"

Each module benchmarks/bench_*.py has `run() -> list[dict]`; every dict is one table row.
Ratios are measured in the same run on the same machine, never against fixed seconds from
another machine.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import platform
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
START = "<!-- results:start -->"
END = "<!-- results:end -->"


def markdown_table(rows: list[dict]) -> str:
    """The rows as a markdown table (columns in order of first appearance)."""
    if not rows:
        return "_no rows_\n"
    columns: list[str] = []
    for row in rows:
        columns += [k for k in row if k not in columns]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        cells = []
        for column in columns:
            value = row.get(column, "")
            if isinstance(value, float):
                value = f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
            elif isinstance(value, bool):
                value = "yes" if value else "**NO**"
            cells.append(str(value))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    wanted = argv[1:]
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if wanted:
        modules = [m for m in modules if any(w in m for w in wanted)]
    sections: list[str] = []
    failed = False
    for name in modules:
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        module = None
        try:
            module = importlib.import_module(f"benchmarks.{name}")
            rows = module.run()
            body = markdown_table(rows)
            if any(row.get("ok") is False for row in rows):
                failed = True
        except Exception:  # noqa: BLE001 - a broken benchmark is reported, the others still run
            body = "```\n" + traceback.format_exc(limit=5) + "```\n"
            failed = True
        doc = (module.__doc__ or name).strip().splitlines()[0] if module else name
        sections.append(
            f"### {name}\n\n{doc}\n\n{body}\n_took {time.perf_counter() - started:.0f} s_\n"
        )
        print(body, flush=True)
    header = (
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}.\n\n"
    )
    text = (
        README.read_text(encoding="utf-8")
        if README.exists()
        else f"# Benchmarks\n\n{START}\n{END}\n"
    )
    if START not in text:
        text += f"\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    if wanted:  # a partial run keeps the other sections
        old = rest.split(END, 1)[0]
        kept = [s for s in old.split("### ")[1:] if s.split("\n", 1)[0].strip() not in modules]
        sections = ["### " + s.rstrip() + "\n" for s in kept] + sections
    README.write_text(
        head + START + "\n" + header + "\n".join(sections) + END + tail, encoding="utf-8"
    )
    print(f"wrote {README}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
