"""Helpers for the status workbook tests (imported explicitly by test_workbook_*).

The stores come from tests/conftest.py (`catalogue_engine`: SQLite, and PostgreSQL when
GOALS_TEST_POSTGRES_URL is set).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from openpyxl import Workbook
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from goals import catalogue, store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
WORKBOOKS = FIXTURES / "workbooks"
EXAMPLE = FIXTURES / "statusark_voksne_2022.xlsx"
HEADER = ["Indikator", "Område", "Periode", "Gruppe", "Værdi", "Tæller", "Nævner", "Kommentar"]


def fixture_bytes(name: str) -> bytes:
    path = FIXTURES / name if (FIXTURES / name).exists() else WORKBOOKS / name
    return path.read_bytes()


def workbook(
    rows: list[list[Any]], sheet: str = "Indikatorer", header: list[str] | None = None
) -> bytes:
    """A one-sheet .xlsx with `header` (default: the long layout) and `rows`."""
    book = Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(header or HEADER)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order: two equal dumps are equal stores."""
    result = {}
    with engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            rows = connection.execute(sa.select(table).order_by(*order)).all()
            result[table.name] = [tuple(row) for row in rows]
    return result


def load_catalogue_snapshot(engine: Engine) -> catalogue.Catalogue:
    with store.read_session(engine) as session:
        return catalogue.Catalogue.load(session)


def import_in_process(url: str, content: bytes, user: str, start: Any, queue: Any) -> None:
    """Run one import in a child process (for the concurrency test) and report its JSON."""
    from goals.workbook import import_workbook

    engine = store.open_store(url)
    start.wait(timeout=60)
    result = import_workbook(engine=engine, content=content, filename=f"{user}.xlsx", user=user)
    queue.put({**result.to_json(), "user": user, "message": result.message})
