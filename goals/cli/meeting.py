"""``python -m goals meeting …``: the meeting cycle from the command line (the secretariat's).

Whoever runs the command line on the server holds the database credentials, so these commands
act as the system administrator ("cli:<os user>"); every change is in the audit trail.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from goals import store
from goals.cli.common import EXIT_ERROR, EXIT_OK
from goals.cli.users import _system_actor
from goals.meetings import (
    actions,
    add_action,
    annotate_meeting,
    create_meeting,
    edit_meeting,
    freeze_meeting,
    list_meetings,
    meeting_changes,
    meeting_summary,
    summary_bytes,
    update_action,
)


def _print(payload: object) -> None:
    print(json.dumps(payload, ensure_ascii=False))


def _answer(meeting, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    if args.json:
        _print(meeting.to_json())
    else:
        print(f"{meeting.id}  {meeting.held_on}  {meeting.forum_name}  {meeting.title}")
    return EXIT_OK


def create(args: argparse.Namespace) -> int:
    meeting = create_meeting(
        engine=store.open_store(),
        actor=_system_actor(),
        title=args.title,
        held_on=args.date,
        forum=args.forum,
        clusters=args.cluster,
        tracks=args.track,
        goals=args.goal,
        lang=args.lang,
    )
    return _answer(meeting, args)


def edit(args: argparse.Namespace) -> int:
    meeting = edit_meeting(
        engine=store.open_store(),
        actor=_system_actor(),
        meeting_id=args.meeting,
        title=args.title,
        held_on=args.date,
        forum=args.forum,
        clusters=args.cluster,
        tracks=args.track,
        goals=args.goal,
        lang=args.lang,
    )
    return _answer(meeting, args)


def list_(args: argparse.Namespace) -> int:
    meetings = list_meetings(engine=store.open_store(), lang=args.lang)
    if args.json:
        _print([m.to_json() for m in meetings])
        return EXIT_OK
    for m in meetings:
        frozen = f"frozen {m.frozen_at:%Y-%m-%d %H:%M}" if m.frozen_at else "not frozen"
        print(f"{m.id:>4}  {m.held_on}  {m.forum_name:<18} {frozen:<24} {m.title}")
    return EXIT_OK


def freeze(args: argparse.Namespace) -> int:
    meeting = freeze_meeting(
        engine=store.open_store(), actor=_system_actor(), meeting_id=args.meeting, lang=args.lang
    )
    if args.json:
        _print(meeting.to_json())
    else:
        print(f"Meeting {meeting.id} frozen at {meeting.frozen_at:%Y-%m-%d %H:%M} UTC.")
    return EXIT_OK


def changes(args: argparse.Namespace) -> int:
    found = meeting_changes(
        engine=store.open_store(), meeting_id=args.meeting, to=args.to, lang=args.lang
    )
    if args.json:
        _print(found.to_json())
        return EXIT_OK
    for line in found.headline(args.lang):
        print(line)
    for change in found.changed:
        before = (change["before"] or {}).get("verdict", "–")
        after = (change["after"] or {}).get("verdict", "–")
        print(f"  {change['criterion']} {change['area']}: {before} → {after}")
    for value in found.revised_values:
        print(
            f"  {value['indicator']} {value['area']} {value['period']} {value['group']}: "
            f"{value['before']} → {value['after']} (upload {value['upload_id']})"
        )
    return EXIT_OK


def summary(args: argparse.Namespace) -> int:
    engine = store.open_store()
    content = summary_bytes(
        meeting_summary(engine=engine, meeting_id=args.meeting, lang=args.lang), args.out
    )
    try:
        Path(args.out).write_bytes(content)
    except OSError as exc:
        print(f"{args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    print(args.out)
    return EXIT_OK


def note(args: argparse.Namespace) -> int:
    meeting = annotate_meeting(
        engine=store.open_store(),
        actor=_system_actor(),
        meeting_id=args.meeting,
        text=args.text,
        lang=args.lang,
    )
    if args.json:
        _print(meeting.to_json())
    return EXIT_OK


def action(args: argparse.Namespace) -> int:
    found = add_action(
        engine=store.open_store(),
        actor=_system_actor(),
        meeting_id=args.meeting,
        text=args.text,
        kind=args.kind,
        goal=args.goal,
        area=args.cluster,
        owner=args.owner,
        due_on=args.due,
        lang=args.lang,
    )
    if args.json:
        _print(found.to_json())
    else:
        print(f"{found.id}  {found.kind_label(args.lang)}: {found.text}")
    return EXIT_OK


def follow_up(args: argparse.Namespace) -> int:
    found = update_action(
        engine=store.open_store(),
        actor=_system_actor(),
        action_id=args.action,
        status=args.status,
        owner=args.owner,
        due_on=args.due,
        lang=args.lang,
    )
    if args.json:
        _print(found.to_json())
    else:
        print(f"{found.id}  {found.status_label(args.lang)}: {found.text}")
    return EXIT_OK


def list_actions(args: argparse.Namespace) -> int:
    found = actions(engine=store.open_store(), meeting_id=args.meeting, open_only=args.open)
    if args.json:
        _print([a.to_json() for a in found])
        return EXIT_OK
    for a in found:
        due = f" due {a.due_on}" if a.due_on else ""
        owner = f" ({a.owner})" if a.owner else ""
        print(
            f"{a.id:>4}  #{a.meeting_id} {a.status_label(args.lang):<8} {a.kind_label(args.lang)}{owner}{due}: {a.text}"
        )
    return EXIT_OK
