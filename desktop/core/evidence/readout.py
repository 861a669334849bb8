"""Reading evidence out: a preview's first bytes and a checked copy to a file, each logged in the
item's custody trail."""

from __future__ import annotations

import hashlib
from pathlib import Path

from db.engine import Database
from desktop.core.errors import QT_TRANSLATE_NOOP, IntegrityError
from desktop.core.evidence.items import find_item, subject
from desktop.core.integrity import durable
from desktop.core.integrity.digests import CHUNK_BYTES, digest_stream
from desktop.core.progress import CancelledFn, ProgressFn, never_cancelled, no_progress, raise_if_cancelled
from desktop.core.storage.vault.interface import Vault
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Action, Actor, require, require_active


# --- reading out -----------------------------------------------------------------------------------
def read_for_view(database: Database, vault: Vault, actor: Actor, item_id: int, limit: int,
                  progress: ProgressFn = no_progress, cancelled: CancelledFn = never_cancelled) -> bytes:
    """Up to ``limit`` bytes of the item for a preview, read from the vault each time; the view is logged
    in its custody trail. The whole file is read and its SHA-256 and size checked first: a file that no
    longer matches its record is refused (``IntegrityError``), not shown, and no view is logged, since
    what the vault holds then is not the evidence as taken in (``copy_out`` refuses it the same way)."""
    require(actor, Action.VIEW_EVIDENCE)
    with database.session_scope() as session:
        row, _number = find_item(session, item_id)
        expected, size, record_sha256 = row.blob_sha256, row.size, row.record_sha256
    kept = bytearray()
    digest = hashlib.sha256()
    read = 0
    with vault.open(expected) as handle:
        while chunk := handle.read(CHUNK_BYTES):
            raise_if_cancelled(cancelled)
            digest.update(chunk)
            if len(kept) < limit:
                kept += chunk[:limit - len(kept)]
            read += len(chunk)
            progress(read, size)
    if digest.hexdigest() != expected or read != size:
        raise IntegrityError(QT_TRANSLATE_NOOP(
            "errors", "Evidence item {item} in the vault no longer matches the SHA-256 recorded when it was "
            "taken in, so it is not shown: what the vault holds now is not the evidence as recorded. Run a "
            "verification to see what differs."), item=item_id)
    with database.session_scope() as session:
        ledger.lock(session)  # then check the sign-in: a sign-out under way commits first
        require_active(actor)
        ledger.append(session, actor.name, EventKind.EVIDENCE_VIEWED, subject(item_id), record_sha256)
    return bytes(kept)


def copy_out(database: Database, vault: Vault, actor: Actor, item_id: int, destination: Path,
             progress: ProgressFn = no_progress, cancelled: CancelledFn = never_cancelled) -> Path:
    """Write a copy of the item to ``destination`` through the durable writer (never over an existing
    file; any name the file system takes, 255 bytes included), checking its SHA-256 on the way; a damaged
    vault copy or a cancel leaves nothing. Logged in the custody trail."""
    require(actor, Action.VIEW_EVIDENCE)
    with database.session_scope() as session:
        row, _number = find_item(session, item_id)
        expected, size = row.blob_sha256, row.size
    with vault.open(expected) as source, durable.new_file(destination) as out:

        def write(chunk: bytes) -> None:
            out.write(chunk)

        digests = digest_stream(source, lambda done: progress(done, size), cancelled, write)
        if digests.sha256 != expected:
            raise IntegrityError(QT_TRANSLATE_NOOP(
                "errors", "Evidence item {item} does not match its recorded SHA-256 (the vault copy is "
                "damaged); nothing was written. Run a verification."), item=item_id)
    with database.session_scope() as session:
        ledger.lock(session)  # then check the sign-in: a sign-out under way commits first
        require_active(actor)
        ledger.append(session, actor.name, EventKind.EVIDENCE_COPIED, subject(item_id), expected)
    return destination
