"""Who may do what with status workbooks: upload rows of their own steering groups, roll back
their own uploads while their groups still own what those hold, download originals of their
groups' files (goals.access holds the roles; this module applies them to workbooks).

Every write of the workbook package calls `check_permission` inside its transaction; the pages
use `may_download` and `may_roll_back` to offer only what the core will allow.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import Session

from goals import access
from goals.catalogue import Catalogue
from goals.i18n import name_of, t
from goals.spreadsheet.cells import Problem, cell_ref, row_list
from goals.store.model import (
    Assessment,
    Initiative,
    Observation,
    Upload,
    UploadCarried,
    UploadState,
)
from goals.workbook.validate import ParsedWorkbook

if TYPE_CHECKING:
    from goals.workbook.history import UploadInfo


def file_problem(key: str, lang: str, **values: Any) -> Problem:
    return Problem("", "", "", "", t(key, lang, **values))


def check_permission(
    *,
    session: Session,
    user: str,
    action: str,
    catalogue: Catalogue | None = None,
    parsed: ParsedWorkbook | None = None,
    upload: Upload | None = None,
    lang: str = "da",
) -> list[Problem]:
    """The single place where a user's right to upload or roll back is checked (goals.access).

    Every write of this module calls it inside its transaction. With no users at all (demo
    mode) everyone may do everything. Otherwise the user must exist; a viewer may not write; a
    contributor may upload only values of indicators their steering group owns and initiatives
    and assessments of goals it owns — each refusal names the sheet and rows; rolling back is
    for admins and for the account that made the upload (never another account of the same
    name), while that account's steering groups still own everything the upload holds.
    """
    actor = access.actor_for(session, user)
    if actor is None:
        return [file_problem("workbook.permission.unknown_user", lang, user=user)]
    if action == "rollback":
        if actor.may_administer():
            return []
        if upload is None or actor.id is None or upload.user_id != actor.id:
            return [file_problem("workbook.permission.rollback", lang, user=actor.name)]
        catalogue = catalogue or Catalogue.load(session)
        foreign = _foreign_holdings(actor, catalogue, *_holdings(session, upload.id), lang)
        if foreign:
            return [
                file_problem(
                    "workbook.permission.rollback_foreign",
                    lang,
                    user=actor.name,
                    upload_id=upload.id,
                    what=foreign,
                )
            ]
        return []
    if not actor.may_upload():
        return [file_problem("workbook.permission.viewer", lang, user=actor.name)]
    if actor.may_administer() or parsed is None or catalogue is None:
        return []
    return _foreign_rows(actor, parsed, catalogue, lang)


def steering_groups_of(
    catalogue: Catalogue, indicator_ids: Iterable[int], goal_ids: Iterable[int]
) -> set[int]:
    """The steering groups that own these indicators and goals (`Catalogue.indicator_owners`)."""
    goals = {g.id: g for g in catalogue.goals}
    owners: set[int] = set()
    for i in indicator_ids:
        if int(i) in catalogue.indicators:
            owners |= catalogue.indicator_owners(catalogue.indicators[int(i)])
    for g in goal_ids:
        if int(g) in goals:
            owners.add(goals[int(g)].steering_group_id)
    return owners


def _holdings(session: Session, upload_id: int) -> tuple[set[int], set[int]]:
    """(indicator ids, goal ids) of the values an upload wrote or sent again unchanged."""
    c = UploadCarried.__table__

    def ids(table: sa.Table, column: str, kind: str) -> set[int]:
        wrote = sa.select(table.c[column]).where(table.c.upload_id == upload_id)
        carried = (
            sa.select(table.c[column])
            .join(c, sa.and_(c.c.kind == kind, c.c.row_id == table.c.id))
            .where(c.c.upload_id == upload_id)
        )
        return set(session.connection().execute(sa.union(wrote, carried)).scalars())

    indicators = ids(Observation.__table__, "indicator_id", "observation")
    goals = ids(Initiative.__table__, "goal_id", "initiative")
    goals |= ids(Assessment.__table__, "goal_id", "assessment")
    return indicators, goals


def _foreign_holdings(
    actor: access.Actor,
    catalogue: Catalogue,
    indicator_ids: set[int],
    goal_ids: set[int],
    lang: str,
) -> str:
    """The indicators and goals among these that none of the actor's steering groups owns, as
    text ("" when the actor owns them all)."""
    mine = actor.steering_group_ids
    goals = {g.id: g for g in catalogue.goals}
    names = [
        f"{catalogue.indicators[i].code} {name_of(catalogue.indicators[i], lang)}"
        for i in sorted(indicator_ids)
        if i in catalogue.indicators
        and not (catalogue.indicator_owners(catalogue.indicators[i]) & mine)
    ]
    names += [
        name_of(goals[g], lang, "title")
        for g in sorted(goal_ids)
        if g in goals and goals[g].steering_group_id not in mine
    ]
    return ", ".join(names)


def _upload_groups(session: Session, catalogue: Catalogue | None, row: Any) -> frozenset[int]:
    """The steering groups whose values an upload held: as recorded when it was sent, or (for
    uploads from before that was recorded) the owners of its rows today."""
    if row["steering_groups_json"] is not None:
        return frozenset(int(i) for i in json.loads(row["steering_groups_json"]))
    if catalogue is None:
        return frozenset()
    return frozenset(steering_groups_of(catalogue, *_holdings(session, row["id"])))


def may_download(actor: access.Actor | None, upload: UploadInfo) -> bool:
    """Whether the actor may download an upload's original file: admins (and everyone in demo
    mode), the account that uploaded it, and members of the steering groups whose values it
    held."""
    if actor is None:
        return False
    if actor.may_administer():
        return True
    if actor.id is not None and upload.user_id == actor.id:
        return True
    return bool(actor.steering_group_ids & upload.steering_group_ids)


def may_roll_back(actor: access.Actor | None, upload: UploadInfo) -> bool:
    """Whether to offer the actor a rollback of this upload (the rollback itself re-checks,
    including that the actor's steering groups still own what it holds)."""
    if actor is None or upload.state != UploadState.APPLIED.value:
        return False
    return actor.may_administer() or (actor.id is not None and upload.user_id == actor.id)


def _foreign_rows(
    actor: access.Actor, parsed: ParsedWorkbook, catalogue: Catalogue, lang: str
) -> list[Problem]:
    """One problem per sheet and indicator (or goal) the contributor's groups do not own."""
    groups = {g.id: g for g in catalogue.steering_groups}
    mine = " / ".join(
        name_of(groups[i], lang) for i in sorted(actor.steering_group_ids) if i in groups
    )
    goals = {g.id: g for g in catalogue.goals}
    problems: list[Problem] = []
    for sheet in parsed.sheets:
        rows = sheet.rows
        if rows is None or not len(rows):
            continue
        if sheet.kind == "indicators":
            owners = {i: catalogue.indicator_owners(ind) for i, ind in catalogue.indicators.items()}
            foreign = rows[
                [not (owners.get(i, set()) & actor.steering_group_ids) for i in rows.indicator_id]
            ]
            for indicator_id, part in foreign.groupby("indicator_id", sort=False):
                indicator = catalogue.indicators[indicator_id]
                owner_names = " / ".join(
                    name_of(groups[g], lang) for g in sorted(owners[indicator_id]) if g in groups
                )
                first = part.iloc[0]
                problems.append(
                    Problem(
                        sheet.name,
                        cell_ref(sheet.name, int(first["row"]) - 1, int(first["col"])),
                        "",
                        indicator.code,
                        t(
                            "workbook.permission.indicator",
                            lang,
                            user=actor.name,
                            indicator=f"{indicator.code} {name_of(indicator, lang)}",
                            owner=owner_names or t("workbook.permission.no_owner", lang),
                            mine=mine,
                            rows=row_list(part["row"]),
                        ),
                    )
                )
        elif sheet.kind in ("initiatives", "assessments"):
            foreign = rows[
                [goals[g].steering_group_id not in actor.steering_group_ids for g in rows.goal_id]
            ]
            for goal_id, part in foreign.groupby("goal_id", sort=False):
                goal = goals[goal_id]
                first = part.iloc[0]
                problems.append(
                    Problem(
                        sheet.name,
                        cell_ref(sheet.name, int(first["row"]) - 1, 0),
                        "",
                        goal.code,
                        t(
                            "workbook.permission.goal",
                            lang,
                            user=actor.name,
                            goal=name_of(goal, lang, "title"),
                            owner=name_of(groups[goal.steering_group_id], lang),
                            mine=mine,
                            rows=row_list(part["row"]),
                        ),
                    )
                )
    return problems
