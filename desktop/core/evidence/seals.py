"""Seals (签章) on evidence items: a notary's ECDSA signature over the item's canonical record.

A seal is never replaced: the same notary cannot seal an item twice, and a second notary's seal is a
countersignature, a new row. Each seal is logged with the digest of its own canonical seal record.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import EvidenceItem, EvidenceSeal, MediationCase, utc_now
from desktop.core.cases.matters import require_open
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed
from desktop.core.evidence.items import ItemId, SealInfo, find_item, item_record, subject
from desktop.core.integrity.canonical import canonical_bytes, format_time, record_digest
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Action, Actor, require
from desktop.core.trust.signing_keys import UnlockedKey, require_usable_key

SEAL_RECORD_TYPE = "evidence-seal"
SEAL_RECORD_VERSION = 1


def seal_record(item_id: int, item_record_sha256: str, signer: str, fingerprint: str, sealed_at: datetime,
                signature: bytes) -> dict[str, object]:
    """The canonical record of a seal (what the ledger entry for it names by digest)."""
    return {"type": SEAL_RECORD_TYPE, "version": SEAL_RECORD_VERSION, "item": item_id,
            "record_sha256": item_record_sha256, "signer": signer, "certificate_sha256": fingerprint,
            "time": format_time(sealed_at), "signature": base64.b64encode(signature).decode("ascii")}


def seal_rows(session: Session, actor: Actor, key: UnlockedKey,
              items: Iterable[tuple[EvidenceItem, str]], now: datetime | None = None) -> list[SealInfo]:
    """Seal the given item rows (all or none); used by ``seal_items`` and by ingest with ``--seal``."""
    require(actor, Action.SEAL_EVIDENCE)
    sealed_at = now or utc_now()
    require_usable_key(session, actor, key, sealed_at)
    listed = list(items)
    for case_id in sorted({row.case_id for row, _number in listed}):
        case = session.get(MediationCase, case_id)
        if case is not None:
            require_open(case)  # an archived case's file is kept as archived
    ids = [row.id for row, _number in listed]
    already = set(session.scalars(select(EvidenceSeal.item_id).where(
        EvidenceSeal.item_id.in_(ids), EvidenceSeal.signer == actor.name)))
    if already:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "{user} has already sealed item(s) {items}; a seal is never replaced (another "
            "notary may countersign). Nothing was sealed."), user=actor.name,
            items=", ".join(str(item) for item in sorted(already)))
    seals: list[EvidenceSeal] = []
    for row, number in listed:
        record = item_record(row, number)
        if record_digest(record) != row.record_sha256:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "Evidence item {item} does not match its recorded digest; it cannot be sealed. "
                "Run a verification."), item=row.id)
        signature = key.sign(canonical_bytes(record))
        seals.append(EvidenceSeal(item_id=row.id, key_id=key.key_id, signer=actor.name, sealed_at=sealed_at,
                                  record_sha256=row.record_sha256, signature=signature))
    session.add_all(seals)
    session.flush()
    ledger.append_many(session, [ledger.NewEntry(
        actor.name, EventKind.EVIDENCE_SEALED, subject(seal.item_id),
        record_digest(seal_record(seal.item_id, seal.record_sha256, actor.name, key.fingerprint, sealed_at,
                                  seal.signature))) for seal in seals], sealed_at)
    return [SealInfo(seal.id, ItemId(seal.item_id), actor.name, sealed_at, key.fingerprint, seal.signature,
                     None) for seal in seals]


def seal_items(session: Session, actor: Actor, key: UnlockedKey, item_ids: Iterable[int]) -> list[SealInfo]:
    """Seal one or many items with the notary's key; refused as a whole if any is already sealed by
    this notary, for other roles and for a revoked key."""
    ids = sorted(set(item_ids))
    if not ids:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Name at least one evidence item to seal."))
    require(actor, Action.SEAL_EVIDENCE)
    ledger.lock(session)
    return seal_rows(session, actor, key, [find_item(session, item_id) for item_id in ids])
