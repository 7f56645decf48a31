"""Import of a 100,000-row status workbook against python-calamine's bare read of the same file.

Bar (docs/DESIGN.md): read + validate + preview + commit within 3× the bare read. The file is
generated with openpyxl in write-only mode (long layout, demo catalogue), the store is a fresh
SQLite file with the demo catalogue. The import runs three times, each into a fresh store, and
each stage counts with its fastest time, as does the bare read (timed between the runs).
Run: ``python -m benchmarks.bench_import`` or ``python benchmarks/bench_import.py``; a common
runner calls `run()`.
"""

from __future__ import annotations

import io
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from goals import catalogue, config, store  # noqa: E402
from goals.periods import Frequency, Period  # noqa: E402
from goals.spreadsheet.read import read_workbook  # noqa: E402
from goals.workbook.apply import commit, diff_with_store  # noqa: E402
from goals.workbook.validate import check_workbook  # noqa: E402

ROWS = 100_000
REPEATS = 3
BAR = 3.0
HEADERS = ["Indikator", "Område", "Periode", "Gruppe", "Værdi", "Tæller", "Nævner", "Kommentar"]


def make_workbook(path: Path, cat: catalogue.Catalogue, rows: int = ROWS, seed: int = 1) -> None:
    """A long-layout workbook with `rows` distinct keys and plausible values."""
    rng = random.Random(seed)
    book = Workbook(write_only=True)
    ws = book.create_sheet("Indikatorer")
    ws.append(HEADERS)
    areas = [a.name for a in cat.areas.values()]
    groups = [g.code for g in cat.groups.values()]
    written = 0
    for indicator in sorted(cat.indicators.values(), key=lambda i: i.code):
        frequency = Frequency(indicator.frequency)
        # 37 years (1990–2026) of periods: the importer refuses implausible periods
        start = Period(1990, frequency, 1)
        periods = [start.next(k).code for k in range(37 * frequency.per_year)]
        rate = indicator.unit != "%"
        for area in areas:
            for group in groups:
                for period in periods:
                    if written == rows:
                        book.save(path)
                        return
                    denominator = rng.randint(500, 9000) if rate else None
                    numerator = rng.randint(0, denominator) if rate else None
                    value = round(rng.uniform(0, 100), 1)
                    comment = "usikkert" if written % 97 == 0 else None
                    ws.append(
                        [
                            indicator.code,
                            area,
                            period,
                            group,
                            value,
                            numerator,
                            denominator,
                            comment,
                        ]
                    )
                    written += 1
    book.save(path)


def _timed(func: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    result = func()
    return result, time.perf_counter() - start


def _fresh_store(folder: Path, name: str) -> Any:
    engine = store.open_store(f"sqlite:///{folder}/{name}.db")
    with store.write_session(engine) as session:
        catalogue.load_catalogue(session=session)
    return engine


def run(rows: int = ROWS, repeats: int = REPEATS) -> list[dict[str, Any]]:
    """Time the stages; one dict per measurement for the common runner.

    The whole import runs `repeats` times, each into a fresh store, with bare reads in between;
    every stage and the bare read count with their fastest time, so that a busy machine cannot
    tip the ratio either way.
    """
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        engine = _fresh_store(folder, "setup")
        with store.read_session(engine) as session:
            cat = catalogue.Catalogue.load(session)
        path = folder / "statusark.xlsx"
        make_workbook(path, cat, rows)
        content = path.read_bytes()

        def bare() -> int:
            book = CalamineWorkbook.from_filelike(io.BytesIO(content))
            return len(book.get_sheet_by_name("Indikatorer").to_python())

        def read() -> Any:
            raw = read_workbook(
                content, path.name, limit_bytes=config.settings().upload_limit_bytes
            )
            for sheet in raw.sheets:
                sheet.rows()
            return raw

        bare()  # warm the file cache and the imports
        bare_times = [_timed(bare)[1]]
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        stages: dict[str, list[float]] = {"read": [], "validate": [], "preview": [], "commit": []}
        resend: list[float] = []
        for attempt in range(repeats):
            engine = _fresh_store(folder, f"bench{attempt}")
            raw, t = _timed(read)
            stages["read"].append(t)
            parsed, t = _timed(lambda raw=raw: check_workbook(raw, cat, lang="da"))
            stages["validate"].append(t)
            assert not parsed.problems, parsed.problems[:3]

            def preview(engine: Any = engine, parsed: Any = parsed) -> Any:
                with store.read_session(engine) as session:
                    return diff_with_store(session, parsed)

            _, t = _timed(preview)
            stages["preview"].append(t)

            def apply(engine: Any = engine, parsed: Any = parsed) -> Any:
                with store.write_session(engine) as session:
                    return commit(
                        session=session,
                        parsed=parsed,
                        catalogue=cat,
                        content=content,
                        filename=path.name,
                        sha256="bench",
                        user="bench",
                    )

            (upload_id, diff), t = _timed(apply)
            stages["commit"].append(t)
            assert upload_id is not None and diff.count("new") == rows
            # the same file again: nothing new, but recorded with a link per confirmed value
            (again, diff), t = _timed(apply)
            resend.append(t)
            assert again is not None and diff.count("unchanged") == rows
            bare_times += [_timed(bare)[1] for _ in range(2)]
        maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        bare_time = min(bare_times)
        t_read, t_validate, t_preview, t_commit = (min(stages[k]) for k in stages)
        # tracemalloc slows Python down, so the peak is measured in a second, untimed pass
        tracemalloc.start()
        check = check_workbook(read(), cat, lang="da")
        with store.read_session(engine) as session:
            diff_with_store(session, check)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        store.dispose_engines()

    total = t_read + t_validate + t_preview + t_commit
    ratio = total / bare_time
    results = [
        {
            "benchmark": "import",
            "measure": f"bare calamine read (fastest of {len(bare_times)})",
            "seconds": bare_time,
        },
        {"benchmark": "import", "measure": f"read (fastest of {repeats})", "seconds": t_read},
        {"benchmark": "import", "measure": "validate", "seconds": t_validate},
        {"benchmark": "import", "measure": "preview", "seconds": t_preview},
        {"benchmark": "import", "measure": "commit (into a fresh store)", "seconds": t_commit},
        {"benchmark": "import", "measure": "total", "seconds": total},
        {
            "benchmark": "import",
            "measure": "commit of the same file again (nothing new; recorded with its links)",
            "seconds": min(resend),
        },
        {
            "benchmark": "import",
            "measure": "total / bare read",
            "ratio": ratio,
            "bar": BAR,
            "ok": ratio <= BAR,
        },
        {
            "benchmark": "import",
            "measure": "peak Python memory, read + validate + preview (tracemalloc)",
            "mb": peak / 2**20,
        },
        {"benchmark": "import", "measure": "max resident set size", "mb": maxrss_mb},
        {
            "benchmark": "import",
            "measure": "resident set growth during import",
            "mb": maxrss_mb - rss_before,
        },
        {"benchmark": "import", "measure": "rows", "count": rows, "file_mb": len(content) / 2**20},
    ]
    return results


def markdown(results: list[dict[str, Any]]) -> str:
    lines = ["| measure | result |", "|---|---|"]
    for r in results:
        if "seconds" in r:
            value = f"{r['seconds']:.2f} s"
        elif "ratio" in r:
            value = f"{r['ratio']:.2f}× (bar ≤ {r['bar']:.0f}×: {'ok' if r['ok'] else 'MISSED'})"
        elif "mb" in r:
            value = f"{r['mb']:.0f} MB"
        else:
            value = f"{r['count']:,} rows, {r['file_mb']:.1f} MB file"
        lines.append(f"| {r['measure']} | {value} |")
    return "\n".join(lines)


if __name__ == "__main__":
    os.environ.setdefault("GOALS_UPLOAD_LIMIT_MB", "20")
    print(markdown(run(int(sys.argv[1]) if len(sys.argv) > 1 else ROWS)))
