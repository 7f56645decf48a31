"""What every command shares: the exit codes, the --lang and --json options, and the one table
that turns a refusal into one sentence on stderr and an exit code (never a traceback)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from goals.i18n import LANGUAGES

EXIT_OK = 0  # done (also: previewed, or nothing new)
EXIT_REJECTED = 1  # the input was refused (a workbook with errors, a refused rollback, …)
EXIT_ERROR = 2  # the command could not run: the store, an unknown name, a file it cannot write
EXIT_INTERRUPTED = 130

#: Exceptions that end a command with one sentence (`Error: …` on stderr) and this exit code,
#: named by module and class: a command imports only what it uses (a fast start), and an
#: exception can only have been raised if its module was loaded, so a module not loaded is
#: never imported just to check.
REFUSALS: tuple[tuple[str, str, int], ...] = (
    ("goals.store", "StoreError", EXIT_ERROR),
    ("goals.config", "ConfigError", EXIT_ERROR),
    ("goals.catalogue", "CatalogueError", EXIT_ERROR),
    ("goals.catalogue.edit", "CatalogueEditError", EXIT_ERROR),
    ("goals.setup", "DemoError", EXIT_ERROR),
    ("goals.access", "AccessError", EXIT_ERROR),
    ("goals.access", "PermissionDenied", EXIT_ERROR),
    ("goals.status", "UnknownArea", EXIT_ERROR),
    ("goals.present.deck", "UnknownSelection", EXIT_ERROR),
    ("goals.periods", "PeriodError", EXIT_ERROR),
    ("goals.present.images", "ImageExportError", EXIT_ERROR),
    # an unknown meeting first: it is also a MeetingError (the first match decides)
    ("goals.meetings.core", "UnknownMeeting", EXIT_ERROR),
    ("goals.meetings.core", "MeetingError", EXIT_REJECTED),
    ("goals.catalogue.profile", "ProfileError", EXIT_ERROR),
    ("goals.plans.workplan", "PlanError", EXIT_ERROR),
    ("goals.plans.economy", "PoolError", EXIT_REJECTED),
)


def refusal_classes() -> list[tuple[type[BaseException], int]]:
    """The refusal classes of the modules loaded so far, with their exit codes."""
    found = []
    for module_name, class_name, code in REFUSALS:
        module = sys.modules.get(module_name)
        if module is not None:
            found.append((getattr(module, class_name), code))
    return found


def exit_code_for(exc: BaseException) -> int | None:
    """The exit code of a refusal, or None for a fault (which then shows its traceback)."""
    for kind, code in refusal_classes():
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


def write_output(path: Path, content: bytes, lang: str) -> bool:
    """Write a file the user asked for; on failure say why in one sentence and return False."""
    from goals.i18n import t

    try:
        if not path.parent.is_dir():
            raise FileNotFoundError(0, t("report.cli.no_folder", lang))
        path.write_bytes(content)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        print(t("report.cli.cannot_write", lang, path=path, reason=reason), file=sys.stderr)
        return False
    return True
