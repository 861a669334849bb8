"""The data folder: where the database (SQLite by default), vault, logs and exports live.

``preflight`` checks everything that could make the folder unusable (a file in its place, no write
access, a SQLite database written by a newer app) before anything is created or changed. It uses the
standard library only, so the app can run it before its window shows.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from db import revisions
from desktop.config import Settings
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput

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


def database_label(database_url: str | None) -> str:
    """Short, password-free description of the database, for the status bar and messages."""
    if database_url is None or database_url.startswith("sqlite"):
        return "SQLite"
    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    place = parts.hostname or parse_qs(parts.query).get("host", ["local socket"])[0]
    return f"PostgreSQL {name} @ {place}"


def _unusable(reason: str, folder: Path) -> InvalidInput:
    return InvalidInput(reason, path=str(folder))


def _writable(folder: Path) -> bool:
    # os.access is not enough: root passes it on read-only mounts and immutable folders.
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".mediseal-write-check-"):
            return True
    except OSError:
        return False


def check_folder(root: Path) -> None:
    """Refuse a data folder path that cannot be used, creating nothing."""
    if root.exists() and not root.is_dir():
        raise _unusable(QT_TRANSLATE_NOOP("errors", "The data folder {path} is a file, not a folder."), root)
    if root.is_dir() and any(root.iterdir()) and not any(
            (root / name).exists() for name in (DATABASE_FILE_NAME, *SUBFOLDERS)):
        raise _unusable(QT_TRANSLATE_NOOP(
            "errors", "The folder {path} is not empty and is not a Mediseal data folder: choose "
            "an empty or new folder."), root)
    existing = root
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        raise _unusable(QT_TRANSLATE_NOOP(
            "errors", "The data folder {path} cannot be made: a file stands in its path."), root)
    if not _writable(existing):
        raise _unusable(QT_TRANSLATE_NOOP(
            "errors", "The data folder {path} is not writable: choose another folder or fix "
            "its permissions."), root)


def schema_error(error: revisions.SchemaError, database_file: Path) -> InvalidInput:
    """The user-facing form of a schema problem."""
    if isinstance(error, revisions.SchemaTooNew):
        return InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The database was written by a newer Mediseal (schema {revision}; this "
            "version knows up to {head}). Install the newer version to open it."),
            revision=error.revision, head=revisions.head_revision())
    return InvalidInput(QT_TRANSLATE_NOOP("errors", "{path} is not a Mediseal database ({reason})."),
                        path=str(database_file), reason=str(error))


def preflight(settings: Settings) -> DataFolder:
    """Check the folder (and a SQLite store's schema) without changing anything; return its paths."""
    folder = DataFolder(settings.data_dir.absolute())
    check_folder(folder.root)
    if settings.database_url is None:
        try:
            revisions.check_known(revisions.sqlite_revision(folder.database_file))
        except revisions.SchemaError as error:
            raise schema_error(error, folder.database_file) from error
    return folder
