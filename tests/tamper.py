"""Changing stored rows the way an attacker with file or superuser access would, for the verification
tests: the append-only triggers and the foreign keys out of the way, the app's services bypassed."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable

from sqlalchemy import text

from desktop.core.storage.store import OpenStore

Statement = tuple[str, dict[str, object]]


def behind_the_triggers(store: OpenStore, table: str, statement: str, **params: object) -> None:
    """Run ``statement`` (on ``table``) with every append-only trigger and foreign key out of the way."""
    del table  # every trigger is set aside, whichever table the statement touches
    behind_the_back(store, [(statement, params)])


def behind_the_back(store: OpenStore, statements: Iterable[Statement]) -> None:
    """Run ``statements`` in one transaction with no trigger and no foreign-key check: on PostgreSQL as a
    superuser in replica mode, on SQLite through a plain connection to the file (foreign keys are off by
    default there) with the triggers dropped and put back inside the transaction."""
    if store.database.kind == "postgresql":
        with store.database.engine.begin() as connection:
            connection.execute(text("SET LOCAL session_replication_role = replica"))
            for statement, params in statements:
                connection.execute(text(statement), params)
        return
    path = store.database.engine.url.database
    assert path is not None
    connection = sqlite3.connect(path, isolation_level=None, timeout=30)
    try:
        connection.execute("BEGIN IMMEDIATE")
        triggers = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        for name, _sql in triggers:
            connection.execute(f"DROP TRIGGER {name}")
        for statement, params in statements:
            connection.execute(statement, params)
        for _name, sql in triggers:
            connection.execute(sql)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()


def replace_blob(store: OpenStore, sha256: str, data: bytes) -> None:
    """Write ``data`` over a blob in the vault on disk, as someone with file access would (the vault keeps
    blobs read-only)."""
    blob = store.vault.path(sha256)
    os.chmod(blob, 0o600)
    blob.write_bytes(data)
