"""Shared fixtures: stores on SQLite and (when GOALS_TEST_POSTGRES_URL is set) PostgreSQL.

Tests that take the `store_url` / `engine` / `catalogue_engine` fixtures run once per
database; the PostgreSQL variant is skipped unless GOALS_TEST_POSTGRES_URL names a server
where the test user may create databases (`.ci/run` starts one).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from goals import catalogue, store
from goals.store import scratch

ROOT = Path(__file__).resolve().parent.parent

#: The status workbook's indicator columns a test workbook usually needs.
VALUE_HEADER = ["Indikator", "Område", "Periode", "Gruppe", "Værdi", "Tæller", "Nævner"]


def sheet_bytes(rows: list[list], header: list[str], title: str = "Indikatorer") -> bytes:
    """A one-sheet .xlsx workbook (header, then rows), as a steering group's file would be."""
    import io

    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = title
    ws.append(header)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


POSTGRES_URL = os.environ.get("GOALS_TEST_POSTGRES_URL", "").strip()
BACKENDS = ["sqlite", "postgresql"]


class PostgresDatabases:
    """Creates and drops throw-away databases on the test server."""

    def __init__(self) -> None:
        self.admin = scratch.admin_engine(POSTGRES_URL)
        self.created: list[str] = []

    def create(self, template: str | None = None) -> str:
        name, url = scratch.create_database(self.admin, "goals_test", template)
        self.created.append(name)
        return url

    def drop_all(self) -> None:
        store.dispose_engines()
        for name in self.created:
            scratch.drop_database(self.admin, name)
        self.admin.dispose()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresDatabases | None]:
    if not POSTGRES_URL:
        yield None
        return
    databases = PostgresDatabases()
    yield databases
    databases.drop_all()


def new_store_url(backend: str, tmp_path: Path, postgres: PostgresDatabases | None) -> str:
    if backend == "postgresql":
        if postgres is None:
            pytest.skip("GOALS_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against")
        return postgres.create()
    return f"sqlite:///{tmp_path / f'goals-{uuid.uuid4().hex[:8]}.db'}"


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path, postgres) -> Iterator[str]:
    """The URL of a new, empty database (no schema yet)."""
    url = new_store_url(request.param, tmp_path, postgres)
    yield url
    store.dispose_engines()


@pytest.fixture
def engine(store_url: str) -> sa.Engine:
    """A new database with the current schema and no catalogue."""
    return store.open_store(store_url)


@pytest.fixture(scope="session")
def catalogue_template(tmp_path_factory: pytest.TempPathFactory, postgres) -> dict[str, str]:
    """One database per backend with schema and catalogue, built once and copied per test."""
    templates: dict[str, str] = {}
    path = tmp_path_factory.mktemp("catalogue") / "catalogue.db"
    for backend in BACKENDS:
        if backend == "postgresql" and postgres is None:
            continue
        url = f"sqlite:///{path}" if backend == "sqlite" else postgres.create()
        engine = store.open_store(url)
        with store.write_session(engine) as session:
            catalogue.load_catalogue(session=session)
        store.dispose_engines()
        templates[backend] = str(path) if backend == "sqlite" else sa.engine.make_url(url).database
    return templates


@pytest.fixture(params=BACKENDS)
def catalogue_engine(request, catalogue_template, tmp_path: Path, postgres) -> Iterator[sa.Engine]:
    """A new database with the schema and the Region Midtjylland catalogue."""
    yield _copy_of(request.param, catalogue_template, tmp_path, postgres)
    store.dispose_engines()


def _copy_of(backend: str, templates: dict[str, str], tmp_path: Path, postgres) -> sa.Engine:
    if backend == "postgresql":
        if postgres is None:
            pytest.skip("GOALS_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against")
        url = postgres.create(template=templates["postgresql"])
    else:
        copy = tmp_path / f"copy-{uuid.uuid4().hex[:8]}.db"
        shutil.copy(templates["sqlite"], copy)
        url = f"sqlite:///{copy}"
    return store.open_store(url)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, postgres) -> dict[str, str]:
    """One database per backend with the demo loaded, built once and copied per test."""
    from goals.setup import initialise

    templates: dict[str, str] = {}
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    initialise(f"sqlite:///{path}", demo=True)
    store.dispose_engines()
    templates["sqlite"] = str(path)
    if postgres is not None:
        url = postgres.create()
        initialise(url, demo=True)
        store.dispose_engines()
        templates["postgresql"] = sa.engine.make_url(url).database
    return templates


@pytest.fixture(params=BACKENDS)
def demo_engine(request, demo_template, tmp_path: Path, postgres) -> Iterator[sa.Engine]:
    """A fresh copy of the demo store (catalogue and demo values loaded through the importer)."""
    yield _copy_of(request.param, demo_template, tmp_path, postgres)
    store.dispose_engines()


@pytest.fixture
def sqlite_demo_url(demo_template, tmp_path: Path) -> str:
    """A file copy of the demo store on SQLite (for the app and subprocess tests)."""
    copy = tmp_path / "demo-app.db"
    shutil.copy(demo_template["sqlite"], copy)
    return f"sqlite:///{copy}"


def table_dump(engine: sa.Engine) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: compare two dumps to prove nothing changed."""
    dump: dict[str, list[tuple]] = {}
    with engine.connect() as connection:
        for table in sa.inspect(connection).get_table_names():
            rows = connection.execute(sa.text(f'SELECT * FROM "{table}"')).all()
            dump[table] = sorted((tuple(r) for r in rows), key=repr)
    return dump


_STORE_FIXTURES = {"store_url", "engine", "catalogue_engine", "demo_engine"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Tests on a real database carry the `store` mark, so CI can run them against PostgreSQL.
    for item in items:
        if _STORE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.store)
