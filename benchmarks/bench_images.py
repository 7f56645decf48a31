"""Chart images: 12 figures rendered in one batch (one browser) against one by one.

    .venv/bin/python -m benchmarks.bench_images

Prints a markdown table; `run()` returns its rows. The figures are realistic dashboard charts
(series, criterion, inequality, bullet, status grid, comparison, a gap before → after) on
made-up demo numbers, in the product's palette and symbols (goals.status; text symbols, no
emoji).
"""

from __future__ import annotations

import math
import time
from types import SimpleNamespace
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from goals.present import charts
from goals.present.images import render_image, render_images
from goals.present.style import COMPARISON_STYLE, STATUS_STYLE

N_FIGURES = 12
CLUSTERS = [
    "Klynge Nordsjælland",
    "Klynge Herlev/Gentofte",
    "Klynge Bispebjerg/Frederiksberg",
    "Klynge Amager/Hvidovre",
    "Klynge Bornholm",
]
TRACKS = ["KOL og rygning", "Diabetes og overvægt", "Angst og psykisk sårbarhed"]


def yearly_frame(missing: tuple[tuple[int, int], ...] = ((1, 2020), (3, 2019))) -> pd.DataFrame:
    """Daily smokers (%) per cluster and the region, 2015–2023, with a few gaps."""
    rows = []
    for i, cluster in enumerate(CLUSTERS):
        for year in range(2015, 2024):
            value = 19 - 0.45 * (year - 2015) + 1.6 * i - 0.3 * math.sin(year + i)
            if (i, year) in missing:
                value = float("nan")
            rows.append(
                {"series": cluster, "period": str(year), "value": round(value, 1),
                 "lower": round(value - 1.1, 1), "upper": round(value + 1.1, 1)}
            )  # fmt: skip
    for year in range(2015, 2024):
        rows.append(
            {
                "series": "Region Hovedstaden",
                "period": str(year),
                "value": 20.5 - 0.5 * (year - 2015),
            }
        )
    return pd.DataFrame(rows)


def quarterly_frame() -> pd.DataFrame:
    """Readmissions within 30 days (per 1.000) per cluster, quarterly 2019–2024 with gaps."""
    rows = []
    for i, cluster in enumerate(CLUSTERS[:3]):
        for year in range(2019, 2025):
            for q in range(1, 5):
                x = year + (q - 1) / 4 - 2019
                value = 1180 - 35 * x + 60 * i + 25 * math.sin(x * 3 + i)
                if i == 0 and (year, q) in {(2021, 2), (2021, 3)}:
                    value = None
                rows.append({"series": cluster, "period": f"{year}K{q}", "value": value})
    return pd.DataFrame(rows)


def education_frame() -> pd.DataFrame:
    groups = ["Grundskole", "Erhvervsfaglig", "Kort/mellemlang videregående", "Lang videregående"]
    rows = []
    for g, group in enumerate(groups):
        for year in range(2015, 2024):
            value = 24 - 5 * g - (0.2 + 0.15 * (3 - g)) * (year - 2015)
            if group == "Grundskole" and year == 2018:
                value = None
            rows.append({"group": group, "period": str(year), "value": value})
    return pd.DataFrame(rows)


def sample_figures(lang: str = "da") -> dict[str, go.Figure]:
    """One of each chart, with realistic shapes of data (also used to look at the style)."""
    yearly = yearly_frame()
    quarterly = quarterly_frame()
    figures = {
        "series_yearly": charts.series_chart(
            yearly, unit="%", decimals=1, title="Dagligrygere blandt voksne", lang=lang,
            source="Den Nationale Sundhedsprofil", target=12.0, target_period="2025",
            baseline_period="2017", highlight="Klynge Herlev/Gentofte",
            reference="Region Hovedstaden",
        ),
        "series_quarterly": charts.series_chart(
            quarterly, unit="per 100.000 borgere", decimals=0,
            title="Akutte genindlæggelser inden for 30 dage", lang=lang,
            source="Landspatientregisteret", target=1000, target_period="2025K4",
        ),
        "criterion": charts.criterion_chart(
            yearly[yearly["series"] != "Region Hovedstaden"], baseline_period="2017",
            target_value=12.0, target_period="2025", unit="%", decimals=1,
            title="Succeskriterium: færre dagligrygere", lang=lang,
            highlight="Klynge Nordsjælland", source="Den Nationale Sundhedsprofil",
        ),
        "inequality": charts.inequality_chart(
            education_frame(),
            groups=["Grundskole", "Erhvervsfaglig", "Kort/mellemlang videregående", "Lang videregående"],
            gap_groups=("Grundskole", "Lang videregående"), target_gap=10.0, target_period="2025",
            unit="%", decimals=1, lang=lang, title="Dagligrygere efter uddannelse",
            source="Den Nationale Sundhedsprofil",
        ),
        "bullet": charts.bullet_chart(
            baseline=17.8, latest=15.1, target=12.0, unit="%", decimals=1, higher_is_better=False,
            status="needs_acceleration", status_style=STATUS_STYLE, lang=lang,
            title="Dagligrygere, Klynge Nordsjælland", baseline_period="2017",
            latest_period="2023", target_period="2025",
        ),
        "grid": charts.status_grid(
            {
                (c, tr): {"status": s, "n": n, "counts": {s: n - 1, "on_track": 1}}
                for (c, tr), s, n in zip(
                    [(c, tr) for c in CLUSTERS for tr in TRACKS],
                    ["on_track", "needs_acceleration", "target_achieved", "limited_progress",
                     "deterioration", "on_track", "not_available", "on_track",
                     "needs_acceleration", "target_achieved", "on_track", "limited_progress",
                     "on_track", "deterioration", "needs_acceleration"],
                    [5, 4, 3, 5, 2, 4, 3, 5, 4, 3, 5, 2, 4, 3, 5],
                    strict=True,
                )
                if (c, tr) != (CLUSTERS[4], TRACKS[2])
            },
            rows=[(c, c) for c in CLUSTERS], columns=[(tr, tr) for tr in TRACKS],
            status_style=STATUS_STYLE, lang=lang, title="Status for de fælles mål",
        ),
        "comparison": charts.comparison_chart(
            pd.DataFrame({
                "area": [*CLUSTERS, "Albertslund", "Ballerup"],
                "value": [14.2, 16.9, 18.5, 17.0, 21.3, None, 17.4],
                "lower": [13.1, 15.8, 17.6, 15.1, 19.0, None, None],
                "upper": [15.3, 18.0, 19.4, 18.9, 23.6, None, None],
            }),
            reference_value=17.1, unit="%", decimals=1, higher_is_better=False, lang=lang,
            title="Dagligrygere 2023 sammenlignet med regionen", comparison_style=COMPARISON_STYLE,
            reference_label="Region Hovedstaden", source="Den Nationale Sundhedsprofil",
        ),
        "gap_change": charts.gap_change_chart(
            SimpleNamespace(
                indicator_name="Dagligrygere", area_name="Klynge Nordsjælland",
                subject="Forskel: Grundskole − Lang videregående", unit="procentpoint",
                decimals=1, gap=True, base_period="2017", latest_period="2023",
                base_value=15.4, base_lower=12.6, base_upper=18.2, base_se=1.43,
                latest_value=12.5, latest_lower=9.9, latest_upper=15.1, latest_se=1.33,
                target=12.3, target_period="2025", verdict="uncertain", status="on_track",
                certainty="uncertain", change=-2.9, change_per_year=-0.48,
            ),
            lang=lang,
        ),
    }  # fmt: skip
    return figures


def twelve_figures() -> list[go.Figure]:
    figures = list(sample_figures("da").values()) + list(sample_figures("en").values())
    return figures[:N_FIGURES]


def run() -> list[dict[str, Any]]:
    """Time 12 figures rendered as PNG in one batch and one by one."""
    figures = twelve_figures()
    start = time.perf_counter()
    batched = render_images(figures, fmt="png")
    t_batched = time.perf_counter() - start
    start = time.perf_counter()
    single = [render_image(fig, fmt="png") for fig in figures]
    t_single = time.perf_counter() - start
    assert len(batched) == len(single) == len(figures)
    return [
        {
            "case": f"{len(figures)} PNG, one batch (one browser)",
            "seconds": t_batched,
            "ratio": 1.0,
        },
        {
            "case": f"{len(figures)} PNG, one by one",
            "seconds": t_single,
            "ratio": t_single / t_batched,
        },
    ]


def main() -> None:
    rows = run()
    print("| case | seconds | × batched |")
    print("|---|---:|---:|")
    for row in rows:
        print(f"| {row['case']} | {row['seconds']:.2f} | {row['ratio']:.1f} |")


if __name__ == "__main__":
    main()
