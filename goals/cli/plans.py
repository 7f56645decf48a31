"""``python -m goals workplan``, ``economy`` and ``pool``: the initiatives' work plan, their
economy, and the secretariat's pools, from the command line."""

from __future__ import annotations

import argparse
import json

from sqlalchemy.engine import Engine

from goals import store
from goals.cli.common import EXIT_OK
from goals.cli.users import _system_actor
from goals.i18n import format_amount, format_date, t
from goals.plans import LEVELS, PlanRow, pools, save_pool, set_pool_year, totals, workplan


def _print(payload: object) -> None:
    print(json.dumps(payload, ensure_ascii=False))


def _rows(args: argparse.Namespace, engine: Engine) -> list[PlanRow]:
    return workplan(engine=engine, cluster=args.cluster, track=args.track, lang=args.lang)


def show_workplan(args: argparse.Namespace) -> int:
    rows = _rows(args, store.open_store())
    if args.json:
        _print([r.to_json() for r in rows])
        return EXIT_OK
    lang = args.lang
    if not rows:
        print(t("plans.none", lang))
        return EXIT_OK
    goal = None
    for r in rows:
        if r.goal != goal:
            goal = r.goal
            print()
            print(f"{r.goal}  {r.goal_title}")
        flags = [t("plans.overdue", lang)] if r.overdue else []
        flags += [t("plans.over_budget", lang)] if r.over_budget else []
        print(
            f"  {r.initiative} · {r.area_name} · {t(f'workbook.initiative.{r.status}', lang)}"
            + (f"  [{', '.join(flags)}]" if flags else "")
        )
        print(f"    {format_date(r.start, lang)} – {format_date(r.end, lang)}", end="")
        if r.next_milestone or r.milestone_date:
            print(
                f"; {t('plans.milestone', lang)}: {r.next_milestone or '–'}"
                f" ({format_date(r.milestone_date, lang)})",
                end="",
            )
        if r.responsible:
            print(f"; {t('workbook.col.responsible', lang)}: {r.responsible}", end="")
        print()
        if r.budget is not None or r.spent is not None:
            print(
                f"    {t('plans.budget', lang)} {format_amount(r.budget, lang)}, "
                f"{t('plans.spent', lang).lower()} {format_amount(r.spent, lang)}"
            )
    return EXIT_OK


def show_economy(args: argparse.Namespace) -> int:
    engine = store.open_store()
    rows = _rows(args, engine)
    found = {level: totals(rows, level) for level in LEVELS}
    engine_pools = pools(engine=engine, lang=args.lang)
    if args.json:
        _print(
            {
                **{f"by_{level}": [x.to_json() for x in found[level]] for level in LEVELS},
                "pools": [p.to_json() for p in engine_pools],
            }
        )
        return EXIT_OK
    lang = args.lang
    for level in ("track", "cluster", "goal"):
        print(t(f"plans.by.{level}", lang))
        for x in found[level]:
            flag = f"  [{t('plans.over_budget', lang)}]" if x.over else ""
            print(
                f"  {x.name}: {t('plans.budget', lang).lower()} {format_amount(x.budget, lang)}, "
                f"{t('plans.spent', lang).lower()} {format_amount(x.spent, lang)}"
                f" ({t('plans.initiatives_n', lang, n=x.initiatives)}){flag}"
            )
        print()
    print(t("plans.pools", lang))
    if not engine_pools:
        print(f"  {t('plans.pools.none', lang)}")
    for pool in engine_pools:
        print(f"  {pool.name} ({pool.code})")
        for y in pool.years:
            flag = f"  [{t('plans.over_granted', lang)}]" if y.over else ""
            print(
                f"    {y.year}: {t('plans.granted', lang).lower()} {format_amount(y.granted, lang)}, "
                f"{t('plans.spent', lang).lower()} {format_amount(y.spent, lang)}{flag}"
            )
    return EXIT_OK


def pool_set(args: argparse.Namespace) -> int:
    engine = store.open_store()
    actor = _system_actor()
    if args.name:
        pool = save_pool(
            engine=engine,
            actor=actor,
            code=args.code,
            name=args.name,
            name_en=args.name_en,
            area=args.area,
            note=args.note,
            lang=args.lang,
        )
    if args.year is not None:
        pool = set_pool_year(
            engine=engine,
            actor=actor,
            code=args.code,
            year=args.year,
            granted=args.granted,
            spent=args.spent,
            note=args.year_note,
            lang=args.lang,
        )
    if not args.name and args.year is None:
        pool = next((p for p in pools(engine=engine, lang=args.lang) if p.code == args.code), None)
        if pool is None:
            from goals.plans import PoolError

            raise PoolError(t("plans.pool.unknown", args.lang, code=args.code))
    if args.json:
        _print(pool.to_json())
    else:
        print(f"{pool.code}  {pool.name}")
        for y in pool.years:
            print(
                f"  {y.year}: {format_amount(y.granted, args.lang)} / "
                f"{format_amount(y.spent, args.lang)}"
            )
    return EXIT_OK
