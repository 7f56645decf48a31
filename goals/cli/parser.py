"""The one parser of ``python -m goals``: every command, its options and its handler.

Building the parser imports nothing but argparse: each command names its handler as
``"module:function"`` in `goals.cli`, and `goals.cli.main` imports that module only when the
command runs, so ``python -m goals import`` never loads the deck, pptx, pandas or plotly.
"""

from __future__ import annotations

import argparse

from goals.cli.common import JSON, LANG

#: The values of `goals.store.model.Role` (a test keeps them equal), written out here so that
#: building the parser does not load the store.
ROLES = ("viewer", "contributor", "admin")


def _workbook_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add import, uploads, rollback, template and export to the main CLI."""
    p = subparsers.add_parser(
        "import", parents=[LANG, JSON], help="preview or load a status workbook"
    )
    p.add_argument("file", help="the workbook (.xlsx, .xlsm, .ods, .xls)")
    p.add_argument("--dry-run", action="store_true", help="preview only; write nothing")
    p.add_argument("--user", default=None, help="who uploads (default: the OS user name)")
    p.set_defaults(run="workbook:run_import")

    p = subparsers.add_parser("uploads", parents=[LANG, JSON], help="list the upload history")
    p.set_defaults(run="workbook:uploads")

    p = subparsers.add_parser("rollback", parents=[LANG, JSON], help="roll back an upload")
    p.add_argument("upload_id", type=int, help="the upload's number (see `uploads`)")
    p.add_argument("--user", default=None, help="who rolls back (default: the OS user name)")
    p.add_argument("--dry-run", action="store_true", help="only say whether it would succeed")
    p.set_defaults(run="workbook:rollback")

    p = subparsers.add_parser("template", parents=[LANG], help="write the status workbook template")
    p.add_argument("out", help="where to write the .xlsx file")
    p.add_argument("--steering-group", default=None, help="steering group code, e.g. VOKSNE")
    p.set_defaults(run="workbook:template")

    p = subparsers.add_parser(
        "export", parents=[LANG], help="write the current values as a status workbook"
    )
    p.add_argument("out", help="where to write the .xlsx file")
    p.add_argument(
        "--all-values", action="store_true",
        help="include the values the small-number rule hides (to move the data to another store)",
    )  # fmt: skip
    p.set_defaults(run="workbook:export")


def _status_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "status",
        parents=[LANG, JSON],
        help="status of every success criterion × area (the Open SDG progress measure)",
        description=(
            "One row per success criterion and area: baseline and latest value, target, "
            "status, score and the reason. See docs/method.md for the method and the JSON keys."
        ),
    )
    parser.add_argument(
        "--cluster", metavar="CODE", help="only this cluster (code, name or alias) and its members"
    )
    parser.add_argument(
        "--as-of",
        metavar="PERIOD",
        help="use only periods that have ended by PERIOD (e.g. 2023, 2024K2) and the criterion "
        "versions valid at its end",
    )
    parser.add_argument(
        "--meeting",
        metavar="N",
        type=int,
        help="exactly the rows frozen at meeting N (see `meeting freeze`)",
    )
    parser.set_defaults(run="status:handler")


def _report_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "report",
        parents=[LANG],
        help="the status report as PowerPoint (messages, overview, goals, inequality, initiatives)",
        description=(
            "Write the Direktørforum status report as a 16:9 PowerPoint file: a title slide, the "
            "key messages in words, the overview (social inequality and the overall status per "
            "cluster first, then clusters × tracks), one slide per goal with its success criteria "
            "and a chart per criterion, a slide per inequality criterion with the gap before → "
            "after and its 95 % uncertainty, the initiatives, and an appendix with the legend of "
            "the seven verdicts and the one roll-up rule. Every status is the verdict (a change "
            "within the noise is 'Ingen sikker ændring'); every combined status counts success "
            "criteria and says how many carry it. Charts are pictures, status tables are editable "
            "tables, and the reasoning behind each status is in the speaker notes. With --xlsx "
            "also the data behind it: every criterion × area with its verdict, change and "
            "uncertainty, every roll-up with its count, and the series. See docs/presenting.md."
        ),
    )
    parser.add_argument("out", metavar="OUT.pptx", help="the PowerPoint file to write")
    parser.add_argument("--cluster", metavar="CODE", help="only this cluster (code or name)")
    parser.add_argument("--track", metavar="CODE", help="only this track (e.g. KOL)")
    parser.add_argument("--goal", metavar="CODE", help="only this goal (e.g. KOL-1)")
    parser.add_argument(
        "--as-of",
        metavar="PERIOD",
        help="use only periods that have ended by PERIOD (e.g. 2023, 2024K2)",
    )
    parser.add_argument("--xlsx", metavar="OUT.xlsx", help="also write the data behind the report")
    parser.add_argument(
        "--meeting", metavar="N", type=int, help="the deck as it was shown at frozen meeting N"
    )
    parser.set_defaults(run="report:handler")


def _users_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    users = subparsers.add_parser("users", help="manage local user accounts and roles")
    sub = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="add a user")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument(
        "--steering-group", action="append", metavar="CODE", help="for contributors; repeatable"
    )
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    add.add_argument("--email", help="e-mail, for single sign-on (OpenID Connect)")
    add.set_defaults(run="users:add")
    listing = sub.add_parser("list", help="list users", parents=[JSON])
    listing.set_defaults(json=False)
    listing.set_defaults(run="users:list_users")
    remove = sub.add_parser("remove", help="remove a user")
    remove.add_argument("name")
    remove.set_defaults(run="users:remove")
    reset = sub.add_parser("reset-password", help="set a new password (read from stdin)")
    reset.add_argument("name")
    reset.add_argument("--password-stdin", action="store_true", required=True)
    reset.set_defaults(run="users:reset_password")


def _meeting_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    meeting = subparsers.add_parser(
        "meeting",
        help="meetings: create, freeze, changes since, decisions and actions, summary",
        description="The meeting cycle (docs/meetings.md). Acts as the administrator.",
    )
    sub = meeting.add_subparsers(dest="meeting_command", metavar="ACTION", required=True)
    p = sub.add_parser("create", parents=[LANG, JSON], help="create a meeting")
    p.add_argument("--title", required=True)
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--forum", default=None, metavar="CODE", help="default: direktoerforum")
    p.add_argument("--cluster", action="append", metavar="CODE", help="on the agenda; repeatable")
    p.add_argument("--track", action="append", metavar="CODE", help="on the agenda; repeatable")
    p.add_argument("--goal", action="append", metavar="CODE", help="on the agenda; repeatable")
    p.set_defaults(run="meeting:create")
    p = sub.add_parser(
        "edit",
        parents=[LANG, JSON],
        help="change a meeting that is not frozen (only what is given)",
    )
    p.add_argument("meeting", type=int, metavar="N")
    p.add_argument("--title")
    p.add_argument("--date", metavar="YYYY-MM-DD")
    p.add_argument("--forum", metavar="CODE")
    p.add_argument("--cluster", action="append", metavar="CODE", help="the agenda's clusters")
    p.add_argument("--track", action="append", metavar="CODE", help="the agenda's tracks")
    p.add_argument("--goal", action="append", metavar="CODE", help="the agenda's goals")
    p.set_defaults(run="meeting:edit")
    p = sub.add_parser("list", parents=[LANG, JSON], help="list the meetings, newest first")
    p.set_defaults(run="meeting:list_")
    p = sub.add_parser(
        "freeze", parents=[LANG, JSON], help="store every status row as it stands now"
    )
    p.add_argument("meeting", type=int, metavar="N")
    p.set_defaults(run="meeting:freeze")
    p = sub.add_parser("changes", parents=[LANG, JSON], help="what changed since frozen meeting N")
    p.add_argument("meeting", type=int, metavar="N")
    p.add_argument("--to", type=int, metavar="M", help="up to frozen meeting M instead of now")
    p.set_defaults(run="meeting:changes")
    p = sub.add_parser("summary", parents=[LANG], help="write the summary for recipients")
    p.add_argument("meeting", type=int, metavar="N")
    p.add_argument("out", metavar="OUT.(pdf|docx|txt)")
    p.set_defaults(run="meeting:summary")
    p = sub.add_parser("note", parents=[LANG, JSON], help="annotate a meeting")
    p.add_argument("meeting", type=int, metavar="N")
    p.add_argument("text")
    p.set_defaults(run="meeting:note")
    p = sub.add_parser(
        "action", parents=[LANG, JSON], help="record a decision or an action of meeting N"
    )
    p.add_argument("meeting", type=int, metavar="N")
    p.add_argument("--text", required=True)
    p.add_argument("--kind", default="action", help="decision or action (default: action)")
    p.add_argument("--goal", metavar="CODE", help="the goal it concerns")
    p.add_argument("--cluster", metavar="CODE", help="the cluster (or area) it concerns")
    p.add_argument("--owner", help="who follows up")
    p.add_argument("--due", metavar="YYYY-MM-DD", help="by when")
    p.set_defaults(run="meeting:action")
    p = sub.add_parser(
        "follow-up", parents=[LANG, JSON], help="set a decision's or action's status, owner, due"
    )
    p.add_argument("action", type=int, metavar="ACTION_ID")
    p.add_argument("--status", help="open, in_progress or closed (åben, i gang, lukket)")
    p.add_argument("--owner")
    p.add_argument("--due", metavar="YYYY-MM-DD")
    p.set_defaults(run="meeting:follow_up")
    p = sub.add_parser("actions", parents=[LANG, JSON], help="list decisions and actions")
    p.add_argument("--meeting", type=int, metavar="N", help="of this meeting only")
    p.add_argument("--open", action="store_true", help="only those not closed")
    p.set_defaults(run="meeting:list_actions")


def _profile_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "profile",
        parents=[LANG, JSON],
        help="a cluster's profile: members, key figures, offers, resources, challenges",
    )
    p.add_argument("cluster", metavar="CODE", help="the cluster (code, name or alias)")
    p.add_argument(
        "--pptx",
        metavar="OUT.pptx",
        help="also write the profile as slides (for the first meeting of a new cluster)",
    )
    p.set_defaults(run="profile:show")


def _plans_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    for name, run, text in (
        (
            "workplan",
            "plans:show_workplan",
            "the initiatives' work plan: dates, milestones, status",
        ),
        ("economy", "plans:show_economy", "budget and spending per track, cluster and goal; pools"),
    ):
        p = subparsers.add_parser(name, parents=[LANG, JSON], help=text)
        p.add_argument("--cluster", metavar="CODE", help="one cluster (code, name or alias)")
        p.add_argument("--track", metavar="CODE", help="one track (code or name)")
        p.set_defaults(run=run)
    p = subparsers.add_parser(
        "pool",
        parents=[LANG, JSON],
        help="create or rename a pool, or set what it was granted and spent in a year (kr.)",
    )
    p.add_argument("code", metavar="CODE", help="the pool's code, e.g. BEREDSKAB")
    p.add_argument("--name", help="create the pool, or rename it")
    p.add_argument("--name-en", help="its English name")
    p.add_argument("--area", help="the area that holds it (code or name)")
    p.add_argument("--note", help="a note on the pool")
    p.add_argument("--year", type=int, help="the year to set")
    p.add_argument("--granted", default="0", help="kr. granted that year")
    p.add_argument("--spent", default="0", help="kr. spent that year")
    p.add_argument("--year-note", help="a note on that year")
    p.set_defaults(run="plans:pool_set")


def _organisation_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "organisation", parents=[LANG, JSON],
        help="the clusters and their members on a date, and when the organisation changed",
    )  # fmt: skip
    p.add_argument("--on", metavar="DATE", help="the date (default today), e.g. 2024-06-30")
    p.set_defaults(run="organisation:organisation")
    membership = subparsers.add_parser(
        "membership", help="dated memberships: an area joins or leaves a cluster"
    )
    sub = membership.add_subparsers(dest="membership_command", metavar="ACTION", required=True)
    join = sub.add_parser(
        "join", parents=[LANG, JSON],
        help="let an area belong to a cluster too, from a date (beside its other memberships)",
    )  # fmt: skip
    join.add_argument("area", help="the area's code, name or alias")
    join.add_argument("cluster", help="the cluster (or region) it joins")
    join.add_argument("--since", metavar="DATE", help="first day of the membership (default today)")
    join.set_defaults(run="organisation:membership")
    leave = sub.add_parser(
        "leave", parents=[LANG, JSON], help="end an area's membership of a cluster on a date"
    )
    leave.add_argument("area", help="the area's code, name or alias")
    leave.add_argument("cluster", help="the cluster (or region) it leaves")
    leave.add_argument(
        "--until", metavar="DATE", help="the day it no longer belongs (default today)"
    )
    leave.set_defaults(run="organisation:membership")
    p = subparsers.add_parser(
        "suppression", parents=[LANG, JSON],
        help="show or set the small-number rule (diskretionering)",
    )  # fmt: skip
    p.add_argument(
        "--below", metavar="N",
        help="hide counts below N (and values with a numerator or denominator below N); 0: off",
    )  # fmt: skip
    p.set_defaults(run="organisation:suppression")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m goals",
        description=(
            "Målbillede: shared goals, success criteria and indicators for Danish "
            "cross-sector health clusters. The database is GOALS_DATABASE_URL "
            "(default: sqlite file data/goals.db)."
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    init = sub.add_parser("init", help="create or upgrade the database and load the catalogue")
    catalogue_help = (
        "for a new database: the region's catalogue, a shipped one (midtjylland, nordjylland) "
        "or a folder of catalogue files; the database remembers it (default: midtjylland)"
    )
    init.add_argument("--catalogue", metavar="NAME|PATH", help=catalogue_help)
    init.set_defaults(run="setup:init")
    demo = sub.add_parser(
        "demo", help="load the demo catalogue and demo values (as status workbooks)"
    )
    demo.add_argument("--catalogue", metavar="NAME|PATH", help=catalogue_help)
    demo.add_argument(
        "--again", action="store_true", help="load the demo values even if values exist already"
    )
    demo.set_defaults(run="setup:demo")
    for commands in (
        _workbook_commands,
        _status_commands,
        _report_commands,
        _users_commands,
        _meeting_commands,
        _profile_commands,
        _plans_commands,
        _organisation_commands,
    ):
        commands(sub)
    return parser
