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
from goals.cli.common import EXIT_ERROR, EXIT_OK, EXIT_REJECTED, write_output
from goals.i18n import t
from goals.present.deck import Selection, build_deck
from goals.present.pptx import deck_data_xlsx, deck_to_pptx
from goals.status import assess


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
        opening = []
        if args.meeting is not None:  # the status as frozen at the meeting
            from goals.meetings import frozen_report, since_previous
            from goals.present.deck.changes import changes_slides

            if args.as_of is not None:
                print(t("status.cli.meeting_as_of", lang), file=sys.stderr)
                return EXIT_REJECTED
            report = frozen_report(session, args.meeting, lang=lang, catalogue=catalogue)
            opening = changes_slides(*since_previous(session, args.meeting, lang), catalogue, lang)
        else:
            report = assess(session=session, catalogue=catalogue, as_of=args.as_of, lang=lang)
        deck = build_deck(
            report=report,
            catalogue=catalogue,
            selection=Selection(cluster=args.cluster, track=args.track, goal=args.goal),
            lang=lang,
            as_of=args.as_of,
            session=session,
            opening=opening,
        )
    data = deck_to_pptx(deck, lang=lang)
    written = [(out, data)]
    if args.xlsx:
        written.append((Path(args.xlsx), deck_data_xlsx(deck)))
    for path, content in written:
        if not write_output(path, content, lang):
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
