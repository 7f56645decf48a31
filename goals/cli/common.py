"""What every command shares: the exit codes, the --lang and --json options, and the one table
that turns a refusal into one sentence on stderr and an exit code (never a traceback)."""

from __future__ import annotations

import argparse
import sys

from goals import access, config, store
from goals.catalogue import CatalogueError
from goals.i18n import LANGUAGES
from goals.periods import PeriodError
from goals.present.deck import UnknownSelection
from goals.present.images import ImageExportError
from goals.setup import DemoError
from goals.status import UnknownArea

EXIT_OK = 0  # done (also: previewed, or nothing new)
EXIT_REJECTED = 1  # the input was refused (a workbook with errors, a refused rollback, …)
EXIT_ERROR = 2  # the command could not run: the store, an unknown name, a file it cannot write
EXIT_INTERRUPTED = 130

#: Exceptions that end a command with one sentence (`Error: …` on stderr) and this exit code.
REFUSALS: tuple[tuple[type[BaseException], int], ...] = (
    (store.StoreError, EXIT_ERROR),
    (config.ConfigError, EXIT_ERROR),
    (CatalogueError, EXIT_ERROR),
    (DemoError, EXIT_ERROR),
    (access.AccessError, EXIT_ERROR),
    (access.PermissionDenied, EXIT_ERROR),
    (UnknownArea, EXIT_ERROR),
    (UnknownSelection, EXIT_ERROR),
    (PeriodError, EXIT_ERROR),
    (ImageExportError, EXIT_ERROR),
)


def exit_code_for(exc: BaseException) -> int | None:
    """The exit code of a refusal, or None for a fault (which then shows its traceback)."""
    for kind, code in REFUSALS:
        if isinstance(exc, kind):
            return code
    return None


def refuse(message: object, code: int = EXIT_ERROR) -> int:
    """Say why on stderr, in one line, and return the exit code."""
    print(f"Error: {message}", file=sys.stderr)
    return code


#: --lang for every command that says something (``parents=[LANG]``).
LANG = argparse.ArgumentParser(add_help=False)
LANG.add_argument(
    "--lang", choices=LANGUAGES, default="da", help="language of messages and texts (da or en)"
)
#: --json for every command whose answer other tools read (``parents=[JSON]``).
JSON = argparse.ArgumentParser(add_help=False)
JSON.add_argument("--json", action="store_true", help="print the answer as JSON (see docs)")
