"""``python -m goals status``: every success criterion × area with its inputs, status and reason."""

from __future__ import annotations

import argparse
import sys

from goals import store
from goals.catalogue import Catalogue
from goals.catalogue.words import period_label
from goals.cli.common import EXIT_OK
from goals.i18n import format_number, name_of, t
from goals.present.style import STATUS_STYLE
from goals.status import (
    StatusReport,
    StatusRow,
    assess,
    status_label,
    support_text,
)
from goals.status.export import write_json
from goals.status.verdicts import Combined


def handler(args: argparse.Namespace) -> int:
    engine = store.open_store()
    if args.meeting is not None:
        return _frozen(engine, args)
    if args.json:  # each row written as it is assessed: memory stays bounded at any size
        with store.read_session(engine) as session:
            write_json(session, sys.stdout, as_of=args.as_of, cluster=args.cluster, lang=args.lang)
        return EXIT_OK
    report = assess(engine=engine, as_of=args.as_of, cluster=args.cluster, lang=args.lang)
    if not report.rows:
        print(t("status.cli.no_criteria", args.lang))
        return EXIT_OK
    print(format_table(report.rows, args.lang))
    print()
    with store.read_session(engine) as session:
        tracks = {tr.code: name_of(tr, args.lang) for tr in Catalogue.load(session).tracks}
    print(format_rollups(report, args.lang, tracks=tracks))
    return EXIT_OK


def _frozen(engine, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    """The rows frozen at a meeting: the same lines as ``status --json`` wrote then."""
    from goals.cli.common import EXIT_REJECTED
    from goals.meetings import frozen_report, write_frozen_json

    if args.as_of is not None:
        print(t("status.cli.meeting_as_of", args.lang), file=sys.stderr)
        return EXIT_REJECTED
    with store.read_session(engine) as session:
        if args.json:
            write_frozen_json(
                session, args.meeting, sys.stdout, lang=args.lang, cluster=args.cluster
            )
            return EXIT_OK
        report = frozen_report(session, args.meeting, lang=args.lang, cluster=args.cluster)
        tracks = {tr.code: name_of(tr, args.lang) for tr in Catalogue.load(session).tracks}
    print(format_table(report.rows, args.lang))
    print()
    print(format_rollups(report, args.lang, tracks=tracks))
    return EXIT_OK


def format_table(rows: list[StatusRow], lang: str = "da") -> str:
    """A plain-text table, one line per criterion × area; the reason last and unwrapped."""
    header = [
        t(f"status.cli.{key}", lang)
        for key in (
            "criterion",
            "area",
            "base_latest",
            "target",
            "verdict",
            "status",
            "score",
            "reason",
        )
    ]
    lines = [header]
    for row in rows:
        lines.append(
            [
                row.criterion,
                row.area_name,
                _base_latest(row, lang),
                _target(row, lang),
                f"{STATUS_STYLE[row.verdict].icon} {row.verdict_label}",
                row.status_label,
                format_number(row.score, 1, lang),
                row.reason_text,
            ]
        )
    return _columns(lines)


def format_rollups(
    report: StatusReport, lang: str = "da", *, tracks: dict[str, str] | None = None
) -> str:
    """Each area × track's combined verdict and the count behind it, by the one roll-up rule;
    then each area's inequality criteria; the rule itself last."""
    names = {row.area: row.area_name for row in report.rows}
    tracks = tracks or {}
    lines = [
        [t("status.cli.area", lang), t("status.cli.track", lang), t("status.cli.verdict", lang), ""]
    ]

    def add(area: str, what: str, combined: Combined) -> None:
        style = STATUS_STYLE[combined.status]
        lines.append(
            [
                names.get(area, area),
                what,
                f"{style.icon} {status_label(combined.status, lang)}",
                support_text(combined, lang),
            ]
        )

    for (track, area), combined in report.track_area.items():
        add(area, tracks.get(track, track), combined)
    for area, combined in report.inequality.items():
        add(area, t("status.message.inequality", lang), combined)
    return _columns(lines) + "\n\n" + t("status.rollup.rule", lang)


def _columns(lines: list[list[str]]) -> str:
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]) - 1)]
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
