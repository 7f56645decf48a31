"""Assessing every criterion × area on the benchmark store, next to the bare query of its values.

Bar (issue 4): `goals.status.assess` of every success criterion × area on the large benchmark
store (5 clusters, 19 municipalities, 60 criteria, 15 years, 8 groups) in under 200 ms, warm.
Also measured, without a bar: 10× the criteria (``grow="criteria"``) and 10× the reporting
rounds (``grow="rounds"``) – see benchmarks/store_gen.py.

Timings are the median of several warm runs on SQLite:
* ``query``: the one query assess makes (`goals.status.values_query`: current values of the
  indicators, areas and groups involved), bare, rows fetched as tuples as assess does;
* ``assess``: assess(engine=...) as the CLI calls it, catalogue load included;
* ``assess_cpu``: the same in CPU time of this process (a loaded machine stretches wall time);
* ``assess_cat``: assess(session=..., catalogue=...) with a loaded catalogue, as the UI calls it;
* ``with_texts_trends``: assess_cat plus reading every row's reasoning text and trend (they are
  worked out when first read), as ``goals status --json`` does.

Run: ``python -m benchmarks.bench_status [--folder DIR] [--runs N]``; stores are built once per
folder (default: the system's temporary folder). A common runner calls `run()`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from benchmarks.run import markdown_table  # noqa: E402
from benchmarks.store_gen import benchmark_store  # noqa: E402
from goals import store  # noqa: E402
from goals.catalogue import Catalogue  # noqa: E402
from goals.status import assess, assessment_plan, values_query  # noqa: E402

BAR_SECONDS = 0.200
RUNS = 7
VARIANTS = ((1, "criteria"), (10, "criteria"), (10, "rounds"))
DEFAULT_FOLDER = Path(tempfile.gettempdir()) / "maalbillede-benchmarks"


def _median(fn: Callable[[], Any], runs: int) -> tuple[float, float]:
    """Median wall-clock and median CPU seconds of warm runs.

    CPU time (this process) is shown next to wall-clock time because a shared machine's load
    stretches wall-clock time; SQLite runs in-process, so its work is in the CPU time too.
    """
    fn()  # warm: connection pool, SQLite page cache, imports
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(wall), statistics.median(cpu)


def _bare_query(session: Any, cat: Catalogue) -> int:
    """The one query assess makes, bare: executed and fetched as tuples."""
    query = values_query(cat, assessment_plan(cat), cat.region)
    return len(store.fetch_tuples(session.connection(), query))


def measure_variant(url: str, scale: int, grow: str, runs: int = RUNS) -> dict[str, Any]:
    engine = store.open_store(url)
    with store.read_session(engine) as session:
        observations = session.exec(sa.text("SELECT COUNT(*) FROM observation")).one()[0]
        cat = Catalogue.load(session)
        query, _ = _median(lambda: _bare_query(session, cat), runs)
        query_rows = _bare_query(session, cat)
        assess_cat, _ = _median(lambda: assess(session=session, catalogue=cat), runs)
        everything, _ = _median(lambda: assess(session=session, catalogue=cat).records(), runs)
        report = assess(session=session, catalogue=cat)
    full, full_cpu = _median(lambda: assess(engine=engine), runs)
    store.dispose_engines()
    ms = 1000
    return {
        "store": f"x{scale} {grow}",
        "criteria": len(cat.criteria),
        "observations": observations,
        "rows": len(report.rows),
        "query_rows": query_rows,
        "query_ms": round(query * ms, 1),
        "assess_ms": round(full * ms, 1),
        "assess_cpu_ms": round(full_cpu * ms, 1),
        "assess_cat_ms": round(assess_cat * ms, 1),
        "with_texts_trends_ms": round(everything * ms, 1),
        "per_row_ms": round(full * ms / max(len(report.rows), 1), 3),
    }


def run(folder: Path = DEFAULT_FOLDER, runs: int = RUNS) -> list[dict[str, Any]]:
    """Measure every variant; prints a markdown table and returns its rows."""
    results = []
    for scale, grow in VARIANTS:
        url = benchmark_store(folder, scale=scale, grow=grow)
        results.append(measure_variant(url, scale, grow, runs))
    base = results[0]
    for result in results:
        result["ratio_to_x1"] = round(result["assess_ms"] / base["assess_ms"], 2)
    base["bar"] = f"assess < {BAR_SECONDS * 1000:.0f} ms"
    base["ok"] = base["assess_ms"] < BAR_SECONDS * 1000
    print(markdown_table(results))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_status")
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args(argv)
    results = run(args.folder, args.runs)
    return 0 if results[0]["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
