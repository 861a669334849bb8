"""Schema migrations with Alembic: where an open database stands, and bringing it to the head revision.

Migrations live in ``db/migrations`` inside the package, so an installed app or a frozen bundle carries
them. A store written by a newer app (a revision this app does not know) is refused before anything is
touched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from db.engine import Database
from db.revisions import check_known, head_revision, sqlite_revision

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


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


def alembic_revisions() -> list[str]:
    """Every revision as Alembic reads the scripts, oldest first (``db.revisions`` must agree)."""
    script = ScriptDirectory.from_config(alembic_config())
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def database_revision(database: Database) -> str | None:
    """The revision recorded in an open database."""
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


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
    if current == wanted:
        return MigrationResult(current, wanted, None)
    backup = backup_sqlite(sqlite_path, current) if sqlite_path is not None and current else None
    _run(database, lambda config: command.upgrade(config, target))
    return MigrationResult(current, wanted, backup)


def downgrade(database: Database, target: str) -> None:
    """Step the schema back to ``target`` (for tests of upgrades from earlier revisions)."""
    _run(database, lambda config: command.downgrade(config, target))


def _run(database: Database, step: Callable[[Config], None]) -> None:
    """Run Alembic on one connection in one transaction.

    On SQLite, foreign keys are off while it runs and checked before it commits: a migration that
    changes a table's constraints rebuilds the table (copy, drop, rename), and dropping a table that
    other rows refer to fails while they are on. This is the procedure of the SQLite documentation,
    "Making Other Kinds Of Table Schema Changes" (ALTER TABLE, §7); the pragma has no effect inside a
    transaction, so it is set before the transaction begins and restored after it ends.
    """
    config = alembic_config()
    with database.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        # The driver's own connection, whose statements run outside SQLAlchemy's transaction.
        raw = connection.connection.dbapi_connection if sqlite else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                step(config)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"the migration left rows whose references are broken: {broken}")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")
