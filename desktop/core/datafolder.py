"""The data folder: database (SQLite by default), vault, logs and exports, opened and migrated at start.

Opening checks everything that could make the folder unusable (a file in its place, no write access, a
database written by a newer app) before creating or changing anything.
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from db import migrate
from db.engine import Database, open_database, sqlite_url
from db.models import AppMeta, utc_now
from desktop import __version__
from desktop.config import Settings
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.logs import close_logging, current_log_file, setup_logging

log = logging.getLogger(__name__)

DATABASE_FILE_NAME = "mediseal.db"
SUBFOLDERS = ("vault", "logs", "exports")


@dataclass(frozen=True, slots=True)
class DataFolder:
    """Paths inside one data folder."""

    root: Path

    @property
    def database_file(self) -> Path:
        return self.root / DATABASE_FILE_NAME

    @property
    def vault(self) -> Path:
        return self.root / "vault"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def exports(self) -> Path:
        return self.root / "exports"


@dataclass(frozen=True, slots=True)
class OpenStore:
    """A data folder opened for work: its paths, its migrated database and where the log goes."""

    folder: DataFolder
    database: Database
    database_url: str
    log_file: Path
    migration: migrate.MigrationResult

    @property
    def database_label(self) -> str:
        """Short, password-free description of the database for the status bar."""
        url = make_url(self.database_url)
        if url.get_backend_name() == "sqlite":
            return "SQLite"
        place = url.host or "local socket"
        return f"PostgreSQL {url.database or ''} @ {place}".strip()

    def close(self) -> None:
        """Release the database connections and the log file."""
        self.database.dispose()
        if self.log_file == current_log_file():
            close_logging()


def _unusable(reason: str, folder: Path) -> InvalidInput:
    return InvalidInput(reason, path=str(folder))


def check_folder(root: Path) -> None:
    """Refuse a data folder path that cannot be used, creating nothing."""
    if root.exists() and not root.is_dir():
        raise _unusable(QT_TRANSLATE_NOOP("errors",
                                          "The data folder {path} is a file, not a folder."), root)
    if root.is_dir() and any(root.iterdir()) and not any(
            (root / name).exists() for name in (DATABASE_FILE_NAME, *SUBFOLDERS)):
        raise _unusable(QT_TRANSLATE_NOOP(
            "errors", "The folder {path} is not empty and is not a Mediseal data folder: choose "
            "an empty or new folder."), root)
    existing = root
    while not existing.exists():
        if existing.parent == existing:
            break
        existing = existing.parent
    if not existing.is_dir():
        raise _unusable(QT_TRANSLATE_NOOP(
            "errors", "The data folder {path} cannot be made: a file stands in its path."), root)
    if not _writable(existing):
        raise _unusable(QT_TRANSLATE_NOOP(
            "errors", "The data folder {path} is not writable: choose another folder or fix "
            "its permissions."), root)


def _writable(folder: Path) -> bool:
    # os.access is not enough: root passes it on read-only mounts and immutable folders.
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".mediseal-write-check-"):
            return True
    except OSError:
        return False


def _check_schema(folder: DataFolder, url: str, own_sqlite: bool) -> None:
    try:
        if own_sqlite:
            migrate.check_known(migrate.sqlite_revision(folder.database_file))
        else:
            probe = open_database(url)
            try:
                migrate.check_known(migrate.database_revision(probe))
            finally:
                probe.dispose()
    except migrate.SchemaTooNew as error:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The database was written by a newer Mediseal (schema {revision}; this "
            "version knows up to {head}). Install the newer version to open it."),
            revision=error.revision, head=migrate.head_revision()) from error
    except OperationalError as error:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "Cannot reach the database {url}: {reason}"),
            url=make_url(url).render_as_string(hide_password=True),
            reason=str(error.orig or error).strip().splitlines()[0]) from error
    except migrate.NotADatabase as error:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "{path} is not a Mediseal database ({reason})."),
            path=str(folder.database_file), reason=str(error)) from error


def _record_versions(database: Database) -> None:
    with database.session_scope() as session:
        known = {row.key: row for row in session.scalars(select(AppMeta))}
        wanted = {"created_with": known["created_with"].value if "created_with" in known else __version__,
                  "last_opened_with": __version__, "schema_revision": migrate.head_revision()}
        for key, value in wanted.items():
            row = known.get(key)
            if row is None:
                session.add(AppMeta(key=key, value=value, updated_at=utc_now()))
            elif row.value != value:
                row.value = value


def open_store(settings: Settings) -> OpenStore:
    """Check, create if new, migrate and open the data folder named by ``settings``."""
    folder = DataFolder(settings.data_dir.absolute())
    check_folder(folder.root)
    own_sqlite = settings.database_url is None
    url = settings.database_url or sqlite_url(folder.database_file)
    _check_schema(folder, url, own_sqlite)
    for name in SUBFOLDERS:
        (folder.root / name).mkdir(parents=True, exist_ok=True)
    log_file = setup_logging(folder.logs)
    database = open_database(url)
    try:
        result = migrate.upgrade(database, folder.database_file if own_sqlite else None)
        _record_versions(database)
    except Exception:
        database.dispose()
        raise
    if result.from_revision != result.to_revision:
        log.info("schema migrated from %s to %s (copy before: %s)", result.from_revision,
                 result.to_revision, result.backup)
    log.info("opened data folder %s (%s)", folder.root, database.kind)
    return OpenStore(folder, database, url, log_file, result)
