"""``python -m goals report OUT.pptx``: the Direktørforum status report as PowerPoint.

The same deck as the Præsentation page (goals.present.deck), written by goals.present.pptx; with
``--xlsx`` also the data behind it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from goals import store
from goals.catalogue import Catalogue
from goals.cli.common import EXIT_ERROR, EXIT_OK, LANG
from goals.i18n import t
from goals.present.deck import Selection, build_deck
from goals.present.pptx import deck_data_xlsx, deck_to_pptx
from goals.status import assess


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        parents=[LANG],
        help="the status report as PowerPoint (messages, overview, goals, inequality, initiatives)",
        description=(
            "Write the Direktørforum status report as a 16:9 PowerPoint file: a title slide, the "
            "key messages in words, the overview (social inequality and the overall status per "
            "cluster first, then clusters × tracks), one slide per goal with its success criteria "
            "and a chart per criterion, a slide per inequality criterion with the gap before → "
            "after and its 95 % uncertainty, the initiatives, and an appendix with the legend of "
            "the seven verdicts and the one roll-up rule. Every status is the verdict (a change "
            "within the noise is 'Ingen sikker ændring'); every combined status counts success "
            "criteria and says how many carry it. Charts are pictures, status tables are editable "
            "tables, and the reasoning behind each status is in the speaker notes. With --xlsx "
            "also the data behind it: every criterion × area with its verdict, change and "
            "uncertainty, every roll-up with its count, and the series. See docs/presenting.md."
        ),
    )
    parser.add_argument("out", metavar="OUT.pptx", help="the PowerPoint file to write")
    parser.add_argument("--cluster", metavar="CODE", help="only this cluster (code or name)")
    parser.add_argument("--track", metavar="CODE", help="only this track (e.g. KOL)")
    parser.add_argument("--goal", metavar="CODE", help="only this goal (e.g. KOL-1)")
    parser.add_argument(
        "--as-of",
        metavar="PERIOD",
        help="use only periods that have ended by PERIOD (e.g. 2023, 2024K2)",
    )
    parser.add_argument("--xlsx", metavar="OUT.xlsx", help="also write the data behind the report")
    parser.set_defaults(func=handler)


def handler(args: argparse.Namespace) -> int:
    lang = args.lang
    out = Path(args.out)
    for path in (out, Path(args.xlsx) if args.xlsx else None):
        if path is not None and not path.parent.is_dir():
            reason = t("report.cli.no_folder", lang)
            print(t("report.cli.cannot_write", lang, path=path, reason=reason), file=sys.stderr)
            return EXIT_ERROR
    engine = store.open_store()  # a StoreError becomes one sentence and exit 2 in goals.cli
    with store.read_session(engine) as session:
        catalogue = Catalogue.load(session)
        # every cluster is assessed: the charts show the chosen one among its peers
        report = assess(session=session, catalogue=catalogue, as_of=args.as_of, lang=lang)
        deck = build_deck(
            report=report,
            catalogue=catalogue,
            selection=Selection(cluster=args.cluster, track=args.track, goal=args.goal),
            lang=lang,
            as_of=args.as_of,
            session=session,
        )
    data = deck_to_pptx(deck, lang=lang)
    written = [(out, data)]
    if args.xlsx:
        written.append((Path(args.xlsx), deck_data_xlsx(deck)))
    for path, content in written:
        try:
            path.write_bytes(content)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            print(t("report.cli.cannot_write", lang, path=path, reason=reason), file=sys.stderr)
            return EXIT_ERROR
    print(
        t(
            "report.cli.wrote",
            lang,
            path=out,
            slides=len(deck.slides),
            charts=len(deck.charts),
            tables=len(deck.tables),
        )
    )
    if args.xlsx:
        print(t("report.cli.wrote_xlsx", lang, path=args.xlsx, rows=len(deck.rows)))
    return EXIT_OK
