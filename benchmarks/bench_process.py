"""Whole processes, as a person runs them: `goals import` and `goals status --json`.

Each command runs as its own process (``python -m goals …``), interleaved with its yardstick in
the same run: `import` of a generated 100,000-row workbook against a process that only reads the
same file with python-calamine (bar: ≤ 3×; on PostgreSQL ≤ 1.5× the SQLite import), and
`status --json` on the 10× benchmark store against a process that only imports SQLAlchemy
(bar: ≤ 6×). Status is also run on the 1× and 100× stores: its time per criterion × area row
must stay flat (linear cost; bar: the 100× store's time per row ≤ 1.5× the 1× store's). Every
process's peak resident memory is reported beside its time (`os.wait4`).

PostgreSQL is used when GOALS_BENCH_POSTGRES_URL (or GOALS_TEST_POSTGRES_URL) names a server
whose user may create databases; each import gets a fresh database. The 100× store (~29
million values, ~3 GB) is built once per folder the first time (about ten minutes); set
BENCH_PROCESS_SCALES=1,10 to leave it out. With BENCH_PROCESS_THOUSANDFOLD=1 it also runs
status on a thin 1000× store (60,000 criteria, values only for the region, the clusters, the
criteria's groups and six years: ~10 million values), which must work in bounded memory.
Run: ``python -m benchmarks.bench_process``; a common runner calls `run()`.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import compile_project  # noqa: E402
from benchmarks.bench_import import make_workbook  # noqa: E402
from benchmarks.bench_status import DEFAULT_FOLDER  # noqa: E402
from benchmarks.store_gen import benchmark_store  # noqa: E402
from goals import catalogue, store  # noqa: E402

RUNS = 5
IMPORT_BAR = 3.0
POSTGRES_BAR = 1.5
STATUS_BAR = 6.0
LINEAR_BAR = 1.5
BARE_READ = (
    "import sys; from python_calamine import CalamineWorkbook; "
    "CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_name('Indikatorer').to_python()"
)


# Runs one command and writes "seconds peak_kb exit_code" to the file named first. Linux keeps
# a process's peak memory across exec, and a child spawned straight from this (large)
# benchmark process would report this process's peak as its own; the command is therefore
# forked from this small launcher, whose own peak is a few megabytes.
LAUNCHER = """
import os, sys, time
out, args = sys.argv[1], sys.argv[2:]
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execv(args[0], args)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - started
with open(out, "w") as f:
    f.write(f"{seconds} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def timed(args: list[str], env: dict[str, str], stdout: int | None = None) -> tuple[float, float]:
    """(wall seconds, peak resident MB) of one process (see LAUNCHER)."""
    sink = os.open(os.devnull, os.O_WRONLY)
    with tempfile.TemporaryFile() as errors, tempfile.NamedTemporaryFile("r") as report:
        actions = [
            (os.POSIX_SPAWN_DUP2, stdout if stdout is not None else sink, 1),
            (os.POSIX_SPAWN_DUP2, errors.fileno(), 2),
        ]
        launcher = [sys.executable, "-S", "-c", LAUNCHER, report.name, *args]
        try:
            pid = os.posix_spawn(sys.executable, launcher, env, file_actions=actions)
            os.waitpid(pid, 0)
        finally:
            os.close(sink)
        seconds, peak_kb, code = report.read().split()
        if int(code):
            errors.seek(0)
            raise RuntimeError(f"{' '.join(args)} failed: {errors.read().decode()[-500:]}")
    return float(seconds), int(peak_kb) / 1024


def _env(url: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOALS_")}
    env["GOALS_UPLOAD_LIMIT_MB"] = "20"
    env["PYTHONPATH"] = str(ROOT)
    if url:
        env["GOALS_DATABASE_URL"] = url
    return env


def _median(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in pairs), max(p[1] for p in pairs)


def _postgres_admin() -> str | None:
    return os.environ.get("GOALS_BENCH_POSTGRES_URL") or os.environ.get("GOALS_TEST_POSTGRES_URL")


def _fresh_postgres(admin: str) -> tuple[str, Any]:
    """A new empty PostgreSQL database (its URL) and a function that drops it."""
    from goals.store import scratch

    engine = scratch.admin_engine(admin)
    name, url = scratch.create_database(engine, "bench")

    def drop() -> None:
        store.dispose_engines()
        scratch.drop_database(engine, name)
        engine.dispose()

    return url, drop


def _import_rows(folder: Path, runs: int) -> list[dict[str, Any]]:
    python = sys.executable
    template = folder / "fresh.db"
    engine = store.open_store(f"sqlite:///{template}")
    with store.write_session(engine) as session:
        catalogue.load_catalogue(session=session)
    with store.read_session(engine) as session:
        cat = catalogue.Catalogue.load(session)
    store.dispose_engines()
    workbook = folder / "statusark.xlsx"
    make_workbook(workbook, cat)
    target = folder / "import.db"
    import_args = [python, "-m", "goals", "import", "--json", str(workbook)]
    bare, sqlite = [], []
    timed([python, "-c", BARE_READ, str(workbook)], _env())  # warm the file cache
    for _ in range(runs):
        bare.append(timed([python, "-c", BARE_READ, str(workbook)], _env()))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copy(template, target)
        sqlite.append(timed(import_args, _env(f"sqlite:///{target}")))
    (t_bare, m_bare), (t_sqlite, m_sqlite) = _median(bare), _median(sqlite)
    rows: list[dict[str, Any]] = [
        {
            "measure": "bare calamine read of the 100,000-row file (process)",
            "seconds": t_bare,
            "peak_mb": m_bare,
        },
        {"measure": "python -m goals import, SQLite", "seconds": t_sqlite, "peak_mb": m_sqlite},
        {
            "measure": "import / bare read",
            "ratio": t_sqlite / t_bare,
            "bar": f"≤ {IMPORT_BAR:g}×",
            "ok": t_sqlite / t_bare <= IMPORT_BAR,
        },
    ]
    admin = _postgres_admin()
    if admin is None:
        rows.append(
            {
                "measure": "python -m goals import, PostgreSQL",
                "note": "skipped: no GOALS_BENCH_POSTGRES_URL",
            }
        )
        return rows
    postgres = []
    for _ in range(runs):
        url, drop = _fresh_postgres(admin)
        try:
            timed([python, "-m", "goals", "init"], _env(url))
            postgres.append(timed(import_args, _env(url)))
        finally:
            drop()
    t_pg, m_pg = _median(postgres)
    rows += [
        {"measure": "python -m goals import, PostgreSQL (COPY)", "seconds": t_pg, "peak_mb": m_pg},
        {
            "measure": "PostgreSQL import / SQLite import",
            "ratio": t_pg / t_sqlite,
            "bar": f"≤ {POSTGRES_BAR:g}×",
            "ok": t_pg / t_sqlite <= POSTGRES_BAR,
        },
    ]
    return rows


def _status_rows(folder: Path, runs: int, scales: list[int]) -> list[dict[str, Any]]:
    python = sys.executable
    yardstick = [python, "-c", "import sqlalchemy"]
    status_args = [python, "-m", "goals", "status", "--json"]
    out: list[dict[str, Any]] = []
    per_row: dict[int, float] = {}
    measured: list[tuple[int, int, float]] = []  # (scale, rows, seconds)
    marginal: list[tuple[str, float]] = []  # (scales, seconds per extra row)
    t_bare_10 = t_status_10 = None
    for scale in scales:
        url = benchmark_store(folder, scale=scale)
        store.dispose_engines()
        with tempfile.TemporaryFile() as sink:  # count the rows once
            timed(status_args, _env(url), stdout=sink.fileno())
            sink.seek(0)
            n_rows = sum(1 for line in sink if line.startswith(b"{"))
        bare, status = [], []
        for _ in range(runs if scale <= 10 else max(2, runs // 2)):
            bare.append(timed(yardstick, _env()))
            status.append(timed(status_args, _env(url)))
        (t_bare, _), (t_status, m_status) = _median(bare), _median(status)
        per_row[scale] = t_status / n_rows
        if measured:
            s0, n0, t0 = measured[-1]
            marginal.append((f"{s0}×→{scale}×", (t_status - t0) / max(n_rows - n0, 1)))
        measured.append((scale, n_rows, t_status))
        out.append(
            {
                "measure": f"python -m goals status --json, {scale}× store ({n_rows:,} rows)",
                "seconds": t_status,
                "peak_mb": m_status,
                "ms_per_row": 1000 * per_row[scale],
            }
        )
        if scale == 10:
            t_bare_10, t_status_10 = t_bare, t_status
            out.append({"measure": "process that only imports SQLAlchemy", "seconds": t_bare})
    if t_bare_10 and t_status_10:
        ratio = t_status_10 / t_bare_10
        out.append(
            {
                "measure": "status --json at 10× / import sqlalchemy",
                "ratio": ratio,
                "bar": f"≤ {STATUS_BAR:g}×",
                "ok": ratio <= STATUS_BAR,
            }
        )
    if len(marginal) >= 2:
        (low, first), (high, last) = marginal[0], marginal[-1]
        ratio = last / first
        out.append(
            {
                "measure": f"cost of one more row, {high} vs {low} (linear: flat)",
                "ratio": ratio,
                "bar": f"≤ {LINEAR_BAR:g}×",
                "ok": ratio <= LINEAR_BAR,
            }
        )
    return out


def _thousandfold(folder: Path) -> list[dict[str, Any]]:
    """status --json on the thin 1000× store (60,000 criteria; 384,000 criterion × area rows):
    it must work – no query past the drivers' parameter limits – in bounded memory."""
    python = sys.executable
    url = benchmark_store(folder, scale=1000, thin=True)
    store.dispose_engines()
    with tempfile.TemporaryFile() as sink:
        seconds, peak = timed([python, "-m", "goals", "status", "--json"], _env(url), sink.fileno())
        sink.seek(0)
        n_rows = sum(1 for line in sink if line.startswith(b"{"))
    return [
        {
            "measure": f"python -m goals status --json, thin 1000× store ({n_rows:,} rows)",
            "seconds": seconds,
            "peak_mb": peak,
            "ms_per_row": 1000 * seconds / n_rows,
            "ok": n_rows == 384_000,
        }
    ]


def run(folder: Path = DEFAULT_FOLDER, runs: int = RUNS) -> list[dict[str, Any]]:
    scales = [int(s) for s in os.environ.get("BENCH_PROCESS_SCALES", "1,10,100").split(",")]
    compile_project()
    with tempfile.TemporaryDirectory() as tmp:
        rows = _import_rows(Path(tmp), runs)
    rows += _status_rows(folder, runs, scales)
    if os.environ.get("BENCH_PROCESS_THOUSANDFOLD") == "1":
        rows += _thousandfold(folder)
    return rows


if __name__ == "__main__":
    from benchmarks.run import markdown_table

    print(markdown_table(run()))
