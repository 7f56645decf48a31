"""The large benchmark store: 5 clusters, 19 municipalities, 60 criteria, 15 years, 8 groups.

Areas, tracks, steering groups and the 7 breakdown groups come from the real catalogue files
(``data/catalogue/midtjylland/`` areas and steering groups, ``shared/organisation.toml``); one group is added (``Alder: 65+ år``)
to make 8. Goals, indicators and criteria are generated: 12 goals over the 3 tracks, one
indicator per criterion, criteria cycling through absolute, relative, point, gap and no-target
kinds; every fifth indicator is quarterly, every seventh has no polarity, every third has no
confidence limits, every tenth criterion applies to the municipalities and every eighth has two
revisions. Values exist for every indicator × area (region, clusters, municipalities) × period
(2010–2024) × group, 2 % of them withheld, and are inserted in bulk as one upload.

``scale`` multiplies the data in one of two ways (``grow``):

* ``"criteria"`` (default): scale × the goals, indicators and criteria, so scale × the values
  and scale × the status rows – the store of a much bigger programme.
* ``"rounds"``: the same catalogue, with every value reported in scale uploads (the earlier
  rounds slightly different, as corrections) – the store after many reporting rounds, since
  each status workbook repeats the whole series. The current values equal those at scale 1.

Run: ``python -m benchmarks.store_gen [--scale 10] [--grow rounds] OUT.db`` (OUT may also be a
database URL). `build_benchmark_store` is the API; `benchmark_store` builds once per folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from sqlmodel import select  # noqa: E402

from goals import store  # noqa: E402
from goals.catalogue import CATALOGUE_DIR, Catalogue, load_catalogue  # noqa: E402
from goals.periods import Frequency, Period  # noqa: E402
from goals.store.model import (  # noqa: E402
    AreaKind,
    BreakdownGroup,
    CriterionRevision,
    Goal,
    Indicator,
    Observation,
    Polarity,
    SuccessCriterion,
    TargetType,
    Upload,
)
from goals.store.observations import rebuild_current  # noqa: E402

#: Bump when the generated content changes, so that cached stores are rebuilt.
GENERATOR_VERSION = 2
SEED = 2024
CRITERIA = 60
CRITERIA_PER_GOAL = 5
YEARS = tuple(range(2010, 2025))  # 15 years
EXTRA_GROUP = {
    "code": "Alder: 65+ år",
    "name": "65+ år",
    "name_en": "Age: 65+",
    "dimension": "Alder",
}
KINDS = ("absolute", "relative", "points", "gap", "relative", "none")
GAP_GROUPS = ("Uddannelse: Grundskole", "Uddannelse: Lang videregående")
# level of each group relative to the total (the education gradient, sex, age)
GROUP_FACTOR = {
    "I alt": 1.0,
    "Uddannelse: Grundskole": 1.45,
    "Uddannelse: Erhvervsfaglig": 1.1,
    "Uddannelse: Kort/mellemlang videregående": 0.82,
    "Uddannelse: Lang videregående": 0.6,
    "Køn: Mænd": 1.04,
    "Køn: Kvinder": 0.96,
    "Alder: 65+ år": 1.2,
}
COLUMNS = (
    "indicator_id",
    "area_id",
    "period",
    "group_id",
    "value",
    "missing_reason",
    "lower",
    "upper",
    "upload_id",
)


def _periods(frequency: Frequency, first_year: int = YEARS[0]) -> list[Period]:
    first = Period(first_year, frequency, 1)
    last = Period(YEARS[-1], frequency, frequency.per_year)
    out = [first]
    while out[-1] < last:
        out.append(out[-1].next())
    return out


def _load_areas_and_organisation(session: Any) -> None:
    """The real areas, tracks, steering groups and groups – without the demo goals."""
    with tempfile.TemporaryDirectory() as folder:
        for name in (
            "midtjylland/areas.toml",
            "midtjylland/steering_groups.toml",
            "shared/organisation.toml",
        ):
            shutil.copy(CATALOGUE_DIR / name, Path(folder) / Path(name).name)
        load_catalogue(session=session, folder=Path(folder))
    session.add(BreakdownGroup(**EXTRA_GROUP, sort_order=99))
    session.flush()


def _generate_catalogue(session: Any, cat: Catalogue, n_criteria: int) -> list[dict[str, Any]]:
    """Goals, indicators, criteria and revisions; returns one spec per indicator for the values."""
    rng = np.random.default_rng(SEED)
    tracks = cat.tracks
    steering = cat.steering_groups
    n_goals = n_criteria // CRITERIA_PER_GOAL
    goals = [
        Goal(
            code=f"BG{g + 1:03d}",
            title=f"Benchmarkmål {g + 1}",
            title_en=f"Benchmark goal {g + 1}",
            track_id=tracks[g % len(tracks)].id,
            steering_group_id=steering[g % len(steering)].id,
            sort_order=g,
        )
        for g in range(n_goals)
    ]
    session.add_all(goals)
    session.flush()

    specs: list[dict[str, Any]] = []
    indicators: list[Indicator] = []
    for i in range(n_criteria):
        quarterly = i % 5 == 4
        polarity = (
            Polarity.NONE if i % 7 == 6 else Polarity.LOWER if i % 2 == 0 else Polarity.HIGHER
        )
        kind = KINDS[i % len(KINDS)]
        if kind == "none" and polarity == Polarity.NONE:
            polarity = Polarity.HIGHER
        direction = -1 if polarity == Polarity.LOWER else 1
        if polarity == Polarity.NONE:
            direction = 1 if rng.random() < 0.5 else -1
        indicators.append(
            Indicator(
                code=f"BI{i + 1:04d}",
                name=f"Benchmarkindikator {i + 1}",
                name_en=f"Benchmark indicator {i + 1}",
                unit="%" if i % 3 else "pr. 1.000",
                polarity=polarity,
                decimals=1,
                frequency=(Frequency.QUARTER if quarterly else Frequency.YEAR).value,
            )
        )
        specs.append(
            {
                "kind": kind,
                "quarterly": quarterly,
                "direction": direction,
                "level": float(rng.uniform(8, 45)),
                # yearly drift, in the desired direction for most indicators
                "drift": float(direction * rng.normal(0.012, 0.02)),
                "has_ci": i % 3 != 0,
            }
        )
    session.add_all(indicators)
    session.flush()

    groups = {g.code: g.id for g in session.exec(select(BreakdownGroup))}
    criteria = [
        SuccessCriterion(
            code=f"{goals[i // CRITERIA_PER_GOAL].code}-{'ABCDE'[i % CRITERIA_PER_GOAL]}",
            goal_id=goals[i // CRITERIA_PER_GOAL].id,
            sort_order=i % CRITERIA_PER_GOAL,
        )
        for i in range(n_criteria)
    ]
    session.add_all(criteria)
    session.flush()
    revisions = []
    for i, (criterion, indicator, spec) in enumerate(zip(criteria, indicators, specs, strict=True)):
        baseline = "2015K4" if spec["quarterly"] else "2015"
        target_period = "2027K4" if spec["quarterly"] else "2027"
        d = spec["direction"]
        kind = spec["kind"]
        fields: dict[str, Any] = {
            "criterion_id": criterion.id,
            "indicator_id": indicator.id,
            "baseline_period": baseline,
            "text": f"Benchmarkkriterium {i + 1} ({kind})",
            "area_scope": "municipalities" if i % 10 == 9 else "clusters",
            "created_by": "benchmark",
        }
        if kind == "gap":
            fields["gap_group_a_id"] = groups[GAP_GROUPS[0]]
            fields["gap_group_b_id"] = groups[GAP_GROUPS[1]]
            target = (TargetType.RELATIVE, -15.0)
        else:
            fields["group_id"] = groups["I alt"]
            target = {
                "absolute": (TargetType.ABSOLUTE, round(spec["level"] * (1 + 0.12 * d), 1)),
                "relative": (TargetType.RELATIVE, 10.0 * d),
                "points": (TargetType.POINTS, 3.0 * d),
                "none": (None, None),
            }[kind]
        if target[0] is not None:
            fields.update(
                target_type=target[0], target_value=target[1], target_period=target_period
            )
        versions = [(1, dt.date(2016, 1, 1), 1.0)]
        if i % 8 == 7:  # a revised criterion: a stricter target from 2020
            versions.append((2, dt.date(2020, 1, 1), 1.5))
        for number, valid_from, strictness in versions:
            values = dict(fields)
            if target[0] in (TargetType.RELATIVE, TargetType.POINTS):
                values["target_value"] = target[1] * strictness
            revisions.append(CriterionRevision(revision=number, valid_from=valid_from, **values))
    session.add_all(revisions)
    session.flush()
    for indicator, spec in zip(indicators, specs, strict=True):
        spec["indicator_id"] = indicator.id
    return specs


def _values(
    spec: dict[str, Any],
    areas: list[tuple[int, float]],
    groups: list[tuple[int, float]],
    rng: np.random.Generator,
) -> tuple[list[Period], np.ndarray, np.ndarray]:
    """Values (areas × groups × periods) and the half-widths of their 95 % intervals."""
    periods = _periods(
        Frequency.QUARTER if spec["quarterly"] else Frequency.YEAR, spec.get("first_year", YEARS[0])
    )
    t = np.array([p.years - YEARS[0] for p in periods])
    area_factor = np.array([f for _, f in areas])[:, None, None]
    group_factor = np.array([f for _, f in groups])[None, :, None]
    # each area drifts a little differently, so statuses differ between areas
    drift = spec["drift"] + rng.normal(0, 0.01, size=(len(areas), 1, 1))
    level = spec["level"] * area_factor * group_factor * (1 + drift) ** t[None, None, :]
    noise = rng.normal(0, 0.015, size=level.shape)
    values = np.round(level * (1 + noise), 2)
    half = np.round(values * 0.06 / np.sqrt(group_factor), 2)
    return periods, values, half


def _rows(
    spec: dict[str, Any],
    areas: list[tuple[int, float]],
    groups: list[tuple[int, float]],
    upload_id: int,
    rng: np.random.Generator,
    shift: float = 0.0,
) -> list[tuple[Any, ...]]:
    periods, values, half = _values(spec, areas, groups, rng)
    if shift:
        values = np.round(values * (1 + shift), 2)
    withheld = rng.random(values.shape) < 0.02
    codes = [p.code for p in periods]
    rows: list[tuple[Any, ...]] = []
    indicator = spec["indicator_id"]
    has_ci = spec["has_ci"]
    for a, (area_id, _) in enumerate(areas):
        for g, (group_id, _) in enumerate(groups):
            vals = values[a, g].tolist()
            halves = half[a, g].tolist()
            gaps = withheld[a, g].tolist()
            for k, code in enumerate(codes):
                if gaps[k]:
                    rows.append(
                        (indicator, area_id, code, group_id, None, "diskretioneret", None, None)
                    )
                elif has_ci:
                    v, h = vals[k], halves[k]
                    rows.append((indicator, area_id, code, group_id, v, None, v - h, v + h))
                else:
                    rows.append((indicator, area_id, code, group_id, vals[k], None, None, None))
    return [(*row, upload_id) for row in rows]


def _insert(engine: sa.Engine, rows: list[tuple[Any, ...]]) -> None:
    """Bulk insert through the store's own path (COPY on PostgreSQL, executemany on SQLite)."""
    with store.write_session(engine) as session:
        store.insert_rows(session.connection(), Observation.__table__, list(COLUMNS), rows)


#: What a thin store keeps: the clusters and the region, the groups criteria follow, six years.
THIN_YEARS = 6
THIN_GROUPS = ("I alt", *GAP_GROUPS)


def build_benchmark_store(
    url: str, scale: int = 1, grow: str = "criteria", thin: bool = False
) -> dict[str, Any]:
    """Create the benchmark store at `url` (an empty database); returns what it holds.

    `thin`: values only for the region and the clusters, only for the groups the criteria
    follow, and only for the last THIN_YEARS years – a store with scale× the criteria that
    fits on a disk at scale 1000 (municipal criteria then have no values and are assessed as
    not assessable)."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    if grow not in ("criteria", "rounds"):
        raise ValueError("grow must be 'criteria' or 'rounds'")
    started = time.perf_counter()
    engine = store.open_store(url)
    with store.read_session(engine) as session:
        if session.exec(sa.select(sa.func.count()).select_from(Observation)).one()[0]:
            raise ValueError(f"{store.describe(url)} is not empty")
    n_criteria = CRITERIA * (scale if grow == "criteria" else 1)
    rounds = scale if grow == "rounds" else 1
    with store.write_session(engine) as session:
        _load_areas_and_organisation(session)
        cat = Catalogue.load(session)
        specs = _generate_catalogue(session, cat, n_criteria)
        uploads = []
        for r in range(rounds):
            upload = Upload(
                filename=f"benchmark_round_{r + 1}.xlsx",
                sha256=f"{r:064d}",
                size=0,
                content=b"",
                user="benchmark",
            )
            session.add(upload)
            session.flush()
            uploads.append(upload.id)
    with store.read_session(engine) as session:
        cat = Catalogue.load(session)
    rng = np.random.default_rng(SEED + 1)
    region = cat.region
    areas: list[tuple[int, float]] = [(region.id, 1.0)] if region else []
    for cluster in cat.clusters:
        areas.append((cluster.id, float(rng.normal(1, 0.08))))
    for municipality in cat.areas_of_kind(AreaKind.MUNICIPALITY):
        if not thin:
            areas.append((municipality.id, float(rng.normal(1, 0.12))))
    groups = [
        (g.id, GROUP_FACTOR.get(g.code, 1.0))
        for g in cat.groups.values()
        if not thin or g.code in THIN_GROUPS
    ]
    if thin:
        for spec in specs:
            spec["first_year"] = YEARS[-1] - THIN_YEARS + 1

    observations = 0
    batch: list[tuple[Any, ...]] = []
    for r, upload_id in enumerate(uploads):
        # Earlier rounds differ a little from the last one, which is the current value.
        shift = 0.0 if r == rounds - 1 else 0.01 * (rounds - 1 - r)
        for spec in specs:
            # the same seed per indicator in every round, so that the last round equals scale 1
            values_rng = np.random.default_rng([SEED, spec["indicator_id"]])
            batch.extend(_rows(spec, areas, groups, upload_id, values_rng, shift))
            if len(batch) >= 200_000:
                _insert(engine, batch)
                observations += len(batch)
                batch = []
    if batch:
        _insert(engine, batch)
        observations += len(batch)
    with store.write_session(engine) as session:
        rebuild_current(session)
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE observation")
            connection.commit()
    return {
        "url": store.describe(url),
        "scale": scale,
        "grow": grow,
        "clusters": len(cat.clusters),
        "municipalities": len(cat.areas_of_kind(AreaKind.MUNICIPALITY)),
        "areas": len(areas),
        "goals": n_criteria // CRITERIA_PER_GOAL,
        "criteria": n_criteria,
        "indicators": len(specs),
        "groups": len(groups),
        "years": THIN_YEARS if thin else len(YEARS),
        "uploads": rounds,
        "observations": observations,
        "seconds": round(time.perf_counter() - started, 1),
    }


def benchmark_store(
    folder: Path, scale: int = 1, grow: str = "criteria", thin: bool = False
) -> str:
    """The URL of a SQLite benchmark store in `folder`, built the first time it is asked for."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"benchmark-v{GENERATOR_VERSION}-{grow}-x{scale}{'-thin' if thin else ''}.db"
    url = f"sqlite:///{path}"
    if not path.exists():
        partial = path.with_suffix(".partial.db")
        for leftover in folder.glob(partial.name + "*"):
            leftover.unlink()
        build_benchmark_store(f"sqlite:///{partial}", scale=scale, grow=grow, thin=thin)
        store.dispose_engines()
        for suffix in ("-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        partial.rename(path)
    return url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.store_gen", description=__doc__)
    parser.add_argument("out", help="a new SQLite file, or a database URL of an empty database")
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--grow", choices=("criteria", "rounds"), default="criteria")
    parser.add_argument(
        "--thin",
        action="store_true",
        help="values only for the region and clusters, the criteria's groups, the last six years",
    )
    args = parser.parse_args(argv)
    url = args.out if "://" in args.out else f"sqlite:///{Path(args.out).resolve()}"
    if "://" not in args.out and Path(args.out).exists():
        print(f"{args.out} exists already; choose a new file.", file=sys.stderr)
        return 2
    report = build_benchmark_store(url, scale=args.scale, grow=args.grow, thin=args.thin)
    out = io.StringIO()
    for key, value in report.items():
        out.write(f"{key}: {value}\n")
    print(out.getvalue(), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
