"""Changing stored rows the way an attacker with file access would, for the verification tests."""

from __future__ import annotations

from sqlalchemy import text

from desktop.core.storage.store import OpenStore


def behind_the_triggers(store: OpenStore, table: str, statement: str, **params: object) -> None:
    """Run ``statement`` on ``table`` with its append-only triggers out of the way."""
    with store.database.engine.begin() as connection:
        if store.database.kind == "postgresql":
            connection.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
            connection.execute(text(statement), params)
            connection.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER USER"))
        else:
            triggers = connection.execute(text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"),
                {"t": table}).all()
            for name, _sql in triggers:
                connection.execute(text(f"DROP TRIGGER {name}"))
            connection.execute(text(statement), params)
            for _name, sql in triggers:
                connection.execute(text(sql))
