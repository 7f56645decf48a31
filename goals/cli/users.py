"""``python -m goals users …``: local accounts.

Whoever runs the command line on the server already holds the database credentials, so these
commands act as the system administrator ("cli:<os user>"); every change is in the audit trail.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from goals import access, store
from goals.cli.common import EXIT_OK, JSON
from goals.store.model import Role


def _system_actor() -> access.Actor:
    return access.Actor(name=f"cli:{getpass.getuser()}", role=Role.ADMIN)


def _password_from_stdin() -> str:
    line = sys.stdin.readline()
    if not line:
        raise access.AccessError(
            "No password on standard input (use --password-stdin and pipe it in)."
        )
    return line.rstrip("\r\n")


def _add(args: argparse.Namespace) -> int:
    password = _password_from_stdin() if args.password_stdin else None
    if password is None and not args.email:
        raise access.AccessError(
            "Give a password with --password-stdin, or an --email for single sign-on."
        )
    engine = store.open_store()
    with store.write_session(engine) as session:
        access.add_user(
            session=session,
            actor=_system_actor(),
            name=args.name,
            role=args.role,
            steering_groups=args.steering_group or (),
            password=password,
            email=args.email,
        )
    print(f"User {args.name} added as {args.role}.")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    engine = store.open_store()
    with store.read_session(engine) as session:
        users = access.list_users(session)
    if args.json:
        print(json.dumps(users, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not users:
        print("No users: the app runs in demo mode (everyone may do everything).")
    for user in users:
        groups = ",".join(user["steering_groups"]) or "-"
        print(f"{user['name']:<24} {user['role']:<12} {groups:<16} {user['email'] or ''}")
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    engine = store.open_store()
    with store.write_session(engine) as session:
        access.remove_user(session=session, actor=_system_actor(), name=args.name)
    print(f"User {args.name} removed.")
    return EXIT_OK


def _reset(args: argparse.Namespace) -> int:
    password = _password_from_stdin()
    engine = store.open_store()
    with store.write_session(engine) as session:
        access.reset_password(
            session=session, actor=_system_actor(), name=args.name, password=password
        )
    print(f"Password of {args.name} changed.")
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    users = subparsers.add_parser("users", help="manage local user accounts and roles")
    sub = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="add a user")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument(
        "--steering-group", action="append", metavar="CODE", help="for contributors; repeatable"
    )
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    add.add_argument("--email", help="e-mail, for single sign-on (OpenID Connect)")
    add.set_defaults(func=_add)
    listing = sub.add_parser("list", help="list users", parents=[JSON])
    listing.set_defaults(json=False)
    listing.set_defaults(func=_list)
    remove = sub.add_parser("remove", help="remove a user")
    remove.add_argument("name")
    remove.set_defaults(func=_remove)
    reset = sub.add_parser("reset-password", help="set a new password (read from stdin)")
    reset.add_argument("name")
    reset.add_argument("--password-stdin", action="store_true", required=True)
    reset.set_defaults(func=_reset)
