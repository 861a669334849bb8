"""Evidence items (证据 / 电子数据): ingest files into the vault, list and show them, view and copy them out.

Each item has a canonical record (RFC 8785) naming its case, file, digests and acquisition; the record's
SHA-256 is logged in the ledger when the item is taken in. Every ingest, view, copy-out and seal of an
item is a ledger entry with the subject ``evidence:<id>``, which is the item's custody trail.
"""

from __future__ import annotations

import mimetypes
import os
import stat
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import NewType
from urllib.parse import urlsplit

import filetype
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import Blob, EvidenceItem, EvidenceSeal, MediationCase, SigningKey, utc_now
from desktop.core import ledger
from desktop.core.canonical import as_utc, format_time, record_digest
from desktop.core.cases import find_case
from desktop.core.errors import (
    QT_TRANSLATE_NOOP,
    Cancelled,
    IntegrityError,
    InvalidInput,
    MedisealError,
    NotFound,
)
from desktop.core.permissions import Action, Actor, require
from desktop.core.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from desktop.core.signing_keys import UnlockedKey
from desktop.core.text import has_control
from desktop.core.vault import Digests, Vault, digest_stream

ItemId = NewType("ItemId", int)
ITEM_RECORD_TYPE = "evidence-item"
ITEM_RECORD_VERSION = 1
SOURCE_KINDS = ("upload", "web-capture", "photo", "audio", "video", "screen-recording", "document", "other")
TEXT_FIELD_MAX = 200
NOTE_MAX = 4000
URL_MAX = 2000
MIME_SNIFF_BYTES = 64 * 1024
EMPTY_MIME = "application/x-empty"
UNKNOWN_MIME = "application/octet-stream"
CLOCK_SKEW = timedelta(minutes=5)  # how far ahead of this computer's clock an acquisition time may be

# (index, count, name, bytes done, size): which file of a batch is being read, and how far.
FileProgressFn = Callable[[int, int, str, int, int], None]


@dataclass(frozen=True, slots=True)
class Acquisition:
    """How the evidence was obtained: source kind (网页取证 is ``web-capture``), URL, when, by whom, with
    what device or software, and a note."""

    source_kind: str = "upload"
    url: str | None = None
    acquired_at: datetime | None = None
    acquired_by: str = ""
    device: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class SealInfo:
    """One seal on an item: who, when, with which certificate, and the DER signature."""

    id: int
    item_id: ItemId
    signer: str
    sealed_at: datetime
    fingerprint: str
    signature: bytes
    key_revoked_at: datetime | None


@dataclass(frozen=True, slots=True)
class ItemInfo:
    """An evidence item as lists and the detail pane show it."""

    id: ItemId
    case_number: str
    name: str
    size: int
    mime_type: str
    sha256: str
    sm3: str
    acquisition: Acquisition
    ingested_by: str
    ingested_at: datetime
    record_sha256: str
    seals: tuple[SealInfo, ...] = ()


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


# --- validation ------------------------------------------------------------------------------------
def validate_acquisition(acquisition: Acquisition) -> Acquisition:
    """Check and tidy what the user typed about how the evidence was obtained."""
    kind = acquisition.source_kind.strip().lower().replace("_", "-")
    if kind not in SOURCE_KINDS:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "“{value}” is not a source kind; use one of: {kinds}."), field="source",
            value=acquisition.source_kind, kinds=", ".join(SOURCE_KINDS))
    url = (acquisition.url or "").strip() or None
    if url is not None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https", "ftp") or not parts.netloc or len(url) > URL_MAX \
                or has_control(url):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "“{value}” is not a web address (http:// or https://)."), field="url", value=url)
    if kind == "web-capture" and url is None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "A web capture (网页取证) needs the address of the page (--url)."), field="url")
    for name, value in (("acquired_by", acquisition.acquired_by), ("device", acquisition.device)):
        if len(value.strip()) > TEXT_FIELD_MAX or has_control(value.strip()):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "The field {field} must be at most {limit} characters on one line."),
                field=name, limit=TEXT_FIELD_MAX)
    acquired_at = as_utc(acquisition.acquired_at) if acquisition.acquired_at is not None else None
    if acquired_at is not None and acquired_at > utc_now() + CLOCK_SKEW:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The evidence cannot have been acquired in the future ({time})."), field="acquired_at",
            time=format_time(acquired_at))
    if len(acquisition.note) > NOTE_MAX:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The note must be at most {limit} characters."),
                           field="note", limit=NOTE_MAX)
    return Acquisition(kind, url, acquired_at, acquisition.acquired_by.strip(),
                       acquisition.device.strip(), acquisition.note.strip())


def display_name(path: Path) -> str:
    """The file's name as text; bytes that are not valid UTF-8 are kept visible as ``\\xNN``."""
    name = path.name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        name = os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def detect_mime(head: bytes, name: str) -> str:
    """The MIME type from the content's first bytes; the name is only a last resort."""
    if not head:
        return EMPTY_MIME
    kind = filetype.guess(head)
    if kind is not None:
        return str(kind.mime)
    if b"\x00" not in head:
        text = _as_text(head)
        if text is not None:
            start = text.lstrip("\ufeff \t\r\n").lower()
            if start.startswith(("<!doctype html", "<html")):
                return "text/html"
            if start.startswith("<?xml"):
                return "application/xml"
            if start.startswith("mime-version:") or "\nmime-version:" in start[:2000]:
                return "message/rfc822"  # MHTML web archives
            return "text/plain"
    guessed, _encoding = mimetypes.guess_type(name, strict=False)
    return guessed or UNKNOWN_MIME


def _as_text(head: bytes) -> str | None:
    for encoding in ("utf-8", "gb18030"):
        for cut in range(4):  # the sample may end inside a multi-byte character
            try:
                text = head[:len(head) - cut].decode(encoding)
            except UnicodeDecodeError:
                continue
            if all(ch in "\t\r\n\f" or not unicodedata.category(ch).startswith("C") for ch in text):
                return text
            break
    return None


# --- records ---------------------------------------------------------------------------------------
def item_record(row: EvidenceItem, case_number: str) -> dict[str, object]:
    """The item's canonical record: what is logged, sealed and exported."""
    return {
        "type": ITEM_RECORD_TYPE, "version": ITEM_RECORD_VERSION, "id": row.id, "case": case_number,
        "name": row.original_name, "size": row.size, "mime_type": row.mime_type,
        "sha256": row.blob_sha256, "sm3": row.sm3,
        "acquisition": {"source": row.source_kind, "url": row.source_url,
                        "acquired_at": format_time(row.acquired_at) if row.acquired_at else None,
                        "acquired_by": row.acquired_by, "device": row.device, "note": row.note},
        "ingested_by": row.ingested_by, "ingested_at": format_time(row.ingested_at),
    }


def subject(item_id: int) -> str:
    """The ledger subject of an item: its custody trail is every entry with this subject."""
    return f"evidence:{item_id}"


def find_item(session: Session, item_id: int) -> tuple[EvidenceItem, str]:
    found = session.execute(select(EvidenceItem, MediationCase.number).join(MediationCase)
                            .where(EvidenceItem.id == item_id)).first()
    if found is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no evidence item {item}."), item=item_id)
    return found[0], found[1]


def _seals(session: Session, item_ids: Iterable[int]) -> dict[int, list[SealInfo]]:
    ids = list(item_ids)
    seals: dict[int, list[SealInfo]] = {item_id: [] for item_id in ids}
    if not ids:
        return seals
    rows = session.execute(select(EvidenceSeal, SigningKey.fingerprint, SigningKey.revoked_at)
                           .join(SigningKey).where(EvidenceSeal.item_id.in_(ids)).order_by(EvidenceSeal.id))
    for seal, fingerprint, revoked_at in rows:
        seals[seal.item_id].append(SealInfo(seal.id, ItemId(seal.item_id), seal.signer, seal.sealed_at,
                                            fingerprint, seal.signature, revoked_at))
    return seals


def _info(row: EvidenceItem, case_number: str, seals: Iterable[SealInfo] = ()) -> ItemInfo:
    acquisition = Acquisition(row.source_kind, row.source_url, row.acquired_at, row.acquired_by, row.device,
                              row.note)
    return ItemInfo(ItemId(row.id), case_number, row.original_name, row.size, row.mime_type, row.blob_sha256,
                    row.sm3, acquisition, row.ingested_by, row.ingested_at, row.record_sha256, tuple(seals))


def get_item(session: Session, item_id: int) -> ItemInfo:
    row, number = find_item(session, item_id)
    return _info(row, number, _seals(session, [row.id])[row.id])


def get_record(session: Session, item_id: int) -> dict[str, object]:
    """The canonical record of one item (as sealed and logged)."""
    row, number = find_item(session, item_id)
    return item_record(row, number)


def list_items(session: Session, case_number: str | None = None) -> list[ItemInfo]:
    """Items of one case (or all), in the order they were taken in, with their seals."""
    query = select(EvidenceItem, MediationCase.number).join(MediationCase).order_by(EvidenceItem.id)
    if case_number is not None:
        query = query.where(EvidenceItem.case_id == find_case(session, case_number).id)
    rows = list(session.execute(query))
    seals = _seals(session, [row.id for row, _number in rows])
    return [_info(row, number, seals[row.id]) for row, number in rows]


def custody_trail(session: Session, item_id: int) -> list[ledger.Entry]:
    """Every ledger entry about the item: ingest, views, copies, seals, exports."""
    find_item(session, item_id)
    return ledger.subject_entries(session, subject(item_id))


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
    ledger.append(session, actor.name, "evidence.ingested", subject(row.id), row.record_sha256)
    return row


def ingest_files(database: Database, vault: Vault, actor: Actor, case_number: str, paths: Iterable[Path],
                 acquisition: Acquisition | None = None, *, seal_with: UnlockedKey | None = None,
                 progress: ProgressFn = no_progress, cancelled: CancelledFn = never_cancelled,
                 file_progress: FileProgressFn | None = None) -> IngestReport:
    """Take files (and folders, walked) into the case: each file is one unit of work, so a failure is
    recorded on its file and the batch goes on; a cancel keeps the files already completed.

    ``progress`` counts bytes over the whole batch. With ``seal_with`` each item is sealed as it lands.
    """
    from desktop.core import seals  # seals imports this module

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
                items.append(_info(row, case.number, made))
        except Cancelled:
            return IngestReport(tuple(items), tuple(failures), cancelled=True)
        except MedisealError as error:
            failures.append(_failure(path, error))
        except OSError as error:
            failures.append(_failure(path, error))
        done = base + size
        progress(done, total)
    return IngestReport(tuple(items), tuple(failures))


# --- reading out -----------------------------------------------------------------------------------
def read_for_view(database: Database, vault: Vault, actor: Actor, item_id: int, limit: int) -> bytes:
    """Up to ``limit`` bytes of the item for a preview; the view is logged in its custody trail."""
    require(actor, Action.VIEW_EVIDENCE)
    with database.session_scope() as session:
        ledger.lock(session)
        row, _number = find_item(session, item_id)
        with vault.open(row.blob_sha256) as handle:
            data = handle.read(limit)
        ledger.append(session, actor.name, "evidence.viewed", subject(row.id), row.record_sha256)
    return data


def _refuse_existing(destination: Path) -> None:
    if destination.exists():
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "{path} exists: Mediseal never overwrites a file; choose another name."),
            path=str(destination))


def copy_out(database: Database, vault: Vault, actor: Actor, item_id: int, destination: Path,
             progress: ProgressFn = no_progress, cancelled: CancelledFn = never_cancelled) -> Path:
    """Write a copy of the item to ``destination`` (never over an existing file), checking its SHA-256 on
    the way; logged in the custody trail."""
    require(actor, Action.VIEW_EVIDENCE)
    with database.session_scope() as session:
        row, _number = find_item(session, item_id)
        expected, size = row.blob_sha256, row.size
    _refuse_existing(destination)
    if not destination.parent.is_dir():
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The folder {path} does not exist."),
                           path=str(destination.parent))
    temp = destination.with_name(f".{destination.name}.mediseal-part")
    try:
        with vault.open(expected) as source, temp.open("xb") as out:
            digests = digest_stream(source, lambda done: progress(done, size), cancelled, out.write)
            out.flush()
            os.fsync(out.fileno())
        if digests.sha256 != expected:
            raise IntegrityError(QT_TRANSLATE_NOOP(
                "errors", "Evidence item {item} does not match its recorded SHA-256 (the vault copy is "
                "damaged); nothing was written. Run a verification."), item=item_id)
        _refuse_existing(destination)  # again: it may have appeared while the copy was written
        os.replace(temp, destination)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    with database.session_scope() as session:
        ledger.append(session, actor.name, "evidence.copied", subject(item_id), expected)
    return destination
