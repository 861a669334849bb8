"""Which schema revisions this app knows and which one a SQLite store records, using the standard
library only: the app runs these checks before the window shows, and before importing SQLAlchemy.

Revision files are named ``NNNN_description.py`` with ``revision = "NNNN"`` (a test holds every file
to that, and this list to Alembic's own).
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


class SchemaError(Exception):
    """The database cannot be opened by this app (newer schema, or not a Mediseal database)."""


class SchemaTooNew(SchemaError):
    """The store was written by a newer app; ``revision`` is what it records."""

    def __init__(self, revision: str) -> None:
        self.revision = revision
        super().__init__(revision)


class NotADatabase(SchemaError):
    """The file is not a SQLite database."""


def known_revisions() -> list[str]:
    """Every revision this app knows, oldest first."""
    found = (_REVISION_FILE.match(path.name) for path in VERSIONS_DIR.iterdir())
    return sorted(match.group(1) for match in found if match)


def head_revision() -> str:
    """The newest revision this app knows."""
    return known_revisions()[-1]


def check_known(revision: str | None) -> None:
    """Raise ``SchemaTooNew`` if ``revision`` is not one this app knows."""
    if revision is not None and revision not in known_revisions():
        raise SchemaTooNew(revision)


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
