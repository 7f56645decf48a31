"""``python -m goals init`` and ``demo``: create or upgrade the store, load catalogue and demo."""

from __future__ import annotations

import argparse

from goals import store
from goals.cli.common import EXIT_OK
from goals.setup import initialise


def init(args: argparse.Namespace) -> int:
    report = initialise(url=None, demo=False, catalogue_name=args.catalogue)
    print(
        f"Database ready at {store.describe(report.url)} (schema {report.revision}); {report.catalogue}."
    )
    return EXIT_OK


def demo(args: argparse.Namespace) -> int:
    report = initialise(url=None, demo=True, force_demo=args.again, catalogue_name=args.catalogue)
    print(
        f"Database ready at {store.describe(report.url)} (schema {report.revision}); {report.catalogue}."
    )
    print(report.demo)
    return EXIT_OK
