"""Checkpoints: signed tree heads (tree size, root hash, time, signer's certificate fingerprint)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Checkpoint, SigningKey, utc_now
from db.timestamps import TimestampAuthority, TimestampRequest
from desktop.core.integrity.canonical import canonical_bytes, format_time
from desktop.core.trust import ledger
from desktop.core.trust.permissions import Action, Actor, require
from desktop.core.trust.signing_keys import UnlockedKey, require_usable_key

CHECKPOINT_TYPE = "checkpoint"
CHECKPOINT_VERSION = 1


@dataclass(frozen=True, slots=True)
class CheckpointInfo:
    """A checkpoint as stored: what was signed, by whom, and the signature."""

    id: int
    tree_size: int
    root_sha256: str
    signed_at: datetime
    signer: str
    fingerprint: str
    signature: bytes

    def record(self) -> dict[str, object]:
        """The canonical record the signature covers."""
        return checkpoint_record(self.tree_size, self.root_sha256, self.signed_at, self.signer,
                                 self.fingerprint)


def checkpoint_record(tree_size: int, root_sha256: str, signed_at: datetime, signer: str,
                      fingerprint: str) -> dict[str, object]:
    return {"type": CHECKPOINT_TYPE, "version": CHECKPOINT_VERSION, "tree_size": tree_size,
            "root_sha256": root_sha256, "time": format_time(signed_at), "signer": signer,
            "certificate_sha256": fingerprint}


def _info(row: Checkpoint, fingerprint: str) -> CheckpointInfo:
    return CheckpointInfo(row.id, row.tree_size, row.root_sha256, row.signed_at, row.signer, fingerprint,
                          row.signature)


def sign_checkpoint(session: Session, actor: Actor, key: UnlockedKey,
                    now: datetime | None = None) -> CheckpointInfo:
    """Sign the ledger's current tree head with ``actor``'s unlocked key, refused (``NotAllowed``) when the
    key is not usable now (``signing_keys.require_usable_key``)."""
    require(actor, Action.SIGN_CHECKPOINT)
    ledger.lock(session)  # first: the tree head and the checkpoint's number are read under it
    signed_at = now or utc_now()
    require_usable_key(session, actor, key, signed_at)
    tree_size = ledger.size(session)
    root = ledger.tree(session, tree_size).root(tree_size).hex()
    record = checkpoint_record(tree_size, root, signed_at, actor.name, key.fingerprint)
    # Numbered here, not by a database sequence (which a rolled-back insert leaves with a gap): checkpoints
    # run 1, 2, 3… with no gap, so verification names a deleted one (checkpoint-missing).
    number = int(session.scalar(select(func.max(Checkpoint.id))) or 0) + 1
    signed = canonical_bytes(record)
    row = Checkpoint(id=number, tree_size=tree_size, root_sha256=root, signed_at=signed_at,
                     signer=actor.name, key_id=key.key_id, signature=key.sign(signed))
    session.add(row)
    session.flush()
    if session.get(TimestampAuthority, 1) is not None:
        # Trusted timestamps (trust/timestamps.py): queued over the SHA-256 of the signed bytes; sent by
        # ``timestamps.send_pending`` outside this transaction.
        session.add(TimestampRequest(checkpoint_id=number, digest_sha256=hashlib.sha256(signed).hexdigest(),
                                     queued_at=signed_at, attempts=0, next_try_at=signed_at))
        session.flush()
    return _info(row, key.fingerprint)


def checkpoints(session: Session) -> list[CheckpointInfo]:
    """Every checkpoint, oldest first."""
    rows = session.execute(select(Checkpoint, SigningKey.fingerprint).join(SigningKey)
                           .order_by(Checkpoint.id))
    return [_info(row, fingerprint) for row, fingerprint in rows]


def latest(session: Session) -> CheckpointInfo | None:
    row = session.execute(select(Checkpoint, SigningKey.fingerprint).join(SigningKey)
                          .order_by(Checkpoint.id.desc()).limit(1)).first()
    return _info(row[0], row[1]) if row else None
