"""Command line: ``python -m goals …`` — also the scripting interface.

Every command reads GOALS_DATABASE_URL (default: the SQLite file data/goals.db), creates or
upgrades the schema, and answers bad input with one sentence on stderr and a non-zero exit code,
never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from goals import store
from goals.cli import report as report_cli
from goals.cli import status as status_cli
from goals.cli import users as users_cli
from goals.cli import workbook as workbook_cli
from goals.cli.common import EXIT_INTERRUPTED, EXIT_OK, exit_code_for, refuse
from goals.setup import initialise

# Modules that add their own sub-commands with register(subparsers).
COMMAND_MODULES = (workbook_cli, status_cli, report_cli, users_cli)


def _init(args: argparse.Namespace) -> int:
    report = initialise(url=None, demo=False)
    print(
        f"Database ready at {store.describe(report.url)} (schema {report.revision}); {report.catalogue}."
    )
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    report = initialise(url=None, demo=True, force_demo=args.again)
    print(
        f"Database ready at {store.describe(report.url)} (schema {report.revision}); {report.catalogue}."
    )
    print(report.demo)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m goals",
        description=(
            "Målbillede: shared goals, success criteria and indicators for Danish "
            "cross-sector health clusters. The database is GOALS_DATABASE_URL "
            "(default: sqlite file data/goals.db)."
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    init = sub.add_parser("init", help="create or upgrade the database and load the catalogue")
    init.set_defaults(func=_init)
    demo = sub.add_parser(
        "demo", help="load the demo catalogue and demo values (as status workbooks)"
    )
    demo.add_argument(
        "--again", action="store_true", help="load the demo values even if values exist already"
    )
    demo.set_defaults(func=_demo)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_OK
    try:
        return int(args.func(args) or EXIT_OK)
    except KeyboardInterrupt:
        print("Interrupted; nothing was half-written.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`goals status --json | head`): stop quietly, as Unix tools do;
        # stdout is pointed at devnull so that Python's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # the one table of refusals (goals.cli.common); a fault re-raises
        code = exit_code_for(exc)
        if code is None:
            raise
        return refuse(exc, code)
