"""``python -m goals organisation``, ``membership`` and ``suppression``: the organisation as it
stands on a date, dated memberships, and the small-number rule."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from goals import store
from goals.catalogue import Catalogue
from goals.catalogue.words import organisation_text
from goals.cli.common import EXIT_OK
from goals.cli.users import _system_actor
from goals.i18n import name_of, t
from goals.store.model import AreaKind


def _print(payload: object) -> None:
    print(json.dumps(payload, ensure_ascii=False))


def _date(text: str | None, lang: str) -> dt.date | None:
    if text in (None, ""):
        return None
    from goals.spreadsheet.cells import parse_date

    found = parse_date(text)
    if found is None:
        from goals.catalogue import CatalogueError

        raise CatalogueError(t("admin.err.date", lang, value=text))
    return found


def organisation(args: argparse.Namespace) -> int:
    """The clusters and their members on a date, and the dates the organisation changed."""
    lang = args.lang
    on = _date(args.on, lang) or dt.date.today()
    cat = Catalogue.read(store.open_store())
    clusters = []
    for cluster in cat.clusters_on(on):
        members = sorted(cat.members(cluster, on), key=lambda a: (a.kind != AreaKind.MUNICIPALITY, a.sort_order, a.name))  # fmt: skip
        clusters.append(
            {
                "code": cluster.code,
                "name": name_of(cluster, lang),
                "members": [
                    {
                        "code": m.code,
                        "name": name_of(m, lang),
                        "kind": str(m.kind),
                        "clusters": [c.code for c in cat.clusters_of(m, on)],
                    }
                    for m in members
                ],
            }
        )
    since = cat.organisation_since(on)
    payload = {
        "on": on.isoformat(),
        "since": since.isoformat() if since else None,
        "changes": [d.isoformat() for d in cat.organisation_changes],
        "clusters": clusters,
    }
    if args.json:
        _print(payload)
        return EXIT_OK
    print(organisation_text(cat, on, lang))
    for cluster in clusters:
        print(f"{cluster['code']}  {cluster['name']}")
        for m in cluster["members"]:
            also = [c for c in m["clusters"] if c != cluster["code"]]
            extra = (
                f"  ({t('organisation.also_in', lang, clusters=', '.join(also))})" if also else ""
            )
            print(f"    {m['code']}  {m['name']}{extra}")
    return EXIT_OK


def membership(args: argparse.Namespace) -> int:
    from goals.catalogue.edit import join_area, leave_area

    engine = store.open_store()
    cat = Catalogue.read(engine)
    args.area, args.cluster = _code(cat, args.area, args.lang), _code(cat, args.cluster, args.lang)
    with store.write_session(engine) as session:
        if args.membership_command == "join":
            edit = join_area(
                session=session, actor=_system_actor(), code=args.area, parent=args.cluster,
                since=args.since, lang=args.lang,
            )  # fmt: skip
        else:
            edit = leave_area(
                session=session, actor=_system_actor(), code=args.area, parent=args.cluster,
                until=args.until, lang=args.lang,
            )  # fmt: skip
    if args.json:
        _print({"area": edit.code, "action": args.membership_command, "outcome": edit.action})
    else:
        when = args.since if args.membership_command == "join" else args.until
        key = "organisation.joined" if args.membership_command == "join" else "organisation.left"
        print(t(key, args.lang, area=edit.code, cluster=args.cluster, date=when or t("organisation.today", args.lang)))  # fmt: skip
    return EXIT_OK


def _code(cat: Catalogue, name: str, lang: str) -> str:
    """An area's code from its code, name or alias (an unknown one with suggestions)."""
    from goals.status.assessment import find_area

    return find_area(cat, name, lang).code


def suppression(args: argparse.Namespace) -> int:
    from goals.catalogue.suppression import read_suppression

    engine = store.open_store()
    if args.below is not None:
        from goals.catalogue.edit import set_suppression

        with store.write_session(engine) as session:
            set_suppression(
                session=session, actor=_system_actor(), min_count=args.below, lang=args.lang
            )
    with store.read_session(engine) as session:
        rule = read_suppression(session)
    if args.json:
        _print({"min_count": rule.min_count, "active": rule.active})
    elif rule.active:
        print(t("organisation.suppression.on", args.lang, n=rule.min_count))
    else:
        print(t("organisation.suppression.off", args.lang))
    return EXIT_OK
