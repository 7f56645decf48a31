"""Command line: ``python -m goals …`` — also the scripting interface.

Every command reads GOALS_DATABASE_URL (default: the SQLite file data/goals.db), creates or
upgrades the schema, and answers bad input with one sentence on stderr and a non-zero exit code,
never a traceback. The parser is `goals.cli.parser`; a command's module (workbook, status,
report, users, setup) is imported only when that command runs.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

from goals import runtime
from goals.cli.common import EXIT_INTERRUPTED, EXIT_OK, exit_code_for, refuse
from goals.cli.parser import build_parser

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_OK
    try:
        module_name, function = args.run.split(":")
        handler = getattr(importlib.import_module(f"goals.cli.{module_name}"), function)
        runtime.tune_collector()  # the modules are loaded; now the command's own objects
        return int(handler(args) or EXIT_OK)
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
