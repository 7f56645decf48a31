"""Observation's references to its parents, which PostgreSQL checks by statement-level triggers
(migration 0010) instead of native foreign keys; SQLite keeps the native keys.

The model still declares the four ForeignKeys: they make SQLite's schema, say what the columns
mean, and order the tables. Alembic's schema comparison (autogenerate, and the test that the
migrated schema matches the model) is told by `schema_filter` that on PostgreSQL these four are
not native keys, so it neither misses them nor proposes to add them back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

TABLE = "observation"
#: observation's column → the parent table it references; checked by triggers on PostgreSQL
CHECKED_BY_TRIGGERS = {
    "indicator_id": "indicator",
    "area_id": "area",
    "group_id": "breakdowngroup",
    "upload_id": "upload",
}


def checked_by_triggers(constraint: sa.ForeignKeyConstraint, dialect: str) -> bool:
    """True for one of observation's four foreign keys on PostgreSQL."""
    if dialect != "postgresql" or constraint.table.name != TABLE:
        return False
    columns = [c.name for c in constraint.columns]
    return (
        len(columns) == 1
        and CHECKED_BY_TRIGGERS.get(columns[0]) == constraint.referred_table.name
        and [e.column.name for e in constraint.elements] == ["id"]
    )


def schema_filter(dialect: str) -> Callable[..., bool]:
    """Alembic's `include_object` for a database of `dialect`: leaves out the model's foreign
    keys that the database checks by triggers instead."""

    def include_object(obj: Any, name: Any, type_: str, reflected: bool, compare_to: Any) -> bool:
        if type_ == "foreign_key_constraint" and not reflected:
            return not checked_by_triggers(obj, dialect)
        return True

    return include_object
