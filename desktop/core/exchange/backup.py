"""Backup and restore of a data folder: one zip archive with a manifest, checkable before anything is
written back.

The archive holds ``HEADER.json`` (format, Mediseal version, database kind, the ledger's size and root at
backup time), the database (SQLite: a snapshot taken with SQLite's online backup API, consistent while the
app runs; PostgreSQL: ``pg_dump`` output when ``pg_dump`` is on PATH, else a note saying how to dump it by
hand), every vault blob (stored, not deflated: evidence is mostly compressed already), the encrypted
signing keys as JSON, the window's settings file when present, and last ``MANIFEST``: one line
``<sha256 hex>  <size>  <name>`` for every other file. The vault is listed after the database snapshot:
blobs are durable before their rows are written (DESIGN.md, Integrity 1), so every blob the snapshot
names is in the archive.

``restore`` checks the whole archive first (names, no symlinks, no duplicates, sizes against the free
space, every digest and size against the manifest, the manifest against the entries) and writes nothing
while anything is wrong; then it writes the files durably, opens the restored store and checks that its
ledger has the size and root the header names.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.engine import open_database, sqlite_url
from db.models import SigningKey, User
from desktop import __version__
from desktop.config import Settings
from desktop.core.errors import QT_TRANSLATE_NOOP, IntegrityError, InvalidInput
from desktop.core.integrity.durable import fsync_folder, new_file, refuse_existing
from desktop.core.progress import CancelledFn, ProgressFn, never_cancelled, no_progress, raise_if_cancelled
from desktop.core.storage.datafolder import DATABASE_FILE_NAME, database_label
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.storage.vault.local import SHA256_HEX
from desktop.core.trust import ledger

FORMAT = "mediseal-backup"
FORMAT_VERSION = 1
HEADER = "HEADER.json"
MANIFEST = "MANIFEST"
SQLITE_FILE = "database/" + DATABASE_FILE_NAME
PG_DUMP_FILE = "database/pg_dump.sql"
PG_NOTE_FILE = "database/README.txt"
KEYS_FILE = "keys/signing_keys.json"
UI_SETTINGS = "ui.ini"  # desktop/ui/main_window.py: UI_SETTINGS_FILE (core does not import ui)
SETTINGS_FILE = "settings/" + UI_SETTINGS
VAULT_PREFIX = "vault/sha256/"
COPY_CHUNK = 4 * 1024 * 1024
MAX_ENTRIES = 5_000_000  # a zip bomb of many empty entries
MAX_RATIO = 1000  # a deflated entry may grow at most this much (SQLite pages compress about 10×)
_MANIFEST_LINE = re.compile(r"([0-9a-f]{64})  (\d+)  (\S(?:.*\S)?)")
_VAULT_NAME = re.compile(r"vault/sha256/([0-9a-f]{2})/([0-9a-f]{2})/([0-9a-f]{64})")
_FIXED_NAMES = frozenset({HEADER, SQLITE_FILE, PG_DUMP_FILE, PG_NOTE_FILE, KEYS_FILE, SETTINGS_FILE})

PG_NOTE = """Mediseal backup: the PostgreSQL database is not in this archive.

pg_dump was not found on PATH{reason} when the backup was made. The vault, the signing keys and the
settings are here; dump the database by hand, with the same server and database name, and keep the
dump with this archive:

    pg_dump --no-owner --format=plain --file=mediseal.sql "postgresql://USER@HOST/DATABASE"

Load it into a new, empty database with:

    psql --set ON_ERROR_STOP=1 --file=mediseal.sql "postgresql://USER@HOST/NEW_DATABASE"
"""


@dataclass(frozen=True, slots=True)
class BackupReport:
    """What one backup wrote."""

    path: str
    database_kind: str
    ledger_size: int
    ledger_root: str
    files: int
    blobs: int
    bytes: int
    database_dump: bool
    note: str | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class RestoreReport:
    """What one restore wrote."""

    data_dir: str
    database_kind: str
    ledger_size: int
    ledger_root: str
    files: int
    blobs: int
    bytes: int
    made_with: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _damaged(detail: str, **fields: object) -> IntegrityError:
    return IntegrityError(QT_TRANSLATE_NOOP("errors", "The backup {path} is damaged and was not restored: "
                                                      "{detail}"), detail=detail, **fields)


class _Writer:
    """Entries written into the zip with their SHA-256 and size, for the manifest."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.lines: list[str] = []
        self.bytes = 0

    def stream(self, name: str, source: BinaryIO, deflate: bool = False) -> None:
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        digest = hashlib.sha256()
        size = 0
        with self.archive.open(info, "w", force_zip64=True) as out:
            while chunk := source.read(COPY_CHUNK):
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
        self.lines.append(f"{digest.hexdigest()}  {size}  {name}")
        self.bytes += size

    def data(self, name: str, data: bytes) -> None:
        self.stream(name, io.BytesIO(data), deflate=True)


def _ledger_state(session: Session) -> tuple[int, str]:
    tree = ledger.tree(session)
    return tree.size, tree.root().hex()


def _keys_json(session: Session) -> bytes:
    rows = session.execute(select(SigningKey, User.name).join(User, User.id == SigningKey.user_id)
                           .order_by(SigningKey.id))
    keys = [{"fingerprint": key.fingerprint, "user": username, "source": key.source,
             "certificate_pem": key.certificate_pem, "chain_pem": key.chain_pem,
             "encrypted_private_key": base64.b64encode(key.encrypted_private_key).decode("ascii"),
             "created_at": key.created_at.isoformat(),
             "revoked_at": key.revoked_at.isoformat() if key.revoked_at else None}
            for key, username in rows]
    return json.dumps({"signing_keys": keys}, ensure_ascii=False, indent=1).encode("utf-8")


def _sqlite_snapshot(source: Path, target: Path) -> None:
    """SQLite's online backup API: one consistent copy of the database while others write."""
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    writer = sqlite3.connect(target)
    try:
        with writer:
            reader.backup(writer)  # pages=-1: the whole database in one step, under one read lock
    finally:
        writer.close()
        reader.close()


def _libpq_url(url: str) -> tuple[str, dict[str, str]]:
    """The store's URL as pg_dump takes it, the password passed in the environment (not in ``ps``)."""
    parsed = make_url(url)
    environment = dict(os.environ)
    if parsed.password:
        environment["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), environment


def _pg_dump(url: str, target: Path) -> str | None:
    """Dump the database into ``target``; the reason when it could not (None when it did)."""
    program = shutil.which("pg_dump")
    if program is None:
        return ""
    address, environment = _libpq_url(url)
    with target.open("xb") as out:
        done = subprocess.run([program, "--no-owner", "--format=plain", "--dbname", address], stdout=out,
                              stderr=subprocess.PIPE, env=environment, check=False)
    if done.returncode != 0:
        return " or failed (" + done.stderr.decode("utf-8", "replace").strip().splitlines()[-1] + ")" \
            if done.stderr.strip() else f" or failed (exit {done.returncode})"
    return None


def _vault_blobs(vault_root: Path) -> Iterator[tuple[str, Path]]:
    base = vault_root / "sha256"
    if not base.is_dir():
        return
    for first in sorted(base.iterdir()):
        if not first.is_dir():
            continue
        for second in sorted(first.iterdir()):
            if not second.is_dir():
                continue
            for blob in sorted(second.iterdir()):
                if SHA256_HEX.fullmatch(blob.name) and blob.is_file() and not blob.is_symlink():
                    yield f"{VAULT_PREFIX}{first.name}/{second.name}/{blob.name}", blob


def backup(store: OpenStore, out: Path, *, progress: ProgressFn = no_progress,
           cancelled: CancelledFn = never_cancelled) -> BackupReport:
    """Write the store's backup archive to ``out`` (a new file); a cancel leaves no file."""
    refuse_existing(out)
    kind = store.database.kind
    note: str | None = None
    with tempfile.TemporaryDirectory(prefix=".mediseal-backup-", dir=out.parent if out.parent.is_dir()
                                     else None) as work:
        work_dir = Path(work)
        database_file: Path | None
        if kind == "sqlite":
            snapshot = work_dir / DATABASE_FILE_NAME
            _sqlite_snapshot(store.folder.database_file, snapshot)
            copy = open_database(sqlite_url(snapshot))
            try:
                with copy.session_scope() as session:
                    size, root = _ledger_state(session)
                    keys = _keys_json(session)
            finally:
                copy.dispose()
            database_file, database_name = snapshot, SQLITE_FILE
        else:
            with store.database.session_scope() as session:
                size, root = _ledger_state(session)
                keys = _keys_json(session)
            dump = work_dir / "pg_dump.sql"
            reason = _pg_dump(store.database_url, dump)
            if reason is None:
                database_file, database_name = dump, PG_DUMP_FILE
            else:
                note = PG_NOTE.format(reason=reason)
                database_file, database_name = None, PG_NOTE_FILE
        header = {"format": FORMAT, "format_version": FORMAT_VERSION, "mediseal_version": __version__,
                  "database_kind": kind, "ledger_size": size, "ledger_root_sha256": root,
                  "database_dump": database_file is not None}
        blobs = 0
        with new_file(out) as handle, zipfile.ZipFile(handle, "w", allowZip64=True) as archive:
            writer = _Writer(archive)
            writer.data(HEADER, json.dumps(header, indent=1).encode("utf-8"))
            if database_file is not None:
                with database_file.open("rb") as source:
                    writer.stream(database_name, source, deflate=True)
            else:
                writer.data(database_name, (note or "").encode("utf-8"))
            writer.data(KEYS_FILE, keys)
            settings_file = store.folder.root / UI_SETTINGS
            if settings_file.is_file() and not settings_file.is_symlink():
                with settings_file.open("rb") as source:
                    writer.stream(SETTINGS_FILE, source, deflate=True)
            listed = list(_vault_blobs(store.folder.vault))
            for name, path in listed:
                raise_if_cancelled(cancelled)
                with path.open("rb") as source:
                    writer.stream(name, source)
                blobs += 1
                progress(blobs, len(listed))
            files = len(writer.lines)
            total = writer.bytes
            writer.data(MANIFEST, ("\n".join(writer.lines) + "\n").encode("utf-8"))
    return BackupReport(str(out), kind, size, root, files, blobs, total, database_file is not None, note)


# --- restore ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Checked:
    header: dict[str, object]
    entries: dict[str, tuple[str, int]]  # name -> (sha256, size)


def _check_name(name: str, path: str) -> None:
    pure = PurePosixPath(name)
    if (not name or "\\" in name or name.startswith("/") or re.match(r"[A-Za-z]:", name)
            or any(part in ("", ".", "..") for part in name.split("/"))
            or pure.is_absolute()):
        raise _damaged(f"the entry {name!r} points outside the folder", path=path)
    if name not in _FIXED_NAMES and name != MANIFEST and not _VAULT_NAME.fullmatch(name):
        raise _damaged(f"unexpected entry {name!r}", path=path)
    match = _VAULT_NAME.fullmatch(name)
    if match and (match.group(3)[:2], match.group(3)[2:4]) != (match.group(1), match.group(2)):
        raise _damaged(f"the vault entry {name!r} is filed under the wrong folder", path=path)


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int,
                sink: Callable[[bytes], object] | None = None) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with archive.open(info) as source:
        while chunk := source.read(COPY_CHUNK):
            size += len(chunk)
            if size > limit:
                raise ValueError("longer than declared")
            digest.update(chunk)
            if sink is not None:
                sink(chunk)
    return digest.hexdigest(), size


def _check_archive(archive: zipfile.ZipFile, path: str, free_bytes: int) -> _Checked:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise _damaged(f"{len(infos)} entries, more than {MAX_ENTRIES}", path=path)
    names: set[str] = set()
    total = 0
    for info in infos:
        if info.filename in names:
            raise _damaged(f"the entry {info.filename!r} appears twice", path=path)
        names.add(info.filename)
        _check_name(info.filename, path)
        mode = info.external_attr >> 16
        if info.is_dir() or (mode and not stat.S_ISREG(mode)):
            raise _damaged(f"the entry {info.filename!r} is not a plain file (a link or a folder)", path=path)
        if info.flag_bits & 0x1:  # APPNOTE 4.4.4: bit 0, encrypted (a backup never is)
            raise _damaged(f"the entry {info.filename!r} is encrypted", path=path)
        if info.compress_type == zipfile.ZIP_STORED and info.file_size != info.compress_size:
            raise _damaged(f"the entry {info.filename!r} declares two sizes", path=path)
        if info.file_size > max(info.compress_size, 1) * MAX_RATIO:
            raise _damaged(f"the entry {info.filename!r} would grow {MAX_RATIO} times or more", path=path)
        total += info.file_size
    if total > free_bytes:
        raise _damaged(f"it would take {total} bytes, and the target has {free_bytes} free", path=path)
    if MANIFEST not in names or HEADER not in names:
        raise _damaged("the MANIFEST or HEADER.json is missing", path=path)
    manifest_info = archive.getinfo(MANIFEST)
    manifest_text = archive.read(manifest_info).decode("utf-8", "strict")
    listed: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(manifest_text.splitlines(), 1):
        match = _MANIFEST_LINE.fullmatch(line)
        if match is None or match.group(3) in listed:
            raise _damaged(f"MANIFEST line {number} is malformed or repeated", path=path)
        listed[match.group(3)] = (match.group(1), int(match.group(2)))
    present = names - {MANIFEST}
    if set(listed) != present:
        missing, extra = sorted(set(listed) - present), sorted(present - set(listed))
        raise _damaged(f"the MANIFEST does not match the entries (missing: {missing[:5]}, unlisted: "
                       f"{extra[:5]})", path=path)
    for name, (sha256, size) in listed.items():
        info = archive.getinfo(name)
        if info.file_size != size:
            raise _damaged(f"{name}: size {info.file_size}, the MANIFEST says {size}", path=path)
        try:
            found, found_size = _read_entry(archive, info, size)
        except ValueError:
            raise _damaged(f"{name} is longer than the MANIFEST says", path=path) from None
        if (found, found_size) != (sha256, size):
            raise _damaged(f"{name}: SHA-256 {found}, the MANIFEST says {sha256}", path=path)
        vault = _VAULT_NAME.fullmatch(name)
        if vault and vault.group(3) != sha256:
            raise _damaged(f"{name} does not hold the content its name gives", path=path)
    header = json.loads(archive.read(HEADER))
    if not isinstance(header, dict) or header.get("format") != FORMAT \
            or header.get("format_version") != FORMAT_VERSION:
        raise _damaged("HEADER.json does not name this backup format", path=path)
    return _Checked(header, listed)


def _check_target(target: Path) -> None:
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The data folder {path} is a file, not a folder."),
                           path=str(target))
    if target.is_dir() and any(target.iterdir()):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The folder {path} is not empty: a backup is restored only into a new or empty "
                      "folder."), path=str(target))


@contextmanager
def _opened_archive(path: Path) -> Iterator[zipfile.ZipFile]:
    try:
        with zipfile.ZipFile(path) as archive:
            yield archive
    except FileNotFoundError:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The file {path} does not exist."),
                           path=str(path)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, UnicodeDecodeError, json.JSONDecodeError,
            NotImplementedError) as error:
        raise _damaged(f"{type(error).__name__}: {error}", path=str(path)) from error


def _write_entry(archive: zipfile.ZipFile, name: str, expected: tuple[str, int], target: Path,
                 path: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with new_file(target) as out:
        found = _read_entry(archive, archive.getinfo(name), expected[1], out.write)
        if found != expected:
            raise _damaged(f"{name} changed while it was restored", path=path)


def _by_hand(path: str) -> InvalidInput:
    return InvalidInput(QT_TRANSLATE_NOOP(
        "errors", "{path} is a backup of a PostgreSQL store and cannot be restored here: load its "
                  "database/pg_dump.sql into a new, empty database with psql (`psql --set ON_ERROR_STOP=1 "
                  "--single-transaction --file=pg_dump.sql URL`), unzip its vault into the data folder, and "
                  "run Mediseal with that database's URL (MEDISEAL_DATABASE_URL)."), path=path)


def _require_empty_database(url: str) -> None:
    """Refuse a database that holds anything (a table, a sequence, a view) outside PostgreSQL's own
    schemas: a restore never mixes a backup into another store."""
    database = open_database(url)
    try:
        with database.engine.connect() as connection:
            found = connection.execute(text(
                "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n "
                "ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') "
                "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' LIMIT 1")).scalar()
    except SQLAlchemyError as error:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The database {database} cannot be opened: {reason}"),
            database=database_label(url),
            reason=str(getattr(error, "orig", None) or error).strip().splitlines()[0]) from None
    finally:
        database.dispose()
    if found is not None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The database {database} is not empty (it holds {relation}): a backup is restored "
                      "only into a new, empty database."), database=database_label(url), relation=found)


def _load_dump(archive: zipfile.ZipFile, expected: tuple[str, int], url: str, psql: str, path: str) -> None:
    """Load the backup's pg_dump output into the empty database at ``url`` with ``psql``, in one
    transaction: an error leaves the database as it was."""
    with tempfile.TemporaryDirectory(prefix=".mediseal-restore-") as work:
        dump = Path(work) / "pg_dump.sql"
        _write_entry(archive, PG_DUMP_FILE, expected, dump, path)
        address, environment = _libpq_url(url)
        done = subprocess.run([psql, "--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1",
                               "--single-transaction", "--file", str(dump), "--dbname", address],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment, check=False)
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "psql could not load the backup's database into {database}, which was left as it "
                      "was: {reason}"), database=database_label(url),
            reason=said[-1] if said else f"exit {done.returncode}")


def restore(archive_path: Path, data_dir: Path, database_url: str | None = None, *,
            progress: ProgressFn = no_progress, cancelled: CancelledFn = never_cancelled) -> RestoreReport:
    """Check ``archive_path`` completely, then write it into the new or empty folder ``data_dir`` and open
    the restored store; its ledger must have the size and root the backup recorded. A PostgreSQL store's
    backup goes into the new, empty database at ``database_url`` (loaded with ``psql``) and its vault
    into ``data_dir``; the restored store is then ``data_dir`` with that URL. A cancel while the files
    are written removes them."""
    _check_target(data_dir)
    path = str(archive_path)
    existing = data_dir
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    free = shutil.disk_usage(existing).free
    with _opened_archive(archive_path) as archive:
        checked = _check_archive(archive, path, free)
        header = checked.header
        kind = header.get("database_kind")
        psql: str | None = None
        if kind == "postgresql":
            if PG_DUMP_FILE not in checked.entries or (psql := shutil.which("psql")) is None:
                raise _by_hand(path)
            if database_url is None:
                raise InvalidInput(QT_TRANSLATE_NOOP(
                    "errors", "{path} is a backup of a PostgreSQL store: give the URL of a new, empty "
                              "database to restore it into (--database-url)."), path=path)
            _require_empty_database(database_url)
        elif kind != "sqlite":
            raise _damaged(f"HEADER.json names the database kind {kind!r}", path=path)
        elif database_url is not None:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "{path} is a backup of a SQLite store: it is restored into the data folder, "
                          "without a database URL."), path=path)
        created = not data_dir.exists()
        data_dir.mkdir(parents=True, exist_ok=True)
        blobs = 0
        try:
            for index, (name, expected) in enumerate(checked.entries.items()):
                raise_if_cancelled(cancelled)
                progress(index, len(checked.entries))
                if name == SQLITE_FILE:
                    _write_entry(archive, name, expected, data_dir / DATABASE_FILE_NAME, path)
                elif name == SETTINGS_FILE:
                    _write_entry(archive, name, expected, data_dir / UI_SETTINGS, path)
                elif name.startswith(VAULT_PREFIX):
                    target = data_dir / "vault" / name.removeprefix("vault/")
                    _write_entry(archive, name, expected, target, path)
                    target.chmod(0o444)  # as the vault leaves a blob: read-only
                    blobs += 1
            for folder in {p.parent for p in data_dir.rglob("*") if p.is_file()} | {data_dir}:
                fsync_folder(folder)
            if psql is not None and database_url is not None:  # last: the folder is undone on an error
                _load_dump(archive, checked.entries[PG_DUMP_FILE], database_url, psql, path)
        except BaseException:
            _undo(data_dir, created)
            raise
    try:
        store = open_store(Settings(data_dir=data_dir, database_url=database_url, lang=None))
    except BaseException:
        _undo(data_dir, created)
        raise
    try:
        with store.database.session_scope() as session:
            size, root = _ledger_state(session)
    finally:
        store.close()
    if (size, root) != (header.get("ledger_size"), header.get("ledger_root_sha256")):
        raise IntegrityError(QT_TRANSLATE_NOOP(
            "errors", "The restored ledger has {size} entries and root {root}; the backup recorded "
                      "{expected_size} and {expected_root}."), size=size, root=root,
            expected_size=header.get("ledger_size"), expected_root=header.get("ledger_root_sha256"))
    total = sum(size for _sha, size in checked.entries.values())
    return RestoreReport(str(data_dir), str(kind), size, root, len(checked.entries), blobs, total,
                         str(header.get("mediseal_version")))


def _undo(data_dir: Path, created: bool) -> None:
    """Remove what a failed restore wrote (the folder was new or empty)."""
    for child in list(data_dir.iterdir()) if data_dir.exists() else []:
        if child.is_dir() and not child.is_symlink():
            for inner in child.rglob("*"):
                if inner.is_file():
                    inner.chmod(0o644)
            shutil.rmtree(child)
        else:
            child.unlink()
    if created:
        data_dir.rmdir()


__all__ = ["BackupReport", "RestoreReport", "backup", "restore"]
