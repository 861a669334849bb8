"""Intake (入库): files and folders taken into a case, each file stored in the vault before its
item row and ledger entry are written; a failure is recorded on its file and the batch goes on."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import Blob, EvidenceItem, MediationCase, utc_now
from desktop.core.cases.matters import find_case
from desktop.core.errors import (
    QT_TRANSLATE_NOOP,
    Cancelled,
    InvalidInput,
    MedisealError,
)
from desktop.core.evidence import seals
from desktop.core.evidence.acquisition import Acquisition, validate_acquisition
from desktop.core.evidence.items import ItemInfo, item_info, item_record, subject
from desktop.core.evidence.sniffing import MIME_SNIFF_BYTES, detect_mime
from desktop.core.integrity.canonical import record_digest
from desktop.core.integrity.digests import Digests
from desktop.core.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from desktop.core.storage.vault.interface import Vault
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Action, Actor, require
from desktop.core.trust.signing_keys import UnlockedKey

# (index, count, name, bytes done, size): which file of a batch is being read, and how far.
FileProgressFn = Callable[[int, int, str, int, int], None]


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """A file of a batch that was not taken in, and why (the batch went on)."""

    path: str
    error: MedisealError

    @property
    def message(self) -> str:
        return self.error.message

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}


def _failure(path: Path, reason: OSError | MedisealError | str) -> IngestFailure:
    if isinstance(reason, MedisealError):
        return IngestFailure(str(path), reason)
    if isinstance(reason, OSError):
        return IngestFailure(str(path), InvalidInput(QT_TRANSLATE_NOOP("errors", "{reason}"),
                                                     reason=reason.strerror or str(reason)))
    return IngestFailure(str(path), InvalidInput(reason))


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What a batch ingest took in and what it could not."""

    items: tuple[ItemInfo, ...]
    failures: tuple[IngestFailure, ...]
    cancelled: bool = False


@dataclass(slots=True)
class _Batch:
    files: list[tuple[Path, int]] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)


def display_name(path: Path) -> str:
    """The file's name as text; bytes that are not valid UTF-8 are kept visible as ``\\xNN``."""
    name = path.name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        name = os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


# --- ingest ----------------------------------------------------------------------------------------
def _expand(paths: Iterable[Path]) -> _Batch:
    """Files to take in, folders walked in name order; what cannot be read is a failure, not a stop."""
    batch = _Batch()

    def add_file(path: Path) -> None:
        try:
            info = path.stat()
        except OSError as error:
            batch.failures.append(_failure(path, error))
            return
        if stat.S_ISDIR(info.st_mode):
            walk(path)
        elif stat.S_ISREG(info.st_mode):
            batch.files.append((path, info.st_size))
        else:
            batch.failures.append(_failure(path, QT_TRANSLATE_NOOP("errors", "not a regular file")))

    def walk(folder: Path) -> None:
        try:
            children = sorted(folder.iterdir(), key=lambda child: child.name)
        except OSError as error:
            batch.failures.append(_failure(folder, error))
            return
        for child in children:
            add_file(child)

    for path in paths:
        if not path.exists() and not path.is_symlink():
            batch.failures.append(_failure(path, QT_TRANSLATE_NOOP("errors", "no such file or folder")))
        else:
            add_file(path)
    return batch


def _changed_while_read(name: str) -> InvalidInput:
    return InvalidInput(QT_TRANSLATE_NOOP(
        "errors", "“{name}” changed while it was being read; nothing was stored. Take it in again once "
        "nothing is writing to it."), name=name)


def _read_into_vault(vault: Vault, path: Path, progress: Callable[[int], None],
                     cancelled: CancelledFn) -> tuple[Digests, bytes]:
    """Store the file's bytes; refuse them if the file changed while being read."""
    name = display_name(path)
    head = bytearray()
    with path.open("rb") as handle:
        before = os.fstat(handle.fileno())

        class _Sniffing:
            def read(self, size: int) -> bytes:
                chunk = handle.read(size)
                if len(head) < MIME_SNIFF_BYTES:
                    head.extend(chunk[:MIME_SNIFF_BYTES - len(head)])
                return chunk

        def accept(digests: Digests) -> None:
            after = os.fstat(handle.fileno())
            now = os.stat(path)
            if (digests.size != before.st_size or after.st_size != before.st_size
                    or after.st_mtime_ns != before.st_mtime_ns or now.st_ino != before.st_ino):
                raise _changed_while_read(name)

        stored = vault.store(_Sniffing(), progress, cancelled, accept)  # type: ignore[arg-type]
    return stored.digests, bytes(head)


def _next_item_id(session: Session) -> int:
    # Ids are chosen here, not by the database, because the record (which names the id) is fixed at
    # insert: items are append-only. The ledger lock makes the choice safe across seats.
    return int(session.scalar(select(func.max(EvidenceItem.id))) or 0) + 1


def _add_item(session: Session, actor: Actor, case: MediationCase, name: str, digests: Digests, mime: str,
              acquisition: Acquisition) -> EvidenceItem:
    if session.get(Blob, digests.sha256) is None:
        session.add(Blob(sha256=digests.sha256, sm3=digests.sm3, size=digests.size, stored_at=utc_now()))
    row = EvidenceItem(id=_next_item_id(session), case_id=case.id, blob_sha256=digests.sha256,
                       original_name=name, size=digests.size, sm3=digests.sm3, mime_type=mime,
                       source_kind=acquisition.source_kind, source_url=acquisition.url,
                       acquired_at=acquisition.acquired_at, acquired_by=acquisition.acquired_by,
                       device=acquisition.device, note=acquisition.note, ingested_by=actor.name,
                       ingested_at=utc_now(), record_sha256="")
    row.record_sha256 = record_digest(item_record(row, case.number))
    session.add(row)
    session.flush()
    ledger.append(session, actor.name, EventKind.EVIDENCE_INGESTED, subject(row.id), row.record_sha256)
    return row


def ingest_files(database: Database, vault: Vault, actor: Actor, case_number: str, paths: Iterable[Path],
                 acquisition: Acquisition | None = None, *, seal_with: UnlockedKey | None = None,
                 progress: ProgressFn = no_progress, cancelled: CancelledFn = never_cancelled,
                 file_progress: FileProgressFn | None = None) -> IngestReport:
    """Take files (and folders, walked) into the case: each file is one unit of work, so a failure is
    recorded on its file and the batch goes on; a cancel keeps the files already completed.

    ``progress`` counts bytes over the whole batch. With ``seal_with`` each item is sealed as it lands.
    """
    require(actor, Action.INGEST_EVIDENCE)
    if seal_with is not None:
        require(actor, Action.SEAL_EVIDENCE)
    clean = validate_acquisition(acquisition or Acquisition())
    with database.session_scope() as session:
        find_case(session, case_number)
    batch = _expand(paths)
    total = sum(size for _path, size in batch.files)
    done = 0
    items: list[ItemInfo] = []
    failures = list(batch.failures)
    for index, (path, size) in enumerate(batch.files):
        if cancelled():
            return IngestReport(tuple(items), tuple(failures), cancelled=True)
        name = display_name(path)
        base = done

        def file_done(read: int, index: int = index, name: str = name, size: int = size,
                      base: int = base) -> None:
            progress(base + min(read, size), total)
            if file_progress is not None:
                file_progress(index, len(batch.files), name, read, size)

        file_done(0)
        try:
            digests, head = _read_into_vault(vault, path, file_done, cancelled)
            with database.session_scope() as session:
                ledger.lock(session)  # first: a SQLite reader cannot take the write lock later
                case = find_case(session, case_number)
                row = _add_item(session, actor, case, name, digests, detect_mime(head, name), clean)
                made = seals.seal_rows(session, actor, seal_with, [(row, case.number)]) if seal_with else []
                items.append(item_info(row, case.number, made))
        except Cancelled:
            return IngestReport(tuple(items), tuple(failures), cancelled=True)
        except MedisealError as error:
            failures.append(_failure(path, error))
        except OSError as error:
            failures.append(_failure(path, error))
        done = base + size
        progress(done, total)
    return IngestReport(tuple(items), tuple(failures))
