"""Schema migrations: where the store stands, and bringing it to the head revision.

Migrations live in ``db/migrations`` inside the package, so an installed app or a frozen bundle carries
them. A store written by a newer app (a revision this app does not know) is refused before anything is
touched.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from db.engine import Database, is_sqlite

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class SchemaError(Exception):
    """The database cannot be opened by this app (newer schema, or not a Mediseal database)."""


class SchemaTooNew(SchemaError):
    """The store was written by a newer app; ``revision`` is what it records."""

    def __init__(self, revision: str) -> None:
        self.revision = revision
        super().__init__(revision)


class NotADatabase(SchemaError):
    """The file is not a SQLite database."""


@dataclass(frozen=True, slots=True)
class MigrationResult:
    """What an upgrade did: from which revision to which, and where the copy made before it lies."""

    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    """An Alembic config pointing at the packaged migrations (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest revision this app knows."""
    head = _script().get_current_head()
    assert head is not None, "no migrations packaged"
    return head


def known_revisions() -> list[str]:
    """Every revision this app knows, oldest first."""
    return [script.revision for script in reversed(list(_script().walk_revisions()))]


def sqlite_revision(path: Path) -> str | None:
    """The revision recorded in a SQLite file, read without writing anything; None if none yet."""
    if not path.exists():
        return None
    # With no -wal file beside it the main file holds everything, and immutable=1 reads it without
    # creating the -wal and -shm files a plain read-only open of a WAL database leaves behind.
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True)
    except sqlite3.Error as error:
        raise NotADatabase(str(error)) from error
    try:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError as error:
        raise NotADatabase(str(error)) from error
    finally:
        connection.close()


def database_revision(database: Database) -> str | None:
    """The revision recorded in an open database (for SQLite prefer ``sqlite_revision``)."""
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def check_known(revision: str | None) -> None:
    """Raise ``SchemaTooNew`` if ``revision`` is not one this app knows."""
    if revision is not None and revision not in known_revisions():
        raise SchemaTooNew(revision)


def backup_sqlite(path: Path, revision: str) -> Path:
    """Copy a SQLite store aside (consistently, through SQLite's backup API) before an upgrade."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}-before-upgrade-from-{revision}-{stamp}{path.suffix}")
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target


def upgrade(database: Database, sqlite_path: Path | None = None, target: str = "head") -> MigrationResult:
    """Bring ``database`` to ``target``; a SQLite store that already has a schema is copied aside first."""
    current = sqlite_revision(sqlite_path) if sqlite_path else database_revision(database)
    check_known(current)
    wanted = head_revision() if target == "head" else target
    backup = None
    if current == wanted:
        return MigrationResult(current, wanted, None)
    if sqlite_path is not None and current is not None and is_sqlite(str(database.engine.url)):
        backup = backup_sqlite(sqlite_path, current)
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
    return MigrationResult(current, wanted, backup)


def downgrade(database: Database, target: str) -> None:
    """Step the schema back to ``target`` (for tests of upgrades from earlier revisions)."""
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, target)
