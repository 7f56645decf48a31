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
from goals.cli.common import EXIT_OK
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


def add(args: argparse.Namespace) -> int:
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


def list_users(args: argparse.Namespace) -> int:
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


def remove(args: argparse.Namespace) -> int:
    engine = store.open_store()
    with store.write_session(engine) as session:
        access.remove_user(session=session, actor=_system_actor(), name=args.name)
    print(f"User {args.name} removed.")
    return EXIT_OK


def reset_password(args: argparse.Namespace) -> int:
    password = _password_from_stdin()
    engine = store.open_store()
    with store.write_session(engine) as session:
        access.reset_password(
            session=session, actor=_system_actor(), name=args.name, password=password
        )
    print(f"Password of {args.name} changed.")
    return EXIT_OK
