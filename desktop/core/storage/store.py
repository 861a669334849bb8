"""Opening a store: the data folder's subfolders, its log, and its database migrated to the head."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from db import migrate, revisions
from db.engine import Database, open_database, sqlite_url
from db.models import AppMeta, utc_now
from desktop import __version__
from desktop.config import Settings
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.storage.datafolder import SUBFOLDERS, DataFolder, database_label, preflight, schema_error
from desktop.core.storage.logs import close_logging, current_log_file, setup_logging
from desktop.core.storage.vault.local import LocalVault

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class OpenStore:
    """A data folder opened for work: its paths, its migrated database and where the log goes."""

    folder: DataFolder
    database: Database
    database_url: str
    log_file: Path
    migration: migrate.MigrationResult

    @property
    def vault(self) -> LocalVault:
        """The evidence vault in the data folder."""
        return LocalVault(self.folder.vault)

    @property
    def database_label(self) -> str:
        """Short, password-free description of the database for the status bar."""
        return database_label(None if self.database.kind == "sqlite" else self.database_url)

    def close(self) -> None:
        """Release the database connections and the log file."""
        self.database.dispose()
        if self.log_file == current_log_file():
            close_logging()


def _check_server_schema(url: str, folder: DataFolder) -> None:
    probe = open_database(url)
    try:
        revisions.check_known(migrate.database_revision(probe))
    except revisions.SchemaError as error:
        raise schema_error(error, folder.database_file) from error
    except OperationalError as error:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Cannot reach the database {url}: {reason}"),
                           url=make_url(url).render_as_string(hide_password=True),
                           reason=str(error.orig or error).strip().splitlines()[0]) from error
    finally:
        probe.dispose()


def _record_versions(database: Database) -> None:
    with database.session_scope() as session:
        known = {row.key: row for row in session.scalars(select(AppMeta))}
        wanted = {"created_with": known["created_with"].value if "created_with" in known else __version__,
                  "last_opened_with": __version__, "schema_revision": revisions.head_revision()}
        for key, value in wanted.items():
            row = known.get(key)
            if row is None:
                session.add(AppMeta(key=key, value=value, updated_at=utc_now()))
            elif row.value != value:
                row.value = value


def open_store(settings: Settings) -> OpenStore:
    """Check, create if new, migrate and open the data folder named by ``settings``."""
    folder = preflight(settings)
    own_sqlite = settings.database_url is None
    url = settings.database_url or sqlite_url(folder.database_file)
    if not own_sqlite:
        _check_server_schema(url, folder)
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
    LocalVault(folder.vault).remove_stale_temp_files()  # what a crash mid-ingest left behind
    log.info("opened data folder %s (%s)", folder.root, database.kind)
    return OpenStore(folder, database, url, log_file, result)
