"""What a store remembers about itself (`StoreSetting`): read and written inside the caller's
session, so a setting lands in the same transaction as what it describes."""

from __future__ import annotations

from sqlmodel import Session

from goals.store.model import StoreSetting

__all__ = ["CATALOGUE", "get_setting", "put_setting"]

#: The catalogue the store was started with: a shipped region's name or a folder's path.
CATALOGUE = "catalogue"


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(StoreSetting, key)
    return row.value if row is not None else None


def put_setting(session: Session, key: str, value: str) -> None:
    row = session.get(StoreSetting, key)
    if row is None:
        session.add(StoreSetting(key=key, value=value))
    elif row.value != value:
        row.value = value
        session.add(row)
    session.flush()
