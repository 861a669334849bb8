"""Evidence items (证据 / 电子数据): their canonical records, lookup, listings and custody trail.

Each item has a canonical record (RFC 8785) naming its case, file, digests and acquisition; the record's
SHA-256 is logged in the ledger when the item is taken in. Every ingest, view, copy-out and seal of an
item is a ledger entry with the subject ``evidence:<id>``, which is the item's custody trail."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import NewType

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import EvidenceItem, EvidenceSeal, MediationCase, SigningKey
from desktop.core.cases.matters import find_case
from desktop.core.errors import (
    QT_TRANSLATE_NOOP,
    NotFound,
)
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.integrity.canonical import format_time
from desktop.core.trust import ledger

ItemId = NewType("ItemId", int)
ITEM_RECORD_TYPE = "evidence-item"
ITEM_RECORD_VERSION = 1


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


def item_info(row: EvidenceItem, case_number: str, seals: Iterable[SealInfo] = ()) -> ItemInfo:
    acquisition = Acquisition(row.source_kind, row.source_url, row.acquired_at, row.acquired_by, row.device,
                              row.note)
    return ItemInfo(ItemId(row.id), case_number, row.original_name, row.size, row.mime_type, row.blob_sha256,
                    row.sm3, acquisition, row.ingested_by, row.ingested_at, row.record_sha256, tuple(seals))


def get_item(session: Session, item_id: int) -> ItemInfo:
    row, number = find_item(session, item_id)
    return item_info(row, number, _seals(session, [row.id])[row.id])


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
    return [item_info(row, number, seals[row.id]) for row, number in rows]


def custody_trail(session: Session, item_id: int) -> list[ledger.Entry]:
    """Every ledger entry about the item: ingest, views, copies, seals, exports."""
    find_item(session, item_id)
    return ledger.subject_entries(session, subject(item_id))
