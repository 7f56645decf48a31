"""Command-line subcommands for status workbooks: import, uploads, rollback, template, export.

Each handler (named in `goals.cli.parser`) returns its exit code:
0 when done (or previewed cleanly), 1 when the file or request is refused, 2 when the store
cannot be used. No handler lets a traceback reach the user for a bad file.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import getpass
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from goals import config
from goals.cli.common import EXIT_OK, EXIT_REJECTED
from goals.i18n import t
from goals.spreadsheet.read import read_ahead

# The store and the import pipeline (SQLAlchemy, SQLModel, pandas: ~0.7 s) are loaded inside
# the handlers: `run_import` starts reading the file first, and the two overlap.
if TYPE_CHECKING:
    from goals.workbook.apply import ImportResult


def default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return "unknown"


def _print_result(result: ImportResult, lang: str) -> None:
    print(result.message)
    for note in result.notes:
        print(f"  {note}")
    for sheet in result.sheets:
        if sheet.ignored:
            continue
        print(
            "  "
            + t(
                "workbook.cli.sheet_line",
                lang,
                sheet=sheet.name,
                new=sheet.new,
                changed=sheet.changed,
                unchanged=sheet.unchanged,
                rejected=sheet.rejected,
            )
        )
    # the first 50 changes are described, not all (a file may change 100,000 rows)
    for change in result.first_changes(50) if result.status != "rejected" else []:
        arrow = f"{change.old} → {change.new}" if change.old is not None else f"→ {change.new}"
        print(f"  {change.cell}  {change.subject}: {arrow}")
    if result.change_count > 50 and result.status != "rejected":
        print(f"  … ({result.change_count - 50} flere)" if lang == "da" else "  …")
    for problem in result.errors:
        print(f"  {problem}")


def run_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        content = path.read_bytes()
    except OSError:
        print(t("workbook.cli.no_file", args.lang, path=path), file=sys.stderr)
        return EXIT_REJECTED if not args.json else _json_unreadable(path, args.lang)
    # The import builds ~1 million objects that all live until it ends (the rows as read, the
    # checked columns, the rows inserted) and almost no reference cycles: the cycle collector
    # would only walk them again and again (~0.15 s of a 100,000-row file). One command, one
    # file: the collector rests until it is done. What is alive then (mostly the modules the
    # import loaded) is moved out of its reach, as `goals.runtime` does after start-up: else
    # its first round afterwards would walk every object made meanwhile (~0.08 s).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_import(args, path, content)
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


@contextlib.contextmanager
def _one_blas_thread() -> Iterator[None]:
    """numpy, loaded with the pipeline, starts OpenBLAS helper threads that spin idle for a
    while (~0.08 s of a core); the import does no linear algebra, and the core is the
    read-ahead's. OpenBLAS reads its setting once, when numpy loads it: the environment is as
    before afterwards, and a setting of the user's is left alone."""
    if "numpy" in sys.modules or "OPENBLAS_NUM_THREADS" in os.environ:
        yield
        return
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    try:
        yield
    finally:
        os.environ.pop("OPENBLAS_NUM_THREADS", None)


def _run_import(args: argparse.Namespace, path: Path, content: bytes) -> int:
    read = read_ahead(content, path.name, limit_bytes=config.settings().upload_limit_bytes)
    with _one_blas_thread():
        from goals import store
        from goals.workbook.apply import import_workbook

    engine = store.open_store()
    result = import_workbook(
        engine=engine,
        content=content,
        filename=path.name,
        user=args.user or default_user(),
        dry_run=args.dry_run,
        lang=args.lang,
        read=read,
    )
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        _print_result(result, args.lang)
    return EXIT_REJECTED if result.status == "rejected" else EXIT_OK


def _json_unreadable(path: Path, lang: str) -> int:
    payload: dict[str, Any] = {
        "status": "rejected",
        "counts": {"new": 0, "changed": 0, "unchanged": 0, "rejected": 0},
        "errors": [
            {
                "sheet": "",
                "cell": "",
                "column": "",
                "value": "",
                "message": t("workbook.cli.no_file", lang, path=path),
            }
        ],
        "upload_id": None,
    }
    print(json.dumps(payload, ensure_ascii=False))
    return EXIT_REJECTED


def uploads(args: argparse.Namespace) -> int:
    from goals import store
    from goals.workbook.history import list_uploads

    uploads = list_uploads(engine=store.open_store())
    if args.json:
        print(json.dumps([u.to_json() for u in uploads], ensure_ascii=False))
        return EXIT_OK
    if not uploads:
        print(t("workbook.cli.no_uploads", args.lang))
    for u in uploads:
        counts = ", ".join(f"{k} {v}" for k, v in u.counts.items())
        state = t(f"workbook.state.{u.state}", args.lang)
        when = u.created_at.strftime("%Y-%m-%d %H:%M")
        print(f"{u.id:>5}  {when}  {u.user:<16} {state:<15} {u.filename}  ({counts})")
    return EXIT_OK


def rollback(args: argparse.Namespace) -> int:
    from goals import store
    from goals.workbook.history import rollback_upload

    result = rollback_upload(
        engine=store.open_store(),
        upload_id=args.upload_id,
        user=args.user or default_user(),
        lang=args.lang,
        dry_run=args.dry_run,
    )
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        print(result.message, file=sys.stdout if result.status != "refused" else sys.stderr)
    return EXIT_REJECTED if result.status == "refused" else EXIT_OK


def template(args: argparse.Namespace) -> int:
    # the spreadsheet writer (openpyxl) is loaded only by the commands that write one
    from goals import store
    from goals.workbook.template import TemplateError, write_template

    try:
        content = write_template(
            engine=store.open_store(), steering_group=args.steering_group, lang=args.lang
        )
    except TemplateError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_REJECTED
    return _write(Path(args.out), content, args.lang)


def export(args: argparse.Namespace) -> int:
    from goals import store
    from goals.workbook.export import export_workbook

    report: dict = {}
    content = export_workbook(
        engine=store.open_store(), lang=args.lang, all_values=args.all_values, report=report
    )
    code = _write(Path(args.out), content, args.lang)
    if code == EXIT_OK and report.get("suppressed"):
        print(t("workbook.cli.suppressed", args.lang, n=report["suppressed"]))
    return code


def _write(path: Path, content: bytes, lang: str) -> int:
    try:
        path.write_bytes(content)
    except OSError as exc:
        print(f"{path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_REJECTED
    print(t("workbook.cli.written", lang, path=path))
    return EXIT_OK
