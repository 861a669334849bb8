"""Intake (入库): files and folders taken into a case, each file stored in the vault before its item
row and ledger entry are written; a failure is recorded on its file and the batch goes on.

A batch runs in two stages. First each file is stored: a file of one chunk or less is read and hashed
on the calling thread, in batch order, and made durable (fsync, rename) by a worker, so the fsyncs of
many small files overlap; larger files are read and hashed by workers side by side, one core each (SM3
cannot be split within a file, but files can be hashed in parallel: hashlib releases the GIL). Then the
stored files are recorded in groups, in batch order: their blob names are made durable, and one
transaction takes the ledger's lock, checks that the sign-in is still open and writes the group's blob
and item rows, ledger entries and seals. So a file is either
fully recorded (blob, item row, ledger entry, seal if asked) or not at all; a crash or a cancel keeps
only whole items, and may leave blobs no row names yet (a notice in verification, reused by a later
ingest of the same bytes)."""

from __future__ import annotations

import os
import stat
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import sqlalchemy.exc
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import Blob, EvidenceItem, utc_now
from desktop.core.cases.matters import find_case, require_open
from desktop.core.errors import (
    QT_TRANSLATE_NOOP,
    Cancelled,
    IntegrityError,
    InvalidInput,
    MedisealError,
    NotAllowed,
)
from desktop.core.evidence import seals
from desktop.core.evidence.acquisition import Acquisition, validate_acquisition
from desktop.core.evidence.items import ItemInfo, SealInfo, item_info, item_record, subject
from desktop.core.evidence.sniffing import MIME_SNIFF_BYTES, detect_mime
from desktop.core.integrity.canonical import record_digest
from desktop.core.integrity.digests import CHUNK_BYTES, Digests
from desktop.core.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from desktop.core.storage.vault.interface import StagedBlob, Vault
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Action, Actor, require, require_active
from desktop.core.trust.signing_keys import UnlockedKey

# (index, count, name, bytes done, size): which file of a batch is being read, and how far.
FileProgressFn = Callable[[int, int, str, int, int], None]

# Group commit: stored files are recorded in one transaction per group of at most this many files,
# or of what was stored in this many seconds (so large files are recorded as they land).
GROUP_FILES = 500
GROUP_SECONDS = 0.5
# Worker threads: most of a small file's time is its fsync, and concurrent fsyncs share the file
# system's journal commits (on ext4 here, 2 000 small files take a third of the time with 4 workers).
STORE_THREADS = 8
FILES_IN_FLIGHT = 4 * STORE_THREADS  # stored ahead of the next group to record; bounds memory
# Files larger than one chunk hashed side by side: one core each (SM3), each holding about 40 MiB
# (``digests.CHUNKS_IN_FLIGHT`` chunks queued for SM3 and the chunk being written).
LARGE_FILES_SIDE_BY_SIDE = 4
ID_QUERY_BATCH = 500  # values in one IN list


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


# --- expanding folders -----------------------------------------------------------------------------
def _expand(paths: Iterable[Path]) -> _Batch:
    """Files to take in, folders walked depth first in name order; what cannot be read is a failure,
    not a stop.

    Links are followed, but each real folder (device and inode) is walked once, by the first path that
    reaches it: a link back up (``ln -s . d/self``) adds nothing. A file is taken in once per path that
    names it: a link to a file is an item of its own, as the folder shows it (the vault keeps its bytes
    once).
    """
    batch = _Batch()
    walked: set[tuple[int, int]] = set()
    # (path, named by the user): depth first, so a stack in reverse order.
    stack: list[tuple[Path, bool]] = [(path, True) for path in reversed(list(paths))]
    while stack:
        path, named = stack.pop()
        if named and not path.exists() and not path.is_symlink():
            batch.failures.append(_failure(path, QT_TRANSLATE_NOOP("errors", "no such file or folder")))
            continue
        try:
            info = path.stat()
        except OSError as error:
            batch.failures.append(_failure(path, error))
            continue
        if stat.S_ISDIR(info.st_mode):
            folder = (info.st_dev, info.st_ino)
            if folder in walked:
                continue
            walked.add(folder)
            try:
                children = sorted(path.iterdir(), key=lambda child: child.name)
            except OSError as error:
                batch.failures.append(_failure(path, error))
                continue
            stack.extend((child, False) for child in reversed(children))
        elif stat.S_ISREG(info.st_mode):
            batch.files.append((path, info.st_size))
        else:
            batch.failures.append(_failure(path, QT_TRANSLATE_NOOP("errors", "not a regular file")))
    return batch


# --- storing ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Stored:
    """A file whose blob is in the vault, waiting to be recorded."""

    index: int
    path: Path
    name: str
    digests: Digests
    mime_type: str


def _changed_while_read(name: str) -> InvalidInput:
    return InvalidInput(QT_TRANSLATE_NOOP(
        "errors", "“{name}” changed while it was being read; nothing was stored. Take it in again once "
        "nothing is writing to it."), name=name)


class _SniffingReader:
    """A file read for the vault, keeping its first bytes for content sniffing."""

    __slots__ = ("_handle", "head")

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self.head = bytearray()

    def read(self, size: int) -> bytes:
        chunk = self._handle.read(size)
        if len(self.head) < MIME_SNIFF_BYTES:
            self.head.extend(chunk[:MIME_SNIFF_BYTES - len(self.head)])
        return chunk

    def fileno(self) -> int:  # lets the vault see the file's size and advise read-ahead
        return self._handle.fileno()


def _stage(vault: Vault, path: Path, progress: Callable[[int], None],
           cancelled: CancelledFn) -> tuple[StagedBlob, bytes]:
    """Read the file into a staged blob, with its first bytes for sniffing; refuse the bytes if the file
    changed while being read."""
    with path.open("rb") as handle:
        before = os.fstat(handle.fileno())

        def accept(digests: Digests) -> None:
            after = os.fstat(handle.fileno())
            now = os.stat(path)
            if (digests.size != before.st_size or after.st_size != before.st_size
                    or after.st_mtime_ns != before.st_mtime_ns or now.st_ino != before.st_ino):
                raise _changed_while_read(display_name(path))

        reader = _SniffingReader(handle)
        staged = vault.stage(reader, progress, cancelled, accept)  # type: ignore[arg-type]
    return staged, bytes(reader.head)


class _Feedback:
    """Progress over the whole batch from files stored side by side; callbacks are called one at a
    time (never concurrently), so callers need not be thread-safe."""

    def __init__(self, progress: ProgressFn, file_progress: FileProgressFn | None, count: int,
                 total: int) -> None:
        self._progress = progress
        self._file_progress = file_progress
        self._count = count
        self._total = total
        self._done = 0
        self._read: dict[int, int] = {}
        self._reading: dict[int, tuple[str, int, int]] = {}  # (name, bytes read, size) of files being read
        self._lock = threading.Lock()

    def reader(self, index: int, name: str, size: int) -> Callable[[int], None]:
        """The byte-progress callback of file ``index``. Of the files being read, the first in batch
        order is the one named to ``file_progress`` (the others count in the total)."""
        def report(read: int) -> None:
            with self._lock:
                seen = min(read, size)
                self._done += seen - self._read.get(index, 0)
                self._read[index] = seen
                self._reading[index] = (name, read, size)
                self._progress(self._done, self._total)
                if min(self._reading) == index:
                    self._show(index)
        return report

    def read(self, index: int) -> None:
        """File ``index`` is read (or failed): the next one being read is named from now on."""
        with self._lock:
            shown = min(self._reading, default=None)
            self._reading.pop(index, None)
            if shown == index and self._reading:
                self._show(min(self._reading))

    def _show(self, index: int) -> None:
        if self._file_progress is not None:
            name, read, size = self._reading[index]
            self._file_progress(index, self._count, name, read, size)

    def finished(self, index: int, size: int) -> None:
        """File ``index`` is done with (stored or not): it counts whole."""
        with self._lock:
            self._done += size - self._read.pop(index, 0)
            self._progress(self._done, self._total)


def _side_by_side() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, LARGE_FILES_SIDE_BY_SIDE))


# --- recording -------------------------------------------------------------------------------------
def _signed_out(actor: Actor) -> NotAllowed:
    """The refusal ``require_active`` gives once the actor's sign-in has ended (it never reopens)."""
    try:
        require_active(actor)
    except NotAllowed as error:
        return error
    raise RuntimeError("_signed_out is called only for an ended sign-in")


def _next_item_id(session: Session) -> int:
    # Ids are chosen here, not by the database, because the record (which names the id) is fixed at
    # insert: items are append-only. The ledger lock makes the choice safe across seats.
    return int(session.scalar(select(func.max(EvidenceItem.id))) or 0) + 1


def _known_blobs(session: Session, digests: Sequence[str]) -> set[str]:
    known: set[str] = set()
    for start in range(0, len(digests), ID_QUERY_BATCH):
        part = digests[start:start + ID_QUERY_BATCH]
        known.update(session.scalars(select(Blob.sha256).where(Blob.sha256.in_(part))))
    return known


_ITEM_COLUMNS = tuple(attribute.key for attribute in sqlalchemy.inspect(EvidenceItem).column_attrs)


def _record(database: Database, actor: Actor, case_number: str, acquisition: Acquisition,
            group: Sequence[_Stored], seal_with: UnlockedKey | None) -> list[ItemInfo]:
    """Record a group of stored files in one transaction: all of them, or none."""
    with database.session_scope() as session:
        ledger.lock(session)  # first: a SQLite reader cannot take the write lock later
        # After the lock: a sign-out (which takes the same lock) has either committed, and this refuses,
        # or waits for this transaction; nothing is recorded after a sign-out entry.
        require_active(actor)
        case = find_case(session, case_number)
        require_open(case)  # an archived case's file is closed: nothing more goes in
        now = utc_now()
        blobs = {stored.digests.sha256: stored.digests for stored in group}
        known = _known_blobs(session, list(blobs))
        new_blobs = [{"sha256": digests.sha256, "sm3": digests.sm3, "size": digests.size, "stored_at": now}
                     for sha256, digests in blobs.items() if sha256 not in known]
        if new_blobs:
            session.execute(insert(Blob), new_blobs)
        first_id = _next_item_id(session)
        rows: list[EvidenceItem] = []
        for offset, stored in enumerate(group):
            row = EvidenceItem(id=first_id + offset, case_id=case.id, blob_sha256=stored.digests.sha256,
                               original_name=stored.name, size=stored.digests.size, sm3=stored.digests.sm3,
                               mime_type=stored.mime_type, source_kind=acquisition.source_kind,
                               source_url=acquisition.url, acquired_at=acquisition.acquired_at,
                               acquired_by=acquisition.acquired_by, device=acquisition.device,
                               note=acquisition.note, ingested_by=actor.name, ingested_at=now,
                               record_sha256="")
            row.record_sha256 = record_digest(item_record(row, case.number))
            rows.append(row)
        # Bulk insert: the rows stay plain objects (the records above and the seals below read them).
        session.execute(insert(EvidenceItem), [{name: getattr(row, name) for name in _ITEM_COLUMNS}
                                               for row in rows])
        ledger.append_many(session, [ledger.NewEntry(actor.name, EventKind.EVIDENCE_INGESTED, subject(row.id),
                                                     row.record_sha256) for row in rows], now)
        made: dict[int, list[SealInfo]] = {}
        if seal_with is not None:
            for seal in seals.seal_rows(session, actor, seal_with, [(row, case.number) for row in rows]):
                made.setdefault(seal.item_id, []).append(seal)
        return [item_info(row, case.number, made.get(row.id, ())) for row in rows]


def _refused_by_database(name: str, error: sqlalchemy.exc.SQLAlchemyError) -> IntegrityError:
    reason = getattr(error, "orig", None) or error
    return IntegrityError(QT_TRANSLATE_NOOP(
        "errors", "The database refused the record of “{name}” ({reason}); its bytes are in the vault "
        "but it was not taken in."), name=name, reason=str(reason).splitlines()[0])


# --- ingest ----------------------------------------------------------------------------------------
def ingest_files(database: Database, vault: Vault, actor: Actor, case_number: str, paths: Iterable[Path],
                 acquisition: Acquisition | None = None, *, seal_with: UnlockedKey | None = None,
                 progress: ProgressFn = no_progress, cancelled: CancelledFn = never_cancelled,
                 file_progress: FileProgressFn | None = None) -> IngestReport:
    """Take files (and folders, walked) into the case. A file that cannot be read or stored is a
    failure on that file and the batch goes on; a cancel keeps the files already stored, whole; once
    the sign-in ends nothing more is recorded and the files left are reported.

    ``progress`` counts bytes over the whole batch; ``file_progress`` names the first file, in batch
    order, of those being read (files of one chunk or less are read on the calling thread in order,
    larger ones on workers side by side); calls never overlap. With ``seal_with`` each item is sealed
    in the transaction that records it. Items are recorded in the batch's order.
    """
    require(actor, Action.INGEST_EVIDENCE)
    if seal_with is not None:
        require(actor, Action.SEAL_EVIDENCE)
    clean = validate_acquisition(acquisition or Acquisition())
    with database.session_scope() as session:
        require_open(find_case(session, case_number))
    batch = _expand(paths)
    files = batch.files
    feedback = _Feedback(progress, file_progress, len(files), sum(size for _path, size in files))
    halted = threading.Event()  # set on cancel, on sign-out and on the way out: nothing new starts

    def stop() -> bool:
        return halted.is_set() or cancelled() or actor.sign_in.ended

    def stage(index: int) -> tuple[StagedBlob, str, bytes]:
        path, size = files[index]
        name = display_name(path)
        reader = feedback.reader(index, name, size)
        reader(0)
        try:
            staged, head = _stage(vault, path, reader, stop)
        finally:
            feedback.read(index)
        return staged, name, head

    def commit(index: int, staged: StagedBlob, name: str, head: bytes) -> _Stored:
        # Always runs once staged, even after a cancel: the bytes were read whole, and a stored blob
        # no row names is harmless (the record stage decides what is kept).
        staged.commit(name_sync=False)
        return _Stored(index, files[index][0], name, staged.digests, detect_mime(head, name))

    # Taken on this thread in batch order, given back by the worker: bounds the cores and memory large
    # files take, and starts them in order (one slot: one after the other, as a single stream).
    large_slots = threading.BoundedSemaphore(_side_by_side())

    def store_large(index: int) -> _Stored:
        try:
            if stop():
                raise Cancelled()
            return commit(index, *stage(index))
        finally:
            large_slots.release()

    items: list[ItemInfo] = []
    recorded: set[int] = set()
    failed: dict[int, IngestFailure] = {}
    pending: list[_Stored] = []
    group_started = time.monotonic()
    user_cancelled = False
    sign_out: NotAllowed | None = None

    def record(group: list[_Stored]) -> None:
        nonlocal sign_out
        try:
            vault.sync_names()
        except MedisealError as error:
            failed.update((stored.index, _failure(stored.path, error)) for stored in group)
            return
        try:
            items.extend(_record(database, actor, case_number, clean, group, seal_with))
            recorded.update(stored.index for stored in group)
            return
        except NotAllowed as error:
            if actor.sign_in.ended:
                sign_out = error
                halted.set()
                failed.update((stored.index, _failure(stored.path, error)) for stored in group)
                return
            if len(group) == 1:
                failed[group[0].index] = _failure(group[0].path, error)
                return
        except MedisealError as error:
            if len(group) == 1:
                failed[group[0].index] = _failure(group[0].path, error)
                return
        except sqlalchemy.exc.OperationalError as error:
            # The database itself (locked past the timeout, gone), not one file's record: no retries.
            failed.update((stored.index, _failure(stored.path, _refused_by_database(stored.name, error)))
                          for stored in group)
            return
        except sqlalchemy.exc.SQLAlchemyError as error:
            if len(group) == 1:
                failed[group[0].index] = _failure(group[0].path, _refused_by_database(group[0].name, error))
                return
        # The group as a whole was refused: one file's record may be at fault, so each goes alone.
        for stored in group:
            if sign_out is None:
                record([stored])
            else:
                failed[stored.index] = _failure(stored.path, sign_out)

    def flush() -> None:
        nonlocal pending, group_started
        group, pending = pending, []
        group_started = time.monotonic()
        if group and sign_out is None:
            record(group)

    def halt_if_asked() -> None:
        nonlocal user_cancelled, sign_out
        if sign_out is not None or user_cancelled:
            return
        if actor.sign_in.ended:
            sign_out = _signed_out(actor)
            halted.set()
        elif cancelled():
            user_cancelled = True
            halted.set()

    window: deque[tuple[int, Future[_Stored]]] = deque()

    def settle_oldest() -> None:
        if pending and not window[0][1].done():
            flush()  # record what is ready before waiting for a long file
        index, future = window.popleft()
        path, size = files[index]
        try:
            pending.append(future.result())
        except Cancelled:
            pass  # a cancel or a sign-out: see halt_if_asked
        except (MedisealError, OSError) as error:
            failed[index] = _failure(path, error)
        feedback.finished(index, size)
        halt_if_asked()
        if pending and (len(pending) >= GROUP_FILES or time.monotonic() - group_started >= GROUP_SECONDS):
            flush()

    pool = ThreadPoolExecutor(min(STORE_THREADS, max(1, len(files))), thread_name_prefix="intake")
    try:
        for index, (path, size) in enumerate(files):
            halt_if_asked()
            if halted.is_set():
                break
            if size > CHUNK_BYTES:
                # Read and hashed on a worker, side by side with other large files (SM3: a core each).
                if not large_slots.acquire(blocking=False):
                    flush()  # record what is ready before waiting for a slot
                    large_slots.acquire()
                window.append((index, pool.submit(store_large, index)))
            else:
                # Read here, in batch order; made durable on a worker, fsyncs side by side.
                try:
                    window.append((index, pool.submit(commit, index, *stage(index))))
                except Cancelled:
                    feedback.finished(index, size)
                    continue  # halt_if_asked stops the loop
                except (MedisealError, OSError) as error:
                    failed[index] = _failure(path, error)
                    feedback.finished(index, size)
            while window and (len(window) >= FILES_IN_FLIGHT or window[0][1].done()):
                settle_oldest()
        while window:
            settle_oldest()
        flush()  # also after a cancel: the files stored so far are kept, whole
    finally:
        halted.set()
        pool.shutdown(wait=True)  # every staged blob is committed or discarded before this returns
    if sign_out is not None:
        # Nothing more is recorded for an ended sign-in: every file not recorded is reported.
        for index, (path, _size) in enumerate(files):
            if index not in recorded and index not in failed:
                failed[index] = _failure(path, sign_out)
    failures = [*batch.failures, *(failed[index] for index in sorted(failed))]
    return IngestReport(tuple(items), tuple(failures), cancelled=user_cancelled)
