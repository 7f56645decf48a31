"""Getting a database ready: schema, catalogue and (when asked) the demo values."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from goals import catalogue, config, store
from goals.store.model import Area, Observation, Upload
from goals.store.settings import CATALOGUE, get_setting, put_setting

DEMO_USER = "Demodata"  # who the demo uploads are from; the UI marks their values as examples


@dataclass(frozen=True)
class InitReport:
    url: str
    revision: str
    catalogue: str
    demo: str = ""


class DemoError(RuntimeError):
    """A demo workbook was rejected by the importer (a bug in the demo or the catalogue)."""


def has_values(engine: Engine) -> bool:
    with store.read_session(engine) as session:
        return session.exec(sa.select(sa.func.count()).select_from(Observation)).one()[0] > 0


def has_demo_values(engine: Engine) -> bool:
    """True when any applied upload came from the demo (the UI then marks data as examples)."""
    with store.read_session(engine) as session:
        query = (
            sa.select(sa.func.count())
            .select_from(Upload)
            .where(Upload.user == DEMO_USER, Upload.state == "applied")
        )
        return session.exec(query).one()[0] > 0


def load_demo(engine: Engine) -> str:
    """Import the demo status workbooks through the importer, as a steering group would."""
    from goals.demo import demo_rounds, round_workbook
    from goals.workbook import import_workbook

    with store.read_session(engine) as session:
        cat = catalogue.Catalogue.load(session)
    applied = []
    for demo_round in demo_rounds(cat):
        result = import_workbook(
            engine=engine,
            content=round_workbook(demo_round),
            filename=demo_round.filename,
            user=DEMO_USER,
        )
        if result.status != "applied":
            first = result.errors[0] if result.errors else None
            detail = f"{first.cell}: {first.message}" if first else result.status
            raise DemoError(f"The demo workbook {demo_round.filename} was rejected: {detail}")
        applied.append(f"{demo_round.filename} ({result.counts['new']} new)")
    _demo_pool(engine, cat)
    _demo_key_figures(engine, cat)
    return "Demo values loaded through the importer: " + ", ".join(applied) + "."


def _demo_pool(engine: Engine, cat: catalogue.Catalogue) -> None:
    """The secretariat's development pool with four years of grants and spending."""
    from goals.access import Actor, Role
    from goals.demo import DEMO_POOL
    from goals.plans import save_pool, set_pool_year

    actor = Actor(name=DEMO_USER, role=Role.ADMIN)
    region = cat.region
    save_pool(
        engine=engine,
        actor=actor,
        code=DEMO_POOL["code"],
        name=DEMO_POOL["name"],
        name_en=DEMO_POOL["name_en"],
        area=region.code if region else None,
    )
    for year, (granted, spent) in DEMO_POOL["years"].items():
        set_pool_year(
            engine=engine,
            actor=actor,
            code=DEMO_POOL["code"],
            year=year,
            granted=granted,
            spent=spent,
        )


def _demo_key_figures(engine: Engine, cat: catalogue.Catalogue) -> None:
    """The population as the profiles' first key figure, unless the secretariat chose some."""
    from goals.access import Actor, Role
    from goals.catalogue.profile import key_figure_codes, set_key_figures

    if cat.indicator("BEF-01") is not None and not key_figure_codes(engine=engine):
        set_key_figures(
            engine=engine, actor=Actor(name=DEMO_USER, role=Role.ADMIN), indicators=["BEF-01"]
        )


def initialise(
    url: str | None = None,
    *,
    demo: bool = False,
    force_demo: bool = False,
    catalogue_name: str | None = None,
) -> InitReport:
    """Create or upgrade the schema, add missing catalogue entries, optionally load the demo.

    The catalogue is the one the store remembers; `catalogue_name` (a shipped region's name or a
    folder of catalogue files) chooses it for a store that has none yet. A store started with
    one region's catalogue never gets another's entries: asking for another is refused."""
    engine = store.open_store(url)
    with store.write_session(engine) as session:
        chosen = _catalogue_of(session, catalogue_name)
        report = catalogue.load_catalogue(session=session, catalogue=chosen)
        put_setting(session, CATALOGUE, chosen)
    demo_text = ""
    if demo:
        if has_values(engine) and not force_demo:
            demo_text = (
                "The database already holds values; demo not loaded (use --again to add it)."
            )
        else:
            demo_text = load_demo(engine)
    return InitReport(
        url=str(engine.url),
        revision=store.current_revision(engine) or "",
        catalogue=report.summary(),
        demo=demo_text,
    )


def _catalogue_of(session: Session, asked: str | None) -> str:
    """The catalogue to load: the one the store remembers, else the one asked for, else the
    default. A store whose areas predate remembering has the default region's catalogue."""
    remembered = get_setting(session, CATALOGUE)
    if remembered is None and session.exec(select(Area.id).limit(1)).first() is not None:
        remembered = catalogue.DEFAULT_CATALOGUE
    if asked is None:
        return remembered or catalogue.DEFAULT_CATALOGUE
    wanted = catalogue.catalogue_id(asked)
    if remembered is not None and remembered != wanted:
        raise catalogue.CatalogueError(
            f"This database was started with the catalogue '{remembered}' and cannot take "
            f"'{wanted}' as well: one database holds one region's organisation. Use a new, "
            "empty database for another region."
        )
    return wanted


def prepare_app_store(url: str | None = None) -> Engine:
    """What the app does on start: upgrade the schema; on the embedded default database,
    also create it with the catalogue and demo values the first time. A database named by
    GOALS_DATABASE_URL is never filled with demo data unasked."""
    settings = config.settings()
    target = url or settings.database_url
    engine = store.open_store(target)
    if url is None and settings.is_default_database and store.is_empty(engine):
        initialise(target, demo=True)
    return engine
