"""``python -m goals status``: every success criterion × area with its inputs, status and reason."""

from __future__ import annotations

import argparse
import sys

from goals import store
from goals.describe import period_label
from goals.i18n import LANGUAGES, format_number, t
from goals.periods import PeriodError
from goals.status import StatusRow, UnknownArea, assess

EXIT_OK = 0
EXIT_ERROR = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "status",
        help="status of every success criterion × area (the Open SDG progress measure)",
        description=(
            "One row per success criterion and area: baseline and latest value, target, "
            "status, score and the reason. See docs/method.md for the method and the JSON keys."
        ),
    )
    parser.add_argument(
        "--cluster", metavar="CODE", help="only this cluster (code, name or alias) and its members"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list of row objects")
    parser.add_argument(
        "--as-of",
        metavar="PERIOD",
        help="use only periods that have ended by PERIOD (e.g. 2023, 2024K2) and the criterion "
        "versions valid at its end",
    )
    parser.add_argument("--lang", choices=LANGUAGES, default="da", help="language of the texts")
    parser.set_defaults(func=handler)


def handler(args: argparse.Namespace) -> int:
    engine = store.open_store()
    try:
        report = assess(engine=engine, as_of=args.as_of, cluster=args.cluster, lang=args.lang)
    except (UnknownArea, PeriodError) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_ERROR
    if args.json:
        print(report.to_json())
        return EXIT_OK
    if not report.rows:
        print(t("status.cli.no_criteria", args.lang))
        return EXIT_OK
    print(format_table(report.rows, args.lang))
    return EXIT_OK


def format_table(rows: list[StatusRow], lang: str = "da") -> str:
    """A plain-text table, one line per criterion × area; the reason last and unwrapped."""
    header = [
        t(f"status.cli.{key}", lang)
        for key in ("criterion", "area", "base_latest", "target", "status", "score", "reason")
    ]
    lines = [header]
    for row in rows:
        lines.append(
            [
                row.criterion,
                row.area_name,
                _base_latest(row, lang),
                _target(row, lang),
                row.status_label,
                format_number(row.score, 1, lang),
                row.reason_text,
            ]
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header) - 1)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line[:-1], widths, strict=True))
        + "  "
        + line[-1]
        for line in lines
    )


def _value(period: str | None, value: float | None, decimals: int, lang: str) -> str:
    if period is None:
        return "–"
    return f"{period_label(period, lang)}: {format_number(value, decimals, lang)}"


def _base_latest(row: StatusRow, lang: str) -> str:
    if row.latest_period is None:
        return "–"
    base = _value(row.base_period, row.base_value, row.decimals, lang)
    latest = _value(row.latest_period, row.latest_value, row.decimals, lang)
    return f"{base} → {latest}"


def _target(row: StatusRow, lang: str) -> str:
    if row.target is None or row.target_period is None:
        return "–"
    return t(
        "status.cli.target_in",
        lang,
        target=format_number(row.target, row.decimals, lang),
        period=period_label(row.target_period, lang),
    )
